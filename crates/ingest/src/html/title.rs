//! The headline: `og:title` (else `twitter:title`, `<title>`, the first `h1`) without the
//! outlet's name that pages put before or after it ("… - اليوم السابع", "المدينة نيوز - …").
//!
//! The name goes when the page's `h1` is the headline with it stripped, or when an end part
//! between separators (` - `, ` | `, ` – `, ` — `, ` « `, ` » `, ` :: `) is the outlet named by
//! `og:site_name`.

use scraper::Html;

use super::{clean_text, collapse_ws, first_attr, selector};

/// Separators between a headline and the outlet's name, with the spaces around them.
const SEPARATORS: &[&str] = &[" - ", " | ", " – ", " — ", " « ", " » ", " :: ", " · "];

/// The page's headline, or None when it declares none.
pub(super) fn title(doc: &Html, outlet: Option<&str>) -> Option<String> {
    let raw = first_attr(doc, r#"meta[property="og:title"]"#, "content")
        .or_else(|| first_attr(doc, r#"meta[name="twitter:title"]"#, "content"))
        .or_else(|| {
            selector("title").and_then(|s| doc.select(&s).map(|e| collapse_ws(&e.text().collect::<String>())).find(|t| !t.is_empty()))
        });
    let h1s: Vec<String> = selector("h1")
        .map(|s| doc.select(&s).take(4).map(|e| clean_text(&e)).filter(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 2).collect())
        .unwrap_or_default();
    match raw {
        Some(raw) => Some(strip_outlet(&raw, outlet, &h1s)),
        None => h1s.into_iter().next(),
    }
}

/// `raw` without the outlet's name: the `h1` it contains when what is left around that is only
/// separators and a few words, else without end parts naming `outlet`.
pub(super) fn strip_outlet(raw: &str, outlet: Option<&str>, h1s: &[String]) -> String {
    for h1 in h1s {
        if h1 == raw {
            return raw.to_string();
        }
        if let Some(at) = raw.find(h1.as_str()) {
            let rest = format!("{} {}", &raw[..at], &raw[at + h1.len()..]);
            let separated =
                SEPARATORS.iter().any(|s| raw[..at].ends_with(s.trim_start()) || raw[at + h1.len()..].starts_with(s.trim_end()));
            let words = |s: &str| s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            if separated && words(&rest) <= 8 && words(h1) >= words(&rest) {
                return h1.clone();
            }
        }
    }
    let Some(outlet) = outlet.map(name_key).filter(|o| !o.is_empty()) else { return strip_named_outlet(raw) };
    let mut t = raw;
    loop {
        let before = t;
        for sep in SEPARATORS {
            if let Some((head, tail)) = t.rsplit_once(sep) {
                if same_name(tail, &outlet) && !head.trim().is_empty() {
                    t = head;
                }
            }
            if let Some((head, tail)) = t.split_once(sep) {
                if same_name(head, &outlet) && !tail.trim().is_empty() {
                    t = tail;
                }
            }
        }
        if t == before {
            return strip_named_outlet(t.trim());
        }
    }
}

/// `raw` without a last part that names an outlet by its kind (" - جريدة الغد", " | وكالة الأنباء",
/// " - Daily Wire Service"): at most four words after the last separator, the first of them an
/// outlet word of the page rules (`outlet-word`), and a headline of three words or more before it.
fn strip_named_outlet(raw: &str) -> String {
    for sep in SEPARATORS {
        if let Some((head, tail)) = raw.rsplit_once(sep) {
            let words: Vec<&str> = tail.split_whitespace().collect();
            let named = !words.is_empty() && words.len() <= 4 && words.iter().any(|w| super::rules::PAGE_RULES.is_outlet_word(w));
            if named && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    raw.to_string()
}

/// Letters and digits only, lowercased: "CNNArabic.com" and "cnnarabic" compare equal.
fn name_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A title part names the outlet: equal keys, or one key starts the other ("CNNArabic.com" for
/// "CNNArabic", "الصباح | Assabah" for "Assabah News" does not).
fn same_name(part: &str, outlet: &str) -> bool {
    let p = name_key(part);
    !p.is_empty() && (p == outlet || p.starts_with(outlet) || (p.chars().count() >= 3 && outlet.starts_with(&p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn the_outlet_name_goes_before_or_after() {
        let headline = "وصول تعزيزات عسكرية إلى الحدود الشمالية";
        for raw in [format!("{headline} - جريدة المثال"), format!("جريدة المثال | {headline}"), format!("{headline} « جريدة المثال")]
        {
            assert_eq!(strip_outlet(&raw, Some("جريدة المثال"), &[]), headline, "{raw}");
        }
        // The h1 tells the headline when no site name is declared, however many sections follow.
        let raw = format!("{headline} - أخبار عربية - تقارير - المثال");
        assert_eq!(strip_outlet(&raw, None, &h(&[headline])), headline);
        assert_eq!(strip_outlet(&format!(" المثال نيوز - {headline}"), None, &h(&[headline])), headline);
        // A name with a domain.
        assert_eq!(strip_outlet(&format!("{headline} - Mithal.com"), Some("Mithal"), &[]), headline);
        // No site name and no h1: a last part naming a kind of outlet is the outlet's name.
        for tail in ["جريدة الغد", "وكالة الأنباء", "شبكة الرصد الإخبارية", "Daily Wire Service"] {
            assert_eq!(strip_outlet(&format!("{headline} - {tail}"), None, &[]), headline, "{tail}");
        }
    }

    #[test]
    fn a_headline_is_not_cut_where_no_outlet_is_named() {
        // A quotation mark inside the headline, a dash of the headline's own, an unrelated h1.
        let t = "الوزير لـ«المثال»: لا انسحاب - ولا تفاوض قبل وقف القصف";
        assert_eq!(strip_outlet(t, Some("جريدة أخرى"), &h(&["قائمة الأخبار"])), t);
        assert_eq!(strip_outlet(t, None, &[]), t);
        // A short h1 (a section's name) is no headline.
        assert_eq!(strip_outlet("عاجل - الجيش يقصف أطراف المدينة", None, &h(&["عاجل"])), "عاجل - الجيش يقصف أطراف المدينة");
        // A last part without an outlet word stays (a place, a quote's speaker).
        assert_eq!(strip_outlet("قصف عنيف على أطراف المدينة - حلب", None, &[]), "قصف عنيف على أطراف المدينة - حلب");
        // The outlet's name alone is kept rather than emptied.
        assert_eq!(strip_outlet("جريدة المثال", Some("جريدة المثال"), &[]), "جريدة المثال");
    }
}

//! The publication date of a page, from the surest place that has one:
//!
//! 1. JSON-LD: `datePublished` of a `NewsArticle`/`Article`/`BlogPosting` … (also inside
//!    `@graph` or a list), else of any object;
//! 2. meta tags and microdata: `article:published_time`, `pubdate`, `DC.date.issued` …,
//!    `itemprop="datePublished"` (the keys are data: `date-meta` in data/page_rules.tsv);
//! 3. `<time datetime>`;
//! 4. the visible byline: an element whose class or id names a date (`date-class`), its text
//!    read by rasad-numtime (Arabic month names of both series, Hijri dates, Arabic-Indic and
//!    Persian digits) or as a Solar Hijri date (۲۹ بهمن ۱۳۹۸);
//! 5. the URL (`/2020/03/17/`, `/2020-03-17`).
//!
//! A timestamp keeps its own local day: `2020-12-25T01:00+03:00` is 2020-12-25.

use std::sync::LazyLock;

use jiff::civil::Date;
use rasad_model::Precision;
use rasad_text::{analyze, tokenize, Segmenter};
use scraper::{ElementRef, Html};
use serde_json::Value;

use super::rules::PAGE_RULES;
use super::{collapse_ws, selector};

/// Where a page's publication date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// A JSON-LD `datePublished`.
    JsonLd,
    /// A meta tag or a microdata `datePublished`.
    Meta,
    /// A `<time datetime>` element.
    Time,
    /// The date shown on the page near the headline.
    Byline,
    /// The page's address.
    Url,
}

impl DateSource {
    /// `json-ld`, `meta`, `time`, `byline` or `url`, as stored and exported.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::JsonLd => "json-ld",
            DateSource::Meta => "meta",
            DateSource::Time => "time",
            DateSource::Byline => "byline",
            DateSource::Url => "url",
        }
    }
}

impl std::fmt::Display for DateSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// JSON-LD types of an article, whose `datePublished` is preferred.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// Elements of the byline read, and the most text of one.
const BYLINE: (usize, usize) = (12, 200);

/// The publication day (YYYY-MM-DD) and where it was read; None when the page shows none.
pub(super) fn published(doc: &Html, url: Option<&str>) -> Option<(String, DateSource)> {
    let found = json_ld(doc)
        .map(|d| (d, DateSource::JsonLd))
        .or_else(|| meta(doc).map(|d| (d, DateSource::Meta)))
        .or_else(|| time(doc).map(|d| (d, DateSource::Time)))
        .or_else(|| byline(doc).map(|d| (d, DateSource::Byline)))
        .or_else(|| url.and_then(url_day).map(|d| (d, DateSource::Url)))?;
    Some((found.0.to_string(), found.1))
}

fn json_ld(doc: &Html) -> Option<Date> {
    let sel = selector("script")?;
    let (mut article, mut any) = (None, None);
    for s in doc.select(&sel) {
        if !s.value().attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
            continue;
        }
        let raw: String = s.text().collect();
        // Raw line breaks inside strings are common and not JSON.
        let v: Value = match serde_json::from_str(&raw) {
            Ok(v) => v,
            Err(_) => match serde_json::from_str(&raw.replace(['\n', '\r', '\t'], " ")) {
                Ok(v) => v,
                Err(_) => {
                    any = any.or_else(|| loose_date_published(&raw));
                    continue;
                }
            },
        };
        walk_ld(&v, &mut article, &mut any, 0);
        if article.is_some() {
            break;
        }
    }
    article.or(any)
}

/// Looks through JSON-LD for `datePublished`, of an article type into `article`, else into `any`.
fn walk_ld(v: &Value, article: &mut Option<Date>, any: &mut Option<Date>, depth: usize) {
    if depth > 16 || article.is_some() {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| walk_ld(i, article, any, depth + 1)),
        Value::Object(o) => {
            let date = o.get("datePublished").and_then(|d| match d {
                Value::String(s) => day_of(s),
                Value::Array(a) => a.iter().filter_map(Value::as_str).find_map(day_of),
                _ => None,
            });
            if let Some(d) = date {
                let is_article = match o.get("@type") {
                    Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                    Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(|t| ARTICLE_TYPES.contains(&t)),
                    _ => false,
                };
                if is_article {
                    *article = Some(d);
                    return;
                }
                any.get_or_insert(d);
            }
            o.values().for_each(|x| walk_ld(x, article, any, depth + 1));
        }
        _ => {}
    }
}

/// `"datePublished": "…"` in JSON-LD that does not parse.
fn loose_date_published(raw: &str) -> Option<Date> {
    let at = raw.find("\"datePublished\"")?;
    let rest = raw[at + 15..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    day_of(&rest[..rest.find('"')?])
}

fn meta(doc: &Html) -> Option<Date> {
    let keys = &PAGE_RULES.date_meta;
    let mut best: Option<(usize, Date)> = None;
    let sel = selector("meta, [itemprop]")?;
    for e in doc.select(&sel) {
        let v = e.value();
        for key in [v.attr("property"), v.attr("name"), v.attr("itemprop")].into_iter().flatten() {
            let key = key.trim().to_ascii_lowercase();
            let Some(rank) = keys.iter().position(|k| *k == key) else { continue };
            if best.is_some_and(|(r, _)| r <= rank) {
                continue;
            }
            let value = v.attr("content").or(v.attr("datetime")).map(str::to_string).unwrap_or_else(|| text_of(&e));
            if let Some(d) = day_of(&value) {
                best = Some((rank, d));
            }
        }
    }
    best.map(|(_, d)| d)
}

fn time(doc: &Html) -> Option<Date> {
    let sel = selector("time[datetime]")?;
    doc.select(&sel).filter_map(|e| e.value().attr("datetime")).find_map(day_of)
}

/// The first date in the text of an element whose class or id names a date.
fn byline(doc: &Html) -> Option<Date> {
    let sel = selector("[class], [id]")?;
    let names = &PAGE_RULES.date_class;
    doc.select(&sel)
        .filter(|e| {
            [e.value().attr("class"), e.value().attr("id")].into_iter().flatten().any(|c| {
                let c = c.to_ascii_lowercase();
                names.iter().any(|n| c.contains(n))
            })
        })
        .map(|e| text_of(&e))
        .filter(|t| !t.is_empty() && t.chars().count() <= BYLINE.1)
        .take(BYLINE.0)
        .find_map(|t| day_of(&t))
}

fn text_of(e: &ElementRef) -> String {
    collapse_ws(&e.text().collect::<String>())
}

/// A day in an address: `/2020/03/17/`, `/2020-03-17`, `_20200317`.
fn url_day(url: &str) -> Option<Date> {
    let b = url.as_bytes();
    let digits = |i: usize, n: usize| b.get(i..i + n).filter(|s| s.iter().all(u8::is_ascii_digit)).map(|s| std::str::from_utf8(s).ok());
    let num = |i: usize, n: usize| digits(i, n).flatten().and_then(|s| s.parse::<i32>().ok());
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() || !matches!(b[i], b'1' | b'2') {
            continue;
        }
        let Some(y) = num(i, 4).filter(|y| (1995..=2100).contains(y)) else { continue };
        let sep = b.get(i + 4).copied();
        let (m, d, end) = match sep {
            Some(s @ (b'/' | b'-' | b'_')) if b.get(i + 7) == Some(&s) => (num(i + 5, 2), num(i + 8, 2), i + 10),
            _ => (num(i + 4, 2), num(i + 6, 2), i + 8),
        };
        if b.get(end).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        if let (Some(m), Some(d)) = (m, d) {
            if let Ok(date) = Date::new(y as i16, m as i8, d as i8) {
                return Some(date);
            }
        }
    }
    None
}

/// The day a date value or a line of text states: ISO-like first (its own local day), else
/// Arabic or Solar Hijri words.
pub(super) fn day_of(s: &str) -> Option<Date> {
    iso_like(s).or_else(|| arabic_day(s)).or_else(|| solar_hijri(s)).filter(|d| (1995..=2100).contains(&d.year()))
}

/// Digits of any script as ASCII.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        })
        .collect()
}

/// `YYYY-MM-DD`, `YYYY/M/D` at the start, with or without a time after it.
fn iso_like(s: &str) -> Option<Date> {
    let s = ascii_digits(s.trim());
    let mut parts = s.splitn(3, ['-', '/', '.']);
    let y: i16 = parts.next().filter(|p| p.len() == 4).and_then(|p| p.parse().ok())?;
    let m: i8 = parts.next().filter(|p| (1..=2).contains(&p.len())).and_then(|p| p.parse().ok())?;
    let rest = parts.next()?;
    let dlen = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&dlen) || rest[dlen..].starts_with(|c: char| c.is_alphanumeric() && c != 'T' && c != 't') {
        return None;
    }
    Date::new(y, m, rest[..dlen].parse().ok()?).ok()
}

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(|| Segmenter::new(std::iter::empty::<&str>()));

/// A full date in Arabic words, read by rasad-numtime: "الجمعة 24 نيسان / أبريل 2020",
/// "٣ كانون الثاني ٢٠٢١", "10 ذي الحجة 1445".
fn arabic_day(s: &str) -> Option<Date> {
    if s.chars().count() > 400 {
        return None;
    }
    let toks = tokenize(s);
    let words = analyze(&toks, &SEGMENTER);
    rasad_numtime::parse_times(s, &words, None)
        .into_iter()
        .find(|t| t.precision == Some(Precision::Day))
        .and_then(|t| t.value?.parse().ok())
}

/// Solar Hijri months (the Iranian calendar), in order.
const SOLAR_MONTHS: &[&str] = &["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];

/// "۲۹ بهمن ۱۳۹۸" (day, month name, year 1300–1499) as a Gregorian day.
fn solar_hijri(s: &str) -> Option<Date> {
    let s = ascii_digits(s);
    let words: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == '،' || c == ',').filter(|w| !w.is_empty()).collect();
    words.windows(3).find_map(|w| {
        let day: u8 = w[0].parse().ok().filter(|d| (1..=31).contains(d))?;
        let month = SOLAR_MONTHS.iter().position(|m| *m == w[1])? as u8 + 1;
        let year: i32 = w[2].parse().ok().filter(|y| (1300..1500).contains(y))?;
        let p = icu_calendar::Date::try_new_persian(year, month, day).ok()?;
        let iso = p.to_calendar(icu_calendar::Iso);
        Date::new(i16::try_from(iso.year().extended_year()).ok()?, iso.month().ordinal as i8, iso.day_of_month().0 as i8).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        day_of(s).map(|d| d.to_string())
    }

    fn page(head: &str, body: &str) -> Option<(String, &'static str)> {
        let doc = Html::parse_document(&format!("<html><head>{head}</head><body>{body}</body></html>"));
        published(&doc, None).map(|(d, s)| (d, s.as_str()))
    }

    #[test]
    fn a_timestamp_keeps_its_local_day() {
        assert_eq!(d("2020-12-25T01:00+03:00").as_deref(), Some("2020-12-25"));
        assert_eq!(d("2020-06-03T03:01+0400").as_deref(), Some("2020-06-03"));
        assert_eq!(d("2020-12-01 02:00:00").as_deref(), Some("2020-12-01"));
        assert_eq!(d("2019/4/2").as_deref(), Some("2019-04-02"));
        assert_eq!(d("٢٠٢١-٠٤-٢٢").as_deref(), Some("2021-04-22"));
        assert_eq!(d("2019-02-30"), None);
        assert_eq!(d("1890-01-01"), None);
    }

    #[test]
    fn arabic_month_names_of_both_series_and_solar_hijri() {
        assert_eq!(d("الجمعة 24 نيسان / أبريل 2020 09:22 مساءً").as_deref(), Some("2020-04-24"));
        assert_eq!(d("نشر في ٣ كانون الثاني ٢٠٢١").as_deref(), Some("2021-01-03"));
        assert_eq!(d("الثلاثاء 17 مارس 2020").as_deref(), Some("2020-03-17"));
        assert_eq!(d("۲۹ بهمن ۱۳۹۸").as_deref(), Some("2020-02-18"));
        assert_eq!(d("أمس الخميس"), None);
    }

    #[test]
    fn json_ld_first_even_in_a_graph() {
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","datePublished":"2001-01-01"},
            {"@type":["NewsArticle"],"headline":"خبر
            على سطرين","datePublished":"2021-05-10T23:30:00+03:00"}]}</script>"#;
        let meta = r#"<meta property="article:published_time" content="2021-05-09">"#;
        assert_eq!(page(&format!("{meta}{ld}"), ""), Some(("2021-05-10".into(), "json-ld")));
        assert_eq!(page(meta, ""), Some(("2021-05-09".into(), "meta")));
        // Broken JSON still gives its datePublished.
        assert_eq!(
            page(r#"<script type="application/ld+json">{"datePublished": "2021-05-08", }}</script>"#, ""),
            Some(("2021-05-08".into(), "json-ld"))
        );
    }

    #[test]
    fn meta_in_arabic_words_microdata_time_byline_and_url() {
        assert_eq!(page(r#"<meta name="date" content="الأحد 7 حزيران 2020">"#, ""), Some(("2020-06-07".into(), "meta")));
        assert_eq!(page("", r#"<span itemprop="datePublished">٣ يونيو ٢٠٢٠</span>"#), Some(("2020-06-03".into(), "meta")));
        assert_eq!(page("", r#"<time datetime="2020-06-03T23:10:00-05:00">أمس</time>"#), Some(("2020-06-03".into(), "time")));
        assert_eq!(
            page("", r#"<h1>عنوان</h1><div class="article_created">تم نشره الجمعة 24 نيسان 2020</div>"#),
            Some(("2020-04-24".into(), "byline"))
        );
        assert_eq!(page("", r#"<div class="post-meta">۲۹ بهمن ۱۳۹۸</div>"#), None);
        assert_eq!(url_day("https://example.invalid/news/2020/03/17/item").map(|d| d.to_string()).as_deref(), Some("2020-03-17"));
        assert_eq!(url_day("https://example.invalid/a-20200317-b").map(|d| d.to_string()).as_deref(), Some("2020-03-17"));
        assert_eq!(url_day("https://example.invalid/news/1234567890"), None);
    }
}

//! Main text of a news page: the article's paragraphs without navigation, related links,
//! captions, share buttons, scripts or comments; with the title, publication date, canonical URL
//! and outlet name the page declares.
//!
//! The rule (readability-like, kept small): paragraphs (`p`, and `div`s holding only inline text)
//! outside page furniture are grouped by their parent; the parent with the most Arabic or Latin
//! letters in its paragraphs is the article body. Furniture is any element that is, or sits
//! inside, `nav header footer aside form figure figcaption script style noscript iframe svg button
//! select template`, or whose class or id names a known block (related, share, comment, menu,
//! breadcrumb, caption, sidebar, widget, ad …).

use scraper::{ElementRef, Html, Node, Selector};

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The headline (`og:title`, else the first `h1`, else `<title>`).
    pub title: Option<String>,
    /// Paragraphs of the body, one per line block, separated by blank lines.
    pub text: String,
    /// YYYY-MM-DD from the page's metadata.
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Outlet name (`og:site_name`).
    pub outlet: Option<String>,
}

const FURNITURE_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "script",
    "style",
    "noscript",
    "iframe",
    "svg",
    "button",
    "select",
    "template",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "menu",
    "dialog",
];

/// Words in a class or id that mark page furniture.
const FURNITURE_NAMES: &[&str] = &[
    "related",
    "share",
    "sharing",
    "social",
    "comment",
    "footer",
    "header",
    "nav",
    "menu",
    "breadcrumb",
    "caption",
    "sidebar",
    "widget",
    "advert",
    "ads",
    "banner",
    "promo",
    "newsletter",
    "subscribe",
    "tags",
    "most-read",
    "mostread",
    "popular",
    "read-more",
    "readmore",
    "more-news",
    "author-bio",
    "cookie",
    "modal",
    "popup",
    "print",
    "toolbar",
    "pagination",
    "ticker",
    "sponsored",
];

fn is_furniture(el: &ElementRef) -> bool {
    let v = el.value();
    if FURNITURE_TAGS.contains(&v.name()) {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(v.attr("role"), Some("navigation" | "banner" | "contentinfo" | "complementary")) {
        return true;
    }
    let names = v.attr("class").unwrap_or("").to_ascii_lowercase() + " " + &v.attr("id").unwrap_or("").to_ascii_lowercase();
    names
        .split(|c: char| c.is_whitespace() || c == '_')
        .any(|n| FURNITURE_NAMES.iter().any(|f| n == *f || n.starts_with(&format!("{f}-")) || n.ends_with(&format!("-{f}"))))
}

fn in_furniture(el: &ElementRef) -> bool {
    is_furniture(el) || el.ancestors().filter_map(ElementRef::wrap).any(|a| is_furniture(&a))
}

/// The element's text with whitespace runs collapsed; text inside furniture is left out.
fn clean_text(el: &ElementRef) -> String {
    let mut out = String::new();
    collect_text(el, &mut out);
    collapse_ws(&out)
}

fn collect_text(el: &ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if let Some(c) = ElementRef::wrap(child) {
                    if is_furniture(&c) {
                        continue;
                    }
                    if e.name() == "br" {
                        out.push(' ');
                    }
                    collect_text(&c, out);
                }
            }
            _ => {}
        }
    }
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel).filter_map(|e| e.value().attr(attr)).map(collapse_ws).find(|s| !s.is_empty())
}

fn first_text(doc: &Html, css: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel).map(|e| clean_text(&e)).find(|s| !s.is_empty())
}

/// YYYY-MM-DD at the start of a metadata date (2018-06-13T10:00:00+03:00 → 2018-06-13).
fn iso_day(s: &str) -> Option<String> {
    let b = s.trim().as_bytes();
    let ok = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    ok.then(|| String::from_utf8_lossy(&b[..10]).into_owned())
}

const BLOCKS: &[&str] = &["p", "div", "li", "blockquote", "h2", "h3", "h4", "td", "section", "article", "pre"];

/// True for a `div` (or similar) whose children are only text and inline elements: a paragraph
/// written without `<p>`.
fn is_text_block(el: &ElementRef) -> bool {
    el.children().all(|c| match c.value() {
        Node::Element(e) => !BLOCKS.contains(&e.name()) && e.name() != "p",
        _ => true,
    })
}

/// Extracts the article from a page.
pub fn extract(html: &str) -> Article {
    let doc = Html::parse_document(html);
    let mut art = Article {
        title: first_attr(&doc, r#"meta[property="og:title"]"#, "content")
            .or_else(|| first_text(&doc, "h1"))
            .or_else(|| first_text(&doc, "title")),
        url: first_attr(&doc, r#"link[rel="canonical"]"#, "href").or_else(|| first_attr(&doc, r#"meta[property="og:url"]"#, "content")),
        outlet: first_attr(&doc, r#"meta[property="og:site_name"]"#, "content"),
        published: [
            (r#"meta[property="article:published_time"]"#, "content"),
            (r#"meta[itemprop="datePublished"]"#, "content"),
            (r#"meta[name="pubdate"]"#, "content"),
            (r#"meta[name="date"]"#, "content"),
            (r#"meta[name="DC.date.issued"]"#, "content"),
            ("time[datetime]", "datetime"),
        ]
        .iter()
        .find_map(|(css, attr)| first_attr(&doc, css, attr).and_then(|d| iso_day(&d))),
        text: String::new(),
    };
    art.text = body_text(&doc);
    art
}

/// Paragraphs of the best-scoring parent, in document order.
fn body_text(doc: &Html) -> String {
    let Some(sel) = selector("p, div, td, blockquote, li") else { return String::new() };
    // Candidate paragraphs with their parent's node id.
    let mut paras: Vec<(ElementRef, String)> = Vec::new();
    for el in doc.select(&sel) {
        let name = el.value().name();
        if name != "p" && !is_text_block(&el) {
            continue;
        }
        if in_furniture(&el) {
            continue;
        }
        // A paragraph nested in another candidate paragraph is read with it.
        if el.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "p") {
            continue;
        }
        let text = clean_text(&el);
        if letters(&text) < 2 {
            continue;
        }
        paras.push((el, text));
    }
    let parent_of = |el: &ElementRef| el.parent().map(|p| p.id());
    let mut scores = Vec::new();
    for (el, text) in &paras {
        let Some(pid) = parent_of(el) else { continue };
        // Short lines (bylines, link lists) count for little.
        let n = letters(text);
        let weight = if n >= 40 { n } else { n / 4 };
        match scores.iter_mut().find(|(id, _)| *id == pid) {
            Some((_, s)) => *s += weight,
            None => scores.push((pid, weight)),
        }
    }
    let Some(&(best, _)) = scores.iter().max_by_key(|(_, s)| *s) else { return String::new() };
    let mut out = String::new();
    for (el, text) in &paras {
        if parent_of(el) == Some(best) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(text);
        }
    }
    out
}

/// Plain text of an HTML fragment (a feed item's description): every text node outside
/// furniture, block elements on their own lines.
pub fn fragment_text(html: &str) -> String {
    let frag = Html::parse_fragment(html);
    let mut out = String::new();
    fragment_walk(frag.root_element(), &mut out);
    out.lines().map(collapse_ws).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n\n")
}

fn fragment_walk(el: ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let Some(c) = ElementRef::wrap(child) else { continue };
                if is_furniture(&c) {
                    continue;
                }
                let block = BLOCKS.contains(&e.name()) || e.name() == "br" || e.name() == "h1";
                if block {
                    out.push('\n');
                }
                fragment_walk(c, out);
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="ar" dir="rtl"><head>
        <title>وصول تعزيزات - جريدة المثال</title>
        <meta property="og:title" content="وصول تعزيزات إلى الحدود">
        <meta property="og:site_name" content="جريدة المثال">
        <meta property="article:published_time" content="2019-04-02T08:15:00+03:00">
        <link rel="canonical" href="https://example.invalid/news/1">
        <script>var x = "<p>ليس نصا</p>";</script>
        </head><body>
        <header><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav></header>
        <article><h1>وصول تعزيزات إلى الحدود</h1>
          <div class="share-buttons"><a>شارك</a></div>
          <p>وصلت قافلة من المدرعات إلى المعبر الحدودي صباح الثلاثاء، بحسب مصادر محلية.</p>
          <figure><img src="a.jpg"><figcaption>صورة أرشيفية للمعبر</figcaption></figure>
          <p>وقال مسؤول محلي إن القافلة ضمت نحو 40 آلية عسكرية.</p>
          <div class="related-articles"><p>اقرأ أيضا: خبر آخر طويل بما يكفي ليبدو فقرة من فقرات المقال</p></div>
        </article>
        <footer><p>جميع الحقوق محفوظة لجريدة المثال ٢٠١٩</p></footer>
        </body></html>"#;

    #[test]
    fn keeps_the_article_and_drops_the_furniture() {
        let a = extract(PAGE);
        assert_eq!(a.text, "وصلت قافلة من المدرعات إلى المعبر الحدودي صباح الثلاثاء، بحسب مصادر محلية.\n\nوقال مسؤول محلي إن القافلة ضمت نحو 40 آلية عسكرية.");
        assert_eq!(a.title.as_deref(), Some("وصول تعزيزات إلى الحدود"));
        assert_eq!(a.published.as_deref(), Some("2019-04-02"));
        assert_eq!(a.url.as_deref(), Some("https://example.invalid/news/1"));
        assert_eq!(a.outlet.as_deref(), Some("جريدة المثال"));
    }

    #[test]
    fn hostile_markup_yields_text_not_markup() {
        let a = extract("<p>نص <script>alert(1)</script><img src=x onerror=alert(2)> &lt;b&gt;عادي&lt;/b&gt; <b>عريض</b></p>");
        assert_eq!(a.text, "نص <b>عادي</b> عريض");
        assert!(!a.text.contains("alert"));
    }

    #[test]
    fn paragraphs_written_as_divs_count() {
        let a = extract("<body><div id=main><div>الفقرة الأولى من الخبر وهي طويلة بما يكفي لتحسب فقرة كاملة.</div><div>والفقرة الثانية كذلك طويلة بما يكفي لتحسب فقرة.</div></div></body>");
        assert_eq!(a.text.split("\n\n").count(), 2);
    }

    #[test]
    fn empty_and_broken_pages_give_empty_text() {
        assert_eq!(extract("").text, "");
        assert_eq!(extract("<html><body><nav><p>قائمة</p></nav>").text, "");
        assert_eq!(extract("<<<>>><p").text, "");
    }

    #[test]
    fn fragments_keep_block_breaks() {
        assert_eq!(fragment_text("<p>الأولى</p><p>الثانية<br>والثالثة</p>"), "الأولى\n\nالثانية\n\nوالثالثة");
    }
}

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
    // Without allocating: this runs for every element, some twice.
    let furniture_word = |n: &str| {
        FURNITURE_NAMES.iter().any(|f| {
            n.eq_ignore_ascii_case(f)
                || n.get(..f.len() + 1).is_some_and(|h| h.ends_with('-') && h[..f.len()].eq_ignore_ascii_case(f))
                || n.len() > f.len() && n.get(n.len() - f.len() - 1..).is_some_and(|t| t.starts_with('-') && t[1..].eq_ignore_ascii_case(f))
        })
    };
    [v.attr("class"), v.attr("id")]
        .into_iter()
        .flatten()
        .any(|names| names.split(|c: char| c.is_whitespace() || c == '_').any(furniture_word))
}

/// The element's text with whitespace runs collapsed; text inside furniture is left out.
fn clean_text(el: &ElementRef) -> String {
    let mut out = String::new();
    collect_text(el, &mut out);
    collapse_ws(&out)
}

fn collect_text(el: &ElementRef, out: &mut String) {
    walk_text(*el, out, false);
}

/// Appends the text of `el`'s subtree outside furniture; `blocks` puts block elements on lines
/// of their own, otherwise `br` is a space. Iterative, so a deeply nested page cannot overflow
/// the stack: furniture subtrees are skipped by counting how deep inside one the walk is.
fn walk_text(el: ElementRef, out: &mut String, blocks: bool) {
    use ego_tree::iter::Edge;
    let block = |name: &str| blocks && (BLOCKS.contains(&name) || name == "br" || name == "h1");
    let mut skip = 0usize;
    for edge in el.traverse().skip(1) {
        match edge {
            Edge::Open(node) => {
                if skip > 0 {
                    skip += usize::from(node.value().is_element());
                    continue;
                }
                match node.value() {
                    Node::Text(t) => out.push_str(t),
                    Node::Element(e) => {
                        if ElementRef::wrap(node).is_some_and(|c| is_furniture(&c)) {
                            skip = 1;
                        } else if block(e.name()) {
                            out.push('\n');
                        } else if e.name() == "br" {
                            out.push(' ');
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip > 0 {
                    skip -= usize::from(node.value().is_element());
                } else if let Node::Element(e) = node.value() {
                    if block(e.name()) {
                        out.push('\n');
                    }
                }
            }
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

use crate::dom::TooBig;
pub use crate::dom::{MAX_DEPTH, MAX_ELEMENTS};

/// A page that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// Elements nested deeper than [`MAX_DEPTH`] (parsing stops there).
    #[error("HTML nested deeper than {MAX_DEPTH} elements ({0} levels reached); not a news page")]
    TooDeep(usize),
    /// More than [`MAX_ELEMENTS`] elements (parsing stops there).
    #[error("HTML with more than {MAX_ELEMENTS} elements; not a news page")]
    TooMany,
}

/// Extracts the article from a page, or says why it cannot: parsing stops at a page nested
/// deeper than [`MAX_DEPTH`], so that time stays linear in the page's size.
pub fn try_extract(html: &str) -> Result<Article, PageError> {
    crate::dom::parse_document(html).map(|doc| article(&doc)).map_err(|e| match e {
        TooBig::Deep(d) => PageError::TooDeep(d),
        TooBig::Many => PageError::TooMany,
    })
}

/// Extracts the article from a page; a page nested too deep gives an empty article (see
/// [`try_extract`]).
pub fn extract(html: &str) -> Article {
    try_extract(html).unwrap_or_default()
}

fn article(doc: &Html) -> Article {
    let mut art = Article {
        title: first_attr(doc, r#"meta[property="og:title"]"#, "content")
            .or_else(|| first_text(doc, "h1"))
            .or_else(|| first_text(doc, "title")),
        url: first_attr(doc, r#"link[rel="canonical"]"#, "href").or_else(|| first_attr(doc, r#"meta[property="og:url"]"#, "content")),
        outlet: first_attr(doc, r#"meta[property="og:site_name"]"#, "content"),
        published: [
            (r#"meta[property="article:published_time"]"#, "content"),
            (r#"meta[itemprop="datePublished"]"#, "content"),
            (r#"meta[name="pubdate"]"#, "content"),
            (r#"meta[name="date"]"#, "content"),
            (r#"meta[name="DC.date.issued"]"#, "content"),
            ("time[datetime]", "datetime"),
        ]
        .iter()
        .find_map(|(css, attr)| first_attr(doc, css, attr).and_then(|d| iso_day(&d))),
        text: String::new(),
    };
    art.text = body_text(doc);
    art
}

/// Paragraphs of the best-scoring parent, in document order. One walk of the tree marks what
/// is inside furniture or inside a `p`; no element's ancestors are walked again.
fn body_text(doc: &Html) -> String {
    use ego_tree::iter::Edge;
    // Candidate paragraphs with their text.
    let mut paras: Vec<(ElementRef, String)> = Vec::new();
    let (mut furniture, mut in_p) = (0usize, 0usize);
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) => {
                let Some(el) = ElementRef::wrap(node) else { continue };
                let name = el.value().name();
                let furn = is_furniture(&el);
                let candidate = matches!(name, "p" | "div" | "td" | "blockquote" | "li")
                    && furniture == 0
                    && !furn
                    && in_p == 0
                    && (name == "p" || is_text_block(&el));
                if candidate {
                    let text = clean_text(&el);
                    if letters(&text) >= 2 {
                        paras.push((el, text));
                    }
                }
                furniture += usize::from(furn);
                in_p += usize::from(name == "p");
            }
            Edge::Close(node) => {
                let Some(el) = ElementRef::wrap(node) else { continue };
                furniture -= usize::from(is_furniture(&el));
                in_p -= usize::from(el.value().name() == "p");
            }
        }
    }
    let parent_of = |el: &ElementRef| el.parent().map(|p| p.id());
    let mut scores: std::collections::HashMap<ego_tree::NodeId, usize> = std::collections::HashMap::new();
    let mut order = Vec::new();
    for (el, text) in &paras {
        let Some(pid) = parent_of(el) else { continue };
        // Short lines (bylines, link lists) count for little.
        let n = letters(text);
        let weight = if n >= 40 { n } else { n / 4 };
        let s = scores.entry(pid).or_insert_with(|| {
            order.push(pid);
            0
        });
        *s += weight;
    }
    // Of equal scores the last wins.
    let Some(best) = order.iter().copied().max_by_key(|id| scores[id]) else { return String::new() };
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
    // A fragment nested too deep for the parser gives its text between the tags instead.
    let Ok(frag) = crate::dom::parse_fragment(html) else {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    out.push(' ');
                }
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        return collapse_ws(&out);
    };
    let mut out = String::new();
    walk_text(frag.root_element(), &mut out, true);
    out.lines().map(collapse_ws).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n\n")
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
    fn deep_pages_are_refused_in_linear_time_and_deep_fragments_still_give_text() {
        let deep = "<table><tr><td>".repeat(5_000) + "نص";
        assert!(matches!(try_extract(&deep), Err(PageError::TooDeep(d)) if d > MAX_DEPTH));
        // Paragraphs and list items left open are not nesting.
        assert!(try_extract(&"<p>فقرة <li>بند".repeat(2_000)).is_ok());
        // Nesting the tags do not show (a self-closed div opens one; an unmatched end tag closes
        // none): 100,000 took 20 s in a release build when only the tags were counted.
        for open in ["<div>", "<div/>", "<div></x>"] {
            let page = format!("<html><body>{}<p>نص</p></body></html>", open.repeat(100_000));
            let t = std::time::Instant::now();
            assert!(matches!(try_extract(&page), Err(PageError::TooDeep(d)) if d > MAX_DEPTH), "{open}");
            assert!(t.elapsed().as_secs() < 5, "{open}: {:?}", t.elapsed());
        }
        assert_eq!(fragment_text(&("<b>".repeat(3_000) + "عاجل")), "عاجل");
    }

    #[test]
    fn nesting_under_the_limit_is_read_without_recursion() {
        // Deep enough to have overflowed a recursive walk on a small thread stack.
        let page = format!("<body><p>{}الخبر الكامل هنا بما يكفي من الحروف{}</p></body>", "<b>".repeat(400), "</b>".repeat(400));
        let text =
            std::thread::Builder::new().stack_size(64 * 1024).spawn(move || try_extract(&page).map(|a| a.text)).unwrap().join().unwrap();
        assert_eq!(text.unwrap(), "الخبر الكامل هنا بما يكفي من الحروف");
    }

    #[test]
    fn fragments_keep_block_breaks() {
        assert_eq!(fragment_text("<p>الأولى</p><p>الثانية<br>والثالثة</p>"), "الأولى\n\nالثانية\n\nوالثالثة");
    }
}

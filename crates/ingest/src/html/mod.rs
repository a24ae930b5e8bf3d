//! Main text of a news page: the article's paragraphs without navigation, related links,
//! captions, share buttons, scripts or comments; with the title, publication date (and where it
//! was read), canonical URL, outlet name and language the page declares or shows.
//!
//! - [`text`]: the paragraphs, by text and link density per block (readability-like);
//! - [`title`]: `og:title` or `<title>` without the outlet's name;
//! - [`date`]: JSON-LD, meta tags, `<time>`, the visible byline, the URL;
//! - [`lang`]: Arabic, Persian, Urdu … from the letters and words of the text;
//! - `rules`: page furniture and boilerplate as data (`data/page_rules.tsv`).

mod date;
mod lang;
mod rules;
mod text;
mod title;

pub use date::DateSource;
pub use lang::of_text as language_of;
use rules::Kind;
use scraper::{ElementRef, Html, Node, Selector};

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The headline (`og:title`, else `<title>`, else the first `h1`), without the outlet's name.
    pub title: Option<String>,
    /// Paragraphs of the body, separated by blank lines (`\n\n`); whitespace inside a paragraph
    /// is collapsed to single spaces.
    pub text: String,
    /// YYYY-MM-DD: the publication day as the page states it (a timestamp's local day).
    pub published: Option<String>,
    /// Where [`Article::published`] was read.
    pub date_source: Option<DateSource>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Outlet name (`og:site_name`).
    pub outlet: Option<String>,
    /// ISO 639-1 code of the text's language (`ar`, `fa`, `ur`, `en` …); None when too little
    /// text to tell.
    pub lang: Option<String>,
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
                        if matches!(rules::PAGE_RULES.kind(e), Kind::Skip | Kind::Furniture) {
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

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel).filter_map(|e| e.value().attr(attr)).map(collapse_ws).find(|s| !s.is_empty())
}

const BLOCKS: &[&str] = &["p", "div", "li", "blockquote", "h2", "h3", "h4", "td", "section", "article", "pre"];

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
    let outlet = first_attr(doc, r#"meta[property="og:site_name"]"#, "content");
    let text = text::body_text(doc);
    let title = title::title(doc, outlet.as_deref());
    let url = first_attr(doc, r#"link[rel="canonical"]"#, "href").or_else(|| first_attr(doc, r#"meta[property="og:url"]"#, "content"));
    let (published, date_source) = match date::published(doc, url.as_deref()) {
        Some((d, s)) => (Some(d), Some(s)),
        None => (None, None),
    };
    let lang = lang::detect(doc, title.as_deref(), &text);
    Article { title, text, published, date_source, url, outlet, lang }
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

//! Page furniture and boilerplate as data: `data/page_rules.tsv` (tags, roles, class and id
//! tokens, promotion phrases), read once.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use scraper::node::Element;

const RULES: &str = include_str!("../../data/page_rules.tsv");

/// The rules of `data/page_rules.tsv`, by kind. Names and tokens are ASCII-lowercased.
#[derive(Debug)]
pub(crate) struct Rules {
    skip: HashSet<&'static str>,
    tags: HashSet<&'static str>,
    roles: HashSet<&'static str>,
    names: HashSet<String>,
    words: HashSet<String>,
    content: HashSet<String>,
    /// Phrases of promotion lines, as written.
    pub(crate) promo: Vec<&'static str>,
    /// Starts of headings that open a furniture block, as written (lowercase for Latin).
    headings: Vec<&'static str>,
    /// Words that name a kind of outlet (جريدة، وكالة، news), as written (lowercase for Latin).
    outlet_words: HashSet<&'static str>,
    /// Meta keys of the publication date, lowercase, the surest first.
    pub(crate) date_meta: Vec<&'static str>,
    /// Parts of a class or id of a date's element, lowercase.
    pub(crate) date_class: Vec<&'static str>,
}

/// The rules, parsed at first use. A malformed line is a build mistake the tests catch.
pub(crate) static PAGE_RULES: LazyLock<Rules> = LazyLock::new(|| parse(RULES).expect("data/page_rules.tsv"));

/// Reads the rule table: `kind<TAB>value` a line, `#` comments. An unknown kind or a line
/// without a tab is an error naming the line.
fn parse(src: &'static str) -> Result<Rules, String> {
    let mut r = Rules {
        skip: HashSet::default(),
        tags: HashSet::default(),
        roles: HashSet::default(),
        names: HashSet::default(),
        words: HashSet::default(),
        content: HashSet::default(),
        promo: Vec::new(),
        headings: Vec::new(),
        outlet_words: HashSet::default(),
        date_meta: Vec::new(),
        date_class: Vec::new(),
    };
    for (n, line) in src.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((kind, value)) = line.split_once('\t') else { return Err(format!("line {}: no tab", n + 1)) };
        match kind {
            "skip" => r.skip.insert(value),
            "tag" => r.tags.insert(value),
            "role" => r.roles.insert(value),
            "name" => r.names.insert(value.to_ascii_lowercase()),
            "word" => r.words.insert(value.to_ascii_lowercase()),
            "content" => r.content.insert(value.to_ascii_lowercase()),
            "promo" => {
                r.promo.push(value);
                true
            }
            "outlet-word" => r.outlet_words.insert(value),
            "heading" => {
                r.headings.push(value);
                true
            }
            "date-meta" => {
                r.date_meta.push(value);
                true
            }
            "date-class" => {
                r.date_class.push(value);
                true
            }
            _ => return Err(format!("line {}: unknown kind {kind:?}", n + 1)),
        };
    }
    Ok(r)
}

/// What an element is to the main-text reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Holds no readable text (a script, a style, a form control): skipped with its subtree.
    Skip,
    /// Page furniture (navigation, share bar, related links, caption …), unless it holds most of
    /// the page's text.
    Furniture,
    /// Marked as the article's text (`itemprop="articleBody"`, `class="entry-content"`).
    Content,
    /// Anything else.
    Plain,
}

impl Rules {
    /// Classifies an element by its tag, role, `hidden` attributes and whole class and id tokens.
    pub(crate) fn kind(&self, e: &Element) -> Kind {
        let name = e.name();
        if self.skip.contains(name) {
            return Kind::Skip;
        }
        let tokens = || [e.attr("class"), e.attr("id"), e.attr("itemprop")].into_iter().flatten().flat_map(|v| v.split_ascii_whitespace());
        // Lowercased only when needed: this runs for every element.
        let within = |set: &HashSet<String>, t: &str| {
            if t.bytes().any(|b| b.is_ascii_uppercase()) {
                set.contains(&t.to_ascii_lowercase())
            } else {
                set.contains(t)
            }
        };
        let has = |set: &HashSet<String>| tokens().any(|t| within(set, t));
        if has(&self.content) {
            return Kind::Content;
        }
        if matches!(name, "html" | "body" | "main" | "article") {
            return Kind::Plain;
        }
        let furniture = self.tags.contains(name)
            || e.attr("hidden").is_some()
            || e.attr("aria-hidden") == Some("true")
            || e.attr("role").is_some_and(|r| self.roles.contains(r))
            || has(&self.names)
            || tokens().flat_map(|t| t.split(['-', '_'])).any(|w| within(&self.words, w));
        if furniture {
            Kind::Furniture
        } else {
            Kind::Plain
        }
    }

    /// True for a tag whose content is never text.
    pub(crate) fn is_skip(&self, name: &str) -> bool {
        self.skip.contains(name)
    }

    /// True for a short paragraph promoting something else: the outlet's channels, another article.
    /// Whether a heading's text announces page furniture (التعليقات (6)، اقرأ أيضا، Related): the
    /// block it opens is not the article.
    pub(crate) fn is_furniture_heading(&self, text: &str) -> bool {
        let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
        t.chars().count() <= 40 && self.headings.iter().any(|h| t.starts_with(h) || t.to_lowercase().starts_with(h))
    }

    /// Whether a word names a kind of outlet (a title's " - جريدة الغد" is the outlet's name).
    pub(crate) fn is_outlet_word(&self, w: &str) -> bool {
        self.outlet_words.contains(w) || self.outlet_words.contains(w.to_lowercase().as_str())
    }

    pub(crate) fn is_promo(&self, text: &str, words: usize) -> bool {
        words <= 30 && self.promo.iter().any(|p| text.contains(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_bad_lines_are_named() {
        let r = parse(RULES).unwrap();
        assert!(r.skip.contains("script") && r.tags.contains("nav") && r.names.contains("share") && !r.promo.is_empty());
        assert!(
            r.is_furniture_heading("التعليقات (6)") && r.is_furniture_heading(" اقرأ أيضا:") && r.is_furniture_heading("Related articles")
        );
        assert!(
            !r.is_furniture_heading("قصف جديد على حلب")
                && !r.is_furniture_heading("تعليقات الوزير على الاتفاق أثارت جدلا واسعا في الأوساط السياسية")
        );
        assert!(parse("# c\nname\tx\nwhat\ty\n").unwrap_err().contains("line 3"));
        assert!(parse("name x\n").unwrap_err().contains("line 1"));
    }

    #[test]
    fn names_match_whole_tokens() {
        let doc = scraper::Html::parse_fragment(
            r#"<div class="entry-content no-share">a</div><div class="Share">b</div><div class="share-count">c</div><div class="x modal-window">m</div>
            <body class="menu"></body><form>x</form><script></script><div itemprop="articleBody" class="share">d</div>"#,
        );
        let kinds: Vec<Kind> =
            doc.root_element().descendants().filter_map(scraper::ElementRef::wrap).skip(1).map(|e| PAGE_RULES.kind(e.value())).collect();
        assert_eq!(kinds, [Kind::Content, Kind::Furniture, Kind::Plain, Kind::Furniture, Kind::Furniture, Kind::Skip, Kind::Content]);
    }
}

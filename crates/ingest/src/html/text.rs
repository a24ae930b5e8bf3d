//! The article's paragraphs, chosen by text and link density as readability and trafilatura do.
//!
//! 1. The page is cut into *units*: runs of inline text between block boundaries (a block
//!    element's start or end, or a `<br>`), so that text written with `<br>` beside an ad `<div>`
//!    counts as well as `<p>`s. Each unit knows its letters and how many of them are link text.
//! 2. Furniture (data/page_rules.tsv: navigation, share bars, captions …) is left out, unless it
//!    holds at least half of the page's letters: one wrapper never discards the article.
//! 3. Units are grouped by their paragraph's parent (a `<p>` or a text-only `<div>` by its
//!    parent; text beside block children by its own container) and a group scores its letters,
//!    weighed by how little of them is link text; short lines count a quarter, lines inside an
//!    element marked as the article's text (`itemprop="articleBody"`, data/page_rules.tsv) twice.
//!    The best group is the body.
//! 4. Sibling blocks of the body, and of up to [`LEVELS`] of its containers, join when they are
//!    prose (long units, few links): a lead paragraph in a block of its own.
//! 5. Out go link-dense units (related headlines, "read also" links), promotion lines and `h1`.

use rustc_hash::FxHashMap as HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::collapse_ws;
use super::rules::{Kind, PAGE_RULES};

/// A unit with more than this share of its letters in links is navigation, not prose.
const LINK_DENSE: f64 = 0.5;
/// Letters of a unit that counts in full (fewer: a quarter) and that can be a sibling's prose.
const LONG: usize = 40;
/// Letters and most link share of a unit that makes a sibling block prose.
const PROSE: (usize, f64) = (60, 0.25);
/// Letters that furniture must hold, at least half of the page's, to be taken for its wrapper.
const DOMINANT_MIN: usize = 150;
/// How much more a unit inside an element marked as the article's text weighs.
const MARKED: f64 = 2.0;
/// A block after the body joins it when its prose has at least `.0 / .1` of the body's letters.
const TRAILING: (usize, usize) = (1, 2);
/// Containers of the body whose sibling blocks may join it.
const LEVELS: usize = 3;

/// A run of text between block boundaries.
struct Unit {
    /// Whitespace collapsed.
    text: String,
    /// Alphabetic characters.
    letters: usize,
    /// Alphabetic characters inside `<a>`.
    link: usize,
    /// The nearest block element holding it.
    owner: NodeId,
    /// Inside `h1`: the headline, not the body.
    h1: bool,
    /// Inside `h2`–`h6`: kept with the body, never scored.
    heading: bool,
    /// Inside an element marked as the article's text (`itemprop="articleBody"` …).
    marked: bool,
}

impl Unit {
    fn link_density(&self) -> f64 {
        self.link as f64 / self.letters.max(1) as f64
    }
    fn is_prose(&self) -> bool {
        !self.heading && !self.h1 && self.letters >= PROSE.0 && self.link_density() < PROSE.1
    }
    fn is_noise(&self) -> bool {
        self.h1 || self.link_density() > LINK_DENSE || PAGE_RULES.is_promo(&self.text, self.text.split(' ').count())
    }
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// False for the elements that do not break a paragraph (and for `br`, which ends a unit
/// without opening a block).
fn is_block(name: &str) -> bool {
    !matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "br"
            | "cite"
            | "code"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "img"
            | "ins"
            | "kbd"
            | "label"
            | "mark"
            | "nobr"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
    )
}

/// Paragraphs of the article, separated by blank lines; empty when the page has none.
pub(crate) fn body_text(doc: &Html) -> String {
    let kinds = classify(doc);
    let (units, ranges) = collect(doc, &kinds);
    let groups = groups(doc, &units);
    let Some((body, body_letters)) = best(&groups) else { return String::new() };
    // The units under a block element are a run of indexes; under an inline one, found by walking up.
    let inside = |i: usize, top: NodeId| match ranges.get(&top) {
        Some(r) => r.contains(&i),
        None => doc.tree.get(units[i].owner).is_some_and(|n| n.id() == top || n.ancestors().any(|a| a.id() == top)),
    };
    // Blocks after the body's last paragraph (a disclaimer, an author's note) join only when
    // they are as big as half of it: the second half of an article cut by an ad.
    let last = (0..units.len()).rev().find(|&i| groups.of[i] == Some(body)).unwrap_or(0);
    let trailing_ok = |prose: usize| prose * TRAILING.1 >= body_letters * TRAILING.0;
    let mut keep = vec![false; units.len()];
    for i in 0..units.len() {
        if units[i].is_noise() || !inside(i, body) {
            continue;
        }
        keep[i] = match groups.of[i] {
            Some(g) if g != body && i > last => trailing_ok(groups.letters(g)),
            _ => true,
        };
    }
    // Siblings of the body and of its containers that are prose.
    let (mut node, mut levels) = (doc.tree.get(body), 0);
    while let Some(n) = node {
        let Some(parent) = n.parent() else { break };
        if parent.value().as_element().is_none_or(|e| matches!(e.name(), "body" | "html")) {
            break;
        }
        let mut any = false;
        let mut after = false;
        for sib in parent.children().filter(|s| s.value().is_element()) {
            if sib.id() == n.id() {
                after = true;
                continue;
            }
            let (mut prose, mut noise) = (0, 0);
            let mine: Vec<usize> = match ranges.get(&sib.id()) {
                Some(r) => r.clone().collect(),
                None => (0..units.len()).filter(|&i| inside(i, sib.id())).collect(),
            };
            for &i in &mine {
                if units[i].is_prose() {
                    prose += units[i].letters;
                } else if !units[i].heading {
                    noise += units[i].letters;
                }
            }
            any |= !mine.is_empty();
            if prose > 0 && prose >= 2 * noise && (!after || trailing_ok(prose)) {
                mine.into_iter().filter(|&i| units[i].is_prose() && !units[i].is_noise()).for_each(|i| keep[i] = true);
            }
        }
        levels += usize::from(any);
        if levels >= LEVELS {
            break;
        }
        node = Some(parent);
    }
    // A short paragraph between two kept ones, beside one of them, is the article's too (a one-line
    // quote between two long paragraphs).
    let parent = |i: usize| doc.tree.get(units[i].owner).and_then(|n| n.parent()).map(|p| p.id());
    // The next kept unit after each, in one backward pass (a scan per unit would be quadratic on
    // pages of thousands of units).
    let mut next_kept: Vec<Option<usize>> = vec![None; units.len()];
    let mut after: Option<usize> = None;
    for i in (0..units.len()).rev() {
        next_kept[i] = after;
        if keep[i] {
            after = Some(i);
        }
    }
    let mut prev: Option<usize> = None;
    for i in 0..units.len() {
        if keep[i] {
            prev = Some(i);
            continue;
        }
        let Some(a) = prev else { continue };
        if units[i].is_noise() || units[i].letters == 0 {
            continue;
        }
        if next_kept[i].is_some_and(|b| parent(i).is_some() && (parent(i) == parent(a) || parent(i) == parent(b))) {
            keep[i] = true;
        }
    }
    let mut out = String::new();
    for (u, _) in units.iter().zip(&keep).filter(|(_, k)| **k) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&u.text);
    }
    out
}

/// Whether an element's first child element is a heading (h2–h6) that announces furniture
/// (التعليقات (6)، اقرأ أيضا): a block of reader comments or related links, however long.
fn opens_with_furniture_heading(node: NodeRef<'_, Node>) -> bool {
    let Some(first) = node.children().find(|c| c.value().is_element()) else { return false };
    if !first.value().as_element().is_some_and(|h| matches!(h.name(), "h2" | "h3" | "h4" | "h5" | "h6")) {
        return false;
    }
    let text: String = first.descendants().filter_map(|d| d.value().as_text().map(|t| t.to_string())).take(8).collect();
    PAGE_RULES.is_furniture_heading(&text)
}

/// The kinds of the elements that are not [`Kind::Plain`]; furniture holding at least half of the
/// page's letters is left out (it wraps the article).
fn classify(doc: &Html) -> HashMap<NodeId, Kind> {
    let mut kinds = HashMap::default();
    // Letters under each open element; furniture's are kept to be weighed at the end.
    let mut stack: Vec<usize> = vec![0];
    let mut furniture: Vec<(NodeId, usize)> = Vec::new();
    let mut skip = 0usize;
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(_) if skip > 0 => skip += 1,
                Node::Element(e) => {
                    let kind = match PAGE_RULES.kind(e) {
                        Kind::Plain if opens_with_furniture_heading(node) => Kind::Furniture,
                        k => k,
                    };
                    if kind == Kind::Skip {
                        skip = 1;
                    } else {
                        stack.push(0);
                    }
                    if kind != Kind::Plain {
                        kinds.insert(node.id(), kind);
                    }
                }
                Node::Text(t) if skip == 0 => *stack.last_mut().expect("root") += letters(t),
                _ => {}
            },
            Edge::Close(node) => {
                if !node.value().is_element() {
                    continue;
                }
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let n = stack.pop().unwrap_or(0);
                if let Some(top) = stack.last_mut() {
                    *top += n;
                }
                if kinds.get(&node.id()) == Some(&Kind::Furniture) {
                    furniture.push((node.id(), n));
                }
            }
        }
    }
    let total = stack.first().copied().unwrap_or(0);
    for (id, n) in furniture {
        if n * 2 >= total && n >= DOMINANT_MIN {
            kinds.remove(&id);
        }
    }
    kinds
}

/// The page's units in document order, outside furniture, and the indexes of the units under each
/// block element.
fn collect(doc: &Html, kinds: &HashMap<NodeId, Kind>) -> (Vec<Unit>, HashMap<NodeId, std::ops::Range<usize>>) {
    #[derive(Default)]
    struct Run {
        text: String,
        letters: usize,
        link: usize,
    }
    let mut units = Vec::new();
    let mut run = Run::default();
    let (mut skip, mut furniture, mut link, mut h1, mut heading, mut marked) = (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let mut owners: Vec<NodeId> = vec![doc.root_element().id()];
    let mut starts: Vec<usize> = vec![0];
    let mut ranges = HashMap::default();
    let flush = |run: &mut Run, units: &mut Vec<Unit>, owner: NodeId, (h1, heading, marked): (usize, usize, usize)| {
        if run.letters >= 2 {
            let (h1, heading, marked) = (h1 > 0, heading > 0, marked > 0);
            units.push(Unit { text: collapse_ws(&run.text), letters: run.letters, link: run.link, owner, h1, heading, marked });
        }
        *run = Run::default();
    };
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(_) if skip > 0 => skip += 1,
                Node::Element(e) => {
                    let kind = kinds.get(&node.id()).copied().unwrap_or(Kind::Plain);
                    let name = e.name();
                    if kind == Kind::Skip {
                        skip = 1;
                        continue;
                    }
                    if is_block(name) {
                        flush(&mut run, &mut units, *owners.last().expect("root"), (h1, heading, marked));
                        owners.push(node.id());
                        starts.push(units.len());
                    } else if name == "br" {
                        flush(&mut run, &mut units, *owners.last().expect("root"), (h1, heading, marked));
                    }
                    furniture += usize::from(kind == Kind::Furniture);
                    marked += usize::from(kind == Kind::Content);
                    link += usize::from(name == "a");
                    h1 += usize::from(name == "h1");
                    heading += usize::from(matches!(name, "h2" | "h3" | "h4" | "h5" | "h6"));
                }
                Node::Text(t) if skip == 0 && furniture == 0 => {
                    let n = letters(t);
                    run.text.push_str(t);
                    run.letters += n;
                    if link > 0 {
                        run.link += n;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(e) = node.value() else { continue };
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let name = e.name();
                if is_block(name) {
                    flush(&mut run, &mut units, *owners.last().expect("root"), (h1, heading, marked));
                    owners.pop();
                    ranges.insert(node.id(), starts.pop().unwrap_or(0)..units.len());
                }
                let kind = kinds.get(&node.id());
                furniture -= usize::from(kind == Some(&Kind::Furniture));
                marked -= usize::from(kind == Some(&Kind::Content));
                link -= usize::from(name == "a");
                h1 -= usize::from(name == "h1");
                heading -= usize::from(matches!(name, "h2" | "h3" | "h4" | "h5" | "h6"));
            }
        }
    }
    flush(&mut run, &mut units, *owners.last().expect("root"), (h1, heading, marked));
    (units, ranges)
}

/// The group of a unit: a paragraph's parent when its owner holds only inline content (a `<p>`,
/// a text-only `<div>`), else the owner itself (text beside block children).
fn group(node: NodeRef<'_, Node>) -> NodeId {
    let paragraph = node.children().all(|c| match c.value() {
        Node::Element(e) => !is_block(e.name()) || PAGE_RULES.is_skip(e.name()),
        _ => true,
    });
    match node.parent() {
        Some(p) if paragraph && p.value().is_element() => p.id(),
        _ => node.id(),
    }
}

/// The groups of the units and their scores.
struct Groups {
    /// Each unit's group; None for noise and headings, which are in none.
    of: Vec<Option<NodeId>>,
    /// Each group's score and letters, in the order first seen.
    scores: Vec<(NodeId, f64, usize)>,
}

impl Groups {
    fn letters(&self, g: NodeId) -> usize {
        self.scores.iter().find(|s| s.0 == g).map_or(0, |s| s.2)
    }
}

/// Groups the units: letters of prose, link text discounted, short lines a quarter.
fn groups(doc: &Html, units: &[Unit]) -> Groups {
    let mut owner_group: HashMap<NodeId, NodeId> = HashMap::default();
    let mut index: HashMap<NodeId, usize> = HashMap::default();
    let mut g = Groups { of: Vec::with_capacity(units.len()), scores: Vec::new() };
    for u in units {
        if u.is_noise() || u.heading {
            g.of.push(None);
            continue;
        }
        let id = *owner_group.entry(u.owner).or_insert_with(|| doc.tree.get(u.owner).map_or(u.owner, group));
        g.of.push(Some(id));
        let weight = if u.letters >= LONG { u.letters as f64 } else { u.letters as f64 / 4.0 } * if u.marked { MARKED } else { 1.0 };
        let i = *index.entry(id).or_insert_with(|| {
            g.scores.push((id, 0.0, 0));
            g.scores.len() - 1
        });
        g.scores[i].1 += weight * (1.0 - u.link_density());
        g.scores[i].2 += u.letters;
    }
    g
}

/// The best group and its letters; of equal scores the last.
fn best(groups: &Groups) -> Option<(NodeId, usize)> {
    groups.scores.iter().max_by(|a, b| a.1.total_cmp(&b.1)).map(|s| (s.0, s.2))
}

#[cfg(test)]
mod tests {
    //! Team-written pages, one per kind of page the reader must handle (issue 23).

    use crate::html::extract;

    const P1: &str =
        "أعلنت السلطات المحلية في المدينة صباح اليوم عن وصول قافلة مساعدات إنسانية تضم عشرين شاحنة محملة بالمواد الغذائية والطبية.";
    const P2: &str = "وقال مسؤول في الهلال الأحمر إن توزيع المساعدات سيبدأ غدا في الأحياء الشرقية التي تضررت بشدة خلال الأسابيع الماضية.";
    const P3: &str =
        "وأضاف أن فرق الإغاثة تعمل على تقييم الاحتياجات في القرى المجاورة، وأن قافلة ثانية ستصل خلال الأيام المقبلة إذا سمحت الظروف.";

    fn nav() -> String {
        let links: String = (0..30).map(|i| format!("<li><a href=\"/s{i}\">قسم الأخبار رقم {i}</a></li>")).collect();
        format!("<ul class=\"top\">{links}</ul>")
    }

    fn paras(ps: &[&str]) -> String {
        ps.iter().map(|p| format!("<p>{p}</p>")).collect()
    }

    #[test]
    fn a_wrapper_taken_for_furniture_does_not_discard_the_article() {
        // An ASP.NET form around the whole page; a body whose class names a menu; WordPress's
        // "entry-content no-share".
        for (open, close) in [
            ("<body><form id=\"aspnetForm\" method=\"post\">", "</form></body>"),
            ("<body class=\"menu-options\"><div class=\"menu\">", "</div></body>"),
            ("<body><div class=\"share\"><div class=\"entry-content no-share\">", "</div></div></body>"),
        ] {
            let page = format!("<html>{open}{}<div class=\"article\">{}</div>{close}</html>", nav(), paras(&[P1, P2, P3]));
            assert_eq!(extract(&page).text, format!("{P1}\n\n{P2}\n\n{P3}"), "{open}");
        }
        // Furniture that does not hold most of the page is still furniture.
        let page = format!("<body><div class=\"share\"><p>{P3}</p></div><div>{}</div></body>", paras(&[P1, P2, P1, P2]));
        assert!(!extract(&page).text.contains(P3));
    }

    #[test]
    fn a_block_opened_by_a_comments_or_related_heading_is_not_the_article() {
        // Six reader comments under a heading in plain divs outweigh a two-paragraph story by
        // letters; the heading says what they are.
        let comments: String = (0..6).map(|i| format!("<div class=\"r\"><p>{P3} تعليق رقم {i}</p></div>")).collect();
        for heading in ["التعليقات (6)", "اقرأ أيضا", "Related articles"] {
            let page = format!(
                "<body><div class=\"x1\"><h1>عنوان</h1>{}</div><div class=\"x2\"><h3>{heading}</h3>{comments}</div></body>",
                paras(&[P1, P2])
            );
            assert_eq!(extract(&page).text, format!("{P1}\n\n{P2}"), "{heading}");
        }
        // A heading of the article's own words opens no furniture.
        let page = format!("<body><div><h2>قافلة مساعدات تصل المدينة</h2>{}</div></body>", paras(&[P1, P2]));
        assert!(extract(&page).text.contains(P2));
    }

    #[test]
    fn a_short_paragraph_between_two_kept_ones_is_kept() {
        let short = "وقال ناشطون إن الغارات استهدفت سوقا شعبيا مزدحما.";
        let page = format!("<body><article><p>{P1}</p><p>{short}</p><div><p>{P2} {P3}</p></div></article></body>");
        assert_eq!(extract(&page).text, format!("{P1}\n\n{short}\n\n{P2} {P3}"));
    }

    #[test]
    fn text_written_with_br_beside_a_block_child_counts() {
        let page = format!(
            "<body>{}<div class=\"caption-box\"><div>صورة أرشيفية للمدينة من الجو التقطت العام الماضي</div></div>\
             <div class=\"story\">{P1}<br><br>{P2}<div class=\"ad-slot\"><script>ad()</script></div><br>{P3}</div></body>",
            nav()
        );
        assert_eq!(extract(&page).text, format!("{P1}\n\n{P2}\n\n{P3}"));
    }

    #[test]
    fn a_lead_in_a_sibling_block_is_kept_and_a_trailing_disclaimer_is_not() {
        let lead = "الخرطوم - وصلت إلى المدينة صباح اليوم قافلة مساعدات إنسانية هي الأولى منذ بدء المواجهات قبل ثلاثة أشهر.";
        let disclaimer = "الآراء الواردة في التعليقات تعبر عن أصحابها فقط ولا تعبر بالضرورة عن رأي الموقع أو سياسته التحريرية.";
        let page = format!(
            "<body>{}<div class=\"art\"><h1>قافلة مساعدات</h1><div class=\"lead\"><p>{lead}</p></div>\
             <div class=\"txt\">{}<div><p>{disclaimer}</p></div></div></div></body>",
            nav(),
            paras(&[P1, P2, P3])
        );
        assert_eq!(extract(&page).text, format!("{lead}\n\n{P1}\n\n{P2}\n\n{P3}"));
    }

    #[test]
    fn a_one_paragraph_story_beats_a_list_of_related_headlines() {
        let related: String = (0..16)
            .map(|i| format!("<li><a href=\"/n{i}\">مقتل {i} أشخاص في قصف جوي استهدف سوقا شعبيا في ريف المحافظة الشمالي</a></li>"))
            .collect();
        let page = format!(
            "<body><div class=\"story\"><p>{P1}</p><p>تابعوا آخر الأخبار عبر غوغل نيوز</p></div><div class=\"more\"><ul>{related}</ul></div></body>"
        );
        assert_eq!(extract(&page).text, P1);
    }

    #[test]
    fn a_paragraph_split_by_a_link_line_loses_the_link_line_only() {
        let page = format!(
            "<body><div>{}<p>{P3}<br>اقرأ أيضا: <a href=\"/x\">قافلة ثانية في الطريق إلى المدينة المحاصرة</a></p></div></body>",
            paras(&[P1, P2])
        );
        assert_eq!(extract(&page).text, format!("{P1}\n\n{P2}\n\n{P3}"));
    }
}

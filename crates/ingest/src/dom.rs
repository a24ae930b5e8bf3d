//! HTML parsing with a bound on nesting, so that no page costs more than linear time.
//!
//! The HTML tree builder looks through its stack of open elements for most start and end tags
//! (is a `p` in scope? a `button`?), so a page nested `d` deep costs `d` steps a tag: 100,000
//! nested `div`s took 25 s. A page declares nothing that bounds it (`<div/>` opens a `div`, an
//! unmatched end tag closes nothing), so the depth is measured where the tree is built: the
//! parser's sink knows every node's parent. The page is fed a chunk at a time and parsing stops
//! once an element lies deeper than [`MAX_DEPTH`]; a chunk can open at most [`CHUNK`] / 3
//! elements more, so every tag costs at most `MAX_DEPTH + CHUNK / 3` steps. Parsing stops as
//! well past [`MAX_ELEMENTS`] elements: the tree takes several hundred bytes an element, and a
//! page of 16 MB of `<i></i>` would take over a gigabyte.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::driver::{self, Parser};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{ns, Attribute, LocalName, QualName};
use scraper::{Html, HtmlTreeSink};

/// Deepest element nesting a page may have. News pages stay far below (a few dozen); browsers
/// stop nesting at 512 as well.
pub const MAX_DEPTH: usize = 512;

/// Most elements a page may have. News pages have a few thousand.
pub const MAX_ELEMENTS: usize = 100_000;

/// Why a page was not parsed to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TooBig {
    /// Nested this deep.
    Deep(usize),
    /// More than [`MAX_ELEMENTS`] elements.
    Many,
}

/// Bytes fed to the parser at a time.
const CHUNK: usize = 8 << 10;

/// Parses a whole page, unless it nests deeper than [`MAX_DEPTH`] or has more than
/// [`MAX_ELEMENTS`] elements.
pub(crate) fn parse_document(html: &str) -> Result<Html, TooBig> {
    feed(driver::parse_document(Bounded::new(Html::new_document()), Default::default()), html)
}

/// Parses a fragment (a feed item's description) as the content of a `body`.
pub(crate) fn parse_fragment(html: &str) -> Result<Html, TooBig> {
    let body = QualName::new(None, ns!(html), LocalName::from("body"));
    feed(driver::parse_fragment(Bounded::new(Html::new_fragment()), Default::default(), body, Vec::new(), false), html)
}

fn feed(mut parser: Parser<Bounded>, html: &str) -> Result<Html, TooBig> {
    let mut rest = html;
    while !rest.is_empty() {
        let mut end = rest.len().min(CHUNK);
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&rest[..end]));
        rest = &rest[end..];
        parser.tokenizer.sink.sink.check()?;
    }
    parser.tokenizer.sink.sink.check()?;
    let html = parser.finish();
    Ok(html)
}

/// scraper's sink, measuring how deep each node lies.
struct Bounded {
    inner: HtmlTreeSink,
    depth: RefCell<HashMap<NodeId, usize>>,
    deepest: Cell<usize>,
    elements: Cell<usize>,
}

impl Bounded {
    fn new(html: Html) -> Self {
        Bounded { inner: HtmlTreeSink::new(html), depth: RefCell::new(HashMap::new()), deepest: Cell::new(0), elements: Cell::new(0) }
    }

    fn check(&self) -> Result<(), TooBig> {
        match (self.deepest.get(), self.elements.get()) {
            (d, _) if d > MAX_DEPTH => Err(TooBig::Deep(d)),
            (_, n) if n > MAX_ELEMENTS => Err(TooBig::Many),
            _ => Ok(()),
        }
    }

    fn depth(&self, node: &NodeId) -> usize {
        self.depth.borrow().get(node).copied().unwrap_or(0)
    }

    /// `child` now lies at `depth`.
    fn place(&self, child: &NodeOrText<NodeId>, depth: usize) {
        if let NodeOrText::AppendNode(id) = child {
            self.depth.borrow_mut().insert(*id, depth);
            self.deepest.set(self.deepest.get().max(depth));
        }
    }
}

impl TreeSink for Bounded {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.elements.set(self.elements.get() + 1);
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.place(&child, self.depth(parent) + 1);
        self.inner.append(parent, child);
    }
    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        // Into `element`'s parent when it has one, else into `prev_element`.
        self.place(&child, self.depth(element).max(self.depth(prev_element) + 1));
        self.inner.append_based_on_parent_node(element, prev_element, child);
    }
    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.inner.append_doctype_to_document(name, public_id, system_id);
    }
    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }
    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.place(&new_node, self.depth(sibling));
        self.inner.append_before_sibling(sibling, new_node);
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }
    fn associate_with_form(&self, target: &NodeId, form: &NodeId, nodes: (&NodeId, Option<&NodeId>)) {
        self.inner.associate_with_form(target, form, nodes);
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        // The children's depths are not updated: the adoption agency moves them by one level or
        // two, and a page nesting deep that way still nests deep by `append`.
        self.inner.reparent_children(node, new_parent);
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner.is_mathml_annotation_xml_integration_point(handle)
    }
    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_measured_as_built_whatever_the_tags_say() {
        let deep = |open: &str, n: usize| format!("<html><body>{}<p>نص</p></body></html>", open.repeat(n));
        assert!(parse_document(&deep("<div>", 500)).is_ok());
        for open in ["<div>", "<div/>", "<div></x>", "<b>", "<div><span>"] {
            let got = parse_document(&deep(open, 3000));
            assert!(matches!(got, Err(TooBig::Deep(d)) if d > MAX_DEPTH), "{open}");
        }
        assert!(matches!(parse_fragment(&"<div>".repeat(3000)), Err(TooBig::Deep(d)) if d > MAX_DEPTH));
        assert_eq!(parse_document(&"<i></i>".repeat(MAX_ELEMENTS + 1)).err(), Some(TooBig::Many));
        assert!(parse_document(&"<i></i>".repeat(MAX_ELEMENTS - 10)).is_ok());
        let doc = parse_document("<p>نص <b>عريض</b></p>").unwrap();
        assert_eq!(doc.root_element().text().collect::<String>(), "نص عريض");
    }
}

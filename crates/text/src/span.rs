//! Code-point spans and a byte/char index for slicing by code points in O(1).

/// A half-open range of Unicode code points `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First code point (inclusive).
    pub start: usize,
    /// One past the last code point (exclusive).
    pub end: usize,
}

impl Span {
    /// A new span; `end` is clamped so that `start <= end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end: end.max(start) }
    }
    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when the two spans share at least one code point.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Maps code-point offsets to byte offsets of one text, so spans can be sliced without rescanning.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `bytes[i]` is the byte offset of code point `i`; the last entry is the text's byte length.
    bytes: Vec<usize>,
}

impl CharIndex {
    /// Builds the index in one pass over `text`.
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }
    /// Number of code points in the indexed text.
    pub fn char_len(&self) -> usize {
        self.bytes.len() - 1
    }
    /// Byte offset of code point `c` (clamped to the end of the text).
    pub fn byte(&self, c: usize) -> usize {
        self.bytes[c.min(self.bytes.len() - 1)]
    }
    /// Code-point offset of byte offset `b`, which must be a char boundary (else the next one).
    pub fn char_of_byte(&self, b: usize) -> usize {
        match self.bytes.binary_search(&b) {
            Ok(i) | Err(i) => i,
        }
    }
    /// The slice of `text` (the text this index was built from) covered by `span`.
    pub fn slice<'a>(&self, text: &'a str, span: Span) -> &'a str {
        &text[self.byte(span.start)..self.byte(span.end)]
    }
}

/// Slices `text` by code points without an index (linear; for tests and one-off use).
pub fn char_slice(text: &str, span: Span) -> String {
    text.chars().skip(span.start).take(span.len()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_slices_arabic_by_code_points() {
        let text = "وصل 7 آلاف";
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_len(), 10);
        assert_eq!(idx.slice(text, Span::new(4, 5)), "7");
        assert_eq!(idx.slice(text, Span::new(6, 10)), "آلاف");
        assert_eq!(char_slice(text, Span::new(0, 3)), "وصل");
        assert_eq!(idx.char_of_byte(idx.byte(6)), 6);
    }

    #[test]
    fn span_relations() {
        let a = Span::new(2, 5);
        assert!(a.overlaps(&Span::new(4, 9)));
        assert!(!a.overlaps(&Span::new(5, 9)));
        assert!(a.contains(&Span::new(3, 4)));
        assert_eq!(a.cover(&Span::new(7, 8)), Span::new(2, 8));
        assert_eq!(Span::new(5, 2).len(), 0);
    }
}

//! Spans of text.

use serde::{Deserialize, Serialize};

/// A span of the document with its text: `{"text", "start", "end"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextSpan {
    /// The text, exactly the slice `[start, end)` of the document.
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
}

/// A sentence (or any stretch of the document) by its offsets only: `{"start", "end"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SentenceSpan {
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
}

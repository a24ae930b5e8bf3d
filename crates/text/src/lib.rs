//! Arabic text core: the first stage of the Rasad pipeline.
//!
//! Every function here is pure and keeps the original text intact: tokens and sentences carry
//! Unicode code-point spans into the text exactly as given, and normalized forms are derived
//! keys for matching, never replacements of the source.
#![warn(missing_docs)]

pub mod analyze;
pub mod lang;
pub mod normalize;
pub mod segment;
pub mod sentence;
pub mod singular;
pub mod span;
pub mod tokenize;

pub use analyze::{analyze, analyze_text, memo_generation, FormNote, FormSlot, Word, WordInfo};
pub use normalize::{is_arabic_letter, match_key, normalize_char, push_match_key, Normalized};
pub use segment::{segment, Segmentation, Segmenter};
pub use sentence::{is_title_letter, split_sentences, split_sentences_with, Sentence};
pub use singular::singular;
pub use span::{char_slice, CharIndex, Span};
pub use tokenize::{tokenize, Token, TokenKind};

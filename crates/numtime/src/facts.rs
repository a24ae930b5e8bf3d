//! What the number and time parsers ask of a word form, computed once per form.
//!
//! Every question here depends only on the word's text (its match key and segmentation), and news
//! vocabulary repeats, so the answers are kept with the shared analysis
//! ([`rasad_text::WordInfo::memo`]) instead of being looked up in tables at every occurrence.

use rasad_text::{FormSlot, TokenKind, Word, WordInfo};

use crate::numbers::{num_word, NumWord};

/// The answers for one word form.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Facts {
    /// The whole key as a number word.
    pub num_whole: Option<NumWord>,
    /// The key without a leading و/ف as a number word (the same as `num_whole` without one).
    pub num_bare: Option<NumWord>,
    /// The key without و/ف is a vague amount (عشرات، مئات، آلاف …).
    pub vague: bool,
    /// A time expression may start here (`time::may_start_by_keys`).
    pub may_start_time: bool,
    /// The key, or the key without و/ف, can end a modifier such as أكثر من.
    pub may_end_modifier: bool,
    /// The key without و/ف names the kind of thing a following number identifies (القرار، رقم).
    pub identifier_noun: bool,
    /// The counted noun this word stands for after a number (`quantity::unit_of_word`).
    pub unit: Option<Box<str>>,
    /// The value of a number token (`numbers::parse_digits`).
    pub digits: Option<f64>,
    /// Characters in the token.
    pub chars: usize,
    /// Digits in the token (of any script).
    pub n_digits: usize,
    /// The token holds a thousands or decimal separator.
    pub separated: bool,
    /// How the word can begin a month name.
    pub month_head: crate::time::MonthHead,
    /// How the word can begin a Hijri month name.
    pub hijri_head: crate::time::HijriHead,
}

fn compute(kind: TokenKind, text: &str, info: &WordInfo) -> Facts {
    let (key, bare) = (info.key.as_str(), info.key_without_conj());
    let arabic = kind == TokenKind::Arabic;
    let num_whole = if arabic { num_word(key) } else { None };
    let num_bare = if bare.len() == key.len() {
        num_whole
    } else if arabic {
        num_word(bare)
    } else {
        None
    };
    Facts {
        num_whole,
        num_bare,
        vague: arabic && crate::quantity::is_vague_word(bare),
        may_start_time: crate::time::may_start_by_keys(kind, key, bare),
        may_end_modifier: crate::quantity::may_end_modifier(key) || crate::quantity::may_end_modifier(bare),
        identifier_noun: crate::quantity::IDENTIFIER_NOUNS.contains(&bare),
        unit: crate::quantity::unit_of_word(kind, text, info, num_whole.is_some()).map(String::into_boxed_str),
        digits: if kind == TokenKind::Number { crate::numbers::parse_digits(text) } else { None },
        chars: text.chars().count(),
        n_digits: text.chars().filter(|c| c.is_numeric()).count(),
        separated: text.contains([',', '.', '٬', '٫']),
        month_head: crate::time::month_head(kind, key, bare),
        hijri_head: crate::time::hijri_head(bare),
    }
}

/// The facts of `w`'s form (computed at its first occurrence).
pub(crate) fn of<'w>(w: &'w Word) -> &'w Facts {
    let (kind, text) = (w.tok.kind, w.tok.text);
    w.shared().memo(FormSlot::NumTime, |info| compute(kind, text, info))
}

/// The value of `w` when it is a number token.
pub(crate) fn number_value(w: &Word) -> Option<f64> {
    of(w).digits
}

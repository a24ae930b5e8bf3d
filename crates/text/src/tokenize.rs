//! Tokenizer: Arabic and Latin words, numbers with separators, punctuation; each token with its
//! code-point span in the original text.

use crate::normalize::{is_arabic_letter, is_diacritic, is_invisible_control};
use crate::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A run of Arabic-script letters (with their diacritics and tatweel).
    Arabic,
    /// A run of Latin (or other alphabetic) letters, possibly with digits (F16, COVID19).
    Latin,
    /// Digits in any script, with internal thousands or decimal separators (1,500 ١٬٥٠٠ 1.5).
    Number,
    /// One punctuation mark, or a run of dots ("..." counts as one).
    Punct,
}

/// A token: a slice of the original text with its code-point span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text, exactly as in the input.
    pub text: &'a str,
    /// Code-point span into the input.
    pub span: Span,
    /// Byte offset of the token in the input.
    pub byte_start: usize,
    /// The token's kind.
    pub kind: TokenKind,
}

impl Token<'_> {
    /// True for Arabic or Latin words.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Arabic | TokenKind::Latin)
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

fn is_num_sep(c: char) -> bool {
    matches!(c, ',' | '.' | '٬' | '٫' | '،')
}

/// A character that continues an Arabic word: a letter, a diacritic, tatweel, or an invisible mark
/// that writers and editors put inside words (zero-width non-joiner and joiner, soft hyphen, word
/// joiner). The marks are dropped from match keys; between words they are skipped as space.
fn is_arabic_word_char(c: char) -> bool {
    is_arabic_letter(c) || is_diacritic(c) || matches!(c, '\u{0640}' | '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{2060}')
}

/// Character classes, as bits: a character may be several (a digit is also alphanumeric).
mod class {
    /// Whitespace or an invisible control: skipped between tokens.
    pub const SPACE: u8 = 1;
    /// Starts an Arabic word: a letter or tatweel.
    pub const AR_START: u8 = 2;
    /// Continues an Arabic word: letters, diacritics, tatweel, zero-width joiners.
    pub const AR_WORD: u8 = 4;
    /// A digit of any script.
    pub const DIGIT: u8 = 8;
    /// Starts a Latin word: alphabetic, not a diacritic.
    pub const LATIN_START: u8 = 16;
    /// Continues a Latin word: alphanumeric, not an Arabic word character.
    pub const LATIN_WORD: u8 = 32;
    /// An Arabic diacritic.
    pub const DIACRITIC: u8 = 64;
}

/// The classes of one character, from the per-character definitions.
fn class_of(c: char) -> u8 {
    use class::*;
    let mut k = 0;
    if c.is_whitespace() || is_invisible_control(c) {
        k |= SPACE;
    }
    if is_arabic_letter(c) || c == '\u{0640}' {
        k |= AR_START;
    }
    if is_arabic_word_char(c) {
        k |= AR_WORD;
    }
    if is_digit(c) {
        k |= DIGIT;
    }
    if c.is_alphabetic() && !is_diacritic(c) {
        k |= LATIN_START;
    }
    if c.is_alphanumeric() && !is_arabic_word_char(c) {
        k |= LATIN_WORD;
    }
    if is_diacritic(c) {
        k |= DIACRITIC;
    }
    k
}

/// Classes of the code points below U+0800 (ASCII, Latin, Arabic and its supplement): the
/// characters that are one or two bytes in UTF-8. Others are classified one by one.
static TABLE: std::sync::LazyLock<[u8; 0x800]> = std::sync::LazyLock::new(|| {
    let mut t = [0u8; 0x800];
    for (cp, slot) in t.iter_mut().enumerate() {
        *slot = char::from_u32(cp as u32).map_or(0, class_of);
    }
    t
});

/// Reads characters of a text by byte offset, with their classes.
struct Chars<'a> {
    text: &'a str,
    table: &'a [u8; 0x800],
}

impl Chars<'_> {
    /// The classes and byte length of the character at byte `i` (a char boundary before the end).
    /// One- and two-byte characters are classified by the table without decoding a `char`.
    #[inline(always)]
    fn class_at(&self, i: usize) -> (u8, usize) {
        let bytes = self.text.as_bytes();
        let b = bytes[i];
        if b < 0x80 {
            return (self.table[usize::from(b)], 1);
        }
        if b < 0xE0 {
            if let Some(&b1) = bytes.get(i + 1) {
                return (self.table[(usize::from(b & 0x1F) << 6) | usize::from(b1 & 0x3F)], 2);
            }
        }
        let c = self.char_at(i);
        (class_of(c), c.len_utf8())
    }

    /// The character at byte `i` (a char boundary before the end).
    fn char_at(&self, i: usize) -> char {
        self.text[i..].chars().next().unwrap_or('\u{FFFD}')
    }
}

/// Splits `text` into tokens. Whitespace and invisible controls between tokens are skipped.
/// Runs in one pass over the bytes with one character of lookahead; never panics.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // About one token per five bytes of Arabic news; one allocation for most texts.
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    for_each_token(text, |t| out.push(t));
    out
}

/// Calls `f` with each token of `text`, in order: [`tokenize`] without collecting, for a stage
/// that turns tokens into something else as they come.
#[inline(always)]
pub(crate) fn for_each_token<'a>(text: &'a str, mut f: impl FnMut(Token<'a>)) {
    use class::*;
    let chars = Chars { text, table: &TABLE };
    let bytes = text.as_bytes();
    let n = text.len();
    // Byte and code-point offsets of the next character.
    let (mut i, mut cp) = (0usize, 0usize);
    // Advances over characters while their classes meet `keep`; moves `i` and `cp`.
    macro_rules! run_while {
        ($keep:expr) => {
            while i < n {
                let (k, len) = chars.class_at(i);
                if !$keep(k) {
                    break;
                }
                i += len;
                cp += 1;
            }
        };
    }
    while i < n {
        // The space between words, the commonest character, decided on its byte.
        if bytes[i] == b' ' {
            i += 1;
            cp += 1;
            continue;
        }
        let (bs, start) = (i, cp);
        let (k, len) = chars.class_at(i);
        i += len;
        cp += 1;
        let kind = if k & SPACE != 0 {
            continue;
        } else if k & AR_START != 0 {
            loop {
                // Arabic letters and marks are two bytes each: a tight loop over byte pairs.
                let mut rest = &bytes[i..];
                while let [b0 @ 0xC2..=0xDF, b1, tail @ ..] = rest {
                    if chars.table[(usize::from(b0 & 0x1F) << 6) | usize::from(b1 & 0x3F)] & AR_WORD == 0 {
                        break;
                    }
                    rest = tail;
                    cp += 1;
                }
                i = n - rest.len();
                // Then any other word character (a zero-width joiner), and on.
                match (i < n).then(|| chars.class_at(i)) {
                    Some((k, len)) if k & AR_WORD != 0 => {
                        i += len;
                        cp += 1;
                    }
                    _ => break,
                }
            }
            TokenKind::Arabic
        } else if k & DIGIT != 0 {
            loop {
                run_while!(|k: u8| k & DIGIT != 0);
                // A separator counts only between digits.
                if i >= n {
                    break;
                }
                let d = chars.char_at(i);
                let dl = d.len_utf8();
                if is_num_sep(d) && d != '،' && i + dl < n && chars.class_at(i + dl).0 & DIGIT != 0 {
                    i += dl;
                    cp += 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if k & LATIN_START != 0 {
            run_while!(|k: u8| k & LATIN_WORD != 0);
            TokenKind::Latin
        } else if bytes[bs] == b'.' {
            while i < n && bytes[i] == b'.' {
                i += 1;
                cp += 1;
            }
            TokenKind::Punct
        } else {
            // A stray combining mark after punctuation stays with it rather than making a token.
            run_while!(|k: u8| k & DIACRITIC != 0);
            TokenKind::Punct
        };
        f(Token { text: &text[bs..i], span: Span::new(start, cp), byte_start: bs, kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_arabic_words_and_punctuation() {
        assert_eq!(
            surfaces("قال المصدر: \"وصل الجنود\"، موضحا."),
            vec!["قال", "المصدر", ":", "\"", "وصل", "الجنود", "\"", "،", "موضحا", "."]
        );
        assert_eq!(surfaces("«رويترز» تكشف؟"), vec!["«", "رويترز", "»", "تكشف", "؟"]);
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(surfaces("قتل 1,500 و١٬٥٠٠ و1.5 مليون"), vec!["قتل", "1,500", "و", "١٬٥٠٠", "و", "1.5", "مليون"]);
        assert_eq!(surfaces("في 13-06-2018"), vec!["في", "13", "-", "06", "-", "2018"]);
        assert_eq!(surfaces("445 قتيلا، وفق"), vec!["445", "قتيلا", "،", "وفق"]);
    }

    #[test]
    fn diacritics_and_tatweel_stay_inside_words() {
        assert_eq!(surfaces("مُحَمَّدٌ لـ«الجريدة»"), vec!["مُحَمَّدٌ", "لـ", "«", "الجريدة", "»"]);
    }

    #[test]
    fn latin_words_and_ellipsis() {
        assert_eq!(surfaces("back to top... F16"), vec!["back", "to", "top", "...", "F16"]);
    }

    #[test]
    fn spans_are_code_points() {
        let text = "وصل 7 آلاف";
        let toks = tokenize(text);
        assert_eq!(toks[1].span, Span::new(4, 5));
        assert_eq!(toks[2].span, Span::new(6, 10));
        assert_eq!(toks[2].byte_start, text.find("آلاف").unwrap());
    }

    #[test]
    fn invisible_controls_are_skipped() {
        assert_eq!(surfaces("\u{200F}سوريا\u{FEFF} اليوم"), vec!["سوريا", "اليوم"]);
    }

    #[test]
    fn a_soft_hyphen_or_word_joiner_inside_a_word_keeps_it_whole() {
        assert_eq!(surfaces("المعار\u{00AD}ضة قصفت"), vec!["المعار\u{00AD}ضة", "قصفت"]);
        assert_eq!(surfaces("الحكو\u{2060}مة \u{00AD}اليوم"), vec!["الحكو\u{2060}مة", "اليوم"]);
    }
}

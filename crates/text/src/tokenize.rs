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

fn is_arabic_word_char(c: char) -> bool {
    is_arabic_letter(c) || is_diacritic(c) || c == '\u{0640}' || c == '\u{200C}' || c == '\u{200D}'
}

/// Decodes the character at byte `i` of `text` (a char boundary): the character and its length.
/// One- and two-byte characters (ASCII and the Arabic block) are decoded inline.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    if b < 0xE0 {
        if let Some(&b1) = bytes.get(i + 1) {
            let c = ((u32::from(b) & 0x1F) << 6) | (u32::from(b1) & 0x3F);
            return (char::from_u32(c).unwrap_or('\u{FFFD}'), 2);
        }
    }
    let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
    (c, c.len_utf8())
}

/// Splits `text` into tokens. Whitespace and invisible controls between tokens are skipped.
/// Runs in one pass over the bytes with one character of lookahead; never panics.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 8);
    let n = text.len();
    // Byte and code-point offsets of the next character.
    let (mut i, mut cp) = (0usize, 0usize);
    // Advances over characters while `keep` holds; returns nothing, moves `i` and `cp`.
    macro_rules! run_while {
        ($keep:expr) => {
            while i < n {
                let (d, len) = char_at(text, i);
                if !$keep(d) {
                    break;
                }
                i += len;
                cp += 1;
            }
        };
    }
    while i < n {
        let (bs, start) = (i, cp);
        let (c, len) = char_at(text, i);
        i += len;
        cp += 1;
        let kind = if c.is_whitespace() || is_invisible_control(c) {
            continue;
        } else if is_arabic_letter(c) || c == '\u{0640}' {
            run_while!(is_arabic_word_char);
            TokenKind::Arabic
        } else if is_digit(c) {
            loop {
                run_while!(is_digit);
                // A separator counts only between digits.
                if i >= n {
                    break;
                }
                let (d, dl) = char_at(text, i);
                let next_is_digit = i + dl < n && is_digit(char_at(text, i + dl).0);
                if is_num_sep(d) && d != '،' && next_is_digit {
                    i += dl;
                    cp += 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if c.is_alphabetic() && !is_diacritic(c) {
            run_while!(|d: char| d.is_alphanumeric() && !is_arabic_word_char(d));
            TokenKind::Latin
        } else if c == '.' {
            run_while!(|d: char| d == '.');
            TokenKind::Punct
        } else {
            // A stray combining mark after punctuation stays with it rather than making a token.
            run_while!(is_diacritic);
            TokenKind::Punct
        };
        out.push(Token { text: &text[bs..i], span: Span::new(start, cp), byte_start: bs, kind });
    }
    out
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
}

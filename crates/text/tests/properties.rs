//! Property tests: spans slice back to their surface, normalization is idempotent, nothing panics.

use proptest::prelude::*;
use rasad_text::normalize::{is_diacritic, is_invisible_control};
use rasad_text::{is_arabic_letter, match_key, segment, split_sentences, tokenize, CharIndex, Normalized, TokenKind};

/// The tokenizer's definition, written plainly over characters: the byte-level tokenizer must
/// agree with it on every input. Returns (text, kind, start, end) per token.
fn reference_tokens(text: &str) -> Vec<(String, TokenKind, usize, usize)> {
    let digit = |c: char| c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c);
    let arabic_word = |c: char| is_arabic_letter(c) || is_diacritic(c) || matches!(c, '\u{0640}' | '\u{200C}' | '\u{200D}');
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = (i, chars[i]);
        i += 1;
        let kind = if c.is_whitespace() || is_invisible_control(c) {
            continue;
        } else if is_arabic_letter(c) || c == '\u{0640}' {
            while i < chars.len() && arabic_word(chars[i]) {
                i += 1;
            }
            TokenKind::Arabic
        } else if digit(c) {
            loop {
                while i < chars.len() && digit(chars[i]) {
                    i += 1;
                }
                if i + 1 < chars.len() && matches!(chars[i], ',' | '.' | '٬' | '٫') && digit(chars[i + 1]) {
                    i += 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if c.is_alphabetic() && !is_diacritic(c) {
            while i < chars.len() && chars[i].is_alphanumeric() && !arabic_word(chars[i]) {
                i += 1;
            }
            TokenKind::Latin
        } else if c == '.' {
            while i < chars.len() && chars[i] == '.' {
                i += 1;
            }
            TokenKind::Punct
        } else {
            while i < chars.len() && is_diacritic(chars[i]) {
                i += 1;
            }
            TokenKind::Punct
        };
        out.push((chars[start..i].iter().collect(), kind, start, i));
    }
    out
}

fn tokens_of(text: &str) -> Vec<(String, TokenKind, usize, usize)> {
    tokenize(text).iter().map(|t| (t.text.to_string(), t.kind, t.span.start, t.span.end)).collect()
}

/// Arabic-heavy text with the characters that make real pages hard.
fn arabic_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "وصل",
        "الآلاف",
        "من",
        "المقاتلين",
        "إلى",
        "سوريا",
        "لـ«الجريدة»",
        "مُحَمَّدٌ",
        "١٬٥٠٠",
        "1.5",
        "445",
        "13-06-2018",
        "،",
        ".",
        "...",
        "؟",
        "!",
        "«",
        "»",
        "\"",
        "“",
        "”",
        ":",
        "|",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\u{200F}",
        "\u{200B}",
        "ـ",
        "ی",
        "ک",
        "۱۲",
        "back to top",
        "ة",
        "ى",
        "\u{0670}",
        "(أ ف ب)",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn token_spans_slice_back_to_their_text(text in arabic_text()) {
        let idx = CharIndex::new(&text);
        for t in tokenize(&text) {
            prop_assert_eq!(idx.slice(&text, t.span), t.text);
            prop_assert!(!t.text.trim().is_empty());
        }
    }

    #[test]
    fn sentence_spans_slice_back_and_do_not_overlap(text in arabic_text()) {
        let idx = CharIndex::new(&text);
        let mut last_end = 0;
        for s in split_sentences(&text) {
            let slice = idx.slice(&text, s.span);
            prop_assert_eq!(slice.trim(), slice);
            prop_assert!(!slice.is_empty());
            prop_assert!(s.span.start >= last_end);
            last_end = s.span.end;
        }
    }

    #[test]
    fn normalization_is_idempotent(text in arabic_text()) {
        let once = match_key(&text);
        prop_assert_eq!(match_key(&once), once.clone());
        let n = Normalized::new(&text);
        prop_assert_eq!(n.text.chars().count(), n.origin.len());
        prop_assert_eq!(n.text, once);
    }

    #[test]
    fn tokenizer_agrees_with_its_plain_definition(text in arabic_text(), other in any::<String>()) {
        prop_assert_eq!(tokens_of(&text), reference_tokens(&text));
        prop_assert_eq!(tokens_of(&other), reference_tokens(&other));
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let idx = CharIndex::new(&text);
        for t in tokenize(&text) {
            prop_assert_eq!(idx.slice(&text, t.span), t.text);
            let _ = segment(t.text);
        }
        for s in split_sentences(&text) {
            let _ = idx.slice(&text, s.span);
        }
        let once = match_key(&text);
        prop_assert_eq!(match_key(&once), once);
    }
}

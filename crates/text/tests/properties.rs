//! Property tests: spans slice back to their surface, normalization is idempotent, nothing panics.

use proptest::prelude::*;
use rasad_text::{match_key, segment, split_sentences, tokenize, CharIndex, Normalized};

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

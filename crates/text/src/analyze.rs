//! Tokens analyzed once for every later stage: match key and clitic segmentation.

use crate::segment::{Segmentation, Segmenter};
use crate::tokenize::{Token, TokenKind};

/// A token with its match key and (for Arabic words) its segmentation.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// The token as in the text.
    pub tok: Token<'a>,
    /// Match key of the whole token.
    pub key: String,
    /// Segmentation (for non-Arabic tokens: the key as stem, no affixes).
    pub seg: Segmentation,
}

impl Word<'_> {
    /// Match key of the stem.
    pub fn stem_key(&self) -> &str {
        &self.seg.key
    }
    /// Match key without the conjunction و/ف (the form most lexicon entries are written in).
    pub fn key_without_conj(&self) -> &str {
        match self.seg.prefixes.first() {
            Some(&"و") | Some(&"ف") => self.key.get(self.key.char_indices().nth(1).map_or(0, |(b, _)| b)..).unwrap_or(&self.key),
            _ => &self.key,
        }
    }
    /// True when this is punctuation with the given text.
    pub fn is_punct(&self, p: &str) -> bool {
        self.tok.kind == TokenKind::Punct && self.tok.text == p
    }
}

/// Analyzes tokens with `segmenter`.
pub fn analyze<'a>(tokens: &[Token<'a>], segmenter: &Segmenter) -> Vec<Word<'a>> {
    tokens
        .iter()
        .map(|t| {
            let key = crate::match_key(t.text);
            let seg = if t.kind == TokenKind::Arabic {
                segmenter.segment(t.text)
            } else {
                Segmentation { prefixes: vec![], stem: key.clone(), suffixes: vec![], key: key.clone() }
            };
            Word { tok: *t, key, seg }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_keys_and_segmentations() {
        let text = "ووصل الإيرانيون";
        let toks = crate::tokenize(text);
        let words = analyze(&toks, &Segmenter::new(["ايران"]));
        assert_eq!(words[0].key, "ووصل");
        assert_eq!(words[0].key_without_conj(), "وصل");
        assert_eq!(words[0].stem_key(), "وصل");
        assert_eq!(words[1].seg.display(), "ال+ايران+ي+ون".replace("+ي+", "ي+"));
    }
}

//! The search analyzer: a text becomes the match keys of its word stems, clitics and light
//! suffixes removed (المقاتلين، لمقاتلي، بالمقاتلين → مقاتل), sound feminine plurals made singular
//! (الغارات → غاره, like غارة), and the broken plurals of counted nouns too (عناصر → عنصر), so
//! FTS5 indexes and matches Rasad's own terms, not its unicode61 tokens (which split Arabic words
//! at diacritics).

use rasad_text::{analyze, tokenize, Segmenter, Span, TokenKind};

/// Terms of a text with their code-point spans, in order.
pub fn terms(text: &str, seg: &Segmenter) -> Vec<(String, Span)> {
    let tokens = tokenize(text);
    analyze(&tokens, seg)
        .iter()
        .filter(|w| w.tok.kind != TokenKind::Punct)
        .filter_map(|w| {
            let term: String = if w.tok.kind == TokenKind::Arabic {
                let key = w.seg.key.as_str();
                let stem = rasad_text::singular(key);
                if stem != key {
                    // The singular goes through the segmenter too, as the singular in the text would
                    // (جنود → جندي → جند, like الجندي).
                    seg.segment(stem).key
                } else if w.seg.suffixes.first() == Some(&"ات") {
                    format!("{key}ه")
                } else if key.chars().count() >= 5 && key.ends_with("ات") {
                    // A plural the segmenter keeps whole (غارات is a known word).
                    format!("{}ه", &key[..key.len() - "ات".len()])
                } else {
                    key.to_string()
                }
            } else {
                w.key.clone()
            };
            // FTS5 reads the terms column with its unicode61 tokenizer: only letters and digits.
            let term: String = term.chars().filter(|c| c.is_alphanumeric()).collect();
            (!term.is_empty()).then_some((term, w.tok.span))
        })
        .collect()
}

/// The terms of a text joined by spaces: what goes into the full-text index.
pub fn index_text(text: &str, seg: &Segmenter) -> String {
    let t = terms(text, seg);
    let mut out = String::with_capacity(text.len());
    for (term, _) in t {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&term);
    }
    out
}

/// An FTS5 MATCH expression for a user query: every term must occur (quoted, so no query syntax
/// leaks through); `None` when the query has no terms.
pub fn match_expr(query: &str, seg: &Segmenter) -> Option<String> {
    let t = terms(query, seg);
    if t.is_empty() {
        return None;
    }
    Some(t.iter().map(|(term, _)| format!("\"{}\"", term.replace('"', ""))).collect::<Vec<_>>().join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_pipeline::Pipeline;

    #[test]
    fn clitics_and_plural_suffixes_meet_at_one_term() {
        let seg = Pipeline::shared().segmenter();
        let term = |w: &str| terms(w, seg)[0].0.clone();
        let want = term("مقاتلين");
        for form in ["المقاتلين", "لمقاتلي", "بالمقاتلين", "مقاتلون", "والمقاتلين"] {
            assert_eq!(term(form), want, "{form}");
        }
        assert_eq!(term("الإيرانية"), term("الايرانيه"));
        assert_eq!(term("الغارات"), term("غارة"));
        assert_eq!(term("بغارات"), term("الغارة"));
        assert_eq!(term("العناصر"), term("عنصر"));
        assert_eq!(term("جنود"), term("الجندي"));
        assert_eq!(term("مُقَاتِلِين"), want);
    }

    #[test]
    fn query_syntax_cannot_leak_into_fts() {
        let seg = Pipeline::shared().segmenter();
        assert_eq!(match_expr("\" OR * NEAR(", seg).as_deref(), Some("\"or\" AND \"near\""));
        assert_eq!(match_expr("، . !", seg), None);
    }
}

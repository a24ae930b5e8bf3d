//! Relevance of a document and of each of its paragraphs, for documents that mix topics (a
//! news roundup with a sports item, a political story with a market brief).

use rasad_text::Word;

use crate::model::{features, sigmoid, Model};

/// Features a paragraph needs to stand on its own; a shorter one leans on its document's score
/// in proportion (a one-line paragraph says little about its topic).
pub const OWN_WEIGHT: f32 = 25.0;

/// A document's relevance and its paragraphs'.
#[derive(Debug, Clone, PartialEq)]
pub struct Relevance {
    /// The probability that the whole document is political or conflict news, 0..1; 0 for a
    /// document from which the model reads no feature (empty, or no words): no evidence is
    /// no politics, not the model's prior.
    pub document: f64,
    /// Paragraphs in text order: `(start, end, probability)`, code-point offsets; paragraphs are
    /// separated by line breaks.
    pub paragraphs: Vec<(usize, usize, f64)>,
}

impl Relevance {
    /// The relevance at a code-point offset: that of its paragraph (the document's between
    /// paragraphs).
    pub fn at(&self, offset: usize) -> f64 {
        let i = self.paragraphs.partition_point(|p| p.1 <= offset);
        match self.paragraphs.get(i) {
            Some(&(s, _, p)) if s <= offset => p,
            _ => self.document,
        }
    }
}

/// Scores a document and its paragraphs (`words` analyzed from `text`).
pub fn paragraph_relevance(model: &Model, text: &str, words: &[Word]) -> Relevance {
    let (doc_logit, doc_n) = model.logit_of(&features(words));
    let mut paragraphs = Vec::new();
    let mut first = 0;
    for i in 1..=words.len() {
        let breaks = i == words.len() || {
            let prev = &words[i - 1].tok;
            text[prev.byte_start + prev.text.len()..words[i].tok.byte_start].contains('\n')
        };
        if breaks {
            let ws = &words[first..i];
            let (logit, n) = model.logit_of(&features(ws));
            let n = n as f32;
            let blended = (n * logit + OWN_WEIGHT * doc_logit) / (n + OWN_WEIGHT);
            paragraphs.push((ws[0].tok.span.start, ws[ws.len() - 1].tok.span.end, sigmoid(blended)));
            first = i;
        }
    }
    let document = if doc_n == 0 { 0.0 } else { sigmoid(doc_logit) };
    Relevance { document, paragraphs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_text::{analyze, tokenize, Segmenter};

    #[test]
    fn a_sports_paragraph_in_a_political_story_scores_apart() {
        let text = "قصفت طائرات حربية مواقع للمسلحين في ريف المدينة وقتلت عشرة من عناصرهم، وأعلن الجيش السيطرة على التلال.\n\
                    وفي الرياضة، فاز الفريق على منافسه بثلاثة أهداف في مباراة الدوري وتصدر الترتيب بفارق نقطتين عن الوصيف.";
        let seg = Segmenter::new(Vec::<String>::new());
        let words = analyze(&tokenize(text), &seg);
        let r = paragraph_relevance(Model::builtin(), text, &words);
        assert_eq!(r.paragraphs.len(), 2);
        assert!(r.paragraphs[0].2 > 0.5 && r.paragraphs[1].2 < r.paragraphs[0].2, "{r:?}");
        assert_eq!(r.at(5), r.paragraphs[0].2);
        assert_eq!(r.at(r.paragraphs[1].0 + 3), r.paragraphs[1].2);
    }

    #[test]
    fn a_document_without_evidence_is_not_relevant() {
        let seg = Segmenter::new(Vec::<String>::new());
        for text in ["", "   \n", "12345 !!!"] {
            let words = analyze(&tokenize(text), &seg);
            assert_eq!(paragraph_relevance(Model::builtin(), text, &words).document, 0.0, "{text:?}");
        }
    }
}

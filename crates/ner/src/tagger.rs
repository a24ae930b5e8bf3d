//! Tagging documents: the model's emissions for every word (memoized per word form and thread),
//! Viterbi decoding per sentence, and propagation of names to their untagged repetitions nearby.
//!
//! ```
//! use rasad_ner::{tagger, Model};
//! use rasad_kb::Kb;
//! use rasad_text::Segmenter;
//! let kb = Kb::builtin();
//! let seg = Segmenter::new(kb.name_words());
//! let found = tagger::tag_text(Model::builtin(), kb, &seg, "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره في بيروت.");
//! assert!(found.iter().any(|e| e.span.text == "إيمانويل ماكرون" && e.label == rasad_model::Label::Per));
//! ```

use std::sync::Arc;

use rasad_kb::{Kb, Mention};
use rasad_model::{Label, TextSpan};
use rasad_text::{analyze, split_sentences_with, tokenize, Segmenter, Sentence, Word, WordInfo};

use crate::features::{code_feature, kb_codes, pair_features, role_features, Role, CODE_TEMPLATES};
use crate::model::{propagate, Model, TagScores, TAGS};

/// An entity the model found (no catalogue link).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The name as in the text.
    pub span: TextSpan,
    /// PER, LOC, ORG or MISC.
    pub label: Label,
}

/// Sentences over which names propagate (chosen on the development part of ANERcorp).
pub const WINDOW: usize = 5;

fn label_of(kind: &str) -> Label {
    match kind {
        "PERS" => Label::Per,
        "LOC" => Label::Loc,
        "ORG" => Label::Org,
        _ => Label::Misc,
    }
}

/// Tags a text with `model`, sentence by sentence, on the text core's tokens; `kb` and `seg`
/// give the knowledge-base features (as `rasad extract` has them).
pub fn tag_text(model: &Model, kb: &Kb, seg: &Segmenter, text: &str) -> Vec<Found> {
    let tokens = tokenize(text);
    let words = analyze(&tokens, seg);
    let sentences = split_sentences_with(text, &tokens);
    let mentions = kb.link(&words);
    tag(model, kb, text, &words, &sentences, &mentions)
}

/// Summed weights of one word form: its own features, and the features its neighbours read of
/// it in each [`Role`].
#[derive(Clone, Copy)]
struct WordWeights {
    own: TagScores,
    roles: [TagScores; 4],
}

/// What the tagger caches for one model (by [`Model::id`]): weights per word form (keyed by the
/// address of the word's shared analysis, which the entry holds so that the address cannot be
/// reused by another word form while the entry lives), the role weights of the sentence edges,
/// and the weights of every code in every code template.
struct Memo {
    model: u64,
    /// The analysis memos' generation the entries belong to (`rasad_text::memo_generation`).
    generation: u64,
    words: rustc_hash::FxHashMap<usize, (Arc<WordInfo>, WordWeights)>,
    edges: [TagScores; 4],
    codes: Vec<[TagScores; 256]>,
}

impl Memo {
    fn new(model: &Model) -> Memo {
        let mut f = Vec::new();
        let edges = Role::ALL.map(|r| {
            f.clear();
            role_features(None, r, &mut f);
            model.weigh(&f)
        });
        let codes = CODE_TEMPLATES.iter().map(|&(t, _)| std::array::from_fn(|c| model.weigh(&[code_feature(t, c as u8)]))).collect();
        Memo { model: model.id(), generation: rasad_text::memo_generation(), words: Default::default(), edges, codes }
    }

    fn word(&mut self, model: &Model, w: &Word, chars: &mut Vec<char>, feats: &mut Vec<u64>) -> WordWeights {
        // Bounded: a long run over many texts keeps at most this many words, and lets go of the
        // analyses the analysis memo has dropped.
        let generation = rasad_text::memo_generation();
        if self.words.len() >= 100_000 || generation != self.generation {
            self.words.clear();
            self.generation = generation;
        }
        let info = w.shared();
        let key = Arc::as_ptr(info) as usize;
        if let Some((_, ww)) = self.words.get(&key) {
            return *ww;
        }
        feats.clear();
        crate::features::own_features(w, chars, feats);
        let own = model.weigh(feats);
        let roles = Role::ALL.map(|r| {
            feats.clear();
            role_features(Some(w), r, feats);
            model.weigh(feats)
        });
        let ww = WordWeights { own, roles };
        self.words.insert(key, (Arc::clone(info), ww));
        ww
    }
}

thread_local! {
    static MEMO: std::cell::RefCell<Option<Memo>> = const { std::cell::RefCell::new(None) };
}

/// Emission scores of each word of a sentence: the sum of the weights of all its features
/// (`own_features` and `context_features`), with the parts that depend on one word or one code
/// alone taken from the per-thread memo.
fn emissions(model: &Model, ws: &[Word], cs: &[u8], memo: &mut Memo) -> Vec<TagScores> {
    let mut feats = Vec::with_capacity(16);
    let mut chars = Vec::with_capacity(32);
    let per_word: Vec<WordWeights> = ws.iter().map(|w| memo.word(model, w, &mut chars, &mut feats)).collect();
    let at = |i: usize, off: isize| i.checked_add_signed(off).filter(|&j| j < ws.len());
    (0..ws.len())
        .map(|i| {
            let mut s = per_word[i].own;
            let mut add = |x: &TagScores| {
                for (a, b) in s.iter_mut().zip(x) {
                    *a += b;
                }
            };
            for (r, role) in Role::ALL.iter().enumerate() {
                add(at(i, role.offset()).map_or(&memo.edges[r], |j| &per_word[j].roles[r]));
            }
            for (table, &(_, off)) in memo.codes.iter().zip(&CODE_TEMPLATES) {
                add(&table[at(i, off).map_or(255, |j| cs[j]) as usize]);
            }
            feats.clear();
            pair_features(ws, cs, i, &mut feats);
            add(&model.weigh(&feats));
            model.with_bias(s)
        })
        .collect()
}

/// Tags analyzed words sentence by sentence; `mentions` are the knowledge base's links of the same
/// words (`kb.link(words)`), read as features. Names propagate over [`WINDOW`] sentences.
pub fn tag(model: &Model, kb: &Kb, text: &str, words: &[Word], sentences: &[Sentence], mentions: &[Mention]) -> Vec<Found> {
    if model.is_empty() {
        return vec![];
    }
    let codes = kb_codes(words, mentions, kb);
    let mut out = Vec::new();
    let mut all: Vec<Vec<usize>> = Vec::with_capacity(sentences.len());
    let mut keys: Vec<Vec<&str>> = Vec::with_capacity(sentences.len());
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        let memo = match m.as_mut() {
            Some(memo) if memo.model == model.id() => memo,
            _ => m.insert(Memo::new(model)),
        };
        for s in sentences {
            let (a, b) = (s.first_token, s.end_token);
            let (ws, cs) = (&words[a..b], &codes[a..b]);
            all.push(model.decode_scores(&emissions(model, ws, cs, memo)));
            keys.push(ws.iter().map(|w| w.key.as_str()).collect());
        }
    });
    // A name tagged in one sentence is tagged where it stands untagged nearby (window chosen on dev).
    propagate(&keys, &mut all, WINDOW);
    for (s, idx) in sentences.iter().zip(&all) {
        let toks = &words[s.first_token..s.end_token];
        let tags: Vec<&str> = idx.iter().map(|&t| TAGS[t]).collect();
        for (a, b, kind) in crate::conll::spans(&tags) {
            let (first, last) = (&toks[a].tok, &toks[b - 1].tok);
            out.push(Found {
                span: TextSpan {
                    text: text[first.byte_start..last.byte_start + last.text.len()].to_string(),
                    start: first.span.start,
                    end: last.span.end,
                },
                label: label_of(&kind),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memoized_emissions_equal_the_weights_of_all_the_trained_features() {
        let kb = Kb::builtin();
        let seg = Segmenter::new(kb.name_words());
        let model = Model::builtin();
        let text = "قال وزير الخارجية الأميركي أنتوني بلينكن في عمان إن واشنطن تدعم الجيش اللبناني، وأكد بلينكن ذلك أمس.";
        let tokens = tokenize(text);
        let words = analyze(&tokens, &seg);
        let mentions = kb.link(&words);
        let codes = kb_codes(&words, &mentions, kb);
        let mut memo = Memo::new(model);
        // Twice: the second pass reads every word from the memo.
        for _ in 0..2 {
            let fast = emissions(model, &words, &codes, &mut memo);
            let plain: Vec<TagScores> =
                crate::features::word_features(&words, &codes).iter().map(|f| model.with_bias(model.weigh(f))).collect();
            for (a, b) in fast.iter().zip(&plain) {
                for (x, y) in a.iter().zip(b) {
                    assert!((x - y).abs() < 1e-3, "{x} vs {y}");
                }
            }
            assert_eq!(model.decode_scores(&fast), model.decode_scores(&plain));
        }
    }
}

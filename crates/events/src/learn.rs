//! The trigger model: an averaged multiclass perceptron that reads each candidate word (a word
//! the lexicon knows, or one the training data marked) in its context and says which PLOVER type
//! it states, or none. It is trained by `rasad events train` on SANAD politics articles the team
//! annotated (`crates/events/data/trigger_train.tsv`, offsets and types only) and on the team's
//! case sentences (`data/cases.tsv`: their trigger marks are derived, see the CLI's
//! `cmd/case_marks.rs`), thirty shuffling orders averaged, and shipped as `data/triggers.model`; the
//! reader combines it with the rules (see `triggers.rs`): it vetoes a lexicon word of a type with a
//! `veto_margin` in types.toml and adds none.
//!
//! Features are hashed strings (template and value): the word's keys, its lexicon reading, its
//! clitics, its neighbours and what they are (a preposition, a light verb, a negation, a name),
//! and where it stands in its clause.

use std::hash::Hasher;
use std::sync::{Arc, LazyLock};

use rasad_model::EventType;
use rasad_text::{TokenKind, Word};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::context::bare;
use crate::cues::cues;
use crate::lexicon::Lexicon;

/// Classes: none, then the 16 types in [`EventType::ALL`] order.
pub const CLASSES: usize = 17;
/// A score per class.
pub type Scores = [f32; CLASSES];

/// The class of a type.
pub fn class_of(t: EventType) -> usize {
    1 + EventType::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

/// The type of a class (`None` for class 0).
pub fn type_of(c: usize) -> Option<EventType> {
    c.checked_sub(1).and_then(|i| EventType::ALL.get(i).copied())
}

/// The first bytes of a model file (version 2: sparse weights).
const MAGIC: &[u8] = b"RSDTRG2\n";

/// A malformed model file.
#[derive(Debug, thiserror::Error)]
#[error("not a Rasad trigger model (bad header or truncated at byte {0})")]
pub struct ModelError(pub usize);

/// Weights per feature and class, and the stems the training data marked (candidates beyond the
/// lexicon).
#[derive(Debug, Clone, Default)]
pub struct TriggerModel {
    w: FxHashMap<u64, Scores>,
    stems: FxHashSet<String>,
}

static BUILTIN: LazyLock<Arc<TriggerModel>> = LazyLock::new(|| {
    // Checked by a test; a failure here is a build defect, not bad input.
    TriggerModel::from_bytes(include_bytes!("../data/triggers.model"))
        .map(Arc::new)
        .unwrap_or_else(|e| panic!("the built-in trigger model (crates/events/data/triggers.model) is invalid: {e}"))
});

fn h(template: u8, value: &str) -> u64 {
    let mut x = FxHasher::default();
    x.write_u8(template);
    x.write(value.as_bytes());
    x.finish()
}

/// What the features need to know about a word beyond its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place {
    /// First word of its clause.
    pub clause_start: bool,
    /// Right after a comma or other clause punctuation.
    pub after_comma: bool,
    /// The next word starts a linked mention or a name.
    pub next_named: bool,
}

/// The features of the word at `i`.
pub fn features(words: &[Word], i: usize, lex: &Lexicon, at: Place, out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let c = cues();
    out.push(h(0, ""));
    out.push(h(1, &w.key));
    out.push(h(2, bare(w)));
    out.push(h(3, &w.seg.key));
    out.push(h(4, &w.seg.base));
    out.push(h(5, &w.seg.prefixes.join("+")));
    out.push(h(6, &w.seg.suffixes.join("+")));
    if let Some(hit) = lex.lookup(w) {
        let e = hit.entry;
        out.push(h(7, hit.form));
        out.push(h(8, e.kind.as_str()));
        out.push(h(9, if hit.nominal { "n" } else { "v" }));
        out.push(h(10, &format!("{}{}", e.kind.as_str(), hit.nominal)));
        for alt in hit.entries.iter().skip(1) {
            out.push(h(11, alt.kind.as_str()));
        }
        if hit.entries.iter().any(|e| e.participle) {
            out.push(h(12, "participle"));
        }
    } else {
        out.push(h(7, "-"));
    }
    fn key<'w>(k: Option<&'w Word>) -> &'w str {
        k.map_or("<s>", |w| w.seg.key.as_str())
    }
    let prev = i.checked_sub(1).map(|k| &words[k]);
    let prev2 = i.checked_sub(2).map(|k| &words[k]);
    let next = words.get(i + 1);
    out.push(h(13, key(prev)));
    out.push(h(14, key(next)));
    out.push(h(15, key(prev2)));
    out.push(h(16, key(words.get(i + 2))));
    out.push(h(17, &format!("{}|{}", key(prev), w.seg.key)));
    out.push(h(18, &format!("{}|{}", w.seg.key, key(next))));
    if let Some(p) = prev {
        let pb = bare(p);
        for (name, class) in [
            ("prep", &c.target_preps),
            ("loc", &c.locatives),
            ("temporal", &c.temporal),
            ("purpose", &c.purpose),
            ("neg", &c.negations),
            ("future", &c.future),
            ("rel", &c.relatives),
            ("speech", &c.speech_verbs),
            ("title", &c.titles),
            ("group", &c.groups),
        ] {
            if class.has(pb) {
                out.push(h(19, name));
            }
        }
        if p.tok.kind == TokenKind::Punct {
            out.push(h(20, p.tok.text));
        }
    }
    if let Some(n) = next {
        if n.seg.definite() {
            out.push(h(21, "def"));
        }
        if n.tok.kind == TokenKind::Number {
            out.push(h(21, "num"));
        }
        if c.target_preps.has(bare(n)) {
            out.push(h(21, "prep"));
        }
    }
    if at.clause_start {
        out.push(h(22, "start"));
    }
    if at.after_comma {
        out.push(h(22, "comma"));
    }
    if at.next_named {
        out.push(h(22, "named"));
    }
    if w.seg.definite() {
        out.push(h(23, "def"));
    }
}

fn scores(w: &FxHashMap<u64, Scores>, feats: &[u64]) -> Scores {
    let mut s = [0f32; CLASSES];
    for f in feats {
        if let Some(x) = w.get(f) {
            for (a, b) in s.iter_mut().zip(x) {
                *a += b;
            }
        }
    }
    s
}

/// The best class (ties to the lower) and its margin over the runner-up.
fn best(s: &Scores) -> (usize, f32) {
    let mut b = 0;
    for k in 1..CLASSES {
        if s[k] > s[b] {
            b = k;
        }
    }
    let second = (0..CLASSES).filter(|&k| k != b).map(|k| s[k]).fold(f32::MIN, f32::max);
    (b, s[b] - second)
}

impl TriggerModel {
    /// The model shipped in the binary.
    pub fn builtin() -> &'static Arc<TriggerModel> {
        &BUILTIN
    }

    /// True when the model has no weights (it then decides nothing and the rules stand alone).
    pub fn is_empty(&self) -> bool {
        self.w.is_empty()
    }

    /// True when training data marked this stem as a trigger (a candidate beyond the lexicon).
    pub fn knows_stem(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }

    /// The score of each class.
    pub fn scores(&self, feats: &[u64]) -> Scores {
        scores(&self.w, feats)
    }

    /// The best class and its margin over the runner-up.
    pub fn decide(&self, feats: &[u64]) -> (usize, f32) {
        best(&self.scores(feats))
    }

    /// Trains on examples (features, gold class): `epochs` passes in a fixed order (the caller
    /// shuffles), weights averaged. `stems` are the stems the training data marked.
    pub fn train(examples: &[(Vec<u64>, usize)], epochs: usize, stems: FxHashSet<String>, seed: u64) -> TriggerModel {
        let mut w: FxHashMap<u64, Scores> = FxHashMap::default();
        let mut acc: FxHashMap<u64, Scores> = FxHashMap::default();
        let mut c = 1f32;
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut s = seed.max(1);
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                s ^= s >> 12;
                s ^= s << 25;
                s ^= s >> 27;
                order.swap(i, (s.wrapping_mul(0x2545_F491_4F6C_DD1D) % (i as u64 + 1)) as usize);
            }
            for &k in &order {
                let (feats, gold) = (&examples[k].0, examples[k].1);
                let (pred, _) = best(&scores(&w, feats));
                if pred != gold {
                    for f in feats {
                        let x = w.entry(*f).or_insert([0.0; CLASSES]);
                        x[gold] += 1.0;
                        x[pred] -= 1.0;
                        let a = acc.entry(*f).or_insert([0.0; CLASSES]);
                        a[gold] += c;
                        a[pred] -= c;
                    }
                }
                c += 1.0;
            }
        }
        // Averaged: w - acc / c.
        let avg = w
            .into_iter()
            .map(|(f, x)| {
                let a = acc.get(&f).copied().unwrap_or([0.0; CLASSES]);
                let mut y = [0f32; CLASSES];
                for k in 0..CLASSES {
                    y[k] = x[k] - a[k] / c;
                }
                (f, y)
            })
            .filter(|(_, y)| y.iter().any(|v| v.abs() > 1e-4))
            .collect();
        TriggerModel { w: avg, stems }
    }

    /// The mean of models (their weights averaged, their stems joined): models trained on one
    /// data set in different orders vote as one, steadier than any of them.
    pub fn mean(models: &[TriggerModel]) -> TriggerModel {
        let mut w: FxHashMap<u64, Scores> = FxHashMap::default();
        let n = models.len().max(1) as f32;
        for m in models {
            for (f, s) in &m.w {
                let x = w.entry(*f).or_insert([0.0; CLASSES]);
                for (a, b) in x.iter_mut().zip(s) {
                    *a += b / n;
                }
            }
        }
        let stems = models.iter().flat_map(|m| m.stems.iter().cloned()).collect();
        TriggerModel { w, stems }
    }

    /// The model as bytes: `RSDTRG2`, then each feature (by hash order) with the classes it
    /// weighs (most features weigh two or three of the 17: a class byte and an f32 each), then
    /// the stems.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let mut feats: Vec<(&u64, &Scores)> = self.w.iter().collect();
        feats.sort_by_key(|(f, _)| **f);
        out.extend((feats.len() as u64).to_le_bytes());
        for (f, s) in feats {
            out.extend(f.to_le_bytes());
            let kept: Vec<(usize, f32)> = s.iter().copied().enumerate().filter(|(_, v)| *v != 0.0).collect();
            out.push(kept.len() as u8);
            for (k, v) in kept {
                out.push(k as u8);
                out.extend(v.to_le_bytes());
            }
        }
        let mut stems: Vec<&String> = self.stems.iter().collect();
        stems.sort();
        out.extend((stems.len() as u64).to_le_bytes());
        for st in stems {
            out.extend((st.len() as u32).to_le_bytes());
            out.extend(st.as_bytes());
        }
        out
    }

    /// Reads [`TriggerModel::to_bytes`]; an empty input is an empty model.
    pub fn from_bytes(b: &[u8]) -> Result<TriggerModel, ModelError> {
        if b.is_empty() {
            return Ok(TriggerModel::default());
        }
        if !b.starts_with(MAGIC) {
            return Err(ModelError(0));
        }
        let mut at = MAGIC.len();
        let mut take = |n: usize| -> Result<&[u8], ModelError> {
            let s = b.get(at..at + n).ok_or(ModelError(at))?;
            at += n;
            Ok(s)
        };
        let u64_of = |s: &[u8]| u64::from_le_bytes(s.try_into().unwrap_or([0; 8]));
        let n = u64_of(take(8)?) as usize;
        let mut w = FxHashMap::default();
        w.reserve(n.min(1 << 22));
        for _ in 0..n {
            let f = u64_of(take(8)?);
            let mut s = [0f32; CLASSES];
            for _ in 0..take(1)?[0] {
                let k = take(1)?[0] as usize;
                let v = f32::from_le_bytes(take(4)?.try_into().unwrap_or([0; 4]));
                *s.get_mut(k).ok_or(ModelError(0))? = v;
            }
            w.insert(f, s);
        }
        let k = u64_of(take(8)?) as usize;
        let mut stems = FxHashSet::default();
        for _ in 0..k {
            let len = u32::from_le_bytes(take(4)?.try_into().unwrap_or([0; 4])) as usize;
            let st = std::str::from_utf8(take(len)?).map_err(|_| ModelError(0))?;
            stems.insert(st.to_string());
        }
        Ok(TriggerModel { w, stems })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_model_loads_and_a_model_round_trips() {
        TriggerModel::from_bytes(include_bytes!("../data/triggers.model")).unwrap();
        let ex = vec![(vec![1u64, 2], 3usize), (vec![1u64, 4], 0)];
        let m = TriggerModel::train(&ex, 5, ["قصف".to_string()].into_iter().collect(), 1);
        assert_eq!(m.decide(&[1, 2]).0, 3);
        assert_eq!(m.decide(&[1, 4]).0, 0);
        let again = TriggerModel::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(again.decide(&[1, 2]).0, 3);
        assert!(again.knows_stem("قصف"));
        assert!(TriggerModel::from_bytes(b"nope").is_err());
        let half = TriggerModel::mean(&[m.clone(), TriggerModel::default()]);
        assert_eq!(half.decide(&[1, 2]).0, 3);
        assert!((half.scores(&[1, 2])[3] - m.scores(&[1, 2])[3] / 2.0).abs() < 1e-6);
    }
}

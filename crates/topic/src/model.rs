//! The model: a bias and a weight per stem, read from and written to a readable TSV.

use std::sync::{Arc, LazyLock};

use rasad_text::{TokenKind, Word};
use rustc_hash::{FxHashMap, FxHashSet};

/// A malformed model file.
#[derive(Debug, thiserror::Error)]
pub enum TopicError {
    /// A line is not `stem<TAB>weight`.
    #[error("topic model line {line}: expected 'stem<TAB>weight', found {found:?}")]
    Line {
        /// Line number (1-based).
        line: usize,
        /// What was there.
        found: String,
    },
    /// The `bias` line is missing.
    #[error("topic model: no 'bias' line")]
    NoBias,
}

/// A linear relevance model: `P(political) = sigmoid(bias + Σ weight(stem) / sqrt(n))` over the
/// `n` distinct stems of a text.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub(crate) bias: f32,
    pub(crate) weights: FxHashMap<String, f32>,
}

static BUILTIN: LazyLock<Arc<Model>> = LazyLock::new(|| {
    // Checked by a test; a failure here is a build defect, not bad input.
    Model::parse(include_str!("../data/politics.tsv"))
        .map(Arc::new)
        .unwrap_or_else(|e| panic!("the built-in topic model (crates/topic/data/politics.tsv) is invalid: {e}"))
});

/// The features of a text: the distinct stems of its Arabic and Latin words of two letters or
/// more (numbers and punctuation left out), in first-seen order.
pub fn features<'w>(words: &'w [Word]) -> Vec<&'w str> {
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut out = Vec::new();
    for w in words {
        if !matches!(w.tok.kind, TokenKind::Arabic | TokenKind::Latin) {
            continue;
        }
        let k = w.seg.key.as_str();
        if k.chars().nth(1).is_some() && seen.insert(k) {
            out.push(k);
        }
    }
    out
}

impl Model {
    /// The model shipped in the binary.
    pub fn builtin() -> &'static Arc<Model> {
        &BUILTIN
    }

    /// Reads a model: `#` comments, a `bias<TAB>b` line, then `stem<TAB>weight` lines.
    pub fn parse(tsv: &str) -> Result<Model, TopicError> {
        let mut m = Model::default();
        let mut bias = None;
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = || TopicError::Line { line: n + 1, found: line.chars().take(60).collect() };
            let (k, v) = line.split_once('\t').ok_or_else(bad)?;
            let v: f32 = v.trim().parse().map_err(|_| bad())?;
            if k == "bias" {
                bias = Some(v);
            } else {
                m.weights.insert(k.to_string(), v);
            }
        }
        m.bias = bias.ok_or(TopicError::NoBias)?;
        Ok(m)
    }

    /// The model as TSV (weights by stem, strongest first), after `header` (`#` lines).
    pub fn to_tsv(&self, header: &str) -> String {
        let mut w: Vec<(&String, &f32)> = self.weights.iter().collect();
        w.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(b.0)));
        let mut s = String::from(header);
        s.push_str(&format!("bias\t{:.5}\n", self.bias));
        for (k, v) in w {
            s.push_str(&format!("{k}\t{v:.5}\n"));
        }
        s
    }

    /// Stems with a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when the model has no weights (it then scores every text by its bias alone).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The log-odds of a set of features, and how many there were.
    pub fn logit_of(&self, feats: &[&str]) -> (f32, usize) {
        if feats.is_empty() {
            return (self.bias, 0);
        }
        let sum: f32 = feats.iter().filter_map(|f| self.weights.get(*f)).sum();
        (self.bias + sum / (feats.len() as f32).sqrt(), feats.len())
    }

    /// The probability that a text is political or conflict news, 0..1.
    pub fn probability(&self, words: &[Word]) -> f64 {
        sigmoid(self.logit_of(&features(words)).0)
    }
}

pub(crate) fn sigmoid(x: f32) -> f64 {
    1.0 / (1.0 + (-f64::from(x)).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_model_loads_and_round_trips() {
        let m = Model::parse(include_str!("../data/politics.tsv")).unwrap();
        assert!(m.len() > 1000, "{} stems", m.len());
        let again = Model::parse(&m.to_tsv("# again\n")).unwrap();
        assert_eq!(again.len(), m.len());
        assert!((again.bias - m.bias).abs() < 1e-4);
    }

    #[test]
    fn bad_lines_are_named() {
        assert_eq!(
            Model::parse("bias\t0.1\nقصف 2\n").unwrap_err().to_string(),
            "topic model line 2: expected 'stem<TAB>weight', found \"قصف 2\""
        );
        assert!(matches!(Model::parse("قصف\t1\n"), Err(TopicError::NoBias)));
    }
}

//! Training: logistic regression by stochastic gradient descent with AdaGrad steps, classes
//! weighted to balance, L2 regularization, a fixed seed; then the weakest weights pruned.

use rustc_hash::FxHashMap;

use crate::model::Model;

/// One training text: its features ([`crate::features`]) and whether it is political.
#[derive(Debug, Clone)]
pub struct Example {
    /// Distinct stems.
    pub features: Vec<String>,
    /// True for the political class.
    pub positive: bool,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad's base step.
    pub rate: f32,
    /// L2 penalty per step.
    pub l2: f32,
    /// Weights kept, strongest first (the rest are dropped: a smaller file, the same decisions).
    pub keep: usize,
    /// Seed of the shuffling.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 6, rate: 0.3, l2: 1e-6, keep: 40_000, seed: 2026 }
    }
}

/// Accuracy, precision and recall of the political class on held-out texts.
#[derive(Debug, Clone, Copy, Default)]
pub struct TrainReport {
    /// Held-out texts.
    pub n: usize,
    /// Share classified right.
    pub accuracy: f64,
    /// Precision of the political class.
    pub precision: f64,
    /// Recall of the political class.
    pub recall: f64,
}

/// A deterministic shuffle (xorshift64*): no dependency, the same order for the same seed.
fn shuffle<T>(v: &mut [T], seed: u64) {
    let mut s = seed.max(1);
    for i in (1..v.len()).rev() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        let r = s.wrapping_mul(0x2545_F491_4F6C_DD1D);
        v.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

/// Trains on `train` and reports on `test`.
pub fn train(train: &[Example], test: &[Example], opt: TrainOptions) -> (Model, TrainReport) {
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    for e in train {
        for f in &e.features {
            let n = index.len();
            index.entry(f.as_str()).or_insert(n);
        }
    }
    let (mut w, mut g2) = (vec![0f32; index.len()], vec![1e-6f32; index.len()]);
    let (mut b, mut bg2) = (0f32, 1e-6f32);
    let pos = train.iter().filter(|e| e.positive).count().max(1) as f32;
    let neg = (train.len() as f32 - pos).max(1.0);
    // Each class weighs half of the data.
    let (wpos, wneg) = (train.len() as f32 / (2.0 * pos), train.len() as f32 / (2.0 * neg));
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut ids: Vec<usize> = Vec::new();
    for epoch in 0..opt.epochs {
        shuffle(&mut order, opt.seed.wrapping_add(epoch as u64));
        for &i in &order {
            let e = &train[i];
            ids.clear();
            ids.extend(e.features.iter().filter_map(|f| index.get(f.as_str()).copied()));
            if ids.is_empty() {
                continue;
            }
            let scale = 1.0 / (ids.len() as f32).sqrt();
            let z = b + scale * ids.iter().map(|&k| w[k]).sum::<f32>();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = if e.positive { 1.0 } else { 0.0 };
            let g = (p - y) * if e.positive { wpos } else { wneg };
            for &k in &ids {
                let gk = g * scale + opt.l2 * w[k];
                g2[k] += gk * gk;
                w[k] -= opt.rate * gk / g2[k].sqrt();
            }
            bg2 += g * g;
            b -= opt.rate * g / bg2.sqrt();
        }
    }
    let mut kept: Vec<(&str, f32)> = index.iter().map(|(k, &i)| (*k, w[i])).filter(|(_, v)| *v != 0.0).collect();
    kept.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(b.0)));
    kept.truncate(opt.keep);
    let model = Model { bias: b, weights: kept.into_iter().map(|(k, v)| (k.to_string(), v)).collect() };
    (model.clone(), report(&model, test))
}

fn report(m: &Model, test: &[Example]) -> TrainReport {
    let (mut tp, mut fp, mut fn_, mut right) = (0usize, 0usize, 0usize, 0usize);
    for e in test {
        let feats: Vec<&str> = e.features.iter().map(String::as_str).collect();
        let yes = m.logit_of(&feats).0 > 0.0;
        right += usize::from(yes == e.positive);
        match (yes, e.positive) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            _ => {}
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    TrainReport { n: test.len(), accuracy: ratio(right, test.len()), precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn_) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(words: &[&str], positive: bool) -> Example {
        Example { features: words.iter().map(|s| s.to_string()).collect(), positive }
    }

    #[test]
    fn separable_toy_data_is_learned_and_training_is_deterministic() {
        let data: Vec<Example> = (0..200)
            .map(|i| {
                if i % 2 == 0 {
                    ex(&["قصف", "جيش", if i % 4 == 0 { "مدينه" } else { "قريه" }], true)
                } else {
                    ex(&["مباراه", "فريق", "هدف"], false)
                }
            })
            .collect();
        let (m, r) = train(&data, &data, TrainOptions::default());
        assert!(r.accuracy > 0.99, "{r:?}");
        let (m2, _) = train(&data, &data, TrainOptions::default());
        assert_eq!(m.to_tsv(""), m2.to_tsv(""));
    }
}

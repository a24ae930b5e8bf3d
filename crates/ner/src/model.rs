//! The averaged structured perceptron: training, Viterbi decoding, and a compact binary format.

use rustc_hash::FxHashMap;

/// The tags, in model order.
pub const TAGS: [&str; 9] = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
const T: usize = TAGS.len();
/// A score per tag.
pub type TagScores = [f32; T];
const START: usize = T;

/// Errors reading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a Rasad NER model, or a truncated one.
    #[error("not a Rasad NER model file (bad header or truncated at byte {0})")]
    Format(usize),
}

/// Feature weights per tag and transition weights.
#[derive(Debug, Clone, Default)]
pub struct Model {
    w: FxHashMap<u64, [f32; T]>,
    trans: Vec<[f32; T]>,
    /// Subtracted from the O tag's score: trades precision for recall, tuned on the dev set.
    o_penalty: f32,
    /// Names this model's weights for callers' caches (see [`Model::id`]); 0 for an empty model.
    id: u64,
}

/// Hands out model ids.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// An I- tag may only follow B- or I- of its type.
fn allowed(prev: usize, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    prev != START && prev != 0 && prev.div_ceil(2) == cur.div_ceil(2)
}

struct Trainer {
    m: Model,
    acc: FxHashMap<u64, [f32; T]>,
    acc_trans: Vec<[f32; T]>,
    c: f32,
}

impl Trainer {
    fn update(&mut self, feats: &[Vec<u64>], gold: &[usize], pred: &[usize]) {
        for (i, f) in feats.iter().enumerate() {
            if gold[i] != pred[i] {
                for k in f {
                    let w = self.m.w.entry(*k).or_insert([0.0; T]);
                    w[gold[i]] += 1.0;
                    w[pred[i]] -= 1.0;
                    let a = self.acc.entry(*k).or_insert([0.0; T]);
                    a[gold[i]] += self.c;
                    a[pred[i]] -= self.c;
                }
            }
            let (gp, pp) = (if i == 0 { START } else { gold[i - 1] }, if i == 0 { START } else { pred[i - 1] });
            if gp != pp || gold[i] != pred[i] {
                self.m.trans[gp][gold[i]] += 1.0;
                self.m.trans[pp][pred[i]] -= 1.0;
                self.acc_trans[gp][gold[i]] += self.c;
                self.acc_trans[pp][pred[i]] -= self.c;
            }
        }
    }

    fn averaged(&self) -> Model {
        let mut m = self.m.clone();
        m.id = next_id();
        for (k, w) in m.w.iter_mut() {
            if let Some(a) = self.acc.get(k) {
                for (x, acc) in w.iter_mut().zip(a) {
                    *x -= acc / self.c;
                }
            }
        }
        for (row, acc) in m.trans.iter_mut().zip(&self.acc_trans) {
            for (x, a) in row.iter_mut().zip(acc) {
                *x -= a / self.c;
            }
        }
        // Drop what averaged to nothing: the file stays small.
        m.w.retain(|_, w| w.iter().any(|x| x.abs() > 1e-3));
        m
    }
}

static BUILTIN: std::sync::LazyLock<std::sync::Arc<Model>> = std::sync::LazyLock::new(|| {
    // Checked by a test; a failure here is a build defect, not bad input.
    Model::from_bytes(include_bytes!("../data/model.bin"))
        .map(std::sync::Arc::new)
        .unwrap_or_else(|e| panic!("the built-in NER model (crates/ner/data/model.bin) is invalid: {e}"))
});

impl Model {
    /// An id unique to these weights in this process (a clone shares it, as it shares the
    /// weights): what a cache of weighed features should be keyed by, rather than an address,
    /// which a later model may reuse.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The model shipped in the binary (trained by `rasad ner train`; see crates/ner/data/README.md).
    pub fn builtin() -> &'static std::sync::Arc<Model> {
        &BUILTIN
    }

    /// Decodes the best tag sequence (indices into [`TAGS`]).
    pub fn decode(&self, feats: &[Vec<u64>]) -> Vec<usize> {
        let emit: Vec<TagScores> = feats.iter().map(|f| self.with_bias(self.weigh(f))).collect();
        self.decode_scores(&emit)
    }

    /// The summed weights of some features, per tag (no bias).
    pub fn weigh(&self, feats: &[u64]) -> TagScores {
        let mut s = [0.0f32; T];
        for k in feats {
            if let Some(w) = self.w.get(k) {
                for t in 0..T {
                    s[t] += w[t];
                }
            }
        }
        s
    }

    /// Adds the O tag's bias to a word's summed weights: its emission scores.
    pub fn with_bias(&self, mut s: TagScores) -> TagScores {
        s[0] -= self.o_penalty;
        s
    }

    /// The best tag sequence (Viterbi) for per-word emission scores ([`Model::with_bias`] of
    /// [`Model::weigh`] of all the word's features).
    pub fn decode_scores(&self, emit: &[TagScores]) -> Vec<usize> {
        let n = emit.len();
        if n == 0 {
            return vec![];
        }
        // Transition scores with the forbidden moves (I- not after its B-/I-) at minus infinity,
        // so the inner loop is plain arithmetic.
        let mut tm = [[f32::NEG_INFINITY; T]; T + 1];
        for (p, row) in tm.iter_mut().enumerate() {
            for (t, x) in row.iter_mut().enumerate() {
                if allowed(p, t) {
                    *x = self.trans.get(p).map_or(0.0, |r| r[t]);
                }
            }
        }
        let mut score = vec![[f32::NEG_INFINITY; T]; n];
        let mut back = vec![[0usize; T]; n];
        for t in 0..T {
            score[0][t] = emit[0][t] + tm[START][t];
        }
        for i in 1..n {
            let prev = score[i - 1];
            let (cur, bk) = (&mut score[i], &mut back[i]);
            for t in 0..T {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
                for p in 0..T {
                    let s = prev[p] + tm[p][t];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                }
                cur[t] = best + emit[i][t];
                bk[t] = arg;
            }
        }
        let mut best = (0..T).max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b])).unwrap_or(0);
        let mut out = vec![0; n];
        for i in (0..n).rev() {
            out[i] = best;
            best = back[i][best];
        }
        out
    }

    /// Trains on (features, gold tag indices) per sentence; `dev` picks the best epoch and the O
    /// penalty. Deterministic: the order of sentences is shuffled with `seed`.
    pub fn train(
        data: &[(Vec<Vec<u64>>, Vec<usize>)],
        dev: &[(Vec<Vec<u64>>, Vec<usize>)],
        epochs: usize,
        seed: u64,
        log: impl FnMut(usize, f64),
    ) -> Model {
        Self::train_tuned(data, dev, epochs, seed, log).0
    }

    /// Trains one model per seed (each choosing its epoch count on `dev`), averages their weights,
    /// and tunes the O penalty of the average on `dev`. With `refit`, each model is then trained
    /// again on `data` and `dev` together with its epoch count, and the average of those takes the
    /// tuned penalty: the development sentences are used for tuning first and as training data
    /// after, never to score the final model. `log` gets (seed, epoch, dev F1), and (0, 0, dev F1)
    /// for the tuned average.
    pub fn train_ensemble(
        data: &[(Vec<Vec<u64>>, Vec<usize>)],
        dev: &[(Vec<Vec<u64>>, Vec<usize>)],
        epochs: usize,
        seeds: &[u64],
        refit: bool,
        mut log: impl FnMut(u64, usize, f64),
    ) -> Model {
        // Each seed's model and the epoch count dev chose for it.
        let runs: Vec<(Model, usize)> = seeds.iter().map(|&s| Self::train_tuned(data, dev, epochs, s, |e, f1| log(s, e, f1))).collect();
        let mut avg = Model::average(&runs.iter().map(|r| &r.0).collect::<Vec<_>>());
        let (steps, f1) = avg.tune_penalty(dev);
        log(0, 0, f1);
        if !refit {
            return avg;
        }
        let all: Vec<(Vec<Vec<u64>>, Vec<usize>)> = data.iter().chain(dev).cloned().collect();
        // Scored by epoch: the last pass is kept.
        let fits: Vec<Model> =
            runs.iter().zip(seeds).map(|(&(_, epochs), &s)| Self::fit(&all, epochs, s, |_, epoch| epoch as f64).0).collect();
        let mut m = Model::average(&fits.iter().collect::<Vec<_>>());
        m.o_penalty = m.penalty_step() * steps as f32;
        m
    }

    /// The mean of some models' weights (a feature missing from one counts as zero there).
    pub fn average(models: &[&Model]) -> Model {
        let n = models.len().max(1) as f32;
        let mut w: FxHashMap<u64, [f32; T]> = FxHashMap::default();
        let mut trans = vec![[0.0; T]; T + 1];
        for m in models {
            for (k, row) in &m.w {
                let acc = w.entry(*k).or_insert([0.0; T]);
                for (a, x) in acc.iter_mut().zip(row) {
                    *a += x / n;
                }
            }
            for (acc, row) in trans.iter_mut().zip(&m.trans) {
                for (a, x) in acc.iter_mut().zip(row) {
                    *a += x / n;
                }
            }
        }
        let o_penalty = models.iter().map(|m| m.o_penalty).sum::<f32>() / n;
        Model { w, trans, o_penalty, id: next_id() }
    }

    /// Sets the O penalty that maximizes dev F1 on a grid of [`Model::penalty_step`]s; returns
    /// the number of steps and the F1.
    fn tune_penalty(&mut self, dev: &[(Vec<Vec<u64>>, Vec<usize>)]) -> (usize, f64) {
        let step = self.penalty_step();
        self.o_penalty = 0.0;
        let (mut best_steps, mut best_f1) = (0usize, dev_f1(self, dev));
        for k in 1..=20 {
            self.o_penalty = step * k as f32;
            let f1 = dev_f1(self, dev);
            if f1 > best_f1 {
                (best_steps, best_f1) = (k, f1);
            }
        }
        self.o_penalty = step * best_steps as f32;
        (best_steps, best_f1)
    }

    /// One O-penalty step: 5% of the largest transition weight (the weights' scale).
    fn penalty_step(&self) -> f32 {
        self.trans.iter().flatten().fold(0f32, |a, x| a.max(x.abs())).max(1.0) * 0.05
    }

    /// One model for `seed`, its epoch and O penalty chosen on `dev`; with the epoch count chosen.
    fn train_tuned(
        data: &[(Vec<Vec<u64>>, Vec<usize>)],
        dev: &[(Vec<Vec<u64>>, Vec<usize>)],
        epochs: usize,
        seed: u64,
        mut log: impl FnMut(usize, f64),
    ) -> (Model, usize) {
        let (m, best_epoch) = Self::fit(data, epochs, seed, |avg, epoch| {
            let f1 = dev_f1(avg, dev);
            log(epoch, f1);
            f1
        });
        let mut m = m;
        let (_, f1) = m.tune_penalty(dev);
        log(0, f1);
        (m, best_epoch)
    }

    /// Runs `epochs` passes; after each, `score` rates the averaged model (higher is better) and
    /// the best one is kept, with its epoch (1-based).
    fn fit(data: &[(Vec<Vec<u64>>, Vec<usize>)], epochs: usize, seed: u64, mut score: impl FnMut(&Model, usize) -> f64) -> (Model, usize) {
        let mut tr = Trainer {
            m: Model { w: FxHashMap::default(), trans: vec![[0.0; T]; T + 1], o_penalty: 0.0, id: 0 },
            acc: FxHashMap::default(),
            acc_trans: vec![[0.0; T]; T + 1],
            c: 1.0,
        };
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = seed.max(1);
        let mut best: Option<(f64, Model, usize)> = None;
        for epoch in 0..epochs {
            // Fisher–Yates with a small xorshift: reproducible without a dependency.
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            for &k in &order {
                let (f, g) = &data[k];
                let p = tr.m.decode(f);
                if &p != g {
                    tr.update(f, g, &p);
                }
                tr.c += 1.0;
            }
            let avg = tr.averaged();
            let f1 = score(&avg, epoch + 1);
            if best.as_ref().is_none_or(|(b, _, _)| f1 > *b) {
                best = Some((f1, avg, epoch + 1));
            }
        }
        best.map(|(_, m, e)| (m, e)).unwrap_or_default()
    }

    /// Number of feature weight rows.
    pub fn len(&self) -> usize {
        self.w.len()
    }

    /// True when the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.w.is_empty()
    }

    /// The binary form: "RASADNER2", feature count, scale, O penalty, transitions, then (key, weights) rows.
    /// Weights are stored as f16-like scaled i16 to keep the file small.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.w.values().flat_map(|w| w.iter()).chain(self.trans.iter().flatten()).fold(0f32, |a, x| a.max(x.abs())).max(1e-6);
        let scale = 32000.0 / max;
        let mut out = b"RASADNER2".to_vec();
        out.extend((self.w.len() as u32).to_le_bytes());
        out.extend(scale.to_le_bytes());
        out.extend(self.o_penalty.to_le_bytes());
        for row in &self.trans {
            for x in row {
                out.extend(((x * scale).round() as i16).to_le_bytes());
            }
        }
        let mut keys: Vec<&u64> = self.w.keys().collect();
        keys.sort();
        for k in keys {
            out.extend(k.to_le_bytes());
            for x in &self.w[k] {
                out.extend(((x * scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    /// Reads the binary form.
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let mut pos = 0usize;
        let mut take = |n: usize| -> Result<&[u8], ModelError> {
            let s = b.get(pos..pos + n).ok_or(ModelError::Format(pos))?;
            pos += n;
            Ok(s)
        };
        if take(9)? != b"RASADNER2" {
            return Err(ModelError::Format(0));
        }
        let n = u32::from_le_bytes(take(4)?.try_into().map_err(|_| ModelError::Format(9))?) as usize;
        let scale = f32::from_le_bytes(take(4)?.try_into().map_err(|_| ModelError::Format(13))?);
        let o_penalty = f32::from_le_bytes(take(4)?.try_into().map_err(|_| ModelError::Format(17))?);
        let row = |take: &mut dyn FnMut(usize) -> Result<Vec<u8>, ModelError>| -> Result<[f32; T], ModelError> {
            let raw = take(2 * T)?;
            let mut r = [0f32; T];
            for (t, x) in r.iter_mut().enumerate() {
                *x = i16::from_le_bytes([raw[2 * t], raw[2 * t + 1]]) as f32 / scale;
            }
            Ok(r)
        };
        let mut owned_take = |k: usize| take(k).map(<[u8]>::to_vec);
        let mut trans = Vec::with_capacity(T + 1);
        for _ in 0..=T {
            trans.push(row(&mut owned_take)?);
        }
        let mut w = FxHashMap::default();
        w.reserve(n);
        for _ in 0..n {
            let k = u64::from_le_bytes(owned_take(8)?.try_into().map_err(|_| ModelError::Format(0))?);
            w.insert(k, row(&mut owned_take)?);
        }
        Ok(Model { w, trans, o_penalty, id: next_id() })
    }
}

fn dev_f1(m: &Model, dev: &[(Vec<Vec<u64>>, Vec<usize>)]) -> f64 {
    let to_tags = |v: &[usize]| v.iter().map(|&t| TAGS[t].to_string()).collect::<Vec<_>>();
    let gold: Vec<Vec<String>> = dev.iter().map(|(_, g)| to_tags(g)).collect();
    let pred: Vec<Vec<String>> = dev.iter().map(|(f, _)| to_tags(&m.decode(f))).collect();
    crate::eval::evaluate(&gold, &pred).micro().2
}

/// Document-level consistency: a name tagged in one sentence is tagged where the same word stands
/// untagged nearby (within `window` sentences). Only single words propagate: a one-word entity,
/// or the last word (surname) of a person's name; words of three letters or fewer never do.
/// `keys` and `tags` are per sentence; tags are indices into [`TAGS`].
pub fn propagate<K: AsRef<str>>(keys: &[Vec<K>], tags: &mut [Vec<usize>], window: usize) {
    let mut seen: Vec<Vec<(&str, usize)>> = vec![Vec::new(); keys.len()];
    for (s, (k, t)) in keys.iter().zip(tags.iter()).enumerate() {
        let spans = crate::conll::spans(&t.iter().map(|&x| TAGS[x]).collect::<Vec<_>>());
        for (a, b, kind) in spans {
            let b_tag = TAGS.iter().position(|x| *x == format!("B-{kind}")).unwrap_or(0);
            if b - a == 1 || kind == "PERS" {
                seen[s].push((k[b - 1].as_ref(), b_tag));
            }
        }
    }
    for s in 0..keys.len() {
        let lo = s.saturating_sub(window);
        let hi = (s + window + 1).min(keys.len());
        for i in 0..keys[s].len() {
            let key = keys[s][i].as_ref();
            if tags[s][i] != 0 || key.chars().count() <= 3 {
                continue;
            }
            let prev_o = i == 0 || tags[s][i - 1] == 0;
            if let Some(&(_, t)) = (lo..hi).flat_map(|x| seen[x].iter()).find(|(k, _)| *k == key) {
                if prev_o {
                    tags[s][i] = t;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_toy_pattern_and_round_trips() {
        // Feature 1 marks a person's first token, 2 the next one, 3 anything else.
        let s = |v: &[u64]| v.iter().map(|&x| vec![x, 99]).collect::<Vec<_>>();
        let data = vec![(s(&[3, 1, 2, 3]), vec![0, 1, 2, 0]), (s(&[1, 2, 3]), vec![1, 2, 0]), (s(&[3, 3]), vec![0, 0])];
        let m = Model::train(&data, &data, 5, 7, |_, _| {});
        assert_eq!(m.decode(&s(&[3, 1, 2])), vec![0, 1, 2]);
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.decode(&s(&[1, 2, 3, 3])), vec![1, 2, 0, 0]);
        assert!(Model::from_bytes(b"nope").is_err());
    }

    #[test]
    fn an_ensemble_of_seeds_learns_the_pattern_and_averages_weights() {
        let s = |v: &[u64]| v.iter().map(|&x| vec![x, 99]).collect::<Vec<_>>();
        let data = vec![(s(&[3, 1, 2, 3]), vec![0, 1, 2, 0]), (s(&[1, 2, 3]), vec![1, 2, 0]), (s(&[3, 3]), vec![0, 0])];
        let m = Model::train_ensemble(&data, &data, 5, &[7, 8, 9], true, |_, _, _| {});
        assert_eq!(m.decode(&s(&[3, 1, 2])), vec![0, 1, 2]);
        let one = Model::train(&data, &data, 5, 7, |_, _| {});
        let twice = Model::average(&[&one, &one]);
        assert_eq!(twice.weigh(&[1, 2, 3]), one.weigh(&[1, 2, 3]));
    }

    #[test]
    fn names_propagate_to_nearby_untagged_occurrences() {
        let keys = vec![
            vec!["قال".to_string(), "رامسفيلد".to_string()],
            vec!["واكد".to_string(), "رامسفيلد".to_string()],
            vec!["رامسفيلد".to_string()],
        ];
        let mut tags = vec![vec![0, 1], vec![0, 0], vec![0]];
        propagate(&keys, &mut tags, 1);
        // The third sentence is two away from the only tagged one: out of a window of one.
        assert_eq!(tags, vec![vec![0, 1], vec![0, 1], vec![0]]);
    }

    #[test]
    fn inside_tags_only_continue_their_type() {
        assert!(allowed(1, 2) && allowed(2, 2) && !allowed(0, 2) && !allowed(START, 2) && !allowed(3, 2));
    }
}

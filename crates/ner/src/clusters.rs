//! Word clusters learned from unlabeled news by predictive exchange clustering (Uszkoreit and
//! Brants 2008): every word of a vocabulary goes to the class that best predicts it from the
//! word before it, under the class bigram model P(w | v) = P(c(w) | v) · P(w | c(w)). Words
//! that follow the same words end up together (city names, given names, ministries,
//! nisba adjectives …), which the perceptron reads as features of rare and unseen words.
//!
//! The built-in table (`data/clusters.tsv`) is built by `rasad ner clusters` from the SANAD
//! AlKhaleej articles (see `data/README.md`); it holds clitic-free stems (the segmenter's key)
//! with a fine and a coarse class each.
//!
//! ```
//! use rasad_ner::clusters::Clusters;
//! let c = Clusters::parse("# stem\tfine\tcoarse\nدمشق\t12\t3\n").unwrap();
//! assert_eq!(c.get("دمشق"), Some((12, 3)));
//! assert_eq!(c.get("بيروت"), None);
//! ```

use rustc_hash::FxHashMap;

/// Word → (fine class, coarse class).
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    map: FxHashMap<String, (u16, u16)>,
}

impl Clusters {
    /// Reads the TSV form: `stem<TAB>fine<TAB>coarse` a line, `#` comments. A malformed line is
    /// an error that names it.
    pub fn parse(tsv: &str) -> Result<Clusters, String> {
        let mut map = FxHashMap::default();
        for row in crate::features::three_columns(tsv) {
            let bad = |n: usize| format!("clusters line {n}: expected stem, fine class, coarse class");
            let (n, [w, f, c]) = row.map_err(bad)?;
            map.insert(w.to_string(), (f.parse().map_err(|_| bad(n))?, c.parse().map_err(|_| bad(n))?));
        }
        Ok(Clusters { map })
    }

    /// The built-in clusters (`data/clusters.tsv`).
    pub fn builtin() -> &'static Clusters {
        &BUILTIN
    }

    /// The (fine, coarse) classes of a stem, `None` outside the vocabulary.
    pub fn get(&self, stem: &str) -> Option<(u16, u16)> {
        self.map.get(stem).copied()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

static BUILTIN: std::sync::LazyLock<Clusters> = std::sync::LazyLock::new(|| {
    // Checked by a test; a failure here is a build defect, not bad input.
    Clusters::parse(include_str!("../data/clusters.tsv"))
        .unwrap_or_else(|e| panic!("the built-in word clusters (crates/ner/data/clusters.tsv) are invalid: {e}"))
});

/// Bigram statistics of a corpus over a vocabulary: word ids `0..vocab` for the vocabulary and
/// `vocab` for every other word (which is read as a context but never clustered).
#[derive(Debug, Clone, Default)]
pub struct Bigrams {
    /// Vocabulary size (ids `0..vocab`; `vocab` is "any other word").
    pub vocab: usize,
    /// Per word `w` of the vocabulary, its predecessors `v` (ids up to `vocab`) with the count of `v w`.
    pub pred: Vec<Vec<(u32, u32)>>,
    /// Per word of the vocabulary, how often it follows another word.
    pub count: Vec<u64>,
}

impl Bigrams {
    /// Counts the bigrams of sentences given as word ids (`vocab` for other words; the first word
    /// of a sentence follows `vocab` too).
    pub fn count(sentences: impl IntoIterator<Item = Vec<u32>>, vocab: usize) -> Bigrams {
        let mut pairs: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        let other = vocab as u32;
        for s in sentences {
            let mut prev = other;
            for w in s {
                if (w as usize) < vocab {
                    *pairs.entry((prev, w)).or_insert(0) += 1;
                }
                prev = w.min(other);
            }
        }
        let mut pred = vec![Vec::new(); vocab];
        let mut count = vec![0u64; vocab];
        let mut all: Vec<((u32, u32), u32)> = pairs.into_iter().collect();
        all.sort_unstable();
        for ((v, w), k) in all {
            pred[w as usize].push((v, k));
            count[w as usize] += u64::from(k);
        }
        Bigrams { vocab, pred, count }
    }
}

/// x · ln x, 0 at 0; from a table below [`XLX_TABLE`] (most counts are small: the table saves
/// the logarithm in the inner loop).
fn xlx(x: u64, table: &[f64]) -> f64 {
    match table.get(x as usize) {
        Some(&v) => v,
        None => {
            let x = x as f64;
            x * x.ln()
        }
    }
}

/// Counts below this have their x · ln x in a table.
const XLX_TABLE: usize = 1 << 16;

/// Predictive exchange clustering of the vocabulary into `classes` classes: words start in
/// classes dealt by a `seed`ed shuffle, then, `iterations` times over the words from the most to
/// the least frequent, each word moves to the class that most raises the corpus likelihood
/// Σ N(v,c) ln N(v,c) − Σ N(c) ln N(c) (N(v,c): how often a word of class c follows v; N(c): how
/// often class c occurs). Stops early when a pass moves fewer than 0.1% of the words.
/// Deterministic for a seed. `log` gets (pass, words moved). Cost per pass: the number of
/// distinct bigrams times `classes`.
pub fn exchange(b: &Bigrams, classes: usize, iterations: usize, seed: u64, mut log: impl FnMut(usize, usize)) -> Vec<u16> {
    let (v, c) = (b.vocab, classes.clamp(1, u16::MAX as usize));
    let mut order: Vec<usize> = (0..v).collect();
    order.sort_by(|&a, &x| b.count[x].cmp(&b.count[a]).then(a.cmp(&x)));
    // The initial classes: the words by frequency dealt round-robin after a seeded shuffle of
    // the class numbers in each round, so that each class gets frequent and rare words.
    let mut class = vec![0u16; v];
    let mut rng = seed.max(1);
    let mut deal: Vec<u16> = (0..c as u16).collect();
    for (k, &w) in order.iter().enumerate() {
        if k % c == 0 {
            for i in (1..c).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                deal.swap(i, (rng % (i as u64 + 1)) as usize);
            }
        }
        class[w] = deal[k % c];
    }
    // N(v, c) for every context v (the vocabulary and "other") and N(c).
    // u32: a corpus of fewer than 4 billion tokens; half the memory traffic of u64.
    let mut nvc = vec![0u32; (v + 1) * c];
    let mut nc = vec![0u64; c];
    for (w, &k) in class.iter().enumerate() {
        let k = k as usize;
        nc[k] += b.count[w];
        for &(p, n) in &b.pred[w] {
            nvc[p as usize * c + k] += n;
        }
    }
    let mut gain = vec![0f64; c];
    let table: Vec<f64> = (0..XLX_TABLE as u64).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect();
    let t = &table[..];
    for pass in 1..=iterations {
        let mut moved = 0;
        for &w in &order {
            let old = class[w] as usize;
            let n = b.count[w];
            if n == 0 {
                continue;
            }
            // Take the word out of its class, then score every class for it.
            nc[old] -= n;
            for &(p, k) in &b.pred[w] {
                nvc[p as usize * c + old] -= k;
            }
            for (g, &m) in gain.iter_mut().zip(&nc) {
                *g = xlx(m, t) - xlx(m + n, t);
            }
            for &(p, k) in &b.pred[w] {
                let row = &nvc[p as usize * c..(p as usize + 1) * c];
                let k = u64::from(k);
                let from_zero = xlx(k, t);
                for (g, &m) in gain.iter_mut().zip(row) {
                    *g += if m == 0 { from_zero } else { xlx(u64::from(m) + k, t) - xlx(u64::from(m), t) };
                }
            }
            // Ties keep the word where it was, then go to the lowest class.
            let mut best = old;
            for (k, &g) in gain.iter().enumerate() {
                if g > gain[best] + 1e-9 {
                    best = k;
                }
            }
            nc[best] += n;
            for &(p, k) in &b.pred[w] {
                nvc[p as usize * c + best] += k;
            }
            if best != old {
                class[w] = best as u16;
                moved += 1;
            }
        }
        log(pass, moved);
        if moved * 1000 < v {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        // Vocabulary: 0 في, 1 قال, 2 دمشق, 3 بيروت, 4 عمان, 5 الوزير, 6 الرئيس, 7 المتحدث.
        // Places follow في (0); titles follow قال (1); the other direction never occurs.
        let mut s = Vec::new();
        for _ in 0..20 {
            for place in [2u32, 3, 4] {
                s.push(vec![0, place]);
            }
            for title in [5u32, 6, 7] {
                s.push(vec![1, title]);
            }
        }
        let b = Bigrams::count(s, 8);
        for seed in [1, 2, 3] {
            let class = exchange(&b, 3, 10, seed, |_, _| {});
            assert_eq!(class[2], class[3]);
            assert_eq!(class[3], class[4]);
            assert_eq!(class[5], class[6]);
            assert_eq!(class[6], class[7]);
            assert_ne!(class[2], class[5], "seed {seed}: {class:?}");
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_classes() {
        let s: Vec<Vec<u32>> = (0..200u32).map(|k| vec![k % 7, (k * 3) % 11, (k * 5) % 13]).collect();
        let b = Bigrams::count(s, 12);
        assert_eq!(exchange(&b, 4, 5, 9, |_, _| {}), exchange(&b, 4, 5, 9, |_, _| {}));
    }

    #[test]
    fn the_built_in_clusters_parse() {
        let c = Clusters::builtin();
        assert!(c.len() > 10_000, "{}", c.len());
        assert!(Clusters::parse("دمشق\t1\n").unwrap_err().contains("line 1"));
    }
}

//! Exact-span scoring per type and micro-averaged, as conlleval does.

use std::collections::BTreeMap;

use crate::conll::spans;

/// Precision, recall and F1 per type and overall.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// (true positives, predicted, gold) per type.
    pub per_type: BTreeMap<String, (usize, usize, usize)>,
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 { 0.0 } else { tp as f64 / pred as f64 };
    let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (100.0 * p, 100.0 * r, 100.0 * f)
}

impl Scores {
    /// Micro-averaged (precision, recall, F1) in percent.
    pub fn micro(&self) -> (f64, f64, f64) {
        let (tp, p, g) = self.per_type.values().fold((0, 0, 0), |a, v| (a.0 + v.0, a.1 + v.1, a.2 + v.2));
        prf(tp, p, g)
    }
    /// F1 of one type in percent (0 for a type never seen).
    pub fn f1_of(&self, kind: &str) -> f64 {
        self.per_type.get(kind).map_or(0.0, |v| prf(v.0, v.1, v.2).2)
    }
    /// A conlleval-like report.
    pub fn report(&self) -> String {
        let (p, r, f) = self.micro();
        let mut s = format!("all     P {p:6.2}  R {r:6.2}  F1 {f:6.2}\n");
        for (k, v) in &self.per_type {
            let (p, r, f) = prf(v.0, v.1, v.2);
            s.push_str(&format!("{k:<7} P {p:6.2}  R {r:6.2}  F1 {f:6.2}  ({} gold)\n", v.2));
        }
        s
    }
}

/// Scores predicted tag sequences against gold ones (exact spans and types).
pub fn evaluate(gold: &[Vec<String>], pred: &[Vec<String>]) -> Scores {
    let mut sc = Scores::default();
    for (g, p) in gold.iter().zip(pred) {
        let gs = spans(&g.iter().map(String::as_str).collect::<Vec<_>>());
        let ps = spans(&p.iter().map(String::as_str).collect::<Vec<_>>());
        for x in &gs {
            sc.per_type.entry(x.2.clone()).or_default().2 += 1;
        }
        for x in &ps {
            let e = sc.per_type.entry(x.2.clone()).or_default();
            e.1 += 1;
            if gs.contains(x) {
                e.0 += 1;
            }
        }
    }
    sc
}

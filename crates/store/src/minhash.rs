//! Near-duplicate detection: MinHash signatures over word shingles of the match-key text, and
//! locality-sensitive hashing by bands.
//!
//! Parameters (measured on the set `bench/dedup/make_set.py` builds; figures in BENCHMARKS.md):
//! shingles of [`SHINGLE`] words (match keys, so spelling variants and diacritics do not count as
//! changes), [`HASHES`] hash functions in [`BANDS`] bands of [`ROWS`]. Two documents become
//! candidates when one band agrees (likely from a Jaccard similarity of about 0.4 up) and are
//! near-duplicates when the estimated Jaccard similarity is at least [`THRESHOLD`].

use rasad_text::{match_key, tokenize};
use xxhash_rust::xxh3::xxh3_64;

/// Words per shingle.
pub const SHINGLE: usize = 3;
/// Hash functions per signature.
pub const HASHES: usize = 128;
/// LSH bands.
pub const BANDS: usize = 32;
/// Rows (hash values) per band.
pub const ROWS: usize = HASHES / BANDS;
/// Estimated Jaccard similarity from which two documents are near-duplicates.
pub const THRESHOLD: f64 = 0.4;

/// splitmix64: the fixed multipliers and offsets of the hash family come from it, so
/// signatures are stable across runs, platforms and versions.
fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The hash family: h_k(x) = a_k·x + b_k (mod 2^64) with odd a_k, over a well-mixed x.
fn family() -> &'static [(u64, u64); HASHES] {
    static F: std::sync::OnceLock<[(u64, u64); HASHES]> = std::sync::OnceLock::new();
    F.get_or_init(|| std::array::from_fn(|k| (splitmix(2 * k as u64) | 1, splitmix(2 * k as u64 + 1))))
}

/// The signature of a text; `None` when it has fewer than [`SHINGLE`] words.
pub fn signature(text: &str) -> Option<Vec<u64>> {
    let words: Vec<u64> =
        tokenize(text).iter().filter(|t| t.kind != rasad_text::TokenKind::Punct).map(|t| xxh3_64(match_key(t.text).as_bytes())).collect();
    if words.len() < SHINGLE {
        return None;
    }
    let fam = family();
    let mut sig = vec![u64::MAX; HASHES];
    for w in words.windows(SHINGLE) {
        let mut h = 0u64;
        for (i, x) in w.iter().enumerate() {
            h ^= x.rotate_left(21 * i as u32);
        }
        let h = splitmix(h);
        for (s, &(a, b)) in sig.iter_mut().zip(fam.iter()) {
            let v = a.wrapping_mul(h).wrapping_add(b);
            if v < *s {
                *s = v;
            }
        }
    }
    Some(sig)
}

/// The band keys of a signature: one 63-bit hash per band (band number mixed in).
pub fn bands(sig: &[u64]) -> Vec<i64> {
    sig.chunks(ROWS)
        .enumerate()
        .map(|(b, rows)| {
            let mut bytes = Vec::with_capacity(8 * (ROWS + 1));
            bytes.extend_from_slice(&(b as u64).to_le_bytes());
            for r in rows {
                bytes.extend_from_slice(&r.to_le_bytes());
            }
            (xxh3_64(&bytes) >> 1) as i64
        })
        .collect()
}

/// Estimated Jaccard similarity: the share of equal signature positions.
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// Signature as bytes for storage, and back.
pub fn to_bytes(sig: &[u64]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Signature from stored bytes (`None` when the length is wrong).
pub fn from_bytes(b: &[u8]) -> Option<Vec<u64>> {
    (b.len() == 8 * HASHES).then(|| b.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "وصل نحو ثلاثة آلاف مقاتل من الحرس الثوري الإيراني إلى دمشق مساء أمس، بحسب ما أفاد المرصد السوري لحقوق الإنسان الذي قال إن التعزيزات انتشرت في ريف المدينة الجنوبي وقرب المطار الدولي.";

    #[test]
    fn identical_texts_and_spelling_variants_are_equal() {
        let a = signature(A).unwrap();
        assert_eq!(similarity(&a, &signature(A).unwrap()), 1.0);
        let variant = A.replace("الإيراني", "الايراني").replace("إلى", "الى");
        assert_eq!(similarity(&a, &signature(&variant).unwrap()), 1.0);
    }

    #[test]
    fn light_rewrites_stay_above_the_threshold_and_other_texts_fall_far_below() {
        let a = signature(A).unwrap();
        let rewrite = format!("دمشق - وكالة المثال: {} وأضاف المرصد أن الوضع هادئ.", A.replace("مساء أمس", "ليلة الأحد"));
        assert!(similarity(&a, &signature(&rewrite).unwrap()) >= THRESHOLD);
        let other =
            "أعلنت وزارة الصحة افتتاح مستشفى جديد في مدينة حلب بطاقة مئتي سرير، وقال الوزير إن المستشفى سيخدم سكان الريف الشمالي أيضا.";
        assert!(similarity(&a, &signature(other).unwrap()) < 0.1);
    }

    #[test]
    fn bands_agree_for_equal_signatures_and_bytes_round_trip() {
        let a = signature(A).unwrap();
        assert_eq!(bands(&a).len(), BANDS);
        assert_eq!(bands(&a), bands(&signature(A).unwrap()));
        assert_eq!(from_bytes(&to_bytes(&a)).unwrap(), a);
        assert!(signature("كلمتان فقط").is_none());
    }
}

//! Tokens analyzed once for every later stage: match key and clitic segmentation.
//!
//! The analysis of a word depends only on its text (and the segmenter), so it is memoized per
//! thread and shared behind an `Arc`: news vocabulary is Zipfian, and most tokens are hits.

use std::cell::RefCell;
use std::ops::Deref;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use crate::segment::{Segmentation, Segmenter};
use crate::tokenize::{Token, TokenKind};

/// What is known about a word form, independent of where it occurs.
pub struct WordInfo {
    /// Match key of the whole token.
    pub key: String,
    /// Segmentation (for non-Arabic tokens: the key as stem, no affixes).
    pub seg: Segmentation,
    /// Byte length of a leading و/ف conjunction in `key` (0 when there is none).
    conj_len: usize,
    /// What later stages computed about this form (see [`WordInfo::memo`]).
    slots: [OnceLock<FormNote>; FormSlot::MAX],
}

/// What a later stage notes about a word form: flags and small numbers packed in `bits`, a
/// number, and a text. The owner of the [`FormSlot`] decides what each means; plain data, so that
/// reading it back costs a load.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormNote {
    /// Flags and small numbers.
    pub bits: u64,
    /// A number.
    pub value: f64,
    /// A text (shared, so that a stage can hand it on without copying).
    pub text: Option<Arc<str>>,
}

/// A place where one later stage keeps what it computes about a word form, so that it is computed
/// once per form (the analysis memo holds it) rather than once per occurrence.
///
/// A stage claims its slot once and keeps it, so that no two stages share one and this crate
/// names none of them:
///
/// ```
/// use std::sync::LazyLock;
/// use rasad_text::{analyze, tokenize, FormNote, FormSlot, Segmenter};
///
/// static SLOT: LazyLock<FormSlot> = LazyLock::new(FormSlot::claim);
///
/// let toks = tokenize("قال قال");
/// let words = analyze(&toks, &Segmenter::new(["قال"]));
/// let note = words[1].memo(*SLOT, |info| FormNote { bits: info.key.len() as u64, ..FormNote::default() });
/// assert_eq!(note.bits, 6);
/// ```
///
/// Reading the `static` checks that it is set each time; a stage that reads many notes per
/// document can copy its slot out once per document instead (rasad-numtime's facts reader does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormSlot(SlotIndex);

/// A slot's place among the [`FormSlot::MAX`]: an enum rather than a number, so that the
/// compiler knows it is in bounds and reading a note costs no check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum SlotIndex {
    S0,
    S1,
    S2,
    S3,
}

impl SlotIndex {
    const ALL: [SlotIndex; FormSlot::MAX] = [SlotIndex::S0, SlotIndex::S1, SlotIndex::S2, SlotIndex::S3];
}

/// How many slots have been claimed (see [`FormSlot::claim`]).
static CLAIMED: AtomicUsize = AtomicUsize::new(0);

impl FormSlot {
    /// How many slots one process can claim: every analysis holds room for this many notes.
    pub const MAX: usize = 4;

    /// A slot of its own for the caller, which keeps it for the life of the process (in a
    /// `static`): each call claims another. Panics when [`FormSlot::MAX`] slots are taken.
    pub fn claim() -> FormSlot {
        Self::claim_from(&CLAIMED)
    }

    /// The next slot counted by `claimed`.
    fn claim_from(claimed: &AtomicUsize) -> FormSlot {
        let n = claimed.fetch_add(1, Ordering::Relaxed);
        match SlotIndex::ALL.get(n) {
            Some(&i) => FormSlot(i),
            None => panic!("FormSlot::claim: all {} form slots are taken (raise FormSlot::MAX)", Self::MAX),
        }
    }

    /// The slot's place among the [`FormSlot::MAX`].
    fn index(self) -> usize {
        self.0 as usize
    }
}

impl WordInfo {
    /// An analysis from its parts (`conj_len`: byte length of a leading و/ف in `key`).
    fn new(key: String, seg: Segmentation, conj_len: usize) -> WordInfo {
        WordInfo { key, seg, conj_len, slots: Default::default() }
    }

    /// What `f` notes about this form, computed on first use and kept in `slot` for every later
    /// occurrence. Each slot has one owner (see [`FormSlot::claim`]).
    pub fn memo(&self, slot: FormSlot, f: impl FnOnce(&WordInfo) -> FormNote) -> &FormNote {
        self.slots[slot.index()].get_or_init(|| f(self))
    }

    /// Match key without the conjunction و/ف (the form most lexicon entries are written in).
    pub fn key_without_conj(&self) -> &str {
        &self.key[self.conj_len..]
    }
}

impl std::fmt::Debug for WordInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordInfo").field("key", &self.key).field("seg", &self.seg).field("conj_len", &self.conj_len).finish()
    }
}

/// A copy of the analysis without what later stages computed.
impl Clone for WordInfo {
    fn clone(&self) -> Self {
        WordInfo::new(self.key.clone(), self.seg.clone(), self.conj_len)
    }
}

/// Analyses are equal when key and segmentation are (the slots follow from them).
impl PartialEq for WordInfo {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key && self.seg == other.seg && self.conj_len == other.conj_len
    }
}

impl Eq for WordInfo {}

/// A token with its match key and (for Arabic words) its segmentation; `w.key` and `w.seg`
/// reach the shared [`WordInfo`].
// In declared order: the token, then the analysis. Rust's own layout put the pointer first, and
// building a word on the stack and copying it into its vector then read memory across two
// earlier stores, which stalls (measured: 6–8% on parsing short texts).
#[derive(Debug, Clone)]
#[repr(C)]
pub struct Word<'a> {
    /// The token as in the text.
    pub tok: Token<'a>,
    info: Arc<WordInfo>,
}

impl Deref for Word<'_> {
    type Target = WordInfo;
    fn deref(&self) -> &WordInfo {
        &self.info
    }
}

impl Word<'_> {
    /// The analysis shared by every occurrence of this word form (while the memo keeps it): its
    /// address identifies the form for as long as the `Arc` is held.
    pub fn shared(&self) -> &Arc<WordInfo> {
        &self.info
    }
    /// Match key of the stem.
    pub fn stem_key(&self) -> &str {
        &self.seg.key
    }
    /// True when this is punctuation with the given text.
    pub fn is_punct(&self, p: &str) -> bool {
        self.tok.kind == TokenKind::Punct && self.tok.text == p
    }
}

const CACHE_LIMIT: usize = 200_000;

/// Counts the clearings of any thread's analysis memo (see [`memo_generation`]).
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A number that changes whenever some thread's analysis memo is cleared. Memos keyed by a word's
/// shared analysis ([`Word::shared`]) that hold its `Arc` should be cleared too when it changes,
/// so they do not keep the dropped analyses alive.
pub fn memo_generation() -> u64 {
    GENERATION.load(std::sync::atomic::Ordering::Relaxed)
}

/// A form of up to 16 bytes (most words: up to eight Arabic letters) as plain numbers: its length
/// and two possibly overlapping windows of its bytes, which together hold every byte. Looked up and
/// compared without reading a key from the heap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ShortKey(u64, u64, u8);

impl ShortKey {
    #[inline(always)]
    fn of(form: &str) -> Option<ShortKey> {
        let b = form.as_bytes();
        let n = b.len();
        let u64_at = |i: usize| b.get(i..i + 8).map_or(0, |w| u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]));
        let u32_at = |i: usize| b.get(i..i + 4).map_or(0, |w| u64::from(u32::from_le_bytes([w[0], w[1], w[2], w[3]])));
        Some(match n {
            8..=16 => ShortKey(u64_at(0), u64_at(n - 8), n as u8),
            4..=7 => ShortKey(u32_at(0) | u32_at(n - 4) << 32, 0, n as u8),
            0..=3 => ShortKey(b.iter().fold(0, |k, &x| k << 8 | u64::from(x)), 0, n as u8),
            _ => return None,
        })
    }
}

/// The analyses of the word forms seen, by their text: short forms by [`ShortKey`], longer ones
/// by the text itself.
#[derive(Default)]
struct Memo {
    short: FxHashMap<ShortKey, Arc<WordInfo>>,
    long: FxHashMap<String, Arc<WordInfo>>,
}

impl Memo {
    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
    }
}

thread_local! {
    static CACHE: RefCell<(u64, Memo)> = RefCell::new((0, Memo::default()));
}

fn info_of(t: &Token, segmenter: &Segmenter) -> WordInfo {
    let key = crate::match_key(t.text);
    let seg = if t.kind == TokenKind::Arabic { segmenter.segment_uncached(t.text) } else { Segmentation::whole(key.clone(), key.clone()) };
    let conj_len = match seg.prefixes.first() {
        Some(&"و") | Some(&"ف") => key.chars().next().map_or(0, char::len_utf8),
        _ => 0,
    };
    WordInfo::new(key, seg, conj_len)
}

/// Tokenizes and analyzes `text` in one pass: the words of [`analyze`] over [`crate::tokenize`],
/// without collecting the tokens first.
pub fn analyze_text<'a>(text: &'a str, segmenter: &Segmenter) -> Vec<Word<'a>> {
    with_memo(segmenter, |memo| {
        let mut out = Vec::with_capacity(text.len() / 5 + 4);
        crate::tokenize::for_each_token(text, |t| out.push(Word { tok: t, info: lookup(memo, &t, segmenter) }));
        out
    })
}

/// The analysis of `t` from the memo, made and kept when its form is new.
#[inline(always)]
fn lookup(memo: &mut Memo, t: &Token, segmenter: &Segmenter) -> Arc<WordInfo> {
    if let Some(k) = ShortKey::of(t.text) {
        if let Some(i) = memo.short.get(&k) {
            return Arc::clone(i);
        }
        let i = Arc::new(info_of(t, segmenter));
        memo.short.insert(k, Arc::clone(&i));
        return i;
    }
    match memo.long.get(t.text) {
        Some(i) => Arc::clone(i),
        None => {
            let i = Arc::new(info_of(t, segmenter));
            memo.long.insert(t.text.to_string(), Arc::clone(&i));
            i
        }
    }
}

/// Runs `f` with this thread's memo for `segmenter`, cleared first when it belongs to another
/// segmenter or is full.
fn with_memo<R>(segmenter: &Segmenter, f: impl FnOnce(&mut Memo) -> R) -> R {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.0 != segmenter.id() || cache.1.len() >= CACHE_LIMIT {
            cache.0 = segmenter.id();
            if !cache.1.is_empty() {
                cache.1.clear();
                GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
        f(&mut cache.1)
    })
}

/// Analyzes tokens with `segmenter` (memoized per thread and segmenter).
pub fn analyze<'a>(tokens: &[Token<'a>], segmenter: &Segmenter) -> Vec<Word<'a>> {
    with_memo(segmenter, |memo| tokens.iter().map(|t| Word { tok: *t, info: lookup(memo, t, segmenter) }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_keys_and_segmentations() {
        let text = "ووصل الإيرانيون";
        let toks = crate::tokenize(text);
        let words = analyze(&toks, &Segmenter::new(["ايران"]));
        assert_eq!(words[0].key, "ووصل");
        assert_eq!(words[0].key_without_conj(), "وصل");
        assert_eq!(words[0].stem_key(), "وصل");
        assert_eq!(words[1].seg.display(), "ال+ايران+ي+ون".replace("+ي+", "ي+"));
    }

    #[test]
    fn analyzing_the_text_is_analyzing_its_tokens() {
        let text = "قال  المصدر: وصل 1,500 مقاتل… «رويترز» F16 ُ.";
        let seg = Segmenter::new(["قال"]);
        let toks = crate::tokenize(text);
        let by_tokens = analyze(&toks, &seg);
        let by_text = analyze_text(text, &seg);
        assert_eq!(by_tokens.len(), by_text.len());
        for (a, b) in by_tokens.iter().zip(&by_text) {
            assert_eq!(a.tok, b.tok);
            assert!(Arc::ptr_eq(a.shared(), b.shared()));
        }
    }

    #[test]
    fn short_keys_tell_every_short_form_apart() {
        let forms = [
            "",
            "و",
            "ال",
            "قال",
            "قالت",
            "مقاتلين",
            "المقاتلين",
            "445",
            "4450",
            "ووصلوا",
            "abcdefgh",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
        ];
        for a in forms {
            for b in forms {
                if let (Some(x), Some(y)) = (ShortKey::of(a), ShortKey::of(b)) {
                    assert_eq!(x == y, a == b, "{a} {b}");
                }
            }
            // Every byte counts, the overlapping middle included.
            let mut c = a.as_bytes().to_vec();
            for i in 0..c.len() {
                c[i] ^= 1;
                let other = String::from_utf8_lossy(&c).into_owned();
                if other.len() == a.len() && other != a && ShortKey::of(a).is_some() {
                    assert_ne!(ShortKey::of(a), ShortKey::of(&other), "{a} at {i}");
                }
                c[i] ^= 1;
            }
        }
        assert!(ShortKey::of("abcdefghijklmnopq").is_none());
    }

    proptest::proptest! {
        #[test]
        fn short_keys_are_equal_only_for_equal_forms(a in "[ابتو1 ،a-c]{0,12}", b in "[ابتو1 ،a-c]{0,12}", cut in 0usize..12) {
            // b is also tried as a's prefix with a's tail changed: a near miss of the same length.
            let near: String = a.chars().take(cut).chain(b.chars()).take(a.chars().count()).collect();
            for other in [&b, &near] {
                if let (Some(x), Some(y)) = (ShortKey::of(&a), ShortKey::of(other)) {
                    proptest::prop_assert_eq!(x == y, a == *other);
                }
            }
        }
    }

    #[test]
    fn a_form_slot_computes_once_per_form() {
        let text = "قال قال قال";
        let toks = crate::tokenize(text);
        let words = analyze(&toks, &Segmenter::new(["قال"]));
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let slot = FormSlot::claim();
        for w in &words {
            let v = w.memo(slot, |info| {
                calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                FormNote { bits: info.key.len() as u64, ..FormNote::default() }
            });
            assert_eq!(v.bits, "قال".len() as u64);
        }
        assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 1);
    }

    #[test]
    fn slots_are_claimed_once_each_up_to_the_maximum() {
        let claimed = AtomicUsize::new(0);
        let slots: Vec<usize> = (0..FormSlot::MAX).map(|_| FormSlot::claim_from(&claimed).index()).collect();
        assert_eq!(slots, (0..FormSlot::MAX).collect::<Vec<_>>());
        let over = std::panic::catch_unwind(|| FormSlot::claim_from(&claimed)).unwrap_err();
        let message = over.downcast_ref::<String>().map(String::as_str).unwrap_or("");
        assert!(message.contains(&format!("all {} form slots are taken", FormSlot::MAX)), "{message}");
    }

    #[test]
    fn each_slot_keeps_its_own_note() {
        let toks = crate::tokenize("قال");
        let words = analyze(&toks, &Segmenter::new(["قال"]));
        // Slots of a counter of its own: the process's few are left to the stages.
        let claimed = AtomicUsize::new(0);
        let (a, b) = (FormSlot::claim_from(&claimed), FormSlot::claim_from(&claimed));
        assert_ne!(a, b);
        words[0].memo(a, |_| FormNote { bits: 1, ..FormNote::default() });
        words[0].memo(b, |_| FormNote { bits: 2, ..FormNote::default() });
        assert_eq!(words[0].memo(a, |_| unreachable!()).bits, 1);
        assert_eq!(words[0].memo(b, |_| unreachable!()).bits, 2);
    }
}

//! What the number and time parsers ask of a word form, computed once per form.
//!
//! Every question here depends only on the word's text (its match key and segmentation), and news
//! vocabulary repeats, so the answers are kept with the shared analysis
//! ([`rasad_text::WordInfo::memo`]) instead of being looked up in tables at every occurrence.
//! They are packed into a [`FormNote`]: flags and small numbers in its bits, a number token's
//! value in its number, the counted noun in its text.

use std::sync::{Arc, LazyLock};

use rasad_text::{FormNote, FormSlot, TokenKind, Word, WordInfo};

use crate::numbers::{num_word_index, num_word_of_index, parse_digits, NumWord};
use crate::tables::months::{hijri_head, month_head, HijriHead, MonthHead};
use crate::tables::quantity_words::{dual_of, is_vague_word, may_end_modifier, nisba_dual_of, unit_of_word, IDENTIFIER_NOUNS};
use crate::tables::time_words::may_start_by_keys;

/// Bit layout of the note: two 8-bit number-word indices, flags, two 8-bit counts, two 4-bit heads.
mod bit {
    pub const NUM_WHOLE: u32 = 0;
    pub const NUM_BARE: u32 = 8;
    pub const VAGUE: u64 = 1 << 16;
    pub const MAY_START_TIME: u64 = 1 << 17;
    pub const MAY_END_MODIFIER: u64 = 1 << 18;
    pub const IDENTIFIER_NOUN: u64 = 1 << 19;
    pub const SEPARATED: u64 = 1 << 20;
    pub const HAS_DIGITS: u64 = 1 << 21;
    pub const RANGE_INTRO: u64 = 1 << 22;
    pub const MAY_START_QUANTITY: u64 = 1 << 23;
    pub const CHARS: u32 = 24;
    pub const N_DIGITS: u32 = 32;
    pub const MONTH_HEAD: u32 = 40;
    pub const HIJRI_HEAD: u32 = 44;
    pub const DUAL: u64 = 1 << 48;
}

/// The answers for one word form (a view of its note).
#[derive(Clone, Copy)]
pub(crate) struct Facts<'w>(&'w FormNote);

impl<'w> Facts<'w> {
    fn field(self, shift: u32, width: u32) -> u64 {
        (self.0.bits >> shift) & ((1 << width) - 1)
    }
    fn flag(self, f: u64) -> bool {
        self.0.bits & f != 0
    }
    /// The whole key as a number word.
    pub fn num_whole(self) -> Option<NumWord> {
        num_word_of_index(self.field(bit::NUM_WHOLE, 8) as usize)
    }
    /// The key without a leading و/ف as a number word (the same as `num_whole` without one).
    pub fn num_bare(self) -> Option<NumWord> {
        num_word_of_index(self.field(bit::NUM_BARE, 8) as usize)
    }
    /// The key without و/ف is a vague amount (عشرات، مئات، آلاف …).
    pub fn vague(self) -> bool {
        self.flag(bit::VAGUE)
    }
    /// A time expression may start here (`tables::time_words::may_start_by_keys`).
    pub fn may_start_time(self) -> bool {
        self.flag(bit::MAY_START_TIME)
    }
    /// The key, or the key without و/ف, can end a modifier such as أكثر من.
    pub fn may_end_modifier(self) -> bool {
        self.flag(bit::MAY_END_MODIFIER)
    }
    /// The key without و/ف names the kind of thing a following number identifies (القرار، رقم).
    pub fn identifier_noun(self) -> bool {
        self.flag(bit::IDENTIFIER_NOUN)
    }
    /// The counted noun this word stands for after a number (`tables::quantity_words::unit_of_word`).
    pub fn unit(self) -> Option<&'w Arc<str>> {
        self.0.text.as_ref()
    }
    /// The word is the dual of a counted noun (جنديين، غارتين): two of `unit`.
    pub fn dual(self) -> bool {
        self.flag(bit::DUAL)
    }
    /// The value of a number token (`numbers::parse_digits`).
    pub fn digits(self) -> Option<f64> {
        self.flag(bit::HAS_DIGITS).then_some(self.0.value)
    }
    /// Characters in the token (255 for any more).
    pub fn chars(self) -> usize {
        self.field(bit::CHARS, 8) as usize
    }
    /// Digits in the token, of any script (255 for any more).
    pub fn n_digits(self) -> usize {
        self.field(bit::N_DIGITS, 8) as usize
    }
    /// The key without و/ف is بين, which may open a range (بين 10 و 20).
    pub fn range_intro(self) -> bool {
        self.flag(bit::RANGE_INTRO)
    }
    /// A quantity may start here: a number token, a number word, a vague amount or بين.
    pub fn may_start_quantity(self) -> bool {
        self.flag(bit::MAY_START_QUANTITY)
    }
    /// The token holds a thousands or decimal separator.
    pub fn separated(self) -> bool {
        self.flag(bit::SEPARATED)
    }
    /// How the word can begin a month name.
    pub fn month_head(self) -> MonthHead {
        match self.field(bit::MONTH_HEAD, 4) {
            m @ 1..=12 => MonthHead::One(m as i8),
            13 => MonthHead::Tishrin,
            14 => MonthHead::Kanun,
            _ => MonthHead::None,
        }
    }
    /// How the word can begin a Hijri month name.
    pub fn hijri_head(self) -> HijriHead {
        match self.field(bit::HIJRI_HEAD, 4) {
            m @ 1..=12 => HijriHead::One(m as i8),
            13 => HijriHead::Rabi,
            14 => HijriHead::Jumada,
            15 => HijriHead::Dhu,
            _ => HijriHead::None,
        }
    }
}

fn compute(kind: TokenKind, text: &str, info: &WordInfo) -> FormNote {
    let (key, bare) = (info.key.as_str(), info.key_without_conj());
    let arabic = kind == TokenKind::Arabic;
    // A scale word or a fraction takes a preposition where a count does not (تبرعت بمليوني
    // دولار، بألف، بنصف مليون).
    let scale_after_prep = |k: &str| {
        k.strip_prefix(['ب', 'ل'])
            .map(num_word_index)
            .filter(|ix| matches!(num_word_of_index(*ix), Some(NumWord::Scale(..) | NumWord::Fraction(_))))
            .unwrap_or(0)
    };
    let number_word = |k: &str| match num_word_index(k) {
        0 => scale_after_prep(k),
        ix => ix,
    };
    let whole = if arabic { number_word(key) } else { 0 };
    let bare_index = if bare.len() == key.len() {
        whole
    } else if arabic {
        number_word(bare)
    } else {
        0
    };
    let digits = if kind == TokenKind::Number { parse_digits(text) } else { None };
    let count = |n: usize| n.min(255) as u64;
    let month = match month_head(kind, key, bare) {
        MonthHead::None => 0,
        MonthHead::One(m) => m as u64,
        MonthHead::Tishrin => 13,
        MonthHead::Kanun => 14,
    };
    let hijri = match hijri_head(bare) {
        HijriHead::None => 0,
        HijriHead::One(m) => m as u64,
        HijriHead::Rabi => 13,
        HijriHead::Jumada => 14,
        HijriHead::Dhu => 15,
    };
    let vague = arabic && is_vague_word(bare);
    let range_intro = bare == "بين";
    let dual = if arabic { dual_of(bare).or_else(|| nisba_dual_of(bare)) } else { None };
    let may_start_quantity = kind == TokenKind::Number || whole != 0 || bare_index != 0 || vague || range_intro || dual.is_some();
    let flags = [
        (vague, bit::VAGUE),
        (range_intro, bit::RANGE_INTRO),
        (dual.is_some(), bit::DUAL),
        (may_start_quantity, bit::MAY_START_QUANTITY),
        (may_start_by_keys(kind, key, bare), bit::MAY_START_TIME),
        (may_end_modifier(key) || may_end_modifier(bare), bit::MAY_END_MODIFIER),
        (IDENTIFIER_NOUNS.contains(&bare), bit::IDENTIFIER_NOUN),
        (text.contains([',', '.', '٬', '٫']), bit::SEPARATED),
        (digits.is_some(), bit::HAS_DIGITS),
    ];
    let bits = flags.iter().filter(|(on, _)| *on).fold(0, |b, (_, f)| b | f)
        | (whole as u64) << bit::NUM_WHOLE
        | (bare_index as u64) << bit::NUM_BARE
        | count(text.chars().count()) << bit::CHARS
        | count(text.chars().filter(|c| c.is_numeric()).count()) << bit::N_DIGITS
        | month << bit::MONTH_HEAD
        | hijri << bit::HIJRI_HEAD;
    let unit = match dual {
        Some(u) => Some(u.to_string()),
        None => unit_of_word(kind, text, info, whole != 0),
    };
    FormNote { bits, value: digits.unwrap_or(0.0), text: unit.map(Arc::from) }
}

/// Where this crate keeps its notes in each shared analysis (claimed at first use).
static SLOT: LazyLock<FormSlot> = LazyLock::new(FormSlot::claim);

/// Reads the facts of word forms. It holds this crate's slot, read from [`SLOT`] once per
/// document by [`Reader::new`], so that reading a word's facts costs what reading its note does.
#[derive(Clone, Copy)]
pub(crate) struct Reader(FormSlot);

impl Reader {
    /// A reader of this crate's notes.
    pub fn new() -> Reader {
        Reader(*SLOT)
    }

    /// The facts of `w`'s form (computed at its first occurrence).
    pub fn of<'w>(self, w: &'w Word) -> Facts<'w> {
        let (kind, text) = (w.tok.kind, w.tok.text);
        Facts(w.shared().memo(self.0, |info| compute(kind, text, info)))
    }

    /// The value of `w` when it is a number token.
    pub fn number_value(self, w: &Word) -> Option<f64> {
        self.of(w).digits()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_text::{analyze, tokenize, Segmenter};

    #[test]
    fn the_note_reads_back_what_was_computed() {
        let text = "وثلاثمائة الآلاف ونحو بين وبين القرار 1,500 ١٢٣٤٥٦٧٨ تشرين كانون وآذار ربيع جمادى ذي رمضان مقاتلين غارات";
        let toks = tokenize(text);
        let words = analyze(&toks, &Segmenter::new(std::iter::empty::<&str>()));
        let facts = Reader::new();
        for w in &words {
            let f = facts.of(w);
            let (key, bare) = (w.key.as_str(), w.key_without_conj());
            let arabic = w.tok.kind == TokenKind::Arabic;
            assert_eq!(f.num_whole(), if arabic { crate::numbers::num_word(key) } else { None }, "{key}");
            assert_eq!(f.num_bare(), if arabic { crate::numbers::num_word(bare) } else { None }, "{key}");
            assert_eq!(f.vague(), arabic && is_vague_word(bare), "{key}");
            assert_eq!(f.range_intro(), bare == "بين", "{key}");
            let numberish = f.num_whole().is_some() || f.num_bare().is_some() || f.vague();
            assert_eq!(f.may_start_quantity(), w.tok.kind == TokenKind::Number || numberish || f.range_intro() || f.dual(), "{key}");
            assert_eq!(f.identifier_noun(), IDENTIFIER_NOUNS.contains(&bare), "{key}");
            assert_eq!(f.month_head(), month_head(w.tok.kind, key, bare), "{key}");
            assert_eq!(f.hijri_head(), hijri_head(bare), "{key}");
            let digits = if w.tok.kind == TokenKind::Number { parse_digits(w.tok.text) } else { None };
            assert_eq!(f.digits(), digits, "{key}");
            assert_eq!(f.chars(), w.tok.text.chars().count(), "{key}");
            let unit = if f.dual() {
                dual_of(bare).or_else(|| nisba_dual_of(bare)).map(String::from)
            } else {
                unit_of_word(w.tok.kind, w.tok.text, w, f.num_whole().is_some())
            };
            assert_eq!(f.unit().map(|u| &**u), unit.as_deref(), "{key}");
        }
        assert_eq!(facts.of(&words[0]).num_bare(), Some(NumWord::Add(300.0)));
        assert_eq!(facts.of(&words[6]).digits(), Some(1500.0));
        assert_eq!(facts.of(&words[7]).n_digits(), 8);
        assert!(facts.of(&words[4]).range_intro() && facts.of(&words[4]).may_start_quantity());
    }
}

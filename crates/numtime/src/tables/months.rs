//! Month names: the Gregorian names of every regional set and the Hijri months, and how a word
//! form can begin one.

use rasad_text::TokenKind;

/// Gregorian month names of every regional set (match keys; the Levantine كانون and تشرين take
/// a second word) and their numbers.
pub(crate) const MONTH_NAMES: &[(&str, i8)] = &[
    ("يناير", 1),
    ("جانفي", 1),
    ("كانون الثاني", 1),
    ("فبراير", 2),
    ("فيفري", 2),
    ("شباط", 2),
    ("مارس", 3),
    ("اذار", 3),
    ("ابريل", 4),
    ("افريل", 4),
    ("نيسان", 4),
    ("مايو", 5),
    ("ماي", 5),
    ("ايار", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("جوان", 6),
    ("حزيران", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("جويليه", 7),
    ("جويلية", 7),
    ("تموز", 7),
    ("اغسطس", 8),
    ("اوت", 8),
    ("اب", 8),
    ("غشت", 8),
    ("سبتمبر", 9),
    ("ايلول", 9),
    ("شتنبر", 9),
    ("اكتوبر", 10),
    ("تشرين الاول", 10),
    ("نوفمبر", 11),
    ("تشرين الثاني", 11),
    ("نونبر", 11),
    ("ديسمبر", 12),
    ("كانون الاول", 12),
    ("دجنبر", 12),
];

static MONTHS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, i8>> =
    std::sync::LazyLock::new(|| MONTH_NAMES.iter().copied().collect());

/// Gregorian month names of every regional set (match keys) → month number.
pub(crate) fn month_one(key: &str) -> Option<i8> {
    MONTHS.get(key).copied()
}

/// How a word can begin a month name: the month itself, or the first word of a two-word name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthHead {
    /// Not a month name.
    None,
    /// A one-word month name (with or without و/ف or ب before it).
    One(i8),
    /// تشرين (الأول، الثاني).
    Tishrin,
    /// كانون (الأول، الثاني).
    Kanun,
}

/// [`MonthHead`] of a word form of `kind` with match key `key` (`bare` without و/ف).
pub(crate) fn month_head(kind: TokenKind, key: &str, bare: &str) -> MonthHead {
    if kind != TokenKind::Arabic {
        return MonthHead::None;
    }
    // The whole word first: فبراير and فيفري begin with what looks like the conjunction ف.
    let whole = month_one(key).is_some() || matches!(key, "تشرين" | "كانون");
    let first: &str = if whole { key } else { bare };
    let first = first.strip_prefix('ب').filter(|r| month_one(r).is_some() || matches!(*r, "تشرين" | "كانون")).unwrap_or(first);
    match first {
        "تشرين" => MonthHead::Tishrin,
        "كانون" => MonthHead::Kanun,
        _ => month_one(first).map_or(MonthHead::None, MonthHead::One),
    }
}

/// How a word can begin a Hijri month name: the month itself, or the first word of a two-word name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HijriHead {
    /// Not a Hijri month name.
    None,
    /// A one-word month name.
    One(i8),
    /// ربيع (الأول، الثاني، الآخر).
    Rabi,
    /// جمادى (الأولى، الآخرة …).
    Jumada,
    /// ذو/ذي (القعدة، الحجة).
    Dhu,
}

/// [`HijriHead`] of a word form whose match key without و/ف is `bare`.
pub(crate) fn hijri_head(bare: &str) -> HijriHead {
    match bare {
        "محرم" => HijriHead::One(1),
        "صفر" => HijriHead::One(2),
        "رجب" => HijriHead::One(7),
        "شعبان" => HijriHead::One(8),
        "رمضان" => HijriHead::One(9),
        "شوال" => HijriHead::One(10),
        "ربيع" => HijriHead::Rabi,
        "جمادي" => HijriHead::Jumada,
        "ذو" | "ذي" => HijriHead::Dhu,
        _ => HijriHead::None,
    }
}

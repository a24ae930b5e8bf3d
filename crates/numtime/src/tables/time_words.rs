//! The words a time expression may start at, and the weekday names.

use rasad_text::TokenKind;

use super::months::MONTH_NAMES;
use crate::numbers::ORDINAL_WORDS;

/// Words that can open a time expression (besides numbers, month names and ordinals).
pub(crate) static STARTERS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> = std::sync::LazyLock::new(|| {
    [
        "صباح",
        "مساء",
        "فجر",
        "ظهر",
        "عصر",
        "ظهيره",
        "منتصف",
        "ليله",
        "ليل",
        "اليوم",
        "امس",
        "البارحه",
        "الامس",
        "اول",
        "غدا",
        "غد",
        "قبل",
        "يوم",
        "ليوم",
        "اواخر",
        "اواءل",
        "مطلع",
        "اواسط",
        "بدايه",
        "نهايه",
        "اخر",
        "مستهل",
        "خلال",
        "شهر",
        "بشهر",
        "لشهر",
        "عام",
        "العام",
        "لعام",
        "بعام",
        "سنه",
        "السنه",
        "لسنه",
        "الاسبوع",
        "الشهر",
        "الاثنين",
        "الثلاثاء",
        "الاربعاء",
        "الخميس",
        "الجمعه",
        "السبت",
        "الاحد",
        "العشرين",
        "الثلاثين",
        "محرم",
        "صفر",
        "ربيع",
        "جمادي",
        "رجب",
        "شعبان",
        "رمضان",
        "شوال",
        "ذو",
        "ذي",
        "تشرين",
        "كانون",
    ]
    .into_iter()
    .collect()
});

/// The keys a time expression may start at: (whole keys, keys once the conjunction is off). The
/// whole key may be a starter word, a month, an ordinal, or a month or weekday after ب; without
/// its conjunction, a starter word or a month.
static START_KEYS: std::sync::LazyLock<(rustc_hash::FxHashSet<String>, rustc_hash::FxHashSet<String>)> = std::sync::LazyLock::new(|| {
    let starters = STARTERS.iter().map(|s| s.to_string());
    let months: Vec<String> = MONTH_NAMES.iter().map(|(m, _)| m.to_string()).collect();
    let bare: rustc_hash::FxHashSet<String> = starters.chain(months.iter().cloned()).collect();
    let mut whole = bare.clone();
    for (o, _) in ORDINAL_WORDS {
        whole.extend([o.to_string(), format!("ال{o}")]);
    }
    for m in &months {
        whole.insert(format!("ب{m}"));
    }
    for d in WEEKDAYS {
        whole.extend([format!("ب{d}"), format!("بب{d}")]);
    }
    (whole, bare)
});

/// The weekdays [`weekday_of`] reads (without ب), Monday first: the index is the day (Monday = 0).
pub(crate) const WEEKDAYS: &[&str] = &["الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد"];

/// The weekday a key names (with or without ب before الـ), Monday = 0.
pub(crate) fn weekday_of(key: &str) -> Option<i8> {
    let day = key.strip_prefix("ب").filter(|k| k.starts_with("ال")).unwrap_or(key);
    WEEKDAYS.iter().position(|w| *w == day).map(|i| i as i8)
}

/// Whether a time expression may start at a word form of `kind` with match key `k` (`b` without
/// و/ف): one or two set look-ups. The facts keep the answer with the form (`may_start_time`).
pub(crate) fn may_start_by_keys(kind: TokenKind, k: &str, b: &str) -> bool {
    if kind == TokenKind::Number {
        return true;
    }
    if kind != TokenKind::Arabic {
        return false;
    }
    let (whole, bare) = &*START_KEYS;
    whole.contains(k) || (b.len() != k.len() && bare.contains(b))
}

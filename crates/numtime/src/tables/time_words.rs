//! The words a time expression may start at, and the weekday names.

use rasad_text::TokenKind;

use super::months::MONTH_NAMES;
use crate::numbers::ORDINAL_WORDS;

/// Words that can open a time expression (besides numbers, month names and ordinals).
pub(crate) static STARTERS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> = std::sync::LazyLock::new(|| {
    [
        "صباح",
        "مساء",
        "اليومين",
        "الاسبوعين",
        "الشهرين",
        "الايام",
        "الاسابيع",
        "الاشهر",
        "الشهور",
        "الساعات",
        "فجر",
        "ظهر",
        "عصر",
        "ظهيره",
        "منتصف",
        "ليله",
        "الليله",
        "ليل",
        "اليوم",
        "امس",
        "البارحه",
        "الامس",
        "اول",
        "غدا",
        "غد",
        "قبل",
        "منذ",
        "هذا",
        "هذه",
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

/// A set of match keys built from written words.
fn key_set(words: &[&str]) -> rustc_hash::FxHashSet<String> {
    words.iter().map(|w| rasad_text::match_key(w)).collect()
}

/// Nouns that, right before a day and month, make them a name (حركة شباب 6 أبريل، قوى 14 آذار،
/// مدينة 6 أكتوبر، ثورة 25 يناير، جسر 14 تموز): movements, coalitions, revolutions, wars, places
/// and buildings named for a date. Matched without و/ف.
pub(crate) static DATE_NAME_HEADS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> = std::sync::LazyLock::new(|| {
    key_set(&[
        "حركة",
        "شباب",
        "قوى",
        "تيار",
        "تحالف",
        "كتلة",
        "ائتلاف",
        "ثورة",
        "انتفاضة",
        "حرب",
        "جبهة",
        "فريق",
        "مجموعة",
        "جماعة",
        "كتيبة",
        "لواء",
        "مدينة",
        "حي",
        "جسر",
        "كوبري",
        "نفق",
        "محطة",
        "ملعب",
        "شارع",
        "ميدان",
        "ساحة",
        "مستشفى",
        "جامعة",
        "نادي",
        "مدرسة",
    ])
});

/// Words that make a clause's year-less date the next one rather than the last (besides a verb
/// with the future prefix سـ): سوف، من المقرر، المزمع، يعتزم … Matched without و/ف.
pub(crate) static FUTURE_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> = std::sync::LazyLock::new(|| {
    key_set(&[
        "سوف",
        "لن",
        "المقرر",
        "المزمع",
        "المرتقب",
        "المنتظر",
        "المفترض",
        "يعتزم",
        "تعتزم",
        "يعتزمون",
        "يرتقب",
        "يتوقع",
        "يتوقع",
        "ينتظر",
        "تنوي",
        "ينوي",
        "مقرر",
        "مرتقب",
        "مزمع",
    ])
});

/// Words that open another clause: the search for a word of the future stops there (سيزور
/// المدينة التي قصفت في 3 مارس: the date is the past event's). Matched without و/ف.
pub(crate) static CLAUSE_OPENERS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> = std::sync::LazyLock::new(|| {
    key_set(&["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "حين", "عندما", "بعدما", "منذ", "بينما", "حيث", "لما", "إذ"])
});

/// The qualifiers after a date or weekday that say which one is meant: -1 the last, 1 the next.
pub(crate) fn direction_word(key: &str) -> Option<i8> {
    match key {
        "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "الفاءت" | "الفاءته" => Some(-1),
        "المقبل" | "المقبله" | "القادم" | "القادمه" => Some(1),
        _ => None,
    }
}

/// Nouns before اليوم, or before the word before it, that make it a media name (صحيفة اليوم،
/// المصري اليوم، قناة روسيا اليوم), not today. Matched without و/ف, and without a preposition.
pub(crate) static TODAY_NAME_HEADS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| key_set(&["صحيفة", "جريدة", "مجلة", "قناة", "موقع", "مراسل", "المصري", "أخبار"]));

/// The media nouns of [`TODAY_NAME_HEADS`] that also count two words before اليوم (قناة روسيا
/// اليوم).
pub(crate) static TODAY_MEDIA_NOUNS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| key_set(&["صحيفة", "جريدة", "مجلة", "قناة"]));

/// Words before اليوم that make it "nowadays": a verb of becoming or lasting, a pronoun
/// (أصبح اليوم، بات اليوم، هو اليوم، يعيش اليوم). Matched without و/ف.
pub(crate) static TODAY_NOWADAYS_AFTER: std::sync::LazyLock<rustc_hash::FxHashSet<String>> = std::sync::LazyLock::new(|| {
    key_set(&[
        "أصبح",
        "أصبحت",
        "أصبحوا",
        "بات",
        "باتت",
        "باتوا",
        "صار",
        "صارت",
        "أضحى",
        "أضحت",
        "يعد",
        "تعد",
        "يعتبر",
        "تعتبر",
        "يعيش",
        "تعيش",
        "يعيشون",
        "هو",
        "هي",
        "هم",
        "نحن",
        "أنا",
        "أننا",
        "إننا",
        "يعرف",
        "تعرف",
        "يسمى",
        "تسمى",
        "نرى",
        "أرى",
        "أراه",
        "نراه",
    ])
});

/// Words before اليوم that make it the end of a stretch (حتى اليوم، إلى اليوم), a day of a
/// series (في اليوم) or the day as a length (ساعات اليوم، طوال اليوم، من اليوم): no date.
pub(crate) static TODAY_NOT_AFTER: std::sync::LazyLock<rustc_hash::FxHashSet<String>> = std::sync::LazyLock::new(|| {
    key_set(&[
        "حتى",
        "إلى",
        "لغاية",
        "لحد",
        "في",
        "منذ",
        "هذا",
        "ذلك",
        "نفس",
        "من",
        "ساعات",
        "طيلة",
        "طوال",
        "خلال",
        "مدار",
        "نهاية",
        "بداية",
        "منتصف",
        "آخر",
        "أول",
    ])
});

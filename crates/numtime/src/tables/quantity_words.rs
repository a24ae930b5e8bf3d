//! The words quantities are read with: vague amounts, modifiers, identifier nouns, and the
//! counted noun a word stands for.

use std::borrow::Cow;

use rasad_model::Bound;
use rasad_text::{singular, TokenKind, WordInfo};

/// Vague amounts (عشرات، مئات، آلاف، ملايين، بضعة), as match keys without و/ف.
pub(crate) fn is_vague_word(k: &str) -> bool {
    matches!(
        k,
        "عشرات"
            | "العشرات"
            | "ماءات"
            | "مءات"
            | "الماءات"
            | "المءات"
            | "الاف"
            | "الالاف"
            | "الوف"
            | "ملايين"
            | "الملايين"
            | "بضع"
            | "بضعه"
    )
}

/// Nouns after which a number is an identifier, not a count.
pub(crate) const IDENTIFIER_NOUNS: &[&str] = &[
    "القرار",
    "قرار",
    "رقم",
    "الرقم",
    "الماده",
    "ماده",
    "الفقره",
    "البند",
    "بند",
    "الطريق",
    "طريق",
    "الهاتف",
    "هاتف",
    "الساعه",
    "الصفحه",
    "العدد",
    "الدوره",
    "اللواء",
    "الفرقه",
    "الكتيبه",
    "الفوج",
    "القطاع",
    "النقطه",
];

/// Modifier phrases before a number: (match keys, approx, bound). Their last words are the ones
/// [`may_end_modifier`] knows (a test keeps the two together).
pub(crate) const PRE_MODIFIERS: &[(&[&str], bool, Bound)] = &[
    (&["ما", "لا", "يقل", "عن"], false, Bound::AtLeast),
    (&["لا", "يقل", "عن"], false, Bound::AtLeast),
    (&["ما", "يزيد", "علي"], false, Bound::AtLeast),
    (&["ما", "يزيد", "عن"], false, Bound::AtLeast),
    (&["ما", "يربو", "علي"], false, Bound::AtLeast),
    (&["اكثر", "من"], false, Bound::AtLeast),
    (&["ازيد", "من"], false, Bound::AtLeast),
    (&["ما", "لا", "يزيد", "عن"], false, Bound::AtMost),
    (&["لا", "يتجاوز"], false, Bound::AtMost),
    (&["لا", "يتجاوزون"], false, Bound::AtMost),
    (&["اقل", "من"], false, Bound::AtMost),
    (&["ما", "يقارب"], true, Bound::Exact),
    (&["ما", "يناهز"], true, Bound::Exact),
    (&["نحو"], true, Bound::Exact),
    (&["حوالي"], true, Bound::Exact),
    (&["قرابه"], true, Bound::Exact),
    (&["زهاء"], true, Bound::Exact),
    (&["تقريبا"], true, Bound::Exact),
];

/// True when `key` is the last word of some modifier (a cheap test before trying them all).
pub(crate) fn may_end_modifier(key: &str) -> bool {
    matches!(
        key,
        "عن" | "علي"
            | "من"
            | "يتجاوز"
            | "يتجاوزون"
            | "يقارب"
            | "يناهز"
            | "نحو"
            | "حوالي"
            | "قرابه"
            | "زهاء"
            | "تقريبا"
    )
}

/// Words that are never the counted noun.
const NOT_UNITS: &[&str] =
    &["من", "في", "علي", "الي", "عن", "و", "او", "ان", "قد", "ما", "لا", "مع", "بين", "الف", "الاف", "منهم", "منها", "هو", "هي", "كل", "حتي"];

/// Counted nouns whose stem ends before a construct-plural ي.
const COUNTED_NOUNS: &[&str] =
    &["مقاتل", "عنصر", "مسلح", "ضابط", "مستشار", "مدني", "متطوع", "مجند", "موظف", "مهاجر", "لاجء", "نازح", "معتقل", "اسير"];

/// Counted nouns whose dual cannot be read as a plural (match keys): masculine nouns with a broken
/// plural (جندي/جنود: جنديان، جنديين) and feminine nouns in ة (غارة/غارات: غارتان، غارتين). Nouns
/// whose sound plural is spelled like the dual (مدنيين، مسلحين، انتحاريين، مراسلين) are left out on
/// purpose, and so are adjectives that agree in the dual (البلدين الشقيقين).
const DUAL_MASCULINE: &[&str] = &[
    "جندي",
    "شخص",
    "رجل",
    "طفل",
    "ضابط",
    "عنصر",
    "صاروخ",
    "هجوم",
    "انفجار",
    "تفجير",
    "قتيل",
    "جريح",
    "اسير",
    "شاب",
    "صبي",
    "حارس",
    "طبيب",
    "نائب",
    "وزير",
    "سفير",
    "قاءد",
    "زعيم",
    "شهيد",
    "سجين",
    "منزل",
    "زورق",
    "قارب",
    "مدفع",
    "لغم",
];
const DUAL_FEMININE: &[&str] = &[
    "غاره",
    "طاءره",
    "سياره",
    "قذيفه",
    "عبوه",
    "دبابه",
    "مروحيه",
    "شاحنه",
    "سفينه",
    "امراه",
    "طفله",
    "رهينه",
    "جثه",
    "مدرعه",
    "عربه",
    "حافله",
    "قنبله",
    "ضربه",
    "مسيره",
    "فتاه",
    "سيده",
];

/// True when `unit` (a counted noun's singular match key) is a noun news counts: people, forces,
/// strikes (the nouns of the dual lists and of [`COUNTED_NOUNS`]).
pub(crate) fn is_counted_noun(unit: &str) -> bool {
    COUNTED_NOUNS.contains(&unit) || DUAL_MASCULINE.contains(&unit) || DUAL_FEMININE.contains(&unit)
}

/// The counted noun a word is the dual of (جنديين → جندي، غارتين → غاره، الطائرتين → طاءره), if it is
/// one of the nouns above. The article is allowed; و/ف and a clitic preposition are not part of `key`.
pub(crate) fn dual_of(key: &str) -> Option<&'static str> {
    let k = key.strip_prefix("ال").filter(|r| r.chars().count() >= 4).unwrap_or(key);
    if let Some(stem) = k.strip_suffix("ين").or_else(|| k.strip_suffix("ان")) {
        if let Some(u) = DUAL_MASCULINE.iter().find(|u| **u == stem) {
            return Some(u);
        }
        if let Some(stem) = stem.strip_suffix('ت') {
            return DUAL_FEMININE.iter().find(|u| u.strip_suffix('ه') == Some(stem)).copied();
        }
    }
    None
}

/// The nisba noun a nominative dual stands for (مدنيان → مدني، شرطيان → شرطي، صحفيان): the
/// nominative plural ends in ون, so ان after a nisba's ي is a dual. Four letters at least before
/// ان (بيان، عصيان are no duals).
pub(crate) fn nisba_dual_of(key: &str) -> Option<&str> {
    let k = key.strip_prefix("ال").filter(|r| r.chars().count() >= 6).unwrap_or(key);
    k.strip_suffix("ان").filter(|stem| stem.ends_with('ي') && stem.chars().count() >= 4)
}

/// The counted noun a word form stands for after a number (its singular match key), if it can be
/// one: from its kind, text and analysis (`is_num_word`: its key is a number word). The facts
/// keep the answer with the form (`unit`).
pub(crate) fn unit_of_word(kind: TokenKind, text: &str, w: &WordInfo, is_num_word: bool) -> Option<String> {
    if kind == TokenKind::Punct && (text == "%" || text == "٪") {
        return Some("%".into());
    }
    if kind != TokenKind::Arabic {
        return None;
    }
    if NOT_UNITS.contains(&w.key.as_str()) || is_num_word {
        return None;
    }
    if matches!(w.key.as_str(), "بالماءه" | "بالمءه" | "بالمايه" | "في المءه") {
        return Some("%".into());
    }
    // A counted noun after a number takes no preposition: a ب، ل or ك the segmenter read as one
    // begins the noun (لاجئا → لاجئ، لبنانيين → لبناني، بنادق، كتائب); so does an ف (فلسطينيا), and
    // an س, which only a verb takes (سائحا → سائح، سجينا → سجين).
    // (Not an س before an imperfect's ي، ت or ن: 5000 سيغادرون is a verb.)
    let imperfect = w.seg.key.starts_with(['ي', 'ت', 'ن']);
    let prep: String =
        w.seg.prefixes.iter().filter(|p| matches!(**p, "ب" | "ل" | "ك" | "ف") || (**p == "س" && !imperfect)).copied().collect();
    let stem_owned;
    let base_owned;
    let (stem, base) = if prep.is_empty() || w.seg.definite() {
        (w.seg.key.as_str(), w.seg.base_key())
    } else {
        stem_owned = format!("{prep}{}", w.seg.key);
        base_owned = format!("{prep}{}", w.seg.base_key());
        (stem_owned.as_str(), base_owned.as_str())
    };
    let suffix = w.seg.suffixes.first().copied();
    // Sound plurals: the stem is the singular (مقاتلين → مقاتل); feminine plurals take ة (غارات → غاره).
    let unit: Cow<'_, str> = match suffix {
        Some("ات") if stem != "قوات" => {
            let whole = format!("{stem}ات");
            let s = singular(&whole);
            if s != whole {
                Cow::Owned(s.to_string())
            } else {
                Cow::Owned(format!("{stem}ه"))
            }
        }
        Some("ون" | "ين" | "ان") => Cow::Borrowed(stem),
        // A plural the segmenter keeps whole (غارات، طائرات).
        None if stem.ends_with("ات") && stem.chars().nth(4).is_some() && stem != "قوات" => {
            let s = singular(stem);
            if s != stem {
                Cow::Borrowed(s)
            } else {
                Cow::Owned(format!("{}ه", stem.trim_end_matches("ات")))
            }
        }
        // ي is a nisba (جندي) or a plural in construct (مقاتلي الحشد): known counted nouns decide.
        Some("ي") if COUNTED_NOUNS.contains(&stem) => Cow::Borrowed(stem),
        // A sound masculine plural the segmenter kept whole (متظاهرين → متظاهر).
        None if base.chars().count() >= 6 && (base.ends_with("ين") || base.ends_with("ون")) && !COUNTED_NOUNS.contains(&base) => {
            Cow::Borrowed(&base[..base.len() - "ين".len()])
        }
        _ => Cow::Borrowed(base),
    };
    // A broken plural the table knows, before the accusative's ا is taken off (ضحايا → ضحية).
    if singular(&unit) != unit {
        return Some(singular(&unit).to_string());
    }
    // Accusative tanwin after 11–99 (قتيلا، جنديا، مقاتلا).
    let at_least = |k: usize| unit.chars().nth(k - 1).is_some();
    let unit = if unit.ends_with('ا') && ((!unit.ends_with("يا") && at_least(4)) || (unit.ends_with("يا") && at_least(5))) {
        &unit[..unit.len() - 'ا'.len_utf8()]
    } else {
        &unit[..]
    };
    Some(singular(unit).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duals_of_counted_nouns() {
        for (k, u) in [("جنديين", Some("جندي")), ("جنديان", Some("جندي")), ("غارتين", Some("غاره")), ("الطاءرتين", Some("طاءره"))]
        {
            assert_eq!(dual_of(k), u, "{k}");
        }
        // Sound plurals spelled like a dual, and words that only end like one.
        for k in ["مدنيين", "مسلحين", "مقاتلين", "انتحاريين", "الشقيقين", "الان", "بيان", "لبنان", "سنتين", "اثنين"]
        {
            assert_eq!(dual_of(k), None, "{k}");
        }
    }

    #[test]
    fn every_modifier_ends_in_a_word_the_quick_test_knows() {
        for (seq, _, _) in PRE_MODIFIERS {
            assert!(seq.last().is_some_and(|k| may_end_modifier(k)), "{seq:?}");
        }
    }
}

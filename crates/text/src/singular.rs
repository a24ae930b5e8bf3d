//! Singulars of the plural nouns that news counts (the broken plurals a light stemmer cannot undo).

/// The singular of a counted noun's match key (broken plurals of the nouns news counts: جنود → جندي، عناصر → عنصر); other keys unchanged.
pub fn singular(key: &str) -> &str {
    match key {
        "جنود" => "جندي",
        "قتلي" => "قتيل",
        "جرحي" => "جريح",
        "اسري" => "اسير",
        "عناصر" => "عنصر",
        "صواريخ" => "صاروخ",
        "اشخاص" => "شخص",
        "اطفال" => "طفل",
        "نساء" => "امراه",
        "ضباط" => "ضابط",
        "قذاءف" => "قذيفه",
        "مدافع" => "مدفع",
        "دبابات" => "دبابه",
        "هجمات" => "هجوم",
        "ايام" => "يوم",
        "اشهر" | "شهور" => "شهر",
        "سنوات" | "اعوام" => "عام",
        "كم" | "كيلومترات" | "كيلومتر" | "كيلومترا" => "كلم",
        "مسلحا" => "مسلح",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_plurals_of_counted_nouns() {
        assert_eq!(singular("جنود"), "جندي");
        assert_eq!(singular("قتلي"), "قتيل");
        assert_eq!(singular("مقاتل"), "مقاتل");
    }
}

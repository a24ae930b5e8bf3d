//! The match key: a normalized form for comparing Arabic words, with a map back to the original.
//!
//! The key strips diacritics and tatweel; unifies alef forms (أ إ آ ٱ → ا), puts every hamza
//! on one seat (ؤ ئ → ء, so مسئول and مسؤول meet), ى → ي and ة → ه; maps Persian/Urdu ی ک to ي ك; maps Arabic-Indic and
//! Persian digits to ASCII; lowercases Latin; drops zero-width and bidi control characters.
//! ى and ة are word-final letters in Arabic orthography, so mapping them everywhere equals
//! mapping them finally and keeps the key idempotent. Arabic presentation forms (U+FB50–U+FDFF,
//! U+FE70–U+FEFC: ﻗﺼﻒ, the ligature ﻻ) are first decomposed by Unicode compatibility (NFKC's
//! decomposition) into the letters they show, so text typeset with them gives the same keys.

/// What one input character becomes in the match key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mapped {
    /// The character is dropped (diacritic, tatweel, format control).
    Drop,
    /// The character is replaced by (or kept as) this one.
    Char(char),
}

/// True for Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks).
pub const fn is_diacritic(c: char) -> bool {
    if c < '\u{0610}' {
        return false;
    }
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// True for zero-width and bidirectional control characters (and the BOM).
pub const fn is_invisible_control(c: char) -> bool {
    if c < '\u{00AD}' {
        return false;
    }
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | '\u{00AD}')
}

/// True for letters of the Arabic script blocks (not digits, punctuation or diacritics).
pub fn is_arabic_letter(c: char) -> bool {
    // The common block first: hamza … ya, without tatweel.
    if ('\u{0621}'..='\u{064A}').contains(&c) {
        return c != '\u{0640}';
    }
    if c < '\u{0620}' {
        return false;
    }
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Maps one character into the match key.
pub const fn normalize_char(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::Char(c.to_ascii_lowercase());
    }
    if is_diacritic(c) || c == '\u{0640}' || is_invisible_control(c) {
        return Mapped::Drop;
    }
    Mapped::Char(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ؤ' | 'ئ' => 'ء',
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' | 'ۀ' | 'ە' => 'ه',
        'ک' | 'ڪ' => 'ك',
        '\u{0660}'..='\u{0669}' => digit(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(c as u32 - 0x06F0),
        'A'..='Z' => c.to_ascii_lowercase(),
        _ => c,
    })
}

/// True for Arabic presentation forms (contextual glyphs and ligatures kept as characters).
pub const fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Calls `f` with what `c` becomes in the match key: nothing, one character, or (for a
/// presentation form) the key characters of the letters it decomposes into (ﻻ → ل ا).
#[inline]
pub fn for_each_key_char(c: char, mut f: impl FnMut(char)) {
    if is_presentation_form(c) {
        unicode_normalization::char::decompose_compatible(c, |d| {
            if let Mapped::Char(m) = normalize_char(d) {
                f(m);
            }
        });
    } else if let Mapped::Char(m) = normalize_char(c) {
        f(m);
    }
}

const fn digit(d: u32) -> char {
    match char::from_digit(d, 10) {
        Some(c) => c,
        None => '0',
    }
}

/// What the characters U+0600–U+06FF (two UTF-8 bytes, lead 0xD8–0xDB) become, by their offset
/// in the block. Built from [`normalize_char`] at compile time, so the fast path and the
/// definition cannot disagree.
const ARABIC_BLOCK: [Mapped; 256] = {
    let mut t = [Mapped::Drop; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            t[i] = normalize_char(c);
        }
        i += 1;
    }
    t
};

/// The match key of `s` (see the module docs). Idempotent: `match_key(match_key(s)) == match_key(s)`.
pub fn match_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_match_key(s, &mut out);
    out
}

/// Appends the match key of `s` to `out`.
pub fn push_match_key(s: &str, out: &mut String) {
    out.reserve(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            out.push(char::from(x.to_ascii_lowercase()));
            i += 1;
        } else if (0xD8..=0xDB).contains(&x) && i + 1 < b.len() {
            // U+0600–U+06FF: lead byte 110110xx, continuation 10xxxxxx.
            if let Mapped::Char(m) = ARABIC_BLOCK[(((x & 0x03) as usize) << 6) | (b[i + 1] & 0x3F) as usize] {
                out.push(m);
            }
            i += 2;
        } else {
            // `i` is on a character boundary: every branch steps over whole characters.
            let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else { break };
            for_each_key_char(c, |m| out.push(m));
            i += c.len_utf8();
        }
    }
}

/// A normalized text with, for each of its code points, the code point of the original it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The match key of the whole text.
    pub text: String,
    /// `origin[i]` is the original code-point offset of the i-th code point of `text`.
    pub origin: Vec<usize>,
}

impl Normalized {
    /// Normalizes `s`, keeping a map back to original code-point offsets.
    pub fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut origin = Vec::with_capacity(s.len() / 2);
        for (i, c) in s.chars().enumerate() {
            for_each_key_char(c, |m| {
                text.push(m);
                origin.push(i);
            });
        }
        Normalized { text, origin }
    }
    /// Maps a code-point range of the normalized text back to the original text's code points.
    pub fn original_span(&self, start: usize, end: usize) -> Option<crate::Span> {
        if start >= end || end > self.origin.len() {
            return None;
        }
        Some(crate::Span::new(self.origin[start], self.origin[end - 1] + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definition the table-driven `match_key` must equal.
    fn match_key_by_chars(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            for_each_key_char(c, |m| out.push(m));
        }
        out
    }

    #[test]
    fn presentation_forms_give_the_keys_of_their_letters() {
        // قصف الجيش typeset with contextual forms; the lam-alef ligature.
        assert_eq!(match_key("\u{FED7}\u{FEBC}\u{FED2} \u{FE8D}\u{FEDF}\u{FEA0}\u{FEF4}\u{FEB6}"), match_key("قصف الجيش"));
        assert_eq!(match_key("\u{FEFB}"), "لا");
        // The map back points every key letter at the glyph it came from.
        let n = Normalized::new("\u{FEFB}ب");
        assert_eq!((n.text.as_str(), n.origin.as_slice()), ("لاب", &[0, 0, 1][..]));
    }

    proptest! {
        #[test]
        fn fast_match_key_equals_its_definition(s in "[\\x00-\\x7f\u{0600}-\u{06ff}\u{0750}-\u{077f}\u{200b}-\u{2069}\u{fb50}-\u{fefc}\u{10000}-\u{10010}]{0,40}") {
            prop_assert_eq!(match_key(&s), match_key_by_chars(&s));
        }

        #[test]
        fn fast_match_key_equals_its_definition_on_any_text(s in any::<String>()) {
            prop_assert_eq!(match_key(&s), match_key_by_chars(&s));
        }
    }

    #[test]
    fn every_character_of_the_arabic_block_maps_as_defined() {
        for cp in 0x0600..=0x06FF {
            let c = char::from_u32(cp).unwrap();
            let s = format!("a{c}b");
            assert_eq!(match_key(&s), match_key_by_chars(&s), "U+{cp:04X}");
        }
    }

    #[test]
    fn strips_diacritics_and_tatweel() {
        assert_eq!(match_key("مُحَمَّدٌ"), "محمد");
        assert_eq!(match_key("لـ«الجريدة»"), "ل«الجريده»");
    }

    #[test]
    fn unifies_alef_hamza_ya_ta_marbuta() {
        assert_eq!(match_key("الإيرانية"), "الايرانيه");
        assert_eq!(match_key("آلاف"), "الاف");
        assert_eq!(match_key("مستشفى"), "مستشفي");
        assert_eq!(match_key("المسئولين"), match_key("المسؤولين"));
        assert_eq!(match_key("رئيس"), "رءيس");
        assert_eq!(match_key("ٱلله"), "الله");
    }

    #[test]
    fn maps_persian_letters_and_all_digits() {
        assert_eq!(match_key("ایران"), "ايران");
        assert_eq!(match_key("کرد"), "كرد");
        assert_eq!(match_key("٢٠٢١/٠٤/٢٢"), "2021/04/22");
        assert_eq!(match_key("۱۴۰۲"), "1402");
    }

    #[test]
    fn drops_invisible_controls_and_lowercases_latin() {
        assert_eq!(match_key("سو\u{200F}ريا\u{200B}"), "سوريا");
        assert_eq!(match_key("AFP"), "afp");
    }

    #[test]
    fn normalized_maps_back_to_original_offsets() {
        let n = Normalized::new("مُحَمَّد وصل");
        assert_eq!(n.text, "محمد وصل");
        let sp = n.original_span(5, 8).unwrap();
        assert_eq!(crate::char_slice("مُحَمَّد وصل", sp), "وصل");
        assert_eq!(n.original_span(0, 4).unwrap(), crate::Span::new(0, 8));
    }
}

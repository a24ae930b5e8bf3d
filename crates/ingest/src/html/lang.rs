//! The language of a page's text: letters of the Arabic script by [`rasad_text::lang`] (Arabic,
//! Persian, Urdu, Kurdish, Pashto), another script by whatlang's trigram model.

use rasad_text::lang::{script_language, ScriptLanguage};
use scraper::Html;

use super::first_attr;

/// Characters of the text read after the title.
const SAMPLE: usize = 4000;

/// ISO 639-1 code of the language of `title` and `text` (the page's `<html lang>` when they are
/// too short to tell); None when neither tells.
pub(super) fn detect(doc: &Html, title: Option<&str>, text: &str) -> Option<String> {
    let mut sample: String = title.unwrap_or_default().to_string();
    sample.push('\n');
    sample.extend(text.chars().take(SAMPLE));
    of_text(&sample).or_else(|| {
        let declared = first_attr(doc, "html[lang]", "lang")?;
        let code = declared.split(['-', '_']).next()?.to_ascii_lowercase();
        (code.len() == 2 || code.len() == 3).then_some(code)
    })
}

/// The language of a text: `ar`, `fa`, `ur`, `ku`, `ps` for Arabic script, whatlang's answer as
/// ISO 639-1 (or 639-3 when it has no two-letter code) otherwise; None for fewer than
/// [`rasad_text::lang::MIN_LETTERS`] letters or when whatlang cannot tell.
pub fn of_text(text: &str) -> Option<String> {
    match script_language(text) {
        ScriptLanguage::Arabic(code) => Some(code.to_string()),
        ScriptLanguage::TooShort => None,
        ScriptLanguage::Other => {
            let code = whatlang::detect(text)?.lang().code();
            Some(iso1(code).unwrap_or(code).to_string())
        }
    }
}

/// Two-letter codes of the languages news pages come in, from whatlang's three-letter ones.
fn iso1(code: &str) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("eng", "en"),
        ("fra", "fr"),
        ("deu", "de"),
        ("spa", "es"),
        ("ita", "it"),
        ("por", "pt"),
        ("rus", "ru"),
        ("tur", "tr"),
        ("heb", "he"),
        ("nld", "nl"),
        ("ukr", "uk"),
        ("hin", "hi"),
        ("ind", "id"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("ara", "ar"),
        ("pes", "fa"),
        ("urd", "ur"),
    ];
    TABLE.iter().find(|(three, _)| *three == code).map(|(_, two)| *two)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_scripts_by_whatlang() {
        assert_eq!(of_text("The army said it had shelled positions near the border on Tuesday morning.").as_deref(), Some("en"));
        assert_eq!(of_text("L'armée a annoncé mardi matin avoir bombardé des positions près de la frontière.").as_deref(), Some("fr"));
        assert_eq!(of_text("قصفت الطائرات الحربية مواقع في ريف المدينة صباح اليوم").as_deref(), Some("ar"));
        assert_eq!(of_text("قصف"), None);
    }
}

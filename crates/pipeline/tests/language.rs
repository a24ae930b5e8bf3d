//! Events come from Arabic text only: a Persian, Urdu or English document (declared by its reader
//! or told by its letters) gives an empty record, and an Arabic one is read as before.

use rasad_model::InputDoc;
use rasad_pipeline::{is_arabic, Pipeline};

const ARABIC: &str = "قصفت الطائرات الحربية صباح اليوم أحياء في مدينة حلب وقتل خمسة مدنيين بحسب الدفاع المدني.";
/// Persian written by the team: a social meeting of ministers in Tehran (اجتماعی read as an
/// Arabic "meeting" made a CONSULT event).
const PERSIAN: &str = "نشست اجتماعی وزیران کشور روز شنبه در تهران برگزار شد و درباره برنامه‌های اجتماعی و اقتصادی گفت‌وگو کردند.";

#[test]
fn only_arabic_text_gives_events() {
    let p = Pipeline::shared();
    let doc = |text: &str, lang: Option<&str>| InputDoc {
        id: "d".into(),
        text: text.into(),
        lang: lang.map(str::to_string),
        ..Default::default()
    };
    assert!(!p.extract(&doc(ARABIC, None)).events.is_empty());
    assert!(!p.extract(&doc(ARABIC, Some("ar"))).events.is_empty());
    for (text, lang) in [(PERSIAN, None), (PERSIAN, Some("fa")), (ARABIC, Some("fa")), (ARABIC, Some("en"))] {
        let out = p.extract(&doc(text, lang));
        assert!(out.events.is_empty() && out.entities.is_empty() && out.times.is_empty(), "{lang:?}: {out:?}");
    }
    assert!(p.extract_text("d", PERSIAN, None).events.is_empty());
    assert!(is_arabic(Some("ar-SY"), "") && is_arabic(None, "قصف") && !is_arabic(Some("en"), "The army shelled the town."));
}

//! Every actor and place named in the five seed articles links to the right entry. The seed texts
//! are read from ../shared at test time (never copied here); the list holds names and ids only.

use std::path::Path;

use rasad_pipeline::Pipeline;
use rasad_text::match_key;

/// (seed file prefix, name as written, acceptable ids)
const EXPECTED: &[(&str, &str, &[&str])] = &[
    ("000", "الإيرانيين", &["IRN"]),
    ("000", "والعراقيين", &["IRQ"]),
    ("000", "سوريا", &["C-SYR", "SYR"]),
    ("000", "دمشق", &["P-DAMASCUS"]),
    ("000", "فرانس برس", &["AFP"]),
    ("000", "الجيش السوري", &["SYR-MIL"]),
    ("000", "جسر الشغور", &["P-JISRSHUGHUR"]),
    ("000", "حماة", &["P-HAMA"]),
    ("000", "إرنا", &["IRNA"]),
    ("000", "فيلق القدس", &["IRN-QF"]),
    ("000", "الحرس الثوري الإيراني", &["IRN-IRGC"]),
    ("000", "قاسم سليماني", &["P-SOLEIMANI"]),
    ("000", "شمخاني", &["P-SHAMKHANI"]),
    ("000", "الباسيج", &["IRN-BASIJ"]),
    ("000", "أحمد وحيدي", &["P-VAHIDI"]),
    ("000", "القلمون", &["P-QALAMOUN"]),
    ("000", "فهد جاسم الفريج", &["P-FREIJ"]),
    ("000", "حمص", &["P-HOMS"]),
    ("000", "وائل الحلقي", &["P-HALQI"]),
    ("000", "النظام السوري", &["SYR-GOV"]),
    ("001", "حلب", &["P-ALEPPO"]),
    ("001", "إسرائيل", &["C-ISR", "ISR"]),
    ("001", "اليمن", &["C-YEM", "YEM"]),
    ("001", "هيئة تحرير الشام", &["HTS"]),
    ("001", "تركيا", &["C-TUR", "TUR"]),
    ("001", "العراق", &["C-IRQ", "IRQ"]),
    ("001", "داعش", &["ISIS"]),
    ("001", "رويترز", &["REUTERS"]),
    ("001", "الحشد الشعبي", &["IRQ-PMF"]),
    ("001", "البوكمال", &["P-BUKAMAL"]),
    ("001", "كتائب حزب الله العراقي", &["IRQ-KH"]),
    ("001", "فاطميون", &["FATEMIYOUN"]),
    ("001", "عبد الأمير الشمري", &["P-SHAMMARI"]),
    ("001", "عباس عراقجي", &["P-ARAGHCHI"]),
    ("001", "أنقرة", &["P-ANKARA"]),
    ("001", "المرصد السوري لحقوق الإنسان", &["SOHR"]),
    ("002", "محمد باقري", &["P-BAGHERI"]),
    ("002", "علي أيوب", &["P-AYOUB"]),
    ("002", "فارس", &["FARS"]),
    ("002", "الوطن", &["ALWATAN-SY"]),
    ("002", "دير الزور", &["P-DEIREZZOR"]),
    ("002", "البادية السورية", &["P-BADIA"]),
    ("002", "محافظة حماة", &["G-HAMA"]),
    ("002", "محافظة السويداء", &["G-SUWAYDA"]),
    ("002", "الحرس الثوري", &["IRN-IRGC"]),
    ("003", "سيرجي لافروف", &["P-LAVROV"]),
    ("003", "علي خامنئي", &["P-KHAMENEI"]),
    ("003", "موسكو", &["P-MOSCOW", "RUS"]),
    ("003", "بشار الأسد", &["P-ASSAD"]),
    ("003", "حزب الله", &["HEZBOLLAH"]),
    ("003", "فلاديمير بوتين", &["P-PUTIN"]),
    ("003", "مطار اللاذقية", &["P-HMEIMIM"]),
    ("003", "طهران", &["P-TEHRAN", "IRN"]),
    ("004", "درعا", &["P-DARAA"]),
    ("004", "واشنطن", &["P-WASHINGTON", "USA"]),
    ("004", "بنش", &["P-BINNISH"]),
    ("004", "محافظة إدلب", &["G-IDLIB"]),
    ("004", "بغداد", &["P-BAGHDAD", "IRQ"]),
    ("004", "القنيطرة", &["P-QUNEITRA"]),
    ("004", "تل أبيب", &["P-TELAVIV", "ISR"]),
    ("004", "التنف", &["P-TANF"]),
    ("004", "إيرج مسجدي", &["P-MASJEDI"]),
    ("004", "دونالد ترامب", &["P-TRUMP"]),
    ("004", "النمسا", &["C-AUT", "AUT"]),
    ("004", "حميميم", &["RUS-HMEIMIM", "P-HMEIMIM"]),
    ("004", "الجيش الحر", &["FSA"]),
    ("004", "حقل الجفرة", &["P-JAFRA"]),
    ("004", "التحالف الدولي", &["COALITION"]),
    ("004", "قوات سورية الديمقراطية", &["SDF"]),
    ("004", "قسد", &["SDF"]),
    ("004", "الجريدة", &["ALJARIDA"]),
    ("004", "داعش", &["ISIS"]),
];

#[test]
fn every_actor_and_place_of_the_seeds_links() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !dir.exists() {
        eprintln!("skipped: ../shared/seeds is absent (CI has it)");
        return;
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    let mut failures = Vec::new();
    for (prefix, name, ids) in EXPECTED {
        let path = files.iter().find(|p| p.file_name().is_some_and(|f| f.to_string_lossy().starts_with(prefix))).expect("seed file");
        let text = std::fs::read_to_string(path).unwrap();
        let out = Pipeline::shared().extract_text("seed", &text, None);
        // Without the article, so that clitic forms (للتحالف) still contain the name.
        let key = match_key(name);
        let want = key.strip_prefix("ال").map(str::to_string).unwrap_or(key);
        let linked =
            out.entities.iter().any(|e| match_key(&e.span.text).contains(&want) && e.link.id.as_deref().is_some_and(|i| ids.contains(&i)))
                || out
                    .events
                    .iter()
                    .flat_map(|e| e.actors.iter().chain(&e.targets).chain(&e.places))
                    .any(|a| match_key(&a.span.text).contains(&want) && a.link.id.as_deref().is_some_and(|i| ids.contains(&i)));
        if !linked {
            let seen: Vec<String> = out
                .entities
                .iter()
                .filter(|e| match_key(&e.span.text).contains(&want) || want.contains(&match_key(&e.span.text)))
                .map(|e| format!("{}={:?}", e.span.text, e.link.id))
                .collect();
            failures.push(format!("{prefix} {name}: want {ids:?}, found {seen:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} names do not link:\n{}", failures.len(), EXPECTED.len(), failures.join("\n"));
}

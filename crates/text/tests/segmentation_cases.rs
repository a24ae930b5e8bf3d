//! Runs the team-written segmentation cases in data/segmentation_cases.tsv.

use rasad_text::segment::{seg_form, Segmenter};

#[test]
fn segmentation_cases_from_data_file() {
    let data = include_str!("../data/segmentation_cases.tsv");
    // The knowledge base adds actor and place names at run time; these stand in for it here.
    let seg = Segmenter::new([
        "سوريا",
        "إيران",
        "دمشق",
        "لبنان",
        "ليبيا",
        "بغداد",
        "بيروت",
        "فرنسا",
        "حماة",
        "حلب",
        "حمص",
        "موسكو",
        "أنقرة",
        "إسرائيل",
        "واشنطن",
        "فلسطين",
    ]);
    let mut cases = 0;
    let mut failures = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (word, expected) = line.split_once('\t').unwrap_or_else(|| panic!("line {}: no tab", n + 1));
        cases += 1;
        let got = seg.segment(word).display();
        if got != seg_form(expected) {
            failures.push(format!("line {}: {word}: expected {expected}, got {got}", n + 1));
        }
    }
    assert!(cases >= 150, "only {cases} cases");
    assert!(failures.is_empty(), "{} of {cases} wrong:\n{}", failures.len(), failures.join("\n"));
}

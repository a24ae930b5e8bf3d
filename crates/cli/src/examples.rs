//! The example articles of examples/, compiled in so the demo runs anywhere.

/// (file name, text) of every example article.
pub const ARTICLES: &[(&str, &str)] = &[
    ("01_deployment.txt", include_str!("../../../examples/01_deployment.txt")),
    ("02_airstrike.txt", include_str!("../../../examples/02_airstrike.txt")),
    ("03_clashes.txt", include_str!("../../../examples/03_clashes.txt")),
    ("04_capture.txt", include_str!("../../../examples/04_capture.txt")),
    ("05_agreement.txt", include_str!("../../../examples/05_agreement.txt")),
    ("06_visit.txt", include_str!("../../../examples/06_visit.txt")),
    ("07_accusation.txt", include_str!("../../../examples/07_accusation.txt")),
    ("08_withdrawal.txt", include_str!("../../../examples/08_withdrawal.txt")),
    ("09_page_with_furniture.txt", include_str!("../../../examples/09_page_with_furniture.txt")),
    ("10_casualties_hijri.txt", include_str!("../../../examples/10_casualties_hijri.txt")),
];

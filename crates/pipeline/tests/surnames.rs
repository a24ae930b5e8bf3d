//! A person of the catalogue named in full once is named by the surname alone elsewhere in the
//! document, where the NER model reads a person there; the same word as a common word (بري
//! "land", الصدر "the chest") stays unlinked. Sentences written by the team.

use rasad_pipeline::Pipeline;

const TEXT: &str = "قال رئيس مجلس النواب اللبناني نبيه بري إن الحوار مستمر. وأعلن الجيش الإسرائيلي عن توغل بري جديد في الجنوب. وأضاف بري أن البرلمان سيجتمع.
أصيب مقاتل برصاصة في الصدر خلال الاشتباكات. ودعا زعيم التيار الصدري مقتدى الصدر أنصاره إلى الهدوء، وقال الصدر إن المرحلة حساسة.
التقى وزير الخارجية الأمريكي جون كيري نظيره في القاهرة. وقال كيري إن واشنطن تدعم الحوار.";

#[test]
fn surnames_link_where_a_person_is_read_and_common_words_do_not() {
    let out = Pipeline::shared().extract_text("d", TEXT, None);
    let linked = |word: &str, id: &str| -> Vec<bool> {
        let mut at = Vec::new();
        let mut from = 0;
        while let Some(b) = TEXT[from..].find(word) {
            let start = TEXT[..from + b].chars().count();
            at.push(out.entities.iter().any(|e| e.span.start <= start && start < e.span.end && e.link.id.as_deref() == Some(id)));
            from += b + word.len();
        }
        at
    };
    // نبيه بري, توغل بري (land), وأضاف بري.
    assert_eq!(linked("بري", "P-BERRI"), [true, false, true]);
    // في الصدر (chest), مقتدى الصدر, وقال الصدر (الصدري is the movement's nisba, not counted here).
    assert_eq!(linked("الصدر ", "P-SADR")[..1], [false]);
    assert!(linked("الصدر", "P-SADR").iter().filter(|x| **x).count() >= 2);
    assert_eq!(linked("كيري", "P-KERRY"), [true, true]);
}

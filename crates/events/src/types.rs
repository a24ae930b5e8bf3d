//! What varies by PLOVER type in reading an event (`data/types.toml`): where the target stands,
//! which counted nouns give the number, whether places after من are origins, whether victims are
//! never actors, whether the act an accusation's ب-phrase names is its content.

use std::sync::LazyLock;

use rasad_model::EventType;
use rasad_text::match_key;
use rustc_hash::FxHashMap;
use serde::Deserialize;

/// One type's reading.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TypeInfo {
    /// "obj" and target prepositions (match keys after loading).
    pub target: Vec<String>,
    /// Counted nouns (match keys).
    pub units: Vec<String>,
    /// Places after من are origins.
    #[serde(default)]
    pub origin: bool,
    /// A number without a counted noun counts.
    #[serde(default)]
    pub unitless: bool,
    /// People named by what befell them are targets, never actors.
    #[serde(default)]
    pub victims: bool,
    /// The act its ب-phrase names is its content, no event of its own (اتهمه بتفجير سيارة).
    #[serde(default)]
    pub claims: bool,
    /// The act its ب، إلى or على phrase asks for or threatens with is no event of its own.
    #[serde(default)]
    pub asks: bool,
    /// The participant of that content is the event's target (هدد باستهداف السفن).
    #[serde(default)]
    pub content_target: bool,
    /// The destination of an entry's frame (dest=) is its target: the host of a visit, the
    /// recipient of aid (زيارات إلى الأردن، قدم مساعدات إلى اليمن).
    #[serde(default)]
    pub dest_target: bool,
    /// Without an addressee, the first named party of that content is the target (دعا إلى اتفاق
    /// بين طرفي النزاع، شدد على ضرورة تضافر جهود المجتمع الدولي), or of a clause of أن and an
    /// imperfect verb that is the content (طالب المحتجون بأن تستثمر الحكومة …; targets.rs).
    #[serde(default)]
    pub content_fallback: bool,
    /// A judging verb without an object names its target in the content clause after it: the
    /// first named party there (اعتبر الرئيس أن واشنطن راعية للإرهاب، وصف … أن قرار الحكومة خيانة).
    #[serde(default)]
    pub complement_party: bool,
    /// What opens the content (match keys; ب and ل as clitics): targets stop there.
    #[serde(default)]
    pub content: Vec<String>,
    /// Words that open what the act is against (تنديدا، احتجاجا، رفضا; match keys): without a
    /// target, the first named party after one in its clause is it (تظاهر آلاف الأكراد تنديدا
    /// بالغارات التي يشنها الجيش التركي).
    #[serde(default)]
    pub causes: Vec<String>,
    /// A physical act: who reports it (an agency, an observatory, a source) never did it.
    #[serde(default)]
    pub material: bool,
    /// A stance on someone's act (condemn, welcome, demand, refuse): the subject of its verb did
    /// not do the physical act the verb's object names (أدانت الحكومة قصف المدينة).
    #[serde(default)]
    pub stance: bool,
    /// Its participles state what a speaker does (مطالبا، منددين، محذرا): one in the accusative
    /// after a finite verb is a circumstantial clause even without a comma before it
    /// (participles.rs).
    #[serde(default)]
    pub speaking: bool,
    /// A stance that names no party takes the act or thing it is about as its target (أيد
    /// الاتفاق، أدانت الحكومة التفجير، رفضه للزيارة).
    #[serde(default)]
    pub act_target: bool,
    /// Without a party, an agreement in its object's place names the target by its parties (وافق
    /// مجلس الأمن على الاتفاق النووي بين إيران والقوى الكبرى، رحب باتفاق السلام بين القبيلتين):
    /// deals.rs.
    #[serde(default)]
    pub deal_parties: bool,
    /// A verbal noun's genitive took the stance it names, object or not (رفض الحكومة، دعم واشنطن).
    #[serde(default)]
    pub doer_genitive: bool,
    /// A verbal noun's من phrase, right after it or past its adjectives, names who gives it
    /// (بدعم جوي من قوات التحالف، مساعدات من الإمارات): that phrase acts.
    #[serde(default)]
    pub giver_after: bool,
    /// A definite or possessed verbal noun of the type with no party after it refers back to the
    /// event of its lexicon row stated before (الزيارة، زيارته: merge.rs `merge_references`).
    #[serde(default)]
    pub refers_back: bool,
    /// An object pronoun on a verb of the type names a party said before (دعاها، اتهمه، اعتقلهم،
    /// استقبله), not a thing (أبرمه، رفضها، قاطعها): the target is the pronoun's antecedent.
    #[serde(default)]
    pub pronoun_party: bool,
    /// The type a verb of this type states in the future (the prefix س, or after سوف): a threat
    /// of the act, not the act (سنشن هجوما على مواقعهم، ستلاحق المقاومة المسلحين: THREATEN).
    #[serde(default)]
    pub future: Option<EventType>,
    /// How much surer than of any type the trigger model must be that a lexicon word of this type
    /// states no event to drop it; absent, the model never drops a word of the type.
    #[serde(default)]
    pub veto_margin: Option<f32>,
}

static TYPES: LazyLock<FxHashMap<EventType, TypeInfo>> = LazyLock::new(|| {
    // Checked by a test; a failure here is a build defect, not bad input.
    parse(include_str!("../data/types.toml"))
        .unwrap_or_else(|e| panic!("the built-in event types (crates/events/data/types.toml) are invalid: {e}"))
});

fn parse(s: &str) -> Result<FxHashMap<EventType, TypeInfo>, String> {
    let raw: FxHashMap<String, TypeInfo> = toml::from_str(s).map_err(|e| e.to_string())?;
    let mut out = FxHashMap::default();
    for (name, mut info) in raw {
        let t = name.parse::<EventType>().map_err(|e| e.to_string())?;
        for x in info.target.iter_mut().chain(info.units.iter_mut()).chain(info.content.iter_mut()).chain(info.causes.iter_mut()) {
            if x != "obj" {
                *x = match_key(x);
            }
        }
        out.insert(t, info);
    }
    if let Some(t) = EventType::ALL.iter().find(|t| !out.contains_key(t)) {
        return Err(format!("{t} is missing"));
    }
    Ok(out)
}

/// The reading of a type.
pub(crate) fn info(t: EventType) -> &'static TypeInfo {
    // Every type is present: `parse` refuses a file without one.
    &TYPES[&t]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_is_described() {
        let m = parse(include_str!("../data/types.toml")).unwrap();
        assert_eq!(m.len(), 16);
        assert!(m[&EventType::Assault].target.contains(&"obj".to_string()));
        assert!(parse("[ATTACK]\ntarget = []\nunits = []\n").unwrap_err().contains("not a PLOVER"));
        // The trigger model may veto an agreement, never an attack.
        assert!(m[&EventType::Agree].veto_margin.is_some_and(|x| x > 0.0));
        assert!(m[&EventType::Assault].veto_margin.is_none());
    }
}

//! The closed word classes of the event reader (`data/cues.toml`), as sets of match keys.

use std::sync::LazyLock;

use rasad_text::match_key;
use rustc_hash::FxHashSet;
use serde::Deserialize;

/// One word class: match keys (an entry of several words joins their keys with a space), and
/// the first words of the entries of several words.
#[derive(Debug, Default)]
pub(crate) struct Class(FxHashSet<String>, FxHashSet<String>);

impl Class {
    /// True when the key is in the class.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.0.contains(key)
    }

    /// True when the word is in the class without its conjunction or whole: a verb whose first
    /// letter is a root و (وجهت) is listed whole, since the segmenter may read that و as the
    /// conjunction.
    pub(crate) fn has_word(&self, w: &rasad_text::Word) -> bool {
        self.has(w.key_without_conj()) || self.has(w.key.as_str())
    }

    /// True when the key starts with one of the class's keys (stems: اصيب in اصيبت، اصيبوا).
    pub(crate) fn has_prefix_of(&self, key: &str) -> bool {
        self.0.iter().any(|k| key.starts_with(k.as_str()))
    }

    /// True when an entry of several words starts with this key (so a caller builds the
    /// two- and three-word keys only where one may match).
    pub(crate) fn may_start(&self, key: &str) -> bool {
        self.1.contains(key)
    }
}

impl<'de> Deserialize<'de> for Class {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let words: Vec<String> = Vec::deserialize(d)?;
        let keys: FxHashSet<String> = words.iter().map(|w| w.split_whitespace().map(match_key).collect::<Vec<_>>().join(" ")).collect();
        let firsts = keys.iter().filter_map(|k| k.split_once(' ').map(|(a, _)| a.to_string())).collect();
        Ok(Class(keys, firsts))
    }
}

/// Every class of `data/cues.toml` (see the file for what each is).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Cues {
    pub titles: Class,
    pub honorifics: Class,
    /// Titles that name their holder alone, with no name after them (وطالب الشيخ الحكومة).
    pub lone_titles: Class,
    pub groups: Class,
    pub construct_groups: Class,
    /// Words after منذ that name a past point a total counts from (منذ ذلك الوقت، منذ اندلاع).
    pub since_points: Class,
    /// A first or a worst since a past point (أول، أعنف، أكبر): a current event.
    pub superlatives: Class,
    /// كان and its sisters, after which a predicate is in the accusative.
    pub kana: Class,
    /// A preposition with a pronoun after a participle that describes the noun before it.
    pub preposition_pronouns: Class,
    /// Heads whose final ى must be written (قوى forces; قوي is "strong").
    pub maqsura_heads: Class,
    /// People by their tie to a party, read as people only with its pronoun (أنصارها، رعاياه).
    pub owned_people: Class,
    pub town_groups: Class,
    pub people: Class,
    pub victim_units: Class,
    pub force_units: Class,
    /// Formations that go by a number (الفرقة 16) and the arm after it (مشاة).
    pub numbered_units: Class,
    pub unit_arms: Class,
    pub armed: Class,
    pub new_phrase: Class,
    pub generic_stop: Class,
    pub speech_verbs: Class,
    pub counterpart: Class,
    pub pairs: Class,
    pub adjectives: Class,
    pub phrase_links: Class,
    /// Members of a group, who belong to it after في (عناصر في تنظيم داعش).
    pub members: Class,
    pub connectors: Class,
    pub connector_phrases: Class,
    pub accidents: Class,
    pub consequences: Class,
    pub complementizers: Class,
    pub relatives: Class,
    pub during: Class,
    pub hal_openers: Class,
    pub locatives: Class,
    pub target_preps: Class,
    pub agent_markers: Class,
    pub drivers: Class,
    /// Doubled-root verbs with an object pronoun, too short for the segmenter to split (شنه).
    pub short_pronoun_verbs: Class,
    /// ب with a third-person pronoun after a verb: the noun the clause describes (قام به).
    pub resumptives: Class,
    pub reporters: Class,
    /// Outlets a speaker tells (لوكالة، للصحفيين): the ل phrase after a source names no participant.
    pub press: Class,
    /// What a verb of blame lays on a party (حمّل المسؤولية): its object is no target (frame `laid`).
    pub burdens: Class,
    /// Words before a possessed noun of meeting whose pronoun is the guest (كان في استقباله الوزير).
    pub guest_openers: Class,
    pub count_nouns: Class,
    pub act_counts: Class,
    pub manner_phrases: Class,
    pub manner_heads: Class,
    pub ya_nouns: Class,
    pub m_nouns: Class,
    pub vehicles: Class,
    pub vehicle_kinds: Class,
    pub vehicle_adjectives: Class,
    /// Bodies named by a masculine singular noun (مجلس الأمن، المجتمع الدولي): no subject of a feminine perfect.
    pub masculine_bodies: Class,
    /// Titles women hold in the masculine form (النائب، عضو، المدير).
    pub common_gender_titles: Class,
    pub masculine_states: Class,
    pub nonhuman_plurals: Class,
    /// Words of necessity a demand stands on (شدد على ضرورة …; src/necessity.rs).
    pub necessity: Class,
    /// Titles before a state's name (دولة، مملكة: src/phrases/names.rs).
    pub state_titles: Class,
    /// Nouns of a party's conduct or role (دور، جهود، موقف): a preposition on one governs the
    /// party after it (src/phrases/names.rs).
    pub conduct_heads: Class,
    pub passive_stems: Class,
    pub armed_titles: Class,
    pub civil_bodies: Class,
    /// Bodies an office heads that take their field after ل (مفوض الهيئة المستقلة لحقوق الإنسان،
    /// رئيس اللجنة العليا للانتخابات: src/phrases/extend.rs).
    pub field_bodies: Class,
    /// Fields an office takes after ل with their genitive (المفوض السامي لحقوق الإنسان، مستشار
    /// الرئيس لشؤون القدس: src/phrases/extend.rs).
    pub office_fields: Class,
    pub unnumbered_counts: Class,
    /// Adjectives of size between an unnumbered count and its من (عدد كبير من).
    pub count_sizes: Class,
    /// Offices in the plural: no apposition of one person (رؤساء، قادة، أعضاء).
    pub plural_offices: Class,
    /// Nisbas in the accusative that are adverbs (رسميا، حاليا): no adjective of the noun before.
    pub nisba_adverbs: Class,
    /// Independent pronouns, alone or on إن (نحن، هم، إننا): no noun a verb after them describes.
    pub pronouns: Class,
    /// Words that open an aside naming some of the phrase before it (بينهم، منهم).
    pub asides: Class,
    pub agent_nouns: Class,
    pub purpose: Class,
    pub topics: Class,
    pub negations: Class,
    pub future: Class,
    pub conditionals: Class,
    /// Temporal conjunctions before أن (قبل أن، بعد أن، منذ أن): the verb after them tells what
    /// happened (قبل أن يشتبك المقاتلون مع قوات الأمن) unless a modal, a conditional or a future
    /// word stands before (src/triggers.rs).
    pub temporal_an: Class,
    pub interrogatives: Class,
    pub modals: Class,
    /// What a verbal noun subject would bring about (سيفتح، من شأنه): src/status.rs.
    pub would_bring: Class,
    pub belonging: Class,
    /// Words that give the issuer of a statement after عن or من (البيان الصادر عن الوزراء): src/targets.rs.
    pub issuers: Class,
    pub victim_sides: Class,
    pub victim_origins: Class,
    pub casualty_nouns: Class,
    pub affiliated: Class,
    /// Partitive heads, superlatives, cells and words of suspicion: phrases/join.rs.
    pub partitive_heads: Class,
    pub partitive_superlatives: Class,
    pub cells: Class,
    pub suspicions: Class,
    /// Agreements whose parties a stance on them targets, and words of their topic: deals.rs.
    pub deals: Class,
    pub topic_words: Class,
    pub clashes: Class,
    pub demonstratives: Class,
    pub strongholds: Class,
    pub allies: Class,
    pub sites: Class,
    pub civilians: Class,
    pub speaker_asides: Class,
    pub site_links: Class,
    /// Verbs of holding a place and the hedges before them: about.rs `occupant`.
    pub occupying: Class,
    pub occupant_hedges: Class,
    pub quantifiers: Class,
    pub partitives: Class,
    pub fire_objects: Class,
    pub name_words: Class,
    pub exceptives: Class,
    pub exceptive_limits: Class,
    pub striking_arms: Class,
    pub attack_subject_verbs: Class,
    pub purpose_not_before: Class,
    pub pronoun_honorifics: Class,
    /// The side words after من (بين الجيش من جهة والمسلحين من جهة أخرى).
    pub side_nouns: Class,
    pub side_others: Class,
    pub not_objects: Class,
    pub weapons: Class,
    pub weapon_singulars: Class,
    pub explosives: Class,
    /// Wound nouns after ب, never the cause of the wounding (بجروح، بإصابات): doers.rs `cause_noun`.
    pub wounds: Class,
    /// Lexicon nouns of things (دورية، قافلة، جسر) that may head a participant where their `near=`
    /// word is missing.
    pub plain_things: Class,
    /// What a vehicle loaded with it carries as aid (محملة بالمساعدات، بالمواد الإغاثية).
    pub aid_cargo: Class,
    pub quarters: Class,
    pub one_person: Class,
    pub manner: Class,
    /// Adjectives of an attack that also name its doer, and the nouns they describe (هجوم انتحاري).
    pub suicide_adjectives: Class,
    pub suicide_nouns: Class,
    /// A claim of responsibility (مسؤوليته عن الهجوم): doers.rs `claimant`.
    pub responsibility: Class,
    pub claim_verbs: Class,
    /// Adverbs between a stance verb and its object: targets.rs `nisba_owner`.
    pub stance_adverbs: Class,
    pub scene_breaks: Class,
    pub occurrence: Class,
    pub happenings: Class,
    pub copulas: Class,
    pub ongoing: Class,
    pub verdicts: Class,
    pub verdict_acts: Class,
    pub verdict_adjectives: Class,
    pub auxiliaries: Class,
    pub denials: Class,
    pub claims: Class,
    pub governors: Class,
    pub temporal: Class,
    /// Words before a verbal noun that date something else by it (منذ تحرير المدينة، قبل
    /// سيطرة الحوثيين): the noun is a time reference, no report (src/triggers.rs).
    pub since: Class,
    /// Adverbs of place that head no object (أمام، خلف، بجوار): المتظاهران اعتقلا أمام المبنى.
    pub place_adverbs: Class,
    pub history: Class,
    pub censure: Class,
    pub praise: Class,
    pub performers: Class,
    pub performing_nouns: Class,
    /// Verbs of managing or announcing an act (تمكنت القوات من تحرير …، أعلن الجيش تطهير …).
    pub enablers: Class,
    /// Verbs that affirm the stance the noun after them names (أكد تضامن …، جدد دعمه).
    pub affirmers: Class,
    pub addressers: Class,
    pub redirected: Class,
    pub sufferers: Class,
    pub press_nouns: Class,
    pub press_adjectives: Class,
    pub anaphoric_bodies: Class,
    pub anaphoric_offices: Class,
    pub documents: Class,
    pub act_verbs: Class,
    pub masculine_titles: Class,
    /// Stems of the verbs that count a toll's wounded (cue list `wound_stems`).
    pub wound_stems: Class,
    /// Movements and fronts, bodies beside `civil_bodies` (cue list `organization_nouns`).
    pub organization_nouns: Class,
    /// Connectors that are adverbs when no verb follows them (cue list `adverbial_connectors`).
    pub adverbial_connectors: Class,
    /// Honorifics that are offices (cue list `office_honorifics`).
    pub office_honorifics: Class,
    /// What an office's first words say in a catalogue person's English role (وزير الخارجية →
    /// foreign, secretary of state).
    pub office_roles: OfficeRoles,
}

/// Offices by match key (one or two words joined by a space) and the lower-case fragments of
/// an English role that state them.
#[derive(Debug, Default)]
pub(crate) struct OfficeRoles(rustc_hash::FxHashMap<String, Vec<String>>);

impl OfficeRoles {
    /// The role fragments of the office whose words are `first` and `second` (the longer entry
    /// first), or None when the table does not know it.
    pub(crate) fn of(&self, first: &str, second: Option<&str>) -> Option<&[String]> {
        second.and_then(|s| self.0.get(&format!("{first} {s}"))).or_else(|| self.0.get(first)).map(Vec::as_slice)
    }
}

impl<'de> Deserialize<'de> for OfficeRoles {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let table: std::collections::BTreeMap<String, Vec<String>> = std::collections::BTreeMap::deserialize(d)?;
        Ok(OfficeRoles(table.into_iter().map(|(k, v)| (k.split_whitespace().map(match_key).collect::<Vec<_>>().join(" "), v)).collect()))
    }
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    // Checked by a test; a failure here is a build defect, not bad input.
    toml::from_str(include_str!("../data/cues.toml"))
        .unwrap_or_else(|e| panic!("the built-in event cues (crates/events/data/cues.toml) are invalid: {e}"))
});

/// The built-in cues.
pub(crate) fn cues() -> &'static Cues {
    &CUES
}

/// Nouns of the cues that a preposition is often written onto (بخطة، بجهود: cue list
/// `conduct_heads`), as match keys, for the segmenter's known words: a bare preposition before
/// three letters splits off only a known word.
pub fn segmenter_words() -> impl Iterator<Item = &'static str> {
    cues().conduct_heads.0.iter().map(String::as_str)
}

/// The cue classes a lexicon condition may name with `@`: near= and after= match their words
/// ([`cue_word`]); unless=@accidents looks for an accident in the clause.
pub(crate) const CONDITION_CLASSES: [&str; 5] = ["armed", "weapons", "censure", "praise", "accidents"];

/// True when the word is of the cue class a lexicon condition names with `@` (near=@armed,
/// after=@censure); None for a name that is no class a condition may use. @armed matches the word
/// as written without its conjunction (القوات، جنود); @censure also without ب and the article of
/// a judgment (بالإرهابية، بالخطير) or the accusative's alif (استفزازا), but not a definite
/// adjective without ب, which describes a noun rather than judges it (التنظيم الإرهابي).
/// A definite adjective after a judged noun with ب judges too (وصفه بالأمر الخطير، بالعمل الإرهابي);
/// a word after غير، ليس or لا judges nothing (بأنها غير مثمرة، بأنه ليس فضيحة).
pub(crate) fn cue_word(name: &str, words: &[rasad_text::Word], k: usize) -> Option<bool> {
    let c = cues();
    let w = &words[k];
    let b = crate::context::bare(w);
    match name {
        "armed" => Some(c.armed.has(b)),
        "weapons" => Some(c.weapons.has(b)),
        "censure" | "praise" => {
            let class = if name == "censure" { &c.censure } else { &c.praise };
            let base = w.seg.base_key();
            let after_judged = k > 0 && w.seg.prefixes.len() == 1 && words[k - 1].seg.prefixes.starts_with(&["ب", "ال"]);
            let judged = w.seg.prefixes.contains(&"ب") || !w.seg.definite() || after_judged || quoted_after_ba(words, k);
            let stem = base.strip_prefix("ال").unwrap_or(base);
            // (The whole key too: the segmenter may read a first ف as the conjunction, فاشلة.)
            let whole = w.key.as_str();
            let forms = [b, b.strip_suffix('ا').unwrap_or(b), base, stem, stem.strip_suffix('ا').unwrap_or(stem), whole];
            // (Not a judgment negated: بأنها غير مثمرة، بأنه ليس فضيحة.)
            let negated = k > 0 && matches!(crate::context::bare(&words[k - 1]), "غير" | "ليس" | "ليست" | "ليسوا" | "ليسا" | "لا");
            Some(judged && !negated && forms.iter().any(|k| class.has(k)))
        }
        _ => None,
    }
}

/// True when word `k` opens a quotation right after a bare preposition ب: what the speaker's
/// words are called, quoted (وصفت الخطوة بـ«الاستفزازية»، وصفه ب"العدوانية").
fn quoted_after_ba(words: &[rasad_text::Word], k: usize) -> bool {
    let mut j = k;
    let mut quotes = 0;
    while j > 0 && words[j - 1].tok.kind == rasad_text::TokenKind::Punct && QUOTES.contains(&words[j - 1].tok.text) {
        j -= 1;
        quotes += 1;
    }
    quotes > 0 && j > 0 && matches!(words[j - 1].tok.text.trim_start_matches(['و', 'ف']), "ب" | "بـ")
}

/// Quotation marks that may stand between a preposition and its noun.
const QUOTES: [&str; 6] = ["«", "\"", "“", "”", "'", "‘"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_file_loads_and_every_class_has_words() {
        let c: Cues = toml::from_str(include_str!("../data/cues.toml")).unwrap();
        for (name, class) in [("titles", &c.titles), ("groups", &c.groups), ("connectors", &c.connectors), ("hal_openers", &c.hal_openers)]
        {
            assert!(class.0.len() > 5, "{name}");
        }
        assert!(c.titles.has(&match_key("وزير")) && c.connector_phrases.has("في حين"));
    }
}

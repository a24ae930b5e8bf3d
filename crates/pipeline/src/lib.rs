//! The Rasad pipeline: the sequencer of the stages. One document in, the output contract
//! (`rasad_model::DocOutput`, docs/output.md) out:
//!
//! text → tokens, match keys and sentences (rasad-text) → relevance of the document and of each
//! paragraph (rasad-topic) → times, then quantities (rasad-numtime) → linked actor and place
//! mentions (rasad-kb) → page furniture and events (rasad-events), kept where the text is
//! political → names the knowledge base does not know (rasad-ner).
//!
//! A [`Pipeline`] is built from its [`Resources`] (knowledge base, trigger lexicon, NER model,
//! relevance model); the built-in ones are the default.
//!
//! ```
//! use rasad_pipeline::Pipeline;
//! let out = Pipeline::shared().extract_text("t", "قصفت طائرات روسية بلدة في ريف إدلب أمس", "2024-05-10".parse().ok());
//! assert_eq!(out.events[0].kind, rasad_model::EventType::Assault);
//! ```
#![warn(missing_docs)]

mod entities;
mod profile;
mod through;

use std::sync::{Arc, LazyLock};

use rasad_events::{extract_events, furniture_mask, DocInput, Lexicon, TriggerModel};
use rasad_kb::{ActorType, Kb, Mention, MentionKind};
use rasad_model::{Date, DocOutput, Entity, InputDoc, Label, Link, Quantity, TextSpan, TimeExpr};
use rasad_ner::Model;
use rasad_numtime::{detect_published, mark_times, parse_quantities, parse_times, parse_times_masking};
use rasad_text::{analyze, analyze_text, split_sentences_with, tokenize, Segmenter};

use profile::{Clock, Laps, NoClock};
pub use profile::{Stage, StageTimes};
pub use through::{EntityCounts, ThroughExtract};

/// A defect in Rasad stopped it on one document (a panic in a stage, never a fault of the input):
/// the caller reports it with the document's id and goes on with the next document.
#[derive(Debug, thiserror::Error)]
#[error("internal error while reading it ({message}); this is a defect in Rasad, please report it with this document")]
pub struct InternalError {
    /// The panic's message.
    pub message: String,
}

/// Relevance below which no event is read from a paragraph: it is more likely sports, markets,
/// culture, health, technology or religion than political or conflict news.
pub const MIN_RELEVANCE: f64 = 0.5;

/// What a pipeline reads with.
#[derive(Clone)]
pub struct Resources {
    /// Actor catalogue and gazetteer.
    pub kb: Arc<Kb>,
    /// Event trigger lexicon.
    pub lexicon: Arc<Lexicon>,
    /// Named-entity model.
    pub ner: Arc<Model>,
    /// Relevance model.
    pub topic: Arc<rasad_topic::Model>,
    /// Trigger model (empty: the rules decide alone).
    pub triggers: Arc<TriggerModel>,
}

impl Resources {
    /// The resources compiled into the binary.
    ///
    /// # Panics
    /// When a built-in resource does not load (a build defect); the message names the file.
    pub fn builtin() -> Resources {
        Resources {
            kb: Arc::clone(Kb::builtin()),
            lexicon: Arc::clone(Lexicon::builtin()),
            ner: Arc::clone(Model::builtin()),
            topic: Arc::clone(rasad_topic::Model::builtin()),
            triggers: Arc::clone(TriggerModel::builtin()),
        }
    }
}

/// The pipeline with its resources and the segmenter that knows their words.
pub struct Pipeline {
    kb: Arc<Kb>,
    lexicon: Arc<Lexicon>,
    ner: Arc<Model>,
    topic: Arc<rasad_topic::Model>,
    triggers: Arc<TriggerModel>,
    segmenter: Arc<Segmenter>,
}

static DEFAULT: LazyLock<Pipeline> = LazyLock::new(Pipeline::builtin);

impl Pipeline {
    /// A pipeline over these resources. The segmenter learns the knowledge base's name words and
    /// the lexicon's forms, so that clitics are split off them (بحماة → ب + حماة).
    pub fn new(r: Resources) -> Pipeline {
        let mut segmenter = Segmenter::new(r.kb.name_words());
        segmenter.extend(r.lexicon.segmenter_forms());
        segmenter.extend(rasad_events::segmenter_words());
        Pipeline { kb: r.kb, lexicon: r.lexicon, ner: r.ner, topic: r.topic, triggers: r.triggers, segmenter: Arc::new(segmenter) }
    }

    /// A pipeline over the built-in resources (compiled into the binary).
    ///
    /// # Panics
    /// When a built-in resource does not load (a build defect); the message names the file.
    pub fn builtin() -> Pipeline {
        Pipeline::new(Resources::builtin())
    }

    /// The shared pipeline over the built-in resources.
    pub fn shared() -> &'static Pipeline {
        &DEFAULT
    }

    /// The segmenter in use (built-in lexicon, actor and place names, trigger forms): the search
    /// analyzer reads text with it too.
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// The segmenter, shared (for a server that reads queries on other threads).
    pub fn segmenter_handle(&self) -> Arc<Segmenter> {
        Arc::clone(&self.segmenter)
    }

    /// The knowledge base in use.
    pub fn kb(&self) -> &Kb {
        &self.kb
    }

    /// The NER model in use.
    pub fn ner(&self) -> &Model {
        &self.ner
    }

    /// Quantities in a text (times are found first so that years and dates are not counted).
    pub fn quantities(&self, text: &str) -> Vec<Quantity> {
        let words = analyze_text(text, &self.segmenter);
        // Only times written with digits (years, dates) can hide a count; without digits, skip them.
        // (An empty `skip` skips nothing.)
        let mut skip = Vec::new();
        if words.iter().any(|w| w.tok.kind == rasad_text::TokenKind::Number) {
            mark_times(&words, &mut skip);
        }
        parse_quantities(text, &words, &skip)
    }

    /// Time expressions in a text, resolved against `published`.
    pub fn times(&self, text: &str, published: Option<Date>) -> Vec<TimeExpr> {
        let words = analyze_text(text, &self.segmenter);
        parse_times(text, &words, published)
    }

    /// Runs the whole pipeline on one document. A document in another language than Arabic (its
    /// `lang` as the reader told it, else [`is_arabic`] of its text) gives a record without
    /// entities, numbers, times or events: the Arabic readers would misread it.
    pub fn extract(&self, doc: &InputDoc) -> DocOutput {
        if !is_arabic(doc.lang.as_deref(), &doc.text) {
            return empty(&doc.id, doc.published);
        }
        self.run(&doc.id, &doc.text, doc.published, &mut NoClock)
    }

    /// [`Pipeline::extract`], with a panic in any stage caught and returned as an
    /// [`InternalError`], so that one document a stage cannot read costs that document only (the
    /// CLI, the store's ingest and the Python module read many in one run).
    ///
    /// ```
    /// use rasad_pipeline::Pipeline;
    /// use rasad_model::InputDoc;
    /// let out = Pipeline::shared().try_extract(&InputDoc::new("t", "كتبت الصحيفة افتتاحية تنتقد الحكومة")).unwrap();
    /// assert_eq!(out.id, "t");
    /// ```
    pub fn try_extract(&self, doc: &InputDoc) -> Result<DocOutput, InternalError> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.extract(doc))).map_err(|payload| {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_string());
            InternalError { message }
        })
    }

    /// Runs the pipeline on a text with an optional publication date (a text that is not Arabic
    /// gives an empty record, as in [`Pipeline::extract`]).
    pub fn extract_text(&self, id: &str, text: &str, published: Option<Date>) -> DocOutput {
        if !is_arabic(None, text) {
            return empty(id, published);
        }
        self.run(id, text, published, &mut NoClock)
    }

    /// Runs the pipeline and adds the time each stage took to `times` (for `rasad bench-text`).
    pub fn extract_profiled(&self, id: &str, text: &str, published: Option<Date>, times: &mut StageTimes) -> DocOutput {
        let mut clock = Laps::new(times);
        self.run(id, text, published, &mut clock)
    }

    /// Training examples for the trigger model from a text and its marked triggers (code-point
    /// spans with their types): the candidate words' features and classes, and the marked stems
    /// (see [`rasad_events::trigger_examples`]).
    pub fn trigger_examples(&self, text: &str, marks: &[(usize, usize, rasad_model::EventType)]) -> (Vec<(Vec<u64>, usize)>, Vec<String>) {
        let tokens = tokenize(text);
        let words = analyze(&tokens, &self.segmenter);
        let a = self.read(text, &tokens, &words, None, &mut NoClock);
        rasad_events::trigger_examples(&self.doc_input(text, &words, &a, None), marks)
    }

    fn run(&self, id: &str, text: &str, published: Option<Date>, clock: &mut impl Clock) -> DocOutput {
        let tokens = tokenize(text);
        clock.lap(Stage::Tokenize);
        let words = analyze(&tokens, &self.segmenter);
        clock.lap(Stage::Analyze);
        let relevance = rasad_topic::paragraph_relevance(&self.topic, text, &words);
        clock.lap(Stage::Relevance);
        let published = published.or_else(|| detect_published(text, &words));
        let mut a = self.read(text, &tokens, &words, published, clock);
        let found = std::mem::take(&mut a.found);
        let mut events = extract_events(&self.doc_input(text, &words, &a, published));
        let Analysis { mentions, quantities, times, .. } = a;
        events.retain(|e| relevance.at(e.trigger.start) >= MIN_RELEVANCE);
        clock.lap(Stage::Events);
        let linked: Vec<Entity> = mentions.iter().map(|m| self.entity(text, &words, m)).collect();
        let entities = entities::merge(linked, found);
        clock.lap(Stage::Ner);
        let relevance = (relevance.document * 1000.0).round() / 1000.0;
        DocOutput { id: id.to_string(), published, relevance, entities, quantities, times, events }
    }

    /// A linked mention as an entity: a person is PER, a place or a state LOC, a demonym MISC,
    /// any other actor ORG.
    fn entity(&self, text: &str, words: &[rasad_text::Word], m: &rasad_kb::Mention) -> Entity {
        let (a, b) = (&words[m.first].tok, &words[m.end - 1].tok);
        let actor = m.actor.map(|i| &self.kb.actors[i]);
        let place = m.place.map(|i| &self.kb.places[i]);
        let label = match (m.kind, actor.map(|a| a.kind), place) {
            (MentionKind::Demonym, ..) => Label::Misc,
            (_, Some(ActorType::Person), _) => Label::Per,
            (_, _, Some(_)) | (_, Some(ActorType::State), _) => Label::Loc,
            _ => Label::Org,
        };
        let (id, name) = match (place, actor) {
            (Some(p), _) if label == Label::Loc => (Some(p.id.clone()), Some(p.name.clone())),
            (_, Some(a)) => (Some(a.id.clone()), Some(a.name.clone())),
            (Some(p), None) => (Some(p.id.clone()), Some(p.name.clone())),
            (None, None) => (None, None),
        };
        let located = place.filter(|_| label == Label::Loc);
        Entity {
            span: TextSpan { text: text[a.byte_start..b.byte_start + b.text.len()].to_string(), start: m.span.start, end: m.span.end },
            label,
            link: Link {
                id,
                name,
                lat: located.map(|p| p.lat),
                lon: located.map(|p| p.lon),
                geo_precision: located.map(|p| p.geo_precision()),
            },
        }
    }
}

/// True when a document is Arabic by its declared language (`ar`, `ar-SY` …), or, without one,
/// by its letters ([`rasad_text::lang::script_language`]): a text in Persian, Urdu, Kurdish or
/// Pashto is not; one too short to tell, or mostly in another script, is read as before (an
/// undeclared text in Latin letters quoting Arabic keeps its events; web pages declare theirs).
pub fn is_arabic(lang: Option<&str>, text: &str) -> bool {
    use rasad_text::lang::{script_language, ScriptLanguage};
    match lang {
        Some(l) => l.split(['-', '_']).next().is_some_and(|p| p.eq_ignore_ascii_case("ar")),
        None => !matches!(script_language(text), ScriptLanguage::Arabic(code) if code != "ar"),
    }
}

/// The record of a document not read: no entities, numbers, times or events.
fn empty(id: &str, published: Option<Date>) -> DocOutput {
    DocOutput { id: id.to_string(), published, relevance: 0.0, entities: vec![], quantities: vec![], times: vec![], events: vec![] }
}

/// The token ranges of NER names (which are in text order, as the words are).
/// What the stages before the event reader found in a document.
struct Analysis {
    sentences: Vec<rasad_text::Sentence>,
    /// One flag per sentence: page furniture.
    furniture: Vec<bool>,
    /// Linked mentions (relinked where the NER model confirmed a place).
    mentions: Vec<Mention>,
    /// The NER model's names as token ranges, and as found.
    names: Vec<(usize, usize, Label)>,
    found: Vec<rasad_ner::tagger::Found>,
    quantities: Vec<Quantity>,
    times: Vec<TimeExpr>,
}

impl Pipeline {
    /// Sentences, numbers and times, linked mentions, page furniture and the NER model's names
    /// (the ones the catalogue and gazetteer do not know name participants for the event reader
    /// too), each stage's time added to `clock`.
    fn read(
        &self,
        text: &str,
        tokens: &[rasad_text::Token],
        words: &[rasad_text::Word],
        published: Option<Date>,
        clock: &mut impl Clock,
    ) -> Analysis {
        let sentences = split_sentences_with(text, tokens);
        clock.lap(Stage::Sentences);
        let mut skip = vec![false; words.len()];
        let times = parse_times_masking(text, words, published, &mut skip);
        let quantities = parse_quantities(text, words, &skip);
        clock.lap(Stage::NumbersTimes);
        let mentions = self.kb.link(words);
        clock.lap(Stage::Linking);
        let furniture = furniture_mask(text, words, &sentences);
        clock.lap(Stage::Events);
        let found = rasad_ner::tagger::tag(&self.ner, &self.kb, text, words, &sentences, &mentions);
        let names = name_tokens(words, &found);
        let mentions = self.confirm_places(words, mentions, &names);
        // A person named in full is named by the surname alone where the model reads a person.
        let persons: Vec<(usize, usize)> = names.iter().filter(|n| n.2 == Label::Per).map(|n| (n.0, n.1)).collect();
        let mentions = self.kb.link_named_surnames(words, mentions, &persons);
        clock.lap(Stage::Ner);
        Analysis { sentences, furniture, mentions, names, found, quantities, times }
    }

    /// The event reader's view of a document.
    fn doc_input<'d, 'a>(
        &'d self,
        text: &'a str,
        words: &'d [rasad_text::Word<'a>],
        a: &'d Analysis,
        published: Option<Date>,
    ) -> DocInput<'d, 'a> {
        DocInput {
            text,
            words,
            sentences: &a.sentences,
            furniture: &a.furniture,
            mentions: &a.mentions,
            names: &a.names,
            quantities: &a.quantities,
            times: &a.times,
            kb: &self.kb,
            lexicon: &self.lexicon,
            model: &self.triggers,
            published,
        }
    }

    /// The linked mentions again when the NER model read a place name the linker left for want
    /// of a place cue (في مسقط): the gazetteer then links it (see [`Kb::link_confirmed`]).
    fn confirm_places(&self, words: &[rasad_text::Word], mentions: Vec<Mention>, names: &[(usize, usize, Label)]) -> Vec<Mention> {
        let mut linked = vec![false; words.len()];
        for m in &mentions {
            linked[m.first..m.end].iter_mut().for_each(|x| *x = true);
        }
        let places: Vec<(usize, usize)> =
            names.iter().filter(|n| n.2 == Label::Loc && !linked[n.0..n.1].contains(&true)).map(|n| (n.0, n.1)).collect();
        if places.is_empty() {
            mentions
        } else {
            self.kb.link_confirmed(words, mentions, &places)
        }
    }
}

fn name_tokens(words: &[rasad_text::Word], found: &[rasad_ner::tagger::Found]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::with_capacity(found.len());
    let mut k = 0;
    for f in found {
        while k < words.len() && words[k].tok.span.start < f.span.start {
            k += 1;
        }
        let mut j = k;
        while j < words.len() && words[j].tok.span.end <= f.span.end {
            j += 1;
        }
        if j > k {
            out.push((k, j, f.label));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_model::EventType;

    #[test]
    fn end_to_end_on_a_short_report() {
        let text = "وصل نحو ثلاثة آلاف مقاتل إيراني إلى دمشق أمس، وفق ما أفاد المرصد السوري لحقوق الإنسان.";
        let out = Pipeline::shared().extract_text("t", text, "2024-05-02".parse().ok());
        let ev = &out.events[0];
        assert_eq!(ev.kind, EventType::Mobilize);
        assert_eq!(ev.actors[0].link.id.as_deref(), Some("IRN"));
        assert_eq!(ev.places[0].link.id.as_deref(), Some("P-DAMASCUS"));
        assert_eq!(ev.quantity.as_ref().map(|q| q.value), Some(3000.0));
        assert_eq!(ev.date.as_ref().and_then(|d| d.value.as_deref()), Some("2024-05-01"));
        assert_eq!(ev.source.as_ref().and_then(|s| s.id.as_deref()), Some("SOHR"));
    }

    #[test]
    fn a_pipeline_is_built_from_other_resources() {
        let places = "id,name,ar,lat,lon,feature,admin1,country\n";
        let kb = Kb::from_sources("actor = []", places).map(Arc::new).unwrap();
        let p = Pipeline::new(Resources { kb, ner: Arc::new(Model::default()), ..Resources::builtin() });
        let out = p.extract_text("t", "قصفت طائرات روسية بلدة في ريف إدلب أمس", None);
        assert!(out.entities.is_empty(), "no catalogue, no model: no entity");
        assert_eq!(out.events[0].kind, EventType::Assault);
    }
}

//! The Rasad pipeline: text → tokens → sentences → times and quantities → linked mentions →
//! events, assembled into the output contract (docs/output.md).
#![warn(missing_docs)]

use std::sync::LazyLock;

use jiff::civil::Date;
use rasad_events::{extract_events, furniture_mask, DocInput, Lexicon};
pub use rasad_events::{Arg as EventArg, Event, Status};
use rasad_kb::{ActorType, Kb, MentionKind};
use rasad_numtime::{detect_published, mark_times, parse_quantities, parse_times};
pub use rasad_numtime::{Bound, Quantity, TimeExpr};
use rasad_text::{analyze, analyze_text, split_sentences_with, tokenize, Segmenter};
use serde::{Deserialize, Serialize};

/// One input document (the JSONL input shape).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct InputDoc {
    /// Document id (a file name for text input).
    pub id: String,
    /// The text.
    pub text: String,
    /// Publication date, YYYY-MM-DD.
    #[serde(default)]
    pub published: Option<String>,
    /// Source URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Outlet name.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
}

/// Errors about a document as a whole.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    /// The publication date is not YYYY-MM-DD.
    #[error("published date {0:?} is not a valid YYYY-MM-DD date")]
    BadDate(String),
}

/// An entity mention in the output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// The mention as in the text.
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// PER, ORG, LOC or MISC.
    pub label: &'static str,
    /// Catalogue or gazetteer id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// English name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Latitude (places).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude (places).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// How precisely a place is located: exact, admin or country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo_precision: Option<&'static str>,
}

/// The output record of one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocOutput {
    /// Document id.
    pub id: String,
    /// The publication date used to resolve relative times (given, or read from the text).
    pub published: Option<String>,
    /// Entity mentions.
    pub entities: Vec<Entity>,
    /// Quantities.
    pub quantities: Vec<Quantity>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Events.
    pub events: Vec<Event>,
}

/// The pipeline with its data loaded (catalogue, gazetteer, lexicon, segmenter).
pub struct Pipeline {
    kb: &'static Kb,
    lexicon: &'static Lexicon,
    segmenter: Segmenter,
}

static DEFAULT: LazyLock<Pipeline> = LazyLock::new(Pipeline::new);

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Pipeline {
    /// A pipeline over the built-in data.
    pub fn new() -> Pipeline {
        let kb = Kb::builtin();
        let lexicon = Lexicon::builtin();
        let mut segmenter = Segmenter::new(kb.name_words());
        segmenter.extend(lexicon.forms());
        Pipeline { kb, lexicon, segmenter }
    }

    /// The shared default pipeline.
    pub fn shared() -> &'static Pipeline {
        &DEFAULT
    }

    /// The segmenter in use (built-in lexicon, actor and place names, trigger forms).
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// The knowledge base in use.
    pub fn kb(&self) -> &'static Kb {
        self.kb
    }

    /// What a name may stand for in the knowledge base, best first, one line each with its score.
    pub fn lookup(&self, name: &str) -> Vec<String> {
        let tokens: Vec<_> = tokenize(name).into_iter().filter(|t| t.kind != rasad_text::TokenKind::Punct).collect();
        let words = analyze(&tokens, &self.segmenter);
        self.kb
            .lookup(&words)
            .into_iter()
            .map(|(a, p, score)| match (a, p) {
                (Some(a), _) => {
                    let a = &self.kb.actors[a];
                    let extra = [a.country.as_deref(), a.role.as_deref(), a.parent.as_deref().map(|p| p.trim())]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join("; ");
                    format!(
                        "actor {:<14} {} ({:?}{}{}) score {score:.2}",
                        a.id,
                        a.name,
                        a.kind,
                        if extra.is_empty() { "" } else { "; " },
                        extra
                    )
                }
                (None, Some(p)) => {
                    let p = &self.kb.places[p];
                    let chain = [p.admin2.as_deref(), p.admin1.as_deref(), Some(p.country.as_str())]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ");
                    let src = if p.curated { "curated" } else { "gazetteer" };
                    format!("place {:<14} {} ({}; {chain}; {:.3}, {:.3}; {src}) score {score:.2}", p.id, p.name, p.feature, p.lat, p.lon)
                }
                (None, None) => String::new(),
            })
            .collect()
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

    /// Runs the whole pipeline on one document.
    pub fn extract(&self, doc: &InputDoc) -> Result<DocOutput, DocError> {
        let given = match doc.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Some(s.parse::<Date>().map_err(|_| DocError::BadDate(s.to_string()))?),
            None => None,
        };
        Ok(self.extract_text(&doc.id, &doc.text, given))
    }

    /// Runs the pipeline on a text with an optional publication date.
    pub fn extract_text(&self, id: &str, text: &str, published: Option<Date>) -> DocOutput {
        self.run(id, text, published, &mut NoClock)
    }

    /// Runs the pipeline and adds the time each stage took to `times` (for `rasad bench-text`).
    pub fn extract_profiled(&self, id: &str, text: &str, published: Option<Date>, times: &mut StageTimes) -> DocOutput {
        let mut clock = Laps { last: std::time::Instant::now(), times };
        self.run(id, text, published, &mut clock)
    }

    fn run(&self, id: &str, text: &str, published: Option<Date>, clock: &mut impl Clock) -> DocOutput {
        let tokens = tokenize(text);
        clock.lap(Stage::Tokenize);
        let words = analyze(&tokens, &self.segmenter);
        clock.lap(Stage::Analyze);
        let sentences = split_sentences_with(text, &tokens);
        clock.lap(Stage::Sentences);
        let published = published.or_else(|| detect_published(text, &words));
        let times = parse_times(text, &words, published);
        let mut skip = vec![false; words.len()];
        mark_spans(&words, times.iter().map(|t| (t.start, t.end)), &mut skip);
        let quantities = parse_quantities(text, &words, &skip);
        clock.lap(Stage::NumbersTimes);
        let mentions = self.kb.link(&words);
        clock.lap(Stage::Linking);
        let furniture = furniture_mask(text, &words, &sentences);
        let events = extract_events(&DocInput {
            text,
            words: &words,
            sentences: &sentences,
            furniture: &furniture,
            mentions: &mentions,
            quantities: &quantities,
            times: &times,
            kb: self.kb,
            lexicon: self.lexicon,
        });
        clock.lap(Stage::Events);
        let entities = mentions
            .iter()
            .map(|m| {
                let (a, b) = (&words[m.first].tok, &words[m.end - 1].tok);
                let actor = m.actor.map(|i| &self.kb.actors[i]);
                let place = m.place.map(|i| &self.kb.places[i]);
                let label = match (m.kind, actor.map(|a| a.kind), place) {
                    (MentionKind::Demonym, ..) => "MISC",
                    (_, Some(ActorType::Person), _) => "PER",
                    (_, _, Some(_)) | (_, Some(ActorType::State), _) => "LOC",
                    _ => "ORG",
                };
                let (id, name) = match (place, actor) {
                    (Some(p), _) if label == "LOC" => (Some(p.id.clone()), Some(p.name.clone())),
                    (_, Some(a)) => (Some(a.id.clone()), Some(a.name.clone())),
                    (Some(p), None) => (Some(p.id.clone()), Some(p.name.clone())),
                    (None, None) => (None, None),
                };
                Entity {
                    text: text[a.byte_start..b.byte_start + b.text.len()].to_string(),
                    start: m.span.start,
                    end: m.span.end,
                    label,
                    id,
                    name,
                    lat: place.filter(|_| label == "LOC").map(|p| p.lat),
                    lon: place.filter(|_| label == "LOC").map(|p| p.lon),
                    geo_precision: place.filter(|_| label == "LOC").map(|p| p.geo_precision()),
                }
            })
            .collect();
        // The NER model adds the names the catalogue and gazetteer do not know (unlinked).
        let mut entities: Vec<Entity> = entities;
        // Linked mentions are in text order: a sweep tells which NER names overlap one.
        let linked: Vec<(usize, usize)> = entities.iter().map(|e| (e.start, e.end)).collect();
        let mut cursor = 0;
        for e in ner_on(default_ner(), text, &words, &sentences, &mentions) {
            while cursor < linked.len() && linked[cursor].1 <= e.start {
                cursor += 1;
            }
            let overlaps = linked[cursor..].iter().take_while(|k| k.0 < e.end).any(|k| k.0 < e.end && e.start < k.1);
            if !overlaps {
                entities.push(Entity {
                    text: e.text,
                    start: e.start,
                    end: e.end,
                    label: e.label,
                    id: None,
                    name: None,
                    lat: None,
                    lon: None,
                    geo_precision: None,
                });
            }
        }
        entities.sort_by_key(|e| e.start);
        clock.lap(Stage::Ner);
        DocOutput { id: id.to_string(), published: published.map(|d| d.to_string()), entities, quantities, times, events }
    }
}

/// The pipeline's stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Tokens with spans.
    Tokenize,
    /// Match keys and clitic segmentation of every token.
    Analyze,
    /// Sentence splitting.
    Sentences,
    /// Publication date, times and quantities.
    NumbersTimes,
    /// Actor and place linking.
    Linking,
    /// Page furniture and events.
    Events,
    /// NER tagging and the entity list.
    Ner,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 7] =
        [Stage::Tokenize, Stage::Analyze, Stage::Sentences, Stage::NumbersTimes, Stage::Linking, Stage::Events, Stage::Ner];
    /// A short name.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Tokenize => "tokenize",
            Stage::Analyze => "normalize + segment",
            Stage::Sentences => "sentences",
            Stage::NumbersTimes => "numbers and times",
            Stage::Linking => "linking (actors, places)",
            Stage::Events => "events",
            Stage::Ner => "NER tagging",
        }
    }
}

/// Seconds spent per stage, summed over documents.
#[derive(Debug, Clone, Default)]
pub struct StageTimes(pub [f64; 7]);

trait Clock {
    fn lap(&mut self, stage: Stage);
}

/// No timing: the normal path (compiles to nothing).
struct NoClock;

impl Clock for NoClock {
    #[inline(always)]
    fn lap(&mut self, _: Stage) {}
}

struct Laps<'a> {
    last: std::time::Instant,
    times: &'a mut StageTimes,
}

impl Clock for Laps<'_> {
    fn lap(&mut self, stage: Stage) {
        let now = std::time::Instant::now();
        let i = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.times.0[i] += now.duration_since(self.last).as_secs_f64();
        self.last = now;
    }
}

/// The NER model shipped in the binary.
pub fn default_ner() -> &'static rasad_ner::Model {
    rasad_ner::Model::builtin()
}

/// An entity found by the NER model (no catalogue link).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NerEntity {
    /// The entity as in the text.
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// PER, LOC, ORG or MISC.
    pub label: &'static str,
}

/// Sentences over which NER names propagate (chosen on the development part of ANERcorp).
pub const NER_WINDOW: usize = 5;

fn ner_label(kind: &str) -> &'static str {
    match kind {
        "PERS" => "PER",
        "LOC" => "LOC",
        "ORG" => "ORG",
        _ => "MISC",
    }
}

/// Tags a text with `model`, sentence by sentence, on the text core's tokens.
pub fn tag_entities(model: &rasad_ner::Model, text: &str) -> Vec<NerEntity> {
    let p = Pipeline::shared();
    let tokens = tokenize(text);
    let words = analyze(&tokens, p.segmenter());
    let sentences = split_sentences_with(text, &tokens);
    let mentions = p.kb().link(&words);
    ner_on(model, text, &words, &sentences, &mentions)
}

/// Summed NER weights of one word form: its own features, and the features its neighbours read
/// of it in each [`rasad_ner::features::Role`].
#[derive(Clone, Copy)]
struct WordWeights {
    own: rasad_ner::TagScores,
    roles: [rasad_ner::TagScores; 4],
}

/// What the tagger caches for one model (by [`rasad_ner::Model::id`]): weights per word form
/// (keyed by the address of the word's shared analysis, which the entry holds so that the
/// address cannot be reused by another word form while the entry lives), the role weights of the
/// sentence edges, and the weights of every code in every code template.
struct NerMemo {
    model: u64,
    /// The analysis memos' generation the entries belong to (`rasad_text::memo_generation`).
    generation: u64,
    words: rustc_hash::FxHashMap<usize, (std::sync::Arc<rasad_text::WordInfo>, WordWeights)>,
    edges: [rasad_ner::TagScores; 4],
    codes: Vec<[rasad_ner::TagScores; 256]>,
}

impl NerMemo {
    fn new(model: &rasad_ner::Model) -> NerMemo {
        use rasad_ner::features::{code_feature, role_features, Role, CODE_TEMPLATES};
        let mut f = Vec::new();
        let edges = Role::ALL.map(|r| {
            f.clear();
            role_features(None, r, &mut f);
            model.weigh(&f)
        });
        let codes = CODE_TEMPLATES.iter().map(|&(t, _)| std::array::from_fn(|c| model.weigh(&[code_feature(t, c as u8)]))).collect();
        NerMemo { model: model.id(), generation: rasad_text::memo_generation(), words: Default::default(), edges, codes }
    }

    fn word(&mut self, model: &rasad_ner::Model, w: &rasad_text::Word, chars: &mut Vec<char>, feats: &mut Vec<u64>) -> WordWeights {
        use rasad_ner::features::{own_features, role_features, Role};
        // Bounded: a long run over many texts keeps at most this many words, and lets go of the
        // analyses the analysis memo has dropped.
        let generation = rasad_text::memo_generation();
        if self.words.len() >= 100_000 || generation != self.generation {
            self.words.clear();
            self.generation = generation;
        }
        let info = w.shared();
        let key = std::sync::Arc::as_ptr(info) as usize;
        if let Some((_, ww)) = self.words.get(&key) {
            return *ww;
        }
        feats.clear();
        own_features(w, chars, feats);
        let own = model.weigh(feats);
        let roles = Role::ALL.map(|r| {
            feats.clear();
            role_features(Some(w), r, feats);
            model.weigh(feats)
        });
        let ww = WordWeights { own, roles };
        self.words.insert(key, (std::sync::Arc::clone(info), ww));
        ww
    }
}

thread_local! {
    static NER_MEMO: std::cell::RefCell<Option<NerMemo>> = const { std::cell::RefCell::new(None) };
}

/// Emission scores of each word of a sentence: the sum of the weights of all its features
/// (`rasad_ner::features::own_features` and `context_features`), with the parts that depend on
/// one word or one code alone taken from the per-thread memo.
fn emissions(model: &rasad_ner::Model, ws: &[rasad_text::Word], cs: &[u8], memo: &mut NerMemo) -> Vec<rasad_ner::TagScores> {
    use rasad_ner::features::{pair_features, Role, CODE_TEMPLATES};
    let mut feats = Vec::with_capacity(16);
    let mut chars = Vec::with_capacity(32);
    let per_word: Vec<WordWeights> = ws.iter().map(|w| memo.word(model, w, &mut chars, &mut feats)).collect();
    let at = |i: usize, off: isize| i.checked_add_signed(off).filter(|&j| j < ws.len());
    (0..ws.len())
        .map(|i| {
            let mut s = per_word[i].own;
            let mut add = |x: &rasad_ner::TagScores| {
                for (a, b) in s.iter_mut().zip(x) {
                    *a += b;
                }
            };
            for (r, role) in Role::ALL.iter().enumerate() {
                add(at(i, role.offset()).map_or(&memo.edges[r], |j| &per_word[j].roles[r]));
            }
            for (table, &(_, off)) in memo.codes.iter().zip(&CODE_TEMPLATES) {
                add(&table[at(i, off).map_or(255, |j| cs[j]) as usize]);
            }
            feats.clear();
            pair_features(ws, cs, i, &mut feats);
            add(&model.weigh(&feats));
            model.with_bias(s)
        })
        .collect()
}

fn ner_on(
    model: &rasad_ner::Model,
    text: &str,
    words: &[rasad_text::Word],
    sentences: &[rasad_text::Sentence],
    mentions: &[rasad_kb::Mention],
) -> Vec<NerEntity> {
    if model.is_empty() {
        return vec![];
    }
    let p = Pipeline::shared();
    let codes = rasad_ner::features::kb_codes(words, mentions, p.kb());
    let mut out = Vec::new();
    let mut all: Vec<Vec<usize>> = Vec::with_capacity(sentences.len());
    let mut keys: Vec<Vec<&str>> = Vec::with_capacity(sentences.len());
    NER_MEMO.with(|m| {
        let mut m = m.borrow_mut();
        let memo = match m.as_mut() {
            Some(memo) if memo.model == model.id() => memo,
            _ => m.insert(NerMemo::new(model)),
        };
        for s in sentences {
            let (a, b) = (s.first_token, s.end_token);
            let (ws, cs) = (&words[a..b], &codes[a..b]);
            all.push(model.decode_scores(&emissions(model, ws, cs, memo)));
            keys.push(ws.iter().map(|w| w.key.as_str()).collect());
        }
    });
    // A name tagged in one sentence is tagged where it stands untagged nearby (window chosen on dev).
    rasad_ner::propagate(&keys, &mut all, NER_WINDOW);
    for (s, idx) in sentences.iter().zip(&all) {
        let toks = &words[s.first_token..s.end_token];
        let tags: Vec<&str> = idx.iter().map(|&t| rasad_ner::TAGS[t]).collect();
        for (a, b, kind) in rasad_ner::conll::spans(&tags) {
            let (first, last) = (&toks[a].tok, &toks[b - 1].tok);
            out.push(NerEntity {
                text: text[first.byte_start..last.byte_start + last.text.len()].to_string(),
                start: first.span.start,
                end: last.span.end,
                label: ner_label(&kind),
            });
        }
    }
    out
}

fn mark_spans(words: &[rasad_text::Word], spans: impl Iterator<Item = (usize, usize)>, mask: &mut [bool]) {
    let mut k = 0;
    for (s, e) in spans {
        while k < words.len() && words[k].tok.span.end <= s {
            k += 1;
        }
        let mut j = k;
        while j < words.len() && words[j].tok.span.start < e {
            mask[j] = true;
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_to_end_on_a_short_report() {
        let text = "وصل نحو ثلاثة آلاف مقاتل إيراني إلى دمشق أمس، وفق ما أفاد المرصد السوري لحقوق الإنسان.";
        let out = Pipeline::shared().extract_text("t", text, "2024-05-02".parse().ok());
        let ev = &out.events[0];
        assert_eq!(ev.kind, "MOBILIZE");
        assert_eq!(ev.actors[0].id.as_deref(), Some("IRN"));
        assert_eq!(ev.places[0].id.as_deref(), Some("P-DAMASCUS"));
        assert_eq!(ev.quantity.as_ref().map(|q| q.value), Some(3000.0));
        assert_eq!(ev.date.as_ref().and_then(|d| d.value.as_deref()), Some("2024-05-01"));
        assert_eq!(ev.source.as_ref().and_then(|s| s.id.as_deref()), Some("SOHR"));
    }

    #[test]
    fn memoized_emissions_equal_the_weights_of_all_the_trained_features() {
        let p = Pipeline::shared();
        let model = default_ner();
        let text = "قال وزير الخارجية الأميركي أنتوني بلينكن في عمان إن واشنطن تدعم الجيش اللبناني، وأكد بلينكن ذلك أمس.";
        let tokens = tokenize(text);
        let words = analyze(&tokens, p.segmenter());
        let mentions = p.kb().link(&words);
        let codes = rasad_ner::features::kb_codes(&words, &mentions, p.kb());
        let mut memo = NerMemo::new(model);
        // Twice: the second pass reads every word from the memo.
        for _ in 0..2 {
            let fast = emissions(model, &words, &codes, &mut memo);
            let plain: Vec<rasad_ner::TagScores> =
                rasad_ner::features::word_features(&words, &codes).iter().map(|f| model.with_bias(model.weigh(f))).collect();
            for (a, b) in fast.iter().zip(&plain) {
                for (x, y) in a.iter().zip(b) {
                    assert!((x - y).abs() < 1e-3, "{x} vs {y}");
                }
            }
            assert_eq!(model.decode_scores(&fast), model.decode_scores(&plain));
        }
    }

    #[test]
    fn bad_published_date_is_an_error() {
        let doc = InputDoc { id: "x".into(), text: "نص".into(), published: Some("2024-13-40".into()), ..Default::default() };
        assert!(Pipeline::shared().extract(&doc).is_err());
    }
}

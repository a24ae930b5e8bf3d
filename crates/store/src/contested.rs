//! Contested figures: the casualty and troop counts each source gives for one story (the events
//! of one occurrence across outlets, [`crate::stories`]), with their range and whether the
//! sources disagree. ACLED keeps one conservative number and GDELT none; an analyst wants to see
//! who claims what ("the Observatory says 12 killed, the agency 9").
//!
//! A figure is an event's count of the killed (its `fatalities`), of the wounded or of troops
//! (the counted noun, `data/figure_kinds.tsv`). Background events (recalled history), planned
//! and denied events give none. Two figures of one kind disagree when they come from different
//! sources (the attributed source, else the outlet) and cannot both be true: each figure is read
//! as the interval its wording allows (`12` is 12, `about 200` 180–220, `more than 23` 23 and
//! up, `between 5 and 8` 5–8), and intervals that do not meet disagree.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use rasad_model::{Bound, Event, Status};
use serde::Serialize;

use crate::{Store, StoreError};

/// Unit → (kind, English word, the types whose notes name it).
static KINDS: LazyLock<HashMap<&'static str, (&'static str, &'static str, &'static str)>> = LazyLock::new(|| {
    include_str!("../data/figure_kinds.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&'static str> = l.split('\t').collect();
            (c.len() == 4).then(|| (c[0], (c[1], c[2], c[3])))
        })
        .collect()
});

/// The figure kind of a counted noun (its match key, as `quantity.unit` holds it) and its English
/// word: `("wounded", "wounded")` for جريح, `("troops", "troops")` for جندي; `None` for other
/// nouns. The killed are told by the event's `fatalities`, not by the noun.
pub fn figure_kind(unit: &str) -> Option<(&'static str, &'static str)> {
    KINDS.get(unit).map(|k| (k.0, k.1))
}

/// The English word for a count of `unit` in the notes of an event of type `kind`, when
/// `data/figure_kinds.tsv` says such notes name it (`troops` in a deployment, not in an attack).
pub fn notes_word(unit: &str, kind: rasad_model::EventType) -> Option<&'static str> {
    let (_, word, types) = KINDS.get(unit)?;
    (*types == "*" || types.split('|').any(|t| t == kind.as_str())).then_some(*word)
}

/// One figure: a count one report gives, where and according to whom.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// `killed`, `wounded` or `troops`.
    pub kind: &'static str,
    /// The number as read (for a range, its lower end).
    pub value: f64,
    /// `exact`, `at_least`, `at_most` or `range`.
    pub bound: &'static str,
    /// "about" (نحو، قرابة) or a vague amount (عشرات).
    pub approx: bool,
    /// The lowest and highest number the wording allows (`None`: no upper bound).
    pub low: f64,
    /// See `low`.
    pub high: Option<f64>,
    /// The count as in the text, `text@start-end` (code points into the document).
    pub span: String,
    /// Who gives it: the attributed source's name (English when linked), else the outlet.
    pub source: String,
    /// The attributed source's catalogue id, when linked.
    pub source_id: Option<String>,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's publication date.
    pub published: Option<String>,
    /// The event (`<document id>-<n>`, as the event exports write it).
    pub event_id: String,
}

/// The figures of one kind in one story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRange {
    /// `killed`, `wounded` or `troops`.
    pub kind: &'static str,
    /// Smallest and largest number given (a range's ends; "about 200" and "dozens" as their
    /// value).
    pub min: f64,
    /// See `min`.
    pub max: f64,
    /// How many sources give one.
    pub sources: usize,
    /// True when two sources give figures that cannot both be true.
    pub sources_disagree: bool,
}

/// A story's figures: every figure with its source, and per kind the range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryFigures {
    /// The story id (`story` of the event exports).
    pub story: i64,
    /// Per kind (killed, troops, wounded), the range and whether the sources disagree.
    pub ranges: Vec<FigureRange>,
    /// Every figure, by kind, then smallest first.
    pub figures: Vec<Figure>,
}

impl StoryFigures {
    /// The range of one kind (`killed`), if the story has figures of it.
    pub fn range(&self, kind: &str) -> Option<&FigureRange> {
        self.ranges.iter().find(|r| r.kind == kind)
    }
}

/// The figure an event gives, if any (`doc_id`, `idx`: its document and index).
pub fn figure_of(ev: &Event, event_id: String, outlet: Option<&str>, published: Option<&str>) -> Option<Figure> {
    if ev.background || !matches!(ev.status, Status::Reported | Status::Claimed) {
        return None;
    }
    let q = ev.quantity.as_ref()?;
    let kind = if ev.fatalities.is_some() { "killed" } else { figure_kind(q.unit.as_deref()?)?.0 };
    let (low, high) = match q.bound {
        Bound::Exact if q.approx => (q.value * 0.9, Some(q.value * 1.1)),
        Bound::Exact => (q.value, Some(q.value)),
        Bound::AtLeast => (q.value, None),
        Bound::AtMost => (0.0, Some(q.value)),
        Bound::Range => (q.min.unwrap_or(q.value), q.max),
    };
    let linked = ev.source.as_ref().filter(|s| s.id.is_some());
    let source = linked
        .and_then(|s| s.name.clone())
        .or_else(|| ev.source.as_ref().map(|s| s.span.text.clone()))
        .or_else(|| outlet.map(str::to_string))
        .unwrap_or_default();
    Some(Figure {
        kind,
        value: q.value,
        bound: q.bound.as_str(),
        approx: q.approx,
        low,
        high,
        span: format!("{}@{}-{}", q.text, q.start, q.end),
        source,
        source_id: linked.and_then(|s| s.id.clone()),
        outlet: outlet.map(str::to_string),
        published: published.map(str::to_string),
        event_id,
    })
}

impl Figure {
    /// The largest number the report gives: the upper end of a stated range ("between 5 and 8"),
    /// else the value (a vague "dozens" gives 10, as ACLED counts it, not its 99).
    fn given_max(&self) -> f64 {
        match (self.bound, self.approx, self.high) {
            ("range", false, Some(h)) => h.max(self.value),
            _ => self.value,
        }
    }
}

/// Whether two figures' intervals meet.
fn compatible(a: &Figure, b: &Figure) -> bool {
    let meets = |x: &Figure, y: &Figure| x.high.is_none_or(|h| y.low <= h + 1e-9);
    meets(a, b) && meets(b, a)
}

/// The source a figure is counted under: its catalogue id, else its name, case-folded.
fn source_key(f: &Figure) -> String {
    f.source_id.clone().unwrap_or_else(|| f.source.to_lowercase())
}

/// A story's figures summed up: duplicates (one document giving one number twice) dropped, the
/// ranges per kind computed.
pub fn summarize(story: i64, mut figures: Vec<Figure>) -> StoryFigures {
    figures.sort_by(|a, b| a.kind.cmp(b.kind).then(a.value.total_cmp(&b.value)).then(a.event_id.cmp(&b.event_id)));
    let doc = |f: &Figure| f.event_id.rsplit_once('-').map_or(f.event_id.clone(), |(d, _)| d.to_string());
    figures.dedup_by(|b, a| a.kind == b.kind && a.value == b.value && a.bound == b.bound && doc(a) == doc(b));
    let mut by_kind: BTreeMap<&'static str, Vec<&Figure>> = BTreeMap::new();
    for f in &figures {
        by_kind.entry(f.kind).or_default().push(f);
    }
    let ranges = by_kind
        .into_iter()
        .map(|(kind, fs)| {
            let mut keys: Vec<String> = fs.iter().map(|f| source_key(f)).collect();
            keys.sort();
            keys.dedup();
            let disagree =
                fs.iter().enumerate().any(|(i, a)| fs[i + 1..].iter().any(|b| source_key(a) != source_key(b) && !compatible(a, b)));
            FigureRange {
                kind,
                min: fs.iter().map(|f| f.value).fold(f64::INFINITY, f64::min),
                max: fs.iter().map(|f| f.given_max()).fold(f64::NEG_INFINITY, f64::max),
                sources: keys.len(),
                sources_disagree: disagree,
            }
        })
        .collect();
    StoryFigures { story, ranges, figures }
}

/// The figures of these stories (all stories with `None`), by story id; a story without figures
/// is absent. One query over the stories' events that have a count.
pub fn story_figures(store: &Store, stories: Option<&[i64]>) -> Result<HashMap<i64, StoryFigures>, StoreError> {
    let filter = match stories {
        Some([]) => return Ok(HashMap::new()),
        Some(ids) => format!(" AND e.story IN ({})", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")),
        None => String::new(),
    };
    let sql = format!(
        "SELECT e.story, d.id, e.idx, e.record, d.outlet, d.published FROM events e JOIN documents d ON d.rowid = e.doc
         WHERE e.quantity IS NOT NULL{filter} ORDER BY e.story, e.rowid"
    );
    let mut st = store.conn().prepare(&sql)?;
    let mut rows = st.query([])?;
    let mut found: BTreeMap<i64, Vec<Figure>> = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let ev: Event = serde_json::from_str(&r.get::<_, String>(3)?)?;
        let (outlet, published): (Option<String>, Option<String>) = (r.get(4)?, r.get(5)?);
        let id = format!("{}-{}", r.get::<_, String>(1)?, r.get::<_, i64>(2)?);
        if let Some(f) = figure_of(&ev, id, outlet.as_deref(), published.as_deref()) {
            found.entry(r.get(0)?).or_default().push(f);
        }
    }
    Ok(found.into_iter().map(|(story, fs)| (story, summarize(story, fs))).collect())
}

/// The figures of one story (`None` when it has none): for the web app's story view.
pub fn figures_of_story(store: &Store, story: i64) -> Result<Option<StoryFigures>, StoreError> {
    Ok(story_figures(store, Some(&[story]))?.remove(&story))
}

/// The figures of the stories of one document's events (document id as stored), by event index,
/// for the stories whose figures come from two sources or more: the reader shows, beside an
/// event, who else gave which number.
pub fn figures_of_document(store: &Store, doc: &str) -> Result<BTreeMap<i64, StoryFigures>, StoreError> {
    let mut st = store.conn().prepare("SELECT e.idx, e.story FROM events e JOIN documents d ON d.rowid = e.doc WHERE d.id = ?1")?;
    let pairs: Vec<(i64, i64)> = st.query_map([doc], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    let mut stories: Vec<i64> = pairs.iter().map(|p| p.1).collect();
    stories.sort_unstable();
    stories.dedup();
    let mut figures = story_figures(store, Some(&stories))?;
    figures.retain(|_, f| f.ranges.iter().any(|r| r.sources >= 2));
    Ok(pairs.into_iter().filter_map(|(idx, story)| figures.get(&story).map(|f| (idx, f.clone()))).collect())
}

#[cfg(test)]
#[path = "contested_tests.rs"]
mod tests;

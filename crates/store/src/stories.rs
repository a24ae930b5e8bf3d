//! Stories: the events of one real-world occurrence across documents and outlets.
//!
//! An event is compared with each candidate story as a whole, never with one member:
//!
//! - **Window.** A story has an anchor day, the day of its first event; an event may join only
//!   when its own day (its date, else its document's publication day) is at most
//!   [`WINDOW_DAYS`] from that anchor, and its document's publication day at most
//!   [`WINDOW_DAYS`] from that of the story's first document, so no story spans more than
//!   `2 × WINDOW_DAYS` (6) days, by event days or by publication days. A force event whose text
//!   dates it to the day joins only within [`DATED_FORCE_DAYS`] of the anchor: a battle for one
//!   town goes on for days, and its capture is not the skirmish of three days before.
//! - **Type family.** Only events of one family meet ([`family`]): ASSAULT with COERCE (an
//!   abduction or a capture is typed either way by different outlets), CONSULT with AGREE,
//!   SUPPORT and COOPERATE, and so on.
//! - **Evidence weighted by specificity** ([`Evidence`]): a town or village 3, a city 2, a
//!   capital 1.5, a governorate or region 1, a person, an armed group or a militia 2, a matching
//!   count or death toll 2, a state, government or international organization 0.5 (so a
//!   country-level actor alone never joins, nor does one name or one number alone), the same actor-and-target pair 1.5 (verbal types) or 0.5 (force), the same day 0.5.
//!   A story keeps the evidence keys of all its members with their counts; a key seen in fewer
//!   than a fifth of a large story's events counts half (the story's core decides), and so does
//!   a key that [`COMMON`] or more stories of the window hold twice or more (it is common these
//!   days; stories of one event, which a fragmented occurrence leaves, do not count). An event
//!   joins the best story scoring at least [`JOIN_SCORE`]; force events (ASSAULT, COERCE) also
//!   need a place or a number to agree (or the same attacker and target within a day, or rare
//!   headline words within a day: [`HEADLINE_ANCHOR`]), and an event whose town lies more than
//!   [`crate::STORY_KM`] from the story's is refused.
//! - **Talks are their parties** ([`other_meeting`]): an event of a verbal family naming both
//!   parties is refused by a story of [`KNOWN_PARTIES`] documents or more that holds neither
//!   their pair nor one of them (a host's talks with another guest, the same day in the same city).
//! - **Statements are their speakers'** ([`SPEAKER_FAMILIES`], [`speaker_side`]): a call, an
//!   accusation or a sanction by another side than the story's (a president and his state are one
//!   side; the Arab League another) is refused, however alike its target, words and day.
//! - **Near-duplicates first.** An event of a document that is a near-duplicate of an earlier one
//!   joins the story of that document's event of the same family and window, whatever the score.
//! - **Joining before starting** ([`Pass`]): a document's events that join other documents'
//!   stories are placed first; the rest then may join those stories through what they brought
//!   (the document's parties and headline words) before any starts a story of its own.
//!
//! Candidates come from one index range per evidence key (`story_keys`: key, family, anchor
//! day), so the cost per event does not grow with the store; headline words are kept once per
//! document and story (`story_heads`) and read from the writer's in-memory index
//! ([`crate::heads`]), so a document with many events does its headline work once. A story's
//! record (`stories`) keeps its anchor, first and latest report, member and document counts;
//! `story_outlets` keeps its outlets and whether each wrote its own text, from which
//! [`source_counts`] gives the number of outlets that did not merely republish another's text.

use std::collections::HashMap;

use rasad_kb::{ActorType, Kb};
use rasad_model::{Event, EventType, GeoPrecision};
use rusqlite::{params, Transaction};

use crate::{haversine_km, Store, StoreError, STORY_KM};

/// Days either side of a story's anchor (the day of its first event) within which an event may
/// join it.
pub const WINDOW_DAYS: i64 = 3;
/// Evidence score from which an event joins a story.
pub const JOIN_SCORE: f64 = 3.0;
/// Stories of the window holding a key twice or more from which it counts half.
pub const COMMON: usize = 4;
/// Most that headline words add to a score together: short of [`JOIN_SCORE`], so a headline
/// alone never joins; with one more agreeing party or the same day it does.
pub const HEADLINE_CAP: f64 = 2.5;
/// Days between an event and a story's anchor within which headline words count.
pub const HEADLINE_DAYS: i64 = 1;
/// Headline words shared with a story (their weights added, after halving) from which they place
/// a force event as a town would: outlets that name one arrest or one raid with the same rare
/// words within a day (الكويت تضبط شبكة إرهابية تابعة لداعش، ضبط شبكة إرهابية تنتمي لداعش) report
/// one occurrence even when none of them names a town, unless the event and the story act for
/// two states ([`state_side`]: another state's arrest under the same words is another).
pub const HEADLINE_ANCHOR: f64 = 1.5;
/// Days between a force event dated by its own text and a story's anchor within which it may
/// join: the fighting at one place goes on for days, and each day's attack or capture is an
/// occurrence of its own (outlets date one attack alike, give or take a night).
pub const DATED_FORCE_DAYS: i64 = 1;
/// Estimated Jaccard similarity (word shingles) from which a near-duplicate of another outlet's
/// document is a republication of its text, not a report of the outlet's own.
pub const REPUBLISHED: f64 = 0.5;
/// The candidate look-up per evidence key: at most 16 stories per key from the event's day on
/// ([`BY_KEY_AFTER`]) and 16 before it, the nearest days first, so that a key held by many
/// stories of the window (ISIS in a week of the war) still finds the stories of the event's own
/// day. Its bounds are computed once per event ([`shift_day`]) and its limit is a literal: SQLite
/// re-prepares a statement whose `LIMIT` is a bound parameter each time it is bound anew.
const BY_KEY_BEFORE: &str =
    "SELECT story, count FROM story_keys WHERE key = ?1 AND family = ?2 AND day >= ?3 AND day < ?4 ORDER BY day DESC LIMIT 16";
/// The look-up of [`BY_KEY_BEFORE`] from the event's day to the window's end.
const BY_KEY_AFTER: &str =
    "SELECT story, count FROM story_keys WHERE key = ?1 AND family = ?2 AND day >= ?3 AND day <= ?4 ORDER BY day ASC LIMIT 16";

/// `RASAD_DEBUG_STORIES` set: each event's evidence and its candidate stories' scores are printed
/// to standard error while storing (`STORYDBG` lines), to see why reports of one occurrence stay apart.
static DEBUG: std::sync::LazyLock<bool> = std::sync::LazyLock::new(|| std::env::var_os("RASAD_DEBUG_STORIES").is_some());

/// Days since 1970-01-01 of a `YYYY-MM-DD` day as SQLite's `date()` reads it (month 1–12, day
/// 1–31; a day past the month's end runs into the next), or `None`.
pub(crate) fn day_number(day: &str) -> Option<i64> {
    let b = day.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        b[r].iter().try_fold(0i64, |n, c| c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0')))
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm), the day added linearly.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` of a day number of [`day_number`].
pub(crate) fn day_string(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `day` moved by `n` days, as SQLite's `date(day, '+n days')` gives it; `None` for a day it
/// cannot read.
pub(crate) fn shift_day(day: &str, n: i64) -> Option<String> {
    day_number(day).map(|z| day_string(z + n))
}

/// The family of a type: types one occurrence may be reported as by different outlets.
pub fn family(t: EventType) -> &'static str {
    use EventType::*;
    match t {
        Assault | Coerce => "force",
        Mobilize => "mobilize",
        Protest => "protest",
        Sanction | Reject => "sanction",
        Agree | Consult | Support | Cooperate => "cooperate",
        Concede | Retreat => "concede",
        Aid => "aid",
        Request => "request",
        Accuse | Threaten => "accuse",
    }
}

/// Weight of a linked actor or target by its kind in the catalogue (0 for sources that are not
/// parties: media and monitors; 1 for an id the catalogue does not know).
pub fn actor_weight(id: &str) -> f64 {
    match Kb::builtin().actor(id).map(|a| a.kind) {
        Some(ActorType::Person | ActorType::ArmedGroup | ActorType::Militia) => 2.0,
        Some(ActorType::Other) => 1.5,
        Some(ActorType::Military) => 1.0,
        Some(ActorType::State | ActorType::Government | ActorType::Igo) => 0.5,
        Some(ActorType::Media | ActorType::Monitor) => 0.0,
        None => 1.0,
    }
}

/// Weight of a linked place: a town, village, base or crossing 3, a city 2, a capital 1.5, an
/// area (district, governorate, region) 1, a country 0. Cities hold many occurrences a day, and a
/// governorate (منطقة عسير، محافظة إدلب) more.
pub fn place_weight(id: &str, precision: Option<GeoPrecision>) -> f64 {
    match precision {
        Some(GeoPrecision::Exact) => match Kb::builtin().place(id).map(|p| p.feature.as_str()) {
            Some("capital") => 1.5,
            Some("city") => 2.0,
            _ => 3.0,
        },
        Some(GeoPrecision::Admin) => 1.0,
        _ => 0.0,
    }
}

/// Types of a statement about another occurrence: a condemnation, a welcome or a condolence
/// (أدانت الكويت التفجير الذي استهدف مسجدا، روسيا تعرب عن تعازيها). A document whose lead states
/// one of these first is a reaction ([`is_reaction`]). Calls, threats and refusals
/// are left out: a party's threat after an attack (أوغلو يتوعد داعش بعد تفجير سروج) heads reports
/// of the attack too.
pub const REACTION_TYPES: &[EventType] = &[EventType::Accuse, EventType::Support];

/// Sentences of a document's start read as its lead: the headline (its first line) and the
/// sentence after it.
pub const LEAD_SENTENCES: usize = 2;

/// True when a document reacts to an occurrence instead of reporting it: in the first of its
/// first [`LEAD_SENTENCES`] sentences that states an event (any mention of one), the first event
/// is of [`REACTION_TYPES`] (كبار العلماء تدين العمل الإجرامي الذي استهدف مسجدا). Its force events
/// name the occurrence it reacts to (العمل الإرهابي الذي استهدف مسجدا، نتج عنه استشهاد عشرة):
/// they are its events still, but they do not make the document one of that occurrence's reports
/// ([`assign`] gives them a story of their own). `sentences`: the document's sentence spans in
/// code points, in order.
pub fn is_reaction(events: &[Event], sentences: &[(usize, usize)]) -> bool {
    for &(start, end) in sentences.iter().take(LEAD_SENTENCES) {
        // The first (trigger start, type) of the mentions in the sentence.
        let first = events
            .iter()
            .flat_map(|e| std::iter::once(&e.trigger).chain(e.mentions.iter().map(|m| &m.trigger)).map(move |t| (t.start, e.kind)))
            .filter(|&(s, _)| start <= s && s < end)
            .min_by_key(|&(s, _)| s);
        if let Some((_, kind)) = first {
            return REACTION_TYPES.contains(&kind);
        }
    }
    false
}

/// Families whose occurrence is its speaker's: a call, an accusation, a sanction, a concession
/// or a gift by one party is another occurrence when another party makes it, however alike the
/// words, the target and the day (the Arab League's call on the Houthis to respect a truce is not
/// the Yemeni president's of the same evening). Talks (`cooperate`) are their pair of parties
/// instead ([`other_meeting`]); force, movements and protests are their place.
pub const SPEAKER_FAMILIES: &[&str] = &["request", "accuse", "sanction", "concede", "aid"];

/// The side a linked actor speaks for, as stories compare speakers: a state, its government,
/// military and the persons serving them (by their affiliation) speak for the country (its ISO
/// code: `YEM` for اليمن، الحكومة اليمنية، الرئيس هادي); any other actor (an armed group, an
/// international organization, a party, a person of none of these) for itself, or the actor it
/// is part of. An id the catalogue does not know is its own side.
pub fn speaker_side(id: &str) -> String {
    if let Some(c) = state_side(id) {
        return c;
    }
    let Some(a) = Kb::builtin().actor(id) else { return id.to_string() };
    if let (ActorType::Person, Some(f)) = (a.kind, &a.affiliation) {
        return f.clone();
    }
    a.parent.clone().unwrap_or_else(|| a.id.clone())
}

/// The state a linked actor acts for: the country (ISO code) of a state, its government or
/// military, or of a person serving one of them; `None` for any other actor or an unknown id.
pub fn state_side(id: &str) -> Option<String> {
    let kb = Kb::builtin();
    let a = kb.actor(id)?;
    let official = |k: ActorType| matches!(k, ActorType::State | ActorType::Government | ActorType::Military);
    let country = |a: &rasad_kb::Actor| a.country.clone().filter(|_| official(a.kind));
    country(a).or_else(|| {
        if a.kind == ActorType::Person {
            a.affiliation.as_deref().and_then(|f| kb.actor(f)).and_then(country)
        } else {
            None
        }
    })
}

/// What an event brings to a story: its evidence keys with their weights, its place and day.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// `(key, weight)`: `a:ID` actor or target, `p:ID` place, `q:VALUE:UNIT` count, `f:N` deaths,
    /// `d:A|B` the pair of first actor and first target, in code order; `h:TERM` a headline word.
    pub keys: Vec<(String, f64)>,
    /// Latitude and longitude of a town-level place, in degrees.
    pub located: Option<(f64, f64)>,
    /// The anchor day, YYYY-MM-DD.
    pub day: String,
    /// [`family`] of the type.
    pub family: &'static str,
    /// True when the day is the event's own, read from its text at day precision (not its
    /// document's publication day).
    pub dated: bool,
    /// [`speaker_side`] of its first linked actor, for the families of [`SPEAKER_FAMILIES`]; for a
    /// force event the [`state_side`] of its first linked actor, which rare headline words alone
    /// do not join to another state's (the story keeps it in the same column).
    pub speaker: Option<String>,
}

impl Evidence {
    /// The evidence of `ev` anchored on `day` (YYYY-MM-DD).
    pub fn of(ev: &Event, day: &str) -> Evidence {
        let mut keys: Vec<(String, f64)> = Vec::new();
        let mut add = |k: String, w: f64| {
            if w > 0.0 && !keys.iter().any(|(x, _)| *x == k) {
                keys.push((k, w));
            }
        };
        let force = family(ev.kind) == "force";
        for a in ev.actors.iter().chain(&ev.targets) {
            if let Some(id) = &a.link.id {
                add(format!("a:{id}"), actor_weight(id));
            }
        }
        // The pair of parties, order-free: one outlet's host is another's guest (كيري يلتقي شكري،
        // شكري يستقبل كيري), and one's victim the other's target.
        let first = |l: &[rasad_model::Arg]| l.iter().find_map(|a| a.link.id.clone());
        if let (Some(a), Some(t)) = (first(&ev.actors), first(&ev.targets)) {
            if a != t {
                let (x, y) = if a < t { (a, t) } else { (t, a) };
                add(format!("d:{x}|{y}"), if force { 0.5 } else { 1.5 });
            }
        }
        let mut located = None;
        for p in &ev.places {
            let Some(id) = &p.link.id else { continue };
            let w = place_weight(id, p.link.geo_precision);
            if p.link.geo_precision == Some(GeoPrecision::Exact) && located.is_none() {
                located = p.link.lat.zip(p.link.lon);
            }
            add(format!("p:{id}"), w);
        }
        // A death toll is keyed by its number alone, whatever its noun (مقتل 15 شخصا، 15 قتيلا،
        // استشهاد 15 من رجال الأمن); another count by its number and unit. A toll that is the
        // quantity itself is one piece of evidence, not two.
        let toll = ev.fatalities.filter(|f| *f >= 2.0);
        if let Some(f) = toll {
            add(format!("f:{f}"), 2.0);
        }
        if let Some(q) = ev.quantity.as_ref().filter(|q| q.value >= 2.0 && toll != Some(q.value)) {
            add(format!("q:{}:{}", q.value, q.unit.as_deref().unwrap_or("")), 2.0);
        }
        let dated = ev.date.as_ref().and_then(|d| d.value.as_deref()).is_some_and(|v| v == day);
        let fam = family(ev.kind);
        let speaker = if SPEAKER_FAMILIES.contains(&fam) {
            first(&ev.actors).map(|id| speaker_side(&id))
        } else if force {
            first(&ev.actors).and_then(|id| state_side(&id))
        } else {
            None
        };
        Evidence { keys, located, day: day.to_string(), family: fam, dated, speaker }
    }

    /// Adds the document's headline words (`h:TERM`, weights in [0, 1]); together they count at
    /// most [`HEADLINE_CAP`] in a score.
    pub fn with_headline(mut self, words: &[(String, f64)]) -> Evidence {
        for (t, w) in words {
            let k = format!("h:{t}");
            if *w > 0.0 && !self.keys.iter().any(|(x, _)| *x == k) {
                self.keys.push((k, *w));
            }
        }
        self
    }

    /// The weight of one of its keys.
    fn weight(&self, key: &str) -> Option<f64> {
        self.keys.iter().find(|(k, _)| k == key).map(|(_, w)| *w)
    }

    /// True for keys that place or count the occurrence (what a force event needs to agree on).
    fn anchors(key: &str) -> bool {
        key.starts_with("p:") || key.starts_with("q:") || key.starts_with("f:")
    }
}

/// A candidate story as the look-up found it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidate {
    /// Story id.
    pub story: i64,
    /// Its anchor day, YYYY-MM-DD.
    pub day: String,
    /// Its events so far.
    pub members: i64,
    /// Its documents so far.
    pub documents: i64,
    /// Its town-level place, in degrees.
    pub located: Option<(f64, f64)>,
    /// The event's keys found in the story, with how many of its events have each (of its
    /// documents, for a headline word: `h:` keys are kept once per document and story).
    pub shared: Vec<(String, i64)>,
    /// The shared keys that [`COMMON`] or more stories of the window hold twice or more.
    pub common: Vec<String>,
    /// True when a near-duplicate of the event's document has an event in it.
    pub near_duplicate: bool,
    /// Days between its anchor and the event's day.
    pub apart: i64,
    /// Its speaker ([`speaker_side`]), for a story of [`SPEAKER_FAMILIES`] whose events named one;
    /// for a force story, the [`state_side`] of the first event that named a state's actor.
    pub speaker: Option<String>,
}

/// The evidence score of `ev` against a story: the weights of the keys they share (half for a
/// key outside a large story's core) and 0.5 for the same day. `None` when refused: places more
/// than [`STORY_KM`] apart, or a force event with neither place nor number agreeing (nor the
/// same attacker and target within a day, nor [`HEADLINE_ANCHOR`] of headline words).
pub fn score(ev: &Evidence, c: &Candidate) -> Option<f64> {
    if refused(ev, c) {
        return None;
    }
    // Another state's arrest or strike is not placed by the same headline words (البحرين تضبط
    // شبكة إرهابية، الكويت تضبط شبكة إرهابية).
    let other_side = other_side(ev, c);
    let (mut total, mut headline) = (0.0, 0.0);
    let mut anchored = false;
    for (k, count) in &c.shared {
        let Some(w) = ev.weight(k) else { continue };
        // Headline words count documents, the other keys events.
        let of = if k.starts_with("h:") { c.documents } else { c.members };
        let core = of < 5 || count * 5 >= of;
        let half = !core || c.common.iter().any(|x| x == k);
        let w = if half { w / 2.0 } else { w };
        if k.starts_with("h:") {
            headline += w;
        } else {
            total += w;
        }
        // The same attacker and target within a day place an air campaign's strike or a security
        // sweep as a town does (تركيا تقصف داعش في سوريا، الكويت تضبط خلية لداعش: the country alone).
        anchored |= Evidence::anchors(k) || (k.starts_with("d:") && c.apart <= DATED_FORCE_DAYS);
    }
    // Headlines name an occurrence alike for a day or so; later, the same words name its sequels.
    if c.apart <= HEADLINE_DAYS {
        total += headline.min(HEADLINE_CAP);
        anchored |= headline >= HEADLINE_ANCHOR && !other_side;
    }
    if ev.family == "force" && (!anchored || (ev.dated && c.apart > DATED_FORCE_DAYS)) {
        return None;
    }
    if c.day == ev.day {
        total += 0.5;
    }
    Some(total)
}

/// True when `ev` may not join the story `c` whatever their evidence, a near-duplicate's too:
/// their towns lie more than [`STORY_KM`] apart (two copies of one wire text, each about another
/// town), it is another meeting ([`other_meeting`]), or another party's statement.
fn refused(ev: &Evidence, c: &Candidate) -> bool {
    if let (Some((a, b)), Some((x, y))) = (ev.located, c.located) {
        if haversine_km(a, b, x, y) > STORY_KM {
            return true;
        }
    }
    other_meeting(ev, c) || (other_side(ev, c) && ev.family != "force")
}

/// True when the event and the story name two different speakers (or, for force, two states).
fn other_side(ev: &Evidence, c: &Candidate) -> bool {
    matches!((&ev.speaker, &c.speaker), (Some(a), Some(b)) if a != b)
}

/// Documents from which a story of talks is known by its parties ([`other_meeting`]).
pub const KNOWN_PARTIES: i64 = 3;

/// True when `ev`, of a verbal family, names both parties (a `d:` pair) and a story of
/// [`KNOWN_PARTIES`] documents or more shares neither the pair nor one of the two: the host's
/// talks with another guest (خادم الحرمين يستقبل جعجع، then … يستقبل وزير الدفاع الأمريكي in the
/// same city on the same day) are another occurrence, however often the host and the city agree.
fn other_meeting(ev: &Evidence, c: &Candidate) -> bool {
    if ev.family == "force" || c.documents < KNOWN_PARTIES {
        return false;
    }
    // The story's shared keys of one kind (`a:`, `d:`), read without their prefix.
    let has = |kind: &str, id: &str| c.shared.iter().any(|(x, _)| x.strip_prefix(kind) == Some(id));
    ev.keys.iter().filter_map(|(k, _)| k.strip_prefix("d:")).any(|pair| {
        let (x, y) = pair.split_once('|').unwrap_or((pair, ""));
        !has("d:", pair) && (!has("a:", x) || !has("a:", y))
    })
}

/// A key of an event found in a candidate story.
struct Shared {
    /// Its index in the event's [`Evidence::keys`].
    key: usize,
    /// The story's events (documents, for a headline word) with it.
    count: i64,
    /// True when [`COMMON`] or more stories of the window hold it twice or more.
    common: bool,
}

/// A candidate story as the look-ups found it, before its record is read.
#[derive(Default)]
struct Found {
    /// True when a near-duplicate of the event's document has an event in it.
    near_duplicate: bool,
    /// The event's keys it shares.
    shared: Vec<Shared>,
}

/// True when a story sharing the keys `shared` (with their member counts) could score
/// [`JOIN_SCORE`]: every key in full, the headline words up to their cap, the same day (the most
/// [`score`] can give), and for a force event a place or a number among them. A story that could
/// not needs no record read.
fn within_reach(ev: &Evidence, shared: &[Shared]) -> bool {
    let (mut total, mut headline) = (0.0, 0.0);
    let mut anchored = false;
    for s in shared {
        let (k, w) = (&ev.keys[s.key].0, ev.keys[s.key].1);
        if k.starts_with("h:") {
            headline += w;
        } else {
            total += w;
        }
        anchored |= Evidence::anchors(k) || k.starts_with("d:");
    }
    anchored |= headline >= HEADLINE_ANCHOR;
    (ev.family != "force" || anchored) && total + headline.min(HEADLINE_CAP) + 0.5 >= JOIN_SCORE
}

/// The story `ev` joins among `cands`: a near-duplicate's story first (unless [`refused`]: another
/// town, meeting or speaker), else the best score of at least [`JOIN_SCORE`] (ties to the older
/// story).
pub fn choose(ev: &Evidence, cands: &[Candidate]) -> Option<i64> {
    if let Some(c) = cands.iter().filter(|c| c.near_duplicate && !refused(ev, c)).max_by_key(|c| (c.shared.len(), -c.story)) {
        return Some(c.story);
    }
    let mut best: Option<(f64, i64)> = None;
    for c in cands {
        if let Some(s) = score(ev, c).filter(|s| *s >= JOIN_SCORE) {
            if best.is_none_or(|(b, id)| s > b || (s == b && c.story < id)) {
                best = Some((s, c.story));
            }
        }
    }
    best.map(|(_, s)| s)
}

/// The document an event comes from, as the story record needs it.
pub(crate) struct DocInfo<'a> {
    /// Row id.
    pub rowid: i64,
    /// The first document of its near-duplicate cluster (itself when it has none).
    pub dup_of: i64,
    /// Its estimated Jaccard similarity to a document of that cluster (`None` when it has none).
    pub similarity: Option<f64>,
    /// Outlet, if known.
    pub outlet: Option<&'a str>,
    /// Publication day, YYYY-MM-DD.
    pub published: Option<&'a str>,
    /// Its salient headline words with their weights in [0, 1] ([`crate::headline::weigh`]).
    pub headline: &'a [(String, f64)],
    /// The stories its events stored so far are in (a document counts once per story).
    pub stories: Vec<i64>,
    /// The writer's index of stories' headline words.
    pub heads: &'a mut crate::heads::Heads,
    /// True when the document reacts to an occurrence ([`is_reaction`]): its force events get
    /// stories of their own.
    pub reaction: bool,
}

/// Finds the candidate stories of `ev` (index look-ups only) and the one it joins, with its
/// anchor day (its family is the event's: candidates are of the event's family only).
fn find(tx: &Transaction, ev: &Evidence, doc: &mut DocInfo) -> Result<Option<(i64, String)>, StoreError> {
    // The window's bounds, as `date(day, '∓3 days')` would give them (none: no candidates).
    let Some(day) = day_number(&ev.day) else { return Ok(None) };
    let (lo, hi) = (day_string(day - WINDOW_DAYS), day_string(day + WINDOW_DAYS));
    let mut found: HashMap<i64, Found> = HashMap::new();
    if doc.dup_of != doc.rowid {
        // Family and window compared here: a parameter compared outside the index would make
        // SQLite re-prepare the statement at each use.
        let mut st = tx.prepare_cached(
            "SELECT DISTINCT s.rowid, s.family, s.day FROM events e JOIN stories s ON s.rowid = e.story WHERE e.doc = ?1",
        )?;
        let rows: Vec<(i64, String, String)> =
            st.query_map(params![doc.dup_of], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
        for (id, family, day) in rows {
            if family == ev.family && lo <= day && day <= hi {
                found.insert(id, Found { near_duplicate: true, shared: Vec::new() });
            }
        }
    }
    let (mut before, mut after) = (tx.prepare_cached(BY_KEY_BEFORE)?, tx.prepare_cached(BY_KEY_AFTER)?);
    if ev.keys.iter().any(|(k, _)| k.starts_with("h:")) {
        doc.heads.window(tx, day - WINDOW_DAYS, day + WINDOW_DAYS)?;
    }
    for (i, (k, _)) in ev.keys.iter().enumerate() {
        // Headline words from the writer's index (documents per story), the others by index range
        // (events per story).
        let hits: Vec<(i64, i64)> = match k.strip_prefix("h:") {
            Some(word) => doc.heads.stories(word, ev.family, day - WINDOW_DAYS, day + WINDOW_DAYS),
            None => {
                let mut hits = Vec::new();
                for (st, a, b) in [(&mut after, &ev.day, &hi), (&mut before, &lo, &ev.day)] {
                    let mut rows = st.query(params![k, ev.family, a, b])?;
                    while let Some(r) = rows.next()? {
                        hits.push((r.get(0)?, r.get(1)?));
                    }
                }
                hits
            }
        };
        // Stories of one event do not make a key common: a fragmented occurrence would make its own
        // keys common and keep its reports apart.
        let common = hits.iter().filter(|h| h.1 >= 2).count() >= COMMON;
        for (story, count) in hits {
            found.entry(story).or_default().shared.push(Shared { key: i, count, common });
        }
    }
    // Only near-duplicates' stories and those the shared keys could join are read.
    found.retain(|_, c| c.near_duplicate || within_reach(ev, &c.shared));
    if found.is_empty() {
        return Ok(None);
    }
    let mut rec = tx.prepare_cached("SELECT day, events, documents, lat, lon, pub_day, speaker FROM stories WHERE rowid = ?1")?;
    let (ev_day, published) = (Some(day), doc.published.map(day_number));
    let mut cands: Vec<Candidate> = Vec::with_capacity(found.len());
    for (story, f) in found {
        let mut c = Candidate {
            story,
            near_duplicate: f.near_duplicate,
            shared: f.shared.iter().map(|s| (ev.keys[s.key].0.clone(), s.count)).collect(),
            common: f.shared.iter().filter(|s| s.common).map(|s| ev.keys[s.key].0.clone()).collect(),
            ..Default::default()
        };
        type Record = (String, i64, i64, Option<f64>, Option<f64>, Option<String>, Option<String>);
        let (day, members, documents, lat, lon, pub_day, speaker): Record =
            rec.query_row(params![c.story], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))?;
        // The publication window: the story's first document within WINDOW_DAYS of this one's.
        if let (Some(p), Some(q)) = (pub_day.as_deref(), published) {
            match (day_number(p), q) {
                (Some(p), Some(q)) if (p - q).abs() <= WINDOW_DAYS => {}
                _ => continue,
            }
        }
        c.apart = match (day_number(&day), ev_day) {
            (Some(a), Some(b)) => (a - b).abs(),
            _ => WINDOW_DAYS,
        };
        c.day = day;
        c.members = members;
        c.documents = documents;
        c.located = lat.zip(lon);
        c.speaker = speaker;
        cands.push(c);
    }
    cands.sort_by_key(|c| c.story);
    if *DEBUG {
        eprintln!("STORYDBG doc {} day {} fam {} keys {:?}", doc.rowid, ev.day, ev.family, ev.keys);
        for c in &cands {
            eprintln!(
                "STORYDBG   cand {} day {} m {} d {} score {:?} nd {} shared {:?} common {:?}",
                c.story,
                c.day,
                c.members,
                c.documents,
                score(ev, c),
                c.near_duplicate,
                c.shared,
                c.common
            );
        }
    }
    Ok(choose(ev, &cands).and_then(|id| cands.into_iter().find(|c| c.story == id)).map(|c| (c.story, c.day)))
}

/// The passes over a document's events ([`assign`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pass {
    /// Only join a story that exists; an event that joins none is left for [`Pass::Any`].
    Join,
    /// Join a story, else start one.
    Any,
}

/// Places event `event` (already inserted) in a story: an existing one it joins, else (in
/// [`Pass::Any`]) a new one with its own row id. Returns the story id, or `None` when
/// [`Pass::Join`] found none to join. Events without an anchor day get a story of their own.
///
/// A document's events are placed in two passes, the ones joining other documents' stories
/// first: when its first events started stories of their own, its later ones (talks, then the
/// agreement they reached) would join those, sharing the document's headline words in full, and
/// the document would stay apart from the occurrence's other reports.
pub(crate) fn assign(
    tx: &Transaction,
    event: i64,
    ev: &Event,
    day: Option<&str>,
    doc: &mut DocInfo,
    pass: Pass,
) -> Result<Option<i64>, StoreError> {
    // A headline names the news of its publication days: an event dated further from them (a
    // recalled attack, last month's meeting) takes no headline words, nor gives them to its story.
    let published = doc.published.and_then(day_number);
    let news = |d: &str| match (day_number(d), published) {
        (Some(a), Some(p)) => (a - p).abs() <= WINDOW_DAYS,
        _ => false,
    };
    // A reaction's force events name the occurrence it reacts to, not a report of it.
    let day = day.filter(|_| !(doc.reaction && family(ev.kind) == "force"));
    let evidence = day.map(|d| {
        let e = Evidence::of(ev, d);
        if news(d) {
            e.with_headline(doc.headline)
        } else {
            e
        }
    });
    let joined = match &evidence {
        // The second pass looks again only when the first one placed some of the document's
        // events: nothing else changed since.
        Some(e) if pass == Pass::Join || !doc.stories.is_empty() => find(tx, e, doc)?,
        _ => None,
    };
    if joined.is_none() && pass == Pass::Join {
        return Ok(None);
    }
    let story = joined.as_ref().map_or(event, |j| j.0);
    if *DEBUG {
        eprintln!("STORYDBG event {event} story {story}");
    }
    if joined.is_none() {
        let (day, family) = evidence.as_ref().map_or((None, family(ev.kind)), |e| (Some(e.day.as_str()), e.family));
        let (lat, lon) = (evidence.as_ref().and_then(|e| e.located).map(|l| l.0), evidence.as_ref().and_then(|e| e.located).map(|l| l.1));
        tx.prepare_cached(
            "INSERT INTO stories (rowid, family, day, pub_day, first_published, latest_published, events, documents, lat, lon)
             VALUES (?1, ?2, ?3, ?4, ?4, ?4, 0, 0, ?5, ?6)",
        )?
        .execute(params![story, family, day.unwrap_or(""), doc.published, lat, lon])?;
    }
    // A document counts once per story: its first event in the story adds it (a document's events
    // are all stored in one go, so the ones before are in `doc.stories`).
    let new_doc = !doc.stories.contains(&story);
    if new_doc {
        doc.stories.push(story);
    }
    tx.prepare_cached(
        "UPDATE stories SET events = events + 1, documents = documents + ?2,
             first_published = min(coalesce(first_published, ?3), coalesce(?3, first_published)),
             latest_published = max(coalesce(latest_published, ?3), coalesce(?3, latest_published)),
             lat = coalesce(lat, ?4), lon = coalesce(lon, ?5), speaker = coalesce(speaker, ?6)
         WHERE rowid = ?1",
    )?
    .execute(params![
        story,
        new_doc as i64,
        doc.published,
        evidence.as_ref().and_then(|e| e.located).map(|l| l.0),
        evidence.as_ref().and_then(|e| e.located).map(|l| l.1),
        evidence.as_ref().and_then(|e| e.speaker.as_deref())
    ])?;
    if let Some(e) = &evidence {
        // The story's family and anchor day: the event's own for a new story.
        let sday = joined.as_ref().map_or(e.day.as_str(), |j| j.1.as_str());
        let mut ins = tx.prepare_cached(
            "INSERT INTO story_keys (key, family, day, story, count) VALUES (?1, ?2, ?3, ?4, 1)
             ON CONFLICT (key, family, day, story) DO UPDATE SET count = count + 1",
        )?;
        for (k, _) in e.keys.iter().filter(|(k, _)| !k.starts_with("h:")) {
            ins.execute(params![k, e.family, sday, story])?;
        }
        // The headline words once per document and story.
        if new_doc && news(&e.day) {
            doc.heads.add(tx, sday, story, doc.rowid, e.family, doc.headline)?;
        }
    }
    if new_doc {
        // An outlet wrote its own text unless the document repeats another outlet's: a near-duplicate
        // sharing half of its shingles or more (a rewrite that keeps less is its own report).
        let copy = doc.dup_of != doc.rowid && doc.similarity.is_some_and(|x| x >= REPUBLISHED);
        let root_outlet: Option<String> = if !copy {
            None
        } else {
            tx.prepare_cached("SELECT outlet FROM documents WHERE rowid = ?1")?.query_row([doc.dup_of], |r| r.get(0))?
        };
        let own = !copy || (root_outlet.is_some() && root_outlet.as_deref() == doc.outlet);
        let outlet = doc.outlet.map_or_else(|| format!("#{}", doc.rowid), str::to_string);
        tx.prepare_cached(
            "INSERT INTO story_outlets (story, outlet, own) VALUES (?1, ?2, ?3)
             ON CONFLICT (story, outlet) DO UPDATE SET own = max(own, excluded.own)",
        )?
        .execute(params![story, outlet, own as i64])?;
    }
    Ok(Some(story))
}

/// Source counts per story: outlets that did not merely republish another outlet's text
/// (their document in the story is original, or a near-duplicate of their own earlier one), at
/// least 1. `only` limits the stories read (`None`: all). A story with no record (written before
/// stories were kept) counts its distinct outlets.
pub fn source_counts(store: &Store, only: Option<&[i64]>) -> Result<HashMap<i64, usize>, StoreError> {
    let filter = only.map(|ids| format!(" WHERE story IN ({})", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")));
    let sql = format!("SELECT story, sum(own) FROM story_outlets{} GROUP BY story", filter.unwrap_or_default());
    let mut st = store.conn().prepare(&sql)?;
    let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    let mut out = HashMap::new();
    for r in rows {
        let (story, n) = r?;
        out.insert(story, n.max(1) as usize);
    }
    Ok(out)
}

#[cfg(test)]
#[path = "stories_tests.rs"]
mod tests;

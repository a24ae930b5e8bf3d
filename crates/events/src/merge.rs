//! Restatements: one occurrence stated in several sentences (a headline and its body) becomes one
//! event keeping every mention.

use rasad_model::{Arg, Event, EventType, Quantity, Status};

pub(crate) fn linked_ids(e: &Event) -> impl Iterator<Item = &str> {
    e.actors.iter().chain(e.places.iter()).filter_map(|a| a.link.id.as_deref())
}

/// Restatements across sentences (a headline and its body; "وصل الآلاف" and "وصل نحو سبعة
/// آلاف") become one event keeping every mention: same type and status, at least one linked
/// actor or place in common, nothing in conflict (actors, targets, places, date, number), and
/// the same predicate: one of them in the headline (text before code point `headline`), the
/// same `lemma` (the lexicon row of the trigger; 0 for none), or the same linked targets. A
/// minister who warned and then threatened a veto made two statements.
pub fn merge_restatements(events: Vec<Event>, lemma: impl Fn(&Event) -> u32, headline: usize) -> Vec<Event> {
    // Candidates are found through (type, status, actor id) buckets, and only the most recent few
    // of a bucket are tried: restatements sit near each other, and the pass stays linear.
    const RECENT: usize = 24;
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    // Whether a headline event of `out` has already taken its body statement.
    let mut restated: Vec<bool> = Vec::with_capacity(events.len());
    let mut buckets: std::collections::HashMap<(EventType, Status, String), Vec<usize>> = std::collections::HashMap::new();
    // The headline's events that name no actor and link nothing (see `bare_headline` below).
    let mut bare_headlines: Vec<usize> = Vec::new();
    for e in events {
        let shares = |a: &Event| linked_ids(a).any(|x| linked_ids(&e).any(|y| x == y));
        let quantities_agree = |a: &Event| match (&a.quantity, &e.quantity) {
            (Some(x), Some(y)) => x.value == y.value || contains(x, y.value) || contains(y, x.value),
            _ => true,
        };
        // Across sentences the evidence must be stronger than within one: the same actors, and
        // the same targets or none on either side (two meetings of one minister stay two).
        let overlap = |x: &[Arg], y: &[Arg]| ids(x).iter().any(|i| ids(y).contains(i));
        // (Unlinked targets on both sides must share their words: قصف أحياء سكنية and, later, قصف
        // وحدة الاتصالات are two bombings.)
        let same_targets = |a: &Event| {
            (ids(&a.targets).is_empty() && ids(&e.targets).is_empty() && words_meet(&a.targets, &e.targets))
                || overlap(&a.targets, &e.targets)
        };
        let e_lemma = lemma(&e);
        // (A restatement of the same predicate may name no target: زيارة أوباما لكينيا, then تأتي
        // زيارة أوباما في وقت … is the same visit.)
        let fewer_targets = |a: &Event| e_lemma != 0 && lemma(a) == e_lemma && (a.targets.is_empty() || e.targets.is_empty());
        // (Taking a place, clearing it and advancing on it are acts of their own, not the fighting.)
        let capture = |x: &Event| match x.mode.as_deref() {
            Some("capture" | "clearing") => 1,
            Some("advance") => 2,
            _ => 0,
        };
        // A headline restates one statement of the body: the first that fits it; a later one
        // of another predicate is a statement of its own (يحذر in the headline, then وهدد).
        let same_predicate = |k: usize| {
            let a = &out[k];
            (a.trigger.start < headline && !restated[k])
                || e.trigger.start < headline
                || (e_lemma != 0 && lemma(a) == e_lemma)
                // (Taking a place and the fighting before it share their target, not their predicate.)
                || (!ids(&a.targets).is_empty() && overlap(&a.targets, &e.targets) && capture(a) == capture(&e))
        };
        let fits = |k: usize| {
            let a = &out[k];
            a.kind == e.kind
                && same_predicate(k)
                && a.status == e.status
                && a.sentence != e.sentence
                && shares(a)
                && overlap(&a.actors, &e.actors)
                && (same_targets(a) || fewer_targets(a))
                && compatible(&a.places, &e.places)
                && (a.date.is_none() || e.date.is_none() || a.date.as_ref().map(|d| &d.value) == e.date.as_ref().map(|d| &d.value))
                && quantities_agree(a)
        };
        let keys: Vec<(EventType, Status, String)> = ids(&e.actors).into_iter().map(|i| (e.kind, e.status, i.to_string())).collect();
        let mut cands: Vec<usize> = keys.iter().filter_map(|k| buckets.get(k)).flat_map(|v| v.iter().rev().take(RECENT).copied()).collect();
        cands.sort_unstable();
        cands.dedup();
        // خلال الزيارة، حضر الاستقبال، بعد الهجوم: a definite verbal noun naming no participant of
        // its own points back to the latest event of its type (nothing in conflict), not a new one.
        let anaphor = || {
            if !definite_trigger(&e.trigger.text) || !e.actors.is_empty() || !e.targets.is_empty() {
                return None;
            }
            let k = out.iter().rposition(|a| a.kind == e.kind).filter(|&k| out.len() - k <= RECENT)?;
            let a = &out[k];
            let dates_agree =
                a.date.is_none() || e.date.is_none() || a.date.as_ref().map(|d| &d.value) == e.date.as_ref().map(|d| &d.value);
            (a.status == e.status
                && compatible(&a.places, &e.places)
                && compatible(&a.targets, &e.targets)
                && dates_agree
                && quantities_agree(a))
            .then_some(k)
        };
        // نرحب بالهدنة (headline), then رحب فرحان حق … بالهدنة: a headline event that names no
        // actor and links nothing is told by the body's first event of its type and lemma that
        // conflicts with it in nothing; it takes that event's participants.
        // (Only the headline's events that name no actor and link nothing are tried: a few.)
        let bare_headline = || {
            if e.trigger.start < headline || e.actors.is_empty() {
                return None;
            }
            bare_headlines.iter().copied().find(|&k| {
                let a = &out[k];
                !restated[k]
                    && a.actors.is_empty()
                    && linked_ids(a).next().is_none()
                    && ids(&a.targets).is_empty()
                    && a.kind == e.kind
                    && a.status == e.status
                    && e_lemma != 0
                    && lemma(a) == e_lemma
                    && quantities_agree(a)
                    && (a.date.is_none() || e.date.is_none() || a.date.as_ref().map(|d| &d.value) == e.date.as_ref().map(|d| &d.value))
            })
        };
        let fit = cands.into_iter().find(|&k| fits(k));
        if let Some(k) = fit.is_none().then(bare_headline).flatten() {
            restated[k] = true;
            for key in keys {
                buckets.entry(key).or_default().push(k);
            }
            absorb(&mut out[k], e);
            continue;
        }
        match fit.or_else(anaphor) {
            Some(k) => {
                restated[k] |= out[k].trigger.start < headline && e.trigger.start >= headline;
                absorb(&mut out[k], e)
            }
            None => {
                for k in keys {
                    buckets.entry(k).or_default().push(out.len());
                }
                if e.trigger.start < headline && e.actors.is_empty() && linked_ids(&e).next().is_none() && ids(&e.targets).is_empty() {
                    bare_headlines.push(out.len());
                }
                out.push(e);
                restated.push(false);
            }
        }
    }
    out
}

/// True when a trigger is a definite noun: ال after the clitics و، ف، ب، ل (الزيارة، وخلال
/// الاستقبال → الاستقبال، بالهجوم، للقاء).
fn definite_trigger(text: &str) -> bool {
    let t = text.trim_start_matches(['و', 'ف']);
    t.starts_with("ال") || t.starts_with("بال") || t.starts_with("لل") || t.starts_with("كال")
}

/// True when a vague or bounded quantity admits the value (الآلاف admits 7000).
pub(crate) fn contains(q: &Quantity, v: f64) -> bool {
    q.min.is_some_and(|lo| v >= lo) && q.max.is_some_and(|hi| v <= hi)
}

/// A trigger: token index, type, mode, conditions, and whether it is a noun.
pub(crate) fn ids(args: &[Arg]) -> Vec<&str> {
    args.iter().filter_map(|a| a.link.id.as_deref()).collect()
}

pub(crate) fn compatible(a: &[Arg], b: &[Arg]) -> bool {
    let (x, y) = (ids(a), ids(b));
    x.is_empty() || y.is_empty() || x.iter().any(|i| y.contains(i))
}

/// True when either list is empty or some argument of one has the words of one of the other, or
/// they lie within it (أحياء سكنية in الأحياء السكنية في المدينة), with the article and a clitic و
/// set aside.
fn words_meet(a: &[Arg], b: &[Arg]) -> bool {
    let loose = |x: &Arg| -> String {
        let key = rasad_text::match_key(&x.span.text);
        let words: Vec<&str> = key.split_whitespace().map(|w| w.trim_start_matches('و').trim_start_matches("ال")).collect();
        words.join(" ")
    };
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let ys: Vec<String> = b.iter().map(loose).filter(|y| !y.is_empty()).collect();
    a.iter().map(loose).filter(|x| !x.is_empty()).any(|x| ys.iter().any(|y| x.contains(y.as_str()) || y.contains(x.as_str())))
}

/// Two events of one sentence state the same occurrence: same type and status, no conflicting
/// actors, targets, date or number (قتل … في غارات استهدفت …).
pub(crate) fn restates(a: &Event, b: &Event) -> bool {
    a.kind == b.kind
        && a.status == b.status
        && compatible(&a.actors, &b.actors)
        && compatible(&a.targets, &b.targets)
        && (a.date.is_none() || b.date.is_none() || a.date.as_ref().map(|d| &d.value) == b.date.as_ref().map(|d| &d.value))
        && (a.quantity.is_none() || b.quantity.is_none() || a.quantity.as_ref().map(|q| q.value) == b.quantity.as_ref().map(|q| q.value))
}

/// Adds the arguments of a restatement that are new: not the same linked id, not the same span,
/// and not the same words (a restatement repeats its participants; the first mention keeps its
/// span), so an event's arguments stay as few as the distinct participants named.
pub(crate) fn merge_args(into: &mut Vec<Arg>, from: Vec<Arg>) {
    for a in from {
        if !into.iter().any(|x| same_arg(x, &a)) {
            into.push(a);
        }
    }
}

/// True when two arguments name one participant: the same linked id, span or words.
fn same_arg(x: &Arg, a: &Arg) -> bool {
    (x.link.id.is_some() && x.link.id == a.link.id)
        || (x.span.start == a.span.start && x.span.end == a.span.end)
        || x.span.text == a.span.text
}

/// Folds a restatement into the first mention of the event.
/// A participant the event already has in one role does not join it in the other (مقتل ثلاثة
/// جنود في هجوم: the victims the death noun names are no actors of the attack noun).
pub(crate) fn absorb(e: &mut Event, b: Event) {
    let actors: Vec<Arg> = b.actors.into_iter().filter(|a| !e.targets.iter().any(|x| same_arg(x, a))).collect();
    merge_args(&mut e.actors, actors);
    let targets: Vec<Arg> = b.targets.into_iter().filter(|a| !e.actors.iter().any(|x| same_arg(x, a))).collect();
    merge_args(&mut e.targets, targets);
    merge_args(&mut e.places, b.places);
    e.date = e.date.take().or(b.date);
    // The more precise number wins (نحو سبعة آلاف over الآلاف).
    let vague = |q: &Option<Quantity>| q.as_ref().is_some_and(|q| q.min.is_some() && q.max.is_some());
    if e.quantity.is_none() || (vague(&e.quantity) && b.quantity.is_some() && !vague(&b.quantity)) {
        e.quantity = b.quantity;
        e.fatalities = b.fatalities;
    }
    // Each mention comes from its own trigger: appending keeps them unique without a search.
    e.mentions.extend(b.mentions);
    e.source = e.source.take().or(b.source);
    e.confidence = e.confidence.max(b.confidence);
}

/// References back to an event stated before (زار الرئيس القاهرة … وتأتي الزيارة في …، زيارته، هذه
/// الزيارة): an event whose trigger `reference` says is a definite or possessed verbal noun, with
/// an earlier event of the same type and `lemma` in the document, is that event: only its mention
/// joins it (what the reference's clause lends it, its actors and places, are guesses).
pub fn merge_references(events: Vec<Event>, lemma: impl Fn(&Event) -> u32, reference: impl Fn(&Event) -> bool) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut first: std::collections::HashMap<(EventType, u32), usize> = std::collections::HashMap::new();
    for e in events {
        let key = (e.kind, lemma(&e));
        match first.get(&key) {
            Some(&k) if key.1 != 0 && reference(&e) && out[k].status == e.status => out[k].mentions.extend(e.mentions),
            _ => {
                first.entry(key).or_insert(out.len());
                out.push(e);
            }
        }
    }
    out
}

/// An act told in a relative clause of a sentence that takes a stance (أدانت الحكومة الهجوم الذي
/// استهدف قافلة: `described` holds such triggers' starts) is the act the document reported before
/// it: the nearest earlier event of the type takes its mention. With none before it, it stays: the
/// condemnation is then the first report of the attack.
///
/// Not across a scene break (`breaks`: the code points where the text turns to another occurrence,
/// وفي تطور منفصل: an attack in درعا, then the condemned shelling of a hospital in إدلب).
pub fn merge_described(events: Vec<Event>, described: &[usize], breaks: &[usize]) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        // (Places are not compared: a city and its region name one occurrence, أبها and عسير.)
        let earlier = described.contains(&e.trigger.start).then(|| told_before(&out, &e, breaks, |_| true)).flatten();
        match earlier {
            Some(k) => out[k].mentions.extend(e.mentions),
            None => out.push(e),
        }
    }
    out
}

/// An attack a claim of responsibility names (أعلنت حركة طالبان مسؤوليتها عن الهجوم: `claims`
/// holds such triggers' starts) is the nearest earlier event of its type, not across a scene break
/// (`breaks`): it takes the claimant among its actors and the mention. With none before it, the
/// claim stays the attack's report (أعلن التنظيم مسؤوليته عن هجوم انتحاري في بغداد).
pub fn merge_claims(events: Vec<Event>, claims: &[usize], breaks: &[usize]) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        let earlier = claims.contains(&e.trigger.start).then(|| told_before(&out, &e, breaks, |a| a.status == e.status)).flatten();
        match earlier {
            Some(k) => {
                let a = &mut out[k];
                let actors: Vec<Arg> = e.actors.into_iter().filter(|x| !a.targets.iter().any(|t| same_arg(t, x))).collect();
                merge_args(&mut a.actors, actors);
                a.mentions.extend(e.mentions);
            }
            None => out.push(e),
        }
    }
    out
}

/// The nearest event of `out` of `e`'s type that `also` accepts, unless a scene break (`breaks`)
/// stands between it and `e`.
fn told_before(out: &[Event], e: &Event, breaks: &[usize], also: impl Fn(&Event) -> bool) -> Option<usize> {
    let broken = |a: &Event| breaks.iter().any(|&b| a.trigger.start < b && b <= e.trigger.start);
    out.iter().rposition(|a| a.kind == e.kind && also(a)).filter(|&k| !broken(&out[k]))
}

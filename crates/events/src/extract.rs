//! Reading events from an annotated document.
//!
//! For each sentence that is not page furniture and not a bare title, every word whose lemma is
//! in the trigger lexicon (and whose condition holds) states an event, unless it is:
//! inside a linked name (الحشد الشعبي، قوات التعبئة), a purpose phrase (للدفاع، لمساعدة، بهدف …),
//! negated (لم، لن، عدم …), or a noun governed by a trigger just before it (للمشاركة في هجوم).
//!
//! Arguments follow Arabic clause structure rather than proximity alone:
//! - agent: with a verb at the head of its clause (VSO), the first unlinked-by-preposition actor
//!   after it; otherwise (SVO, or a verbal noun without a genitive) the nearest actor before it.
//!   Actors joined by و are coordinated agents (مقاتل إيراني وعراقي → Iran, Iraq).
//! - passive with تعرض ل: the subject of تعرض is the target; the noun's genitive or nisba
//!   adjective is the agent (تعرضت قوات الحرس الثوري لهجمات إسرائيلية → Israel → IRGC).
//! - targets: actors after على، ضد، ل، مع, or the object that follows the agent.
//! - places: gazetteer mentions governed by a locative preposition or noun (في، إلى، من، قرب،
//!   بـ، ريف، مدينة …), nearest to the trigger first.
//! - date, quantity: the nearest resolved time and the nearest fitting quantity in the sentence.
//! - source: the attribution phrase of the sentence (وفق ما أفاد، نقلت وكالة، قال، بحسب، كشفت …);
//!   الوكالة and المصدر resolve to the last agency or source named before.

use rasad_kb::{ActorType, Kb, Mention, MentionKind};
use rasad_model::{Arg, Event, EventMention, EventType, Link, Quantity, SentenceSpan, Source, Status, TextSpan, TimeExpr};
use rasad_text::{Sentence, TokenKind, Word};

use crate::lexicon::{Lexicon, Need};

/// Everything the event reader needs about one document.
pub struct DocInput<'d, 'a> {
    /// The document text as given.
    pub text: &'a str,
    /// Analyzed tokens.
    pub words: &'d [Word<'a>],
    /// Sentences.
    pub sentences: &'d [Sentence],
    /// One flag per sentence: page furniture.
    pub furniture: &'d [bool],
    /// Linked mentions.
    pub mentions: &'d [Mention],
    /// Quantities.
    pub quantities: &'d [Quantity],
    /// Times.
    pub times: &'d [TimeExpr],
    /// The knowledge base the mentions point into.
    pub kb: &'d Kb,
    /// The trigger lexicon.
    pub lexicon: &'d Lexicon,
}

const LOC_PREPS: &[&str] = &[
    "في",
    "الي",
    "من",
    "قرب",
    "نحو",
    "داخل",
    "عند",
    "حول",
    "باتجاه",
    "تجاه",
    "ريف",
    "مدينه",
    "بلده",
    "محافظه",
    "منطقه",
    "مناطق",
    "اطراف",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "مطار",
    "قاعده",
    "مقاطعه",
    "العاصمه",
    "عاصمه",
    "حدود",
    "بالقرب",
    "قريه",
    "حي",
    "مخيم",
    "معبر",
    "مدن",
    "بلدات",
];
const TARGET_PREPS: &[&str] = &["علي", "ضد", "مع", "ل", "بحق"];
const PURPOSE_BEFORE: &[&str] = &["بهدف", "لهدف", "بغيه", "لاجل", "اجل", "بقصد", "سبيل", "امكانيه", "اطار", "ضروره"];
const NEGATIONS: &[&str] = &["لم", "لن", "لا", "ما", "عدم", "دون", "بدون", "ليس", "غير"];
const FUTURE_BEFORE: &[&str] =
    &["سوف", "يعتزم", "تعتزم", "ينوي", "تنوي", "يخطط", "تخطط", "المقرر", "المتوقع", "المرتقب", "المرتقبه", "يجب", "ستقوم", "سيقوم"];
const DENIALS: &[&str] = &["نفي", "نفت", "ينفي", "تنفي", "نفوا"];
const CLAIMS: &[&str] = &["زعم", "زعمت", "يزعم", "تزعم", "ادعي", "ادعت", "يدعي", "تدعي"];
const ATTRIBUTION: &[&str] = &[
    "وفق",
    "وفقا",
    "بحسب",
    "حسب",
    "نقلت",
    "نقل",
    "نقلا",
    "قال",
    "قالت",
    "اعلن",
    "اعلنت",
    "افاد",
    "افادت",
    "ذكر",
    "ذكرت",
    "كشف",
    "كشفت",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "اشار",
    "اشارت",
    "صرح",
    "لفت",
    "لفتت",
    "اضاف",
    "اضافت",
    "تابع",
    "تابعت",
    "زعم",
    "زعمت",
    "ادعي",
    "ادعت",
    "افادت",
    "اعتبر",
    "نقلته",
    "اورد",
    "اوردت",
    "روي",
    "روت",
];
const ADVERBIAL_CUES: &[&str] = &["وفق", "وفقا", "بحسب", "حسب", "نقلت", "نقل", "نقلا", "افاد", "افادت", "اورد", "اوردت"];
const SOURCE_STOPS: &[&str] = &["ان", "انه", "انها", "انهم", "عن", "في", "من", "الي", "علي", "اليوم", "امس", "الذي", "التي", "ما"];
const TITLES: &[&str] = &[
    "وزير",
    "الوزير",
    "رءيس",
    "الرءيس",
    "وفد",
    "الوفد",
    "مبعوث",
    "المبعوث",
    "سفير",
    "السفير",
    "المرشد",
    "مسءول",
    "المسءول",
    "الامين",
    "مستشار",
    "المستشار",
    "نائب",
    "قاءد",
    "رءيسا",
    "وزراء",
];
const FORCES: &[&str] = &["قوات", "جيش", "عناصر", "مقاتلي", "ميليشيات", "مليشيات", "وحدات", "قطعات"];
const PERSONAL_PRONOUN_SUFFIXES: &[&str] = &["ه", "ها", "هم", "هما"];
const TROOP_UNITS: &[&str] = &["مقاتل", "جندي", "عنصر", "مسلح", "ضابط", "مستشار", "عسكري", "شخص", "متطوع", "مرتزق", "مجند", "مقاتلين"];
const HARM_UNITS: &[&str] = &[
    "قتيل",
    "جريح",
    "مدني",
    "شخص",
    "غاره",
    "صاروخ",
    "هجوم",
    "ضربه",
    "قذيفه",
    "طاءره",
    "مسيره",
    "عنصر",
    "جندي",
    "مقاتل",
    "ضحيه",
    "انتحاري",
    "هجمه",
];

struct Ctx<'x, 'd, 'a> {
    d: &'x DocInput<'d, 'a>,
    /// Token → index of the mention covering it.
    mention_at: Vec<Option<usize>>,
    /// Token → covered by a time expression.
    in_time: Vec<bool>,
    /// Triggers read as the content of an accusation (claimed by the accuser).
    claimed: std::cell::RefCell<Vec<usize>>,
    /// Negated triggers (لم، لن، عدم …).
    negated: std::cell::RefCell<Vec<usize>>,
    /// The attribution adverbials of the current sentence: their mentions are sources, not actors.
    source_spans: Vec<(usize, usize)>,
    /// The last pair (or more) of actors joined by و, for البلدان / الجانبان.
    last_pair: Vec<usize>,
    /// Doc-level memory for الوكالة / المصدر.
    last_agency: Option<(String, Option<String>)>,
    last_source: Option<String>,
}

/// [`ATTRIBUTION`] as a set: it is asked about every word of every sentence.
fn is_attribution(k: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| ATTRIBUTION.iter().copied().collect());
    SET.contains(k)
}

fn bare<'w>(w: &'w Word) -> &'w str {
    w.key_without_conj()
}

impl<'x, 'd, 'a> Ctx<'x, 'd, 'a> {
    fn word(&self, i: usize) -> Option<&'d Word<'a>> {
        self.d.words.get(i)
    }

    fn slice(&self, start_tok: usize, end_tok: usize) -> TextSpan {
        let a = &self.d.words[start_tok].tok;
        let b = &self.d.words[end_tok - 1].tok;
        TextSpan { text: self.d.text[a.byte_start..b.byte_start + b.text.len()].to_string(), start: a.span.start, end: b.span.end }
    }

    fn mention_arg(&self, m: &Mention, as_place: bool) -> Arg {
        let s = self.slice(m.first, m.end);
        let kb = self.d.kb;
        let (id, name, lat, lon, geo) = if as_place {
            match m.place.map(|p| &kb.places[p]) {
                Some(p) => (Some(p.id.clone()), Some(p.name.clone()), Some(p.lat), Some(p.lon), Some(p.geo_precision())),
                None => (None, None, None, None, None),
            }
        } else {
            match m.actor.map(|a| &kb.actors[a]) {
                Some(a) => (Some(a.id.clone()), Some(a.name.clone()), None, None, None),
                None => (None, None, None, None, None),
            }
        };
        Arg { span: s, link: Link { id, name, lat, lon, geo_precision: geo } }
    }

    /// True when the mention is governed by a locative word (so it is a place, not an actor).
    fn locative(&self, m: &Mention) -> bool {
        // An actor that is no place (حزب الله) is never a location, whatever precedes it.
        if m.place.is_none() {
            return false;
        }
        let first = &self.d.words[m.first];
        // The name itself opens with a locative noun (مدينة إدلب، ريف حماة).
        if LOC_PREPS.contains(&bare(first)) {
            return true;
        }
        if first.seg.prefixes.contains(&"ب") {
            return true;
        }
        m.first > 0
            && self.word(m.first - 1).is_some_and(|p| {
                let k = bare(p);
                let k = k.strip_prefix('ب').filter(|r| LOC_PREPS.contains(r)).unwrap_or(k);
                LOC_PREPS.contains(&k)
                    || matches!(p.tok.text, "«" | "\"" | "“")
                        && m.first > 1
                        && self.word(m.first - 2).is_some_and(|pp| LOC_PREPS.contains(&bare(pp)))
            })
    }

    /// The preposition that governs a mention for target purposes (على، ضد، مع، ل).
    fn target_governed(&self, m: &Mention) -> bool {
        let first = &self.d.words[m.first];
        if first.seg.prefixes.contains(&"ل") {
            return true;
        }
        m.first > 0 && self.word(m.first - 1).is_some_and(|p| TARGET_PREPS.contains(&bare(p)) || matches!(p.tok.text, "لـ" | "ل"))
    }

    /// An unlinked subject noun phrase headed by a group noun (فصائل شيعية موالية لإيران، وحدات من
    /// الجيش): after the verb in a VSO clause, else right before the trigger. Reported as found,
    /// without an id.
    fn group_subject(&self, t: usize, clause_head: bool, clause_start: usize, hi: usize) -> Option<Arg> {
        let words = self.d.words;
        let is_group = |k: usize| GROUP_NOUNS.contains(&words[k].seg.key.as_str()) || GROUP_NOUNS.contains(&bare(&words[k]));
        let head = if clause_head {
            (t + 1..hi.min(t + 3)).find(|&k| is_group(k))
        } else {
            (clause_start..t).find(|&k| is_group(k) && self.mention_at[k].is_none())
        }?;
        let limit = if clause_head { hi.min(head + 5) } else { t.min(head + 5) };
        let mut end = head + 1;
        while end < limit {
            let w = &words[end];
            let stop = w.tok.kind != TokenKind::Arabic
                || matches!(bare(w), "من" | "في" | "الي" | "علي" | "عن" | "منذ" | "بعد" | "قبل" | "خلال")
                || self.in_time[end]
                || self.d.lexicon.lookup(w).is_some();
            if stop {
                break;
            }
            end += 1;
        }
        Some(Arg { span: self.slice(head, end), link: Link::default() })
    }

    /// Whether the preposition before a target suits the event type (مع for meetings, على/ضد for attacks, ل for support).
    fn prep_fits(&self, m: &Mention, kind: EventType) -> bool {
        let first = &self.d.words[m.first];
        let p =
            if first.seg.prefixes.contains(&"ل") { "ل" } else { m.first.checked_sub(1).map(|k| bare(&self.d.words[k])).unwrap_or("") };
        let p = if matches!(p, "لـ") { "ل" } else { p };
        match kind {
            EventType::Consult | EventType::Agree | EventType::Cooperate => matches!(p, "مع" | "ل"),
            EventType::Assault => matches!(p, "علي" | "ضد" | "بحق" | "ل" | "مع"),
            EventType::Coerce | EventType::Threaten | EventType::Sanction => matches!(p, "علي" | "ضد" | "بحق" | "ل"),
            EventType::Accuse | EventType::Reject => matches!(p, "علي" | "ضد" | "ل"),
            EventType::Support | EventType::Aid | EventType::Request => matches!(p, "ل" | "علي" | "مع" | "من"),
            _ => false,
        }
    }

    /// Grammatical gender and number of a mention, for pronoun agreement: 'f' (states, ة/ات), 'p' (ين/ون), 'm'.
    fn gender(&self, m: &Mention) -> char {
        let last = &self.d.words[m.end - 1];
        let text = last.key.as_str();
        let state = m.actor.is_some_and(|a| matches!(self.d.kb.actors[a].kind, ActorType::State)) && m.kind == MentionKind::Name;
        if text.ends_with("يين") || text.ends_with("يون") || text.ends_with("ين") && m.kind == MentionKind::Demonym {
            'p'
        } else if state || text.ends_with('ه') || text.ends_with("ات") {
            let first = &self.d.words[m.first];
            // القوات الروسية: the head decides (قوات is feminine), as does a state name.
            if first.key.ends_with("جيش") || first.key == "الجيش" {
                'm'
            } else {
                'f'
            }
        } else {
            'm'
        }
    }

    /// True when the mention follows "من" after a passive participle (مدعومة من تركيا): a backer, not an agent.
    fn after_min(&self, m: &Mention) -> bool {
        m.first > 0 && self.word(m.first - 1).is_some_and(|p| bare(p) == "من")
    }

    fn actor_mentions(&self, from: usize, to: usize) -> Vec<usize> {
        let mut v = Vec::new();
        let mut last = None;
        for t in from..to {
            if let Some(mi) = self.mention_at[t] {
                let m = &self.d.mentions[mi];
                let in_source = self.source_spans.iter().any(|&(a, b)| m.span.start >= a && m.span.end <= b);
                if last != Some(mi) && m.actor.is_some() && !in_source {
                    v.push(mi);
                }
                last = Some(mi);
            }
        }
        v
    }

    /// Mentions coordinated with `mi` by و (مقاتل إيراني وعراقي، إيران وروسيا).
    fn coordinated(&self, mi: usize, to: usize) -> Vec<usize> {
        let mut out = vec![mi];
        let mut cur = mi;
        loop {
            let end = self.d.mentions[cur].end;
            let is_person = |n: usize| self.d.mentions[n].actor.is_some_and(|a| matches!(self.d.kb.actors[a].kind, ActorType::Person));
            let next = if end < to && self.mention_at[end].is_some_and(|n| n != cur) {
                // و-joined (وإيران), or a name in apposition to a nisba (الروسي فلاديمير بوتين).
                self.mention_at[end].filter(|&n| {
                    self.d.words[self.d.mentions[n].first].seg.prefixes.first() == Some(&"و")
                        || (self.d.mentions[cur].kind == MentionKind::Demonym && is_person(n))
                })
            } else if end + 1 < to && self.word(end).is_some_and(|w| w.key == "و") {
                self.mention_at[end + 1]
            } else {
                None
            };
            match next {
                Some(n) if self.d.mentions[n].actor.is_some() && !out.contains(&n) => {
                    out.push(n);
                    cur = n;
                }
                _ => break,
            }
        }
        out
    }
}

fn is_definite_or_governed(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if w.seg.definite() || w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل" | "ك")) {
        return true;
    }
    i > 0 && matches!(bare(&words[i - 1]), "في" | "من" | "علي" | "الي" | "عن" | "بعد" | "قبل" | "خلال" | "اثر" | "عقب" | "منذ")
}

fn near_any(words: &[Word], i: usize, radius: usize, lo: usize, hi: usize, keys: &[String]) -> bool {
    let from = i.saturating_sub(radius).max(lo);
    let to = (i + radius + 1).min(hi);
    (from..to).any(|k| k != i && (keys.iter().any(|x| *x == words[k].key || *x == bare(&words[k]) || *x == words[k].seg.key)))
}

/// Reads the events of one document.
pub fn extract_events(d: &DocInput) -> Vec<Event> {
    let mut mention_at = vec![None; d.words.len()];
    for (mi, m) in d.mentions.iter().enumerate() {
        for slot in mention_at.iter_mut().take(m.end.min(d.words.len())).skip(m.first) {
            *slot = Some(mi);
        }
    }
    // Times and words are both in text order: one merged sweep marks the words inside times.
    let mut in_time = vec![false; d.words.len()];
    let mut k = 0;
    for t in d.times {
        while k < d.words.len() && d.words[k].tok.span.start < t.start {
            k += 1;
        }
        let mut j = k;
        while j < d.words.len() && d.words[j].tok.span.end <= t.end {
            in_time[j] = true;
            j += 1;
        }
    }
    let mut cx = Ctx {
        d,
        mention_at,
        in_time,
        claimed: Default::default(),
        negated: Default::default(),
        source_spans: Vec::new(),
        last_pair: Vec::new(),
        last_agency: None,
        last_source: None,
    };
    let mut out = Vec::new();
    for (si, s) in d.sentences.iter().enumerate() {
        let furniture = d.furniture.get(si).copied().unwrap_or(false);
        let n_words = d.words[s.first_token..s.end_token].iter().filter(|w| w.tok.is_word()).count();
        // The source is remembered even from sentences without events.
        let sources = if furniture { Vec::new() } else { cx.sources_of(s) };
        // An attribution adverbial (وفق ما أفاد المرصد) names no participant; a speaker (أكد الوزير)
        // may be one. The adverbial, when there is one, is the sentence's source.
        cx.source_spans = sources.iter().filter(|(_, adverbial)| *adverbial).map(|(x, _)| (x.span.start, x.span.end)).collect();
        let source = sources.iter().find(|(_, a)| *a).or(sources.first()).map(|(x, _)| x.clone());
        if furniture || n_words < 4 {
            continue;
        }
        let triggers = cx.triggers(s);
        let mut here: Vec<Event> = Vec::new();
        for (k, &(t, kind, ref mode, ref needs, _)) in triggers.iter().enumerate() {
            let prev_t = if k > 0 { Some(triggers[k - 1].0) } else { None };
            let next_t = triggers.get(k + 1).map(|x| x.0);
            if let Some(ev) = cx.event(s, t, kind, mode.clone(), needs, prev_t, next_t, source.clone()) {
                match here.iter_mut().find(|e| restates(e, &ev)) {
                    Some(e) => absorb(e, ev),
                    None => here.push(ev),
                }
            }
        }
        out.extend(here);
        cx.remember_pair(s);
    }
    merge_restatements(out)
}

fn linked_ids(e: &Event) -> impl Iterator<Item = &str> {
    e.actors.iter().chain(e.places.iter()).filter_map(|a| a.link.id.as_deref())
}

/// Restatements across sentences (a headline and its body; "وصل الآلاف" and "وصل نحو سبعة
/// آلاف") become one event keeping every mention: same type and status, at least one linked
/// actor or place in common, and nothing in conflict (actors, targets, places, date, number).
pub fn merge_restatements(events: Vec<Event>) -> Vec<Event> {
    // Candidates are found through (type, status, actor id) buckets, and only the most recent few
    // of a bucket are tried: restatements sit near each other, and the pass stays linear.
    const RECENT: usize = 24;
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut buckets: std::collections::HashMap<(EventType, Status, String), Vec<usize>> = std::collections::HashMap::new();
    for e in events {
        let shares = |a: &Event| linked_ids(a).any(|x| linked_ids(&e).any(|y| x == y));
        let quantities_agree = |a: &Event| match (&a.quantity, &e.quantity) {
            (Some(x), Some(y)) => x.value == y.value || contains(x, y.value) || contains(y, x.value),
            _ => true,
        };
        // Across sentences the evidence must be stronger than within one: the same actors, and
        // the same targets or none on either side (two meetings of one minister stay two).
        let overlap = |x: &[Arg], y: &[Arg]| ids(x).iter().any(|i| ids(y).contains(i));
        let same_targets = |a: &Event| (ids(&a.targets).is_empty() && ids(&e.targets).is_empty()) || overlap(&a.targets, &e.targets);
        let fits = |a: &Event| {
            a.kind == e.kind
                && a.status == e.status
                && a.sentence != e.sentence
                && shares(a)
                && overlap(&a.actors, &e.actors)
                && same_targets(a)
                && compatible(&a.places, &e.places)
                && (a.date.is_none() || e.date.is_none() || a.date.as_ref().map(|d| &d.value) == e.date.as_ref().map(|d| &d.value))
                && quantities_agree(a)
        };
        let keys: Vec<(EventType, Status, String)> = ids(&e.actors).into_iter().map(|i| (e.kind, e.status, i.to_string())).collect();
        let mut cands: Vec<usize> = keys.iter().filter_map(|k| buckets.get(k)).flat_map(|v| v.iter().rev().take(RECENT).copied()).collect();
        cands.sort_unstable();
        cands.dedup();
        match cands.into_iter().find(|&k| fits(&out[k])) {
            Some(k) => absorb(&mut out[k], e),
            None => {
                for k in keys {
                    buckets.entry(k).or_default().push(out.len());
                }
                out.push(e);
            }
        }
    }
    out
}

/// True when a vague or bounded quantity admits the value (الآلاف admits 7000).
fn contains(q: &Quantity, v: f64) -> bool {
    q.min.is_some_and(|lo| v >= lo) && q.max.is_some_and(|hi| v <= hi)
}

/// A trigger: token index, type, mode, conditions, and whether it is a noun.
fn ids(args: &[Arg]) -> Vec<&str> {
    args.iter().filter_map(|a| a.link.id.as_deref()).collect()
}

fn compatible(a: &[Arg], b: &[Arg]) -> bool {
    let (x, y) = (ids(a), ids(b));
    x.is_empty() || y.is_empty() || x.iter().any(|i| y.contains(i))
}

/// Two events of one sentence state the same occurrence: same type and status, no conflicting
/// actors, targets, date or number (قتل … في غارات استهدفت …).
fn restates(a: &Event, b: &Event) -> bool {
    a.kind == b.kind
        && a.status == b.status
        && compatible(&a.actors, &b.actors)
        && compatible(&a.targets, &b.targets)
        && (a.date.is_none() || b.date.is_none() || a.date.as_ref().map(|d| &d.value) == b.date.as_ref().map(|d| &d.value))
        && (a.quantity.is_none() || b.quantity.is_none() || a.quantity.as_ref().map(|q| q.value) == b.quantity.as_ref().map(|q| q.value))
}

fn merge_args(into: &mut Vec<Arg>, from: Vec<Arg>) {
    for a in from {
        if !into
            .iter()
            .any(|x| (x.link.id.is_some() && x.link.id == a.link.id) || (x.span.start == a.span.start && x.span.end == a.span.end))
        {
            into.push(a);
        }
    }
}

/// Folds a restatement into the first mention of the event.
fn absorb(e: &mut Event, b: Event) {
    merge_args(&mut e.actors, b.actors);
    merge_args(&mut e.targets, b.targets);
    merge_args(&mut e.places, b.places);
    e.date = e.date.take().or(b.date);
    // The more precise number wins (نحو سبعة آلاف over الآلاف).
    let vague = |q: &Option<Quantity>| q.as_ref().is_some_and(|q| q.min.is_some() && q.max.is_some());
    if e.quantity.is_none() || (vague(&e.quantity) && b.quantity.is_some() && !vague(&b.quantity)) {
        e.quantity = b.quantity;
    }
    // Each mention comes from its own trigger: appending keeps them unique without a search.
    e.mentions.extend(b.mentions);
    e.source = e.source.take().or(b.source);
    e.confidence = e.confidence.max(b.confidence);
}

type Trig = (usize, EventType, Option<String>, Vec<Need>, bool);

const GROUP_NOUNS: &[&str] = &[
    "فصاءل",
    "فصيل",
    "قوات",
    "مقاتل",
    "مقاتلين",
    "مقاتلون",
    "عناصر",
    "ميليشيات",
    "مليشيات",
    "ميليشيا",
    "مسلح",
    "مسلحين",
    "مسلحون",
    "جنود",
    "وحدات",
    "كتاءب",
    "مجموعات",
    "جماعات",
    "متظاهرين",
    "متظاهرون",
    "محتجين",
    "محتجون",
];
const CONNECTORS: &[&str] = &["فيما", "بينما", "حين", "حيث", "كما", "ثم", "بعدما", "عندما", "لكن", "لكنه", "غير"];
const TEMPORAL: &[&str] = &["اثر", "عقب", "لدي", "اثناء", "خلال", "جراء", "بعيد", "فور"];
const RELATIVES: &[&str] = &["الذي", "التي", "الذين", "اللذين", "اللتين", "من", "ما"];

impl Ctx<'_, '_, '_> {
    /// Remembers the last actors of a sentence joined by و (سوريا وإيران) for البلدان.
    fn remember_pair(&mut self, s: &Sentence) {
        for mi in self.actor_mentions(s.first_token, s.end_token) {
            let group = self.coordinated(mi, s.end_token);
            let states = group
                .iter()
                .filter(|&&g| {
                    self.d.mentions[g].actor.is_some_and(|a| matches!(self.d.kb.actors[a].kind, ActorType::State | ActorType::Government))
                })
                .count();
            if group.len() >= 2 && states == group.len() {
                self.last_pair = group;
            }
        }
    }

    /// "البلدان"، "الجانبان"، "الطرفان" right after the trigger: the last pair of actors named.
    fn pair_reference(&self, t: usize, hi: usize) -> Option<(usize, Vec<usize>)> {
        (t + 1..hi.min(t + 4))
            .find(|&k| matches!(bare(&self.d.words[k]), "البلدان" | "البلدين" | "الجانبان" | "الجانبين" | "الطرفان" | "الطرفين"))
            .filter(|_| !self.last_pair.is_empty())
            .map(|k| (k, self.last_pair.clone()))
    }

    /// True when a mention after من is partitive (مقاتل من حزب الله، عناصر من الحرس).
    fn partitive(&self, m: &Mention) -> bool {
        m.first >= 2 && {
            let before = &self.d.words[m.first - 2];
            let k = before.seg.key.as_str();
            TROOP_UNITS.contains(&k)
                || FORCES.contains(&bare(before))
                || matches!(k, "عناصر" | "جنود" | "مقاتلين" | "قوات" | "ضباط" | "وحد" | "وحده")
                || before.tok.kind == TokenKind::Number
        }
    }

    /// The first token of a purpose phrase after the trigger (من أجل، لـ + verbal noun), which ends the agent search.
    fn purpose_after(&self, t: usize, hi: usize) -> usize {
        let words = self.d.words;
        (t + 1..hi)
            .find(|&k| {
                let w = &words[k];
                (bare(w) == "اجل" && k > 0 && bare(&words[k - 1]) == "من")
                    || PURPOSE_BEFORE.contains(&bare(w))
                    || (w.seg.prefixes.contains(&"ل") && self.mention_at[k].is_none() && self.d.lexicon.lookup(w).is_some())
            })
            .unwrap_or(hi)
    }

    fn triggers(&self, s: &Sentence) -> Vec<Trig> {
        let words = self.d.words;
        let mut found: Vec<Trig> = Vec::new();
        // Triggers passed over as purposes still govern the noun after them (للمشاركة في هجوم).
        let mut last_seen: Option<(usize, EventType)> = None;
        for i in s.first_token..s.end_token {
            let w = &words[i];
            if w.tok.kind != TokenKind::Arabic || self.mention_at[i].is_some() || self.in_time[i] {
                continue;
            }
            let Some(hit) = self.d.lexicon.lookup(w) else { continue };
            let entry = hit.entry;
            let governed_by_prev = last_seen.is_some_and(|(pt, _)| i - pt <= 3) && (hit.nominal || is_definite_or_governed(words, i));
            // A verb right after a kept noun of its own type describes that noun (غارات استهدفت، هجوم يستهدف).
            let attributive = !hit.nominal && found.last().is_some_and(|l| l.1 == entry.kind && i - l.0 <= 2);
            if attributive {
                continue;
            }
            let mut ok = true;
            for need in &entry.needs {
                ok &= match need {
                    Need::Verbal => !is_definite_or_governed(words, i),
                    // Wide enough for a long subject between verb and object (وقع الرئيسان … اتفاقا).
                    Need::Near(keys) => near_any(words, i, 15, s.first_token, s.end_token, keys),
                    Need::Unless(keys) => !near_any(words, i, 3, s.first_token, s.end_token, keys),
                    Need::PersonType(_) | Need::Standalone => true,
                };
            }
            if !ok {
                continue;
            }
            // Only a trigger that stands (or a purpose passed over) governs the noun after it.
            last_seen = Some((i, entry.kind));
            let prev = (i > s.first_token).then(|| &words[i - 1]);
            let prev_key = prev.map(bare).unwrap_or("");
            let after_addition = matches!(prev_key, "اضافه" | "بالاضافه");
            // Purpose phrases: ل + verbal noun (للدفاع، لمساعدة), بهدف …, unless ل marks the passive
            // after تعرض or follows إضافة ("in addition to").
            let lam = w.seg.prefixes.contains(&"ل");
            let passive_lam =
                (s.first_token..i).rev().take(8).any(|k| bare(&words[k]).starts_with("تعرض") || words[k].seg.key.starts_with("تعرض"));
            if lam && !passive_lam && !after_addition {
                continue;
            }
            if PURPOSE_BEFORE.contains(&prev_key) || (i >= 2 && bare(&words[i - 2]) == "من" && prev_key == "اجل") {
                continue;
            }
            // The complement of a purpose or of another verbal noun (لتبرير قصف، ترجمة دعمهم).
            if hit.nominal && prev.is_some_and(|p| p.seg.prefixes.contains(&"ل") && p.tok.kind == TokenKind::Arabic) && !after_addition {
                continue;
            }
            // "أي هجوم": any attack, none in particular.
            if prev_key == "اي" {
                continue;
            }
            // لم يصل، لن تنسحب، عدم مشاركة: the event is read, and marked as not having happened.
            let negated = NEGATIONS.contains(&prev_key)
                || (i >= 2
                    && matches!(bare(&words[i - 2]), "لم" | "لن")
                    && words[i - 1].tok.kind == TokenKind::Arabic
                    && words[i - 1].key.len() <= 6);
            if negated {
                self.negated.borrow_mut().push(i);
            }
            // An imperfect verb in a relative clause describes (التي تساندها، ومن يدعمه).
            if !hit.nominal && RELATIVES.contains(&prev_key) && matches!(w.key_without_conj().chars().next(), Some('ي' | 'ت' | 'ن')) {
                continue;
            }
            // اتهمت إيران إسرائيل بشن غارة: the accused act is an event, claimed by the accuser.
            let accused_act = w.seg.prefixes.contains(&"ب") && found.last().is_some_and(|l| l.1 == EventType::Accuse && i - l.0 <= 6);
            if accused_act {
                found.push((i, entry.kind, entry.mode.clone(), entry.needs.clone(), false));
                self.claimed.borrow_mut().push(i);
                continue;
            }
            if governed_by_prev {
                continue;
            }
            // One event for adjacent triggers of one type (وصلت تعزيزات، تعزيزات … تصل).
            if found.last().is_some_and(|l| l.1 == entry.kind && i - l.0 <= 3) {
                continue;
            }
            // A verbal noun after إثر، لدى، عقب … is an event of its own (إثر هجوم، لدى وصوله).
            let adjunct = TEMPORAL.contains(&prev_key) || entry.needs.contains(&Need::Standalone);
            found.push((i, entry.kind, entry.mode.clone(), entry.needs.clone(), hit.nominal && !after_addition && !adjunct));
        }
        // Other verbal nouns in a sentence that reports with a verb are that verb's complements.
        if found.iter().any(|t| !t.4) {
            found.retain(|t| !t.4);
        }
        found
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &self,
        s: &Sentence,
        t: usize,
        kind: EventType,
        mode: Option<String>,
        needs: &[Need],
        prev_t: Option<usize>,
        next_t: Option<usize>,
        source: Option<Source>,
    ) -> Option<Event> {
        let words = self.d.words;
        let (lo, hi) = (prev_t.map_or(s.first_token, |p| p + 1), next_t.unwrap_or(s.end_token));
        let right_hi = hi.min(t + 26);
        let left_lo = lo.max(t.saturating_sub(20));
        let tw = &words[t];
        let nominal = is_definite_or_governed(words, t) || tw.seg.suffixes.iter().any(|x| PERSONAL_PRONOUN_SUFFIXES.contains(x));
        // The clause starts after the last comma or connector (فيما، بينما، حيث …) before the trigger.
        let clause_start = (left_lo..t)
            .rev()
            .find(|&k| {
                words[k].is_punct("،")
                    || words[k].is_punct(",")
                    || words[k].is_punct("؛")
                    || words[k].is_punct(":")
                    || CONNECTORS.contains(&bare(&words[k]))
            })
            .map_or(left_lo, |k| k + 1);
        let clause_head = (clause_start..t).all(|k| self.mention_at[k].is_none());
        // The agent is not looked for past a purpose phrase (حشدوا للمشاركة … بجانب قوات الأسد).
        let agent_hi = self.purpose_after(t, right_hi);

        // Passive: X تعرض ل-TRIGGER Y.
        let passive_at = (s.first_token..t)
            .rev()
            .take(10)
            .find(|&k| words[k].seg.key.starts_with("تعرض") || bare(&words[k]).starts_with("تعرض") || bare(&words[k]).starts_with("يتعرض"));

        let right: Vec<usize> = self.actor_mentions(t + 1, right_hi);
        let left: Vec<usize> = self.actor_mentions(left_lo, t);
        let usable = |mi: &usize| {
            let m = &self.d.mentions[*mi];
            !self.locative(m) && !self.target_governed(m) && (!self.after_min(m) || self.partitive(m))
        };
        let transitive = matches!(
            kind,
            EventType::Assault
                | EventType::Coerce
                | EventType::Support
                | EventType::Aid
                | EventType::Accuse
                | EventType::Sanction
                | EventType::Request
                | EventType::Threaten
        );
        let mut agents: Vec<usize> = Vec::new();
        let mut targets: Vec<usize> = Vec::new();
        let mut pair_arg: Option<usize> = None;
        if let Some(pk) = passive_at {
            // Agent: the genitive or nisba right after the noun; targets: between تعرض and the noun.
            if let Some(&a) = right.iter().find(|&&mi| self.d.mentions[mi].first <= t + 3) {
                agents = self.coordinated(a, right_hi);
            }
            targets = self
                .actor_mentions(pk.saturating_sub(8).max(s.first_token), t)
                .into_iter()
                .filter(|mi| !self.locative(&self.d.mentions[*mi]))
                .collect();
        } else if let Some((k, pair)) = self.pair_reference(t, agent_hi) {
            // ووقع البلدان: the countries named together before.
            pair_arg = Some(k);
            agents = pair;
        } else {
            let first_right = right.iter().copied().filter(|&mi| self.d.mentions[mi].first < agent_hi).find(usable);
            let genitive = first_right.filter(|&mi| self.d.mentions[mi].first <= t + 2);
            let left_agent = left.iter().rev().copied().find(usable);
            // A pronoun subject (إنها سحبت، أنه وصل) points back to the sentence's first actor.
            // A pronoun subject (إنها سحبت، إنه اعترض) points back to the nearest actor that agrees with it.
            let pronoun = (left_lo..t).rev().take(3).find_map(|k| match bare(&words[k]) {
                "انها" | "وهي" | "هي" => Some('f'),
                "انه" | "وهو" | "هو" => Some('m'),
                "انهم" | "وهم" | "هم" => Some('p'),
                _ => None,
            });
            let antecedent = pronoun.and_then(|g| {
                self.actor_mentions(s.first_token, t).into_iter().rev().filter(usable).find(|&mi| self.gender(&self.d.mentions[mi]) == g)
            });
            let agent = if antecedent.is_some() {
                antecedent
            } else if nominal {
                // The genitive of a transitive verbal noun is its object when an agent stands
                // before it (تمكنت قوات النظام من طرد داعش).
                if transitive && left_agent.is_some() && genitive.is_some() {
                    targets.extend(genitive);
                    left_agent
                } else {
                    genitive.or(left_agent)
                }
            } else if clause_head {
                first_right.or(left_agent)
            } else {
                left_agent.or(first_right)
            };
            if let Some(a) = agent {
                agents = self.coordinated(a, right_hi.max(t + 1));
            }
            // Targets: governed by على/ضد/مع/ل after the trigger, or the object after a VSO agent.
            if targets.is_empty() {
                for &mi in &right {
                    if agents.contains(&mi) {
                        continue;
                    }
                    let m = &self.d.mentions[mi];
                    if self.target_governed(m) && !self.locative(m) && self.prep_fits(m, kind) {
                        targets.extend(self.coordinated(mi, right_hi));
                        break;
                    }
                }
            }
            if targets.is_empty() && (transitive || kind == EventType::Consult) {
                let after_agent = agents.iter().map(|&a| self.d.mentions[a].end).max().unwrap_or(t + 1).max(t + 1);
                if let Some(&mi) = right.iter().find(|&&mi| {
                    !agents.contains(&mi)
                        && self.d.mentions[mi].first >= after_agent
                        && self.d.mentions[mi].first <= after_agent + 2
                        && usable(&mi)
                }) {
                    targets = self.coordinated(mi, right_hi);
                }
            }
        }
        targets.retain(|x| !agents.contains(x));

        // A visit rather than a deployment when the agent is a person or an official.
        let mut kind = kind;
        let mut mode = mode;
        if let Some(alt) = needs.iter().find_map(|n| if let Need::PersonType(a) = n { Some(*a) } else { None }) {
            // "قوات الرئيس بشار الأسد" are forces, not the person.
            let forces_of = |m: &Mention| (m.first.saturating_sub(3)..m.first).any(|k| FORCES.contains(&bare(&words[k])));
            let person = agents.iter().any(|&a| {
                let m = &self.d.mentions[a];
                m.actor.is_some_and(|x| matches!(self.d.kb.actors[x].kind, ActorType::Person)) && !forces_of(m)
            }) || agents.iter().any(|&a| {
                let m = &self.d.mentions[a];
                (m.first.saturating_sub(4)..m.first)
                    .any(|k| TITLES.contains(&bare(&words[k])) || TITLES.contains(&words[k].seg.key.as_str()))
            }) || (t + 1..(t + 3).min(s.end_token)).any(|k| TITLES.contains(&bare(&words[k])));
            if person {
                kind = alt;
                mode = Some("visit".into());
            }
        }

        let mut actors: Vec<Arg> = agents.iter().map(|&mi| self.mention_arg(&self.d.mentions[mi], false)).collect();
        if actors.is_empty()
            && matches!(kind, EventType::Mobilize | EventType::Assault | EventType::Retreat | EventType::Coerce | EventType::Protest)
        {
            actors.extend(self.group_subject(t, clause_head, clause_start, agent_hi));
        }
        if let Some(k) = pair_arg {
            // The arguments point at "البلدان" itself, linked to what it refers to.
            let here = self.slice(k, k + 1);
            for a in &mut actors {
                a.span = here.clone();
            }
        }
        let targets: Vec<Arg> = targets.iter().map(|&mi| self.mention_arg(&self.d.mentions[mi], false)).collect();
        let places = self.places(s, t, kind);
        let date = self.nearest_time(s, t, lo, hi);
        // A comma right before the verb separates a long subject from it, not two clauses.
        let q_start = (lo..t)
            .rev()
            .find(|&k| CONNECTORS.contains(&bare(&words[k])) || ((words[k].is_punct("،") || words[k].is_punct(",")) && k + 1 != t))
            .map_or(lo, |k| k + 1);
        let quantity = self.quantity(s, t, q_start, hi, kind);
        let status = self.status(s, t, &source);
        let trig = self.slice(t, t + 1);
        let mut confidence: f64 = 0.45;
        confidence += if actors.is_empty() { 0.0 } else { 0.15 };
        confidence += if places.is_empty() { 0.0 } else { 0.1 };
        confidence += if date.is_some() { 0.1 } else { 0.0 };
        confidence += if source.is_some() { 0.1 } else { 0.0 };
        confidence -= if nominal { 0.05 } else { 0.0 };
        Some(Event {
            kind,
            mode,
            trigger: trig.clone(),
            sentence: SentenceSpan { start: s.span.start, end: s.span.end },
            actors,
            targets,
            places,
            date,
            quantity,
            source,
            status,
            confidence: (confidence.clamp(0.05, 0.95) * 100.0).round() / 100.0,
            mentions: vec![EventMention { trigger: trig.clone(), sentence: SentenceSpan { start: s.span.start, end: s.span.end } }],
        })
    }

    fn places(&self, s: &Sentence, t: usize, kind: EventType) -> Vec<Arg> {
        let words = self.d.words;
        let mut cands: Vec<(usize, usize)> = Vec::new();
        let mut seen = None;
        for k in s.first_token..s.end_token {
            if let Some(mi) = self.mention_at[k] {
                if seen == Some(mi) {
                    continue;
                }
                seen = Some(mi);
                let m = &self.d.mentions[mi];
                // A place that is no actor is a place wherever it stands (قصفت الطائرات حلب، زار دمشق).
                if m.place.is_some() && (m.actor.is_none() || self.locative(m)) {
                    let mut dist = if m.first > t { m.first - t } else { (t - m.first) * 2 };
                    // Where forces go matters more than where they came from (دخلت من العراق إلى سوريا).
                    let origin = m.first > 0 && bare(&words[m.first - 1]) == "من";
                    if origin && matches!(kind, EventType::Mobilize | EventType::Aid) {
                        dist += 100;
                    }
                    cands.push((dist, mi));
                }
            }
        }
        cands.sort();
        let mut out: Vec<Arg> = Vec::new();
        for (_, mi) in cands.into_iter().take(3) {
            let a = self.mention_arg(&self.d.mentions[mi], true);
            if !out.iter().any(|o| o.link.id == a.link.id) {
                out.push(a);
            }
        }
        out
    }

    /// The time of an event: the nearest after the trigger within its clause, else the nearest
    /// before it within its clause, else the nearest in the sentence.
    fn nearest_time(&self, s: &Sentence, t: usize, lo: usize, hi: usize) -> Option<TimeExpr> {
        let words = self.d.words;
        let tc = words[t].tok.span.start;
        let (clo, chi) = (words[lo].tok.span.start, words[hi.max(lo + 1) - 1].tok.span.end);
        // Times come in text order: the sentence's own are found by binary search, not a scan.
        let (a, b) = (self.d.times.partition_point(|x| x.start < s.span.start), self.d.times.partition_point(|x| x.start < s.span.end));
        let resolved = || self.d.times[a..b].iter().filter(|x| x.value.is_some() && x.start >= s.span.start && x.end <= s.span.end);
        resolved()
            .filter(|x| x.start >= tc && x.end <= chi)
            .min_by_key(|x| x.start - tc)
            .or_else(|| resolved().filter(|x| x.end <= tc && x.start >= clo).max_by_key(|x| x.end))
            .or_else(|| resolved().min_by_key(|x| if x.start >= tc { x.start - tc } else { (tc - x.end) * 2 }))
            .cloned()
    }

    /// The number of an event, of a fitting unit: as for dates, its own clause first.
    fn quantity(&self, s: &Sentence, t: usize, lo: usize, hi: usize, kind: EventType) -> Option<Quantity> {
        let words = self.d.words;
        let tc = words[t].tok.span.start;
        let (clo, chi) = (words[lo].tok.span.start, words[hi.max(lo + 1) - 1].tok.span.end);
        let fits = |q: &Quantity| match (kind, q.unit.as_deref()) {
            (EventType::Mobilize | EventType::Aid | EventType::Retreat, Some(u)) => TROOP_UNITS.contains(&u),
            (EventType::Assault | EventType::Coerce, Some(u)) => HARM_UNITS.contains(&u) || TROOP_UNITS.contains(&u),
            (EventType::Mobilize | EventType::Assault, None) => true,
            _ => false,
        };
        // The counted subject stands before the verb as often as after it (أن مئات من الجنود وصلوا):
        // the nearest in the clause, either side.
        let dist = |q: &Quantity| if q.start >= tc { q.start - tc } else { tc.saturating_sub(q.end) };
        let qs = self.d.quantities;
        let (a, b) = (qs.partition_point(|q| q.start < s.span.start), qs.partition_point(|q| q.start < s.span.end));
        qs[a..b]
            .iter()
            .filter(|q| q.start >= s.span.start.max(clo) && q.end <= s.span.end.min(chi) && fits(q))
            .min_by_key(|q| dist(q))
            .cloned()
    }

    fn status(&self, s: &Sentence, t: usize, source: &Option<Source>) -> Status {
        let words = self.d.words;
        let w = &words[t];
        let before = |k: usize| (s.first_token.max(t.saturating_sub(k))..t).map(|i| bare(&words[i]).to_string()).collect::<Vec<_>>();
        if self.negated.borrow().contains(&t) {
            return Status::Negated;
        }
        if w.seg.future() || before(3).iter().any(|k| FUTURE_BEFORE.contains(&k.as_str())) {
            return Status::Planned;
        }
        if (s.first_token..t).any(|i| DENIALS.contains(&bare(&words[i]))) {
            return Status::Denied;
        }
        if self.claimed.borrow().contains(&t)
            || (s.first_token..t).any(|i| CLAIMS.contains(&bare(&words[i])))
            || source.as_ref().is_some_and(|x| x.span.text.is_empty())
        {
            return Status::Claimed;
        }
        Status::Reported
    }

    /// The attribution of a sentence: a cue word and the phrase naming the source after it.
    fn sources_of(&mut self, s: &Sentence) -> Vec<(Source, bool)> {
        let mut out = Vec::new();
        let words = self.d.words;
        let mut i = s.first_token;
        while i < s.end_token {
            let w = &words[i];
            let k = bare(w);
            let mut cue = is_attribution(k) || (k.starts_with("وفق") && k.len() <= 8);
            // نقل also means "moved": it reports only with an outlet or عن after it.
            if cue && k.starts_with("نقل") {
                cue = (i + 1..(i + 5).min(s.end_token)).any(|x| {
                    let b = bare(&words[x]);
                    matches!(b, "عن" | "وكاله" | "صحيفه" | "قناه" | "موقع" | "مصادر" | "مصدر")
                        || self.mention_at[x].is_some_and(|mi| {
                            self.d.mentions[mi].actor.is_some_and(|a| matches!(self.d.kb.actors[a].kind, ActorType::Media))
                        })
                });
            }
            if !cue || self.mention_at[i].is_some() {
                i += 1;
                continue;
            }
            // Skip "ما" and a second cue (وفق ما أفاد), and a quoted opening.
            let mut j = i + 1;
            while j < s.end_token
                && (matches!(bare(&words[j]), "ما")
                    || is_attribution(bare(&words[j]))
                    || words[j].tok.kind == TokenKind::Punct && !matches!(words[j].tok.text, "،" | ":" | "." | ","))
            {
                j += 1;
            }
            // نقلت وكالة … : the agency; قال … لوكالة X: the speaker stays the source.
            if j >= s.end_token {
                break;
            }
            let k = k.to_string();
            let k = k.as_str();
            if let Some(src) = self.source_phrase(j, s.end_token) {
                let adverbial = ADVERBIAL_CUES.contains(&k) || k.starts_with("وفق");
                out.push((src, adverbial));
            }
            i = j.max(i + 1);
        }
        out
    }

    fn source_phrase(&mut self, j: usize, end: usize) -> Option<Source> {
        let words = self.d.words;
        if let Some(mi) = self.mention_at[j] {
            let m = &self.d.mentions[mi];
            let a = self.mention_arg(m, false);
            let actor = m.actor.map(|x| &self.d.kb.actors[x]);
            if actor.is_some_and(|x| matches!(x.kind, ActorType::Media)) {
                self.last_agency = Some((a.link.name.clone().unwrap_or_else(|| a.span.text.clone()), a.link.id.clone()));
            }
            if m.kind == MentionKind::Demonym {
                return None;
            }
            let name = a.link.name.clone();
            self.last_source = name.clone().or(Some(a.span.text.clone()));
            return Some(Source { span: a.span, name, id: a.link.id });
        }
        let w = &words[j];
        if w.tok.kind != TokenKind::Arabic || SOURCE_STOPS.contains(&bare(w)) || w.seg.prefixes.contains(&"ل") {
            return None;
        }
        // A noun phrase: up to four words, stopping at function words, ل-phrases and punctuation.
        let mut e = j + 1;
        while e < end && e < j + 4 {
            let x = &words[e];
            if x.tok.kind != TokenKind::Arabic
                || SOURCE_STOPS.contains(&bare(x))
                || x.seg.prefixes.contains(&"ل")
                || self.mention_at[e].is_some_and(|mi| self.d.mentions[mi].kind == MentionKind::Name)
            {
                break;
            }
            e += 1;
        }
        // A named agency right after وكالة (نقلت وكالة "فارس"): take the name.
        let head = bare(w).to_string();
        if matches!(head.as_str(), "وكاله" | "صحيفه" | "قناه" | "موقع") {
            let mut k = j + 1;
            while k < end && k <= j + 6 {
                if let Some(mi) = self.mention_at[k] {
                    let m = &self.d.mentions[mi];
                    if m.actor.is_some_and(|x| matches!(self.d.kb.actors[x].kind, ActorType::Media)) {
                        let span = self.slice(j, m.end);
                        let a = self.mention_arg(m, false);
                        self.last_agency = Some((a.link.name.clone().unwrap_or(a.span.text.clone()), a.link.id.clone()));
                        self.last_source = a.link.name.clone();
                        return Some(Source { span, name: a.link.name, id: a.link.id });
                    }
                }
                k += 1;
            }
        }
        let span = self.slice(j, e);
        let (name, id) = match head.as_str() {
            "الوكاله" => self.last_agency.clone().map(|(n, i)| (Some(n), i)).unwrap_or((None, None)),
            "المصدر" | "المصادر" => (self.last_source.clone(), None),
            _ => {
                self.last_source = Some(span.text.clone());
                (None, None)
            }
        };
        Some(Source { span, name, id })
    }
}

//! Where, when and how many: the places, the date and the count of an event, its own clause first.

use rasad_model::{Arg, EventType, Quantity, TimeExpr};
use rasad_text::Sentence;

use crate::context::{bare, Ctx};

pub(crate) const TROOP_UNITS: &[&str] =
    &["مقاتل", "جندي", "عنصر", "مسلح", "ضابط", "مستشار", "عسكري", "شخص", "متطوع", "مرتزق", "مجند", "مقاتلين"];

pub(crate) const HARM_UNITS: &[&str] = &[
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

impl Ctx<'_, '_, '_> {
    pub(crate) fn places(&self, s: &Sentence, t: usize, kind: EventType) -> Vec<Arg> {
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
    pub(crate) fn nearest_time(&self, s: &Sentence, t: usize, lo: usize, hi: usize) -> Option<TimeExpr> {
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
    pub(crate) fn quantity(&self, s: &Sentence, t: usize, lo: usize, hi: usize, kind: EventType) -> Option<Quantity> {
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

    /// True when a quantity counts deaths: its noun is a death noun (قتيل، شهيد …), or one of the
    /// three words before it is a death cue (مقتل 12 مدنيا، ضحايا …).
    pub(crate) fn counts_deaths(&self, q: &Quantity) -> bool {
        if q.unit.as_deref().is_some_and(|u| DEATH_UNITS.contains(&u)) {
            return true;
        }
        let words = self.d.words;
        let k = words.partition_point(|w| w.tok.span.start < q.start);
        words[..k].iter().rev().filter(|w| w.tok.is_word()).take(3).any(|w| {
            let b = bare(w);
            DEATH_CUES.contains(&b.strip_prefix("ال").unwrap_or(b))
        })
    }
}

/// Counted nouns that are deaths.
const DEATH_UNITS: &[&str] = &["قتيل", "شهيد", "ضحيه", "جثه", "ميت"];
/// Words just before a count that make it a death toll ("مقتل 12 مدنيا").
const DEATH_CUES: &[&str] = &["مقتل", "قتل", "مصرع", "استشهاد", "وفاه", "قتلي", "ضحايا"];

//! Captures: the target of a capture is the side that held what was taken.
//!
//! Coders give a capture (سيطرت، استعادت، تحرير، تطهير) the force that lost the place as its
//! target, never the place (سيطرت المقاومة على جبل صبر الذي كانت تتمركز فيه ميليشيات الحوثي:
//! the Houthis). Triggers whose frame has `held` (data/triggers.tsv) keep only armed targets that
//! are no state by name ([`Ctx::capture_side`]), and without one take the holder their sentence
//! names after them ([`Ctx::holder`]): the side after من (تحرير المدينة من داعش), under whose
//! control the place was (كانت تحت سيطرة الحوثيين), or which was stationed there, and not an
//! ally of the actor (بدعم من التحالف، القوات الموالية لهادي: cue list `allies`). Taking a place
//! and the fighting before it stay two events (merge.rs: mode capture or clearing).

use rasad_kb::ActorType;

use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::phrases::Phrase;

/// Words before a phrase, at most this many, that make it the actor's ally.
const ALLY_REACH: usize = 3;
/// Words before a phrase, at most this many, over which an ally's chain of genitives reaches.
const ALLY_CHAIN: usize = 6;

impl Ctx<'_, '_, '_> {
    /// The armed side the sentence names after the capture at `t` (up to `end`, the sentence's end
    /// token) that held what was taken: the first armed phrase after it that is no agent, not in
    /// the reporting source and not introduced as the agents' ally.
    pub(crate) fn holder(&self, ps: &[Phrase], t: usize, end: usize, agents: &[usize]) -> Option<usize> {
        ps.iter().enumerate().find_map(|(k, p)| {
            (p.first > t
                && p.end <= end
                && !agents.contains(&k)
                && self.capture_side(p)
                && !self.in_source(p)
                && !self.ally(p, t)
                && !agents.iter().any(|&a| self.same_actor(&ps[a], p)))
            .then_some(k)
        })
    }

    /// The targets of the capture at `t` that may have held what it took: a side after من or an
    /// armed force ([`Ctx::capture_side`]), not introduced as the actor's ally (بدعم من طيران
    /// التحالف); the place or site taken is none.
    pub(crate) fn held_targets(&self, ps: &[Phrase], t: usize, targets: &mut Vec<usize>) {
        targets.retain(|&k| {
            let p = &ps[k];
            (self.capture_side(p) || (p.governor.as_deref() == Some("من") && p.patient() && !self.all_below_country(p))) && !self.ally(p, t)
        });
    }

    /// True when one of the [`ALLY_REACH`] words before phrase `p` (after the trigger at `t`)
    /// introduces an ally (cue list `allies`), or one further back heads the chain of genitives
    /// and prepositions that ends in `p` (بدعم من الغارات الجوية للتحالف: no comma and no و between).
    fn ally(&self, p: &Phrase, t: usize) -> bool {
        let words = self.d.words;
        if (p.first.saturating_sub(ALLY_REACH).max(t + 1)..p.first).any(|k| cues().allies.has(bare(&words[k]))) {
            return true;
        }
        let lo = p.first.saturating_sub(ALLY_CHAIN).max(t + 1);
        for k in (lo..p.first).rev() {
            let w = &words[k];
            if cues().allies.has(bare(w)) {
                return true;
            }
            if w.tok.kind == rasad_text::TokenKind::Punct || w.seg.prefixes.contains(&"و") {
                return false;
            }
        }
        false
    }

    /// True when a phrase may be the side that held a place: an armed force ([`Ctx::armed_phrase`])
    /// that is no state by name (اليمن، العراق after a capture say where, not who).
    pub(crate) fn capture_side(&self, p: &Phrase) -> bool {
        let state = p.link.and_then(|m| self.d.mentions[m].actor).is_some_and(|a| self.d.kb.actors[a].kind == ActorType::State);
        self.armed_phrase(p) && !state
    }

    /// True when two phrases are linked to the same actor of the catalogue.
    fn same_actor(&self, a: &Phrase, b: &Phrase) -> bool {
        let actor = |p: &Phrase| p.link.and_then(|m| self.d.mentions[m].actor);
        matches!((actor(a), actor(b)), (Some(x), Some(y)) if x == y)
    }
}

//! How the text presents an event: reported, claimed, planned, denied or negated.

use rasad_model::{Source, Status};
use rasad_text::Sentence;

use crate::context::{bare, Ctx};
use crate::cues::cues;

impl Ctx<'_, '_, '_> {
    /// The status of the event of trigger `t`: negated (لم، لن، عدم before it), planned (سـ، سوف،
    /// من المقرر within three words before), denied (نفى before it in the sentence), claimed
    /// (زعم، ادعى, or the act an accusation names).
    pub(crate) fn status(&self, s: &Sentence, t: usize, source: &Option<Source>) -> Status {
        let words = self.d.words;
        let c = cues();
        if self.negated.borrow().contains(&t) {
            return Status::Negated;
        }
        if words[t].seg.future() || (s.first_token.max(t.saturating_sub(3))..t).any(|i| c.future.has(bare(&words[i]))) {
            return Status::Planned;
        }
        if (s.first_token..t).any(|i| c.denials.has(bare(&words[i]))) {
            return Status::Denied;
        }
        if self.claimed.borrow().contains(&t)
            || (s.first_token..t).any(|i| c.claims.has(bare(&words[i])))
            || source.as_ref().is_some_and(|x| x.span.text.is_empty())
        {
            return Status::Claimed;
        }
        Status::Reported
    }
}

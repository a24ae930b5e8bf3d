//! How the text presents an event: reported, claimed, planned, denied or negated.

use rasad_model::{Source, Status};
use rasad_text::Sentence;

use crate::context::{bare, Ctx};

pub(crate) const FUTURE_BEFORE: &[&str] =
    &["سوف", "يعتزم", "تعتزم", "ينوي", "تنوي", "يخطط", "تخطط", "المقرر", "المتوقع", "المرتقب", "المرتقبه", "يجب", "ستقوم", "سيقوم"];
pub(crate) const DENIALS: &[&str] = &["نفي", "نفت", "ينفي", "تنفي", "نفوا"];

pub(crate) const CLAIMS: &[&str] = &["زعم", "زعمت", "يزعم", "تزعم", "ادعي", "ادعت", "يدعي", "تدعي"];

impl Ctx<'_, '_, '_> {
    pub(crate) fn status(&self, s: &Sentence, t: usize, source: &Option<Source>) -> Status {
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
}

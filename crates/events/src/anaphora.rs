//! A body or an office named again by its bare definite noun refers back to the last one of that
//! noun named in full (cue lists `anaphoric_bodies`, `anaphoric_offices`): وأعلنت وزارة الداخلية
//! الكويتية ضبط الخلية … وأكدت الوزارة إحالة المتهمين (the ministry is the Kuwaiti interior
//! ministry); ودان مجلس الوزراء السعودي الاقتحام، وطالب المجلس بوضع حد (the Saudi cabinet); وقال
//! النائب فلان الفلاني … وشدد النائب على (that deputy). The earlier phrase, with its own span and
//! link, is the argument; nothing is made up.
//!
//! A body's earlier phrase must say more than the bare noun (a genitive, a name or an adjective:
//! مجلس الشعب المصري), an office's must hold a person's name; a bare repetition is passed over to
//! the one before it. Without such a phrase in the last few hundred words the noun stays itself.

use rasad_model::Arg;

use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::phrases::Phrase;

/// How many words back the full naming may stand.
const WINDOW: usize = 400;

impl Ctx<'_, '_, '_> {
    /// The argument a bare definite body or office noun refers back to (see the module).
    pub(crate) fn antecedent(&self, p: &Phrase) -> Option<Arg> {
        let words = self.d.words;
        if p.end != p.first + 1 || p.link.is_some() {
            return None;
        }
        let key = bare(&words[p.first]);
        let c = cues();
        let office = c.anaphoric_offices.has(key);
        if !office && !c.anaphoric_bodies.has(key) {
            return None;
        }
        let stem = key.strip_prefix("ال")?;
        for k in (p.first.saturating_sub(WINDOW)..p.first).rev() {
            let b = bare(&words[k]);
            if b.strip_prefix("ال").unwrap_or(b) != stem {
                continue;
            }
            let sentences = self.d.sentences;
            let Some(s) = sentences.get(sentences.partition_point(|s| s.end_token <= k)).filter(|s| s.first_token <= k) else {
                continue;
            };
            let ps = self.phrases(k, s.end_token);
            let Some(q) = ps.first().filter(|q| q.first == k) else { continue };
            let full = if office { self.person_in(q.first, q.end) } else { q.end > q.first + 1 };
            if full {
                return Some(self.phrase_arg(q));
            }
        }
        None
    }
}

//! Accused acts: the act an accusation names (اتهمت إيران إسرائيل بشن غارة، اتهام المحكمة للرئيس
//! بارتكاب جرائم) is what the accuser claims, the content of the ACCUSE event, and no event of its
//! own; [`Ctx::accused_content`] finds the words of that ب-phrase for the trigger reader.

use rasad_text::{Sentence, TokenKind};

use crate::context::Ctx;
use crate::lexicon::Need;

impl Ctx<'_, '_, '_> {
    /// True when token `i` is in the ب-phrase of an accusation: a word that accuses stands among
    /// the ten tokens before it in its sentence, whether or not it states an event there, and a
    /// word with ب follows that word, at `i` or, for a `nominal` trigger without و, up to three
    /// tokens before it (بتفجير، بارتكاب أعمال اغتصاب، بشن هذه الهجمات; not the verb of a new
    /// predicate: منددة بجرائم الاحتلال ومتعهدة بالدفاع). A word accuses when an entry of it is of
    /// a type that `claims` (types.toml), its content (its own frame's, else its type's) opens
    /// with ب, its conditions only exclude (اتهم، اتهام، تتهم، ندد; not حمّل المسؤولية near=, whose
    /// word محملة is "loaded", nor تحقيق whose content is في); after a definite participle (المتهمين,
    /// the defendants) only the ب right after it opens the content.
    pub(crate) fn accused_content(&self, s: &Sentence, i: usize, nominal: bool) -> bool {
        let words = self.d.words;
        let accuses = |e: &crate::lexicon::TriggerEntry| {
            let info = crate::types::info(e.kind);
            let content = e.frame.as_ref().map(|f| &f.content).filter(|c| !c.is_empty()).unwrap_or(&info.content);
            info.claims && content.iter().any(|p| p == "ب") && e.needs.iter().all(Need::only_excludes)
        };
        let lo = s.first_token.max(i.saturating_sub(10));
        let Some((k, h)) =
            (lo..i).rev().find_map(|k| self.d.lexicon.lookup(&words[k]).filter(|h| h.entries.iter().any(accuses)).map(|h| (k, h)))
        else {
            return false;
        };
        // A definite participle names the accused (المتهمين بقتل الصحفي): its ب phrase is right after it.
        let accused_persons = words[k].seg.definite() && !h.entries.iter().any(|e| accuses(e) && (e.verb || e.noun));
        let opens = |j: usize| words[j].seg.prefixes.contains(&"ب") && (j == k + 1 || !accused_persons);
        let w = &words[i];
        if opens(i) || (nominal && !w.seg.prefixes.contains(&"و") && ((k + 1).max(i.saturating_sub(3))..i).any(opens)) {
            return true;
        }
        // A word joined by و to an accused act up to three words before it, with no punctuation
        // between, is one more act of the accusation (بارتكاب أعمال اغتصاب وقتل وإعدام، بقصف الأحياء
        // وقتل المدنيين), though the clause splitter read its و as a new clause's.
        w.seg.prefixes.contains(&"و")
            && ((k + 1).max(i.saturating_sub(3))..i).rev().take_while(|&j| words[j].tok.kind != TokenKind::Punct).any(|j| {
                self.d.lexicon.lookup(&words[j]).is_some_and(|h| h.entries.iter().any(|e| e.noun)) && self.accused_content(s, j, true)
            })
    }
}

//! When a participle of the lexicon states an event: as a circumstantial clause (حال) of its
//! clause's subject, or as the predicate a reported subject bears. Elsewhere it describes a noun
//! (أشخاص متهمين، إجراءات مشددة) or is one (الداعية, a preacher).

use rasad_text::TokenKind;

use crate::clauses::Clause;
use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::lexicon::TriggerEntry;
use crate::triggers::PRONOUNS;

impl Ctx<'_, '_, '_> {
    /// True when the participle at `i` is a circumstantial clause: indefinite, right after a
    /// comma, و or the start of its clause (… مؤكدا، داعيا إلى; clauses.rs opens one at a
    /// `bare_hal` too), or with إياه after it (متهمة إياه).
    pub(crate) fn circumstantial(&self, c: &Clause, i: usize) -> bool {
        let words = self.d.words;
        let w = &words[i];
        !w.seg.definite()
            && (i == c.first
                || self.before_iyya(i)
                || words[i - 1].tok.kind == TokenKind::Punct
                || w.seg.prefixes.first() == Some(&"و")
                || words[i - 1].key == "و")
    }

    /// True when the word at `i` opens a circumstantial clause with no comma before it: a
    /// participle of a type whose participles state what a speaker does (`speaking` in
    /// types.toml), indefinite, in the accusative (مطالبا، منددين), after a finite verb of the
    /// clause that starts at `first` (وأعرب المسؤولون عن قلقهم منددين بالإفراج عنه، ووصف التجربة
    /// بالشكلية مهددا بالانسحاب). Not with a pronoun on it (مطالبها: a noun), not counted (محاكمة
    /// 29 متهما: defendants), not the object of an indefinite verbal noun (بمحاكمة متهمين), and
    /// not right after an indefinite noun it may describe (ضبط أشخاص متهمين) unless that noun is
    /// a feminine plural (اعتداءات) it cannot agree with.
    pub(crate) fn bare_hal(&self, first: usize, i: usize) -> bool {
        let words = self.d.words;
        let w = &words[i];
        let b = bare(w);
        if i <= first || w.seg.definite() || !(b.ends_with('ا') || b.ends_with("ين")) {
            return false;
        }
        let speaking = self.d.lexicon.lookup(w).is_some_and(|h| {
            h.entries.iter().any(|e| e.participle && crate::types::info(e.kind).speaking && !e.frame.as_ref().is_some_and(|f| f.bears))
        });
        let prev = &words[i - 1];
        let counted = (i.saturating_sub(6)..=i).any(|k| self.quantity_at[k].is_some_and(|q| self.d.quantities[q].end >= prev.tok.span.end));
        // (An adverb of manner before it is neither: انتقد الحكومة بشدة مطالبا.)
        let adverb = crate::context::manner_len(words, i - 1) > 0;
        let object = !adverb && !prev.seg.definite() && self.d.lexicon.lookup(prev).is_some();
        speaking
            && !counted
            && !object
            && !w.seg.suffixes.iter().any(|x| PRONOUNS.contains(x))
            && (adverb || !self.indefinite_noun(prev, i - 1) || bare(prev).ends_with("ات"))
            && (first..i - 1).any(|k| !words[k].seg.definite() && self.is_verb(k))
    }

    /// True when the participle at `i` (read as `e`) is the predicate of a reported clause whose
    /// subject bears it (قال الوزير إن طهران متورطة في …; its row's frame has `bears`): after أن
    /// and its subject, indefinite, with no verb before it (not اعتقلت عشرة أشخاص متورطين, which
    /// describes whom it took). In the accusative (متورطين، متورطا) only after كان and its
    /// sisters: after إن alone it describes the noun (إن عشرة أشخاص متورطين في الهجوم اعتقلوا).
    pub(crate) fn bears_predicate(&self, c: &Clause, i: usize, e: &TriggerEntry) -> bool {
        let words = self.d.words;
        let w = &words[i];
        let accusative = ["ين", "ا"].iter().any(|x| bare(w).ends_with(x));
        let kana = || (c.first..i).any(|k| cues().kana.has(bare(&words[k])));
        e.frame.as_ref().is_some_and(|f| f.bears)
            && (!accusative || kana())
            && !w.seg.definite()
            && c.link == crate::clauses::Link::Complement
            && i > c.first + 1
            && !(c.first..i).any(|k| !words[k].seg.definite() && self.is_verb(k))
    }
}

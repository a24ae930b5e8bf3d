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
    /// بالشكلية مهددا بالانسحاب); a feminine one (مطالبة، منددة) after a feminine verb (وانتقدت
    /// المعارضة أداء الحكومة مطالبة الوزراء بالاستقالة). Not with a pronoun on it (مطالبها: a
    /// noun), not counted (محاكمة 29 متهما: defendants), not the object of an indefinite verbal
    /// noun (بمحاكمة متهمين), not after a preposition (من داعية: a preacher), not a predicate
    /// participle (متورطين), and not right after an indefinite noun of its gender it may describe
    /// (ضبط أشخاص متهمين; but اعتداءات منددين، بيانا منددة).
    pub(crate) fn bare_hal(&self, first: usize, i: usize) -> bool {
        let words = self.d.words;
        let w = &words[i];
        let b = bare(w);
        let feminine = b.ends_with('ه');
        if i <= first || w.seg.definite() || !(b.ends_with('ا') || b.ends_with("ين") || feminine) {
            return false;
        }
        let speaking = self.d.lexicon.lookup(w).is_some_and(|h| {
            h.entries.iter().any(|e| e.participle && crate::types::info(e.kind).speaking && !e.frame.as_ref().is_some_and(|f| f.bears))
        });
        if !speaking || w.seg.suffixes.iter().any(|x| PRONOUNS.contains(x)) {
            return false;
        }
        let prev = &words[i - 1];
        let counted = (i.saturating_sub(6)..=i).any(|k| self.quantity_at[k].is_some_and(|q| self.d.quantities[q].end >= prev.tok.span.end));
        // (An adverb of manner before it is neither: انتقد الحكومة بشدة مطالبا.)
        let adverb = crate::context::manner_len(words, i - 1) > 0;
        let object = !adverb && !prev.seg.definite() && self.d.lexicon.lookup(prev).is_some();
        // (The gender of the noun before it by its ending: ة and ات feminine.)
        let pb = bare(prev);
        let agrees = (pb.ends_with('ه') || pb.ends_with("ات")) == feminine;
        let describes = !adverb && agrees && self.indefinite_noun(prev, i - 1);
        let verb = (first..i - 1).find(|&k| !words[k].seg.definite() && self.is_verb(k));
        // (A feminine verb by its perfect's ending: تبنى and تعرض open with ت and are masculine.)
        let verb_agrees = verb.is_some_and(|v| !feminine || words[v].key_without_conj().ends_with('ت'));
        // (Nor after a preposition, whose noun it is: مقرب من داعية إسلامي، في مطالبة.)
        !counted && !object && !describes && verb_agrees && !crate::triggers::governs(prev)
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

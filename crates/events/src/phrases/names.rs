//! Names and what marks them in a phrase: the NER name or the catalogue mention at a token, a
//! name inside quotation marks (عناصر «داعش»), a person in a span, a clitic that opens a new
//! phrase unless a name begins with that letter (باراك أوباما، لطفي), the preposition that governs
//! a phrase (على، مع، بـ، لـ), and the phrase's link (سفير خادم الحرمين الشريفين is the office, not
//! the king).

use rasad_kb::ActorType;
use rasad_model::Label;
use rasad_text::TokenKind;

use super::words::construct;
use super::Head;
use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::forms::word_class;

impl Ctx<'_, '_, '_> {
    /// The NER name (token range, label) that starts at token `i`, if any.
    /// The NER name (end token, label) that starts at token `i`, if any.
    pub(crate) fn name_at(&self, i: usize) -> Option<(usize, Label)> {
        let names = &self.names;
        let k = names.partition_point(|n| n.0 < i);
        names.get(k).filter(|n| n.0 == i && n.1 > i && matches!(n.2, Label::Per | Label::Org)).map(|n| (n.1, n.2))
    }

    /// The end of the name after an abbreviated title at `i` (د. خالد الحمادي، م. سالم: one
    /// Arabic letter and the dot right after it), the tagger's or one of common names; none
    /// without such a title or a name after it, or past `hi`.
    pub(super) fn titled_name_end(&self, i: usize, hi: usize) -> Option<usize> {
        if i + 2 >= hi || !super::words::abbreviated_title(self.d.words, i) {
            return None;
        }
        self.name_at(i + 2).map(|n| n.0).or_else(|| self.name_units(i + 2, hi))
    }

    /// The end of a person's name the tagger missed after a title (السيد علي السيستاني، الشيخ
    /// حمد الراشد): from token `i`, a common given name of the person-name units
    /// ([`rasad_ner::features::name_code`], from Wikidata: ten people or more) and one to three
    /// more units, each a family name or a common given name of three letters or more; no unit
    /// names a group, an office, people or an event, carries the article (the first) or ends in
    /// ى (على، إلى fold to names' keys). `None` when no such name starts at `i`.
    pub(crate) fn name_units(&self, i: usize, hi: usize) -> Option<usize> {
        let words = self.d.words;
        let plain = |k: usize| {
            let w = &words[k];
            w.tok.kind == TokenKind::Arabic
                && !w.tok.text.ends_with('ى')
                && w.key.chars().count() >= 3
                && crate::forms::word_class(w).is_none()
                && self.d.lexicon.lookup(w).is_none()
                && self.mention_starting(k).is_none()
                && self.quantity_at[k].is_none()
        };
        // Given-name and family-name steps: 0 none, 1 one to nine people, 2 ten or more.
        let steps = |k: usize| {
            let c = rasad_ner::features::name_code(&words[k]);
            (c / 3, c % 3)
        };
        if i >= hi || !plain(i) || words[i].seg.definite() || steps(i).0 < 2 {
            return None;
        }
        let mut end = i + 1;
        while end < hi && end < i + 4 && plain(end) && matches!(steps(end), (2, _) | (_, 1..)) {
            end += 1;
        }
        (end >= i + 2).then_some(end)
    }

    /// True when the word at `i` is a family name the tagger missed, standing as the subject right
    /// after a verb with another argument after it (ودعا عريقات المجتمع الدولي إلى، وانتقد الجبير
    /// إيران، وطالب الخرينج الدول العربية، وحذر الظفيري من): a family name and nobody's given
    /// name (see `family_name` below), one word without a clitic but the article and the nisba's ي,
    /// of no class, event, place or time, not a document or a stop word, with a party, a class
    /// word, a preposition or a definite noun after it that is no adjective of it (أدان البيان
    /// الختامي).
    pub(crate) fn surname_subject(&self, i: usize, hi: usize) -> bool {
        let words = self.d.words;
        let w = &words[i];
        let c = cues();
        let shaped = i > 0
            && i + 1 < hi
            && w.tok.kind == TokenKind::Arabic
            && w.seg.prefixes.iter().all(|p| *p == "ال")
            && w.seg.suffixes.iter().all(|x| *x == "ي")
            && !w.tok.text.ends_with('ى')
            && bare(w).chars().count() >= 4;
        // (The cheap tests first: this runs on most words that start no other phrase.)
        if !shaped || self.in_time[i] || self.quantity_at[i].is_some() || self.mention_at[i].is_some() || !self.is_verb(i - 1) {
            return false;
        }
        if !family_name(w) {
            return false;
        }
        let k = w.key.as_str();
        if word_class(w).is_some()
            || self.d.lexicon.lookup(w).is_some()
            || [&c.generic_stop, &c.documents, &c.relatives, &c.negations, &c.connectors, &c.complementizers, &c.locatives]
                .iter()
                .any(|cl| cl.has(k) || cl.has(bare(w)))
        {
            return false;
        }
        let next = &words[i + 1];
        let argument = self.mention_starting(i + 1).is_some_and(|m| self.d.mentions[m].actor.is_some())
            || self.name_at(i + 1).is_some()
            || word_class(next).is_some()
            || crate::context::is_governor(next)
            || (next.seg.definite() && next.tok.kind == TokenKind::Arabic);
        argument && !super::words::describes_word(w, next)
    }

    /// The mention that starts at token `i`, if any.
    pub(super) fn mention_starting(&self, i: usize) -> Option<usize> {
        self.mention_at.get(i).copied().flatten().filter(|&m| self.d.mentions[m].first == i)
    }

    /// Past an opening quotation mark before a name (عناصر «داعش»، من “حزب الله”), or a group's kind
    /// and the mark (عناصر تنظيم «داعش»، من جماعة "الحوثي"): the name's first token; past the closing
    /// mark of a quoted group (مسلحو «المقاومة الشعبية»); `i` itself otherwise.
    pub(crate) fn quoted_name(&self, i: usize) -> usize {
        let w = &self.d.words[i];
        let quote = crate::context::opening_quote(w);
        // …or a group the catalogue lacks, taken whole up to its closing mark (مسلحو «المقاومة
        // الشعبية»).
        let words = self.d.words;
        if quote && i + 1 < words.len() && word_class(&words[i + 1]) == Some(Head::Group) && self.mention_starting(i + 1).is_none() {
            let close = (i + 2..(i + 6).min(words.len())).find(|&k| words[k].tok.kind == TokenKind::Punct);
            if let Some(k) = close.filter(|&k| matches!(words[k].tok.text, "»" | "”" | "\"" | "'")) {
                return k + 1;
            }
        }
        if quote && i + 1 < self.d.words.len() && (self.mention_starting(i + 1).is_some() || self.name_at(i + 1).is_some()) {
            i + 1
        } else if !quote
            && i + 2 < words.len()
            && word_class(w) == Some(Head::Group)
            && self.mention_starting(i).is_none()
            && crate::context::opening_quote(&words[i + 1])
            && self.mention_starting(i + 2).is_some_and(|m| self.d.mentions[m].actor.is_some())
        {
            // …or past a group's kind before its quoted name (تنظيم «داعش»، جماعة "الحوثي"، حركة
            // “حماس”): the name's first token.
            i + 2
        } else {
            i
        }
    }

    /// True when tokens `[a, b)` name a person (a person of the catalogue, or a PER name).
    pub(crate) fn is_person_at(&self, a: usize, b: usize) -> bool {
        (a..b).any(|t| {
            self.mention_at[t].and_then(|m| self.d.mentions[m].actor).is_some_and(|x| self.d.kb.actors[x].kind == ActorType::Person) || {
                let k = self.names.partition_point(|n| n.1 <= t);
                self.names.get(k).is_some_and(|n| n.0 <= t && n.2 == Label::Per)
            }
        })
    }

    /// True when a word carries a conjunction (و) or a preposition (ب، ل، ك) that ends a phrase.
    pub(super) fn opens_new(&self, i: usize) -> bool {
        let p = self.d.words[i].seg.prefixes;
        let clitic = p.first().is_some_and(|x| matches!(*x, "ب" | "ك")) || (p.contains(&"ل") && !p.contains(&"ال"));
        // (Not an accusative nisba whose own first letter the segmenter read as a clitic after an
        // accusative noun: وفدا برلمانيا، ناشطا كرديا، شابا فلسطينيا، وفدا لبنانيا.)
        let own_letter = i > 0
            && super::words::accusative_nisba(&self.d.words[i])
            && super::words::describes_word(&self.d.words[i - 1], &self.d.words[i]);
        // (A catalogue name's own و or ف is no conjunction: وزير الخارجية السوري وليد المعلم.)
        let conj = p.first().is_some_and(|x| matches!(*x, "و" | "ف"));
        (conj || clitic) && !own_letter && !self.name_begins_with_clitic_letter(i)
    }

    /// True when the word at `i` is a sound plural that keeps its ن (دبلوماسيون، غربيين), so it
    /// governs no genitive: a state after it is another phrase (طالب دبلوماسيون غربيون | إيران).
    pub(super) fn nun_plural(&self, i: usize) -> bool {
        let b = bare(&self.d.words[i]);
        self.mention_at[i].is_none() && b.chars().count() >= 5 && (b.ends_with("ون") || b.ends_with("ين"))
    }

    /// A لـ-prefixed mention after a phrase-linking adjective (فصائل موالية لإيران) continues the phrase.
    pub(super) fn linked_by_lam(&self, j: usize) -> bool {
        let words = self.d.words;
        j > 0 && words[j].seg.prefixes.contains(&"ل") && self.mention_starting(j).is_some() && {
            let prev = words[j - 1].key.as_str();
            ["موال", "تابع", "مدعوم", "مقرب", "مناصر", "مؤيد"].iter().any(|s| prev.contains(s))
        }
    }

    /// The preposition governing a phrase starting at `i`: a clitic ب/ل on its first word, or the
    /// word before it.
    pub(super) fn governor(&self, i: usize) -> Option<String> {
        let words = self.d.words;
        let p = words[i].seg.prefixes;
        // A name whose own first letter looks like a clitic (باراك أوباما، لطفي): no preposition.
        if (p.contains(&"ب") || p.contains(&"ل")) && self.name_begins_with_clitic_letter(i) {
            return None;
        }
        if p.contains(&"ب") {
            return Some("ب".into());
        }
        // (A ل phrase of an owner after a word of belonging opens a phrase only when the word
        // before is no phrase's: a thing's owner, رتلا تابعا للحوثيين. It is governed, no subject.)
        if p.contains(&"ل") {
            return Some("ل".into());
        }
        // (Over an opening quotation mark: لـ«داعش»، على "حزب الله".)
        let before = match i.checked_sub(1)? {
            q if q > 0 && crate::context::opening_quote(&words[q]) => q - 1,
            q => q,
        };
        let prev = &words[before];
        // A state named with its title after a preposition (بدولة الإمارات، لدولة الكويت), or a
        // party after a noun of its conduct (أشاد بدور الجيش، رحب بقرار مجلس الأمن، ندد بممارسات
        // الحوثيين): the preposition on that noun governs it; it is no subject of a verb before.
        if let Some(c) = prev.seg.prefixes.iter().find(|p| matches!(**p, "ب" | "ل")) {
            let conduct = cues().conduct_heads.has(prev.seg.base_key())
                && construct(prev)
                && (self.mention_starting(i).is_some() || word_class(&words[i]).is_some());
            if cues().state_titles.has(prev.seg.base_key()) || conduct {
                return Some((*c).into());
            }
        }
        // بيد المتمردين، بقبضة التنظيم: the hand is the governor (whose hands a place fell into;
        // the segmenter keeps بيد whole, a word of its own). Not في قبضة: كان في قبضة الحوثيين
        // is who held a place, read by the capture's held side.
        let k = bare(prev);
        match k {
            "بيد" => return Some("يد".into()),
            "بقبضه" => return Some("قبضه".into()),
            _ => {}
        }
        // بين التنظيم من جانب وقوات …: a new party after a side word, no preposition.
        if words[i].seg.prefixes.first() == Some(&"و") && cues().side_nouns.has(k) && before > 0 && bare(&words[before - 1]) == "من" {
            return None;
        }
        // كل من إيران وروسيا: "both": the phrase has the governor of كل (مع كل من الرئيس ووزيره:
        // مع; التقى كلا من: none).
        if k == "من" && i >= 2 && matches!(bare(&words[i - 2]), "كل" | "كلا") {
            return self.governor(i - 2);
        }
        let k = match prev.tok.text {
            "لـ" | "ل" => "ل",
            "بـ" => "ب",
            _ => k,
        };
        // أمام البرلمان: the body a protest stands before (PROTEST's frame). Not إمام, an imam,
        // which folds to the same key.
        if k == "امام" {
            return (!crate::context::imam(prev)).then(|| k.to_string());
        }
        let prep = |k: &str| cues().target_preps.has(k) || cues().locatives.has(k) || cues().agent_markers.has(k);
        // A preposition the segmenter left joined to و or ف (وفي ليبيا، وعلى الحدود).
        let k = match k.strip_prefix(['و', 'ف']) {
            Some(r) if !prep(k) && prep(r) => r,
            _ => k,
        };
        prep(k).then(|| k.to_string())
    }

    /// True when a catalogue actor's mention starts at `i` and one of its Arabic names opens with
    /// the whole word, clitic-like letter included (باراك أوباما, not بأوباما).
    pub(super) fn name_begins_with_clitic_letter(&self, i: usize) -> bool {
        let Some(m) = self.mention_starting(i) else { return false };
        let Some(a) = self.d.mentions[m].actor else { return false };
        let key = self.d.words[i].key.as_str();
        self.d.kb.actors[a].ar.iter().any(|n| n.split_whitespace().next().is_some_and(|f| rasad_text::match_key(f) == key))
    }

    /// The phrase's link: a person first (not one an office in it belongs to), then an
    /// organization or group, then a state; and the state it belongs to.
    pub(crate) fn best_link(&self, first: usize, end: usize) -> (Option<usize>, Option<usize>) {
        let kb = self.d.kb;
        let mut seen = Vec::new();
        for t in first..end {
            if let Some(m) = self.mention_at[t].filter(|m| !seen.contains(m)) {
                seen.push(m);
            }
        }
        let kind = |m: usize| self.d.mentions[m].actor.map(|a| kb.actors[a].kind);
        let rank = |m: usize| match kind(m) {
            Some(ActorType::Person) => 0,
            Some(ActorType::State) => 3,
            Some(_) => 1,
            None => 9,
        };
        // A person whose office it is (سفير خادم الحرمين الشريفين، مستشار الرئيس) is not the phrase.
        let words = self.d.words;
        // Nor a person the group is loyal to (ميليشيات موالية للرئيس الأسد: not the president).
        let owner = |m: usize| {
            let f = self.d.mentions[m].first;
            let loyal = (first..f).any(|k| cues().belonging.has(bare(&words[k])));
            kind(m) == Some(ActorType::Person)
                && f > first
                && ((word_class(&words[f - 1]) == Some(Head::Office) && construct(&words[f - 1])) || loyal)
        };
        let link = seen.iter().copied().filter(|&m| kind(m).is_some() && !owner(m)).min_by_key(|&m| rank(m));
        let state = seen.iter().copied().find(|&m| kind(m) == Some(ActorType::State));
        (link, state)
    }
}

/// True when a word's own form is a family name and nobody's given name in the person-name list
/// ([`rasad_ner::features::name_code_exact`]): held by one to nine people with the article
/// (الرميحي، الجبير), by ten or more without it (عريقات). Common words some people bear as names
/// are given names too, or rarer (بيان، كبير، إمام، دولة، واصل), or the tagger's word clusters
/// (from SANAD) put them with common nouns (المدينة، الشرق، الجمهور، الكاتب): the stem must be
/// outside the clusters (a rare word) or in the class of given names (جبير with خالد، سلمان).
fn family_name(w: &rasad_text::Word) -> bool {
    let code = rasad_ner::features::name_code_exact(w);
    let (given, family) = (code / 3, code % 3);
    // (The whole form without the article: الفضلي is no فضل.)
    let form = bare(w).strip_prefix("ال").unwrap_or(bare(w));
    let coarse = rasad_ner::clusters::Clusters::builtin().get(form).map_or(u16::MAX, |c| c.1);
    given == 0
        && (family == 2 || (family == 1 && w.seg.definite()))
        && (coarse == u16::MAX || coarse == rasad_ner::features::given_name_cluster())
}

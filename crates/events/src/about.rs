//! What an event is about beyond its frame's positions: the act or thing a stance takes a
//! position on (أيد الاتفاق، ودانت الحكومة التفجير، رفضها للزيارة), and the side whose stronghold
//! an attack or a capture took (سيطرت القوات على حي التواهي آخر معقل للحوثيين).

use rasad_kb::MentionKind;
use rasad_model::{Arg, EventType};
use rasad_text::{TokenKind, Word};

use crate::clauses::Clause;
use crate::context::{bare, third_person_pronoun, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};
use crate::types::info;

impl Ctx<'_, '_, '_> {
    /// What a stance that names no party is about (its type's `act_target`; `t`: the trigger and
    /// whether it reads as a noun): the definite noun in
    /// its object's place (after the trigger and the subject after it) or with its frame's ب or ل
    /// on it, over a demonstrative (لهذه الفكرة) and with its adjectives (أيد الاتفاق النووي،
    /// أدانت الحكومة التفجير، رفضه للزيارة، أشاد بالتعديل الوزاري). None when a name, a place, a
    /// time or anything else stands there.
    pub(crate) fn stance_object(
        &self,
        ps: &[Phrase],
        c: &Clause,
        t: (usize, bool),
        kind: EventType,
        agents: &[usize],
        frame: &[String],
    ) -> Option<Arg> {
        let (t, nominal) = t;
        let words = self.d.words;
        let mut k = agents.iter().map(|&a| ps[a].end).filter(|&e| e > t).max().unwrap_or(t + 1);
        // (Past a stance noun's own adjectives: رفضها القاطع للتدخل، دعمه الكامل للإصلاحات.)
        if nominal {
            while k < c.end && k <= t + 3 && self.mention_at[k].is_none() && crate::forms::is_adjective(&words[k]) {
                k += 1;
            }
        }
        // (The segmenter may keep the clitic on a demonstrative: لهذه، بهذا.)
        let demonstrative = |w: &Word| {
            let b = bare(w);
            cues().demonstratives.has(b) || b.strip_prefix(['ل', 'ب']).is_some_and(|r| cues().demonstratives.has(r))
        };
        let clitic = |w: &Word| {
            w.seg.prefixes.iter().find(|p| matches!(**p, "ب" | "ل")).copied().or_else(|| {
                let b = bare(w);
                (demonstrative(w) && !cues().demonstratives.has(b)).then(|| if b.starts_with('ل') { "ل" } else { "ب" })
            })
        };
        let in_frame = |w: &Word| frame.iter().any(|f| clitic(w).map_or(f == "obj", |p| f == p));
        // (An unnamed definite noun the phrase reader kept is one too: لهذه | الفكرة.)
        let plain = |i: usize| {
            if i >= c.end {
                return false;
            }
            let w = &words[i];
            w.tok.kind == TokenKind::Arabic
                && self.mention_at[i].is_none()
                && !self.in_time[i]
                && crate::phrases::phrase_at(ps, i).is_none_or(|p| p.head == Head::Generic && p.link.is_none() && p.first == i)
                && w.seg.prefixes.iter().all(|p| matches!(*p, "ال" | "ب" | "ل"))
        };
        // (Past the office in apposition to a named subject: شجب فلان مدير التعليم | العمل الإرهابي.)
        let past = self.past_apposition(ps, agents, k);
        let past = if past > k { self.past_office_adjuncts(past, c.end) } else { past };
        if past > k && !plain(k) && plain(past) {
            k = past;
        }
        // رفض بلاده للاحتلال: a stance noun's genitive took it; what it is about comes with ل.
        if nominal && info(kind).doer_genitive && plain(k) && clitic(&words[k]).is_none() {
            k += 1;
            if k >= c.end || clitic(&words[k]).is_none() {
                return None;
            }
        }
        // دافع عن الاتفاق: a preposition of the frame written apart.
        if k < c.end && words[k].seg.prefixes.is_empty() && frame.iter().any(|f| f != "obj" && f == bare(&words[k])) {
            k += 1;
            if k >= c.end || clitic(&words[k]).is_some() {
                return None;
            }
        } else if !plain(k) || !in_frame(&words[k]) {
            return None;
        }
        if !plain(k) {
            return None;
        }
        let first = k;
        // لهذه الفكرة، بهذا القرار: the noun after the demonstrative.
        if demonstrative(&words[k]) {
            k += 1;
            if !plain(k) || words[k].seg.prefixes.iter().any(|p| *p != "ال") {
                return None;
            }
        }
        // (Definite by its article or its pronoun: لحلفائها.)
        let w = &words[k];
        if !(w.seg.definite() || third_person_pronoun(w)) || crate::forms::is_adjective(w) || cues().generic_stop.has(bare(w)) {
            return None;
        }
        // After the subject without a preposition, only an act (ودانت الحكومة الألمانية التفجير):
        // another definite word there may still describe the subject (الدول الصديقة).
        if k == first && k > t + 1 && clitic(w).is_none() && self.d.lexicon.lookup(w).is_none() {
            return None;
        }
        // With its adjectives and a state's nisba, which says whose act it is (للتدخلات الإيرانية
        // → Iran's interference: linked to Iran).
        let mut end = k + 1;
        let mut whose = None;
        while end < c.end && end <= k + 3 {
            match self.mention_at[end].map(|m| &self.d.mentions[m]) {
                Some(m) if m.kind == MentionKind::Demonym && m.actor.is_some() && whose.is_none() => {
                    whose = Some(m);
                    end = m.end;
                }
                None if crate::forms::is_adjective(&words[end]) => end += 1,
                _ => break,
            }
        }
        let governed = clitic(&words[first]).is_some();
        let link = whose.map(|m| self.mention_arg(m, false).link).unwrap_or_default();
        Some(Arg { span: self.arg_slice_governed(first, end, governed), link })
    }

    /// The side whose stronghold the act at `t` struck or took, named after a stronghold word
    /// later in its clause (cue list `strongholds`): its ل phrase or its genitive (سيطرت القوات
    /// على الحي آخر معقل للحوثيين، اقتحمت معقل الميليشيات الحوثية، آخر معاقل التنظيم). A
    /// phrase index; None without one.
    pub(crate) fn stronghold_owner(&self, ps: &[Phrase], c: &Clause, t: usize) -> Option<usize> {
        let words = self.d.words;
        let hold = (t + 1..c.end.min(t + 20)).find(|&k| cues().strongholds.has(bare(&words[k])))?;
        let p = ps.iter().position(|p| p.first == hold + 1)?;
        let owner = &ps[p];
        let lam = owner.governor.as_deref() == Some("ل");
        (matches!(owner.head, Head::Name | Head::Group) && (lam || owner.governor.is_none()) && !self.in_source(owner)).then_some(p)
    }

    /// True when the word at `k` is a noun of a party's conduct (cue list `conduct_heads`: جهود،
    /// مساعي) with a named party or a body right after it: that party's conduct, no purpose (ثمن
    /// الوزير جهود الأزهر، انتقد مساعي الحكومة; but جهود مكافحة الإرهاب is one).
    pub(crate) fn conduct_of_party(&self, k: usize) -> bool {
        let named = |m: usize| {
            let mm = &self.d.mentions[m];
            mm.first == k + 1 && mm.actor.is_some() && mm.kind == rasad_kb::MentionKind::Name
        };
        let body = || self.d.words.get(k + 1).is_some_and(|n| matches!(crate::phrases::word_class(n), Some(Head::Group | Head::Office)));
        cues().conduct_heads.has(bare(&self.d.words[k])) && (self.mention_at.get(k + 1).copied().flatten().is_some_and(named) || body())
    }

    /// The owner of a site phrase (cue list `sites`), when it follows: its genitive, its ل phrase,
    /// or one after a quotation mark or a word of `site_links` (مواقع ميليشيات الحوثي، مقر قيادة
    /// لتنظيم داعش، مواقع «داعش»، معسكرات تابعة للحرس الجمهوري): an armed side, never a place.
    pub(crate) fn site_owner(&self, ps: &[Phrase], k: usize) -> Option<usize> {
        let words = self.d.words;
        let site = &ps[k];
        // (…or a headless one after its site word: مقر | قيادة لتنظيم داعش.)
        let from = site.first.saturating_sub(1);
        let named_site = (from..site.end).any(|i| cues().sites.has(bare(&words[i])));
        if !(site.head == Head::Generic || (site.head == Head::Group && site.link.is_none())) || !named_site {
            return None;
        }
        let owner = ps.get(k + 1)?;
        let between = (site.end..owner.first).all(|i| {
            let w = &words[i];
            matches!(w.tok.text, "«" | "\"" | "“") || cues().site_links.has(bare(w)) || cues().sites.has(bare(w))
        });
        let lam = owner.governor.as_deref().is_none_or(|g| g == "ل");
        (between && owner.first - site.end <= 2 && lam && matches!(owner.head, Head::Name | Head::Group | Head::People)).then_some(k + 1)
    }
    /// The side that holds or uses the struck place or building of phrase `k`, named in a
    /// relative description right after it (cue lists `occupying`, `occupant_hedges`,
    /// `belonging`): after a verb of holding (مواقع يسيطر عليها الحوثيون، مبنى تتخذه الميليشيات
    /// نقطة تمركز، المناطق التي تتمركز فيها تلك القوات), before one that carries the place as a
    /// pronoun (المواقع التي كانت ميليشيات الحوثي تستخدمها), or after a hedged belonging word
    /// (مواقع يشتبه في أنها تابعة للمليشيات). A phrase index; None when the words after the
    /// thing are anything else.
    pub(crate) fn occupant(&self, ps: &[Phrase], k: usize) -> Option<usize> {
        let words = self.d.words;
        let thing = &ps[k];
        if !matches!(thing.head, Head::Generic | Head::Place) {
            return None;
        }
        let side = |p: &Phrase| matches!(p.head, Head::Name | Head::Group | Head::People) && !self.in_source(p);
        let phrase_from = |i: usize| ps.iter().position(|p| p.first == i).filter(|&j| j > k);
        let c = cues();
        let mut i = thing.end;
        // (A comma may close the thing's phrase: مباني المجمع الحكومي، التي تسيطر عليها …)
        if words.get(i).is_some_and(|w| w.tok.text == "،" || w.tok.text == ",") {
            i += 1;
        }
        let limit = (i + 7).min(words.len());
        while i < limit {
            let w = &words[i];
            let b = bare(w);
            if c.relatives.has(b) || c.kana.has(b) || c.occupant_hedges.has(b) {
                i += 1;
                continue;
            }
            if c.belonging.has(b) {
                let j = phrase_from(i + 1)?;
                let lam = ps[j].governor.as_deref() == Some("ل");
                return (lam && side(&ps[j])).then_some(j);
            }
            if c.occupying.has(b) {
                let mut n = i + 1;
                while n < words.len() && c.preposition_pronouns.has(bare(&words[n])) {
                    n += 1;
                }
                let j = phrase_from(n)?;
                return (ps[j].governor.is_none() && side(&ps[j])).then_some(j);
            }
            // (The side first, then its verb with the place as a pronoun: كانت الميليشيا تستخدمها.)
            let j = phrase_from(i)?;
            let verb = words.get(ps[j].end).is_some_and(|v| c.occupying.has(bare(v)));
            return (ps[j].governor.is_none() && side(&ps[j]) && verb).then_some(j);
        }
        None
    }
}

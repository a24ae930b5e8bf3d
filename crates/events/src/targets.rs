//! Where a trigger's target stands: the object or a phrase its frame's prepositions govern, the
//! owner of a noun in the target's place (أشاد بجهود مصر، رحب بمبادرة دولة قطر), the subject of a
//! clause on that noun (الخطوات التي اتخذتها الحكومة: doers.rs), the verbal noun a statement verb states
//! (أعرب عن ترحيبه ب …), the content that holds no target (اتفق الجانبان على تبادل …), and the
//! parties after بين and the sides of a clash (مواجهات مع X).

use rasad_kb::{ActorType, MentionKind};
use rasad_model::{Arg, EventType};
use rasad_text::{TokenKind, Word};

use crate::clauses::{Clause, Link};
use crate::context::{bare, is_comma, opening_quote, third_person_pronoun, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};
use crate::types::info;

impl Ctx<'_, '_, '_> {
    /// Where the content of a trigger whose type asks starts (its ب، إلى، على، حول، بشأن after
    /// the trigger, or the verbal noun right after it): what is asked for, agreed on, discussed
    /// or refused holds no target (اتفق الجانبان على تبادل | السفراء). `end` for other types and
    /// for a type whose content holds its target (types.toml content_target: هدد باستهداف السفن).
    pub(crate) fn content_from(&self, t: usize, end: usize) -> usize {
        let words = self.d.words;
        let Some(own) = self.d.lexicon.lookup(&words[t]) else { return end };
        let ti = info(own.entry.kind);
        let same_kind = |h: &crate::lexicon::Hit| h.entries.iter().any(|e| e.kind == own.entry.kind);
        if !ti.asks || ti.content_target {
            return end;
        }
        // (A definite verbal noun after ب too, which the lexicon need not know: طالب … بالتدخل.)
        let masdar_with_ba = |w: &Word| {
            w.seg.prefixes.first() == Some(&"ب") && w.seg.definite() && {
                let k = w.seg.base_key();
                let k = k.strip_prefix("ال").unwrap_or(k);
                k.chars().count() >= 4 && (k.starts_with('ت') || k.starts_with('ا'))
            }
        };
        let opens = |w: &Word| {
            ti.content.iter().any(|o| o == bare(w))
                || w.seg.prefixes.first().is_some_and(|p| ti.content.iter().any(|o| o == p) && self.d.lexicon.lookup(w).is_some())
                || (ti.content.iter().any(|o| o == "ب") && masdar_with_ba(w))
                // (…and a negated content: طالب بعدم التدخل، بدون شروط.)
                || (ti.content.iter().any(|o| o == "ب") && w.key_without_conj().strip_prefix('ب').is_some_and(|r| cues().negations.has(r)))
        };
        // (Not inside a parenthesis: طالب الرئيس، في رسالة وجهها إلى الأمين العام، إسرائيل بالانسحاب.)
        (t + 1..end)
            .find(|&k| {
                // A group named by what it does is the addressee, not the content (دعا المتظاهرين إلى).
                // (Not the light verb's own noun of its type: أجرى اتصالا هاتفيا مع، عقد اجتماعا مع.)
                let content_noun = self.d.lexicon.lookup(&words[k]).is_some_and(|h| h.nominal && !same_kind(&h))
                    && crate::phrases::word_class(&words[k]).is_none();
                (k == t + 1 && content_noun) || (opens(&words[k]) && !self.in_parenthesis(t, k, k + 1, end))
            })
            .unwrap_or(end)
    }

    /// The party a request is about when it names no addressee: the first named participant
    /// (a group, an office, a name, or people of a known side) of its content within 14 words after
    /// the trigger, not one of its `agents` and no source (دعا إلى إبرام اتفاق بين طرفي النزاع،
    /// شدد على ضرورة تضافر جهود المجتمع الدولي). None for a type without `content_fallback`.
    pub(crate) fn content_party(&self, ps: &[Phrase], c: &Clause, t: usize, kind: EventType, agents: &[usize]) -> Option<usize> {
        if !info(kind).content_fallback {
            return None;
        }
        let hi = c.end.min(t + 15);
        let from = self.content_from(t, hi);
        if from >= hi {
            return None;
        }
        // (Not the name in apposition to an office subject: دعا مسؤول الاتصال بالحملة، فلان، إلى.)
        let subject_end = agents.iter().map(|&k| ps[k].end).max().unwrap_or(t + 1);
        let from = from.max(self.past_office_name(ps, agents, subject_end, c.end).saturating_sub(1));
        self.first_party(ps, from, hi, agents)
    }

    /// The party asked to act when a request's content is a clause of أن and an imperfect verb
    /// right after its subject (طالب المحتجون بأن تستثمر الحكومة الأموال، دعا الحزب إلى أن تنسحب
    /// القوات الأجنبية): the verb's subject right after it, a named participant. For a type with
    /// `content_fallback` (types.toml; the caller checks), when at most two words stand between
    /// the subject (or the trigger) and that clause.
    pub(crate) fn asked_subject(&self, ps: &[Phrase], clauses: &[Clause], ci: usize, t: usize, agents: &[usize]) -> Option<usize> {
        let words = self.d.words;
        let c = &clauses[ci];
        let next = clauses.get(ci + 1).filter(|n| n.parent == Some(ci) && n.link == Link::Complement && n.first == c.end)?;
        let subject_end = agents.iter().map(|&k| ps[k].end).filter(|&e| e <= c.end).max().unwrap_or(t + 1).max(t + 1);
        let an = &words[next.first];
        let verb = words.get(next.first + 1)?;
        let imperfect = verb.seg.prefixes.is_empty() && matches!(verb.tok.text.chars().next(), Some('ي' | 'ت'));
        if c.end - subject_end > 2 || !matches!(an.key_without_conj(), "ان" | "بان") || !imperfect {
            return None;
        }
        // (The verb's subject, right after it: not a party further on, أن يتخذ الاجتماع موقفا
        // حاسما في دعم العراق.)
        self.first_party(ps, next.first + 1, next.end.min(next.first + 9), agents).filter(|&k| ps[k].first == next.first + 2)
    }

    /// The first named participant (a group, an office, a name, or people of a known side) that
    /// starts after token `from` and ends by `hi`: not one of `agents`, no source, and no venue (a
    /// place other than a country after في، داخل، عند، قرب: إلى عقد اجتماع طارئ | في الرياض; a
    /// country may be the party, بالإفراج عن سجينات في لبنان).
    fn first_party(&self, ps: &[Phrase], from: usize, hi: usize, agents: &[usize]) -> Option<usize> {
        ps.iter()
            .position(|p| {
                let named = matches!(p.head, Head::Group | Head::Name | Head::Office)
                    || (p.head == Head::People && (p.link.is_some() || p.state.is_some()));
                let venue = matches!(p.governor.as_deref(), Some("في" | "داخل" | "عند" | "قرب"))
                    && self.below_country(p.link.and_then(|m| self.d.mentions[m].place));
                p.first > from && p.end <= hi && named && !venue && !self.in_source(p)
            })
            .filter(|k| !agents.contains(k))
    }

    /// The party an act is against when it names no target (types.toml `causes`): the first named
    /// participant of the sentence within 14 words after a cause word (تنديدا، احتجاجا على) that
    /// follows the trigger in its clause ([`Self::first_party`]: تظاهر آلاف الأكراد تنديدا بالغارات
    /// التي يشنها الجيش التركي → the army).
    pub(crate) fn cause_party(&self, ps: &[Phrase], c: &Clause, t: usize, kind: EventType, agents: &[usize]) -> Option<usize> {
        let causes = &info(kind).causes;
        if causes.is_empty() {
            return None;
        }
        let words = self.d.words;
        // (The party may stand in a relative clause of the cause: … بالغارات التي يشنها الجيش.)
        let from = (t + 1..c.end).find(|&k| causes.iter().any(|x| x == bare(&words[k])))?;
        self.first_party(ps, from, from + 15, agents)
    }

    /// True when tokens `[a, b)` stand inside a parenthesis between commas after the trigger `t`
    /// and before `end`, of twelve words at most (طالب الرئيس، في رسالة وجهها إلى الأمين العام،
    /// إسرائيل بالانسحاب).
    pub(crate) fn in_parenthesis(&self, t: usize, a: usize, b: usize, end: usize) -> bool {
        let words = self.d.words;
        let open = (t + 1..a).rev().find(|&j| is_comma(&words[j]));
        let close = (b..end).find(|&j| is_comma(&words[j]));
        matches!((open, close), (Some(o), Some(c)) if c - o <= 12)
    }

    /// The party a judging verb is about when its clause names none (types.toml
    /// `complement_party`): the first named participant of the content clause that hangs on the
    /// trigger's clause and opens within four words after the trigger's subject (اعتبر الرئيس |
    /// أن واشنطن راعية للإرهاب), not one of its `agents` and no source.
    pub(crate) fn complement_party(
        &self,
        ps: &[Phrase],
        clauses: &[Clause],
        ci: usize,
        t: usize,
        kind: EventType,
        agents: &[usize],
    ) -> Option<usize> {
        if !info(kind).complement_party {
            return None;
        }
        let after = agents.iter().map(|&k| ps[k].end).max().unwrap_or(t + 1).max(t + 1);
        let cc = clauses.iter().skip(ci + 1).find(|x| x.parent == Some(ci) && x.link == Link::Complement)?;
        if cc.first > after + 4 {
            return None;
        }
        let hi = cc.end.min(cc.first + 12);
        ps.iter()
            .position(|p| {
                let named = matches!(p.head, Head::Group | Head::Name | Head::Office)
                    || (p.head == Head::People && (p.link.is_some() || p.state.is_some()));
                p.first >= cc.first && p.end <= hi && named && !self.in_source(p)
            })
            .filter(|k| !agents.contains(k))
    }

    /// The verbal noun a statement verb states and its frame (أعرب عن ترحيبه ب، عبر عن تضامنه مع):
    /// the noun after عن within a few words of the subject; its own frame when the lexicon knows
    /// it, else its type's prepositions. None for a verb with a target position of its own.
    pub(crate) fn stated_noun(&self, c: &Clause, t: usize, after: usize, kind: EventType) -> Option<(usize, Vec<String>)> {
        let words = self.d.words;
        let own = self.d.lexicon.lookup(&words[t])?;
        if !own.entry.frame.as_ref().is_some_and(|f| f.content.iter().any(|x| x == "عن") && !f.obj && f.on.is_empty()) {
            return None;
        }
        let an = (after..(after + 2).min(c.end)).find(|&k| bare(&words[k]) == "عن")?;
        let n = an + 1;
        if n >= c.end || words[n].tok.kind != TokenKind::Arabic {
            return None;
        }
        let frame = match self.d.lexicon.lookup(&words[n]) {
            Some(h) if h.entry.kind == kind => crate::triggers::frame_of(h.entry),
            _ => info(kind).target.iter().filter(|f| *f != "obj").cloned().collect(),
        };
        Some((n, frame))
    }

    /// The agent of a passive or of a verbal noun: after برصاص، بنيران، على يد، على أيدي، من قبل، مع (in
    /// مواجهات مع), within the clause.
    pub(crate) fn agent_after(&self, ps: &[Phrase], c: &Clause, t: usize) -> Option<usize> {
        let words = self.d.words;
        // (Not past a verb of another act, whose agent it is: قتل 99 إرهابيا وتدمير موقع يستخدم من
        // قبل قناصي داعش.)
        let other_verb = |k: usize| {
            let w = &words[k];
            w.tok.kind == TokenKind::Arabic
                && w.seg.prefixes.is_empty()
                && w.key.starts_with('ي')
                && w.key.chars().count() >= 4
                && crate::objects::imperfect_shaped(&w.key)
                // (A dual or plural noun is none: خلال يومين.)
                && !w.key.ends_with("ين")
                && !w.key.ends_with("ان")
                && !self.in_time[k]
                && self.mention_at[k].is_none()
                && self.d.lexicon.lookup(w).is_none()
                // (Nor a word of a phrase, a name shaped so: الطفل يوسف، الشيخ يحيى.)
                && crate::phrases::phrase_at(ps, k).is_none()
        };
        ps.iter().position(|p| {
            p.first > t && p.end <= c.end && p.participant() && !(t + 1..p.first).any(other_verb) && {
                let g = p.governor.as_deref().unwrap_or("");
                let before2 = p.first.checked_sub(2).map(|k| bare(&words[k])).unwrap_or("");
                cues().agent_markers.has(g) && (g != "قبل" || before2 == "من") && (!matches!(g, "يد" | "ايدي") || before2 == "علي")
                    || (g == "مع" && self.fought_with(t, p.first))
            }
        })
    }

    /// Who did what a subject suffered after تعرض ل: a participant after من within three words of
    /// the noun at `t`, past its adjectives (تعرضت البلدة لقصف عنيف من طائرات النظام).
    /// (…or a participant right after مصدره within eight words: لقصف عنيف بقذائف الدبابات مصدره
    /// قوات الأسد.)
    pub(crate) fn suffered_from(&self, ps: &[Phrase], c: &Clause, t: usize) -> Option<usize> {
        let words = self.d.words;
        let whence = |p: &Phrase| p.first > t + 1 && p.first <= t + 8 && matches!(bare(&words[p.first - 1]), "مصدره" | "مصدرها");
        ps.iter().position(|p| {
            p.first > t && p.end <= c.end && p.participant() && ((p.first <= t + 3 && p.governor.as_deref() == Some("من")) || whence(p))
        })
    }

    /// True when the مع before the phrase at `first` is the partner of a violent noun or verb: one
    /// of the lexicon (an act with victims) stands right before مع, past its adjectives, the
    /// trigger `t` or after it (مواجهات عنيفة مع، اشتبكوا مع). Not a border's neighbour (هجوم قرب
    /// الحدود مع الأردن، قرية حدودية مع لبنان).
    fn fought_with(&self, t: usize, first: usize) -> bool {
        let words = self.d.words;
        let Some(ma) = first.checked_sub(1) else { return false };
        let mut k = ma;
        while k > t && (crate::phrases::is_adjective(&words[k - 1]) || cues().manner.has(bare(&words[k - 1]))) && k + 3 > ma {
            k -= 1;
        }
        k > t && {
            let w = &words[k - 1];
            self.d.lexicon.lookup(w).is_some_and(|h| info(h.entry.kind).victims) || cues().clashes.has(bare(w))
        }
    }

    /// The state a nisba names after the noun in the object's place of a verb at `t` (its object
    /// right after the subject, or a noun with ب or ل there): الهجوم الإسرائيلي، بالإجراءات
    /// «الإسرائيلية». None when that noun is a phrase of its own or names something already.
    pub(crate) fn nisba_owner(&self, ps: &[Phrase], agents: &[usize], t: usize, end: usize) -> Option<Arg> {
        let words = self.d.words;
        let mut noun = agents.iter().map(|&k| ps[k].end).max().filter(|&e| e > t).unwrap_or(t + 1);
        // (Over an adverb, a comma or a time before it: دانت الوزارة بشدة، الثلاثاء، القصف السوري.)
        let adjunct = |i: usize| is_comma(&words[i]) || self.in_time[i] || cues().stance_adverbs.has(bare(&words[i]));
        let first = noun;
        while noun < end && noun < first + 8 && adjunct(noun) {
            // (…or a parenthesis between commas: أدانت مصر، في بيان، الهجوم الإسرائيلي.)
            let close = is_comma(&words[noun]).then(|| (noun + 1..end.min(noun + 5)).find(|&j| is_comma(&words[j]))).flatten();
            noun = close.unwrap_or(noun) + 1;
        }
        let w = words.get(noun).filter(|_| noun < end)?;
        // (The nisba of a noun trigger's own adjective is its doer: القصف المدفعي التركي; so is
        // that of the attack noun a verb has as subject: استهدفت الغارات الروسية.)
        if noun == t + 1 && crate::forms::is_adjective(w) && self.d.lexicon.lookup(&words[t]).is_some_and(|h| h.nominal) {
            return None;
        }
        if self.attack_subject(t) == Some(noun) {
            return None;
        }
        // (Not a word that names the actor's ally or leader: التحالف بقيادة أمريكية، بدعم روسي.)
        let plain = w.tok.kind == TokenKind::Arabic
            && !cues().allies.has(bare(w))
            && w.seg.prefixes.iter().all(|p| matches!(*p, "ال" | "ب" | "ل"))
            && self.mention_at[noun].is_none()
            && crate::phrases::phrase_at(ps, noun).is_none();
        if !plain {
            return None;
        }
        let mut at = if words.get(noun + 1).is_some_and(opening_quote) { noun + 2 } else { noun + 1 };
        // (Past the adjectives of its kind: بالقصف العشوائي الروسي.)
        while at < end && at <= noun + 2 && self.mention_at[at].is_none() && crate::forms::is_adjective(&words[at]) {
            at += 1;
        }
        let m = &self.d.mentions[self.mention_at.get(at).copied().flatten().filter(|_| at < end)?];
        (m.kind == MentionKind::Demonym && m.actor.is_some()).then(|| self.mention_arg(m, false))
    }

    /// The roles of a noun whose genitive suffers it when its pronoun names the victim (اغتياله،
    /// إصابتها): `(agents, targets)`, the victim being the clause's subject before the noun (not
    /// the subject of a verb of saying that opens the clause: أعلن الجيش مقتله), else the parent's;
    /// the doer only when marked (برصاص قناص) or the cause's. None when the noun is of another
    /// kind, has no such pronoun, or no victim is found.
    pub(crate) fn pronoun_victim(
        &self,
        ps: &[Phrase],
        c: &Clause,
        t: usize,
        frame: &[String],
        agent: Option<usize>,
        inherited: &[usize],
    ) -> Option<(Vec<usize>, Vec<usize>)> {
        let words = self.d.words;
        if !frame.iter().any(|f| f == "gen") || !third_person_pronoun(&words[t]) {
            return None;
        }
        let speaker = |p: &Phrase| p.first == c.first + 1 && crate::attribution::is_attribution(bare(&words[c.first]));
        let own = ps.iter().position(|p| p.first >= c.first && p.end <= t && p.participant() && p.governor.is_none() && !self.in_source(p));
        let victim = match own {
            Some(k) if speaker(&ps[k]) => Vec::new(),
            Some(k) => self.with_coordinated(ps, k),
            None => inherited.to_vec(),
        };
        if victim.is_empty() {
            return None;
        }
        let doer = agent.or_else(|| self.cause_doer(ps, c, t));
        Some((doer.map(|a| self.with_coordinated(ps, a)).unwrap_or_default(), victim))
    }

    /// `(subject, object)` around a verb at `t` whose object pronoun takes up the free phrase right
    /// before it (الحكومة اليمنية اتهمها الحوثيون، المدينة قصفتها الطائرات): the participant right
    /// after the verb is the subject. None without both phrases.
    pub(crate) fn fronted_object(&self, ps: &[Phrase], t: usize) -> Option<(usize, usize)> {
        let fronted = ps.iter().position(|p| p.end == t && p.governor.is_none() && p.patient())?;
        let after = ps.iter().position(|p| p.first == t + 1 && p.governor.is_none() && p.participant())?;
        Some((after, fronted))
    }

    /// Where the object may start after a subject ending at `after`: past a من or في phrase naming
    /// a place (with direction or place nouns before the name: من جنوب شرق آسيا، في مدينة البصرة),
    /// which says where the subject is from or stands. `after` itself otherwise.
    pub(crate) fn past_subject_place(&self, after: usize, end: usize) -> usize {
        let words = self.d.words;
        if after >= end {
            return after;
        }
        // …or an unnamed place noun after في or with ب, with the definite words that describe it
        // (نفذت المقاومة بالمنطقة الوسطى هجوما، في الجبهة الشرقية): no name, still where it stands.
        let at = if bare(&words[after]) == "في" { after + 1 } else { after };
        let with_b = at > after || words[after].seg.prefixes.first() == Some(&"ب");
        let place_noun = |w: &Word| {
            let b = bare(w);
            ["بال", "ال", "ب"].iter().find_map(|p| b.strip_prefix(p)).is_some_and(|r| cues().locatives.has(r)) && w.seg.definite()
        };
        if with_b && at < end && self.mention_at[at].is_none() && place_noun(&words[at]) {
            let mut k = at + 1;
            while k < end && k <= at + 2 && self.mention_at[k].is_none() && words[k].seg.definite() && words[k].seg.prefixes == ["ال"] {
                k += 1;
            }
            return k;
        }
        if !matches!(bare(&words[after]), "من" | "في") {
            return after;
        }
        let mut k = after + 1;
        while k < end && k <= after + 4 && self.mention_at[k].is_none() && cues().locatives.has(bare(&words[k])) {
            k += 1;
        }
        match self.mention_at.get(k).copied().flatten().map(|m| &self.d.mentions[m]) {
            Some(m) if m.first == k && m.place.is_some() && m.actor.is_none() && m.end <= end => m.end,
            _ => after,
        }
    }

    /// True when the phrase names an attacker (انتحاري، قناص، مهاجم): a people noun that acts.
    pub(crate) fn names_attacker(&self, p: &Phrase) -> bool {
        (p.first..p.end).any(|i| cues().agent_nouns.has(bare(&self.d.words[i])))
    }

    /// True when the trigger is a noun that counts acts (غارات، ضربات، هجمات، غارة، هجوم): its genitive
    /// is who carried them out (غارات التحالف), never what they hit (that takes على).
    pub(crate) fn count_noun(&self, t: usize) -> bool {
        let w = &self.d.words[t];
        let key = w.seg.base_key();
        let key = key.strip_prefix("ال").unwrap_or(key);
        cues().count_nouns.has(key)
    }

    /// True when an armed force takes part: an agent or target linked to a state, an army or an
    /// armed group (or, without an agent, the subject carried from before), or a word of the
    /// `armed` cues within eight words of the trigger in its clause (وصلت تعزيزات، دخل رتل).
    pub(crate) fn armed(&self, ps: &[Phrase], c: &Clause, t: usize, agents: &[usize], targets: &[usize], fallback: &[Arg]) -> bool {
        let kb = self.d.kb;
        let linked = agents
            .iter()
            .chain(targets)
            .any(|&k| ps[k].link.and_then(|m| self.d.mentions[m].actor).is_some_and(|a| armed_kind(kb.actors[a].kind)));
        let carried = agents.is_empty()
            && fallback.iter().any(|a| a.link.id.as_deref().and_then(|id| kb.actor(id)).is_some_and(|x| armed_kind(x.kind)));
        let words = self.d.words;
        let near = (t.saturating_sub(8).max(c.first)..(t + 9).min(c.end)).any(|k| k != t && cues().armed.has(bare(&words[k])));
        // A vehicle loaded with aid is no force (وصول الطائرات السعودية المحملة بالمواد الإغاثية:
        // cue list `aid_cargo`).
        let loaded = |k: usize| bare(&words[k]).trim_start_matches("ال").starts_with("محمل");
        let aid = (t + 1..(t + 9).min(c.end)).find(|&k| loaded(k)).is_some_and(|k| {
            (k + 1..(k + 4).min(c.end)).any(|j| {
                cues().aid_cargo.has(words[j].seg.base_key().trim_start_matches("ال")) || cues().aid_cargo.has(words[j].seg.base_key())
            })
        });
        (linked || carried || near) && !aid
    }

    /// The owner with ل right after an unnamed generic phrase at `k` (مواقع للحوثيين، مركزا للأمن),
    /// past up to two bare words that describe it (مواقع عدة للمتمردين، أهدافا محددة لداعش): a
    /// participant, the thing's side. None when `k` is named or no such phrase follows.
    /// Where a phrase starting at `first` begins with what opens it: a ل or ب written apart with
    /// its tatweel and an opening quotation mark (مواقع تابعة لـ«داعش»، لـ"حزب الله").
    fn before_opener(&self, first: usize) -> usize {
        let words = self.d.words;
        let mut f = first;
        if f > 0 && crate::context::opening_quote(&words[f - 1]) {
            f -= 1;
        }
        if f > 0 && matches!(words[f - 1].tok.text, "لـ" | "بـ") {
            f -= 1;
        }
        f
    }

    pub(crate) fn owner_after(&self, ps: &[Phrase], k: usize) -> Option<usize> {
        let o = k + 1;
        let words = self.d.words;
        let describes = |i: usize| {
            let w = &words[i];
            w.tok.kind == TokenKind::Arabic
                && (w.seg.prefixes.is_empty() || (i > 0 && crate::phrases::describes_word(&words[i - 1], w)))
                && self.mention_at[i].is_none()
                && !self.in_time[i]
                && !self.is_verb(i)
                && self.d.lexicon.lookup(w).is_none()
        };
        let first = ps.get(o).map_or(usize::MAX, |p| self.before_opener(p.first));
        (ps[k].head == Head::Generic
            && ps[k].link.is_none()
            && o < ps.len()
            && first >= ps[k].end
            && first <= ps[k].end + 2
            && (ps[k].end..first).all(describes)
            && ps[o].participant()
            && ps[o].governor.as_deref() == Some("ل"))
        .then_some(o)
    }

    /// The issuer of a thing named right after `after` (within four words, no named phrase or
    /// punctuation between): a party after عن or من that a word of cue list `issuers` introduces,
    /// a time or a place allowed between them (البيان الصادر أمس عن جماعة الحوثي).
    fn issuer_of_object(&self, ps: &[Phrase], after: usize, hi: usize, usable: &impl Fn(usize) -> bool) -> Option<usize> {
        let words = self.d.words;
        let q = (after..hi.min(after.saturating_add(4))).find(|&i| cues().issuers.has(bare(&words[i])))?;
        let quiet = (after..q).all(|i| {
            words[i].tok.kind == TokenKind::Arabic
                && crate::phrases::phrase_at(ps, i).is_none_or(|p| p.head == Head::Generic && p.link.is_none())
        });
        // (A time or a place may stand between: الصادر أمس عن، الصادر في جنيف عن.)
        let adjunct = |i: usize| {
            self.in_time[i] || bare(&words[i]) == "في" || crate::phrases::phrase_at(ps, i).is_some_and(|p| p.head == Head::Place)
        };
        let k = ps.iter().position(|p| {
            p.first >= q + 2 && p.first <= q + 7 && matches!(p.governor.as_deref(), Some("عن" | "من")) && (q + 1..p.first - 1).all(adjunct)
        })?;
        (quiet && usable(k) && ps[k].participant()).then_some(k)
    }

    /// The target of a trigger by its frame: the object (first free phrase after `after`) or a
    /// phrase governed by one of the frame's prepositions.
    pub(crate) fn target(&self, ps: &[Phrase], c: &Clause, t: usize, after: usize, frame: &[String], skip: &[usize]) -> Option<usize> {
        let hi = self.purpose_after(t, c.end).min(self.content_from(t, c.end));
        // (Not a name in apposition to a governed place noun: التقى المبعوث في العاصمة الأفغانية
        // كابول قادة طالبان.)
        let usable = |k: usize| {
            ps[k].patient()
                && !skip.contains(&k)
                && ps[k].first > t
                && ps[k].end <= hi
                && !self.in_source(&ps[k])
                && !self.in_place_apposition(ps[k].first)
        };
        let words = self.d.words;
        // A statement's verbal noun takes its object with ل (شكره للأمين العام، تهنئته لمصر، تثمينه
        // لجهود …); not an act's, whose ل names its doer (غارات للتحالف).
        let noun_object =
            frame.iter().any(|f| f == "obj") && self.d.lexicon.lookup(&words[t]).is_some_and(|h| h.nominal && !info(h.entry.kind).material);
        let in_frame = |g: &str| frame.iter().any(|f| f == g) || (noun_object && g == "ل");
        // The owner of the struck object, named after تابعة لـ or الخاضعة لسيطرة (استهدفت غارة دبابة
        // تابعة للحوثيين): within eight words after the trigger, for a frame with an object.
        let owned = || {
            (0..ps.len()).find(|&k| {
                let p = &ps[k];
                usable(k)
                    && p.participant()
                    && p.first <= t + 9
                    && (p.governor.as_deref() == Some("ل")
                        || words[p.first].seg.prefixes.contains(&"ل")
                        || self.before_opener(p.first).checked_sub(1).is_some_and(|q| bare(&words[q]).ends_with("سيطره")))
                    && {
                        let f = self.before_opener(p.first);
                        (f.saturating_sub(2)..f).any(|i| i > t && cues().belonging.has(bare(&words[i])))
                    }
            })
        };
        // An unnamed thing and its owner with ل right after it (غارات على مواقع للحوثيين): the owner.
        let owner_after = |k: usize| self.owner_after(ps, k).filter(|&o| usable(o));
        // (…right after it: its object, before any free phrase further on.)
        if noun_object {
            // (…or past the noun of its conduct that carries the ل: تثمينه لجهود المملكة.)
            let at = |p: &Phrase| p.first == t + 1 || (p.first == t + 2 && words[t + 1].seg.prefixes.contains(&"ل"));
            if let Some(k) =
                ps.iter().position(|p| at(p) && p.governor.as_deref() == Some("ل")).filter(|&k| usable(k) && ps[k].participant())
            {
                return Some(k);
            }
        }
        // A statement, a decision or a call in the object's place, and who issued it (أدانت الحكومة
        // البيان الصادر عن الجماعة، رحب بالقرار الصادر من مجلس الأمن): the issuer.
        if let Some(k) = self.issuer_of_object(ps, after, hi, &usable) {
            return Some(k);
        }
        if in_frame("obj") && frame.iter().any(|f| f == "laid") {
            // What a verb of blame lays (حمّل المسؤولية للحكومة، حمّل مسؤولية الاغتيال إلى زعيم
            // الحركة) is no target, nor its genitive: the party is after an `on` preposition.
            // (Only as the first object: حمّلت الحكومة الحوثيين مسؤولية مقتل المدنيين names the party first.)
            let first_word = (after..hi.min(after.saturating_add(4))).find(|&i| !self.in_time[i] && !is_comma(&words[i]));
            let burden = first_word.filter(|&i| cues().burdens.has(bare(&words[i])) && words[i].seg.prefixes.iter().all(|x| *x == "ال"));
            // (…or a phrase of the burden's genitive that holds the party after ل: مسؤولية العنف
            // للنظام السوري, read as one phrase, names the regime.)
            let holds = |p: &Phrase| (p.first + 1..p.end).any(|i| words[i].seg.prefixes.contains(&"ل") && self.mention_at[i].is_some());
            if let Some(b) = burden {
                return ps
                    .iter()
                    .position(|p| p.first > b && p.participant() && (p.governor.as_deref().is_some_and(in_frame) || holds(p)))
                    .filter(|&k| usable(k));
            }
        }
        if in_frame("obj") {
            // (Not an unnamed genitive of a prepositional adjunct: في قصر | السلام.)
            let adjunct =
                |k: usize| ps[k].head == Head::Generic && ps[k].link.is_none() && self.chain_governor(ps, after, ps[k].first).is_some();
            let free = |k: usize| ps[k].governor.is_none() && !adjunct(k);
            // The doer of an attack noun in the object's place, its genitive (أدان هجمات إسرائيل،
            // استنكر غارات التحالف): the attack words govern who does them (cue list agent_markers).
            let doer_of_object = (0..ps.len()).find(|&k| {
                after < words.len()
                    && usable(k)
                    && ps[k].participant()
                    && ps[k].first == after + 1
                    && ps[k].governor.as_deref() == Some(bare(&words[after]))
                    && words[after].seg.prefixes.is_empty()
                    && cues().agent_markers.has(bare(&words[after]))
            });
            if doer_of_object.is_some() {
                return doer_of_object;
            }
            // …or its ل phrase past adjectives (صد الجيش هجوما لتنظيم داعش، أحبطت القوات هجوما
            // للتنظيم، أدان الهجمات الإرهابية للحوثيين): the attack's doer, as its genitive is.
            let attack = after > t
                && after < hi
                && crate::phrases::phrase_at(ps, after).is_none()
                && words[after].seg.prefixes.iter().all(|x| *x == "ال")
                && self.d.lexicon.lookup(&words[after]).is_some_and(|h| h.nominal && info(h.entry.kind).victims);
            if attack {
                let k = self.past_adjectives(ps, after + 1, hi);
                // (Not past an adjective that names a party, which is the doer; the ل phrase is then
                // what the act struck: القصف الروسي لسوريا، الاجتياح الإسرائيلي للبنان.)
                let named_doer = (after + 1..k).any(|i| self.mention_at[i].is_some());
                let doer = ps.iter().position(|p| p.first == k && p.governor.as_deref() == Some("ل") && p.participant());
                if let Some(o) = doer.filter(|&o| !named_doer && usable(o)) {
                    return Some(o);
                }
            }
            // دعا رئيس اللجنة … النائب جمال الخضري، الأمم المتحدة إلى تشكيل لجنة: a long subject
            // with its appositions runs to a comma; the object is the free party after the comma,
            // right before what is asked.
            // (What is asked opens with إلى، ب or أن, past the party's own words: الدول دائمة
            // العضوية في مجلس الأمن إلى التحرك.)
            let opens_asked = |i: usize| {
                let w = &words[i];
                matches!(bare(w), "الي" | "ان" | "بان") || (w.seg.prefixes.first() == Some(&"ب") && w.tok.kind == TokenKind::Arabic)
            };
            let after_comma = (0..ps.len()).find(|&k| {
                let p = &ps[k];
                // (Not the subject's own apposition: السبسي، رئيس الحركة السابق، إلى …؛ عقيلة صالح،
                // الموجود في طبرق، إلى …)
                let apposition = (p.head == Head::Office && p.end < c.end && is_comma(&words[p.end]))
                    || (p.head == Head::People && p.end == p.first + 1);
                usable(k)
                    && free(k)
                    && p.participant()
                    && !apposition
                    && p.first > after.saturating_add(1)
                    // (…or the quotation mark after the comma: لمواجهة الحصار، "إسرائيل" بالتلاعب.)
                    && (is_comma(&words[p.first - 1]) || opening_quote(&words[p.first - 1]) && is_comma(&words[p.first - 2]))
                    && {
                        let next_free = ps.iter().skip(k + 1).find(|q| q.governor.is_none()).map_or(c.end, |q| q.first);
                        (p.end..next_free.min(c.end).min(p.end + 6)).any(opens_asked)
                    }
            });
            if after_comma.is_some() {
                return after_comma;
            }
            if let Some(k) = (0..ps.len()).find(|&k| usable(k) && ps[k].first >= after && free(k)) {
                // Only right after: a later free phrase belongs to something else. A place or a
                // time between does not count (استقبل الملك، في قصر السلام أمس، وزير الدفاع).
                if ps[k].first <= after + 3 || self.only_adjuncts(ps, after, ps[k].first) {
                    // An office right after a person who acts is the person's (استقبل الشيخ محمد
                    // بن زايد ولي عهد أبوظبي في أبوظبي أمس وزير الخارجية): the guest comes later.
                    if let Some(j) = self.apposed_object(ps, k, skip, hi, &usable) {
                        return Some(j);
                    }
                    // An unnamed thing and its owner with ل (تجمعا للحوثيين) or after تابعة لـ: the owner.
                    if ps[k].head != Head::Generic || ps[k].link.is_some() {
                        return Some(k);
                    }
                    return owner_after(k).or_else(owned).or(Some(k));
                }
            }
        }
        // The owner of a noun in the target's place that names no participant: its genitive
        // (أشاد بجهود مصر، رحب بمبادرة الإمارات) or, after an object, its لـ phrase (قصفت مواقع
        // لتنظيم داعش).
        let owner_of = |k: usize| {
            let p = &ps[k];
            // Over one bare construct noun between (بمبادرة دولة الإمارات، بجهود قيادة المملكة).
            let plain = |i: usize| {
                let w = &words[i];
                w.tok.kind == TokenKind::Arabic
                    && w.seg.prefixes.is_empty()
                    && !w.seg.definite()
                    && self.mention_at[i].is_none()
                    && self.d.lexicon.lookup(w).is_none()
            };
            // (…after a noun with its preposition: not الطائرات | مواقع لداعش, where مواقع is the head.)
            let with_clitic = |i: usize| words[i].seg.prefixes.iter().any(|x| matches!(*x, "ب" | "ل"));
            let head = if p.first >= t + 3 && plain(p.first - 1) && !plain(p.first - 2) && with_clitic(p.first - 2) {
                p.first - 2
            } else {
                p.first - 1
            };
            let clitic = words[head].seg.prefixes.iter().find(|x| matches!(**x, "ب" | "ل")).copied();
            // A verbal noun may own it too when the frame governs it (رحب بإقرار مجلس الشيوخ …).
            let noun = words[head].tok.kind == TokenKind::Arabic
                && self.mention_at[head].is_none()
                && crate::phrases::phrase_at(ps, head).is_none_or(|h| h.head == Head::Generic && h.link.is_none() && h.first == head)
                // (…and a site, whatever act its word may also state: على تجمعات | المتمردين.)
                && (self.d.lexicon.lookup(&words[head]).is_none() || clitic.is_some_and(in_frame) || cues().sites.has(bare(&words[head])));
            let governed = clitic.is_some_and(in_frame) || (head > t + 1 && in_frame(bare(&words[head - 1])));
            noun && ((p.governor.is_none() && governed)
                || (p.governor.as_deref() == Some("ل")
                    && in_frame("obj")
                    && head >= after
                    && head <= after.saturating_add(1)
                    && clitic.is_none()))
        };
        let governed = |k: usize| usable(k) && ps[k].governor.as_deref().is_some_and(|g| frame.iter().any(|f| f == g));
        // (…unless the owner of a noun in the target's place comes first: أشاد بقرار إسبانيا
        // الاعتراف بدولة فلسطين.)
        let owner = (0..ps.len()).find(|&k| usable(k) && ps[k].first > t + 1 && ps[k].participant() && owner_of(k));
        if let Some(k) = (0..ps.len()).find(|&k| governed(k)).filter(|&k| owner.is_none_or(|o| ps[o].first > ps[k].first)) {
            if let Some(o) = owner_after(k) {
                return Some(o);
            }
            // …or after تابعة لـ (غارات على مواقع تابعة للحوثيين: the owner, as for an object).
            if let Some(o) = owned().filter(|_| ps[k].head == Head::Generic && ps[k].link.is_none()) {
                return Some(o);
            }
            // A city after ب or إلى is where it happened when a partner follows (أجرى مباحثات
            // بالقاهرة مع …، وصل إلى القاهرة والتقى بالأمين العام).
            let place_gov = |j: usize| matches!(ps[j].governor.as_deref(), Some("ب" | "الي"));
            let city =
                place_gov(k) && ps[k].link.is_some_and(|m| self.d.mentions[m].place.is_some() && ps[k].end == self.d.mentions[m].end);
            if city {
                let partner = (k + 1..ps.len())
                    .find(|&j| governed(j) && (!place_gov(j) || ps[j].link.is_none_or(|m| self.d.mentions[m].place.is_none())));
                if let Some(other) = partner {
                    return Some(other);
                }
            }
            // (A town after ب alone is where, no party: خلال لقائه أمس، نيل هوكنز، السفير بالقاهرة;
            // a state may be the host visited, يزور خلالها ثلاث دول تبدأ بالكويت.)
            let town = city && self.below_country(ps[k].link.and_then(|m| self.d.mentions[m].place));
            if !(town && ps[k].governor.as_deref() == Some("ب")) {
                return Some(k);
            }
        }
        if let Some(k) = owner {
            return Some(k);
        }
        if in_frame("obj") {
            if let Some(k) = owned() {
                return Some(k);
            }
        }
        self.doer_of_relative(ps, if after == usize::MAX { t + 1 } else { after }, frame)
    }

    /// True when only adjuncts stand between tokens `from` and `to`: punctuation, times, and
    /// prepositional phrases (في قصر السلام، بالعاصمة، أمس), no verb and no other noun. Then a
    /// free phrase at `to` is still the verb's object (استقبل الملك، في قصر السلام أمس، الوزير).
    pub(crate) fn only_adjuncts(&self, ps: &[Phrase], from: usize, to: usize) -> bool {
        let words = self.d.words;
        let governed = |i: usize| crate::phrases::phrase_at(ps, i).is_some_and(|p| p.governor.is_some());
        let mut i = from;
        while i < to {
            let w = &words[i];
            let adjunct = || crate::phrases::phrase_at(ps, i).is_some_and(|p| p.first == i && self.chain_governor(ps, from, i).is_some());
            // (…and the word before a time expression that no phrase holds: خلال الأيام الثلاثة الماضية.)
            let before_time = || i + 1 < to && self.in_time[i + 1] && crate::phrases::phrase_at(ps, i).is_none();
            // (…and the construct head of the phrase at `to`: قصفت … مواقع | المعارضة.)
            let head_of_next = || {
                i + 1 == to
                    && w.tok.kind == TokenKind::Arabic
                    && w.seg.prefixes.is_empty()
                    && !w.seg.definite()
                    && !self.is_verb(i)
                    && self.d.lexicon.lookup(w).is_none()
            };
            if w.tok.kind == TokenKind::Punct || self.in_time[i] || governed(i) || adjunct() || before_time() || head_of_next() {
                i += 1;
                continue;
            }
            // A preposition and up to three plain words it governs (في قصر السلام).
            let prep = crate::context::is_governor(w) || w.seg.prefixes.contains(&"ب");
            if !prep || self.is_verb(i) {
                return false;
            }
            i += 1;
            let mut n = 0;
            while i < to
                && n < 3
                && words[i].tok.kind == TokenKind::Arabic
                && !self.is_verb(i)
                && crate::phrases::phrase_at(ps, i).is_none()
            {
                i += 1;
                n += 1;
            }
        }
        from < to
    }
}

/// True when a free generic phrase (an object of no name: منزلا، المدينة) starts where phrase
/// `k` ends: `k` is a subject acting on it (أحرق مستوطنون منزلا).
pub(crate) fn object_after(ps: &[Phrase], k: usize) -> bool {
    // (Past the subjects joined to it by و: أحرق المستوطنون وجنود الاحتلال منازل فلسطينية.)
    let mut j = k + 1;
    while ps.get(j).is_some_and(|p| p.coordinated && p.governor.is_none() && p.first <= ps[j - 1].end + 1) {
        j += 1;
    }
    // (A generic noun, an office or a person's title and name: اغتال مجهولون الملازم فلان.)
    ps.get(j).is_some_and(|o| o.first == ps[j - 1].end && matches!(o.head, Head::Generic | Head::Office) && o.governor.is_none())
}

/// True when phrase `k` ends right before the verb at `t` and a bare object phrase (a generic
/// noun, an office, people, a group) follows the verb: the subject before the verb acts on it
/// (شبان غاضبون يحرقون مقرا، قناصة يقتلون طفلا، عشرة جنود اعتقلوا مجموعة من الشبان; a passive
/// يُقتل takes no object).
/// (…also past the one word no phrase takes that heads it, a bare indefinite noun in construct:
/// الطائرتان قصفتا مواقع المسلحين; not a particle or a joined verb, سقطوا بين قتيل وجريح، قتلوا
/// وأصيب العشرات.)
pub(crate) fn object_after_verb(words: &[rasad_text::Word], ps: &[Phrase], k: usize, t: usize) -> bool {
    let construct = words.get(t + 1).is_some_and(crate::context::construct_head);
    let headed = |o: &Phrase| o.first == t + 2 && construct && crate::phrases::phrase_at(ps, t + 1).is_none();
    ps[k].end == t
        && ps.iter().any(|o| {
            (o.first == t + 1 || headed(o))
                && !cues().place_adverbs.has(crate::context::bare(&words[o.first]))
                && matches!(o.head, Head::Generic | Head::Office | Head::People | Head::Group)
                && o.governor.is_none()
        })
}

/// True for the kinds of actor that bear arms: a state, an army, an armed group, a militia.
pub(crate) fn armed_kind(k: ActorType) -> bool {
    matches!(k, ActorType::State | ActorType::Military | ActorType::ArmedGroup | ActorType::Militia)
}

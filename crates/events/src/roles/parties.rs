//! Phrases as arguments and the parties that go together: a phrase and those joined to it by و
//! (السعودية وإيران، مقاتل إيراني وعراقي); its arg, linked to its most specific actor (نظيره
//! الروسي → Russia); and the last parties named together, which البلدان / الجانبان in a later
//! sentence stand for; the parties after بين (اشتباكات بين الشرطة والمسلحين) and the side that
//! fought a partner after مع.

use rasad_kb::{ActorType, MentionKind};
use rasad_model::{Arg, EventType, Link};

use crate::clauses::Clause;
use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};

impl Ctx<'_, '_, '_> {
    /// The phrase and those joined to it by و (السعودية وإيران، مقاتل إيراني وعراقي).
    pub(crate) fn with_coordinated(&self, ps: &[Phrase], k: usize) -> Vec<usize> {
        let mut out = vec![k];
        let mut j = k + 1;
        while j < ps.len()
            && ps[j].coordinated
            && ps[j].participant()
            && ps[j].first <= ps[j - 1].end + 1
            && ps[j].governor == ps[k].governor
        {
            out.push(j);
            j += 1;
        }
        out
    }

    /// The first of the parties after بين that follows an event noun after `t` in its clause
    /// (… في اشتباكات بين الشرطة والمسلحين), when two or more are named.
    /// With `kind`, only after a noun of that type (اندلعت اشتباكات بين; not سيعارض الاتفاق بين).
    pub(crate) fn party_between(&self, ps: &[Phrase], c: &Clause, t: usize, kind: Option<EventType>) -> Option<usize> {
        let words = self.d.words;
        let noun = |n: usize| self.d.lexicon.lookup(&words[n]).is_some_and(|h| kind.is_none_or(|k| h.entries.iter().any(|e| e.kind == k)));
        let b = (t + 1..c.end).filter(|&n| noun(n)).find_map(|n| self.bain_after(n, c.end))?;
        let k = ps.iter().position(|p| p.first > b && p.first <= b + 2 && self.after_bain(p.first) && p.participant())?;
        (!self.between_sides(ps, k).0.is_empty()).then_some(k)
    }

    /// The بين after an event noun at `n` (below `end`): right after it, or past its adjectives, a
    /// verb of occurrence, time words, adverbs (حاليا) and commas, three words at most (مواجهات
    /// عنيفة دارت بين، اشتباكات صباح أمس، بين، اشتباكات تدور حاليا بين). None when something else
    /// stands between.
    pub(crate) fn bain_after(&self, n: usize, end: usize) -> Option<usize> {
        let words = self.d.words;
        let skippable = |k: usize| {
            let w = &words[k];
            self.in_time[k]
                || cues().occurrence.has(bare(w))
                || crate::phrases::is_adjective(w)
                || cues().manner.has(bare(w))
                || cues().nisba_adverbs.has(bare(w))
                || w.is_punct("،")
                || w.is_punct(",")
        };
        // …and where, with its locative words (اندلعت في منطقة بلة بين، في شرق ليبيا بين).
        let place_end = |k: usize| {
            if bare(&words[k]) != "في" {
                return None;
            }
            let mut m = k + 1;
            while m < end && m <= k + 3 && self.mention_at[m].is_none() && cues().locatives.has(bare(&words[m])) {
                m += 1;
            }
            let mi = self.mention_at.get(m).copied().flatten()?;
            self.d.mentions[mi].place.is_some().then_some(self.d.mentions[mi].end)
        };
        let mut k = n + 1;
        let mut stop = n + 4;
        while k < end && k <= stop {
            if bare(&words[k]) == "بين" {
                return Some(k);
            }
            if let Some(e) = place_end(k) {
                stop += e - k;
                k = e;
                continue;
            }
            // (A time expression counts as one word: معارك عنيفة دارت عصر أمس الجمعة بين; with its
            // preposition too: معارك عنيفة منذ مساء الثلاثاء بين, cue list `temporal`.)
            let opener = cues().temporal.has(bare(&words[k])) && k + 1 < end && self.in_time[k + 1];
            if (self.in_time[k] && k > n + 1 && (self.in_time[k - 1] || cues().temporal.has(bare(&words[k - 1])))) || opener {
                stop += 1;
            }
            if !skippable(k) && !opener {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The side that fought the partner `a` of a clash noun at `t` (مواجهات عنيفة مع X): the
    /// clause's own subject before the noun, else the parent's; an armed or named side, never
    /// counted victims (سقط عشرة قتلى في مواجهات مع مسلحين: the gunmen did it). None when `a` is
    /// no partner after مع within two words of a clash noun (cue list `clashes`).
    pub(crate) fn clash_subject(&self, ps: &[Phrase], c: &Clause, t: usize, a: usize, inherited: &[usize]) -> Option<Vec<usize>> {
        let words = self.d.words;
        let partner = ps[a].governor.as_deref() == Some("مع") && ps[a].first >= t + 2 && ps[a].first <= t + 3;
        if !partner || !cues().clashes.has(bare(&words[t])) {
            return None;
        }
        let side = |k: usize| {
            matches!(ps[k].head, Head::Group | Head::Name | Head::Office)
                && self.quantity_at[ps[k].first].is_none()
                && !self.in_source(&ps[k])
        };
        let own = ps.iter().position(|p| p.first >= c.first && p.end <= t && p.participant() && p.governor.is_none() && !self.in_source(p));
        match own {
            Some(k) if side(k) => Some(self.with_coordinated(ps, k)),
            Some(_) => None,
            None if !inherited.is_empty() => inherited.iter().all(|&k| side(k)).then(|| inherited.to_vec()),
            // A clause of its own (وسط اشتباكات مع الحوثيين) after one whose verb the lexicon does
            // not know (إن مسلحي المقاومة حافظوا على مواقعهم): the side last named before it,
            // ungoverned, in the sentence; not a speaker (وقال المتحدث إن الوضع هادئ وسط …).
            None => {
                let k = ps.iter().rposition(|p| p.end <= c.first && p.participant() && p.governor.is_none())?;
                let spoke = (ps[k].first.saturating_sub(2)..ps[k].first).any(|i| crate::forms::speech_verb(&words[i]));
                (side(k) && !spoke).then(|| self.with_coordinated(ps, k))
            }
        }
    }

    /// True when a phrase starting at token `first` follows بين, past an opening quotation mark
    /// (بين «جبهة النصرة» و«حزب الله»).
    pub(crate) fn after_bain(&self, first: usize) -> bool {
        let words = self.d.words;
        let Some(mut at) = first.checked_sub(1) else { return false };
        if crate::context::opening_quote(&words[at]) {
            let Some(before) = at.checked_sub(1) else { return false };
            at = before;
        }
        bare(&words[at]) == "بين"
    }

    /// The two sides of the parties named after بين from phrase `k` (`(agents, targets)`): the
    /// first acts and the others are its counterparts (اشتباكات بين الشرطة والمسلحين), unless side
    /// words split them, when each side is whole (بين الجيش والمقاومة من جهة وبين الحوثيين من جهة
    /// أخرى: the army and the resistance against the Houthis). Both empty when one party alone is named.
    pub(crate) fn between_sides(&self, ps: &[Phrase], k: usize) -> (Vec<usize>, Vec<usize>) {
        let mut parties = vec![k];
        let mut split = None;
        let mut j = k + 1;
        let mut prev_end = ps[k].end;
        while j < ps.len() {
            // (A party's place may stand before the و: بين الشبان في حي الواد وقوات الاحتلال.)
            let placed = !ps[j].participant()
                && bare(&self.d.words[prev_end.min(ps[j].first)]) == "في"
                && ps.get(j + 1).is_some_and(|n| n.coordinated && n.participant());
            // (…and its patron: بين المقاومة المدعومة من التحالف وقوات الحوثي; cue list `allies`.)
            let patron = ps[j].governor.as_deref().is_some_and(|g| matches!(g, "من" | "ل" | "ب"))
                && (prev_end.saturating_sub(1)..ps[j].first).any(|i| cues().allies.has(bare(&self.d.words[i])))
                && (prev_end..ps[j].first).all(|i| {
                    let b = bare(&self.d.words[i]);
                    cues().allies.has(b) || matches!(b, "من" | "ل" | "ب" | "قبل")
                })
                && ps.get(j + 1).is_some_and(|n| n.coordinated && n.participant());
            // (A participle the reader took as a phrase of its own: المقاتلين المدعومين | بالتحالف.)
            let participle = ps[j].end == ps[j].first + 1
                && !ps[j].coordinated
                && cues().allies.has(bare(&self.d.words[ps[j].first]))
                && ps.get(j + 1).is_some_and(|n| n.first == ps[j].end && n.governor.is_some());
            if placed || patron || participle {
                prev_end = ps[j].end;
                j += 1;
                continue;
            }
            if !ps[j].participant() {
                break;
            }
            let plain = ps[j].coordinated && ps[j].first <= prev_end + 1 && ps[j].governor == ps[k].governor;
            match self.side_gap(prev_end, ps[j].first, ps[j].coordinated) {
                Some(true) if split.is_none() => split = Some(parties.len()),
                Some(_) => {}
                None if plain => {}
                None => break,
            }
            parties.push(j);
            prev_end = ps[j].end;
            j += 1;
        }
        if parties.len() < 2 {
            return (Vec::new(), Vec::new());
        }
        // Forces and people (بين الشبان وقوات الاحتلال، بين شبان فلسطينيين والجيش الإسرائيلي): the
        // forces act, the people are their counterparts, in whichever order they are named; people
        // linked by a nisba are still people.
        let (first, second) = (&ps[parties[0]], &ps[parties[1]]);
        let by_nisba = first.link.is_some_and(|m| self.d.mentions[m].kind == MentionKind::Demonym);
        if split.is_none()
            && parties.len() == 2
            && matches!(first.head, Head::People | Head::Group | Head::Generic)
            && (first.link.is_none() || by_nisba)
            && self.armed_phrase(second)
            && !if by_nisba { self.armed_word(first) } else { self.armed_phrase(first) }
        {
            return (vec![parties[1]], vec![parties[0]]);
        }
        let at = split.unwrap_or(1);
        (parties[..at].to_vec(), parties[at..].to_vec())
    }

    /// Whether tokens `[from, to)` join two parties after بين: `Some(true)` over a side word (من
    /// جهة، من جانب آخر, with و or وبين after it or on the next party), `Some(false)` over a plain
    /// و or وبين, None otherwise.
    fn side_gap(&self, from: usize, to: usize, next_has_waw: bool) -> Option<bool> {
        let words = self.d.words;
        let c = cues();
        let (mut side, mut waw) = (false, next_has_waw);
        let mut i = from;
        while i < to {
            let b = bare(&words[i]);
            let closing = words[i].tok.kind == rasad_text::TokenKind::Punct && matches!(words[i].tok.text, "»" | "”" | "\"");
            if words[i].is_punct("،") || words[i].is_punct(",") || closing || (i > from && crate::context::opening_quote(&words[i])) {
                i += 1;
            } else if b == "من" && i + 1 < to && c.side_nouns.has(bare(&words[i + 1])) {
                side = true;
                i += 2;
                if i < to && c.side_others.has(bare(&words[i])) {
                    i += 1;
                }
            } else if words[i].key == "و" || (b == "بين" && (waw || words[i].seg.prefixes.first() == Some(&"و"))) {
                waw = true;
                i += 1;
            } else {
                return None;
            }
        }
        (waw && to > from).then_some(side).or((waw && side).then_some(true))
    }

    /// A phrase as an argument: its whole span, linked to its most specific actor (a counterpart
    /// to its state).
    pub(crate) fn phrase_arg(&self, p: &Phrase) -> Arg {
        let kb = self.d.kb;
        // (A clitic the phrase reader took as the preposition is no part of it: لطيران التحالف.)
        let w = &self.d.words[p.first];
        // (…nor is the و that joins it to the phrase before: ومسلحي تنظيم داعش.)
        let governed = p.governor.as_deref().is_some_and(|g| w.seg.prefixes.iter().any(|x| *x == g && matches!(g, "ب" | "ل" | "ك")))
            || (p.coordinated && w.seg.prefixes.first() == Some(&"و"));
        let span = self.arg_slice_governed(p.first, p.end, governed);
        let m = p.link.or(p.state).map(|m| &self.d.mentions[m]);
        // A body of civil society or a party is not its country (نقابة الصحفيين الفلسطينيين is no
        // Palestine: cue list `civil_bodies`): a nisba or a state inside it links nothing.
        // (…nor is the office of one, or of a movement: رئيس حزب القوات اللبنانية، رئيس حركة النهضة
        // التونسية; cue list `organization_nouns`.)
        let civil = |m: &rasad_kb::Mention| {
            let body = |k: usize| {
                let b = crate::context::bare(&self.d.words[k]);
                cues().civil_bodies.has(b) || cues().organization_nouns.has(b)
            };
            body(p.first) || (p.first..m.first).any(body)
        };
        let m =
            m.filter(|m| !(civil(m) && (m.kind == MentionKind::Demonym || m.actor.is_some_and(|a| kb.actors[a].kind == ActorType::State))));
        let link = match m.and_then(|m| m.actor) {
            Some(a) => Link { id: Some(kb.actors[a].id.clone()), name: Some(kb.actors[a].name.clone()), ..Link::default() },
            None => Link::default(),
        };
        Arg { span, link }
    }

    /// The args of phrases, with البلدان / الجانبان resolved to the parties named before.
    pub(crate) fn args_of(&self, ps: &[Phrase], ks: &[usize]) -> Vec<Arg> {
        let mut out: Vec<Arg> = Vec::new();
        for &k in ks {
            let p = &ps[k];
            if p.head == Head::Pair && !self.last_pair.is_empty() {
                let here = self.arg_slice(p.first, p.end);
                for a in &self.last_pair {
                    out.push(Arg { span: here.clone(), link: a.link.clone() });
                }
                continue;
            }
            // (A bare body or office noun is the one named before: وطالب المجلس.)
            let a = self.antecedent(p).unwrap_or_else(|| self.phrase_arg(p));
            if !out.iter().any(|o| o.span == a.span) {
                out.push(a);
            }
        }
        out
    }

    /// Remembers the last parties named together (السعودية وإيران) for البلدان.
    pub(crate) fn remember_pair(&mut self, ps: &[Phrase]) {
        let kb = self.d.kb;
        for k in 0..ps.len() {
            let group = self.with_coordinated(ps, k);
            let linked: Vec<Arg> = group
                .iter()
                .filter(|&&g| {
                    ps[g]
                        .link
                        .and_then(|m| self.d.mentions[m].actor)
                        .is_some_and(|a| matches!(kb.actors[a].kind, ActorType::State | ActorType::Government | ActorType::Person))
                })
                .map(|&g| self.phrase_arg(&ps[g]))
                .collect();
            if group.len() >= 2 && linked.len() == group.len() {
                self.last_pair = linked;
            }
        }
    }
}

//! Phrases as arguments and the parties that go together: a phrase and those joined to it by و
//! (السعودية وإيران، مقاتل إيراني وعراقي); its arg, linked to its most specific actor (نظيره
//! الروسي → Russia); and the last parties named together, which البلدان / الجانبان in a later
//! sentence stand for.

use rasad_kb::{ActorType, MentionKind};
use rasad_model::{Arg, Link};

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

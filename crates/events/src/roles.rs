//! Who did it to whom: the agent and target of a trigger from Arabic clause structure (VSO and
//! SVO, passives with تعرض ل, genitives of verbal nouns, partitives, pronoun subjects with gender
//! agreement, coordination, pair references such as البلدان), and the event record built from them.

use rasad_kb::{ActorType, Mention, MentionKind};
use rasad_model::{Arg, Event, EventMention, EventType, Link, SentenceSpan, Source};
use rasad_text::{Sentence, TokenKind};

use crate::args::TROOP_UNITS;
use crate::context::{bare, is_definite_or_governed, Ctx};
use crate::lexicon::Need;

pub(crate) const LOC_PREPS: &[&str] = &[
    "في",
    "الي",
    "من",
    "قرب",
    "نحو",
    "داخل",
    "عند",
    "حول",
    "باتجاه",
    "تجاه",
    "ريف",
    "مدينه",
    "بلده",
    "محافظه",
    "منطقه",
    "مناطق",
    "اطراف",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "مطار",
    "قاعده",
    "مقاطعه",
    "العاصمه",
    "عاصمه",
    "حدود",
    "بالقرب",
    "قريه",
    "حي",
    "مخيم",
    "معبر",
    "مدن",
    "بلدات",
];

pub(crate) const TARGET_PREPS: &[&str] = &["علي", "ضد", "مع", "ل", "بحق"];

pub(crate) const TITLES: &[&str] = &[
    "وزير",
    "الوزير",
    "رءيس",
    "الرءيس",
    "وفد",
    "الوفد",
    "مبعوث",
    "المبعوث",
    "سفير",
    "السفير",
    "المرشد",
    "مسءول",
    "المسءول",
    "الامين",
    "مستشار",
    "المستشار",
    "نائب",
    "قاءد",
    "رءيسا",
    "وزراء",
];

pub(crate) const FORCES: &[&str] = &["قوات", "جيش", "عناصر", "مقاتلي", "ميليشيات", "مليشيات", "وحدات", "قطعات"];

pub(crate) const PERSONAL_PRONOUN_SUFFIXES: &[&str] = &["ه", "ها", "هم", "هما"];

pub(crate) const GROUP_NOUNS: &[&str] = &[
    "فصاءل",
    "فصيل",
    "قوات",
    "مقاتل",
    "مقاتلين",
    "مقاتلون",
    "عناصر",
    "ميليشيات",
    "مليشيات",
    "ميليشيا",
    "مسلح",
    "مسلحين",
    "مسلحون",
    "جنود",
    "وحدات",
    "كتاءب",
    "مجموعات",
    "جماعات",
    "متظاهرين",
    "متظاهرون",
    "محتجين",
    "محتجون",
];

pub(crate) const CONNECTORS: &[&str] = &["فيما", "بينما", "حين", "حيث", "كما", "ثم", "بعدما", "عندما", "لكن", "لكنه", "غير"];

impl Ctx<'_, '_, '_> {
    /// True when the mention is governed by a locative word (so it is a place, not an actor).
    pub(crate) fn locative(&self, m: &Mention) -> bool {
        // An actor that is no place (حزب الله) is never a location, whatever precedes it.
        if m.place.is_none() {
            return false;
        }
        let first = &self.d.words[m.first];
        // The name itself opens with a locative noun (مدينة إدلب، ريف حماة).
        if LOC_PREPS.contains(&bare(first)) {
            return true;
        }
        if first.seg.prefixes.contains(&"ب") {
            return true;
        }
        m.first > 0
            && self.word(m.first - 1).is_some_and(|p| {
                let k = bare(p);
                let k = k.strip_prefix('ب').filter(|r| LOC_PREPS.contains(r)).unwrap_or(k);
                LOC_PREPS.contains(&k)
                    || matches!(p.tok.text, "«" | "\"" | "“")
                        && m.first > 1
                        && self.word(m.first - 2).is_some_and(|pp| LOC_PREPS.contains(&bare(pp)))
            })
    }

    /// The preposition that governs a mention for target purposes (على، ضد، مع، ل).
    pub(crate) fn target_governed(&self, m: &Mention) -> bool {
        let first = &self.d.words[m.first];
        if first.seg.prefixes.contains(&"ل") {
            return true;
        }
        m.first > 0 && self.word(m.first - 1).is_some_and(|p| TARGET_PREPS.contains(&bare(p)) || matches!(p.tok.text, "لـ" | "ل"))
    }

    /// An unlinked subject noun phrase headed by a group noun (فصائل شيعية موالية لإيران، وحدات من
    /// الجيش): after the verb in a VSO clause, else right before the trigger. Reported as found,
    /// without an id.
    pub(crate) fn group_subject(&self, t: usize, clause_head: bool, clause_start: usize, hi: usize) -> Option<Arg> {
        let words = self.d.words;
        let is_group = |k: usize| GROUP_NOUNS.contains(&words[k].seg.key.as_str()) || GROUP_NOUNS.contains(&bare(&words[k]));
        let head = if clause_head {
            (t + 1..hi.min(t + 3)).find(|&k| is_group(k))
        } else {
            (clause_start..t).find(|&k| is_group(k) && self.mention_at[k].is_none())
        }?;
        let limit = if clause_head { hi.min(head + 5) } else { t.min(head + 5) };
        let mut end = head + 1;
        while end < limit {
            let w = &words[end];
            let stop = w.tok.kind != TokenKind::Arabic
                || matches!(bare(w), "من" | "في" | "الي" | "علي" | "عن" | "منذ" | "بعد" | "قبل" | "خلال")
                || self.in_time[end]
                || self.d.lexicon.lookup(w).is_some();
            if stop {
                break;
            }
            end += 1;
        }
        Some(Arg { span: self.slice(head, end), link: Link::default() })
    }

    /// Whether the preposition before a target suits the event type (مع for meetings, على/ضد for attacks, ل for support).
    pub(crate) fn prep_fits(&self, m: &Mention, kind: EventType) -> bool {
        let first = &self.d.words[m.first];
        let p =
            if first.seg.prefixes.contains(&"ل") { "ل" } else { m.first.checked_sub(1).map(|k| bare(&self.d.words[k])).unwrap_or("") };
        let p = if matches!(p, "لـ") { "ل" } else { p };
        match kind {
            EventType::Consult | EventType::Agree | EventType::Cooperate => matches!(p, "مع" | "ل"),
            EventType::Assault => matches!(p, "علي" | "ضد" | "بحق" | "ل" | "مع"),
            EventType::Coerce | EventType::Threaten | EventType::Sanction => matches!(p, "علي" | "ضد" | "بحق" | "ل"),
            EventType::Accuse | EventType::Reject => matches!(p, "علي" | "ضد" | "ل"),
            EventType::Support | EventType::Aid | EventType::Request => matches!(p, "ل" | "علي" | "مع" | "من"),
            _ => false,
        }
    }

    /// Grammatical gender and number of a mention, for pronoun agreement: 'f' (states, ة/ات), 'p' (ين/ون), 'm'.
    pub(crate) fn gender(&self, m: &Mention) -> char {
        let last = &self.d.words[m.end - 1];
        let text = last.key.as_str();
        let state = m.actor.is_some_and(|a| matches!(self.d.kb.actors[a].kind, ActorType::State)) && m.kind == MentionKind::Name;
        if text.ends_with("يين") || text.ends_with("يون") || text.ends_with("ين") && m.kind == MentionKind::Demonym {
            'p'
        } else if state || text.ends_with('ه') || text.ends_with("ات") {
            let first = &self.d.words[m.first];
            // القوات الروسية: the head decides (قوات is feminine), as does a state name.
            if first.key.ends_with("جيش") || first.key == "الجيش" {
                'm'
            } else {
                'f'
            }
        } else {
            'm'
        }
    }

    /// True when the mention follows "من" after a passive participle (مدعومة من تركيا): a backer, not an agent.
    pub(crate) fn after_min(&self, m: &Mention) -> bool {
        m.first > 0 && self.word(m.first - 1).is_some_and(|p| bare(p) == "من")
    }

    pub(crate) fn actor_mentions(&self, from: usize, to: usize) -> Vec<usize> {
        let mut v = Vec::new();
        let mut last = None;
        for t in from..to {
            if let Some(mi) = self.mention_at[t] {
                let m = &self.d.mentions[mi];
                let in_source = self.source_spans.iter().any(|&(a, b)| m.span.start >= a && m.span.end <= b);
                if last != Some(mi) && m.actor.is_some() && !in_source {
                    v.push(mi);
                }
                last = Some(mi);
            }
        }
        v
    }

    /// Mentions coordinated with `mi` by و (مقاتل إيراني وعراقي، إيران وروسيا).
    pub(crate) fn coordinated(&self, mi: usize, to: usize) -> Vec<usize> {
        let mut out = vec![mi];
        let mut cur = mi;
        loop {
            let end = self.d.mentions[cur].end;
            let is_person = |n: usize| self.d.mentions[n].actor.is_some_and(|a| matches!(self.d.kb.actors[a].kind, ActorType::Person));
            let next = if end < to && self.mention_at[end].is_some_and(|n| n != cur) {
                // و-joined (وإيران), or a name in apposition to a nisba (الروسي فلاديمير بوتين).
                self.mention_at[end].filter(|&n| {
                    self.d.words[self.d.mentions[n].first].seg.prefixes.first() == Some(&"و")
                        || (self.d.mentions[cur].kind == MentionKind::Demonym && is_person(n))
                })
            } else if end + 1 < to && self.word(end).is_some_and(|w| w.key == "و") {
                self.mention_at[end + 1]
            } else {
                None
            };
            match next {
                Some(n) if self.d.mentions[n].actor.is_some() && !out.contains(&n) => {
                    out.push(n);
                    cur = n;
                }
                _ => break,
            }
        }
        out
    }

    /// Remembers the last actors of a sentence joined by و (سوريا وإيران) for البلدان.
    pub(crate) fn remember_pair(&mut self, s: &Sentence) {
        for mi in self.actor_mentions(s.first_token, s.end_token) {
            let group = self.coordinated(mi, s.end_token);
            let states = group
                .iter()
                .filter(|&&g| {
                    self.d.mentions[g].actor.is_some_and(|a| matches!(self.d.kb.actors[a].kind, ActorType::State | ActorType::Government))
                })
                .count();
            if group.len() >= 2 && states == group.len() {
                self.last_pair = group;
            }
        }
    }

    /// "البلدان"، "الجانبان"، "الطرفان" right after the trigger: the last pair of actors named.
    pub(crate) fn pair_reference(&self, t: usize, hi: usize) -> Option<(usize, Vec<usize>)> {
        (t + 1..hi.min(t + 4))
            .find(|&k| matches!(bare(&self.d.words[k]), "البلدان" | "البلدين" | "الجانبان" | "الجانبين" | "الطرفان" | "الطرفين"))
            .filter(|_| !self.last_pair.is_empty())
            .map(|k| (k, self.last_pair.clone()))
    }

    /// True when a mention after من is partitive (مقاتل من حزب الله، عناصر من الحرس).
    pub(crate) fn partitive(&self, m: &Mention) -> bool {
        m.first >= 2 && {
            let before = &self.d.words[m.first - 2];
            let k = before.seg.key.as_str();
            TROOP_UNITS.contains(&k)
                || FORCES.contains(&bare(before))
                || matches!(k, "عناصر" | "جنود" | "مقاتلين" | "قوات" | "ضباط" | "وحد" | "وحده")
                || before.tok.kind == TokenKind::Number
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn event(
        &self,
        s: &Sentence,
        t: usize,
        kind: EventType,
        mode: Option<String>,
        needs: &[Need],
        prev_t: Option<usize>,
        next_t: Option<usize>,
        source: Option<Source>,
    ) -> Option<Event> {
        let words = self.d.words;
        let (lo, hi) = (prev_t.map_or(s.first_token, |p| p + 1), next_t.unwrap_or(s.end_token));
        let right_hi = hi.min(t + 26);
        let left_lo = lo.max(t.saturating_sub(20));
        let tw = &words[t];
        let nominal = is_definite_or_governed(words, t) || tw.seg.suffixes.iter().any(|x| PERSONAL_PRONOUN_SUFFIXES.contains(x));
        // The clause starts after the last comma or connector (فيما، بينما، حيث …) before the trigger.
        let clause_start = (left_lo..t)
            .rev()
            .find(|&k| {
                words[k].is_punct("،")
                    || words[k].is_punct(",")
                    || words[k].is_punct("؛")
                    || words[k].is_punct(":")
                    || CONNECTORS.contains(&bare(&words[k]))
            })
            .map_or(left_lo, |k| k + 1);
        let clause_head = (clause_start..t).all(|k| self.mention_at[k].is_none());
        // The agent is not looked for past a purpose phrase (حشدوا للمشاركة … بجانب قوات الأسد).
        let agent_hi = self.purpose_after(t, right_hi);

        // Passive: X تعرض ل-TRIGGER Y.
        let passive_at = (s.first_token..t)
            .rev()
            .take(10)
            .find(|&k| words[k].seg.key.starts_with("تعرض") || bare(&words[k]).starts_with("تعرض") || bare(&words[k]).starts_with("يتعرض"));

        let right: Vec<usize> = self.actor_mentions(t + 1, right_hi);
        let left: Vec<usize> = self.actor_mentions(left_lo, t);
        let usable = |mi: &usize| {
            let m = &self.d.mentions[*mi];
            !self.locative(m) && !self.target_governed(m) && (!self.after_min(m) || self.partitive(m))
        };
        let transitive = matches!(
            kind,
            EventType::Assault
                | EventType::Coerce
                | EventType::Support
                | EventType::Aid
                | EventType::Accuse
                | EventType::Sanction
                | EventType::Request
                | EventType::Threaten
        );
        let mut agents: Vec<usize> = Vec::new();
        let mut targets: Vec<usize> = Vec::new();
        let mut pair_arg: Option<usize> = None;
        if let Some(pk) = passive_at {
            // Agent: the genitive or nisba right after the noun; targets: between تعرض and the noun.
            if let Some(&a) = right.iter().find(|&&mi| self.d.mentions[mi].first <= t + 3) {
                agents = self.coordinated(a, right_hi);
            }
            targets = self
                .actor_mentions(pk.saturating_sub(8).max(s.first_token), t)
                .into_iter()
                .filter(|mi| !self.locative(&self.d.mentions[*mi]))
                .collect();
        } else if let Some((k, pair)) = self.pair_reference(t, agent_hi) {
            // ووقع البلدان: the countries named together before.
            pair_arg = Some(k);
            agents = pair;
        } else {
            let first_right = right.iter().copied().filter(|&mi| self.d.mentions[mi].first < agent_hi).find(usable);
            let genitive = first_right.filter(|&mi| self.d.mentions[mi].first <= t + 2);
            let left_agent = left.iter().rev().copied().find(usable);
            // A pronoun subject (إنها سحبت، أنه وصل) points back to the sentence's first actor.
            // A pronoun subject (إنها سحبت، إنه اعترض) points back to the nearest actor that agrees with it.
            let pronoun = (left_lo..t).rev().take(3).find_map(|k| match bare(&words[k]) {
                "انها" | "وهي" | "هي" => Some('f'),
                "انه" | "وهو" | "هو" => Some('m'),
                "انهم" | "وهم" | "هم" => Some('p'),
                _ => None,
            });
            let antecedent = pronoun.and_then(|g| {
                self.actor_mentions(s.first_token, t).into_iter().rev().filter(usable).find(|&mi| self.gender(&self.d.mentions[mi]) == g)
            });
            let agent = if antecedent.is_some() {
                antecedent
            } else if nominal {
                // The genitive of a transitive verbal noun is its object when an agent stands
                // before it (تمكنت قوات النظام من طرد داعش).
                if transitive && left_agent.is_some() && genitive.is_some() {
                    targets.extend(genitive);
                    left_agent
                } else {
                    genitive.or(left_agent)
                }
            } else if clause_head {
                first_right.or(left_agent)
            } else {
                left_agent.or(first_right)
            };
            if let Some(a) = agent {
                agents = self.coordinated(a, right_hi.max(t + 1));
            }
            // Targets: governed by على/ضد/مع/ل after the trigger, or the object after a VSO agent.
            if targets.is_empty() {
                for &mi in &right {
                    if agents.contains(&mi) {
                        continue;
                    }
                    let m = &self.d.mentions[mi];
                    if self.target_governed(m) && !self.locative(m) && self.prep_fits(m, kind) {
                        targets.extend(self.coordinated(mi, right_hi));
                        break;
                    }
                }
            }
            if targets.is_empty() && (transitive || kind == EventType::Consult) {
                let after_agent = agents.iter().map(|&a| self.d.mentions[a].end).max().unwrap_or(t + 1).max(t + 1);
                if let Some(&mi) = right.iter().find(|&&mi| {
                    !agents.contains(&mi)
                        && self.d.mentions[mi].first >= after_agent
                        && self.d.mentions[mi].first <= after_agent + 2
                        && usable(&mi)
                }) {
                    targets = self.coordinated(mi, right_hi);
                }
            }
        }
        targets.retain(|x| !agents.contains(x));

        // A visit rather than a deployment when the agent is a person or an official.
        let mut kind = kind;
        let mut mode = mode;
        if let Some(alt) = needs.iter().find_map(|n| if let Need::PersonType(a) = n { Some(*a) } else { None }) {
            // "قوات الرئيس بشار الأسد" are forces, not the person.
            let forces_of = |m: &Mention| (m.first.saturating_sub(3)..m.first).any(|k| FORCES.contains(&bare(&words[k])));
            let person = agents.iter().any(|&a| {
                let m = &self.d.mentions[a];
                m.actor.is_some_and(|x| matches!(self.d.kb.actors[x].kind, ActorType::Person)) && !forces_of(m)
            }) || agents.iter().any(|&a| {
                let m = &self.d.mentions[a];
                (m.first.saturating_sub(4)..m.first)
                    .any(|k| TITLES.contains(&bare(&words[k])) || TITLES.contains(&words[k].seg.key.as_str()))
            }) || (t + 1..(t + 3).min(s.end_token)).any(|k| TITLES.contains(&bare(&words[k])));
            if person {
                kind = alt;
                mode = Some("visit".into());
            }
        }

        let mut actors: Vec<Arg> = agents.iter().map(|&mi| self.mention_arg(&self.d.mentions[mi], false)).collect();
        if actors.is_empty()
            && matches!(kind, EventType::Mobilize | EventType::Assault | EventType::Retreat | EventType::Coerce | EventType::Protest)
        {
            actors.extend(self.group_subject(t, clause_head, clause_start, agent_hi));
        }
        if let Some(k) = pair_arg {
            // The arguments point at "البلدان" itself, linked to what it refers to.
            let here = self.slice(k, k + 1);
            for a in &mut actors {
                a.span = here.clone();
            }
        }
        let targets: Vec<Arg> = targets.iter().map(|&mi| self.mention_arg(&self.d.mentions[mi], false)).collect();
        let places = self.places(s, t, kind);
        let date = self.nearest_time(s, t, lo, hi);
        // A comma right before the verb separates a long subject from it, not two clauses.
        let q_start = (lo..t)
            .rev()
            .find(|&k| CONNECTORS.contains(&bare(&words[k])) || ((words[k].is_punct("،") || words[k].is_punct(",")) && k + 1 != t))
            .map_or(lo, |k| k + 1);
        let quantity = self.quantity(s, t, q_start, hi, kind);
        let fatalities = quantity.as_ref().filter(|q| self.counts_deaths(q)).map(|q| q.value);
        let status = self.status(s, t, &source);
        let trig = self.slice(t, t + 1);
        let mut confidence: f64 = 0.45;
        confidence += if actors.is_empty() { 0.0 } else { 0.15 };
        confidence += if places.is_empty() { 0.0 } else { 0.1 };
        confidence += if date.is_some() { 0.1 } else { 0.0 };
        confidence += if source.is_some() { 0.1 } else { 0.0 };
        confidence -= if nominal { 0.05 } else { 0.0 };
        Some(Event {
            kind,
            mode,
            trigger: trig.clone(),
            sentence: SentenceSpan { start: s.span.start, end: s.span.end },
            actors,
            targets,
            places,
            date,
            quantity,
            fatalities,
            source,
            status,
            confidence: (confidence.clamp(0.05, 0.95) * 100.0).round() / 100.0,
            mentions: vec![EventMention { trigger: trig.clone(), sentence: SentenceSpan { start: s.span.start, end: s.span.end } }],
        })
    }
}

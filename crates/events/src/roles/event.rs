//! The event record of a trigger from its roles: a visit rather than a deployment for a person
//! (وصل الرئيس إلى طهران), no deployment without an armed force (وصل الطبيب), no victim and no
//! reporter as actor (قتل جندي روسي في هجوم، أفادت الوكالة … وقتل اثنان), the subject carried
//! from the sentence before, the nisba that says whose (غارات روسية), then places, date,
//! quantity, status and confidence.

use rasad_kb::{ActorType, MentionKind};
use rasad_model::{Arg, Event, EventMention, EventType, SentenceSpan, Source, Status};
use rasad_text::Sentence;

use super::Scope;
use crate::clauses::Clause;
use crate::context::{bare, third_person_pronoun, Ctx};
use crate::cues::cues;
use crate::lexicon::Need;
use crate::phrases::{Head, Phrase};
use crate::triggers::Trig;
use crate::types::info;

impl Ctx<'_, '_, '_> {
    /// Another type when the agent is a person or an official (the entry's `person=TYPE/mode`): a
    /// visit rather than a deployment (وصل الوزير), words rather than arms (هاجم الرئيس خصومه).
    /// Not the forces of one (قوات الرئيس بشار الأسد), nor a commander, who acts with his forces
    /// (هاجم قائد الفصيل مواقع الجيش: cue list `armed_titles`). With `/own` the agent must be the
    /// verb's own subject in its clause, or the noun's genitive right after it (هجوم ترامب), never
    /// a speaker the reader fell back on (أعلن رئيس الوزراء … هوية مشتبه به في هجوم سوروتش).
    fn person_type(&self, ps: &[Phrase], c: &Clause, tr: &Trig, agents: &[usize]) -> Option<(EventType, Option<String>)> {
        let (alt, mode, own_only) = person_alternative(&tr.needs)?;
        let kb = self.d.kb;
        let words = self.d.words;
        // (A verb joined to the clause before continues its subject: وهاجم الرئيس الشعراء، كما
        // هاجم الصحفيين; not a verb of a reported clause, whose subject is no speaker.)
        let joined = !tr.noun && matches!(c.link, crate::clauses::Link::Coordinated | crate::clauses::Link::Main);
        let own = |k: usize| {
            !own_only
                || if tr.noun {
                    ps[k].first == tr.at + 1
                } else {
                    ps[k].first >= c.first && ps[k].end <= c.end || joined && ps[k].end <= c.first
                }
        };
        agents
            .iter()
            .filter(|&&k| own(k))
            .any(|&k| match ps[k].head {
                Head::Office => !cues().armed_titles.has(bare(&words[ps[k].first])),
                Head::Pair | Head::Counterpart => true,
                Head::Name => ps[k].link.and_then(|m| self.d.mentions[m].actor).is_some_and(|a| kb.actors[a].kind == ActorType::Person),
                Head::Group | Head::People | Head::Place | Head::Generic => false,
            })
            .then_some((alt, mode))
    }

    /// The event of a trigger, with its arguments, and the phrases of its actors and targets.
    pub(crate) fn event(&self, s: &Sentence, sc: &Scope, tr: &Trig, source: Option<Source>) -> Option<(Event, Vec<usize>, Vec<usize>)> {
        let (ps, clauses, ci) = (sc.ps, sc.clauses, sc.ci);
        let (t, mut kind, mut mode) = (tr.at, tr.kind, tr.mode.clone());
        let c = &clauses[ci];
        let mut roles = self.roles(ps, clauses, ci, tr, sc.inherited);
        if tr.owes
            && (self.obligation_on(t).is_none()
                || self.obligation_ahead(t)
                || roles.targets.is_empty()
                || roles.agents.is_empty() && !self.spoken_before(s.first_token, t))
        {
            // ويتعين على اليونان سداد القرض: an obligation in the writer's own voice asks nothing.
            self.skip(t, format_args!("an obligation with no speaker {kind:?}"));
            return None;
        }
        if let Some(alt) = self.person_type(ps, c, tr, &roles.agents).or_else(|| {
            // An implicit subject carried from the sentence before: a person when its link is one.
            let person = roles.agents.is_empty()
                && sc
                    .fallback
                    .iter()
                    .any(|a| a.link.id.as_deref().is_some_and(|id| self.d.kb.actor(id).is_some_and(|x| x.kind == ActorType::Person)));
            person_alternative(&tr.needs).filter(|a| person && !a.2).map(|(t, m, _)| (t, m))
        }) {
            let (alt, alt_mode) = alt;
            kind = alt;
            mode = alt_mode.or(mode);
            // وصل الرئيس إلى طهران: the host by the new type's positions.
            if roles.targets.is_empty() {
                roles.targets.extend(self.target(ps, c, t, t + 1, &info(alt).target, &roles.agents));
            }
        } else if tr.needs.contains(&Need::Force) && !self.armed(ps, c, t, &roles.agents, &roles.targets, sc.fallback) {
            // وصل الطبيب، تعزيز العلاقات: a motion word without a force states no deployment.
            self.skip(t, format_args!("no armed force {kind:?}"));
            self.forceless.borrow_mut().push(t);
            return None;
        }
        // سنشن هجوما، أعلنت أنها ستهاجم، قال القيادي إن المقاومة ستلاحق المسلحين: a verb of force
        // in the future that a speaker announces (in the first person, of the speaker, or said by
        // anyone but a reporter), or that befalls no one named as its doer (سيحاكمون), threatens it
        // (types.toml future); a plan a source or an agency tells of is no threat (وبحسب المصدر
        // فإن الميليشيات ستهاجم الفلول).
        let w = &self.d.words[t];
        let future = !tr.noun && (self.d.lexicon.future_sin(w) || t > 0 && bare(&self.d.words[t - 1]) == "سوف");
        let announced = || {
            let first_person = self.d.lexicon.future_sin(w) && matches!(w.seg.key.chars().next(), Some('ن' | 'ا'));
            let own = c.link == crate::clauses::Link::Complement && crate::extract::speaker_pronoun(&self.d.words[c.first]);
            let reporter =
                |src: &Source| src.span.text.split_whitespace().next().is_some_and(|x| cues().reporters.has(&rasad_text::match_key(x)));
            first_person || own || roles.agents.is_empty() || source.as_ref().is_some_and(|src| !reporter(src))
        };
        if let Some(f) = info(kind).future.filter(|_| future && announced()) {
            kind = f;
            mode = None;
        }
        // The victim of an attack is no actor (قتل جندي روسي في هجوم بطائرة مسيرة), unless marked as
        // the agent (برصاص قناص، يقودها انتحاري).
        let marked = |k: usize| ps[k].governor.as_deref().is_some_and(|g| cues().agent_markers.has(g));
        // …unless the verb's pronoun holds the victim (الذي أحرقه المستوطنون).
        let pronoun = third_person_pronoun(&self.d.words[t]);
        let object_pronoun = !tr.noun && pronoun;
        // (The pronoun is what an attack struck: no phrase after the verb is, neither the means
        // nor a place, هاجموها بالحجارة، أعدموهم ميدانيا; one before it may be what the pronoun
        // resumes, إن سكان المدينة منعتهم المليشيا.)
        if object_pronoun && info(kind).victims && info(kind).target.iter().any(|f| f == "obj") {
            roles.targets.retain(|&k| ps[k].end <= t);
        }
        // …or a verb's object follows (أحرق مستوطنون منزلا: the subject acts on it), after the
        // subject or, for a subject right before the verb, after the verb (شبان غاضبون يحرقون مقرا).
        roles.agents.retain(|&k| {
            !(ps[k].head == Head::People && info(kind).victims)
                || marked(k)
                || self.names_attacker(&ps[k])
                || object_pronoun
                || (!tr.noun
                    && (crate::targets::object_after(ps, k)
                        || crate::targets::object_after_verb(self.d.words, ps, k, t)
                        || super::verb::fire_after(self.d.words, &ps[k])))
        });
        // The people or force right before a verb of violence with no actor and no object after
        // it suffered it (13 مسلحا حوثيا على الأقل قتلوا جراء غارات، ضابطا شرطة أصيبا في انفجار):
        // the passive it reads as. So does the one subject before a perfect of killing or wounding
        // that has nothing after it but a preposition (قائد ميداني قتل في غارة روسية، وزير الدفاع
        // الأسبق قتل في انفجار), when no other party follows in its clause.
        let words = self.d.words;
        let passive_shape = !tr.noun
            && info(kind).victims
            && (bare(&words[t]).starts_with("قتل")
                || cues().wound_stems.has_prefix_of(bare(&words[t]))
                || cues().passive_stems.has_prefix_of(bare(&words[t])))
            && roles.agents.len() == 1
            && ps[roles.agents[0]].end == t
            && ps[roles.agents[0]].first >= c.first
            && !self.names_attacker(&ps[roles.agents[0]])
            && !ps.iter().any(|p| p.first > t && p.end <= c.end && p.governor.is_none() && p.participant() && !self.own_subject(p));
        // (Not a verb whose pronoun holds the victim: إن المسلحين قتلوه.)
        if !tr.noun && info(kind).victims && !object_pronoun && (roles.agents.is_empty() || passive_shape) {
            let right_before = |k: usize| {
                (matches!(ps[k].head, Head::People | Head::Group)
                    || (passive_shape && roles.agents.contains(&k) && matches!(ps[k].head, Head::Office | Head::Name)))
                    && ps[k].governor.is_none()
                    && !self.names_attacker(&ps[k])
                    && ps[k].first >= c.first
                    && ps[k].end <= t
                    && (t - ps[k].end <= 2 && (ps[k].end..t).all(|i| matches!(bare(&words[i]), "علي" | "الاقل") || self.in_time[i])
                        // (…or past the side they come from: 40 حوثيا من أبناء مديرية حيدان قتلوا.)
                        || self.side_between(ps, k, t))
            };
            // (Only when what follows the verb, past a time, is a preposition, a cause or the end:
            // not an attacker with an object, امرأة انتحارية فجرت سترة ناسفة، فجرت نفسها.)
            // (Nor a second subject after و with its own verb, no object: قتلوا ومئات جرحوا، قتلوا
            // وأصيب آخرون.)
            let next = (t + 1..c.end).find(|&i| !self.in_time[i]);
            let coordinated = |i: usize| {
                let w = &words[i];
                w.seg.prefixes.first() == Some(&"و")
                    && (cues().wound_stems.has_prefix_of(bare(w))
                        || cues().passive_stems.has_prefix_of(bare(w))
                        || ps.iter().any(|p| p.first == i && self.own_subject(p)))
            };
            let object_after = next.is_some_and(|i| {
                let w = &words[i];
                !coordinated(i)
                    && w.tok.kind == rasad_text::TokenKind::Arabic
                    && !crate::context::is_governor(w)
                    && !cues().temporal.has(bare(w))
                    && !cues().agent_markers.has(bare(w))
                    && !w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل" | "ك"))
            });
            if let Some(k) = (0..ps.len()).find(|&k| right_before(k)).filter(|_| !object_after) {
                roles.agents.retain(|&a| a != k);
                if !roles.targets.contains(&k) {
                    roles.targets.insert(0, k);
                }
            }
        }
        // Who reports a physical act did not do it (أفادت الوكالة … وقتل اثنان).
        let reporter = |k: usize| cues().reporters.has(bare(&self.d.words[ps[k].first]));
        if info(kind).material {
            roles.agents.retain(|&k| !reporter(k));
        }
        roles.targets.retain(|k| !roles.agents.contains(k));
        // غارات على مواقع ميليشيات الحوثي: whose site was struck is the target.
        if info(kind).victims {
            for k in roles.targets.iter_mut() {
                // (…or who holds it, in a relative after it: مواقع يسيطر عليها الحوثيون.)
                let owner = self.site_owner(ps, *k).or_else(|| self.occupant(ps, *k));
                if let Some(o) = owner.filter(|o| !roles.agents.contains(o)) {
                    *k = o;
                }
            }
        }
        // استهدفت الغارات مواقع لحزب العمال: a site named with its owner after ل, whose it is.
        // (Past the attack's own owner, which is no target: استهدفت غارات للجيش التركي مواقع لـ…)
        let words = self.d.words;
        let site = (t + 1..(t + 7).min(c.end)).find(|&i| cues().sites.has(bare(&words[i])) && !words[i].seg.definite());
        let before_site = |k: usize| site.is_some_and(|i| ps[k].end <= i && ps[k].governor.as_deref() == Some("ل"));
        if info(kind).victims && roles.targets.iter().all(|&k| before_site(k)) && !tr.noun {
            let owner = site.and_then(|i| {
                ps.iter().position(|p| p.first == i + 1 && p.governor.as_deref() == Some("ل") && matches!(p.head, Head::Group | Head::Name))
            });
            roles.targets.extend(owner.filter(|o| !roles.agents.contains(o)));
        }
        // غارة جوية استهدفت مستشفى ميدانيا: what the verb describing the noun struck.
        // (A verb an attack does to something, cue list `attack_subject_verbs`: معارك احتدمت بين …
        // names no object.)
        if let Some((v, frame)) = tr.described_by.as_ref().filter(|(v, _)| self.strikes(*v)) {
            if let Some(k) = self.target(ps, c, *v, v + 1, frame, &roles.agents).filter(|k| !roles.targets.contains(k)) {
                roles.targets.push(k);
            }
        }
        // (A verdict's target is the judged act's doer, or none: verdicts.rs; a verb's object in a
        // pronoun is its antecedent, or none: anaphora.rs.)
        let frame = if tr.frame.is_empty() { &info(kind).target } else { &tr.frame };
        let judged = tr.judged.is_some() || (!tr.noun && self.object_in_pronoun(t, kind, frame));
        if roles.targets.is_empty() && !judged {
            if let Some(k) = self.necessity_party(ps, t, s.end_token, kind, &roles.agents) {
                roles.targets.extend(self.with_coordinated(ps, k));
            }
        }
        if roles.targets.is_empty() && !judged {
            roles.targets.extend(self.content_party(ps, c, t, kind, &roles.agents));
        }
        if roles.targets.is_empty() && !judged && info(kind).content_fallback {
            roles.targets.extend(self.asked_subject(ps, clauses, ci, t, &roles.agents));
        }
        // (…and outranks the body a protest stood before: اعتصموا أمام مقر النقابة استنكارا لاعتقال
        // زملائهم من قبل الأجهزة الأمنية.)
        let before = |k: usize| {
            let f = ps[k].first;
            ps[k].governor.as_deref() == Some("امام")
                || (f >= 2 && bare(&self.d.words[f - 2]) == "امام" && cues().sites.has(bare(&self.d.words[f - 1])))
        };
        let before_body = !roles.targets.is_empty() && roles.targets.iter().all(|&k| before(k));
        if (roles.targets.is_empty() || before_body) && !judged {
            if let Some(k) = self.cause_party(ps, c, t, kind, &roles.agents) {
                roles.targets = vec![k];
            }
        }

        if roles.targets.is_empty() && !tr.noun && !judged {
            roles.targets.extend(self.complement_party(ps, clauses, ci, t, kind, &roles.agents));
        }
        // سيطرت القوات على حي التواهي آخر معقل للحوثيين: whose stronghold was taken.
        if roles.targets.is_empty() && info(kind).victims {
            roles.targets.extend(self.stronghold_owner(ps, c, t).filter(|k| !roles.agents.contains(k)));
        }
        // سيطرت المقاومة على جبل يسوف … من الميليشيات الحوثية: a capture's target held the place.
        if tr.held {
            self.held_targets(ps, t, &mut roles.targets);
            if roles.targets.is_empty() {
                roles.targets.extend(self.holder(ps, t, s.end_token, &roles.agents));
            }
        }
        let mut actors = self.args_of(ps, &roles.agents);
        let mut partner_nisba = None;
        if actors.is_empty() && (!tr.noun || pronoun || judged) {
            // The subject carried from the sentence before, unless it only reported a physical act.
            let reported = |a: &Arg| {
                info(kind).material
                    && a.span.text.split_whitespace().next().is_some_and(|w| cues().reporters.has(&rasad_text::match_key(w)))
            };
            if !(info(kind).material && sc.fallback_spoke) {
                actors = sc.fallback.iter().filter(|a| !reported(a)).cloned().collect();
            }
        }
        // (Not after a noun whose genitive suffered it: مقتل جنود أتراك names the victims' side.)
        if actors.is_empty() && tr.noun && !tr.frame.iter().any(|f| f == "gen") {
            // غارات روسية، هجوم إسرائيلي، الضربات الجوية الأميركية: the nisba after the noun (past
            // the adjectives of its kind) says whose.
            if let Some(mm) = self.noun_nisba(t, c.end) {
                actors.push(self.mention_arg(mm, false));
                // الغارات السورية والروسية: a nisba joined by و acts too; الحوار الاستراتيجي المصري
                // الأمريكي: for a type with a partner the second is the partner.
                match self.second_nisba(mm, c.end) {
                    Some(p) if partner_type(kind) => partner_nisba = Some(self.mention_arg(p, false)),
                    Some(j) if self.d.words[j.first].seg.prefixes.first() == Some(&"و") => actors.push(self.mention_arg(j, false)),
                    _ => {}
                }
            }
        }
        // استهدفت الغارات الروسية مستشفى: the nisba of the attack noun in a verb's subject place.
        if actors.is_empty() && !tr.noun {
            if let Some(n) = self.attack_subject(t) {
                if let Some(mm) = self.noun_nisba(n, c.end) {
                    actors.push(self.mention_arg(mm, false));
                } else if let Some(k) = ps.iter().position(|p| p.first == n + 1 && p.governor.as_deref() == Some("ل") && p.link.is_some())
                {
                    // استهدفت غارات للجيش التركي مواقع: the attack's owner after ل acts, no target.
                    actors.push(self.phrase_arg(&ps[k]));
                    roles.targets.retain(|&x| x != k);
                }
            }
        }
        // قتل عشرة مدنيين في الغارات الجوية الروسية: the nisba of the attack that caused a death.
        if actors.is_empty() && info(kind).victims {
            if let Some(mm) = self.cause_noun(c, t).and_then(|n| self.noun_nisba(n, c.end)) {
                actors.push(self.mention_arg(mm, false));
                let joined = self
                    .second_nisba(mm, c.end)
                    .filter(|j| !partner_type(kind) && self.d.words[j.first].seg.prefixes.first() == Some(&"و"));
                actors.extend(joined.map(|j| self.mention_arg(j, false)));
            }
        }
        let mut targets = self.args_of(ps, &roles.targets);
        if targets.is_empty() {
            targets.extend(partner_nisba);
        }

        // (Not for a capture: what follows it is the place taken, تحرير جامعة الأنبار.)
        // (A verdict's is the judged act's own nisba: الاعتداءات الإسرائيلية … جريمة.)
        if let Some(act) = tr.judged.as_ref().and_then(|j| j.act.as_ref()).filter(|_| targets.is_empty()) {
            targets.extend(self.noun_nisba(act.at, t).map(|mm| self.mention_arg(mm, false)));
        }
        // (A stance's على party after the act it names is the act's victim; the act's nisba, when
        // it has one, is whose act the stance is about: أدانت مصر الهجوم الإسرائيلي على لبنان.)
        let victim_only = info(kind).stance
            && !tr.noun
            && !roles.targets.is_empty()
            && roles.targets.iter().all(|&k| ps[k].governor.as_deref() == Some("علي") && ps[k].first > t + 2);
        if victim_only {
            if let Some(owner) = self.nisba_owner(ps, &roles.agents, t, c.end) {
                targets = vec![owner];
            }
        }
        let owner =
            (!tr.held && !judged && (targets.is_empty() || info(kind).material)).then(|| self.nisba_owner(ps, &roles.agents, t, c.end));
        if let Some(owner) = owner.flatten() {
            // نفذ الطيران غارات روسية: the nisba of a physical act's own noun says whose it was …
            let words = self.d.words;
            let at = words.iter().position(|w| w.tok.span.start == owner.span.start);
            let act_noun = at
                .and_then(|k| k.checked_sub(1))
                .is_some_and(|n| n != t && self.d.lexicon.lookup(&words[n]).is_some_and(|h| h.entries.iter().any(|e| e.kind == kind)));
            if info(kind).material && act_noun {
                if !actors.iter().any(|a| a.link.id.is_some()) {
                    actors.push(owner);
                }
            } else if targets.is_empty() {
                // … and that of its object whose it struck; أدانت مصر الهجوم الإسرائيلي، نددت
                // بالإجراءات «الإسرائيلية»، أشاد بالدعم الإيراني: whose act a stance is about.
                targets.push(owner);
            }
        }
        // (Only for a stance someone took: an act alone situates no event, مغبة رفض الاتفاق.)
        if targets.is_empty() && info(kind).act_target && !actors.is_empty() && !judged {
            // (Read as a noun where the roles were: دعم المملكة للحل after أكد.)
            targets.extend(self.stance_object(ps, c, (t, self.reads_as_noun(ps, tr)), kind, &roles.agents, frame));
        }
        // وافق مجلس الأمن على الاتفاق النووي مع إيران: an agreement named no party; its parties
        // are the target too, beside the agreement itself (deals.rs).
        if roles.targets.is_empty() && !judged && info(kind).deal_parties && !actors.is_empty() {
            if let Some(k) = self.deal_party(ps, c, t, &roles.agents) {
                targets.extend(self.args_of(ps, &self.with_coordinated(ps, k)));
            }
        }
        // التقى رئيسا إيران وتركيا، عقد الرئيسان لقاء: two parties that meet or agree together
        // both act, and the second named is the first's partner, as coders take them: its target
        // too (a pair named before, in the order it was named).
        // (Not a colleague of the first, named by his pronoun: السيسي ووزير خارجيته.)
        let own = |k: usize| ps[k].head != Head::Counterpart && (ps[k].first..ps[k].end).any(|i| third_person_pronoun(&self.d.words[i]));
        let pair = roles.agents.len() == 2 && !ps[roles.agents[0]].coordinated && ps[roles.agents[1]].coordinated && !own(roles.agents[1])
            || roles.agents.len() == 1 && ps[roles.agents[0]].head == Head::Pair;
        if targets.is_empty() && partner_type(kind) && actors.len() == 2 && pair {
            targets.push(actors[1].clone());
        }
        let mut places = self.places(s, c, t, kind);
        // A visit takes place where it goes (زار الرئيس طهران، زيارته للكويت).
        // (The mode the agent gave, too: وصل الرئيس إلى is a visit, person=CONSULT/visit.)
        if mode.as_deref() == Some("visit") {
            let firsts: Vec<usize> = roles.targets.iter().map(|&k| ps[k].first).collect();
            if let Some(m) = self.visit_destination(c, t, &firsts) {
                // (…and the state a capital names is the host when no party is: وصل الرئيس إلى
                // العاصمة الكينية نيروبي.)
                if targets.is_empty() {
                    targets.extend(self.capital_host(m, &actors));
                }
                let d = self.mention_arg(m, true);
                places.retain(|p| p.link.id != d.link.id);
                places.insert(0, d);
                places.truncate(3);
            }
        }
        let (lo, hi) = (c.first, c.end);
        let date = self.nearest_time(s, t, lo, hi);
        // A statement whose only argument is a thing (ودعم الاقتصاد، دعم التنمية in a list of aims)
        // addresses nobody: it says nothing an analyst can code (see `situated` in extract.rs).
        let thing_only = !roles.targets.is_empty()
            && roles.targets.iter().all(|&k| ps[k].head == Head::Generic && ps[k].link.is_none() && ps[k].state.is_none())
            && targets.iter().all(|a| a.link.id.is_none());
        if thing_only && actors.is_empty() && places.is_empty() && date.is_none() && source.is_none() && !info(kind).material {
            self.skip(t, format_args!("a thing only {kind:?}"));
            return None;
        }
        let background = self.background(c, date.as_ref());
        let quantity = self.quantity(s, t, lo, hi, kind).or_else(|| self.one_victim(ps, &roles.targets, kind));
        let fatalities = quantity.as_ref().filter(|q| self.counts_deaths(q)).map(|q| q.value);
        let status = self.status(s, t, &source);
        // The text says it did not or will not happen: no event (PLOVER and ACLED code none).
        if status == Status::Negated {
            self.skip(t, format_args!("negated {kind:?}"));
            return None;
        }
        let trig = self.slice(t, t + 1);
        let sentence = SentenceSpan { start: s.span.start, end: s.span.end };
        let mut confidence: f64 = 0.45;
        confidence += if actors.is_empty() { 0.0 } else { 0.15 };
        confidence += if places.is_empty() { 0.0 } else { 0.1 };
        confidence += if date.is_some() { 0.1 } else { 0.0 };
        confidence += if source.is_some() { 0.1 } else { 0.0 };
        confidence -= if tr.noun { 0.05 } else { 0.0 };
        let (agents, target_phrases) = (roles.agents.clone(), roles.targets.clone());
        Some((
            Event {
                kind,
                mode,
                trigger: trig.clone(),
                sentence,
                actors,
                targets,
                places,
                date,
                quantity,
                fatalities,
                source,
                status,
                background,
                confidence: (confidence.clamp(0.05, 0.95) * 100.0).round() / 100.0,
                mentions: vec![EventMention { trigger: trig, sentence }],
            },
            agents,
            target_phrases,
        ))
    }
}

impl Ctx<'_, '_, '_> {
    /// The state nisba that follows noun trigger `t` before `end`, over up to two adjectives of
    /// its kind (الغارات الروسية، القصف المدفعي التركي، الضربات الجوية الأميركية): a demonym
    /// mention linked to an actor, or none.
    pub(crate) fn noun_nisba(&self, t: usize, end: usize) -> Option<&rasad_kb::Mention> {
        let words = self.d.words;
        let mut at = t + 1;
        while at < end.min(t + 3) && self.mention_at[at].is_none() && crate::forms::is_adjective(&words[at]) {
            at += 1;
        }
        let m = &self.d.mentions[self.mention_at.get(at).copied().flatten().filter(|_| at < end)?];
        (m.kind == MentionKind::Demonym && (at == t + 1 || m.actor.is_some())).then_some(m)
    }

    /// True when only the side of the counted people of phrase `k` stands between it and verb `t`:
    /// من and up to five nouns or names, no verb and no mark (40 حوثيا | من أبناء مديرية حيدان |
    /// قتلوا).
    fn side_between(&self, ps: &[Phrase], k: usize, t: usize) -> bool {
        let words = self.d.words;
        let (a, b) = (ps[k].end, t);
        self.quantity_at[ps[k].first].is_some()
            && b > a + 1
            && b - a <= 6
            && bare(&words[a]) == "من"
            && (a + 1..b).all(|i| words[i].tok.kind == rasad_text::TokenKind::Arabic && !self.is_verb(i))
    }

    /// True when phrase `p` opens with و and a verb follows it right away: the subject of a clause
    /// of its own joined to the verb before (قتلوا | ومئات | جرحوا، قتلوا | ومدنيين | أصيبوا), no
    /// object of that verb.
    fn own_subject(&self, p: &Phrase) -> bool {
        self.d.words[p.first].seg.prefixes.first() == Some(&"و") && p.end < self.d.words.len() && self.is_verb(p.end)
    }

    /// The nisba of another state right after the nisba `mm`, before `end` (المصري | الأمريكي،
    /// السورية | والروسية).
    fn second_nisba(&self, mm: &rasad_kb::Mention, end: usize) -> Option<&rasad_kb::Mention> {
        let j = &self.d.mentions[self.mention_at.get(mm.end).copied().flatten().filter(|_| mm.end < end)?];
        (j.kind == MentionKind::Demonym && j.actor.is_some() && j.actor != mm.actor).then_some(j)
    }
}

/// True for a type with a partner (its target positions hold مع: a meeting, an agreement).
fn partner_type(kind: EventType) -> bool {
    info(kind).target.iter().any(|g| g == "مع")
}

/// The type, mode and own-agent flag an entry's `person=` condition gives.
fn person_alternative(needs: &[Need]) -> Option<(EventType, Option<String>, bool)> {
    needs.iter().find_map(|n| if let Need::PersonType(a, m, own) = n { Some((*a, m.clone(), *own)) } else { None })
}

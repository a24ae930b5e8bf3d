//! The roles around a trigger verb: its subject acts and its object or the phrase its frame's
//! preposition governs suffers it (قصفت الطائرات البلدة، دعا الوزير إيران إلى), but a passive or a
//! counted subject of a casualty verb suffered it, its agent marked after it (قُتل جنديان برصاص
//! قناص، أصيب سبعة أشخاص في هجوم شنه مسلحون); a sender acts on the subject that receives (تلقى
//! الوزير اتصالا من نظيره); a fronted object has its subject after the verb (الحكومة اليمنية
//! اتهمها الحوثيون).

use rasad_text::TokenKind;

use super::Roles;
use crate::clauses::Clause;
use crate::context::{bare, third_person_pronoun, Ctx};
use crate::cues::cues;
use crate::phrases::{Head, Phrase};
use crate::triggers::Trig;
use crate::types::info;

/// A word spelled with a damma on its first letter or its alif reads as a passive (قُتل، أُصيب), as
/// does a perfect of the forms with ت after its alif with the damma on that ت (اعتُقل، استُهدف،
/// اختُطف).
pub(crate) fn passive_spelling(text: &str) -> bool {
    let cs: Vec<char> = text.chars().filter(|c| !matches!(c, 'و' | 'ف')).take(5).collect();
    matches!(cs.get(1), Some('\u{064F}'))
        || (matches!(cs.first(), Some('ا' | 'إ')) && matches!((cs.get(2), cs.get(3)), (Some('ت'), Some('\u{064F}'))))
}

impl Ctx<'_, '_, '_> {
    /// The roles of trigger verb `tr` in clause `ci`; `inherited` is the subject its parent clause
    /// had.
    pub(super) fn verb_roles(&self, ps: &[Phrase], clauses: &[Clause], ci: usize, tr: &Trig, inherited: &[usize]) -> Roles {
        let words = self.d.words;
        let c = &clauses[ci];
        let (t, kind) = (tr.at, tr.kind);
        let frame = &tr.frame;
        let mut r = Roles::default();
        // (Spelled so, or with its agent marked after its subject: objects.rs reads_passive.)
        let passive = self.reads_passive(t, t + 1, c.end) || bare(&words[t]).starts_with("تعرض");
        // A circumstantial participle shares the main clause's subject: the phrase after it is
        // its object (… داعيا المتظاهرين إلى التهدئة، محذرا إسرائيل من).
        let hal = c.link == crate::clauses::Link::Hal && (c.first..t).all(|k| words[k].tok.kind == TokenKind::Punct || words[k].key == "و");
        // أعلن الجيش أنه قتل 15 مسلحا: the pronoun on the complementizer right before the verb is
        // its subject (the speaker, inherited); the counted phrase after it is the object.
        // (Not أنه after a feminine verb, أعلنت الشرطة أنه قتل 3 أشخاص: that أنه is the
        // impersonal pronoun before a passive.)
        let comp = &words[c.first];
        let impersonal = matches!(comp.key_without_conj(), "انه")
            && c.parent.and_then(|p| self.clause_verb(&clauses[p])).is_some_and(|v| {
                let k = words[v].key_without_conj();
                k.ends_with('ت') || k.starts_with('ت')
            });
        let pronoun_subject = c.link == crate::clauses::Link::Complement
            && t == c.first + 1
            && crate::extract::speaker_pronoun(comp)
            && !impersonal
            && !inherited.is_empty();
        // الهجوم الذي استهدف قافلة: a verb right after the relative word has the noun it
        // describes as its subject (not with an object pronoun: الذي نفذه انتحاري).
        let relative = c.link == crate::clauses::Link::Relative && t <= c.first + 1 && !third_person_pronoun(&words[t]);
        let subj = if hal || pronoun_subject || relative { None } else { self.subject(ps, c, t) };
        // A counted subject suffered it too: قتل ثلاثة عناصر من الجيش، جنديان قتلا (an active
        // verb puts its agent first and the count after it).
        // (Or an unnumbered count of a casualty word, whose frame says its genitive suffered it:
        // قتل عدد من الحوثيين; not هاجم عدد من المسلحين القرية, where the count attacked.)
        let casualty = tr.frame.iter().any(|f| f == "gen");
        let counted =
            |k: usize| self.quantity_at[ps[k].first].is_some() || (casualty && cues().unnumbered_counts.has(bare(&words[ps[k].first])));
        let driver = subj.is_some_and(|k| ps[k].governor.as_deref().is_some_and(|g| cues().drivers.has(g)));
        let attacker = subj.is_some_and(|k| self.names_attacker(&ps[k]));
        // A verb with an object pronoun has its victim in the pronoun (الذي أحرقه المستوطنون).
        // (Not with an object after it: أحرق مستوطنون منزلا is active.)
        let object_pronoun = third_person_pronoun(&words[t]) || self.before_iyya(t);
        // (…nor with the fire it set right after the subject: أضرم مستوطنون النار في منزل.)
        let set_fire = subj.is_some_and(|k| fire_after(words, &ps[k]));
        // (…or a bare number right after the verb, the count of the dead told without its noun:
        // قتل 12 في قصف للطيران العراقي، قتل خمسة في الهجوم.)
        let bare_count = subj.is_none()
            && t + 1 < c.end
            && self.quantity_at[t + 1]
                .is_some_and(|q| self.d.quantities[q].unit.is_none() && self.d.quantities[q].start == words[t + 1].tok.span.start)
            && crate::phrases::phrase_at(ps, t + 1).is_none();
        // (…or a bare perfect of a casualty verb, which reads as a passive (قُتل), with a force or
        // people right after it and no object after them in the clause: قتل جنود أتراك في انفجار;
        // not قتل المسلحون في الهجوم ثلاثة جنود.)
        // (…or a person, named or by office, with nothing after it but what joins it and the
        // nouns that describe a scene: قتل الرائد حسين علي من قوات الرد السريع خلال اشتباكات، قتل
        // أبو عبدالله الحوثي وقياديان آخران في المواجهات الدائرة; not قتل المسلحون الرائد.)
        let bare_perfect = words[t].seg.suffixes.is_empty() && words[t].key_without_conj().chars().count() == 3;
        // (Up to the next verb: وقتل الرائد … وأصيب أحد أفراد القوة; past a name in apposition to
        // an office: قتل قائد اللواء الخامس العميد أحمد سالم.)
        let bare_passive = |k: usize| {
            let group = matches!(ps[k].head, Head::Group | Head::People);
            let person = matches!(ps[k].head, Head::Name | Head::Office);
            // (Up to the next verb: قتل أحد مسلحي المقاومة بقذيفة أطلقتها ميليشيات الحوثي.)
            let end = (ps[k].end..c.end).find(|&i| self.is_verb(i)).unwrap_or(c.end);
            let apposition = |o: &Phrase| ps[k].head == Head::Office && o.head == Head::Name && o.first == ps[k].end;
            // (Nor a phrase after a comma: an apposition or an insert, وقتل العقيد فلان، قائد الكتيبة،.)
            let object_after = |o: &Phrase| {
                o.first >= ps[k].end
                    && (group || !crate::context::is_comma(&words[o.first - 1]))
                    && o.end <= end
                    && o.governor.is_none()
                    && o.patient()
                    && (group || !o.coordinated && o.head != Head::Generic && !apposition(o))
            };
            // (Past a partitive head: قتل أحد مسلحي المقاومة بقذيفة هاون.)
            let right_after = ps[k].first == t + 1 || (ps[k].first == t + 2 && cues().partitive_heads.has(bare(&words[t + 1])));
            casualty && right_after && (group || person) && bare_perfect && !ps.iter().any(object_after)
        };
        // (A verb of dying has its subject as the victim, whoever is named: استشهد القيادي في
        // غارة للاحتلال، لقي العقيد مصرعه برصاص قناص.)
        // (Its victim may be no participant, a body the subject finder passes over: لقيت العائلة
        // حتفها; a suicide bomber who died in his attack did it: لقي الانتحاري حتفه.)
        let dies = frame.iter().any(|f| f == "dies");
        // (…or a dual, whose verb reads as a passive when no object follows: المسلحان قتلا في
        // اشتباك، المتظاهران اعتقلا أمام المبنى.)
        // (A dual of a listed noun only, with no link: not الطيران، البرلمان، إيران.)
        let dual = |k: usize| {
            let w = &words[ps[k].first];
            ps[k].end == ps[k].first + 1
                && ps[k].link.is_none()
                && bare(w).ends_with("ان")
                && crate::phrases::word_class(w).is_some()
                && !cues().groups.has(bare(w))
                && !cues().people.has(bare(w))
                && t > ps[k].first
                && words[t].tok.text.ends_with('ا')
        };
        let victims = !pronoun_subject
            && (bare_count
                || dies
                || subj.is_some_and(bare_passive)
                || subj.is_some_and(|k| {
                    (ps[k].head == Head::People || counted(k) || dual(k)) && !crate::targets::object_after(ps, k)
                        // (Nor a subject right before the verb with its object after it.)
                        && !crate::targets::object_after_verb(self.d.words, ps, k, t)
                }))
            && info(kind).victims
            && !attacker
            && (dies || !driver)
            && !set_fire
            && !object_pronoun;
        // الحكومة اليمنية اتهمها الحوثيون: the object before the verb, its subject after.
        if let Some((a, f)) = self.fronted_object(ps, t).filter(|_| object_pronoun && !passive) {
            r.agents = self.with_coordinated(ps, a);
            r.targets = vec![f];
            return r;
        }
        // حذر جنبلاط من …، ودعا زعماء البلاد إلى تهدئة التوترات: a joined verb of asking continues
        // its sentence's subject; the party right after it, what is asked right after that, is asked.
        if let Some(k) = subj.filter(|&k| self.asked_party(ps, c, t, k, kind, inherited)) {
            r.agents = inherited.to_vec();
            r.targets = self.with_coordinated(ps, k);
            return r;
        }
        // الشاب الذي استشهد أمس برصاص الاحتلال، القائد الذي قتل في غارة: a verb of dying or
        // wounding right after the relative word, with no object after it, says what befell the
        // person the clause describes: the victim, not the doer.
        let relative_victim = relative
            && info(kind).victims
            && !object_pronoun
            && words[t].seg.suffixes.is_empty()
            && (casualty || !tr.frame.iter().any(|f| f == "obj"))
            && inherited.iter().any(|&k| matches!(ps[k].head, Head::People | Head::Name | Head::Office | Head::Group))
            && !ps.iter().any(|o| o.first > t && o.end <= c.end && o.governor.is_none() && o.patient());
        if relative_victim {
            r.targets = inherited.to_vec();
            if let Some(a) = self.agent_after(ps, c, t).or_else(|| self.cause_doer(ps, c, t)) {
                r.agents = self.with_coordinated(ps, a);
            }
            return r;
        }
        if passive || victims {
            // قُتل 13 من ميليشيا الحوثي في مواجهات مع المقاومة: the subject suffered it.
            if let Some(k) = subj.or_else(|| self.passive_patient(ps, c, t)) {
                r.targets = self.with_coordinated(ps, k);
            }
            if let Some(a) = self.agent_after(ps, c, t).or_else(|| self.cause_doer(ps, c, t)) {
                r.agents = self.with_coordinated(ps, a);
            } else if let Some(a) = self.party_between(ps, c, t, None) {
                // قتل ثلاثة في اشتباكات بين الشرطة والمسلحين: the first party acts, the others
                // fought it.
                let (agents, others) = self.between_sides(ps, a);
                r.agents = agents;
                r.targets.extend(others);
            }
            // أصيب سبعة أشخاص في هجوم على مركز للشرطة: what the attack struck.
            if let Some(k) = self.cause_target(ps, c, t, &r.targets) {
                r.targets.push(k);
            }
            return r;
        }
        // اندلعت اشتباكات بين الجيش والمسلحين: of the parties after بين the first acts (also past
        // the noun's adjectives, a time or a place: اندلعت اشتباكات عنيفة أمس بين …).
        let between = subj.filter(|&k| self.after_bain(ps[k].first));
        // (A subject found among the parties is one of them: بين المسلحين والجيش, where المسلحين in
        // ين reads as no subject.)
        let among = |a: usize, k: usize| {
            let (x, y) = self.between_sides(ps, a);
            x.contains(&k) || y.contains(&k)
        };
        let between = between.or_else(|| self.party_between(ps, c, t, Some(kind)).filter(|&a| subj.is_none_or(|k| k == a || among(a, k))));
        if let Some(k) = between {
            let (agents, targets) = self.between_sides(ps, k);
            if !agents.is_empty() {
                (r.agents, r.targets) = (agents, targets);
                return r;
            }
        }
        match (subj, self.agent_after(ps, c, t)) {
            (Some(k), _) => r.agents = self.with_coordinated(ps, k),
            // انفجرت سيارة يقودها انتحاري: no subject, but a marked agent.
            // (A joined verb that fought with someone, مع right after it, continues its sentence's
            // subject, which the partner fought: دخلت القوات الجامعة واشتبكت مع مسلحي التنظيم.)
            (None, Some(a))
                if ps[a].governor.as_deref() == Some("مع") && ps[a].first == t + 2 && !inherited.is_empty() && self.is_verb(t) =>
            {
                r.agents = inherited.to_vec();
                r.targets = self.with_coordinated(ps, a);
            }
            (None, Some(a)) => r.agents = self.with_coordinated(ps, a),
            // نطالب، ندعو in a quotation: "we" are its speaker, the subject of the verb of saying
            // before it (قال المتحدث: "نحن نطالب …"), in its clause or the one it continues.
            (None, None) if self.first_person_plural(t) => {
                let speaker = |c: &crate::clauses::Clause| self.clause_verb(c).filter(|&v| v < t).and_then(|v| self.subject(ps, c, v));
                let said = speaker(c).or_else(|| c.parent.and_then(|p| speaker(&clauses[p])));
                r.agents = said.map_or_else(|| inherited.to_vec(), |k| self.with_coordinated(ps, k));
            }
            (None, None) => r.agents = inherited.to_vec(),
        }
        // وتتهم الشرطة بالتقصير، اتهمت المعارضة بالتحريض: a subject right after a verb that claims,
        // with the claimed act's ب right after it, is the accused; who accuses is the clause's
        // implicit subject (or nobody named: a passive).
        // (A verb that takes an object and its claim, اتهم; not ندد بـ, whose ب names what it
        // condemns; not one whose pronoun holds the accused, يتهمها تنظيم داعش بـ; a short phrase,
        // not one that may run on into the object.)
        let takes_object = tr.frame.iter().any(|f| f == "obj") && !object_pronoun;
        if let Some(k) = subj.filter(|&k| info(kind).claims && takes_object && ps[k].first == t + 1 && ps[k].end - ps[k].first <= 2) {
            let group = self.with_coordinated(ps, k);
            let next = group.iter().map(|&g| ps[g].end).max().unwrap_or(ps[k].end);
            // (Not a manner after the subject: استنكرت الجامعة بأقسى العبارات، انتقدت المعارضة بقوة.)
            let content = next < c.end && words[next].seg.prefixes.first() == Some(&"ب") && words[next].tok.kind == TokenKind::Arabic;
            if content && crate::context::manner_len(words, next) == 0 {
                r.targets = group;
                r.agents = inherited.to_vec();
                return r;
            }
        }
        // تلقى الوزير اتصالا من نظيره: the sender acts, the subject receives.
        let sender = ps.iter().position(|p| {
            p.first > t && p.end <= c.end && p.participant() && p.governor.as_deref().is_some_and(|g| tr.sender.iter().any(|x| x == g))
        });
        if let Some(k) = sender {
            r.targets = std::mem::take(&mut r.agents);
            r.agents = self.with_coordinated(ps, k);
            return r;
        }
        let marked = self.object_before_agent(ps, t, subj, &r.agents);
        let after = r.agents.iter().map(|&k| ps[k].end).max().filter(|&e| e > t && !marked).unwrap_or(t + 1);
        // The subject's own place stands between it and the object (طالب المحتجون في البصرة | الحكومة بـ).
        let after = if r.agents.is_empty() { after } else { self.past_subject_place(after, c.end) };
        // A parenthesis right after the subject names it again or points at a photo (تنظيم الدولة
        // الإسلامية (داعش)، محمد بن سلمان (MBS)، حيدر العبادي (الصورة)): no object in it.
        let after = if r.agents.is_empty() { after } else { self.past_bracket(after, c.end) };
        let after = self.past_same_actor(ps, &r.agents, after);
        // (Past an attack noun in the subject's place, its adjectives and its nisba: ودمرت الضربات
        // الجوية الأمريكية | مواقع لداعش.)
        let after = match self.attack_subject(t) {
            Some(n) => self.noun_nisba(n, c.end).map_or_else(|| self.past_adjectives(ps, n + 1, c.end), |m| m.end).max(after),
            None => after,
        };
        let before_apposition = after;
        let after = self.past_apposition(ps, &r.agents, after);
        let before_name = after;
        let after = self.past_office_name(ps, &r.agents, after, c.end);
        // In a relative clause, the pronoun on the verb is the noun the clause describes (الرضيع
        // الذي أحرقه المستوطنون): that noun is the target.
        // (Only for acts with a victim, or a party one asks, warns or meets (طهران التي دعاها إلى
        // …): الاتفاق الذي وقعه الطرفان names what was signed, no target.)
        let party = |p: &Phrase| matches!(p.head, Head::Name | Head::Group | Head::Office | Head::People | Head::Counterpart);
        let takes_party = info(kind).content_fallback || frame.iter().any(|f| f == "obj");
        let antecedent = (object_pronoun && c.link == crate::clauses::Link::Relative && t <= c.first + 1)
            .then(|| ps.iter().position(|p| p.end == c.first && p.patient() && (info(kind).victims || (takes_party && party(p)))))
            .flatten();
        if let Some(k) = antecedent {
            // (Who did it is the subject after the verb, else the sentence's: وانتقد أوباما طهران
            // التي دعاها إلى …)
            let own = r.agents.iter().any(|&a| ps[a].first > t);
            if !own && !info(kind).victims {
                r.agents = inherited.iter().copied().filter(|&a| a != k).collect();
            }
            r.targets = self.with_coordinated(ps, k);
        } else if self.object_in_pronoun(t, kind, frame) {
            // ودعتها إلى …، وحثه على …: the pronoun is the object, a phrase after it is none.
            // (Its doers: its own subject, else the one it inherits.)
            let doers = if r.agents.is_empty() { inherited } else { &r.agents[..] };
            if let Some(k) = self.pronoun_antecedent(ps, t, doers) {
                r.targets = self.with_coordinated(ps, k);
            }
        } else if let Some(k) = self.addressee(ps, c, t, kind, &r.agents, after) {
            r.targets = self.with_coordinated(ps, k);
        } else if let Some(k) = self.target(ps, c, t, after, frame, &r.agents) {
            r.targets = self.with_coordinated(ps, k);
        } else if let Some((n, noun_frame)) = self.stated_noun(c, t, after, kind) {
            // أعرب عن ترحيبه بمبادرة الإمارات: the verbal noun the verb states finds the target.
            if let Some(k) = self.target(ps, c, n, n + 1, &noun_frame, &r.agents) {
                r.targets = self.with_coordinated(ps, k);
            }
        }
        // An office read as the subject's apposition with no object after it was the object
        // (التقى الأمير خالد بن سلمان | وزير الخارجية التركي في الرياض), unless the verb's content
        // may stand for its object (دعا خالد العطية وزير الخارجية القطري إلى …).
        // (Not a name in apposition to an office subject: رفض رئيس الكتلة، النائب فلان، المشروع.)
        // (Nor when a definite noun follows the office unmarked: that noun is the object, a
        // thing with no party (أدان سالم الحربي مدير الجامعة | الهجوم، شجب فلان مدير التعليم
        // بالمنطقة | العمل الإرهابي).)
        let object_at = self.past_office_adjuncts(after, c.end);
        let thing_object = words.get(object_at).is_some_and(|w| {
            object_at < c.end
                && w.tok.kind == TokenKind::Arabic
                && w.seg.prefixes.first() == Some(&"ال")
                && !self.in_time[object_at]
                && !cues().relatives.has(bare(w))
        });
        if r.targets.is_empty() && after != before_apposition && after == before_name && !info(kind).content_fallback && !thing_object {
            if let Some(k) = self.target(ps, c, t, before_apposition, frame, &r.agents) {
                r.targets = self.with_coordinated(ps, k);
            }
        }
        r
    }

    /// True when the phrase `k` right after the joined verb of asking at `t` is the one asked, not
    /// the subject: the verb carries و or ف and continues a clause of its sentence whose subject it
    /// inherits, its type asks with إلى (types.toml `content`), and what is asked opens right after
    /// the phrase and those joined to it (إلى، أن، بأن or a word with ب: ودعا زعماء البلاد إلى
    /// تهدئة التوترات). A feminine perfect needs a subject of the feminine shape (ة، ات).
    fn asked_party(&self, ps: &[Phrase], c: &Clause, t: usize, k: usize, kind: rasad_model::EventType, inherited: &[usize]) -> bool {
        let words = self.d.words;
        let joined = words[t].seg.prefixes.first().is_some_and(|p| matches!(*p, "و" | "ف"));
        let asks_with_ila = info(kind).asks && info(kind).content.iter().any(|x| x == "الي");
        if !joined || !asks_with_ila || inherited.is_empty() || inherited.contains(&k) || c.parent.is_none() || ps[k].first != t + 1 {
            return false;
        }
        // (A feminine verb after a subject that is not: وقال الوزير …، ودعت الحكومة إلى — the
        // phrase after it is its own subject.)
        let feminine = |key: &str| key.ends_with('ه') || key.ends_with("ات");
        let verb = words[t].key_without_conj();
        if verb.ends_with('ت') && !feminine(bare(&words[ps[inherited[0]].first])) {
            return false;
        }
        let end = self.with_coordinated(ps, k).last().map_or(ps[k].end, |&j| ps[j].end);
        words.get(end).filter(|_| end < c.end).is_some_and(|w| {
            matches!(bare(w), "الي" | "ان" | "بان") || (w.seg.prefixes.first() == Some(&"ب") && w.tok.kind == TokenKind::Arabic)
        })
    }
}

/// True when the fire an arson verb sets (cue list `fire_objects`: النار، النيران) follows phrase
/// `p` right after it: `p` is the verb's subject and set it (أضرم مستوطنون النار في منزل).
pub(crate) fn fire_after(words: &[rasad_text::Word], p: &Phrase) -> bool {
    words.get(p.end).is_some_and(|w| cues().fire_objects.has(bare(w)))
}

#[cfg(test)]
mod tests {
    use super::passive_spelling;

    #[test]
    fn passives_of_the_forms_with_ta_are_read() {
        for w in ["قُتل", "أُصيب", "اعتُقل", "استُهدف", "اختُطف", "واعتُقل"] {
            assert!(passive_spelling(w), "{w}");
        }
        for w in ["قتل", "اعتقل", "استهدف", "اعتَقل"] {
            assert!(!passive_spelling(w), "{w}");
        }
    }
}

//! Who did it to whom: the actor and the target of a trigger, read from the clause it stands in
//! and the trigger's frame, and the event record built from them.
//!
//! - A verb's subject stands before it (SVO: أن قوات إيرانية توجهت) or after it (VSO: قصفت
//!   الطائرات البلدة); a clause without one takes its parent's (… مؤكدا، داعيا إيران إلى …).
//! - The target is the object after the subject, or the phrase a preposition of the frame governs
//!   (قصف X، دعا X إلى، اعتدى على X، التقى X، اجتمع مع X).
//! - A casualty verb in the passive (قُتل، أُصيب، اغتيل) or with a count of people as its subject
//!   reads that subject as the victim, and the agent from برصاص، بنيران، على يد، من قبل، في
//!   مواجهات مع.
//! - A verbal noun takes its genitive as target when transitive (اعتقال الناشط) or as actor
//!   (وصول الوفد), its agent after من قبل / على يد, or its nisba (غارات روسية → Russia); the noun a
//!   light verb governs (شنت الطائرات غارات) takes the verb's subject.
//! - The counterpart (نظيره الروسي) links to its state; البلدان and الجانبان to the parties named
//!   before; the reporting source is never an actor.

use rasad_kb::{ActorType, MentionKind};
use rasad_model::{Arg, Event, EventMention, EventType, Link, SentenceSpan, Source, Status};
use rasad_text::{Sentence, TokenKind};

use crate::clauses::Clause;
use crate::context::{bare, letters, opening_quote, third_person_pronoun, Ctx};
use crate::cues::cues;
use crate::lexicon::Need;
use crate::phrases::{Head, Phrase};
use crate::triggers::Trig;
use crate::types::info;

/// Verbs whose object is the event (شنت غارات، نفذت هجوما، أجرى محادثات، عقد اجتماعا).
const LIGHT_VERBS: &[&str] = &[
    "شن",
    "شنت",
    "يشن",
    "تشن",
    "شنوا",
    "نفذ",
    "نفذت",
    "ينفذ",
    "تنفذ",
    "نفذوا",
    "اجري",
    "اجرت",
    "يجري",
    "تجري",
    "عقد",
    "عقدت",
    "يعقد",
    "تعقد",
    "قام",
    "قامت",
    "يقوم",
    "تقوم",
    "يقم",
    "تقم",
    "اطلق",
    "اطلقت",
    "يطلق",
    "تطلق",
    "بدا",
    "بدات",
    "يبدا",
    "تبدا",
    "واصل",
    "واصلت",
    "يواصل",
    "تواصل",
    "استانف",
    "استانفت",
    "شهد",
    "شهدت",
    "قيام",
    "بقيام",
    "يشهد",
    "تشهد",
    "ابدي",
    "ابدت",
    "اعرب",
    "اعربت",
    "يعرب",
    "تعرب",
    "اعلن",
    "اعلنت",
    "يعلن",
    "تعلن",
    "جدد",
    "جددت",
    "يجدد",
    "تجدد",
    "وجه",
    "وجهت",
    "يوجه",
    "توجه",
    "قدم",
    "قدمت",
    "تمكن",
    "تمكنت",
    "يتمكن",
    "تتمكن",
    "تمكنوا",
    "استطاع",
    "استطاعت",
    "نجح",
    "نجحت",
    "حاول",
    "حاولت",
    "يحاول",
    "تحاول",
    "سعي",
    "سعت",
    "يسعي",
    "تسعي",
    "بدء",
    "اعاد",
    "اعادت",
];

/// True when a word (its key without و/ف) is a light verb whose noun states the event (شن،
/// أجرى، قام، عقد …).
pub(crate) fn is_light_verb(key: &str) -> bool {
    LIGHT_VERBS.contains(&key)
}

/// A word spelled with a damma on its first letter or its alif reads as a passive (قُتل، أُصيب), as
/// does a perfect of the forms with ت after its alif with the damma on that ت (اعتُقل، استُهدف،
/// اختُطف).
pub(crate) fn passive_spelling(text: &str) -> bool {
    let cs: Vec<char> = text.chars().filter(|c| !matches!(c, 'و' | 'ف')).take(5).collect();
    matches!(cs.get(1), Some('\u{064F}'))
        || (matches!(cs.first(), Some('ا' | 'إ')) && matches!((cs.get(2), cs.get(3)), (Some('ت'), Some('\u{064F}'))))
}

/// Where a trigger stands: the sentence's phrases and clauses, its clause, the subject it may
/// inherit from a parent clause, and the previous sentence's subject for a verb without one.
pub(crate) struct Scope<'p> {
    pub ps: &'p [Phrase],
    pub clauses: &'p [Clause],
    pub ci: usize,
    pub inherited: &'p [usize],
    pub fallback: &'p [Arg],
    /// The previous sentence's subject only spoke (its verb is a verb of saying): it never did a
    /// physical act the next sentence tells (وقال الوزير إن … . وانفجرت قنبلة).
    pub fallback_spoke: bool,
}

/// The roles found for one trigger: phrase indices.
#[derive(Debug, Default)]
pub(crate) struct Roles {
    pub agents: Vec<usize>,
    pub targets: Vec<usize>,
}

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

    /// True when the phrase is inside the sentence's attribution (وفق ما أفاد المرصد) or is the
    /// dateline's agency: a source.
    pub(crate) fn in_source(&self, p: &Phrase) -> bool {
        if self.dateline.is_some_and(|(f, e)| p.first < e && f < p.end) {
            return true;
        }
        let (a, b) = (self.d.words[p.first].tok.span.start, self.d.words[p.end - 1].tok.span.end);
        self.source_spans.iter().any(|&(s, e)| a >= s && b <= e)
    }

    /// The subject of a clause's verb at `t`: before it (SVO), else after it (VSO).
    fn subject(&self, ps: &[Phrase], c: &Clause, t: usize) -> Option<usize> {
        let words = self.d.words;
        let ok = |p: &Phrase| p.participant() && p.governor.is_none() && !self.in_source(p);
        // SVO: the last free phrase before the verb, with nothing but particles and times between
        // (a driver is free to act again: سيارة يقودها انتحاري استهدف …). A verb joined by و or ف
        // opens a clause of its own: the phrase before it belongs to the clause before (سقط فيها
        // قتلى | واتهمت السلطات …).
        let joined = words[t].seg.prefixes.first().is_some_and(|p| matches!(*p, "و" | "ف"));
        if let Some(k) = ps.iter().rposition(|p| p.end <= t && p.first >= c.first).filter(|_| !joined) {
            let driver = ps[k].participant() && ps[k].governor.as_deref().is_some_and(|g| cues().drivers.has(g)) && ps[k].end == t;
            if driver {
                return Some(k);
            }
            let between = (ps[k].end..t).all(|i| {
                let w = &words[i];
                self.in_time[i]
                    || matches!(bare(w), "قد" | "لقد" | "ايضا" | "بدورها" | "بدوره" | "امس" | "اليوم")
                    || w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "," | "،" | "»" | "”" | "\"")
            });
            // A definite noun that is no participant stands in the subject's place (وكانت الحكومة
            // المحلية دعت أهالي الفلوجة): the phrase after the verb is its object, not its subject.
            if between && ps[k].head == Head::Generic && ps[k].governor.is_none() && ps[k].end == t {
                return None;
            }
            if between && ok(&ps[k]) {
                // Back to the first of a coordination (إيران وروسيا تدعمان).
                let mut first = k;
                while first > 0 && ps[first].coordinated && ok(&ps[first - 1]) && ps[first - 1].end + 1 >= ps[first].first {
                    first -= 1;
                }
                return Some(first);
            }
        }
        // A document stands in the subject's place (وأدان البيان الهجوم): no party acts in it but
        // its issuer, when named right after it (البيان الصادر عن الخارجية، التقرير الصادر عن …).
        if words.get(t + 1).is_some_and(|w| w.seg.definite() && cues().documents.has(w.key.as_str())) {
            let issued = words.get(t + 2).is_some_and(|w| matches!(w.key.as_str(), "الصادر" | "الصادره"))
                && words.get(t + 3).is_some_and(|w| bare(w) == "عن");
            return ps.iter().position(|p| issued && p.first == t + 4 && p.participant());
        }
        // VSO: the first free phrase after the verb, within a few words and before a purpose. A
        // masculine perfect does not agree with a feminine singular after it: that is its object
        // (وحث الحكومة على …، ودعا الجامعة العربية إلى …; the subject is implicit).
        let hi = self.purpose_after(t, c.end);
        let masculine_singular = self.masculine_singular(t);
        // (A number 3–10 takes ة before a masculine noun: ثلاثة جنود is no feminine.)
        // A state named alone is feminine too (ودعا إيران إلى، واتهم حماس بـ: he called on Iran, he
        // accused Hamas), but for the few masculine names (العراق، الأردن، لبنان …: cues.toml).
        let feminine_state = |p: &Phrase| {
            p.end == p.first + 1
                && p.link.is_some_and(|m| {
                    let mm = &self.d.mentions[m];
                    mm.first == p.first && mm.actor.is_some_and(|a| self.d.kb.actors[a].kind == rasad_kb::ActorType::State)
                })
                && !cues().masculine_states.has(words[p.first].key_without_conj())
        };
        // A plural of things or bodies agrees in the feminine singular too (ودعا الكتل السياسية
        // إلى، وحث السلطات على: he called on the blocs, he urged the authorities).
        let feminine_plural = |p: &Phrase| {
            let w = &words[p.first];
            let text: String = letters(w.tok.text).collect();
            let plain = text.trim_start_matches(['و', 'ف']);
            self.quantity_at[p.first].is_none()
                && ((plain.ends_with("ات") && plain.chars().count() >= 5) || cues().nonhuman_plurals.has(w.key_without_conj()))
        };
        let feminine_singular = |p: &Phrase| {
            let w = &words[p.first];
            let ta_marbuta = letters(w.tok.text).next_back() == Some('ة');
            (self.quantity_at[p.first].is_none() && ta_marbuta && !cues().masculine_titles.has(&rasad_text::match_key(w.tok.text)))
                || feminine_state(p)
                || feminine_plural(p)
        };
        // A sound masculine plural or a dual in ين is accusative or genitive, never a subject
        // (ودعا المواطنين إلى، قتل المسلحين; the subject would read المواطنون، المسلحون).
        let accusative_plural = |p: &Phrase| {
            matches!(p.head, Head::People | Head::Generic | Head::Group)
                && self.quantity_at[p.first].is_none()
                && letters(words[p.first].tok.text).collect::<String>().ends_with("ين")
        };
        ps.iter().position(|p| {
            p.first > t
                && p.first <= t + 4
                && p.end <= hi
                && ok(p)
                && !(masculine_singular && feminine_singular(p))
                && !accusative_plural(p)
        })
    }

    /// True when the verb at `t` is of the third person masculine singular by its shape: a lexicon
    /// verb with no subject suffix, a perfect (دعا، حث، طالب; not دعت، دعوا) or an imperfect with ي
    /// (يطالب، يدعو; not تطالب، يطالبون).
    fn masculine_singular(&self, t: usize) -> bool {
        let w = &self.d.words[t];
        let text: String = letters(w.tok.text).collect();
        let plain = text.trim_start_matches(['و', 'ف']);
        // The future's س before an imperfect (سينسحب، ستنسحب).
        let plain = match plain.strip_prefix('س') {
            Some(r) if r.starts_with(['ي', 'ت', 'ن']) => r,
            _ => plain,
        };
        let imperfect = plain.starts_with('ي') && !plain.ends_with("ون") && !plain.ends_with("ان");
        self.d.lexicon.lookup(w).is_some_and(|h| !h.nominal)
            && w.seg.suffixes.is_empty()
            && !plain.ends_with('ت')
            && !plain.ends_with("وا")
            && (imperfect || !plain.starts_with(['ي', 'ت', 'ن']))
    }

    /// The roles of trigger `t` in clause `ci`; `inherited` is the subject its parent clause had.
    pub(crate) fn roles(&self, ps: &[Phrase], clauses: &[Clause], ci: usize, tr: &Trig, inherited: &[usize]) -> Roles {
        let words = self.d.words;
        let c = &clauses[ci];
        // (A verb form that is its verbal noun too reads as one after a verb: verbal_nouns.rs.)
        let (t, kind) = (tr.at, tr.kind);
        let nominal = tr.noun || self.d.lexicon.lookup(&words[t]).is_some_and(|h| self.object_noun(ps, t, &h));
        let frame = &tr.frame;
        let mut r = Roles::default();
        // (Spelled so, or with its agent marked after its subject: objects.rs reads_passive.)
        let passive = self.reads_passive(t, t + 1, c.end) || bare(&words[t]).starts_with("تعرض");
        if !nominal {
            // A circumstantial participle shares the main clause's subject: the phrase after it is
            // its object (… داعيا المتظاهرين إلى التهدئة، محذرا إسرائيل من).
            let hal =
                c.link == crate::clauses::Link::Hal && (c.first..t).all(|k| words[k].tok.kind == TokenKind::Punct || words[k].key == "و");
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
            let counted = |k: usize| self.quantity_at[ps[k].first].is_some();
            let driver = subj.is_some_and(|k| ps[k].governor.as_deref().is_some_and(|g| cues().drivers.has(g)));
            let attacker = subj.is_some_and(|k| self.names_attacker(&ps[k]));
            // A verb with an object pronoun has its victim in the pronoun (الذي أحرقه المستوطنون).
            // (Not with an object after it: أحرق مستوطنون منزلا is active.)
            let object_pronoun = third_person_pronoun(&words[t]);
            let victims = !pronoun_subject
                && subj.is_some_and(|k| (ps[k].head == Head::People || counted(k)) && !crate::targets::object_after(ps, k))
                && info(kind).victims
                && !driver
                && !attacker
                && !object_pronoun;
            // الحكومة اليمنية اتهمها الحوثيون: the object before the verb, its subject after.
            if let Some((a, f)) = self.fronted_object(ps, t).filter(|_| object_pronoun && !passive) {
                r.agents = self.with_coordinated(ps, a);
                r.targets = vec![f];
                return r;
            }
            if passive || victims {
                // قُتل 13 من ميليشيا الحوثي في مواجهات مع المقاومة: the subject suffered it.
                if let Some(k) = subj.or_else(|| self.passive_patient(ps, c, t)) {
                    r.targets = self.with_coordinated(ps, k);
                }
                if let Some(a) = self.agent_after(ps, c, t).or_else(|| self.cause_doer(ps, c, t)) {
                    r.agents = self.with_coordinated(ps, a);
                } else if let Some(a) = self.party_between(ps, c, t) {
                    // قتل ثلاثة في اشتباكات بين الشرطة والمسلحين: the first party acts, the others
                    // fought it.
                    let parties = self.with_coordinated(ps, a);
                    r.agents = vec![a];
                    r.targets.extend(parties.into_iter().skip(1));
                }
                // أصيب سبعة أشخاص في هجوم على مركز للشرطة: what the attack struck.
                if let Some(k) = self.cause_target(ps, c, t, &r.targets) {
                    r.targets.push(k);
                }
                return r;
            }
            // اندلعت اشتباكات بين الجيش والمسلحين: of the parties after بين the first acts.
            if let Some(k) = subj.filter(|&k| ps[k].first > 0 && bare(&words[ps[k].first - 1]) == "بين") {
                let parties = self.with_coordinated(ps, k);
                if parties.len() > 1 {
                    r.agents = vec![parties[0]];
                    r.targets = parties[1..].to_vec();
                    return r;
                }
            }
            match (subj, self.agent_after(ps, c, t)) {
                (Some(k), _) => r.agents = self.with_coordinated(ps, k),
                // انفجرت سيارة يقودها انتحاري: no subject, but a marked agent.
                (None, Some(a)) => r.agents = self.with_coordinated(ps, a),
                (None, None) => r.agents = inherited.to_vec(),
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
            let after = self.past_apposition(ps, &r.agents, after);
            // In a relative clause, the pronoun on the verb is the noun the clause describes (الرضيع
            // الذي أحرقه المستوطنون): that noun is the target.
            // (Only for acts with a victim: الاتفاق الذي وقعه الطرفان names what was signed, no target.)
            let antecedent = (object_pronoun && info(kind).victims && c.link == crate::clauses::Link::Relative && t <= c.first + 1)
                .then(|| ps.iter().position(|p| p.end == c.first && p.patient()))
                .flatten();
            if let Some(k) = antecedent.or_else(|| self.addressee(ps, c, t, kind, &r.agents)) {
                r.targets = self.with_coordinated(ps, k);
            } else if let Some(k) = self.target(ps, c, t, after, frame, &r.agents) {
                r.targets = self.with_coordinated(ps, k);
            } else if let Some((n, noun_frame)) = self.stated_noun(c, t, after, kind) {
                // أعرب عن ترحيبه بمبادرة الإمارات: the verbal noun the verb states finds the target.
                if let Some(k) = self.target(ps, c, n, n + 1, &noun_frame, &r.agents) {
                    r.targets = self.with_coordinated(ps, k);
                }
            }
            return r;
        }
        // A verbal noun after تعرض ل: the subject of تعرض suffered it, the noun's nisba or agent did it
        // (تعرضت مواقع حزب الله لغارات إسرائيلية).
        if let Some(tw) = (c.first..t).rev().take(10).find(|&k| bare(&words[k]).starts_with("تعرض") || bare(&words[k]).starts_with("يتعرض"))
        {
            if let Some(k) = self.subject(ps, c, tw) {
                r.targets = self.with_coordinated(ps, k);
            }
            if let Some(a) = self.agent_after(ps, c, t).or_else(|| self.suffered_from(ps, c, t)) {
                r.agents = self.with_coordinated(ps, a);
            }
            return r;
        }
        // A verbal noun with its parties after بين (مفاوضات بين الحكومة والمعارضة، اشتباكات بين
        // الشرطة والمسلحين): the first acts, the others are its counterparts.
        // بين right after the noun, or after one word that is no event and no clitic phrase (محادثات
        // مباشرة بين …; not ترحيبه بالاتفاق بين …: those are the agreement's parties).
        let between = (t + 1..(t + 3).min(c.end))
            .find(|&k| {
                bare(&words[k]) == "بين"
                    && (k == t + 1 || (self.d.lexicon.lookup(&words[t + 1]).is_none() && words[t + 1].seg.prefixes.is_empty()))
            })
            .or_else(|| self.bain_after(t, c.end));
        if let Some(b) = between {
            if let Some(k) = ps.iter().position(|p| p.first == b + 1 && p.participant()) {
                let parties = self.with_coordinated(ps, k);
                if parties.len() > 1 {
                    r.agents = vec![parties[0]];
                    r.targets = parties[1..].to_vec();
                    return r;
                }
            }
        }
        // A verbal noun.
        let light = (c.first..t).rev().take(8).find(|&k| LIGHT_VERBS.contains(&bare(&words[k])));
        // The genitive right after the noun (a quotation mark may stand between: طرد «داعش»).
        // …or a noun of its type joined to it by و (مقتل وإصابة عشرة أشخاص، اعتقال وتعذيب ناشطين).
        let joined = |i: usize| {
            i == t + 1
                && words[i].seg.prefixes.first() == Some(&"و")
                && self.d.lexicon.lookup(&words[i]).is_some_and(|h| h.nominal && h.entries.iter().any(|e| e.kind == kind))
        };
        let gap = |k: usize| (t + 1..k).all(|i| opening_quote(&words[i]) || joined(i));
        // …or a time expression and its commas (لقائه، أمس، الأمين العام; لقائه أمس رئيس الوزراء).
        let timed = |i: usize| self.in_time[i] || words[i].is_punct("،") || words[i].is_punct(",");
        // A noun whose pronoun names its doer takes that phrase as its object.
        let after_time = (t + 1..c.end.min(t + 7)).find(|&i| !timed(i)).filter(|&i| (t + 1..i).any(|j| self.in_time[j]));
        if let Some(o) = after_time
            .filter(|_| third_person_pronoun(&words[t]))
            .and_then(|a| ps.iter().position(|p| p.first == a && p.governor.is_none() && p.participant()))
        {
            r.targets = self.with_coordinated(ps, o);
        }
        let genitive = ps.iter().position(|p| p.first > t && p.first <= t + 2 && gap(p.first) && p.governor.is_none() && p.participant());
        let prep_target = self.target(ps, c, t, usize::MAX, frame, &[]);
        let agent = self.agent_after(ps, c, t);
        let transitive = frame.iter().any(|f| f == "obj");
        // A verbal noun with its agent and its object (منذ سحب الحلف قواته، بعد اقتحام الجيش
        // المدينة): the genitive acts on the free phrase right after it.
        let object_after = genitive.filter(|_| transitive).and_then(|g| {
            let e = ps[g].end;
            // Over a quantifier (سحب الحلف معظم قواته).
            let from = if e < c.end && matches!(bare(&words[e]), "معظم" | "كل" | "جميع" | "بعض" | "كافه" | "غالبيه")
            {
                e + 1
            } else {
                e
            };
            ps.iter().position(|p| p.first == from && p.governor.is_none() && p.patient() && p.end <= c.end)
        });
        // …or its object after ل (قصف طائرات التحالف لحي سكني: verbal_nouns.rs).
        // (First: an adjective between is no object, دعم مصر الكامل للحكومة.)
        let object_after = genitive.filter(|_| transitive).and_then(|g| self.lam_patient(ps, g, c.end)).or(object_after);
        if let Some(d) = self.doer_of_noun(ps, c, t) {
            r.agents = self.with_coordinated(ps, d);
        } else if let (Some(g), Some(o)) = (genitive, object_after) {
            r.agents = self.with_coordinated(ps, g);
            r.targets = self.with_coordinated(ps, o);
            return r;
        } else if let Some(lv) = light {
            // شنت الطائرات الروسية غارات على …: the light verb's subject acts; قيام's is its genitive
            // (أعلن الجيش قيام الطيران بقصف …).
            let noun_light = matches!(bare(&words[lv]), "قيام" | "بقيام");
            let subj = if noun_light {
                ps.iter().position(|p| p.first == lv + 1 && p.governor.is_none() && p.participant())
            } else {
                self.subject(ps, c, lv)
            };
            match subj {
                Some(k) => r.agents = self.with_coordinated(ps, k),
                None => r.agents = inherited.to_vec(),
            }
        } else if let Some(a) = agent {
            // سيطرت القوات على البلدة بعد مواجهات مع المسلحين: the subject fought the partner.
            if let Some(s) = self.clash_subject(ps, c, t, a, inherited) {
                r.agents = s;
                r.targets = self.with_coordinated(ps, a);
                return r;
            }
            r.agents = self.with_coordinated(ps, a);
        } else if let Some(a) = self.cause_doer(ps, c, t).filter(|_| info(kind).victims) {
            // مقتل مدني في قصف شنه الحوثيون: the attack's doer; the genitive suffered it.
            r.agents = self.with_coordinated(ps, a);
        } else if let (Some(g), false) = (genitive, transitive && prep_target.is_none() && self.genitive_suffers(ps, c, tr, genitive)) {
            // وصول الوفد، اجتماع الوزير مع نظيره، رفض الحكومة (verbal_nouns.rs): the genitive acts.
            r.agents = self.with_coordinated(ps, g);
        } else if third_person_pronoun(&words[t]) {
            // زيارته، دعمها: the clause's or the parent's subject.
            r.agents = inherited.to_vec();
        }
        // اغتياله، إصابتها: the pronoun names the victim.
        if let Some((agents, victims)) = self.pronoun_victim(ps, c, t, frame, agent, inherited) {
            r.agents = agents;
            r.targets = victims;
            return r;
        }
        if r.agents.is_empty() {
            // The clause's own subject: the first free participant before the noun (أبدت إيران
            // وروسيا قلقها … واعدة بدعم دمشق), else the parent's.
            // (Not a statement verb's subject for the physical act it names: أدانت الحكومة قصف
            // المدينة; verbal_nouns.rs.)
            match ps.iter().position(|p| p.first >= c.first && p.end <= t && p.participant() && p.governor.is_none() && !self.in_source(p))
            {
                _ if self.stated_act(c, t, kind) => {}
                Some(k) if genitive != Some(k) => r.agents = self.with_coordinated(ps, k),
                _ => r.agents = inherited.to_vec(),
            }
        }
        if transitive {
            // People after a noun of violence suffered it, even when the clause's subject (ذكر
            // ناشطون، أعلن الدفاع المدني إصابة خمسة مدنيين) was taken as its agent.
            // (Any phrase after a noun whose frame says so: مقتل ثلاثة جنود أتراك; and what is
            // joined to it by و.)
            let gen_victim = frame.iter().any(|f| f == "gen");
            if let Some(g) = genitive.filter(|&g| info(kind).victims && (gen_victim || ps[g].head == Head::People)) {
                let victims = self.with_coordinated(ps, g);
                r.agents.retain(|k| !victims.contains(k));
            }
            if let Some(g) = genitive.filter(|g| !r.agents.contains(g)) {
                r.targets = self.with_coordinated(ps, g);
            }
        }
        if r.targets.is_empty() {
            if let Some(k) = self.target(ps, c, t, usize::MAX, frame, &r.agents) {
                r.targets = self.with_coordinated(ps, k);
            }
        }
        r
    }

    /// A phrase as an argument: its whole span, linked to its most specific actor (a counterpart
    /// to its state).
    pub(crate) fn phrase_arg(&self, p: &Phrase) -> Arg {
        let kb = self.d.kb;
        let span = self.slice(p.first, p.end);
        let m = p.link.or(p.state).map(|m| &self.d.mentions[m]);
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
                let here = self.slice(p.first, p.end);
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

    /// A visit rather than a deployment when the agent is a person or an official (not the
    /// forces of one: قوات الرئيس بشار الأسد).
    fn person_type(&self, ps: &[Phrase], agents: &[usize], needs: &[Need]) -> Option<EventType> {
        let alt = needs.iter().find_map(|n| if let Need::PersonType(a) = n { Some(*a) } else { None })?;
        let kb = self.d.kb;
        agents
            .iter()
            .any(|&k| match ps[k].head {
                Head::Office | Head::Pair | Head::Counterpart => true,
                Head::Name => ps[k].link.and_then(|m| self.d.mentions[m].actor).is_some_and(|a| kb.actors[a].kind == ActorType::Person),
                Head::Group | Head::People | Head::Place | Head::Generic => false,
            })
            .then_some(alt)
    }

    /// The first verb of a clause (a trigger verb or a verb of saying) within its first words.
    pub(crate) fn clause_verb(&self, c: &Clause) -> Option<usize> {
        let words = self.d.words;
        // After كان the subject comes first and the verb later (وكان الوزير قد أكد).
        let kana = (c.first..c.end.min(c.first + 2)).any(|i| matches!(bare(&words[i]), "كان" | "كانت" | "كانوا"));
        (c.first..c.end)
            .filter(|&i| words[i].tok.kind == rasad_text::TokenKind::Arabic && !cues().connectors.has(words[i].key.as_str()))
            .take(if kana { 12 } else { 3 })
            .find(|&i| self.is_verb(i))
    }

    /// True when a word reads as a verb: a trigger verb or a verb of saying, in any inflection.
    pub(crate) fn is_verb(&self, i: usize) -> bool {
        let w = &self.d.words[i];
        // The lexicon first: a verb may open with ال (التقى، التزم).
        if self.d.lexicon.lookup(w).is_some_and(|h| !h.nominal) {
            return true;
        }
        if w.seg.definite() {
            return false;
        }
        let sv = &cues().speech_verbs;
        sv.has(bare(w)) || crate::lexicon::inflected_candidates(w).iter().any(|c| sv.has(c))
    }

    /// True when a clause opens with its verb (after و or a connector): its subject may be implicit.
    pub(crate) fn opens_with_verb(&self, c: &Clause) -> bool {
        self.clause_verb(c).is_some_and(|v| (c.first..v).all(|i| self.mention_at[i].is_none() && !self.named(i)))
    }

    /// The subject of a clause's verb, with what is coordinated with it.
    pub(crate) fn clause_subject(&self, ps: &[Phrase], c: &Clause) -> Vec<usize> {
        match self.clause_verb(c).and_then(|v| self.subject(ps, c, v)) {
            Some(k) => self.with_coordinated(ps, k),
            None => Vec::new(),
        }
    }

    /// The event of a trigger, with its arguments, and the phrases of its actors and targets.
    pub(crate) fn event(&self, s: &Sentence, sc: &Scope, tr: &Trig, source: Option<Source>) -> Option<(Event, Vec<usize>, Vec<usize>)> {
        let (ps, clauses, ci) = (sc.ps, sc.clauses, sc.ci);
        let (t, mut kind, mut mode) = (tr.at, tr.kind, tr.mode.clone());
        let c = &clauses[ci];
        let mut roles = self.roles(ps, clauses, ci, tr, sc.inherited);
        if let Some(alt) = self.person_type(ps, &roles.agents, &tr.needs).or_else(|| {
            // An implicit subject carried from the sentence before: a person when its link is one.
            let person = roles.agents.is_empty()
                && sc
                    .fallback
                    .iter()
                    .any(|a| a.link.id.as_deref().is_some_and(|id| self.d.kb.actor(id).is_some_and(|x| x.kind == ActorType::Person)));
            tr.needs.iter().find_map(|n| if let Need::PersonType(a) = n { Some(*a) } else { None }).filter(|_| person)
        }) {
            kind = alt;
            mode = Some("visit".into());
            // وصل الرئيس إلى طهران: the host by the new type's positions.
            if roles.targets.is_empty() {
                roles.targets.extend(self.target(ps, c, t, t + 1, &info(alt).target, &roles.agents));
            }
        } else if tr.needs.contains(&Need::Force) && !self.armed(ps, c, t, &roles.agents, &roles.targets, sc.fallback) {
            // وصل الطبيب، تعزيز العلاقات: a motion word without a force states no deployment.
            self.skip(t, format_args!("no armed force {kind:?}"));
            return None;
        }
        // The victim of an attack is no actor (قتل جندي روسي في هجوم بطائرة مسيرة), unless marked as
        // the agent (برصاص قناص، يقودها انتحاري).
        let marked = |k: usize| ps[k].governor.as_deref().is_some_and(|g| cues().agent_markers.has(g));
        // …unless the verb's pronoun holds the victim (الذي أحرقه المستوطنون).
        let pronoun = third_person_pronoun(&self.d.words[t]);
        let object_pronoun = !tr.noun && pronoun;
        // …or a verb's object follows (أحرق مستوطنون منزلا: the subject acts on it).
        roles.agents.retain(|&k| {
            !(ps[k].head == Head::People && info(kind).victims)
                || marked(k)
                || self.names_attacker(&ps[k])
                || object_pronoun
                || (!tr.noun && crate::targets::object_after(ps, k))
        });
        // Who reports a physical act did not do it (أفادت الوكالة … وقتل اثنان).
        let reporter = |k: usize| cues().reporters.has(bare(&self.d.words[ps[k].first]));
        if info(kind).material {
            roles.agents.retain(|&k| !reporter(k));
        }
        roles.targets.retain(|k| !roles.agents.contains(k));
        if roles.targets.is_empty() {
            roles.targets.extend(self.content_party(ps, c, t, kind, &roles.agents));
        }
        if roles.targets.is_empty() && !tr.noun {
            roles.targets.extend(self.complement_party(ps, clauses, ci, t, kind, &roles.agents));
        }
        let mut actors = self.args_of(ps, &roles.agents);
        if actors.is_empty() && (!tr.noun || pronoun) {
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
            // غارات روسية، هجوم إسرائيلي: the nisba after the noun says whose.
            if let Some(m) = self.mention_at.get(t + 1).copied().flatten() {
                let mm = &self.d.mentions[m];
                if mm.kind == MentionKind::Demonym {
                    actors.push(self.mention_arg(mm, false));
                }
            }
        }
        let mut targets = self.args_of(ps, &roles.targets);
        if targets.is_empty() {
            // أدانت مصر الهجوم الإسرائيلي، نددت بالإجراءات «الإسرائيلية»، أشاد بالدعم الإيراني: the
            // nisba of the object says whose act it is about.
            targets.extend(self.nisba_owner(ps, &roles.agents, t, c.end));
        }
        let places = self.places(s, c, t, kind);
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

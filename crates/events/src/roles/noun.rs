//! The roles around a verbal noun: after تعرض ل its subject suffered it (تعرضت مواقع حزب الله
//! لغارات إسرائيلية); parties after بين, the first acts (مفاوضات بين الحكومة والمعارضة); the
//! subject of a light verb acts (شنت الطائرات الروسية غارات على …); the genitive acts on the
//! phrase after it (بعد اقتحام الجيش المدينة) or suffers a transitive noun (اعتقال الناشط); a
//! noun's agent after من قبل / على يد; else the clause's or the parent's subject.

use super::Roles;
use crate::clauses::Clause;
use crate::context::{bare, opening_quote, third_person_pronoun, Ctx};
use crate::cues::cues;
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

/// True when word `i` (a form that reads as a verb or a noun) ends in ا with no pronoun and stands
/// right after a light verb or after the one phrase that is its subject, from clause start `first`
/// on: the light verb's object in the accusative, a verbal noun (شن الجيش قصفا، الجيش شن قصفا على
/// مواقع الحوثيين), not the dual verb قصفا.
pub(crate) fn light_object(words: &[rasad_text::Word], ps: &[Phrase], first: usize, i: usize) -> bool {
    let w = &words[i];
    w.seg.suffixes.is_empty()
        && w.tok.text.ends_with('ا')
        && (first..i)
            .rev()
            .take(4)
            .find(|&k| is_light_verb(bare(&words[k])))
            .is_some_and(|lv| (lv + 1..i).all(|k| crate::phrases::phrase_at(ps, k).is_some_and(|p| p.first == lv + 1)))
}

impl Ctx<'_, '_, '_> {
    /// The roles of the verbal noun `tr` in clause `c`; `inherited` is the subject its parent
    /// clause had.
    pub(crate) fn noun_roles(&self, ps: &[Phrase], c: &Clause, tr: &Trig, inherited: &[usize]) -> Roles {
        let words = self.d.words;
        let (t, kind) = (tr.at, tr.kind);
        let frame = &tr.frame;
        let mut r = Roles::default();
        // An attack noun with no genitive and an armed force after ل (قصف للطيران العراقي، غارة
        // جوية لقوات التحالف): the force did it, as for the noun a death is blamed on.
        // (Not after a casualty word, whose ل phrase names the victims' side: 10 قتلى للحوثيين.)
        let armed_lam = || {
            if frame.iter().any(|f| f == "gen") {
                return None;
            }
            let k = self.past_adjectives(ps, t + 1, c.end.min(t + 14));
            ps.iter().position(|p| p.first == k && p.governor.as_deref() == Some("ل") && self.armed_phrase(p) && !self.in_source(p))
        };
        // A verbal noun after تعرض ل: the subject of تعرض suffered it, the noun's nisba or agent did it
        // (تعرضت مواقع حزب الله لغارات إسرائيلية).
        if let Some(tw) = (c.first..t).rev().take(10).find(|&k| crate::verbal_nouns::suffering_verb(&words[k], true)) {
            // (…a generic noun too, what was struck: تعرضت القرية لقصف.)
            let struck = || ps.iter().position(|p| p.first == tw + 1 && p.governor.is_none() && p.patient());
            if let Some(k) = self.subject(ps, c, tw).or_else(struck) {
                r.targets = self.with_coordinated(ps, k);
            }
            if let Some(a) = self.agent_after(ps, c, t).or_else(|| self.suffered_from(ps, c, t)).or_else(armed_lam) {
                r.agents = self.with_coordinated(ps, a);
            }
            return r;
        }
        // A verbal noun with its parties after بين (مفاوضات بين الحكومة والمعارضة، اشتباكات بين
        // الشرطة والمسلحين): the first acts, the others are its counterparts.
        // بين right after the noun, or after one word that is no event and no clitic phrase (محادثات
        // مباشرة بين …; not ترحيبه بالاتفاق بين …: those are the agreement's parties), or after the
        // clashes an outbreak noun names (اندلاع اشتباكات بين، تجدد المواجهات بين).
        let between = (t + 1..(t + 3).min(c.end))
            .find(|&k| {
                bare(&words[k]) == "بين"
                    && (k == t + 1
                        || cues().clashes.has(bare(&words[t + 1]))
                        || (self.d.lexicon.lookup(&words[t + 1]).is_none() && words[t + 1].seg.prefixes.is_empty()))
            })
            .or_else(|| self.bain_after(t, c.end))
            .or_else(|| (t + 1 < c.end && cues().clashes.has(bare(&words[t + 1]))).then(|| self.bain_after(t + 1, c.end)).flatten());
        if let Some(b) = between {
            if let Some(k) = ps.iter().position(|p| p.first > b && p.first <= b + 2 && self.after_bain(p.first) && p.participant()) {
                let (agents, targets) = self.between_sides(ps, k);
                if !agents.is_empty() {
                    (r.agents, r.targets) = (agents, targets);
                    return r;
                }
            }
        }
        // A verbal noun.
        // (A verb that directs it may begin with its own و: وجهت النيابة اتهامات.)
        let light = (c.first..t).rev().take(8).find(|&k| LIGHT_VERBS.contains(&bare(&words[k])) || cues().addressers.has_word(&words[k]));
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
        // (Right after it too, when the noun's pronoun is its genitive and it is no noun of
        // suffering: خلال لقائه رئيس إقليم كردستان العراق مسعود البارزاني: the speaker met him.)
        // (Not a noun without an object, وأعلنت إيران إرسالها قوات; nor one whose pronoun is the
        // guest, كان في استقباله الوزير، حضر لقاءه: cue list `guest_openers`.)
        let guest = || {
            t.checked_sub(1).is_some_and(|k| cues().guest_openers.has(words[k].key.as_str()))
                || (t >= 2 && cues().guest_openers.has(&format!("{} {}", words[t - 2].key, words[t - 1].key)))
        };
        let possessed = words[t].seg.suffixes.iter().any(|x| matches!(*x, "ه" | "ها" | "هم" | "هما"))
            && !frame.iter().any(|f| f == "gen")
            && frame.iter().any(|f| f == "obj")
            && !guest();
        // (…or past an opening quotation mark: قتالهم «داعش».)
        let after_time = (t + 1..c.end.min(t + 7))
            .find(|&i| !(timed(i) || (possessed && opening_quote(&words[i]))))
            .filter(|&i| possessed || (t + 1..i).any(|j| self.in_time[j]));
        // (…or, for a noun whose pronoun is its doer, a thing a state's nisba says whose, or the
        // owner in a thing's genitive: رفضه الخطوات الإسرائيلية، رفضه سياسات الحكومة.)
        let free = |p: &Phrase| p.governor.is_none() && !p.coordinated;
        let whose = |a: usize| {
            let nisba = ps.iter().position(|p| {
                p.first == a && free(p) && p.head == Head::Generic && p.link.is_some_and(|m| self.d.mentions[m].actor.is_some())
            });
            let owner = || {
                crate::context::construct_head(&words[a])
                    .then(|| ps.iter().position(|p| p.first == a + 1 && free(p) && p.participant()))
                    .flatten()
            };
            nisba.or_else(owner).filter(|_| possessed)
        };
        if let Some(o) = after_time
            .filter(|_| third_person_pronoun(&words[t]))
            .and_then(|a| ps.iter().position(|p| p.first == a && p.governor.is_none() && p.participant()).or_else(|| whose(a)))
        {
            r.targets = self.with_coordinated(ps, o);
        }
        // (…or the party a partitive counts: استسلام أعداد كبيرة من مقاتلي الحركة.)
        let counted = || {
            let min = self.partitive_of(c, t)?;
            ps.iter().position(|p| p.first == min + 1 && p.governor.as_deref() == Some("من") && p.participant())
        };
        let genitive = ps
            .iter()
            .position(|p| p.first > t && p.first <= t + 2 && gap(p.first) && p.governor.is_none() && p.participant())
            .or_else(counted)
            .filter(|_| !possessed);
        let prep_target = self.target(ps, c, t, usize::MAX, frame, &[]);
        let agent = self.agent_after(ps, c, t);
        let transitive = frame.iter().any(|f| f == "obj");
        // A verbal noun with its agent and its object (منذ سحب الحلف قواته، بعد اقتحام الجيش
        // المدينة): the genitive acts on the free phrase right after it.
        // (Not after a noun whose genitive suffered it, مقتل 5 من قوات الأمن وانتحاري; nor the
        // phrase joined to the genitive by و, which is more of it.)
        // (…nor a partitive count, which is what the act was done to: اعتقال 15 من عناصر الحزب; a
        // count of a noun may act, اقتحام مئات المستوطنين المسجد.)
        let counted_genitive = genitive
            .is_some_and(|g| self.quantity_at[ps[g].first].is_some() && words.get(ps[g].first + 1).is_some_and(|w| bare(w) == "من"));
        let acting_genitive = genitive.filter(|_| transitive && !frame.iter().any(|f| f == "gen") && !counted_genitive);
        // (The word after the genitive, over a quantifier: سحب الحلف معظم قواته.)
        let after_genitive = acting_genitive.map(|g| {
            let e = ps[g].end;
            if e < c.end && matches!(bare(&words[e]), "معظم" | "كل" | "جميع" | "بعض" | "كافه" | "غالبيه") {
                e + 1
            } else {
                e
            }
        });
        // (…or the owner of a site that heads it: قصف الطائرات الروسية مواقع المعارضة.)
        let site_owner = |from: usize| {
            (from + 1 < c.end
                && cues().sites.has(bare(&words[from]))
                && words[from].seg.prefixes.is_empty()
                && crate::phrases::phrase_at(ps, from).is_none())
            .then(|| ps.iter().position(|p| p.first == from + 1 && p.governor.is_none() && p.participant() && p.end <= c.end))
            .flatten()
        };
        let object_after = after_genitive.and_then(|from| {
            ps.iter()
                .position(|p| p.first == from && p.governor.is_none() && p.patient() && !p.coordinated && p.end <= c.end)
                .or_else(|| site_owner(from))
        });
        // A named place right after the genitive, bare or after its noun (استعادة المقاومة بلدة
        // المسيمير، اقتحام الجيش مدينة الرمادي، تحرير القوات العراقية ناحية برطلة): the genitive
        // acted there; the place is no target.
        // (Not a person or civilians, struck there rather than striking: استهداف قائد الشرطة
        // محافظة الأنبار، قصف الأهالي بلدة مضايا; cue list `civilians`.)
        // (…nor people arrested or abducted there: اعتقال المتهمين بلدة العوامية.)
        let held = matches!(tr.mode.as_deref(), Some("arrest" | "abduct"));
        let acting_party = acting_genitive.is_some_and(|g| {
            ps[g].head != Head::Office && !cues().civilians.has(bare(&words[ps[g].first])) && !(held && ps[g].head == Head::People)
        });
        let place_after = after_genitive.filter(|&from| {
            acting_party
                && from < c.end
                && ps.iter().any(|p| {
                    p.head == Head::Place
                        && p.end <= c.end
                        && ((p.first == from && p.governor.is_none())
                            || (p.first == from + 1
                                && words[from].seg.prefixes.is_empty()
                                && !crate::context::is_governor(&words[from])
                                && !cues().target_preps.has(bare(&words[from]))
                                && p.governor.as_deref() == Some(bare(&words[from]))))
                })
        });
        // …or its object after ل (قصف طائرات التحالف لحي سكني: verbal_nouns.rs).
        // (First: an adjective between is no object, دعم مصر الكامل للحكومة.)
        let object_after = acting_genitive.and_then(|g| self.lam_patient(ps, g, c.end)).or(object_after);
        // انتقادات حادة وجهها قادة جمهوريون للرئيس: the subject of a verb after it that directs it
        // with its pronoun (cue list `redirected`).
        let redirected = (t + 1..(t + 5).min(c.end))
            .find(|&k| cues().redirected.has_word(&words[k]))
            .and_then(|v| ps.iter().position(|p| p.first > v && p.first <= v + 2 && p.governor.is_none() && p.participant()));
        // بدعم جوي من قوات التحالف: who gives it (types.toml `giver_after`).
        let giver = info(kind).giver_after.then(|| self.past_adjectives(ps, t + 1, c.end.min(t + 5))).and_then(|k| {
            let from = k < c.end && bare(&words[k]) == "من";
            ps.iter().position(|p| from && p.first == k + 1 && p.governor.as_deref() == Some("من") && p.participant() && !self.in_source(p))
        });
        // أعلنت حركة طالبان مسؤوليتها عن الهجوم: the claimant did it.
        if let Some(s) = self.claimant(ps, c, t).or(redirected).or(giver) {
            r.agents = self.with_coordinated(ps, s);
        } else if let Some(d) = self.doer_of_noun(ps, c, t) {
            r.agents = self.with_coordinated(ps, d);
        } else if let Some(a) = (genitive.is_none() && info(kind).victims).then(armed_lam).flatten() {
            r.agents = self.with_coordinated(ps, a);
        } else if let (Some(g), Some(o)) = (genitive, object_after) {
            r.agents = self.with_coordinated(ps, g);
            r.targets = self.with_coordinated(ps, o);
            return r;
        } else if let (Some(g), Some(_)) = (acting_genitive, place_after) {
            r.agents = self.with_coordinated(ps, g);
            if let Some(k) = prep_target.filter(|k| !r.agents.contains(k)) {
                r.targets = self.with_coordinated(ps, k);
            }
            return r;
        } else if let Some(g) = acting_genitive.filter(|&g| info(kind).doer_genitive && self.lam_word_after(ps, g, c.end)) {
            // دعم المملكة للحل السياسي: the genitive took the stance; what it is about names no
            // party, unless one owns it (استنكار المملكة للتصريحات العدوانية للمسؤولين الإيرانيين).
            r.agents = self.with_coordinated(ps, g);
            if let Some(o) = self.lam_owner(ps, g) {
                r.targets = self.with_coordinated(ps, o);
            }
            return r;
        } else if let Some(lv) = light {
            // شنت الطائرات الروسية غارات على …: the light verb's subject acts; قيام's is its genitive
            // (أعلن الجيش قيام الطيران بقصف …).
            let noun_light = matches!(bare(&words[lv]), "قيام" | "بقيام");
            let subj = if noun_light {
                ps.iter().position(|p| p.first == lv + 1 && p.governor.is_none() && p.participant())
            } else {
                // (…not the genitive right after a transitive noun, what it was done to: قامت
                // باعتقال 130 من أنصاره; a subject further on acts, قامت بقصف المدينة الطائرات.)
                let object = |k: usize| transitive && ps[k].first == t + 1 && words[t].seg.suffixes.is_empty();
                self.subject(ps, c, lv).filter(|&k| !object(k))
            };
            match subj {
                Some(k) => r.agents = self.with_coordinated(ps, k),
                None => r.agents = inherited.to_vec(),
            }
            // وجهت النيابة للبرنس تهمة، وجهت اتهامات لتسعة متهمين: whom a verb that directs it
            // (cue list `addressers`) directs it at, after ل or إلى.
            if cues().addressers.has_word(&words[lv]) {
                let at = |p: &Phrase| p.first > lv && p.first <= t + 2 && p.first != t && p.end <= c.end;
                let to = |p: &Phrase| matches!(p.governor.as_deref(), Some("ل" | "الي")) && p.participant();
                // (…unless it is against someone, whom ضد names: قدمت مصر شكوى إلى مجلس الأمن ضد
                // إثيوبيا; the body it went to is no target.)
                let against =
                    ps.iter().position(|p| p.first > t && p.end <= c.end && p.governor.as_deref() == Some("ضد") && p.participant());
                if let Some(k) = against.or_else(|| ps.iter().position(|p| at(p) && to(p))) {
                    r.targets = self.with_coordinated(ps, k);
                }
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
        } else if let Some(a) = self.party_between(ps, c, t, None).filter(|_| info(kind).victims && frame.iter().any(|f| f == "gen")) {
            // قتلى وجرحى في مواجهات بين الحوثيين وقوات صالح: of the clash's sides the first acts
            // (as for a verb of dying, verb.rs).
            let (agents, others) = self.between_sides(ps, a);
            r.agents = agents;
            r.targets = others;
            return r;
        } else if let (Some(g), false) = (
            genitive.filter(|&g| !(info(kind).victims && self.all_below_country(&ps[g]))),
            transitive && prep_target.is_none() && self.genitive_suffers(ps, c, tr, genitive),
        ) {
            // (A city after an attack noun is where it struck, not who: اعتداءات باريس، تفجيرات بروكسل.)
            // وصول الوفد، اجتماع الوزير مع نظيره، رفض الحكومة (verbal_nouns.rs): the genitive acts.
            // (Of a meeting's genitives joined by و the first acts and the others are its partners:
            // قمة السيسي وبوتين.)
            let mut group = self.with_coordinated(ps, g);
            if info(kind).target.iter().any(|x| x == "مع") && group.len() > 1 {
                r.targets = group.split_off(1);
            }
            r.agents = group;
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
        // مقتل 21 وإصابة 36 من الحوثيين: a count told without its noun shares the victims that
        // the casualty noun joined to it counts (and they did nothing: not the clash's side).
        if let Some(v) = self.joined_victims(ps, c, t, kind).filter(|_| frame.iter().any(|f| f == "gen")) {
            let victims = self.with_coordinated(ps, v);
            r.agents.retain(|k| !victims.contains(k));
            r.targets = victims;
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
            // (Not a party that took the stance, what it is about after ل: أعرب الوزير عن استنكار
            // المملكة ورفضها للتصريحات الإيرانية; that is the target.)
            // (…and it acts with the speaker: أعرب الوزير عن استنكار المملكة للتصريحات الإيرانية.)
            let took = |g: usize| info(kind).doer_genitive && ps[g].participant() && ps[g].head != Head::Generic;
            let stance = genitive.filter(|&g| took(g) && !r.agents.contains(&g));
            let about = stance.and_then(|g| self.lam_patient(ps, g, c.end).or_else(|| self.lam_owner(ps, g)));
            if let Some(g) = stance.filter(|&g| about.is_some() || self.lam_word_after(ps, g, c.end)) {
                r.agents.extend(self.with_coordinated(ps, g));
                r.targets = about.map(|o| self.with_coordinated(ps, o)).unwrap_or_default();
            } else if let Some(g) = genitive.filter(|g| !r.agents.contains(g)) {
                r.targets = self.with_coordinated(ps, g);
            }
        }
        if r.targets.is_empty() {
            if let Some(k) = self.target(ps, c, t, usize::MAX, frame, &r.agents) {
                r.targets = self.with_coordinated(ps, k);
            }
        }
        // A stance noun's unnamed genitive before what the stance is about took it, it is no
        // target (دعم المملكة | للحل السياسي).
        let stance_genitive = ps.iter().position(|p| p.first == t + 1 && p.governor.is_none() && p.head == Head::Generic);
        if let Some(g) = stance_genitive.filter(|&g| info(kind).doer_genitive && transitive && self.lam_word_after(ps, g, c.end)) {
            r.targets.retain(|&k| k != g);
        }
        r
    }

    /// The counted victims of a casualty noun joined by و to the noun at `t` of the same type,
    /// when the noun at `t` has only a bare number as its genitive (مقتل 21 وإصابة 36 من
    /// الحوثيين → the phrase 36 من الحوثيين). None otherwise.
    pub(crate) fn joined_victims(&self, ps: &[Phrase], c: &Clause, t: usize, kind: rasad_model::EventType) -> Option<usize> {
        let words = self.d.words;
        let n = t + 1;
        if n >= c.end || crate::phrases::phrase_at(ps, n).is_some() {
            return None;
        }
        let q = &self.d.quantities[self.quantity_at[n]?];
        if q.unit.is_some() {
            return None;
        }
        let mut j = n;
        while j < c.end && words[j].tok.span.end <= q.end {
            j += 1;
        }
        let w = words.get(j).filter(|_| j < c.end)?;
        let joined =
            w.seg.prefixes.first() == Some(&"و") && self.d.lexicon.lookup(w).is_some_and(|h| h.entries.iter().any(|e| e.kind == kind));
        if !joined {
            return None;
        }
        ps.iter().position(|p| p.first == j + 1 && p.governor.is_none() && self.quantity_at[p.first].is_some())
    }

    /// The parties of a statement noun at `t` sent from one to another: a party after من right
    /// after the noun (past one word: دعوة رسمية من) and a party after إلى right after it, neither a
    /// place (انتقل من حلب إلى إدلب is no message). `(sender, recipient)` phrase indices.
    pub(super) fn sent_from_to(&self, ps: &[Phrase], c: &Clause, t: usize) -> Option<(usize, usize)> {
        let party = |p: &Phrase| p.participant() && p.head != Head::Place && !self.in_source(p) && p.end <= c.end;
        let a = ps.iter().position(|p| p.first > t && p.first <= t + 3 && p.governor.as_deref() == Some("من") && party(p))?;
        let b = ps.iter().position(|p| {
            p.first > ps[a].end && p.first <= ps[a].end + 1 && matches!(p.governor.as_deref(), Some("الي" | "إلى")) && party(p)
        })?;
        Some((a, b))
    }
}

#[cfg(test)]
mod tests {
    use super::is_light_verb;

    #[test]
    fn light_verbs_are_known_by_their_inflections_and_acts_are_not() {
        for k in ["شن", "شنت", "نفذوا", "اجرت", "يعقد", "قامت"] {
            assert!(is_light_verb(k), "{k}");
        }
        for k in ["قصف", "قتل", "اعتقل", "شنوه"] {
            assert!(!is_light_verb(k), "{k}");
        }
    }
}

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
//!
//! One job a module:
//! - `subject`: the subject of a clause's verb, before or after it (أكدت إيران …، قصفت الطائرات
//!   البلدة), and the clause's first verb;
//! - `verb`: who acted and who suffered around a trigger verb (قُتل جنديان برصاص قناص، تلقى
//!   الوزير اتصالا من نظيره);
//! - `noun`: the same around a verbal noun (اعتقال الناشط، شنت الطائرات غارات، مفاوضات بين
//!   الحكومة والمعارضة);
//! - `parties`: phrases as arguments, coordinated parties and البلدان / الجانبان carried across
//!   sentences;
//! - `event`: the event record of a trigger from its roles (type by agent, no victim as actor,
//!   status, confidence).

mod event;
mod noun;
mod parties;
mod subject;
mod verb;

pub(crate) use noun::{is_light_verb, light_object};
pub(crate) use verb::passive_spelling;

use rasad_model::Arg;

use crate::clauses::Clause;
use crate::context::Ctx;
use crate::phrases::Phrase;
use crate::triggers::Trig;

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
    /// The roles of trigger `t` in clause `ci`; `inherited` is the subject its parent clause had.
    pub(crate) fn roles(&self, ps: &[Phrase], clauses: &[Clause], ci: usize, tr: &Trig, inherited: &[usize]) -> Roles {
        if let Some(j) = &tr.judged {
            return self.verdict_roles(ps, clauses, ci, tr.at, j);
        }
        let noun = self.reads_as_noun(ps, tr);
        let mut r = if noun { self.noun_roles(ps, &clauses[ci], tr, inherited) } else { self.verb_roles(ps, clauses, ci, tr, inherited) };
        // A statement sent from one party to another (نقل ولي العهد دعوة من خادم الحرمين إلى الرئيس
        // الروسي): whom it went to is the target; who sent it acts, beside whoever carried it.
        if noun && !crate::types::info(tr.kind).material {
            if let Some((a, b)) = self.sent_from_to(ps, &clauses[ci], tr.at) {
                r.targets = vec![b];
                r.agents.retain(|&k| k != b);
                if !r.agents.contains(&a) {
                    r.agents.push(a);
                }
            }
        }
        // قال المتحدث إن حماس تتحمل المسؤولية: the one who bears it is the target, the speaker acts.
        // وتحمل واشنطن طهران المسؤولية: a second party between the subject and المسؤولية is held
        // responsible by the subject (the feminine ت of حمّل, not تحمّل "bore").
        if tr.bears && !tr.noun {
            match self.held_responsible(ps, &clauses[ci], tr.at, &r.agents) {
                Some(k) => r.targets = vec![k],
                None => {
                    r.targets = std::mem::take(&mut r.agents);
                    // (Past كان, or an adjective of the subject: إن إيران كانت متورطة، بأن مسؤولين
                    // كبارا في الحكومة متورطون: the first free participant of its clause.)
                    let c = &clauses[ci];
                    if r.targets.is_empty() {
                        let first = ps.iter().position(|p| p.first >= c.first && p.end <= tr.at && p.participant() && p.governor.is_none());
                        r.targets = first.map(|k| self.with_coordinated(ps, k)).unwrap_or_default();
                    }
                    r.agents = self.speaker_of(ps, clauses, ci).map(|k| self.with_coordinated(ps, k)).unwrap_or_default();
                }
            }
        }
        // قال الوزير إن على إيران أن تكف: the speaker asks; whom على governs is asked.
        if tr.owes {
            r.targets = self.obligation_on(tr.at).and_then(|k| self.obligation_party(ps, k)).into_iter().collect();
            // (Or the subject of a verb of saying before it in its clause: وقال الوزير: وعلى الحكومة …)
            let c = &clauses[ci];
            // (Not a phrase past the colon, which opens the quotation: وأضاف: أي جماعة …)
            let words = self.d.words;
            let said = || {
                let v = (c.first..tr.at).rev().find(|&k| crate::forms::speech_verb(&words[k]))?;
                self.subject(ps, c, v).filter(|&k| !(v..ps[k].first).any(|i| words[i].tok.text == ":"))
            };
            r.agents = self.speaker_of(ps, clauses, ci).or_else(said).map(|k| self.with_coordinated(ps, k)).unwrap_or_default();
        }
        r
    }

    /// The party a subject holds responsible before المسؤولية (وتحمل واشنطن | طهران | المسؤولية):
    /// the first participant after the subject's phrases that no preposition governs and no و
    /// joins to them, ending before the word of responsibility.
    fn held_responsible(&self, ps: &[Phrase], c: &Clause, at: usize, agents: &[usize]) -> Option<usize> {
        let words = self.d.words;
        // (Not تتحمل / يتحمل, which only bear; nor past a comma: an aside names who they are.)
        let verb = crate::context::bare(&words[at]);
        if verb.starts_with("تت") || verb.starts_with("يت") {
            return None;
        }
        let after = agents.iter().map(|&k| ps[k].end).max().filter(|&e| e > at)?;
        // (المسؤولية، مسؤولية، مسؤوليته by their match keys; not مسؤولي "officials of".)
        let responsibility = |k: usize| {
            let b = crate::context::bare(&words[k]);
            let b = b.strip_prefix("ال").unwrap_or(b);
            b.starts_with("مسءوليه") || b.starts_with("مسءوليت")
        };
        let resp = (after..c.end).find(|&k| responsibility(k))?;
        if (after..resp).any(|k| crate::context::is_comma(&words[k])) {
            return None;
        }
        ps.iter().position(|p| p.first >= after && p.end <= resp && p.participant() && !p.coordinated && p.governor.is_none())
    }

    /// The speaker of clause `ci`: the subject of the verb of the clause it depends on (a reported
    /// clause, قال المتحدث إن …), if any.
    pub(crate) fn speaker_of(&self, ps: &[Phrase], clauses: &[Clause], ci: usize) -> Option<usize> {
        let p = &clauses[clauses[ci].parent?];
        self.clause_verb(p).and_then(|v| self.subject(ps, p, v))
    }

    /// True when the trigger reads as a verbal noun: marked one, or a verb form that is its verbal
    /// noun too after a verb (verbal_nouns.rs: أكد الملك دعم المملكة).
    pub(crate) fn reads_as_noun(&self, ps: &[Phrase], tr: &Trig) -> bool {
        tr.noun || self.d.lexicon.lookup(&self.d.words[tr.at]).is_some_and(|h| self.object_noun(ps, tr.at, &h))
    }
}

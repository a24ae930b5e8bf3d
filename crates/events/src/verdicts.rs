//! Verdicts: a reported clause that calls an act a crime (قال الوزير إن اغتيال المعارض جريمة
//! سياسية; المفتي: تفجير المسجد عمل إجرامي غير مقبول; أكد أن قصف المستشفى انتهاك للقانون الدولي).
//! A coder codes the condemnation (ACCUSE by the speaker, against the act's doer when the act
//! names one); the act is what is judged, reported as fact where the article tells it.
//!
//! The verdict words are cue lists (`verdicts`, and `verdict_acts` with `verdict_adjectives`, in
//! data/cues.toml), not lexicon rows: they state no event anywhere else.

use rasad_text::TokenKind;

use crate::clauses::Clause;
use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::lexicon::TriggerEntry;
use crate::phrases::Phrase;
use crate::triggers::Trig;

/// What a verdict judges: the act noun its clause's subject is, or none for an act told by a
/// verb of happening (إن ما حدث اعتداء آثم).
#[derive(Debug, Clone)]
pub(crate) struct Verdict {
    /// The act noun, read as a trigger of its own entry; its doers are the verdict's targets.
    pub act: Option<Box<Trig>>,
}

/// The lexicon entry a verdict reads as: ACCUSE, mode condemn, a noun.
fn verdict_entry() -> &'static TriggerEntry {
    static ENTRY: std::sync::LazyLock<TriggerEntry> = std::sync::LazyLock::new(|| TriggerEntry {
        kind: rasad_model::EventType::Accuse,
        mode: Some("condemn".to_string()),
        needs: Vec::new(),
        frame: None,
        verb: false,
        noun: true,
        participle: false,
        inflected_only: false,
        row: 0,
    });
    &ENTRY
}

/// Demonstratives before the act noun (هذا الهجوم).
const DEMONSTRATIVES: [&str; 4] = ["هذا", "هذه", "ذلك", "تلك"];

/// Punctuation that may stand inside the judged act's phrase (quotes and brackets).
fn inner_mark(t: &str) -> bool {
    matches!(t, "«" | "»" | "\"" | "“" | "”" | "(" | ")" | "'")
}

impl Ctx<'_, '_, '_> {
    /// The verdict trigger at token `v` of clause `c`: a word of the cue list `verdicts`, or of
    /// `verdict_acts` with a word of `verdict_adjectives` among the four after it, that is the
    /// predicate of an act ([`Ctx::judged_act`]).
    pub(crate) fn verdict(&self, c: &Clause, v: usize) -> Option<Trig> {
        let words = self.d.words;
        let b = bare(&words[v]);
        let censured = || (v + 1..(v + 5).min(c.end)).any(|k| cues().verdict_adjectives.has(bare(&words[k])));
        if !(cues().verdicts.has(b) || cues().verdict_acts.has(b) && censured()) {
            return None;
        }
        let act = self.judged_act(c, v)?;
        if let Some(a) = &act {
            self.skip(a.at, format_args!("judged by the verdict at {v}"));
        }
        Some(Trig { judged: Some(Verdict { act: act.map(Box::new) }), ..Trig::of(v, verdict_entry(), true) })
    }

    /// The act a verdict word at `v` is the predicate of (`Some(None)` for one told by a verb of
    /// happening): `v` is indefinite with no prefix; its clause has إن، أن، بأن among its first four
    /// tokens (a reported clause) or a colon among its first eight (a headline's speaker:
    /// المفتي: …); the subject after it (past هذا، هذه) is a verbal noun of a material type
    /// (types.toml), or ما and a verb of happening (cue list `happenings`), whose phrase runs to
    /// `v` with no other verb and no punctuation but quotes (اغتيال المناضل شكري بالعيد | جريمة).
    /// At most twelve tokens apart.
    pub(crate) fn judged_act(&self, c: &Clause, v: usize) -> Option<Option<Trig>> {
        let words = self.d.words;
        let w = &words[v];
        if w.seg.definite() || !w.seg.prefixes.is_empty() {
            return None;
        }
        let opener = |k: &usize| cues().complementizers.has(bare(&words[*k])) || words[*k].tok.text == ":";
        let head = (c.first..v.min(c.first + 8)).rev().find(opener)?;
        if words[head].tok.text != ":" && head > c.first + 3 {
            return None;
        }
        let start = head + 1;
        let a = if start < v && DEMONSTRATIVES.contains(&bare(&words[start])) { start + 1 } else { start };
        // (The predicate follows its subject bare: not after a preposition or a particle, أدى إلى
        // انتهاك.)
        let prev = &words[v - 1];
        if a >= v || v - a > 12 || crate::triggers::governs(prev) || !prev.seg.definite() && cues().target_preps.has(bare(prev)) {
            return None;
        }
        let lexicon = self.d.lexicon;
        // (Not a noun's reading, nor a particle's: على is an obligation only where it opens one.)
        let noun_capable = |k: usize| {
            lexicon.lookup(&words[k]).is_some_and(|h| h.entries.iter().any(|e| e.noun || e.needs.contains(&crate::lexicon::Need::Lead)))
        };
        let happening = bare(&words[a]) == "ما" && a + 1 < v && cues().happenings.has(bare(&words[a + 1]));
        // (A verb of being right before the verdict is its copula: إن قصف المستشفى يشكل جريمة.)
        let copula = |k: usize| k + 1 == v && (cues().copulas.has(bare(&words[k])) || cues().kana.has(bare(&words[k])));
        // (A word with the article or a governing particle is no verb: المتظاهرين، من قبل.)
        let verb = |k: usize| {
            let w = &words[k];
            !w.seg.definite() && !crate::triggers::governs(w) && self.is_verb(k) && !noun_capable(k)
        };
        let blocked = |k: usize| {
            let t = &words[k].tok;
            (t.kind == TokenKind::Punct && !inner_mark(t.text)) || (verb(k) && !(happening && k == a + 1) && !copula(k))
        };
        if (a + 1..v).any(blocked) {
            return None;
        }
        if happening {
            return Some(None);
        }
        // (A verb form in the subject's place is its verbal noun: إن قتل المتظاهرين جريمة.)
        let h = lexicon.lookup(&words[a])?;
        let e = h
            .entries
            .iter()
            .find(|e| e.noun && crate::types::info(e.kind).material)
            .or_else(|| h.entries.iter().find(|e| e.verb && crate::types::info(e.kind).material && words[a].seg.prefixes.is_empty()))?;
        Some(Some(Trig::of(a, e, true)))
    }

    /// The parties of a verdict: the speaker acts (the subject of the verb of saying its clause
    /// reports, or a headline's phrase before its colon; else the sentence's carried subject, in
    /// event.rs); the judged act's doers are the targets.
    pub(crate) fn verdict_roles(&self, ps: &[Phrase], clauses: &[Clause], ci: usize, at: usize, verdict: &Verdict) -> crate::roles::Roles {
        let c = &clauses[ci];
        let words = self.d.words;
        // The subject of the last verb of saying in the parent clause (وفي تصريح له، قال الوزير
        // بأن …) or in its own clause before the complement (وأضاف الوزير أن …).
        let said = |p: &Clause, hi: usize| {
            let v = (p.first..hi).rev().find(|&k| crate::forms::speech_verb(&words[k]))?;
            self.subject(ps, p, v)
        };
        let parent = c.parent.map(|p| &clauses[p]);
        let speaker =
            parent.and_then(|p| said(p, p.end)).or_else(|| self.speaker_of(ps, clauses, ci)).or_else(|| said(c, c.end)).or_else(|| {
                let colon = (c.first..c.end).find(|&k| words[k].tok.text == ":")?;
                ps.iter().rposition(|p| p.first >= c.first && p.end <= colon && p.participant() && p.governor.is_none())
            });
        let agents = speaker.map(|k| self.with_coordinated(ps, k)).unwrap_or_default();
        // (Not the genitive of an act whose object or victim it is, اغتيال المناضل شكري بالعيد,
        // unless what it was aimed at follows: هجوم الحوثيين على عدن، اقتحام المستوطنين للمسجد.)
        let doers = verdict
            .act
            .as_ref()
            .map(|act| {
                let object = act.frame.iter().any(|f| f == "obj" || f == "gen");
                let aimed = |k: usize| {
                    ps.iter()
                        .any(|p| p.first >= ps[k].end && p.end <= at && matches!(p.governor.as_deref(), Some("علي" | "ضد" | "بحق" | "ل")))
                };
                let mut d = self.noun_roles(ps, c, act, &[]).agents;
                d.retain(|&k| !(object && ps[k].first == act.at + 1 && !aimed(k)));
                d
            })
            .unwrap_or_default();
        let targets = doers.into_iter().filter(|k| !agents.contains(k)).collect();
        crate::roles::Roles { agents, targets }
    }
}

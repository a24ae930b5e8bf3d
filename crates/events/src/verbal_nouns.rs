//! Who did the act a verbal noun names.
//!
//! - Its agent and its object after ل: قصف طائرات التحالف لحي سكني، رفض السعودية للتدخلات
//!   الإيرانية، استهداف الحوثيين لمواقع الجيش، دعم مصر الكامل للحكومة. The genitive right after a
//!   transitive verbal noun acts when a ل phrase follows it; that phrase is what it acts on. Without
//!   one, the genitive of a transitive noun stays its target (قصف المدينة، اعتقال الناشطين). A ل
//!   noun there that names no participant (لحي سكني، للتدخلات، للمسجد) becomes a generic phrase
//!   governed by ل, over its adjectives (and linked to the state their nisba names: للتدخلات
//!   الإيرانية). Not a time (لساعات), a purpose (لتحرير المدينة: a singular verbal noun of the
//!   lexicon) nor a preposition with a pronoun (لها، لهم).
//! - A form that is both a verb and its verbal noun (قصف، رفض، دعم) right after a verb, or after a
//!   verb and its subject, is that verb's object, a noun (وأكد رفض المملكة …، أدان الوزير قصف
//!   الطائرات …): its roles are a noun's, not a verb's whose subject is the phrase before it. (The
//!   word still states its event as a verb would: read as a noun there, 4 required events went
//!   on the development set, the nouns a reporting verb governs.)
//!   The genitive's phrase ends before that ل word (دعم الجامعة | للحكومة، استقبال الرئيس التونسي |
//!   لوزير الخارجية), and a definite noun of the lexicon its adjective closes is such an object,
//!   no purpose (رفض إسرائيل للمقترح المصري، تأييد موسكو للانقلاب العسكري).
//! - A verb form that is its noun too is a noun when a ل object follows its genitive, whatever
//!   stands before it (وتواصل قصف طائرات التحالف لحي سكني), or after a verb whose subject is an
//!   act (cue act_verbs: وجاء رفض الحكومة، وأثار قصف المدفعية).
//! - A stance noun (its type's `doer_genitive` in types.toml: رفض، دعم، إدانة، مطالبة) heading its
//!   clause names who took the stance in its genitive, with no ل object too (وجاء رفض الحكومة،
//!   ولقي دعم واشنطن ترحيبا); after a party or a pronoun that acts (أكد الوزير دعم الجيش، ويتوقف
//!   عن دعم «حماس»، ودعمها) its genitive is the one supported. A physical act's genitive without a
//!   ل object stays its target (قصف المدينة، اعتقال الناشطين).
//! - A stance verb's subject (its type `stance` in types.toml: أدان، رحب، طالب، رفض) did not do the
//!   physical act its object names (أدانت الحكومة قصف المدينة، استنكر الوزير خطف الصحفيين).

use rasad_text::{TokenKind, Word};

use crate::context::{bare, Ctx};
use crate::cues::cues;
use crate::phrases::{is_adjective, nisba_ending, Head, Phrase};

/// Quantifiers that carry the ل before the phrase they count (لكل المشاريع، لجميع الفصائل).
const LAM_QUANTIFIERS: &[&str] = &["لكل", "لجميع", "لكافه", "لاي", "لبعض"];

/// True when a word describes the noun before it: a nisba or an adjective of manner (الكامل،
/// المستمر، سكني، عنيف).
fn describes(w: &Word) -> bool {
    is_adjective(w)
        || cues().manner.has(bare(w))
        || (w.tok.kind == TokenKind::Arabic
            && w.seg.prefixes.is_empty()
            && w.key.chars().count() >= 4
            && nisba_ending(w.key.as_str())
            && !crate::context::is_governor(w))
}

/// True when a match key has a finite verb's inflection: a perfect's ت or وا, an imperfect's
/// prefix (قصفت، قصفوا، يقصف; not قصف، استهداف).
fn verb_shaped(key: &str) -> bool {
    key.ends_with('ت') || key.ends_with("وا") || key.starts_with(['ي', 'ت', 'ن'])
}

/// True when the word at `i` is a bare form joined by و to a verbal noun a governing word took,
/// a few words before it in the clause (from `first`): a verbal noun too, not a verb whose subject
/// follows (بعد سيطرة المقاومة عليها وطرد مسلحي الحوثي: the gunmen were expelled).
pub(crate) fn joined_to_governed_noun(words: &[Word], lexicon: &crate::lexicon::Lexicon, i: usize, first: usize) -> bool {
    let w = &words[i];
    // (Three letters: the first form's verbal noun has its verb's shape, قصف، طرد؛ a longer bare
    // form is a verb, طالب، استهدف.)
    if w.seg.prefixes[..] != ["و"] || !w.seg.suffixes.is_empty() || w.key_without_conj().chars().count() != 3 {
        return false;
    }
    // (Right after the noun it is handled as a pair of nouns: مقتل وجرح عدد من …)
    let lo = i.saturating_sub(8).max(first + 1);
    (lo..i.saturating_sub(1)).rev().any(|k| {
        let n = &words[k];
        let governed = match n.seg.prefixes[..] {
            [] => crate::triggers::governs(&words[k - 1]),
            ["ب"] => true,
            _ => false,
        };
        governed
            && !verb_shaped(n.key_without_conj())
            && lexicon.lookup(n).is_some()
            && (k + 1..i).all(|j| !words[j].is_punct(".") && !crate::forms::speech_verb(&words[j]))
    })
}

/// True when a verb of suffering (تعرض، cue list `sufferers`) stands among the eight words of
/// its sentence (from token `first`) before the verbal noun at `i`: its ل marks the passive, no
/// purpose (تعرضت البلدة لقصف). An imperfect (تتعرض المدينة لغارات) counts only for an act with
/// `victims`: يتعرض الاتفاق لتهديد is a risk.
pub(crate) fn after_sufferer(words: &[Word], first: usize, i: usize, victims: bool) -> bool {
    (first..i).rev().take(8).any(|k| suffering_verb(&words[k], victims))
}

/// True when a word is a verb of suffering: a perfect of تعرض (تعرض، تعرضت، تعرضوا), or with
/// `imperfect` any form of cue list `sufferers` (يتعرض، تتعرض).
pub(crate) fn suffering_verb(w: &Word, imperfect: bool) -> bool {
    let b = bare(w);
    b.starts_with("تعرض") || w.seg.key.starts_with("تعرض") || (imperfect && (b.starts_with("يتعرض") || cues().sufferers.has(b)))
}

/// True when the word at `i` is a noun joined by و to a purpose ل-phrase a few words before it in
/// its sentence (from `first`; the clause splitter may read the و as a new clause's): a verbal
/// noun of four letters or more after ل, with no article, six words at most before it and no
/// verb, comma or full stop between (لإعادة الشرعية لليمن ومنع الحوثيين من احتلال البلاد): what
/// the act was for, no event of its own.
pub(crate) fn joined_to_purpose(words: &[Word], lexicon: &crate::lexicon::Lexicon, i: usize, first: usize) -> bool {
    if words[i].seg.prefixes.first() != Some(&"و") {
        return false;
    }
    // (A verbal noun's shape after ل, إعادة، تحرير، استعادة, or one the lexicon knows; not after a
    // verb an act leads to: أدت لمقتل 125 واعتقال 300.)
    let purpose = |k: usize| {
        let p = &words[k];
        let rest = p.key_without_conj().strip_prefix('ل').unwrap_or_default();
        let masdar = rest.starts_with(['ا', 'ت']) || lexicon.lookup(p).is_some_and(|h| h.nominal);
        let leads = k > 0 && crate::cues::cues().act_verbs.has(crate::context::bare(&words[k - 1]));
        p.seg.prefixes[..] == ["ل"] && !p.seg.definite() && rest.chars().count() >= 4 && masdar && !leads
    };
    let plain = |j: usize| {
        let w = &words[j];
        !w.is_punct(".") && !crate::context::is_comma(w) && !crate::forms::speech_verb(w) && lexicon.lookup(w).is_none_or(|h| h.nominal)
    };
    (i.saturating_sub(6).max(first)..i).any(|k| purpose(k) && (k + 1..i).all(plain))
}

impl Ctx<'_, '_, '_> {
    /// The end of a generic ل phrase starting at token `i` (below `hi`) and its link and state,
    /// given the phrases `out` found before it: the object of the verbal noun whose agent ends
    /// right before it (past its adjectives). None when the word is no such object.
    pub(crate) fn lam_object(&self, i: usize, hi: usize, out: &[Phrase]) -> Option<(usize, Option<usize>, Option<usize>)> {
        let words = self.d.words;
        let w = &words[i];
        let shaped = w.tok.kind == TokenKind::Arabic
            && w.seg.prefixes.contains(&"ل")
            && !w.seg.prefixes.contains(&"ب")
            && !w.seg.suffixes.iter().any(|x| matches!(*x, "ه" | "ها" | "هم" | "هما" | "نا" | "كم" | "ي"))
            && w.seg.stem.chars().count() >= 2
            && !LAM_QUANTIFIERS.contains(&bare(w))
            && !cues().connectors.has(w.key.as_str())
            && !cues().generic_stop.has(w.key.as_str())
            && !self.in_time[i]
            && self.mention_at[i].is_none();
        if !shaped {
            return None;
        }
        // A purpose is a singular verbal noun (لتحرير، للمشاركة في); a plural of acts is an object
        // (للتدخلات، للهجمات), and so is a definite one its adjective or the clause's end closes
        // (للمقترح المصري، للتدخل العسكري، للاتفاق.).
        let closed = w.seg.definite() && words.get(i + 1).is_none_or(|n| n.tok.kind != TokenKind::Arabic || describes(n));
        if self.d.lexicon.lookup(w).is_some() && !w.key.ends_with("ات") && !closed {
            return None;
        }
        let agent = out.last()?;
        if !(agent.participant() && agent.governor.is_none() && agent.first > 0 && self.definite_phrase(agent)) {
            return None;
        }
        if !(agent.end..i).all(|k| describes(&words[k])) || i > agent.end + 2 {
            return None;
        }
        self.transitive_noun(agent.first - 1)?;
        let mut end = i + 1;
        while end < hi && end < i + 4 && describes(&words[end]) {
            end += 1;
        }
        let (link, state) = self.best_link(i, end);
        Some((end, link, state))
    }

    /// True when the ل word at `j` opens the object of the verbal noun whose genitive starts at `i`
    /// (with `head`), not that phrase's owner: دعم الجامعة | للحكومة الشرعية، استقبال الرئيس التونسي
    /// | لوزير الخارجية. An office takes its institution with ل (زيارة الأمين العام للأمم المتحدة)
    /// until a nisba or a name says whose it is; an owner after تابعة لـ stays.
    pub(crate) fn lam_after_genitive(&self, i: usize, j: usize, head: Head) -> bool {
        let words = self.d.words;
        let w = &words[j];
        w.tok.kind == TokenKind::Arabic
            && w.seg.prefixes.contains(&"ل")
            && !w.seg.prefixes.contains(&"ب")
            && j > i
            && i > 0
            && !cues().belonging.has(bare(&words[j - 1]))
            && (head != Head::Office || (i..j).any(|k| self.mention_at[k].is_some()))
            && self.transitive_noun(i - 1).is_some()
    }

    /// True when the definite genitive `g` of a verbal noun trigger took the stance it names with
    /// no object after it too (its type's `doer_genitive` in types.toml: وجاء رفض الحكومة، لقي دعم
    /// واشنطن ترحيبا، في أعقاب دعوات التحالف): the noun heads its clause, no party stands before it.
    /// Not when a party before it is the one who acts (يتوقف الأمير عن دعم «حماس»، أكد المؤتمر دعم
    /// مسيرة الوحدة: the genitive is supported), nor on a noun whose pronoun names the doer
    /// (ودعمها الدبلوماسي، مبايعته تنظيم داعش), nor for an entry whose frame has gen.
    pub(crate) fn doer_genitive(&self, ps: &[Phrase], c: &crate::clauses::Clause, tr: &crate::triggers::Trig, g: usize) -> bool {
        let w = &self.d.words[tr.at];
        let written_ha = self.d.lexicon.lookup(w).is_some_and(|h| h.form.len() < w.seg.key.len() && w.seg.key.ends_with('ه'));
        crate::types::info(tr.kind).doer_genitive
            && !tr.frame.iter().any(|f| f == "gen")
            && w.seg.suffixes.is_empty()
            && !written_ha
            && self.definite_phrase(&ps[g])
            && !ps.iter().any(|p| p.first >= c.first && p.end <= tr.at && p.participant() && p.governor.is_none() && !self.in_source(p))
            && !(c.first..tr.at).any(|k| self.names_doer(k))
    }

    /// True when the word at `k` before a verbal noun names or implies who acts there: a pronoun
    /// on it (أنه يختلف مع انتقادات …، باعتناقه … وتأييد …) or an imperfect verb with its subject
    /// in it (ويتوقف عن دعم …).
    fn names_doer(&self, k: usize) -> bool {
        let w = &self.d.words[k];
        w.tok.kind == TokenKind::Arabic
            && (w.seg.suffixes.iter().any(|x| matches!(*x, "ه" | "ها" | "هم" | "هما"))
                || (w.key_without_conj().starts_with('ي') && !self.in_time[k] && self.mention_at[k].is_none()))
    }

    /// True when the genitive `g` of a transitive verbal noun trigger without a prepositional
    /// target suffered its act (قصف المدينة، اعتقال الناشطين): not the number of a counted noun,
    /// nor the doer of a stance (`doer_genitive`), nor an arm that strikes after a noun of
    /// bombardment (cue list `striking_arms` after a lexicon row of mode aerial: قصف طائرات أف 16
    /// التركية، قصف مدفعية الجيش).
    pub(crate) fn genitive_suffers(&self, ps: &[Phrase], c: &crate::clauses::Clause, tr: &crate::triggers::Trig, g: Option<usize>) -> bool {
        let words = self.d.words;
        let aerial = || self.d.lexicon.lookup(&words[tr.at]).is_some_and(|h| h.entry.mode.as_deref() == Some("aerial"));
        let arm = g.is_some_and(|g| cues().striking_arms.has(bare(&words[ps[g].first])) && aerial());
        !self.count_noun(tr.at) && !arm && !g.is_some_and(|g| self.doer_genitive(ps, c, tr, g))
    }

    /// True when a phrase is definite: a name, or a word of it with ال (طائرات التحالف،
    /// الحوثيين). An indefinite one before ل is owned (قناص لتنظيم داعش: a sniper of the group).
    fn definite_phrase(&self, p: &Phrase) -> bool {
        p.link.is_some() || p.head == Head::Name || (p.first..p.end).any(|k| self.d.words[k].seg.definite())
    }

    /// Some when a transitive verbal noun of the lexicon stands at `n` (قصف، رفض، دعم، اقتحام): a
    /// form read as a noun, or one with no verb's inflection (قصف may be a verb, but a verb takes
    /// no ل object after its subject; not قصفت، قصفوا، يقصف).
    fn transitive_noun(&self, n: usize) -> Option<()> {
        let w = &self.d.words[n];
        let h = self.d.lexicon.lookup(w)?;
        let noun = h.nominal || (w.seg.suffixes.is_empty() && !verb_shaped(w.key_without_conj())) || w.seg.definite();
        (noun && crate::triggers::frame_of(h.entry).iter().any(|f| f == "obj")).then_some(())
    }

    /// The word after a stance noun's genitive that ends at `from`, past a second stance noun of
    /// its own joined by و with the genitive's pronoun (استنكار المملكة | ورفضها | للتصريحات،
    /// إدانة الكويت | واستنكارها الشديد للهجوم), and the bound of the search: the clause's `end`,
    /// or eight words on past such a noun (it opens a clause of its own when it reads as a verb).
    fn past_own_stance(&self, ps: &[Phrase], from: usize, end: usize) -> (usize, usize) {
        let Some(w) = self.d.words.get(from).filter(|w| w.seg.prefixes.first() == Some(&"و")) else { return (from, end) };
        let noun = self.d.lexicon.lookup(w).is_some_and(|h| h.entries.iter().any(|e| e.noun));
        if noun && crate::context::third_person_pronoun(w) && !ps.iter().any(|p| p.first == from) {
            // (The next clause's first words: what is looked for stands within a few of them.)
            (from + 1, (from + 8).max(end).min(self.d.words.len()))
        } else {
            (from, end)
        }
    }

    /// The phrase a verbal noun's genitive `g` (with what is joined to it) acts on after ل, past
    /// its adjectives or a quantifier that carries the ل (رفض القيادة لكل المشاريع); the owner of
    /// an unnamed thing right after it (لمواقع الجيش: the army). None without such a phrase in the
    /// clause (below `end`).
    pub(crate) fn lam_patient(&self, ps: &[Phrase], g: usize, end: usize) -> Option<usize> {
        let words = self.d.words;
        if !self.definite_phrase(&ps[g]) {
            return None;
        }
        let last = *self.with_coordinated(ps, g).last()?;
        let (from, end) = self.past_own_stance(ps, ps[last].end, end);
        let quantified = |p: &Phrase| p.first > 0 && LAM_QUANTIFIERS.contains(&bare(&words[p.first - 1])) && p.governor.is_none();
        let k = ps.iter().position(|p| {
            p.first >= from && p.first <= from + 2 && p.end <= end && (p.governor.as_deref() == Some("ل") || quantified(p))
        })?;
        let p = &ps[k];
        let between = (from..p.first).all(|i| describes(&words[i]) || (quantified(p) && i + 1 == p.first));
        if !(p.patient() && between) {
            return None;
        }
        let owner = ps.get(k + 1).is_some_and(|o| {
            p.head == Head::Generic && p.link.is_none() && o.first == p.end && o.governor.is_none() && o.participant() && o.end <= end
        });
        Some(if owner { k + 1 } else { k })
    }

    /// After [`Self::lam_word_after`]: the party that owns what the genitive's stance is about: a
    /// phrase with ل within five words of the first ل word (استنكار المملكة | للتصريحات العدوانية
    /// | للمسؤولين الإيرانيين), or a named one right after it (للتصريحات | الإيرانية). None when the
    /// thing is no one's (دعم المملكة للحل السياسي).
    pub(crate) fn lam_owner(&self, ps: &[Phrase], g: usize) -> Option<usize> {
        let (from, _) = self.past_own_stance(ps, ps[g].end, usize::MAX);
        ps.iter().position(|p| {
            let lam = p.governor.as_deref() == Some("ل") && p.first > from && p.first <= from + 5;
            let named = p.governor.is_none() && p.link.is_some() && p.first > from && p.first <= from + 2;
            (lam || named) && p.participant() && p.head != Head::Generic
        })
    }

    /// True when the stance noun's genitive `g` is followed, past its adjectives, by a word with ل
    /// that no phrase holds (دعم المملكة | للحل السياسي، رفض الحكومة للتدخل): the genitive took the
    /// stance, the ل word is what it is about. Not a time (للمرة الثانية).
    pub(crate) fn lam_word_after(&self, ps: &[Phrase], g: usize, end: usize) -> bool {
        let words = self.d.words;
        if !self.definite_phrase(&ps[g]) {
            return false;
        }
        let (from, end) = self.past_own_stance(ps, ps[g].end, end);
        let Some(k) = (from..(from + 3).min(end)).find(|&k| !describes(&words[k])) else { return false };
        let w = &words[k];
        w.tok.kind == TokenKind::Arabic
            && w.seg.prefixes.contains(&"ل")
            && !w.seg.prefixes.contains(&"ب")
            && !self.in_time[k]
            && !cues().belonging.has(bare(&words[k - 1]))
            && !ps.iter().any(|p| p.first == k)
    }

    /// True when the word at `i`, a form of both a verb and its noun that the lexicon reads as the
    /// noun for its object pronoun (`h`: هدده "his threat"), is the verb with that pronoun: it opens
    /// its clause (alone or with و، ف) and a party follows it ungoverned, its subject (وهدده الجيش
    /// بالقتل، وحثهم الرئيس على، ودعمها التحالف). A noun with a pronoun opens no clause before its
    /// doer (ورفضه الاتفاق, his refusal: the agreement is no party).
    pub(crate) fn verb_with_pronoun(&self, ps: &[Phrase], c: &crate::clauses::Clause, i: usize, h: &crate::lexicon::Hit) -> bool {
        let words = self.d.words;
        let w = &words[i];
        let opens = i == c.first || words[i - 1].tok.kind == TokenKind::Punct || words[i - 1].key == "و";
        h.nominal
            && opens
            && h.entries.iter().any(|e| e.verb)
            && !w.seg.definite()
            && w.seg.prefixes.iter().all(|p| matches!(*p, "و" | "ف"))
            && crate::context::third_person_pronoun(w)
            && ps.iter().any(|p| {
                p.first == i + 1 && p.governor.is_none() && matches!(p.head, Head::Name | Head::Group | Head::Office | Head::People)
            })
    }

    /// True when the word at `i` (a lexicon form read as a verb, `h`) also names its act as a noun
    /// and stands right after a verb and the phrase that is its subject (أدان الوزير قصف …، أكدت
    /// الحكومة رفض …): the verb's object.
    pub(crate) fn object_noun(&self, ps: &[Phrase], i: usize, h: &crate::lexicon::Hit) -> bool {
        let w = &self.d.words[i];
        if h.nominal || !h.entries.iter().any(|e| e.noun) || !w.seg.prefixes.is_empty() || !w.seg.suffixes.is_empty() {
            return false;
        }
        // (Only with its genitive right after it: أكد الوزير دعم بلاده … stays as it reads.)
        // (An unnamed one before what the stance is about reads as its doer: أكد الملك دعم المملكة
        // للحل السياسي.)
        let Some(g) = ps.iter().position(|p| p.first == i + 1 && p.governor.is_none() && p.participant()) else {
            let unnamed = ps.iter().position(|p| p.first == i + 1 && p.governor.is_none() && p.head == Head::Generic);
            return unnamed.is_some_and(|g| {
                h.entries.iter().any(|e| crate::types::info(e.kind).doer_genitive) && self.lam_word_after(ps, g, self.d.words.len())
            });
        };
        // (Or with a ل object after that genitive, which no verb takes after its subject: وتواصل
        // قصف طائرات التحالف لحي سكني، وأثار قصف المدفعية للقرى.)
        if self.lam_patient(ps, g, self.d.words.len()).is_some() {
            return true;
        }
        // (Or right after the verb, whose subject is implicit: وأكد رفض المملكة …)
        // (Or after a verb whose subject is an act: وجاء رفض الحكومة، وأثار دعم واشنطن; cue act_verbs.)
        let after_verb = i > 0
            && ((self.is_verb(i - 1) && self.d.lexicon.lookup(&self.d.words[i - 1]).is_none_or(|v| !v.nominal))
                || cues().act_verbs.has(bare(&self.d.words[i - 1])));
        after_verb
            || ps.iter().find(|p| p.end == i).is_some_and(|p| {
                p.first > 0 && p.governor.is_none() && (p.participant() || p.head == Head::Generic) && self.is_verb(p.first - 1)
            })
    }

    /// True when the verbal noun at `t`, of a physical type (`kind`), is the object of its clause's
    /// stance verb (a lexicon verb of a `stance` type): أدانت الحكومة قصف المدينة.
    pub(crate) fn stated_act(&self, c: &crate::clauses::Clause, t: usize, kind: rasad_model::EventType) -> bool {
        let words = self.d.words;
        crate::types::info(kind).material
            && self
                .clause_verb(c)
                .filter(|&v| v < t)
                .is_some_and(|v| self.d.lexicon.lookup(&words[v]).is_some_and(|h| !h.nominal && crate::types::info(h.entry.kind).stance))
    }
}

#[cfg(test)]
mod tests {
    use super::verb_shaped;

    #[test]
    fn inflected_verbs_are_verb_shaped_but_bare_forms_are_not() {
        for k in ["قصفت", "قصفوا", "يقصف", "تدعم", "نرفض"] {
            assert!(verb_shaped(k), "{k}");
        }
        for k in ["قصف", "رفض", "دعم", "استهداف", "اقتحام"] {
            assert!(!verb_shaped(k), "{k}");
        }
    }

    #[test]
    fn stance_and_meeting_types_name_their_doer_in_the_genitive_and_physical_acts_do_not() {
        use rasad_model::EventType;
        // (زيارة أوباما، لقاء الوزير: the genitive of a visit or a meeting went or met.)
        for t in [EventType::Reject, EventType::Support, EventType::Request, EventType::Accuse, EventType::Consult] {
            assert!(crate::types::info(t).doer_genitive, "{t}");
        }
        for t in [EventType::Assault, EventType::Coerce] {
            assert!(!crate::types::info(t).doer_genitive, "{t}");
        }
    }

    #[test]
    fn verbs_whose_subject_is_an_act_are_cues() {
        let c = crate::cues::cues();
        for w in ["جاء", "أثار", "أدى", "تسبب", "لقي"] {
            assert!(c.act_verbs.has(&rasad_text::match_key(w)), "{w}");
        }
        assert!(!c.act_verbs.has(&rasad_text::match_key("قال")));
    }
}

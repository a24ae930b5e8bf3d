//! Trigger words: every word of a sentence whose lemma is in the trigger lexicon and whose
//! conditions hold, unless it is inside a name, a purpose phrase (للدفاع، بهدف …), a noun governed
//! by a trigger just before it, or describes a noun of its own type.

use rasad_model::EventType;
use rasad_text::{Sentence, TokenKind};

use crate::anchors::victim_follows;
use crate::clauses::Clause;
use crate::context::{bare, is_definite_or_governed, near_any, Ctx};
use crate::cues::cues;
use crate::lexicon::Need;
use crate::phrases::{phrase_at, Head, Phrase};

/// A trigger word of a clause.
#[derive(Debug, Clone)]
pub(crate) struct Trig {
    /// Token index.
    pub at: usize,
    /// PLOVER type.
    pub kind: EventType,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// The lexicon entry's conditions.
    pub needs: Vec<Need>,
    /// Where the target stands: "obj" and prepositions (the entry's frame, else the type's).
    pub frame: Vec<String>,
    /// Prepositions of a sender who acts while the subject receives (تلقى اتصالا من).
    pub sender: Vec<String>,
    /// A capture: its target is the side that held what was taken (captures.rs).
    pub held: bool,
    /// Its subject bears what it says: the target, while the speaker acts (lexicon `bears`).
    pub bears: bool,
    /// An obligation: the speaker of its clause acts, on whom its preposition governs (lexicon `owes`).
    pub owes: bool,
    /// Read as a verbal noun (its arguments are read as a noun's).
    pub noun: bool,
    /// A noun that may be the complement of a verb of its clause (dropped when the clause has
    /// a verb trigger); nouns after إثر، لدى … or marked standalone state their own event.
    pub dependent: bool,
    /// A verbal noun after إثر، لدى، خلال … (cue list `temporal`): it states its own event and is
    /// no verb of its clause (خلال لقائه نظيره: the nouns after it are not its complements).
    pub adjunct: bool,
    /// The verb of its type right after the noun that describes it (غارة جوية استهدفت مستشفى):
    /// what that verb struck is a target of the noun's event. Its token and its target positions.
    pub described_by: Option<(usize, Vec<String>)>,
    /// A verdict on an act (verdicts.rs): the act its clause's subject names.
    pub judged: Option<crate::verdicts::Verdict>,
}

/// The triggers of a clause ([`Ctx::triggers`]).
pub(crate) struct ClauseTriggers {
    /// The words that state its events.
    pub triggers: Vec<Trig>,
    /// Verbal nouns that a verb of the clause takes as its complements (وصلت سفينة محملة
    /// بالمساعدات), anchored: events of their own only when no verb of the clause states one.
    pub complements: Vec<Trig>,
}

impl Trig {
    /// The trigger of `entry` at token `at`, read as a noun or not; not dependent.
    pub(crate) fn of(at: usize, entry: &crate::lexicon::TriggerEntry, noun: bool) -> Trig {
        Trig {
            at,
            kind: entry.kind,
            mode: entry.mode.clone(),
            needs: entry.needs.clone(),
            frame: frame_of(entry),
            sender: entry.frame.as_ref().map(|f| f.sender.clone()).unwrap_or_default(),
            held: entry.frame.as_ref().is_some_and(|f| f.held),
            bears: entry.frame.as_ref().is_some_and(|f| f.bears),
            owes: entry.frame.as_ref().is_some_and(|f| f.owes),
            noun,
            dependent: false,
            adjunct: false,
            described_by: None,
            judged: None,
        }
    }
}

/// The target positions of an entry: its own frame, else its type's; "gen" when the noun's
/// genitive is its victim.
pub(crate) fn frame_of(e: &crate::lexicon::TriggerEntry) -> Vec<String> {
    match &e.frame {
        Some(f) => f
            .obj
            .then(|| "obj".to_string())
            .into_iter()
            .chain(f.on.iter().cloned())
            .chain(f.genitive_victim.then(|| "gen".to_string()))
            .chain(f.laid.then(|| "laid".to_string()))
            .chain(f.dies.then(|| "dies".to_string()))
            .chain(f.dest.iter().filter(|_| crate::types::info(e.kind).dest_target).cloned())
            .collect(),
        None => crate::types::info(e.kind).target.clone(),
    }
}

/// True when a word of tokens `lo..hi` (not `i`) is of a cue class named by a key "@class".
fn near_class(words: &[rasad_text::Word], i: usize, lo: usize, hi: usize, keys: &[String]) -> bool {
    keys.iter()
        .filter_map(|k| k.strip_prefix('@'))
        .any(|name| (lo..hi).any(|k| k != i && crate::cues::cue_word(name, words, k) == Some(true)))
}

/// True when a word governs the noun after it (في، بعد، مقابل، لأي).
pub(crate) fn governs(w: &rasad_text::Word) -> bool {
    let g = &cues().governors;
    if crate::context::imam(w) {
        return false;
    }
    // A definite noun heads no construct (في المقابل يدعو الحزب: يدعو stays a verb), unless the
    // list has it with its article (بالقرب).
    if w.seg.definite() {
        return g.has(w.key_without_conj());
    }
    g.has(bare(w)) || g.has(&w.seg.key)
}

/// Enclitic pronouns (a verbal noun that carries one has a participant: ترحيبه، رفضها).
pub(crate) const PRONOUNS: [&str; 9] = ["ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ني"];

/// How much surer than of anything else the model must be to add a word the lexicon lacks: never
/// (measured on the development set with the model of `rasad events train`: adding at margin 4
/// took event F1 from 0.662 to 0.643, at 10 to 0.661; at 20 it adds nothing).
pub const ADD_MARGIN: f32 = f32::INFINITY;

/// The margin a veto of a word with these readings needs: the largest of their types'
/// (`veto_margin` in types.toml; a type without one is never vetoed).
fn veto_margin(entries: &[crate::lexicon::TriggerEntry]) -> f32 {
    entries.iter().map(|e| crate::types::info(e.kind).veto_margin.unwrap_or(f32::INFINITY)).fold(0.0, f32::max)
}

/// The reading of a word only the model knows: its type's default frame, as a verb or a noun.
fn default_entry(t: EventType) -> &'static crate::lexicon::TriggerEntry {
    static ENTRIES: std::sync::LazyLock<Vec<crate::lexicon::TriggerEntry>> = std::sync::LazyLock::new(|| {
        EventType::ALL
            .iter()
            .map(|&kind| crate::lexicon::TriggerEntry {
                kind,
                mode: None,
                needs: Vec::new(),
                frame: None,
                verb: true,
                noun: true,
                participle: false,
                inflected_only: false,
                row: 0,
            })
            .collect()
    });
    &ENTRIES[crate::learn::class_of(t) - 1]
}

impl Ctx<'_, '_, '_> {
    /// True when the word at `i` is a trigger candidate: a word the lexicon knows, or one the
    /// trigger model's training data marked.
    pub(crate) fn candidate(&self, i: usize) -> bool {
        let w = &self.d.words[i];
        w.tok.kind == TokenKind::Arabic
            && self.mention_at[i].is_none()
            && !self.in_time[i]
            && (self.d.lexicon.lookup(w).is_some() || self.d.model.knows_stem(&w.seg.key))
    }

    /// Where the word at `i` stands, for the trigger model.
    pub(crate) fn place(&self, c: &Clause, i: usize) -> crate::learn::Place {
        let words = self.d.words;
        let prev = i.checked_sub(1).map(|k| &words[k]);
        crate::learn::Place {
            clause_start: i == c.first || (i == c.first + 1 && cues().connectors.has(words[c.first].key.as_str())),
            after_comma: prev.is_some_and(|p| p.tok.kind == TokenKind::Punct && matches!(p.tok.text, "،" | "," | "؛")),
            next_named: self.mention_at.get(i + 1).copied().flatten().is_some() || self.named(i + 1),
        }
    }

    /// The first token of a purpose phrase after the trigger (من أجل، لـ + verbal noun), which ends the agent search.
    pub(crate) fn purpose_after(&self, t: usize, hi: usize) -> usize {
        let words = self.d.words;
        (t + 1..hi)
            .find(|&k| {
                let w = &words[k];
                (bare(w) == "اجل" && k > 0 && bare(&words[k - 1]) == "من")
                    || (cues().purpose.has(bare(w))
                        && words.get(k + 1).is_none_or(|n| !cues().purpose_not_before.has(n.key.as_str()))
                        && !self.conduct_of_party(k))
                    || (w.seg.prefixes.contains(&"ل")
                        && self.mention_at[k].is_none()
                        && self.d.lexicon.lookup(w).is_some()
                        // (Not after a word of belonging: نقاط خاضعة لسيطرة قوات النظام.)
                        && !cues().belonging.has(bare(&words[k - 1])))
            })
            .unwrap_or(hi)
    }

    /// The triggers of one clause of a sentence, and the verbal nouns held back as its verbs'
    /// complements.
    pub(crate) fn triggers(&self, s: &Sentence, c: &Clause, ps: &[Phrase]) -> ClauseTriggers {
        let words = self.d.words;
        let mut found: Vec<Trig> = Vec::new();
        // Nouns a motion verb governs, held back in case the verb has no force (see below).
        let mut held: Vec<Trig> = Vec::new();
        // Triggers passed over as purposes still govern the noun after them (للمشاركة في هجوم).
        let mut last_seen: Option<(usize, EventType)> = None;
        // Where the model last vetoed a noun that still governs the next (see below).
        let mut vetoed_at: Option<usize> = None;
        // Where the clause turns into a condition or a wish (one pass, not one per word).
        let irrealis_from = (c.first..c.end).find(|&k| {
            let b = bare(&words[k]);
            cues().conditionals.has(b) || cues().modals.has(b) || self.subjunctive_an(k) || self.modal_qad(k)
        });
        // Where an accident is looked for: the clause, and for an outcome clause what it follows
        // too (ضرب زلزال … ما أسفر عن مقتل ثلاثة; the whole sentence: one more false event on the
        // development set).
        let accident_from = if c.link == crate::clauses::Link::Consequence { s.first_token } else { c.first };
        // A direct question (هل دخلت المنطقة مرحلة جديدة؟ فمن دعمهم بالمال؟) asks, it reports no event.
        let question = self.question(s);
        // Why a word of the lexicon states no event here (`RASAD_DEBUG`).
        let skip = |i: usize, why: std::fmt::Arguments| self.skip(i, why);
        for i in c.first..c.end {
            let w = &words[i];
            if w.tok.kind != TokenKind::Arabic
                || self.mention_at[i].is_some()
                || self.in_time[i]
                || self.named(i)
                || self.after_theophoric(i)
            {
                continue;
            }
            // A word inside the name of a group or an office (قوات الدعم السريع، وفد التفاوض).
            if phrase_at(ps, i).is_some_and(|p| p.first < i && matches!(p.head, Head::Group | Head::Office)) {
                continue;
            }
            // A verdict on an act its clause reports (verdicts.rs): the act is no event of its own.
            if let Some(v) = self.verdict(c, i) {
                found.retain(|t| Some(t.at) != v.judged.as_ref().and_then(|j| j.act.as_ref()).map(|a| a.at));
                last_seen = Some((i, v.kind));
                found.push(v);
                continue;
            }
            // (A particle is a word of the lexicon only where it states its event: على elsewhere
            // is a preposition, and governs nothing as a trigger would.)
            let hit = self
                .d
                .lexicon
                .lookup_trigger(w)
                .filter(|h| !h.entries.iter().all(|e| e.needs.contains(&Need::Lead)) || self.obligation_lead(ps, c, i));
            // The trigger model, where it has a say: it vetoes a lexicon word it reads as no
            // event, and adds a word the training data marked that the lexicon lacks.
            let model = self.d.model;
            let decision = (!model.is_empty() && (hit.is_some() || model.knows_stem(&w.seg.key))).then(|| {
                let mut f = Vec::new();
                crate::learn::features(words, i, self.d.lexicon, self.place(c, i), &mut f);
                model.decide(&f)
            });
            // A verb with the future's س is a commitment the speaker states (ستدعم، ستقف إلى جانب):
            // the model, which reads most futures as no event, does not veto it.
            let pledge = self.d.lexicon.future_sin(w) && hit.as_ref().is_some_and(|h| h.entries.iter().any(|e| e.verb));
            let (entries, nominal, form): (&[crate::lexicon::TriggerEntry], bool, &str) = match (&hit, decision) {
                (Some(h), Some((0, margin))) if margin >= veto_margin(h.entries) && !pledge => {
                    if *crate::extract::DEBUG {
                        eprintln!("veto {:?} @{} margin {margin:.1}", w.tok.text, w.tok.span.start);
                    }
                    // A vetoed verbal noun (or one after a purpose word or a governing word) still
                    // governs the noun after it, as a purpose passed over does (أهمية دعم الحوار: no
                    // support stated, and the dialogue is what it names); a vetoed verb does not
                    // (a light verb: فرضت قيودا، سيرت طائرات إغاثة).
                    // (Not a participle, which names people where it is no circumstantial clause:
                    // وجهت النيابة إلى المتهمين تهمة القتل.)
                    let prev = i.checked_sub(1).map(|k| &words[k]);
                    let act = h.entries.iter().any(|e| e.noun || e.verb);
                    if act && (h.nominal || prev.is_some_and(|p| governs(p) || cues().purpose.has(bare(p)))) {
                        last_seen = h.entries.first().map(|e| (i, e.kind));
                        vetoed_at = Some(i);
                    }
                    continue;
                }
                // A verb form after a word that governs a noun is a verbal noun (مقابل رفع الحصار).
                (Some(h), _) => {
                    // (…and so is one right after an indefinite event noun of another type, its
                    // genitive: تهمة قتل المتظاهرين; one of the same type describes it, غارة قتلت.)
                    let genitive_of = i > c.first && {
                        let p = &words[i - 1];
                        !p.seg.definite()
                            && p.seg.suffixes.is_empty()
                            && self
                                .d
                                .lexicon
                                .lookup(p)
                                .is_some_and(|ph| ph.nominal && !ph.entries.iter().any(|e| h.entries.iter().any(|x| x.kind == e.kind)))
                    };
                    let nominal = (h.nominal && !self.verb_with_pronoun(ps, c, i, h))
                        || (i > 0 && governs(&words[i - 1]))
                        || (h.entries.iter().any(|e| e.noun) && crate::roles::light_object(words, ps, c.first, i))
                        || genitive_of
                        || crate::verbal_nouns::joined_to_governed_noun(words, self.d.lexicon, i, c.first);
                    (h.entries, nominal, h.form)
                }
                (None, Some((class, margin))) if class != 0 && margin >= ADD_MARGIN => match crate::learn::type_of(class) {
                    Some(t) => (std::slice::from_ref(default_entry(t)), is_definite_or_governed(words, i), w.seg.key.as_str()),
                    None => continue,
                },
                _ => continue,
            };
            // طالب إيران بوقف تدخلها، دعا إلى أن يوقف، هدد بقصف المدينة: what is asked for (after
            // the ب، إلى or على that opens it) has not happened.
            // (Not the إلى of a type whose إلى is where it goes: زيارة عمل إلى قطر … لقاء مع.)
            let opens_ask = |k: usize, kind: EventType| {
                let w = &words[k];
                w.seg.prefixes.contains(&"ب")
                    || match bare(w) {
                        "الي" => !crate::types::info(kind).dest_target,
                        b => matches!(b, "علي" | "حول" | "بشان"),
                    }
            };
            // (The noun right after it is its genitive only when it has no article: الاجتماع ثمّن
            // is a meeting, then a verb.)
            let asks_at = |k: usize, kind: EventType| {
                (i == k + 1 && !words[k].seg.definite()) || (i - k <= 8 && (k + 1..=i).any(|j| opens_ask(j, kind)))
            };
            // (Also after a word that asks but states no event itself: يدعو إلى اغتيال after a
            // noun, حرض على اغتيال in a headline.)
            let asked_act = found.last().is_some_and(|l| crate::types::info(l.kind).asks && asks_at(l.at, l.kind))
                || self.asking_word_before(c, i).is_some_and(|(k, kind)| asks_at(k, kind));
            if asked_act {
                last_seen = entries.first().map(|e| (i, e.kind));
                skip(i, format_args!("asked act {:?}", entries[0].kind));
                continue;
            }
            // The first reading whose conditions hold (فتح المعبر CONCEDE، فتح النار ASSAULT).
            let holds = |entry: &crate::lexicon::TriggerEntry| {
                entry.needs.iter().all(|need| match need {
                    // … or the definite noun after a verb of occurrence (تم الاتفاق، جرت المفاوضات).
                    // …or the parties it is between (عن معارك بين الحوثيين والمقاومة).
                    Need::Lead => self.obligation_lead(ps, c, i),
                    Need::Indefinite => !words[i].seg.definite(),
                    Need::Verbal => {
                        !is_definite_or_governed(words, i)
                            || self.occurred(c, i)
                            || (crate::types::info(entry.kind).material && self.parties_after(ps, c, i))
                    }
                    // Wide enough for a long subject between verb and object (وقع الرئيسان … اتفاقا).
                    // A key "@class" stands for a cue class (@armed, @censure).
                    Need::Near(keys) => {
                        let (lo, hi) = (i.saturating_sub(15).max(s.first_token), (i + 16).min(s.end_token));
                        near_any(words, i, 15, s.first_token, s.end_token, keys) || near_class(words, i, lo, hi, keys)
                    }
                    // (Past a long subject: ووصف … في كلمة بالجامعة …، النظام الإيراني بأنه "قمعي").
                    Need::After(keys) => {
                        let hi = (i + 31).min(s.end_token);
                        near_any(words, i, 30, i + 1, hi, keys) || near_class(words, i, i + 1, hi, keys)
                    }
                    // @accidents: not in a clause that names an accident (مقتل شخص في حادث سير).
                    Need::Unless(keys) => {
                        let accident = keys.iter().any(|k| k == "@accidents") && self.names_accident(accident_from, c.end);
                        !near_any(words, i, 3, s.first_token, s.end_token, keys) && !accident
                    }
                    // The preposition after it, and no object pronoun on it (حققته = achieved it); a
                    // noun's pronoun is its owner when what must follow is a preposition (سيطرته على
                    // البلدة), not when it is the noun's kind (حملة اعتقالات).
                    Need::Next(keys) => {
                        let preposition = nominal && keys.iter().all(|k| cues().target_preps.has(k) || cues().locatives.has(k));
                        (near_any(words, i, 4, i + 1, s.end_token, keys)
                            || preposition && crate::context::preposition_with_pronoun_after(words, i, 4, s.end_token, keys))
                            && (preposition || !w.seg.suffixes.iter().any(|x| PRONOUNS.contains(x)))
                    }
                    Need::UnlessNext(keys) => !(i + 1 < s.end_token && near_any(words, i, 1, i + 1, i + 2, keys)),
                    Need::UnlessPrev(keys) => !(i > s.first_token && near_any(words, i, 1, i - 1, i, keys)),
                    Need::UnlessAfter(keys) => !near_any(words, i, 16, i + 1, s.end_token, keys),
                    Need::UnlessBefore(keys) => !near_any(words, i, 5, s.first_token, i, keys),
                    Need::Counted => {
                        (i.saturating_sub(8).max(s.first_token)..(i + 16).min(s.end_token)).any(|k| self.quantity_at[k].is_some())
                    }
                    Need::PartyObject => self.party_object(ps, c, i),
                    Need::PersonType(..) | Need::Standalone | Need::Force => true,
                })
            };
            // (A definite word is a noun: a row of its noun holds before one of the verb that shares
            // its letters, القبض after ألقى before قبض على.)
            let noun_first = w.seg.definite().then(|| entries.iter().find(|e| e.noun && holds(e))).flatten();
            let Some(entry) = noun_first.or_else(|| {
                entries.iter().find(|e| holds(e) && (e.verb || e.noun || self.circumstantial(c, i) || self.bears_predicate(c, i, e)))
            }) else {
                if *crate::extract::DEBUG {
                    // Which condition failed, per reading: the first need that does not hold.
                    let why: Vec<String> = entries
                        .iter()
                        .map(|e| {
                            let failed =
                                e.needs.iter().find(|n| !holds(&crate::lexicon::TriggerEntry { needs: vec![(*n).clone()], ..e.clone() }));
                            let what = failed
                                .map_or(if e.verb || e.noun { "?" } else { "participle not as a hal" }.to_string(), |n| format!("{n:?}"));
                            format!("{:?} {}", e.kind, what.chars().take(40).collect::<String>())
                        })
                        .collect();
                    skip(i, format_args!("no reading holds: {}", why.join("; ")));
                }
                continue;
            };
            // A condition states no event (إذا ما طلب النظام ذلك، لو تدخلت، على أن تقوم), nor does
            // what أن with the subjunctive wants (أصروا على أن تنسحب، طالب بأن يتم الإفراج).
            if irrealis_from.is_some_and(|k| k < i) {
                skip(i, format_args!("irrealis {:?}", entry.kind));
                continue;
            }
            // (…nor the verbal noun that is the subject of what it would bring about: رفض الاتفاق
            // سيفتح الباب أمام الحرب.)
            if self.hypothetical_subject(i, c.end) {
                skip(i, format_args!("hypothetical {:?}", entry.kind));
                continue;
            }
            if question {
                skip(i, format_args!("question {:?}", entry.kind));
                continue;
            }
            // Idioms and other senses: ضرب مثالا، بحث عن، تراجع المؤشر، وصل المنتخب.
            if self.d.lexicon.negated_phrase(words, i, form) {
                skip(i, format_args!("idiom {:?}", entry.kind));
                continue;
            }
            // A verbal noun that names a kind of vehicle (طائرة شحن، طائرات نقل، سفينة إنزال; طائرة
            // مساعدات still carries aid).
            if i > 0 && cues().vehicle_kinds.has(bare(&words[i])) && cues().vehicles.has(bare(&words[i - 1])) {
                skip(i, format_args!("vehicle kind {:?}", entry.kind));
                continue;
            }
            // (Not by a vetoed noun across إثر، لدى، عقب …, which make it an event of its own: الوزير
            // بطرس حرب إثر لقائه.)
            let across_temporal = i > 0 && cues().temporal.has(bare(&words[i - 1]));
            // (An adverbial of manner or a count of acts between counts for nothing: أدان بأشد
            // العبارات الهجوم على …، نفذت القوات سلسلة هجمات على …)
            let counts = |pt: usize| (pt + 1..i).filter(|&k| self.counts_acts(k, i + 1)).count();
            let gap = |pt: usize| i - pt - crate::context::manner_tokens(words, pt + 1, i) - counts(pt);
            // (A comma between ends it: الاتفاق، التقى السفير.)
            let comma = |pt: usize| (pt + 1..i).any(|k| crate::context::is_comma(&words[k]));
            let governed_by_prev = last_seen
                .is_some_and(|(pt, _)| gap(pt) <= 3 && !(across_temporal && vetoed_at == Some(pt)) && !comma(pt))
                && (nominal || is_definite_or_governed(words, i));
            // A verb right after a kept noun of its own type describes that noun (غارات استهدفت، هجوم يستهدف).
            let attributive = !nominal && found.last().is_some_and(|l| l.kind == entry.kind && i - l.at <= 2);
            if attributive {
                // The noun it describes states an event of its own (تعزيزات جديدة أرسلت إلى …).
                if let Some(l) = found.last_mut() {
                    l.dependent = false;
                    l.described_by = Some((i, frame_of(entry)));
                }
                skip(i, format_args!("attributive {:?}", entry.kind));
                continue;
            }
            // Only a trigger that stands (or a purpose passed over) governs the noun after it.
            let governor = last_seen;
            last_seen = Some((i, entry.kind));
            let prev = (i > s.first_token).then(|| &words[i - 1]);
            let prev_key = prev.map(bare).unwrap_or("");
            let after_addition = matches!(prev_key, "اضافه" | "بالاضافه");
            // Purpose phrases: ل + verbal noun (للدفاع، لمساعدة), بهدف …, unless ل marks the passive
            // after تعرض or follows إضافة ("in addition to").
            let lam = w.seg.prefixes.contains(&"ل");
            let passive_lam = crate::verbal_nouns::after_sufferer(words, s.first_token, i, crate::types::info(entry.kind).victims);
            // (Read as a noun only: a bare ومنع may be the verb, and reading it as the noun cost the
            // held-out set arguments.)
            let joined_purpose = nominal && crate::verbal_nouns::joined_to_purpose(words, self.d.lexicon, i, s.first_token);
            if (lam || joined_purpose) && !passive_lam && !after_addition {
                skip(i, format_args!("purpose ل {:?}", entry.kind));
                continue;
            }
            // من أجل X, and لا بد من X (what must be done, not what was); the predicate of an aim
            // (الهدف هو حشد المقاتلين، هدفها الأول السيطرة على).
            // (Or right after it: هدفهم منع الأكراد من …)
            let aim_word = |k: usize| matches!(bare(&words[k]), "الهدف" | "هدفها" | "هدفه" | "هدفهم" | "الغايه");
            let aim = (i > 0 && aim_word(i - 1))
                || (i.saturating_sub(3)..i.saturating_sub(1)).any(aim_word) && (matches!(prev_key, "هو" | "هي") || words[i].seg.definite());
            let two_words = aim
                || i >= 2
                    && ((bare(&words[i - 2]) == "من" && prev_key == "اجل")
                        || (matches!(bare(&words[i - 2]), "بد" | "لابد") && prev_key == "من"));
            if cues().purpose.has(prev_key) || two_words {
                skip(i, format_args!("purpose word {:?}", entry.kind));
                continue;
            }
            // The genitive of a head that names a file, a document, a cost, an outcome or the news
            // of it (ملف المصالحة، مذكرة التفاهم، كلفة جولة، نتائج اللقاءات، خبر مقتل): what is
            // spoken of, no act of its own. The head stands in a construct: no article.
            let topic_head =
                prev.is_some_and(|p| !p.seg.definite() && (cues().topics.has(prev_key) || cues().topics.has(p.seg.base_key())));
            if topic_head {
                skip(i, format_args!("topic of a head noun {:?}", entry.kind));
                continue;
            }
            // The complement of a purpose or of another verbal noun (لتبرير قصف، ترجمة دعمهم).
            // (Not the noun after تعرض ل itself: تعرضت دورية للجيش | لهجوم.)
            // (A definite or named one after ل is whom it is directed at: وجهت النيابة للبرنس تهمة.)
            if nominal
                && prev.is_some_and(|p| {
                    p.seg.prefixes.contains(&"ل")
                        && p.tok.kind == TokenKind::Arabic
                        && !p.seg.definite()
                        && !cues().kana.has(bare(p))
                        && !p.key_without_conj().starts_with("لل")
                })
                && self.mention_at[i - 1].is_none()
                && !after_addition
                && !(lam && passive_lam)
            {
                skip(i, format_args!("complement of a purpose {:?}", entry.kind));
                continue;
            }
            // "أي هجوم": any attack, none in particular.
            if matches!(prev_key, "اي" | "لاي" | "باي") {
                skip(i, format_args!("any {:?}", entry.kind));
                continue;
            }
            // لم يصل، لن تنسحب، عدم مشاركة: the event is read, and marked as not having happened.
            // A particle keeps its و when the segmenter leaves it whole (ولم، ولن).
            let unjoined = |k: &'_ str| k.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() >= 2).unwrap_or(k).to_string();
            let negated = cues().negations.has(&unjoined(prev_key))
                || (i >= 2
                    && matches!(unjoined(bare(&words[i - 2])).as_str(), "لم" | "لن")
                    && words[i - 1].tok.kind == TokenKind::Arabic
                    && words[i - 1].key.len() <= 6);
            // لم يقم أي رئيس بزيارة، دون أن ينجح في طرد المسلحين: the negation of the light verb
            // or of the verb of managing negates its noun.
            let light_negated = nominal
                && (s.first_token.max(i.saturating_sub(6))..i).any(|k| {
                    let b = bare(&words[k]);
                    let before = |n: usize| k.checked_sub(n).filter(|&j| j >= s.first_token).map(|j| unjoined(bare(&words[j])));
                    (crate::roles::is_light_verb(b) || cues().enablers.has(b))
                        && k > s.first_token
                        && (matches!(before(1).as_deref(), Some("لم" | "لن" | "لا"))
                            || matches!(before(1).as_deref(), Some("ان")) && matches!(before(2).as_deref(), Some("دون" | "بدون")))
                });
            if (negated || light_negated) && !self.exceptive(s, i) {
                self.negated.borrow_mut().push(i);
            }
            // An imperfect verb in a relative clause describes (التي تساندها، ومن يدعمه), as does one after
            // مما, a prospect of what came before (مما يهدد بانتخابات مبكرة), and so does
            // one right after an indefinite noun inside its clause, an adjectival clause (ضد كل عمل
            // إرهابي يستهدف أمنها، لفراغ يهدد استقرار البلد; not a headline's طائرات تقصف).
            // (A perfect may open with ت or ن too: تقدمت، تسللوا، نفذت end as perfects do.)
            let perfect_ending = w.tok.text.ends_with('ت') || w.tok.text.ends_with("وا");
            let imperfect =
                matches!(w.key_without_conj().chars().next(), Some('ي' | 'ت' | 'ن')) && w.seg.prefixes.is_empty() && !perfect_ending;
            // (Not the subject of إن or أن: إن مسلحين تسللوا، بأن طائرات حربية تقصف.)
            let after_complementizer = (c.first..i.saturating_sub(1)).rev().take(3).any(|k| cues().complementizers.has(bare(&words[k])));
            // (Nor the subject a sentence opens with, a noun and its adjectives: a headline's
            // متطرفون يهود يحرقون رضيعا، قوات خاصة تقتحم سجنا.)
            let opening_subject = || {
                c.first == s.first_token
                    && (c.first..i).all(|k| {
                        let b = bare(&words[k]);
                        self.indefinite_noun(&words[k], k)
                            && ![&cues().locatives, &cues().target_preps, &cues().quantifiers, &cues().negations].iter().any(|cl| cl.has(b))
                    })
            };
            // (A preposition's pronoun is no noun: في تصريح له | تضامن الإمارات.)
            let describes = i >= c.first + 2
                && !after_complementizer
                && prev.is_some_and(|p| self.indefinite_noun(p, i - 1) && !cues().preposition_pronouns.has(bare(p)))
                && !opening_subject();
            // (An accusation is one all the same: واشنطن التي تتهم النظام بشن الهجمات.)
            let relative = cues().relatives.has(prev_key) && !crate::types::info(entry.kind).claims;
            if !nominal && imperfect && (relative || matches!(unjoined(prev_key).as_str(), "من" | "ما" | "مما") || describes) {
                skip(i, format_args!("describes {:?}", entry.kind));
                continue;
            }
            // A verb of what was done during an event of its type before it (زيارة إلى القاهرة أجرى
            // خلالها مباحثات، زار الوزير بغداد التقى خلالها) tells that event, which keeps its doer.
            let during = i + 1 < c.end && cues().during.has(bare(&words[i + 1]));
            if !nominal && during && found.iter().any(|t| t.kind == entry.kind) {
                skip(i, format_args!("during its noun's event {:?}", entry.kind));
                continue;
            }
            // اتهمت إيران إسرائيل بشن غارة، اتهام المحكمة للرئيس بارتكاب جرائم: the act an accusation
            // names is what the accuser claims, the content of the ACCUSE event and no event of its
            // own (a coder codes the accusation; what the text reports as fact is found where it
            // does). Also after an accusing word that states no event itself (التي تتهم، اتهام …).
            // (On the development set such acts matched no required event: 16 false events.)
            if self.accused_content(s, i, nominal) {
                last_seen = Some((i, entry.kind));
                skip(i, format_args!("accused act {:?}", entry.kind));
                continue;
            }
            // A noun of violence that names its victims as an outcome (أسفر الهجوم عن مقتل جنديين، أدى
            // القصف إلى إصابة مدنيين) is read even after a trigger of its type: the clause's events
            // join, the victims with them. (Any noun that names victims: 3 more false events on the
            // development set.)
            // (…or counts them bare and its joined noun names them: عن مقتل 10 وإصابة 20 من عناصر داعش.)
            let gen = frame_of(entry).iter().any(|f| f == "gen");
            let names_victims = matches!(prev_key, "عن" | "الي")
                && nominal
                && (victim_follows(ps, entry.kind, i, gen) || (gen && self.joined_victims(ps, c, i, entry.kind).is_some()));
            // (Nor the act a subject suffered after تعرض ل: تعرضت قافلة مساعدات لهجوم.)
            if governed_by_prev && !names_victims && !(lam && passive_lam) {
                skip(i, format_args!("governed by the trigger before {:?} at {:?}", entry.kind, governor));
                // A motion verb that may turn out to have no force (وصلت سفينة محملة بالمساعدات)
                // holds the noun back as its complement, not for good.
                let forceable =
                    governor.and_then(|(pt, _)| found.iter().find(|t| t.at == pt)).is_some_and(|t| t.needs.contains(&Need::Force));
                if nominal && forceable && governor.is_some_and(|(_, k)| k != entry.kind) {
                    held.push(Trig { dependent: true, ..Trig::of(i, entry, nominal) });
                }
                continue;
            }
            // One event for adjacent triggers of one type (وصلت تعزيزات، تعزيزات … تصل).
            if found.last().is_some_and(|l| l.kind == entry.kind && i - l.at <= 3) && !names_victims {
                skip(i, format_args!("adjacent of its type {:?}", entry.kind));
                continue;
            }
            // …but after منذ or قبل it dates something else (منذ تحرير المدينة): no report.
            if nominal && cues().since.has(prev_key) && !(i >= 2 && bare(&words[i - 2]) == "من") {
                skip(i, format_args!("time reference {:?}", entry.kind));
                continue;
            }
            // A verbal noun after إثر، لدى، عقب … is an event of its own (إثر هجوم، لدى وصوله).
            let temporal = cues().temporal.has(prev_key);
            let adjunct = temporal || entry.needs.contains(&Need::Standalone);
            // …and a noun of victims before it, of its type, is what it caused (إصابة خمسة مدنيين
            // جراء القصف): it states the event too, one with its cause.
            if adjunct && nominal && crate::types::info(entry.kind).victims {
                if let Some(l) = found.last_mut().filter(|l| l.kind == entry.kind && l.noun && i - l.at <= 8) {
                    l.dependent = false;
                }
            }
            // (A noun of an act with victims that a verb striking something describes, past its
            // adjectives: هجوما صاروخيا طال مدرسة، قصف عنيف أصاب مبنى; the verb is no trigger.)
            let described_by = (nominal && crate::types::info(entry.kind).victims)
                .then(|| self.striking_verb_after(i, c.end))
                .flatten()
                .map(|v| (v, frame_of(entry)));
            found.push(Trig {
                dependent: nominal && !after_addition && !adjunct && self.claimed(i).is_none(),
                adjunct: nominal && temporal,
                described_by,
                ..Trig::of(i, entry, nominal)
            });
        }
        // Other verbal nouns in a clause that reports with a verb are that verb's complements.
        // (A noun after خلال، لدى … is no verb of the clause for the noun a statement states after
        // عن: أعرب الرئيس خلال لقائه نظيره عن دعمه, with أعرب vetoed by the model, states support.)
        let mut complements = Vec::new();
        if found.iter().any(|t| !t.dependent) {
            let verb = found.iter().any(|t| !t.dependent && !t.adjunct);
            let stated = |t: &Trig| t.at > 0 && bare(&words[t.at - 1]) == "عن";
            (found, complements) = found.into_iter().partition(|t| !t.dependent || (!verb && stated(t)));
            for t in &complements {
                skip(t.at, format_args!("complement of the clause's verb {:?}", t.kind));
            }
        }
        complements.extend(held);
        // A verbal noun alone (a headline, a nominal clause) states an event only when something
        // anchors it: a participant, a place, a date or a number near it (غارات جوية على أحياء
        // حلب); bare nouns of a statement (تعزيز الدور، الدعم السياسي) state none.
        let anchored = |tr: &Trig| {
            let keep = !tr.dependent
                || self.anchored(ps, c, tr.at, tr.kind)
                // (…or a verb after it that strikes something: هجوما صاروخيا طال مدرسة.)
                || tr.described_by.is_some()
                || victim_follows(ps, tr.kind, tr.at, tr.frame.iter().any(|f| f == "gen"));
            if !keep {
                skip(tr.at, format_args!("unanchored noun {:?}", tr.kind));
            }
            keep
        };
        found.retain(anchored);
        complements.retain(anchored);
        ClauseTriggers { triggers: found, complements }
    }

    /// The nearest word among the eight tokens before `i` in its clause that asks, with the type it
    /// asks as, whether or not it states an event there: an entry of a type that `asks`
    /// (types.toml) whose conditions only exclude (دعا، يدعو، طالب، حث، حرض; not وقع near=اتفاق,
    /// which is "happened" otherwise).
    fn asking_word_before(&self, c: &Clause, i: usize) -> Option<(usize, EventType)> {
        let words = self.d.words;
        let asks = |e: &&crate::lexicon::TriggerEntry| {
            crate::types::info(e.kind).asks && (e.verb || e.noun) && e.needs.iter().all(Need::only_excludes)
        };
        (c.first.max(i.saturating_sub(8))..i)
            .rev()
            .find_map(|k| self.d.lexicon.lookup(&words[k]).and_then(|h| h.entries.iter().find(asks)).map(|e| (k, e.kind)))
    }

    /// True when sentence `s` is a direct question: its first Arabic word is an interrogative of
    /// the cues (هل، لماذا، كيف، من، ما …, with و or ف) and a question mark (؟ or ?) ends it or
    /// its last clause. Headlines and interview questions ask; an event in them is no report.
    fn question(&self, s: &Sentence) -> bool {
        let words = &self.d.words[s.first_token..s.end_token];
        let Some(first) = words.iter().find(|w| w.tok.kind == TokenKind::Arabic) else { return false };
        let asks = |w: &rasad_text::Word| w.tok.text.contains(['؟', '?']);
        // (The analyzer leaves و and ف on a word of two letters: وهل، فمن.)
        let k = bare(first);
        let interrogative = |k: &str| cues().interrogatives.has(k);
        (interrogative(k) || k.strip_prefix(['و', 'ف']).is_some_and(interrogative)) && words.iter().rev().take(3).any(asks)
    }

    /// True when a word or a pair of words of tokens `first..end` is an accident of the cues (حادث
    /// سير، تصادم، زلزال): its dead and wounded are no victims of an attack.
    fn names_accident(&self, first: usize, end: usize) -> bool {
        let words = self.d.words;
        let acc = &cues().accidents;
        let keys = |k: usize| [bare(&words[k]), words[k].seg.key.as_str()];
        (first..end).any(|k| {
            keys(k)
                .iter()
                .any(|a| acc.has(a) || (acc.may_start(a) && k + 1 < end && keys(k + 1).iter().any(|b| acc.has(&format!("{a} {b}")))))
        })
    }

    /// True when token `k` is أن (or ان, or the conditional إن) before an imperfect verb: a
    /// wish, a demand or a condition, not a fact (أن تقوم، وأن ينسحب، بأن يتم، من المتوقع ان
    /// يزور; بعد أن قصفت and أن القوات تتقدم are facts).
    fn subjunctive_an(&self, k: usize) -> bool {
        let words = self.d.words;
        // Most words are not أن at all: at most four letters ending in ن, seen without a copy.
        let letters = crate::context::letters(words[k].tok.text);
        if letters.clone().count() > 4 || letters.clone().next_back() != Some('ن') {
            return false;
        }
        let t: String = letters.collect();
        let t = t.trim_start_matches(['و', 'ف']);
        let Some(n) = words.get(k + 1) else { return false };
        // (After a temporal conjunction the verb tells what happened: قبل أن يشتبك المقاتلون; not
        // in a wish or a plan, يجب التحرك قبل أن يقتل النظام المزيد.)
        if k > 0 && cues().temporal_an.has(bare(&words[k - 1])) {
            let c = cues();
            let wished = words[k.saturating_sub(12)..k - 1].iter().any(|w| {
                let b = bare(w);
                c.modals.has(b) || c.conditionals.has(b) || c.future.has(b)
            });
            if !wished {
                return false;
            }
        }
        let imperfect = n.tok.kind == TokenKind::Arabic
            && n.seg.prefixes.is_empty()
            && matches!(n.tok.text.chars().next(), Some('ي' | 'ت' | 'ن'))
            && (cues().auxiliaries.has(bare(n)) || self.d.lexicon.lookup(n).is_some_and(|h| !h.nominal));
        // Written without its hamza, ان before an imperfect verb is أن (إنّ takes a noun or a
        // pronoun), or the conditional إن: a wish or a condition either way.
        matches!(t, "أن" | "بأن" | "ان" | "بان" | "إن") && imperfect
    }

    /// True when word `w` at `k` is an indefinite noun or adjective: Arabic, without ال or a
    /// clitic, not a verb, a name or a mention.
    pub(crate) fn indefinite_noun(&self, w: &rasad_text::Word, k: usize) -> bool {
        w.tok.kind == TokenKind::Arabic
            && w.seg.prefixes.is_empty()
            && self.mention_at[k].is_none()
            && !self.named(k)
            && !cues().speech_verbs.has(bare(w))
            && self.d.lexicon.lookup(w).is_none_or(|h| h.nominal)
            && !matches!(bare(w), "قد" | "لا" | "لم" | "لن" | "ما" | "كان" | "كانت" | "لقد" | "انه" | "انها" | "ان" | "بات" | "باتت")
            && !cues().pronouns.has(bare(w))
    }

    /// True when token `k` is قد before an imperfect verb: a possibility (ما قد يهدد، قد يؤدي إلى),
    /// not the قد of a past fact (قد قصفت، كان قد يئس).
    pub(crate) fn modal_qad(&self, k: usize) -> bool {
        let words = self.d.words;
        if !matches!(bare(&words[k]), "قد" | "وقد") {
            return false;
        }
        words.get(k + 1).is_some_and(|n| {
            n.tok.kind == TokenKind::Arabic
                && n.seg.prefixes.is_empty()
                && !n.seg.definite()
                && n.tok.text.chars().count() >= 3
                // Only ي: form V perfects open with ت (كانت قد تعرضت لهجوم) and form I ones may open
                // with ن (قد نفذت، قد نشرت): past facts.
                && n.tok.text.starts_with('ي')
        }) && !k.checked_sub(1).is_some_and(|p| matches!(bare(&words[p]), "كان" | "كانت" | "كانوا" | "يكون" | "تكون"))
    }
}

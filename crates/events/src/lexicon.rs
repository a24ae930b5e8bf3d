//! The trigger lexicon (data/triggers.tsv) and the light verb stemmer that finds inflections.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use rasad_model::EventType;
use rasad_text::{match_key, FormNote, FormSlot, Word};

/// Errors in the trigger lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A line does not have the five columns.
    #[error("line {line}: expected {expected} tab-separated columns, found {found}")]
    Columns {
        /// Line number.
        line: usize,
        /// Columns expected.
        expected: usize,
        /// Columns found.
        found: usize,
    },
    /// An unknown PLOVER type.
    #[error("triggers line {line}: {kind} is not a PLOVER type")]
    Type {
        /// Line number.
        line: usize,
        /// The bad type.
        kind: String,
    },
    /// A malformed condition.
    #[error("triggers line {line}: bad condition {cond}")]
    Condition {
        /// Line number.
        line: usize,
        /// The bad condition.
        cond: String,
    },
}

/// A condition on a trigger.
#[derive(Debug, Clone, PartialEq)]
pub enum Need {
    /// Use another type (and its PLOVER mode, when given) when the agent is a person or an
    /// official: `person=CONSULT/visit` (وصل الوزير), `person=ACCUSE/criticize/own` (هاجم الرئيس
    /// خصومه). With `/own` only the word's own subject or genitive counts, never a party carried
    /// from elsewhere.
    PersonType(EventType, Option<String>, bool),
    /// Only when one of these match keys is within a few tokens.
    Near(Vec<String>),
    /// Not when one of these match keys is within 3 tokens.
    Unless(Vec<String>),
    /// Only when one of these match keys is among the 4 tokens after the word (the preposition that
    /// takes its object: حقق في، حققت النيابة مع) and the word has no object pronoun (حققته).
    Next(Vec<String>),
    /// Not when the word right after it (its object or genitive) is one of these match keys:
    /// يهدد الأمن، تهديد الاستقرار name a risk, not a threat.
    UnlessNext(Vec<String>),
    /// Not when the word right before it is one of these match keys: a verb of dying after a
    /// relative pronoun of persons describes victims named before (الضحايا الذين قتلوا في التفجير،
    /// أبناؤها الذين استشهدوا), whose event the text states elsewhere.
    UnlessPrev(Vec<String>),
    /// Not when one of these match keys is among the 16 tokens after it in its sentence (a
    /// prayer's words well after دعا: ودعا نائب الرئيس الله تعالى أن يتغمد الشهداء برحمته).
    UnlessAfter(Vec<String>),
    /// Not when one of these match keys is among the 5 tokens before the word in its sentence:
    /// what an attack struck (استهدف تجمعا للمدنيين، غارات على تجمعات وتمركزات المسلحين) is no
    /// rally or deployment of its own.
    UnlessBefore(Vec<String>),
    /// Only when one of these match keys (or a word of a cue class, @censure) is among the 16
    /// tokens after the word in its sentence: what a verb of judging says of its object (اعتبر
    /// القرار استفزازا، وصفه بالخطير), not a word of the kind before it (التنظيم الإرهابي … يعتبر).
    After(Vec<String>),
    /// Only as a verb or bare noun, not in a definite or prepositional phrase.
    Verbal,
    /// Only opening its clause (past إن، أن and a conjunction), with a party right after it and
    /// then أن or the act asked for: an obligation laid on that party (وعلى الحكومة وقف الانهيار،
    /// إن على إيران أن تكف; not على الأرض، على الأقل). See `obligation.rs`.
    Lead,
    /// Only with a number in its sentence, up to 8 tokens before or 15 after it: a toll states
    /// its event by its count (بلغت حصيلة القتلى 20 قتيلا; not أكد المصدر حصيلة الضحايا).
    Counted,
    /// A noun that states its own event even beside a verb (فرقت الشرطة مظاهرة).
    Standalone,
    /// Only when its object, past its subject, is a named party (a name, a group or an office)
    /// with ب right after it: a description of a party blames it (وصف غولد إيران بأنها قوة لعدم
    /// الاستقرار; not وصف الوزير العلاقات بأنها متميزة). See `objects.rs`.
    PartyObject,
    /// Only with an armed force: an armed or state actor, or a word of the `armed` cues near it
    /// (دخلت القوات البلدة; not وصل الطبيب، تعزيز العلاقات). Checked after `person=`.
    Force,
    /// Only without the article: a verbal noun whose definite form is an adjective (محاصرة
    /// المدينة, a siege; المدينة المحاصرة, besieged).
    Indefinite,
}

impl Need {
    /// True for a condition that only excludes contexts (unless…, verbal): an entry whose
    /// conditions all exclude names its type wherever no exclusion applies (اتهم، دعا، طالب; not
    /// an entry that needs a word near it, as وقع near=اتفاق).
    pub fn only_excludes(&self) -> bool {
        matches!(
            self,
            Need::Unless(_)
                | Need::UnlessNext(_)
                | Need::UnlessPrev(_)
                | Need::UnlessAfter(_)
                | Need::UnlessBefore(_)
                | Need::Verbal
                | Need::Indefinite
        )
    }
}

/// Where a trigger's arguments stand (the `frame` column).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frame {
    /// The direct object is the target.
    pub obj: bool,
    /// Prepositions (match keys) whose phrase is the target, the partner's included.
    pub on: Vec<String>,
    /// Prepositions of the destination (where forces go).
    pub dest: Vec<String>,
    /// Prepositions of the content (what is claimed or asked: اتهم X بـ).
    pub content: Vec<String>,
    /// Prepositions of the sender: its phrase acts and the subject receives (تلقى اتصالا من).
    pub sender: Vec<String>,
    /// The noun's genitive suffered the event, never did it (مقتل الجنود، إصابة ثلاثة جنود).
    pub genitive_victim: bool,
    /// A capture: its target is the side that held what was taken, never the place (captures.rs).
    pub held: bool,
    /// Its subject bears what it says and is the target; the speaker who says so acts (إن حماس
    /// تتحمل المسؤولية: the speaker blames Hamas).
    pub bears: bool,
    /// An obligation a speaker lays on the party its `on` preposition governs (قال الوزير إن على
    /// إيران أن تكف، يجب على الحكومة الإفراج عن المعتقلين): the speaker of its clause acts, and
    /// without one (the writer's own voice: ويتعين على اليونان سداد القرض) it states no event.
    pub owes: bool,
    /// It lays its object on the party its `on` preposition governs (حمّل المسؤولية للحكومة، إلى
    /// زعيم الحركة): an object of cue list `burdens` and its genitive are no target.
    pub laid: bool,
    /// Its subject met it, whoever is named (استشهد القيادي في غارة، لقي العقيد مصرعه برصاص
    /// قناص): the subject is the victim and the agent is marked after it, never the subject.
    pub dies: bool,
}

/// One lexicon entry (one form of one row).
#[derive(Debug, Clone)]
pub struct TriggerEntry {
    /// PLOVER type.
    pub kind: EventType,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Conditions.
    pub needs: Vec<Need>,
    /// The row's frame; `None` for the type's default (data/types.toml).
    pub frame: Option<Frame>,
    /// The form is a verb lemma.
    pub verb: bool,
    /// The form is a verbal noun or plural.
    pub noun: bool,
    /// The form is an active participle (داعيا، مطالبين).
    pub participle: bool,
    /// The form counts only inflected (!عبر).
    pub inflected_only: bool,
    /// The line of `triggers.tsv` the entry comes from (its lemma: حذر and يحذر share it).
    pub row: u32,
}

/// A lexicon hit on a word.
#[derive(Debug, Clone)]
pub struct Hit<'l> {
    /// The entries of the form, in file order: the first whose conditions hold is the reading.
    pub entries: &'l [TriggerEntry],
    /// The entry the word's shape reads (the first entry).
    pub entry: &'l TriggerEntry,
    /// True when the word is read as a noun (a verbal noun or plural), not a verb.
    pub nominal: bool,
    /// The lexicon form (match key) the word was found under.
    pub form: &'l str,
}

/// A negative phrase (negatives.tsv): its words' match keys and the place of the blocked word.
#[derive(Debug, Clone)]
struct Negative {
    keys: Vec<String>,
    at: usize,
    /// For a phrase of one word: whether it is written with a hamza (هنا "here" has none, هنأ
    /// "congratulated" has one, and both have the key هنا).
    hamza: Option<bool>,
}

/// True when a written form holds a hamza letter.
fn has_hamza(text: &str) -> bool {
    text.chars().any(|c| matches!(c, 'أ' | 'إ' | 'ؤ' | 'ئ' | 'ء' | 'آ'))
}

/// The trigger lexicon: form key → entries; negative phrases by their blocked word.
#[derive(Debug)]
pub struct Lexicon {
    /// Form (match key) → its place in `lists`.
    map: HashMap<String, u32>,
    /// Each form with its entries, in the order first listed.
    lists: Vec<(String, Vec<TriggerEntry>)>,
    negatives: HashMap<String, Vec<Negative>>,
    /// Unique in the process: what the per-thread memo is keyed by (an address could be reused
    /// by a later lexicon).
    id: usize,
}

static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);

fn plover(kind: &str) -> Option<EventType> {
    // Exactly as PLOVER writes it: the file is data the team keeps tidy.
    kind.parse::<EventType>().ok().filter(|t| t.as_str() == kind)
}

static BUILTIN: LazyLock<std::sync::Arc<Lexicon>> = LazyLock::new(|| {
    // Validated by a test; a failure here is a build defect, not bad input.
    Lexicon::parse(include_str!("../data/triggers.tsv"))
        .and_then(|mut l| {
            l.add_negatives(include_str!("../data/negatives.tsv"))?;
            Ok(l)
        })
        .map(std::sync::Arc::new)
        .unwrap_or_else(|e| panic!("the built-in trigger lexicon (crates/events/data/triggers.tsv, negatives.tsv) is invalid: {e}"))
});

/// Where the blocked word stands in a negative phrase, which may show it inflected (تراجعت الأسهم
/// blocks تراجع، الدقيقة القاتلة blocks قتل): the word equal to it, else one containing it, else
/// one with its letters in order, else one sharing its first two letters.
fn blocked_at(words: &[String], blocked: &str) -> Option<usize> {
    let subsequence = |w: &str| {
        let mut it = w.chars();
        blocked.chars().all(|c| it.any(|x| x == c))
    };
    let prefix2 = |w: &str| {
        let w = w.strip_prefix("ال").unwrap_or(w);
        w.chars().take(2).eq(blocked.chars().take(2))
    };
    words
        .iter()
        .position(|w| w == blocked)
        .or_else(|| words.iter().position(|w| w.contains(blocked)))
        .or_else(|| words.iter().position(|w| subsequence(w)))
        // An imperfect of a verb with a hamzat wasl (يستهدف of استهدف).
        .or_else(|| blocked.strip_prefix('ا').and_then(|b| words.iter().position(|w| w.contains(b))))
        .or_else(|| words.iter().position(|w| prefix2(w)))
}

fn keys(list: &str) -> Vec<String> {
    // @armed names a class of data/cues.toml (any word of it counts), kept as written.
    list.split('|').filter(|x| !x.is_empty()).map(|x| if x.starts_with('@') { x.to_string() } else { match_key(x) }).collect()
}

fn parse_needs(line: usize, col: &str) -> Result<Vec<Need>, LexiconError> {
    if col == "-" {
        return Ok(vec![]);
    }
    col.split(';')
        .map(|c| {
            let bad = || LexiconError::Condition { line, cond: c.into() };
            Ok(match c {
                "verbal" => Need::Verbal,
                "indefinite" => Need::Indefinite,
                "lead" => Need::Lead,
                "counted" => Need::Counted,
                "standalone" => Need::Standalone,
                "force" => Need::Force,
                "party_object" => Need::PartyObject,
                _ if c.starts_with("person=") => {
                    let mut parts = c[7..].split('/');
                    let t = plover(parts.next().unwrap_or_default()).ok_or_else(bad)?;
                    let mode = parts.next().filter(|m| !m.is_empty()).map(str::to_string);
                    let own = match parts.next() {
                        None => false,
                        Some("own") => true,
                        Some(_) => return Err(bad()),
                    };
                    Need::PersonType(t, mode, own)
                }
                // A class named with @ must be one a condition may use (a typo would match nothing).
                _ if c.split('|').any(|k| k.split_once('@').is_some_and(|(_, n)| !crate::cues::CONDITION_CLASSES.contains(&n))) => {
                    return Err(bad())
                }
                _ if c.starts_with("near=") => Need::Near(keys(&c[5..])),
                _ if c.starts_with("unless=") => Need::Unless(keys(&c[7..])),
                _ if c.starts_with("unless_after=") => Need::UnlessAfter(keys(&c[13..])),
                _ if c.starts_with("unless_before=") => Need::UnlessBefore(keys(&c[14..])),
                _ if c.starts_with("after=") => Need::After(keys(&c[6..])),
                _ if c.starts_with("unless_next=") => Need::UnlessNext(keys(&c[12..])),
                _ if c.starts_with("unless_prev=") => Need::UnlessPrev(keys(&c[12..])),
                _ if c.starts_with("next=") => Need::Next(keys(&c[5..])),
                _ => return Err(bad()),
            })
        })
        .collect()
}

fn parse_frame(line: usize, col: &str) -> Result<Option<Frame>, LexiconError> {
    if col == "-" {
        return Ok(None);
    }
    let mut f = Frame::default();
    for part in col.split(',').map(str::trim) {
        let bad = || LexiconError::Condition { line, cond: part.into() };
        match part.split_once('=') {
            None if part == "obj" => f.obj = true,
            None if part == "gen" => f.genitive_victim = true,
            None if part == "held" => f.held = true,
            None if part == "bears" => f.bears = true,
            None if part == "owes" => f.owes = true,
            None if part == "laid" => f.laid = true,
            None if part == "dies" => f.dies = true,
            Some(("on" | "partner", p)) => f.on.extend(keys(p)),
            Some(("dest", p)) => f.dest.extend(keys(p)),
            Some(("content", p)) => f.content.extend(keys(p)),
            Some(("sender", p)) => f.sender.extend(keys(p)),
            Some(("from" | "instr", _)) => {}
            _ => return Err(bad()),
        }
    }
    Ok(Some(f))
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> &'static std::sync::Arc<Lexicon> {
        &BUILTIN
    }

    /// Parses and validates a lexicon file (see the header of `data/triggers.tsv`).
    pub fn parse(tsv: &str) -> Result<Lexicon, LexiconError> {
        let mut map: HashMap<String, u32> = HashMap::default();
        let mut lists: Vec<(String, Vec<TriggerEntry>)> = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            let line_no = n + 1;
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("verbs\t") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 8 {
                return Err(LexiconError::Columns { line: line_no, expected: 8, found: cols.len() });
            }
            let kind = plover(cols[3]).ok_or_else(|| LexiconError::Type { line: line_no, kind: cols[3].into() })?;
            let mode = (cols[4] != "-").then(|| cols[4].to_string());
            let frame = parse_frame(line_no, cols[5])?;
            let needs = parse_needs(line_no, cols[6])?;
            for (col, role) in [(cols[0], 0), (cols[1], 1), (cols[2], 2)] {
                for form in col.split('|').filter(|f| *f != "-" && !f.is_empty()) {
                    let (form, inflected_only) = match form.strip_prefix('!') {
                        Some(f) => (f, true),
                        None => (form, false),
                    };
                    let key = match_key(form);
                    let at = *map.entry(key.clone()).or_insert_with(|| {
                        lists.push((key, Vec::new()));
                        (lists.len() - 1) as u32
                    });
                    let list = &mut lists[at as usize].1;
                    // The same row may list a form twice (a verb that is also its noun): one entry.
                    let e = match list.iter_mut().find(|e| e.kind == kind && e.mode == mode && e.needs == needs) {
                        Some(e) => e,
                        None => {
                            list.push(TriggerEntry {
                                kind,
                                mode: mode.clone(),
                                needs: needs.clone(),
                                frame: frame.clone(),
                                verb: false,
                                noun: false,
                                participle: false,
                                inflected_only,
                                row: line_no as u32,
                            });
                            list.last_mut().expect("just pushed")
                        }
                    };
                    e.verb |= role == 0;
                    e.noun |= role == 1;
                    e.participle |= role == 2;
                }
            }
        }
        Ok(Lexicon { map, lists, negatives: HashMap::default(), id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed) })
    }

    /// Adds the negative phrases of a file (see the header of `data/negatives.tsv`).
    pub fn add_negatives(&mut self, tsv: &str) -> Result<(), LexiconError> {
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("phrase\t") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 4 {
                return Err(LexiconError::Columns { line: n + 1, expected: 4, found: cols.len() });
            }
            let words: Vec<String> = cols[0].split_whitespace().map(match_key).collect();
            let blocked = match_key(cols[1].trim());
            let at = blocked_at(&words, &blocked)
                .ok_or(LexiconError::Condition { line: n + 1, cond: format!("{} is not in the phrase", cols[1]) })?;
            // A verb's phrase under its row's other verb forms too (أطلق عليه اسم blocks يطلق عليه
            // اسم); a noun's phrase under the noun only, and so is a phrase of one word (توجهات: that
            // word, not its row).
            let rows: Vec<u32> = if words.len() < 2 {
                Vec::new()
            } else {
                self.get(&blocked).map(|l| l.iter().filter(|e| e.verb).map(|e| e.row).collect()).unwrap_or_default()
            };
            let mut forms: Vec<String> =
                self.lists.iter().filter(|(_, l)| l.iter().any(|e| e.verb && rows.contains(&e.row))).map(|(f, _)| f.clone()).collect();
            if !forms.contains(&blocked) {
                forms.push(blocked);
            }
            let hamza = (words.len() == 1).then(|| has_hamza(cols[0]));
            for f in forms {
                self.negatives.entry(f).or_default().push(Negative { keys: words.clone(), at, hamza });
            }
        }
        Ok(())
    }

    /// True when the trigger word at `i` stands in a negative phrase (ضرب مثالا، بحث عن، تراجع
    /// المؤشر); `form` is the lexicon form it was found under.
    pub fn negated_phrase(&self, words: &[Word], i: usize, form: &str) -> bool {
        let w = &words[i];
        let heads = [form, w.key_without_conj(), w.seg.key.as_str(), w.seg.base.as_str()];
        let fits = |k: usize, key: &str| {
            words.get(k).is_some_and(|x| {
                let plain = key.strip_prefix("ال").unwrap_or(key);
                [x.key.as_str(), x.key_without_conj(), x.seg.key.as_str(), x.seg.base.as_str()].iter().any(|f| *f == key || *f == plain)
            })
        };
        heads.iter().filter_map(|h| self.negatives.get(*h)).flatten().any(|neg| {
            let Some(start) = i.checked_sub(neg.at) else { return false };
            // A phrase of one word is that word as written, not its inflections nor a word of its
            // key with another hamza (هنا "here" blocks neither هنأت nor هنّأ "congratulated").
            if let Some(hamza) = neg.hamza {
                return fits(i, &neg.keys[0]) && has_hamza(w.tok.text) == hamza;
            }
            neg.keys.iter().enumerate().all(|(q, key)| q == neg.at || fits(start + q, key))
        })
    }

    /// Every form in the lexicon (for the segmenter's known words).
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.lists.iter().map(|(f, _)| f.as_str())
    }

    /// The forms of [`Lexicon::forms`] and the other persons of each imperfect verb (يتهم → تتهم،
    /// نتهم), for the segmenter's known words: a verb whose last letters look like a pronoun is
    /// otherwise split wrongly after the conjunction (وتتهم read as وتت + هم, not و + تتهم).
    pub fn segmenter_forms(&self) -> impl Iterator<Item = String> + '_ {
        self.lists.iter().flat_map(|(f, list)| {
            let imperfect = list.iter().any(|e| e.verb) && f.starts_with('ي') && f.chars().count() >= 3;
            let persons = imperfect.then(|| ['ت', 'ن'].map(|p| format!("{p}{}", &f['ي'.len_utf8()..])));
            std::iter::once(f.clone()).chain(persons.into_iter().flatten())
        })
    }

    /// Number of forms.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The entry for a word: its own forms first, then inflections found by the light verb stemmer.
    /// Memoized per thread by the word's shared analysis (the word as written, not its match key:
    /// تقدمة and تقدمه share a key but not a segmentation), since the answer depends on the word alone.
    /// A particle that states an event only where its trigger condition holds (على with `lead`)
    /// is no entry here: the clause splitter and the readers of verbs see a preposition; see
    /// [`Lexicon::lookup_trigger`].
    pub fn lookup(&self, w: &Word) -> Option<Hit<'_>> {
        self.lookup_trigger(w).filter(|h| !h.entries.iter().all(|e| e.needs.contains(&Need::Lead)))
    }

    /// True when `w` carries the future's س: a prefix the segmenter found that is not the first
    /// letter of the lexicon verb the word is (ستقصف → قصف is future; سيطروا → سيطر is not).
    pub fn future_sin(&self, w: &Word) -> bool {
        w.seg.prefixes.contains(&"س") && !self.lookup_trigger(w).is_some_and(|h| h.form.starts_with('س'))
    }

    /// [`Lexicon::lookup`], particles included: what the trigger reader looks up.
    pub fn lookup_trigger(&self, w: &Word) -> Option<Hit<'_>> {
        let h = self.lookup_memo(w)?;
        // A form written with tanween (قابلاً، قصفًا) is a noun or a participle (داعياً), never a
        // finite verb: a verb-only reading goes, a form that is also a noun is read as one.
        let tanween = w.tok.text.chars().any(|c| matches!(c, '\u{064B}' | '\u{064C}' | '\u{064D}'));
        if tanween && !h.nominal && !h.entries.iter().any(|e| e.participle) {
            return h.entries.iter().any(|e| e.noun).then_some(Hit { nominal: true, ..h });
        }
        Some(h)
    }

    fn lookup_memo(&self, w: &Word) -> Option<Hit<'_>> {
        let info = w.shared();
        // The reading depends on the form alone: kept beside the form's analysis, for the first
        // lexicon that reads the form (the built-in one, in the binary).
        let note = info.memo(*SLOT, |_| FormNote { bits: self.note_bits(w), ..FormNote::default() });
        if note.bits >> 32 == self.id as u64 {
            return self.hit_of(note.bits);
        }
        // Another lexicon's note (tests build several): the per-thread memo.
        // The entry holds the analysis, so its address names this word form while the entry lives.
        let addr = std::sync::Arc::as_ptr(info) as usize;
        let id = self.id;
        let cached = MEMO.with(|m| {
            let m = m.borrow();
            if m.0 == id {
                m.1.get(&addr).map(|(_, bits)| *bits)
            } else {
                None
            }
        });
        if let Some(bits) = cached {
            return self.hit_of(bits);
        }
        let bits = self.note_bits(w);
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            // Bounded, and letting go of the analyses the analysis memo has dropped.
            let generation = rasad_text::memo_generation();
            if m.0 != id || m.1.len() > 200_000 || m.2 != generation {
                m.0 = id;
                m.1.clear();
                m.2 = generation;
            }
            m.1.insert(addr, (std::sync::Arc::clone(info), bits));
        });
        self.hit_of(bits)
    }

    /// A word's reading packed in a number: this lexicon's id in the high 32 bits, then the place
    /// of its form in `lists` plus one (0: no entry) and, lowest, whether it reads as a noun.
    fn note_bits(&self, w: &Word) -> u64 {
        let found = self.lookup_entry(w).and_then(|(form, nominal)| self.map.get(&form).map(|&i| (i, nominal)));
        (self.id as u64) << 32 | found.map_or(0, |(i, nominal)| (u64::from(i) + 1) << 1 | u64::from(nominal))
    }

    /// The hit that [`Lexicon::note_bits`] packed.
    fn hit_of(&self, bits: u64) -> Option<Hit<'_>> {
        let at = ((bits & 0xFFFF_FFFF) >> 1) as usize;
        let (form, entries) = self.lists.get(at.checked_sub(1)?)?;
        Some(Hit { entries, entry: &entries[0], nominal: bits & 1 == 1, form })
    }

    /// The entries of a form (match key).
    fn get(&self, form: &str) -> Option<&Vec<TriggerEntry>> {
        self.map.get(form).map(|&i| &self.lists[i as usize].1)
    }

    /// True when the lexicon form `c` (a match key: حث، يحث) has a verb entry.
    pub fn is_verb(&self, c: &str) -> bool {
        self.get(c).is_some_and(|l| l.iter().any(|e| e.verb))
    }

    fn lookup_entry(&self, w: &Word) -> Option<(String, bool)> {
        let nounish = w.seg.definite()
            || w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل" | "ك"))
            || w.seg.suffixes.iter().any(|s| matches!(*s, "ه" | "ها" | "هم" | "هما" | "هن"));
        // A nisba adjective of a verbal noun describes, it states nothing (الأسلحة الانفجارية، القدرات
        // الهجومية، الاحتجاجية): only the whole form may be an entry (اتفاقية).
        let nisba = w.seg.suffixes.iter().any(|s| matches!(*s, "ي" | "يه" | "ية"));
        for c in bare_candidates(w) {
            if nisba && c == w.seg.key && c != w.seg.base_key() {
                continue;
            }
            if let Some(list) = self.get(&c) {
                let e = &list[0];
                // (…unless written with the hamza the bare word lacks: هنأ "congratulated", هنا "here".)
                if e.inflected_only && !e.noun && !has_hamza(w.tok.text) {
                    continue;
                }
                // Forms no verb takes, for an entry that is only a verb: the article the segmenter
                // took off (الطريق الرابط: an adjective or a noun; verbs that open with ال keep it
                // in the form: التقى، التزم); ين، ون، ان on a perfect (هاتفين "chanting" is no form
                // of هاتف "phoned"); ب or ك before it (توسع بحذر "cautiously"), unless the letter
                // is the verb's own (بحث، كشف).
                if list.iter().all(|e| !e.noun && !e.participle) {
                    let article = w.seg.definite() && !c.starts_with("ال");
                    let plural = w.seg.suffixes.iter().any(|s| matches!(*s, "ين" | "ون" | "ان")) && !c.starts_with('ي');
                    let prep = w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ك")) && !w.key_without_conj().starts_with(c.as_str());
                    if article || plural || prep {
                        continue;
                    }
                }
                // A participle is read as a verb (its clause's subject acts).
                let noun = list.iter().any(|e| e.noun);
                let verb = list.iter().any(|e| e.verb || e.participle);
                return Some((c, noun && (!verb || nounish)));
            }
        }
        // A pronoun ه the segmenter took for a folded ة (دعمه read as one noun "دعمة"): the text
        // writes ه, not ة, so the verbal noun before it is the entry (جدد الملك دعمه للحكومة).
        let written_ha = crate::context::letters(w.tok.text).next_back() == Some('ه') && w.seg.suffixes.is_empty();
        if let Some(c) = w.seg.key.strip_suffix('ه').filter(|c| written_ha && c.chars().count() >= 3) {
            if self.get(c).is_some_and(|l| l.iter().any(|e| e.noun)) {
                return Some((c.to_string(), true));
            }
        }
        if nounish && !w.seg.suffixes.iter().any(|s| matches!(*s, "ه" | "ها" | "هم" | "هما" | "هن")) {
            // A perfect of a verb that opens with ال is no definite noun (التقت، التزمت، التقوا →
            // التقى، التزم): its ال is the verb's own, the ending a perfect's. So is a perfect of
            // one that opens with ل or ب, which the segmenter read as a preposition (لاحقوا، لوحت،
            // بايعوا → لاحق، لوح، بايع).
            let whole = w.key_without_conj();
            let verb_of = |c: &str| c.starts_with("ال") && self.is_verb(c);
            let own_letter = |c: &str| !w.seg.definite() && c.starts_with(['ل', 'ب']) && c.chars().count() >= 3 && self.is_verb(c);
            return ["ت", "تا", "وا"]
                .iter()
                .filter_map(|suf| whole.strip_suffix(suf))
                .flat_map(|r| [r.to_string(), format!("{r}ي")])
                .find(|c| w.seg.definite() && verb_of(c) || own_letter(c))
                .map(|c| (c, false));
        }
        // Endings no verb takes: a nisba or my (ي، ية: وزارتي), a feminine dual (تين، تان:
        // ناسفتين).
        let sufs = w.seg.suffixes;
        if sufs.iter().any(|s| matches!(*s, "ي" | "يه" | "ية"))
            || (w.seg.key.ends_with('ت') && sufs.iter().any(|s| matches!(*s, "ين" | "ان")))
        {
            // …except the ي of a defective verb's imperfect after the person prefix ت or ن
            // (تستدعي، تلتقي، نلتقي → يستدعي، يلتقي): the letter is the verb's own.
            let whole = w.key_without_conj();
            let imperfect = whole.strip_prefix(['ت', 'ن']).filter(|r| r.ends_with('ي') && r.chars().count() >= 3).map(|r| format!("ي{r}"));
            return imperfect.filter(|c| self.is_verb(c)).map(|c| (c, false));
        }
        // A defective perfect writes its ى as ا before an object pronoun (التقاه، استدعاها → التقى،
        // استدعى).
        let object = w.seg.suffixes.iter().any(|s| matches!(*s, "ه" | "ها" | "هم" | "هما" | "هن"));
        let whole = w.key_without_conj();
        let defective = ["هما", "هم", "هن", "ها", "ه"]
            .iter()
            .filter_map(|p| whole.strip_suffix(p)?.strip_suffix('ا'))
            .map(|r| format!("{r}ي"))
            .filter(|c| object && c.chars().count() >= 4);
        // (ب and ك are prepositions, no verb's clitics, unless the letter is the verb's own:
        // بصفته is no form of صفى; بايعوه is بايع's.)
        let prep = w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ك"));
        for c in defective.chain(inflected_candidates(w)) {
            if self.is_verb(&c) && (!prep || whole.starts_with(c.trim_end_matches(['ى', 'ي']))) {
                return Some((c, false));
            }
        }
        None
    }
}

type Memo = (usize, rustc_hash::FxHashMap<usize, (std::sync::Arc<rasad_text::WordInfo>, u64)>, u64);

/// The form slot where the first lexicon to read a word form keeps its reading.
static SLOT: LazyLock<FormSlot> = LazyLock::new(FormSlot::claim);

thread_local! {
    /// Word (by the address of its shared analysis) → its reading as [`Lexicon::note_bits`] packs
    /// it, for the lexicon with the given id.
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new((0, Default::default(), 0));
}

const VERB_SUFFIXES: &[&str] = &["تما", "تم", "تن", "وا", "تا", "ون", "ان", "ين", "ت", "ا", "ن"];

fn bare_candidates(w: &Word) -> Vec<String> {
    let mut out = vec![w.seg.base_key().to_string(), w.seg.key.clone(), w.key_without_conj().to_string()];
    // ة was folded to ه in keys; a verbal noun before a pronoun shows it as ت (زيارته → زياره).
    // …and before a dual ending (غارتين، ضربتان → غاره، ضربه).
    if w.seg.suffixes.iter().any(|s| s.starts_with('ه') || matches!(*s, "نا" | "ين" | "ان")) {
        if let Some(r) = w.seg.key.strip_suffix('ت') {
            out.push(format!("{r}ه"));
        }
    }
    // An indefinite accusative shows its tanween as ا (شن هجوما، أطلق صاروخا → هجوم، صاروخ).
    // (…also when the segmenter read the noun's first letter as a clitic: كمينا as ك + مينا.)
    // (Not a pronoun's ا: مصالحها is no مصالحة.)
    let pronoun = w.seg.suffixes.iter().any(|s| matches!(*s, "ها" | "نا" | "هما" | "كما"));
    if !w.seg.definite() && !pronoun {
        for k in [w.seg.key.as_str(), w.key_without_conj()] {
            if let Some(r) = k.strip_suffix('ا').filter(|r| r.chars().count() >= 3) {
                out.push(r.to_string());
            }
        }
    }
    // A verbal noun whose own first letters are الت (التزام، التقاء، التحاق of Form VIII verbs
    // that open with ل): the segmenter read ال as the article (التزامه → ال + تزام + ه).
    if w.seg.prefixes.last() == Some(&"ال") {
        let own: Vec<String> =
            out.iter().filter(|c| c.chars().count() >= 3 && c.starts_with('ت') && !c.ends_with("ات")).map(|c| format!("ال{c}")).collect();
        out.extend(own);
    }
    out.dedup();
    out
}

/// Candidate verb lemmas: verbal suffixes removed, and the imperfect prefix ت or ن read as ي.
pub fn inflected_candidates(w: &Word) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(8);
    let push = |s: String, out: &mut Vec<String>| {
        if s.chars().count() >= 2 && !out.contains(&s) {
            out.push(s);
        }
    };
    // The whole word too: the segmenter may read a verb's first letter as a clitic (فتحت as
    // ف + تحت "and under").
    let whole = matches!(w.seg.prefixes.first(), Some(&"ف" | &"و")).then(|| w.key.clone());
    // …and a verb that opens with س read as the future's (سيطروا as س + يطروا).
    let own_sin = w.seg.prefixes.contains(&"س").then(|| w.key_without_conj().to_string());
    let seeds: Vec<String> = [w.seg.base_key().to_string(), w.seg.key.clone()].into_iter().chain(whole).chain(own_sin).collect();
    // A perfect's plural و before an object pronoun, its alif dropped (اعتقلوه، قتلوهم، دعوه،
    // اعتقلونا → اعتقلوا، قتلوا، دعا).
    // (After نا، ني، كم only a stem of three letters or more: دعونا، دعوني is "let us", an
    // imperative of ودع.)
    let speaker = w.seg.suffixes.iter().any(|s| matches!(*s, "نا" | "ني" | "كم"));
    let object =
        w.seg.suffixes.iter().any(|s| matches!(*s, "ه" | "ها" | "هم" | "هما" | "هن")) || (speaker && w.seg.key.chars().count() >= 4);
    let plural_object: &[&str] = if object { &["و"] } else { &[] };
    for s in seeds.iter() {
        for suf in VERB_SUFFIXES.iter().chain(plural_object) {
            // ن alone ends only an imperfect (يدعون → يدعو): a perfect's feminine plural (قتلن) is
            // rare in news, and it read towns as verbs (عزان → عزا). So do ون، ين، ان (يقولون،
            // تشاركين، يلتقيان): without the imperfect's prefix the word is a noun or a participle
            // (هاتفين "chanting", not هاتف "phoned").
            if matches!(*suf, "ن" | "ون" | "ين" | "ان") && !s.starts_with(['ي', 'ت', 'ن']) {
                continue;
            }
            if let Some(r) = s.strip_suffix(suf) {
                match r.chars().count() {
                    // Doubled verbs keep two letters (شنت → شن); defective verbs lose their last
                    // letter (دعت → دعا، رمت → رمي).
                    // Only perfect endings do that (دعوا، دعت; عزان is no form of عزا).
                    2 => {
                        push(r.to_string(), &mut out);
                        if matches!(*suf, "ت" | "وا" | "و" | "تا" | "تم" | "تن" | "تما") {
                            push(format!("{r}ا"), &mut out);
                            push(format!("{r}ي"), &mut out);
                        }
                    }
                    // …and so do longer defective verbs, whose ى the perfect's ت replaces
                    // (التقت → التقى، استدعت → استدعى، أجرت → أجرى).
                    n if n >= 3 => {
                        push(r.to_string(), &mut out);
                        if matches!(*suf, "ت" | "وا" | "و" | "تا" | "تم" | "تن" | "تما") {
                            push(format!("{r}ي"), &mut out);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    // The imperfect's person prefixes (ت، ن → ي) go with the imperfect's endings only: a stem
    // left by a perfect ending (ت، تم، تا …) is a perfect (نسفت → نسف, never ناسفت → ياسف).
    let mut with_prefix: Vec<String> = seeds.to_vec();
    for s in seeds.iter() {
        for suf in ["وا", "ون", "ان", "ين", "ن"] {
            if let Some(r) = s.strip_suffix(suf).filter(|r| r.chars().count() >= 3) {
                with_prefix.push(r.to_string());
            }
        }
    }
    for s in with_prefix {
        let mut cs = s.chars();
        if let Some(first) = cs.next() {
            let rest: String = cs.collect();
            if matches!(first, 'ت' | 'ن') && rest.chars().count() >= 2 {
                push(format!("ي{rest}"), &mut out);
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "lexicon_tests.rs"]
mod tests;

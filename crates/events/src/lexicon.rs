//! The trigger lexicon (data/triggers.tsv) and the light verb stemmer that finds inflections.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use rasad_model::EventType;
use rasad_text::{match_key, Word};

/// Errors in the trigger lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A line does not have the five columns.
    #[error("triggers line {line}: expected 5 tab-separated columns, found {found}")]
    Columns {
        /// Line number.
        line: usize,
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
    /// Use another type when the agent is a person or an official.
    PersonType(EventType),
    /// Only when one of these match keys is within 6 tokens.
    Near(Vec<String>),
    /// Not when one of these match keys is within 3 tokens.
    Unless(Vec<String>),
    /// Only as a verb or bare noun, not in a definite or prepositional phrase.
    Verbal,
    /// A noun that states its own event even beside a verb (فرقت الشرطة مظاهرة).
    Standalone,
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
    /// The form is a verb lemma.
    pub verb: bool,
    /// The form is a verbal noun or plural.
    pub noun: bool,
    /// The form counts only inflected (!عبر).
    pub inflected_only: bool,
}

/// A lexicon hit on a word.
#[derive(Debug, Clone)]
pub struct Hit<'l> {
    /// The entry.
    pub entry: &'l TriggerEntry,
    /// True when the word is read as a noun (a verbal noun or plural), not a verb.
    pub nominal: bool,
}

/// The trigger lexicon: form key → entry.
#[derive(Debug)]
pub struct Lexicon {
    map: HashMap<String, TriggerEntry>,
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
        .map(std::sync::Arc::new)
        .unwrap_or_else(|e| panic!("the built-in trigger lexicon (crates/events/data/triggers.tsv) is invalid: {e}"))
});

fn parse_needs(line: usize, col: &str) -> Result<Vec<Need>, LexiconError> {
    if col == "-" {
        return Ok(vec![]);
    }
    col.split(';')
        .map(|c| {
            let bad = || LexiconError::Condition { line, cond: c.into() };
            Ok(match c {
                "verbal" => Need::Verbal,
                "standalone" => Need::Standalone,
                _ if c.starts_with("person=") => Need::PersonType(plover(&c[7..]).ok_or_else(bad)?),
                _ if c.starts_with("near=") => Need::Near(c[5..].split('|').map(match_key).collect()),
                _ if c.starts_with("unless=") => Need::Unless(c[7..].split('|').map(match_key).collect()),
                _ => return Err(bad()),
            })
        })
        .collect()
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> &'static std::sync::Arc<Lexicon> {
        &BUILTIN
    }

    /// Parses and validates a lexicon file.
    pub fn parse(tsv: &str) -> Result<Lexicon, LexiconError> {
        let mut map: HashMap<String, TriggerEntry> = HashMap::default();
        for (n, line) in tsv.lines().enumerate() {
            let line_no = n + 1;
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("verbs\t") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 6 {
                return Err(LexiconError::Columns { line: line_no, found: cols.len() });
            }
            let kind = plover(cols[2]).ok_or_else(|| LexiconError::Type { line: line_no, kind: cols[2].into() })?;
            let mode = (cols[3] != "-").then(|| cols[3].to_string());
            let needs = parse_needs(line_no, cols[4])?;
            for (col, is_verb) in [(cols[0], true), (cols[1], false)] {
                for form in col.split('|').filter(|f| *f != "-" && !f.is_empty()) {
                    let (form, inflected_only) = match form.strip_prefix('!') {
                        Some(f) => (f, true),
                        None => (form, false),
                    };
                    let e = map.entry(match_key(form)).or_insert_with(|| TriggerEntry {
                        kind,
                        mode: mode.clone(),
                        needs: needs.clone(),
                        verb: false,
                        noun: false,
                        inflected_only,
                    });
                    if e.kind == kind {
                        e.verb |= is_verb;
                        e.noun |= !is_verb;
                    }
                }
            }
        }
        Ok(Lexicon { map, id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed) })
    }

    /// Every form in the lexicon (for the segmenter's known words).
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
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
    pub fn lookup(&self, w: &Word) -> Option<Hit<'_>> {
        let id = self.id;
        let info = w.shared();
        // The entry holds the analysis, so its address names this word form while the entry lives.
        let addr = std::sync::Arc::as_ptr(info) as usize;
        let hit = |v: &Option<(String, bool)>| {
            v.as_ref().and_then(|(form, nominal)| self.map.get(form).map(|entry| Hit { entry, nominal: *nominal }))
        };
        let cached = MEMO.with(|m| {
            let m = m.borrow();
            if m.0 == id {
                m.1.get(&addr).map(|(_, v)| hit(v))
            } else {
                None
            }
        });
        if let Some(h) = cached {
            return h;
        }
        let v = self.lookup_uncached(w);
        let out = hit(&v);
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            // Bounded, and letting go of the analyses the analysis memo has dropped.
            let generation = rasad_text::memo_generation();
            if m.0 != id || m.1.len() > 200_000 || m.2 != generation {
                m.0 = id;
                m.1.clear();
                m.2 = generation;
            }
            m.1.insert(addr, (std::sync::Arc::clone(info), v));
        });
        out
    }

    fn lookup_uncached(&self, w: &Word) -> Option<(String, bool)> {
        self.lookup_entry(w).map(|(form, h)| (form, h.nominal))
    }

    fn lookup_entry(&self, w: &Word) -> Option<(String, Hit<'_>)> {
        let nounish = w.seg.definite()
            || w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل" | "ك"))
            || w.seg.suffixes.iter().any(|s| matches!(*s, "ه" | "ها" | "هم" | "هما" | "هن"));
        for c in bare_candidates(w) {
            if let Some(e) = self.map.get(&c) {
                if e.inflected_only && !e.noun {
                    continue;
                }
                let nominal = e.noun && (!e.verb || nounish);
                return Some((c, Hit { entry: e, nominal }));
            }
        }
        if nounish && !w.seg.suffixes.iter().any(|s| matches!(*s, "ه" | "ها" | "هم" | "هما" | "هن")) {
            return None;
        }
        for c in inflected_candidates(w) {
            if let Some(e) = self.map.get(&c).filter(|e| e.verb) {
                return Some((c, Hit { entry: e, nominal: false }));
            }
        }
        None
    }
}

type Memo = (usize, rustc_hash::FxHashMap<usize, (std::sync::Arc<rasad_text::WordInfo>, Option<(String, bool)>)>, u64);

thread_local! {
    /// Word (by the address of its shared analysis) → (lexicon form, read as a noun), for the
    /// lexicon with the given id.
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new((0, Default::default(), 0));
}

const VERB_SUFFIXES: &[&str] = &["تما", "تم", "تن", "وا", "تا", "ون", "ان", "ين", "ت", "ا", "ن"];

fn bare_candidates(w: &Word) -> Vec<String> {
    let mut out = vec![w.seg.base_key().to_string(), w.seg.key.clone(), w.key_without_conj().to_string()];
    // ة was folded to ه in keys; a verbal noun before a pronoun shows it as ت (زيارته → زياره).
    if w.seg.suffixes.iter().any(|s| s.starts_with('ه') || *s == "نا") {
        if let Some(r) = w.seg.key.strip_suffix('ت') {
            out.push(format!("{r}ه"));
        }
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
    let seeds = [w.seg.base_key().to_string(), w.seg.key.clone()];
    for s in seeds.iter() {
        for suf in VERB_SUFFIXES {
            if let Some(r) = s.strip_suffix(suf) {
                match r.chars().count() {
                    // Doubled verbs keep two letters (شنت → شن); defective verbs lose their last
                    // letter (دعت → دعا، رمت → رمي).
                    2 => {
                        push(r.to_string(), &mut out);
                        push(format!("{r}ا"), &mut out);
                        push(format!("{r}ي"), &mut out);
                    }
                    n if n >= 3 => push(r.to_string(), &mut out),
                    _ => {}
                }
            }
        }
    }
    let mut with_prefix = out.clone();
    with_prefix.extend(seeds.iter().cloned());
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
mod tests {
    use super::*;
    use rasad_text::{analyze, tokenize, Segmenter};

    #[test]
    fn builtin_lexicon_is_valid_and_covers_every_type() {
        let lex = Lexicon::parse(include_str!("../data/triggers.tsv")).unwrap();
        assert!(lex.len() > 150);
        for t in EventType::ALL {
            assert!(lex.map.values().any(|e| e.kind == t), "no trigger for {t}");
        }
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let err = Lexicon::parse("قصف\t-\tATTACK\t-\t-\tx").unwrap_err();
        assert_eq!(err.to_string(), "triggers line 1: ATTACK is not a PLOVER type");
    }

    #[test]
    fn inflections_find_their_lemma() {
        let lex = Lexicon::builtin();
        let seg = Segmenter::new(lex.forms());
        for (word, kind) in [("دعت", "REQUEST"), ("وشنت", "ASSAULT"), ("يدعون", "REQUEST")] {
            let toks = tokenize(word);
            let w = &analyze(&toks, &seg)[0];
            assert_eq!(lex.lookup(w).map(|h| h.entry.kind.as_str()), Some(kind), "{word}");
        }
        for word in ["وصل", "وصلت", "وصلوا", "يصل", "تصل", "يصلون", "وصول", "وصوله", "ووصول", "سيصل"]
        {
            let toks = tokenize(word);
            let w = &analyze(&toks, &seg)[0];
            assert_eq!(lex.lookup(w).map(|h| h.entry.kind), Some(EventType::Mobilize), "{word}");
        }
        let toks = tokenize("الهجمات");
        let h = lex.lookup(&analyze(&toks, &seg)[0]).unwrap();
        assert_eq!((h.entry.kind, h.nominal), (EventType::Assault, true));
        let toks = tokenize("التدخل");
        assert!(lex.lookup(&analyze(&toks, &seg)[0]).is_none(), "a definite noun is not an imperfect verb");
        let toks = tokenize("عبر");
        assert!(lex.lookup(&analyze(&toks, &seg)[0]).is_none(), "bare عبر is the preposition 'via'");
        let toks = tokenize("عبروا");
        assert!(lex.lookup(&analyze(&toks, &seg)[0]).is_some());
    }
}

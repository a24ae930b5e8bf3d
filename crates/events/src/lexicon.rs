//! The trigger lexicon (data/triggers.tsv) and the light verb stemmer that finds inflections.

use std::collections::HashMap;
use std::sync::LazyLock;

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
    /// No condition.
    None,
    /// Use another type when the agent is a person or delegation.
    PersonType(&'static str),
    /// Only when one of these match keys is within 6 tokens.
    Near(Vec<String>),
    /// Only as a verb or bare noun, not in a definite or prepositional phrase.
    Verbal,
}

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct TriggerEntry {
    /// PLOVER type.
    pub kind: &'static str,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Condition.
    pub need: Need,
}

/// The trigger lexicon: lemma key → entry.
#[derive(Debug)]
pub struct Lexicon {
    map: HashMap<String, TriggerEntry>,
}

fn plover(kind: &str) -> Option<&'static str> {
    crate::PLOVER_TYPES.iter().copied().find(|t| *t == kind)
}

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    // Validated by a test; a failure here is a build defect, not bad input.
    Lexicon::parse(include_str!("../data/triggers.tsv")).unwrap_or_else(|e| panic!("built-in trigger lexicon is invalid: {e}"))
});

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// Parses and validates a lexicon file.
    pub fn parse(tsv: &str) -> Result<Lexicon, LexiconError> {
        let mut map = HashMap::new();
        for (n, line) in tsv.lines().enumerate() {
            let line_no = n + 1;
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("forms\t") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 5 {
                return Err(LexiconError::Columns { line: line_no, found: cols.len() });
            }
            let kind = plover(cols[1]).ok_or_else(|| LexiconError::Type { line: line_no, kind: cols[1].into() })?;
            let mode = (cols[2] != "-").then(|| cols[2].to_string());
            let need = match cols[3] {
                "-" => Need::None,
                "verbal" => Need::Verbal,
                c if c.starts_with("person=") => Need::PersonType(plover(&c[7..]).ok_or_else(|| LexiconError::Condition { line: line_no, cond: c.into() })?),
                c if c.starts_with("near=") => Need::Near(c[5..].split('|').map(match_key).collect()),
                c => return Err(LexiconError::Condition { line: line_no, cond: c.into() }),
            };
            for form in cols[0].split('|') {
                map.entry(match_key(form)).or_insert_with(|| TriggerEntry { kind, mode: mode.clone(), need: need.clone() });
            }
        }
        Ok(Lexicon { map })
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

    /// The entry for a word, trying the lemma candidates of the light verb stemmer in order.
    pub fn lookup(&self, w: &Word) -> Option<(&TriggerEntry, String)> {
        lemma_candidates(w).into_iter().find_map(|c| self.map.get(&c).map(|e| (e, c)))
    }
}

const VERB_SUFFIXES: &[&str] = &["تما", "تم", "تن", "وا", "تا", "ون", "ان", "ين", "ت", "ا", "ن"];

/// Candidate lemma keys for a word: its stem, its stem plus suffixes, and those with verbal
/// suffixes removed and the imperfect prefix (ت ن ا) read as ي.
pub fn lemma_candidates(w: &Word) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(8);
    let push = |s: String, out: &mut Vec<String>| {
        if s.chars().count() >= 2 && !out.contains(&s) {
            out.push(s);
        }
    };
    let stem = w.seg.key.clone();
    let base = w.seg.base_key();
    // ة was folded to ه in keys; a masdar in construct (زيارته) shows it as ت before a pronoun.
    let seeds = [base.clone(), stem.clone(), w.key_without_conj().to_string()];
    for s in seeds.iter() {
        push(s.clone(), &mut out);
    }
    for s in seeds.iter() {
        for suf in VERB_SUFFIXES {
            if let Some(r) = s.strip_suffix(suf) {
                if r.chars().count() >= 3 {
                    push(r.to_string(), &mut out);
                }
            }
        }
        if let Some(r) = s.strip_suffix('ت') {
            push(format!("{r}ه"), &mut out);
        }
    }
    let snapshot = out.clone();
    for s in snapshot {
        let mut cs = s.chars();
        if let Some(first) = cs.next() {
            let rest: String = cs.collect();
            if matches!(first, 'ت' | 'ن' | 'ا') && rest.chars().count() >= 2 {
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
        for t in crate::PLOVER_TYPES {
            assert!(lex.map.values().any(|e| e.kind == *t), "no trigger for {t}");
        }
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let err = Lexicon::parse("قصف\tATTACK\t-\t-\tx").unwrap_err();
        assert_eq!(err.to_string(), "triggers line 1: ATTACK is not a PLOVER type");
    }

    #[test]
    fn inflections_find_their_lemma() {
        let lex = Lexicon::builtin();
        let seg = Segmenter::new(lex.forms());
        for word in ["وصل", "وصلت", "وصلوا", "يصل", "تصل", "يصلون", "وصول", "وصوله", "ووصول", "سيصل"] {
            let toks = tokenize(word);
            let w = &analyze(&toks, &seg)[0];
            assert_eq!(lex.lookup(w).map(|(e, _)| e.kind), Some("MOBILIZE"), "{word}");
        }
        let toks = tokenize("الهجمات");
        assert_eq!(lex.lookup(&analyze(&toks, &seg)[0]).map(|(e, _)| e.kind), Some("ASSAULT"));
    }
}

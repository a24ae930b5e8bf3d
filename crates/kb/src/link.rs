//! The linker: finds catalogue and gazetteer names in analyzed text, robust to clitics
//! (لسوريا، بدمشق، والعراقيين، لـ«الجريدة»), spelling variants (match keys), multiword names and
//! nisba adjectives (إيراني، الإيرانيين، الروسية → the country).
//!
//! Matching is longest-first over token match keys. The first token of a name may carry
//! proclitics: it matches when the text token's key, its key without و/ف, its stem with
//! suffixes, or ال + that (when the token is definite) equals the name's first key. Later
//! tokens must match exactly. A mention that matches nothing stays unlinked.

use std::collections::HashMap;

use rasad_text::{match_key, tokenize, Span, TokenKind, Word};

use crate::catalogue::{Actor, Kb, Place};

/// How a mention was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A name or alias of the catalogue or gazetteer.
    Name,
    /// A nisba adjective or demonym (إيراني، الروسية).
    Demonym,
}

/// A linked mention in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub end: usize,
    /// Code-point span.
    pub span: Span,
    /// Index of the actor, if the mention names one.
    pub actor: Option<usize>,
    /// Index of the place, if the mention names one.
    pub place: Option<usize>,
    /// How it was recognised.
    pub kind: MentionKind,
}

#[derive(Debug, Default, Clone)]
struct Target {
    actor: Option<usize>,
    place: Option<usize>,
    weak: bool,
}

/// Lookup structures built once from the catalogue.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// First token key → (all token keys, target).
    by_first: HashMap<String, Vec<(Vec<String>, Target)>>,
    /// Nisba base (إيراني → ايران) → actor.
    demonyms: HashMap<String, usize>,
    max_len: usize,
}

fn name_keys(name: &str) -> Vec<String> {
    tokenize(name).iter().filter(|t| t.kind != TokenKind::Punct).map(|t| match_key(t.text)).collect()
}

/// Endings of nisba adjectives, longest first (ي، ية، يين، يون، يات …) in match-key form.
const NISBA_ENDINGS: &[&str] = &["يتين", "يتان", "يين", "يون", "يات", "يه", "ي"];

fn nisba_base(base_key: &str) -> Option<&str> {
    NISBA_ENDINGS.iter().find_map(|e| base_key.strip_suffix(e)).filter(|b| b.chars().count() >= 3)
}

impl Index {
    pub(crate) fn build(actors: &[Actor], places: &[Place]) -> Index {
        let mut merged: HashMap<Vec<String>, Target> = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            for n in &a.ar {
                let t = merged.entry(name_keys(n)).or_default();
                t.actor.get_or_insert(i);
            }
            for n in &a.weak {
                let t = merged.entry(name_keys(n)).or_default();
                if t.actor.is_none() {
                    t.actor = Some(i);
                    t.weak = true;
                }
            }
        }
        for (i, p) in places.iter().enumerate() {
            for n in &p.ar {
                let t = merged.entry(name_keys(n)).or_default();
                t.place.get_or_insert(i);
            }
        }
        let mut idx = Index::default();
        for (keys, target) in merged {
            if keys.is_empty() {
                continue;
            }
            idx.max_len = idx.max_len.max(keys.len());
            idx.by_first.entry(keys[0].clone()).or_default().push((keys, target));
        }
        for list in idx.by_first.values_mut() {
            list.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        }
        for (i, a) in actors.iter().enumerate() {
            for d in &a.demonyms {
                let k = match_key(d);
                if let Some(b) = nisba_base(&k) {
                    idx.demonyms.entry(b.to_string()).or_insert(i);
                }
            }
        }
        idx
    }
}

/// The forms under which the first token of a name may be found.
fn first_forms(w: &Word) -> Vec<String> {
    let mut forms = vec![w.key.clone()];
    let wc = w.key_without_conj().to_string();
    if wc != w.key {
        forms.push(wc);
    }
    if !w.seg.prefixes.is_empty() {
        let base = w.seg.base_key();
        if w.seg.definite() {
            forms.push(format!("ال{base}"));
        }
        forms.push(base);
    }
    forms.dedup();
    forms
}

fn is_open_quote(w: Option<&Word>) -> bool {
    w.is_some_and(|w| w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "«" | "“" | "\"" | "'" | "‘" | "„"))
}

fn is_close_quote(w: Option<&Word>) -> bool {
    w.is_some_and(|w| w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "»" | "”" | "\"" | "'" | "’"))
}

impl Kb {
    /// Finds linked mentions in `words`, left to right, longest first, without overlaps.
    pub fn link(&self, words: &[Word]) -> Vec<Mention> {
        let idx = &self.linker;
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            if w.tok.kind != TokenKind::Arabic && w.tok.kind != TokenKind::Latin {
                i += 1;
                continue;
            }
            let mut best: Option<(usize, Target)> = None;
            for form in first_forms(w) {
                let Some(cands) = idx.by_first.get(&form) else { continue };
                for (keys, target) in cands {
                    let n = keys.len();
                    if best.as_ref().is_some_and(|(len, _)| *len >= n) || i + n > words.len() {
                        continue;
                    }
                    if !keys[1..].iter().zip(&words[i + 1..i + n]).all(|(k, w)| *k == w.key) {
                        continue;
                    }
                    if target.weak && !(is_open_quote(i.checked_sub(1).and_then(|p| words.get(p))) || is_close_quote(words.get(i + n))) {
                        continue;
                    }
                    best = Some((n, target.clone()));
                }
            }
            if let Some((n, t)) = best {
                let span = Span::new(w.tok.span.start, words[i + n - 1].tok.span.end);
                out.push(Mention { first: i, end: i + n, span, actor: t.actor, place: t.place, kind: MentionKind::Name });
                i += n;
                continue;
            }
            if w.tok.kind == TokenKind::Arabic {
                if let Some(&a) = nisba_base(&w.seg.base_key()).and_then(|b| idx.demonyms.get(b)) {
                    out.push(Mention { first: i, end: i + 1, span: w.tok.span, actor: Some(a), place: None, kind: MentionKind::Demonym });
                }
            }
            i += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_text::{analyze, Segmenter};

    fn linked(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let kb = Kb::builtin();
        let seg = Segmenter::new(kb.name_words());
        let toks = tokenize(text);
        let words = analyze(&toks, &seg);
        kb.link(&words)
            .into_iter()
            .map(|m| {
                (rasad_text::char_slice(text, m.span), m.actor.map(|a| kb.actors[a].id.clone()), m.place.map(|p| kb.places[p].id.clone()))
            })
            .collect()
    }

    #[test]
    fn clitics_and_definiteness() {
        let l = linked("وصلوا لسوريا وبدمشق والعراق");
        assert_eq!(l[0], ("لسوريا".into(), Some("SYR".into()), Some("C-SYR".into())));
        assert_eq!(l[1].2.as_deref(), Some("P-DAMASCUS"));
        assert_eq!(l[2].1.as_deref(), Some("IRQ"));
    }

    #[test]
    fn demonyms_link_to_countries() {
        let l = linked("مقاتلون إيرانيون والعراقيين والقوات الروسية");
        assert_eq!(l[0].1.as_deref(), Some("IRN"));
        assert_eq!(l[1].1.as_deref(), Some("IRQ"));
        assert_eq!(l[2], ("والقوات الروسية".into(), Some("RUS-MIL".into()), None));
    }

    #[test]
    fn multiword_names_win_over_their_parts() {
        let l = linked("قال الحرس الثوري الإيراني إن فيلق القدس");
        assert_eq!(l[0].1.as_deref(), Some("IRN-IRGC"));
        assert_eq!(l[1].1.as_deref(), Some("IRN-QF"));
    }

    #[test]
    fn weak_aliases_need_quotes() {
        assert!(linked("دفاعا عن الوطن").is_empty());
        let l = linked("قال لـ«الجريدة» إن");
        assert_eq!(l[0].1.as_deref(), Some("ALJARIDA"));
    }

    #[test]
    fn unknown_mentions_stay_unlinked() {
        assert!(linked("وصل الوفد إلى المدينة").is_empty());
    }
}

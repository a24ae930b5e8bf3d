//! What the event reader notes once per word form rather than once per occurrence: the word's
//! closed class ([`crate::phrases::word_class`]: وزير an office, قوات a group), whether it is a
//! verb of saying in some inflection (قال، أكدت، يقولون), an adjective (السوري), a sound plural
//! of people (المتظاهرون) or a definite noun that may head a generic phrase (الكتل). Each depends
//! on the form alone (its text, key, segmentation and the cue lists of `data/cues.toml`, fixed for
//! the process), so the analysis memo of rasad-text keeps them in a [`FormSlot`] beside the form's
//! analysis, and reading one costs a load.

use std::sync::LazyLock;

use rasad_text::{FormNote, FormSlot, Word};

use crate::context::bare;
use crate::cues::cues;
use crate::phrases::Head;

static SLOT: LazyLock<FormSlot> = LazyLock::new(FormSlot::claim);

/// The low four bits: the word class (0 for none, else 1 + its place in [`HEADS`]).
const CLASS_BITS: u64 = 0xF;
/// Set when the form is a verb of saying.
const SPEECH_VERB: u64 = 1 << 4;

const HEADS: [Head; 8] = [Head::Name, Head::Place, Head::Office, Head::Group, Head::People, Head::Counterpart, Head::Pair, Head::Generic];

/// Set when the form is an adjective ([`crate::phrases::adjective`]).
const ADJECTIVE: u64 = 1 << 5;
/// Set when the form is a sound masculine plural of people that may head a phrase.
const PEOPLE_PLURAL: u64 = 1 << 6;
/// Set when the form, definite, may head a generic phrase.
const GENERIC_NOUN: u64 = 1 << 7;

fn bits(w: &Word) -> u64 {
    w.shared().memo(*SLOT, |_| FormNote { bits: compute(w), ..FormNote::default() }).bits
}

fn compute(w: &Word) -> u64 {
    let c = cues();
    let class = crate::phrases::classify(w).map_or(0, |h| 1 + HEADS.iter().position(|&x| x == h).unwrap_or(0) as u64);
    let sv = &c.speech_verbs;
    let speech = !w.seg.definite() && (sv.has(bare(w)) || crate::lexicon::inflected_candidates(w).iter().any(|x| sv.has(x)));
    let adjective = crate::phrases::adjective(w);
    let k = w.key.as_str();
    let people = crate::phrases::sound_plural_of_people(w) && !c.generic_stop.has(k);
    let generic = w.seg.definite()
        && !c.generic_stop.has(k)
        && !c.documents.has(k)
        && !c.locatives.has(bare(w))
        && !c.relatives.has(k)
        && !c.adjectives.has(k)
        && !adjective
        && w.seg.stem.chars().count() >= 3
        && !w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل" | "ك"));
    let flag = |on: bool, bit: u64| if on { bit } else { 0 };
    class | flag(speech, SPEECH_VERB) | flag(adjective, ADJECTIVE) | flag(people, PEOPLE_PLURAL) | flag(generic, GENERIC_NOUN)
}

/// The closed class of a word form (see [`crate::phrases::word_class`]), from the form's note.
pub(crate) fn word_class(w: &Word) -> Option<Head> {
    match bits(w) & CLASS_BITS {
        0 => None,
        n => HEADS.get(n as usize - 1).copied(),
    }
}

/// True when an indefinite word form is a verb of saying (cue list `speech_verbs`), as written or
/// in an inflection ([`crate::lexicon::inflected_candidates`]: أكدت، يقولون).
pub(crate) fn speech_verb(w: &Word) -> bool {
    bits(w) & SPEECH_VERB != 0
}

/// True when the form is an adjective: a listed one or a definite nisba (السوري، الحوثيين), not a
/// group, office or noun in ي (see [`crate::phrases::adjective`]).
pub(crate) fn is_adjective(w: &Word) -> bool {
    bits(w) & ADJECTIVE != 0
}

/// True when the form is a sound masculine plural that names people (المشاركون، متظاهرين) and is
/// no word of the `generic_stop` list.
pub(crate) fn people_plural(w: &Word) -> bool {
    bits(w) & PEOPLE_PLURAL != 0
}

/// True when the form is a definite noun that may head a generic phrase (الكتل السياسية): not a
/// particle, document, place noun, relative word or adjective, with a stem of three letters or
/// more and no clitic preposition. (Whether it stands in a time expression is the caller's.)
pub(crate) fn generic_noun(w: &Word) -> bool {
    bits(w) & GENERIC_NOUN != 0
}

#[cfg(test)]
mod tests {
    use rasad_text::{analyze, tokenize, Segmenter};

    #[test]
    fn the_note_gives_what_the_readers_compute() {
        let text = "قال المتحدث الإيراني إن قوات الأمن اعتقلت مدنيين وأكدت الوزارة ذلك وقال نظيره السوري";
        let toks = tokenize(text);
        let words = analyze(&toks, &Segmenter::new(std::iter::empty::<&str>()));
        for _ in 0..2 {
            for w in &words {
                assert_eq!(super::word_class(w), crate::phrases::classify(w), "{}", w.tok.text);
                assert_eq!(super::is_adjective(w), crate::phrases::adjective(w), "{}", w.tok.text);
            }
        }
        let said: Vec<&str> = words.iter().filter(|w| super::speech_verb(w)).map(|w| w.tok.text).collect();
        assert!(said.contains(&"قال") && said.contains(&"وأكدت"), "{said:?}");
    }
}

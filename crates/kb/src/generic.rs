//! Generic names of a state's forces (القوات الحكومية، الجيش النظامي): Arabic news names the
//! forces of whichever state a report is about so. A name of `data/generic_forces.tsv` links to
//! that state's forces in the catalogue (`ISO-MIL`) when more than half of the document's linked
//! places and actors (two at least; one vote a mention) are of one state that has them; otherwise
//! it stays unlinked.

use std::sync::LazyLock;

use rasad_text::Word;

use crate::index::name_keys;
use crate::kb::Kb;
use crate::link::{add_phrase_mentions, keys_at, Mention};

const TABLE: &str = include_str!("../data/generic_forces.tsv");

/// The phrases as match keys, longest first, with the suffix of the actor id.
static PHRASES: LazyLock<Vec<(Vec<String>, &'static str)>> = LazyLock::new(|| {
    let mut out: Vec<(Vec<String>, &'static str)> = TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(p, s)| (name_keys(p), s.trim()))
        .collect();
    out.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    out
});

impl Kb {
    /// Adds to `out` (linked mentions, not overlapping) the generic force names of `words` that the
    /// document's state resolves (see the module). Does nothing when no state holds half of the
    /// document's places and actors.
    pub(crate) fn link_generic_forces(&self, words: &[Word], out: &mut Vec<Mention>) {
        // One vote a mention: its place's state, else its actor's.
        let mut votes: rustc_hash::FxHashMap<&str, usize> = Default::default();
        let mut total = 0;
        for m in out.iter() {
            let state =
                m.place.map(|p| self.places[p].country.as_str()).or_else(|| m.actor.and_then(|a| self.country_of(&self.actors[a].id)));
            if let Some(s) = state.filter(|s| !s.is_empty()) {
                *votes.entry(s).or_default() += 1;
                total += 1;
            }
        }
        let Some((state, n)) = votes.into_iter().max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c))) else { return };
        if n < 2 || 2 * n <= total {
            return;
        }
        add_phrase_mentions(words, out, |i, _| {
            let (keys, suffix) = PHRASES.iter().find(|(keys, _)| keys_at(words, i, keys))?;
            self.actor_index(&format!("{state}-{suffix}")).map(|a| (keys.len(), a))
        });
    }
}

#[cfg(test)]
mod tests {
    use rasad_text::{analyze, tokenize, Segmenter};

    use crate::kb::Kb;

    fn ids(text: &str) -> Vec<(String, String)> {
        let kb = Kb::builtin();
        let seg = Segmenter::new(kb.name_words());
        let words = analyze(&tokenize(text), &seg);
        kb.link(&words)
            .into_iter()
            .filter_map(|m| m.actor.map(|a| (rasad_text::char_slice(text, m.span), kb.actors[a].id.clone())))
            .collect()
    }

    #[test]
    fn the_documents_state_names_its_government_forces() {
        let yemen = ids("اندلعت اشتباكات بين القوات الحكومية والحوثيين في مدينة تعز، وتقدمت القوات الحكومية نحو مطار عدن.");
        assert_eq!(yemen.iter().filter(|(_, id)| id == "YEM-MIL").count(), 2, "{yemen:?}");
        let syria = ids("قصفت القوات النظامية أحياء في حلب وإدلب، وقال ناشطون في دمشق إن الجيش النظامي تقدم.");
        assert_eq!(syria.iter().filter(|(_, id)| id == "SYR-MIL").count(), 2, "{syria:?}");
        // No state holds the document: left unlinked.
        let none = ids("قالت القوات الحكومية إنها ستواصل العمليات.");
        assert!(none.is_empty(), "{none:?}");
        // Two states alike: unlinked.
        let split = ids("تقدمت القوات الحكومية في مدينة تعز اليمنية، فيما وصل وفد إلى الرياض والدوحة.");
        assert!(split.iter().all(|(_, id)| !id.ends_with("-MIL")), "{split:?}");
    }
}

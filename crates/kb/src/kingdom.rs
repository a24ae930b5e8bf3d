//! «المملكة» alone (أكد أن المملكة ترفض، وصل إلى المملكة، للمملكة) names the kingdom the writer is
//! in or writes about: the one of `data/kingdoms.tsv` the document names most, by the country of
//! its linked places and actors (one vote a mention, more for one just before the word: see the
//! table), else the table's first row. The mention names the state (an actor) and its country (a
//! place), as السعودية does. A full name (المملكة المتحدة، المملكة العربية السعودية) is the
//! gazetteer's; a bare المملكة followed by a definite adjective (المملكة الأردنية، المملكة
//! الهاشمية) or after a noun of `data/kingdom_names.tsv` (برج المملكة) is left alone.

use std::sync::LazyLock;

use rasad_text::Word;

use crate::kb::Kb;
use crate::link::{Mention, MentionKind};

const TABLE: &str = include_str!("../data/kingdoms.tsv");

/// The word with its article, alone or after ب، ل (merged: للمملكة) or ك, as match keys: the
/// segmenter does not split every form of it.
const FORMS: [&str; 4] = ["المملكه", "للمملكه", "بالمملكه", "كالمملكه"];

/// (ISO3 country, gazetteer id or "-"), in the table's order.
static KINGDOMS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, id)| (c.trim(), id.trim()))
        .collect()
});

/// The match keys of the nouns that make a name of «X المملكة».
static NAME_HEADS: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("../data/kingdom_names.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| rasad_text::normalize::match_key(l.trim()))
        .collect()
});

/// How far before the word a mention counts more, in tokens.
const NEAR: usize = 15;

/// A definite word in ة/ه after the kingdom (المتحدة، الأردنية، العربية): part of a full name.
fn adjective(w: Option<&Word>) -> bool {
    w.is_some_and(|w| w.key.starts_with("ال") && w.key.ends_with('ه'))
}

impl Kb {
    /// Links each bare «المملكة» of `words` that no mention of `out` covers (see the module).
    pub(crate) fn link_kingdoms(&self, words: &[Word], out: &mut Vec<Mention>) {
        if !words.iter().any(|w| w.key.ends_with("مملكه")) {
            return;
        }
        // Each mention's kingdom (an index of the table), if it names one, in text order; and the
        // document's votes (one a mention).
        let mut named: Vec<(usize, usize, MentionKind)> = out
            .iter()
            .filter_map(|m| {
                let k = self.state_of(m).and_then(|s| KINGDOMS.iter().position(|(c, _)| *c == s))?;
                Some((m.first, k, m.kind))
            })
            .collect();
        named.sort_unstable_by_key(|n| n.0);
        let mut document = vec![0usize; KINGDOMS.len()];
        for &(_, k, _) in &named {
            document[k] += 1;
        }
        let mut added = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let name =
                i > 0 && NAME_HEADS.iter().any(|h| [words[i - 1].key_without_conj(), words[i - 1].seg.base_key()].contains(&h.as_str()));
            if !FORMS.contains(&w.key_without_conj())
                || adjective(words.get(i + 1))
                || name
                || out.iter().any(|m| m.first <= i && i < m.end)
            {
                continue;
            }
            // (Those within NEAR words before it count more: two more, four for a nisba.)
            let mut votes = document.clone();
            let lo = named.partition_point(|n| n.0 + NEAR < i);
            let hi = named.partition_point(|n| n.0 < i);
            for &(_, k, kind) in &named[lo..hi] {
                votes[k] += if kind == MentionKind::Demonym { 4 } else { 2 };
            }
            // The most named; the first row on a tie or when none is named.
            let best = (0..votes.len()).max_by_key(|&k| (votes[k], std::cmp::Reverse(k))).unwrap_or(0);
            let Some(&(state, id)) = KINGDOMS.get(best) else { continue };
            // (A kingdom the gazetteer lacks, "-", leaves the word unlinked.)
            let Some(place) = self.place_index(id) else { continue };
            let actor = self.actor_index(state);
            added.push(Mention { first: i, end: i + 1, span: w.tok.span, actor, place: Some(place), kind: MentionKind::Name });
        }
        out.extend(added);
    }
}

#[cfg(test)]
mod tests {
    use crate::kb::Kb;

    fn places(text: &str) -> Vec<(String, String)> {
        let kb = Kb::builtin();
        crate::linked_for_test(text).into_iter().filter_map(|(t, m)| m.place.map(|p| (t, kb.places[p].id.clone()))).collect()
    }

    #[test]
    fn every_row_is_a_gazetteer_country() {
        let kb = Kb::builtin();
        for (c, id) in super::KINGDOMS.iter().filter(|(_, id)| *id != "-") {
            assert_eq!(kb.place(id).map(|p| p.country.as_str()), Some(*c), "{id}");
            assert!(kb.actor(c).is_some(), "{c}");
        }
    }

    #[test]
    fn a_bare_kingdom_is_the_one_the_document_names() {
        // No kingdom named: Saudi Arabia.
        let p = places("وأكد الوزير أن المملكة ترفض أي تدخل في شؤون اليمن.");
        assert!(p.iter().any(|(t, id)| t == "المملكة" && id == "C-SAU"), "{p:?}");
        // With clitics.
        let p = places("وصل الوفد اليمني إلى المملكة أمس، وقال إن للمملكة دورا كبيرا.");
        assert_eq!(p.iter().filter(|(_, id)| id == "C-SAU").count(), 2, "{p:?}");
        // A Jordanian report: Jordan.
        let p = places("أعلن وزير الصحة الأردني تسجيل إصابات جديدة في عمان، وقال إن المملكة اتخذت إجراءات.");
        assert!(p.iter().any(|(t, id)| t == "المملكة" && id == "C-JOR"), "{p:?}");
        // Full names are the gazetteer's; a bare name followed by its adjective is left alone.
        let p = places("زار الرئيس المملكة المتحدة ثم المملكة الأردنية الهاشمية.");
        assert!(p.iter().any(|(_, id)| id == "C-GBR"), "{p:?}");
        assert!(p.iter().all(|(t, _)| t != "المملكة"), "{p:?}");
        // Another word: none.
        let p = places("تحدث الكاتب عن مملكة الحيوان.");
        assert!(p.is_empty(), "{p:?}");
        // A name: none.
        let p = places("هاجم مسلحون برج المملكة في الرياض.");
        assert!(p.iter().all(|(t, _)| t != "المملكة"), "{p:?}");
        let p = places("فاز فريق النصر بكأس المملكة.");
        assert!(p.iter().all(|(t, _)| t != "المملكة"), "{p:?}");
        // The speaker's nisba just before outweighs a kingdom named elsewhere.
        let p = places("أدان الأردن التفجير، وقالت وزارة الخارجية المغربية إن المملكة تتضامن مع فرنسا.");
        assert!(p.iter().any(|(t, id)| t == "المملكة" && id == "C-MAR"), "{p:?}");
        // A kingdom the gazetteer lacks: unlinked, not Saudi Arabia.
        let p = places("أعلنت الحكومة الإسبانية أن المملكة سترسل جنودا إلى مالي.");
        assert!(p.iter().all(|(t, _)| t != "المملكة"), "{p:?}");
    }
}

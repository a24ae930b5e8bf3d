//! Generic names of a state's forces (القوات الحكومية، الجيش النظامي) and of a war's coalition
//! (التحالف): Arabic news names the forces of whichever state a report is about so. A name of `data/generic_forces.tsv` links to
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

const BY_STATE: &str = include_str!("../data/generic_by_state.tsv");

/// Names whose referent is the document's war (`data/generic_by_state.tsv`): match keys, the
/// document's state (ISO3) and the actor id.
static BY_STATE_ROWS: LazyLock<Vec<(Vec<String>, &'static str, &'static str)>> = LazyLock::new(|| {
    BY_STATE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some((name_keys(c.next()?), c.next()?.trim(), c.next()?.trim()))
        })
        .collect()
});

impl Kb {
    /// The country a mention votes for: its place's, else its actor's (ISO3).
    pub(crate) fn state_of(&self, m: &Mention) -> Option<&str> {
        m.place.map(|p| self.places[p].country.as_str()).or_else(|| m.actor.and_then(|a| self.country_of(&self.actors[a].id)))
    }

    /// Links generic names by the document's state (see the module): adds the generic force names
    /// of `words` to `out` (linked mentions, not overlapping), and relinks a mention that is
    /// exactly a name of `data/generic_by_state.tsv` to that state's actor (التحالف in a Yemeni
    /// report: the Saudi-led coalition). Does nothing when no state holds half of the document's
    /// places and actors.
    pub(crate) fn link_generic_forces(&self, words: &[Word], out: &mut Vec<Mention>) {
        // One vote a mention: its place's state, else its actor's.
        let mut votes: rustc_hash::FxHashMap<&str, usize> = Default::default();
        let mut total = 0;
        for m in out.iter() {
            if let Some(s) = self.state_of(m).filter(|s| !s.is_empty()) {
                *votes.entry(s).or_default() += 1;
                total += 1;
            }
        }
        let Some((state, n)) = votes.into_iter().max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c))) else { return };
        if n < 2 || 2 * n <= total {
            return;
        }
        for m in out.iter_mut() {
            let row =
                BY_STATE_ROWS.iter().find(|(keys, s, _)| *s == state && m.end - m.first == keys.len() && keys_at(words, m.first, keys));
            if let Some(a) = row.and_then(|(_, _, id)| self.actor_index(id)) {
                m.actor = Some(a);
            }
        }
        add_phrase_mentions(words, out, |i, _| {
            let (keys, suffix) = PHRASES.iter().find(|(keys, _)| keys_at(words, i, keys))?;
            self.actor_index(&format!("{state}-{suffix}")).map(|a| (keys.len(), a))
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::kb::Kb;

    fn ids(text: &str) -> Vec<(String, String)> {
        let kb = Kb::builtin();
        crate::linked_for_test(text).into_iter().filter_map(|(t, m)| m.actor.map(|a| (t, kb.actors[a].id.clone()))).collect()
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
        // The coalition of the document's war.
        let yemen = ids("وشن طيران التحالف غارات على مواقع الحوثيين في صنعاء وتعز، وقال التحالف إن الغارات دمرت مخازن أسلحة في عدن.");
        assert!(yemen.iter().any(|(_, id)| id == "SAU-COALITION"), "{yemen:?}");
        assert!(yemen.iter().all(|(_, id)| id != "COALITION"), "{yemen:?}");
        let iraq = ids("وقصفت طائرات التحالف مواقع لتنظيم داعش في الموصل والرمادي، وقال التحالف إن الغارات دمرت مخازن في تكريت.");
        assert!(iraq.iter().all(|(_, id)| id != "SAU-COALITION"), "{iraq:?}");
        // The Arab coalition by its name, in any report: the longer name wins over قوات التحالف.
        let named = ids("وطالبت الهيئة قوات التحالف العربي بتقديم الدعم.");
        assert!(named.iter().any(|(_, id)| id == "SAU-COALITION") && named.iter().all(|(_, id)| id != "COALITION"), "{named:?}");
        // A name that is a force only in some wars: the resistance of a Yemeni report, none in a
        // Lebanese one; the Republican Guard of Yemen, not Syria's, in a Yemeni report.
        let yemen = ids("سيطرت المقاومة الشعبية على مدينة الضالع بعد معارك مع الحوثيين في لحج، وانسحب الحرس الجمهوري من تعز.");
        assert!(yemen.iter().any(|(_, id)| id == "YEM-RESISTANCE"), "{yemen:?}");
        assert!(yemen.iter().any(|(_, id)| id == "YEM-RG") && yemen.iter().all(|(_, id)| id != "SYR-RG"), "{yemen:?}");
        let lebanon = ids("وقالت المقاومة في بيروت إن الجيش اللبناني انتشر في صيدا وطرابلس.");
        assert!(lebanon.iter().all(|(t, _)| t != "المقاومة"), "{lebanon:?}");
        // Gunmen are the Syrian opposition in a Syrian report only.
        let syria = ids("قصفت قوات النظام مواقع المسلحين في ريف إدلب وريف حماة قرب حلب.");
        assert!(syria.iter().any(|(t, id)| t == "المسلحين" && id == "SYR-OPP"), "{syria:?}");
        let egypt = ids("قصفت البحرية المصرية مواقع المسلحين في سيناء والعريش قرب القاهرة.");
        assert!(egypt.iter().all(|(t, _)| t != "المسلحين"), "{egypt:?}");
        // Two states alike: unlinked.
        let split = ids("تقدمت القوات الحكومية في مدينة تعز اليمنية، فيما وصل وفد إلى الرياض والدوحة.");
        assert!(split.iter().all(|(_, id)| !id.ends_with("-MIL")), "{split:?}");
    }
}

//! A place the text puts inside another (شقرة في محافظة أبين، قرية الدار بريف الحسكة، مدينة سرت
//! الليبية) lies in that place's country: a link of the first to a namesake in another country is
//! dropped, and the mention stays unlinked (a gazetteer that lacks Yemen's Shaqra must not put it in
//! Deir ez-Zor).

use rasad_text::{TokenKind, Word};

use crate::kb::Kb;
use crate::link::Mention;

/// Nouns of an area that may stand between the preposition and the containing place (match keys).
const AREA_NOUNS: &[&str] = &["محافظه", "ولايه", "اقليم", "منطقه", "مديريه", "قضاء", "ريف", "مدينه", "دوله", "جمهوريه"];

impl Kb {
    /// Drops from `out` the built-gazetteer places (no actor, not curated) that the text puts inside
    /// a place of another country: `X في [محافظة] Y`، `X بمحافظة Y`، `X، محافظة Y`.
    pub(crate) fn drop_contradicted_places(&self, words: &[Word], out: &mut Vec<Mention>) {
        let place_starting = |i: usize| out.iter().find(|m| m.first == i).and_then(|m| m.place);
        let contradicted: Vec<bool> = out
            .iter()
            .map(|m| {
                let Some(p) = m.place.filter(|&p| m.actor.is_none() && !self.places[p].curated) else { return false };
                let Some(outer) = self.container_after(words, m.end).and_then(place_starting) else { return false };
                outer != p && self.places[outer].country != self.places[p].country
            })
            .collect();
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !contradicted[k - 1]
        });
    }

    /// The token where the place containing the one that ends at `end` starts, if the text says
    /// so: after في or a comma, over an area noun (بمحافظة, with its ب, too).
    fn container_after(&self, words: &[Word], end: usize) -> Option<usize> {
        let mut j = end;
        if words.get(j).is_some_and(|w| w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "،" | ",")) {
            j += 1;
        }
        let w = words.get(j)?;
        let key = w.key_without_conj();
        if key == "في" {
            j += 1;
            if words.get(j).is_some_and(|n| AREA_NOUNS.contains(&n.key.as_str())) {
                j += 1;
            }
            return Some(j);
        }
        let area = |k: &str| AREA_NOUNS.contains(&k);
        if key.strip_prefix('ب').is_some_and(area) || (j > end && area(key)) {
            return Some(j + 1);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::kb::Kb;

    fn places(text: &str) -> Vec<(String, String)> {
        let kb = Kb::builtin();
        crate::linked_for_test(text).into_iter().filter_map(|(t, m)| m.place.map(|p| (t, kb.places[p].country.clone()))).collect()
    }

    #[test]
    fn a_place_inside_another_countrys_place_is_no_namesake_there() {
        // A Syrian village's name put in Yemen's Aden governorate: unlinked.
        let got = places("سيطرت القوات على بلدة شقرة في محافظة عدن بعد معارك عنيفة.");
        assert!(got.iter().all(|(_, c)| c != "SYR"), "{got:?}");
        // A Syrian town inside a Syrian governorate keeps its link.
        let got = places("قصفت الطائرات بلدة كفرنبل في محافظة إدلب.");
        assert!(got.iter().any(|(t, c)| t == "كفرنبل" && c == "SYR"), "{got:?}");
        let got = places("قصفت الطائرات بلدة كفرنبل بريف إدلب.");
        assert!(got.iter().any(|(t, c)| t == "كفرنبل" && c == "SYR"), "{got:?}");
    }
}

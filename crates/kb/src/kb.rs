//! The knowledge base: the catalogue's actors and the gazetteer's places, with lookup by id and
//! the index the linker reads ([`Kb::link`]).

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::catalogue::{parse_gazetteer, Actor, ActorFile, KbError, Place, FEATURES};
use crate::index::Index;

/// The knowledge base: actors and places with lookup by id.
#[derive(Debug)]
pub struct Kb {
    /// All actors.
    pub actors: Vec<Actor>,
    /// All places.
    pub places: Vec<Place>,
    actor_ids: rustc_hash::FxHashMap<String, usize>,
    place_ids: rustc_hash::FxHashMap<String, usize>,
    pub(crate) linker: Index,
}

static BUILTIN: LazyLock<std::sync::Arc<Kb>> = LazyLock::new(|| {
    // The built-in files are validated by tests; a failure here is a build defect, not bad input.
    Kb::from_sources(include_str!("../data/actors.toml"), include_str!("../data/places.csv"))
        .and_then(|mut kb| {
            kb.add_gazetteer(parse_gazetteer(include_str!("../data/gazetteer.tsv"))?);
            Ok(std::sync::Arc::new(kb))
        })
        .unwrap_or_else(|e| panic!("the built-in knowledge base (crates/kb/data) is invalid: {e}"))
});

impl Kb {
    /// The catalogue and gazetteer compiled into the binary.
    pub fn builtin() -> &'static std::sync::Arc<Kb> {
        &BUILTIN
    }

    /// Loads and validates a catalogue (TOML) and a gazetteer (CSV).
    pub fn from_sources(actors_toml: &str, places_csv: &str) -> Result<Kb, KbError> {
        let actors = toml::from_str::<ActorFile>(actors_toml)?.actor;
        let mut rdr = csv::ReaderBuilder::new().comment(Some(b'#')).from_reader(places_csv.as_bytes());
        let mut places = Vec::new();
        for rec in rdr.deserialize::<Place>() {
            match rec {
                Ok(p) => places.push(p),
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    return Err(KbError::Places { line, source: e });
                }
            }
        }
        let mut actor_ids = rustc_hash::FxHashMap::default();
        for (i, a) in actors.iter().enumerate() {
            if actor_ids.insert(a.id.clone(), i).is_some() {
                return Err(KbError::Invalid(format!("duplicate actor id {}", a.id)));
            }
            if a.ar.is_empty() {
                return Err(KbError::Invalid(format!("actor {} has no Arabic name", a.id)));
            }
        }
        // A demonym (السوداني، الليبي) is a state's nisba first: a one-word name that is one may
        // only be a weak alias (quoted), or every "الجيش السوداني" would name a person.
        let nisbas: rustc_hash::FxHashSet<String> =
            actors.iter().flat_map(|a| a.demonyms.iter()).map(|d| crate::index::name_keys(d).join(" ")).collect();
        for a in &actors {
            for n in &a.ar {
                let k = crate::index::name_keys(n);
                if k.len() == 1 && nisbas.contains(k[0].strip_prefix("ال").unwrap_or(&k[0])) {
                    return Err(KbError::Invalid(format!("actor {}: name {n} is a demonym; list it under weak", a.id)));
                }
            }
        }
        for a in &actors {
            for r in a.parent.iter().chain(a.backers.iter()).chain(a.affiliation.iter()) {
                if !actor_ids.contains_key(r) {
                    return Err(KbError::Invalid(format!("actor {} refers to unknown actor {r}", a.id)));
                }
            }
            if let Some(c) = &a.country {
                if c.len() != 3 || !c.chars().all(|x| x.is_ascii_uppercase()) {
                    return Err(KbError::Invalid(format!("actor {}: country {c} is not ISO alpha-3", a.id)));
                }
            }
        }
        let mut place_ids = rustc_hash::FxHashMap::default();
        for (i, p) in places.iter().enumerate() {
            if place_ids.insert(p.id.clone(), i).is_some() {
                return Err(KbError::Invalid(format!("duplicate place id {}", p.id)));
            }
            if !(-90.0..=90.0).contains(&p.lat) || !(-180.0..=180.0).contains(&p.lon) {
                return Err(KbError::Invalid(format!("place {}: coordinates out of range", p.id)));
            }
            if !FEATURES.contains(&p.feature.as_str()) {
                return Err(KbError::Invalid(format!("place {}: unknown feature class {}", p.id, p.feature)));
            }
            if p.ar.is_empty() {
                return Err(KbError::Invalid(format!("place {} has no Arabic name", p.id)));
            }
        }
        let linker = Index::build(&actors, &places);
        Ok(Kb { actors, places, actor_ids, place_ids, linker })
    }

    /// Adds built gazetteer places (after the curated ones, which win for a shared name).
    pub fn add_gazetteer(&mut self, places: Vec<Place>) {
        for p in places {
            if self.place_ids.contains_key(&p.id) || p.ar.is_empty() {
                continue;
            }
            self.place_ids.insert(p.id.clone(), self.places.len());
            self.places.push(p);
        }
        self.linker = Index::build(&self.actors, &self.places);
    }

    /// Counts of what the knowledge base holds.
    pub fn stats(&self) -> String {
        let mut by_type: std::collections::BTreeMap<String, usize> = Default::default();
        for a in &self.actors {
            *by_type.entry(format!("{:?}", a.kind).to_lowercase()).or_default() += 1;
        }
        let mut by_feature: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
        for p in &self.places {
            let e = by_feature.entry(p.feature.as_str()).or_default();
            if p.curated {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
        let names: usize = self.actors.iter().map(|a| a.ar.len() + a.weak.len()).sum();
        let place_names: usize = self.places.iter().map(|p| p.ar.len()).sum();
        let mut s = format!("actors: {} ({} Arabic names and aliases)\n", self.actors.len(), names);
        for (t, n) in by_type {
            s.push_str(&format!("  {t:<12} {n}\n"));
        }
        s.push_str(&format!("places: {} ({} Arabic names), curated + built gazetteer:\n", self.places.len(), place_names));
        for (f, (c, g)) in by_feature {
            s.push_str(&format!("  {f:<16} {c:>4} + {g}\n"));
        }
        s.trim_end().to_string()
    }

    /// The actor with this id.
    pub(crate) fn actor_index(&self, id: &str) -> Option<usize> {
        self.actor_ids.get(id).copied()
    }

    /// The index of the place with this id.
    pub(crate) fn place_index(&self, id: &str) -> Option<usize> {
        self.place_ids.get(id).copied()
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_ids.get(id).map(|&i| &self.actors[i])
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.place_ids.get(id).map(|&i| &self.places[i])
    }

    /// Every Arabic word of every name, for the segmenter's lexicon (so لافروف is not ل + افروف).
    pub fn name_words(&self) -> Vec<String> {
        let mut set = HashSet::new();
        let names = self
            .actors
            .iter()
            // (A broken plural demonym, أمريكان، أتراك, is linked by its form without proclitics:
            // known whole, it would keep its look-alike suffix and part from its nisba in search.)
            .flat_map(|a| {
                a.ar.iter()
                    .chain(a.weak.iter())
                    .chain(a.demonyms.iter().filter(|d| crate::index::nisba_base(&rasad_text::match_key(d)).is_some()))
            })
            .chain(self.places.iter().flat_map(|p| p.ar.iter()));
        for n in names {
            for w in n.split_whitespace() {
                set.insert(rasad_text::match_key(w));
            }
        }
        // A word of a name that is a clitic plus another name word (لإيران in "موالية لإيران") must
        // not become known as a whole, or the segmenter would stop splitting it.
        let clitic_forms: Vec<String> = set
            .iter()
            .filter(|w| {
                let clitic =
                    ["ل", "ب", "و", "ف", "ك"].iter().any(|p| w.strip_prefix(p).is_some_and(|r| r.chars().count() >= 3 && set.contains(r)));
                // لل is ل + ال (للحرس is الحرس after the preposition).
                let lil = w.strip_prefix("لل").is_some_and(|r| set.contains(&format!("ال{r}")));
                clitic || lil
            })
            .cloned()
            .collect();
        for w in clitic_forms {
            set.remove(&w);
        }
        let mut v: Vec<String> = set.into_iter().collect();
        v.sort();
        v
    }

    /// The country of an actor, following parents when the actor has none of its own.
    pub fn country_of(&self, id: &str) -> Option<&str> {
        let mut cur = self.actor(id)?;
        for _ in 0..8 {
            if let Some(c) = &cur.country {
                return Some(c);
            }
            cur = self.actor(cur.parent.as_deref()?)?;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_is_valid() {
        let kb = Kb::from_sources(include_str!("../data/actors.toml"), include_str!("../data/places.csv")).unwrap();
        assert!(kb.actors.len() >= 400, "{} actors", kb.actors.len());
        assert!(kb.places.len() >= 100, "{} places", kb.places.len());
        assert_eq!(kb.actor("IRN-QF").unwrap().parent.as_deref(), Some("IRN-IRGC"));
        assert_eq!(kb.country_of("IRN-QF"), Some("IRN"));
        assert!(kb.place("P-DAMASCUS").unwrap().lat > 33.0);
        let words = kb.name_words();
        assert!(words.contains(&"ايران".to_string()) && !words.contains(&"لايران".to_string()), "clitic forms of name words stay out");
    }

    #[test]
    fn dangling_references_are_rejected() {
        let bad = "[[actor]]\nid = \"A\"\nname = \"A\"\nar = [\"ا\"]\ntype = \"state\"\nparent = \"NOPE\"\nsource = \"x\"\n";
        let err = Kb::from_sources(bad, "id,name,ar,lat,lon,feature,admin1,country\n").unwrap_err();
        assert!(err.to_string().contains("unknown actor NOPE"));
    }

    #[test]
    fn bad_coordinates_are_rejected() {
        let places = "id,name,ar,lat,lon,feature,admin1,country\nX,X,س,95,0,city,,SYR\n";
        let err = Kb::from_sources("actor = []", places).unwrap_err();
        assert!(err.to_string().contains("coordinates"));
    }
}

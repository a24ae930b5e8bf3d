//! `rasad export`: events, documents or the actor network out of the store.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Subcommand, ValueEnum};
use rasad_store::export::{EventFormat, NetworkFormat};

use crate::db::{sink, DbArg};

#[derive(Subcommand)]
pub enum ExportCmd {
    /// Events: CSV (PLOVER fields, sources, spans), ACLED-shaped CSV, JSON Lines, GeoJSON, Parquet.
    Events {
        /// Output format: csv (Rasad's columns), acled-csv (ACLED's columns and codes first, then
        /// Rasad's ids and spans), jsonl, geojson, parquet.
        #[arg(long, value_enum, default_value = "csv")]
        format: EventFormatArg,
        /// Start a CSV with a UTF-8 byte-order mark, so that Excel reads its Arabic text as UTF-8.
        #[arg(long)]
        excel: bool,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        db: DbArg,
    },
    /// Documents (JSON Lines): metadata, near-duplicate cluster and similarity, event count.
    Documents {
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        db: DbArg,
    },
    /// Contested figures (JSON Lines, one story a line): each casualty or troop figure of a
    /// story's reports with its source, and per kind the range and whether the sources disagree.
    Figures {
        /// Only the stories whose sources disagree.
        #[arg(long)]
        disagree: bool,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        db: DbArg,
    },
    /// The actor network: actors as nodes, events as typed, weighted edges.
    Network {
        /// Output format.
        #[arg(long, value_enum, default_value = "graphml")]
        format: NetworkFormatArg,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        db: DbArg,
    },
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum EventFormatArg {
    Csv,
    AcledCsv,
    Jsonl,
    Geojson,
    Parquet,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum NetworkFormatArg {
    Graphml,
    Gexf,
}

/// Runs `rasad export`.
pub fn run(cmd: ExportCmd) -> Result<ExitCode> {
    match cmd {
        ExportCmd::Events { format, excel, output, db } => {
            let store = db.open_existing()?;
            let mut out = sink(output.as_deref())?;
            let f = match format {
                EventFormatArg::Csv => EventFormat::Csv,
                EventFormatArg::AcledCsv => EventFormat::AcledCsv,
                EventFormatArg::Jsonl => EventFormat::Jsonl,
                EventFormatArg::Geojson => EventFormat::Geojson,
                EventFormatArg::Parquet => EventFormat::Parquet,
            };
            if excel && !matches!(f, EventFormat::Csv | EventFormat::AcledCsv) {
                anyhow::bail!("--excel is for the CSV formats (csv, acled-csv)");
            }
            let n = rasad_store::export::events_for(&store, f, excel, &mut out)?;
            out.flush()?;
            if let Some(p) = output {
                eprintln!("rasad: {n} events → {}", p.display());
            }
        }
        ExportCmd::Documents { output, db } => {
            let store = db.open_existing()?;
            let mut out = sink(output.as_deref())?;
            let n = rasad_store::export::documents(&store, &mut out)?;
            out.flush()?;
            if let Some(p) = output {
                eprintln!("rasad: {n} documents → {}", p.display());
            }
        }
        ExportCmd::Figures { disagree, output, db } => {
            let store = db.open_existing()?;
            let mut out = sink(output.as_deref())?;
            let all = rasad_store::contested::story_figures(&store, None)?;
            let mut stories: Vec<_> = all.values().filter(|f| !disagree || f.ranges.iter().any(|r| r.sources_disagree)).collect();
            stories.sort_by_key(|f| f.story);
            for f in &stories {
                serde_json::to_writer(&mut out, f)?;
                out.write_all(b"\n")?;
            }
            out.flush()?;
            if let Some(p) = output {
                eprintln!("rasad: {} stories with figures → {}", stories.len(), p.display());
            }
        }
        ExportCmd::Network { format, output, db } => {
            let store = db.open_existing()?;
            let mut out = sink(output.as_deref())?;
            let f = match format {
                NetworkFormatArg::Graphml => NetworkFormat::Graphml,
                NetworkFormatArg::Gexf => NetworkFormat::Gexf,
            };
            let net = rasad_store::export::network(&store)?;
            let (n, e) = rasad_store::export::write_network(&net, f, &mut out)?;
            out.flush()?;
            if let Some(p) = output {
                eprintln!("rasad: {n} actors, {e} edges → {}", p.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

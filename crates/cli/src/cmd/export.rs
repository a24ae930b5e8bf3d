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
    /// Events: CSV with ACLED-like columns plus PLOVER fields, sources and spans; JSON Lines; GeoJSON; Parquet.
    Events {
        /// Output format.
        #[arg(long, value_enum, default_value = "csv")]
        format: EventFormatArg,
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
        ExportCmd::Events { format, output, db } => {
            let store = db.open_existing()?;
            let mut out = sink(output.as_deref())?;
            let f = match format {
                EventFormatArg::Csv => EventFormat::Csv,
                EventFormatArg::Jsonl => EventFormat::Jsonl,
                EventFormatArg::Geojson => EventFormat::Geojson,
                EventFormatArg::Parquet => EventFormat::Parquet,
            };
            let n = rasad_store::export::events(&store, f, &mut out)?;
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

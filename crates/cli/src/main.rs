//! `rasad`: the command-line front of the pipeline. I/O and error reporting live here; the work
//! is done by the library crates. Each command is a module of `cmd/`.

mod alloc;
mod cmd;
mod db;
mod examples;
mod input;
mod table;

use std::io;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

// malloc and free were 14% of extract's instructions with the system allocator.
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator;

#[derive(Parser)]
#[command(name = "rasad", version, about = "Arabic news to verifiable, structured conflict-event data")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract entities, quantities, times and events; JSON Lines out, one object per document.
    Extract(cmd::extract::ExtractArgs),
    /// Parse quantities or times only: from the arguments, or every case of a TSV file.
    Parse(cmd::parse::ParseArgs),
    /// Named entities: train and evaluate the tagger on CoNLL files, or tag text.
    Ner {
        #[command(subcommand)]
        cmd: cmd::ner::NerCmd,
    },
    /// The knowledge base: look names up, count what it holds, rebuild the gazetteer.
    Kb {
        #[command(subcommand)]
        cmd: cmd::kb::KbCmd,
    },
    /// Read documents (text, HTML, JSONL, WARC, RSS/Atom; files, directories, stdin) into the
    /// store: extracted in parallel, written in batched transactions, near-duplicates clustered.
    Ingest(cmd::ingest::IngestArgs),
    /// Search the store: Arabic-aware terms, BM25 ranking, event filters, highlighted snippets.
    Search(cmd::search::SearchArgs),
    /// Export the store: events (csv, jsonl, geojson, parquet), documents, or the actor network (graphml, gexf).
    Export {
        #[command(subcommand)]
        cmd: cmd::export::ExportCmd,
    },
    /// Serve the web app and the read-only JSON API over the store (127.0.0.1 by default).
    Serve(cmd::serve::ServeArgs),
    /// Measure: throughput of every pipeline stage on a JSON Lines corpus (one thread), and of the
    /// whole pipeline on all cores.
    BenchText(cmd::bench_text::BenchTextArgs),
    /// Measure: search latency over a store (p50, p99) for a file of queries.
    BenchSearch(cmd::bench_search::BenchSearchArgs),
    /// Run the pipeline on the built-in example articles and print their events as a table.
    Demo(cmd::demo::DemoArgs),
    /// The trigger model: train it on the team's annotations of SANAD politics articles.
    Events {
        #[command(subcommand)]
        cmd: cmd::events::EventsCmd,
    },
    /// The relevance model: train it on SANAD, or score texts.
    Topic {
        #[command(subcommand)]
        cmd: cmd::topic::TopicCmd,
    },
}

fn main() -> ExitCode {
    alloc::keep_freed_memory();
    match run() {
        Ok(code) => code,
        // The reader went away (rasad … | head): stop quietly, as Unix tools do.
        Err(e) if e.chain().any(|c| c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rasad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode> {
    match Cli::parse().cmd {
        Cmd::Extract(args) => cmd::extract::run(args),
        Cmd::Parse(args) => cmd::parse::run(args),
        Cmd::Ner { cmd } => cmd::ner::run(cmd),
        Cmd::Kb { cmd } => cmd::kb::run(cmd),
        Cmd::Ingest(args) => cmd::ingest::run(args),
        Cmd::Search(args) => cmd::search::run(args),
        Cmd::Export { cmd } => cmd::export::run(cmd),
        Cmd::Serve(args) => cmd::serve::run(args),
        Cmd::BenchText(args) => cmd::bench_text::run(args),
        Cmd::BenchSearch(args) => cmd::bench_search::run(args),
        Cmd::Demo(args) => cmd::demo::run(args),
        Cmd::Topic { cmd } => cmd::topic::run(cmd),
        Cmd::Events { cmd } => cmd::events::run(cmd),
    }
}

/// 0 when every input was read, else 1 after saying how many were skipped.
pub fn exit_code(skipped: usize) -> ExitCode {
    if skipped == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!("rasad: {skipped} input(s) skipped; see the messages above");
        ExitCode::from(1)
    }
}

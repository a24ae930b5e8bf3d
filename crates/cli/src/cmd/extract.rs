//! `rasad extract`: documents in (any format the readers know), one JSON record per document out,
//! in input order; bad inputs reported with where they are and skipped.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use rasad_ingest::Found;
use rasad_model::{DocOutput, InputDoc};
use rasad_pipeline::Pipeline;

use crate::input::{FormatArg, Inputs};
use crate::table;

/// Options of `rasad extract`.
#[derive(Args)]
pub struct ExtractArgs {
    /// Files or directories (walked, sorted: .txt .html .jsonl .warc .rss .atom .xml, and .gz of
    /// them); "-" or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// Read every input as this format (default: by file name, else by the first bytes).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// The same as --format.
    // (A flag of its own, not an alias, so that a wrong value is reported under the name typed.)
    #[arg(long, value_enum, conflicts_with = "format", hide_possible_values = true)]
    pub input: Option<FormatArg>,
    /// Publication date (YYYY-MM-DD) for documents that do not give one.
    #[arg(long)]
    pub published: Option<String>,
    /// Indent the JSON (one document then spans several lines).
    #[arg(long)]
    pub pretty: bool,
    /// Write the JSON here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Also print a readable table of the events on standard error.
    #[arg(long)]
    pub table: bool,
}

/// Documents per parallel batch: enough to keep both cores busy, small enough to stream.
const BATCH: usize = 256;

/// Text per batch: a batch's records take ten to forty times its text (a text of numbers gives a
/// quantity every two words), and `ingest` has up to five batches in flight; so a document as
/// large as [`rasad_ingest::MAX_DOC_BYTES`] is a batch of its own. A batch of 256 news articles
/// is about 0.9 MB.
pub const BATCH_BYTES: usize = 1 << 20;

/// A document over this size is extracted alone, in a batch of its own: two of the largest
/// extracted side by side would take 450 MB when they are lists of numbers. Of 76,000 news
/// articles (SANAD, SaudiNewsNet) none is that large.
pub const SOLO_BYTES: usize = 64 << 10;

/// Whether the batch (of `docs` documents and `bytes` of text) ends before a document of `len`
/// bytes: it is to be extracted alone.
pub fn ends_before(docs: usize, len: usize) -> bool {
    docs > 0 && len > SOLO_BYTES
}

/// Whether the batch is complete, `last` the length of the document that joined it last.
pub fn complete(docs: usize, max_docs: usize, bytes: usize, last: usize) -> bool {
    docs >= max_docs || bytes >= BATCH_BYTES || last > SOLO_BYTES
}

/// Runs `rasad extract`.
pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let fallback = crate::db::date_opt(args.published.as_deref(), "--published")?;
    let mut out = crate::db::sink(args.output.as_deref())?;
    let mut rows = Vec::new();
    let (mut docs, mut events, mut skipped, mut failed) = (0usize, 0usize, 0usize, 0usize);
    let mut batch: Vec<InputDoc> = Vec::with_capacity(BATCH);
    let mut bytes = 0usize;
    let mut flush = |batch: &mut Vec<InputDoc>, out: &mut Box<dyn Write>, rows: &mut Vec<table::Row>| -> Result<()> {
        for done in extract_batch(batch, args.pretty, args.table)? {
            match done {
                Ok((line, n, row)) => {
                    out.write_all(line.as_bytes())?;
                    events += n;
                    rows.extend(row);
                }
                Err(why) => {
                    eprintln!("rasad: {why}; skipped");
                    failed += 1;
                }
            }
        }
        batch.clear();
        Ok(())
    };
    let inputs = Inputs::new(&args.paths, args.format.or(args.input).map(Into::into));
    inputs.read(None, |found| {
        match found {
            Found::Doc(mut doc) => {
                doc.published = doc.published.or(fallback);
                docs += 1;
                let len = doc.text.len();
                if ends_before(batch.len(), len) {
                    flush(&mut batch, &mut out, &mut rows)?;
                    bytes = 0;
                }
                bytes += len;
                batch.push(doc);
                if complete(batch.len(), BATCH, bytes, len) {
                    flush(&mut batch, &mut out, &mut rows)?;
                    bytes = 0;
                }
            }
            Found::Problem(p) => {
                eprintln!("rasad: {}: {}; skipped", p.at, p.why);
                skipped += 1;
            }
            Found::Note(p) => eprintln!("rasad: {}: {}", p.at, p.why),
        }
        Ok(())
    })?;
    flush(&mut batch, &mut out, &mut rows)?;
    out.flush().context("cannot write the output")?;
    if args.table {
        table::print(&mut io::stderr().lock(), &rows)?;
    }
    if let Some(p) = &args.output {
        eprintln!("rasad: {docs} documents, {events} events → {}", p.display());
    }
    Ok(crate::exit_code(skipped + failed))
}

/// Extracts a batch in parallel: per document, in input order, its JSON line, its number of
/// events and (with `table`) its table row, or the message of an internal error (a defect of
/// Rasad on that document, reported and skipped). Each record is dropped once written as JSON:
/// it takes more memory than its line.
type Extracted = std::result::Result<(String, usize, Option<table::Row>), String>;

fn extract_batch(batch: &[InputDoc], pretty: bool, table: bool) -> Result<Vec<Extracted>> {
    use rayon::prelude::*;
    batch
        .par_iter()
        .map(|doc| {
            let rec = match Pipeline::shared().try_extract(doc) {
                Ok(rec) => rec,
                Err(e) => return Ok(Err(format!("{}: {e}", doc.id))),
            };
            let mut line = if pretty { serde_json::to_string_pretty(&rec) } else { serde_json::to_string(&rec) }
                .with_context(|| format!("{}: cannot write its record", doc.id))?;
            line.push('\n');
            Ok(Ok((line, rec.events.len(), table.then(|| table::Row::from(&rec)))))
        })
        .collect()
}

/// Writes one record as a JSON line (for `rasad demo`).
pub fn emit(rec: &DocOutput, out: &mut impl Write) -> Result<()> {
    serde_json::to_writer(&mut *out, rec)?;
    out.write_all(b"\n")?;
    Ok(())
}

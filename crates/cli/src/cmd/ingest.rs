//! `rasad ingest`: documents into the store, extracted in parallel and written in batched
//! transactions on their own thread, with a progress bar.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rasad_ingest::Found;
use rasad_model::InputDoc;
use rasad_pipeline::Pipeline;
use rasad_store::{prepare, Prepared, Store};

use crate::db::DbArg;
use crate::input::{FormatArg, Inputs};

/// Options of `rasad ingest`.
#[derive(Args)]
pub struct IngestArgs {
    /// Files or directories (walked, sorted: .txt .html .htm .jsonl .ndjson .warc .warc.gz .rss
    /// .atom .xml, and .gz of them); "-" or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// Read every input as this format (default: by file name, else by the first bytes).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Publication date (YYYY-MM-DD) for documents that give none.
    #[arg(long)]
    pub published: Option<String>,
    /// Outlet name for documents that give none.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Default)]
struct Summary {
    read: usize,
    stored: usize,
    duplicates: usize,
    near_duplicates: usize,
    failed: usize,
    events: usize,
}

/// Most memory the batches handed to the writer may hold (estimated by [`weight`]): a text of
/// numbers or events in every clause makes records forty times its size.
const MAX_IN_FLIGHT: usize = 96 << 20;

/// About the bytes a prepared document holds: its text, sentences and terms, and a few hundred
/// bytes a value extracted.
fn weight(p: &Prepared) -> usize {
    let r = &p.record;
    3 * p.doc.text.len() + 200 * (r.entities.len() + r.quantities.len() + r.times.len()) + 1000 * r.events.len()
}

/// The weight of the batches handed to the writer and not yet written, and whether the writer
/// has stopped.
#[derive(Default)]
struct InFlight {
    state: std::sync::Mutex<(usize, bool)>,
    changed: std::sync::Condvar,
}

impl InFlight {
    fn update(&self, f: impl FnOnce(&mut (usize, bool))) {
        if let Ok(mut st) = self.state.lock() {
            f(&mut st);
        }
        self.changed.notify_all();
    }
}

/// Marks the writer stopped however its thread ends.
struct Stopped(Arc<InFlight>);

impl Drop for Stopped {
    fn drop(&mut self) {
        self.0.update(|st| st.1 = true);
    }
}

/// Stores batches on its own thread while the next batch is extracted.
struct Writer {
    send: Option<std::sync::mpsc::SyncSender<(Vec<Prepared>, usize)>>,
    handle: Option<std::thread::JoinHandle<Result<rasad_store::BatchStats>>>,
    /// Documents stored so far (for the progress bar).
    stored: Arc<AtomicU64>,
    in_flight: Arc<InFlight>,
}

impl Writer {
    fn start(mut store: Store) -> Writer {
        // Two batches in flight: one being written, one waiting; fewer when they are heavy.
        let (send, recv) = std::sync::mpsc::sync_channel::<(Vec<Prepared>, usize)>(2);
        let stored = Arc::new(AtomicU64::new(0));
        let counter = stored.clone();
        let in_flight = Arc::new(InFlight::default());
        let stopped = Stopped(in_flight.clone());
        let handle = std::thread::spawn(move || -> Result<rasad_store::BatchStats> {
            let mut total = rasad_store::BatchStats::default();
            for (batch, weight) in recv {
                let st = store.write_batch(&batch).context("cannot write to the store")?;
                drop(batch);
                stopped.0.update(|st| st.0 = st.0.saturating_sub(weight));
                total.stored += st.stored;
                total.duplicates += st.duplicates;
                total.near_duplicates += st.near_duplicates;
                total.events += st.events;
                counter.fetch_add(st.stored as u64, Ordering::Relaxed);
            }
            Ok(total)
        });
        Writer { send: Some(send), handle: Some(handle), stored, in_flight }
    }

    /// Hands a batch over, once the batches before it weigh little enough; when the writer has
    /// stopped, returns its error.
    fn send(&mut self, batch: Vec<Prepared>) -> Result<()> {
        let weight: usize = batch.iter().map(weight).sum();
        let heavy = |st: &mut (usize, bool)| st.0 > 0 && st.0 + weight > MAX_IN_FLIGHT && !st.1;
        if let Ok(mut st) = self.in_flight.state.lock().and_then(|g| self.in_flight.changed.wait_while(g, heavy)) {
            st.0 += weight;
        }
        if self.send.as_ref().is_some_and(|s| s.send((batch, weight)).is_ok()) {
            return Ok(());
        }
        self.finish()?;
        bail!("the store writer stopped")
    }

    /// Waits for every batch to be written.
    fn finish(&mut self) -> Result<rasad_store::BatchStats> {
        drop(self.send.take());
        match self.handle.take() {
            Some(h) => h.join().map_err(|_| anyhow::anyhow!("the store writer panicked"))?,
            None => Ok(rasad_store::BatchStats::default()),
        }
    }
}

struct Ingest<'a> {
    /// A reading connection: is a document stored already?
    store: Store,
    writer: Writer,
    /// Content ids seen in this run (16 bytes each).
    seen: std::collections::HashSet<u128>,
    batch: Vec<InputDoc>,
    batch_size: usize,
    /// Text in `batch`, bytes (a batch also ends at [`crate::cmd::extract::BATCH_BYTES`], and
    /// around a large document).
    batch_bytes: usize,
    published: Option<rasad_model::Date>,
    outlet: Option<String>,
    sum: Summary,
    bar: &'a ProgressBar,
    /// Bytes read so far, over all files.
    counter: Arc<AtomicU64>,
}

impl Ingest<'_> {
    fn problem(&mut self, at: &str, why: &str) {
        self.bar.suspend(|| eprintln!("rasad: {at}: {why}; skipped"));
        self.sum.failed += 1;
    }

    fn add(&mut self, mut doc: InputDoc) -> Result<()> {
        self.sum.read += 1;
        doc.published = doc.published.or(self.published);
        if doc.outlet.is_none() {
            doc.outlet.clone_from(&self.outlet);
        }
        if doc.text.trim().is_empty() {
            let id = doc.id.clone();
            self.problem(&id, "empty document");
            return Ok(());
        }
        use crate::cmd::extract::{complete, ends_before};
        let len = doc.text.len();
        if ends_before(self.batch.len(), len) {
            self.flush()?;
        }
        self.batch_bytes += len;
        self.batch.push(doc);
        if complete(self.batch.len(), self.batch_size, self.batch_bytes, len) {
            self.flush()?;
        }
        Ok(())
    }

    /// Extracts the batch in parallel (documents already stored or seen in this run are passed
    /// over) and hands it to the writer, which stores it in one transaction.
    fn flush(&mut self) -> Result<()> {
        use rayon::prelude::*;
        let docs = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        let mut fresh = Vec::with_capacity(docs.len());
        for d in docs {
            let hash = rasad_store::content_hash(&d.text);
            if !self.seen.insert(hash) || self.store.contains(&format!("{hash:032x}"))? {
                self.sum.duplicates += 1;
                continue;
            }
            fresh.push(d);
        }
        let done: Vec<std::result::Result<Prepared, String>> = fresh.into_par_iter().map(try_prepared).collect();
        let mut ready = Vec::with_capacity(done.len());
        for d in done {
            match d {
                Ok(p) => ready.push(p),
                Err(why) => {
                    self.bar.suspend(|| eprintln!("rasad: {why}; skipped"));
                    self.sum.failed += 1;
                }
            }
        }
        self.writer.send(ready)?;
        self.bar.set_position(self.counter.load(Ordering::Relaxed));
        self.bar.set_message(format!("{} stored", self.writer.stored.load(Ordering::Relaxed)));
        Ok(())
    }
}

/// A document extracted and readied for the store.
pub fn prepared(doc: InputDoc) -> Prepared {
    let p = Pipeline::shared();
    let record = p.extract(&doc);
    prepare(doc, record, p.segmenter())
}

/// [`prepared`], or the message of an internal error (a defect of Rasad on that document, named
/// by its id) for the caller to report: the rest of the run goes on.
fn try_prepared(doc: InputDoc) -> std::result::Result<Prepared, String> {
    let p = Pipeline::shared();
    let record = p.try_extract(&doc).map_err(|e| format!("{}: {e}", doc.id))?;
    Ok(prepare(doc, record, p.segmenter()))
}

/// Runs `rasad ingest`.
pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let published = crate::db::date_opt(args.published.as_deref(), "--published")?;
    let db_path = args.db.path()?;
    let store = args.db.open()?;
    let writer = Writer::start(args.db.open()?);
    let start = Instant::now();
    let inputs = Inputs::new(&args.paths, args.format.map(Into::into));
    let bar = if args.quiet || inputs.stdin { ProgressBar::hidden() } else { ProgressBar::new(inputs.total_bytes()) };
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let counter = Arc::new(AtomicU64::new(0));
    let mut ing = Ingest {
        store,
        writer,
        seen: Default::default(),
        batch: Vec::new(),
        batch_size: args.batch.max(1),
        batch_bytes: 0,
        published,
        outlet: args.outlet.clone(),
        sum: Summary::default(),
        bar: &bar,
        counter: counter.clone(),
    };
    inputs.read(Some(&counter), |found| {
        match found {
            Found::Doc(d) => ing.add(d)?,
            Found::Problem(p) => ing.problem(&p.at, &p.why),
            Found::Note(p) => bar.suspend(|| eprintln!("rasad: {}: {}", p.at, p.why)),
        }
        Ok(())
    })?;
    bar.set_position(counter.load(Ordering::Relaxed));
    ing.flush()?;
    let written = ing.writer.finish()?;
    ing.sum.stored = written.stored;
    ing.sum.duplicates += written.duplicates;
    ing.sum.near_duplicates = written.near_duplicates;
    ing.sum.events = written.events;
    bar.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    let bytes = counter.load(Ordering::Relaxed);
    let s = &ing.sum;
    let counts = ing.store.counts()?;
    eprintln!(
        "rasad: read {} documents ({:.1} MB) in {secs:.1} s ({:.0} docs/s, {:.2} MB/s): stored {}, duplicates {}, near-duplicates {}, failed {}; {} events.\n\
         rasad: the store {} now holds {} documents in {} clusters, {} events in {} stories.",
        s.read,
        bytes as f64 / 1e6,
        s.read as f64 / secs.max(1e-9),
        bytes as f64 / 1e6 / secs.max(1e-9),
        s.stored,
        s.duplicates,
        s.near_duplicates,
        s.failed,
        s.events,
        db_path.display(),
        counts.documents,
        counts.clusters,
        counts.events,
        counts.stories,
    );
    Ok(if s.failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

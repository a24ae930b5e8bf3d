//! `rasad ingest`, `rasad search`, `rasad export`: the corpus in the embedded store.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rasad_ingest::{read_stream, Format, Found};
use rasad_pipeline::{InputDoc, Pipeline};
use rasad_store::export::{EventFormat, NetworkFormat};
use rasad_store::search::Query;
use rasad_store::{prepare, Prepared, Store};

/// Where the store lives.
#[derive(Args, Clone)]
pub struct DbArg {
    /// The store (SQLite). Default: $RASAD_DB, else $XDG_DATA_HOME/rasad/rasad.db
    /// (~/.local/share/rasad/rasad.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
}

impl DbArg {
    /// The path in use.
    pub fn path(&self) -> Result<PathBuf> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        if let Some(p) = std::env::var_os("RASAD_DB").filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(p));
        }
        let data = match std::env::var_os("XDG_DATA_HOME").filter(|p| !p.is_empty()) {
            Some(d) => PathBuf::from(d),
            None => match std::env::var_os("HOME").filter(|p| !p.is_empty()) {
                Some(h) => PathBuf::from(h).join(".local").join("share"),
                None => bail!("no --db given and neither XDG_DATA_HOME nor HOME is set; pass --db PATH"),
            },
        };
        Ok(data.join("rasad").join("rasad.db"))
    }

    /// Opens the store, saying which file failed.
    pub fn open(&self) -> Result<Store> {
        let path = self.path()?;
        Store::open(&path).with_context(|| format!("cannot open the store {}", path.display()))
    }
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Text,
    Html,
    Jsonl,
    Warc,
    Feed,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Html => Format::Html,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Warc => Format::Warc,
            FormatArg::Feed => Format::Feed,
        }
    }
}

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

/// Counts bytes read through it (for the progress bar).
struct Counting<R> {
    inner: R,
    n: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let k = self.inner.read(buf)?;
        self.n.fetch_add(k as u64, Ordering::Relaxed);
        Ok(k)
    }
}

#[derive(Default)]
struct Summary {
    read: usize,
    stored: usize,
    duplicates: usize,
    near_duplicates: usize,
    failed: usize,
    events: usize,
    bytes: u64,
}

/// Stores batches on its own thread while the next batch is extracted.
struct Writer {
    send: Option<std::sync::mpsc::SyncSender<Vec<Prepared>>>,
    handle: Option<std::thread::JoinHandle<Result<rasad_store::BatchStats>>>,
    /// Documents stored so far (for the progress bar).
    stored: Arc<AtomicU64>,
}

impl Writer {
    fn start(mut store: Store) -> Writer {
        // Two batches in flight: one being written, one waiting.
        let (send, recv) = std::sync::mpsc::sync_channel::<Vec<Prepared>>(2);
        let stored = Arc::new(AtomicU64::new(0));
        let counter = stored.clone();
        let handle = std::thread::spawn(move || -> Result<rasad_store::BatchStats> {
            let mut total = rasad_store::BatchStats::default();
            for batch in recv {
                let st = store.write_batch(&batch).context("cannot write to the store")?;
                total.stored += st.stored;
                total.duplicates += st.duplicates;
                total.near_duplicates += st.near_duplicates;
                total.events += st.events;
                counter.fetch_add(st.stored as u64, Ordering::Relaxed);
            }
            Ok(total)
        });
        Writer { send: Some(send), handle: Some(handle), stored }
    }

    /// Hands a batch over; when the writer has stopped, returns its error.
    fn send(&mut self, batch: Vec<Prepared>) -> Result<()> {
        if self.send.as_ref().is_some_and(|s| s.send(batch).is_ok()) {
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
    published: Option<String>,
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
        if doc.published.is_none() {
            doc.published.clone_from(&self.published);
        }
        if doc.outlet.is_none() {
            doc.outlet.clone_from(&self.outlet);
        }
        if doc.text.trim().is_empty() {
            let id = doc.id.clone();
            self.problem(&id, "empty document");
            return Ok(());
        }
        self.batch.push(doc);
        if self.batch.len() >= self.batch_size {
            self.flush()?;
        }
        Ok(())
    }

    /// Extracts the batch in parallel (documents already stored or seen in this run are passed
    /// over) and hands it to the writer, which stores it in one transaction.
    fn flush(&mut self) -> Result<()> {
        use rayon::prelude::*;
        let docs = std::mem::take(&mut self.batch);
        let mut fresh = Vec::with_capacity(docs.len());
        for d in docs {
            let hash = rasad_store::content_hash(&d.text);
            if !self.seen.insert(hash) || self.store.contains(&format!("{hash:032x}"))? {
                self.sum.duplicates += 1;
                continue;
            }
            fresh.push(d);
        }
        let results: Vec<std::result::Result<Prepared, (String, String)>> = fresh
            .into_par_iter()
            .map(|d| {
                let id = d.id.clone();
                prepare(d, Pipeline::shared()).map_err(|e| (id, e.to_string()))
            })
            .collect();
        let mut ok = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(p) => ok.push(p),
                Err((id, why)) => self.problem(&id, &why),
            }
        }
        self.writer.send(ok)?;
        self.bar.set_position(self.counter.load(Ordering::Relaxed));
        self.bar.set_message(format!("{} stored", self.writer.stored.load(Ordering::Relaxed)));
        Ok(())
    }

    fn read(&mut self, name: &str, format: Format, reader: &mut dyn BufRead) -> Result<()> {
        read_stream::<anyhow::Error>(name, format, reader, &mut |found| {
            match found {
                Found::Doc(d) => self.add(d)?,
                Found::Problem(p) => self.problem(&p.at, &p.why),
            }
            Ok(())
        })
    }
}

/// Runs `rasad ingest`.
pub fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let published = match &args.published {
        Some(p) => Some(p.parse::<jiff::civil::Date>().with_context(|| format!("--published {p:?} is not a YYYY-MM-DD date"))?.to_string()),
        None => None,
    };
    let db_path = args.db.path()?;
    let store = args.db.open()?;
    let writer = Writer::start(args.db.open()?);
    let start = Instant::now();
    let stdin_only = args.paths.is_empty() || (args.paths.len() == 1 && args.paths[0].as_os_str() == "-");
    let files = if stdin_only {
        Vec::new()
    } else {
        crate::input::expand(&args.paths, |p| Format::from_name(&p.file_name().unwrap_or_default().to_string_lossy()).is_some())
    };
    let total: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    let bar = if args.quiet || stdin_only { ProgressBar::hidden() } else { ProgressBar::new(total) };
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
        published,
        outlet: args.outlet.clone(),
        sum: Summary::default(),
        bar: &bar,
        counter: counter.clone(),
    };
    if stdin_only {
        let mut r = BufReader::new(io::stdin().lock());
        let format = match args.format {
            Some(f) => f.into(),
            None => Format::sniff(r.fill_buf().unwrap_or(&[])),
        };
        ing.read("<stdin>", format, &mut r)?;
    }
    for path in &files {
        let name = path.display().to_string();
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => {
                ing.problem(&name, &e.to_string());
                continue;
            }
        };
        let before = counter.load(Ordering::Relaxed);
        let counted = Counting { inner: file, n: counter.clone() };
        let by_name = Format::from_name(&file_name);
        let gz = by_name.is_some_and(|(_, gz)| gz) || sniff_gzip(path);
        let mut reader: Box<dyn BufRead> = if gz {
            Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(BufReader::new(counted))))
        } else {
            Box::new(BufReader::new(counted))
        };
        let format = match (args.format, by_name) {
            (Some(f), _) => f.into(),
            (None, Some((f, _))) => f,
            (None, None) => Format::sniff(reader.fill_buf().unwrap_or(&[])),
        };
        ing.read(&name, format, &mut reader)?;
        bar.set_position(counter.load(Ordering::Relaxed));
        ing.sum.bytes += counter.load(Ordering::Relaxed) - before;
    }
    ing.flush()?;
    let written = ing.writer.finish()?;
    ing.sum.stored = written.stored;
    ing.sum.duplicates += written.duplicates;
    ing.sum.near_duplicates = written.near_duplicates;
    ing.sum.events = written.events;
    bar.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    let s = &ing.sum;
    let counts = ing.store.counts()?;
    eprintln!(
        "rasad: read {} documents ({:.1} MB) in {secs:.1} s ({:.0} docs/s, {:.2} MB/s): stored {}, duplicates {}, near-duplicates {}, failed {}; {} events.\n\
         rasad: the store {} now holds {} documents in {} clusters, {} events in {} stories.",
        s.read,
        s.bytes as f64 / 1e6,
        s.read as f64 / secs.max(1e-9),
        s.bytes as f64 / 1e6 / secs.max(1e-9),
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

fn sniff_gzip(path: &Path) -> bool {
    let mut magic = [0u8; 2];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut magic)).is_ok() && magic == [0x1f, 0x8b]
}

/// Options of `rasad search`.
#[derive(Args)]
pub struct SearchArgs {
    /// Words to find (all of them; any form: مقاتلين finds المقاتلين، لمقاتلي، بالمقاتلين).
    #[arg(default_value = "")]
    pub query: String,
    /// PLOVER event type (ASSAULT, MOBILIZE …).
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Catalogue id of an actor or target (see `rasad kb lookup`).
    #[arg(long)]
    pub actor: Option<String>,
    /// Gazetteer id of a place.
    #[arg(long)]
    pub place: Option<String>,
    /// Events within KM of a point: LAT,LON,KM.
    #[arg(long)]
    pub near: Option<String>,
    /// Events on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Events on or before this date.
    #[arg(long)]
    pub to: Option<String>,
    /// Only this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Most results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// JSON Lines out (one hit a line) instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArg,
}

fn day(s: &Option<String>, what: &str) -> Result<Option<String>> {
    s.as_deref()
        .map(|d| d.parse::<jiff::civil::Date>().map(|d| d.to_string()).with_context(|| format!("--{what} {d:?} is not a YYYY-MM-DD date")))
        .transpose()
}

/// Runs `rasad search`.
pub fn search(args: SearchArgs) -> Result<ExitCode> {
    let near = match &args.near {
        Some(n) => {
            let v: Vec<f64> = n
                .split(',')
                .map(|x| x.trim().parse::<f64>())
                .collect::<std::result::Result<_, _>>()
                .with_context(|| format!("--near {n:?}: expected LAT,LON,KM"))?;
            match v[..] {
                [lat, lon, km] if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) && km >= 0.0 => Some((lat, lon, km)),
                _ => bail!("--near {n:?}: expected LAT,LON,KM with a latitude in -90..90 and a longitude in -180..180"),
            }
        }
        None => None,
    };
    let q = Query {
        text: args.query.clone(),
        event_type: args.event_type.clone(),
        actor: args.actor.clone(),
        place: args.place.clone(),
        near,
        from: day(&args.from, "from")?,
        to: day(&args.to, "to")?,
        outlet: args.outlet.clone(),
        limit: args.limit,
    };
    let store = args.db.open()?;
    let hits = rasad_store::search::search(&store, &q, Pipeline::shared().segmenter())?;
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        for h in &hits {
            serde_json::to_writer(&mut out, h)?;
            out.write_all(b"\n")?;
        }
    } else {
        use std::io::IsTerminal;
        let tty = io::stdout().is_terminal();
        let (on, off) = if tty { ("\x1b[1;33m", "\x1b[0m") } else { ("[", "]") };
        if hits.is_empty() {
            writeln!(out, "no documents match")?;
        }
        for (i, h) in hits.iter().enumerate() {
            let title = h.title.as_deref().unwrap_or(&h.source);
            // BM25 as FTS5 gives it is negative (lower is better); shown positive, and only for word queries.
            let score = if args.query.trim().is_empty() { String::new() } else { format!(", score {:.2}", -h.score) };
            writeln!(
                out,
                "{}. {title}  ({}, {}{score}, id {})",
                i + 1,
                h.outlet.as_deref().unwrap_or("-"),
                h.published.as_deref().unwrap_or("-"),
                &h.id[..12]
            )?;
            // Highlights are document offsets; the snippet starts at h.snippet.start.
            let mut line = String::new();
            // One line per hit: line breaks inside the passage become spaces (same length, offsets hold).
            let chars: Vec<char> = h.snippet.text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
            let mut at = 0usize;
            for hl in &h.snippet.highlights {
                let (a, b) = (hl.start - h.snippet.start, hl.end - h.snippet.start);
                if a < at || b > chars.len() {
                    continue;
                }
                line.extend(&chars[at..a]);
                line.push_str(on);
                line.extend(&chars[a..b]);
                line.push_str(off);
                at = b;
            }
            line.extend(&chars[at.min(chars.len())..]);
            writeln!(out, "   … {line} …")?;
            for e in &h.events {
                writeln!(
                    out,
                    "   {} {} {} {}",
                    e.kind,
                    e.date.as_deref().unwrap_or("-"),
                    e.place.as_deref().unwrap_or("-"),
                    e.actors.join(", ")
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Options of `rasad serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free one). Keep it on 127.0.0.1 unless you mean to
    /// share the store.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Ingest the built-in example articles first (nothing is added when they are stored already).
    #[arg(long)]
    pub examples: bool,
    #[command(flatten)]
    pub db: DbArg,
}

/// Runs `rasad serve`.
pub fn serve(args: ServeArgs) -> Result<ExitCode> {
    let path = args.db.path()?;
    let mut store = args.db.open()?;
    if args.examples {
        use rayon::prelude::*;
        let prepared: Vec<Prepared> = crate::examples::ARTICLES
            .par_iter()
            .map(|(name, text)| {
                prepare(InputDoc { id: name.to_string(), text: text.to_string(), ..Default::default() }, Pipeline::shared())
            })
            .collect::<std::result::Result<_, _>>()?;
        let st = store.write_batch(&prepared).context("cannot write the examples to the store")?;
        eprintln!("rasad: examples: {} stored, {} already there", st.stored, st.duplicates);
    }
    rasad_server::serve(store, args.addr, |addr| {
        println!("rasad: serving http://{addr}/ (store {}); Ctrl-C stops", path.display());
        let _ = io::stdout().flush();
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Options of `rasad bench-search`.
#[derive(Args)]
pub struct BenchSearchArgs {
    /// Queries, one a line (`#` comments); a tab then `type=T` adds an event-type filter.
    #[arg(long)]
    pub queries: PathBuf,
    /// Runs of the whole list (the first run is reported apart as cold).
    #[arg(long, default_value_t = 5)]
    pub repeat: usize,
    /// Results per query.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[command(flatten)]
    pub db: DbArg,
}

/// Runs `rasad bench-search`: per-query latency in one process (no start-up), hits included.
pub fn bench_search(args: BenchSearchArgs) -> Result<ExitCode> {
    let list = std::fs::read_to_string(&args.queries).with_context(|| format!("cannot read {}", args.queries.display()))?;
    let queries: Vec<Query> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (text, filter) = l.split_once('\t').unwrap_or((l, ""));
            Query {
                text: text.trim().to_string(),
                event_type: filter.strip_prefix("type=").map(str::to_string),
                limit: args.limit,
                ..Default::default()
            }
        })
        .collect();
    let store = args.db.open()?;
    let seg = Pipeline::shared().segmenter();
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    let mut hits = 0usize;
    for run in 0..args.repeat.max(1) {
        for q in &queries {
            let t = Instant::now();
            hits += rasad_store::search::search(&store, q, seg)?.len();
            let ms = t.elapsed().as_secs_f64() * 1e3;
            if run == 0 {
                cold.push(ms)
            } else {
                warm.push(ms)
            }
        }
    }
    let pct = |v: &mut Vec<f64>, p: f64| -> f64 {
        v.sort_by(f64::total_cmp);
        v.get(((v.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(0.0)
    };
    let docs = store.counts()?.documents;
    let report = serde_json::json!({
        "documents": docs,
        "queries": queries.len(),
        "cold_ms": {"p50": pct(&mut cold, 0.5), "p99": pct(&mut cold, 0.99), "max": pct(&mut cold, 1.0)},
        "warm_ms": {"p50": pct(&mut warm, 0.5), "p99": pct(&mut warm, 0.99), "max": pct(&mut warm, 1.0)},
        "hits": hits,
    });
    println!("{report}");
    Ok(ExitCode::SUCCESS)
}

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

fn sink(output: &Option<PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match output {
        Some(p) => {
            if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            }
            Box::new(BufWriter::new(std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?))
        }
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// Runs `rasad export`.
pub fn export(cmd: ExportCmd) -> Result<ExitCode> {
    match cmd {
        ExportCmd::Events { format, output, db } => {
            let store = db.open()?;
            let mut out = sink(&output)?;
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
            let store = db.open()?;
            let mut out = sink(&output)?;
            let n = rasad_store::export::documents(&store, &mut out)?;
            out.flush()?;
            if let Some(p) = output {
                eprintln!("rasad: {n} documents → {}", p.display());
            }
        }
        ExportCmd::Network { format, output, db } => {
            let store = db.open()?;
            let mut out = sink(&output)?;
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

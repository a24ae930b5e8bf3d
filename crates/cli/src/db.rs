//! Where the store lives, and where output goes.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Args;
use rasad_store::Store;

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

    /// Opens a store that must already exist (the read commands: search, export, serve without
    /// examples): a mistyped path is refused instead of starting an empty store.
    pub fn open_existing(&self) -> Result<Store> {
        let path = self.path()?;
        if !path.exists() {
            bail!(
                "no store at {}: check --db or RASAD_DB, or fill one first with `rasad ingest --db {} FILES`",
                path.display(),
                path.display()
            );
        }
        self.open()
    }

    /// Opens the store (created when missing), saying which file failed.
    pub fn open(&self) -> Result<Store> {
        let path = self.path()?;
        let mut store = Store::open(&path).with_context(|| format!("cannot open the store {}", path.display()))?;
        // A store indexed by an older search analyzer is re-indexed once (migration 9 records the version).
        if store.search_index_stale()? {
            let t = std::time::Instant::now();
            eprintln!("rasad: rebuilding the search index of {} for the new Arabic analyzer (once) …", path.display());
            let n = store.reindex(rasad_pipeline::Pipeline::shared().segmenter())?;
            eprintln!("rasad: re-indexed {n} documents in {:.1} s", t.elapsed().as_secs_f64());
        }
        Ok(store)
    }
}

/// A buffered writer to `output` (its folder created), or to standard output.
pub fn sink(output: Option<&Path>) -> Result<Box<dyn Write>> {
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

/// A `YYYY-MM-DD` option, typed; the error names the option.
pub fn date_opt(s: Option<&str>, what: &str) -> Result<Option<jiff::civil::Date>> {
    s.map(|d| d.trim().parse::<jiff::civil::Date>().with_context(|| format!("{what} {d:?} is not a YYYY-MM-DD date"))).transpose()
}

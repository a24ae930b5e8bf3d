//! Reading inputs for `extract` and `ingest` alike: files and directories (walked, sorted),
//! gzipped or not, or standard input; each read by the reader its name or first bytes call for
//! (or the one `--format` names). Every problem is handed on with where it happened.

use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use anyhow::Result;
use clap::ValueEnum;
use rasad_ingest::{Format, Formats, Found, Problem};

/// Input formats on the command line.
#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Plain text: each file is one document; its id is the file name.
    Text,
    /// A saved web page: its main text, title and date.
    Html,
    /// One JSON object a line: {"id", "text", "published"?, "url"?, "outlet"?, "title"?}.
    Jsonl,
    /// A WARC archive of crawled pages.
    Warc,
    /// An RSS or Atom feed.
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

/// What to read: files (directories expanded) or standard input.
pub struct Inputs {
    /// The files, in order.
    pub files: Vec<PathBuf>,
    /// Read standard input instead.
    pub stdin: bool,
    /// Directory entries that could not be read (reported by [`read`]).
    walk_errors: Vec<Problem>,
    format: Option<Format>,
}

impl Inputs {
    /// `paths` ("-" or nothing: standard input), directories walked for files of a known format
    /// (of `format` only, when one is forced); files named directly are always read.
    pub fn new(paths: &[PathBuf], format: Option<Format>) -> Inputs {
        let stdin = paths.is_empty() || (paths.len() == 1 && paths[0].as_os_str() == "-");
        let mut inputs = Inputs { files: Vec::new(), stdin, walk_errors: Vec::new(), format };
        if stdin {
            return inputs;
        }
        let keep = |p: &Path| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            match (Formats::builtin().by_name(&name), format) {
                (Some((r, _)), Some(f)) => r.format() == f,
                (Some(_), None) => true,
                (None, _) => false,
            }
        };
        // Files reached twice (through a symlink) are read once.
        let mut seen = std::collections::HashSet::new();
        for p in paths {
            if !p.is_dir() {
                inputs.files.push(p.clone());
                continue;
            }
            let mut files = Vec::new();
            // Symlinks are followed; a loop is an error of the walk, and reported.
            for e in walkdir::WalkDir::new(p).follow_links(true).sort_by_file_name() {
                let e = match e {
                    Ok(e) => e,
                    Err(err) => {
                        inputs.walk_errors.push(walk_problem(p, &err));
                        continue;
                    }
                };
                if e.file_type().is_dir() || e.file_name().to_string_lossy().starts_with('.') || !keep(e.path()) {
                    continue;
                }
                if !e.file_type().is_file() {
                    let why = "not a regular file (a pipe, socket or device)".to_string();
                    inputs.walk_errors.push(Problem { at: e.path().display().to_string(), why });
                } else {
                    files.push(e.into_path());
                }
            }
            files.sort();
            files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
            inputs.files.extend(files);
        }
        inputs
    }

    /// Bytes of all the files (for a progress bar).
    pub fn total_bytes(&self) -> u64 {
        self.files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum()
    }

    /// Reads everything; `on` gets every document and problem with the input's name, in order.
    /// `counter`, when given, counts the bytes read (compressed bytes for gzipped files).
    pub fn read(&self, counter: Option<&Arc<AtomicU64>>, mut on: impl FnMut(Found) -> Result<()>) -> Result<()> {
        for p in &self.walk_errors {
            on(Found::Problem(p.clone()))?;
        }
        if self.stdin {
            let (reader, input) = Formats::builtin().open(None, self.format, Box::new(BufReader::new(io::stdin().lock())));
            for found in reader.read("<stdin>", input) {
                on(match found {
                    // A text read from standard input has no file name to be its id.
                    Found::Doc(mut d) if reader.format() == Format::Text => {
                        d.id = "stdin".into();
                        Found::Doc(d)
                    }
                    other => other,
                })?;
            }
            return Ok(());
        }
        for path in &self.files {
            let name = path.display().to_string();
            let file = match std::fs::File::open(path) {
                Ok(f) => f,
                Err(e) => {
                    on(Found::Problem(Problem { at: name, why: e.to_string() }))?;
                    continue;
                }
            };
            let counted: Box<dyn Read> = match counter {
                Some(c) => Box::new(Counting { inner: file, n: Arc::clone(c) }),
                None => Box::new(file),
            };
            let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let (r, input) = Formats::builtin().open(Some(&file_name), self.format, Box::new(BufReader::new(counted)));
            for found in r.read(&name, input) {
                on(found)?;
            }
        }
        Ok(())
    }
}

/// A directory entry the walk could not read, said so that the user can act on it.
fn walk_problem(root: &Path, err: &walkdir::Error) -> Problem {
    let at = err.path().unwrap_or(root).display().to_string();
    let why = match (err.loop_ancestor(), err.io_error()) {
        (Some(a), _) => format!("a symlink loop back to {}; not followed", a.display()),
        (None, Some(io)) if io.kind() == io::ErrorKind::NotFound && err.path().is_some_and(|p| p.is_symlink()) => {
            "a symlink to a missing file or folder; fix or remove the link".to_string()
        }
        (None, Some(io)) if io.kind() == io::ErrorKind::PermissionDenied => "permission denied; check its permissions".to_string(),
        (None, Some(io)) => io.to_string(),
        (None, None) => err.to_string(),
    };
    Problem { at, why }
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

/// The texts given as arguments, or standard input read as one text when there are none.
pub fn texts_or_stdin(texts: Vec<String>) -> Result<Vec<String>> {
    if !texts.is_empty() {
        return Ok(texts);
    }
    let mut s = String::new();
    io::stdin().read_to_string(&mut s).map_err(|e| anyhow::anyhow!("cannot read standard input: {e}"))?;
    Ok(vec![s])
}

//! Reading documents: text files and directories, JSON Lines, standard input. Every bad input is
//! reported with its path (and line) on standard error and skipped; the others go on.

use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use rasad_pipeline::InputDoc;

/// What happened to the inputs.
#[derive(Debug, Default)]
pub struct Stats {
    /// Documents processed.
    pub docs: usize,
    /// Inputs skipped (unreadable files, bad lines, bad documents).
    pub skipped: usize,
}

impl Stats {
    /// 0 when everything was read, 1 when something was skipped.
    pub fn exit_code(&self) -> ExitCode {
        if self.skipped == 0 {
            ExitCode::SUCCESS
        } else {
            eprintln!("rasad: {} input(s) skipped; see the messages above", self.skipped);
            ExitCode::from(1)
        }
    }
}

fn skip(stats: &mut Stats, what: &str, why: impl std::fmt::Display) {
    eprintln!("rasad: {what}: {why}; skipped");
    stats.skipped += 1;
}

/// Checks that bytes are text; the error says why not.
pub fn as_text(bytes: Vec<u8>) -> std::result::Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("looks like a binary file (NUL bytes)".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (first bad byte at offset {}); convert it first, e.g. iconv -f windows-1256 -t utf-8",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Files a directory contributes: `.txt` for text input, `.jsonl`/`.ndjson` for JSON Lines.
/// Files named on the command line are always read.
fn wanted(path: &Path, jsonl: bool) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("jsonl" | "ndjson") => jsonl,
        Some("txt" | "text") => !jsonl,
        _ => false,
    }
}

fn expand(paths: &[PathBuf], jsonl: bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|e| match e {
                    Ok(e) => Some(e),
                    Err(err) => {
                        eprintln!("rasad: {err}; skipped");
                        None
                    }
                })
                .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.') && wanted(e.path(), jsonl))
                .map(|e| e.into_path())
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Calls `f` on every document of the inputs, in input order. `f` returns false for a document it
/// could not process (it has reported why).
pub fn for_each_doc(paths: &[PathBuf], jsonl: bool, mut f: impl FnMut(InputDoc) -> Result<bool>) -> Result<Stats> {
    let mut stats = Stats::default();
    let stdin_only = paths.is_empty() || (paths.len() == 1 && paths[0].as_os_str() == "-");
    let mut handle = |doc: InputDoc, stats: &mut Stats| -> Result<()> {
        if f(doc)? {
            stats.docs += 1;
        } else {
            stats.skipped += 1;
        }
        Ok(())
    };
    if stdin_only {
        if jsonl {
            read_jsonl(Box::new(BufReader::new(io::stdin().lock())), "<stdin>", &mut stats, &mut handle)?;
        } else {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            match as_text(bytes) {
                Ok(text) => handle(InputDoc { id: "stdin".into(), text, ..Default::default() }, &mut stats)?,
                Err(why) => skip(&mut stats, "<stdin>", why),
            }
        }
        return Ok(stats);
    }
    for path in expand(paths, jsonl) {
        let name = path.display().to_string();
        if jsonl {
            match std::fs::File::open(&path) {
                Ok(file) => read_jsonl(Box::new(BufReader::new(file)), &name, &mut stats, &mut handle)?,
                Err(e) => skip(&mut stats, &name, e),
            }
            continue;
        }
        match std::fs::read(&path).map_err(|e| e.to_string()).and_then(as_text) {
            Ok(text) => {
                let id = file_id(&path);
                handle(InputDoc { id, text, ..Default::default() }, &mut stats)?;
            }
            Err(why) => skip(&mut stats, &name, why),
        }
    }
    Ok(stats)
}

fn file_id(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

type Handler<'h> = dyn FnMut(InputDoc, &mut Stats) -> Result<()> + 'h;

fn read_jsonl(mut reader: Box<dyn BufRead + '_>, name: &str, stats: &mut Stats, handle: &mut Handler) -> Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = match reader.read_until(b'\n', &mut buf) {
            Ok(n) => n,
            Err(e) => {
                skip(stats, name, format!("read error after line {line_no}: {e}"));
                return Ok(());
            }
        };
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let line = match std::str::from_utf8(&buf) {
            Ok(s) => s.trim(),
            Err(e) => {
                skip(stats, &format!("{name}:{line_no}"), format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to()));
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<InputDoc>(line) {
            Ok(doc) => handle(doc, stats)?,
            Err(e) => skip(
                stats,
                &format!("{name}:{line_no}"),
                format!("not a document object ({e}); expected {{\"id\", \"text\", \"published\"?}}"),
            ),
        }
    }
}

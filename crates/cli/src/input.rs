//! Reading documents: text files and directories, JSON Lines, standard input. Every bad input is
//! reported with its path (and line) on standard error and skipped; the others go on.

use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use rasad_ingest::{read_stream, Format, Found};
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

/// The files of `paths`: directories walked (hidden files left out) and their files kept when
/// `keep` says so, sorted; files named directly are always kept.
pub fn expand(paths: &[PathBuf], keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .into_iter()
                .filter_map(|e| match e {
                    Ok(e) => Some(e),
                    Err(err) => {
                        eprintln!("rasad: {err}; skipped");
                        None
                    }
                })
                .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.') && keep(e.path()))
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
    let format = if jsonl { Format::Jsonl } else { Format::Text };
    let stdin_only = paths.is_empty() || (paths.len() == 1 && paths[0].as_os_str() == "-");
    let mut read = |name: &str, reader: &mut dyn BufRead, stats: &mut Stats| -> Result<()> {
        read_stream::<anyhow::Error>(name, format, reader, &mut |found| {
            match found {
                Found::Doc(mut doc) => {
                    if name == "<stdin>" && !jsonl {
                        doc.id = "stdin".into();
                    }
                    if f(doc)? {
                        stats.docs += 1;
                    } else {
                        stats.skipped += 1;
                    }
                }
                Found::Problem(p) => skip(stats, &p.at, p.why),
            }
            Ok(())
        })
    };
    if stdin_only {
        read("<stdin>", &mut BufReader::new(io::stdin().lock()), &mut stats)?;
        return Ok(stats);
    }
    for path in expand(paths, |p| wanted(p, jsonl)) {
        let name = path.display().to_string();
        match std::fs::File::open(&path) {
            Ok(file) => read(&name, &mut BufReader::new(file), &mut stats)?,
            Err(e) => skip(&mut stats, &name, e),
        }
    }
    Ok(stats)
}

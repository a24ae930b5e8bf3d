//! `rasad parse quantities|times`: numbers or time expressions only, from the arguments or every
//! case of a case file (with the parse rate).

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use rasad_model::{Date, Quantity, TimeExpr};
use rasad_pipeline::Pipeline;

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum ParseKind {
    /// Numbers and amounts.
    Quantities,
    /// Dates and other time expressions.
    Times,
}

/// Options of `rasad parse`.
#[derive(Args)]
pub struct ParseArgs {
    /// What to parse.
    #[arg(value_enum)]
    pub what: ParseKind,
    /// Texts to parse (each argument is one text).
    pub texts: Vec<String>,
    /// Publication date for relative times.
    #[arg(long)]
    pub published: Option<String>,
    /// A case file (crates/numtime/data/*.tsv): text in column 2, publication date in column 3
    /// for times. One JSON line per case; the parse rate on standard error.
    #[arg(long)]
    pub cases: Option<PathBuf>,
    /// Parse the cases this many times (for a stable rate). With more than one, an untimed
    /// pass first fills the per-thread word memos, as any long run has them.
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
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
    Quantities(Vec<Quantity>),
    Times(Vec<TimeExpr>),
}

fn parse_one(what: ParseKind, text: &str, published: Option<Date>) -> Parsed<'_> {
    let p = Pipeline::shared();
    let found = match what {
        ParseKind::Quantities => Found::Quantities(p.quantities(text)),
        ParseKind::Times => Found::Times(p.times(text, published)),
    };
    Parsed { text, found }
}

/// Runs `rasad parse`.
pub fn run(args: ParseArgs) -> Result<ExitCode> {
    let ParseArgs { what, texts, published, cases, repeat } = args;
    let published = crate::db::date_opt(published.as_deref(), "--published")?;
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
        let date = if what == ParseKind::Times {
            crate::db::date_opt(cols.get(2).copied(), &format!("{}:{}: date", path.display(), n + 1))?.or(published)
        } else {
            None
        };
        rows.push((text.to_string(), date));
    }
    let p = Pipeline::shared();
    let pass = |rows: &[(String, Option<Date>)]| {
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

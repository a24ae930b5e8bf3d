//! `rasad demo`: the pipeline on the built-in example articles, their events as a table.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use rasad_model::InputDoc;
use rasad_pipeline::Pipeline;

use crate::table;

/// Options of `rasad demo`.
#[derive(Args)]
pub struct DemoArgs {
    /// Where to write the JSON Lines.
    #[arg(long, short, default_value = "out/examples.jsonl")]
    pub output: PathBuf,
}

/// Runs `rasad demo`.
pub fn run(args: DemoArgs) -> Result<ExitCode> {
    let output = args.output;
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let file = std::fs::File::create(&output).with_context(|| format!("cannot write {}", output.display()))?;
    let mut out = BufWriter::new(file);
    let mut rows = Vec::new();
    for (name, text) in crate::examples::ARTICLES {
        let rec = Pipeline::shared().extract(&InputDoc::new(*name, *text));
        super::extract::emit(&rec, &mut out)?;
        rows.push(table::Row::from(&rec));
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

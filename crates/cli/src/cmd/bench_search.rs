//! `rasad bench-search`: search latency over a store (p50, p99) for a file of queries.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use rasad_pipeline::Pipeline;
use rasad_store::search::Query;

use crate::db::DbArg;

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
pub fn run(args: BenchSearchArgs) -> Result<ExitCode> {
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
    let store = args.db.open_existing()?;
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

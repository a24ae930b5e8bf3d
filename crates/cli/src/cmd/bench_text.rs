//! `rasad bench-text`: throughput of each stage on real text, in one process, on one thread
//! (and the whole pipeline on every core), so the figures are the code's, not process start-up's.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use rasad_pipeline::{Pipeline, Stage, StageTimes};
use rasad_text::{match_key, push_match_key, tokenize};

/// Options of `rasad bench-text`.
#[derive(Args)]
pub struct BenchTextArgs {
    /// Documents as JSON Lines ({"id", "text", …}), e.g. from bench/corpus/saudinewsnet_jsonl.py.
    pub input: PathBuf,
    /// Use at most this many documents.
    #[arg(long)]
    pub limit: Option<usize>,
}

fn mbps(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs.max(1e-9)
}

/// Runs `rasad bench-text`.
pub fn run(args: BenchTextArgs) -> Result<ExitCode> {
    let raw = std::fs::read_to_string(&args.input).with_context(|| format!("cannot read {}", args.input.display()))?;
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .take(args.limit.unwrap_or(usize::MAX))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let p = Pipeline::shared();
    // Warm the memos and the lazily built data once, untimed.
    for t in texts.iter().take(50) {
        let _ = p.extract_text("warm", t, None);
    }
    let t0 = Instant::now();
    let mut n = 0usize;
    for t in &texts {
        n += tokenize(t).len();
    }
    let tokenize_s = t0.elapsed().as_secs_f64();
    let t0 = Instant::now();
    let mut k = 0usize;
    for t in &texts {
        k += match_key(t).len();
    }
    let normalize_s = t0.elapsed().as_secs_f64();
    // Each token's key into one reused buffer, as a streaming token filter hands it on.
    let t0 = Instant::now();
    let mut key = String::new();
    for t in &texts {
        for tok in tokenize(t) {
            key.clear();
            push_match_key(tok.text, &mut key);
            k += key.len();
        }
    }
    let tok_norm_s = t0.elapsed().as_secs_f64();
    // The same with a new String per token, as a caller that keeps every key pays.
    let t0 = Instant::now();
    for t in &texts {
        for tok in tokenize(t) {
            k += match_key(tok.text).len();
        }
    }
    let tok_norm_owned_s = t0.elapsed().as_secs_f64();
    let mut stages = StageTimes::default();
    let t0 = Instant::now();
    let mut events = 0usize;
    for t in &texts {
        events += p.extract_profiled("bench", t, None, &mut stages).events.len();
    }
    let full_s = t0.elapsed().as_secs_f64();
    let threads = rayon::current_num_threads();
    let t0 = Instant::now();
    {
        use rayon::prelude::*;
        events += texts.par_iter().map(|t| p.extract_text("bench", t, None).events.len()).sum::<usize>();
    }
    let par_s = t0.elapsed().as_secs_f64();
    println!("{} documents, {:.1} MB of text, {n} tokens ({k} key bytes, {events} events: checksums)", texts.len(), bytes as f64 / 1e6);
    println!("{:<36} {:>10} {:>10}", "stage (one thread)", "seconds", "MB/s");
    println!("{:<36} {:>10.3} {:>10.1}", "tokenize", tokenize_s, mbps(bytes, tokenize_s));
    println!("{:<36} {:>10.3} {:>10.1}", "normalize (match key)", normalize_s, mbps(bytes, normalize_s));
    println!("{:<36} {:>10.3} {:>10.1}", "tokenize + normalize", tok_norm_s, mbps(bytes, tok_norm_s));
    println!("{:<36} {:>10.3} {:>10.1}", "tokenize + normalize, owned keys", tok_norm_owned_s, mbps(bytes, tok_norm_owned_s));
    for (i, s) in Stage::ALL.iter().enumerate() {
        println!("{:<36} {:>10.3} {:>10.1}", format!("pipeline: {}", s.name()), stages.0[i], mbps(bytes, stages.0[i]));
    }
    println!("{:<36} {:>10.3} {:>10.2}", "full extract, 1 thread", full_s, mbps(bytes, full_s));
    println!("{:<36} {:>10.3} {:>10.2}", format!("full extract, {threads} threads"), par_s, mbps(bytes, par_s));
    println!("scaling 1 → {threads} threads: {:.2}×", full_s / par_s.max(1e-9));
    Ok(ExitCode::SUCCESS)
}

//! `rasad events train`: the trigger model from the team's annotations of SANAD politics articles
//! and the team's case sentences (their marks derived as `case_marks` says);
//! `rasad events lookup`: what the trigger lexicon reads in a word.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use rasad_events::learn::{type_of, TriggerModel, CLASSES};
use rasad_model::EventType;
use rasad_pipeline::Pipeline;

#[derive(Subcommand)]
pub enum EventsCmd {
    /// Train the trigger model: every tenth annotated article is held out and scored, then the
    /// model is trained again on all of them and written.
    Train {
        /// The annotations (article id, start, end, type a line; see eval/train/triggers.py).
        #[arg(long, default_value = "crates/events/data/trigger_train.tsv")]
        annotations: PathBuf,
        /// sanad_khaleej.jsonl.gz.
        #[arg(long, default_value = "../shared/data/sanad-khaleej/sanad_khaleej.jsonl.gz")]
        sanad: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "crates/events/data/triggers.model")]
        out: PathBuf,
        /// The team's case sentences (crates/events/data/cases.tsv), used for training only (never in
        /// the held-out tenth); `-` for none.
        #[arg(long, default_value = "crates/events/data/cases.tsv")]
        cases: PathBuf,
        /// How many times each case example is seen per pass (cases are short and many).
        #[arg(long, default_value_t = 1)]
        case_weight: usize,
        /// Passes over the data.
        #[arg(long, default_value_t = 8)]
        epochs: usize,
        /// Seed of the shuffling (training is deterministic for a seed).
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Models trained in different orders (seeds seed, seed+1, …) and averaged into one. Thirty
        /// rather than ten make the model steadier when its training data changes: three cases
        /// added changed 27 and 29 development events against 48 and 48 with ten, at the same
        /// figures.
        #[arg(long, default_value_t = 30)]
        orders: u64,
    },
    /// Show what the trigger lexicon reads in words: the form found, whether it reads as a noun,
    /// and each entry (type, mode, line of crates/events/data/triggers.tsv).
    Lookup {
        /// Words (or a phrase; each word is looked up).
        #[arg(required = true)]
        words: Vec<String>,
    },
}

fn lookup(words: &[String]) -> Result<ExitCode> {
    let p = Pipeline::shared();
    let lexicon = rasad_events::Lexicon::builtin();
    let text = words.join(" ");
    let seg = p.segmenter_handle();
    for w in rasad_text::analyze_text(&text, &seg) {
        if w.tok.kind != rasad_text::TokenKind::Arabic {
            continue;
        }
        match lexicon.lookup(&w) {
            None => println!("{}\t-", w.tok.text),
            Some(h) => {
                let entries: Vec<String> =
                    h.entries.iter().map(|e| format!("{} {} line {}", e.kind.as_str(), e.mode.as_deref().unwrap_or("-"), e.row)).collect();
                println!("{}\tform {}\t{}\t{}", w.tok.text, h.form, if h.nominal { "noun" } else { "verb" }, entries.join("; "));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

type Example = (Vec<u64>, usize);

/// Runs `rasad events`.
pub fn run(cmd: EventsCmd) -> Result<ExitCode> {
    let (annotations, sanad, out, epochs, seed, orders, cases, case_weight) = match cmd {
        EventsCmd::Lookup { words } => return lookup(&words),
        EventsCmd::Train { annotations, sanad, out, epochs, seed, orders, cases, case_weight } => {
            (annotations, sanad, out, epochs, seed, orders, cases, case_weight)
        }
    };
    let train_mean = |examples: &[Example], stems: &[String]| {
        let models: Vec<TriggerModel> =
            (seed..seed + orders.max(1)).map(|s| TriggerModel::train(examples, epochs, stems.iter().cloned().collect(), s)).collect();
        TriggerModel::mean(&models)
    };
    let tsv = std::fs::read_to_string(&annotations).with_context(|| format!("cannot read {}", annotations.display()))?;
    let mut marks: BTreeMap<String, Vec<(usize, usize, EventType)>> = BTreeMap::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let bad = || anyhow::anyhow!("{}:{}: expected 'id<TAB>start<TAB>end<TAB>TYPE'", annotations.display(), n + 1);
        if c.len() != 4 {
            return Err(bad());
        }
        let list = marks.entry(c[0].to_string()).or_default();
        if c[1] == "-" {
            continue;
        }
        list.push((c[1].parse().map_err(|_| bad())?, c[2].parse().map_err(|_| bad())?, c[3].parse().map_err(|_| bad())?));
    }
    let file = std::fs::File::open(&sanad).with_context(|| format!("cannot open {} (is ../shared there?)", sanad.display()))?;
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for line in BufReader::new(flate2::read::MultiGzDecoder::new(file)).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        if let (Some(id), Some(t)) = (v["id"].as_str(), v["text"].as_str()) {
            if marks.contains_key(id) {
                texts.insert(id.to_string(), t.to_string());
            }
        }
    }
    if let Some(missing) = marks.keys().find(|k| !texts.contains_key(*k)) {
        bail!("{}: article {missing} is not in {}", annotations.display(), sanad.display());
    }
    // Features come from the rules-only reader (the model's own decisions are not features).
    let p = Pipeline::new(rasad_pipeline::Resources { triggers: Default::default(), ..rasad_pipeline::Resources::builtin() });
    let t0 = std::time::Instant::now();
    let per_doc: Vec<(String, Vec<Example>, Vec<String>)> = {
        use rayon::prelude::*;
        marks
            .par_iter()
            .map(|(id, m)| {
                let (ex, stems) = p.trigger_examples(&texts[id], m);
                (id.clone(), ex, stems)
            })
            .collect()
    };
    // The case sentences: training only.
    let case_examples: Vec<(Vec<Example>, Vec<String>)> = if cases.as_os_str() == "-" {
        Vec::new()
    } else {
        let tsv = std::fs::read_to_string(&cases).with_context(|| format!("cannot read {}", cases.display()))?;
        let derived = super::case_marks::case_marks(&p, &tsv);
        let mut per_type: BTreeMap<&str, usize> = BTreeMap::new();
        for c in &derived {
            for m in &c.marks {
                *per_type.entry(m.2.as_str()).or_default() += 1;
            }
        }
        eprintln!("rasad: {} cases, marks by type {per_type:?}", derived.len());
        derived
            .iter()
            .map(|c| {
                let (ex, st) = p.trigger_examples(&c.text, &c.marks);
                (ex.iter().cycle().take(ex.len() * case_weight).cloned().collect(), st)
            })
            .collect()
    };
    let (mut train, mut test, mut stems) = (Vec::new(), Vec::new(), Vec::new());
    for (ex, st) in &case_examples {
        train.extend(ex.iter().cloned());
        stems.extend(st.iter().cloned());
    }
    for (i, (_, ex, st)) in per_doc.iter().enumerate() {
        if i % 10 == 9 {
            test.extend(ex.iter().cloned());
        } else {
            train.extend(ex.iter().cloned());
            stems.extend(st.iter().cloned());
        }
    }
    let n_marks: usize = marks.values().map(Vec::len).sum();
    eprintln!(
        "rasad: {} articles, {n_marks} triggers; {} training and {} held-out candidate words ({:.1}s)",
        marks.len(),
        train.len(),
        test.len(),
        t0.elapsed().as_secs_f64()
    );
    let m = train_mean(&train, &stems);
    report(&m, &test);
    // The shipped model learns from every article.
    let all: Vec<Example> = per_doc
        .iter()
        .flat_map(|(_, ex, _)| ex.iter().cloned())
        .chain(case_examples.iter().flat_map(|(ex, _)| ex.iter().cloned()))
        .collect();
    let all_stems: Vec<String> = per_doc
        .iter()
        .flat_map(|(_, _, st)| st.iter().cloned())
        .chain(case_examples.iter().flat_map(|(_, st)| st.iter().cloned()))
        .collect();
    let m = train_mean(&all, &all_stems);
    let bytes = m.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("rasad: {} bytes → {}", bytes.len(), out.display());
    Ok(ExitCode::SUCCESS)
}

/// Held-out candidate words: is it a trigger (any type), and of the right type.
fn report(m: &TriggerModel, test: &[Example]) {
    let (mut tp, mut fp, mut fn_, mut typed) = (0usize, 0usize, 0usize, 0usize);
    let mut per = [(0usize, 0usize); CLASSES];
    for (f, gold) in test {
        let (pred, _) = m.decide(f);
        match (pred != 0, *gold != 0) {
            (true, true) => {
                tp += 1;
                typed += usize::from(pred == *gold);
            }
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            _ => {}
        }
        per[*gold].1 += 1;
        per[*gold].0 += usize::from(pred == *gold);
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!(
        "rasad: held out: trigger P {:.3} R {:.3} F1 {:.3}; type right on {:.3} of found triggers",
        p,
        r,
        2.0 * p * r / (p + r).max(1e-9),
        typed as f64 / tp.max(1) as f64
    );
    for (k, (ok, n)) in per.iter().enumerate().filter(|(_, x)| x.1 > 0) {
        eprintln!("  {:<10} {ok}/{n}", type_of(k).map_or("none", EventType::as_str));
    }
}

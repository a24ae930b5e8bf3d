//! `rasad ner`: training, evaluation and tagging (file I/O here, the work in rasad-ner).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use rasad_ner::{evaluate, features::sentence_features, read_conll, Model, Sentence, TAGS};
use rasad_pipeline::Pipeline;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum NerCmd {
    /// Train a model (averaged perceptron) on a CoNLL file.
    Train {
        /// Training data (CoNLL: token TAG a line, blank line between sentences).
        #[arg(long)]
        train: PathBuf,
        /// Development data for choosing the epoch; without it the last 10% of --train is held out.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// Seed of the shuffling (training is deterministic for a seed).
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Train this many models (seeds --seed, --seed + 1, …) and ship the average of their weights.
        #[arg(long, default_value_t = 1)]
        seeds: usize,
        /// Keep the model trained without the development sentences (by default it is trained
        /// again on training and development data with the epochs and O penalty chosen on dev).
        #[arg(long)]
        no_refit: bool,
    },
    /// Score a model on a CoNLL file: exact spans per type and micro-averaged, as conlleval.
    Eval {
        /// The model (default: the one built in).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Test data (CoNLL).
        #[arg(long)]
        test: PathBuf,
        /// Propagate names to untagged occurrences within this many sentences (0: off).
        #[arg(long, default_value_t = 0)]
        window: usize,
        /// Also write "token gold predicted" lines (conlleval's input) to this file.
        #[arg(long)]
        predictions: Option<PathBuf>,
    },
    /// Tag text (arguments, or standard input): one JSON line of entities per text.
    Tag {
        /// Texts to tag; none reads standard input as one text.
        texts: Vec<String>,
        /// The model (default: the one built in).
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

fn read_sentences(path: &Path) -> Result<Vec<Sentence>> {
    // A directory stands for all its .txt and .conll files, in name order (AQMAR ships one per article).
    let text = if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .with_context(|| format!("cannot read {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "conll"))
            .collect();
        files.sort();
        let mut all = String::new();
        for f in files {
            all.push_str(&std::fs::read_to_string(&f).with_context(|| format!("cannot read {}", f.display()))?);
            all.push_str("\n\n");
        }
        all
    } else {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    let s = read_conll(&text);
    if s.is_empty() {
        bail!("{}: no sentences (expected CoNLL: token TAG a line)", path.display());
    }
    Ok(s)
}

type Example = (Vec<Vec<u64>>, Vec<usize>);

fn examples(sents: &[Sentence]) -> Vec<Example> {
    let p = Pipeline::shared();
    sents
        .iter()
        .map(|s| {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let f = sentence_features(&toks, p.segmenter(), p.kb());
            let g = s.tags.iter().map(|t| TAGS.iter().position(|x| x == t).unwrap_or(0)).collect();
            (f, g)
        })
        .collect()
}

fn load(model: Option<&Path>) -> Result<Model> {
    match model {
        Some(p) => Ok(Model::from_bytes(&std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?)?),
        None => Ok(Model::clone(Model::builtin())),
    }
}

/// Runs `rasad ner`.
pub fn run(cmd: NerCmd) -> Result<ExitCode> {
    match cmd {
        NerCmd::Train { train, dev, out, epochs, seed, seeds, no_refit } => {
            let mut tr = read_sentences(&train)?;
            let dv = match dev {
                Some(d) => read_sentences(&d)?,
                None => {
                    let k = tr.len() - tr.len() / 10;
                    tr.split_off(k)
                }
            };
            let t0 = Instant::now();
            let (tx, dx) = (examples(&tr), examples(&dv));
            eprintln!(
                "rasad: {} training and {} development sentences, features in {:.1}s",
                tx.len(),
                dx.len(),
                t0.elapsed().as_secs_f64()
            );
            let seed_list: Vec<u64> = (0..seeds.max(1) as u64).map(|k| seed.wrapping_add(k)).collect();
            let m = Model::train_ensemble(&tx, &dx, epochs, &seed_list, !no_refit, |s, e, f1| match (s, e) {
                (0, 0) => eprintln!("rasad: the average of {} model(s), O penalty tuned on dev: dev F1 {f1:.2}", seed_list.len()),
                (s, 0) => eprintln!("rasad: seed {s}: with its O penalty tuned on dev: dev F1 {f1:.2}"),
                (s, e) => eprintln!("rasad: seed {s}: epoch {e}: dev F1 {f1:.2}"),
            });
            if !no_refit {
                eprintln!("rasad: trained again on training and development sentences with those settings");
            }
            let bytes = m.to_bytes();
            std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("rasad: {} features, {} bytes → {} ({:.0}s)", m.len(), bytes.len(), out.display(), t0.elapsed().as_secs_f64());
            Ok(ExitCode::SUCCESS)
        }
        NerCmd::Eval { model, test, window, predictions } => {
            let m = load(model.as_deref())?;
            let sents = read_sentences(&test)?;
            // One-time set-up (the knowledge base, the name list) is not tagging: done before the clock starts.
            examples(&sents[..1]);
            let tf = Instant::now();
            let ex = examples(&sents);
            let feature_secs = tf.elapsed().as_secs_f64();
            let t0 = Instant::now();
            let mut idx: Vec<Vec<usize>> = ex.iter().map(|(f, _)| m.decode(f)).collect();
            let secs = t0.elapsed().as_secs_f64();
            if window > 0 {
                let keys: Vec<Vec<String>> = sents.iter().map(|s| s.tokens.iter().map(|t| rasad_text::match_key(t)).collect()).collect();
                rasad_ner::propagate(&keys, &mut idx, window);
            }
            let pred: Vec<Vec<String>> = idx.iter().map(|v| v.iter().map(|&t| TAGS[t].to_string()).collect()).collect();
            let gold: Vec<Vec<String>> = sents.iter().map(|s| s.tags.clone()).collect();
            if let Some(path) = predictions {
                let mut out = String::new();
                for ((s, g), p) in sents.iter().zip(&gold).zip(&pred) {
                    for ((t, g), p) in s.tokens.iter().zip(g).zip(p) {
                        out.push_str(&format!("{t} {g} {p}\n"));
                    }
                    out.push('\n');
                }
                std::fs::write(&path, out).with_context(|| format!("cannot write {}", path.display()))?;
            }
            let sc = evaluate(&gold, &pred);
            write!(std::io::stdout().lock(), "{}", sc.report())?;
            let n: usize = sents.iter().map(|s| s.tokens.len()).sum();
            writeln!(
                std::io::stdout().lock(),
                "{} sentences, {n} tokens; tagging {:.0} tokens/s with features ({:.0} decoding alone), one core",
                sents.len(),
                n as f64 / (secs + feature_secs).max(1e-9),
                n as f64 / secs.max(1e-9)
            )?;
            Ok(ExitCode::SUCCESS)
        }
        NerCmd::Tag { texts, model } => {
            let m = load(model.as_deref())?;
            let texts = crate::input::texts_or_stdin(texts)?;
            for t in texts {
                let p = Pipeline::shared();
                let ents: Vec<serde_json::Value> = rasad_ner::tagger::tag_text(&m, p.kb(), p.segmenter(), &t)
                    .into_iter()
                    .map(|e| serde_json::json!({"text": e.span.text, "start": e.span.start, "end": e.span.end, "label": e.label}))
                    .collect();
                writeln!(std::io::stdout().lock(), "{}", serde_json::to_string(&serde_json::json!({ "text": t, "entities": ents }))?)?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

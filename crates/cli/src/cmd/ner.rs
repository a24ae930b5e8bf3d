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
        /// Word clusters to read as features instead of the built-in ones (a file written by
        /// `rasad ner clusters`); the model must then be scored with the same clusters.
        #[arg(long)]
        clusters: Option<PathBuf>,
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
        /// Also write "token gold predicted" lines (conlleval's input) to this file (with
        /// --through-extract, the tags of the extracted entities).
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// Also score the entities `rasad extract` emits (linked mentions and the model's names,
        /// as the output contract has them): the sentences go through the whole pipeline as
        /// documents of --doc-sentences sentences (one line each), and each entity is widened to
        /// the whitespace tokens it touches. Both figures are printed side by side.
        #[arg(long)]
        through_extract: bool,
        /// Word clusters the model was trained with, if not the built-in ones.
        #[arg(long)]
        clusters: Option<PathBuf>,
        /// Sentences per document for --through-extract.
        #[arg(long, default_value_t = 25)]
        doc_sentences: usize,
    },
    /// Learn word clusters (predictive exchange clustering, see rasad_ner::clusters) of clitic-free
    /// stems from a JSON Lines corpus (gzipped or not; a "text" field a line), e.g. SANAD AlKhaleej.
    /// Writes `stem fine coarse` lines, most frequent stems first. Deterministic for a seed.
    Clusters {
        /// The corpus (JSON Lines with a "text" field, .gz read as gzip).
        #[arg(long)]
        corpus: PathBuf,
        /// Where to write the clusters (TSV).
        #[arg(long)]
        out: PathBuf,
        /// Cluster the most frequent stems, this many (the others are read as one "other word").
        #[arg(long, default_value_t = 40_000)]
        vocab: usize,
        /// Classes of the fine clustering.
        #[arg(long, default_value_t = 256)]
        fine: usize,
        /// Classes of the coarse clustering.
        #[arg(long, default_value_t = 64)]
        coarse: usize,
        /// Passes of the exchange algorithm (at most; it stops when a pass moves < 0.1% of the words).
        #[arg(long, default_value_t = 12)]
        iterations: usize,
        /// Read only every n-th article (1: all).
        #[arg(long, default_value_t = 1)]
        every: usize,
        /// Seed of the initial classes.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
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

/// Makes the features read the clusters of a file (none: the built-in ones).
fn set_clusters(path: Option<&Path>) -> Result<()> {
    if let Some(p) = path {
        let text = std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        let c = rasad_ner::clusters::Clusters::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
        if !rasad_ner::features::use_clusters(c) {
            bail!("the clusters were already in use");
        }
    }
    Ok(())
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
        NerCmd::Train { train, dev, out, epochs, seed, seeds, no_refit, clusters } => {
            set_clusters(clusters.as_deref())?;
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
        NerCmd::Eval { model, test, window, predictions, through_extract, doc_sentences, clusters } => {
            set_clusters(clusters.as_deref())?;
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
            let sc = evaluate(&gold, &pred);
            let mut stdout = std::io::stdout().lock();
            let n: usize = sents.iter().map(|s| s.tokens.len()).sum();
            let speed = format!(
                "{} sentences, {n} tokens; tagging {:.0} tokens/s with features ({:.0} decoding alone), one core",
                sents.len(),
                n as f64 / (secs + feature_secs).max(1e-9),
                n as f64 / secs.max(1e-9)
            );
            let shown = if through_extract {
                if model.is_some() {
                    bail!("--through-extract runs the pipeline with its built-in model: drop --model");
                }
                let through = Pipeline::shared().ner_through_extract(&sents, doc_sentences.max(1));
                let (xs, cs) = (evaluate(&gold, &through.tags), evaluate(&gold, &through.conventions));
                let model_name = format!("ner eval (window {window})");
                let cols = [(model_name.as_str(), &sc), ("extract, as emitted", &xs), ("extract, nisbas aside", &cs)];
                write!(stdout, "{}", side_by_side(&cols))?;
                let line = |name: &str, c: rasad_pipeline::EntityCounts| {
                    format!("{name}: {} emitted, {} right, {} right span with another type", c.emitted, c.right, c.right_span)
                };
                writeln!(stdout, "{}", line("linked mentions", through.linked))?;
                writeln!(stdout, "{}", line("model names", through.model))?;
                writeln!(stdout, "linked nisbas and demonyms (MISC with a link) left out in the last column: {}", through.nisbas)?;
                through.conventions
            } else {
                write!(stdout, "{}", sc.report())?;
                pred
            };
            writeln!(stdout, "{speed}")?;
            if let Some(path) = predictions {
                let mut out = String::new();
                for ((s, g), p) in sents.iter().zip(&gold).zip(&shown) {
                    for ((t, g), p) in s.tokens.iter().zip(g).zip(p) {
                        out.push_str(&format!("{t} {g} {p}\n"));
                    }
                    out.push('\n');
                }
                std::fs::write(&path, out).with_context(|| format!("cannot write {}", path.display()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        NerCmd::Clusters { corpus, out, vocab, fine, coarse, iterations, every, seed } => {
            clusters(&corpus, &out, vocab, [fine, coarse], iterations, every.max(1), seed)?;
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

/// Score reports in columns: micro-averaged P, R, F1, then F1 per type.
fn side_by_side(cols: &[(&str, &rasad_ner::Scores)]) -> String {
    let mut s = format!("{:<8}", "");
    for (name, _) in cols {
        s.push_str(&format!("{name:>28}"));
    }
    s.push_str(&format!("\n{:<8}", "all"));
    for (_, sc) in cols {
        let (p, r, f) = sc.micro();
        s.push_str(&format!("  P {p:5.2} R {r:5.2} F1 {f:5.2}"));
    }
    s.push('\n');
    let kinds: std::collections::BTreeSet<&String> = cols.iter().flat_map(|c| c.1.per_type.keys()).collect();
    for k in kinds {
        s.push_str(&format!("{k:<8}"));
        for (_, sc) in cols {
            s.push_str(&format!("{:>28.2}", sc.f1_of(k)));
        }
        s.push('\n');
    }
    s
}

/// The header of a cluster file: what it is, how it was built, and its license.
const CLUSTERS_HEADER: &str = "\
# Word clusters of clitic-free stems (rasad-text segmenter keys): stem, fine class, coarse class;
# most frequent stems first. Predictive exchange clustering (Uszkoreit and Brants 2008) of the
# stems' bigrams, built by `rasad ner clusters` (crates/ner/data/README.md) from SANAD (Einea,
# Elnagar and Al Debsi, Data in Brief 25:104076, 2019, doi:10.1016/j.dib.2019.104076; data:
# Mendeley Data doi:10.17632/57zpx667y9.2; CC BY 4.0), its AlKhaleej part. Only statistics
# (which words share contexts) are here, none of the articles' text.
# License of this file: CC BY 4.0, with the attribution above.
";

/// `rasad ner clusters`: reads the corpus, analyzes it on all cores, clusters the `vocab` most
/// frequent stems at each granularity in `classes`, writes the TSV.
fn clusters(corpus: &Path, out: &Path, vocab: usize, classes: [usize; 2], iterations: usize, every: usize, seed: u64) -> Result<()> {
    use rasad_ner::clusters::{exchange, Bigrams};
    use std::io::BufRead;
    let file = std::fs::File::open(corpus).with_context(|| format!("cannot open {} (is ../shared there?)", corpus.display()))?;
    let reader: Box<dyn BufRead> = if corpus.extension().is_some_and(|x| x == "gz") {
        Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(std::io::BufReader::new(file))
    };
    let mut texts = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("{}: cannot read line {}", corpus.display(), n + 1))?;
        if n % every != 0 || line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&line).with_context(|| format!("{}:{}: not a JSON object", corpus.display(), n + 1))?;
        let Some(text) = v["text"].as_str() else { bail!("{}:{}: expected {{\"text\"}}", corpus.display(), n + 1) };
        texts.push(text.to_string());
    }
    let t0 = Instant::now();
    let seg = Pipeline::shared().segmenter();
    // Each article's lines as stem sequences.
    let docs: Vec<Vec<Vec<String>>> = {
        use rayon::prelude::*;
        texts
            .par_iter()
            .map(|t| t.lines().map(|l| rasad_text::analyze_text(l, seg).iter().map(|w| w.seg.key.clone()).collect::<Vec<_>>()).collect())
            .collect()
    };
    drop(texts);
    let mut freq: std::collections::HashMap<&str, u64> = std::collections::HashMap::new();
    for s in docs.iter().flatten().flatten() {
        *freq.entry(s.as_str()).or_insert(0) += 1;
    }
    let tokens: u64 = freq.values().sum();
    let mut by_freq: Vec<(&str, u64)> = freq.into_iter().collect();
    by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    by_freq.truncate(vocab);
    let ids: std::collections::HashMap<&str, u32> = by_freq.iter().enumerate().map(|(i, (w, _))| (*w, i as u32)).collect();
    let v = by_freq.len();
    let other = v as u32;
    let bigrams =
        Bigrams::count(docs.iter().flatten().map(|l| l.iter().map(|w| ids.get(w.as_str()).copied().unwrap_or(other)).collect()), v);
    eprintln!(
        "rasad: {} articles, {tokens} tokens, {v} stems clustered ({} distinct bigrams), read in {:.0}s",
        docs.len(),
        bigrams.pred.iter().map(Vec::len).sum::<usize>(),
        t0.elapsed().as_secs_f64()
    );
    let runs: Vec<Vec<u16>> = classes
        .iter()
        .map(|&c| {
            let t = Instant::now();
            let r =
                exchange(&bigrams, c, iterations, seed, |pass, moved| eprintln!("rasad: {c} classes: pass {pass}: {moved} words moved"));
            eprintln!("rasad: {c} classes in {:.0}s", t.elapsed().as_secs_f64());
            r
        })
        .collect();
    let mut tsv = String::from(CLUSTERS_HEADER);
    tsv.push_str(&format!(
        "# rasad ner clusters --vocab {vocab} --fine {} --coarse {} --iterations {iterations} --every {every} --seed {seed}\n",
        classes[0], classes[1]
    ));
    for (i, (w, _)) in by_freq.iter().enumerate() {
        tsv.push_str(&format!("{w}\t{}\t{}\n", runs[0][i], runs[1][i]));
    }
    std::fs::write(out, tsv).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("rasad: {v} stems → {} ({:.0}s)", out.display(), t0.elapsed().as_secs_f64());
    Ok(())
}

//! `rasad topic`: the relevance model (political or conflict news, or not): train it on SANAD,
//! or score texts.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use rasad_pipeline::Pipeline;
use rasad_topic::{train, Example, Model, TrainOptions};

#[derive(Subcommand)]
pub enum TopicCmd {
    /// Train the relevance model on the SANAD AlKhaleej articles (politics against every other
    /// label); every tenth article is held out and scored.
    Train {
        /// sanad_khaleej.jsonl.gz (one {"id", "label", "text"} a line).
        #[arg(long, default_value = "../shared/data/sanad-khaleej/sanad_khaleej.jsonl.gz")]
        sanad: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "crates/topic/data/politics.tsv")]
        out: PathBuf,
        /// Passes over the data.
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: usize,
        /// Seed of the shuffling (training is deterministic for a seed).
        #[arg(long, default_value_t = TrainOptions::default().seed)]
        seed: u64,
    },
    /// Score texts (arguments, or standard input as one text): the probability that each is
    /// political or conflict news, and its paragraphs'.
    Score {
        /// Texts to score.
        texts: Vec<String>,
    },
}

const HEADER: &str = "# Rasad relevance model: P(political or conflict news) = sigmoid(bias + sum of the weights of a
# text's distinct stems / sqrt(their number)). Stems are rasad-text match keys of the stem.
# Built by `rasad topic train` (crates/topic/data/README.md) from SANAD (Einea, Elnagar and Al Debsi,
# Data in Brief 25:104076, 2019, doi:10.1016/j.dib.2019.104076; data: Mendeley Data
# doi:10.17632/57zpx667y9.2; CC BY 4.0), its AlKhaleej part: politics against culture, finance,
# medical, religion, sports and tech. Stems of state names and nisbas (الإمارات، الإماراتي) carry no
# weight: they tell the outlet's region, not the topic. Only learned weights are here, none of the
# articles' text.
# License of this file: CC BY 4.0, with the attribution above.
";

/// An article's stems and whether it is politics.
type Labelled = (Vec<String>, bool);

/// Runs `rasad topic`.
pub fn run(cmd: TopicCmd) -> Result<ExitCode> {
    match cmd {
        TopicCmd::Train { sanad, out, epochs, seed } => {
            let file = std::fs::File::open(&sanad).with_context(|| format!("cannot open {} (is ../shared there?)", sanad.display()))?;
            let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
            let mut rows: Vec<(String, bool)> = Vec::new();
            for (n, line) in reader.lines().enumerate() {
                let line = line.with_context(|| format!("{}: cannot read line {}", sanad.display(), n + 1))?;
                let v: serde_json::Value =
                    serde_json::from_str(&line).with_context(|| format!("{}:{}: not a JSON object", sanad.display(), n + 1))?;
                let (Some(label), Some(text)) = (v["label"].as_str(), v["text"].as_str()) else {
                    bail!("{}:{}: expected {{\"label\", \"text\"}}", sanad.display(), n + 1);
                };
                rows.push((text.to_string(), label == "politics"));
            }
            let t0 = std::time::Instant::now();
            let p = Pipeline::shared();
            let (seg, kb) = (p.segmenter(), p.kb());
            // Names of states and their nisbas say which outlet and region an article comes from,
            // not its topic (AlKhaleej's UAE news is mostly local and economic, so الإماراتي had
            // learned to mean "not politics"): their stems, wherever the linker finds them in the
            // corpus, carry no weight. (Town and city names stay: dropping them too lost more
            // conflict events on eval/dev than it saved.)
            let (features, names): (Vec<Labelled>, Vec<Vec<String>>) = {
                use rayon::prelude::*;
                rows.par_iter()
                    .map(|(text, positive)| {
                        let words = rasad_text::analyze_text(text, seg);
                        let names: Vec<String> = kb
                            .link(&words)
                            .iter()
                            .filter(|m| {
                                m.kind == rasad_kb::MentionKind::Demonym
                                    || m.actor.is_some_and(|a| kb.actors[a].kind == rasad_kb::ActorType::State)
                            })
                            .flat_map(|m| words[m.first..m.end].iter().map(|w| w.seg.key.clone()))
                            .collect();
                        ((rasad_topic::features(&words).into_iter().map(str::to_string).collect(), *positive), names)
                    })
                    .unzip()
            };
            let names: std::collections::HashSet<String> = names.into_iter().flatten().collect();
            let examples: Vec<Example> = features
                .into_iter()
                .map(|(f, positive)| Example { features: f.into_iter().filter(|k| !names.contains(k)).collect(), positive })
                .collect();
            eprintln!("rasad: {} stems of state names and nisbas carry no weight", names.len());
            let (mut tr, mut te) = (Vec::new(), Vec::new());
            for (i, e) in examples.into_iter().enumerate() {
                if i % 10 == 9 {
                    te.push(e)
                } else {
                    tr.push(e)
                }
            }
            let opt = TrainOptions { epochs, seed, ..TrainOptions::default() };
            let (model, report) = train(&tr, &te, opt);
            eprintln!(
                "rasad: {} training and {} held-out articles ({:.0}s); held out: accuracy {:.3}, politics precision {:.3} recall {:.3}",
                tr.len(),
                te.len(),
                t0.elapsed().as_secs_f64(),
                report.accuracy,
                report.precision,
                report.recall
            );
            let tsv = model.to_tsv(HEADER);
            std::fs::write(&out, &tsv).with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("rasad: {} stems, {} bytes → {}", model.len(), tsv.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
        TopicCmd::Score { texts } => {
            let texts = crate::input::texts_or_stdin(texts)?;
            let p = Pipeline::shared();
            let mut so = std::io::stdout().lock();
            for t in texts {
                let words = rasad_text::analyze_text(&t, p.segmenter());
                let r = rasad_topic::paragraph_relevance(Model::builtin(), &t, &words);
                let paragraphs: Vec<serde_json::Value> =
                    r.paragraphs.iter().map(|&(s, e, p)| serde_json::json!({"start": s, "end": e, "relevance": round(p)})).collect();
                writeln!(so, "{}", serde_json::json!({"relevance": round(r.document), "paragraphs": paragraphs}))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn round(p: f64) -> f64 {
    (p * 1000.0).round() / 1000.0
}

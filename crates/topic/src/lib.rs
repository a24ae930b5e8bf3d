//! Relevance: how likely a text, or a paragraph of it, is political or conflict news rather than
//! sports, markets, culture, health, technology or religion. Events are read only where it is.
//!
//! The model is logistic regression over the stems of the text core (`Word::seg.key`: clitics
//! and light suffixes off, spelling folded), each stem counted once, the vector scaled to unit
//! length so that a paragraph and a whole article score on one scale. It is trained by
//! `rasad topic train` on the SANAD AlKhaleej articles (politics against the six other labels;
//! `data/README.md`) and shipped as `data/politics.tsv` (stems and weights only: statistics, no
//! text).
//!
//! ```
//! use rasad_text::{analyze, tokenize, Segmenter};
//! let m = rasad_topic::Model::builtin();
//! let seg = Segmenter::new(Vec::<String>::new());
//! let score = |t: &str| m.probability(&analyze(&tokenize(t), &seg));
//! assert!(score("قصفت طائرات حربية مواقع للمسلحين وقتلت عشرة من عناصرهم") > 0.5);
//! assert!(score("فاز الفريق على منافسه بثلاثة أهداف في الدوري وتصدر الترتيب") < 0.5);
//! ```
#![warn(missing_docs)]

mod model;
mod paragraphs;
mod train;

pub use model::{features, Model, TopicError};
pub use paragraphs::{paragraph_relevance, Relevance};
pub use train::{train, Example, TrainOptions, TrainReport};

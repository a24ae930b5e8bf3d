//! Named-entity recognition for Arabic news: a first-order averaged structured perceptron over
//! BIO tags (PERS, LOC, ORG, MISC), decoded with Viterbi, with features from the text core
//! (match key, stem, clitics, affixes, shape, a ±2 window) and from the knowledge base (whether a
//! token lies inside a catalogue or gazetteer name, and of which kind), from person-name units,
//! and from word clusters learned from unlabeled news ([`clusters`]).
#![warn(missing_docs)]

pub mod clusters;
pub mod conll;
pub mod eval;
pub mod features;
pub mod model;
pub mod tagger;

pub use conll::{read_conll, Sentence};
pub use eval::{evaluate, Scores};
pub use model::{propagate, Model, ModelError, TagScores, TAGS};

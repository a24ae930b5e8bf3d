//! What the parsers know of a word form alone: the word lists of numbers and times and the
//! classifiers over them (how a word can begin a month name, whether a time expression may start
//! at it, whether it is a vague amount, ends a modifier, names an identifier, or stands for a
//! counted noun).
//!
//! Nothing here reads a sentence or calls a parser: [`crate::facts`] asks these questions once per
//! word form and keeps the answers; the parsers read the answers, and the tables themselves where
//! they match more than one word.

pub(crate) mod months;
pub(crate) mod quantity_words;
pub(crate) mod time_words;

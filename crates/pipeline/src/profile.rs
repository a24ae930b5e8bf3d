//! Time per stage, for `rasad bench-text`; the normal path compiles the clock away.

/// The pipeline's stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Tokens with spans.
    Tokenize,
    /// Match keys and clitic segmentation of every token.
    Analyze,
    /// Sentence splitting.
    Sentences,
    /// Relevance of the document and its paragraphs.
    Relevance,
    /// Publication date, times and quantities.
    NumbersTimes,
    /// Actor and place linking.
    Linking,
    /// Page furniture and events.
    Events,
    /// NER tagging and the entity list.
    Ner,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 8] = [
        Stage::Tokenize,
        Stage::Analyze,
        Stage::Sentences,
        Stage::Relevance,
        Stage::NumbersTimes,
        Stage::Linking,
        Stage::Events,
        Stage::Ner,
    ];
    /// A short name.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Tokenize => "tokenize",
            Stage::Analyze => "normalize + segment",
            Stage::Sentences => "sentences",
            Stage::Relevance => "relevance",
            Stage::NumbersTimes => "numbers and times",
            Stage::Linking => "linking (actors, places)",
            Stage::Events => "events",
            Stage::Ner => "NER tagging",
        }
    }
}

/// Seconds spent per stage (in [`Stage::ALL`] order), summed over documents.
#[derive(Debug, Clone, Default)]
pub struct StageTimes(pub [f64; 8]);

pub(crate) trait Clock {
    fn lap(&mut self, stage: Stage);
}

/// No timing: the normal path (compiles to nothing).
pub(crate) struct NoClock;

impl Clock for NoClock {
    #[inline(always)]
    fn lap(&mut self, _: Stage) {}
}

/// Adds the time since the last lap to the stage that just ended.
pub(crate) struct Laps<'a> {
    last: std::time::Instant,
    times: &'a mut StageTimes,
}

impl<'a> Laps<'a> {
    pub(crate) fn new(times: &'a mut StageTimes) -> Self {
        Laps { last: std::time::Instant::now(), times }
    }
}

impl Clock for Laps<'_> {
    fn lap(&mut self, stage: Stage) {
        let now = std::time::Instant::now();
        let i = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.times.0[i] += now.duration_since(self.last).as_secs_f64();
        self.last = now;
    }
}

//! The entities `extract` emits, read back onto CoNLL sentences and scored per origin: what
//! `rasad ner eval --through-extract` prints beside the model's own figures (crates/ner/README.md).

use rasad_ner::Sentence;

use crate::Pipeline;

/// Entities of one origin scored against CoNLL gold spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EntityCounts {
    /// Entities emitted (read back onto the tokens).
    pub emitted: usize,
    /// Right in span and type.
    pub right: usize,
    /// Right in span, another type.
    pub right_span: usize,
}

/// The tags of the entities `rasad extract` emits for some CoNLL sentences, and where they came
/// from (see [`Pipeline::ner_through_extract`]).
#[derive(Debug, Clone, Default)]
pub struct ThroughExtract {
    /// BIO tags (B-PERS, I-LOC, O …) per sentence, as emitted.
    pub tags: Vec<Vec<String>>,
    /// The same with ANERcorp's conventions where the output contract differs: linked nisba
    /// adjectives and demonyms (the MISC entities with a link) are left out, as ANERcorp leaves them O.
    pub conventions: Vec<Vec<String>>,
    /// Linked catalogue and gazetteer mentions.
    pub linked: EntityCounts,
    /// Names only the NER model found.
    pub model: EntityCounts,
    /// Linked nisbas left out of [`ThroughExtract::conventions`].
    pub nisbas: usize,
}

impl Pipeline {
    /// Runs the pipeline over the sentences, `per_doc` sentences to a document (tokens joined
    /// by spaces, one sentence a line, no publication date), and reads its entities back as BIO tags
    /// of the CoNLL tokens: an entity covers every token it overlaps (widened to whole whitespace
    /// tokens); one that overlaps an entity already read is left out. Also counts, per origin (a
    /// linked catalogue or gazetteer mention, or the NER model's name), the entities emitted, those
    /// right in span and type, and those right in span only. The tags come twice: as emitted, and
    /// with the linked nisbas left out (see [`ThroughExtract`]).
    pub fn ner_through_extract(&self, sents: &[Sentence], per_doc: usize) -> ThroughExtract {
        let mut tags: Vec<Vec<String>> = Vec::with_capacity(sents.len());
        let mut conventions: Vec<Vec<String>> = Vec::with_capacity(sents.len());
        let mut nisbas = 0;
        // Linked mentions, then model names.
        let mut counts = [EntityCounts::default(); 2];
        for (d, chunk) in sents.chunks(per_doc).enumerate() {
            let mut text = String::new();
            // (sentence in chunk, token, start, end) in code points.
            let mut toks: Vec<(usize, usize, usize, usize)> = Vec::new();
            let mut pos = 0;
            for (si, s) in chunk.iter().enumerate() {
                for (ti, t) in s.tokens.iter().enumerate() {
                    if ti > 0 {
                        text.push(' ');
                        pos += 1;
                    }
                    let n = t.chars().count();
                    toks.push((si, ti, pos, pos + n));
                    text.push_str(t);
                    pos += n;
                }
                text.push('\n');
                pos += 1;
            }
            let out = self.extract_text(&format!("anercorp-{d}"), &text, None);
            let mut doc: Vec<Vec<String>> = chunk.iter().map(|s| vec!["O".to_string(); s.tokens.len()]).collect();
            let mut conv = doc.clone();
            for e in &out.entities {
                let first = toks.partition_point(|t| t.3 <= e.span.start);
                let end = toks.partition_point(|t| t.2 < e.span.end);
                if first >= end || toks[first..end].iter().any(|t| doc[t.0][t.1] != "O" || t.0 != toks[first].0) {
                    continue;
                }
                let kind = match e.label {
                    rasad_model::Label::Per => "PERS",
                    rasad_model::Label::Loc => "LOC",
                    rasad_model::Label::Org => "ORG",
                    rasad_model::Label::Misc => "MISC",
                };
                for (k, t) in toks[first..end].iter().enumerate() {
                    doc[t.0][t.1] = format!("{}-{kind}", if k == 0 { "B" } else { "I" });
                }
                if e.label == rasad_model::Label::Misc && e.link.id.is_some() {
                    nisbas += 1;
                    for t in &toks[first..end] {
                        conv[t.0][t.1] = "O".into();
                    }
                } else {
                    for t in &toks[first..end] {
                        conv[t.0][t.1] = doc[t.0][t.1].clone();
                    }
                }
                let (si, a, b) = (toks[first].0, toks[first].1, toks[end - 1].1 + 1);
                let gold = rasad_ner::conll::spans(&chunk[si].tags.iter().map(String::as_str).collect::<Vec<_>>());
                let c = &mut counts[usize::from(e.link.id.is_none())];
                c.emitted += 1;
                if gold.iter().any(|g| g.0 == a && g.1 == b && g.2 == kind) {
                    c.right += 1;
                } else if gold.iter().any(|g| g.0 == a && g.1 == b) {
                    c.right_span += 1;
                }
            }
            tags.extend(doc);
            conventions.extend(conv);
        }
        ThroughExtract { tags, conventions, linked: counts[0], model: counts[1], nisbas }
    }
}

//! CoNLL files as in ANERcorp: `token TAG` a line, a blank line between sentences.

/// One labelled sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// Tokens.
    pub tokens: Vec<String>,
    /// Tags (B-PERS, I-LOC, O …), normalized to BIO2.
    pub tags: Vec<String>,
}

/// Reads a CoNLL text. Malformed tags (`IPERS`, `B-ERS`) are repaired where the intent is clear
/// and otherwise read as O; an I- tag that does not continue an entity becomes B- (BIO2).
pub fn read_conll(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let (tok, tag) = match line.rsplit_once(char::is_whitespace) {
            Some((t, g)) => (t.trim(), g.trim()),
            None => (line, "O"),
        };
        cur.tokens.push(tok.to_string());
        cur.tags.push(fix_tag(tag));
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    for s in &mut out {
        for i in 0..s.tags.len() {
            if let Some(kind) = s.tags[i].strip_prefix("I-") {
                let prev_same = i > 0 && s.tags[i - 1].len() > 2 && &s.tags[i - 1][2..] == kind;
                if !prev_same {
                    s.tags[i] = format!("B-{kind}");
                }
            }
        }
    }
    out
}

fn fix_tag(tag: &str) -> String {
    // AQMAR writes PER and MIS0–MIS3; ANERcorp has stray IPERS, B-ERS.
    let t = tag.trim_end_matches('`').replace("--", "-");
    let t = match t.split_once('-') {
        Some((bi, "PER")) => format!("{bi}-PERS"),
        Some((bi, k)) if k.starts_with("MIS") => format!("{bi}-MISC"),
        _ => t,
    };
    let t = t.replace("ERS", "PERS").replace("PPERS", "PERS");
    let t =
        if (t.starts_with('B') || t.starts_with('I')) && !t.contains('-') && t.len() > 1 { format!("{}-{}", &t[..1], &t[1..]) } else { t };
    match t.as_str() {
        "O" | "B-PERS" | "I-PERS" | "B-LOC" | "I-LOC" | "B-ORG" | "I-ORG" | "B-MISC" | "I-MISC" => t,
        _ => "O".into(),
    }
}

/// Entity spans of a tag sequence: (start, end exclusive, type).
pub fn spans(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if let Some(kind) = tags[i].strip_prefix("B-").or_else(|| tags[i].strip_prefix("I-")) {
            let mut j = i + 1;
            while j < tags.len() && tags[j].strip_prefix("I-") == Some(kind) {
                j += 1;
            }
            out.push((i, j, kind.to_string()));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentences_and_repairs_tags() {
        let s = read_conll("فرانكفورت B-LOC\n(د O\n\nعلي IPERS\nأحمد I-PERS\nقال O\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].tags, vec!["B-PERS", "I-PERS", "O"]);
        let a = read_conll("دمشق B-LOC\nصلاح B-PER\nالدين I-PER\nالصليبية B-MIS1\nكذا OO\n");
        assert_eq!(a[0].tags, vec!["B-LOC", "B-PERS", "I-PERS", "B-MISC", "O"]);
        assert_eq!(spans(&["B-PERS", "I-PERS", "O", "B-LOC"]), vec![(0, 2, "PERS".into()), (3, 4, "LOC".into())]);
    }
}

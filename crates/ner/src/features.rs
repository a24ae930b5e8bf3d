//! Hashed features of each token of a sentence.

use std::hash::{Hash, Hasher};

use rasad_kb::{ActorType, Kb, MentionKind};
use rasad_text::{analyze, Segmenter, Span, Token, TokenKind, Word};
use rustc_hash::FxHasher;

fn h(parts: &[&str]) -> u64 {
    let mut s = FxHasher::default();
    for p in parts {
        p.hash(&mut s);
    }
    s.finish()
}

fn kind_of(t: &str) -> TokenKind {
    if t.chars().any(rasad_text::is_arabic_letter) {
        TokenKind::Arabic
    } else if t.chars().any(|c| c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c)) {
        TokenKind::Number
    } else if t.chars().any(char::is_alphabetic) {
        TokenKind::Latin
    } else {
        TokenKind::Punct
    }
}

/// Tokens of a pre-tokenized sentence (CoNLL), as the text core's token type.
pub fn tokens_of<'a>(toks: &[&'a str]) -> Vec<Token<'a>> {
    let mut pos = 0;
    toks.iter()
        .map(|t| {
            let n = t.chars().count();
            let tok = Token { text: t, span: Span::new(pos, pos + n), byte_start: 0, kind: kind_of(t) };
            pos += n + 1;
            tok
        })
        .collect()
}

/// What the knowledge base says of each token: "B-person", "I-place", "B-demonym" … or "-".
fn kb_labels(words: &[Word], kb: &Kb) -> Vec<String> {
    let mut out = vec!["-".to_string(); words.len()];
    for m in kb.link(words) {
        let kind = if m.kind == MentionKind::Demonym {
            "demonym"
        } else {
            match m.actor.map(|a| kb.actors[a].kind) {
                Some(ActorType::Person) => "person",
                Some(ActorType::State) => "state",
                Some(_) => "org",
                None => "place",
            }
        };
        for (k, slot) in out.iter_mut().enumerate().take(m.end).skip(m.first) {
            *slot = format!("{}-{kind}", if k == m.first { "B" } else { "I" });
        }
    }
    out
}

/// Features of every token of a sentence given as token strings.
pub fn sentence_features(toks: &[&str], seg: &Segmenter, kb: &Kb) -> Vec<Vec<u64>> {
    let tokens = tokens_of(toks);
    let words = analyze(&tokens, seg);
    let kbl = kb_labels(&words, kb);
    let n = words.len();
    let key = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            words[i as usize].key.as_str()
        }
    };
    let stem = |i: isize| -> &str {
        if i < 0 || i as usize >= n {
            "<>"
        } else {
            words[i as usize].seg.key.as_str()
        }
    };
    let kbat = |i: isize| -> &str {
        if i < 0 || i as usize >= n {
            "<>"
        } else {
            kbl[i as usize].as_str()
        }
    };
    (0..n)
        .map(|i| {
            let w = &words[i];
            let ii = i as isize;
            let k = w.key.as_str();
            let chars: Vec<char> = k.chars().collect();
            let pre = |m: usize| chars.iter().take(m).collect::<String>();
            let suf = |m: usize| chars[chars.len().saturating_sub(m)..].iter().collect::<String>();
            let shape = match w.tok.kind {
                TokenKind::Arabic => "ar",
                TokenKind::Latin => "lat",
                TokenKind::Number => "num",
                TokenKind::Punct => "p",
            };
            let len = chars.len().min(8).to_string();
            let prefixes = w.seg.prefixes.join("+");
            let suffixes = w.seg.suffixes.join("+");
            let mut f = vec![
                h(&["bias"]),
                h(&["w", k]),
                h(&["stem", stem(ii)]),
                h(&["pre", &prefixes]),
                h(&["suf", &suffixes]),
                h(&["p1", &pre(1)]),
                h(&["p2", &pre(2)]),
                h(&["p3", &pre(3)]),
                h(&["s1", &suf(1)]),
                h(&["s2", &suf(2)]),
                h(&["s3", &suf(3)]),
                h(&["shape", shape, &len]),
                h(&["w-1", key(ii - 1)]),
                h(&["w+1", key(ii + 1)]),
                h(&["w-2", key(ii - 2)]),
                h(&["w+2", key(ii + 2)]),
                h(&["st-1", stem(ii - 1)]),
                h(&["st+1", stem(ii + 1)]),
                h(&["bi-", key(ii - 1), k]),
                h(&["bi+", k, key(ii + 1)]),
                h(&["kb", kbat(ii)]),
                h(&["kb-1", kbat(ii - 1)]),
                h(&["kb+1", kbat(ii + 1)]),
                h(&["kbw", kbat(ii), stem(ii)]),
                h(&["def", if w.seg.definite() { "1" } else { "0" }]),
            ];
            let base = w.seg.base_key();
            f.extend([
                h(&["base", &base]),
                h(&["p4", &pre(4)]),
                h(&["s4", &suf(4)]),
                h(&["stbi-", stem(ii - 1), stem(ii)]),
                h(&["stbi+", stem(ii), stem(ii + 1)]),
                h(&["kb-2", kbat(ii - 2)]),
                h(&["kb+2", kbat(ii + 2)]),
                h(&["w-1shape", key(ii - 1), shape]),
                h(&["tri", key(ii - 1), k, key(ii + 1)]),
            ]);
            // Character trigrams inside the word: transliterated names share them (…فيلد، …سكي).
            if chars.len() >= 4 {
                for win in chars.windows(3) {
                    let g: String = win.iter().collect();
                    f.push(h(&["c3", &g]));
                }
            }
            if i == 0 {
                f.push(h(&["first"]));
            }
            f
        })
        .collect()
}

//! Hashed features of each token of a sentence.

use std::hash::{Hash, Hasher};

use rasad_kb::{ActorType, Kb, MentionKind};
use rasad_text::{analyze, Segmenter, Span, Token, TokenKind, Word};
use rustc_hash::FxHasher;

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

/// What the knowledge base says of each token, as a small code: 0 nothing, else kind × 2 + (0 for
/// the first token of a name, 1 for the others), kinds: person 1, state 2, org 3, place 4, demonym 5.
pub fn kb_codes(words: &[Word], mentions: &[rasad_kb::Mention], kb: &Kb) -> Vec<u8> {
    let mut out = vec![0u8; words.len()];
    for m in mentions {
        let kind = if m.kind == MentionKind::Demonym {
            5
        } else {
            match m.actor.map(|a| kb.actors[a].kind) {
                Some(ActorType::Person) => 1,
                Some(ActorType::State) => 2,
                Some(_) => 3,
                None => 4,
            }
        };
        for (k, slot) in out.iter_mut().enumerate().take(m.end.min(words.len())).skip(m.first) {
            *slot = kind * 2 + u8::from(k != m.first);
        }
    }
    out
}

/// Features of every token of a sentence given as token strings (CoNLL input): the tokens are
/// analyzed and linked here.
pub fn sentence_features(toks: &[&str], seg: &Segmenter, kb: &Kb) -> Vec<Vec<u64>> {
    let tokens = tokens_of(toks);
    let words = analyze(&tokens, seg);
    let mentions = kb.link(&words);
    let codes = kb_codes(&words, &mentions, kb);
    word_features(&words, &codes)
}

struct Hx(FxHasher);

impl Hx {
    fn new(tpl: u8) -> Self {
        let mut h = FxHasher::default();
        tpl.hash(&mut h);
        Hx(h)
    }
    fn s(mut self, x: &str) -> Self {
        x.hash(&mut self.0);
        self
    }
    fn cs(mut self, x: &[char]) -> Self {
        for c in x {
            c.hash(&mut self.0);
        }
        0xffu8.hash(&mut self.0);
        self
    }
    fn b(mut self, x: u8) -> Self {
        x.hash(&mut self.0);
        self
    }
    fn done(self) -> u64 {
        self.0.finish()
    }
}

/// Features of every token of a sentence from its analyzed words and knowledge-base codes
/// (see [`kb_codes`]); hashed without building strings.
pub fn word_features(words: &[Word], codes: &[u8]) -> Vec<Vec<u64>> {
    let mut chars: Vec<char> = Vec::with_capacity(32);
    (0..words.len())
        .map(|i| {
            let mut f = Vec::with_capacity(48);
            own_features(&words[i], &mut chars, &mut f);
            context_features(words, codes, i, &mut f);
            f
        })
        .collect()
}

/// The features that depend on the word alone (its key, stem, affixes, shape and characters):
/// the same for every occurrence of the word, so callers may cache what they weigh.
pub fn own_features(w: &Word, chars: &mut Vec<char>, f: &mut Vec<u64>) {
    let k = w.key.as_str();
    chars.clear();
    chars.extend(k.chars());
    let m = chars.len();
    let shape = shape_of(w);
    f.push(Hx::new(0).done());
    f.push(Hx::new(1).s(k).done());
    f.push(Hx::new(2).s(w.seg.key.as_str()).done());
    let mut hp = Hx::new(3);
    for p in w.seg.prefixes {
        hp = hp.s(p);
    }
    f.push(hp.done());
    let mut hs = Hx::new(4);
    for p in w.seg.suffixes {
        hs = hs.s(p);
    }
    f.push(hs.done());
    for len in 1..=4u8 {
        let l = (len as usize).min(m);
        f.push(Hx::new(5).b(len).cs(&chars[..l]).done());
        f.push(Hx::new(6).b(len).cs(&chars[m - l..]).done());
    }
    f.push(Hx::new(7).b(shape).b(m.min(8) as u8).done());
    f.push(Hx::new(20).b(u8::from(w.seg.definite())).done());
    f.push(Hx::new(21).s(w.seg.base_key()).done());
    // Character trigrams inside the word: transliterated names share them (…فيلد، …سكي).
    if m >= 4 {
        for win in chars.windows(3) {
            f.push(Hx::new(28).cs(win).done());
        }
    }
}

fn shape_of(w: &Word) -> u8 {
    match w.tok.kind {
        TokenKind::Arabic => 0u8,
        TokenKind::Latin => 1,
        TokenKind::Number => 2,
        TokenKind::Punct => 3,
    }
}

/// The features of word `i` that depend on its neighbours or on the knowledge-base codes.
pub fn context_features(words: &[Word], codes: &[u8], i: usize, f: &mut Vec<u64>) {
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
    let kbat = |i: isize| -> u8 {
        if i < 0 || i as usize >= n {
            255
        } else {
            codes[i as usize]
        }
    };
    let w = &words[i];
    let ii = i as isize;
    let k = w.key.as_str();
    let shape = shape_of(w);
    f.push(Hx::new(8).s(key(ii - 1)).done());
    f.push(Hx::new(9).s(key(ii + 1)).done());
    f.push(Hx::new(10).s(key(ii - 2)).done());
    f.push(Hx::new(11).s(key(ii + 2)).done());
    f.push(Hx::new(12).s(stem(ii - 1)).done());
    f.push(Hx::new(13).s(stem(ii + 1)).done());
    f.push(Hx::new(14).s(key(ii - 1)).s(k).done());
    f.push(Hx::new(15).s(k).s(key(ii + 1)).done());
    f.push(Hx::new(16).b(kbat(ii)).done());
    f.push(Hx::new(17).b(kbat(ii - 1)).done());
    f.push(Hx::new(18).b(kbat(ii + 1)).done());
    f.push(Hx::new(19).b(kbat(ii)).s(stem(ii)).done());
    f.push(Hx::new(22).s(stem(ii - 1)).s(stem(ii)).done());
    f.push(Hx::new(23).s(stem(ii)).s(stem(ii + 1)).done());
    f.push(Hx::new(24).b(kbat(ii - 2)).done());
    f.push(Hx::new(25).b(kbat(ii + 2)).done());
    f.push(Hx::new(26).s(key(ii - 1)).b(shape).done());
    f.push(Hx::new(27).s(key(ii - 1)).s(k).s(key(ii + 1)).done());
    if i == 0 {
        f.push(Hx::new(29).done());
    }
}

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

/// How often a name unit is carried, in three steps: 0 never, 1 by one to nine people, 2 by ten
/// or more (finer steps were no better on the development set).
fn name_bucket(people: u32) -> u8 {
    match people {
        0 => 0,
        1..=9 => 1,
        _ => 2,
    }
}

/// Reads `person_names.tsv` (key, people with it as a given name, as a family name; `#` comments)
/// into match key → code (given-name step × 3 + family-name step); a malformed line is an error
/// that names it.
pub fn parse_person_names(tsv: &str) -> Result<rustc_hash::FxHashMap<String, u8>, String> {
    let mut m = rustc_hash::FxHashMap::default();
    for row in three_columns(tsv) {
        let bad = |n: usize| format!("person_names.tsv line {n}: expected key, given count, family count");
        let (n, [key, g, f]) = row.map_err(bad)?;
        let (g, f): (u32, u32) = (g.parse().map_err(|_| bad(n))?, f.parse().map_err(|_| bad(n))?);
        let code = name_bucket(g) * 3 + name_bucket(f);
        if code > 0 && !key.is_empty() {
            let slot = m.entry(rasad_text::match_key(key)).or_insert(0);
            *slot = (*slot).max(code);
        }
    }
    Ok(m)
}

/// The rows of a three-column TSV data file, `#` comments and blank lines skipped: (1-based line
/// number, fields), or `Err(line number)` for a line without exactly three fields.
pub(crate) fn three_columns(tsv: &str) -> impl Iterator<Item = Result<(usize, [&str; 3]), usize>> {
    tsv.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()).map(|(n, line)| {
        let mut it = line.split('\t');
        match (it.next(), it.next(), it.next(), it.next()) {
            (Some(a), Some(b), Some(c), None) => Ok((n + 1, [a, b, c])),
            _ => Err(n + 1),
        }
    })
}

/// Person-name units from Wikidata (see `data/person_names.tsv`): match key → code.
static NAMES: std::sync::LazyLock<rustc_hash::FxHashMap<String, u8>> = std::sync::LazyLock::new(|| {
    // Checked by a test; a failure here is a build defect, not bad input.
    parse_person_names(include_str!("../data/person_names.tsv"))
        .unwrap_or_else(|e| panic!("the built-in person-name list (crates/ner/data/person_names.tsv) is invalid: {e}"))
});

/// The person-name code of a word (0: no known name unit): looked up by its key without the
/// conjunction, else by its stem (لمحمد، ومحمد).
pub fn name_code(w: &Word) -> u8 {
    NAMES.get(w.key_without_conj()).or_else(|| NAMES.get(w.seg.key.as_str())).copied().unwrap_or(0)
}

/// The person-name code of a word's own form, its conjunction aside (0: no known name unit): as
/// [`name_code`], without falling back on the stem (الرميحي, not رميح).
pub fn name_code_exact(w: &Word) -> u8 {
    NAMES.get(w.key_without_conj()).copied().unwrap_or(0)
}

/// The word clusters the features read: the built-in ones unless [`use_clusters`] chose others.
static CLUSTERS: std::sync::OnceLock<crate::clusters::Clusters> = std::sync::OnceLock::new();

/// Makes the features read these clusters instead of the built-in ones (for training and
/// scoring a model built with other clusters). Must come before the first features are
/// computed; returns false (and changes nothing) after that.
pub fn use_clusters(c: crate::clusters::Clusters) -> bool {
    CLUSTERS.set(c).is_ok()
}

/// The (fine, coarse) clusters of a word's clitic-free stem; `u16::MAX` for both outside the
/// clusters' vocabulary.
pub fn cluster_of(w: &Word) -> (u16, u16) {
    CLUSTERS.get_or_init(|| crate::clusters::Clusters::builtin().clone()).get(w.seg.key.as_str()).unwrap_or((u16::MAX, u16::MAX))
}

/// The coarse cluster of the commonest given name (محمد): in the built-in clusters, the class
/// of Arabic personal names (خالد، سلمان، عبدالله). `u16::MAX` when the clusters lack it.
pub fn given_name_cluster() -> u16 {
    static CLASS: std::sync::LazyLock<u16> =
        std::sync::LazyLock::new(|| crate::clusters::Clusters::builtin().get("محمد").map_or(u16::MAX, |c| c.1));
    *CLASS
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
    fn n(mut self, x: u16) -> Self {
        x.hash(&mut self.0);
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
    f.push(Hx::new(30).b(name_code(w)).done());
    let (fine, coarse) = cluster_of(w);
    f.push(Hx::new(33).n(fine).done());
    f.push(Hx::new(34).n(coarse).done());
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

/// Where a neighbour stands relative to the word being tagged, for the context features that
/// read the neighbour alone (its key or stem): the same for every occurrence of the neighbour in
/// that place, so callers may cache their weights per word as they do the own features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The word before.
    Prev1,
    /// The word after.
    Next1,
    /// Two words before.
    Prev2,
    /// Two words after.
    Next2,
}

impl Role {
    /// All roles, in the order callers index their caches by.
    pub const ALL: [Role; 4] = [Role::Prev1, Role::Next1, Role::Prev2, Role::Next2];
    /// The neighbour's offset from the word being tagged.
    pub fn offset(self) -> isize {
        match self {
            Role::Prev1 => -1,
            Role::Next1 => 1,
            Role::Prev2 => -2,
            Role::Next2 => 2,
        }
    }
}

/// The context features of the word being tagged that read only its neighbour `w` in `role`
/// (`None`: the sentence ends there). Part of [`context_features`].
pub fn role_features(w: Option<&Word>, role: Role, f: &mut Vec<u64>) {
    let edge = if role.offset() < 0 { "<s>" } else { "</s>" };
    let key = w.map_or(edge, |w| w.key.as_str());
    let stem = w.map_or("<>", |w| w.seg.key.as_str());
    match role {
        Role::Prev1 => {
            f.push(Hx::new(8).s(key).done());
            f.push(Hx::new(12).s(stem).done());
            f.push(Hx::new(31).b(w.map_or(255, name_code)).done());
            let (fine, coarse) = w.map_or((u16::MAX - 1, u16::MAX - 1), cluster_of);
            f.push(Hx::new(35).n(fine).done());
            f.push(Hx::new(36).n(coarse).done());
        }
        Role::Next1 => {
            f.push(Hx::new(9).s(key).done());
            f.push(Hx::new(13).s(stem).done());
            f.push(Hx::new(32).b(w.map_or(255, name_code)).done());
            let (fine, coarse) = w.map_or((u16::MAX - 1, u16::MAX - 1), cluster_of);
            f.push(Hx::new(37).n(fine).done());
            f.push(Hx::new(38).n(coarse).done());
        }
        Role::Prev2 => {
            f.push(Hx::new(10).s(key).done());
            f.push(Hx::new(39).n(w.map_or(u16::MAX - 1, |w| cluster_of(w).1)).done());
        }
        Role::Next2 => {
            f.push(Hx::new(11).s(key).done());
            f.push(Hx::new(40).n(w.map_or(u16::MAX - 1, |w| cluster_of(w).1)).done());
        }
    }
}

/// The context features that read one knowledge-base code alone: (template, offset of the word
/// whose code it reads). Part of [`context_features`]; see [`code_feature`].
pub const CODE_TEMPLATES: [(u8, isize); 5] = [(16, 0), (17, -1), (18, 1), (24, -2), (25, 2)];

/// The feature of a [`CODE_TEMPLATES`] template for a code (255: beyond the sentence).
pub fn code_feature(template: u8, code: u8) -> u64 {
    Hx::new(template).b(code).done()
}

/// A sentence seen from one of its words: the key, stem and code at an offset, with the
/// sentence-edge placeholders the features use beyond it.
struct Around<'s, 'a> {
    words: &'s [Word<'a>],
    codes: &'s [u8],
    i: isize,
}

impl<'s> Around<'s, '_> {
    fn new<'a>(words: &'s [Word<'a>], codes: &'s [u8], i: usize) -> Around<'s, 'a> {
        Around { words, codes, i: i as isize }
    }
    fn at(&self, off: isize) -> Option<usize> {
        usize::try_from(self.i + off).ok().filter(|&j| j < self.words.len())
    }
    fn key(&self, off: isize) -> &'s str {
        match self.at(off) {
            Some(j) => self.words[j].key.as_str(),
            None if off < 0 => "<s>",
            None => "</s>",
        }
    }
    fn stem(&self, off: isize) -> &'s str {
        self.at(off).map_or("<>", |j| self.words[j].seg.key.as_str())
    }
    fn code(&self, off: isize) -> u8 {
        self.at(off).map_or(255, |j| self.codes[j])
    }
}

/// The context features of word `i` that are neither [`role_features`] of its neighbours nor
/// [`CODE_TEMPLATES`] features: those that read two words, or a word and a code, at once.
pub fn pair_features(words: &[Word], codes: &[u8], i: usize, f: &mut Vec<u64>) {
    let x = Around::new(words, codes, i);
    let k = words[i].key.as_str();
    f.push(Hx::new(14).s(x.key(-1)).s(k).done());
    f.push(Hx::new(15).s(k).s(x.key(1)).done());
    f.push(Hx::new(19).b(x.code(0)).s(x.stem(0)).done());
    f.push(Hx::new(22).s(x.stem(-1)).s(x.stem(0)).done());
    f.push(Hx::new(23).s(x.stem(0)).s(x.stem(1)).done());
    f.push(Hx::new(26).s(x.key(-1)).b(shape_of(&words[i])).done());
    f.push(Hx::new(27).s(x.key(-1)).s(k).s(x.key(1)).done());
    if i == 0 {
        f.push(Hx::new(29).done());
    }
}

/// The features of word `i` that depend on its neighbours or on the knowledge-base codes.
pub fn context_features(words: &[Word], codes: &[u8], i: usize, f: &mut Vec<u64>) {
    let x = Around::new(words, codes, i);
    let w = &words[i];
    let k = w.key.as_str();
    let shape = shape_of(w);
    // The order is the trained models' (it decides the order weights are summed in).
    f.push(Hx::new(8).s(x.key(-1)).done());
    f.push(Hx::new(9).s(x.key(1)).done());
    f.push(Hx::new(10).s(x.key(-2)).done());
    f.push(Hx::new(11).s(x.key(2)).done());
    for (off, fine_t, coarse_t) in [(-1, 35, 36), (1, 37, 38)] {
        let (fine, coarse) = x.at(off).map_or((u16::MAX - 1, u16::MAX - 1), |j| cluster_of(&words[j]));
        f.push(Hx::new(fine_t).n(fine).done());
        f.push(Hx::new(coarse_t).n(coarse).done());
    }
    for (off, t) in [(-2, 39), (2, 40)] {
        f.push(Hx::new(t).n(x.at(off).map_or(u16::MAX - 1, |j| cluster_of(&words[j]).1)).done());
    }
    f.push(Hx::new(12).s(x.stem(-1)).done());
    f.push(Hx::new(31).b(x.at(-1).map_or(255, |j| name_code(&words[j]))).done());
    f.push(Hx::new(13).s(x.stem(1)).done());
    f.push(Hx::new(32).b(x.at(1).map_or(255, |j| name_code(&words[j]))).done());
    f.push(Hx::new(14).s(x.key(-1)).s(k).done());
    f.push(Hx::new(15).s(k).s(x.key(1)).done());
    f.push(Hx::new(16).b(x.code(0)).done());
    f.push(Hx::new(17).b(x.code(-1)).done());
    f.push(Hx::new(18).b(x.code(1)).done());
    f.push(Hx::new(19).b(x.code(0)).s(x.stem(0)).done());
    f.push(Hx::new(22).s(x.stem(-1)).s(x.stem(0)).done());
    f.push(Hx::new(23).s(x.stem(0)).s(x.stem(1)).done());
    f.push(Hx::new(24).b(x.code(-2)).done());
    f.push(Hx::new(25).b(x.code(2)).done());
    f.push(Hx::new(26).s(x.key(-1)).b(shape).done());
    f.push(Hx::new(27).s(x.key(-1)).s(k).s(x.key(1)).done());
    if i == 0 {
        f.push(Hx::new(29).done());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasad_text::{analyze, tokenize, Segmenter};

    #[test]
    fn the_built_in_person_names_parse_and_know_common_names() {
        let names = parse_person_names(include_str!("../data/person_names.tsv")).unwrap();
        assert!(names.len() > 20_000, "{}", names.len());
        assert_eq!(names.get("محمد"), Some(&(2 * 3 + 2)), "given by many, family of many");
        assert!(parse_person_names("محمد\t3\n").is_err());
        assert!(parse_person_names("محمد\tmany\t0\n").unwrap_err().contains("line 1"));
        let toks = tokenize("ومحمد قال");
        let words = analyze(&toks, &Segmenter::new(std::iter::empty::<&str>()));
        assert_eq!(name_code(&words[0]), 2 * 3 + 2, "found without the conjunction");
    }

    #[test]
    fn context_features_are_role_code_and_pair_features() {
        let text = "قال وزير الخارجية الفرنسي في باريس إن";
        let toks = tokenize(text);
        let words = analyze(&toks, &Segmenter::new(["باريس"]));
        let codes: Vec<u8> = (0..words.len() as u8).map(|x| x % 3).collect();
        for i in 0..words.len() {
            let mut whole = Vec::new();
            context_features(&words, &codes, i, &mut whole);
            let mut parts = Vec::new();
            for role in Role::ALL {
                let j = i as isize + role.offset();
                let w = usize::try_from(j).ok().and_then(|j| words.get(j));
                role_features(w, role, &mut parts);
            }
            for (t, off) in CODE_TEMPLATES {
                let j = i as isize + off;
                let c = usize::try_from(j).ok().and_then(|j| codes.get(j)).copied().unwrap_or(255);
                parts.push(code_feature(t, c));
            }
            pair_features(&words, &codes, i, &mut parts);
            whole.sort_unstable();
            parts.sort_unstable();
            assert_eq!(whole, parts, "word {i}");
        }
    }
}

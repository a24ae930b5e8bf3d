//! What every stage of the event reader shares about one document: the analyzed words, which
//! mention covers each token, which tokens are inside a time, and the memory that runs across
//! sentences (the last pair of actors, the last agency and source named).

use rasad_kb::Mention;
use rasad_model::{Arg, Link, TextSpan};
use rasad_text::{TokenKind, Word};

use crate::extract::DocInput;

pub(crate) struct Ctx<'x, 'd, 'a> {
    pub(crate) d: &'x DocInput<'d, 'a>,
    /// Token → index of the mention covering it.
    pub(crate) mention_at: Vec<Option<usize>>,
    /// Token → covered by a time expression.
    pub(crate) in_time: Vec<bool>,
    /// Token → index of the quantity that starts at it.
    pub(crate) quantity_at: Vec<Option<usize>>,
    /// The NER model's names `(first, end, label)`, each ending before a verb the tagger took
    /// into it (إسماعيل ولد الشيخ أحمد | التقى), in text order.
    pub(crate) names: Vec<(usize, usize, rasad_model::Label)>,
    /// Negated triggers (لم، لن، عدم …).
    pub(crate) negated: std::cell::RefCell<Vec<usize>>,
    /// Verb triggers dropped for want of an armed force (وصلت سفينة: no deployment).
    pub(crate) forceless: std::cell::RefCell<Vec<usize>>,
    /// The attribution adverbials of the current sentence: their mentions are sources, not actors.
    pub(crate) source_spans: Vec<(usize, usize)>,
    /// Tokens `[first, end)` of the dateline's agency (الرياض … م واس): a source, never a participant.
    pub(crate) dateline: Option<(usize, usize)>,
    /// The last parties named together (السعودية وإيران), for البلدان / الجانبان.
    pub(crate) last_pair: Vec<Arg>,
    /// Doc-level memory for الوكالة / المصدر.
    pub(crate) last_agency: Option<(String, Option<String>)>,
    pub(crate) last_source: Option<String>,
    /// The last document issuer named (بيان للوزارة), for a document named again (البيان).
    pub(crate) last_issuer: Option<String>,
}

pub(crate) fn bare<'w>(w: &'w Word) -> &'w str {
    w.key_without_conj()
}

/// True when the word is a preposition or an adverb that governs the phrase after it (cue list
/// `governors`: في، على، أمام …). إمام, an imam, folds to the key of أمام and governs nothing
/// (اعتقلت الشرطة إمام المسجد).
pub(crate) fn is_governor(w: &Word) -> bool {
    let b = bare(w);
    crate::cues::cues().governors.has(b) && !imam(w)
}

/// True for إمام (an imam), whose key is that of أمام ("before"): by its spelling with إ.
pub(crate) fn imam(w: &Word) -> bool {
    bare(w) == "امام" && w.tok.text.trim_start_matches(['و', 'ف']).starts_with('إ')
}

/// True for a particle inside a person's name (بن، ابن، أبو، عبد، ولد، آل، أم …): the word after
/// it belongs to the name (محمد بن سلمان، إسماعيل ولد الشيخ أحمد).
pub(crate) fn name_particle(w: &Word) -> bool {
    matches!(bare(w), "ال" | "آل" | "بن" | "ابن" | "ابو" | "ابي" | "عبد" | "ولد" | "بنت" | "ام")
}

/// True for a bare Arabic word with no clitic that is no preposition, locative or adverb of place:
/// a noun that may head a construct (مواقع المسلحين، مدينة الرمادي; not في، على، أمام).
pub(crate) fn construct_head(w: &Word) -> bool {
    let c = crate::cues::cues();
    let b = bare(w);
    w.tok.kind == TokenKind::Arabic
        && w.seg.prefixes.is_empty()
        && w.seg.suffixes.is_empty()
        && ![&c.governors, &c.target_preps, &c.locatives, &c.place_adverbs].iter().any(|cl| cl.has(b))
}

/// True for a comma (، or ,).
pub(crate) fn is_comma(w: &Word) -> bool {
    w.tok.kind == rasad_text::TokenKind::Punct && matches!(w.tok.text, "،" | ",")
}

/// True for an opening quotation mark (« “ ").
pub(crate) fn opening_quote(w: &Word) -> bool {
    w.tok.kind == rasad_text::TokenKind::Punct && matches!(w.tok.text, "«" | "\"" | "“")
}

/// True when the word carries a third-person pronoun suffix (زيارته، نفذتها، قتلهم، أحرقه).
pub(crate) fn third_person_pronoun(w: &Word) -> bool {
    w.seg.suffixes.iter().any(|x| matches!(*x, "ه" | "ها" | "هم" | "هما")) || crate::cues::cues().short_pronoun_verbs.has(bare(w))
}

/// The letters of a token as written, without its diacritics (أُصِيبَ → أصيب).
pub(crate) fn letters(text: &str) -> impl DoubleEndedIterator<Item = char> + Clone + '_ {
    text.chars().filter(|&c| !rasad_text::normalize::is_diacritic(c))
}

pub(crate) fn is_definite_or_governed(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if w.seg.definite() || w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل" | "ك")) {
        return true;
    }
    i > 0 && is_governor(&words[i - 1])
}

/// The number of tokens (up to three) of an adverbial of manner or hedging at `i` (cue list
/// `manner_phrases`: بشدة، بكل قوة، بأشد العبارات، على ما يبدو), 0 when none starts there.
pub(crate) fn manner_len(words: &[Word], i: usize) -> usize {
    let c = crate::cues::cues();
    let Some(w) = words.get(i) else { return 0 };
    if c.manner_phrases.may_start(&w.key) {
        let mut key = w.key.clone();
        let mut best = 0;
        for (n, x) in words.iter().enumerate().skip(i + 1).take(2) {
            key.push(' ');
            key.push_str(&x.key);
            if c.manner_phrases.has(&key) {
                best = n + 1 - i;
            }
        }
        if best > 0 {
            return best;
        }
    }
    usize::from(c.manner_phrases.has(&w.key))
}

/// Where an adverbial of manner that ends at token `j` (inclusive) starts, if one does
/// (استهدف على ما يبدو | سيارتين).
pub(crate) fn manner_start(words: &[Word], j: usize) -> Option<usize> {
    (j.saturating_sub(2)..=j).find(|&s| manner_len(words, s) == j + 1 - s)
}

/// The number of tokens in `[lo, hi)` that adverbials of manner take ([`manner_len`]).
pub(crate) fn manner_tokens(words: &[Word], lo: usize, hi: usize) -> usize {
    let (mut k, mut n) = (lo, 0);
    while k < hi {
        match manner_len(words, k) {
            0 => k += 1,
            m => {
                n += m.min(hi - k);
                k += m;
            }
        }
    }
    n
}

/// Where the head of an adverbial of manner that ends at token `j` starts (cue list
/// `manner_heads`: بشكل، بصورة، على نحو), if one does: the adjective after it is no participant.
pub(crate) fn manner_head_start(words: &[Word], j: usize) -> Option<usize> {
    let c = crate::cues::cues();
    let w = words.get(j)?;
    if c.manner_heads.has(bare(w)) {
        return Some(j);
    }
    let p = j.checked_sub(1)?;
    (c.manner_heads.may_start(&words[p].key) && c.manner_heads.has(&format!("{} {}", words[p].key, w.key))).then_some(p)
}

/// True when a word within `radius` after `i` (below `hi`) is one of the prepositions `keys` with a
/// pronoun on it (عليها for على: سيطرة المقاومة عليها).
pub(crate) fn preposition_with_pronoun_after(words: &[Word], i: usize, radius: usize, hi: usize, keys: &[String]) -> bool {
    (i + 1..(i + radius + 1).min(hi)).any(|k| {
        let b = bare(&words[k]);
        crate::triggers::PRONOUNS.iter().filter_map(|p| b.strip_suffix(p)).any(|r| keys.iter().any(|x| x == r))
    })
}

pub(crate) fn near_any(words: &[Word], i: usize, radius: usize, lo: usize, hi: usize, keys: &[String]) -> bool {
    let from = i.saturating_sub(radius).max(lo);
    let to = (i + radius + 1).min(hi);
    // An indefinite accusative's ا counts as its noun (شن هجوما for near=هجوم).
    (from..to).any(|k| {
        let w = &words[k];
        let accusative = || w.seg.key.strip_suffix('ا').filter(|r| !w.seg.definite() && r.chars().count() >= 3);
        k != i
            && (keys.iter().any(|x| *x == w.key || *x == bare(w) || *x == w.seg.key)
                || accusative().is_some_and(|r| keys.iter().any(|x| x == r)))
    })
}

impl<'x, 'd, 'a> Ctx<'x, 'd, 'a> {
    /// The verb of cue list `attack_subject_verbs` (استهدف، طال، أصاب …, in any person of the
    /// perfect or imperfect) within four words after the noun at `n`, past its adjectives and
    /// an instrument (هجوما صاروخيا طال، غارة بطائرة مسيرة استهدفت، تفجير سيارة مفخخة استهدف),
    /// below `end`.
    pub(crate) fn striking_verb_after(&self, n: usize, end: usize) -> Option<usize> {
        let words = self.d.words;
        use crate::objects::{explosive, weapon};
        // (A noun an explosive adjective qualifies, or a weapon: سيارة مفخخة، عبوات ناسفة، صاروخ.)
        let instrument = |j: usize| words.get(j + 1).is_some_and(explosive) || weapon(&words[j]);
        (n + 1..(n + 5).min(end)).find(|&k| self.strikes(k)).filter(|&k| {
            (n + 1..k).all(|j| {
                let w = &words[j];
                crate::phrases::is_adjective(w)
                    || w.key.ends_with('ا')
                    || w.seg.prefixes.first() == Some(&"ب")
                    || instrument(j)
                    || explosive(w)
            })
        })
    }

    /// True when the word at `k` is a verb of cue list `attack_subject_verbs` (استهدف، طال، أصاب
    /// …): its lexicon form, or its perfect or imperfect of the third person (استهدفت، تطال).
    pub(crate) fn strikes(&self, k: usize) -> bool {
        let w = &self.d.words[k];
        let (b, c) = (bare(w), &crate::cues::cues().attack_subject_verbs);
        self.d.lexicon.lookup(w).is_some_and(|h| c.has(h.form))
            || c.has(b)
            || b.strip_suffix('ت').is_some_and(|x| c.has(x))
            || b.strip_prefix('ت').is_some_and(|x| c.has(&format!("ي{x}")))
    }

    /// True when the word at `i` counts or strings together acts, weapons or times (cue list
    /// `act_counts`, with or without its tanween's alif), before the act's noun, a weapon or مرات,
    /// directly or after من (شن الطيران عدة غارات، سلسلةً من الهجمات، أطلقوا مئات الصواريخ، قصفوا
    /// عدة مرات): no participant and no object. Not a count of people (عشرات القتلى). Below `hi`.
    pub(crate) fn counts_acts(&self, i: usize, hi: usize) -> bool {
        let words = self.d.words;
        let c = crate::cues::cues();
        let b = bare(&words[i]);
        if !(c.act_counts.has(b) || b.strip_suffix('ا').is_some_and(|x| c.act_counts.has(x))) {
            return false;
        }
        let counted = |k: usize| {
            k < hi
                && words.get(k).is_some_and(|n| {
                    let nb = bare(n);
                    let act = self.d.lexicon.lookup(n).is_some_and(|h| h.nominal) && crate::phrases::word_class(n).is_none();
                    act || c.weapons.has(nb) || c.weapons.has(nb.strip_prefix("ال").unwrap_or(nb)) || matches!(nb, "مرات" | "مره")
                })
        };
        counted(i + 1) || (i + 2 < hi && bare(&words[i + 1]) == "من" && counted(i + 2))
    }

    /// True when token `k` is a word that is also a family name (cue list `name_words`: شكر، نصر،
    /// حرب) right after a compound name with عبد (عبد الغفار، عبدالله: عبد then a definite word, or one
    /// word written عبدال…): it is the bearer's next name (عبد الغفار شكر), not the act it also spells.
    /// (Not any word: a byline's name before the lead's verb is no name, هيفاء عبدالله اقتحمت الشرطة;
    /// nor after a name the catalogue links, nor before a definite word or a linked name, its
    /// object: الملك عبدالله شكر الرئيس الأمريكي.)
    pub(crate) fn after_theophoric(&self, k: usize) -> bool {
        let words = self.d.words;
        let w = &words[k];
        if k == 0 || !w.seg.prefixes.is_empty() || !crate::cues::cues().name_words.has(bare(w)) || self.mention_at[k - 1].is_some() {
            return false;
        }
        // (A definite word or a linked name right after it is its object: the word is a verb there.)
        if words.get(k + 1).is_some_and(|n| n.seg.definite()) || self.mention_at.get(k + 1).is_some_and(|m| m.is_some()) {
            return false;
        }
        let prev = &words[k - 1];
        let arabic = prev.tok.kind == TokenKind::Arabic;
        let joined = arabic && prev.seg.key.starts_with("عبدال") && prev.seg.key.chars().count() > 6;
        let spaced = k >= 2 && arabic && bare(&words[k - 2]) == "عبد" && (prev.seg.definite() || prev.seg.key.starts_with("ال"));
        joined || spaced
    }

    /// True when token `k` is inside a name the NER model found.
    pub(crate) fn named(&self, k: usize) -> bool {
        let names = &self.names;
        let i = names.partition_point(|n| n.1 <= k);
        names.get(i).is_some_and(|n| n.0 <= k)
    }

    /// Prints why the word at token `i` states no event, with its code-point offset, when
    /// `RASAD_DEBUG` is set (a trace for the rule writer; nothing otherwise: `why` is formatted
    /// only then).
    pub(crate) fn skip(&self, i: usize, why: std::fmt::Arguments) {
        if *crate::extract::DEBUG {
            let w = &self.d.words[i];
            eprintln!("skip {:?} @{} {why}", w.tok.text, w.tok.span.start);
        }
    }

    pub(crate) fn word(&self, i: usize) -> Option<&'d Word<'a>> {
        self.d.words.get(i)
    }

    pub(crate) fn slice(&self, start_tok: usize, end_tok: usize) -> TextSpan {
        let a = &self.d.words[start_tok].tok;
        let b = &self.d.words[end_tok - 1].tok;
        TextSpan { text: self.d.text[a.byte_start..b.byte_start + b.text.len()].to_string(), start: a.span.start, end: b.span.end }
    }

    /// The span of an argument over tokens `[start_tok, end_tok)`: as [`Self::slice`], less the
    /// first word's conjunction and preposition (و، ف، ب، ك، ل), which belong to the sentence, not
    /// to the mention: ومصر → مصر، والجيش → الجيش, and للمتمردين → متمردين (ل + ال is written لل:
    /// the article's alif is not in the text, and its lam alone would read as the preposition
    /// again, لمتمردين "for rebels"). Only where the split is sure: before the article, or on a
    /// catalogue name that does not itself begin with the letters (وليد المعلم، فرنسا، بغداد
    /// stay whole); an indefinite common noun keeps them (فندقا، فتاة: the segmenter's guess).
    pub(crate) fn arg_slice(&self, start_tok: usize, end_tok: usize) -> TextSpan {
        self.arg_slice_governed(start_tok, end_tok, false)
    }

    /// As [`Self::arg_slice`]; `governed` says the phrase reader took the first word's clitic as
    /// the phrase's preposition (لطيران التحالف → طيران التحالف), which makes the split sure.
    pub(crate) fn arg_slice_governed(&self, start_tok: usize, end_tok: usize, governed: bool) -> TextSpan {
        let mut s = self.slice(start_tok, end_tok);
        let w = &self.d.words[start_tok];
        let mut n = w.seg.prefixes.iter().take_while(|p| matches!(**p, "و" | "ف" | "ب" | "ك" | "ل")).count();
        // ل + ال written لل: the article's lam goes with the preposition's.
        if n > 0 && w.seg.prefixes[n - 1] == "ل" && w.seg.prefixes.get(n) == Some(&"ال") && letters(w.tok.text).nth(n) == Some('ل') {
            n += 1;
        }
        // An indefinite nisba's first letters are its own, not clitics (متظاهرا فلسطينيا، لاجئا
        // لبنانيا): only a conjunction و comes off it.
        let nisba = self.mention_at[start_tok].is_some_and(|m| {
            let m = &self.d.mentions[m];
            m.first == start_tok && m.kind == rasad_kb::MentionKind::Demonym
        }) && !w.seg.definite();
        if nisba {
            n = w.seg.prefixes.iter().take_while(|p| **p == "و").count();
        }
        if n == 0 || w.tok.kind != rasad_text::TokenKind::Arabic {
            return s;
        }
        let named = self.mention_at[start_tok].is_some_and(|m| self.d.mentions[m].first == start_tok);
        let sure = w.seg.definite() || (named && !self.d.kb.begins_a_name(&w.key)) || (governed && !named);
        if !sure {
            return s;
        }
        // Skip n letters of the surface and the marks that ride on them (وَبِـ).
        let mut letters = 0;
        let mut cut = 0;
        for (k, c) in s.text.char_indices() {
            if rasad_text::normalize::is_diacritic(c) || c == '\u{0640}' {
                continue;
            }
            if letters == n {
                cut = k;
                break;
            }
            letters += 1;
        }
        // Something of the word must remain.
        if cut == 0 || cut >= w.tok.text.len() {
            return s;
        }
        s.start += s.text[..cut].chars().count();
        s.text.drain(..cut);
        s
    }

    pub(crate) fn mention_arg(&self, m: &Mention, as_place: bool) -> Arg {
        let s = self.arg_slice(m.first, m.end);
        let kb = self.d.kb;
        let (id, name, lat, lon, geo) = if as_place {
            match m.place.map(|p| &kb.places[p]) {
                Some(p) => (Some(p.id.clone()), Some(p.name.clone()), Some(p.lat), Some(p.lon), Some(p.geo_precision())),
                None => (None, None, None, None, None),
            }
        } else {
            match m.actor.map(|a| &kb.actors[a]) {
                Some(a) => (Some(a.id.clone()), Some(a.name.clone()), None, None, None),
                None => (None, None, None, None, None),
            }
        };
        Arg { span: s, link: Link { id, name, lat, lon, geo_precision: geo } }
    }
}

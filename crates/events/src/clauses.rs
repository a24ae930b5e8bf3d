//! Clauses: a sentence of Arabic news is a chain of clauses, and each states its own event
//! (قصفت قوات النظام بلدة أ، بينما قصفت الطائرات بلدة ب، كما جددت قصفها لمدينة ج). A clause starts
//! at a connector (فيما، بينما، كما، كذلك، في حين، ترافق مع …), at a circumstantial participle
//! (مؤكدا، داعيا …: its subject is the main clause's), at a complementizer after a verb of
//! saying (قال إن …), at a relative word (الذي، التي: it describes a noun before it), at a
//! quotation, at و before a verb after a comma, and at a verb after the comma that ends a
//! relative clause (… التي عقدت أمس، جدد البلدان دعمهما).

use rasad_text::{Sentence, TokenKind};

use crate::context::{bare, Ctx};
use crate::cues::cues;

/// How a clause hangs on the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Link {
    /// The first clause of the sentence, or one after a connector.
    Main,
    /// A circumstantial participle (… مؤكدا أن، داعيا إلى): same subject as the main clause.
    Hal,
    /// The content of a verb of saying (قال إن …).
    Complement,
    /// A relative clause (التفجير الذي استهدف …): describes a noun before it.
    Relative,
    /// و + verb: often the same subject as the clause before.
    Coordinated,
    /// A quotation.
    Quote,
    /// The outcome of the clause before (ما أسفر عن مقتل …): its event is that clause's again.
    Consequence,
}

/// A clause: tokens `[first, end)`.
#[derive(Debug, Clone)]
pub(crate) struct Clause {
    pub first: usize,
    pub end: usize,
    pub link: Link,
    /// The clause it hangs on (for Hal, Complement, Relative and Coordinated clauses).
    pub parent: Option<usize>,
}

impl Ctx<'_, '_, '_> {
    /// True when a word reads as a verb at the start of a clause: a trigger verb, or a word with
    /// the imperfect or the perfect's shape that the lexicon knows.
    fn verb_like(&self, i: usize) -> bool {
        let w = &self.d.words[i];
        w.tok.kind == TokenKind::Arabic && !w.seg.definite() && self.d.lexicon.lookup(w).is_some_and(|h| !h.nominal)
    }

    /// True when the verb with و at `i` opens a clause of its own without a comma (اعتقلت الشرطة
    /// خمسة في حمص | واعتقلت ثلاثة في حماة): the clause since `first` already has a verb and a
    /// word after it, and no verb stands right before (هاجموا وقتلوا is one act told twice); a
    /// toll's wounded go on with its dead (قتل خمسة وأصيب عشرة: cue list `wound_stems`).
    fn coordinated_verb(&self, i: usize, first: usize) -> bool {
        let words = self.d.words;
        i >= first + 3
            && words[i - 1].tok.kind == TokenKind::Arabic
            && !self.verb_like(i - 1)
            && (first..i - 1).any(|k| self.verb_like(k))
            && !cues().wound_stems.has_prefix_of(bare(&words[i]))
    }

    /// True when the word at `i` is a verb of the lexicon with an object pronoun, which the lexicon
    /// may read as its verbal noun with a possessor (وحثه، ودعاهم): after a clause with a verb, with
    /// و, it opens a clause of its own (استقبل السيسي رئيس الوزراء وحثه على …).
    fn pronoun_verb(&self, i: usize) -> bool {
        let w = &self.d.words[i];
        w.tok.kind == TokenKind::Arabic
            && !w.seg.definite()
            && crate::context::third_person_pronoun(w)
            && self.d.lexicon.lookup(w).is_some_and(|h| h.entries.iter().any(|e| e.verb))
    }

    /// True when the word at `i` keeps its conjunction و in its stem, as the segmenter does on a
    /// verb of two letters (وحثه → وحث، listed whole in the lexicon), and the form without it is a
    /// verb of the lexicon.
    fn whole_waw(&self, i: usize) -> bool {
        let w = &self.d.words[i];
        w.seg.prefixes.is_empty()
            && self.d.lexicon.lookup(w).is_some_and(|h| h.form.strip_prefix('و').is_some_and(|r| self.d.lexicon.is_verb(r)))
    }

    /// True when the word after `i` is إيا with a pronoun (إياه، إياها، إياهم): the word at `i` is a
    /// participle taking its object, a circumstantial clause of its own even without a comma
    /// (انتقدت الحركة رئيس النادي متهمة إياه بالانحياز; an adjective never takes إياه).
    pub(crate) fn before_iyya(&self, i: usize) -> bool {
        self.d.words.get(i + 1).is_some_and(|n| matches!(bare(n), "اياه" | "اياها" | "اياهم" | "اياهما"))
    }

    /// True when the word with و at `i` is the second party after a بين that has named only one
    /// (اشتباكات بين قوات الأمن ومتظاهرين، معارك بين الجيش وتحالف مليشيات الحوثي: a party's word
    /// that a verb may spell, no clause), with no verb, punctuation or other و-word since the بين in the
    /// clause that starts at `first` (اشتباكات بين الجيش والمسلحين وقتل خمسة: the pair is whole).
    pub(crate) fn second_party(&self, i: usize, first: usize) -> bool {
        let words = self.d.words;
        // (A word shaped as a party only: a group noun, a people's plural or a definite noun; a
        // plain verb opens a clause, بين الطرفين وقتل ثلاثة: the pair was one word.)
        let w = &words[i];
        let party_shape = w.seg.definite() || crate::forms::word_class(w).is_some() || crate::forms::people_plural(w);
        if w.seg.prefixes.first() != Some(&"و") || !party_shape {
            return false;
        }
        let Some(b) = (first..i).rev().take(10).find(|&k| bare(&words[k]) == "بين") else { return false };
        i > b + 1
            && (b + 1..i).all(|k| {
                let w = &words[k];
                let quote = w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "«" | "»" | "\"" | "“" | "”");
                quote || (w.tok.kind == TokenKind::Arabic && w.seg.prefixes.first() != Some(&"و") && !self.verb_like(k))
            })
    }

    /// The clauses of a sentence, in order.
    pub(crate) fn clauses(&self, s: &Sentence) -> Vec<Clause> {
        let words = self.d.words;
        let c = cues();
        let mut out = vec![Clause { first: s.first_token, end: s.end_token, link: Link::Main, parent: None }];
        let mut main = 0usize;
        let mut i = s.first_token + 1;
        while i < s.end_token {
            let w = &words[i];
            let prev = &words[i - 1];
            let after_comma = prev.tok.kind == TokenKind::Punct && matches!(prev.tok.text, "،" | "," | "؛" | ";" | ":" | "-" | "–");
            let b = bare(w);
            // Keys of two and three words, only where a connector or consequence of several words
            // may start (no allocation per word).
            let multi = c.connector_phrases.may_start(&w.key) || c.consequences.may_start(&w.key);
            let two = if multi && i + 1 < s.end_token { format!("{} {}", w.key, words[i + 1].key) } else { String::new() };
            let three = if multi && i + 2 < s.end_token { format!("{two} {}", words[i + 2].key) } else { String::new() };
            let phrase_len = if c.connector_phrases.has(&three) {
                3
            } else if c.connector_phrases.has(&two) {
                2
            } else {
                1
            };
            // وسط before a place is where, not "amid" (وسط مدينة الناصرية، وسط بغداد).
            let locative = matches!(b, "وسط" | "قبل" | "بعد")
                && words.get(i + 1).is_some_and(|n| {
                    // (with the article too: وسط المدينة، وسط العاصمة)
                    let b = bare(n);
                    c.locatives.has(b)
                        || b.strip_prefix("ال").is_some_and(|r| c.locatives.has(r))
                        || self.mention_at[i + 1].is_some_and(|m| self.d.mentions[m].place.is_some())
                });
            // A connector whose last word a trigger just before takes as its preposition is that
            // trigger's complement, no boundary (وقفت الكويت إلى جانب السعودية: وقف on=جانب).
            let governed = phrase_len > 1 && {
                let last = bare(&words[i + phrase_len - 1]);
                (i.saturating_sub(5).max(s.first_token)..i).any(|k| {
                    self.d
                        .lexicon
                        .lookup(&words[k])
                        .is_some_and(|h| h.entries.iter().any(|e| crate::triggers::frame_of(e).iter().any(|f| f == last)))
                })
            };
            let phrase_len = if governed { 1 } else { phrase_len };
            let consequence = c.consequences.has(&two) || (c.consequences.has(w.key.as_str()) && after_comma);
            let phrase_len = if c.consequences.has(&two) { 2 } else { phrase_len };
            // (A hedge opens no clause: ودعا الرئيس فيما يبدو المعارضة، قتلوا كما يبدو جنديين; tested
            // only where a connector would open one.)
            let hedge = || crate::context::manner_len(words, i) > 1;
            let link = if w.tok.kind != TokenKind::Arabic || self.mention_at[i].is_some() || locative {
                None
            } else if consequence {
                Some(Link::Consequence)
            } else if phrase_len > 1
                || c.connectors.has(w.key.as_str())
                    && !hedge()
                    && (after_comma || !matches!(b, "بعد" | "قبل" | "حتي" | "ما" | "مما"))
                    // (An adverb, no boundary, when no verb follows: وانتقد أردوغان كذلك | الدول.)
                    && (after_comma || !c.adverbial_connectors.has(w.key.as_str()) || i + 1 >= s.end_token || self.verb_like(i + 1))
            {
                Some(Link::Main)
            } else if (after_comma || self.before_iyya(i) || self.bare_hal(out[out.len() - 1].first, i))
                && (c.hal_openers.has(w.key.as_str())
                    // (…and every participle of a statement in the lexicon, in ا or ين: محملا،
                    // منتقدين; one in ة may be a verbal noun, مطالبة، مساعدة, and one of a physical
                    // act names people, متظاهرين، فارين: hal_openers lists those that open one.)
                    || (!w.key.ends_with('ه')
                        && self.d.lexicon.lookup(w).is_some_and(|h| {
                            h.entries.iter().any(|e| e.participle) && h.entries.iter().all(|e| !crate::types::info(e.kind).material)
                        })))
            {
                Some(Link::Hal)
            } else if c.complementizers.has(w.key.as_str()) {
                Some(Link::Complement)
            } else if c.relatives.has(w.key.as_str()) {
                Some(Link::Relative)
            } else if after_comma
                && out[out.len() - 1].link == Link::Relative
                && !matches!(w.seg.prefixes.first(), Some(&"و" | &"ف"))
                && (self.is_verb(i) || c.affirmers.has(b))
            {
                // A verb after the comma that closes a relative clause is the sentence's own, with
                // its subject after it or before the relative (وفي بيان صدر عقب الاجتماعات التي
                // عقدت أمس، جدد البلدان دعمهما؛ وكان الوزير الذي قام بزيارة إلى المنطقة، التقى ممثلين).
                Some(Link::Coordinated)
            } else if (w.seg.prefixes.first() == Some(&"و") || self.whole_waw(i))
                && (self.verb_like(i) || self.pronoun_verb(i))
                && (after_comma || self.coordinated_verb(i, out[out.len() - 1].first))
                && !self.second_party(i, out[out.len() - 1].first)
            {
                Some(Link::Coordinated)
            } else if matches!(w.tok.text, "«" | "\"" | "“") {
                Some(Link::Quote)
            } else {
                None
            };
            // A quotation opens a clause when it quotes words, not a name (طرد «داعش»).
            let quote_open = w.tok.kind == TokenKind::Punct
                && matches!(w.tok.text, "«" | "“")
                && !(i + 1..(i + 5).min(s.end_token)).any(|k| matches!(words[k].tok.text, "»" | "”"));
            let link = if quote_open { Some(Link::Quote) } else { link.filter(|l| *l != Link::Quote) };
            if let Some(link) = link {
                let last = out.len() - 1;
                // A clause of a single word is no clause (قال: ...، في حين): fold it into the next.
                if i > out[last].first + 1 {
                    out[last].end = i;
                    // (A circumstantial clause is the last verbal clause's: وقصفت الطائرات المواقع، وندد
                    // رئيس البرلمان بالهجمات مطالبا بتحقيق: the speaker demands, not the planes.)
                    let verbal = (main..=last).rev().find(|&k| matches!(out[k].link, Link::Main | Link::Coordinated)).unwrap_or(main);
                    // (A verb of a material act joined by و after a complement, or after a chain of
                    // them, goes on with what is told, not with the speaker: قالت الشرطة إن مسلحين
                    // هاجموا حافلة وقتلوا ستة ركاب، قتلت مسلحا واعتقلت 16 آخرين وضبطت أسلحة. A
                    // statement or a verb of saying is the speaker's again: وندد، وأضاف أن …)
                    let complement = match out[last].link {
                        Link::Complement => Some(last),
                        Link::Coordinated => out[last].parent.filter(|&p| out[p].link == Link::Complement),
                        _ => None,
                    };
                    let material =
                        || self.d.lexicon.lookup(w).is_some_and(|h| h.entries.iter().all(|e| crate::types::info(e.kind).material));
                    let told = link == Link::Coordinated && complement.is_some() && material();
                    let parent = match link {
                        Link::Main => None,
                        Link::Hal => Some(verbal),
                        Link::Coordinated if told => complement,
                        _ => Some(if matches!(link, Link::Relative | Link::Complement | Link::Consequence) { last } else { main }),
                    };
                    out.push(Clause { first: i, end: s.end_token, link, parent });
                    if link == Link::Main {
                        main = out.len() - 1;
                    }
                }
            }
            // A connector of several words is one boundary.
            i += if link.is_some() { phrase_len } else { 1 };
        }
        out
    }
}

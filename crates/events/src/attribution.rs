//! According to whom: the attribution phrase of a sentence (وفق ما أفاد، نقلت وكالة، قال، بحسب …);
//! الوكالة and المصدر resolve to the last agency or source named before.

use rasad_kb::{ActorType, MentionKind};
use rasad_model::Source;
use rasad_text::{Sentence, TokenKind};

use crate::context::{bare, Ctx};
use crate::cues::cues;

pub(crate) const ATTRIBUTION: &[&str] = &[
    "وفق",
    "وفقا",
    "بحسب",
    "حسب",
    "نقلت",
    "نقل",
    "نقلا",
    "قال",
    "قالت",
    "اعلن",
    "اعلنت",
    "افاد",
    "افادت",
    "ذكر",
    "ذكرت",
    "كشف",
    "كشفت",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "اشار",
    "اشارت",
    "صرح",
    "لفت",
    "لفتت",
    "اضاف",
    "اضافت",
    "تابع",
    "تابعت",
    "اورد",
    "اوردت",
    "اوردته",
    "اوردها",
    "زعم",
    "زعمت",
    "ادعي",
    "ادعت",
    "افادت",
    "اعتبر",
    "نقلته",
    "اورد",
    "اوردت",
    "روي",
    "روت",
];

pub(crate) const ADVERBIAL_CUES: &[&str] = &["وفق", "وفقا", "بحسب", "حسب", "نقلت", "نقل", "نقلا", "افاد", "افادت", "اورد", "اوردت"];

/// Adverbial cues that report as verbs too unless ما stands before them (أفاد الوزير أنه التقى …,
/// whose speaker may act; كما أفاد المرصد).
const VERBAL_CUES: &[&str] = &["افاد", "افادت", "اورد", "اوردت"];

pub(crate) const SOURCE_STOPS: &[&str] = &[
    "ان",
    "انه",
    "انها",
    "انهم",
    "بان",
    "بانه",
    "بانها",
    "بانهم",
    "فان",
    "فانه",
    "فانها",
    "فانهم",
    "عن",
    "في",
    "من",
    "الي",
    "علي",
    "اليوم",
    "امس",
    "الذي",
    "التي",
    "ما",
];

/// What [`Ctx::sources_of`] finds in a sentence.
#[derive(Default)]
pub(crate) struct Attribution {
    /// Each source, with whether it is an adverbial (وفق ما أفاد المرصد).
    pub(crate) sources: Vec<(Source, bool)>,
    /// Code-point spans of the outlets the sources tell.
    pub(crate) told: Vec<(usize, usize)>,
}

/// True for a preposition's pronoun after a reporting verb, whom or of whom it was said (قال لها،
/// أعلن فيه، قال لنا).
fn told_pronoun(x: &rasad_text::Word) -> bool {
    cues().preposition_pronouns.has(bare(x)) || matches!(bare(x), "لنا" | "لي")
}

/// True for a word that may name a speaker: a name, a body, an office, people, a reporter (cue list
/// `reporters`) or some of them (أحد السكان، بعض الشهود: cue lists `partitive_heads`,
/// `unnumbered_counts`); not an adverb, a governor or a place.
fn speaker_word(x: &rasad_text::Word) -> bool {
    let c = cues();
    let b = bare(x);
    !c.governors.has(b)
        && (crate::forms::word_class(x).is_some_and(|h| h != crate::phrases::Head::Place)
            || [&c.reporters, &c.partitive_heads, &c.unnumbered_counts].iter().any(|cl| cl.has(b)))
}

/// True for ل written alone with a tatweel (لـ«الشرق الأوسط»): a preposition, no word of a phrase.
fn lone_lam(w: &rasad_text::Word) -> bool {
    w.tok.text.trim_end_matches('ـ') == "ل"
}

/// [`ATTRIBUTION`] as a set: it is asked about every word of every sentence.
pub(crate) fn is_attribution(k: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| ATTRIBUTION.iter().copied().collect());
    SET.contains(k)
}

impl Ctx<'_, '_, '_> {
    /// The attribution of a sentence: a cue word and the phrase naming the source after it (with
    /// whether it is an adverbial, وفق ما أفاد), and the code-point spans of the outlets the sources
    /// tell (قالت مصادر لـ«الشرق الأوسط»، صرح للصحفيين), which name no participant of what is told.
    pub(crate) fn sources_of(&mut self, s: &Sentence) -> Attribution {
        let mut out = Vec::new();
        let mut told = Vec::new();
        if let Some((src, outlet)) = self.headline_speaker(s) {
            out.push((src, false));
            told.push(outlet);
        }
        let words = self.d.words;
        let mut i = s.first_token;
        while i < s.end_token {
            let w = &words[i];
            let k = bare(w);
            let mut cue = is_attribution(k) || (k.starts_with("وفق") && k.len() <= 8);
            // نقل also means "moved": it reports only with an outlet or عن after it.
            if cue && k.starts_with("نقل") {
                cue = (i + 1..(i + 5).min(s.end_token)).any(|x| {
                    let b = bare(&words[x]);
                    matches!(b, "عن" | "وكاله" | "صحيفه" | "قناه" | "موقع" | "مصادر" | "مصدر")
                        || self.mention_at[x].is_some_and(|mi| {
                            self.d.mentions[mi].actor.is_some_and(|a| matches!(self.d.kb.actors[a].kind, ActorType::Media))
                        })
                });
            }
            if !cue || self.mention_at[i].is_some() {
                i += 1;
                continue;
            }
            // Skip "ما" and a second cue (وفق ما أفاد), and a quoted opening.
            // (…and the verb after ما that has its object in itself: وبحسب ما كشفه مسؤولون، وفق ما
            // أوردته الوكالة.)
            let mut j = i + 1;
            while j < s.end_token
                && (matches!(bare(&words[j]), "ما" | "لما")
                    || is_attribution(bare(&words[j]))
                    || (j > i + 1 && matches!(bare(&words[j - 1]), "ما" | "لما") && crate::context::third_person_pronoun(&words[j]) && self.mention_at[j].is_none())
                    // (…and whom it was said to or of, a preposition's pronoun: وقال لها مسؤول أمني،
                    // وأعلن فيه الجيش، قالت فيه:.)
                    || told_pronoun(&words[j])
                    || cues().speaker_asides.has(bare(&words[j]))
                    || words[j].tok.kind == TokenKind::Punct && !matches!(words[j].tok.text, "،" | ":" | "." | ","))
            {
                j += 1;
            }
            // نقلت وكالة … : the agency; قال … لوكالة X: the speaker stays the source.
            if j >= s.end_token {
                break;
            }
            // The outlet told may stand before the speaker (وأوضح لـ"الاقتصادية" القيادي فلان):
            // the source is after it. (Not before what is said: وقال لفرانس برس تقدمنا.)
            let mut told_first = None;
            if let Some(span) = self.addressee_after(j, s.end_token) {
                let speaker_at = |x: usize| speaker_word(&words[x]) || self.mention_at[x].is_some() || self.name_at(x).is_some();
                if let Some(n) = (j + 1..s.end_token).find(|&x| words[x].tok.span.start >= span.1).filter(|&n| speaker_at(n)) {
                    told_first = Some(span);
                    j = n;
                }
            }
            let k = k.to_string();
            let k = k.as_str();
            // (No phrase after it, قالت فيه: …: the speaker named right before the verb.)
            let verbal = !ADVERBIAL_CUES.contains(&k) && !k.starts_with("وفق");
            // (Past a preposition's pronoun, an event word is what is said: أكد فيه مقتل خمسين.)
            // (…and only a speaker stands there: a name, a body, an office, people or a reporter,
            // not an adverb or a noun of what is said: وقال لها بعد ذلك، أعلن فيه مسؤوليته.)
            let speaker_like = |x: &rasad_text::Word| speaker_word(x) && !crate::context::third_person_pronoun(x);
            let pronoun_skipped = (i + 1..j).any(|x| told_pronoun(&words[x]));
            let said_after_pronoun =
                pronoun_skipped && self.mention_at[j].is_none() && (self.d.lexicon.lookup(&words[j]).is_some() || !speaker_like(&words[j]));
            let found = if said_after_pronoun { None } else { self.source_phrase(j, s.end_token) };
            if let Some(src) = found.or_else(|| verbal.then(|| self.speaker_before(s, i)).flatten()) {
                // The outlet told, right after the source or past where it is (مصادر محلية في مديرية
                // لودر لـ«الشرق الأوسط»), before what is said (أن، عن) or an event word.
                let after = (j..s.end_token).find(|&x| words[x].tok.span.start >= src.span.end).unwrap_or(s.end_token);
                let outlet = words[after..s.end_token.min(after + 8)].iter().enumerate().find_map(|(n, x)| {
                    if let Some(span) = self.addressee_after(after + n, s.end_token) {
                        return Some(Some(span));
                    }
                    let said = cues().complementizers.has(bare(x)) || bare(x) == "عن";
                    (said || self.d.lexicon.lookup(x).is_some()).then_some(None)
                });
                told.extend(outlet.flatten());
                told.extend(told_first);
                let as_verb = VERBAL_CUES.contains(&k) && !(i > s.first_token && bare(&words[i - 1]).ends_with("ما"));
                let adverbial = (ADVERBIAL_CUES.contains(&k) && !as_verb) || k.starts_with("وفق");
                out.push((src, adverbial));
            }
            i = j.max(i + 1);
        }
        Attribution { sources: out, told }
    }

    /// The agency of the document's dateline or sign-off: a news agency of the catalogue standing
    /// alone between punctuation, a date or a number and the end of its line or sentence, in the
    /// first three sentences or the last one (الرياض 10 أغسطس 2015 م واس، بغداد (رويترز) -،
    /// …(أ ف ب)). It is the source of the events no sentence attributes.
    pub(crate) fn dateline_source(&self) -> Option<(Source, (usize, usize))> {
        let (words, sentences) = (self.d.words, self.d.sentences);
        let sentence_of = |t: usize| sentences.partition_point(|s| s.end_token <= t);
        let near = |t: usize| {
            let k = sentence_of(t);
            k < 3 || k + 1 == sentences.len()
        };
        let opens = |t: usize| {
            t == 0 || {
                let w = &words[t - 1];
                matches!(w.tok.kind, TokenKind::Punct | TokenKind::Number) || matches!(w.tok.text, "م" | "هـ" | "ه")
            }
        };
        // (…or a verb: the article's first line starts there, الرياض … م واس أصيب …)
        let closes = |e: usize| {
            e >= words.len()
                || words[e].tok.kind == TokenKind::Punct
                || sentences.get(sentence_of(e - 1)).is_some_and(|s| s.end_token == e)
                || self.is_verb(e)
        };
        self.d.mentions.iter().find_map(|m| {
            let media = m.actor.is_some_and(|a| self.d.kb.actors[a].kind == ActorType::Media);
            (media && near(m.first) && opens(m.first) && closes(m.end)).then(|| {
                let a = self.mention_arg(m, false);
                (Source { span: a.span, name: a.link.name, id: a.link.id }, (m.first, m.end))
            })
        })
    }

    /// The speaker named right before a reporting verb at token `cue` that names none after it:
    /// the nearest person or body of the catalogue or the tagger within eight words before it in
    /// its sentence, no place (الباحثة لوري بوارتن، قالت فيه: …). None when there is none.
    fn speaker_before(&self, s: &Sentence, cue: usize) -> Option<Source> {
        let lo = cue.saturating_sub(8).max(s.first_token);
        let mi = (lo..cue).rev().find_map(|k| {
            self.mention_at[k].filter(|&m| {
                let m = &self.d.mentions[m];
                m.first >= lo
                    && m.end <= cue
                    && (m.actor.is_some() || m.kind == MentionKind::Name)
                    && m.kind != MentionKind::Demonym
                    && m.place.is_none()
                    && !self.d.words[m.first].seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل"))
            })
        })?;
        let a = self.mention_arg(&self.d.mentions[mi], false);
        Some(Source { span: a.span, name: a.link.name, id: a.link.id })
    }

    /// A headline's speaker: the words that open the sentence before the outlet told and a colon
    /// (المخلافي لـ«المدينة»: مليشيا الحوثي تهرب من تعز، قائد المقاومة في لحج لـ«عكاظ»: …), with the
    /// outlet's code-point span. None when the sentence does not open so (within six words, none an
    /// event word or a verb).
    fn headline_speaker(&self, s: &Sentence) -> Option<(Source, (usize, usize))> {
        let words = self.d.words;
        let first = s.first_token;
        if words.get(first).is_none_or(|w| w.tok.kind != TokenKind::Arabic) {
            return None;
        }
        // (No event word or indefinite adjective: ضربة موجعة لـ«داعش»:، انتصار جديد لـ«المقاومة»:
        // are slogans, no speakers.)
        // (An adjective after a speaker's noun is his: مصدر عسكري لـ«عكاظ»:.)
        let speaker = self.mention_at[first].is_some() || speaker_word(&words[first]);
        let slogan =
            |x: &rasad_text::Word| self.d.lexicon.lookup(x).is_some() || (!speaker && crate::phrases::is_adjective(x) && !x.seg.definite());
        // (Nor a reporting verb: وقال لـ«الحياة»: … tells no speaker.)
        if slogan(&words[first]) || is_attribution(bare(&words[first])) || self.is_verb(first) {
            return None;
        }
        for k in first + 1..(first + 7).min(s.end_token) {
            if let Some(outlet) = self.addressee_after(k, s.end_token) {
                let after = words.partition_point(|x| x.tok.span.start < outlet.1);
                let colon = words.get(after).is_some_and(|x| x.tok.text == ":");
                return colon.then(|| (Source { span: self.arg_slice(first, k), name: None, id: None }, outlet));
            }
            let w = &words[k];
            if w.tok.kind != TokenKind::Arabic || slogan(w) || self.is_verb(k) {
                return None;
            }
        }
        None
    }

    /// The outlet a source tells, at token `k` (before `end`): a quoted name after ل (لـ«الشرق
    /// الأوسط»)، a news outlet of the catalogue or a ل phrase headed by a press noun (cue list `press`:
    /// لوكالة الأنباء الفرنسية، للصحفيين). Its code-point span, or `None`.
    fn addressee_after(&self, k: usize, end: usize) -> Option<(usize, usize)> {
        let words = self.d.words;
        let w = words.get(k).filter(|_| k < end)?;
        let start = if lone_lam(w) {
            k + 1
        } else if w.seg.prefixes.contains(&"ل") && !w.seg.prefixes.contains(&"ب") {
            k
        } else {
            return None;
        };
        let first = words.get(start).filter(|_| start < end)?;
        let span = |e: usize| (words[start].tok.span.start, words[e - 1].tok.span.end);
        if crate::context::opening_quote(first) {
            return Some(span(self.closing_quote(start, end)? + 1));
        }
        if let Some(m) = self.mention_at[start].map(|m| &self.d.mentions[m]).filter(|m| m.first == start) {
            if m.actor.is_some_and(|a| self.d.kb.actors[a].kind == ActorType::Media) {
                return Some(span(m.end.min(end)));
            }
        }
        let base = first.seg.base_key();
        let press = &cues().press;
        if !(press.has(base) || first.seg.definite() && press.has(&format!("ال{base}"))) {
            return None;
        }
        // The head and the name after it: a catalogue mention, else up to four words.
        let mut e = start + 1;
        while e < end && e < start + 5 {
            if let Some(m) = self.mention_at[e].map(|m| &self.d.mentions[m]).filter(|m| m.first == e) {
                e = m.end.min(end);
                break;
            }
            let x = &words[e];
            // (A quoted name: to its closing quote, لوكالة «سبوتنيك».)
            if crate::context::opening_quote(x) {
                if let Some(c) = self.closing_quote(e, end) {
                    e = c + 1;
                }
                break;
            }
            if x.tok.kind != TokenKind::Arabic
                || self.d.lexicon.lookup(x).is_some()
                || SOURCE_STOPS.contains(&bare(x))
                || !x.seg.prefixes.is_empty()
            {
                break;
            }
            e += 1;
        }
        Some(span(e))
    }

    /// The closing quotation mark of a quoted name opened at token `open` (two to eight words, before
    /// `end`): its token.
    fn closing_quote(&self, open: usize, end: usize) -> Option<usize> {
        (open + 2..end.min(open + 10)).find(|&x| matches!(self.d.words[x].tok.text, "»" | "\"" | "”"))
    }

    /// The end of a document's issuer named at token `k` (before `end`): a ل phrase (للوزارة،
    /// لرئاسة الإقليم) or one after صدر عن / الصادر عن, up to four words or its catalogue name.
    fn issuer_after(&self, k: usize, end: usize) -> Option<usize> {
        let words = self.d.words;
        let w = words.get(k).filter(|_| k < end)?;
        let start = if w.seg.prefixes.contains(&"ل") && !w.seg.prefixes.contains(&"ب") {
            k
        } else if matches!(bare(w), "صدر" | "صادر" | "الصادر") && words.get(k + 1).is_some_and(|n| bare(n) == "عن") && k + 2 < end
        {
            k + 2
        } else {
            return None;
        };
        if let Some(m) = self.mention_at[start].filter(|&m| self.d.mentions[m].first == start) {
            return Some(self.d.mentions[m].end.min(end));
        }
        let mut e = start + 1;
        while e < end && e < start + 4 {
            let x = &words[e];
            if x.tok.kind != TokenKind::Arabic
                || self.d.lexicon.lookup(x).is_some()
                || SOURCE_STOPS.contains(&bare(x))
                || x.seg.prefixes.contains(&"ب")
            {
                break;
            }
            e += 1;
        }
        Some(e)
    }

    pub(crate) fn source_phrase(&mut self, j: usize, end: usize) -> Option<Source> {
        let words = self.d.words;
        if let Some(mi) = self.mention_at[j] {
            let m = &self.d.mentions[mi];
            let a = self.mention_arg(m, false);
            let actor = m.actor.map(|x| &self.d.kb.actors[x]);
            if actor.is_some_and(|x| matches!(x.kind, ActorType::Media)) {
                self.last_agency = Some((a.link.name.clone().unwrap_or_else(|| a.span.text.clone()), a.link.id.clone()));
            }
            if m.kind == MentionKind::Demonym {
                return None;
            }
            let name = a.link.name.clone();
            self.last_source = name.clone().or(Some(a.span.text.clone()));
            return Some(Source { span: a.span, name, id: a.link.id });
        }
        let w = &words[j];
        // (No source opens with a preposition's pronoun or a condition: قالت فيه:، وتابع إذا كان
        // هناك …، وأضاف متى ما …)
        let function_word = [&cues().preposition_pronouns, &cues().conditionals].iter().any(|c| c.has(bare(w))) || bare(w) == "متي";
        if w.tok.kind != TokenKind::Arabic
            || SOURCE_STOPS.contains(&bare(w))
            || w.seg.prefixes.contains(&"ل")
            || lone_lam(w)
            || function_word
        {
            return None;
        }
        // A noun phrase: up to four words, stopping at function words, ل-phrases and punctuation.
        let mut e = j + 1;
        // (…one word more after باسم, which needs its genitive: الناطق الرسمي باسم الحكومة.)
        // (…up to three words after باسم, the body it speaks for: المتحدث باسم مديرية الأمن العام.)
        let limit = (j + 1..(j + 4).min(end)).find(|&k| bare(&words[k]) == "باسم").map_or(j + 4, |k| (k + 4).max(j + 4));
        while e < end && e < limit {
            let x = &words[e];
            // (…and at what the source says: an event word, a pronoun-suffixed noun, a number or a
            // time: أفاد شاهد عيان | بمقتل خمسة، أعلنت الجماعة | مسؤوليتها.)
            let said = self.d.lexicon.lookup(x).is_some()
                || x.seg.suffixes.iter().any(|s| matches!(*s, "ه" | "ها" | "هم" | "هما"))
                || self.quantity_at[e].is_some()
                || self.in_time[e];
            if x.tok.kind != TokenKind::Arabic
                || said
                || SOURCE_STOPS.contains(&bare(x))
                // (…and a word that governs an adjunct: وأكد الوزير | خلال لقائه، قال المسؤول | عقب.)
                || crate::context::is_governor(x)
                || x.seg.prefixes.contains(&"ل")
                || lone_lam(x)
                || self.mention_at[e].is_some_and(|mi| self.d.mentions[mi].kind == MentionKind::Name)
            {
                break;
            }
            e += 1;
        }
        // A person's name the words ran into goes to its end (وزيرة حقوق الإنسان حورية | مشهور،
        // رئيس اللجنة النائب جمال | الخضري): the tagger's name or the catalogue's person.
        // (…or that starts right after them when they end in a rank or an honorific: المتحدث باسم
        // الجيش العميد | أحمد عسيري.)
        let titled = e < end && crate::cues::cues().honorifics.has(words[e - 1].key.as_str());
        let last = if titled { e } else { e - 1 };
        if let Some(n) = (j + 1..=last).find_map(|k| self.name_at(k).filter(|n| n.1 == rasad_model::Label::Per && n.0 > e)) {
            e = n.0.min(end);
        } else if let Some(m) = (j + 1..e).filter_map(|k| self.mention_at[k]).find(|&m| {
            let mm = &self.d.mentions[m];
            mm.end > e && mm.actor.is_some_and(|a| self.d.kb.actors[a].kind == ActorType::Person)
        }) {
            e = self.d.mentions[m].end.min(end);
        }
        // The participant phrase the roles read at the same word goes on past them: an office's
        // body and its holder (المتحدث باسم رئاسة الجمهورية السفير علاء يوسف); the source is as
        // long as the actor would be. (…and over the holder's name after it as a phrase of its own,
        // with its rank or between commas: قائد المنطقة العسكرية الرابعة اللواء أحمد سيف اليافعي،
        // المتحدث باسم المقاومة، علي الأحمدي،.)
        // (…and over where it serves, after في: مسؤول في وزارة الصحة اليمنية، قائد الشرطة في
        // الأنبار اللواء فلان.) Read within sixteen words: no source is longer, and a sentence
        // with several reporting verbs is not read to its end for each.
        let ps = self.phrases(j, end.min(j + 16));
        // (Never over the outlet told, وقال الوزير لرويترز، nor over a town where the speaker
        // spoke, وقال الوزير في بيروت.)
        let told_at = |a: usize, b: usize| (a..b).find(|&k| self.addressee_after(k, end).is_some());
        if let Some(p) = ps.first().filter(|p| p.first == j && p.participant()) {
            e = e.max(told_at(e, p.end).unwrap_or(p.end));
            for q in ps.iter().skip(1).take(2) {
                let gap = q.first.checked_sub(e);
                let next = gap == Some(0) || gap == Some(1) && matches!(words[e].tok.text, "،" | ",");
                let person = self.is_person_at(q.first, q.end);
                let holder = next && q.governor.is_none() && q.head == crate::phrases::Head::Name && person;
                let body = q.head != crate::phrases::Head::Place || person;
                let serves = gap == Some(1) && bare(&words[e]) == "في" && q.governor.as_deref() == Some("في") && body;
                if !(holder || serves) {
                    break;
                }
                e = q.end;
                if person {
                    break;
                }
            }
        }
        // A named agency right after وكالة (نقلت وكالة "فارس"): take the name.
        let head = bare(w).to_string();
        if matches!(head.as_str(), "وكاله" | "صحيفه" | "قناه" | "موقع") {
            let mut k = j + 1;
            while k < end && k <= j + 6 {
                if let Some(mi) = self.mention_at[k] {
                    let m = &self.d.mentions[mi];
                    if m.actor.is_some_and(|x| matches!(self.d.kb.actors[x].kind, ActorType::Media)) {
                        let span = self.arg_slice(j, m.end);
                        let a = self.mention_arg(m, false);
                        self.last_agency = Some((a.link.name.clone().unwrap_or(a.span.text.clone()), a.link.id.clone()));
                        self.last_source = a.link.name.clone();
                        return Some(Source { span, name: a.link.name, id: a.link.id });
                    }
                }
                k += 1;
            }
            // …or a quoted name the catalogue lacks (صحيفة «اليوم السابع»، قناة "جيو تي في").
            if j + 2 < end && crate::context::opening_quote(&words[j + 1]) {
                if let Some(c) = self.closing_quote(j + 1, end.min(j + 9)) {
                    let span = self.arg_slice(j, c + 1);
                    let name = self.slice(j + 2, c).text;
                    self.last_source = Some(name.clone());
                    return Some(Source { span, name: Some(name), id: None });
                }
            }
        }
        // A document names its issuer after ل or صدر عن (بيان للوزارة، بيان ثالث لرئاسة الإقليم،
        // بيان صدر عن مكتب حاكم الإقليم): the source runs over the issuer; a document named again
        // (البيان) is the last issuer's.
        let document = {
            let b = head.strip_prefix("ال").unwrap_or(&head);
            crate::cues::cues().documents.has(&format!("ال{b}"))
        };
        if document {
            if let Some(issuer_end) = self.issuer_after(e, end) {
                let span = self.arg_slice(j, issuer_end);
                self.last_issuer = Some(span.text.clone());
                return Some(Source { span, name: None, id: None });
            }
            if w.seg.definite() {
                let span = self.arg_slice(j, e);
                return Some(Source { span, name: self.last_issuer.clone(), id: None });
            }
        }
        let span = self.arg_slice(j, e);
        // A body named again by its bare noun (وأوضحت الوزارة) is the one named in full before
        // (anaphora.rs): its name, the span staying where the source is said.
        if e == j + 1 && w.seg.definite() {
            let p = crate::phrases::Phrase {
                first: j,
                end: e,
                head: crate::phrases::Head::Group,
                link: None,
                state: None,
                governor: None,
                coordinated: false,
            };
            if let Some(a) = self.antecedent(&p) {
                // (Its words, not its state's name: وزارة الدفاع اليمنية, not Yemen.)
                let name = Some(a.span.text.clone());
                self.last_source = name.clone();
                return Some(Source { span, name, id: a.link.id });
            }
        }
        let (name, id) = match head.as_str() {
            "الوكاله" => self.last_agency.clone().map(|(n, i)| (Some(n), i)).unwrap_or((None, None)),
            "المصدر" | "المصادر" => (self.last_source.clone(), None),
            _ => {
                self.last_source = Some(span.text.clone());
                (None, None)
            }
        };
        Some(Source { span, name, id })
    }
}

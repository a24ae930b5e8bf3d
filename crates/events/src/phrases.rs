//! Participants: the noun phrases of a sentence that can act or be acted on, built from the
//! knowledge base's mentions, the NER model's names and the closed word classes of
//! `data/cues.toml`:
//!
//! - a name, with the office, rank and nisba before it (وزير الخارجية التركي هاكان فيدان، اللواء
//!   قاسم سليماني، الرئيس السوري بشار الأسد);
//! - an office or a group with its genitive and adjectives (قوات الأمن العراقية، وزارة الخارجية
//!   القطرية، الطيران الحربي الروسي، طائرات حربية روسية);
//! - a group with who it belongs to (مقاتلين من حزب الله، فصائل موالية لإيران، المتحدث باسم الجيش);
//! - people as victims (13 من ميليشيا الحوثي، مدنيين)، the counterpart (نظيره الروسي) and the
//!   words that refer back to parties (البلدان، الجانبان).
//!
//! A phrase ends where another one begins (اعتقلت قوات الأمن | الناشط فلان), at a preposition,
//! a verb, a number or punctuation. Coordinated phrases (السعودية وإيران) stay apart; the roles
//! stage joins them.

use rasad_kb::{ActorType, MentionKind};
use rasad_model::Label;
use rasad_text::{TokenKind, Word};

use crate::context::{bare, is_comma, Ctx};
use crate::cues::cues;

/// What heads a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Head {
    /// A linked actor, or a name the NER model found (a person or an organization).
    Name,
    /// A place that names no actor (a town): a place, never a participant.
    Place,
    /// An office (وزير، المتحدث باسم …).
    Office,
    /// A group, a force or an institution (قوات، الطيران، وزارة …).
    Group,
    /// People named by what happened to them or what they are (مدنيين، الناشط، 13 من …).
    People,
    /// The counterpart of the clause's actor (نظيره).
    Counterpart,
    /// The parties named before (البلدان، الجانبان).
    Pair,
    /// Any other definite noun phrase (الكتل السياسية، الحكومة المحلية): a target where the
    /// frame puts one, never an actor.
    Generic,
}

/// The phrase covering token `i`, if any (`ps` in text order, not overlapping).
pub(crate) fn phrase_at(ps: &[Phrase], i: usize) -> Option<&Phrase> {
    let k = ps.partition_point(|p| p.end <= i);
    ps.get(k).filter(|p| p.first <= i)
}

/// A participant phrase: tokens `[first, end)`.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub first: usize,
    pub end: usize,
    pub head: Head,
    /// The mention that gives the phrase its link: the most specific actor inside it.
    pub link: Option<usize>,
    /// The state the phrase belongs to, when a nisba or a state name in it says so.
    pub state: Option<usize>,
    /// The preposition that governs the phrase (its key: علي، ضد، مع، ب، ل …), if any.
    pub governor: Option<String>,
    /// Joined to the phrase before it by و.
    pub coordinated: bool,
}

impl Phrase {
    /// True when the phrase may be an actor (not a bare place, not a generic noun).
    pub fn participant(&self) -> bool {
        !matches!(self.head, Head::Place | Head::Generic)
    }

    /// True when the phrase may be a target (anything but a bare place).
    pub fn patient(&self) -> bool {
        self.head != Head::Place
    }
}

/// Nisba adjectives: السوري، الروسية، الإيرانيين, and others of the adjective class.
pub(crate) fn is_adjective(w: &Word) -> bool {
    if w.tok.kind != TokenKind::Arabic || !w.seg.prefixes.iter().all(|p| *p == "ال") {
        return false;
    }
    let k = w.key.as_str();
    let c = cues();
    if c.new_phrase.has(k) || c.groups.has(k) || c.titles.has(k) || c.ya_nouns.has(k) || c.ya_nouns.has(bare(w)) {
        return false;
    }
    // A key's ي may be a folded ى (المستشفى، المبنى): no nisba.
    let maqsura = crate::context::letters(w.tok.text).next_back() == Some('ى');
    c.adjectives.has(k) || (k.chars().count() >= 5 && !maqsura && nisba_ending(k))
}

/// True when a match key ends as a nisba does (ي، يه، يين، يون، يات: السوري، الحوثيين).
pub(crate) fn nisba_ending(k: &str) -> bool {
    ["يه", "يين", "يون", "يات", "ي"].iter().any(|s| k.ends_with(s))
}

/// A definite participle that describes the definite noun before it and agrees with it in gender
/// and number (التنظيم المتطرف، الاتفاق المبرم، القوات المدعومة): not the object of a verb (هاجم
/// الجيش المسلحين: a singular noun before a plural).
fn participle_adjective(prev: &Word, w: &Word) -> bool {
    let (k, pk) = (w.key.as_str(), prev.key.as_str());
    let shaped = w.tok.kind == TokenKind::Arabic
        && w.seg.prefixes.iter().all(|p| *p == "ال")
        && k.starts_with("الم")
        && k.chars().count() >= 6
        && prev.seg.definite();
    let feminine = |x: &str| x.ends_with('ه') || x.ends_with("ات");
    let plural = |x: &str| x.ends_with("ين") || x.ends_with("ون");
    shaped && feminine(k) == feminine(pk) && !plural(k) && word_class(w).is_none() && !cues().m_nouns.has(k)
}

pub(crate) fn word_class(w: &Word) -> Option<Head> {
    if w.tok.kind != TokenKind::Arabic {
        return None;
    }
    let c = cues();
    let (k, b) = (w.key.as_str(), bare(w));
    // Without clitics but with the article (المقاتلين), and without either (مقاتلين).
    let plain = w.seg.base.as_str();
    // Only a preposition before the article hides the definite form from `bare` (بالمقاتلين).
    let def = (w.seg.definite() && !b.starts_with("ال")).then(|| format!("ال{plain}"));
    // An indefinite accusative keeps its tanween's alif (وفدا، مسؤولا، قائدا): the noun without it.
    let tanween = (!w.seg.definite() && b.chars().count() >= 4).then(|| b.strip_suffix('ا')).flatten();
    // A sound plural or dual of a listed singular (دبلوماسيون، المراقبين، مسؤولان), with or
    // without the article: the lists name the singular once.
    let sound = |cl: &crate::cues::Class| {
        ["ون", "ين", "ان"].iter().any(|sfx| {
            b.strip_suffix(sfx).filter(|st| st.chars().count() >= 3).is_some_and(|st| {
                let bare_st = st.strip_prefix("ال").filter(|r| r.chars().count() >= 3);
                cl.has(st) || bare_st.is_some_and(|r| cl.has(r))
            })
        })
    };
    let has = |cl: &crate::cues::Class| {
        cl.has(b) || cl.has(plain) || def.as_deref().is_some_and(|d| cl.has(d)) || tanween.is_some_and(|t| cl.has(t)) || sound(cl)
    };
    // (A person's noun whole: the segmenter may read its first ف as the conjunction, فتاة.)
    let whole_person = w.seg.prefixes == ["ف"] && c.people.has(k);
    if c.pairs.has(k) || has(&c.pairs) {
        Some(Head::Pair)
    } else if has(&c.counterpart) || c.counterpart.has(w.seg.key.as_str()) {
        Some(Head::Counterpart)
    } else if has(&c.titles) {
        Some(Head::Office)
    } else if has(&c.groups) || (construct(w) && w.seg.prefixes.iter().all(|p| *p == "و") && c.construct_groups.has(b)) {
        Some(Head::Group)
    } else if has(&c.people) || whole_person {
        Some(Head::People)
    } else {
        None
    }
}

/// True when a word without a clitic preposition is a sound masculine plural (ون or ين on a stem of
/// four letters or more, not the فعاليل shape): المشاركون، متظاهرين، الفلسطينيين; not القانون،
/// المليون، الميادين، قوانين.
fn sound_plural_of_people(w: &Word) -> bool {
    if w.tok.kind != TokenKind::Arabic || w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل" | "ك")) {
        return false;
    }
    let b = bare(w);
    let b = b.strip_prefix("ال").unwrap_or(b);
    let letters: Vec<char> = b.chars().collect();
    let n = letters.len();
    let suffix = b.ends_with("ون") || b.ends_with("ين");
    suffix && n >= 6 && letters[n - 4] != 'ا'
}

/// A construct head: an indefinite noun without a clitic preposition (وزير، قوات، عناصر), which
/// takes a genitive after it.
fn construct(w: &Word) -> bool {
    // A sound plural or dual keeps its ن only outside a construct (مسلحون | النار، مسلحو الحوثي).
    let n_ending = w.seg.suffixes.iter().any(|s| matches!(*s, "ون" | "ين" | "ان"));
    !w.seg.definite() && !n_ending
}

impl Ctx<'_, '_, '_> {
    /// The NER name (token range, label) that starts at token `i`, if any.
    /// The NER name (end token, label) that starts at token `i`, if any.
    pub(crate) fn name_at(&self, i: usize) -> Option<(usize, Label)> {
        let names = &self.names;
        let k = names.partition_point(|n| n.0 < i);
        names.get(k).filter(|n| n.0 == i && n.1 > i && matches!(n.2, Label::Per | Label::Org)).map(|n| (n.1, n.2))
    }

    /// The mention that starts at token `i`, if any.
    fn mention_starting(&self, i: usize) -> Option<usize> {
        self.mention_at.get(i).copied().flatten().filter(|&m| self.d.mentions[m].first == i)
    }

    /// Past an opening quotation mark before a name (عناصر «داعش»، من “حزب الله”): the name's first
    /// token; past the closing mark of a quoted group (مسلحو «المقاومة الشعبية»); `i` itself
    /// otherwise.
    fn quoted_name(&self, i: usize) -> usize {
        let w = &self.d.words[i];
        let quote = w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "«" | "“" | "\"" | "'");
        // …or a group the catalogue lacks, taken whole up to its closing mark (مسلحو «المقاومة
        // الشعبية»).
        let words = self.d.words;
        if quote && i + 1 < words.len() && word_class(&words[i + 1]) == Some(Head::Group) && self.mention_starting(i + 1).is_none() {
            let close = (i + 2..(i + 6).min(words.len())).find(|&k| words[k].tok.kind == TokenKind::Punct);
            if let Some(k) = close.filter(|&k| matches!(words[k].tok.text, "»" | "”" | "\"" | "'")) {
                return k + 1;
            }
        }
        if quote && i + 1 < self.d.words.len() && (self.mention_starting(i + 1).is_some() || self.name_at(i + 1).is_some()) {
            i + 1
        } else {
            i
        }
    }

    /// True when tokens `[a, b)` name a person (a person of the catalogue, or a PER name).
    fn is_person_at(&self, a: usize, b: usize) -> bool {
        (a..b).any(|t| {
            self.mention_at[t].and_then(|m| self.d.mentions[m].actor).is_some_and(|x| self.d.kb.actors[x].kind == ActorType::Person) || {
                let k = self.names.partition_point(|n| n.1 <= t);
                self.names.get(k).is_some_and(|n| n.0 <= t && n.2 == Label::Per)
            }
        })
    }

    /// True when a word carries a conjunction (و) or a preposition (ب، ل، ك) that ends a phrase.
    fn opens_new(&self, i: usize) -> bool {
        let p = self.d.words[i].seg.prefixes;
        let clitic = p.first().is_some_and(|x| matches!(*x, "ب" | "ك")) || (p.contains(&"ل") && !p.contains(&"ال"));
        p.first().is_some_and(|x| matches!(*x, "و" | "ف")) || (clitic && !self.name_begins_with_clitic_letter(i))
    }

    /// True when the word at `i` is a sound plural that keeps its ن (دبلوماسيون، غربيين), so it
    /// governs no genitive: a state after it is another phrase (طالب دبلوماسيون غربيون | إيران).
    fn nun_plural(&self, i: usize) -> bool {
        let b = bare(&self.d.words[i]);
        self.mention_at[i].is_none() && b.chars().count() >= 5 && (b.ends_with("ون") || b.ends_with("ين"))
    }

    /// The participant phrases of tokens `[lo, hi)`, in order.
    pub(crate) fn phrases(&self, lo: usize, hi: usize) -> Vec<Phrase> {
        let words = self.d.words;
        let mut out: Vec<Phrase> = Vec::new();
        let mut i = lo;
        while i < hi {
            // The kind of a weapon after it (بقذائف الهاون، بصواريخ الكاتيوشا، بنيران المدفعية) is
            // no participant and no object.
            let weapon_kind = i > lo && words[i].seg.definite() && {
                let prev = &words[i - 1];
                !prev.seg.definite()
                    && prev.seg.prefixes.first() == Some(&"ب")
                    && crate::objects::weapon(prev)
                    && !cues().agent_markers.has(bare(prev))
            };
            if weapon_kind && self.mention_starting(i).is_none() {
                i += 1;
                continue;
            }
            let Some((mut j, head)) = self.phrase_start(i, hi) else {
                // An indefinite object (هاجم مسلحون فندقا): a generic phrase of its own.
                if let Some(end) = self.indefinite_object(i, hi, &out) {
                    out.push(Phrase { first: i, end, head: Head::Generic, link: None, state: None, governor: None, coordinated: false });
                    i = end;
                    continue;
                }
                // …or one struck after على (هجوم على مركز للشرطة).
                if let Some(end) = self.struck_object(i, hi) {
                    let governor = Some("علي".to_string());
                    out.push(Phrase { first: i, end, head: Head::Generic, link: None, state: None, governor, coordinated: false });
                    i = end;
                    continue;
                }
                // …or a verbal noun's object after its agent (قصف الطائرات لحي سكني: verbal_nouns.rs).
                if let Some((end, link, state)) = self.lam_object(i, hi, &out) {
                    let governor = Some("ل".to_string());
                    out.push(Phrase { first: i, end, head: Head::Generic, link, state, governor, coordinated: false });
                    i = end;
                    continue;
                }
                i += 1;
                continue;
            };
            let named_start = head == Head::Name;
            let mut named = named_start;
            // A person's name joins an office or a nisba before it in apposition (الرئيس الأمريكي
            // دونالد ترامب), once.
            let mut person = self.is_person_at(i, j);
            // Extend over what belongs to the phrase.
            while j < hi {
                // A quoted name is the genitive of a group noun (عناصر «داعش»).
                let quoted = self.quoted_name(j);
                if quoted > j && quoted < hi && construct(&words[j - 1]) && word_class(&words[j - 1]).is_some_and(|h| h != Head::Name) {
                    j = quoted;
                }
                let w = &words[j];
                // A number starts a phrase of its own (قتل مقاتلون | جنديين).
                if w.tok.kind != TokenKind::Arabic
                    || self.in_time[j]
                    || self.quantity_at[j].is_some_and(|q| self.d.quantities[q].start == w.tok.span.start)
                {
                    break;
                }
                // نظيره starts the counterpart's phrase, whatever the NER model ran it into.
                if word_class(w) == Some(Head::Counterpart) {
                    break;
                }
                // و between two nisbas joins them (المقاتلين الإيرانيين والعراقيين).
                let joined_nisba = w.seg.prefixes.first() == Some(&"و")
                    && self.mention_starting(j).is_some_and(|m| self.d.mentions[m].kind == MentionKind::Demonym)
                    && self.mention_at[j - 1].is_some_and(|m| self.d.mentions[m].kind == MentionKind::Demonym);
                // A verbal noun's genitive ends before its ل object (دعم الجامعة | للحكومة: verbal_nouns.rs).
                if self.lam_after_genitive(i, j, head) && !self.linked_by_lam(j) {
                    break;
                }
                // An office takes its institution with ل (الأمين العام لحزب المؤتمر، المندوب الدائم للعراق).
                let office_lam = head == Head::Office
                    && w.seg.prefixes.contains(&"ل")
                    && !w.seg.prefixes.contains(&"ال")
                    && (word_class(w).is_some_and(|h| matches!(h, Head::Group | Head::Office)) || self.mention_starting(j).is_some());
                if office_lam {
                    // The institution names the phrase: an actor after it is another phrase
                    // (الأمين العام لحزب الله | الحكومة الإسرائيلية).
                    named |= self.mention_starting(j).is_some();
                    j = self.mention_starting(j).map_or(j + 1, |m| self.d.mentions[m].end);
                    continue;
                }
                // تابعة لـ / الموالية لـ: the owner joins the phrase, named or not (قوات تابعة لعملية
                // الكرامة), with the genitive of an indefinite owner noun.
                let owned_by = j > i
                    && (cues().belonging.has(bare(&words[j - 1]))
                        || matches!(bare(&words[j - 1]), "مواليه" | "الموالية" | "الموالي" | "موالي"))
                    && w.seg.prefixes.contains(&"ل");
                if owned_by {
                    let m_end = self.mention_starting(j).map(|m| self.d.mentions[m].end);
                    let genitive = words
                        .get(j + 1)
                        .is_some_and(|n| n.tok.kind == TokenKind::Arabic && n.seg.definite() && self.mention_at[j + 1].is_none());
                    j = m_end.unwrap_or(if !w.seg.definite() && genitive && j + 2 <= hi { j + 2 } else { j + 1 });
                    named |= m_end.is_some();
                    continue;
                }
                // تنتمي إلى / مرتبطة بـ: a named owner after إلى or ب joins the phrase as with تابعة لـ
                // (شبكة إرهابية تنتمي إلى تنظيم داعش، خلية مرتبطة بتنظيم القاعدة).
                let affiliation = [j, j.wrapping_sub(1)].into_iter().find(|&a| a >= i && a < hi && cues().affiliated.has(bare(&words[a])));
                if let Some(a) = affiliation {
                    let owner = match words.get(a + 1) {
                        Some(n) if bare(n) == "الي" => a + 2,
                        Some(n) if n.seg.prefixes.contains(&"ب") || n.seg.prefixes.contains(&"ل") => a + 1,
                        _ => usize::MAX,
                    };
                    if let Some(m) = (owner < hi).then(|| self.mention_starting(owner)).flatten() {
                        j = self.d.mentions[m].end;
                        named = true;
                        continue;
                    }
                }
                if self.opens_new(j) && !self.linked_by_lam(j) && !joined_nisba {
                    break;
                }
                if let Some(m) = self.mention_starting(j) {
                    let mm = &self.d.mentions[m];
                    let is_person = mm.actor.is_some_and(|a| self.d.kb.actors[a].kind == ActorType::Person);
                    // A nisba qualifies (التركي); a name after an office or a group is its
                    // apposition or genitive (وزير الخارجية التركي هاكان فيدان، قوات النظام).
                    // After a nisba only a person stands in apposition: وزير الخارجية السعودي |
                    // إيران is the verb's object.
                    let after_nisba = self.mention_at[j - 1].is_some_and(|p| self.d.mentions[p].kind == MentionKind::Demonym);
                    // A state or an organization after a definite word is the verb's object, no
                    // apposition (ودعا الوزير | روسيا إلى، دعا مجلس التعاون | مجلس الأمن إلى; وزير
                    // خارجية روسيا is a genitive chain).
                    // (An organization only when its name opens with a bare construct noun: المتمردين
                    // الحوثيين and المدير العام للوكالة stay one phrase.)
                    let state = mm.actor.is_some_and(|a| self.d.kb.actors[a].kind == ActorType::State);
                    let construct = w.seg.prefixes.iter().all(|p| *p == "و") && !w.seg.definite();
                    let state_after_definite = mm.actor.is_some_and(|a| self.d.kb.actors[a].kind != ActorType::Person)
                        && (state || construct)
                        && (words[j - 1].seg.definite() || self.nun_plural(j - 1))
                        && mm.kind == MentionKind::Name;
                    // A definite name after a definite word is no genitive (the first is no construct):
                    // هاجم الجيش | المسلحين، اعتقلت الشرطة | المسلحين.
                    // (Not a nisba-shaped name: المتمردين الحوثيين; not one with ل: الأمين العام للأمم المتحدة.)
                    let nisba_shaped = nisba_ending(&w.key);
                    let definite_pair = !is_person
                        && mm.kind == MentionKind::Name
                        && w.seg.prefixes.iter().all(|p| matches!(*p, "ال" | "و"))
                        && w.seg.definite()
                        && !nisba_shaped
                        && words[j - 1].seg.definite()
                        && j > i;
                    let apposition = !named && mm.actor.is_some() && (!after_nisba || is_person) && !state_after_definite && !definite_pair;
                    // A title before it (الأمير، الشيخ) announces the name: ولي العهد السعودي الأمير محمد بن سلمان.
                    let titled = cues().honorifics.has(words[j - 1].key.as_str());
                    // The same actor named again right after (خادم الحرمين الشريفين الملك سلمان).
                    let same =
                        self.mention_at[j - 1].is_some_and(|p| self.d.mentions[p].actor.is_some() && self.d.mentions[p].actor == mm.actor);
                    if mm.kind == MentionKind::Demonym || apposition || same || (is_person && (!person || titled)) {
                        named |= mm.kind == MentionKind::Name;
                        // A person an office belongs to (سفير خادم الحرمين الشريفين) is not the
                        // office holder: a name after it still joins (… أحمد قطان).
                        let office_of =
                            head == Head::Office && word_class(&words[j - 1]) == Some(Head::Office) && self::construct(&words[j - 1]);
                        person |= is_person && !office_of;
                        j = mm.end;
                        continue;
                    }
                    break;
                }
                if let Some((end, label)) = self.name_at(j) {
                    if (label == Label::Per && !person) || !named {
                        named = true;
                        person |= label == Label::Per;
                        j = end;
                        continue;
                    }
                    break;
                }
                let k = w.key.as_str();
                // A person's noun starts a phrase of its own (اعتقلت قوات الأمن | الناشط فلان), unless an
                // office in construct governs it (نائب الرئيس، مستشار الوزير، مساعد السفير).
                let office_genitive = j > i && construct(&words[j - 1]) && word_class(&words[j - 1]) == Some(Head::Office);
                // …but a title before a name after an office names its holder (رئيس المجلس المحلي
                // الشيخ أحمد العلي، رئيس النادي السابق المستشار فلان).
                let holder = head == Head::Office
                    && !person
                    && cues().honorifics.has(k)
                    && (self.name_at(j + 1).is_some()
                        || self
                            .mention_starting(j + 1)
                            .and_then(|m| self.d.mentions[m].actor)
                            .is_some_and(|a| self.d.kb.actors[a].kind == ActorType::Person));
                if cues().new_phrase.has(k) && j > i && !office_genitive && !holder {
                    break;
                }
                if cues().honorifics.has(k) && (self.name_at(j + 1).is_some() || self.mention_starting(j + 1).is_some()) {
                    j += 1;
                    continue;
                }
                // An adjective agrees with the word before it in definiteness (القوات الأمنية، طائرات
                // حربية; not البلدان | اتفاقية).
                let of_vehicle = cues().vehicles.has(bare(&words[j - 1]).trim_start_matches("ال")) && cues().vehicle_adjectives.has(k);
                if (is_adjective(w) && w.seg.definite() == words[j - 1].seg.definite())
                    || participle_adjective(&words[j - 1], w)
                    || (of_vehicle && w.seg.definite() == words[j - 1].seg.definite())
                {
                    j += 1;
                    continue;
                }
                // An office in construct with another office (نائب رئيس الحركة، مساعد وزير الخارجية).
                if j > i
                    && construct(&words[j - 1])
                    && word_class(&words[j - 1]) == Some(Head::Office)
                    && word_class(w) == Some(Head::Office)
                    && !w.seg.definite()
                {
                    j += 1;
                    continue;
                }
                // One genitive after a construct head (وزير الخارجية، قوات الأمن، قائد الجيش), an
                // event noun too after a group or an office: a name, not an event (قوات الدعم
                // السريع، حزب المؤتمر الشعبي، مجلس التعاون، وفد التفاوض).
                let genitive_head = word_class(&words[j - 1]);
                if j > i
                    && construct(&words[j - 1])
                    && w.seg.definite()
                    && genitive_head.is_some()
                    && (self.d.lexicon.lookup(w).is_none() || matches!(genitive_head, Some(Head::Group | Head::Office)))
                {
                    j += 1;
                    continue;
                }
                // An indefinite construct chain after an office or a group runs to its definite
                // genitive (رئيس لجنة حقوق الإنسان، قائد قوات التحالف، رئيس هيئة الأركان).
                let head_construct = j > i && construct(&words[j - 1]) && matches!(genitive_head, Some(Head::Office | Head::Group));
                let bare_noun = |k: usize| {
                    let x = &words[k];
                    x.tok.kind == TokenKind::Arabic
                        && x.seg.prefixes.is_empty()
                        && construct(x)
                        && !self.in_time[k]
                        && self.quantity_at[k].is_none()
                        && self.d.lexicon.lookup(x).is_none_or(|h| h.nominal)
                };
                if head_construct && bare_noun(j) {
                    let end = (j + 1..(j + 3).min(hi)).find(|&k| words[k].seg.prefixes == ["ال"]);
                    if let Some(end) = end.filter(|&e| (j + 1..e).all(bare_noun)) {
                        j = end + 1;
                        continue;
                    }
                }
                // Who a group belongs to: من حزب الله، لإيران (after موالية)، باسم الجيش.
                let link_word = cues().phrase_links.has(bare(w));
                if link_word && j + 1 < hi && (head != Head::Name || !named_start) {
                    if let Some(m) = self.mention_starting(self.quoted_name(j + 1)).filter(|&m| self.d.mentions[m].actor.is_some()) {
                        j = self.d.mentions[m].end;
                        continue;
                    }
                    if bare(w) == "باسم" {
                        j += 2;
                        continue;
                    }
                }
                break;
            }
            let mut j = j.min(hi);
            // A quotation opened inside the phrase closes inside it too (عناصر «داعش»).
            let opened = (i..j).any(|k| words[k].tok.kind == TokenKind::Punct && matches!(words[k].tok.text, "«" | "“" | "\"" | "'"));
            if opened && j < hi && words[j].tok.kind == TokenKind::Punct && matches!(words[j].tok.text, "»" | "”" | "\"" | "'") {
                j += 1;
            }
            // (Not with a name or a title in it: الرئيس الجورجي ساكاشفيلي is a person.)
            let place_only = head == Head::Name
                && (i..j).filter_map(|t| self.mention_at[t]).all(|m| self.d.mentions[m].actor.is_none())
                && (i..j).all(|t| self.name_at(t).is_none() && !cues().honorifics.has(words[t].key.as_str()))
                && word_class(&words[i]) != Some(Head::Office);
            // A noun phrase that takes in a name is that name's phrase (العاهل الأردني الملك عبدالله).
            let head = if head == Head::Generic && named && !named_start { Head::Name } else { head };
            let (link, state) = self.best_link(i, j);
            // A nisba with و before a name joins the two (الرئيسان الروسي فلاديمير بوتين | والتركي
            // رجب طيب أردوغان): the phrase starts at the nisba, coordinated.
            let nisba_before = i > lo
                && words[i - 1].seg.prefixes.first() == Some(&"و")
                && self.mention_starting(i - 1).is_some_and(|m| self.d.mentions[m].kind == MentionKind::Demonym)
                && out.last().is_none_or(|p| p.end < i);
            let first = if nisba_before { i - 1 } else { i };
            let coordinated = words[first].seg.prefixes.first() == Some(&"و") || (first > lo && words[first - 1].key == "و");
            out.push(Phrase {
                first,
                end: j,
                head: if place_only { Head::Place } else { head },
                link,
                state,
                governor: self.governor(first),
                coordinated,
            });
            i = j.max(i + 1);
        }
        self.join_holders(&mut out, hi);
        self.join_phrases(&mut out);
        out
    }

    /// An office takes in its holder's name after a comma (رئيس اللجنة، الدكتور فلان،). Victims
    /// take in the side they belong to (cue list `victim_sides`): سقوط قتلى وجرحى | في
    /// صفوف | المدنيين، تسعة أشخاص | بينهم | خمسة مدنيين; and counted fighters their named owner
    /// after ل (عشرين عنصرا | لقوات النظام). The joined phrase keeps the victims' head and takes the
    /// side's link: its target names the side.
    fn join_phrases(&self, out: &mut Vec<Phrase>) {
        let words = self.d.words;
        let mut k = 0;
        while k + 1 < out.len() {
            let (p, q) = (&out[k], &out[k + 1]);
            let counted = self.quantity_at[p.first].is_some();
            let gap = (p.end < q.first).then(|| {
                // (Past a comma before the side: قتل سبعة أشخاص، بينهم ثلاثة من الشرطة.)
                let keys: Vec<&str> = (p.end..q.first).skip_while(|&t| is_comma(&words[t])).map(|t| bare(&words[t])).collect();
                keys.join(" ")
            });
            // An office and its holder's name between commas (رئيس اللجنة، الدكتور فلان الفلاني،):
            // one phrase, named by the person.
            let holder = p.head == Head::Office
                && q.head == Head::Name
                && q.first == p.end + 1
                && is_comma(&words[p.end])
                && (cues().honorifics.has(words[q.first].key.as_str()) || self.is_person_at(q.first, q.end));
            if holder {
                let q = out.remove(k + 1);
                let p = &mut out[k];
                p.end = q.end;
                p.head = Head::Name;
                p.link = q.link.or(p.link);
                continue;
            }
            let side = match gap.as_deref() {
                Some(g) => p.head == Head::People && cues().victim_sides.has(g) && q.head != Head::Place,
                // عشرين عنصرا لقوات النظام: a named owner right after a count of fighters.
                // (…or a group noun: عشرين عنصرا لميليشيا محلية.)
                None => {
                    counted
                        && p.head == Head::Group
                        && q.governor.as_deref() == Some("ل")
                        && (q.link.is_some() || q.head == Head::Group)
                        && !q.coordinated
                }
            };
            if side {
                let q = out.remove(k + 1);
                let p = &mut out[k];
                p.end = q.end;
                p.link = q.link.or(p.link);
                p.state = q.state.or(p.state);
            } else {
                k += 1;
            }
        }
    }

    /// A لـ-prefixed mention after a phrase-linking adjective (فصائل موالية لإيران) continues the phrase.
    fn linked_by_lam(&self, j: usize) -> bool {
        let words = self.d.words;
        j > 0 && words[j].seg.prefixes.contains(&"ل") && self.mention_starting(j).is_some() && {
            let prev = words[j - 1].key.as_str();
            ["موال", "تابع", "مدعوم", "مقرب", "مناصر", "مؤيد"].iter().any(|s| prev.contains(s))
        }
    }

    /// Where a phrase may start at token `i`: the end of its first unit and what heads it.
    fn phrase_start(&self, i: usize, hi: usize) -> Option<(usize, Head)> {
        let words = self.d.words;
        let w = &words[i];
        if let Some(m) = self.mention_starting(i) {
            let mm = &self.d.mentions[m];
            // A nisba alone is no phrase (it qualifies one, or says whose: غارات روسية).
            return (mm.kind == MentionKind::Name).then_some((mm.end, Head::Name));
        }
        if self.mention_at[i].is_some() {
            return None;
        }
        if let Some((end, _)) = self.name_at(i) {
            return Some((end, Head::Name));
        }
        if cues().honorifics.has(w.key.as_str()) {
            let mut j = i + 1;
            while j < hi && cues().honorifics.has(words[j].key.as_str()) {
                j += 1;
            }
            // Only a person's name (الرئيس بشار الأسد): a state or a place after the title is
            // another phrase (دعا الرئيس | الصين إلى الحوار).
            let person_mention = |m: usize| {
                let mm = &self.d.mentions[m];
                mm.actor.map_or(mm.place.is_none(), |a| self.d.kb.actors[a].kind == ActorType::Person)
            };
            let mention_end = self.mention_starting(j).filter(|&m| person_mention(m)).map(|m| self.d.mentions[m].end);
            if let Some(end) = self.name_at(j).map(|n| n.0).or(mention_end) {
                return Some((end, Head::Name));
            }
        }
        // A number of people or of a group (13 من ميليشيا الحوثي، 6 حوثيين، الآلاف من المقاتلين):
        // the phrase runs from the number over what it counts.
        if let Some(q) = self.quantity_at[i].map(|k| &self.d.quantities[k]) {
            let mut j = i;
            while j < hi && words[j].tok.span.end <= q.end {
                j += 1;
            }
            // The counted noun may open a name that runs past the number's span (30 من تنظيم | داعش):
            // the phrase takes the whole name; a name counted directly is a group (30 من داعش), a
            // nisba people.
            let counted = if j > i { self.mention_at[j - 1].filter(|&m| self.d.mentions[m].actor.is_some()) } else { None };
            if let Some(m) = counted {
                let mm = &self.d.mentions[m];
                if mm.first > i && mm.kind == MentionKind::Name {
                    return Some((mm.end.clamp(j, hi), Head::Group));
                }
                // A counted nisba names people (20 عراقيًا، 15 سوريًا).
                if mm.first > i && mm.kind == MentionKind::Demonym {
                    return Some((j, Head::People));
                }
            }
            let next = words.get(j);
            let after_min = if j + 1 < hi { self.quoted_name(j + 1) } else { j + 1 };
            if next.is_some_and(|n| {
                bare(n) == "من" && after_min < hi && (word_class(&words[after_min]).is_some() || self.mention_starting(after_min).is_some())
            }) {
                let (end, head) = self.phrase_start(after_min, hi).unwrap_or((after_min + 1, Head::People));
                let head = if head == Head::Name { Head::Group } else { head };
                return Some((end, if q.unit.as_deref().is_some_and(|u| cues().victim_units.has(u)) { Head::People } else { head }));
            }
            match q.unit.as_deref() {
                Some(u) if cues().victim_units.has(u) => return Some((j, Head::People)),
                Some(u) if cues().force_units.has(u) => return Some((j, Head::Group)),
                _ if j > i && word_class(&words[j - 1]).is_some() => return Some((j, word_class(&words[j - 1]).unwrap_or(Head::People))),
                _ => {}
            }
        }
        // An unnumbered count of people or of a group (عدد من المتظاهرين، العديد من المسلحين، بعض
        // عناصر الأمن): the phrase runs over what it counts.
        if matches!(bare(w), "عدد" | "العديد" | "بعض") && i + 2 < hi {
            let after = if bare(&words[i + 1]) == "من" { self.quoted_name(i + 2) } else { i + 1 };
            if after < hi && (word_class(&words[after]).is_some_and(|h| h != Head::Pair) || self.mention_starting(after).is_some()) {
                if let Some((end, head)) = self.phrase_start(after, hi) {
                    return Some((end, if head == Head::Name { Head::Group } else { head }));
                }
            }
        }
        // A group named by what it does is a participant too (المتظاهرون، المحتجين): the word may
        // still be a trigger of its own where no verb states the event.
        // "Press" after a press noun is an adjective, no journalist (مؤتمر صحفي، بيان صحافي).
        if i > 0 && cues().press_adjectives.has(bare(w)) && cues().press_nouns.has(bare(&words[i - 1])) {
            return None;
        }
        let hit = self.d.lexicon.lookup(w);
        // (…and a participle in the nominative plural, which no circumstantial clause takes: وحرق
        // محتجون المقر.)
        // (…nor one a preposition governs: من قبل محتجين.)
        let nominative = bare(w).ends_with("ون") || (i > 0 && cues().governors.has(bare(&self.d.words[i - 1])));
        if let Some(h) = word_class(w).filter(|_| hit.as_ref().is_none_or(|x| x.nominal) || w.seg.definite() || nominative) {
            return Some((i + 1, h));
        }
        if let Some(h) = &hit {
            // Forces named by what they are sent as, with whose they are (تعزيزات عسكرية روسية،
            // قوات … ): a participant phrase up to the nisba, when the noun is plural and indefinite.
            let forces = h.nominal && !w.seg.definite() && h.entry.kind == rasad_model::EventType::Mobilize;
            if forces {
                let nisba = (i + 1..(i + 4).min(hi))
                    .find(|&k| self.mention_starting(k).is_some_and(|m| self.d.mentions[m].kind == MentionKind::Demonym));
                if let Some(k) = nisba.filter(|&k| (i + 1..k).all(|j| is_adjective(&self.d.words[j]) || !self.d.words[j].seg.definite())) {
                    return Some((self.d.mentions[self.mention_at[k].unwrap_or(0)].end, Head::Group));
                }
            }
            return None;
        }
        // A sound masculine plural names people (Arabic keeps it for rational beings): المشاركون،
        // متظاهرون، الفلسطينيين. Not a broken plural of the فعاليل shape (الميادين، ملايين).
        let c = cues();
        if sound_plural_of_people(w) && !self.in_time[i] && !c.generic_stop.has(w.key.as_str()) {
            return Some((i + 1, Head::People));
        }
        // A definite noun that is no particle, time, place noun or relative word.
        let k = w.key.as_str();
        let generic = w.seg.definite()
            && !self.in_time[i]
            && !c.generic_stop.has(k)
            && !c.documents.has(k)
            && !c.locatives.has(bare(w))
            && !c.relatives.has(k)
            && !c.adjectives.has(k)
            && !is_adjective(w)
            && w.seg.stem.chars().count() >= 3
            && !w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل" | "ك"));
        generic.then_some((i + 1, Head::Generic))
    }

    /// The preposition governing a phrase starting at `i`: a clitic ب/ل on its first word, or the
    /// word before it.
    fn governor(&self, i: usize) -> Option<String> {
        let words = self.d.words;
        let p = words[i].seg.prefixes;
        // A name whose own first letter looks like a clitic (باراك أوباما، لطفي): no preposition.
        if (p.contains(&"ب") || p.contains(&"ل")) && self.name_begins_with_clitic_letter(i) {
            return None;
        }
        if p.contains(&"ب") {
            return Some("ب".into());
        }
        if p.contains(&"ل") && !self.linked_by_lam(i) {
            return Some("ل".into());
        }
        let prev = i.checked_sub(1).map(|k| &words[k])?;
        let k = bare(prev);
        // كل من إيران وروسيا: "both", no preposition.
        if k == "من" && i >= 2 && bare(&words[i - 2]) == "كل" {
            return None;
        }
        let k = if matches!(prev.tok.text, "لـ" | "ل") { "ل" } else { k };
        let prep = |k: &str| cues().target_preps.has(k) || cues().locatives.has(k) || cues().agent_markers.has(k);
        // A preposition the segmenter left joined to و or ف (وفي ليبيا، وعلى الحدود).
        let k = match k.strip_prefix(['و', 'ف']) {
            Some(r) if !prep(k) && prep(r) => r,
            _ => k,
        };
        prep(k).then(|| k.to_string())
    }

    /// True when a catalogue actor's mention starts at `i` and one of its Arabic names opens with
    /// the whole word, clitic-like letter included (باراك أوباما, not بأوباما).
    fn name_begins_with_clitic_letter(&self, i: usize) -> bool {
        let Some(m) = self.mention_starting(i) else { return false };
        let Some(a) = self.d.mentions[m].actor else { return false };
        let key = self.d.words[i].key.as_str();
        self.d.kb.actors[a].ar.iter().any(|n| n.split_whitespace().next().is_some_and(|f| rasad_text::match_key(f) == key))
    }

    /// The phrase's link: a person first (not one an office in it belongs to), then an
    /// organization or group, then a state; and the state it belongs to.
    pub(crate) fn best_link(&self, first: usize, end: usize) -> (Option<usize>, Option<usize>) {
        let kb = self.d.kb;
        let mut seen = Vec::new();
        for t in first..end {
            if let Some(m) = self.mention_at[t].filter(|m| !seen.contains(m)) {
                seen.push(m);
            }
        }
        let kind = |m: usize| self.d.mentions[m].actor.map(|a| kb.actors[a].kind);
        let rank = |m: usize| match kind(m) {
            Some(ActorType::Person) => 0,
            Some(ActorType::State) => 3,
            Some(_) => 1,
            None => 9,
        };
        // A person whose office it is (سفير خادم الحرمين الشريفين، مستشار الرئيس) is not the phrase.
        let words = self.d.words;
        let owner = |m: usize| {
            let f = self.d.mentions[m].first;
            kind(m) == Some(ActorType::Person) && f > first && word_class(&words[f - 1]) == Some(Head::Office) && construct(&words[f - 1])
        };
        let link = seen.iter().copied().filter(|&m| kind(m).is_some() && !owner(m)).min_by_key(|&m| rank(m));
        let state = seen.iter().copied().find(|&m| kind(m) == Some(ActorType::State));
        (link, state)
    }
}

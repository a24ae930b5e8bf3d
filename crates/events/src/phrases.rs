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
//!
//! One job a module:
//! - `words`: the closed word classes a phrase is made of (an office وزير، a group قوات، people
//!   مدنيين، a nisba السوري) and the shapes of a construct head and of an adjective;
//! - `start`: where a phrase may start and what heads it (a name, a title before a name, a count
//!   13 من ميليشيا الحوثي, a class word, a definite noun);
//! - `extend`: what a phrase takes in after its first unit and where it stops (وزير الخارجية
//!   التركي هاكان فيدان | …، اعتقلت قوات الأمن | الناشط);
//! - `names`: names, quotation marks, prepositions and the phrase's link (عناصر «داعش»، باراك
//!   أوباما is no بـ);
//! - `join`: neighbouring phrases that are one (رئيس اللجنة، الدكتور فلان،; تسعة أشخاص بينهم خمسة
//!   مدنيين).

mod extend;
mod join;
mod names;
mod start;
mod words;

pub(crate) use crate::forms::{is_adjective, word_class};
pub(crate) use words::{abbreviated_title, adjective, classify, describes_word, feminine_dual, nisba_ending, sound_plural_of_people};

use rasad_kb::MentionKind;
use rasad_text::TokenKind;

use crate::context::{bare, Ctx};
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

impl Ctx<'_, '_, '_> {
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
            // An adverbial of manner (أدان بأشد العبارات: cue list `manner_phrases`) is none either.
            let manner = crate::context::manner_len(words, i);
            if manner > 0 && i + manner <= hi {
                i += manner;
                continue;
            }
            // …nor is the adjective of a manner head (هاجموا بطريقة منظمة: cue list `manner_heads`).
            if i > lo && crate::context::manner_head_start(words, i - 1).is_some() && self.mention_starting(i).is_none() {
                i += 1;
                continue;
            }
            if self.accusative_adjective(i) {
                i += 1;
                continue;
            }
            // كل من / كلا من ("both") opens the list of the phrases after it, no phrase itself
            // (التقى كلا من وزير الدفاع ورئيس الأركان).
            if i + 2 < hi && matches!(bare(&words[i]), "كل" | "كلا") && bare(&words[i + 1]) == "من" {
                i += 2;
                continue;
            }
            let Some((j, head)) = self.phrase_start(i, hi) else {
                // An indefinite object (هاجم مسلحون فندقا): a generic phrase of its own.
                if let Some(end) = self.indefinite_object(i, hi, &out) {
                    // (…of members, with the group they belong to: أعضاء في حركة حماس.)
                    let (end, (link, state)) = match self.member_of_group(i, end, hi) {
                        Some(e) => (e, self.best_link(i, e)),
                        None => (end, (None, None)),
                    };
                    out.push(Phrase { first: i, end, head: Head::Generic, link, state, governor: None, coordinated: false });
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
            let (end, named) = self.extend(i, j, hi, head);
            let named_start = head == Head::Name;
            let mut j = end.min(hi);
            // A quotation opened inside the phrase closes inside it too (عناصر «داعش»).
            let opened = (i..j).any(|k| crate::context::opening_quote(&words[k]));
            if opened && j < hi && words[j].tok.kind == TokenKind::Punct && matches!(words[j].tok.text, "»" | "”" | "\"" | "'") {
                j += 1;
            }
            // (Not with a name or a title in it: الرئيس الجورجي ساكاشفيلي is a person.)
            let place_only = head == Head::Name
                && (i..j).filter_map(|t| self.mention_at[t]).all(|m| self.d.mentions[m].actor.is_none())
                && (i..j).all(|t| self.name_at(t).is_none() && !cues().honorifics.has(words[t].key.as_str()))
                && word_class(&words[i]) != Some(Head::Office)
                && !self.surname_subject(i, hi);
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
            // (Not a name that begins with و: وليد، وهبي; nor a noun: وفدا.)
            let and = words[first].seg.prefixes.first() == Some(&"و")
                && !self.d.kb.begins_a_name(&words[first].key)
                && !words::own_waw(&words[first]);
            let coordinated = and || (first > lo && words[first - 1].key == "و");
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
        self.join_quoted_names(&mut out, lo, hi);
        self.join_holders(&mut out, hi);
        self.join_phrases(&mut out);
        out
    }
}

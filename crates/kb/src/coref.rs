//! Surnames: a person the catalogue knows, named in full once in a document (جون كيري، رجب طيب
//! أردوغان، محمد بن سلمان), is named by the rest of the name elsewhere in it (كيري، أردوغان، بن
//! سلمان), before or after. The linker links those later mentions to the same person: a tail of
//! two words or more wherever it stands, a one-word tail only where the NER model read it alone as
//! a person's name (many surnames are common words: بري "land", الصدر "the chest", الشرع "the law").
//! A name the catalogue does not know stays unlinked.

use rasad_text::{TokenKind, Word};

use crate::catalogue::ActorType;
use crate::index::nisba_base;
use crate::kb::Kb;
use crate::link::{add_phrase_mentions, keys_at, Mention, MentionKind};

/// Words that end a compound given name or are no surname alone (حسن نصر الله: الله; صلاح الدين),
/// a title inside a name (ولد الشيخ أحمد: الشيخ أحمد is anyone's), and the "son of" of Turkish
/// surnames (داود أوغلو: أوغلو alone is as much جاويش أوغلو's).
const NOT_SURNAMES: &[&str] = &["الله", "الدين", "بن", "ابن", "ابو", "عبد", "ال", "الثاني", "الاول", "الشيخ", "اوغلو"];

/// Words after which the rest of a name is no surname: "son of" (the rest names the father: سلمان
/// of محمد بن سلمان, زايد آل نهيان of محمد بن زايد آل نهيان) and عبد ("servant of", which the rest
/// completes as a given name: العزيز of عبد العزيز).
const BEFORE_NO_SURNAME: &[&str] = &["بن", "ابن", "ولد", "عبد"];

/// Nouns of armed men whose genitive is their leader (قوات صالح، ميليشيات هادي، أنصار صالح): a
/// one-word surname right after one of them is the person's, wherever the NER model read it.
const FORCES_OF: &[&str] =
    &["قوات", "ميليشيات", "ميليشيا", "مليشيات", "مليشيا", "مسلحي", "مسلحو", "أنصار", "عناصر", "مقاتلي", "مقاتلو", "كتائب"];

/// Most surnames a document gives (a bound on the scan's cost: each word is compared with each).
const MAX_SURNAMES: usize = 64;

impl Kb {
    /// Adds to `out` (linked mentions, any order, not overlapping) the mentions of surnames of the
    /// persons it links by a full name of two or more words: every tail of that name (its words
    /// after the first, after the second …), where it stands alone in a word not already linked.
    /// A one-word tail is taken only when it is three letters or more and not in [`NOT_SURNAMES`].
    ///
    /// `persons`: token ranges `[first, end)` another reader (the NER model) read as person names.
    /// `None` takes tails of two words or more only, but not those that begin with بن; with it,
    /// one-word tails, each linking only where one of them is that word alone (وقال كيري, not توغل بري
    /// "a ground incursion" for نبيه بري, nor في الصدر "in the chest" for مقتدى الصدر, nor صالح of the
    /// name صالح الصماد for علي عبد الله صالح), and بن tails, each linking only where one of them
    /// begins with it (وقال بن سلمان, not سيف بن زايد).
    pub(crate) fn link_surnames(&self, words: &[Word], out: &mut Vec<Mention>, persons: Option<&[(usize, usize)]>) {
        // The model's name is the surname alone: inside a longer one (صالح of صالح الصماد, الفيصل of
        // خالد الفيصل, القذافي of سيف الإسلام القذافي) it is another person's.
        let person_at = |i: usize| persons.is_some_and(|ps| ps.iter().any(|&(a, b)| a == i && b == i + 1));
        // A tail that begins with بن (بن سلمان) is a name of its own only where the model's name begins
        // with it: in سيف بن زايد it is the end of another son's name.
        let named_from = |i: usize, n: usize| persons.is_some_and(|ps| ps.iter().any(|&(a, b)| a == i && b >= i + n));
        let mut tails: Vec<(Vec<&str>, usize)> = Vec::new();
        for m in out.iter() {
            let Some(a) = m.actor.filter(|&a| self.actors[a].kind == ActorType::Person) else { continue };
            if m.end - m.first < 2 || m.kind != MentionKind::Name {
                continue;
            }
            for start in m.first + 1..m.end {
                if BEFORE_NO_SURNAME.contains(&words[start - 1].key.as_str()) {
                    continue;
                }
                let tail: Vec<&str> = words[start..m.end].iter().map(|w| w.key.as_str()).collect();
                let one = tail.len() == 1;
                // A joined عبد name alone is a given name (عبدالعزيز of محمد ولد عبدالعزيز).
                if one && tail[0].starts_with("عبد") {
                    continue;
                }
                let son = tail[0] == "بن";
                // With the model's persons only one-word tails and بن tails are left to find (Kb::link
                // took the other longer ones); without them, no بن tail.
                if (persons.is_some() && !one && !son) || (persons.is_none() && son) {
                    continue;
                }
                if one && (persons.is_none() || tail[0].chars().count() < 3 || NOT_SURNAMES.contains(&tail[0]) || self.state_nisba(tail[0]))
                {
                    continue;
                }
                // A tail of two words or more may begin with بن (بن سلمان) or أبو (أبو مرزوق of موسى أبو
                // مرزوق, أبو الغيط of أحمد أبو الغيط: a family name).
                if NOT_SURNAMES.contains(&tail[0]) && !matches!(tail[0], "بن" | "ابو") {
                    continue;
                }
                if !tails.iter().any(|(t, _)| *t == tail) && tails.len() < MAX_SURNAMES {
                    tails.push((tail, a));
                }
            }
        }
        if tails.is_empty() {
            return;
        }
        // Longer tails first: بن سلمان before سلمان.
        tails.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        add_phrase_mentions(words, out, |i, _| {
            tails
                .iter()
                .find(|(t, _)| {
                    let n = t.len();
                    keys_at(words, i, t)
                        // A word followed by بن is the given name of another's full name (سلمان بن عبد
                        // العزيز); a definite word after a definite noun is its adjective (المهندس in
                        // الفريق المهندس).
                        && !(n == 1 && words.get(i + 1).is_some_and(|w| matches!(w.key.as_str(), "بن" | "ابن")))
                        && !(n == 1 && t[0].starts_with("ال") && definite_before(words, i))
                        && if n == 1 { (person_at(i) && !after_place_preposition(words, i)) || after_forces_noun(words, i) } else { t[0] != "بن" || named_from(i, n) }
                })
                .map(|(t, a)| (t.len(), *a))
        });
    }

    /// The mentions of [`Kb::link`] and the one-word surnames of its persons where `persons`
    /// (token ranges `[first, end)` of names the NER model read as persons) hold them (see
    /// `link_surnames`). Returns the mentions in text order.
    pub fn link_named_surnames(&self, words: &[Word], mut mentions: Vec<Mention>, persons: &[(usize, usize)]) -> Vec<Mention> {
        let before = mentions.len();
        self.link_surnames(words, &mut mentions, Some(persons));
        if mentions.len() > before {
            mentions.sort_by_key(|m| m.first);
        }
        mentions
    }

    /// Whether some name of the catalogue or the gazetteer begins with the match key as a whole
    /// word (وليد for وليد المعلم, بغداد): its first letter is the name's, not a clitic.
    pub fn begins_a_name(&self, key: &str) -> bool {
        self.linker.by_first.contains_key(key)
    }

    /// Whether a match key is the nisba of an actor of the catalogue, definite or not (سوري،
    /// الحوثي، عراقيين): a counted nisba counts that actor's people (15 سوريًا).
    pub fn is_demonym(&self, key: &str) -> bool {
        let base = key.strip_prefix("ال").unwrap_or(key);
        nisba_base(base).is_some_and(|b| self.linker.demonyms.contains_key(b))
    }

    /// Whether a key is a definite nisba of a state (السوداني، الإيرانية): a surname such as
    /// السوداني (محمد شياع السوداني) reads as "the Sudanese" alone.
    pub(crate) fn state_nisba(&self, key: &str) -> bool {
        key.strip_prefix("ال").and_then(nisba_base).is_some_and(|b| self.linker.demonyms.contains_key(b))
    }
}

/// Whether token `i` follows a preposition of place or direction (في الصدر "in the chest"): a
/// one-word surname there is more often the common word.
fn after_place_preposition(words: &[Word], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|k| matches!(words[k].key_without_conj(), "في" | "على" | "الي" | "عن" | "من"))
}

/// Whether token `i` is the genitive of a noun of armed men (قوات صالح; [`FORCES_OF`]).
fn after_forces_noun(words: &[Word], i: usize) -> bool {
    static KEYS: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| FORCES_OF.iter().map(|w| rasad_text::match_key(w)).collect());
    i.checked_sub(1)
        .is_some_and(|k| words[k].seg.prefixes.iter().all(|p| *p == "و") && KEYS.iter().any(|f| f == words[k].key_without_conj()))
}

/// Whether the word before token `i` is a definite Arabic word.
pub(crate) fn definite_before(words: &[Word], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|k| {
        let key = words[k].key_without_conj();
        words[k].tok.kind == TokenKind::Arabic && key.starts_with("ال") && key.chars().count() > 3
    })
}

#[cfg(test)]
mod tests {
    use rasad_text::{analyze, tokenize, Segmenter};

    use crate::kb::Kb;

    /// (text, actor id) of the mentions of `text` that name an actor, as if the NER model had read
    /// every word as a person's name of its own (one-word surnames are then taken wherever they stand).
    fn actors(text: &str) -> Vec<(String, String)> {
        let kb = Kb::builtin();
        let seg = Segmenter::new(kb.name_words());
        let words = analyze(&tokenize(text), &seg);
        let every: Vec<(usize, usize)> = (0..words.len()).map(|i| (i, i + 1)).collect();
        kb.link_named_surnames(&words, kb.link(&words), &every)
            .into_iter()
            .filter_map(|m| m.actor.map(|a| (rasad_text::char_slice(text, m.span), kb.actors[a].id.clone())))
            .collect()
    }

    #[test]
    fn a_surname_after_the_full_name_links_to_the_person() {
        let l = actors("التقى وزير الخارجية الأمريكي جون كيري نظيره في القاهرة. وقال كيري إن المحادثات كانت بناءة، وأضاف لكيري مساعده أن الزيارة تنتهي غدا.");
        let kerry: Vec<&str> = l.iter().filter(|(_, id)| id == "P-KERRY").map(|(t, _)| t.as_str()).collect();
        assert_eq!(kerry, ["جون كيري", "كيري", "لكيري"]);
    }

    #[test]
    fn a_surname_before_the_full_name_and_a_two_word_tail() {
        let l = actors("زاهدي في دمشق. وصل القيادي محمد رضا زاهدي إلى العاصمة السورية، والتقى رضا زاهدي قادة الفصائل.");
        let z: Vec<&str> = l.iter().filter(|(_, id)| id == "P-ZAHEDI").map(|(t, _)| t.as_str()).collect();
        assert_eq!(z, ["زاهدي", "محمد رضا زاهدي", "رضا زاهدي"]);
    }

    #[test]
    fn a_surname_after_a_noun_of_armed_men_is_the_persons_without_the_model() {
        let kb = Kb::builtin();
        let seg = Segmenter::new(kb.name_words());
        let text = "تحالف الحوثيون مع علي عبدالله صالح. وقصفت قوات صالح الأحياء، وهاجم مسلحو صالح المواقع، وقال صالح إنه باق.";
        let words = analyze(&tokenize(text), &seg);
        let saleh: Vec<String> = kb
            .link_named_surnames(&words, kb.link(&words), &[])
            .into_iter()
            .filter(|m| m.actor.is_some_and(|a| kb.actors[a].id == "P-SALEH"))
            .map(|m| rasad_text::char_slice(text, m.span))
            .collect();
        // (Not وقال صالح: a verb's subject needs the model's word.)
        assert_eq!(saleh, ["علي عبدالله صالح", "صالح", "صالح"]);
        // Without the full name in the document, no one: the catalogue does not know صالح alone.
        let words = analyze(&tokenize("وقصفت قوات صالح الأحياء."), &seg);
        assert!(kb.link_named_surnames(&words, kb.link(&words), &[]).iter().all(|m| m.actor.is_none()));
    }

    #[test]
    fn a_one_word_surname_needs_the_model_to_read_a_person_there() {
        let kb = Kb::builtin();
        let seg = Segmenter::new(kb.name_words());
        let text = "التقى وزير الخارجية الأمريكي جون كيري نظيره في القاهرة. وقال كيري إن المحادثات كانت بناءة.";
        let words = analyze(&tokenize(text), &seg);
        let kerry = |ms: &[crate::link::Mention]| ms.iter().filter(|m| m.actor.is_some_and(|a| kb.actors[a].id == "P-KERRY")).count();
        // Without the model's word, the full name only; with a person read at كيري, both.
        assert_eq!(kerry(&kb.link(&words)), 1);
        let at = words.iter().rposition(|w| w.key == "كيري").unwrap();
        assert_eq!(kerry(&kb.link_named_surnames(&words, kb.link(&words), &[(at, at + 1)])), 2);
    }

    #[test]
    fn no_surname_without_the_full_name_nor_from_a_compound_given_name() {
        // كيري alone: the catalogue does not know the surname by itself.
        assert!(actors("وقال كيري إن المحادثات كانت بناءة.").iter().all(|(_, id)| id != "P-KERRY"));
        // حسن نصر الله: the tail نصر الله, never الله alone.
        let l = actors("قال الأمين العام لحزب الله حسن نصر الله إن الحزب لن يتراجع، وأضاف نصر الله أن الله معهم.");
        let texts: Vec<&str> = l.iter().map(|(t, _)| t.as_str()).collect();
        assert!(!texts.contains(&"الله"), "{l:?}");
        // السوداني of محمد شياع السوداني: "the Sudanese" after a noun, and a state's nisba anyway.
        let l = actors("استقبل رئيس الوزراء العراقي محمد شياع السوداني الرئيس السوداني في بغداد.");
        assert_eq!(l.iter().filter(|(_, id)| id == "P-SUDANI").count(), 1, "{l:?}");
    }
}

//! The closed word classes of a phrase (`data/cues.toml`): what a word heads (an office وزير، a
//! group قوات، people مدنيين، a counterpart نظيره، a pair البلدان), a nisba adjective (السوري،
//! الإيرانيين), a participle that describes the noun before it (التنظيم المتطرف), a sound plural
//! that names people (المتظاهرون) and a construct head that takes a genitive (وزير | الخارجية).

use rasad_text::{TokenKind, Word};

use super::Head;
use crate::context::bare;
use crate::cues::cues;

/// True when a word is an indefinite nisba in the accusative, which keeps its tanween's alif (and
/// its first letter where the segmenter read a clitic, ب ك ل ف: برلمانيا، كرديا، لبنانيا، فلسطينيا):
/// حكوميا، يمنيا; not an adverb (رسميا).
pub(crate) fn accusative_nisba(w: &Word) -> bool {
    let k = w.key.as_str();
    !w.seg.definite()
        && k.chars().count() >= 5
        && k.ends_with("يا")
        && w.seg.prefixes.iter().all(|p| matches!(*p, "ب" | "ك" | "ل" | "ف"))
        && !cues().nisba_adverbs.has(k)
}

/// True when `w` may describe the word `prev` before it: an adjective, and a nisba in the
/// accusative only after an accusative (وفدا حكوميا; not قناص | مدنيا, the object).
pub(crate) fn describes_word(prev: &Word, w: &Word) -> bool {
    (accusative_nisba(w) && prev.key.ends_with('ا')) || crate::forms::is_adjective(w)
}

/// Nisba adjectives: السوري، الروسية، الإيرانيين, and others of the adjective class.
/// Computed (callers read it memoized per form through [`crate::forms::is_adjective`]).
pub(crate) fn adjective(w: &Word) -> bool {
    if w.tok.kind != TokenKind::Arabic || !w.seg.prefixes.iter().all(|p| *p == "ال") {
        return false;
    }
    let k = w.key.as_str();
    let c = cues();
    if c.new_phrase.has(k) || c.groups.has(k) || c.titles.has(k) || c.ya_nouns.has(k) || c.ya_nouns.has(bare(w)) {
        return false;
    }
    // (Nor the sound plural of a listed person in ي: شرطيين، مدنيين name people.)
    if ["ين", "ون"].iter().any(|x| k.strip_suffix(x).is_some_and(|st| c.people.has(st) && st.ends_with('ي'))) {
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
pub(super) fn participle_adjective(prev: &Word, w: &Word) -> bool {
    let (k, pk) = (w.key.as_str(), prev.key.as_str());
    let shaped = w.tok.kind == TokenKind::Arabic
        && w.seg.prefixes.iter().all(|p| *p == "ال")
        && k.starts_with("الم")
        && k.chars().count() >= 6
        && prev.seg.definite();
    let feminine = |x: &str| x.ends_with('ه') || x.ends_with("ات");
    let plural = |x: &str| x.ends_with("ين") || x.ends_with("ون");
    // (Nor a noun in ية, which only looks like one: الجماعة | المسؤولية عن التفجير; nor a plural
    // in ات after a singular, a noun: adjectives of things agree in the singular, الجامعة العربية |
    // الممارسات، القوات المسلحة; women's plurals agree in ات, الناشطات المعتقلات.)
    shaped
        && feminine(k) == feminine(pk)
        && !plural(k)
        && (!k.ends_with("ات") || pk.ends_with("ات"))
        && crate::forms::word_class(w).is_none()
        && !cues().m_nouns.has(k)
        && !cues().ya_nouns.has(k)
}

/// Two sound plurals in the nominative (ون), the second describing the first in the same
/// definiteness (سياسيون معارضون، ناشطون سوريون معارضون، المسلحون المتشددون): no object can be
/// nominative, so the second is no new phrase. Not a name's or a verb's form (callers check).
pub(super) fn nominative_plurals(prev: &Word, w: &Word) -> bool {
    // (Not an imperfect verb's plural, يهاجمون، تطالبون; a nisba may open with its letter: يمنيون.)
    let verb_shaped = |x: &Word| bare(x).starts_with(['ي', 'ت']) && !x.key.ends_with("يون");
    let nominative = |x: &Word| x.tok.kind == TokenKind::Arabic && x.key.chars().count() >= 5 && x.key.ends_with("ون") && !verb_shaped(x);
    nominative(prev)
        && nominative(w)
        && prev.seg.definite() == w.seg.definite()
        && w.seg.prefixes.iter().all(|p| *p == "ال")
        && crate::forms::word_class(w) != Some(Head::Counterpart)
}

/// A definite participle with a preposition and its pronoun after it, which describes the definite
/// noun before it whatever that noun's gender (الحكومة المعترف بها، القوات الموالية له، الجماعات
/// المرتبطة بها): the participle of a verb with a preposition agrees through the pronoun.
pub(super) fn prepositional_participle(prev: &Word, w: &Word, next: &Word) -> bool {
    let k = w.key.as_str();
    w.tok.kind == TokenKind::Arabic
        && w.seg.prefixes.iter().all(|p| *p == "ال")
        && k.starts_with("الم")
        && k.chars().count() >= 6
        && prev.seg.definite()
        && crate::forms::word_class(w).is_none()
        && cues().preposition_pronouns.has(bare(next))
}

/// True when a word's first و is its own letter, not the conjunction the segmenter read: an
/// indefinite accusative of a listed noun (وفدا ← وفد) that means nothing without it (فدا).
pub(crate) fn own_waw(w: &Word) -> bool {
    let c = cues();
    let k = w.key.as_str();
    w.seg.prefixes == ["و"]
        && k.chars().count() >= 4
        && k.strip_suffix('ا').is_some_and(|t| c.titles.has(t) || c.groups.has(t) || c.people.has(t))
        && ![&c.titles, &c.groups, &c.people].iter().any(|cl| cl.has(bare(w)))
}

/// The closed class of a word form, computed (callers read it memoized per form through
/// [`crate::forms::word_class`]).
pub(crate) fn classify(w: &Word) -> Option<Head> {
    if w.tok.kind != TokenKind::Arabic {
        return None;
    }
    let c = cues();
    let (k, b) = (w.key.as_str(), bare(w));
    // (قوي "strong" is no قوى "forces": the key folds ى to ي, the text does not.)
    if c.maqsura_heads.has(b) && crate::context::letters(w.tok.text).next_back() == Some('ي') {
        return None;
    }
    // Without clitics but with the article (المقاتلين), and without either (مقاتلين).
    let plain = w.seg.base.as_str();
    // Only a preposition before the article hides the definite form from `bare` (بالمقاتلين).
    let def = (w.seg.definite() && !b.starts_with("ال")).then(|| format!("ال{plain}"));
    // An indefinite accusative keeps its tanween's alif (وفدا، مسؤولا، قائدا): the noun without it.
    let tanween = (!w.seg.definite() && b.chars().count() >= 4).then(|| b.strip_suffix('ا')).flatten();
    // (…with its own و, which the segmenter may read as the conjunction: وفدا.)
    let whole_tanween = (w.seg.prefixes == ["و"] && k.chars().count() >= 4).then(|| k.strip_suffix('ا')).flatten();
    // A sound plural or dual of a listed singular (دبلوماسيون، المراقبين، مسؤولان), with or
    // without the article: the lists name the singular once.
    // A feminine dual writes its ة as ت (طفلتان، مواطنتين ← طفلة، مواطنة: keys fold ة to ه).
    // (…and a masculine plural in construct, which drops its ن: مفاوضو الأمم المتحدة.)
    let sound = |cl: &crate::cues::Class| {
        let construct = (w.seg.prefixes.iter().all(|p| *p == "و") && !w.seg.definite()).then_some("و");
        ["ون", "ين", "ان"].into_iter().chain(construct).any(|sfx| {
            b.strip_suffix(sfx).filter(|st| st.chars().count() >= if sfx == "و" { 4 } else { 3 }).is_some_and(|st| {
                let bare_st = st.strip_prefix("ال").filter(|r| r.chars().count() >= 3);
                let feminine = (!matches!(sfx, "ون" | "و")).then(|| st.strip_suffix('ت').map(|r| format!("{r}ه"))).flatten();
                // (A dual of a singular listed only in the plural, since alone it is an adjective:
                // المسلحان ← المسلحين; هجوم مسلح is no group.)
                let plural = (sfx == "ان").then(|| format!("{st}ين"));
                // (A woman's dual of a listed man's noun: ناشطتين ← ناشط، مواطنتين ← مواطن.)
                let her_dual = matches!(sfx, "ين" | "ان").then(|| st.strip_suffix('ت')).flatten().filter(|m| m.chars().count() >= 3);
                cl.has(st)
                    || plural.is_some_and(|p| cl.has(&p))
                    || her_dual.is_some_and(|m| cl.has(m))
                    || bare_st.is_some_and(|r| cl.has(r))
                    || feminine.is_some_and(|f| cl.has(&f) || f.strip_prefix("ال").is_some_and(|r| cl.has(r)))
            })
        })
    };
    // (…and one in construct, which drops its ن: موظفي الأجهزة ← موظفين.)
    let has = |cl: &crate::cues::Class| {
        cl.has(b)
            || cl.has(plain)
            || construct_of(w, b, cl)
            || def.as_deref().is_some_and(|d| cl.has(d))
            || tanween.is_some_and(|t| cl.has(t))
            || whole_tanween.is_some_and(|t| cl.has(t))
            || sound(cl)
    };
    // (A person's noun whole: the segmenter may read its first ف as the conjunction, فتاة.)
    // (…or a party's people with its pronoun: أنصارها، رعاياهم، مواطنيها.)
    let owned = w.seg.suffixes.last().is_some_and(|s| matches!(*s, "ها" | "هم" | "هما" | "ه"));
    let stem = w.seg.key.as_str();
    let owned_person = owned && stem.chars().count() >= 3 && c.owned_people.has(stem);
    let whole_person = (w.seg.prefixes == ["ف"] && c.people.has(k)) || owned_person;
    if c.pairs.has(k) || has(&c.pairs) {
        Some(Head::Pair)
    } else if has(&c.counterpart) || c.counterpart.has(w.seg.key.as_str()) {
        Some(Head::Counterpart)
    } else if has(&c.titles) {
        Some(Head::Office)
    } else if has(&c.groups) || (bare_construct(w) && c.construct_groups.has(b)) {
        Some(Head::Group)
    } else if has(&c.people) || whole_person {
        Some(Head::People)
    } else {
        None
    }
}

/// True when an indefinite word is a sound plural or dual of people in construct, which drops
/// its ن (موظفي الأجهزة، مصابي قوات الطوارئ ← موظفين، مصابين) and is not itself a listed word
/// (انتحاري is a singular).
pub(crate) fn construct_plural_of_people(w: &Word) -> bool {
    let c = cues();
    let b = bare(w);
    !c.people.has(b) && !c.groups.has(b) && (construct_of(w, b, &c.people) || construct_of(w, b, &c.groups))
}

/// True when the form `x` of an indefinite word is a sound plural or dual in construct, its ن
/// dropped, of a word listed in `cl` with it (موظفي ← موظفين، ضابطي ← ضابطين).
fn construct_of(w: &Word, x: &str, cl: &crate::cues::Class) -> bool {
    !w.seg.definite() && x.ends_with('ي') && x.chars().count() >= 4 && cl.has(&format!("{x}ن"))
}

/// True when a word without a clitic preposition is a sound masculine plural (ون or ين on a stem of
/// four letters or more, not the فعاليل shape): المشاركون، متظاهرين، الفلسطينيين; not القانون،
/// المليون، الميادين، قوانين, nor a feminine dual (القريتين، جويتين), nor a weapon's (صاروخين).
pub(crate) fn sound_plural_of_people(w: &Word) -> bool {
    if w.tok.kind != TokenKind::Arabic || w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل" | "ك")) {
        return false;
    }
    let b = bare(w);
    let b = b.strip_prefix("ال").unwrap_or(b);
    let letters: Vec<char> = b.chars().collect();
    let n = letters.len();
    let suffix = b.ends_with("ون") || b.ends_with("ين");
    // (Not an imperfect verb's plural, يتحصنون، تقاتلون, unless a nisba's: يمنيون.)
    let imperfect = !w.seg.definite() && b.ends_with("ون") && b.starts_with(['ي', 'ت']) && !b.ends_with("يون") && n >= 6;
    // (Nor a feminine dual, whose ة turns ت before ين: القريتين، سيارتين، جويتين; a listed person's
    // dual, امرأتين، مواطنتين, is the lists'.)
    let feminine_dual = b.ends_with("تين");
    // (Nor the dual of a weapon: صاروخين، مدفعين.)
    let weapon = b.strip_suffix("ين").is_some_and(|st| cues().weapon_singulars.has(st));
    suffix && n >= 6 && letters[n - 4] != 'ا' && !imperfect && !feminine_dual && !weapon
}

/// True when an indefinite word is a feminine dual, its ة turned ت before the dual's ين or ان
/// (سيارتين، منطقتين، قريتان): an object like its singular. (The segmenter may read its first
/// letter as a clitic, س+يارت+ين; only ف and that future س are let pass.)
pub(crate) fn feminine_dual(w: &Word) -> bool {
    let b = bare(w);
    (b.ends_with("تين") || b.ends_with("تان"))
        && b.chars().count() >= 6
        && matches!(w.seg.suffixes.last(), Some(&"ين" | &"ان"))
        && w.seg.prefixes.iter().all(|x| matches!(*x, "ف" | "س"))
}

/// True when the word at `i` is a nisba in ين right after an indefinite dual or plural noun in ين
/// that names no people: the noun's adjective, no people of its own (اتصالين هاتفيين، صاروخين
/// باليستيين; not مواطنين سوريين, where the noun is people and the phrase starts there).
pub(crate) fn nisba_of_dual(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    i > 0 && !w.seg.definite() && bare(w).ends_with("يين") && {
        let p = &words[i - 1];
        p.tok.kind == TokenKind::Arabic
            && !p.seg.definite()
            && p.seg.prefixes.iter().all(|x| *x == "و")
            && bare(p).ends_with("ين")
            && !sound_plural_of_people(p)
            && crate::forms::word_class(p).is_none()
    }
}

/// A construct head: an indefinite noun without a clitic preposition (وزير، قوات، عناصر), which
/// takes a genitive after it.
pub(super) fn construct(w: &Word) -> bool {
    // A sound plural or dual keeps its ن only outside a construct (مسلحون | النار، مسلحو الحوثي).
    let n_ending = w.seg.suffixes.iter().any(|s| matches!(*s, "ون" | "ين" | "ان"));
    // (Nor a noun with its own و and its tanween: وفدا | التقى.)
    !w.seg.definite() && !n_ending && !own_waw(w)
}

/// A construct head with no clitic but و (قوات، ومقاومة; not بقوات، القوات): it may head a
/// group by its genitive (مقاومة عدن، أفراد الشرطة).
pub(super) fn bare_construct(w: &Word) -> bool {
    construct(w) && w.seg.prefixes.iter().all(|p| *p == "و")
}

/// True when tokens `j`, `j + 1` are an abbreviated title: one Arabic letter and the dot right
/// after it or one space after it (د. for دكتور, م. for مهندس, أ. for أستاذ; د . فتحي).
pub(crate) fn abbreviated_title(words: &[Word], j: usize) -> bool {
    let (w, dot) = (&words[j], &words[j + 1]);
    rasad_text::is_title_letter(&w.tok) && dot.tok.text == "." && dot.tok.span.start <= w.tok.span.end + 1
}

#[cfg(test)]
mod tests {
    use super::{classify as word_class, nisba_ending, Head};
    use rasad_text::{analyze, tokenize, Segmenter};

    #[test]
    fn duals_of_listed_people_nouns_are_people_feminine_ones_too() {
        let seg = Segmenter::new(std::iter::empty::<&str>());
        for w in ["طفلتان", "طفلتين", "جنديان", "مدنيين"] {
            let toks = tokenize(w);
            let words = analyze(&toks, &seg);
            assert_eq!(word_class(&words[0]), Some(Head::People), "{w}");
        }
    }

    #[test]
    fn nisba_endings_are_read_from_the_key() {
        for k in ["السوري", "الروسيه", "الحوثيين", "الايرانيون", "الاوروبيات"] {
            assert!(nisba_ending(k), "{k}");
        }
        for k in ["الجيش", "القوات", "الحكومه"] {
            assert!(!nisba_ending(k), "{k}");
        }
    }
}

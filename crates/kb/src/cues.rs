//! The cues around a name that tell whether it is read as a place: place nouns and prepositions
//! before it, institutions of a place, datelines, and the words that make it part of another
//! name (an organization, a newspaper, an idiom).

use rasad_text::{TokenKind, Word};

use crate::index::{nisba_base, Target, PLACE_NOUNS, PLACE_PREPS};
use crate::kb::Kb;
use crate::link::{is_close_quote, is_open_quote};
use crate::words::WordStats;

/// Nouns that begin an organization's name: a place name right after one (نادي العين، جامعة
/// دمشق، بنك دبي، لشركة أبوظبي، صحيفة المدينة) names the organization, not the place.
/// A market named by its city is the stock exchange (سوق دبي المالي، سوقي دبي وأبوظبي); a
/// tournament, league or cup named for a place is a competition (بطولة قطر للتنس، كأس آسيا); a
/// football club's first word before its city (ريال مدريد، بايرن ميونخ، دينامو موسكو) is one too; a
/// hotel, restaurant or café named for a place is the establishment (فندق بيبلوس in Sévaré, Mali).
const ORGANIZATION_NOUNS: &[&str] = &[
    "فندق",
    "مطعم",
    "مقهي",
    "نادي",
    "بنك",
    "مصرف",
    "شركه",
    "صحيفه",
    "جريده",
    "قناه",
    "جامعه",
    "وكاله",
    "اذاعه",
    "سوق",
    "سوقي",
    "بطوله",
    "دوري",
    "كاس",
    "ريال",
    "اتلتيكو",
    "بايرن",
    "انتر",
    "سسكا",
    "دينامو",
    "لوكوموتيف",
    "سبارتاك",
    "بوروسيا",
];

/// Whether an organization noun comes right before token `i`, or two words before it across "of"
/// (بنك أوف أمريكا) or across the first of two names joined by و (سوقي دبي وأبوظبي).
pub(crate) fn organization_before(words: &[Word], i: usize) -> bool {
    let org = |k: usize| ORGANIZATION_NOUNS.contains(&words[k].key_without_conj()) || ORGANIZATION_NOUNS.contains(&words[k].seg.base_key());
    let Some(prev) = i.checked_sub(1) else { return false };
    if org(prev) {
        return true;
    }
    let joined = words[prev].key == "اوف" || words[i].key_without_conj() != words[i].key;
    joined && prev.checked_sub(1).is_some_and(|k| words[prev].tok.kind == TokenKind::Arabic && org(k))
}

/// Whether the one-word country name at `i` is a nisba adjective after a feminine noun of the same
/// definiteness (القنصلية السعودية، البعثة السعودية، أسرة سورية), not the country: the name ends in
/// ية, the word before ends in ة or ات and is no preposition or place noun.
pub(crate) fn adjective_after_noun(words: &[Word], i: usize) -> bool {
    let (w, Some(prev)) = (&words[i], i.checked_sub(1).map(|k| &words[k])) else { return false };
    let preposition = w.seg.prefixes.iter().any(|p| matches!(*p, "ل" | "ب" | "لل"));
    if prev.tok.kind != TokenKind::Arabic || !w.key_without_conj().ends_with("يه") || preposition {
        return false;
    }
    let p = prev.key_without_conj();
    let definite = |x: &Word| x.seg.definite() || x.key_without_conj().starts_with("ال");
    (p.ends_with('ه') || p.ends_with("ات"))
        && !PLACE_PREPS.contains(&p)
        && !PLACE_NOUNS.contains(&p.strip_prefix("ال").unwrap_or(p))
        && definite(prev) == definite(w)
}

/// Words after a one-word place name that make it part of another name: a person's (الخليل بن
/// أحمد), a newspaper's (واشنطن بوست، نيويورك تايمز), a continent's (أمريكا اللاتينية، أمريكا الشمالية، أمريكا الجنوبية) or a
/// club's (باريس سان جرمان، مانشستر يونايتد).
const NAME_CONTINUED: &[&str] =
    &["بوست", "تايمز", "جورنال", "تريبيون", "اللاتينيه", "الشماليه", "الجنوبيه", "الوسطي", "سان", "يونايتد", "سيتي", "بن"];

/// Masculine adjectives of a tie (الرباط الوثيق بين الشعبين "the close bond"): a city is
/// feminine, so الرباط before one is the noun, not Rabat.
const TIE_ADJECTIVES: &[&str] = &["الوثيق", "المتين", "المقدس", "الاخوي", "الروحي", "القوي", "التاريخي", "العميق"];

/// A one-word place name in an idiom: followed by رأس (head), the noun of "مسقط رأسه" (birthplace),
/// not Muscat; followed by الصليبي, the ligament (الرباط الصليبي), not Rabat; after صلاة (prayer), a
/// prayer time (صلاة المغرب), not Morocco; followed by a word of [`NAME_CONTINUED`].
pub(crate) fn idiom(words: &[Word], i: usize, n: usize) -> bool {
    n == 1
        && (words.get(i + 1).is_some_and(|w| {
            w.seg.key == "راس" || w.key == "الصليبي" || NAME_CONTINUED.contains(&w.key.as_str()) || TIE_ADJECTIVES.contains(&w.key.as_str())
        }) || i.checked_sub(1).is_some_and(|k| words[k].key_without_conj() == "صلاه"))
}

/// The index of the word before token `i`, past an opening quote (محافظة «لحج»).
fn before(words: &[Word], i: usize) -> Option<usize> {
    let k = i.checked_sub(1)?;
    if is_open_quote(words.get(k)) {
        k.checked_sub(1)
    } else {
        Some(k)
    }
}

/// A dateline: the name opens a line or follows a dash (سبق- الطائف:، رأس الخيمة: «الخليج») and
/// a colon follows it.
pub(crate) fn dateline(words: &[Word], i: usize, n: usize) -> bool {
    let colon = words.get(i + n).is_some_and(|w| w.tok.kind == TokenKind::Punct && w.tok.text == ":");
    let opens = i.checked_sub(1).is_none_or(|k| words[k].tok.kind == TokenKind::Punct && matches!(words[k].tok.text, "-" | "–" | "/"));
    colon && opens
}

/// Nouns of a place's institutions and people (بلدية البيرة، شرطة دبي، أمير جازان، تعليم الطائف،
/// سكان تعز، ميناء الحديدة): after one, a one-word name is read as after a preposition.
const INSTITUTION_NOUNS: &[&str] = &["بلديه", "شرطه", "امانه", "اماره", "محافظ", "امير", "تعليم", "سكان", "اهالي", "ميناء", "حاضره"];

pub(crate) fn institution_before(words: &[Word], i: usize) -> bool {
    before(words, i).is_some_and(|k| {
        let prev = words[k].key_without_conj();
        INSTITUTION_NOUNS.contains(&prev) || prev.strip_prefix('ب').is_some_and(|r| INSTITUTION_NOUNS.contains(&r))
    })
}

/// A built-gazetteer name needs a cue: a place noun before it (قرية، بلدة، مدينة، ريف …), or, for
/// a name of two words or more (`n`), a locative preposition or a ب clitic.
pub(crate) fn place_cue(words: &[Word], i: usize, n: usize) -> bool {
    let prev = before(words, i).map(|k| words[k].key_without_conj()).unwrap_or("");
    let prev = prev.strip_prefix('ب').filter(|r| PLACE_NOUNS.contains(r)).unwrap_or(prev);
    if PLACE_NOUNS.contains(&prev) {
        return true;
    }
    n >= 2 && (PLACE_PREPS.contains(&prev) || words[i].seg.prefixes.contains(&"ب"))
}

/// Whether token `k` is a definite word (الديار، العامة) with no other proclitic.
fn definite(w: &Word) -> bool {
    w.tok.kind == TokenKind::Arabic && w.key.starts_with("ال") && w.key.chars().count() > 3
}

/// Whether a definite word, no word of time, is token `k`, or و and one (الميادين العامة، الميادين
/// والساحات): a common noun's modifier or partner rather than a town's.
pub(crate) fn definite_after(words: &[Word], k: usize) -> bool {
    words.get(k).is_some_and(|w| {
        let key = w.key_without_conj();
        w.tok.kind == TokenKind::Arabic && key.starts_with("ال") && key.chars().count() > 3 && !TIME_WORDS.contains(&key)
    })
}

/// Whether a definite word looks like a nisba or relative adjective (الشمالي، الساحلية،
/// الإيرانيين): a town takes those (حماة الشمالي in ريف حماة الشمالي, صور الساحلية).
fn nisba_like(key: &str) -> bool {
    ["ي", "يه", "يين", "يون", "يات"].iter().any(|e| key.ends_with(e))
}

/// Definite words of time that may follow a place (في حماة اليوم، في دوما الليلة).
const TIME_WORDS: &[&str] =
    &["اليوم", "الليله", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاسبوع", "الشهر", "العام", "الان"];

/// Whether the one-word name at `i` (written without the article) is the head of a construct
/// phrase: SANAD has it in construct often (seen 50 times or more, over a quarter of them in
/// construct, or a fifth for a common word: حماة الديار، حماة الوطن "protectors of …", تدمر الغارات
/// "the raids destroy", صور الأقمار "pictures of …", أحد المصانع "one of …"; a city's name is
/// followed by a definite word up to a fifth of the time, عدن الطريق، صنعاء العاصمة) and a definite
/// word follows that is no adjective of a place, place noun or word of time.
pub(crate) fn construct_head(words: &[Word], i: usize, key: &str) -> bool {
    let stats = WordStats::builtin();
    let c = stats.get(key);
    let often = 100 * c.gen >= 28 * c.n || (stats.common(key) && 5 * c.gen >= c.n);
    if key.starts_with("ال") || c.n < 50 || !often {
        return false;
    }
    words.get(i + 1).is_some_and(|w| {
        let k = w.key.as_str();
        let noun = k.strip_prefix("ال").is_some_and(|b| PLACE_NOUNS.contains(&b) || b.starts_with("واقع"));
        definite(w) && !nisba_like(k) && !TIME_WORDS.contains(&k) && !noun
    })
}

/// Masculine adjectives that follow a city's name in a company's or bank's name (بنك دبي
/// الإسلامي، أبوظبي الوطني، الأهلي التجاري): a city itself is feminine.
const COMPANY_ADJECTIVES: &[&str] = &["الاسلامي", "الوطني", "التجاري", "الاهلي", "العقاري", "الاستثماري", "القابضه"];

/// Whether a company's adjective follows token `i`.
pub(crate) fn company_after(words: &[Word], i: usize) -> bool {
    words.get(i + 1).is_some_and(|w| COMPANY_ADJECTIVES.contains(&w.key.as_str()))
}

/// Whether the name at `i..i+n` ends a quoted title of two or more words that begins with a word
/// which is no place noun or preposition («صحة دبي»، «تعليم الطائف» as a body's name).
pub(crate) fn quoted_title(words: &[Word], i: usize, n: usize) -> bool {
    let Some(prev) = i.checked_sub(1) else { return false };
    let w = &words[prev];
    let plain = w.tok.kind == TokenKind::Arabic && !PLACE_NOUNS.contains(&w.key_without_conj()) && !PLACE_PREPS.contains(&w.key.as_str());
    plain && is_open_quote(prev.checked_sub(1).map(|k| &words[k])) && is_close_quote(words.get(i + n))
}

/// Nouns of a person's title or trade: after one and a given name or two, a place's name is the
/// family name (الناشط سليم القصير، القيادي خالد الباب، بالسفير عبدالله الرمادي).
const PERSON_TITLES: &[&str] = &[
    "ناشط",
    "ناشطه",
    "قيادي",
    "صحفي",
    "صحافي",
    "سفير",
    "شيخ",
    "دكتور",
    "لواء",
    "عميد",
    "عقيد",
    "رائد",
    "نقيب",
    "مقدم",
    "مهندس",
    "محامي",
    "طبيب",
    "كاتب",
    "اعلامي",
    "محلل",
    "باحث",
    "مواطن",
    "شاب",
    "طفل",
    "شهيد",
    "اسير",
    "معتقل",
    "متحدث",
    "ناطق",
    "نائب",
    "فنان",
    "لاعب",
    "مدرب",
    "قاضي",
    "استاذ",
    "سيد",
    "حاج",
    "مراسل",
    "معارض",
    "مسؤول",
    "رجل",
];

/// Whether the name at `i` is a family name: one or two bare words (no article, no clitic, no
/// particle) come right before it, and a person's title before them.
pub(crate) fn family_name(words: &[Word], i: usize) -> bool {
    let bare = |w: &Word| {
        w.tok.kind == TokenKind::Arabic && w.seg.prefixes.is_empty() && !w.key.starts_with("ال") && !PLACE_PREPS.contains(&w.key.as_str())
    };
    let title = |w: &Word| {
        let b = w.seg.base_key();
        let b = b.strip_prefix("ال").unwrap_or(b);
        PERSON_TITLES.contains(&b) && (w.seg.definite() || w.key.starts_with("ال") || w.seg.prefixes.contains(&"ال"))
    };
    if words[i].seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل" | "و" | "ف")) {
        return false;
    }
    (1..=2).any(|k| i.checked_sub(k + 1).is_some_and(|t| (t + 1..i).all(|j| bare(&words[j])) && title(&words[t])))
}

/// Directions after which a place locates the name before them (حديثة غرب العراق، بحري شمال
/// الخرطوم، صور جنوب لبنان).
const DIRECTIONS: &[&str] = &["شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "قرب", "وسط"];

/// Nouns of an area between a locating word and its place (في ريف حلب، بإمارة أبوظبي، بمحافظة لحج).
const AREA_NOUNS: &[&str] = &["ريف", "محافظه", "منطقه", "اماره", "ولايه", "اقليم", "قضاء", "مدينه", "دوله", "جمهوريه", "مملكه"];

/// Perfect verbs whose object is often a place (قصفت المدفعية تلرفعت، اقتحمت القوات نابلس، حاصرت
/// القوات الزبداني), as match keys of the third person masculine.
const PLACE_VERBS: &[&str] = &["قصف", "اقتحم", "حاصر", "اجتاح", "استعاد", "حرر", "هاجم", "دخل", "طوق", "زار", "غادر", "قصفو"];

impl Kb {
    /// The candidates of `t` in the country of a place that locates the name ending before token
    /// `j`: a direction and a place (حديثة غرب العراق), or في or ب and a place, with an area noun
    /// between or not (تلرفعت في ريف حلب، العين بإمارة أبوظبي), or a state's nisba (صور العمانية). None when no such place follows or
    /// none of the candidates is in its country.
    pub(crate) fn located_by(&self, words: &[Word], j: usize, t: &Target) -> Option<Vec<usize>> {
        self.locating(words, j, t).filter(|found| !found.is_empty())
    }

    /// [`Kb::located_by`], with an empty list when a place locates the name and none of the
    /// candidates is in its country (جبل الزاوية جنوب غرب إدلب is no Palestinian Zawiyah).
    pub(crate) fn locating(&self, words: &[Word], j: usize, t: &Target) -> Option<Vec<usize>> {
        let w = words.get(j)?;
        let base = |x: &Word| x.seg.base_key().strip_prefix("ال").unwrap_or(x.seg.base_key()).to_string();
        let in_country = |countries: &[&str]| {
            Some(t.places.iter().copied().filter(|&p| countries.contains(&self.places[p].country.as_str())).collect::<Vec<usize>>())
        };
        // A state's nisba (صور العمانية، ميناء صور العماني).
        if let Some(&a) = nisba_base(&base(w)).and_then(|b| self.linker.demonyms.get(b)) {
            return in_country(&[self.country_of(&self.actors[a].id)?]);
        }
        let mut k = if DIRECTIONS.contains(&w.key_without_conj()) || w.key == "في" {
            // شمال غرب الموصل: the second direction too.
            j + if words.get(j + 1).is_some_and(|x| DIRECTIONS.contains(&x.key.as_str())) { 2 } else { 1 }
        } else if w.seg.prefixes.last() == Some(&"ب") || w.seg.prefixes.ends_with(&["ب", "ال"]) {
            j
        } else {
            return None;
        };
        // Only a curated place or an actor locates: a bare built name is too often a common word
        // (شمال البلاد: البلاد is a village of Bahrain too). An area noun is part of a curated name
        // (بمحافظة لحج: the governorate, where لحج alone is the town) or stands before one (في ريف حلب).
        let curated = |k: usize| self.best_at(words, k).filter(|(_, _, a)| !a.gazetteer_only(&self.places));
        let area = words.get(k).is_some_and(|x| AREA_NOUNS.contains(&base(x).as_str())) && words.get(k + 1).is_some();
        if area && curated(k).is_none() {
            k += 1;
        }
        let (_, _, anchor) = curated(k)?;
        let mut countries: Vec<&str> = anchor.places.iter().map(|&p| self.places[p].country.as_str()).collect();
        if let Some(c) = anchor.actor.and_then(|a| self.country_of(&self.actors[a].id)) {
            countries.push(c);
        }
        in_country(&countries)
    }
}

/// Whether the name at `i` is the object of a verb of [`PLACE_VERBS`]: the verb (its perfect, with
/// ت or وا) comes right before it or before a subject of up to three words that ends in a definite
/// word (قصفت المدفعية التركية تلرفعت، حاصرت قوات النظام الزبداني).
pub(crate) fn verb_object(words: &[Word], i: usize) -> bool {
    let verb = |w: &Word| {
        let k = w.key_without_conj();
        let k = k.strip_suffix("وا").or_else(|| k.strip_suffix('ت')).unwrap_or(k);
        w.tok.kind == TokenKind::Arabic && PLACE_VERBS.contains(&k)
    };
    let plain = |w: &Word| {
        w.tok.kind == TokenKind::Arabic && !w.seg.prefixes.iter().any(|p| matches!(*p, "ب" | "ل")) && !PLACE_PREPS.contains(&w.key.as_str())
    };
    (0..=3).any(|between| {
        i.checked_sub(between + 1).is_some_and(|v| {
            verb(&words[v]) && (v + 1..i).all(|j| plain(&words[j])) && (between == 0 || words[i - 1].key.starts_with("ال"))
        })
    })
}

/// One-word town names that are also perfect verbs of news (سرت "spread": سرت شائعات، كسب "won",
/// نوى "intended", دان "condemned", صور "depicted", as match keys).
const VERB_NAMES: &[&str] = &["سرت", "كسب", "نوي", "دان", "صور"];

/// Particles that open a clause before its verb (وقد سرت، كما سرت، فيما سرت، بعدما سرت).
const CLAUSE_OPENERS: &[&str] = &["قد", "لقد", "كما", "فيما", "بينما", "حيث", "ثم", "اذ", "عندما", "بعدما", "حين", "لما", "منذ"];

/// Whether the name at `i` is one of [`VERB_NAMES`] standing where a verb stands: it opens a clause
/// (the text, after punctuation or a particle of [`CLAUSE_OPENERS`], or with و or ف alone) and an indefinite word follows it that is no
/// place noun, particle or imperfect verb, its subject (سرت شائعات، وسرت تكهنات، كسب رهانا), not a
/// place's predicate (سرت تستعد، صور مدينة).
pub(crate) fn verb_position(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    let opens = i.checked_sub(1).is_none_or(|k| {
        let p = &words[k];
        let k = p.key_without_conj();
        (p.tok.kind == TokenKind::Punct && !is_open_quote(Some(p)))
            || CLAUSE_OPENERS.contains(&k)
            || k.strip_prefix(['و', 'ف']).is_some_and(|r| CLAUSE_OPENERS.contains(&r))
    });
    let clitics_ok = w.seg.prefixes.iter().all(|p| matches!(*p, "و" | "ف"));
    if !VERB_NAMES.contains(&w.key_without_conj()) || !opens || !clitics_ok {
        return false;
    }
    words.get(i + 1).is_some_and(|x| {
        let k = x.key.as_str();
        x.tok.kind == TokenKind::Arabic
            && !k.starts_with("ال")
            && x.seg.prefixes.is_empty()
            && !PLACE_NOUNS.contains(&k)
            && !PLACE_PREPS.contains(&k)
            && !imperfect(k)
    })
}

/// Whether a word looks like a verb of which the name is the subject: an imperfect begins with ي,
/// or with ت and ends in no noun's ending (تستعد، تشهد; not تقارير، تكهنات، تهدئة); a feminine
/// perfect ends in ت, not ات (شهدت، كانت، أصبحت; not شائعات).
fn imperfect(k: &str) -> bool {
    let perfect = k.ends_with('ت') && !k.ends_with("ات");
    perfect || k.starts_with('ي') || (k.starts_with('ت') && !["ات", "ير", "ه", "يه"].iter().any(|e| k.ends_with(e)))
}

/// Nouns that a colour or other adjective describes (اللون الرمادي، بلون الرمادي، الدخان الرمادي،
/// الشعر الرمادي), as match keys without the article or ب.
const DESCRIBED_NOUNS: &[&str] =
    &["لون", "الوان", "صبغه", "طلاء", "دخان", "غبار", "شعر", "ثوب", "زي", "قميص", "بدله", "سحب", "غيوم", "درجه", "ظل"];

/// Whether a word is a noun of [`DESCRIBED_NOUNS`], with the article, ب or a pronoun (اللون، باللون،
/// لونه، بشعره).
fn described_noun(w: &Word) -> bool {
    let k = w.key_without_conj();
    let noun = |k: &str| {
        let k = k.strip_prefix("ال").unwrap_or(k);
        DESCRIBED_NOUNS.contains(&k) || ["ها", "هم", "ه"].iter().any(|e| k.strip_suffix(e).is_some_and(|r| DESCRIBED_NOUNS.contains(&r)))
    };
    w.tok.kind == TokenKind::Arabic && (noun(k) || k.strip_prefix('ب').is_some_and(noun))
}

/// Whether the one-word name at `i` is nisba-shaped (الرمادي، السلمية) and describes a noun of
/// [`DESCRIBED_NOUNS`]: right after it (اللون الرمادي، بشعره الرمادي), after it and إلى (تحول لونه
/// إلى الرمادي) or before اللون (فستان الرمادي اللون): it is that noun's adjective, not a town.
pub(crate) fn described_adjective(words: &[Word], i: usize) -> bool {
    let key = words[i].key_without_conj();
    if !key.starts_with("ال") || !nisba_like(key) {
        return false;
    }
    let at = |k: usize| words.get(k).is_some_and(described_noun);
    let to = i.checked_sub(1).is_some_and(|k| words[k].key == "الي");
    i.checked_sub(1).is_some_and(at) || (to && i.checked_sub(2).is_some_and(at)) || words.get(i + 1).is_some_and(|w| w.key == "اللون")
}

//! Time expressions: absolute dates in every regional month-name set, Hijri dates, and relative
//! expressions resolved against the publication date.
//!
//! Rules worth knowing:
//! - A value never claims more precision than the text gives (آذار 2011 → `2011-03`).
//! - Weeks are ISO weeks (Monday first); week values give the Monday plus `start_date`/`end_date`.
//! - A weekday name resolves to the most recent such day on or before publication.
//! - ليلة + weekday is the night before that day (classical usage: ليلة الجمعة is Thursday night),
//!   so it resolves to the day before the named weekday.
//! - A month name alone is too ambiguous (مارس is also a verb, آب also "father"): it needs a day,
//!   a year, a qualifier (الماضي، المقبل، الجاري), a period word (أواخر، مطلع …) or شهر before it.
//! - Without a publication date, relative expressions keep their text and span but get no value.
//!
//! The patterns, by what they read: dates named with month and year words, Gregorian or Hijri
//! (`months`); dates written in digits (`numeric`); expressions relative to the publication date,
//! weekdays among them (`relative`); the Hijri calendar (`hijri`). What a single word can say
//! (a month name's head, whether an expression may start at it) is in `crate::tables`, kept with
//! each word form by `crate::facts`.

use jiff::civil::Date;
use jiff::ToSpan;
use rasad_model::{Precision, TimeExpr};
use rasad_text::{TokenKind, Word};

use crate::facts::Reader;

mod hijri;
mod joined;
mod months;
mod numeric;
mod relative;

pub use hijri::hijri_to_gregorian;

/// A resolved value before it is attached to a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Val {
    Year(i16),
    Month(i16, i8),
    Week(Date),
    Day(Date),
    /// A stretch of days no single Gregorian value names (a Hijri year or month): first and last day.
    Span(Date, Date),
    /// Relative but no publication date to resolve against.
    Unresolved,
    /// Words that read as a date but belong to a name (حركة شباب 6 أبريل، قوى 14 آذار): no time
    /// expression, and no quantity either.
    Name,
}

fn ymd(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// The words of a text being read, its publication date, and the reader of their facts.
struct Cursor<'w, 'a> {
    words: &'w [Word<'a>],
    published: Option<Date>,
    facts: Reader,
}

impl<'w, 'a> Cursor<'w, 'a> {
    fn new(words: &'w [Word<'a>], published: Option<Date>) -> Self {
        Cursor { words, published, facts: Reader::new() }
    }
}

impl Cursor<'_, '_> {
    fn key(&self, i: usize) -> &str {
        self.words.get(i).map(|w| w.key.as_str()).unwrap_or("")
    }
    fn bare(&self, i: usize) -> &str {
        self.words.get(i).map(|w| w.key_without_conj()).unwrap_or("")
    }

    /// Tries every pattern at `i`, then joins what follows it as one expression (a weekday and
    /// its date, a Hijri date and the Gregorian one after الموافق); returns (end token exclusive,
    /// value).
    fn at(&self, i: usize) -> Option<(usize, Val)> {
        let (end, v) = self.at_one(i)?;
        if v == Val::Name {
            return Some((end, v));
        }
        Some(self.joined(i, end, v))
    }

    /// Tries every pattern at `i`, alone.
    fn at_one(&self, i: usize) -> Option<(usize, Val)> {
        let w = self.words.get(i)?;
        if !self.may_start(w) {
            return None;
        }
        if w.tok.kind == TokenKind::Number {
            // Every other pattern starts with a word (a month, an ordinal, a time noun).
            return self.numeric_date(i).or_else(|| self.day_month_year(i)).or_else(|| self.days_ago(i));
        }
        // A word: the numeric dates, which start with a number, are not tried.
        self.day_month_year(i)
            .or_else(|| self.ordinal_of_month(i))
            .or_else(|| self.period_month(i))
            .or_else(|| self.shahr_month(i))
            .or_else(|| self.year_phrase(i))
            .or_else(|| self.relative_unit(i))
            .or_else(|| self.past_stretch(i))
            .or_else(|| self.day_part(i))
            .or_else(|| self.relative_day(i))
    }

    /// A cheap test run before the patterns: can a time expression start at this word? (Kept with
    /// the word form; `may_start_by_rules` in the tests is the same test written out.)
    fn may_start(&self, w: &Word) -> bool {
        self.facts.of(w).may_start_time()
    }
}

/// A value resolved outside the contract's years ([`rasad_model::WRITABLE_YEARS`]: أمس against a
/// publication date of 0000-01-01) is left unresolved rather than written as `-000001-12-31`.
fn writable(v: Val) -> Val {
    let (first, last) = match v {
        Val::Year(y) | Val::Month(y, _) => (y, y),
        Val::Day(d) => (d.year(), d.year()),
        Val::Week(d) => (d.year(), d.checked_add(6.days()).map_or(i16::MAX, |s| s.year())),
        Val::Span(a, b) => (a.year(), b.year()),
        Val::Unresolved | Val::Name => return v,
    };
    if rasad_model::WRITABLE_YEARS.contains(&first) && rasad_model::WRITABLE_YEARS.contains(&last) {
        v
    } else {
        Val::Unresolved
    }
}

fn render(v: Val) -> (Option<String>, Option<Precision>, Option<String>, Option<String>) {
    match writable(v) {
        Val::Year(y) => (Some(format!("{y:04}")), Some(Precision::Year), None, None),
        Val::Month(y, m) => (Some(format!("{y:04}-{m:02}")), Some(Precision::Month), None, None),
        Val::Day(d) => (Some(d.to_string()), Some(Precision::Day), None, None),
        Val::Week(mon) => {
            let sun = mon.checked_add(6.days()).unwrap_or(mon);
            (Some(mon.to_string()), Some(Precision::Week), Some(mon.to_string()), Some(sun.to_string()))
        }
        Val::Span(a, b) => (None, None, Some(a.to_string()), Some(b.to_string())),
        Val::Unresolved | Val::Name => (None, None, None, None),
    }
}

/// Finds time expressions in `words` (cut from `text`), resolving relative ones against `published`.
///
/// ```
/// use rasad_text::{analyze, tokenize, Segmenter};
/// let text = "قصف الطيران يوم الأحد 6 آذار أحياء المدينة";
/// let toks = tokenize(text);
/// let words = analyze(&toks, &Segmenter::new(std::iter::empty::<&str>()));
/// let found = rasad_numtime::parse_times(text, &words, "2022-03-16".parse().ok());
/// // The weekday and its date are one expression, with the date's value.
/// assert_eq!(found[0].text, "يوم الأحد 6 آذار");
/// assert_eq!(found[0].value.as_deref(), Some("2022-03-06"));
/// assert_eq!((found[0].start, found[0].end), (12, 28));
/// ```
pub fn parse_times(text: &str, words: &[Word], published: Option<Date>) -> Vec<TimeExpr> {
    times(text, words, published, None)
}

/// [`parse_times`], also setting `mask[i]` for the words of every expression found and of the
/// dates inside names (قوى 14 آذار), which are no expression but no quantity either: what
/// counting needs masked. An empty `mask` grows to `words.len()` at the first one.
pub fn parse_times_masking(text: &str, words: &[Word], published: Option<Date>, mask: &mut Vec<bool>) -> Vec<TimeExpr> {
    times(text, words, published, Some(mask))
}

fn times(text: &str, words: &[Word], published: Option<Date>, mut mask: Option<&mut Vec<bool>>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    each_time(&Cursor::new(words, published), |i, end, v| {
        if let Some(mask) = mask.as_deref_mut() {
            if mask.len() < words.len() {
                mask.resize(words.len(), false);
            }
            mask[i..end].fill(true);
        }
        if v == Val::Name {
            return;
        }
        let (a, b) = (&words[i].tok, &words[end - 1].tok);
        let relative = !matches!(v, Val::Year(_) | Val::Month(..) | Val::Day(_)) || is_relative_start(words, i);
        let (value, precision, start_date, end_date) = render(v);
        out.push(TimeExpr {
            text: text[a.byte_start..b.byte_start + b.text.len()].to_string(),
            start: a.span.start,
            end: b.span.end,
            value,
            precision,
            start_date,
            end_date,
            relative,
        });
    });
    out
}

/// Sets `mask[i]` for the words of the time expressions [`parse_times`] finds without a
/// publication date, and of the dates inside names (قوى 14 آذار), without rendering their values:
/// what masking dates and years before counting needs. An empty `mask` grows to `words.len()` at the first expression.
pub fn mark_times(words: &[Word], mask: &mut Vec<bool>) {
    each_time(&Cursor::new(words, None), |i, end, _| {
        if mask.len() < words.len() {
            mask.resize(words.len(), false);
        }
        mask[i..end].fill(true);
    });
}

/// Calls `found(first, end, value)` for each time expression, left to right, none overlapping.
fn each_time(cur: &Cursor, mut found: impl FnMut(usize, usize, Val)) {
    let n = cur.words.len();
    let mut i = 0;
    while i < n {
        let Some((end, v)) = cur.at(i) else {
            i += 1;
            continue;
        };
        let end = end.min(n).max(i + 1);
        found(i, end, v);
        i = end;
    }
}

fn is_relative_start(words: &[Word], i: usize) -> bool {
    !words.get(i).is_some_and(|w| w.tok.kind == TokenKind::Number)
}

/// Publication date stated in the text itself: "نشر في 13-06-2018", "آخر تحديث …", "تاريخ النشر".
pub fn detect_published(text: &str, words: &[Word]) -> Option<Date> {
    let cur = Cursor::new(words, None);
    for i in 0..words.len().min(400) {
        let k = words[i].key_without_conj();
        let marker = matches!(k, "نشر" | "نشرت" | "تحديث" | "بتاريخ" | "النشر" | "تاريخ");
        if !marker {
            continue;
        }
        for j in i + 1..(i + 5).min(words.len()) {
            if let Some((_, Val::Day(d))) = cur.at(j) {
                return Some(d);
            }
        }
    }
    let _ = text;
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::{ordinal, ORDINAL_WORDS};
    use crate::tables::months::{month_one, MONTH_NAMES};
    use crate::tables::time_words::{weekday_of, STARTERS, WEEKDAYS};

    /// `may_start` as first written, rule by rule.
    fn may_start_by_rules(w: &Word) -> bool {
        if w.tok.kind == TokenKind::Number {
            return true;
        }
        if w.tok.kind != TokenKind::Arabic {
            return false;
        }
        let (k, b) = (w.key.as_str(), w.key_without_conj());
        let no_b = |x: &str| x.strip_prefix('ب').map(str::to_string);
        STARTERS.contains(k)
            || STARTERS.contains(b)
            || month_one(k).is_some()
            || month_one(b).is_some()
            || ordinal(k).is_some()
            || (k.starts_with('ب') && no_b(k).is_some_and(|x| month_one(&x).is_some() || weekday_of(&x).is_some()))
    }

    #[test]
    fn the_start_sets_agree_with_the_rules() {
        let mut stems: Vec<String> = STARTERS.iter().map(|s| s.to_string()).collect();
        stems.extend(MONTH_NAMES.iter().flat_map(|(m, _)| m.split(' ').map(str::to_string)));
        stems.extend(ORDINAL_WORDS.iter().map(|(s, _)| s.to_string()));
        stems.extend(WEEKDAYS.iter().map(|s| s.to_string()));
        stems.extend(["مقاتل", "قتل", "عاما", "امس", "2018", "١٥"].map(str::to_string));
        let mut text = String::new();
        for s in &stems {
            for p in ["", "و", "ف", "ب", "ال", "بال", "وال", "وب", "بب", "فال", "ل"] {
                text.push_str(&format!("{p}{s} "));
            }
        }
        let toks = rasad_text::tokenize(&text);
        let words = rasad_text::analyze(&toks, &rasad_text::Segmenter::new(std::iter::empty::<&str>()));
        let cur = Cursor::new(&words, None);
        for w in &words {
            assert_eq!(cur.may_start(w), may_start_by_rules(w), "{}", w.tok.text);
        }
    }
    use rasad_text::{analyze, tokenize, Segmenter};

    fn t(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        let toks = tokenize(text);
        let words = analyze(&toks, &Segmenter::new(std::iter::empty::<&str>()));
        let p = published.map(|s| s.parse::<Date>().unwrap());
        parse_times(text, &words, p).into_iter().map(|x| (x.text, x.value)).collect()
    }

    fn v(text: &str, published: &str) -> Option<String> {
        t(text, Some(published)).into_iter().next().and_then(|x| x.1)
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(v("نشر في 13-06-2018", "2020-01-01").as_deref(), Some("2018-06-13"));
        assert_eq!(v("في 13/6/2018", "2020-01-01").as_deref(), Some("2018-06-13"));
        assert_eq!(v("بتاريخ ٢٠٢١/٠٤/٢٢", "2022-01-01").as_deref(), Some("2021-04-22"));
        assert_eq!(v("يوم 13 يونيو 2018", "2020-01-01").as_deref(), Some("2018-06-13"));
        assert_eq!(v("في 12 تشرين الأول 2022", "2023-01-01").as_deref(), Some("2022-10-12"));
        assert_eq!(v("منذ آذار 2011", "2023-01-01").as_deref(), Some("2011-03"));
        assert_eq!(v("في عام 2006", "2023-01-01").as_deref(), Some("2006"));
        assert_eq!(v("في 4 يوليو (تموز) 2018", "2023-01-01").as_deref(), Some("2018-07-04"));
        assert_eq!(v("في 5 جوان 2019", "2023-01-01").as_deref(), Some("2019-06-05"));
    }

    #[test]
    fn numeric_hijri_dates_convert() {
        assert_eq!(v("في 15/9/1445هـ", "2024-04-01").as_deref(), Some("2024-03-25"));
        assert_eq!(v("بتاريخ ١٤٤٥/٠٩/١٥ هـ", "2024-04-01").as_deref(), Some("2024-03-25"));
        assert_eq!(v("الموافق 1/1/1446", "2024-08-01").as_deref(), Some("2024-07-07"));
        assert_eq!(v("بتاريخ 15/9/2024م", "2024-10-01").as_deref(), Some("2024-09-15"));
        // The marker belongs to the expression.
        let found = t("صدر في 15/9/1445 هـ عن", Some("2024-04-01"));
        assert_eq!(found[0].0, "15/9/1445 هـ");
    }

    #[test]
    fn hijri_years_and_months_give_their_gregorian_days() {
        let span = |text: &str| {
            let toks = rasad_text::tokenize(text);
            let words = rasad_text::analyze(&toks, &rasad_text::Segmenter::new(Vec::<String>::new()));
            let found = parse_times(text, &words, Date::new(2024, 12, 1).ok());
            found.first().map(|t| (t.text.clone(), t.value.clone(), t.start_date.clone(), t.end_date.clone()))
        };
        assert_eq!(
            span("موسم الصيف لعام 1436هـ بدأ"),
            Some(("لعام 1436هـ".into(), None, Some("2014-10-25".into()), Some("2015-10-13".into())))
        );
        assert_eq!(span("في رمضان 1445 هـ"), Some(("رمضان 1445 هـ".into(), None, Some("2024-03-11".into()), Some("2024-04-09".into()))));
        // Without the mark, a year of those centuries stays Gregorian (history: عام 1453).
        assert_eq!(span("فتحها عام 1453").and_then(|t| t.1), Some("1453".into()));
    }

    #[test]
    fn hijri_dates_convert() {
        assert_eq!(v("في ١٥ رمضان ١٤٤٥ هـ", "2024-04-01").as_deref(), Some("2024-03-25"));
        // Umm al-Qura, where the tabular calendar is a day late.
        assert_eq!(v("في 1 محرم 1446 هـ", "2024-08-01").as_deref(), Some("2024-07-07"));
        assert_eq!(v("يوم 10 ذو الحجة 1445", "2024-08-01").as_deref(), Some("2024-06-16"));
    }

    #[test]
    fn relative_days_and_weekdays() {
        let p = "2024-12-02"; // a Monday
        assert_eq!(v("قال أمس إن", p).as_deref(), Some("2024-12-01"));
        assert_eq!(v("أمس الأول", p).as_deref(), Some("2024-11-30"));
        assert_eq!(v("قبل يومين", p).as_deref(), Some("2024-11-30"));
        assert_eq!(v("قبل ثلاثة أيام", p).as_deref(), Some("2024-11-29"));
        assert_eq!(v("رويترز اليوم الاثنين", p).as_deref(), Some("2024-12-02"));
        assert_eq!(v("مساء أمس الأحد", p).as_deref(), Some("2024-12-01"));
        assert_eq!(v("فجر الجمعة", p).as_deref(), Some("2024-11-29"));
        assert_eq!(v("ليلة الجمعة", p).as_deref(), Some("2024-11-28"));
        assert_eq!(v("غدا", p).as_deref(), Some("2024-12-03"));
    }

    #[test]
    fn relative_weeks_months_years() {
        let p = "2015-10-06";
        let x = t("الأسبوع الماضي", Some(p));
        assert_eq!(x[0].1.as_deref(), Some("2015-09-28"));
        assert_eq!(v("في يوليو الماضي", p).as_deref(), Some("2015-07"));
        assert_eq!(v("منذ أواخر سبتمبر الماضي", p).as_deref(), Some("2015-09"));
        assert_eq!(v("في الرابع والعشرين من الشهر الماضي", "2020-07-08").as_deref(), Some("2020-06-24"));
        assert_eq!(v("العام الماضي", p).as_deref(), Some("2014"));
        assert_eq!(v("الشهر الجاري", p).as_deref(), Some("2015-10"));
    }

    #[test]
    fn no_publication_date_keeps_span_without_value() {
        let x = t("وصلوا أمس إلى دمشق", None);
        assert_eq!(x, vec![("أمس".to_string(), None)]);
    }

    #[test]
    fn values_outside_years_1_to_9999_stay_unresolved() {
        // The expression is kept; a value the contract cannot write (-000001-12-31) is not.
        assert_eq!(t("وصلوا أمس إلى دمشق", Some("0000-01-01")), vec![("أمس".to_string(), None)]);
        assert_eq!(v("في العام الماضي", "0000-06-01"), None);
        assert_eq!(v("في الأسبوع المقبل", "9999-12-30"), None);
        assert_eq!(v("وصلوا أمس إلى دمشق", "0001-01-02").as_deref(), Some("0001-01-01"));
    }

    #[test]
    fn month_names_alone_are_not_dates() {
        assert!(t("مارس الجيش ضغوطا", Some("2020-01-01")).is_empty());
    }
}

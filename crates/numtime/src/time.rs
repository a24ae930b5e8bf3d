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

use jiff::civil::Date;
use jiff::ToSpan;
use rasad_model::{Precision, TimeExpr};
use rasad_text::{TokenKind, Word};

use crate::facts::number_value;
use crate::numbers::{num_word, ordinal, parse_digits, NumWord, ORDINAL_WORDS};

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
}

/// Gregorian month names of every regional set (match keys; the Levantine كانون and تشرين take
/// a second word) and their numbers.
const MONTH_NAMES: &[(&str, i8)] = &[
    ("يناير", 1),
    ("جانفي", 1),
    ("كانون الثاني", 1),
    ("فبراير", 2),
    ("فيفري", 2),
    ("شباط", 2),
    ("مارس", 3),
    ("اذار", 3),
    ("ابريل", 4),
    ("افريل", 4),
    ("نيسان", 4),
    ("مايو", 5),
    ("ماي", 5),
    ("ايار", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("جوان", 6),
    ("حزيران", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("جويليه", 7),
    ("جويلية", 7),
    ("تموز", 7),
    ("اغسطس", 8),
    ("اوت", 8),
    ("اب", 8),
    ("غشت", 8),
    ("سبتمبر", 9),
    ("ايلول", 9),
    ("شتنبر", 9),
    ("اكتوبر", 10),
    ("تشرين الاول", 10),
    ("نوفمبر", 11),
    ("تشرين الثاني", 11),
    ("نونبر", 11),
    ("ديسمبر", 12),
    ("كانون الاول", 12),
    ("دجنبر", 12),
];

static MONTHS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, i8>> =
    std::sync::LazyLock::new(|| MONTH_NAMES.iter().copied().collect());

/// Gregorian month names of every regional set (match keys) → month number.
fn month_one(key: &str) -> Option<i8> {
    MONTHS.get(key).copied()
}

/// How a word can begin a month name: the month itself, or the first word of a two-word name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthHead {
    /// Not a month name.
    None,
    /// A one-word month name (with or without و/ف or ب before it).
    One(i8),
    /// تشرين (الأول، الثاني).
    Tishrin,
    /// كانون (الأول، الثاني).
    Kanun,
}

/// [`MonthHead`] of a word form of `kind` with match key `key` (`bare` without و/ف).
pub(crate) fn month_head(kind: TokenKind, key: &str, bare: &str) -> MonthHead {
    if kind != TokenKind::Arabic {
        return MonthHead::None;
    }
    // The whole word first: فبراير and فيفري begin with what looks like the conjunction ف.
    let whole = month_one(key).is_some() || matches!(key, "تشرين" | "كانون");
    let first: &str = if whole { key } else { bare };
    let first = first.strip_prefix('ب').filter(|r| month_one(r).is_some() || matches!(*r, "تشرين" | "كانون")).unwrap_or(first);
    match first {
        "تشرين" => MonthHead::Tishrin,
        "كانون" => MonthHead::Kanun,
        _ => month_one(first).map_or(MonthHead::None, MonthHead::One),
    }
}

/// Reads a month name (one or two tokens) at `i`: (month, tokens used).
fn month_at(words: &[Word], i: usize) -> Option<(i8, usize)> {
    let head = crate::facts::of(words.get(i)?).month_head();
    let second = || words.get(i + 1).map(|n| n.key.as_str());
    // Levantine two-word names: تشرين الأول، كانون الثاني.
    let m = match head {
        MonthHead::None => return None,
        MonthHead::One(m) => return Some((m, 1)),
        MonthHead::Tishrin => match second()? {
            "الاول" => 10,
            "الثاني" => 11,
            _ => return None,
        },
        MonthHead::Kanun => match second()? {
            "الاول" => 12,
            "الثاني" => 1,
            _ => return None,
        },
    };
    Some((m, 2))
}

/// How a word can begin a Hijri month name: the month itself, or the first word of a two-word name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HijriHead {
    /// Not a Hijri month name.
    None,
    /// A one-word month name.
    One(i8),
    /// ربيع (الأول، الثاني، الآخر).
    Rabi,
    /// جمادى (الأولى، الآخرة …).
    Jumada,
    /// ذو/ذي (القعدة، الحجة).
    Dhu,
}

/// [`HijriHead`] of a word form whose match key without و/ف is `bare`.
pub(crate) fn hijri_head(bare: &str) -> HijriHead {
    match bare {
        "محرم" => HijriHead::One(1),
        "صفر" => HijriHead::One(2),
        "رجب" => HijriHead::One(7),
        "شعبان" => HijriHead::One(8),
        "رمضان" => HijriHead::One(9),
        "شوال" => HijriHead::One(10),
        "ربيع" => HijriHead::Rabi,
        "جمادي" => HijriHead::Jumada,
        "ذو" | "ذي" => HijriHead::Dhu,
        _ => HijriHead::None,
    }
}

fn hijri_month(words: &[Word], i: usize) -> Option<(i8, usize)> {
    let head = crate::facts::of(words.get(i)?).hijri_head();
    let two = || words.get(i + 1).map(|n| n.key.as_str()).unwrap_or("");
    Some(match head {
        HijriHead::None => return None,
        HijriHead::One(m) => (m, 1),
        HijriHead::Rabi => match two() {
            "الاول" => (3, 2),
            "الثاني" | "الاخر" => (4, 2),
            _ => return None,
        },
        HijriHead::Jumada => match two() {
            "الاولي" | "الاول" => (5, 2),
            "الاخره" | "الثانيه" | "الاخر" => (6, 2),
            _ => return None,
        },
        HijriHead::Dhu => match two() {
            "القعده" => (11, 2),
            "الحجه" => (12, 2),
            _ => return None,
        },
    })
}

/// Umm al-Qura Hijri date (the calendar of Saudi Arabia and most Gulf media) → Gregorian.
pub fn hijri_to_gregorian(year: i32, month: i32, day: i32) -> Option<Date> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) || !(1..=3000).contains(&year) {
        return None;
    }
    let h =
        icu_calendar::Date::try_new_hijri_with_calendar(year, month as u8, day as u8, icu_calendar::cal::Hijri::new_umm_al_qura()).ok()?;
    let iso = h.to_calendar(icu_calendar::Iso);
    Date::new(i16::try_from(iso.year().extended_year()).ok()?, iso.month().ordinal as i8, iso.day_of_month().0 as i8).ok()
}

fn weekday_of(key: &str) -> Option<i8> {
    let day = key.strip_prefix("ب").filter(|k| k.starts_with("ال")).unwrap_or(key);
    WEEKDAYS.iter().position(|w| *w == day).map(|i| i as i8)
}

fn year_at(words: &[Word], i: usize) -> Option<(i16, usize)> {
    let w = words.get(i)?;
    if w.tok.kind != TokenKind::Number || crate::facts::of(w).chars() != 4 {
        return None;
    }
    let y = number_value(w)? as i16;
    if !(1000..=2200).contains(&y) {
        return None;
    }
    // An optional era mark: م (Gregorian).
    let used = if words.get(i + 1).is_some_and(|n| n.key == "م") { 2 } else { 1 };
    Some((y, used))
}

fn day_number(w: &Word) -> Option<i8> {
    if w.tok.kind != TokenKind::Number || crate::facts::of(w).chars() > 2 {
        return None;
    }
    let d = number_value(w)? as i8;
    (1..=31).contains(&d).then_some(d)
}

/// Ordinal day phrase at `i` (الرابع والعشرين، العاشر، الحادي عشر، العشرين): (day, tokens used).
fn ordinal_day(words: &[Word], i: usize) -> Option<(i8, usize)> {
    let w = words.get(i)?;
    if !w.key.starts_with("ال") {
        return None;
    }
    let tens = |k: &str| match k {
        "العشرين" => Some(20),
        "الثلاثين" => Some(30),
        _ => None,
    };
    if let Some(t) = tens(&w.key) {
        return Some((t, 1));
    }
    let unit = ordinal(&w.key)? as i8;
    if let Some(n) = words.get(i + 1) {
        if n.key == "عشر" && unit < 10 {
            return Some((unit + 10, 2));
        }
        if let Some(t) = tens(n.key_without_conj()).filter(|_| n.seg.prefixes.first() == Some(&"و")) {
            return Some((unit + t, 2));
        }
    }
    Some((unit, 1))
}

fn ymd(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// The most recent date with month `m` and day `d` on or before `pub_date` (a week of slack for
/// reports dated a little ahead).
fn recent_day(pub_date: Date, m: i8, d: i8) -> Option<Date> {
    let this = ymd(pub_date.year(), m, d)?;
    if this <= pub_date.checked_add(7.days()).ok()? {
        Some(this)
    } else {
        ymd(pub_date.year() - 1, m, d)
    }
}

fn prev_month(y: i16, m: i8) -> (i16, i8) {
    if m == 1 {
        (y - 1, 12)
    } else {
        (y, m - 1)
    }
}

fn monday_of(d: Date) -> Date {
    let off = d.weekday().to_monday_zero_offset() as i64;
    d.checked_sub(off.days()).unwrap_or(d)
}

struct Cursor<'w, 'a> {
    words: &'w [Word<'a>],
    published: Option<Date>,
}

impl Cursor<'_, '_> {
    fn key(&self, i: usize) -> &str {
        self.words.get(i).map(|w| w.key.as_str()).unwrap_or("")
    }
    fn bare(&self, i: usize) -> &str {
        self.words.get(i).map(|w| w.key_without_conj()).unwrap_or("")
    }

    /// Tries every pattern at `i`; returns (end token exclusive, value).
    fn at(&self, i: usize) -> Option<(usize, Val)> {
        let w = self.words.get(i)?;
        if !may_start(w) {
            return None;
        }
        if w.tok.kind == TokenKind::Number {
            // Every other pattern starts with a word (a month, an ordinal, a time noun).
            return self.numeric_date(i).or_else(|| self.day_month_year(i));
        }
        self.numeric_date(i)
            .or_else(|| self.day_month_year(i))
            .or_else(|| self.ordinal_of_month(i))
            .or_else(|| self.period_month(i))
            .or_else(|| self.shahr_month(i))
            .or_else(|| self.year_phrase(i))
            .or_else(|| self.relative_unit(i))
            .or_else(|| self.day_part(i))
            .or_else(|| self.relative_day(i))
    }

    fn numeric_date(&self, i: usize) -> Option<(usize, Val)> {
        let w = self.words.get(i)?;
        if w.tok.kind != TokenKind::Number {
            return None;
        }
        // 13.06.2018 arrives as one token (no allocation: most numbers have no dot).
        let mut parts = w.tok.text.split(['.', '٫']);
        if let (Some(a), Some(b), Some(c), None) = (parts.next(), parts.next(), parts.next(), parts.next()) {
            let num = |p: &str| parse_digits(p).map(|v| v as i32);
            if let (Some(x), Some(y), Some(z)) = (num(a), num(b), num(c)) {
                return self.numeric_calendar_date(triple_order(x, y, z, a.chars().count() == 4), i + 1);
            }
        }
        let sep = |k: usize| self.words.get(k).is_some_and(|x| x.is_punct("-") || x.is_punct("/") || x.is_punct("."));
        let num = |k: usize| {
            self.words
                .get(k)
                .filter(|x| x.tok.kind == TokenKind::Number)
                .and_then(|x| number_value(x).map(|v| (v as i32, crate::facts::of(x).chars())))
        };
        if sep(i + 1) && sep(i + 3) {
            if let (Some((a, alen)), Some((b, _)), Some((c, clen))) = (num(i), num(i + 2), num(i + 4)) {
                if alen == 4 || clen == 4 {
                    return self.numeric_calendar_date(triple_order(a, b, c, alen == 4), i + 5);
                }
            }
        }
        None
    }

    /// A numeric date ending before word `end`: Hijri when a Hijri marker (هـ، هجري) follows or
    /// the year is 1300–1500 (Saudi and Gulf media write Hijri dates in digits; a Gregorian date
    /// written day/month/year in those centuries does not occur in news), else Gregorian.
    fn numeric_calendar_date(&self, (y, m, d): (i32, i32, i32), end: usize) -> Option<(usize, Val)> {
        let marked = matches!(self.key(end), "ه" | "هجري" | "هجريه");
        if marked || (1300..=1500).contains(&y) {
            let g = hijri_to_gregorian(y, m, d)?;
            return Some((if marked { end + 1 } else { end }, Val::Day(g)));
        }
        if !(1000..=2200).contains(&y) {
            return None;
        }
        ymd(y as i16, m.try_into().ok()?, d.try_into().ok()?).map(|g| (end, Val::Day(g)))
    }

    /// [day] month [(paired month)] [year]; or Hijri day month year [هـ].
    fn day_month_year(&self, i: usize) -> Option<(usize, Val)> {
        let (day, mstart) = match self.words.get(i).and_then(day_number) {
            Some(d) => (Some(d), i + 1),
            None => (None, i),
        };
        if let Some(d) = day {
            if let Some((hm, used)) = hijri_month(self.words, mstart) {
                if let Some((hy, yused)) =
                    self.words.get(mstart + used).filter(|w| w.tok.kind == TokenKind::Number).and_then(number_value).map(|y| (y as i32, 1))
                {
                    let mut end = mstart + used + yused;
                    if matches!(self.key(end), "ه" | "هـ") {
                        end += 1;
                    }
                    if (1300..=1600).contains(&hy) {
                        return hijri_to_gregorian(hy, hm as i32, d as i32).map(|g| (end, Val::Day(g)));
                    }
                }
            }
        } else if let Some((hm, used)) = hijri_month(self.words, mstart) {
            // رمضان 1445 هـ: the Hijri month's days.
            let y = self.words.get(mstart + used).filter(|w| w.tok.kind == TokenKind::Number).and_then(number_value);
            if let Some(hy) = y.map(|y| y as i32).filter(|y| (1300..=1600).contains(y)) {
                let mut end = mstart + used + 1;
                if matches!(self.key(end), "ه" | "هجري" | "هجريه") {
                    end += 1;
                }
                return hijri_span(hy, Some(hm as i32)).map(|v| (end, v));
            }
        }
        let (m, used) = month_at(self.words, mstart)?;
        let mut end = mstart + used;
        // The paired form: 4 يوليو (تموز) 2018.
        if self.words.get(end).is_some_and(|w| w.is_punct("(")) && month_at(self.words, end + 1).is_some_and(|(m2, _)| m2 == m) {
            let (_, u2) = month_at(self.words, end + 1)?;
            if self.words.get(end + 1 + u2).is_some_and(|w| w.is_punct(")")) {
                end += u2 + 2;
            }
        }
        let year = year_at(self.words, end);
        if let Some((_, yu)) = year {
            end += yu;
        }
        match (day, year) {
            (Some(d), Some((y, _))) => ymd(y, m, d).map(|x| (end, Val::Day(x))),
            (None, Some((y, _))) => Some((end, Val::Month(y, m))),
            (Some(d), None) => Some(match self.published {
                Some(p) => (end, recent_day(p, m, d).map(Val::Day)?),
                None => (end, Val::Unresolved),
            }),
            (None, None) => self.month_qualifier(i, end, m),
        }
    }

    /// A month name followed by الماضي / المقبل / الجاري.
    fn month_qualifier(&self, start: usize, end: usize, m: i8) -> Option<(usize, Val)> {
        let q = self.key(end);
        let dir = match q {
            "الماضي" | "المنصرم" | "الفاءت" => -1,
            "المقبل" | "القادم" => 1,
            "الجاري" | "الحالي" => 0,
            _ => return None,
        };
        let _ = start;
        let Some(p) = self.published else { return Some((end + 1, Val::Unresolved)) };
        let (py, pm) = (p.year(), p.month());
        let y = match dir {
            -1 => {
                if m < pm {
                    py
                } else {
                    py - 1
                }
            }
            1 => {
                if m > pm {
                    py
                } else {
                    py + 1
                }
            }
            _ => py,
        };
        Some((end + 1, Val::Month(y, m)))
    }

    /// أواخر/مطلع/منتصف … + month expression or الشهر الماضي.
    fn period_month(&self, i: usize) -> Option<(usize, Val)> {
        if !matches!(self.bare(i), "اواخر" | "اواءل" | "مطلع" | "منتصف" | "اواسط" | "بدايه" | "نهايه" | "اخر" | "اول" | "مستهل" | "خلال")
        {
            return None;
        }
        let mut j = i + 1;
        if self.key(j) == "شهر" {
            j += 1;
        }
        if let Some((end, v)) = self.day_month_year(j).filter(|(_, v)| matches!(v, Val::Month(..) | Val::Unresolved)) {
            return Some((end, v));
        }
        if let Some((end, v)) = self.relative_unit(j).filter(|(_, v)| matches!(v, Val::Month(..) | Val::Year(..) | Val::Unresolved)) {
            return Some((end, v));
        }
        if self.bare(i) == "خلال" {
            return None;
        }
        self.year_phrase(j)
    }

    /// شهر + month name (في شهر يوليو) with or without a qualifier.
    fn shahr_month(&self, i: usize) -> Option<(usize, Val)> {
        if !matches!(self.bare(i), "شهر" | "بشهر" | "لشهر") {
            return None;
        }
        let (m, used) = month_at(self.words, i + 1)?;
        let end = i + 1 + used;
        if let Some(r) = self.day_month_year(i + 1) {
            return Some(r);
        }
        if let Some(r) = self.month_qualifier(i, end, m) {
            return Some(r);
        }
        let p = self.published?;
        let y = if m <= p.month() { p.year() } else { p.year() - 1 };
        Some((end, Val::Month(y, m)))
    }

    /// عام 2006، العام الماضي، سنة 2009.
    fn year_phrase(&self, i: usize) -> Option<(usize, Val)> {
        let k = self.bare(i);
        if !matches!(k, "عام" | "العام" | "لعام" | "بعام" | "سنه" | "السنه" | "لسنه") {
            return None;
        }
        if let Some((y, used)) = year_at(self.words, i + 1) {
            // عام 1436هـ: a Hijri year, which straddles two Gregorian ones (only with the mark:
            // history writes Gregorian years of those centuries too, عام 1453).
            if used == 1 && matches!(self.key(i + 2), "ه" | "هجري" | "هجريه") {
                return hijri_span(y.into(), None).map(|v| (i + 3, v));
            }
            return Some((i + 1 + used, Val::Year(y)));
        }
        if k.contains("ال") {
            let dir = match self.key(i + 1) {
                "الماضي" | "المنصرم" | "الفاءت" => -1,
                "الجاري" | "الحالي" => 0,
                "المقبل" | "القادم" => 1,
                _ => return None,
            };
            return Some((i + 2, self.published.map_or(Val::Unresolved, |p| Val::Year(p.year() + dir))));
        }
        None
    }

    /// الأسبوع/الشهر الماضي/الجاري/المقبل; "في الرابع والعشرين من الشهر الماضي" is handled by ordinal_of_month.
    fn relative_unit(&self, i: usize) -> Option<(usize, Val)> {
        let unit = self.bare(i);
        let is_week = matches!(unit, "الاسبوع");
        let is_month = matches!(unit, "الشهر");
        let is_year = matches!(unit, "العام" | "السنه");
        if !(is_week || is_month || is_year) {
            return None;
        }
        let dir = match self.key(i + 1) {
            "الماضي" | "المنصرم" | "الفاءت" => -1,
            "الجاري" | "الحالي" => 0,
            "المقبل" | "القادم" => 1,
            _ => return None,
        };
        let Some(p) = self.published else { return Some((i + 2, Val::Unresolved)) };
        let v = if is_week {
            Val::Week(monday_of(p).checked_add((7 * dir as i64).days()).ok()?)
        } else if is_month {
            match dir {
                -1 => {
                    let (y, m) = prev_month(p.year(), p.month());
                    Val::Month(y, m)
                }
                0 => Val::Month(p.year(), p.month()),
                _ => {
                    let (y, m) = if p.month() == 12 { (p.year() + 1, 1) } else { (p.year(), p.month() + 1) };
                    Val::Month(y, m)
                }
            }
        } else {
            Val::Year(p.year() + dir as i16)
        };
        Some((i + 2, v))
    }

    /// [في] الرابع والعشرين من الشهر الماضي / من يونيو [2018].
    fn ordinal_of_month(&self, i: usize) -> Option<(usize, Val)> {
        let (d, used) = ordinal_day(self.words, i)?;
        let j = i + used;
        if self.key(j) != "من" {
            return None;
        }
        if let Some((end, v)) = self.relative_unit(j + 1) {
            return Some((
                end,
                match v {
                    Val::Month(y, m) => Val::Day(ymd(y, m, d)?),
                    Val::Unresolved => Val::Unresolved,
                    _ => return None,
                },
            ));
        }
        let (m, mu) = month_at(self.words, j + 1)?;
        let end = j + 1 + mu;
        if let Some((y, yu)) = year_at(self.words, end) {
            return Some((end + yu, Val::Day(ymd(y, m, d)?)));
        }
        let Some(p) = self.published else { return Some((end, Val::Unresolved)) };
        Some((end, Val::Day(recent_day(p, m, d)?)))
    }

    /// صباح/مساء/فجر/ليلة … + اليوم / أمس / weekday.
    fn day_part(&self, i: usize) -> Option<(usize, Val)> {
        let k = self.bare(i);
        let night_before = matches!(k, "ليله" | "ليل");
        if !(night_before || matches!(k, "صباح" | "مساء" | "فجر" | "ظهر" | "عصر" | "ظهيره" | "منتصف")) {
            return None;
        }
        let (end, v) = self.relative_day(i + 1)?;
        // ليلة + weekday: the night before the named day. ليلة أمس / ليلة الأمس: last night.
        let is_weekday = weekday_of(self.bare(i + 1)).is_some() || self.bare(i + 1) == "يوم" && weekday_of(self.key(i + 2)).is_some();
        if night_before && is_weekday {
            return Some((
                end,
                match v {
                    Val::Day(d) => Val::Day(d.checked_sub(1.days()).ok()?),
                    other => other,
                },
            ));
        }
        Some((end, v))
    }

    /// اليوم، أمس، أمس الأول، قبل يومين/N أيام، غدا، [يوم] weekday [الماضي].
    fn relative_day(&self, i: usize) -> Option<(usize, Val)> {
        let k = self.bare(i);
        let p = self.published;
        let shift = |n: i64, end: usize| -> Option<(usize, Val)> {
            Some((
                end,
                match p {
                    Some(p) => Val::Day(p.checked_add(n.days()).ok()?),
                    None => Val::Unresolved,
                },
            ))
        };
        let with_weekday = |end: usize, n: i64| -> Option<(usize, Val)> {
            // "اليوم الاثنين", "أمس الثلاثاء": the weekday belongs to the expression.
            let e = if weekday_of(self.key(end)).is_some() { end + 1 } else { end };
            shift(n, e)
        };
        match k {
            "اليوم" => {
                // "اليوم" alone is often "nowadays"; accept it with a weekday or as a time adverb
                // after a verb (no noun phrase follows it).
                if weekday_of(self.key(i + 1)).is_some() {
                    return with_weekday(i + 1, 0);
                }
                if self.words.get(i + 1).is_none_or(|w| w.tok.kind == TokenKind::Punct) {
                    return shift(0, i + 1);
                }
                None
            }
            "امس" | "البارحه" | "الامس" => {
                if self.key(i + 1) == "الاول" {
                    return with_weekday(i + 2, -2);
                }
                with_weekday(i + 1, -1)
            }
            "اول" if self.key(i + 1) == "امس" => with_weekday(i + 2, -2),
            "اول" if self.key(i + 1) == "من" && self.key(i + 2) == "امس" => with_weekday(i + 3, -2),
            "غدا" | "غد" => with_weekday(i + 1, 1),
            "قبل" => {
                let n_key = self.key(i + 1);
                let (n, end) = match n_key {
                    "يوم" => (1, i + 2),
                    "يومين" => (2, i + 2),
                    "اسبوع" => (7, i + 2),
                    "اسبوعين" => (14, i + 2),
                    _ => {
                        let w = self.words.get(i + 1)?;
                        let n = if w.tok.kind == TokenKind::Number {
                            number_value(w)? as i64
                        } else {
                            match num_word(&w.key)? {
                                NumWord::Add(v) => v as i64,
                                NumWord::Teen => 10,
                                _ => return None,
                            }
                        };
                        if !matches!(self.key(i + 2), "ايام" | "يوما" | "يوم") || !(1..=60).contains(&n) {
                            return None;
                        }
                        (n, i + 3)
                    }
                };
                if matches!(n_key, "اسبوع" | "اسبوعين") {
                    return Some((
                        end,
                        p.map_or(Val::Unresolved, |p| p.checked_sub(n.days()).map(|d| Val::Week(monday_of(d))).unwrap_or(Val::Unresolved)),
                    ));
                }
                shift(-n, end)
            }
            _ => {
                let (wd, start_wd) =
                    if matches!(k, "يوم" | "ليوم") { (weekday_of(self.key(i + 1))?, i + 1) } else { (weekday_of(k)?, i) };
                // A weekday name alone before an adjective is no date (الجمعة الإسلامية).
                let next = self.key(start_wd + 1);
                let after_part = i > 0
                    && matches!(
                        self.bare(i - 1),
                        "صباح" | "مساء" | "فجر" | "ظهر" | "عصر" | "ليله" | "ليل" | "اليوم" | "امس" | "منتصف" | "ظهيره"
                    );
                let qualifier = matches!(next, "الماضي" | "الماضيه" | "المنصرم" | "الفاءت" | "المقبل" | "المقبله" | "القادم" | "القادمه");
                if start_wd == i && !after_part && next.starts_with("ال") && next.chars().count() > 3 && !qualifier {
                    return None;
                }
                let mut end = start_wd + 1;
                if matches!(self.key(end), "الماضي" | "المنصرم" | "الفاءت") {
                    end += 1;
                }
                let Some(p) = p else { return Some((end, Val::Unresolved)) };
                let back = (p.weekday().to_monday_zero_offset() - wd).rem_euclid(7) as i64;
                Some((end, Val::Day(p.checked_sub(back.days()).ok()?)))
            }
        }
    }
}

/// Words that can open a time expression (besides numbers, month names and ordinals).
static STARTERS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> = std::sync::LazyLock::new(|| {
    [
        "صباح",
        "مساء",
        "فجر",
        "ظهر",
        "عصر",
        "ظهيره",
        "منتصف",
        "ليله",
        "ليل",
        "اليوم",
        "امس",
        "البارحه",
        "الامس",
        "اول",
        "غدا",
        "غد",
        "قبل",
        "يوم",
        "ليوم",
        "اواخر",
        "اواءل",
        "مطلع",
        "اواسط",
        "بدايه",
        "نهايه",
        "اخر",
        "مستهل",
        "خلال",
        "شهر",
        "بشهر",
        "لشهر",
        "عام",
        "العام",
        "لعام",
        "بعام",
        "سنه",
        "السنه",
        "لسنه",
        "الاسبوع",
        "الشهر",
        "الاثنين",
        "الثلاثاء",
        "الاربعاء",
        "الخميس",
        "الجمعه",
        "السبت",
        "الاحد",
        "العشرين",
        "الثلاثين",
        "محرم",
        "صفر",
        "ربيع",
        "جمادي",
        "رجب",
        "شعبان",
        "رمضان",
        "شوال",
        "ذو",
        "ذي",
        "تشرين",
        "كانون",
    ]
    .into_iter()
    .collect()
});

/// The keys a time expression may start at: (whole keys, keys once the conjunction is off). The
/// whole key may be a starter word, a month, an ordinal, or a month or weekday after ب; without
/// its conjunction, a starter word or a month.
static START_KEYS: std::sync::LazyLock<(rustc_hash::FxHashSet<String>, rustc_hash::FxHashSet<String>)> = std::sync::LazyLock::new(|| {
    let starters = STARTERS.iter().map(|s| s.to_string());
    let months: Vec<String> = MONTH_NAMES.iter().map(|(m, _)| m.to_string()).collect();
    let bare: rustc_hash::FxHashSet<String> = starters.chain(months.iter().cloned()).collect();
    let mut whole = bare.clone();
    for (o, _) in ORDINAL_WORDS {
        whole.extend([o.to_string(), format!("ال{o}")]);
    }
    for m in &months {
        whole.insert(format!("ب{m}"));
    }
    for d in WEEKDAYS {
        whole.extend([format!("ب{d}"), format!("بب{d}")]);
    }
    (whole, bare)
});

/// The weekdays [`weekday_of`] reads (without ب), Monday first: the index is the day (Monday = 0).
const WEEKDAYS: &[&str] = &["الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد"];

/// A cheap test run before the patterns: can a time expression start at this word? (Kept with the
/// word form; `may_start_by_rules` in the tests is the same test written out.)
fn may_start(w: &Word) -> bool {
    crate::facts::of(w).may_start_time()
}

/// [`may_start`] for a word form of `kind` with match key `k` (`b` without و/ف): one or two set
/// look-ups.
pub(crate) fn may_start_by_keys(kind: TokenKind, k: &str, b: &str) -> bool {
    if kind == TokenKind::Number {
        return true;
    }
    if kind != TokenKind::Arabic {
        return false;
    }
    let (whole, bare) = &*START_KEYS;
    whole.contains(k) || (b.len() != k.len() && bare.contains(b))
}

/// (year, month, day) of three numbers written year first or year last (day/month, or
/// month/day when the middle number cannot be a month).
fn triple_order(a: i32, b: i32, c: i32, year_first: bool) -> (i32, i32, i32) {
    if year_first {
        (a, b, c)
    } else if b > 12 && a <= 12 {
        (c, a, b)
    } else {
        (c, b, a)
    }
}

fn render(v: Val) -> (Option<String>, Option<Precision>, Option<String>, Option<String>) {
    match v {
        Val::Year(y) => (Some(format!("{y:04}")), Some(Precision::Year), None, None),
        Val::Month(y, m) => (Some(format!("{y:04}-{m:02}")), Some(Precision::Month), None, None),
        Val::Day(d) => (Some(d.to_string()), Some(Precision::Day), None, None),
        Val::Week(mon) => {
            let sun = mon.checked_add(6.days()).unwrap_or(mon);
            (Some(mon.to_string()), Some(Precision::Week), Some(mon.to_string()), Some(sun.to_string()))
        }
        Val::Span(a, b) => (None, None, Some(a.to_string()), Some(b.to_string())),
        Val::Unresolved => (None, None, None, None),
    }
}

/// The Gregorian days of a Hijri month (`month` 1–12), or of a whole Hijri year (`month` None).
fn hijri_span(year: i32, month: Option<i32>) -> Option<Val> {
    let first = hijri_to_gregorian(year, month.unwrap_or(1), 1)?;
    let next = match month {
        Some(12) | None => hijri_to_gregorian(year + 1, 1, 1)?,
        Some(m) => hijri_to_gregorian(year, m + 1, 1)?,
    };
    Some(Val::Span(first, next.checked_sub(1.days()).ok()?))
}

/// Finds time expressions in `words` (cut from `text`), resolving relative ones against `published`.
pub fn parse_times(text: &str, words: &[Word], published: Option<Date>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    each_time(&Cursor { words, published }, |i, end, v| {
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
/// publication date, without rendering their values: what masking dates and years before
/// counting needs. An empty `mask` grows to `words.len()` at the first expression.
pub fn mark_times(words: &[Word], mask: &mut Vec<bool>) {
    each_time(&Cursor { words, published: None }, |i, end, _| {
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
    let cur = Cursor { words, published: None };
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

    /// `month_at` as first written, over keys.
    fn month_at_by_rules(words: &[Word], i: usize) -> Option<(i8, usize)> {
        let w = words.get(i)?;
        if w.tok.kind != TokenKind::Arabic {
            return None;
        }
        let whole = month_one(&w.key).is_some() || matches!(w.key.as_str(), "تشرين" | "كانون");
        let first: &str = if whole { &w.key } else { w.key_without_conj() };
        let first = first.strip_prefix('ب').filter(|r| month_one(r).is_some() || matches!(*r, "تشرين" | "كانون")).unwrap_or(first);
        if matches!(first, "تشرين" | "كانون") {
            let second = words.get(i + 1)?;
            let m = match (first, second.key.as_str()) {
                ("تشرين", "الاول") => 10,
                ("تشرين", "الثاني") => 11,
                ("كانون", "الاول") => 12,
                ("كانون", "الثاني") => 1,
                _ => return None,
            };
            return Some((m, 2));
        }
        month_one(first).map(|m| (m, 1))
    }

    /// `hijri_month` as first written, over keys.
    fn hijri_month_by_rules(words: &[Word], i: usize) -> Option<(i8, usize)> {
        let w = words.get(i)?;
        let k = w.key_without_conj();
        let two = words.get(i + 1).map(|n| n.key.as_str()).unwrap_or("");
        Some(match (k, two) {
            ("محرم", _) => (1, 1),
            ("صفر", _) => (2, 1),
            ("ربيع", "الاول") => (3, 2),
            ("ربيع", "الثاني" | "الاخر") => (4, 2),
            ("جمادي", "الاولي" | "الاول") => (5, 2),
            ("جمادي", "الاخره" | "الثانيه" | "الاخر") => (6, 2),
            ("رجب", _) => (7, 1),
            ("شعبان", _) => (8, 1),
            ("رمضان", _) => (9, 1),
            ("شوال", _) => (10, 1),
            ("ذو" | "ذي", "القعده") => (11, 2),
            ("ذو" | "ذي", "الحجه") => (12, 2),
            _ => return None,
        })
    }

    #[test]
    fn month_heads_agree_with_the_month_rules() {
        let mut stems: Vec<String> = MONTH_NAMES.iter().flat_map(|(m, _)| m.split(' ').map(str::to_string)).collect();
        stems.extend(
            ["محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان", "شوال", "ذو", "ذي", "فبراير", "فيفري", "مقاتل", "2018"]
                .map(str::to_string),
        );
        let seconds = ["الأول", "الثاني", "الآخر", "الأولى", "الآخرة", "الثانية", "القعدة", "الحجة", "من", "2020", ""];
        let mut text = String::new();
        for s in &stems {
            for p in ["", "و", "ف", "ب", "ال", "وب", "فب", "بب"] {
                for second in seconds {
                    text.push_str(&format!("{p}{s} {second} ، "));
                }
            }
        }
        let toks = rasad_text::tokenize(&text);
        let words = rasad_text::analyze(&toks, &rasad_text::Segmenter::new(std::iter::empty::<&str>()));
        for i in 0..words.len() {
            assert_eq!(month_at(&words, i), month_at_by_rules(&words, i), "{}", words[i].tok.text);
            assert_eq!(hijri_month(&words, i), hijri_month_by_rules(&words, i), "{}", words[i].tok.text);
        }
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
        for w in &words {
            assert_eq!(may_start(w), may_start_by_rules(w), "{}", w.tok.text);
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
    fn month_names_alone_are_not_dates() {
        assert!(t("مارس الجيش ضغوطا", Some("2020-01-01")).is_empty());
    }
}

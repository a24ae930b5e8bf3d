//! Expressions relative to the publication date: this/last/next week, month or year, days
//! before or after it (أمس، غدا، قبل يومين), weekdays, and parts of a day (صباح أمس، ليلة الجمعة).

use jiff::civil::Date;
use jiff::ToSpan;
use rasad_text::TokenKind;

use super::{Cursor, Val};
use crate::numbers::{num_word, ordinal, NumWord};
use crate::tables::time_words::{direction_word, weekday_of, TODAY_MEDIA_NOUNS, TODAY_NAME_HEADS, TODAY_NOT_AFTER, TODAY_NOWADAYS_AFTER};

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

impl Cursor<'_, '_> {
    /// الأسبوع/الشهر الماضي/الجاري/المقبل; "في الرابع والعشرين من الشهر الماضي" is handled by ordinal_of_month.
    pub(super) fn relative_unit(&self, i: usize) -> Option<(usize, Val)> {
        // الليلة الماضية: last night, the day before publication; الليلة قبل الماضية the night
        // before; الليلة alone: tonight.
        if self.bare(i) == "الليله" {
            let past = |k: &str| matches!(k, "الماضيه" | "المنصرمه" | "الفاءته");
            let (end, back) = if past(self.key(i + 1)) {
                (i + 2, 1)
            } else if self.key(i + 1) == "قبل" && past(self.key(i + 2)) {
                (i + 3, 2)
            } else {
                (i + 1, 0)
            };
            let Some(p) = self.published else { return Some((end, Val::Unresolved)) };
            return Some((end, Val::Day(p.checked_sub(back.days()).ok()?)));
        }
        // هذا الشهر، هذا العام، هذه السنة، هذا الأسبوع: the current one.
        if matches!(self.bare(i), "هذا" | "هذه") && matches!(self.key(i + 1), "الاسبوع" | "الشهر" | "العام" | "السنه")
        {
            return self.relative_unit_dir(i + 1, 0, i + 2);
        }
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
        self.relative_unit_dir(i, dir, i + 2)
    }

    /// The week, month or year named by the unit word at `i`, `dir` from publication's (-1, 0,
    /// 1), as an expression ending before word `end`.
    fn relative_unit_dir(&self, i: usize, dir: i64, end: usize) -> Option<(usize, Val)> {
        let unit = self.bare(i);
        let is_week = matches!(unit, "الاسبوع");
        let is_month = matches!(unit, "الشهر");
        let Some(p) = self.published else { return Some((end, Val::Unresolved)) };
        let v = if is_week {
            Val::Week(monday_of(p).checked_add((7 * dir).days()).ok()?)
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
        Some((end, v))
    }

    /// The last days, weeks or months up to publication, as a stretch from its first day to the
    /// publication date: a dual (خلال اليومين الماضيين، الأسبوعين الأخيرين، الشهرين الماضيين), a
    /// plural with its number (الأيام الثلاثة الماضية، الأشهر الستة الأخيرة), or the last hours
    /// (الساعات الماضية: the day before and the day of publication).
    pub(super) fn past_stretch(&self, i: usize) -> Option<(usize, Val)> {
        // (unit in days, 0 for hours; months by the calendar)
        let (per, months, dual) = match self.bare(i) {
            "اليومين" => (1, false, true),
            "الاسبوعين" => (7, false, true),
            "الشهرين" => (0, true, true),
            "الايام" => (1, false, false),
            "الاسابيع" => (7, false, false),
            "الاشهر" | "الشهور" => (0, true, false),
            "الساعات" => (0, false, false),
            _ => return None,
        };
        let hours = per == 0 && !months;
        let (n, end) = if dual {
            (2, i + 1)
        } else if hours {
            (1, i + 1)
        } else {
            let k = self.key(i + 1);
            match num_word(k.strip_prefix("ال").unwrap_or(k)) {
                Some(NumWord::Add(v)) if (3.0..=30.0).contains(&v) && v.fract() == 0.0 => (v as i64, i + 2),
                // (عشرة alone is ten: the table reads it as a teen's ending.)
                Some(NumWord::Teen) => (10, i + 2),
                _ => return None,
            }
        };
        if !matches!(self.key(end), "الماضيين" | "الماضيه" | "الاخيرين" | "الاخيره" | "المنصرمين" | "المنصرمه")
        {
            return None;
        }
        let Some(p) = self.published else { return Some((end + 1, Val::Unresolved)) };
        let first = if months { p.checked_sub(n.months()).ok()? } else { p.checked_sub((n * per.max(1)).days()).ok()? };
        Some((end + 1, Val::Span(first, p)))
    }

    /// صباح/مساء/فجر/ليلة … + اليوم / أمس / weekday.
    pub(super) fn day_part(&self, i: usize) -> Option<(usize, Val)> {
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
    pub(super) fn relative_day(&self, i: usize) -> Option<(usize, Val)> {
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
                if weekday_of(self.key(i + 1)).is_some() {
                    return with_weekday(i + 1, 0);
                }
                self.is_today(i).then(|| shift(0, i + 1))?
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
            "قبل" | "منذ" => self.ago(i),
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
                let qualifier = direction_word(next);
                // A weekday name alone before an adjective is no date (الجمعة الإسلامية، الأحد
                // الدامي); before a definite noun, it is the day of the clause's verb (أعلن الجيش
                // الخميس السيطرة على التلة).
                let adjective = next.chars().count() > 4 && (next.ends_with('ي') || next.ends_with("يه") || next.ends_with("اء"));
                if start_wd == i && !after_part && next.starts_with("ال") && adjective && qualifier.is_none() {
                    return None;
                }
                let end = start_wd + 1 + usize::from(qualifier.is_some());
                let Some(p) = p else { return Some((end, Val::Unresolved)) };
                let today = p.weekday().to_monday_zero_offset();
                // الخميس الماضي read on a Thursday is a week before; الخميس المقبل, a week after.
                let (ahead, back) = ((wd - today).rem_euclid(7) as i64, (today - wd).rem_euclid(7) as i64);
                let shift = match qualifier {
                    Some(1) => {
                        if ahead == 0 {
                            7
                        } else {
                            ahead
                        }
                    }
                    Some(_) => -(if back == 0 { 7 } else { back }),
                    None => -back,
                };
                Some((end, Val::Day(p.checked_add(shift.days()).ok()?)))
            }
        }
    }

    /// اليوم at `i` as the publication day: not the Saudi newspaper (صحيفة اليوم، «اليوم»، اليوم
    /// السعودية), not a day of a series or a feast (في اليوم التالي، اليوم الأول، اليوم الوطني),
    /// not the end of a stretch (حتى اليوم).
    fn is_today(&self, i: usize) -> bool {
        let prev = i.checked_sub(1).and_then(|j| self.words.get(j));
        let before = |set: &rustc_hash::FxHashSet<String>| prev.is_some_and(|w| set.contains(w.key_without_conj()));
        // في وقت سابق من اليوم: earlier today.
        if self.key(i.wrapping_sub(1)) == "من" && matches!(self.key(i.wrapping_sub(2)), "سابق" | "لاحق" | "متاخر" | "مبكر")
        {
            return true;
        }
        // A verb of becoming may stand before its subject (أصبح الحي اليوم), a media noun before
        // the name's first word (لقناة روسيا اليوم).
        let two_back = i.checked_sub(2).and_then(|j| self.words.get(j));
        let becoming = two_back.is_some_and(|w| TODAY_NOWADAYS_AFTER.contains(w.key_without_conj()));
        let media =
            |set: &rustc_hash::FxHashSet<String>, w: &rasad_text::Word| set.contains(w.key_without_conj()) || set.contains(w.stem_key());
        if prev.is_some_and(|w| media(&TODAY_NAME_HEADS, w)) || two_back.is_some_and(|w| media(&TODAY_MEDIA_NOUNS, w)) {
            return false;
        }
        if before(&TODAY_NOT_AFTER) || before(&TODAY_NOWADAYS_AFTER) || becoming {
            return false;
        }
        let quoted = prev.is_some_and(|w| w.tok.kind == TokenKind::Punct && matches!(w.tok.text, "«" | "\"" | "“"));
        if quoted {
            return false;
        }
        // Opening a sentence (واليوم يستغل …، اليوم هناك سؤال): "nowadays", set against the past.
        // …unless a comma sets it off (واليوم، أعلنت الحكومة): then it dates what follows.
        let set_off = self.words.get(i + 1).is_some_and(|w| w.is_punct("،") || w.is_punct(","));
        if prev.is_none_or(|w| w.tok.kind == TokenKind::Punct) && !set_off {
            return false;
        }
        // إن الوضع اليوم …: a nominal clause's subject followed by اليوم is "nowadays".
        if i >= 2 && matches!(self.bare(i - 2), "ان" | "لكن" | "بات") {
            return false;
        }
        let Some(next) = self.words.get(i + 1) else { return true };
        if next.tok.kind != TokenKind::Arabic {
            return true;
        }
        // A definite adjective after it: an ordinal, or a nisba (الوطني، العالمي، السعودية).
        let k = next.key.as_str();
        let adjective = k.starts_with("ال")
            && (ordinal(k).is_some()
                || matches!(k, "التالي" | "السابق" | "الاخير" | "الموعود" | "المفتوح")
                || (k.chars().count() >= 5 && (k.ends_with('ي') || k.ends_with("يه"))));
        // اليوم الذي …: "the day when" (سيأتي اليوم الذي), not today.
        !adjective && !matches!(k, "نفسه" | "ذاته" | "الذي" | "التي")
    }

    /// قبل/منذ at `i` and a stretch before publication: minutes and hours (the publication day,
    /// or a day before per 24 hours: قبل 48 ساعة), days (يومين، ثلاثة أيام), weeks (a week value),
    /// months (a month value: منذ شهرين), years (a year value: قبل عامين); منذ and a year (منذ
    /// 2015). Not when من follows (قبل يومين من الانتخابات: before another event), nor for a vague
    /// plural alone (قبل أيام، منذ سنوات), nor for عام before a year (منذ عام 2011 is the year
    /// phrase's).
    fn ago(&self, i: usize) -> Option<(usize, Val)> {
        let n_key = self.key(i + 1);
        // منذ 2015: since that year.
        if self.bare(i) == "منذ" {
            if let Some((y, used)) = self.year_at(i + 1) {
                return Some((i + 1 + used, Val::Year(y)));
            }
        }
        let (n, unit, end) = match ago_word(n_key) {
            // A vague plural alone (قبل أيام، منذ سنوات) gives no date; hours, the day itself.
            Some((0, unit)) if !matches!(unit, Unit::Hour | Unit::Minute) => return None,
            Some((n, unit)) => (n, unit, i + 2),
            None => {
                let w = self.words.get(i + 1)?;
                let n = if w.tok.kind == TokenKind::Number {
                    self.facts.number_value(w)? as i64
                } else {
                    match num_word(&w.key)? {
                        NumWord::Add(v) => v as i64,
                        NumWord::Teen => 10,
                        _ => return None,
                    }
                };
                let (_, unit) = ago_word(self.key(i + 2))?;
                let max = match unit {
                    Unit::Minute => 600,
                    Unit::Hour => 96,
                    Unit::Day => 60,
                    Unit::Week => 12,
                    Unit::Month => 24,
                    Unit::Year => 30,
                };
                if !(1..=max).contains(&n) {
                    return None;
                }
                (n, unit, i + 3)
            }
        };
        // عام/عامين before a year is the year phrase's (منذ عام 2011).
        if self.key(end) == "من" || (unit == Unit::Year && self.year_at(end).is_some()) {
            return None;
        }
        let Some(p) = self.published else { return Some((end, Val::Unresolved)) };
        let v = match unit {
            Unit::Minute => Val::Day(p),
            Unit::Hour => Val::Day(p.checked_sub((n / 24).days()).ok()?),
            Unit::Day => Val::Day(p.checked_sub(n.days()).ok()?),
            Unit::Week => Val::Week(monday_of(p.checked_sub((7 * n).days()).ok()?)),
            Unit::Month => {
                let months = p.year() as i64 * 12 + p.month() as i64 - 1 - n;
                Val::Month((months / 12) as i16, (months % 12 + 1) as i8)
            }
            Unit::Year => Val::Year(p.year() - n as i16),
        };
        Some((end, v))
    }

    /// N يوما/أيام مضت (N days ago) at `i`.
    pub(super) fn days_ago(&self, i: usize) -> Option<(usize, Val)> {
        let n = self.facts.number_value(self.words.get(i)?)? as i64;
        if !(1..=60).contains(&n)
            || !matches!(self.key(i + 1), "يوما" | "ايام" | "يوم")
            || !matches!(self.bare(i + 2), "مضت" | "مضي" | "خلت")
        {
            return None;
        }
        let Some(p) = self.published else { return Some((i + 3, Val::Unresolved)) };
        Some((i + 3, Val::Day(p.checked_sub(n.days()).ok()?)))
    }
}

/// The unit of a stretch before publication.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// The unit a word after قبل/منذ names, with the count it gives alone (يومين: 2; يوم: 1; ساعات:
/// some hours, 0 days), or None (a plural after a number: أيام، أسابيع).
fn ago_word(key: &str) -> Option<(i64, Unit)> {
    Some(match key {
        "ساعه" | "ساعتين" | "ساعات" | "لحظات" => (0, Unit::Hour),
        "دقيقه" | "دقيقتين" | "دقاءق" => (0, Unit::Minute),
        "يوم" | "يوما" => (1, Unit::Day),
        "يومين" => (2, Unit::Day),
        "ايام" => (0, Unit::Day),
        "اسبوع" => (1, Unit::Week),
        "اسبوعين" => (2, Unit::Week),
        "اسابيع" => (0, Unit::Week),
        "شهر" => (1, Unit::Month),
        "شهرين" => (2, Unit::Month),
        "اشهر" | "شهور" => (0, Unit::Month),
        "عام" | "سنه" => (1, Unit::Year),
        "عامين" | "سنتين" => (2, Unit::Year),
        "اعوام" | "سنوات" | "سنين" | "عاما" => (0, Unit::Year),
        _ => return None,
    })
}

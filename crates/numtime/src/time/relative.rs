//! Expressions relative to the publication date: this/last/next week, month or year, days
//! before or after it (أمس، غدا، قبل يومين), weekdays, and parts of a day (صباح أمس، ليلة الجمعة).

use jiff::civil::Date;
use jiff::ToSpan;
use rasad_text::TokenKind;

use super::{Cursor, Val};
use crate::numbers::{num_word, NumWord};
use crate::tables::time_words::weekday_of;

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
                            self.facts.number_value(w)? as i64
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

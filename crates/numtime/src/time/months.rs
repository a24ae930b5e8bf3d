//! Dates named with words: a month name (Gregorian, in every regional set, or Hijri) with its
//! day, year or qualifier, a period of a month (أواخر، مطلع …), شهر + month, a year (عام 2006،
//! العام الماضي), an ordinal day of a month.
//!
//! The small readers every pattern here calls (month, Hijri month, year, day, ordinal day, recent
//! day) are `#[inline]`: they were inlined when the time parser was one file, and without the hint
//! a time case costs about 0.5% more instructions (callgrind).

use rasad_text::{TokenKind, Word};

use super::hijri::{hijri_span, hijri_to_gregorian};
use super::{ymd, Cursor, Val};
use crate::numbers::ordinal;
use crate::tables::months::{HijriHead, MonthHead};

/// Ordinal day phrase at `i` (الرابع والعشرين، العاشر، الحادي عشر، العشرين): (day, tokens used).
#[inline]
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

impl Cursor<'_, '_> {
    /// Reads a month name (one or two tokens) at `i`: (month, tokens used).
    #[inline]
    fn month_at(&self, i: usize) -> Option<(i8, usize)> {
        let words = self.words;
        let head = self.facts.of(words.get(i)?).month_head();
        // Levantine two-word names: تشرين الأول، كانون الثاني (also تشرين أول، كانون 2).
        let m = match head {
            MonthHead::None => return None,
            MonthHead::One(m) => return Some((m, 1)),
            MonthHead::Tishrin => match self.levantine_order(i + 1)? {
                1 => 10,
                _ => 11,
            },
            MonthHead::Kanun => match self.levantine_order(i + 1)? {
                1 => 12,
                _ => 1,
            },
        };
        Some((m, 2))
    }

    /// The end of a month name that ends before word `end`, past the same month named in another
    /// regional set: 4 يوليو (تموز)، 15 أيار/مايو، 3 تموز / يوليو.
    fn paired(&self, end: usize, m: i8) -> usize {
        let same = |j: usize| self.month_at(j).filter(|(m2, _)| *m2 == m).map(|(_, u)| u);
        if self.words.get(end).is_some_and(|w| w.is_punct("(")) {
            if let Some(u2) = same(end + 1).filter(|u2| self.words.get(end + 1 + u2).is_some_and(|w| w.is_punct(")"))) {
                return end + u2 + 2;
            }
        } else if self.words.get(end).is_some_and(|w| w.is_punct("/")) {
            if let Some(u2) = same(end + 1) {
                return end + u2 + 1;
            }
        }
        end
    }

    /// The second word of a Levantine month name at `i`: 1 for الأول (أول، 1), 2 for الثاني
    /// (ثاني، 2).
    #[inline]
    fn levantine_order(&self, i: usize) -> Option<u8> {
        let w = self.words.get(i)?;
        if w.tok.kind == TokenKind::Number {
            let one_digit = self.facts.of(w).chars() == 1;
            return match self.facts.number_value(w).filter(|_| one_digit).map(|v| v as i64) {
                Some(1) => Some(1),
                Some(2) => Some(2),
                _ => None,
            };
        }
        match w.key.as_str() {
            "الاول" | "اول" => Some(1),
            "الثاني" | "ثاني" => Some(2),
            _ => None,
        }
    }

    /// Reads a Hijri month name (one or two tokens) at `i`: (month, tokens used).
    #[inline]
    fn hijri_month(&self, i: usize) -> Option<(i8, usize)> {
        let words = self.words;
        let head = self.facts.of(words.get(i)?).hijri_head();
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

    /// A year in four digits at `i`, with its era mark: (year, tokens used).
    #[inline]
    pub(super) fn year_at(&self, i: usize) -> Option<(i16, usize)> {
        let words = self.words;
        let w = words.get(i)?;
        if w.tok.kind != TokenKind::Number || self.facts.of(w).chars() != 4 {
            return None;
        }
        let y = self.facts.number_value(w)? as i16;
        if !(1000..=2200).contains(&y) {
            return None;
        }
        // An optional era mark: م (Gregorian).
        let used = if words.get(i + 1).is_some_and(|n| n.key == "م") { 2 } else { 1 };
        Some((y, used))
    }

    /// The year after a month name ending before word `end`: 2018، ، 2018، عام 2018، من العام
    /// 2018، سنة 2018: (year, tokens used). A year after a comma is at most a year after
    /// publication.
    fn year_after(&self, end: usize) -> Option<(i16, usize)> {
        if let Some(y) = self.year_at(end) {
            return Some(y);
        }
        if self.words.get(end).is_some_and(|w| w.is_punct("،") || w.is_punct(",")) {
            let (y, yu) = self.year_at(end + 1)?;
            // Not a head count after the comma (في 3 يونيو، 2000 شخص فروا): a counted noun follows.
            let counted = self
                .words
                .get(end + 1 + yu)
                .and_then(|w| self.facts.of(w).unit())
                .is_some_and(|u| crate::tables::quantity_words::is_counted_noun(u));
            let plausible = (1900..=self.published.map_or(2100, |p| p.year() + 1)).contains(&y);
            return (plausible && !counted).then_some((y, yu + 1));
        }
        let from = usize::from(self.key(end) == "من");
        if matches!(self.key(end + from), "عام" | "العام" | "سنه" | "السنه" | "لعام") {
            let (y, yu) = self.year_at(end + from + 1)?;
            return Some((y, yu + from + 1));
        }
        None
    }

    /// The day of the month `w` gives in one or two digits.
    #[inline]
    fn day_number(&self, w: &Word) -> Option<i8> {
        if w.tok.kind != TokenKind::Number || self.facts.of(w).chars() > 2 {
            return None;
        }
        let d = self.facts.number_value(w)? as i8;
        (1..=31).contains(&d).then_some(d)
    }

    /// [day] month [(paired month)] [year]; or Hijri day month year [هـ].
    pub(super) fn day_month_year(&self, i: usize) -> Option<(usize, Val)> {
        let (day, mstart) = match self.words.get(i).and_then(|w| self.day_number(w)) {
            Some(d) => (Some(d), i + 1),
            None => (None, i),
        };
        if let Some(d) = day {
            if let Some((hm, used)) = self.hijri_month(mstart) {
                if let Some((hy, yused)) = self
                    .words
                    .get(mstart + used)
                    .filter(|w| w.tok.kind == TokenKind::Number)
                    .and_then(|w| self.facts.number_value(w))
                    .map(|y| (y as i32, 1))
                {
                    let mut end = mstart + used + yused;
                    if matches!(self.key(end), "ه" | "هـ") {
                        end += 1;
                    }
                    if (1300..=1600).contains(&hy) {
                        return hijri_to_gregorian(hy, hm as i32, d as i32).map(|g| (end, self.named_or(i, Val::Day(g))));
                    }
                }
                // 27 رجب: the nearest one (the next one in a clause about the future). Not صفر,
                // also "zero" (a score: 2 صفر).
                if hm == 2 {
                    return None;
                }
                return self.yearless_hijri(i, mstart + used, hm, d).map(|(end, v)| (end, self.named_or(i, v)));
            }
        } else if let Some((hm, used)) = self.hijri_month(mstart) {
            // رمضان 1445 هـ: the Hijri month's days.
            let y = self.words.get(mstart + used).filter(|w| w.tok.kind == TokenKind::Number).and_then(|w| self.facts.number_value(w));
            if let Some(hy) = y.map(|y| y as i32).filter(|y| (1300..=1600).contains(y)) {
                let mut end = mstart + used + 1;
                if matches!(self.key(end), "ه" | "هجري" | "هجريه") {
                    end += 1;
                }
                return hijri_span(hy, Some(hm as i32)).map(|v| (end, v));
            }
        }
        let (m, used) = self.month_at(mstart)?;
        let mut end = self.paired(mstart + used, m);
        // The year, also after a comma (4 سبتمبر، 2018) or a year noun (من العام 2018).
        let year = self.year_after(end);
        if let Some((_, yu)) = year {
            end += yu;
        }
        match (day, year) {
            (Some(d), Some((y, ..))) => ymd(y, m, d).map(|x| (end, self.named_or(i, Val::Day(x)))),
            (None, Some((y, ..))) => Some((end, Val::Month(y, m))),
            (Some(d), None) => self.yearless(i, end, m, d).map(|(end, v)| (end, self.named_or(i, v))),
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
    pub(super) fn period_month(&self, i: usize) -> Option<(usize, Val)> {
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
    pub(super) fn shahr_month(&self, i: usize) -> Option<(usize, Val)> {
        if !matches!(self.bare(i), "شهر" | "بشهر" | "لشهر") {
            return None;
        }
        let (m, used) = self.month_at(i + 1)?;
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
    pub(super) fn year_phrase(&self, i: usize) -> Option<(usize, Val)> {
        let k = self.bare(i);
        if !matches!(k, "عام" | "العام" | "لعام" | "بعام" | "سنه" | "السنه" | "لسنه") {
            return None;
        }
        if let Some((y, used)) = self.year_at(i + 1) {
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

    /// [في] الرابع والعشرين من الشهر الماضي / من يونيو [2018] / من شهر تشرين الأول عام 2019 /
    /// من محرم [1446].
    pub(super) fn ordinal_of_month(&self, i: usize) -> Option<(usize, Val)> {
        let (d, used) = ordinal_day(self.words, i)?;
        let mut j = i + used;
        if self.key(j) != "من" {
            return None;
        }
        // في الثامن عشر من شهر نوفمبر.
        if self.key(j + 1) == "شهر" && self.month_at(j + 2).is_some() {
            j += 1;
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
        // العاشر من محرم، الأول من شوال 1445.
        if let Some((hm, hu)) = self.hijri_month(j + 1) {
            let end = j + 1 + hu;
            let year = self.words.get(end).filter(|w| w.tok.kind == TokenKind::Number).and_then(|w| self.facts.number_value(w));
            if let Some(hy) = year.map(|y| y as i32).filter(|y| (1300..=1600).contains(y)) {
                let end = if matches!(self.key(end + 1), "ه" | "هـ" | "هجري" | "هجريه") { end + 2 } else { end + 1 };
                return hijri_to_gregorian(hy, hm as i32, d as i32).map(|g| (end, self.named_or(i, Val::Day(g))));
            }
            return self.yearless_hijri(i, end, hm, d).map(|(end, v)| (end, self.named_or(i, v)));
        }
        let (m, mu) = self.month_at(j + 1)?;
        let end = self.paired(j + 1 + mu, m);
        if let Some((y, yu)) = self.year_after(end) {
            return Some((end + yu, self.named_or(i, Val::Day(ymd(y, m, d)?))));
        }
        self.yearless(i, end, m, d).map(|(end, v)| (end, self.named_or(i, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::months::{month_one, MONTH_NAMES};

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
                ("تشرين", "الاول" | "اول" | "1" | "١") => 10,
                ("تشرين", "الثاني" | "ثاني" | "2" | "٢") => 11,
                ("كانون", "الاول" | "اول" | "1" | "١") => 12,
                ("كانون", "الثاني" | "ثاني" | "2" | "٢") => 1,
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
        let seconds = [
            "الأول",
            "أول",
            "ثاني",
            "1",
            "2",
            "٢",
            "12",
            "الثاني",
            "الآخر",
            "الأولى",
            "الآخرة",
            "الثانية",
            "القعدة",
            "الحجة",
            "من",
            "2020",
            "",
        ];
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
        let cur = Cursor::new(&words, None);
        for i in 0..words.len() {
            assert_eq!(cur.month_at(i), month_at_by_rules(&words, i), "{}", words[i].tok.text);
            assert_eq!(cur.hijri_month(i), hijri_month_by_rules(&words, i), "{}", words[i].tok.text);
        }
    }
}

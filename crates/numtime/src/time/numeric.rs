//! Dates written in digits (13-06-2018، 2021/04/22، 13.06.2018، 15/9/1445هـ), Gregorian or Hijri.

use rasad_text::TokenKind;

use super::hijri::hijri_to_gregorian;
use super::{ymd, Cursor, Val};
use crate::numbers::parse_digits;

impl Cursor<'_, '_> {
    pub(super) fn numeric_date(&self, i: usize) -> Option<(usize, Val)> {
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
                .and_then(|x| self.facts.number_value(x).map(|v| (v as i32, self.facts.of(x).chars())))
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

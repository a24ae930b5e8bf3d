//! What a date's neighbours say about it: a weekday or a Hijri date joined to the date after it
//! (يوم الأحد 6 آذار، 12 رجب 1443 الموافق 13 فبراير 2022: one expression, the Gregorian date's
//! value); a name that holds a date (قوى 14 آذار: no date); and which year a date without one
//! falls in (the last one for a past event, never after publication; the next one when its
//! clause speaks of the future: ستعقد، سوف، من المقرر، … المقبل).

use jiff::civil::Date;
use jiff::ToSpan;
use rasad_text::TokenKind;

use super::hijri::hijri_to_gregorian;
use super::{ymd, Cursor, Val};
use crate::tables::months::HijriHead;
use crate::tables::time_words::{direction_word, weekday_of, CLAUSE_OPENERS, DATE_NAME_HEADS, FUTURE_WORDS};

/// How far back a clause is searched for a word of the future.
const CLAUSE_WORDS: usize = 10;

/// What an expression is, for joining: a weekday (relative), a Hijri date, or another.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Weekday,
    Hijri,
    Other,
}

/// A future verb ending in ي/ى, which the segmenter leaves whole (a final ي is mostly a nisba):
/// ستجرى، ستنتهي، سيلتقي، سنمضي. Five letters at least, and not سياسي، سياحي, which begin alike.
fn future_verb_ending_in_ya(key: &str) -> bool {
    let mut c = key.chars();
    c.next() == Some('س')
        && matches!(c.next(), Some('ي' | 'ت' | 'ن'))
        && key.ends_with('ي')
        && key.chars().count() >= 5
        && !key.starts_with("سيا")
}

impl Cursor<'_, '_> {
    /// `v`, or [`Val::Name`] when the date whose day starts at word `i` follows a noun that makes
    /// it a name (حركة شباب 6 أبريل، ثورة 25 يناير، مدينة 6 أكتوبر، مدينة العاشر من رمضان).
    pub(super) fn named_or(&self, i: usize, v: Val) -> Val {
        let named = i > 0
            && self.words.get(i - 1).is_some_and(|w| {
                w.tok.kind == TokenKind::Arabic
                    && (DATE_NAME_HEADS.contains(w.key_without_conj()) || DATE_NAME_HEADS.contains(w.stem_key()))
            });
        if named {
            Val::Name
        } else {
            v
        }
    }

    /// True when the clause of the date starting at word `start` speaks of the future: a verb
    /// with the future prefix سـ or a word of [`FUTURE_WORDS`] before it, up to a punctuation mark
    /// or a word that opens another clause (التي، عندما …). Not after منذ (since).
    fn future_clause(&self, start: usize) -> bool {
        let first = start.saturating_sub(CLAUSE_WORDS);
        if start > 0 && self.bare(start - 1) == "منذ" {
            return false;
        }
        for w in self.words[first..start.min(self.words.len())].iter().rev() {
            if w.tok.kind == TokenKind::Punct || CLAUSE_OPENERS.contains(w.key_without_conj()) {
                return false;
            }
            if w.tok.kind == TokenKind::Arabic
                && (w.seg.future() || future_verb_ending_in_ya(w.key_without_conj()) || FUTURE_WORDS.contains(w.key_without_conj()))
            {
                return true;
            }
        }
        false
    }

    /// Which of a year-less date's occurrences is meant, for a date ending before word `end`: a
    /// qualifier after it (الماضي، المقبل) is read and belongs to the expression; else the tense of
    /// the clause of the date starting at word `start`. Returns (end, direction: -1 the last one, 1 the next one).
    fn direction(&self, start: usize, end: usize) -> (usize, i8) {
        match direction_word(self.key(end)) {
            Some(dir) => (end + 1, dir),
            None => (end, if self.future_clause(start) { 1 } else { -1 }),
        }
    }

    /// A Gregorian day `d` of month `m` without a year, ending before word `end`: the last such
    /// day on or before publication (a day of slack for time zones), or the first on or after it
    /// when the clause speaks of the future.
    pub(super) fn yearless(&self, start: usize, end: usize, m: i8, d: i8) -> Option<(usize, Val)> {
        let (end, dir) = self.direction(start, end);
        let Some(p) = self.published else { return Some((end, Val::Unresolved)) };
        let this = |y: i16| ymd(y, m, d);
        let v = if dir > 0 {
            match this(p.year()) {
                Some(x) if x >= p => x,
                _ => this(p.year() + 1)?,
            }
        } else {
            match this(p.year()) {
                Some(x) if x <= p.checked_add(1.days()).ok()? => x,
                _ => this(p.year() - 1)?,
            }
        };
        Some((end, Val::Day(v)))
    }

    /// A Hijri day `d` of month `m` without a year (27 رجب), ending before word `end`: as
    /// [`Cursor::yearless`], over the Hijri years around publication.
    pub(super) fn yearless_hijri(&self, start: usize, end: usize, m: i8, d: i8) -> Option<(usize, Val)> {
        let (end, dir) = self.direction(start, end);
        let Some(p) = self.published else { return Some((end, Val::Unresolved)) };
        // The Hijri year a Gregorian year mostly falls in, give or take one.
        let hy = ((p.year() as i32 - 622) * 33) / 32 + 1;
        let days: Vec<Date> = (hy - 2..=hy + 2).filter_map(|y| hijri_to_gregorian(y, m as i32, d as i32)).collect();
        let slack = p.checked_add(1.days()).ok()?;
        let v = if dir > 0 { days.iter().find(|x| **x >= p) } else { days.iter().rev().find(|x| **x <= slack) };
        Some((end, Val::Day(*v?)))
    }

    /// The kind of the expression over words `i..end`.
    fn kind_of(&self, i: usize, end: usize) -> Kind {
        let words = &self.words[i..end.min(self.words.len())];
        if words.iter().any(|w| self.facts.of(w).hijri_head() != HijriHead::None) {
            Kind::Hijri
        } else if words.iter().any(|w| weekday_of(w.key_without_conj()).is_some()) {
            Kind::Weekday
        } else {
            Kind::Other
        }
    }

    /// Joins to the expression `i..end` (value `v`) the dates that restate it: a date after a
    /// weekday (الأحد 6 آذار، السبت، 5 نوفمبر، الاثنين (7 مارس)); a date after الموافق (لـ);
    /// a Gregorian date in brackets after a Hijri one. The value is the restating date's when
    /// the first is a weekday or Hijri, else the first's.
    pub(super) fn joined(&self, i: usize, mut end: usize, mut v: Val) -> (usize, Val) {
        let mut kind = self.kind_of(i, end);
        for _ in 0..3 {
            let mut j = end;
            let comma = self.words.get(j).is_some_and(|w| w.is_punct("،") || w.is_punct(","));
            if comma {
                j += 1;
            }
            let bracket = self.words.get(j).is_some_and(|w| w.is_punct("("));
            if bracket {
                j += 1;
            }
            let agreeing = matches!(self.bare(j), "الموافق" | "الموافقه");
            if agreeing {
                j += 1;
                if self.key(j) == "ل" {
                    j += 1;
                }
            }
            let may_join = agreeing || kind == Kind::Weekday || (kind == Kind::Hijri && bracket);
            if !may_join {
                break;
            }
            let Some((e2, v2)) = self.at_one(j).filter(|(_, v2)| matches!(v2, Val::Day(_) | Val::Unresolved)) else { break };
            let k2 = self.kind_of(j, e2);
            if k2 == Kind::Weekday {
                break;
            }
            let mut e2 = e2;
            if bracket {
                if !self.words.get(e2).is_some_and(|w| w.is_punct(")")) {
                    break;
                }
                e2 += 1;
            }
            // A Gregorian date without its year restating a full Hijri date (الأحد 10 ذي الحجة 1445
            // الموافق 16 يونيو) takes the year the Hijri date gives.
            let yearless = !(j..e2).any(|k| self.year_at(k).is_some());
            let keep = kind == Kind::Hijri && yearless && matches!(v, Val::Day(_));
            if !keep && (kind != Kind::Other || k2 == Kind::Other && !matches!(v, Val::Day(_))) {
                v = v2;
                kind = k2;
            }
            end = e2;
        }
        (end, v)
    }
}

//! The Hijri calendar: Umm al-Qura dates to Gregorian, and the Gregorian days of a Hijri month
//! or year.

use jiff::civil::Date;
use jiff::ToSpan;

use super::Val;

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

/// The Gregorian days of a Hijri month (`month` 1–12), or of a whole Hijri year (`month` None).
pub(super) fn hijri_span(year: i32, month: Option<i32>) -> Option<Val> {
    let first = hijri_to_gregorian(year, month.unwrap_or(1), 1)?;
    let next = match month {
        Some(12) | None => hijri_to_gregorian(year + 1, 1, 1)?,
        Some(m) => hijri_to_gregorian(year, m + 1, 1)?,
    };
    Some(Val::Span(first, next.checked_sub(1.days()).ok()?))
}

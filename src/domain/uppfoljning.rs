//! Follow-up of the case stock: which cases had no application for a month and should be
//! closed, and which of them are young adults (18–24) to contact first.

use super::manad::Manad;
use super::personnummer::age_at;
use chrono::NaiveDate;

/// Ages of the young adults who are contacted (by phone and letter) before their case is closed.
pub const UNG_VUXEN: std::ops::RangeInclusive<u32> = 18..=24;

/// Whether an open case has gone a whole calendar month without an application: none for last
/// month or this month (or, with no application ever, opened before last month).
pub fn utan_ansokan(senaste: Option<Manad>, startdatum: NaiveDate, idag: NaiveDate) -> bool {
    let forra = Manad::av(idag).foregaende();
    match senaste {
        Some(m) => m < forra,
        None => startdatum < forra.forsta_dagen(),
    }
}

/// Whether someone born `fodd` is a young adult today.
pub fn ung_vuxen(fodd: NaiveDate, idag: NaiveDate) -> bool {
    UNG_VUXEN.contains(&age_at(fodd, idag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_case_without_an_application_for_a_whole_month_is_proposed_for_closing() {
        let idag = d("2026-11-23");
        let m = |s: &str| Some(Manad::parse(s).unwrap());
        // October applied for: still current. September the latest: all of October without one.
        assert!(!utan_ansokan(m("2026-10"), d("2025-01-01"), idag));
        assert!(!utan_ansokan(m("2026-11"), d("2025-01-01"), idag));
        assert!(utan_ansokan(m("2026-09"), d("2025-01-01"), idag));
        // Never applied: opened in October is still new, opened in September is not.
        assert!(!utan_ansokan(None, d("2026-10-01"), idag));
        assert!(utan_ansokan(None, d("2026-09-30"), idag));
    }

    #[test]
    fn young_adults_are_18_to_24() {
        let idag = d("2026-11-23");
        assert!(ung_vuxen(d("2008-11-23"), idag), "18 today");
        assert!(!ung_vuxen(d("2008-11-24"), idag), "17 until tomorrow");
        assert!(ung_vuxen(d("2001-11-24"), idag), "24 until tomorrow");
        assert!(!ung_vuxen(d("2001-11-23"), idag), "25 today");
    }
}

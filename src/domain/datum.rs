//! Dates as caseworkers type them: `YYYY-MM-DD`, `YYYYMMDD` or `YYMMDD`.

use chrono::NaiveDate;

/// Parses a date; a six-digit `YYMMDD` is placed in 2000–2099 unless that is more than a year
/// ahead of `today`, then in the 1900s.
pub fn parse_datum(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("Ange ett datum (ÅÅÅÅ-MM-DD).".into());
    }
    let digits: String = s.chars().filter(|c| *c != '-').collect();
    let well_formed = digits.chars().all(|c| c.is_ascii_digit())
        && match s.len() {
            10 => s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-',
            8 | 6 => !s.contains('-'),
            _ => false,
        };
    if !well_formed {
        return Err("Skriv datumet som ÅÅÅÅ-MM-DD eller ÅÅMMDD.".into());
    }
    let (year, rest) = if digits.len() == 6 {
        let yy: i32 = digits[..2].parse().unwrap_or(0);
        let mut year = 2000 + yy;
        if year > chrono::Datelike::year(&today) + 1 {
            year -= 100;
        }
        (year, &digits[2..])
    } else {
        (digits[..4].parse().unwrap_or(0), &digits[4..])
    };
    let month: u32 = rest[..2].parse().unwrap_or(0);
    let day: u32 = rest[2..4].parse().unwrap_or(0);
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| format!("{s} är inget giltigt datum."))
}

/// `YYYY-MM-DD`
pub fn format_datum(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn accepts_the_three_spellings() {
        let today = d(2026, 11, 23);
        assert_eq!(parse_datum("2026-11-02", today), Ok(d(2026, 11, 2)));
        assert_eq!(parse_datum("20261102", today), Ok(d(2026, 11, 2)));
        assert_eq!(parse_datum("261102", today), Ok(d(2026, 11, 2)));
        assert_eq!(parse_datum("851102", today), Ok(d(1985, 11, 2)));
        assert_eq!(format_datum(d(2026, 1, 5)), "2026-01-05");
    }

    #[test]
    fn refuses_other_text_with_a_reason() {
        let today = d(2026, 11, 23);
        assert!(parse_datum("", today).unwrap_err().contains("Ange"));
        assert!(parse_datum("2026/11/02", today).is_err());
        assert!(parse_datum("2026-1-2", today).is_err());
        assert!(parse_datum("2026-02-30", today).unwrap_err().contains("inget giltigt datum"));
        assert!(parse_datum("26-11-02", today).is_err());
    }
}

//! The periods the unit reports for: a month, a tertial (T1 = januari–april, T2 = maj–augusti,
//! T3 = september–december) or a year.

use crate::domain::manad::Manad;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Manad(Manad),
    Tertial(i32, u32),
    Ar(i32),
}

impl Period {
    /// Parses `2026-T1`, `2026` or `2026-03`.
    pub fn parse(s: &str) -> Result<Period, String> {
        let s = s.trim();
        let fel =
            || format!("\"{s}\" är ingen period. Skriv ett år (2026), ett tertial (2026-T1) eller en månad (2026-03).");
        let ar = |a: &str| {
            (a.len() == 4 && a.chars().all(|c| c.is_ascii_digit()))
                .then(|| a.parse::<i32>().ok())
                .flatten()
                .filter(|a| (1900..=2200).contains(a))
        };
        if let Some((a, t)) = s.split_once(['-', ' ']).filter(|(_, t)| t.starts_with(['T', 't'])) {
            let nr: u32 = t[1..].parse().map_err(|_| fel())?;
            return match (ar(a), nr) {
                (Some(a), 1..=3) => Ok(Period::Tertial(a, nr)),
                _ => Err(fel()),
            };
        }
        if let Some(a) = ar(s) {
            return Ok(Period::Ar(a));
        }
        Manad::parse(s).map(Period::Manad).map_err(|_| fel())
    }

    pub fn forsta(self) -> Manad {
        match self {
            Period::Manad(m) => m,
            Period::Tertial(a, t) => Manad::new(a, (t - 1) * 4 + 1).unwrap_or(Manad::av(chrono::NaiveDate::MIN)),
            Period::Ar(a) => Manad::new(a, 1).unwrap_or(Manad::av(chrono::NaiveDate::MIN)),
        }
    }

    pub fn sista(self) -> Manad {
        match self {
            Period::Manad(m) => m,
            Period::Tertial(a, t) => Manad::new(a, t * 4).unwrap_or(Manad::av(chrono::NaiveDate::MIN)),
            Period::Ar(a) => Manad::new(a, 12).unwrap_or(Manad::av(chrono::NaiveDate::MIN)),
        }
    }

    /// The months of the period, in order.
    pub fn manader(self) -> Vec<Manad> {
        let mut m = self.forsta();
        let mut ut = vec![m];
        while m < self.sista() {
            m = m.nasta();
            ut.push(m);
        }
        ut
    }

    pub fn innehaller(self, m: Manad) -> bool {
        self.forsta() <= m && m <= self.sista()
    }

    /// The period as a file name part: `2026-T1`, `2026`, `2026-03`.
    pub fn kod(self) -> String {
        match self {
            Period::Manad(m) => m.to_string(),
            Period::Tertial(a, t) => format!("{a}-T{t}"),
            Period::Ar(a) => a.to_string(),
        }
    }

    /// The same kind of period just before this one (to step back in the window).
    pub fn foregaende(self) -> Period {
        match self {
            Period::Manad(m) => Period::Manad(m.foregaende()),
            Period::Tertial(a, 1) => Period::Tertial(a - 1, 3),
            Period::Tertial(a, t) => Period::Tertial(a, t - 1),
            Period::Ar(a) => Period::Ar(a - 1),
        }
    }

    pub fn nasta(self) -> Period {
        match self {
            Period::Manad(m) => Period::Manad(m.nasta()),
            Period::Tertial(a, 3) => Period::Tertial(a + 1, 1),
            Period::Tertial(a, t) => Period::Tertial(a, t + 1),
            Period::Ar(a) => Period::Ar(a + 1),
        }
    }
}

/// "tertial 1 2026 (januari–april)", "år 2026", "mars 2026".
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Manad(m) => f.write_str(&m.namn()),
            Period::Tertial(a, t) => {
                let namn = |m: Manad| m.namn().split(' ').next().unwrap_or_default().to_string();
                write!(f, "tertial {t} {a} ({}–{})", namn(self.forsta()), namn(self.sista()))
            }
            Period::Ar(a) => write!(f, "år {a}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tertials_years_and_months_parse_and_span_their_months() {
        let t1 = Period::parse("2026-T1").unwrap();
        assert_eq!(t1, Period::Tertial(2026, 1));
        assert_eq!(t1.manader().len(), 4);
        assert_eq!(Period::parse("2026-t3").unwrap().forsta().to_string(), "2026-09");
        assert_eq!(Period::parse("2026").unwrap().manader().len(), 12);
        assert_eq!(Period::parse("2026-03").unwrap().manader().len(), 1);
        assert!(Period::parse("2026-T4").unwrap_err().contains("2026-T1"));
        assert!(Period::parse("T1").is_err());
        assert_eq!(t1.to_string(), "tertial 1 2026 (januari–april)");
        assert_eq!(t1.foregaende(), Period::Tertial(2025, 3));
        assert_eq!(t1.kod(), "2026-T1");
    }
}

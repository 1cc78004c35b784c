//! Payments of granted money: the payee's account, the unit's payment calendar and the
//! order's state. Pure types and rules; the bank file is written by [`pain001`].

pub mod pain001;

use crate::domain::Belopp;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Where the money goes: the client's bank account, or a bankgiro or plusgiro (a landlord or supplier).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Konto {
    /// Clearing number and account number, digits only.
    Bankkonto {
        clearing: String,
        nummer: String,
    },
    Bankgiro(String),
    Plusgiro(String),
}

impl Konto {
    /// The stored kind: `bankkonto`, `bankgiro` or `plusgiro`.
    pub fn typ(&self) -> &'static str {
        match self {
            Konto::Bankkonto { .. } => "bankkonto",
            Konto::Bankgiro(_) => "bankgiro",
            Konto::Plusgiro(_) => "plusgiro",
        }
    }

    /// The number as stored (digits; a bank account as clearing, space, account).
    pub fn nummer(&self) -> String {
        match self {
            Konto::Bankkonto { clearing, nummer } => format!("{clearing} {nummer}"),
            Konto::Bankgiro(n) | Konto::Plusgiro(n) => n.clone(),
        }
    }

    /// Back from the stored kind and number; `None` when they do not make an account.
    pub fn fran_lagrat(typ: &str, nummer: &str) -> Option<Konto> {
        match typ {
            "bankkonto" => {
                let (c, n) = nummer.split_once(' ')?;
                Some(Konto::Bankkonto { clearing: c.into(), nummer: n.into() })
            }
            "bankgiro" => Some(Konto::Bankgiro(nummer.into())),
            "plusgiro" => Some(Konto::Plusgiro(nummer.into())),
            _ => None,
        }
    }

    /// Parses what a person types, checking the lengths Swedish numbers have:
    /// bankgiro 7–8 digits, plusgiro 2–8, clearing 4–5 and account 1–12.
    pub fn tolka(typ: &str, clearing: &str, nummer: &str) -> Result<Konto, String> {
        let siffror = |t: &str| t.chars().filter(|c| c.is_ascii_digit()).collect::<String>();
        let bara_siffror = |t: &str| t.chars().all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
        if !bara_siffror(nummer) || !bara_siffror(clearing) {
            return Err("Kontonumret får bara innehålla siffror (och bindestreck).".into());
        }
        let n = siffror(nummer);
        match typ {
            "bankgiro" if (7..=8).contains(&n.len()) => Ok(Konto::Bankgiro(n)),
            "bankgiro" => Err("Ett bankgironummer har 7 eller 8 siffror.".into()),
            "plusgiro" if (2..=8).contains(&n.len()) => Ok(Konto::Plusgiro(n)),
            "plusgiro" => Err("Ett plusgironummer har 2 till 8 siffror.".into()),
            "bankkonto" => {
                let c = siffror(clearing);
                if !(4..=5).contains(&c.len()) {
                    return Err("Clearingnumret har 4 eller 5 siffror.".into());
                }
                if !(1..=12).contains(&n.len()) {
                    return Err("Kontonumret har 1 till 12 siffror.".into());
                }
                Ok(Konto::Bankkonto { clearing: c, nummer: n })
            }
            _ => Err("Välj bankkonto, bankgiro eller plusgiro.".into()),
        }
    }
}

impl std::fmt::Display for Konto {
    /// "bankgiro 5555-1234", "plusgiro 12 34 56-7", "konto 8327-9 123 456 789".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Konto::Bankgiro(n) => {
                let (a, b) = n.split_at(n.len().saturating_sub(4));
                write!(f, "bankgiro {a}-{b}")
            }
            Konto::Plusgiro(n) => {
                let (a, b) = n.split_at(n.len().saturating_sub(1));
                write!(f, "plusgiro {a}-{b}")
            }
            Konto::Bankkonto { clearing, nummer } => write!(f, "konto {clearing}-{nummer}"),
        }
    }
}

/// Who is paid: name, account and the reference the payee needs (invoice or OCR number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mottagare {
    pub namn: String,
    pub konto: Konto,
    pub referens: String,
}

impl Mottagare {
    /// The payee a decision names in its words when they give a giro ("hyresvärden AB
    /// Bostäder, bankgiro 5555-1234"); `None` for anything else ("det konto du har anmält").
    pub fn fran_beslutet(betalas_till: &str) -> Option<Mottagare> {
        let (namn, konto) = betalas_till.split_once(',')?;
        ["bankgiro", "plusgiro"].iter().find_map(|typ| {
            let nummer = konto.trim().strip_prefix(typ)?.trim().trim_end_matches('.');
            let konto = Konto::tolka(typ, "", nummer).ok()?;
            Some(Mottagare { namn: namn.trim().to_string(), konto, referens: String::new() })
        })
    }

    /// The payee in a letter's words: "AB Bostäder, bankgiro 5555-1234".
    pub fn i_text(&self) -> String {
        format!("{}, {}", self.namn.trim(), self.konto)
    }
}

/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    AttAttestera,
    Attesterad,
    Stoppad,
    Exporterad,
    /// Paid out, and came back from the bank.
    Aterkommen,
}

impl Status {
    pub fn namn(self) -> &'static str {
        match self {
            Status::AttAttestera => "Att attestera",
            Status::Attesterad => "Attesterad",
            Status::Stoppad => "Stoppad",
            Status::Exporterad => "Skickad till banken",
            Status::Aterkommen => "Återkommen",
        }
    }
}

/// One payment order as the kassa sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Betalningsorder {
    pub id: i64,
    pub beslut_id: i64,
    /// The decision post paid (0 = the first).
    pub post: i64,
    pub arende_id: i64,
    pub arendenummer: String,
    pub belopp: Belopp,
    pub mottagare: Mottagare,
    pub betalningsdag: NaiveDate,
    pub beslutsfattare: String,
    pub attesterad_av: Option<String>,
    pub status: Status,
}

/// The unit's bank details, as the bank file names the payer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Avsandare {
    pub namn: String,
    pub organisationsnummer: String,
    /// The unit's own bankgiro, the account the money is taken from.
    pub bankgiro: String,
    pub bic: String,
}

/// One version of the payment calendar and bank details, valid from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Utbetalningsregler {
    pub galler_fran: NaiveDate,
    pub avsandare: Avsandare,
    /// ISO weekdays (1 = Monday) the bank pays on.
    pub utbetalningsveckodagar: Vec<u32>,
    /// Bank holidays and other days nothing is paid.
    pub stangda_dagar: Vec<NaiveDate>,
}

/// The shipped calendar and bank details, with every version; an example to be replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Utbetalningsdata {
    /// True for the shipped example: the kassa view says so.
    pub exempel: bool,
    pub versioner: Vec<Utbetalningsregler>,
}

impl Utbetalningsdata {
    /// The version valid on `dag` (the newest that has begun).
    pub fn galler(&self, dag: NaiveDate) -> Option<&Utbetalningsregler> {
        self.versioner.iter().filter(|v| v.galler_fran <= dag).max_by_key(|v| v.galler_fran)
    }

    /// The first payment day on or after `onskad`: a day the bank pays that is not closed.
    pub fn betalningsdag(&self, onskad: NaiveDate) -> NaiveDate {
        let Some(r) = self.galler(onskad) else { return onskad };
        if r.utbetalningsveckodagar.is_empty() {
            return onskad;
        }
        let mut dag = onskad;
        for _ in 0..370 {
            let veckodag = dag.weekday().number_from_monday();
            if r.utbetalningsveckodagar.contains(&veckodag) && !r.stangda_dagar.contains(&dag) {
                return dag;
            }
            dag = dag.succ_opt().unwrap_or(dag);
        }
        onskad
    }
}

/// The shipped example calendar (src/data/utbetalning.json).
pub fn levererade_utbetalningsregler() -> Utbetalningsdata {
    serde_json::from_str(include_str!("../../data/utbetalning.json"))
        .unwrap_or(Utbetalningsdata { exempel: true, versioner: vec![] })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(t: &str) -> NaiveDate {
        t.parse().unwrap()
    }

    #[test]
    fn payment_day_skips_weekends_and_closed_days() {
        let k = levererade_utbetalningsregler();
        assert!(k.exempel);
        // 2026-12-24 is a Thursday but closed; 25th closed, 26–27 weekend, 28 Monday.
        assert_eq!(k.betalningsdag(d("2026-12-24")), d("2026-12-28"));
        assert_eq!(k.betalningsdag(d("2026-11-25")), d("2026-11-25"));
        assert_eq!(k.betalningsdag(d("2026-11-28")), d("2026-11-30"));
    }

    #[test]
    fn accounts_are_checked_and_shown_the_swedish_way() {
        assert_eq!(Konto::tolka("bankgiro", "", "5555-1234").unwrap().to_string(), "bankgiro 5555-1234");
        assert_eq!(Konto::tolka("plusgiro", "", "123456-7").unwrap().to_string(), "plusgiro 123456-7");
        assert!(Konto::tolka("bankgiro", "", "123").is_err());
        assert!(Konto::tolka("bankkonto", "83", "123").is_err());
        let k = Konto::tolka("bankkonto", "8327-9", "123 456 789").unwrap();
        assert_eq!(Konto::fran_lagrat(k.typ(), &k.nummer()), Some(k));
    }
}

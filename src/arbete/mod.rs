//! Use cases: one function per user action, between the screens (and the CLI) and the store.
//!
//! Every action validates, checks that the actor may do it ([`Aktor::far`]), writes in one
//! transaction, writes the event-log line and the automatic journal line, and returns a typed
//! result. The window and the CLI call the same functions; screens only draw and collect input.

pub mod ansokan;
pub mod arende;
pub mod aterkrav;
pub mod beslut;
pub mod brev;
pub mod delegation;
pub mod fia;
pub mod ib;
pub mod installningar;
pub mod journal;
pub mod plan;
pub mod screening;
pub mod skrivare;
pub mod utbetalning;

use crate::domain::hushall::FaltFel;
use crate::domain::journal::NyJournalPost;
use crate::domain::norm::Berakningsfel;
use crate::store::{Handelse, Resultat, Skrivning, StoreError};
use crate::utskrift::Utskriftsfel;
use chrono::NaiveDateTime;
use std::fmt;

/// Who acts, and when. Every use case receives it: permission checks will be made here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aktor {
    pub namn: String,
    pub nu: NaiveDateTime,
}

impl Aktor {
    pub fn ny(namn: impl Into<String>, nu: NaiveDateTime) -> Aktor {
        Aktor { namn: namn.into(), nu }
    }

    /// Whether this actor may take the action. Everyone may do everything until roles and
    /// attest arrive; then this is the one place that refuses.
    pub fn far(&self, _atgard: Handelse) -> Result<(), Arbetsfel> {
        Ok(())
    }
}

/// Why an action was not carried out, in words a caseworker can act on.
#[derive(Debug)]
pub enum Arbetsfel {
    /// The input is incomplete or wrong; each message belongs to a field.
    Falt(Vec<FaltFel>),
    /// The input cannot be used, with the reason.
    Ogiltig(String),
    /// The store refused or failed.
    Databas(StoreError),
    /// The letter could not be made or saved.
    Utskrift(Utskriftsfel),
    /// The month cannot be calculated.
    Berakning(Berakningsfel),
}

impl fmt::Display for Arbetsfel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arbetsfel::Falt(fel) => match fel.as_slice() {
                [ett] => f.write_str(&ett.text),
                _ => write!(f, "Rätta de {} uppgifter som är markerade.", fel.len()),
            },
            Arbetsfel::Ogiltig(t) => f.write_str(t),
            Arbetsfel::Databas(e) => e.fmt(f),
            Arbetsfel::Utskrift(e) => e.fmt(f),
            Arbetsfel::Berakning(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Arbetsfel {}

impl From<StoreError> for Arbetsfel {
    fn from(e: StoreError) -> Arbetsfel {
        Arbetsfel::Databas(e)
    }
}

impl From<Utskriftsfel> for Arbetsfel {
    fn from(e: Utskriftsfel) -> Arbetsfel {
        Arbetsfel::Utskrift(e)
    }
}

impl From<Berakningsfel> for Arbetsfel {
    fn from(e: Berakningsfel) -> Arbetsfel {
        Arbetsfel::Berakning(e)
    }
}

impl From<Vec<FaltFel>> for Arbetsfel {
    fn from(fel: Vec<FaltFel>) -> Arbetsfel {
        Arbetsfel::Falt(fel)
    }
}

/// What every action leaves behind: the event-log line and the automatic journal line
/// (`rubrik` as the heading, `rubrik: detalj` as the text), written in the action's transaction.
pub(crate) struct Spar<'a> {
    pub handelse: Handelse,
    pub arende_id: i64,
    /// The event log's detail.
    pub logg: &'a str,
    /// The journal heading ("Beslut fattat").
    pub rubrik: &'a str,
    /// What the journal line says after the heading.
    pub detalj: &'a str,
}

impl Spar<'_> {
    pub fn skriv(&self, w: &Skrivning, aktor: &Aktor) -> Resultat<()> {
        w.logga(self.handelse, Some(self.arende_id), &aktor.namn, self.logg, aktor.nu)?;
        let post = NyJournalPost {
            datum: aktor.nu.date(),
            rubrik: self.rubrik.to_string(),
            text: journalrad(self.rubrik, self.detalj),
            ersatter: None,
        };
        w.skriv_journal(self.arende_id, &post, &aktor.namn, aktor.nu)?;
        Ok(())
    }
}

/// The automatic journal line: "Beslut fattat: försörjningsstöd november 2026, bifall 16 300 kr".
pub fn journalrad(rubrik: &str, detalj: &str) -> String {
    if detalj.trim().is_empty() { format!("{rubrik}.") } else { format!("{rubrik}: {detalj}") }
}

//! Use cases: one function per user action, between the screens (and the CLI) and the store.
//!
//! Every action validates, checks that the actor may do it ([`Aktor::far`]), writes in one
//! transaction, writes the event-log line and the automatic journal line, and returns a typed
//! result. The window and the CLI call the same functions; screens only draw and collect input.

pub mod ansokan;
pub mod anvandare;
pub mod arende;
pub mod arshjul;
pub mod aterkrav;
pub mod behorighet;
pub mod beslut;
pub mod brev;
pub mod delegation;
pub mod fia;
pub mod hushall;
pub mod ib;
pub mod installningar;
pub mod journal;
pub mod loggkontroll;
pub mod plan;
pub mod screening;
pub mod skrivare;
pub mod statistik;
pub mod utbetalning;

use crate::domain::anvandare::Roll;
use crate::domain::hushall::FaltFel;
use crate::domain::journal::NyJournalPost;
use crate::domain::norm::Berakningsfel;
use crate::store::{Anvandare, Handelse, Resultat, Skrivning, Store, StoreError};
use crate::utskrift::Utskriftsfel;
use chrono::NaiveDateTime;
use std::fmt;

/// Who acts, and when: the logged-in user (login name, name, title, role) and the time.
/// Every use case receives it and asks [`Aktor::far`] before it reads or writes anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aktor {
    pub login: String,
    pub namn: String,
    pub titel: String,
    pub roll: Roll,
    pub nu: NaiveDateTime,
}

impl Aktor {
    /// A test or demo actor: a 1:e socialsekreterare whose login name is `namn`. Never used
    /// for a person at the window or the command line (they log in: [`Aktor::som`]).
    pub fn ny(namn: impl Into<String>, nu: NaiveDateTime) -> Aktor {
        let namn = namn.into();
        Aktor {
            login: namn.clone(),
            namn,
            titel: "1:e socialsekreterare".into(),
            roll: Roll::ForsteSocialsekreterare,
            nu,
        }
    }

    /// The logged-in user, acting at `nu`.
    pub fn som(anvandare: &Anvandare, nu: NaiveDateTime) -> Aktor {
        Aktor {
            login: anvandare.login.clone(),
            namn: anvandare.namn.clone(),
            titel: anvandare.titel.clone(),
            roll: anvandare.roll,
            nu,
        }
    }

    /// The same actor in another role (tests of the permission table).
    pub fn med_roll(mut self, roll: Roll) -> Aktor {
        self.roll = roll;
        self
    }

    /// The same actor at another time.
    pub fn vid(&self, nu: NaiveDateTime) -> Aktor {
        Aktor { nu, ..self.clone() }
    }

    /// [`Aktor::far`] for a change to one case, and for a handläggare also that the case is hers
    /// (its socialsekreterare or bidragshandläggare): a case she opened with a reason she may
    /// read, not change.
    pub fn far_i_arende(&self, store: &Store, atgard: Handelse, arende_id: i64) -> Result<(), Arbetsfel> {
        self.far(atgard)?;
        if self.roll == Roll::Handlaggare {
            let arende = store.arende(arende_id)?;
            if !behorighet::tilldelad(&arende, &self.namn, &self.login) {
                return Err(Arbetsfel::Behorighet(behorighet::inte_ditt(&arende.arendenummer)));
            }
        }
        Ok(())
    }

    /// Whether this actor's role may take the action: the one place that refuses (the table
    /// is in [`behorighet`]). A refusal is a Swedish sentence, and nothing has been written.
    pub fn far(&self, atgard: Handelse) -> Result<(), Arbetsfel> {
        if behorighet::tillater(self.roll, atgard) {
            Ok(())
        } else {
            Err(Arbetsfel::Behorighet(behorighet::nekad(self.roll, atgard)))
        }
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
    /// The user's role may not do this; nothing was written.
    Behorighet(String),
    /// The case is not the user's: opening it needs a reason (asked for in a dialog).
    SkalKravs(String),
}

impl fmt::Display for Arbetsfel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arbetsfel::Falt(fel) => match fel.as_slice() {
                [ett] => f.write_str(&ett.text),
                _ => write!(f, "Rätta de {} uppgifter som är markerade.", fel.len()),
            },
            Arbetsfel::Ogiltig(t) | Arbetsfel::Behorighet(t) | Arbetsfel::SkalKravs(t) => f.write_str(t),
            Arbetsfel::Databas(e) => e.fmt(f),
            Arbetsfel::Utskrift(e) => e.fmt(f),
            Arbetsfel::Berakning(e) => e.fmt(f),
        }
    }
}

impl Arbetsfel {
    /// Whether another user saved the same row after this user loaded it (nothing was written;
    /// the screen offers to read the new version).
    pub fn ar_krock(&self) -> bool {
        matches!(self, Arbetsfel::Databas(StoreError::Krock { .. }))
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
        w.logga(self.handelse, Some(self.arende_id), &aktor.login, self.logg, aktor.nu)?;
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

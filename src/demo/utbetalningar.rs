//! A month of payment orders for the demo: every granted decision of this and last month is
//! ordered (every third to a landlord's bankgiro, the rest to the client's account), and most
//! are attested by a fictitious kassa person who made none of the decisions.

use crate::domain::Belopp;
use crate::domain::betalning::{Konto, Mottagare, levererade_utbetalningsregler};
use crate::domain::manad::Manad;
use crate::store::{NyUtbetalning, Resultat, Store};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeSet;

/// The demo's kassa: fictitious, and never a decider in the demo.
pub const DEMOKASSA: &str = "Kim Kassasson";

/// Orders and (mostly) attests the payments of this and last month's granted decisions.
pub(super) fn bestall(store: &mut Store, nu: NaiveDateTime) -> Resultat<()> {
    let kalender = levererade_utbetalningsregler();
    let denna = Manad::av(nu.date());
    let mut beslut = store.beslut_for_period(denna.foregaende())?;
    beslut.extend(store.beslut_for_period(denna)?);
    let mut nya = Vec::new();
    for (i, rad) in beslut.iter().enumerate() {
        let b = store.beslut(rad.id)?;
        let onskad =
            b.underlag.as_ref().and_then(|u| u.utbetalning.as_ref()).map(|u| u.datum).unwrap_or(b.beslut.datum);
        for (post, p) in b.beslut.poster.iter().enumerate().filter(|(_, p)| p.beviljat > Belopp::NOLL) {
            let mottagare = mottagare(i, rad.id);
            nya.push(NyUtbetalning {
                beslut_id: rad.id,
                ordning: post as i64,
                belopp: p.beviljat,
                mottagare,
                betalningsdag: kalender.betalningsdag(onskad),
            });
        }
    }
    store.skriv(|w| {
        for (i, n) in nya.iter().enumerate() {
            let id = w.ny_utbetalning(n, "Demo", nu)?;
            // Every fifth waits for the kassa to attest.
            if i % 5 != 4 {
                w.attestera_utbetalning(id, DEMOKASSA, nu)?;
            }
        }
        Ok(())
    })
}

/// A fictitious landlord's bankgiro or client account (clearing 9999 belongs to no bank).
fn mottagare(i: usize, beslut_id: i64) -> Mottagare {
    if i.is_multiple_of(3) {
        Mottagare {
            namn: "Exempelbostäder AB".into(),
            konto: Konto::Bankgiro(format!("5555{:04}", beslut_id % 10_000)),
            referens: format!("Hyra, avi {}", 100_000 + beslut_id),
        }
    } else {
        Mottagare {
            namn: "Klientens konto".into(),
            konto: Konto::Bankkonto { clearing: "9999".into(), nummer: format!("{:010}", 1_000_000 + beslut_id) },
            referens: "Försörjningsstöd".into(),
        }
    }
}

/// The days the demo's orders are paid (for tests and the kassa view's first day).
pub fn utbetalningsdagar(store: &Store) -> Resultat<BTreeSet<NaiveDate>> {
    store.utbetalningsdagar()
}

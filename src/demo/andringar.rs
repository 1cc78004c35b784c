//! Hand-made households that changed after registration, so the history shows in training: a
//! baby born this month in the sambo family with three children, and the married couple's
//! partner who moved out at the end of last month (with the new address).

use super::Demohushall;
use crate::arbete::{Aktor, hushall::registrera_i};
use crate::domain::hushall::{Medlem, Person, Roll};
use crate::domain::hushallsandring::Andring;
use crate::domain::manad::Manad;
use crate::domain::personnummer::Personnummer;
use crate::store::{Resultat, Skrivning};
use chrono::{Days, NaiveDateTime};
use std::collections::HashSet;

/// The sambo family with three children (hand-made case 3) and the married couple (case 12).
const BARN_FOTT: usize = 2;
const PARTNER_FLYTTAT: usize = 11;

pub(super) fn skriv(
    w: &Skrivning,
    anvanda: &mut HashSet<String>,
    hushall: &[Demohushall],
    arenden: &[i64],
    nu: NaiveDateTime,
) -> Resultat<()> {
    let idag = nu.date();
    if let (Some(h), Some(&id)) = (hushall.get(BARN_FOTT), arenden.get(BARN_FOTT)) {
        let fodd = idag.checked_sub_days(Days::new(9)).unwrap_or(idag);
        let efternamn = h.hushall.sokande().efternamn.clone();
        // A free fictitious number (980–999) without drawing from the seeded sequence, so the
        // generated households after this one stay the same.
        let pnr = (980..1000u16)
            .filter_map(|serial| Personnummer::from_parts(fodd, serial, false))
            .find(|p| anvanda.insert(p.twelve_digits()));
        if let Some(pnr) = pnr {
            let medlem = Medlem {
                person: Person { pnr, fornamn: "Alva".into(), efternamn },
                roll: Roll::Barn,
                lunch_utanfor_hemmet: false,
                gar_i_gymnasiet: false,
            };
            let aktor = Aktor::ny(h.arende.socialsekreterare.clone(), nu);
            registrera_i(w, &aktor, id, &Andring::FlyttarIn { medlem, relation: None, fran: fodd, fodd: true })?;
        }
    }
    if let (Some(h), Some(&id)) = (hushall.get(PARTNER_FLYTTAT), arenden.get(PARTNER_FLYTTAT)) {
        let partner = h.hushall.medlemmar.iter().find(|m| m.roll == Roll::Medsokande);
        if let Some(partner) = partner {
            let till = Manad::av(idag).foregaende().sista_dagen().max(h.arende.startdatum);
            let andring = Andring::FlyttarUt {
                pnr: partner.person.pnr,
                till,
                flyttat_till: "Tallvägen 5, 123 48 Stockholm".into(),
            };
            let aktor = Aktor::ny(h.arende.socialsekreterare.clone(), nu);
            registrera_i(w, &aktor, id, &andring)?;
        }
    }
    Ok(())
}

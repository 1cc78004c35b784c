//! Demo applications: last month's for every current hand-made case, so "Kopiera förra
//! månaden" has something to copy, and this month's for the training family.

use crate::domain::ansokan::Ansokan;
use crate::domain::belopp::Belopp;
use crate::domain::hushall::{Medlem, Roll};
use crate::domain::manad::Manad;
use crate::domain::norm::{
    Inkomst, Inkomsttyp, Kostnad, Kostnadstyp, NormMedlem, Normtabell, Regler, Underlag, berakna,
};
use crate::store::{Resultat, Skrivning, StoreError};
use chrono::{NaiveDate, NaiveDateTime};

fn kr(k: i64) -> Belopp {
    Belopp::kronor(k)
}

fn kostnad(typ: Kostnadstyp, belopp: i64) -> Kostnad {
    Kostnad { typ, ansokt: kr(belopp), godkant: None, motivering: String::new() }
}

fn inkomst(typ: Inkomsttyp, belopp: i64, person: Option<usize>) -> Inkomst {
    Inkomst { typ, belopp: kr(belopp), person, jobbstimulans: false, tidigare_i_ar: Belopp::NOLL }
}

/// A plausible month for a household: rent by size, electricity, insurance, child benefit.
pub(super) fn ansokan(medlemmar: &[Medlem], manad: Manad, inkom: NaiveDate, utbildningsfamilj: bool) -> Ansokan {
    let barn = medlemmar.iter().filter(|m| m.roll == Roll::Barn).count() as i64;
    let mut kostnader = vec![
        kostnad(Kostnadstyp::Boende, 5200 + 1100 * medlemmar.len() as i64),
        kostnad(Kostnadstyp::Hushallsel, 350 + 60 * medlemmar.len() as i64),
        kostnad(Kostnadstyp::Hemforsakring, 160),
    ];
    let mut inkomster = Vec::new();
    if barn > 0 {
        inkomster.push(inkomst(Inkomsttyp::Barnbidrag, 1250 * barn, None));
    }
    if utbildningsfamilj {
        // The training case: wages that normally suffice, and the electricity debt of 7 000 kr.
        kostnader.push(Kostnad {
            typ: Kostnadstyp::OvrigKostnad,
            ansokt: kr(7000),
            godkant: None,
            motivering: "Elskuld efter barnets hjärtoperation; avstängningsbesked".into(),
        });
        inkomster.push(inkomst(Inkomsttyp::Lon, 21_400, Some(1)));
        inkomster.push(inkomst(Inkomsttyp::Lon, 9_800, Some(0)));
    }
    Ansokan {
        inkom,
        komplett: true,
        saknas: String::new(),
        underlag: Underlag {
            manad,
            medlemmar: medlemmar
                .iter()
                .map(|m| NormMedlem {
                    roll: m.roll,
                    fodd: m.person.pnr.birth_date(),
                    namn: m.person.namn(),
                    lunch_utanfor_hemmet: m.lunch_utanfor_hemmet,
                    gar_i_gymnasiet: m.gar_i_gymnasiet,
                    fran: None,
                    till: None,
                })
                .collect(),
            personer_i_bostaden: None,
            kostnader,
            inkomster,
            justeringar: vec![],
        },
    }
}

/// Computes and stores an application with the table of its year.
pub(super) fn spara(
    w: &Skrivning,
    arende_id: i64,
    a: &Ansokan,
    tabeller: &[(i64, Normtabell)],
    regler: &Regler,
    nu: NaiveDateTime,
) -> Resultat<()> {
    let Some((id, tabell)) = tabeller.iter().find(|(_, t)| t.ar == a.underlag.manad.ar()) else {
        return Ok(()); // No table for that year: the demo simply has no application then.
    };
    let resultat = berakna(&a.underlag, tabell, regler).map_err(StoreError::Regel)?;
    w.spara_ansokan(arende_id, a, *id, regler, &resultat, nu)?;
    Ok(())
}

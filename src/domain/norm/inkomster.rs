//! Incomes in the month's calculation, with the two rules that leave part of earned income
//! uncounted, each line naming the law of the month applied for:
//! - the särskild beräkningsregel (formerly jobbstimulans; 4 kap. 1 b § / 12 kap. 8 §): a
//!   share of net earned income is not counted, for at most a number of months from its start;
//! - children's own earnings (4 kap. 1 a § / 12 kap. 9 §): not counted up to a yearly limit,
//!   and only while the child goes to school.

use super::poster::{Inkomst, Inkomsttyp, NormMedlem, Regler, Underlag};
use crate::domain::belopp::Belopp;
use crate::domain::beslut::lagrum::{Amne, levererade_lagrum};
use crate::domain::hushall::Roll;
use crate::domain::klarsprak::{antal, manad};
use crate::domain::manad::Manad;
use crate::domain::personnummer::age_at;
use rust_decimal::Decimal;

/// How one income line is counted: the amount that reduces the need, the line's text, and a
/// warning to show, if any.
pub(super) struct Raknad {
    pub raknas: Belopp,
    pub text: String,
    pub varning: Option<String>,
}

/// " (12 kap. 8 § socialtjänstlagen (2025:400))" for the law in force in `m`.
fn kalla(amne: Amne, m: Manad) -> String {
    levererade_lagrum().citera(amne, m.forsta_dagen()).map(|c| format!(" ({c})")).unwrap_or_default()
}

/// Whether a child's earnings can be left uncounted: a child living at home who goes to
/// school (under 16 in grundskola; from 16 only when marked as attending gymnasiet or similar).
fn barnet_gar_i_skolan(m: &NormMedlem, u: &Underlag) -> bool {
    age_at(m.fodd, u.manad.forsta_dagen()) < 16 || m.gar_i_gymnasiet
}

/// Counts one income line of the household.
pub(super) fn rakna(ink: &Inkomst, rubrik: &str, u: &Underlag, regler: &Regler) -> Raknad {
    let medlem = ink.person.and_then(|i| u.medlemmar.get(i));
    let barn = medlem.filter(|m| m.roll == Roll::Barn);
    match (ink.typ, barn) {
        (Inkomsttyp::Lon, Some(m)) if barnet_gar_i_skolan(m, u) => barns_lon(ink, rubrik, u, regler),
        (Inkomsttyp::Lon, Some(_)) => Raknad {
            raknas: ink.belopp,
            text: format!(
                "{rubrik}: barnet går inte i skolan, så hela arbetsinkomsten räknas{}",
                kalla(Amne::BarnsInkomster, u.manad)
            ),
            varning: None,
        },
        (Inkomsttyp::Lon, None) if ink.jobbstimulans => sarskild_regel(ink, rubrik, u, regler),
        _ => Raknad { raknas: ink.belopp, text: rubrik.to_string(), varning: None },
    }
}

fn barns_lon(ink: &Inkomst, rubrik: &str, u: &Underlag, regler: &Regler) -> Raknad {
    let varning = (!regler.barns_inkomstgrans_verifierad).then(|| {
        format!(
            "Gränsen för barns egna arbetsinkomster ({} per år) är en inställning som inte är verifierad mot gällande lag.",
            regler.barns_inkomstgrans
        )
    });
    let kvar = if ink.tidigare_i_ar >= regler.barns_inkomstgrans {
        Belopp::NOLL
    } else {
        regler.barns_inkomstgrans - ink.tidigare_i_ar
    };
    let fritt = if ink.belopp < kvar { ink.belopp } else { kvar };
    let raknas = ink.belopp - fritt;
    let text = format!(
        "{rubrik}: {}, barns arbetsinkomst räknas inte upp till {} per år medan barnet går i skolan (tidigare i år {}); {} räknas inte, {} räknas{}",
        ink.belopp,
        regler.barns_inkomstgrans,
        ink.tidigare_i_ar,
        fritt,
        raknas,
        kalla(Amne::BarnsInkomster, u.manad)
    );
    Raknad { raknas, text, varning }
}

fn sarskild_regel(ink: &Inkomst, rubrik: &str, u: &Underlag, regler: &Regler) -> Raknad {
    let kalla = kalla(Amne::SarskildBerakningsregel, u.manad);
    let max = regler.jobbstimulans_max_manader;
    let mut varning = None;
    match ink.berakningsregel_fran.map(|start| (start, u.manad.ordning_fran(start))) {
        Some((start, nr)) if nr < 1 => {
            return Raknad {
                raknas: ink.belopp,
                text: format!(
                    "{rubrik}: den särskilda beräkningsregeln (jobbstimulans) börjar först {}, så hela lönen räknas{kalla}",
                    manad(start)
                ),
                varning: None,
            };
        }
        Some((start, nr)) if nr > i64::from(max) => {
            return Raknad {
                raknas: ink.belopp,
                text: format!(
                    "{rubrik}: den särskilda beräkningsregeln (jobbstimulans) gäller högst {} från {} och har upphört, så hela lönen räknas{kalla}",
                    antal(u64::from(max), "månad", "månader"),
                    manad(start)
                ),
                varning: None,
            };
        }
        Some(_) => {}
        None => {
            varning = Some(format!(
                "Startmånaden för den särskilda beräkningsregeln (jobbstimulans) är inte angiven; regeln gäller högst {} från start. Kontrollera att den fortfarande gäller.",
                antal(u64::from(max), "månad", "månader")
            ))
        }
    }
    let fritt = (ink.belopp * regler.jobbstimulans_andel).till_ore();
    let procent = (regler.jobbstimulans_andel * Decimal::ONE_HUNDRED).normalize();
    let manadstext = ink
        .berakningsregel_fran
        .map(|s| format!(", månad {} av högst {max}", u.manad.ordning_fran(s)))
        .unwrap_or_default();
    let text = format!(
        "{rubrik}: {}, särskild beräkningsregel (jobbstimulans){manadstext}: {procent} % ({fritt}) räknas inte{kalla}",
        ink.belopp
    );
    Raknad { raknas: ink.belopp - fritt, text, varning }
}

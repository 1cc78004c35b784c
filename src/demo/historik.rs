//! Months of history for a generated household (`bistand demo --manader N`): a monthly
//! application with varying costs and incomes, a decision of every outcome, journal notes, an
//! agreed plan for some, and a closure followed by a reopening for a few.

use super::ansokningar::{self, Demoutfall};
use super::{Demohushall, Slump, planer};
use crate::domain::arende::{ArendeStatus, Avslutsorsak};
use crate::domain::hushall::Roll;
use crate::domain::journal::NyJournalPost;
use crate::domain::manad::Manad;
use crate::domain::norm::{Inkomsttyp, Kostnadstyp, Normtabell, Regler};
use crate::store::{Handelse, Resultat, Skrivning};
use chrono::{Days, NaiveDate, NaiveDateTime};

/// What every household's history is computed with.
pub(super) struct Miljo<'a> {
    pub tabeller: &'a [(i64, Normtabell)],
    pub regler: &'a Regler,
}

/// The months a case applied in: from the month it started to last month, or to the month
/// before it was closed.
fn manader(h: &Demohushall, idag: NaiveDate) -> Vec<Manad> {
    let forsta = Manad::av(h.arende.startdatum);
    let sista = match h.avslut {
        Some((_, datum)) if h.arende.status == ArendeStatus::Avslutad => Manad::av(datum).foregaende(),
        _ => Manad::av(idag).foregaende(),
    };
    let mut v = Vec::new();
    let mut m = forsta;
    while m <= sista {
        v.push(m);
        m = m.nasta();
    }
    v
}

/// How a household's income varies from month to month.
#[derive(Clone, Copy)]
enum Inkomstprofil {
    Ingen,
    AKassa,
    Deltid,
    Sjukpenning,
    Aktivitetsstod,
}

const JOURNAL: &[(&str, &str)] = &[
    ("Månadsuppföljning", "Ansökan för månaden inkommen och komplett. Inga förändringar i hushållet."),
    (
        "Telefonsamtal",
        "Klienten ringde och frågade om utbetalningsdagen. Informerat om att beslut fattas inom en vecka.",
    ),
    ("Besök", "Uppföljande besök. Vi gick igenom arbetssökandet och nästa steg i planen."),
    ("Månadsuppföljning", "Ansökan inkommen. Kontoutdrag och hyresavi bifogade."),
    ("Samverkan", "Avstämning med Arbetsförmedlingen om klientens aktiviteter."),
];

/// Writes the household's history (applications, decisions, journal, plan, reopening).
pub(super) fn skriv(
    w: &Skrivning,
    slump: &mut Slump,
    arende_id: i64,
    h: &Demohushall,
    miljo: &Miljo,
    nu: NaiveDateTime,
) -> Resultat<()> {
    let idag = nu.date();
    let handlaggare = h.arende.socialsekreterare.as_str();
    let manader = manader(h, idag);
    let profil = match slump.under(100) {
        0..=39 => Inkomstprofil::Ingen,
        40..=59 => Inkomstprofil::AKassa,
        60..=74 => Inkomstprofil::Deltid,
        75..=84 => Inkomstprofil::Sjukpenning,
        _ => Inkomstprofil::Aktivitetsstod,
    };
    let sma_barn = h.hushall.medlemmar.iter().any(|m| m.roll == Roll::Barn && m.person.pnr.age_at(idag) <= 5);
    let barnomsorg = sma_barn && slump.chans(60);
    let hyra_justering = slump.under(2000) as i64 - 800;
    // A few long cases were closed for a while and reopened: no applications in the gap.
    let uppehall = (h.arende.status == ArendeStatus::Aktuell && manader.len() >= 9 && slump.chans(10)).then(|| {
        let stangd = 3 + slump.under(manader.len() - 7);
        (stangd, stangd + 1 + slump.under(2))
    });
    for (i, manad) in manader.iter().copied().enumerate() {
        if let Some((stangd, oppnad)) = uppehall {
            if i == stangd {
                stang_och_oppna(w, arende_id, handlaggare, manad, manader[oppnad + 1].forsta_dagen())?;
            }
            if (stangd..=oppnad).contains(&i) {
                continue;
            }
        }
        let inkom = manad.forsta_dagen().max(h.arende.startdatum).min(idag);
        // A child born later is not yet in the household that month.
        let fodda: Vec<_> =
            h.hushall.medlemmar.iter().filter(|m| m.person.pnr.birth_date() <= manad.sista_dagen()).cloned().collect();
        let mut a = ansokningar::ansokan(&fodda, manad, inkom, false);
        a.underlag.kostnader[0].ansokt += crate::domain::belopp::Belopp::kronor(hyra_justering);
        variera(slump, &mut a, profil, barnomsorg);
        let utfall = match slump.under(100) {
            0..=3 => {
                a.komplett = false;
                a.saknas = "kontoutdrag för månaden".into();
                Demoutfall::AvslagOfullstandig
            }
            4..=5 => Demoutfall::AvslagArbetsmarknad,
            6..=10 => Demoutfall::DelavslagHyra,
            11..=12 if manad < Manad::new(2025, 7).unwrap_or(manad) => Demoutfall::Forskott,
            _ => Demoutfall::Bifall,
        };
        if let Some(sparad) = ansokningar::spara(w, arende_id, &a, utfall, (miljo.tabeller, miljo.regler), nu)? {
            ansokningar::besluta(w, arende_id, &h.hushall, handlaggare, sparad, utfall, nu)?;
        }
        if slump.chans(60) {
            let (rubrik, text) = JOURNAL[slump.under(JOURNAL.len())];
            let datum = (inkom + Days::new(slump.under(20) as u64)).min(idag);
            journal(w, arende_id, handlaggare, datum, rubrik, text, nu)?;
        }
    }
    if h.arende.status == ArendeStatus::Aktuell && manader.len() >= 4 && slump.chans(15) {
        planer::overenskommen(w, arende_id, handlaggare, nu)?;
    }
    Ok(())
}

/// Varies a month: the household's income profile, now and then an item of livsföring i övrigt.
fn variera(slump: &mut Slump, a: &mut crate::domain::ansokan::Ansokan, profil: Inkomstprofil, barnomsorg: bool) {
    let inkomst = match profil {
        Inkomstprofil::Ingen => None,
        Inkomstprofil::AKassa => Some((Inkomsttyp::AKassa, 6000 + slump.under(5000) as i64)),
        Inkomstprofil::Deltid if slump.chans(70) => Some((Inkomsttyp::Lon, 2000 + slump.under(9000) as i64)),
        Inkomstprofil::Deltid => None,
        Inkomstprofil::Sjukpenning => Some((Inkomsttyp::Sjukpenning, 4000 + slump.under(6000) as i64)),
        Inkomstprofil::Aktivitetsstod => Some((Inkomsttyp::Aktivitetsstod, 3000 + slump.under(4000) as i64)),
    };
    if let Some((typ, belopp)) = inkomst {
        a.underlag.inkomster.push(ansokningar::inkomst(typ, belopp, Some(0)));
    }
    if barnomsorg {
        a.underlag.kostnader.push(ansokningar::kostnad(Kostnadstyp::Barnomsorg, 300 + slump.under(900) as i64));
    }
    super::livsforing::lagg_till(slump, a);
}

/// Closes the case (no application that month) and reopens it when the client applies again.
fn stang_och_oppna(w: &Skrivning, arende_id: i64, av: &str, manad: Manad, igen: NaiveDate) -> Resultat<()> {
    let stangd = manad.forsta_dagen() + Days::new(2);
    let text = "Ingen ansökan har kommit in för månaden. Ärendet avslutas.";
    journal(w, arende_id, av, stangd, "Avslut", text, stangd.and_time(chrono::NaiveTime::MIN))?;
    w.byt_status(arende_id, ArendeStatus::Avslutad, Some(Avslutsorsak::EjAnsokt), stangd)?;
    w.logga(Handelse::BytteStatus, Some(arende_id), av, ArendeStatus::Avslutad.namn(), stangd.into())?;
    let text = "Klienten har ansökt på nytt efter ett uppehåll. Ärendet aktualiseras.";
    journal(w, arende_id, av, igen, "Ny ansökan", text, igen.into())?;
    w.byt_status(arende_id, ArendeStatus::Aktuell, None, igen)?;
    w.logga(Handelse::BytteStatus, Some(arende_id), av, ArendeStatus::Aktuell.namn(), igen.into())
}

fn journal(
    w: &Skrivning,
    arende_id: i64,
    av: &str,
    datum: NaiveDate,
    rubrik: &str,
    text: &str,
    nu: NaiveDateTime,
) -> Resultat<()> {
    let post = NyJournalPost { datum, rubrik: rubrik.into(), text: text.into(), ersatter: None };
    w.skriv_journal(arende_id, &post, av, nu).map(|_| ())
}

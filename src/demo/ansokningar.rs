//! Demo applications: last month's for every current hand-made case, so "Kopiera förra
//! månaden" has something to copy, and this month's for the training family.

use crate::domain::ansokan::Ansokan;
use crate::domain::belopp::Belopp;
use crate::domain::beslut::fraser::{Frasbibliotek, Platshallare, levererade_fraser};
use crate::domain::beslut::poster::livsforingspost;
use crate::domain::beslut::underlag::{
    Beslutsgrund, Beslutsunderlag, FrusenBerakning, FrusenMottagare, Utbetalning, fingeravtryck,
};
use crate::domain::beslut::{Beslutspost, Enhet, NyttBeslut};
use crate::domain::hushall::NyttHushall;
use crate::domain::hushall::{Medlem, Roll};
use crate::domain::manad::Manad;
use crate::domain::norm::{
    Inkomst, Inkomsttyp, Kostnad, Kostnadstyp, NormMedlem, Normtabell, Regler, Underlag, ansokt_forsorjningsstod,
    berakna, liten_bokstav,
};
use crate::store::{Resultat, Skrivning, StoreError};
use chrono::{NaiveDate, NaiveDateTime};

fn kr(k: i64) -> Belopp {
    Belopp::kronor(k)
}

pub(super) fn kostnad(typ: Kostnadstyp, belopp: i64) -> Kostnad {
    Kostnad { typ, ansokt: kr(belopp), godkant: None, motivering: String::new(), avser: String::new() }
}

pub(super) fn inkomst(typ: Inkomsttyp, belopp: i64, person: Option<usize>) -> Inkomst {
    Inkomst {
        typ,
        belopp: kr(belopp),
        person,
        jobbstimulans: false,
        berakningsregel_fran: None,
        tidigare_i_ar: Belopp::NOLL,
    }
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
            typ: Kostnadstyp::Skuld,
            ansokt: kr(7000),
            godkant: None,
            motivering: String::new(),
            avser: "elskuld hos Ellevio AB".into(),
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

/// A stored application: its id, month and what the calculation granted.
pub(super) struct Sparad {
    id: i64,
    manad: Manad,
    beviljas: Belopp,
    ansokt: Belopp,
    berakning: FrusenBerakning,
    avtryck: String,
}

/// The application as the outcome the demo will decide needs it: a rent approved only up to
/// the reasonable level after the rådrum, or an application marked incomplete.
fn for_utfall(a: &Ansokan, utfall: Demoutfall) -> Ansokan {
    let mut a = a.clone();
    match utfall {
        Demoutfall::DelavslagHyra => {
            if let Some(hyra) = a.underlag.kostnader.iter_mut().find(|k| k.typ == Kostnadstyp::Boende) {
                let skalig = (hyra.ansokt - kr(1500)).max(Belopp::NOLL);
                let radrum = a.underlag.manad.forsta_dagen() - chrono::Days::new(1);
                hyra.godkant = Some(skalig);
                hyra.motivering = format!(
                    "hyran godkänns upp till den skäliga nivån {}; rådrummet för att hitta ett billigare boende gick ut {}",
                    crate::domain::klarsprak::kronor(skalig),
                    crate::domain::klarsprak::datum(radrum)
                );
            }
        }
        Demoutfall::AvslagOfullstandig if a.komplett => {
            a.komplett = false;
            a.saknas = "kontoutdrag för månaden".into();
        }
        _ => {}
    }
    a
}

/// Computes and stores an application with the table of its year, as `utfall` needs it.
pub(super) fn spara(
    w: &Skrivning,
    arende_id: i64,
    a: &Ansokan,
    utfall: Demoutfall,
    miljo: (&[(i64, Normtabell)], &Regler),
    nu: NaiveDateTime,
) -> Resultat<Option<Sparad>> {
    let (tabeller, regler) = miljo;
    let Some((id, tabell)) = tabeller.iter().find(|(_, t)| t.ar == a.underlag.manad.ar()) else {
        return Ok(None); // No table for that year: the demo simply has no application then.
    };
    let a = for_utfall(a, utfall);
    let resultat = berakna(&a.underlag, tabell, regler).map_err(|e| StoreError::Regel(e.to_string()))?;
    let ansokan_id = w.spara_ansokan(arende_id, &a, *id, regler, &resultat, nu)?;
    Ok(Some(Sparad {
        id: ansokan_id,
        manad: a.underlag.manad,
        beviljas: resultat.beviljas,
        ansokt: ansokt_forsorjningsstod(&resultat, &a.underlag),
        berakning: FrusenBerakning::fran(&resultat, &a, &tabell.kalla, regler),
        avtryck: fingeravtryck(&a),
    }))
}

/// How the demo decides an application.
#[derive(Debug, Clone, Copy)]
pub(super) enum Demoutfall {
    Bifall,
    /// Granted as an advance while waiting for bostadsbidrag (gives a recovery letter).
    Forskott,
    DelavslagHyra,
    AvslagOfullstandig,
    AvslagArbetsmarknad,
}

impl Demoutfall {
    /// What the decision rests on.
    fn grund(self) -> Beslutsgrund {
        match self {
            Demoutfall::AvslagOfullstandig => Beslutsgrund::OfullstandigAnsokan,
            Demoutfall::AvslagArbetsmarknad => Beslutsgrund::InteArbetsmarknaden,
            _ => Beslutsgrund::Berakning,
        }
    }
}

/// Decides a demo application, with a phrase from the library as motivering.
pub(super) fn besluta(
    w: &Skrivning,
    arende_id: i64,
    hushall: &NyttHushall,
    beslutsfattare: &str,
    a: Sparad,
    utfall: Demoutfall,
    nu: NaiveDateTime,
) -> Resultat<i64> {
    let fraser = levererade_fraser();
    let (beviljat, fras) = match utfall {
        Demoutfall::Bifall if a.beviljas == Belopp::NOLL => (Belopp::NOLL, "avslag_overskott"),
        Demoutfall::Bifall => (a.beviljas, "bifall_norm"),
        Demoutfall::Forskott => (a.beviljas, "aterkrav_forskott"),
        Demoutfall::DelavslagHyra => (a.beviljas, "delavslag_hyra"),
        Demoutfall::AvslagOfullstandig => (Belopp::NOLL, "avslag_ofullstandig"),
        Demoutfall::AvslagArbetsmarknad => (Belopp::NOLL, "avslag_ej_arbetsmarknad"),
    };
    let motivering = motivering(&fraser, fras, hushall, &a, beviljat);
    let ovriga = livsforingsposter(&fraser, hushall, &a, utfall);
    let totalt_ovrigt: Belopp = ovriga.iter().map(|p| p.beviljat).sum();
    // A child born after the month is not in that month's household.
    let har_barn =
        hushall.medlemmar.iter().any(|m| m.roll == Roll::Barn && m.person.pnr.birth_date() <= a.manad.forsta_dagen());
    let grund = utfall.grund();
    // Decided a few days into the month applied for (or today, if that is earlier).
    let datum = (a.manad.forsta_dagen() + chrono::Days::new(4)).min(nu.date());
    let beslut = NyttBeslut {
        arende_id,
        ansokan_id: Some(a.id),
        datum,
        period: a.manad,
        beslutsfattare: beslutsfattare.to_string(),
        delegation: "socialsekreterare enligt delegationsordningen".into(),
        foredragande: String::new(),
        barnets_basta: String::new(),
        poster: std::iter::once(Beslutspost {
            sak: "Försörjningsstöd".into(),
            ansokt: a.ansokt.max(beviljat),
            beviljat,
            motivering,
            utover_ratten: false,
            mot_aterkrav: matches!(utfall, Demoutfall::Forskott)
                .then(|| "i väntan på beslut om bostadsbidrag från Försäkringskassan".into()),
        })
        .chain(ovriga)
        .collect(),
        andrar: None,
        grund,
        utbetalning: (beviljat + totalt_ovrigt > Belopp::NOLL).then(|| Utbetalning {
            fran: a.manad.forsta_dagen(),
            till: a.manad.sista_dagen(),
            datum,
            mottagare: "det konto du har anmält".into(),
        }),
    };
    let negativt = beslut.poster.iter().any(|p| p.beviljat < p.ansokt) || beviljat == Belopp::NOLL;
    let varfor = match utfall {
        Demoutfall::DelavslagHyra => super::barn::Varfor::Hyra,
        Demoutfall::Bifall | Demoutfall::Forskott => super::barn::Varfor::Overskott,
        _ => super::barn::Varfor::Avslag,
    };
    let (barnkonsekvenser, barnets_basta) = super::barn::for_beslut(hushall, datum, (har_barn, negativt), varfor);
    let beslut = NyttBeslut { barnets_basta, ..beslut };
    let underlag = Beslutsunderlag {
        enhet: Enhet::default(),
        mottagare: mottagare(hushall),
        grund,
        berakning: (grund == Beslutsgrund::Berakning).then_some(a.berakning),
        utbetalning: beslut.utbetalning.clone(),
        ansokan_fingeravtryck: Some(a.avtryck),
        aterkravsvillkor: matches!(utfall, Demoutfall::Forskott).then(|| super::aterkrav::villkor(datum, a.manad)),
        barnkonsekvenser,
        aterkrav: None,
    };
    let id = w.spara_beslut(&beslut, &underlag, har_barn, beslutsfattare, nu)?;
    if matches!(utfall, Demoutfall::Forskott) {
        super::aterkrav::aterkrav(w, id, (&beslut, &underlag), beslutsfattare, nu)?;
    }
    Ok(id)
}

/// Both sökande of a couple as the letter's recipients, as the program addresses them.
fn mottagare(hushall: &NyttHushall) -> FrusenMottagare {
    let medsokande = hushall.medlemmar.iter().find(|m| m.roll == Roll::Medsokande).map(|m| m.person.namn());
    FrusenMottagare {
        namn: match &medsokande {
            Some(m) => format!("{} och {m}", hushall.sokande().namn()),
            None => hushall.sokande().namn(),
        },
        adress: hushall.adress.clone(),
        skyddad: hushall.skyddade_personuppgifter,
        par: medsokande.is_some(),
    }
}

/// The phrase `fras` filled in for the demo decision, the facts included.
fn motivering(fraser: &Frasbibliotek, fras: &str, hushall: &NyttHushall, a: &Sparad, beviljat: Belopp) -> String {
    let platshallare = Platshallare {
        namn: hushall.sokande().namn(),
        belopp: crate::domain::klarsprak::kronor(beviljat),
        period: crate::domain::klarsprak::manad(a.manad),
        post: "försörjningsstöd".into(),
    };
    let text = fraser.fraser.iter().find(|f| f.id == fras).map(|f| f.fyll_i(&platshallare)).unwrap_or_default();
    super::fakta::fyll(&text, a.manad, &a.berakning)
}

/// One post per livsföring item, as the calculation proposes it; a refusal on another ground
/// than the calculation refuses them too, with the same phrase (its facts filled in).
fn livsforingsposter(
    fraser: &Frasbibliotek,
    hushall: &NyttHushall,
    a: &Sparad,
    utfall: Demoutfall,
) -> Vec<Beslutspost> {
    let grund = matches!(utfall, Demoutfall::AvslagOfullstandig | Demoutfall::AvslagArbetsmarknad);
    let fras = match utfall {
        Demoutfall::AvslagOfullstandig => "avslag_ofullstandig",
        _ => "avslag_ej_arbetsmarknad",
    };
    a.berakning
        .livsforing
        .iter()
        .map(|p| {
            let mut post = livsforingspost(p, !grund);
            if grund {
                let platser = Platshallare {
                    namn: hushall.sokande().namn(),
                    belopp: crate::domain::klarsprak::kronor(Belopp::NOLL),
                    period: crate::domain::klarsprak::manad(a.manad),
                    post: liten_bokstav(&post.sak),
                };
                let text = fraser.fraser.iter().find(|f| f.id == fras).map(|f| f.fyll_i(&platser)).unwrap_or_default();
                post.motivering = super::fakta::fyll(&text, a.manad, &a.berakning);
            }
            post
        })
        .collect()
}

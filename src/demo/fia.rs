//! Demo FIA: two interviews with the same client months apart, two areas changed between them.

use crate::domain::fia::{FiaIntervju, Mal, Omradessvar, Paverkar};
use crate::store::{Resultat, Skrivning};
use chrono::{Days, NaiveDateTime};

fn svar(beskrivning: &str, syn: Paverkar, bedomning: &str, stod: bool) -> Omradessvar {
    Omradessvar {
        klientens_beskrivning: beskrivning.into(),
        klientens_syn: Some(syn),
        bedomning: bedomning.into(),
        stodbehov: stod,
        klart: true,
        hoppat_over: None,
    }
}

pub(super) fn tva_intervjuer(w: &Skrivning, arende_id: i64, nu: NaiveDateTime) -> Resultat<()> {
    let mut forsta =
        FiaIntervju { definition_version: 1, datum: nu.date().checked_sub_days(Days::new(120)), ..Default::default() };
    forsta.svar.insert(
        "boende".into(),
        svar("Bor i andrahand, osäkert kontrakt.", Paverkar::Delvis, "Boendet behöver ordnas.", true),
    );
    forsta.svar.insert(
        "kroppslig_halsa".into(),
        svar("Ont i ryggen, sjukskriven.", Paverkar::Ja, "Behöver kontakt med vården.", true),
    );
    forsta.svar.insert(
        "skulder".into(),
        Omradessvar { hoppat_over: Some("Vill ta det vid nästa möte".into()), ..Default::default() },
    );
    forsta.sammanfattande_bedomning = "Förutsättningarna för arbete begränsas främst av hälsan.".into();
    forsta
        .mal
        .push(Mal { mal: "Bli frisk nog att börja arbetsträna".into(), delmal: vec!["Träffa sjukgymnast".into()] });
    let mut andra = forsta.clone();
    andra.datum = nu.date().checked_sub_days(Days::new(10));
    andra.svar.insert(
        "kroppslig_halsa".into(),
        svar("Ryggen är bättre efter sjukgymnastik.", Paverkar::Delvis, "Kan arbetsträna deltid.", false),
    );
    andra.svar.insert(
        "skulder".into(),
        svar(
            "Skulder hos Kronofogden, cirka 40 000 kr.",
            Paverkar::Delvis,
            "Behöver budget- och skuldrådgivning.",
            true,
        ),
    );
    andra.mal = vec![Mal {
        mal: "Arbetsträna halvtid".into(),
        delmal: vec!["Starta arbetsträning på lager".into(), "Boka skuldrådgivning".into()],
    }];
    w.spara_fia(arende_id, None, &forsta, nu)?;
    w.spara_fia(arende_id, None, &andra, nu)?;
    Ok(())
}

//! Demo förändringsplaner: an agreed and signed plan with follow-ups, a plan in two versions,
//! and a draft – written in the client's words, addressed to the client as "du".

use crate::domain::plan::{Atgard, Planinnehall, Uppfoljningsdag, Vem};
use crate::store::{Avvikelse, Resultat, Skrivning, Uppfoljning};
use chrono::{Days, NaiveDate, NaiveDateTime};

fn dag(idag: NaiveDate, dagar: i64) -> NaiveDate {
    if dagar >= 0 {
        idag.checked_add_days(Days::new(dagar as u64)).unwrap_or(idag)
    } else {
        idag.checked_sub_days(Days::new((-dagar) as u64)).unwrap_or(idag)
    }
}

/// How the client lives, as the plan's first step says it: alone, or with how many others.
fn boende(w: &Skrivning, arende_id: i64) -> Resultat<&'static str> {
    let (vuxna, barn) = w.boende_i_arende(arende_id)?;
    Ok(match (vuxna > 1, barn > 0) {
        (false, false) => "Du bor ensam",
        (false, true) => "Du bor ensam med dina barn",
        (true, false) => "Du bor med din partner",
        (true, true) => "Du bor med din partner och era barn",
    })
}

fn plan(idag: NaiveDate, uppfoljning: &[i64], boende: &str) -> Planinnehall {
    let mut p = Planinnehall::default();
    p.fritext[0] =
        format!("Du har varit utan arbete i drygt ett år. {boende} och har svårt att få ihop pengarna varje månad.");
    p.fritext[1] = "Du vill få ett arbete inom lager och logistik och klara dig utan bistånd.".into();
    p.fritext[2] = "Du vill kunna bestämma över din egen ekonomi och ha en vardag med arbetskamrater.".into();
    p.fritext[3] = "Du behöver ta truckkort och söka arbeten varje vecka.".into();
    p.fritext[5] = "Ryggen gör ont ibland, och du har inget körkort.".into();
    p.steg = vec![
        Atgard {
            vad: "Anmäla dig till truckutbildningen".into(),
            vem: Some(Vem::Klienten),
            senast: dag(idag, 10).to_string(),
        },
        Atgard {
            vad: "Boka trepartsmöte med Arbetsförmedlingen".into(),
            vem: Some(Vem::Socialsekreteraren),
            senast: dag(idag, 14).to_string(),
        },
        Atgard { vad: "Kontakta vårdcentralen om ryggen".into(), vem: Some(Vem::Klienten), senast: String::new() },
    ];
    p.uppfoljning = uppfoljning
        .iter()
        .map(|d| Uppfoljningsdag { datum: dag(idag, *d).to_string(), vad: "Uppföljningsmöte på kontoret".into() })
        .collect();
    p.krav = vec![
        "Vara inskriven på Arbetsförmedlingen och följa din handlingsplan där.".into(),
        "Söka minst fem arbeten i veckan och ta med listan till uppföljningen.".into(),
        "Höra av dig till socialsekreteraren om du inte kan komma på ett möte.".into(),
    ];
    p
}

/// Agreed and signed, followed up once, with an approved deviation (index 1 in the demo).
pub(super) fn overenskommen(w: &Skrivning, arende_id: i64, av: &str, nu: NaiveDateTime) -> Resultat<()> {
    let idag = nu.date();
    let id = w.spara_planutkast(arende_id, None, &plan(idag, &[-30, -3, 25], boende(w, arende_id)?), av, nu)?;
    w.kom_overens(id, dag(idag, -50), true, "", nu)?;
    let per_steg =
        vec![String::new(), String::new(), String::new(), String::new(), "Anmäld till truckutbildningen.".into()];
    w.skriv_uppfoljning(
        id,
        &Uppfoljning { datum: dag(idag, -30), notering: "Du har sökt tolv arbeten.".into(), per_steg },
        av,
        nu,
    )?;
    w.skriv_avvikelse(
        id,
        &Avvikelse {
            fran: dag(idag, -20),
            till: dag(idag, -14),
            beskrivning: "En vecka i Göteborg för att söka arbete på lager där.".into(),
            godkand: true,
        },
        av,
        nu,
    )?;
    Ok(())
}

/// Two versions: the first agreed and signed long ago, the second agreed but not signed.
pub(super) fn tva_versioner(w: &Skrivning, arende_id: i64, av: &str, nu: NaiveDateTime) -> Resultat<()> {
    let idag = nu.date();
    let forsta = w.spara_planutkast(arende_id, None, &plan(idag, &[-170, -140], boende(w, arende_id)?), av, nu)?;
    w.kom_overens(forsta, dag(idag, -200), true, "", nu)?;
    let andra = w.ny_planversion(arende_id, None, av, nu)?;
    let mut ny = plan(idag, &[-40, 5], boende(w, arende_id)?);
    ny.fritext[1] = "Du vill börja en kort utbildning till undersköterska.".into();
    w.spara_planutkast(arende_id, None, &ny, av, nu)?;
    w.kom_overens(andra, dag(idag, -80), false, "Klienten ville läsa planen hemma först.", nu)?;
    Ok(())
}

/// A draft not yet agreed.
pub(super) fn utkast(w: &Skrivning, arende_id: i64, av: &str, nu: NaiveDateTime) -> Resultat<()> {
    let mut p = plan(nu.date(), &[14], boende(w, arende_id)?);
    p.fritext[1] = "Du vill läsa klart SFI och sedan söka arbete.".into();
    w.spara_planutkast(arende_id, None, &p, av, nu)?;
    Ok(())
}

//! Printing: gathers what a letter needs from the store and lays it out with `letters`. Used
//! by the CLI (and the UI) so both print exactly the same letter.

use crate::domain::arende::ArendeStatus;
use crate::domain::beslut::lagrum::levererade_lagrum;
use crate::domain::hushall::Roll;
use crate::domain::norm::berakna;
use crate::letters::aterkrav::{Aterkravslagrum, aterkravsbrev};
use crate::letters::beslut::{Mottagare, beslutsbrev, brevhuvud};
use crate::letters::{Typsnitt, meddelanden, skapa_pdf};
use crate::store::Store;
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The short letter kinds that come from the case itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Brevtyp {
    Kallelse,
    Komplettering,
    Handlaggare,
    Avslut,
}

impl Brevtyp {
    pub fn fran_kod(kod: &str) -> Option<Brevtyp> {
        Some(match kod {
            "kallelse" => Brevtyp::Kallelse,
            "komplettering" => Brevtyp::Komplettering,
            "handlaggare" => Brevtyp::Handlaggare,
            "avslut" => Brevtyp::Avslut,
            _ => return None,
        })
    }

    pub fn kod(self) -> &'static str {
        match self {
            Brevtyp::Kallelse => "kallelse",
            Brevtyp::Komplettering => "komplettering",
            Brevtyp::Handlaggare => "handlaggare",
            Brevtyp::Avslut => "avslut",
        }
    }

    pub fn titel(self) -> &'static str {
        match self {
            Brevtyp::Kallelse => "Kallelse till nybesök",
            Brevtyp::Komplettering => "Begäran om komplettering",
            Brevtyp::Handlaggare => "Information om ny handläggare",
            Brevtyp::Avslut => "Meddelande om avslut",
        }
    }
}

/// The documents a kallelse can ask for; the caseworker chooses per case.
pub const HANDLINGAR: &[&str] = &[
    "legitimation eller pass",
    "hyresavtal och senaste hyresavi",
    "kontoutdrag för alla konton, de senaste tre månaderna",
    "lönespecifikationer",
    "beslut från Försäkringskassan, a-kassan eller Arbetsförmedlingen",
];

/// The first weekday at least `dagar` days after `fran`.
fn vardag_efter(fran: NaiveDate, dagar: u64) -> NaiveDate {
    let mut d = fran.checked_add_days(Days::new(dagar)).unwrap_or(fran);
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d = d.succ_opt().unwrap_or(d);
    }
    d
}

fn mottagare(store: &Store, hushall_id: i64) -> Result<Mottagare, String> {
    let hushall = store.hushall(hushall_id).map_err(|e| e.to_string())?;
    let sokande = hushall
        .medlemmar
        .iter()
        .find(|m| m.roll == Roll::Sokande)
        .ok_or("Hushållet saknar sökande; brevet kan inte adresseras.")?;
    Ok(Mottagare {
        namn: sokande.person.namn(),
        adress: hushall.adress.clone(),
        skyddad: hushall.skyddade_personuppgifter,
    })
}

/// What a kallelse says: the caseworker's choices for this case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kallelseval {
    pub tid: String,
    pub plats: String,
    pub handlaggare: String,
    pub handlingar: Vec<String>,
}

/// The proposal: the first weekday three days ahead at 10.00, the unit's visiting address, the
/// case's socialsekreterare, every standard document.
pub fn standard_kallelse(store: &Store, arendenummer: &str, idag: NaiveDate) -> Result<Kallelseval, String> {
    let arende = store.arende_med_nummer(arendenummer).map_err(|e| e.to_string())?;
    let enhet = store.enhet().map_err(|e| e.to_string())?;
    Ok(Kallelseval {
        tid: format!("{} klockan 10.00", vardag_efter(idag, 3)),
        plats: if enhet.besoksadress.trim().is_empty() { enhet.adress } else { enhet.besoksadress },
        handlaggare: if arende.socialsekreterare.trim().is_empty() {
            "din handläggare".into()
        } else {
            arende.socialsekreterare
        },
        handlingar: HANDLINGAR.iter().map(|s| s.to_string()).collect(),
    })
}

/// The kallelse as the caseworker chose it.
pub fn kallelse_pdf(store: &Store, arendenummer: &str, val: &Kallelseval, idag: NaiveDate) -> Result<Vec<u8>, String> {
    if val.tid.trim().is_empty() || val.plats.trim().is_empty() {
        return Err("Ange tid och plats för besöket.".into());
    }
    if val.handlingar.is_empty() {
        return Err("Välj minst en handling som ska tas med.".into());
    }
    let arende = store.arende_med_nummer(arendenummer).map_err(|e| e.to_string())?;
    let enhet = store.enhet().map_err(|e| e.to_string())?;
    let till = mottagare(store, arende.hushall_id)?;
    let block = meddelanden::kallelse(&enhet, &val.tid, &val.plats, &val.handlaggare, &val.handlingar);
    let huvud =
        brevhuvud(&enhet, logo(store)?, &till, &idag.to_string(), &arende.arendenummer, Brevtyp::Kallelse.titel());
    Ok(skapa_pdf(&huvud, &block, Typsnitt::delad()?))
}

/// A short letter of the case as PDF bytes, dated `idag`.
pub fn brev_pdf(store: &Store, arendenummer: &str, typ: Brevtyp, idag: NaiveDate) -> Result<Vec<u8>, String> {
    let arende = store.arende_med_nummer(arendenummer).map_err(|e| e.to_string())?;
    let enhet = store.enhet().map_err(|e| e.to_string())?;
    let till = mottagare(store, arende.hushall_id)?;
    let handlaggare = if arende.socialsekreterare.trim().is_empty() {
        "din handläggare".to_string()
    } else {
        arende.socialsekreterare.clone()
    };
    let block = match typ {
        Brevtyp::Kallelse => {
            let val = standard_kallelse(store, arendenummer, idag)?;
            meddelanden::kallelse(&enhet, &val.tid, &val.plats, &val.handlaggare, &val.handlingar)
        }
        Brevtyp::Komplettering => {
            let senaste = store.ansokningar(arende.id).map_err(|e| e.to_string())?.into_iter().next();
            let (period, saknas) = match &senaste {
                Some(a) => {
                    let s = store.ansokan(a.id).map_err(|e| e.to_string())?;
                    let saknas: Vec<String> = s
                        .ansokan
                        .saknas
                        .split(['\n', ';'])
                        .map(|x| x.trim().to_string())
                        .filter(|x| !x.is_empty())
                        .collect();
                    (a.manad.clone(), saknas)
                }
                None => (idag.format("%Y-%m").to_string(), Vec::new()),
            };
            if saknas.is_empty() {
                return Err("Ansökan är markerad som komplett; skriv först vad som saknas under fliken Ansökan.".into());
            }
            meddelanden::komplettering(&enhet, &period, &saknas, &vardag_efter(idag, 14).to_string())
        }
        Brevtyp::Handlaggare => meddelanden::ny_handlaggare(&enhet, &handlaggare, &idag.to_string()),
        Brevtyp::Avslut => {
            if arende.status != ArendeStatus::Avslutad {
                return Err(format!("Ärende {arendenummer} är inte avslutat; avsluta det först med en avslutsorsak."));
            }
            let orsak = arende.avslutsorsak.map(|o| o.namn()).unwrap_or("Annan orsak");
            let datum = arende.avslutsdatum.unwrap_or(idag).to_string();
            meddelanden::avslut(&enhet, &datum, orsak)
        }
    };
    let huvud = brevhuvud(&enhet, logo(store)?, &till, &idag.to_string(), &arende.arendenummer, typ.titel());
    Ok(skapa_pdf(&huvud, &block, Typsnitt::delad()?))
}

/// The decision letter as PDF bytes: to the sökande, with the calculation the decision rests on.
pub fn beslutsbrev_pdf(store: &Store, beslut_id: i64) -> Result<Vec<u8>, String> {
    let b = store.beslut(beslut_id).map_err(|e| e.to_string())?;
    let arende = store.arende(b.beslut.arende_id).map_err(|e| e.to_string())?;
    let mottagare = mottagare(store, arende.hushall_id)?;
    let enhet = store.enhet().map_err(|e| e.to_string())?;
    let berakning = match b.beslut.ansokan_id {
        Some(id) => {
            let a = store.ansokan(id).map_err(|e| e.to_string())?;
            let tabell = store.normtabell(a.normtabell_id).map_err(|e| e.to_string())?;
            Some(berakna(&a.ansokan.underlag, &tabell, &a.regler)?)
        }
        None => None,
    };
    let huvud = brevhuvud(
        &enhet,
        logo(store)?,
        &mottagare,
        &b.beslut.datum.to_string(),
        &arende.arendenummer,
        "Beslut om ekonomiskt bistånd",
    );
    let andrar = b.beslut.andrar.and_then(|id| store.beslut(id).ok());
    let block = beslutsbrev(&b, &enhet, &arende.arendenummer, berakning.as_ref(), andrar.as_ref());
    Ok(skapa_pdf(&huvud, &block, Typsnitt::delad()?))
}

/// How a month's batch of decision letters ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Omgang {
    pub skrivna: usize,
    pub alla: usize,
}

/// Writes the decision letter of every decision for `manad` into `mapp` on every core; see
/// [`crate::brevomgang`].
pub fn manadens_beslutsbrev(
    store: &Store,
    manad: crate::domain::manad::Manad,
    mapp: &std::path::Path,
    framsteg: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Omgang, String> {
    crate::brevomgang::manadens_beslutsbrev(store, manad, mapp, framsteg)
}

/// Beslut om återkrav, dated today, for a decision granted against repayment.
pub fn aterkravsbrev_pdf(store: &Store, beslut_id: i64) -> Result<Vec<u8>, String> {
    aterkravsbrev_pdf_den(store, beslut_id, chrono::Local::now().date_naive())
}

/// Beslut om återkrav dated `idag` for decision `beslut_id` granted against repayment. The law
/// follows the grant decision's date; the letter has no appeal page (it cannot be appealed).
pub fn aterkravsbrev_pdf_den(store: &Store, beslut_id: i64, idag: NaiveDate) -> Result<Vec<u8>, String> {
    let b = store.beslut(beslut_id).map_err(|e| e.to_string())?;
    if !b.beslut.poster.iter().any(|p| p.mot_aterkrav.is_some()) {
        return Err("Beslutet beviljades inte mot återkrav; det finns inget återkrav att skriva.".into());
    }
    let lagrum = Aterkravslagrum::for_bevilning(&levererade_lagrum(), &b)?;
    let arende = store.arende(b.beslut.arende_id).map_err(|e| e.to_string())?;
    let till = mottagare(store, arende.hushall_id)?;
    let enhet = store.enhet().map_err(|e| e.to_string())?;
    let huvud = brevhuvud(&enhet, logo(store)?, &till, &idag.to_string(), &arende.arendenummer, "Beslut om återkrav");
    Ok(skapa_pdf(&huvud, &aterkravsbrev(&b, &enhet, &lagrum), Typsnitt::delad()?))
}

/// The unit's logo: its own if it has replaced it, else the shipped placeholder. A database that
/// cannot be read is an error, not a letter without the unit's logo.
fn logo(store: &Store) -> Result<Option<Vec<u8>>, String> {
    let egen = store.logo().map_err(|e| e.to_string())?;
    Ok(egen.or_else(|| Some(include_bytes!("../icons/logo.png").to_vec())))
}

/// The case's current plan for signing: the latest agreed version, else the draft marked UTKAST.
pub fn plan_pdf(store: &Store, arendenummer: &str, idag: NaiveDate) -> Result<Vec<u8>, String> {
    let arende = store.arende_med_nummer(arendenummer).map_err(|e| e.to_string())?;
    let plan = store
        .aktuell_plan(arende.id)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("Ärende {arendenummer} har ingen förändringsplan än."))?;
    let enhet = store.enhet().map_err(|e| e.to_string())?;
    let till = mottagare(store, arende.hushall_id)?;
    let datum = plan.overenskommen.map(|d| d.to_string());
    let block =
        crate::letters::plan::planbrev(&plan.innehall, datum.is_none(), datum.as_deref(), &arende.socialsekreterare);
    let titel = format!("Förändringsplan, version {}", plan.version);
    let huvud = brevhuvud(
        &enhet,
        logo(store)?,
        &till,
        &datum.unwrap_or_else(|| idag.to_string()),
        &arende.arendenummer,
        &titel,
    );
    Ok(skapa_pdf(&huvud, &block, Typsnitt::delad()?))
}

/// A part of the case's Initial bedömning as PDF; a part needing consent only with it.
pub fn ib_del_pdf(store: &Store, arendenummer: &str, del_id: &str, idag: NaiveDate) -> Result<Vec<u8>, String> {
    let arende = store.arende_med_nummer(arendenummer).map_err(|e| e.to_string())?;
    let svar = store.ib_svar(arende.id).map_err(|e| e.to_string())?.ok_or("Ärendet har ingen initial bedömning än.")?;
    let definition = store.ib_definition(Some(svar.definition_version)).map_err(|e| e.to_string())?;
    let del = definition.delar.iter().find(|d| d.id == del_id).ok_or_else(|| format!("IB har ingen del {del_id}."))?;
    svar.far_lamnas_ut(del)?;
    let mut block = Vec::new();
    if let Some(d) = svar.samtycke_jobbtorg.filter(|_| del.samtycke) {
        block.push(crate::letters::Block::Stycke(format!(
            "Klienten har samtyckt till att uppgifterna lämnas till Jobbtorg ({}).",
            crate::domain::klarsprak::datum(d)
        )));
    }
    for f in &del.falt {
        block.push(crate::letters::Block::Underrubrik(f.etikett.clone()));
        let text = svar.svar.get(&format!("{}.{}", del.id, f.id)).cloned().unwrap_or_default();
        block.push(crate::letters::Block::Stycke(if text.trim().is_empty() { "–".into() } else { text }));
    }
    let enhet = store.enhet().map_err(|e| e.to_string())?;
    let till = mottagare(store, arende.hushall_id)?;
    let huvud = brevhuvud(&enhet, logo(store)?, &till, &idag.to_string(), &arende.arendenummer, &del.rubrik);
    Ok(skapa_pdf(&huvud, &block, Typsnitt::delad()?))
}

/// The FIA sammanställning of an interview, under the definition it was taken with.
pub fn fia_pdf(store: &Store, intervju_id: i64, idag: NaiveDate) -> Result<Vec<u8>, String> {
    let (arende_id, intervju) = store.fia_intervju(intervju_id).map_err(|e| e.to_string())?;
    let definition = store.fia_definition(Some(intervju.definition_version)).map_err(|e| e.to_string())?;
    let arende = store.arende(arende_id).map_err(|e| e.to_string())?;
    let enhet = store.enhet().map_err(|e| e.to_string())?;
    let till = mottagare(store, arende.hushall_id)?;
    let block = crate::letters::fia::sammanstallning(&definition, &intervju);
    let datum = intervju.datum.unwrap_or(idag).to_string();
    let huvud = brevhuvud(&enhet, logo(store)?, &till, &datum, &arende.arendenummer, "FIA – sammanställning");
    Ok(skapa_pdf(&huvud, &block, Typsnitt::delad()?))
}

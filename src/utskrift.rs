//! Printing: gathers what a letter needs from the store and lays it out with `letters`. Used
//! by the CLI (and the UI) so both print exactly the same letter.

use crate::domain::arende::{Arende, ArendeStatus};
use crate::domain::beslut::aterkrav::Aterkravsuppgifter;
use crate::domain::beslut::lagrum::levererade_lagrum;
use crate::domain::beslut::underlag::{Beslutsgrund, Beslutsunderlag, FrusenBerakning, FrusenMottagare, fingeravtryck};
use crate::domain::beslut::{Enhet, NyttBeslut, Utfall};
use crate::domain::hushall::Roll;
use crate::domain::norm::berakna;
use crate::letters::aterkrav::Aterkravslagrum;
use crate::letters::beslut::{Mottagare, brevhuvud};
use crate::letters::{Block, Sidlayout, Typsnitt, meddelanden, skapa_sidor_och_pdf};
use crate::store::{Store, StoreError};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::fmt;
use std::path::PathBuf;

/// Why a letter was not written.
#[derive(Debug)]
pub enum Utskriftsfel {
    /// The database could not give what the letter needs.
    Databas(StoreError),
    /// The letter cannot be written from what the case holds, with the reason.
    KanInte(String),
    /// The PDF was made but the file could not be saved.
    Fil { sokvag: PathBuf, orsak: String },
}

impl fmt::Display for Utskriftsfel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Utskriftsfel::Databas(e) => e.fmt(f),
            Utskriftsfel::KanInte(t) => f.write_str(t),
            Utskriftsfel::Fil { sokvag, orsak } => write!(f, "{} kan inte sparas: {orsak}.", sokvag.display()),
        }
    }
}

impl std::error::Error for Utskriftsfel {}

impl From<StoreError> for Utskriftsfel {
    fn from(e: StoreError) -> Utskriftsfel {
        Utskriftsfel::Databas(e)
    }
}

/// A domain rule's refusal ("Ingen lag i lagrumsdata gäller …") or a missing font.
impl From<String> for Utskriftsfel {
    fn from(t: String) -> Utskriftsfel {
        Utskriftsfel::KanInte(t)
    }
}

impl From<crate::domain::norm::Berakningsfel> for Utskriftsfel {
    fn from(e: crate::domain::norm::Berakningsfel) -> Utskriftsfel {
        Utskriftsfel::KanInte(e.to_string())
    }
}

impl From<&str> for Utskriftsfel {
    fn from(t: &str) -> Utskriftsfel {
        Utskriftsfel::KanInte(t.to_string())
    }
}

type Utskrivet<T> = Result<T, Utskriftsfel>;

/// A written letter: the PDF, the laid-out pages it was written from (what a preview draws),
/// and the case and title it belongs to (for the journal line).
#[derive(Debug, Clone)]
pub struct Brev {
    pub pdf: Vec<u8>,
    pub sidor: std::sync::Arc<Sidlayout>,
    pub arende_id: i64,
    pub arendenummer: String,
    pub titel: String,
}

/// What every letter kind needs, gathered once: the case, the unit, the recipient and the logo.
pub struct Brevunderlag {
    pub arende: Arende,
    pub enhet: Enhet,
    pub till: Mottagare,
    logo: Option<Vec<u8>>,
}

impl Brevunderlag {
    pub fn for_arende(store: &Store, arende: Arende) -> Utskrivet<Brevunderlag> {
        let enhet = store.enhet()?;
        let till = mottagare(store, arende.hushall_id)?;
        Ok(Brevunderlag { arende, enhet, till, logo: logo(store)? })
    }

    pub fn for_nummer(store: &Store, arendenummer: &str) -> Utskrivet<Brevunderlag> {
        Brevunderlag::for_arende(store, store.arende_med_nummer(arendenummer)?)
    }

    pub fn for_id(store: &Store, arende_id: i64) -> Utskrivet<Brevunderlag> {
        Brevunderlag::for_arende(store, store.arende(arende_id)?)
    }

    /// The case's socialsekreterare, or "din handläggare" while none is named.
    fn handlaggare(&self) -> String {
        if self.arende.socialsekreterare.trim().is_empty() {
            "din handläggare".into()
        } else {
            self.arende.socialsekreterare.clone()
        }
    }

    /// Lays the letter out under the unit's header, dated `datum`.
    pub fn brev(&self, datum: &str, titel: &str, block: &[Block]) -> Utskrivet<Brev> {
        let huvud = brevhuvud(&self.enhet, self.logo.clone(), &self.till, datum, &self.arende.arendenummer, titel);
        let (sidor, pdf) = skapa_sidor_och_pdf(&huvud, block, Typsnitt::delad()?);
        Ok(Brev {
            pdf,
            sidor: std::sync::Arc::new(sidor),
            arende_id: self.arende.id,
            arendenummer: self.arende.arendenummer.clone(),
            titel: titel.to_string(),
        })
    }
}

fn mottagare(store: &Store, hushall_id: i64) -> Utskrivet<Mottagare> {
    let hushall = store.hushall(hushall_id)?;
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

/// The recipients of a decision: the sökande, and for a couple both sökande (the letter then
/// says "ni").
fn beslutsmottagare(store: &Store, hushall_id: i64) -> Utskrivet<FrusenMottagare> {
    let hushall = store.hushall(hushall_id)?;
    let namn = |roll: Roll| hushall.medlemmar.iter().find(|m| m.roll == roll).map(|m| m.person.namn());
    let sokande = namn(Roll::Sokande).ok_or("Hushållet saknar sökande; brevet kan inte adresseras.")?;
    let medsokande = namn(Roll::Medsokande);
    Ok(FrusenMottagare {
        namn: match &medsokande {
            Some(m) => format!("{sokande} och {m}"),
            None => sokande,
        },
        adress: hushall.adress.clone(),
        skyddad: hushall.skyddade_personuppgifter,
        par: medsokande.is_some(),
    })
}

/// A letter's blocks as said to its recipients: "ni" to a couple.
fn tilltal(block: Vec<Block>, mottagare: &FrusenMottagare) -> Vec<Block> {
    if mottagare.par { crate::letters::tilltal::block_till_ni(block) } else { block }
}

/// Every document the program prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dokument {
    Beslutsbrev(i64),
    Aterkravsbrev(i64),
    /// One adult's plan (`None`: the applicant's).
    Plan(String, Option<i64>),
    /// The FIA summary without the sensitive areas.
    Fia(i64),
    /// The FIA summary with the sensitive areas, chosen for this printout.
    FiaMedKansliga(i64),
    IbDel {
        arendenummer: String,
        del: String,
    },
    Arendebrev {
        arendenummer: String,
        typ: Brevtyp,
    },
    Kallelse {
        arendenummer: String,
        val: Kallelseval,
    },
}

impl Dokument {
    /// Makes the document as of `idag`.
    pub fn skapa(&self, store: &Store, idag: NaiveDate) -> Utskrivet<Brev> {
        match self {
            Dokument::Beslutsbrev(id) => beslutsbrev(store, *id),
            Dokument::Aterkravsbrev(id) => aterkravsbrev(store, *id, idag),
            Dokument::Plan(nr, person) => plan(store, nr, *person, idag),
            Dokument::Fia(id) => fia(store, *id, idag, false),
            Dokument::FiaMedKansliga(id) => fia(store, *id, idag, true),
            Dokument::IbDel { arendenummer, del } => ib_del(store, arendenummer, del, idag),
            Dokument::Arendebrev { arendenummer, typ } => arendebrev(store, arendenummer, *typ, idag),
            Dokument::Kallelse { arendenummer, val } => kallelse(store, arendenummer, val, idag),
        }
    }
}

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
pub fn standard_kallelse(store: &Store, arendenummer: &str, idag: NaiveDate) -> Utskrivet<Kallelseval> {
    let arende = store.arende_med_nummer(arendenummer)?;
    let enhet = store.enhet()?;
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
fn kallelse(store: &Store, arendenummer: &str, val: &Kallelseval, idag: NaiveDate) -> Utskrivet<Brev> {
    if val.tid.trim().is_empty() || val.plats.trim().is_empty() {
        return Err("Ange tid och plats för besöket.".into());
    }
    if val.handlingar.is_empty() {
        return Err("Välj minst en handling som ska tas med.".into());
    }
    let u = Brevunderlag::for_nummer(store, arendenummer)?;
    let block = meddelanden::kallelse(&u.enhet, &val.tid, &val.plats, &val.handlaggare, &val.handlingar);
    u.brev(&idag.to_string(), Brevtyp::Kallelse.titel(), &block)
}

/// The kallelse as the caseworker chose it, as PDF bytes.
pub fn kallelse_pdf(store: &Store, arendenummer: &str, val: &Kallelseval, idag: NaiveDate) -> Utskrivet<Vec<u8>> {
    kallelse(store, arendenummer, val, idag).map(|b| b.pdf)
}

/// What a komplettering asks for: the month of the latest application and what it lacks.
fn saknade_handlingar(store: &Store, arende_id: i64, idag: NaiveDate) -> Utskrivet<(String, Vec<String>)> {
    let Some(senaste) = store.ansokningar(arende_id)?.into_iter().next() else {
        return Ok((idag.format("%Y-%m").to_string(), Vec::new()));
    };
    let s = store.ansokan(senaste.id)?;
    let saknas = s.ansokan.saknas.split(['\n', ';']).map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect();
    Ok((senaste.manad, saknas))
}

/// A short letter of the case, dated `idag`.
fn arendebrev(store: &Store, arendenummer: &str, typ: Brevtyp, idag: NaiveDate) -> Utskrivet<Brev> {
    let u = Brevunderlag::for_nummer(store, arendenummer)?;
    let block = match typ {
        Brevtyp::Kallelse => {
            let val = standard_kallelse(store, arendenummer, idag)?;
            meddelanden::kallelse(&u.enhet, &val.tid, &val.plats, &val.handlaggare, &val.handlingar)
        }
        Brevtyp::Komplettering => {
            let (period, saknas) = saknade_handlingar(store, u.arende.id, idag)?;
            if saknas.is_empty() {
                return Err("Ansökan är markerad som komplett; skriv först vad som saknas under fliken Ansökan.".into());
            }
            meddelanden::komplettering(&u.enhet, &period, &saknas, &vardag_efter(idag, 14).to_string())
        }
        Brevtyp::Handlaggare => meddelanden::ny_handlaggare(&u.enhet, &u.handlaggare(), &idag.to_string()),
        Brevtyp::Avslut => {
            if u.arende.status != ArendeStatus::Avslutad {
                return Err(
                    format!("Ärende {arendenummer} är inte avslutat; avsluta det först med en avslutsorsak.").into()
                );
            }
            let orsak = u.arende.avslutsorsak.map(|o| o.namn()).unwrap_or("Annan orsak");
            let datum = u.arende.avslutsdatum.unwrap_or(idag).to_string();
            meddelanden::avslut(&u.enhet, &datum, orsak)
        }
    };
    u.brev(&idag.to_string(), typ.titel(), &block)
}

/// A short letter of the case as PDF bytes, dated `idag`.
pub fn brev_pdf(store: &Store, arendenummer: &str, typ: Brevtyp, idag: NaiveDate) -> Utskrivet<Vec<u8>> {
    arendebrev(store, arendenummer, typ, idag).map(|b| b.pdf)
}

/// The frozen record of a decision about to be taken: the unit and recipient as they are now,
/// and, when the decision rests on it, the calculation of its application as it stands now.
pub fn beslutsunderlag(store: &Store, b: &NyttBeslut) -> Utskrivet<Beslutsunderlag> {
    let u = Brevunderlag::for_id(store, b.arende_id)?;
    let (mut berakning, mut avtryck) = (None, None);
    if let Some(id) = b.ansokan_id {
        let a = store.ansokan(id)?;
        avtryck = Some(fingeravtryck(&a.ansokan));
        if b.grund == Beslutsgrund::Berakning {
            let tabell = store.normtabell(a.normtabell_id)?;
            let r = berakna(&a.ansokan.underlag, &tabell, &a.regler)?;
            berakning = Some(FrusenBerakning::fran(&r, &a.ansokan, &tabell.kalla, &a.regler));
        }
    }
    Ok(Beslutsunderlag {
        enhet: u.enhet,
        mottagare: beslutsmottagare(store, u.arende.hushall_id)?,
        grund: b.grund,
        berakning,
        utbetalning: b.utbetalning.clone(),
        ansokan_fingeravtryck: avtryck,
        aterkravsvillkor: None,
        barnkonsekvenser: Vec::new(),
        aterkrav: None,
    })
}

/// The decision letter: to the sökande as addressed on the day of the decision, printed from the
/// decision and its frozen record only, so a reprint says what the first print said.
fn beslutsbrev(store: &Store, beslut_id: i64) -> Utskrivet<Brev> {
    let b = store.beslut(beslut_id)?;
    if b.utfall == Utfall::Aterkrav {
        return aterkravsbrev(store, beslut_id, b.beslut.datum);
    }
    let mut u = Brevunderlag::for_id(store, b.beslut.arende_id)?;
    if let Some(f) = &b.underlag {
        u.enhet = f.enhet.clone();
        u.till = Mottagare {
            namn: f.mottagare.namn.clone(),
            adress: f.mottagare.adress.clone(),
            skyddad: f.mottagare.skyddad,
        };
    }
    let andrar = b.beslut.andrar.map(|id| store.beslut(id)).transpose()?;
    let block = crate::letters::beslut::beslutsbrev(&b, &u.enhet, &u.arende.arendenummer, andrar.as_ref());
    let block = match &b.underlag {
        Some(f) => tilltal(block, &f.mottagare),
        None => block,
    };
    u.brev(&b.beslut.datum.to_string(), "Beslut om ekonomiskt bistånd", &block)
}

/// The decision letter as PDF bytes.
pub fn beslutsbrev_pdf(store: &Store, beslut_id: i64) -> Utskrivet<Vec<u8>> {
    beslutsbrev(store, beslut_id).map(|b| b.pdf)
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
) -> Utskrivet<Omgang> {
    crate::brevomgang::manadens_beslutsbrev(store, manad, mapp, framsteg).map_err(Utskriftsfel::from)
}

/// Beslut om återkrav dated `idag`: the letter of an återkrav decision, from its frozen record.
/// The law follows the grant decision's date; the letter has no appeal page (it cannot be
/// appealed).
fn aterkravsbrev(store: &Store, beslut_id: i64, idag: NaiveDate) -> Utskrivet<Brev> {
    let b = store.beslut(beslut_id)?;
    let (Some(f), true) = (&b.underlag, b.utfall == Utfall::Aterkrav) else {
        return Err("Beslutet är inget beslut om återkrav. Ett återkrav beslutas för sig under fliken Beslut, när det finns skäl att kräva tillbaka biståndet.".into());
    };
    let Some(a) = &f.aterkrav else {
        return Err("Beslutet om återkrav saknar uppgift om vad som krävs tillbaka.".into());
    };
    let lagrum = Aterkravslagrum::for_grund(&levererade_lagrum(), a.grund, a.bevilning_datum)?;
    let mut u = Brevunderlag::for_id(store, b.beslut.arende_id)?;
    u.enhet = f.enhet.clone();
    u.till =
        Mottagare { namn: f.mottagare.namn.clone(), adress: f.mottagare.adress.clone(), skyddad: f.mottagare.skyddad };
    let block = tilltal(crate::letters::aterkrav::aterkravsbrev(&b, a, &u.enhet, &lagrum), &f.mottagare);
    u.brev(&idag.to_string(), "Beslut om återkrav", &block)
}

/// The frozen record of an återkrav decision: the unit and recipient as they are today and what
/// it recovers.
pub fn aterkravsunderlag(store: &Store, arende_id: i64, aterkrav: Aterkravsuppgifter) -> Utskrivet<Beslutsunderlag> {
    let u = Brevunderlag::for_id(store, arende_id)?;
    Ok(Beslutsunderlag {
        enhet: u.enhet,
        mottagare: beslutsmottagare(store, u.arende.hushall_id)?,
        grund: Beslutsgrund::Berakning,
        berakning: None,
        utbetalning: None,
        ansokan_fingeravtryck: None,
        aterkravsvillkor: None,
        barnkonsekvenser: Vec::new(),
        aterkrav: Some(aterkrav),
    })
}

/// Beslut om återkrav as PDF bytes, dated today.
pub fn aterkravsbrev_pdf(store: &Store, beslut_id: i64) -> Utskrivet<Vec<u8>> {
    aterkravsbrev_pdf_den(store, beslut_id, chrono::Local::now().date_naive())
}

/// Beslut om återkrav as PDF bytes, dated `idag`.
pub fn aterkravsbrev_pdf_den(store: &Store, beslut_id: i64, idag: NaiveDate) -> Utskrivet<Vec<u8>> {
    aterkravsbrev(store, beslut_id, idag).map(|b| b.pdf)
}

/// The unit's logo: its own if it has replaced it, else the shipped placeholder. A database that
/// cannot be read is an error, not a letter without the unit's logo.
fn logo(store: &Store) -> Utskrivet<Option<Vec<u8>>> {
    let egen = store.logo()?;
    Ok(egen.or_else(|| Some(include_bytes!("../icons/logo.png").to_vec())))
}

/// The case's current plan for signing: the latest agreed version, else the draft marked UTKAST.
fn plan(store: &Store, arendenummer: &str, person: Option<i64>, idag: NaiveDate) -> Utskrivet<Brev> {
    let arende = store.arende_med_nummer(arendenummer)?;
    let plan = store
        .aktuell_plan(arende.id, person)?
        .ok_or_else(|| format!("Ärende {arendenummer} har ingen förändringsplan än."))?;
    let klient = store.personnamn(plan.person_id)?;
    let u = Brevunderlag::for_arende(store, arende)?;
    let datum = plan.overenskommen.map(|d| d.to_string());
    let underskrift = crate::letters::plan::Underskrift { klient: &klient, handlaggare: &u.arende.socialsekreterare };
    let block = crate::letters::plan::planbrev(&plan.innehall, datum.is_none(), datum.as_deref(), &underskrift);
    let titel = format!("Förändringsplan för {klient}, version {}", plan.version);
    u.brev(&datum.unwrap_or_else(|| idag.to_string()), &titel, &block)
}

/// The case's current plan as PDF bytes.
pub fn plan_pdf(store: &Store, arendenummer: &str, idag: NaiveDate) -> Utskrivet<Vec<u8>> {
    plan(store, arendenummer, None, idag).map(|b| b.pdf)
}

/// A part of the case's Initial bedömning; a part needing consent only with it.
fn ib_del(store: &Store, arendenummer: &str, del_id: &str, idag: NaiveDate) -> Utskrivet<Brev> {
    let arende = store.arende_med_nummer(arendenummer)?;
    let svar = store.ib_svar(arende.id)?.ok_or("Ärendet har ingen initial bedömning än.")?;
    let definition = store.ib_definition(Some(svar.definition_version))?;
    let del = definition.delar.iter().find(|d| d.id == del_id).ok_or_else(|| format!("IB har ingen del {del_id}."))?;
    svar.far_lamnas_ut(del)?;
    let mut block = Vec::new();
    if let Some(d) = svar.samtycke_jobbtorg.filter(|_| del.samtycke) {
        block.push(Block::Stycke(format!(
            "Klienten har samtyckt till att uppgifterna lämnas till Jobbtorg ({}).",
            crate::domain::klarsprak::datum(d)
        )));
    }
    for f in &del.falt {
        block.push(Block::Underrubrik(f.etikett.clone()));
        let text = svar.svar.get(&format!("{}.{}", del.id, f.id)).cloned().unwrap_or_default();
        block.push(Block::Stycke(if text.trim().is_empty() { "–".into() } else { text }));
    }
    let u = Brevunderlag::for_arende(store, arende)?;
    u.brev(&idag.to_string(), &del.rubrik, &block)
}

/// A part of the case's Initial bedömning as PDF bytes.
pub fn ib_del_pdf(store: &Store, arendenummer: &str, del_id: &str, idag: NaiveDate) -> Utskrivet<Vec<u8>> {
    ib_del(store, arendenummer, del_id, idag).map(|b| b.pdf)
}

/// The FIA sammanställning of an interview, under the definition it was taken with.
fn fia(store: &Store, intervju_id: i64, idag: NaiveDate, med_kansliga: bool) -> Utskrivet<Brev> {
    let (arende_id, intervju) = store.fia_intervju(intervju_id)?;
    let definition = store.fia_definition(Some(intervju.definition_version))?;
    let u = Brevunderlag::for_id(store, arende_id)?;
    let block = crate::letters::fia::sammanstallning(&definition, &intervju, med_kansliga);
    let datum = intervju.datum.unwrap_or(idag).to_string();
    u.brev(&datum, "FIA – sammanställning", &block)
}

/// The FIA sammanställning as PDF bytes.
pub fn fia_pdf(store: &Store, intervju_id: i64, idag: NaiveDate) -> Utskrivet<Vec<u8>> {
    fia(store, intervju_id, idag, false).map(|b| b.pdf)
}

//! Fictitious training households. None of these people exist: the names are common Swedish
//! names combined at random, and every personnummer uses a birth number from 980–999, which
//! the demo reserves for made-up persons.

mod andringar;
mod ansokningar;
mod aterkrav;
mod barn;
mod fakta;
mod fia;
mod handgjorda;
mod historik;
mod livsforing;
mod planer;
mod utbetalningar;

pub use utbetalningar::{DEMOKASSA, utbetalningsdagar};

use crate::domain::arende::{ArendeStatus, Avslutsorsak, Forsorjningshinder};
use crate::domain::hushall::{Adress, Medlem, NyttHushall, Person, Relation, Roll};
use crate::domain::journal::NyJournalPost;
use crate::domain::manad::Manad;
use crate::domain::norm::Normtabell;
use crate::domain::personnummer::Personnummer;
use crate::domain::screening::Instrument;
use crate::store::{NyttArende, Resultat, Skrivning, Store, StoreError};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use std::collections::HashSet;

const KVINNOR: &[&str] = &[
    "Anna", "Maria", "Elin", "Sara", "Lena", "Emma", "Fatima", "Amina", "Hanna", "Ida", "Linnea", "Sofia", "Aisha",
    "Leyla", "Nora", "Maja", "Klara", "Agnes", "Ebba", "Wilma",
];
const MAN: &[&str] = &[
    "Johan", "Erik", "Lars", "Anders", "Mikael", "Per", "Karl", "Ali", "Ahmed", "Omar", "Oskar", "Viktor", "Hugo",
    "Elias", "Liam", "Noah", "Adam", "Yusuf", "Daniel", "Jonas",
];
const EFTERNAMN: &[&str] = &[
    "Andersson",
    "Karlsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Lindqvist",
    "Sandberg",
    "Holm",
    "Hedlund",
    "Nyström",
    "Forsberg",
    "Åberg",
    "Hassan",
    "Yilmaz",
    "Engström",
    "Wallin",
    "Sjöberg",
    "Dahl",
    "Lundin",
    "Bergström",
    "Nordin",
    "Strand",
    "Mohammed",
    "Ekdahl",
    "Söderlund",
];
const GATOR: &[&str] = &[
    "Björkstigen",
    "Lärkvägen",
    "Granbacken",
    "Smedjegatan",
    "Vintergatan",
    "Ängsvägen",
    "Solrosvägen",
    "Havrevägen",
    "Stråvägen",
    "Klövervägen",
    "Ekbacken",
    "Lönnvägen",
];
const HANDLAGGARE: &[&str] = &["Ulrika Berg", "Tobias Lund", "Jenny Sahlin", "Reza Karimi", "Petra Fors"];
const BIDRAGSHANDLAGGARE: &[&str] = &["Mats Ottosson", "Helena Vik", "Samir Aziz"];

/// A tiny deterministic generator (splitmix64): the same demo every time.
struct Slump(u64);

impl Slump {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn under(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn val<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.under(list.len())]
    }
    fn chans(&mut self, procent: u64) -> bool {
        self.next() % 100 < procent
    }
}

/// Builds persons with unique, valid, fictitious personnummer.
struct Personfabrik {
    slump: Slump,
    anvanda: HashSet<String>,
    idag: NaiveDate,
    /// First names already given in the household being built: no two alike.
    hushallets_fornamn: Vec<String>,
}

impl Personfabrik {
    /// A person born `alder` years (plus a random part of a year) before today.
    fn person(&mut self, alder: u32, kvinna: bool, efternamn: &str) -> Person {
        let mut fornamn = self.slump.val(if kvinna { KVINNOR } else { MAN }).to_string();
        while self.hushallets_fornamn.contains(&fornamn) {
            fornamn = self.slump.val(if kvinna { KVINNOR } else { MAN }).to_string();
        }
        self.hushallets_fornamn.push(fornamn.clone());
        self.person_med_namn(alder, kvinna, &fornamn, efternamn, false)
    }

    fn person_med_namn(
        &mut self,
        alder: u32,
        kvinna: bool,
        fornamn: &str,
        efternamn: &str,
        samordning: bool,
    ) -> Person {
        loop {
            let dagar = u64::from(alder) * 365 + alder as u64 / 4 + self.slump.under(360) as u64 + 2;
            let fodd = self.idag.checked_sub_days(Days::new(dagar)).unwrap_or(self.idag);
            // Birth numbers 980–999; the last of the three digits gives the legal sex.
            let mut serial = 980 + self.slump.under(20) as u16;
            if (serial % 2 == 1) == kvinna {
                serial = if serial == 999 { 998 } else { serial + 1 };
            }
            let Some(pnr) = Personnummer::from_parts(fodd, serial, samordning) else { continue };
            if self.anvanda.insert(pnr.twelve_digits()) {
                return Person { pnr, fornamn: fornamn.to_string(), efternamn: efternamn.to_string() };
            }
        }
    }
}

fn medlem(person: Person, roll: Roll) -> Medlem {
    Medlem { person, roll, lunch_utanfor_hemmet: false, gar_i_gymnasiet: false }
}

fn barn(person: Person, idag: NaiveDate) -> Medlem {
    let alder = person.pnr.age_at(idag);
    Medlem { person, roll: Roll::Barn, lunch_utanfor_hemmet: (1..=6).contains(&alder), gar_i_gymnasiet: alder >= 16 }
}

/// One household to create, with its case and journal.
struct Demohushall {
    hushall: NyttHushall,
    arende: NyttArende,
    avslut: Option<(Avslutsorsak, NaiveDate)>,
    journal: Vec<(NaiveDate, &'static str, String)>,
}

/// What demo to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Demoval {
    /// Households in all; the first twelve are hand-made.
    pub hushall: usize,
    /// Average months of history per generated household (0: only the registration).
    pub manader: u32,
}

/// How building a demo ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Demoslut {
    Klar,
    /// Cancelled by the user; the batches already written are kept.
    Avbruten {
        skapade: usize,
    },
}

/// Generated households are written in transactions of this many: a crash or a cancel keeps
/// whole households, and the write-ahead log stays small.
const BATCH: usize = 250;

/// Creates `antal` fictitious households without history (see [`bygg_demo`]). Like every
/// function here it writes only into a training database or an empty one (which it marks as
/// a training database); any other is refused with [`StoreError::InteOvningsdatabas`].
pub fn skapa_demo(store: &mut Store, antal: usize, nu: NaiveDateTime) -> Resultat<()> {
    bygg_demo(store, Demoval { hushall: antal, manader: 0 }, nu, &mut |_, _| true).map(|_| ())
}

/// Creates the demo: the first twelve households hand-made (covering every kind of household
/// the rules know, in one transaction), the rest generated in batches. `framsteg(klara, alla)`
/// is called for every household and once at the end; returning `false` cancels after the
/// batch being written (whole batches are kept).
pub fn bygg_demo(
    store: &mut Store,
    val: Demoval,
    nu: NaiveDateTime,
    framsteg: &mut dyn FnMut(usize, usize) -> bool,
) -> Resultat<Demoslut> {
    let antal = val.hushall;
    let idag = nu.date();
    let mut fabrik = Personfabrik {
        slump: Slump(0x00B1_57A4_D000_0001),
        anvanda: HashSet::new(),
        idag,
        hushallets_fornamn: Vec::new(),
    };
    let tabeller = tabeller(store, val.manader, idag);
    let regler = store.regler()?;
    store.skriv(|w| {
        w.krav_ovningsdatabas()?;
        let mut hushall = handgjorda::hushall(&mut fabrik, idag);
        hushall.truncate(antal);
        let underlag = Underlag { tabeller: &tabeller, regler: &regler, nu };
        let mut arenden = Vec::new();
        for (i, h) in hushall.iter().enumerate() {
            arenden.push(handgjort(w, i, h, &underlag)?);
        }
        andringar::skriv(w, &mut fabrik.anvanda, &hushall, &arenden, nu)
    })?;
    // One user per role, password `ovning`: only ever in a training database.
    crate::arbete::anvandare::skapa_ovningsanvandare(store, nu).map_err(|e| StoreError::Regel(e.to_string()))?;
    let slut = slumpade(store, &mut fabrik, antal.min(HANDGJORDA)..antal, val.manader, nu, framsteg)?;
    utbetalningar::bestall(store, nu)?;
    Ok(slut)
}

/// What every hand-made household's history is written with.
struct Underlag<'a> {
    tabeller: &'a [(i64, Normtabell)],
    regler: &'a crate::domain::norm::Regler,
    nu: NaiveDateTime,
}

/// Hand-made household number `i`: the household, its plans and screenings, and its months.
fn handgjort(w: &Skrivning, i: usize, h: &Demohushall, u: &Underlag) -> Resultat<i64> {
    let nu = u.nu;
    let arende_id = skapa(w, h, nu)?;
    let skribent = &h.arende.socialsekreterare;
    match i {
        1 => planer::overenskommen(w, arende_id, skribent, nu)?,
        7 => planer::tva_versioner(w, arende_id, skribent, nu)?,
        2 => planer::utkast(w, arende_id, skribent, nu)?,
        _ => {}
    }
    screeningar(w, i, h, nu)?;
    let denna = Manad::av(nu.date());
    // Last month for every current case; this month for the training family (the first).
    let manad = match (i, h.arende.status) {
        (0 | 8, _) => Some(denna),
        (_, ArendeStatus::Aktuell) => Some(denna.foregaende()),
        _ => None,
    };
    let Some(manad) = manad else { return Ok(arende_id) };
    let inkom = manad.forsta_dagen().max(h.arende.startdatum).min(nu.date());
    let mut a = ansokningar::ansokan(&h.hushall.medlemmar, manad, inkom, i == 0);
    if i == 8 {
        // Under investigation: the application lacks documents (komplettering).
        a.komplett = false;
        a.saknas = "kontoutdrag för de senaste tre månaderna; beslut om etableringsersättning".into();
    }
    let utfall = match i {
        2 => ansokningar::Demoutfall::DelavslagHyra,
        11 => ansokningar::Demoutfall::AvslagOfullstandig,
        _ => ansokningar::Demoutfall::Bifall,
    };
    let sparad = ansokningar::spara(w, arende_id, &a, utfall, (u.tabeller, u.regler), nu)?;
    // The training family's application waits for the trainee's decision, and an
    // incomplete one for its documents.
    if let (Some(sparad), true) = (sparad, i != 0 && i != 8) {
        ansokningar::besluta(w, arende_id, &h.hushall, skribent, sparad, utfall, nu)?;
    }
    // A long-term client (FIA's target group): five more granted months before last month,
    // and two FIA interviews months apart.
    if i == 9 {
        fia::tva_intervjuer(w, arende_id, nu)?;
        let mut manad = denna.foregaende();
        for _ in 0..5 {
            manad = manad.foregaende();
            tidigare_manad(w, arende_id, h, manad, ansokningar::Demoutfall::Bifall, u)?;
        }
    }
    // A longer history before the new law (from 2025-07-01): a bifall and an avslag.
    if i == 7 {
        for (manad, utfall) in
            [("2025-05", ansokningar::Demoutfall::Forskott), ("2025-06", ansokningar::Demoutfall::AvslagArbetsmarknad)]
        {
            let manad = Manad::parse(manad).map_err(StoreError::Regel)?;
            tidigare_manad(w, arende_id, h, manad, utfall, u)?;
        }
    }
    Ok(arende_id)
}

/// An earlier month of a hand-made case: the application, decided with `utfall`.
fn tidigare_manad(
    w: &Skrivning,
    arende_id: i64,
    h: &Demohushall,
    manad: Manad,
    utfall: ansokningar::Demoutfall,
    u: &Underlag,
) -> Resultat<()> {
    let a = ansokningar::ansokan(&h.hushall.medlemmar, manad, manad.forsta_dagen(), false);
    if let Some(sparad) = ansokningar::spara(w, arende_id, &a, utfall, (u.tabeller, u.regler), u.nu)? {
        ansokningar::besluta(w, arende_id, &h.hushall, &h.arende.socialsekreterare, sparad, utfall, u.nu)?;
    }
    Ok(())
}

/// Screenings on some persons (sensitive: shown only on the Screening tab).
fn screeningar(w: &Skrivning, i: usize, h: &Demohushall, nu: NaiveDateTime) -> Resultat<()> {
    let forsta = &h.hushall.medlemmar[0].person.pnr;
    let skribent = &h.arende.socialsekreterare;
    let idag = nu.date();
    match i {
        9 => {
            let audit = [Some(3), Some(2), Some(2), Some(1), Some(1), Some(0), Some(1), Some(1), Some(0), Some(2)];
            w.spara_screening(forsta, Instrument::Audit, idag - Days::new(60), &audit, skribent, nu)?;
            w.spara_screening(forsta, Instrument::Dudit, idag - Days::new(60), &[Some(0); 11], skribent, nu)?;
        }
        5 => {
            let freda = [Some(0), Some(1), Some(0), Some(0), Some(0)];
            w.spara_screening(forsta, Instrument::Freda, idag - Days::new(80), &freda, skribent, nu)?;
        }
        _ => {}
    }
    Ok(())
}

/// Adds `antal` generated households (with on average `manader` months of history) to a
/// database that already has households: the training database grows for a course.
pub fn fyll_pa_demo(
    store: &mut Store,
    antal: usize,
    manader: u32,
    nu: NaiveDateTime,
    framsteg: &mut dyn FnMut(usize, usize) -> bool,
) -> Resultat<Demoslut> {
    store.skriv(|w| w.krav_ovningsdatabas())?;
    let befintliga = store.antal_hushall()?;
    let mut fabrik = Personfabrik {
        // Another seed for every fill, and none of the personnummer already used.
        slump: Slump(0x00B1_57A4_D000_0001 ^ (befintliga as u64).wrapping_mul(0x9E37_79B9)),
        anvanda: store.alla_personnummer()?.into_iter().collect(),
        idag: nu.date(),
        hushallets_fornamn: Vec::new(),
    };
    let mut relativt = |klara: usize, _: usize| framsteg(klara - befintliga, antal);
    match slumpade(store, &mut fabrik, befintliga..befintliga + antal, manader, nu, &mut relativt)? {
        Demoslut::Avbruten { skapade } => Ok(Demoslut::Avbruten { skapade: skapade - befintliga }),
        Demoslut::Klar => Ok(Demoslut::Klar),
    }
}

/// The norm tables of every year the history reaches back to (at most 1.5 × the average, see
/// `slumpat`), and at least those the hand-made cases use.
fn tabeller(store: &Store, manader: u32, idag: NaiveDate) -> Vec<(i64, Normtabell)> {
    let aldsta = idag.checked_sub_months(chrono::Months::new(manader * 3 / 2 + 1)).unwrap_or(idag);
    (aldsta.year().min(2025)..=idag.year()).filter_map(|ar| store.normtabell_for_ar(ar).ok().flatten()).collect()
}

/// Generated households number `nummer`, written in batches, reporting each to `framsteg`.
fn slumpade(
    store: &mut Store,
    fabrik: &mut Personfabrik,
    nummer: std::ops::Range<usize>,
    manader: u32,
    nu: NaiveDateTime,
    framsteg: &mut dyn FnMut(usize, usize) -> bool,
) -> Resultat<Demoslut> {
    let idag = nu.date();
    let tabeller = tabeller(store, manader, idag);
    let regler = store.regler()?;
    let miljo = historik::Miljo { tabeller: &tabeller, regler: &regler };
    let mut klara = nummer.start;
    let mut avbryt = !framsteg(klara, nummer.end);
    while klara < nummer.end && !avbryt {
        let slut = (klara + BATCH).min(nummer.end);
        store.skriv(|w| {
            for i in klara..slut {
                // Progress for every household; a cancel takes effect when the batch is whole.
                avbryt |= !framsteg(i, nummer.end);
                let h = slumpat(fabrik, idag, i, manader);
                let id = registrera(w, &h, nu)?;
                if manader > 0 && h.arende.status != ArendeStatus::UnderUtredning {
                    historik::skriv(w, &mut fabrik.slump, id, &h, &miljo, nu)?;
                }
                avsluta(w, &h, id)?;
            }
            Ok(())
        })?;
        klara = slut;
    }
    if avbryt && klara < nummer.end {
        return Ok(Demoslut::Avbruten { skapade: klara });
    }
    framsteg(nummer.end, nummer.end);
    Ok(Demoslut::Klar)
}

/// The number of hand-made households.
const HANDGJORDA: usize = 12;

fn skapa(w: &Skrivning, h: &Demohushall, nu: NaiveDateTime) -> Resultat<i64> {
    let id = registrera(w, h, nu)?;
    avsluta(w, h, id)?;
    Ok(id)
}

/// Registers the household and its case (a closed case as current: it is closed afterwards,
/// the way a real case ends) and writes its journal.
fn registrera(w: &Skrivning, h: &Demohushall, nu: NaiveDateTime) -> Resultat<i64> {
    let stangs = h.arende.status == ArendeStatus::Avslutad;
    let registrering =
        NyttArende { status: if stangs { ArendeStatus::Aktuell } else { h.arende.status }, ..h.arende.clone() };
    // Registered the day the case started: the members' periods begin then.
    let reg = w.skapa_hushall(&h.hushall, &registrering, h.arende.startdatum.and_time(nu.time()).min(nu))?;
    let skribent = &h.arende.socialsekreterare;
    for (datum, rubrik, text) in &h.journal {
        let post = NyJournalPost { datum: *datum, rubrik: rubrik.to_string(), text: text.clone(), ersatter: None };
        w.skriv_journal(reg.arende_id, &post, skribent, nu)?;
    }
    Ok(reg.arende_id)
}

fn avsluta(w: &Skrivning, h: &Demohushall, arende_id: i64) -> Resultat<()> {
    if let Some((orsak, datum)) = h.avslut.filter(|_| h.arende.status == ArendeStatus::Avslutad) {
        w.byt_status(arende_id, ArendeStatus::Avslutad, Some(orsak), datum)?;
    }
    Ok(())
}

fn adress(slump: &mut Slump) -> Adress {
    Adress {
        gatuadress: format!("{} {}", slump.val(GATOR), 1 + slump.under(40)),
        postnummer: format!("12{} {:02}", 3 + slump.under(7), slump.under(100)),
        postort: "Stockholm".into(),
    }
}

fn dagar_sedan(idag: NaiveDate, dagar: u64) -> NaiveDate {
    idag.checked_sub_days(Days::new(dagar)).unwrap_or(idag)
}

fn arende(slump: &mut Slump, status: ArendeStatus, hinder: Forsorjningshinder, start: NaiveDate) -> NyttArende {
    NyttArende {
        status,
        socialsekreterare: slump.val(HANDLAGGARE).into(),
        bidragshandlaggare: if status == ArendeStatus::UnderUtredning {
            String::new()
        } else {
            slump.val(BIDRAGSHANDLAGGARE).into()
        },
        forsorjningshinder: Some(hinder),
        startdatum: start,
    }
}

/// A generated household with realistic proportions: about half single adults, most
/// households small, some large.
/// With `manader` > 0 the case started between half and one and a half times that many months
/// ago (on average `manader`), and a closed case was closed in the last half year.
fn slumpat(f: &mut Personfabrik, idag: NaiveDate, nr: usize, manader: u32) -> Demohushall {
    f.hushallets_fornamn.clear();
    let efternamn = f.slump.val(EFTERNAMN);
    let kvinna = f.slump.chans(50);
    // Adults were adults through all their history too.
    let vuxen = 18 + if manader > 0 { manader * 3 / 2 / 12 + 1 } else { 0 };
    let alder = vuxen + f.slump.under(47) as u32;
    let mut medlemmar = vec![medlem(f.person(alder, kvinna, efternamn), Roll::Sokande)];
    let mut relation = None;
    let typ = f.slump.under(100);
    if (50..80).contains(&typ) {
        // Couples (with or without children).
        let partner_alder = (alder as i32 + f.slump.under(9) as i32 - 4).max(vuxen as i32) as u32;
        medlemmar.push(medlem(f.person(partner_alder, !kvinna, efternamn), Roll::Medsokande));
        relation = Some(if f.slump.chans(50) { Relation::Gift } else { Relation::Sambo });
    }
    // Half are single adults without children; a fifth single parents; couples with or without children.
    if typ >= 60 {
        let antal_barn = match f.slump.under(100) {
            0..=39 => 1,
            40..=74 => 2,
            75..=91 => 3,
            _ => 4 + f.slump.under(4),
        };
        let max_alder = alder.saturating_sub(18).min(18);
        for _ in 0..antal_barn {
            let ba = f.slump.under(max_alder as usize + 1) as u32;
            let flicka = f.slump.chans(50);
            medlemmar.push(barn(f.person(ba, flicka, efternamn), idag));
        }
    }
    let status = match f.slump.under(100) {
        0..=9 => ArendeStatus::UnderUtredning,
        10..=79 => ArendeStatus::Aktuell,
        _ => ArendeStatus::Avslutad,
    };
    let hinder = Forsorjningshinder::ALLA[f.slump.under(Forsorjningshinder::ALLA.len())];
    let (start, avslutad_for) = if manader == 0 || status == ArendeStatus::UnderUtredning {
        (dagar_sedan(idag, 5 + f.slump.under(if manader == 0 { 900 } else { 25 }) as u64), f.slump.under(5) as u64)
    } else {
        let tillbaka = manader / 2 + f.slump.under(manader as usize + 1) as u32;
        let forsta = Manad::av(idag).forsta_dagen().checked_sub_months(chrono::Months::new(tillbaka.max(1)));
        let start = forsta.unwrap_or(idag) + Days::new(f.slump.under(27) as u64);
        let sedan = (idag - start).num_days().max(1) as usize;
        (start, f.slump.under(sedan.min(180)) as u64)
    };
    let avslut = (status == ArendeStatus::Avslutad).then(|| {
        let orsak = Avslutsorsak::ALLA[f.slump.under(Avslutsorsak::ALLA.len())];
        (orsak, dagar_sedan(idag, avslutad_for))
    });
    let arende = arende(&mut f.slump, status, hinder, start);
    let journal = vec![(start, "Nybesök", format!("Nybesök genomfört (demohushåll {}).", nr + 1))];
    let hushall = NyttHushall {
        medlemmar,
        relation,
        adress: adress(&mut f.slump),
        telefon: format!("070-{:03} {:02} {:02}", 100 + f.slump.under(900), f.slump.under(100), f.slump.under(100)),
        skyddade_personuppgifter: f.slump.chans(1),
    };
    Demohushall { hushall, arende, avslut, journal }
}

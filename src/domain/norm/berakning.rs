//! The monthly calculation: riksnorm for the household + approved costs − counted incomes,
//! every line explained. Exact decimals throughout; each line is rounded to öre and only the
//! granted amount to whole kronor (halves up).

use super::fel::Berakningsfel;
use super::livsforing::{Livsforingspost, ar_livsforing};
use super::poster::{Justering, Normrad, Regler, Underlag};
use super::tabell::{Aldersband, Cell, Normtabell};
use crate::domain::belopp::Belopp;
use crate::domain::hushall::Roll;
use crate::domain::klarsprak::antal;
use crate::domain::personnummer::age_at;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What a line of the calculation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Radtyp {
    /// A norm line (adds to the need).
    Norm,
    /// An approved cost outside the norm (adds to the need).
    Kostnad,
    /// A counted income (subtracts, shown negative).
    Inkomst,
    /// A sum or the rounding: explains, does not add.
    Summa,
    /// Information without an amount that counts (e.g. an income that is not counted).
    Info,
    /// An item of livsföring i övrigt: what it can get, beside försörjningsstöd.
    Livsforing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rad {
    pub text: String,
    pub belopp: Belopp,
    pub typ: Radtyp,
}

/// The result of a month's calculation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resultat {
    pub tabellar: i32,
    pub norm_personlig: Belopp,
    pub norm_gemensam: Belopp,
    pub norm: Belopp,
    pub kostnader: Belopp,
    pub inkomster: Belopp,
    /// Need minus incomes: positive is underskott, negative överskott.
    pub saldo: Belopp,
    /// Försörjningsstöd (rounded to whole kronor).
    pub beviljas: Belopp,
    /// What the counted incomes exceed försörjningsstöd's need by (zero when they do not).
    pub overskott: Belopp,
    /// Livsföring i övrigt, item by item, with the överskott set against them in order.
    pub livsforing: Vec<Livsforingspost>,
    /// What the household can get in all: försörjningsstöd plus every livsföring item.
    pub totalt: Belopp,
    pub rader: Vec<Rad>,
    pub varningar: Vec<String>,
}

struct Bygge<'a> {
    tabell: &'a Normtabell,
    rader: Vec<Rad>,
    varningar: Vec<String>,
}

impl Bygge<'_> {
    fn cell(&mut self, cell: Option<&Cell>, vad: &str) -> Result<Belopp, String> {
        let cell = cell.ok_or_else(|| format!("Normtabellen för {} saknar belopp för {vad}.", self.tabell.ar))?;
        if !cell.verifierad {
            let text = format!(
                "Normbeloppet för {vad} i tabellen för {} är inte verifierat ({}).",
                self.tabell.ar, cell.kalla
            );
            if !self.varningar.contains(&text) {
                self.varningar.push(text);
            }
        }
        Belopp::parse_icke_negativt(&cell.belopp)
            .map_err(|_| format!("Normtabellen för {} har ett ogiltigt belopp för {vad}.", self.tabell.ar))
    }

    /// The shared amount for any household size; above 7 persons each extra person adds the
    /// difference between the 6- and 7-person amounts.
    fn gemensamt(&mut self, personer: u32) -> Result<Belopp, String> {
        if personer <= 7 {
            return self.cell(
                self.tabell.gemensamt(personer),
                &format!("gemensamma kostnader, {}", antal(u64::from(personer), "person", "personer")),
            );
        }
        let sju = self.cell(self.tabell.gemensamt(7), "gemensamma kostnader, 7 personer")?;
        let sex = self.cell(self.tabell.gemensamt(6), "gemensamma kostnader, 6 personer")?;
        Ok(sju + (sju - sex) * Decimal::from(personer - 7))
    }

    fn rad(&mut self, text: String, belopp: Belopp, typ: Radtyp) {
        self.rader.push(Rad { text, belopp, typ });
    }
}

fn andel(belopp: Belopp, dagar: u32, av: u32) -> Belopp {
    if dagar == av { belopp } else { (belopp * Decimal::from(dagar) * (Decimal::ONE / Decimal::from(av))).till_ore() }
}

fn dagar_text(dagar: u32, av: u32) -> String {
    if dagar == av { String::new() } else { format!(" ({dagar} av {av} dagar)") }
}

/// Applies an adjustment for särskilda skäl to a norm line, keeping the original in the text.
fn justera(justeringar: &[Justering], rad: Normrad, text: &mut String, belopp: &mut Belopp) {
    if let Some(j) = justeringar.iter().find(|j| j.rad == rad) {
        text.push_str(&format!(" – justerat från {} av särskilda skäl: {}", belopp, j.motivering.trim()));
        *belopp = j.belopp;
    }
}

/// Who is present which days of the month: day numbers 1..=D per member.
struct Narvaro {
    dagar_i_manaden: u32,
    dagar: Vec<(u32, u32)>,
}

impl Narvaro {
    fn ny(u: &Underlag) -> Narvaro {
        let forsta = u.manad.forsta_dagen();
        let sista = u.manad.sista_dagen();
        let dagar = u
            .medlemmar
            .iter()
            .map(|m| {
                let fran = m.fran.unwrap_or(forsta).max(forsta);
                let till = m.till.unwrap_or(sista).min(sista);
                (chrono::Datelike::day(&fran), chrono::Datelike::day(&till))
            })
            .collect();
        Narvaro { dagar_i_manaden: u.manad.antal_dagar(), dagar }
    }

    fn antal_dagar(&self, i: usize) -> u32 {
        self.dagar[i].1 + 1 - self.dagar[i].0
    }

    fn narvarande(&self, i: usize, dag: u32) -> bool {
        (self.dagar[i].0..=self.dagar[i].1).contains(&dag)
    }
}

impl Bygge<'_> {
    /// Adults: ensamstående or the pair amount, day by day.
    fn vuxna(&mut self, u: &Underlag, n: &Narvaro) -> Result<Belopp, String> {
        let tabell = self.tabell;
        let dagar_i_manaden = n.dagar_i_manaden;
        let vuxna: Vec<usize> = (0..u.medlemmar.len()).filter(|&i| u.medlemmar[i].roll != Roll::Barn).collect();
        let (mut en, mut tva) = (0u32, 0u32);
        for dag in 1..=dagar_i_manaden {
            match vuxna.iter().filter(|&&i| n.narvarande(i, dag)).count() {
                1 => en += 1,
                2 => tva += 1,
                _ => {}
            }
        }
        if en + tva == 0 {
            return Ok(Belopp::NOLL);
        }
        let ensam = if en > 0 { self.cell(Some(&tabell.ensamstaende), "ensamstående vuxen")? } else { Belopp::NOLL };
        let par = if tva > 0 { self.cell(Some(&tabell.sambor), "sambor")? } else { Belopp::NOLL };
        let mut belopp = andel(ensam, en, dagar_i_manaden) + andel(par, tva, dagar_i_manaden);
        let mut text = match (en, tva) {
            (_, 0) => format!("Personliga kostnader, ensamstående vuxen{}", dagar_text(en, dagar_i_manaden)),
            (0, _) => {
                format!("Personliga kostnader, två vuxna (sambor eller gifta){}", dagar_text(tva, dagar_i_manaden))
            }
            _ => {
                format!(
                    "Personliga kostnader, vuxna: ensamstående {}, sambor {} av {dagar_i_manaden}",
                    antal(u64::from(en), "dag", "dagar"),
                    antal(u64::from(tva), "dag", "dagar")
                )
            }
        };
        justera(&u.justeringar, Normrad::Vuxna, &mut text, &mut belopp);
        self.rad(text, belopp, Radtyp::Norm);
        Ok(belopp)
    }

    /// Children: the band from the age on the first day of the month.
    fn barn(&mut self, u: &Underlag, n: &Narvaro) -> Result<Belopp, String> {
        let tabell = self.tabell;
        let forsta = u.manad.forsta_dagen();
        let dagar_i_manaden = n.dagar_i_manaden;
        let mut personlig = Belopp::NOLL;
        for (i, m) in u.medlemmar.iter().enumerate().filter(|(_, m)| m.roll == Roll::Barn) {
            let alder = age_at(m.fodd, forsta);
            let band = Aldersband::for_alder(alder).ok_or_else(|| format!("Barnet {} är {alder} år.", namn(m, i)))?;
            let utan_lunch = m.lunch_utanfor_hemmet && band.har_utan_lunch();
            let (cell, tillagg) = match (utan_lunch, tabell.barn_utan_lunch(band)) {
                (true, Some(c)) => (Some(c), ", äter lunch utanför hemmet"),
                (true, None) => {
                    self.varningar.push(format!(
                        "Normtabellen för {} har inget belopp utan lunch för {}; det vanliga beloppet används för {}.",
                        tabell.ar,
                        band.namn(),
                        namn(m, i)
                    ));
                    (tabell.barn(band), "")
                }
                _ => (tabell.barn(band), ""),
            };
            let hel = self.cell(cell, &format!("barn {}{tillagg}", band.namn()))?;
            let mut belopp = andel(hel, n.antal_dagar(i), dagar_i_manaden);
            let mut text = format!(
                "Personliga kostnader, {}, {alder} år (normgrupp {}{tillagg}){}",
                namn(m, i),
                band.namn(),
                dagar_text(n.antal_dagar(i), dagar_i_manaden)
            );
            justera(&u.justeringar, Normrad::Barn(i), &mut text, &mut belopp);
            personlig += belopp;
            self.rad(text, belopp, Radtyp::Norm);
        }
        Ok(personlig)
    }

    /// Shared household costs: by size day by day, or the household's share under the lodger rule.
    fn gemensamma(&mut self, u: &Underlag, n: &Narvaro) -> Result<Belopp, String> {
        let dagar_i_manaden = n.dagar_i_manaden;
        let (mut gemensam, mut text) = match u.personer_i_bostaden {
            Some(p) if p as usize > u.medlemmar.len() => {
                let hel = self.gemensamt(p)?;
                let persondagar: u32 = (0..u.medlemmar.len()).map(|i| n.antal_dagar(i)).sum();
                let belopp =
                    (hel * Decimal::from(persondagar) * (Decimal::ONE / Decimal::from(p * dagar_i_manaden))).till_ore();
                let text = format!(
                    "Gemensamma hushållskostnader: {p} personer delar bostaden ({hel} för {p} personer), hushållets andel {} av {p}",
                    u.medlemmar.len()
                );
                (belopp, text)
            }
            _ => {
                let mut per_storlek: std::collections::BTreeMap<u32, u32> = Default::default();
                for dag in 1..=dagar_i_manaden {
                    let storlek = (0..u.medlemmar.len()).filter(|&i| n.narvarande(i, dag)).count() as u32;
                    if storlek > 0 {
                        *per_storlek.entry(storlek).or_default() += 1;
                    }
                }
                let mut belopp = Belopp::NOLL;
                let mut delar = Vec::new();
                for (&storlek, &dagar) in &per_storlek {
                    belopp += andel(self.gemensamt(storlek)?, dagar, dagar_i_manaden);
                    delar.push(format!(
                        "{storlek} {}{}",
                        if storlek == 1 { "person" } else { "personer" },
                        dagar_text(dagar, dagar_i_manaden)
                    ));
                }
                (belopp, format!("Gemensamma hushållskostnader, {}", delar.join(" och ")))
            }
        };
        justera(&u.justeringar, Normrad::Gemensamt, &mut text, &mut gemensam);
        self.rad(text, gemensam, Radtyp::Norm);
        Ok(gemensam)
    }

    /// Costs outside the norm: the approved amount counts.
    fn kostnader(&mut self, u: &Underlag, regler: &Regler) -> Belopp {
        let mut kostnader = Belopp::NOLL;
        let inom: Vec<_> = u.kostnader.iter().filter(|k| !ar_livsforing(k, u)).collect();
        for k in inom.iter().copied() {
            let godkant = k.godkant_belopp();
            let text = if godkant == k.ansokt {
                format!("{}: ansökt och godkänt {}", k.typ.namn(), k.ansokt)
            } else {
                format!("{}: ansökt {}, godkänt {} – {}", k.typ.namn(), k.ansokt, godkant, k.motivering.trim())
            };
            kostnader += godkant;
            self.rad(text, godkant, Radtyp::Kostnad);
        }
        if !inom.is_empty() {
            self.rad("Summa godkända kostnader utöver normen".into(), kostnader, Radtyp::Summa);
        }
        if let Some(tak) = &regler.hyrestak {
            let antal_barn = u.medlemmar.iter().filter(|m| m.roll == Roll::Barn).count();
            let grans = tak.for_barn(antal_barn);
            let boende: Belopp =
                u.kostnader.iter().filter(|k| k.typ == super::Kostnadstyp::Boende).map(|k| k.godkant_belopp()).sum();
            if boende > grans {
                self.varningar.push(format!(
                    "Godkänd boendekostnad {boende} är över enhetens tak {grans} för hushåll med {antal_barn} barn{}. Pröva skäligheten (rådrum).",
                    if tak.exempel { " (exempeltabell – ersätt med enhetens egen under Inställningar)" } else { "" }
                ));
            }
        }
        kostnader
    }

    /// Incomes: counted ones reduce the need; the särskild beräkningsregel (jobbstimulans) and a
    /// child's earnings are explained (see `inkomster.rs`).
    fn inkomster(&mut self, u: &Underlag, regler: &Regler) -> Belopp {
        let mut inkomster = Belopp::NOLL;
        for ink in &u.inkomster {
            let vem = ink.person.map(|i| format!(", {}", namn(&u.medlemmar[i], i))).unwrap_or_default();
            let rubrik = format!("{}{vem}", ink.typ.namn());
            if !ink.typ.raknas() {
                self.rad(format!("{rubrik} {} – räknas inte som inkomst", ink.belopp), Belopp::NOLL, Radtyp::Info);
                continue;
            }
            let r = super::inkomster::rakna(ink, &rubrik, u, regler);
            if let Some(v) = r.varning
                && !self.varningar.contains(&v)
            {
                self.varningar.push(v);
            }
            inkomster += r.raknas;
            self.rad(r.text, -r.raknas, Radtyp::Inkomst);
        }
        if !u.inkomster.is_empty() {
            self.rad("Summa inkomster som räknas".into(), -inkomster, Radtyp::Summa);
        }
        inkomster
    }

    /// Underskott or överskott, the rounding, and what is granted.
    fn utfall(&mut self, saldo: Belopp) -> Belopp {
        let beviljas = if saldo > Belopp::NOLL { saldo.rounded_to_krona() } else { Belopp::NOLL };
        if saldo > Belopp::NOLL {
            self.rad("Underskott (behov minus inkomster)".into(), saldo, Radtyp::Summa);
            if beviljas != saldo {
                self.rad(
                    "Avrundning till hela kronor (öresbelopp från 50 öre avrundas uppåt)".into(),
                    beviljas - saldo,
                    Radtyp::Summa,
                );
            }
            self.rad("Försörjningsstöd enligt beräkningen".into(), beviljas, Radtyp::Summa);
        } else {
            self.rad("Överskott: inkomsterna täcker behovet".into(), saldo, Radtyp::Summa);
            self.rad("Försörjningsstöd enligt beräkningen".into(), Belopp::NOLL, Radtyp::Summa);
        }
        beviljas
    }
}

impl Bygge<'_> {
    /// Livsföring i övrigt after försörjningsstöd, and what the household can get in all.
    fn livsforing(&mut self, u: &Underlag, beviljas: Belopp, overskott: Belopp) -> (Vec<Livsforingspost>, Belopp) {
        let (poster, rader) = super::livsforing::prova(u, overskott);
        if poster.is_empty() {
            return (poster, beviljas);
        }
        self.rad(
            "Livsföring i övrigt (prövas var för sig, efter försörjningsstödet)".into(),
            Belopp::NOLL,
            Radtyp::Info,
        );
        if overskott > Belopp::NOLL {
            self.rad(
                "Överskott att räkna av mot kostnaderna nedan, i tur och ordning".into(),
                overskott,
                Radtyp::Summa,
            );
        }
        self.rader.extend(rader);
        let ovrigt: Belopp = poster.iter().map(|p| p.beviljas).sum();
        let totalt = beviljas + ovrigt;
        self.rad(
            format!("Hushållet kan få totalt (försörjningsstöd {beviljas} och livsföring i övrigt {ovrigt})"),
            totalt,
            Radtyp::Summa,
        );
        (poster, totalt)
    }
}

/// Försörjningsstöd as applied for: what the calculation would grant had every cost been
/// approved as applied (rounded as the granted amount is). The difference to
/// [`Resultat::beviljas`] is what the reduced costs refuse.
pub fn ansokt_forsorjningsstod(r: &Resultat, u: &Underlag) -> Belopp {
    let avdraget = u
        .kostnader
        .iter()
        .filter(|k| !ar_livsforing(k, u))
        .fold(Belopp::NOLL, |s, k| s + (k.ansokt - k.godkant_belopp()).max(Belopp::NOLL));
    let saldo = r.saldo + avdraget;
    if saldo > Belopp::NOLL { saldo.rounded_to_krona() } else { Belopp::NOLL }
}

/// Computes the month. Refuses input the rules cannot apply to, with a Swedish reason.
pub fn berakna(u: &Underlag, tabell: &Normtabell, regler: &Regler) -> Result<Resultat, Berakningsfel> {
    if tabell.ar != u.manad.ar() {
        return Err(Berakningsfel::FelTabell { tabell: tabell.ar, manad: u.manad });
    }
    kontrollera(u)?;
    let mut b = Bygge { tabell, rader: Vec::new(), varningar: Vec::new() };
    let narvaro = Narvaro::ny(u);
    let personlig = b.vuxna(u, &narvaro)?;
    let personlig = personlig + b.barn(u, &narvaro)?;
    let gemensam = b.gemensamma(u, &narvaro)?;
    let norm = personlig + gemensam;
    b.rad(format!("Summa riksnorm (tabell {})", tabell.ar), norm, Radtyp::Summa);
    let kostnader = b.kostnader(u, regler);
    let inkomster = b.inkomster(u, regler);
    let saldo = norm + kostnader - inkomster;
    let beviljas = b.utfall(saldo);
    let overskott = if saldo < Belopp::NOLL { -saldo } else { Belopp::NOLL };
    let (livsforing, totalt) = b.livsforing(u, beviljas, overskott);
    Ok(Resultat {
        tabellar: tabell.ar,
        norm_personlig: personlig,
        norm_gemensam: gemensam,
        norm,
        kostnader,
        inkomster,
        saldo,
        beviljas,
        overskott,
        livsforing,
        totalt,
        rader: b.rader,
        varningar: b.varningar,
    })
}

fn namn(m: &super::poster::NormMedlem, i: usize) -> String {
    if m.namn.trim().is_empty() { format!("person {}", i + 1) } else { m.namn.trim().to_string() }
}

/// The rules the input must meet before anything is computed.
fn kontrollera(u: &Underlag) -> Result<(), String> {
    let forsta = u.manad.forsta_dagen();
    let sista = u.manad.sista_dagen();
    let antal = |r: Roll| u.medlemmar.iter().filter(|m| m.roll == r).count();
    if antal(Roll::Sokande) != 1 {
        return Err("Hushållet måste ha exakt en sökande.".into());
    }
    if antal(Roll::Medsokande) > 1 {
        return Err("Hushållet kan ha högst en medsökande.".into());
    }
    for (i, m) in u.medlemmar.iter().enumerate() {
        if m.fodd > sista {
            return Err(format!("{} är inte född under {}.", namn(m, i), u.manad));
        }
        let alder = age_at(m.fodd, forsta);
        match m.roll {
            Roll::Barn if alder > 20 => {
                return Err(format!(
                    "{} är {alder} år och kan inte räknas som barn i hushållet; den som fyllt 21 har ett eget ärende.",
                    namn(m, i)
                ));
            }
            Roll::Barn if alder >= 19 && !m.gar_i_gymnasiet => {
                return Err(format!("{} är {alder} år och räknas som barn bara om hen går i gymnasiet.", namn(m, i)));
            }
            Roll::Sokande | Roll::Medsokande if alder < 18 => {
                return Err(format!("{} ({}) måste vara minst 18 år.", namn(m, i), m.roll.namn().to_lowercase()));
            }
            _ => {}
        }
        let fran = m.fran.unwrap_or(forsta);
        let till = m.till.unwrap_or(sista);
        if fran > till || till < forsta || fran > sista {
            return Err(format!("{} är inte med i hushållet någon dag under {}.", namn(m, i), u.manad));
        }
    }
    if let Some(n) = u.personer_i_bostaden
        && (n as usize) < u.medlemmar.len()
    {
        return Err(format!(
            "Antalet personer i bostaden ({n}) kan inte vara färre än hushållets medlemmar ({}).",
            u.medlemmar.len()
        ));
    }
    for ink in &u.inkomster {
        if let Some(p) = ink.person
            && p >= u.medlemmar.len()
        {
            return Err(format!("Inkomsten {} hör till person {} som inte finns i hushållet.", ink.typ.namn(), p + 1));
        }
    }
    for j in &u.justeringar {
        if j.motivering.trim().is_empty() {
            return Err("En justerad normpost måste ha en skriftlig motivering.".into());
        }
        if let Normrad::Barn(i) = j.rad
            && u.medlemmar.get(i).map(|m| m.roll) != Some(Roll::Barn)
        {
            return Err("En justering pekar på ett barn som inte finns i hushållet.".into());
        }
    }
    Ok(())
}

//! What the unit's indicators are computed from: the cases, the decisions in force per case and
//! month with the household of that month's application, complete applications with their first
//! decision, nybesök, and the unit's inputs (population, the smallest figure shown). No names
//! and no personnummer are read.

use super::db::{Valfri, params};
use super::{INGEN_RAD, Radslag, Resultat, Skrivning, Store, datum_fran, tidstampel};
use crate::domain::arende::{Avslutsorsak, Forsorjningshinder};
use crate::domain::belopp::Belopp;
use crate::domain::manad::Manad;
use crate::domain::statistik::{
    Arendeuppgift, Befolkning, Bistandsmanad, Kostnadsslag, Period, STANDARD_MINSTA_ANTAL, Tidsspann, Underlag,
};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashMap;

pub(super) const V15_SQL: &str = "
    CREATE INDEX beslut_period ON beslut(period, arende_id);
    CREATE INDEX beslutspost_belopp ON beslutspost(beslut_id, beviljat_ore, sak);
    CREATE INDEX ansokan_manad ON ansokan(manad, arende_id);
    CREATE INDEX beslut_andrar ON beslut(andrar_beslut_id);
    CREATE INDEX beslut_ansokan ON beslut(ansokan_id);
    CREATE TABLE nybesok (
        arende_id INTEGER PRIMARY KEY REFERENCES arende(id),
        kontakt   TEXT NOT NULL,
        besok     TEXT NOT NULL CHECK (besok >= kontakt),
        av        TEXT NOT NULL,
        skapad    TEXT NOT NULL
    );
    CREATE TABLE arshjul (
        id          INTEGER PRIMARY KEY,
        giltig_fran TEXT NOT NULL UNIQUE,
        data        TEXT NOT NULL,
        av          TEXT NOT NULL,
        skapad      TEXT NOT NULL
    );
    CREATE TABLE arshjul_klar (
        arende_id INTEGER NOT NULL REFERENCES arende(id),
        manad     TEXT NOT NULL,
        kontroll  TEXT NOT NULL,
        klar      TEXT NOT NULL,
        av        TEXT NOT NULL,
        PRIMARY KEY (arende_id, manad, kontroll)
    );
    CREATE TABLE genomgang_klar (
        handlaggare TEXT NOT NULL,
        halvar      TEXT NOT NULL,
        klar        TEXT NOT NULL,
        av          TEXT NOT NULL,
        PRIMARY KEY (handlaggare, halvar)
    );
    CREATE TABLE kontakt_forst (
        arende_id INTEGER NOT NULL REFERENCES arende(id),
        manad     TEXT NOT NULL,
        datum     TEXT NOT NULL,
        utfall    TEXT NOT NULL,
        av        TEXT NOT NULL,
        PRIMARY KEY (arende_id, manad)
    );
";

fn manad_fran(text: &str) -> Resultat<Manad> {
    Manad::parse(text).map_err(super::StoreError::Regel)
}

/// Reads the months of rows that come month by month: each month's text is parsed once.
#[derive(Default)]
struct Manadslasare(Option<(String, Manad)>);

impl Manadslasare {
    fn las(&mut self, text: &str) -> Resultat<Manad> {
        match &self.0 {
            Some((t, m)) if t == text => Ok(*m),
            _ => {
                let m = manad_fran(text)?;
                self.0 = Some((text.to_string(), m));
                Ok(m)
            }
        }
    }
}

const MINSTA_ANTAL: &str = "statistik_minsta_antal";
const BEFOLKNING: &str = "statistik_befolkning";

impl Store {
    /// Everything the indicators of `period` need (the months with assistance from 11 before
    /// it, for the long-term window).
    pub fn statistikunderlag(&self, period: Period) -> Resultat<Underlag> {
        Ok(Underlag {
            arenden: self.statistikarenden()?,
            manader: self.bistandsmanader(period)?,
            tidigare: self.tidigare_manader(period)?,
            handlaggning: self.handlaggningstider(period)?,
            nybesok: self.nybesok(period)?,
            befolkning: self.befolkning(period.sista().ar())?,
        })
    }

    fn statistikarenden(&self) -> Resultat<Vec<Arendeuppgift>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, socialsekreterare, forsorjningshinder, avslutsdatum, avslutsorsak FROM arende ORDER BY id",
        )?;
        let rader = stmt.query_map([], |r| {
            let hinder: Option<String> = r.get(2)?;
            let slut: Option<String> = r.get(3)?;
            let orsak: Option<String> = r.get(4)?;
            Ok(Arendeuppgift {
                id: r.get(0)?,
                handlaggare: r.get::<String>(1)?.trim().to_string(),
                hinder: hinder.as_deref().and_then(Forsorjningshinder::fran_kod),
                avslutsdatum: slut.as_deref().map(datum_fran).transpose()?,
                avslutsorsak: orsak.as_deref().and_then(Avslutsorsak::fran_kod),
            })
        })?;
        Ok(rader.collect::<super::db::DbResultat<_>>()?)
    }

    /// Per case and month of the period: what the decisions in force (not changed by a later
    /// one) granted, read from the summary `bistandsmanad`, and the adults and children of that
    /// month's application (else of the household now). In month order, then case order.
    fn bistandsmanader(&self, period: Period) -> Resultat<Vec<Bistandsmanad>> {
        let sql = format!(
            "SELECT arende_id, manad, {} FROM bistandsmanad WHERE manad BETWEEN ?1 AND ?2 ORDER BY manad, arende_id",
            super::bistandsmanad::SLAGKOLUMNER
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let mut alla: Vec<Bistandsmanad> = Vec::new();
        let mut rader = stmt.query(params![period.forsta().to_string(), period.sista().to_string()])?;
        let mut manader = Manadslasare::default();
        while let Some(r) = rader.next()? {
            let mut belopp = Vec::new();
            for (i, slag) in Kostnadsslag::ALLA.iter().enumerate() {
                let ore: i64 = r.get(2 + i)?;
                if ore != 0 {
                    belopp.push((*slag, Belopp::from_ore(ore)));
                }
            }
            alla.push(Bistandsmanad {
                arende_id: r.get(0)?,
                manad: manader.las(r.text(1)?)?,
                vuxna: 0,
                barn: 0,
                belopp,
            });
        }
        let ansokt = self.personer_per_ansokan(period)?;
        let mut nu: Option<HashMap<i64, (u32, u32)>> = None;
        for rad in &mut alla {
            let (vuxna, barn) = match ansokt.get(&(rad.arende_id, rad.manad)) {
                Some(p) => *p,
                None => {
                    let hushall = match &nu {
                        Some(h) => h,
                        None => nu.insert(self.personer_per_arende()?),
                    };
                    hushall.get(&rad.arende_id).copied().unwrap_or((0, 0))
                }
            };
            (rad.vuxna, rad.barn) = (vuxna, barn);
        }
        Ok(alla)
    }

    /// The months with assistance in the 11 months before the period, per case: there only
    /// whether there was assistance counts (long-term assistance), so no amounts are read.
    fn tidigare_manader(&self, period: Period) -> Resultat<Vec<(i64, Manad)>> {
        let fore = period.forsta().foregaende();
        let fran = (0..10).fold(fore, |m, _| m.foregaende());
        let mut stmt = self.conn().prepare_cached(
            "SELECT arende_id, manad FROM bistandsmanad WHERE manad BETWEEN ?1 AND ?2 AND totalt_ore > 0",
        )?;
        let mut rader = stmt.query(params![fran.to_string(), fore.to_string()])?;
        let (mut ut, mut manader) = (Vec::new(), Manadslasare::default());
        while let Some(r) = rader.next()? {
            ut.push((r.get(0)?, manader.las(r.text(1)?)?));
        }
        Ok(ut)
    }

    /// Adults and children of each application of the period's months (kept on the application
    /// by triggers; an application without members is left out).
    fn personer_per_ansokan(&self, period: Period) -> Resultat<HashMap<(i64, Manad), (u32, u32)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT arende_id, manad, antal_vuxna, antal_barn FROM ansokan
             WHERE manad BETWEEN ?1 AND ?2 AND antal_vuxna + antal_barn > 0",
        )?;
        let mut ut = HashMap::new();
        let mut rader = stmt.query(params![period.forsta().to_string(), period.sista().to_string()])?;
        let mut manader = Manadslasare::default();
        while let Some(r) = rader.next()? {
            ut.insert((r.get(0)?, manader.las(r.text(1)?)?), (r.get(2)?, r.get(3)?));
        }
        Ok(ut)
    }

    /// Adults and children of each case's household now (for a decision without an application).
    fn personer_per_arende(&self) -> Resultat<HashMap<i64, (u32, u32)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.id, sum(CASE WHEN m.roll <> 'barn' THEN 1 ELSE 0 END), sum(CASE WHEN m.roll = 'barn' THEN 1 ELSE 0 END)
             FROM arende a JOIN hushallsmedlem m ON m.hushall_id = a.hushall_id GROUP BY a.id",
        )?;
        let mut ut = HashMap::new();
        let mut rader = stmt.query([])?;
        while let Some(r) = rader.next()? {
            ut.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
        }
        Ok(ut)
    }

    /// Complete applications whose first decision (kept on the application by a trigger) falls
    /// in the period: application day and decision day.
    fn handlaggningstider(&self, period: Period) -> Resultat<Vec<Tidsspann>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT arende_id, inkom, forsta_beslutsdag FROM ansokan
             WHERE forsta_beslutsdag BETWEEN ?1 AND ?2 AND komplett = 1",
        )?;
        let (fran, till) = (period.forsta().forsta_dagen(), period.sista().sista_dagen());
        let rader = stmt.query_map(params![fran.to_string(), till.to_string()], |r| {
            let inkom: String = r.get(1)?;
            let beslut: String = r.get(2)?;
            Ok(Tidsspann { arende_id: r.get(0)?, fran: datum_fran(&inkom)?, till: datum_fran(&beslut)? })
        })?;
        Ok(rader.collect::<super::db::DbResultat<_>>()?)
    }

    fn nybesok(&self, period: Period) -> Resultat<Vec<Tidsspann>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT arende_id, kontakt, besok FROM nybesok WHERE besok BETWEEN ?1 AND ?2")?;
        let (fran, till) = (period.forsta().forsta_dagen(), period.sista().sista_dagen());
        let rader = stmt.query_map(params![fran.to_string(), till.to_string()], |r| {
            let kontakt: String = r.get(1)?;
            let besok: String = r.get(2)?;
            Ok(Tidsspann { arende_id: r.get(0)?, fran: datum_fran(&kontakt)?, till: datum_fran(&besok)? })
        })?;
        Ok(rader.collect::<super::db::DbResultat<_>>()?)
    }

    /// The socialsekreterare named on the unit's cases, in Swedish order.
    pub fn handlaggarnamn(&self) -> Resultat<Vec<String>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT h FROM (SELECT DISTINCT trim(socialsekreterare) AS h FROM arende) x WHERE h <> '' ORDER BY h COLLATE SVENSKA",
        )?;
        let rader = stmt.query_map([], |r| r.get(0))?;
        Ok(rader.collect::<super::db::DbResultat<_>>()?)
    }

    /// The smallest number of households a figure may rest on (the unit's setting, default 5).
    pub fn minsta_antal(&self) -> Resultat<u32> {
        let varde = super::utkast::las_installning(self.conn(), MINSTA_ANTAL)?;
        Ok(varde.and_then(|v| v.parse().ok()).filter(|n| *n >= 1).unwrap_or(STANDARD_MINSTA_ANTAL))
    }

    /// The district's population for `ar`, if the unit has entered it.
    pub fn befolkning(&self, ar: i32) -> Resultat<Option<Befolkning>> {
        Ok(self.befolkningar()?.into_iter().find(|b| b.ar == ar))
    }

    /// Every year's population the unit has entered.
    pub fn befolkningar(&self) -> Resultat<Vec<Befolkning>> {
        let text = super::utkast::las_installning(self.conn(), BEFOLKNING)?.unwrap_or_else(|| "[]".into());
        let rader: Vec<(i32, u32, u32)> = super::json_fran(&text, "installning", BEFOLKNING)?;
        Ok(rader.into_iter().map(|(ar, barn, vuxna)| Befolkning { ar, barn, vuxna }).collect())
    }

    /// The nybesök recorded for a case: first contact and the visit.
    pub fn nybesok_for(&self, arende_id: i64) -> Resultat<Option<(NaiveDate, NaiveDate)>> {
        let rad: Option<(String, String)> = self
            .conn()
            .query_row("SELECT kontakt, besok FROM nybesok WHERE arende_id = ?1", [arende_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        Ok(match rad {
            Some((k, b)) => Some((datum_fran(&k)?, datum_fran(&b)?)),
            None => None,
        })
    }
}

impl Skrivning<'_> {
    pub fn satt_minsta_antal(&self, n: u32) -> Resultat<()> {
        super::utkast::skriv_installning(self.conn(), MINSTA_ANTAL, &n.to_string())
    }

    /// Sets (or replaces) one year's population.
    pub fn satt_befolkning(&self, b: Befolkning) -> Resultat<()> {
        let text = super::utkast::las_installning(self.conn(), BEFOLKNING)?.unwrap_or_else(|| "[]".into());
        let mut rader: Vec<(i32, u32, u32)> = super::json_fran(&text, "installning", BEFOLKNING)?;
        rader.retain(|r| r.0 != b.ar);
        rader.push((b.ar, b.barn, b.vuxna));
        rader.sort_unstable();
        let json = serde_json::to_string(&rader).unwrap_or_else(|_| "[]".into());
        super::utkast::skriv_installning(self.conn(), BEFOLKNING, &json)
    }

    /// Records (or corrects) a case's first contact and nybesök. `las` is the version the form
    /// read ([`INGEN_RAD`] when none was recorded; `None`: not checked): if another user saved
    /// (or first recorded) it since, nothing is written ([`StoreError::Krock`]).
    pub fn spara_nybesok(
        &self,
        arende_id: i64,
        (kontakt, besok): (NaiveDate, NaiveDate),
        las: Option<i64>,
        (av, nu): (&str, NaiveDateTime),
    ) -> Resultat<()> {
        let (kontakt, besok, nar) = (kontakt.to_string(), besok.to_string(), tidstampel(nu));
        if self.finns(Radslag::Nybesok, arende_id)? {
            self.stampla(Radslag::Nybesok, arende_id, las, av, nu)?;
            self.conn().execute(
                "UPDATE nybesok SET kontakt = ?2, besok = ?3, av = ?4, skapad = ?5 WHERE arende_id = ?1",
                params![arende_id, kontakt, besok, av, nar],
            )?;
            return Ok(());
        }
        let ny = self.conn().execute(
            "INSERT INTO nybesok (arende_id, kontakt, besok, av, skapad, andrad_av, andrad)
             VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5) ON CONFLICT (arende_id) DO NOTHING",
            params![arende_id, kontakt, besok, av, nar],
        )?;
        if ny == 0 {
            // Another user recorded it in the meantime: refused as a row created meanwhile.
            self.stampla(Radslag::Nybesok, arende_id, Some(INGEN_RAD), av, nu)?;
        }
        Ok(())
    }
}

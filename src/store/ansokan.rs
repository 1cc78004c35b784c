//! Monthly applications with their members, costs, incomes and adjusted norm lines (amounts in
//! öre), and the result of the calculation with the table version and rules it used.

use super::db::{Valfri, params};
use super::{Resultat, Skrivning, Store, StoreError, datum_fran, tidstampel};
use crate::domain::ansokan::Ansokan;
use crate::domain::belopp::Belopp;
use crate::domain::hushall::Roll;
use crate::domain::manad::Manad;
use crate::domain::norm::{
    Inkomst, Inkomsttyp, Justering, Kostnad, Kostnadstyp, NormMedlem, Normrad, Regler, Resultat as Berakning, Underlag,
};
use chrono::NaiveDateTime;

/// Migration 19: the start month ("YYYY-MM") of the särskild beräkningsregel per income.
pub(super) const BERAKNINGSREGEL_FRAN_SQL: &str = "ALTER TABLE ansokan_inkomst ADD COLUMN berakningsregel_fran TEXT;";

/// One row of a case's list of applications.
#[derive(Debug, Clone, PartialEq)]
pub struct AnsokanRad {
    pub id: i64,
    pub manad: String,
    pub inkom: String,
    pub komplett: bool,
    pub beviljas: Belopp,
}

/// A stored application with what its calculation used.
#[derive(Debug, Clone, PartialEq)]
pub struct SparadAnsokan {
    pub id: i64,
    pub arende_id: i64,
    pub ansokan: Ansokan,
    pub normtabell_id: i64,
    pub regler: Regler,
    /// The row's version when it was read (see [`super::Radslag`]).
    pub version: i64,
}

/// Migration 21: what a cost line is for (a debt: to whom and for what).
pub(super) const KOSTNAD_AVSER_SQL: &str = "ALTER TABLE ansokan_kostnad ADD COLUMN avser TEXT NOT NULL DEFAULT '';";

fn rad_kod(r: Normrad) -> String {
    match r {
        Normrad::Vuxna => "vuxna".into(),
        Normrad::Gemensamt => "gemensamt".into(),
        Normrad::Barn(i) => format!("barn:{i}"),
    }
}

fn rad_fran_kod(k: &str) -> Option<Normrad> {
    match k {
        "vuxna" => Some(Normrad::Vuxna),
        "gemensamt" => Some(Normrad::Gemensamt),
        _ => k.strip_prefix("barn:")?.parse().ok().map(Normrad::Barn),
    }
}

fn skadad(vad: &str) -> super::db::Fel {
    super::db::Fel::Konvertering(0, format!("okänd kod {vad}").into())
}

/// An application's own row: case, month, came in, complete, missing, persons in the home,
/// norm table, rules.
type Ansokansrad = (i64, String, String, bool, String, Option<u32>, i64, String);

/// An application's rows: members, costs, incomes and adjusted norm lines.
type Rader = (Vec<NormMedlem>, Vec<Kostnad>, Vec<Inkomst>, Vec<Justering>);

impl Skrivning<'_> {
    /// The case's saved application for `manad` ("2026-11"), if there is one.
    pub fn ansokan_for_manad(&self, arende_id: i64, manad: &str) -> Resultat<Option<i64>> {
        Ok(self
            .conn()
            .query_row("SELECT id FROM ansokan WHERE arende_id = ?1 AND manad = ?2", params![arende_id, manad], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Saves (or replaces) the case's application for its month with the calculation result.
    pub fn spara_ansokan(
        &self,
        arende_id: i64,
        a: &Ansokan,
        normtabell_id: i64,
        regler: &Regler,
        resultat: &Berakning,
        nu: NaiveDateTime,
    ) -> Resultat<i64> {
        let conn = self.conn();
        let u = &a.underlag;
        let manad = u.manad.to_string();
        let regler_json = serde_json::to_string(regler).map_err(|e| StoreError::Regel(e.to_string()))?;
        let befintlig: Option<i64> = conn
            .query_row("SELECT id FROM ansokan WHERE arende_id = ?1 AND manad = ?2", params![arende_id, manad], |r| {
                r.get(0)
            })
            .optional()?;
        let varden = params![
            a.inkom.to_string(),
            a.komplett,
            a.saknas,
            u.personer_i_bostaden,
            normtabell_id,
            regler_json,
            resultat.norm.to_ore(),
            resultat.kostnader.to_ore(),
            resultat.inkomster.to_ore(),
            resultat.saldo.to_ore(),
            resultat.beviljas.to_ore(),
            tidstampel(nu),
        ];
        let id = match befintlig {
            Some(id) => {
                conn.execute(
                    "UPDATE ansokan SET inkom = ?1, komplett = ?2, saknas = ?3, personer_i_bostaden = ?4, normtabell_id = ?5,
                     regler = ?6, norm_ore = ?7, kostnader_ore = ?8, inkomster_ore = ?9, saldo_ore = ?10, beviljas_ore = ?11,
                     andrad = ?12 WHERE id = ?13",
                    super::db::params_from_iter(varden.iter().copied().chain(std::iter::once(&id as &dyn super::db::TillSql))),
                )?;
                for t in ["ansokan_medlem", "ansokan_kostnad", "ansokan_inkomst", "ansokan_justering"] {
                    conn.execute(&format!("DELETE FROM {t} WHERE ansokan_id = ?1"), [id])?;
                }
                id
            }
            None => conn.insert_id(
                "INSERT INTO ansokan (inkom, komplett, saknas, personer_i_bostaden, normtabell_id, regler, norm_ore,
                     kostnader_ore, inkomster_ore, saldo_ore, beviljas_ore, andrad, skapad, arende_id, manad)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14)",
                super::db::params_from_iter(
                    varden
                        .iter()
                        .copied()
                        .chain([&arende_id as &dyn super::db::TillSql, &manad as &dyn super::db::TillSql]),
                ),
            )?,
        };
        self.spara_rader(id, u)?;
        Ok(id)
    }

    /// The members, costs, incomes and adjustments of an application, in their order.
    fn spara_rader(&self, id: i64, u: &Underlag) -> Resultat<()> {
        let conn = self.conn();
        for (i, m) in u.medlemmar.iter().enumerate() {
            conn.prepare_cached(
                "INSERT INTO ansokan_medlem (ansokan_id, ordning, roll, namn, fodd, lunch_utanfor_hemmet, gar_i_gymnasiet, fran, till)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                id,
                i as i64,
                m.roll.kod(),
                m.namn,
                m.fodd.to_string(),
                m.lunch_utanfor_hemmet,
                m.gar_i_gymnasiet,
                m.fran.map(|d| d.to_string()),
                m.till.map(|d| d.to_string())
            ])?;
        }
        for (i, k) in u.kostnader.iter().enumerate() {
            conn.prepare_cached(
                "INSERT INTO ansokan_kostnad (ansokan_id, ordning, typ, ansokt_ore, godkant_ore, motivering, avser)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                id,
                i as i64,
                k.typ.kod(),
                k.ansokt.to_ore(),
                k.godkant.map(Belopp::to_ore),
                k.motivering,
                k.avser
            ])?;
        }
        for (i, ink) in u.inkomster.iter().enumerate() {
            conn.prepare_cached(
                "INSERT INTO ansokan_inkomst (ansokan_id, ordning, typ, belopp_ore, person, jobbstimulans, tidigare_ore,
                                              berakningsregel_fran)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                id,
                i as i64,
                ink.typ.kod(),
                ink.belopp.to_ore(),
                ink.person.map(|p| p as i64),
                ink.jobbstimulans,
                ink.tidigare_i_ar.to_ore(),
                ink.berakningsregel_fran.map(|m| m.to_string())
            ])?;
        }
        for (i, j) in u.justeringar.iter().enumerate() {
            conn.prepare_cached(
                "INSERT INTO ansokan_justering (ansokan_id, ordning, rad, belopp_ore, motivering) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![id, i as i64, rad_kod(j.rad), j.belopp.to_ore(), j.motivering])?;
        }
        Ok(())
    }
}

impl Store {
    /// The case's applications, newest month first.
    pub fn ansokningar(&self, arende_id: i64) -> Resultat<Vec<AnsokanRad>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, manad, inkom, komplett, beviljas_ore FROM ansokan WHERE arende_id = ?1 ORDER BY manad DESC",
        )?;
        let rows = stmt
            .query_map([arende_id], |r| {
                Ok(AnsokanRad {
                    id: r.get(0)?,
                    manad: r.get(1)?,
                    inkom: r.get(2)?,
                    komplett: r.get(3)?,
                    beviljas: Belopp::from_ore(r.get(4)?),
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn ansokan(&self, id: i64) -> Resultat<SparadAnsokan> {
        let conn = self.conn();
        let ((arende_id, manad, inkom, komplett, saknas, personer, tabell, regler), version): (Ansokansrad, i64) = conn
            .query_row(
                "SELECT arende_id, manad, inkom, komplett, saknas, personer_i_bostaden, normtabell_id, regler, version FROM ansokan WHERE id = ?1",
                [id],
                |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?), r.get(8)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::Saknas("Ansökan finns inte.".into()))?;
        let (medlemmar, kostnader, inkomster, justeringar) = self.ansokans_rader(id)?;
        let manad = Manad::parse(&manad).map_err(StoreError::Regel)?;
        Ok(SparadAnsokan {
            id,
            arende_id,
            ansokan: Ansokan {
                inkom: datum_fran(&inkom)?,
                komplett,
                saknas,
                underlag: Underlag {
                    manad,
                    medlemmar,
                    personer_i_bostaden: personer,
                    kostnader,
                    inkomster,
                    justeringar,
                },
            },
            normtabell_id: tabell,
            regler: super::json_fran(&regler, "ansokan", format!("id {id}"))?,
            version,
        })
    }
}

impl Store {
    /// The members, costs, incomes and adjustments of an application, in their order.
    fn ansokans_rader(&self, id: i64) -> Resultat<Rader> {
        let conn = self.conn();
        let medlemmar = conn
            .prepare_cached(
                "SELECT roll, namn, fodd, lunch_utanfor_hemmet, gar_i_gymnasiet, fran, till FROM ansokan_medlem
                 WHERE ansokan_id = ?1 ORDER BY ordning",
            )?
            .query_map([id], |r| {
                let roll: String = r.get(0)?;
                let fodd: String = r.get(2)?;
                let fran: Option<String> = r.get(5)?;
                let till: Option<String> = r.get(6)?;
                Ok(NormMedlem {
                    roll: Roll::fran_kod(&roll).ok_or_else(|| skadad(&roll))?,
                    namn: r.get(1)?,
                    fodd: datum_fran(&fodd)?,
                    lunch_utanfor_hemmet: r.get(3)?,
                    gar_i_gymnasiet: r.get(4)?,
                    fran: fran.as_deref().map(datum_fran).transpose()?,
                    till: till.as_deref().map(datum_fran).transpose()?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        let kostnader = conn
            .prepare_cached(
                "SELECT typ, ansokt_ore, godkant_ore, motivering, avser FROM ansokan_kostnad WHERE ansokan_id = ?1 ORDER BY ordning",
            )?
            .query_map([id], |r| {
                let typ: String = r.get(0)?;
                Ok(Kostnad {
                    typ: Kostnadstyp::fran_kod(&typ).ok_or_else(|| skadad(&typ))?,
                    ansokt: Belopp::from_ore(r.get(1)?),
                    godkant: r.get::<Option<i64>>(2)?.map(Belopp::from_ore),
                    motivering: r.get(3)?,
                    avser: r.get(4)?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        let inkomster = conn
            .prepare_cached(
                "SELECT typ, belopp_ore, person, jobbstimulans, tidigare_ore, berakningsregel_fran FROM ansokan_inkomst
                 WHERE ansokan_id = ?1 ORDER BY ordning",
            )?
            .query_map([id], |r| {
                let typ: String = r.get(0)?;
                Ok(Inkomst {
                    typ: Inkomsttyp::fran_kod(&typ).ok_or_else(|| skadad(&typ))?,
                    belopp: Belopp::from_ore(r.get(1)?),
                    person: r.get::<Option<i64>>(2)?.map(|p| p as usize),
                    jobbstimulans: r.get(3)?,
                    berakningsregel_fran: match r.get::<Option<String>>(5)? {
                        Some(m) => Some(Manad::parse(&m).map_err(|_| skadad(&m))?),
                        None => None,
                    },
                    tidigare_i_ar: Belopp::from_ore(r.get(4)?),
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        let justeringar = conn
            .prepare_cached(
                "SELECT rad, belopp_ore, motivering FROM ansokan_justering WHERE ansokan_id = ?1 ORDER BY ordning",
            )?
            .query_map([id], |r| {
                let rad: String = r.get(0)?;
                Ok(Justering {
                    rad: rad_fran_kod(&rad).ok_or_else(|| skadad(&rad))?,
                    belopp: Belopp::from_ore(r.get(1)?),
                    motivering: r.get(2)?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok((medlemmar, kostnader, inkomster, justeringar))
    }
}

impl Store {
    /// The newest decision taken on an application, if any: a new decision on it amends that one.
    pub fn senaste_beslut_om_ansokan(&self, ansokan_id: i64) -> Resultat<Option<i64>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT id FROM beslut WHERE ansokan_id = ?1 ORDER BY id DESC LIMIT 1")?
            .query_row([ansokan_id], |r| r.get(0))
            .optional()?)
    }
}

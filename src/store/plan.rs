//! Förändringsplaner: drafts, agreed versions (never changed), follow-ups, deviations and the
//! caseworker's "Att göra" list.

use super::db::{Valfri, params};
use super::{Resultat, Skrivning, Store, StoreError, datum_fran, tidstampel};
use crate::domain::plan::{Planinnehall, Planpunkt, att_gora};
use chrono::{NaiveDate, NaiveDateTime};

/// One stored version of a case's plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Planversion {
    pub id: i64,
    pub arende_id: i64,
    /// The adult whose plan it is (each adult of a household has their own).
    pub person_id: i64,
    pub version: i64,
    pub innehall: Planinnehall,
    /// The date it was agreed; `None` while it is a draft.
    pub overenskommen: Option<NaiveDate>,
    pub signerad: bool,
    pub ej_signerad_orsak: String,
    pub skapad: String,
    /// Who wrote the version (the caseworker who saved or started it).
    pub av: String,
    /// The row's version when it was read: a draft's save carries it (see [`super::Radslag`]).
    pub radversion: i64,
}

/// A recorded follow-up of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Uppfoljning {
    pub datum: NaiveDate,
    pub notering: String,
    /// What was done of each of the eight steps.
    pub per_steg: Vec<String>,
}

/// A recorded (temporary) deviation from the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Avvikelse {
    pub fran: NaiveDate,
    pub till: NaiveDate,
    pub beskrivning: String,
    pub godkand: bool,
}

/// One line of the "Att göra" list.
#[derive(Debug, Clone, PartialEq)]
pub struct AttGoraRad {
    pub arende_id: i64,
    pub arendenummer: String,
    pub namn: String,
    pub punkt: Planpunkt,
}

/// Migration 17: a plan names its adult (the applicant for plans written before), which never
/// changes once the plan is agreed.
pub(super) const PER_VUXEN_SQL: &str = "
        ALTER TABLE plan ADD COLUMN person_id INTEGER REFERENCES person(id);
        UPDATE plan SET person_id = (SELECT hm.person_id FROM arende a
            JOIN hushallsmedlem hm ON hm.hushall_id = a.hushall_id AND hm.roll = 'sokande'
            WHERE a.id = plan.arende_id);
        CREATE INDEX plan_person ON plan(arende_id, person_id, version);
        CREATE TRIGGER plan_person_andras_inte BEFORE UPDATE OF person_id ON plan
          WHEN OLD.overenskommen IS NOT NULL AND NEW.person_id IS NOT OLD.person_id
        BEGIN SELECT RAISE(ABORT, 'En överenskommen plan ändras inte; skapa en ny version.'); END;
        CREATE TRIGGER plan_har_person BEFORE INSERT ON plan WHEN NEW.person_id IS NULL
        BEGIN SELECT RAISE(ABORT, 'En plan måste gälla en person i hushållet.'); END;
        ";

fn tolka(json: &str, id: i64) -> super::db::DbResultat<Planinnehall> {
    super::json_fran(json, "plan", format!("id {id}"))
}

const KOLUMNER: &str =
    "id, arende_id, version, innehall, overenskommen, signerad, ej_signerad_orsak, skapad, av, person_id, radversion";

/// The applicant of the case's household: whose plan it is when nobody else is chosen.
const SOKANDE: &str = "(SELECT hm.person_id FROM arende a
      JOIN hushallsmedlem hm ON hm.hushall_id = a.hushall_id AND hm.roll = 'sokande' AND hm.till IS NULL
      WHERE a.id = ?1)";

/// An adult of the household who can have a plan of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planperson {
    pub person_id: i64,
    pub namn: String,
}

fn fran_rad(r: &super::db::Rad) -> super::db::DbResultat<Planversion> {
    let innehall: String = r.get(3)?;
    let id: i64 = r.get(0)?;
    let overenskommen: Option<String> = r.get(4)?;
    Ok(Planversion {
        id: r.get(0)?,
        arende_id: r.get(1)?,
        version: r.get(2)?,
        innehall: tolka(&innehall, id)?,
        overenskommen: overenskommen.as_deref().map(datum_fran).transpose()?,
        signerad: r.get(5)?,
        ej_signerad_orsak: r.get(6)?,
        skapad: r.get(7)?,
        av: r.get(8)?,
        person_id: r.get(9)?,
        radversion: r.get(10)?,
    })
}

impl Store {
    /// Every version of the case's plan, newest first.
    pub fn planer(&self, arende_id: i64) -> Resultat<Vec<Planversion>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("SELECT {KOLUMNER} FROM plan WHERE arende_id = ?1 ORDER BY version DESC"))?;
        let rows = stmt.query_map([arende_id], fran_rad)?.collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }

    /// Every version of one adult's plan (`None`: the applicant's), newest first.
    pub fn planer_for(&self, arende_id: i64, person_id: Option<i64>) -> Resultat<Vec<Planversion>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {KOLUMNER} FROM plan WHERE arende_id = ?1 AND person_id = COALESCE(?2, {SOKANDE})
             ORDER BY version DESC"
        ))?;
        let rows =
            stmt.query_map(params![arende_id, person_id], fran_rad)?.collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }

    /// The plan that counts now for one adult (`None`: the applicant): the latest agreed
    /// version, else the draft.
    pub fn aktuell_plan(&self, arende_id: i64, person_id: Option<i64>) -> Resultat<Option<Planversion>> {
        let planer = self.planer_for(arende_id, person_id)?;
        Ok(planer.iter().find(|p| p.overenskommen.is_some()).or(planer.first()).cloned())
    }

    /// A person's name ("Förnamn Efternamn"), e.g. whose plan a printout is.
    pub fn personnamn(&self, person_id: i64) -> Resultat<String> {
        Ok(self
            .conn()
            .query_row("SELECT fornamn || ' ' || efternamn FROM person WHERE id = ?1", [person_id], |r| r.get(0))?)
    }

    /// The adults living in the case's household on `idag` (applicant first; one who moves out
    /// later still counts), each of whom has a plan of their own.
    pub fn planpersoner(&self, arende_id: i64, idag: NaiveDate) -> Resultat<Vec<Planperson>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT pe.id, pe.fornamn || ' ' || pe.efternamn FROM arende a
             JOIN hushallsmedlem hm ON hm.hushall_id = a.hushall_id AND hm.roll IN ('sokande', 'medsokande')
                  AND (hm.till IS NULL OR hm.till >= ?2)
             JOIN person pe ON pe.id = hm.person_id
             WHERE a.id = ?1 ORDER BY hm.roll DESC, hm.ordning",
        )?;
        let rows = stmt
            .query_map(params![arende_id, idag.to_string()], |r| {
                Ok(Planperson { person_id: r.get(0)?, namn: r.get(1)? })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn uppfoljningar(&self, plan_id: i64) -> Resultat<Vec<Uppfoljning>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT datum, notering, per_steg FROM plan_uppfoljning WHERE plan_id = ?1 ORDER BY datum, id",
        )?;
        let rows = stmt
            .query_map([plan_id], |r| {
                let datum: String = r.get(0)?;
                let per_steg: String = r.get(2)?;
                Ok(Uppfoljning {
                    datum: datum_fran(&datum)?,
                    notering: r.get(1)?,
                    per_steg: super::json_fran(&per_steg, "plan_uppfoljning", format!("plan {plan_id}"))?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn avvikelser(&self, plan_id: i64) -> Resultat<Vec<Avvikelse>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT fran, till, beskrivning, godkand FROM plan_avvikelse WHERE plan_id = ?1 ORDER BY fran, id",
        )?;
        let rows = stmt
            .query_map([plan_id], |r| {
                let fran: String = r.get(0)?;
                let till: String = r.get(1)?;
                Ok(Avvikelse {
                    fran: datum_fran(&fran)?,
                    till: datum_fran(&till)?,
                    beskrivning: r.get(2)?,
                    godkand: r.get(3)?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }

    /// The "Att göra" list: for every open case with an agreed plan (of one socialsekreterare,
    /// or all), follow-ups overdue or due within a week, plans due for rewriting, unsigned plans.
    pub fn att_gora(&self, socialsekreterare: Option<&str>, idag: NaiveDate) -> Resultat<Vec<AttGoraRad>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT p.id, p.innehall, p.overenskommen, p.signerad, a.id, a.arendenummer, pe.fornamn || ' ' || pe.efternamn,
                    (SELECT MAX(u.datum) FROM plan_uppfoljning u WHERE u.plan_id = p.id)
             FROM plan p
             JOIN arende a ON a.id = p.arende_id
             JOIN person pe ON pe.id = p.person_id
             WHERE p.overenskommen IS NOT NULL AND a.status <> 'avslutad'
               AND p.version = (SELECT MAX(version) FROM plan q WHERE q.arende_id = p.arende_id
                                AND q.person_id = p.person_id AND q.overenskommen IS NOT NULL)
               AND (?1 IS NULL OR a.socialsekreterare = ?1)
             ORDER BY a.arendenummer, p.person_id",
        )?;
        let mut rader = Vec::new();
        let rows = stmt.query_map(params![socialsekreterare], |r| {
            let innehall: String = r.get(1)?;
            let overenskommen: String = r.get(2)?;
            let senaste: Option<String> = r.get(7)?;
            Ok((
                tolka(&innehall, r.get(0)?)?,
                datum_fran(&overenskommen)?,
                r.get::<bool>(3)?,
                r.get::<i64>(4)?,
                r.get::<String>(5)?,
                r.get::<String>(6)?,
                senaste.as_deref().map(datum_fran).transpose()?,
            ))
        })?;
        for row in rows {
            let (innehall, overenskommen, signerad, arende_id, arendenummer, namn, senaste) = row?;
            for punkt in att_gora(&innehall, overenskommen, signerad, senaste, idag) {
                rader.push(AttGoraRad { arende_id, arendenummer: arendenummer.clone(), namn: namn.clone(), punkt });
            }
        }
        Ok(rader)
    }
}

impl Skrivning<'_> {
    /// Saves one adult's draft (`None`: the applicant's), creating the first version or the next
    /// after an agreed one.
    pub fn spara_planutkast(
        &self,
        arende_id: i64,
        person_id: Option<i64>,
        innehall: &Planinnehall,
        av: &str,
        nu: NaiveDateTime,
    ) -> Resultat<i64> {
        let conn = self.conn();
        let json = serde_json::to_string(innehall).map_err(|e| StoreError::Regel(e.to_string()))?;
        let person_id = self.planperson(arende_id, person_id)?;
        if let Some(id) = self.planutkast(arende_id, Some(person_id))? {
            conn.execute(
                "UPDATE plan SET innehall = ?1, andrad = ?2 WHERE id = ?3",
                params![json, tidstampel(nu), id],
            )?;
            return Ok(id);
        }
        let version: i64 =
            conn.query_row("SELECT COALESCE(MAX(version), 0) + 1 FROM plan WHERE arende_id = ?1", [arende_id], |r| {
                r.get(0)
            })?;
        Ok(conn.insert_id(
            "INSERT INTO plan (arende_id, version, innehall, skapad, andrad, av, person_id)
             VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)",
            params![arende_id, version, json, tidstampel(nu), av, person_id],
        )?)
    }

    /// The adult's (`None`: the applicant's) stored draft, if any.
    pub fn planutkast(&self, arende_id: i64, person_id: Option<i64>) -> Resultat<Option<i64>> {
        let person_id = self.planperson(arende_id, person_id)?;
        Ok(self
            .conn()
            .query_row(
                "SELECT id FROM plan WHERE arende_id = ?1 AND person_id = ?2 AND overenskommen IS NULL
                 ORDER BY version DESC LIMIT 1",
                [arende_id, person_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The adult whose plan is meant: the one given, if they belong to the case's household,
    /// else the applicant.
    fn planperson(&self, arende_id: i64, person_id: Option<i64>) -> Resultat<i64> {
        self.conn()
            .query_row(
                &format!(
                    "SELECT pe.id FROM person pe WHERE pe.id = COALESCE(?2, {SOKANDE}) AND pe.id IN
                       (SELECT hm.person_id FROM arende a JOIN hushallsmedlem hm ON hm.hushall_id = a.hushall_id
                        WHERE a.id = ?1 AND hm.roll IN ('sokande', 'medsokande') AND hm.till IS NULL)"
                ),
                params![arende_id, person_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                StoreError::Saknas("Personen är inte vuxen i ärendets hushåll och kan inte ha en plan här.".into())
            })
    }

    /// A new version of one adult's plan that starts from their latest agreed one (the agreed one
    /// stays as it was).
    pub fn ny_planversion(&self, arende_id: i64, person_id: Option<i64>, av: &str, nu: NaiveDateTime) -> Resultat<i64> {
        let conn = self.conn();
        let person_id = self.planperson(arende_id, person_id)?;
        let utkast: Option<(String, String)> = conn
            .query_row(
                "SELECT andrad_av, andrad FROM plan WHERE arende_id = ?1 AND person_id = ?2 AND overenskommen IS NULL",
                [arende_id, person_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((vem, nar)) = utkast {
            // Another user may have started it a moment ago: say who and when.
            let av = if vem.trim().is_empty() { String::new() } else { format!(" av {vem}") };
            return Err(StoreError::Regel(format!(
                "Det finns redan ett utkast till ny plan (senast sparat{av} {}); läs in planen och fortsätt med det.",
                nar.get(..16).unwrap_or(&nar)
            )));
        }
        let (id, senaste): (i64, String) = conn
            .query_row(
                "SELECT id, innehall FROM plan WHERE arende_id = ?1 AND person_id = ?2 ORDER BY version DESC LIMIT 1",
                [arende_id, person_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::Saknas("Ärendet har ingen plan att utgå från.".into()))?;
        let innehall = tolka(&senaste, id)?;
        self.spara_planutkast(arende_id, Some(person_id), &innehall, av, nu)
    }

    /// The plan is agreed on `datum`, signed by the client or with the reason it is not.
    pub fn kom_overens(
        &self,
        plan_id: i64,
        datum: NaiveDate,
        signerad: bool,
        orsak: &str,
        nu: NaiveDateTime,
    ) -> Resultat<()> {
        if !signerad && orsak.trim().is_empty() {
            return Err(StoreError::Regel("Skriv varför klienten inte har signerat planen.".into()));
        }
        let n = self.conn().execute(
            "UPDATE plan SET overenskommen = ?1, signerad = ?2, ej_signerad_orsak = ?3, andrad = ?4
             WHERE id = ?5 AND overenskommen IS NULL",
            params![datum.to_string(), signerad, orsak.trim(), tidstampel(nu), plan_id],
        )?;
        if n == 0 {
            return Err(StoreError::Regel("Planen är redan överenskommen.".into()));
        }
        Ok(())
    }

    /// The client signs an agreed plan afterwards.
    pub fn signera_plan(&self, plan_id: i64, nu: NaiveDateTime) -> Resultat<()> {
        self.conn().execute(
            "UPDATE plan SET signerad = 1, ej_signerad_orsak = '', andrad = ?1 WHERE id = ?2 AND overenskommen IS NOT NULL",
            params![tidstampel(nu), plan_id],
        )?;
        Ok(())
    }

    pub fn skriv_uppfoljning(&self, plan_id: i64, u: &Uppfoljning, av: &str, nu: NaiveDateTime) -> Resultat<i64> {
        let per_steg = serde_json::to_string(&u.per_steg).map_err(|e| StoreError::Regel(e.to_string()))?;
        Ok(self.conn().insert_id(
            "INSERT INTO plan_uppfoljning (plan_id, datum, notering, per_steg, skapad, av) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![plan_id, u.datum.to_string(), u.notering.trim(), per_steg, tidstampel(nu), av],
        )?)
    }

    pub fn skriv_avvikelse(&self, plan_id: i64, a: &Avvikelse, av: &str, nu: NaiveDateTime) -> Resultat<i64> {
        if a.till < a.fran {
            return Err(StoreError::Regel("Avvikelsens slutdatum kan inte vara före startdatum.".into()));
        }
        Ok(self.conn().insert_id(
            "INSERT INTO plan_avvikelse (plan_id, fran, till, beskrivning, godkand, skapad, av) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![plan_id, a.fran.to_string(), a.till.to_string(), a.beskrivning.trim(), a.godkand, tidstampel(nu), av],
        )?)
    }
}

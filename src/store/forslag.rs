//! The unit's delegation order (every saved version of the file) and proposals for decisions
//! (förslag till beslut) that wait for someone with delegation.

use super::db::{Valfri, params};
use super::{Resultat, Skrivning, Store, StoreError, tidstampel};
use crate::domain::beslut::formular::BeslutsFormular;
use crate::domain::delegation::{Delegationsordning, levererad_delegationsordning};
use chrono::NaiveDateTime;

/// The SQL of the migration: the order as saved, and the proposals. A decided proposal names
/// its decision and never changes; a proposal is never deleted.
pub(super) const FORSLAG_SQL: &str = "
CREATE TABLE delegationsordning (
    id       INTEGER PRIMARY KEY,
    innehall TEXT NOT NULL,
    sparad   TEXT NOT NULL,
    av       TEXT NOT NULL
);
CREATE TABLE beslutsforslag (
    id             INTEGER PRIMARY KEY,
    arende_id      INTEGER NOT NULL REFERENCES arende(id),
    formular       TEXT NOT NULL,
    har_barn       INTEGER NOT NULL,
    roller         TEXT NOT NULL,
    sammanfattning TEXT NOT NULL,
    foreslagen_av  TEXT NOT NULL,
    foreslagen     TEXT NOT NULL,
    beslut_id      INTEGER REFERENCES beslut(id),
    beslutat_av    TEXT,
    CHECK ((beslut_id IS NULL) = (beslutat_av IS NULL))
);
CREATE INDEX beslutsforslag_oppna ON beslutsforslag(beslut_id);
CREATE TRIGGER beslutsforslag_beslutat_andras_aldrig BEFORE UPDATE ON beslutsforslag
WHEN OLD.beslut_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'Förslaget är redan beslutat.'); END;
CREATE TRIGGER beslutsforslag_raderas_aldrig BEFORE DELETE ON beslutsforslag
BEGIN SELECT RAISE(ABORT, 'Ett förslag till beslut raderas inte.'); END;
CREATE TRIGGER delegationsordning_andras_aldrig BEFORE UPDATE ON delegationsordning
BEGIN SELECT RAISE(ABORT, 'En sparad delegationsordning ändras inte; spara en ny.'); END;
CREATE TRIGGER delegationsordning_raderas_aldrig BEFORE DELETE ON delegationsordning
BEGIN SELECT RAISE(ABORT, 'En sparad delegationsordning raderas inte.'); END;
";

/// A proposal as the Att göra list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forslag {
    pub id: i64,
    pub arende_id: i64,
    pub arendenummer: String,
    pub formular: BeslutsFormular,
    pub har_barn: bool,
    /// The roles that may decide it.
    pub roller: Vec<String>,
    /// "försörjningsstöd 30 000 kr".
    pub sammanfattning: String,
    pub foreslagen_av: String,
    pub beslut_id: Option<i64>,
}

impl Skrivning<'_> {
    pub fn spara_delegationsordning(&self, d: &Delegationsordning, av: &str, nu: NaiveDateTime) -> Resultat<i64> {
        let json = serde_json::to_string(d).map_err(|e| StoreError::Regel(e.to_string()))?;
        Ok(self.conn().insert_id(
            "INSERT INTO delegationsordning (innehall, sparad, av) VALUES (?1, ?2, ?3)",
            params![json, tidstampel(nu), av],
        )?)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn spara_forslag(
        &self,
        arende_id: i64,
        form: &BeslutsFormular,
        har_barn: bool,
        roller: &[String],
        sammanfattning: &str,
        av: &str,
        nu: NaiveDateTime,
    ) -> Resultat<i64> {
        let json = serde_json::to_string(form).map_err(|e| StoreError::Regel(e.to_string()))?;
        Ok(self.conn().insert_id(
            "INSERT INTO beslutsforslag (arende_id, formular, har_barn, roller, sammanfattning, foreslagen_av, foreslagen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![arende_id, json, har_barn, roller.join(","), sammanfattning, av, tidstampel(nu)],
        )?)
    }

    /// Marks a proposal decided by `beslut_id`, only while it is still undecided as the user saw
    /// it: one another user decided meanwhile is refused with who did it.
    pub fn forslag_beslutat(&self, id: i64, beslut_id: i64, av: &str) -> Resultat<()> {
        let n = self.conn().execute(
            "UPDATE beslutsforslag SET beslut_id = ?2, beslutat_av = ?3 WHERE id = ?1 AND beslut_id IS NULL",
            params![id, beslut_id, av],
        )?;
        if n == 1 {
            return Ok(());
        }
        let vem: Option<Option<String>> = self
            .conn()
            .query_row("SELECT beslutat_av FROM beslutsforslag WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        Err(match vem {
            None => StoreError::Saknas("Förslaget till beslut finns inte längre.".into()),
            Some(vem) => StoreError::Regel(format!(
                "Förslaget är redan beslutat av {} medan du läste det. Läs in ärendet igen; inget nytt beslut \
                 har sparats.",
                vem.unwrap_or_else(|| "en annan användare".into())
            )),
        })
    }
}

const VALJ: &str = "SELECT f.id, f.arende_id, a.arendenummer, f.formular, f.har_barn, f.roller, f.sammanfattning,
        f.foreslagen_av, f.beslut_id FROM beslutsforslag f JOIN arende a ON a.id = f.arende_id";

fn rad(r: &super::db::Rad) -> super::db::DbResultat<Forslag> {
    let id: i64 = r.get(0)?;
    let roller: String = r.get(5)?;
    Ok(Forslag {
        id,
        arende_id: r.get(1)?,
        arendenummer: r.get(2)?,
        formular: super::json_fran(&r.get::<String>(3)?, "beslutsforslag", id)?,
        har_barn: r.get(4)?,
        roller: roller.split(',').filter(|s| !s.is_empty()).map(String::from).collect(),
        sammanfattning: r.get(6)?,
        foreslagen_av: r.get(7)?,
        beslut_id: r.get(8)?,
    })
}

impl Store {
    /// The unit's delegation order: the newest saved, else the shipped example.
    pub fn delegationsordning(&self) -> Resultat<Delegationsordning> {
        let text: Option<String> = self
            .conn()
            .query_row("SELECT innehall FROM delegationsordning ORDER BY id DESC LIMIT 1", [], |r| r.get(0))
            .optional()?;
        match text {
            Some(t) => Delegationsordning::fran_json(&t).map_err(StoreError::Regel),
            None => Ok(levererad_delegationsordning()),
        }
    }

    pub fn forslag(&self, id: i64) -> Resultat<Forslag> {
        self.conn()
            .query_row(&format!("{VALJ} WHERE f.id = ?1"), [id], rad)
            .optional()?
            .ok_or_else(|| StoreError::Saknas(format!("Det finns inget förslag till beslut med nummer {id}.")))
    }

    /// Proposals not yet decided, oldest first; with `roll`, only those that role may decide.
    pub fn oppna_forslag(&self, roll: Option<&str>) -> Resultat<Vec<Forslag>> {
        let mut stmt = self.conn().prepare_cached(&format!("{VALJ} WHERE f.beslut_id IS NULL ORDER BY f.id"))?;
        let alla = stmt.query_map([], rad)?.collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(alla.into_iter().filter(|f| roll.is_none_or(|r| f.roller.iter().any(|x| x == r))).collect())
    }
}

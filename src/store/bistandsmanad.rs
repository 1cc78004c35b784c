//! A summary per case and month of what the decisions in force (not changed by a later one)
//! granted, by kind of cost: the statistics read it instead of joining every decision and item.
//! It is derived data, kept up to date by triggers in the same transaction as the decision (or
//! the återkrav or amending decision) that changes it, and it can be checked and rebuilt from
//! the decisions at any time.

use super::db::Kopp;
use super::{Resultat, Store};
use crate::domain::statistik::Kostnadsslag;
use rusqlite::functions::FunctionFlags;

/// The columns of the kinds, in the order of [`Kostnadsslag::ALLA`].
pub(super) const SLAGKOLUMNER: &str = "forsorjningsstod_ore, tandvard_ore, glasogon_ore, hemutrustning_ore, \
                                       lakarvard_ore, annan_livsforing_ore, akutboende_ore";

/// What the summary holds for the case-months chosen by `villkor` (on `b`, the decision),
/// computed from the decisions in force and their items.
pub(super) fn omrakning(villkor: &str) -> String {
    let summa =
        |kod: &str| format!("sum(CASE WHEN bistand_kostnadsslag(p.sak) = '{kod}' THEN p.beviljat_ore ELSE 0 END)");
    let slag: Vec<String> = Kostnadsslag::ALLA.iter().map(|k| summa(k.kod())).collect();
    format!(
        "SELECT b.arende_id AS arende_id, b.period AS manad, sum(p.beviljat_ore), {}
         FROM beslut b JOIN beslutspost p ON p.beslut_id = b.id
         WHERE {villkor} AND NOT EXISTS (SELECT 1 FROM beslut c WHERE c.andrar_beslut_id = b.id)
         GROUP BY b.arende_id, b.period",
        slag.join(", ")
    )
}

/// Recomputes one case-month (`arende` and `manad` are SQL expressions, e.g. `NEW.arende_id`).
fn rakna_om(arende: &str, manad: &str) -> String {
    format!(
        "DELETE FROM bistandsmanad WHERE arende_id = {arende} AND manad = {manad};
         INSERT INTO bistandsmanad (arende_id, manad, totalt_ore, {SLAGKOLUMNER}) {};",
        omrakning(&format!("b.arende_id = {arende} AND b.period = {manad}"))
    )
}

/// Migration: the summary table, the triggers that keep it, and its contents for the decisions
/// already made; and covering indexes for the household of each application and the first
/// decision on each application of a period. A new item recomputes its decision's case-month; a decision that changes an
/// earlier one recomputes the earlier one's case-month (which no longer counts).
pub(super) fn skapa_sql() -> String {
    format!(
        "CREATE TABLE bistandsmanad (
            arende_id  INTEGER NOT NULL,
            manad      TEXT NOT NULL,
            totalt_ore INTEGER NOT NULL,
            forsorjningsstod_ore INTEGER NOT NULL,
            tandvard_ore INTEGER NOT NULL,
            glasogon_ore INTEGER NOT NULL,
            hemutrustning_ore INTEGER NOT NULL,
            lakarvard_ore INTEGER NOT NULL,
            annan_livsforing_ore INTEGER NOT NULL,
            akutboende_ore INTEGER NOT NULL,
            PRIMARY KEY (manad, arende_id)
        ) WITHOUT ROWID;
        CREATE INDEX ansokan_medlem_roll ON ansokan_medlem(ansokan_id, roll);
        CREATE INDEX beslut_period_ansokan ON beslut(period, ansokan_id, datum);
        CREATE TRIGGER bistandsmanad_post AFTER INSERT ON beslutspost
        BEGIN {}
        END;
        CREATE TRIGGER bistandsmanad_andrar AFTER INSERT ON beslut WHEN NEW.andrar_beslut_id IS NOT NULL
        BEGIN {}
        END;
        INSERT INTO bistandsmanad (arende_id, manad, totalt_ore, {SLAGKOLUMNER}) {};",
        rakna_om(
            "(SELECT arende_id FROM beslut WHERE id = NEW.beslut_id)",
            "(SELECT period FROM beslut WHERE id = NEW.beslut_id)"
        ),
        rakna_om(
            "(SELECT arende_id FROM beslut WHERE id = NEW.andrar_beslut_id)",
            "(SELECT period FROM beslut WHERE id = NEW.andrar_beslut_id)"
        ),
        omrakning("1=1")
    )
}

/// Makes `bistand_kostnadsslag(sak)` (the kind of a decided item, [`Kostnadsslag::av_sak`])
/// available to SQL on this connection; the summary's triggers use it.
pub(crate) fn registrera(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let flaggor = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("bistand_kostnadsslag", 1, flaggor, |ctx| {
        Ok(Kostnadsslag::av_sak(&ctx.get::<Option<String>>(0)?.unwrap_or_default()).kod())
    })
}

const JAMFOR_SQL_KOLUMNER: &str = "arende_id, manad, totalt_ore";

impl Store {
    /// Case-months where the summary differs from a recomputation from the decisions (empty
    /// when it is right).
    pub fn bistandsmanader_avvikelser(&self) -> Resultat<Vec<(i64, String)>> {
        avvikelser(self.conn())
    }
}

/// The summary's case-months that differ from a recomputation, on any connection (the health
/// check also reads backups); none on a database from before the summary.
pub(crate) fn avvikelser(conn: &Kopp) -> Resultat<Vec<(i64, String)>> {
    let finns = conn.har_tabell("bistandsmanad")?;
    if !finns {
        return Ok(Vec::new());
    }
    if let Some(c) = conn.sqlite() {
        registrera(c)?;
    }
    let kolumner = format!("{JAMFOR_SQL_KOLUMNER}, {SLAGKOLUMNER}");
    let facit = omrakning("1=1");
    let sql = format!(
        "SELECT arende_id, manad FROM (
             SELECT * FROM ({facit}) f1 EXCEPT SELECT {kolumner} FROM bistandsmanad
             UNION
             SELECT * FROM (SELECT {kolumner} FROM bistandsmanad EXCEPT SELECT * FROM ({facit}) f2) f3) d
         GROUP BY arende_id, manad ORDER BY arende_id, manad"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rader = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rader.collect::<super::db::DbResultat<_>>()?)
}

impl super::Skrivning<'_> {
    /// Rebuilds the whole summary from the decisions (after a repair, or when a check found it wrong).
    pub fn bygg_om_bistandsmanader(&self) -> Resultat<()> {
        self.conn().execute_batch(&format!(
            "DELETE FROM bistandsmanad;
             INSERT INTO bistandsmanad (arende_id, manad, totalt_ore, {SLAGKOLUMNER}) {};",
            omrakning("1=1")
        ))?;
        Ok(())
    }
}

//! A summary per case and month of what the decisions in force (not changed by a later one)
//! granted, by kind of cost: the statistics read it instead of joining every decision and item.
//! It is derived data, kept up to date by triggers in the same transaction as the decision (or
//! the återkrav or amending decision) that changes it, and it can be checked and rebuilt from
//! the decisions at any time. The same goes for what the statistics read per application (its
//! adults, children and first decision day), kept on `ansokan` by triggers. All of it is plain
//! SQL over stored columns: a decided item stores its kind of cost (`beslutspost.slag`).

use super::db::Kopp;
use super::{Resultat, Store};
use crate::domain::statistik::Kostnadsslag;
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

/// The columns of the kinds, in the order of [`Kostnadsslag::ALLA`].
pub(super) const SLAGKOLUMNER: &str = "forsorjningsstod_ore, tandvard_ore, glasogon_ore, hemutrustning_ore, \
                                       lakarvard_ore, annan_livsforing_ore, akutboende_ore";

/// A decided item's kind in the summary's SQL: the stored column (migration 25), or the custom
/// function the summary of migration 24 classified the item's words with.
pub(super) const SLAG: &str = "p.slag";
const SLAG_V24: &str = "bistand_kostnadsslag(p.sak)";

/// What the summary holds for the case-months chosen by `villkor` (on `b`, the decision),
/// computed from the decisions in force and their items (`slag`: the item's kind).
pub(super) fn omrakning(slag: &str, villkor: &str) -> String {
    let summa = |kod: &str| format!("sum(CASE WHEN {slag} = '{kod}' THEN p.beviljat_ore ELSE 0 END)");
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
fn rakna_om(slag: &str, arende: &str, manad: &str) -> String {
    format!(
        "DELETE FROM bistandsmanad WHERE arende_id = {arende} AND manad = {manad};
         INSERT INTO bistandsmanad (arende_id, manad, totalt_ore, {SLAGKOLUMNER}) {};",
        omrakning(slag, &format!("b.arende_id = {arende} AND b.period = {manad}"))
    )
}

/// The triggers that keep the summary. A new item recomputes its decision's case-month; a
/// decision that changes an earlier one recomputes the earlier one's case-month (which no
/// longer counts).
fn triggrar(slag: &str) -> String {
    format!(
        "CREATE TRIGGER bistandsmanad_post AFTER INSERT ON beslutspost
        BEGIN {}
        END;
        CREATE TRIGGER bistandsmanad_andrar AFTER INSERT ON beslut WHEN NEW.andrar_beslut_id IS NOT NULL
        BEGIN {}
        END;",
        rakna_om(
            slag,
            "(SELECT arende_id FROM beslut WHERE id = NEW.beslut_id)",
            "(SELECT period FROM beslut WHERE id = NEW.beslut_id)"
        ),
        rakna_om(
            slag,
            "(SELECT arende_id FROM beslut WHERE id = NEW.andrar_beslut_id)",
            "(SELECT period FROM beslut WHERE id = NEW.andrar_beslut_id)"
        ),
    )
}

/// Migration 24: the summary table, the triggers that keep it, and its contents for the
/// decisions already made; and covering indexes for the household of each application and the
/// first decision on each application of a period.
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
        {}
        INSERT INTO bistandsmanad (arende_id, manad, totalt_ore, {SLAGKOLUMNER}) {};",
        triggrar(SLAG_V24),
        omrakning(SLAG_V24, "1")
    )
}

/// Migration 25: each decided item stores its kind of cost (`slag`, written by the program from
/// [`Kostnadsslag`]; the items already made get the kind their words give, the same
/// classification the summary used), and the summary's triggers group by that column instead
/// of calling a function of the program's. An item is never changed, so its guard is lifted
/// only while the kinds are filled in. The summary's contents stay the same.
pub(super) fn slag_sql() -> String {
    format!(
        "ALTER TABLE beslutspost ADD COLUMN slag TEXT;
        DROP TRIGGER beslutspost_andras_aldrig;
        UPDATE beslutspost SET slag = bistand_kostnadsslag(sak);
        {}
        DROP TRIGGER bistandsmanad_post;
        DROP TRIGGER bistandsmanad_andrar;
        {}",
        super::schema::BESLUTSPOST_ANDRAS_ALDRIG,
        triggrar(SLAG)
    )
}

/// What an application's derived columns hold, computed from its members and decisions (`a`
/// is an SQL expression for the application's id): the members other than children, the
/// children, and the day of its first decision.
fn ansokan_omrakning(a: &str) -> [(&'static str, String); 3] {
    [
        (
            "antal_vuxna",
            format!("(SELECT count(*) FROM ansokan_medlem m WHERE m.ansokan_id = {a} AND m.roll <> 'barn')"),
        ),
        ("antal_barn", format!("(SELECT count(*) FROM ansokan_medlem m WHERE m.ansokan_id = {a} AND m.roll = 'barn')")),
        ("forsta_beslutsdag", format!("(SELECT min(b.datum) FROM beslut b WHERE b.ansokan_id = {a})")),
    ]
}

/// Sets the derived columns of the applications chosen by `villkor` (the id is `ansokan.id`).
pub(super) fn ansokan_rakna_om(villkor: &str) -> String {
    let satt: Vec<String> = ansokan_omrakning("ansokan.id").iter().map(|(k, v)| format!("{k} = {v}")).collect();
    format!("UPDATE ansokan SET {} WHERE {villkor};", satt.join(", "))
}

/// Migration 25: what the statistics read per application, kept by triggers in the same
/// transaction as the change: its adults and children (an application is saved by replacing its
/// members) and the day of its first decision; and covering indexes that read them for a period.
pub(super) fn ansokan_sql() -> String {
    format!(
        "ALTER TABLE ansokan ADD COLUMN antal_vuxna INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE ansokan ADD COLUMN antal_barn INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE ansokan ADD COLUMN forsta_beslutsdag TEXT;
        {}
        CREATE INDEX ansokan_personer ON ansokan(manad, arende_id, antal_vuxna, antal_barn);
        CREATE INDEX ansokan_beslutsdag ON ansokan(forsta_beslutsdag, komplett, arende_id, inkom);
        CREATE TRIGGER ansokan_medlem_ny AFTER INSERT ON ansokan_medlem
        BEGIN {} END;
        CREATE TRIGGER ansokan_medlem_bort AFTER DELETE ON ansokan_medlem
        BEGIN {} END;
        CREATE TRIGGER ansokan_medlem_andrad AFTER UPDATE OF ansokan_id, roll ON ansokan_medlem
        BEGIN {} {} END;
        CREATE TRIGGER ansokan_beslutsdag_ny AFTER INSERT ON beslut WHEN NEW.ansokan_id IS NOT NULL
        BEGIN {} END;",
        ansokan_rakna_om("1"),
        ansokan_rakna_om("id = NEW.ansokan_id"),
        ansokan_rakna_om("id = OLD.ansokan_id"),
        ansokan_rakna_om("id = OLD.ansokan_id"),
        ansokan_rakna_om("id = NEW.ansokan_id"),
        ansokan_rakna_om("id = NEW.ansokan_id"),
    )
}

/// Makes `bistand_kostnadsslag(sak)` (the kind of a decided item, [`Kostnadsslag::av_sak`])
/// available to SQL on this connection: migration 24's triggers and contents use it, and
/// migration 25 fills in the kinds of the items already made with it. Nothing after that does.
pub(crate) fn registrera(conn: &Connection) -> rusqlite::Result<()> {
    let flaggor = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("bistand_kostnadsslag", 1, flaggor, |ctx| {
        Ok(Kostnadsslag::av_sak(&ctx.get::<Option<String>>(0)?.unwrap_or_default()).kod())
    })
}

const JAMFOR_SQL_KOLUMNER: &str = "arende_id, manad, totalt_ore";

impl Store {
    /// Case-months where the statistics' derived data differ from a recomputation from the
    /// decisions and applications (empty when they are right): the summary, and an
    /// application's adults, children or first decision day.
    pub fn bistandsmanader_avvikelser(&self) -> Resultat<Vec<(i64, String)>> {
        avvikelser(self.conn())
    }
}

fn har_kolumn(conn: &Kopp, tabell: &str, kolumn: &str) -> super::db::DbResultat<bool> {
    let sql = match conn.dialekt() {
        super::db::Dialekt::Sqlite => "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2)",
        super::db::Dialekt::Postgres => {
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = ?1 AND column_name = ?2)"
        }
    };
    conn.query_row(sql, [tabell, kolumn], |r| r.get(0))
}

/// The case-months whose derived data differ from a recomputation, on any connection (the
/// health check also reads backups, of this schema or an older one); none on a database from
/// before the summary.
pub(crate) fn avvikelser(conn: &Kopp) -> Resultat<Vec<(i64, String)>> {
    if !har_kolumn(conn, "bistandsmanad", "manad")? {
        return Ok(Vec::new());
    }
    let lagrat_slag = har_kolumn(conn, "beslutspost", "slag")?;
    if !lagrat_slag && let Some(c) = conn.sqlite() {
        registrera(c)?;
    }
    let kolumner = format!("{JAMFOR_SQL_KOLUMNER}, {SLAGKOLUMNER}");
    let facit = omrakning(if lagrat_slag { SLAG } else { SLAG_V24 }, "1=1");
    let mut sql = format!(
        "SELECT arende_id, manad FROM (
             SELECT * FROM ({facit}) f1 EXCEPT SELECT {kolumner} FROM bistandsmanad
             UNION
             SELECT * FROM (SELECT {kolumner} FROM bistandsmanad EXCEPT SELECT * FROM ({facit}) f2) f3) f4"
    );
    if har_kolumn(conn, "ansokan", "forsta_beslutsdag")? {
        let olika: Vec<String> =
            ansokan_omrakning("a.id").iter().map(|(k, v)| format!("a.{k} IS DISTINCT FROM {v}")).collect();
        sql.push_str(&format!(" UNION SELECT a.arende_id, a.manad FROM ansokan a WHERE {}", olika.join(" OR ")));
    }
    let sql = format!("SELECT arende_id, manad FROM ({sql}) d GROUP BY arende_id, manad ORDER BY arende_id, manad");
    let mut stmt = conn.prepare(&sql)?;
    let rader = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rader.collect::<super::db::DbResultat<_>>()?)
}

impl super::Skrivning<'_> {
    /// Rebuilds the statistics' derived data (the summary and the applications' adults,
    /// children and first decision day) from the decisions and applications (after a repair,
    /// or when a check found them wrong).
    pub fn bygg_om_bistandsmanader(&self) -> Resultat<()> {
        self.conn().execute_batch(&format!(
            "DELETE FROM bistandsmanad;
             INSERT INTO bistandsmanad (arende_id, manad, totalt_ore, {SLAGKOLUMNER}) {};
             {}",
            omrakning(SLAG, "1=1"),
            ansokan_rakna_om("1=1")
        ))?;
        Ok(())
    }
}

//! Health check of a database: SQLite's own integrity check plus the program's rules.

use super::db::Kopp;
use super::{Resultat, Store};

/// What the check found. Empty `problem` means healthy.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Kontrollrapport {
    pub schemaversion: i64,
    pub hushall: i64,
    pub personer: i64,
    pub arenden: i64,
    pub journalposter: i64,
    pub ansokningar: i64,
    pub beslut: i64,
    /// Rows in the tamper-evidence chain and its newest hash (the anchor to keep apart).
    pub kedjeposter: i64,
    pub ankare: String,
    pub problem: Vec<String>,
}

impl Kontrollrapport {
    pub fn frisk(&self) -> bool {
        self.problem.is_empty()
    }
}

/// Each rule: a Swedish description and a query counting the rows that break it.
const REGLER: &[(&str, &str)] = &[
    (
        "hushåll utan exakt en sökande",
        "SELECT count(*) FROM hushall h WHERE (SELECT count(*) FROM hushallsmedlem hm
          WHERE hm.hushall_id = h.id AND hm.roll = 'sokande') <> 1",
    ),
    (
        "hushåll utan ärende",
        "SELECT count(*) FROM hushall h WHERE NOT EXISTS (SELECT 1 FROM arende a WHERE a.hushall_id = h.id)",
    ),
    (
        "avslutade ärenden utan avslutsorsak eller avslutsdatum",
        "SELECT count(*) FROM arende WHERE status = 'avslutad' AND (avslutsorsak IS NULL OR avslutsdatum IS NULL)",
    ),
    (
        "öppna ärenden med avslutsorsak",
        "SELECT count(*) FROM arende WHERE status <> 'avslutad' AND avslutsorsak IS NOT NULL",
    ),
    (
        "ärenden som inte går att söka fram",
        "SELECT count(*) FROM arende WHERE sokindex NOT LIKE '% ' || arendenummer || ' %'",
    ),
    (
        "makulerade journalanteckningar utan orsak, vem eller när",
        "SELECT count(*) FROM journal WHERE (makulerad_orsak IS NULL) <> (makulerad_av IS NULL)
          OR (makulerad_orsak IS NULL) <> (makulerad_tid IS NULL) OR trim(makulerad_orsak) = ''",
    ),
    (
        "rättelser som pekar på en anteckning som inte är makulerad",
        "SELECT count(*) FROM journal j JOIN journal o ON o.id = j.ersatter_id
          WHERE o.makulerad_orsak IS NULL OR o.arende_id <> j.arende_id",
    ),
    (
        "personnummer som inte är tolv siffror",
        "SELECT count(*) FROM person WHERE length(pnr) <> 12 OR ltrim(pnr, '0123456789') <> ''",
    ),
    (
        "ansökningar utan sökande",
        "SELECT count(*) FROM ansokan a WHERE NOT EXISTS
          (SELECT 1 FROM ansokan_medlem m WHERE m.ansokan_id = a.id AND m.roll = 'sokande')",
    ),
    (
        "beslut utan beslutsposter",
        "SELECT count(*) FROM beslut b WHERE b.utfall <> 'aterkrav'
          AND NOT EXISTS (SELECT 1 FROM beslutspost p WHERE p.beslut_id = b.id)",
    ),
    (
        "beslut om återkrav utan underlag eller med beslutsposter",
        "SELECT count(*) FROM beslut b WHERE b.utfall = 'aterkrav'
          AND (NOT EXISTS (SELECT 1 FROM beslutsunderlag u WHERE u.beslut_id = b.id)
               OR EXISTS (SELECT 1 FROM beslutspost p WHERE p.beslut_id = b.id))",
    ),
    (
        "beslut vars utfall inte stämmer med posterna",
        "SELECT count(*) FROM beslut b WHERE utfall = 'bifall' AND EXISTS
          (SELECT 1 FROM beslutspost p WHERE p.beslut_id = b.id AND p.beviljat_ore < p.ansokt_ore)",
    ),
];

impl Store {
    /// Runs `integrity_check`, compares the schema with the program's, verifies the tamper
    /// evidence chain, then `foreign_key_check` and the program's own rules.
    pub fn kontroll(&self) -> Resultat<Kontrollrapport> {
        kontrollera(self.conn())
    }
}

/// The health check on any connection (a backup is checked on a read-only one).
pub(crate) fn kontrollera(conn: &Kopp) -> Resultat<Kontrollrapport> {
    {
        let mut rapport = Kontrollrapport { schemaversion: conn.schemaversion()?, ..Default::default() };
        // A damaged file: the program's own rules would only read garbage.
        if let Some(c) = conn.sqlite()
            && !sqlite_filen_ar_hel(c, &mut rapport)?
        {
            return Ok(rapport);
        }
        let kedja = super::kedja::verifiera(conn)?;
        rapport.kedjeposter = kedja.poster;
        rapport.ankare = kedja.ankare;
        rapport.problem.extend(kedja.problem.into_iter().map(|p| format!("Kontrollkedjan: {p}")));
        for (text, sql) in REGLER {
            let n: i64 = conn.query_row(sql, [], |r| r.get(0))?;
            if n > 0 {
                rapport.problem.push(format!("{n} {text}"));
            }
        }
        let n = super::bistandsmanad::avvikelser(conn)?.len();
        if n > 0 {
            rapport.problem.push(format!(
                "{n} ärendemånader i statistikens sammanställning stämmer inte med besluten (den behöver byggas om)"
            ));
        }
        // Each personnummer must still validate.
        let mut stmt = conn.prepare("SELECT pnr FROM person")?;
        let invalid = stmt
            .query_map([], |r| r.get::<String>(0))?
            .filter(|p| p.as_ref().map(|p| super::hushall::lagrat_pnr(p).is_err()).unwrap_or(true))
            .count();
        if invalid > 0 {
            rapport.problem.push(format!("{invalid} ogiltiga personnummer"));
        }
        let count = |t: &str| conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<i64>(0));
        rapport.hushall = count("hushall")?;
        rapport.personer = count("person")?;
        rapport.arenden = count("arende")?;
        rapport.journalposter = count("journal")?;
        rapport.ansokningar = count("ansokan")?;
        rapport.beslut = count("beslut")?;
        Ok(rapport)
    }
}

/// SQLite's own checks of the file: integrity, the schema exactly the program's, foreign keys
/// and the search index. False when the file is damaged (nothing else is worth reading then).
fn sqlite_filen_ar_hel(conn: &rusqlite::Connection, rapport: &mut Kontrollrapport) -> Resultat<bool> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let mut fel = 0;
    for rad in stmt.query_map([], |r| r.get::<_, String>(0))? {
        if rad? != "ok" {
            fel += 1;
        }
    }
    if fel > 0 {
        rapport.problem.push(format!(
            "SQLite:s integritetskontroll hittade {fel} fel: filen är skadad. Återställ från en säkerhetskopia."
        ));
        return Ok(false);
    }
    for avvikelse in super::schemajamforelse::schemaavvikelser(conn)? {
        rapport.problem.push(format!("Schemat: {avvikelse}"));
    }
    let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
    if fk > 0 {
        rapport.problem.push(format!("{fk} rader pekar på något som inte finns (främmande nycklar)"));
    }
    // The case search index must agree with the cases' search texts.
    for index in ["arende_sok", "arende_tri"] {
        let fts = format!("INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)");
        if conn.execute(&fts, []).is_err() {
            rapport.problem.push(format!("sökindexet för ärendelistan ({index}) stämmer inte med ärendena"));
        }
    }
    Ok(true)
}

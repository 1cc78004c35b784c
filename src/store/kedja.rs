//! Tamper evidence: a hash chain over the records that must never change silently.
//!
//! Every insert or change of a protected row (journal entries, the event log, decisions and
//! their posts, agreed plans, the case, household and person rows a letter is addressed
//! from, and the household's member periods, earlier addresses and payee) appends a row to `kedja` through a database trigger. Each chain row holds the SHA-256
//! of the protected row's content (`innehall`) and the SHA-256 of the previous chain row's hash
//! followed by that content hash (`hash`), both as 32 bytes. A row edited, deleted or inserted
//! outside the program – even with the triggers dropped – no longer matches its newest chain
//! row, and a chain row removed or rewritten breaks every link after it. Someone holding the file can still rebuild
//! the whole chain; an anchor (the newest hash, printed by `bistand kontroll`) kept apart closes
//! that (see the README).
//!
//! The content expressions below are part of the stored data's meaning: never change one;
//! add a new kind instead.

use super::Resultat;
use super::db::{Dialekt, Kopp};
use rusqlite::functions::FunctionFlags;
use sha2::{Digest, Sha256};

/// One kind of protected row (also read by the PostgreSQL schema, which builds the same chain).
pub(super) struct Skyddad {
    /// The chain's name for the kind (`kedja.tabell`).
    pub(super) typ: &'static str,
    /// The table it lives in.
    pub(super) tabell: &'static str,
    /// The row's content as one JSON array; `{r}` stands for the row (NEW in a trigger).
    pub(super) innehall: &'static str,
    /// The row's key as (rad, del).
    pub(super) rad: &'static str,
    pub(super) del: &'static str,
    /// Which rows are protected (SQL over `{r}`).
    pub(super) villkor: &'static str,
    /// What fires the chain: the trigger events after which a row is (re)hashed.
    pub(super) handelser: &'static [&'static str],
    /// The Swedish name of one row, for reports.
    pub(super) namn: &'static str,
    /// The schema version whose migration put the kind in the chain.
    pub(super) version: i64,
}

pub(super) const SKYDDADE: &[Skyddad] = &[
    Skyddad {
        typ: "journal",
        tabell: "journal",
        innehall: "json_array({r}.id, {r}.arende_id, {r}.datum, {r}.rubrik, {r}.text, {r}.skriven_av, {r}.skapad,
                   {r}.makulerad_orsak, {r}.makulerad_av, {r}.makulerad_tid, {r}.ersatter_id)",
        rad: "{r}.id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT", "AFTER UPDATE"],
        namn: "journalanteckning",
        version: 12,
    },
    Skyddad {
        typ: "handelselogg",
        tabell: "handelselogg",
        innehall: "json_array({r}.id, {r}.tid, {r}.anvandare, {r}.handelse, {r}.arende_id, {r}.detalj)",
        rad: "{r}.id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT"],
        namn: "rad i händelseloggen",
        version: 12,
    },
    Skyddad {
        typ: "beslut",
        tabell: "beslut",
        innehall: "json_array({r}.id, {r}.arende_id, {r}.ansokan_id, {r}.datum, {r}.period, {r}.beslutsfattare,
                   {r}.delegation, {r}.foredragande, {r}.barnets_basta, {r}.utfall, {r}.lagrum, {r}.overklagande,
                   {r}.andrar_beslut_id, {r}.skapad, {r}.av)",
        rad: "{r}.id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT"],
        namn: "beslut",
        version: 12,
    },
    Skyddad {
        typ: "beslutspost",
        tabell: "beslutspost",
        innehall: "json_array({r}.beslut_id, {r}.ordning, {r}.sak, {r}.ansokt_ore, {r}.beviljat_ore, {r}.motivering,
                   {r}.utover_ratten, {r}.aterkrav_skal)",
        rad: "{r}.beslut_id",
        del: "{r}.ordning",
        villkor: "1",
        handelser: &["AFTER INSERT"],
        namn: "beslutspost",
        version: 12,
    },
    Skyddad {
        typ: "plan",
        tabell: "plan",
        innehall: "json_array({r}.id, {r}.arende_id, {r}.version, {r}.innehall, {r}.overenskommen, {r}.signerad,
                   {r}.ej_signerad_orsak)",
        rad: "{r}.id",
        del: "0",
        villkor: "{r}.overenskommen IS NOT NULL",
        handelser: &["AFTER INSERT", "AFTER UPDATE"],
        namn: "överenskommen förändringsplan",
        version: 12,
    },
    Skyddad {
        typ: "planperson",
        tabell: "plan",
        innehall: "json_array({r}.id, {r}.person_id)",
        rad: "{r}.id",
        del: "0",
        villkor: "{r}.overenskommen IS NOT NULL",
        handelser: &["AFTER INSERT", "AFTER UPDATE OF person_id, overenskommen"],
        namn: "överenskommen förändringsplans person",
        version: 17,
    },
    Skyddad {
        typ: "arende",
        tabell: "arende",
        innehall: "json_array({r}.id, {r}.hushall_id, {r}.arendenummer, {r}.status, {r}.avslutsorsak,
                   {r}.socialsekreterare, {r}.bidragshandlaggare, {r}.forsorjningshinder, {r}.startdatum,
                   {r}.avslutsdatum)",
        rad: "{r}.id",
        del: "0",
        villkor: "1",
        handelser: &[
            "AFTER INSERT",
            "AFTER UPDATE OF id, hushall_id, arendenummer, status, avslutsorsak, socialsekreterare, \
             bidragshandlaggare, forsorjningshinder, startdatum, avslutsdatum",
        ],
        namn: "ärende",
        version: 12,
    },
    Skyddad {
        typ: "hushall",
        tabell: "hushall",
        innehall: "json_array({r}.id, {r}.gatuadress, {r}.postnummer, {r}.postort, {r}.telefon,
                   {r}.skyddade_personuppgifter, {r}.relation, {r}.skapad)",
        rad: "{r}.id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT", "AFTER UPDATE"],
        namn: "hushåll",
        version: 12,
    },
    Skyddad {
        typ: "person",
        tabell: "person",
        innehall: "json_array({r}.id, {r}.pnr, {r}.fornamn, {r}.efternamn)",
        rad: "{r}.id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT", "AFTER UPDATE"],
        namn: "person",
        version: 12,
    },
    Skyddad {
        typ: "beslutsunderlag",
        tabell: "beslutsunderlag",
        innehall: "json_array({r}.beslut_id, {r}.underlag)",
        rad: "{r}.beslut_id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT"],
        namn: "beslutsunderlag",
        version: 14,
    },
    Skyddad {
        typ: "utbetalning",
        tabell: "utbetalning",
        innehall: "json_array({r}.id, {r}.beslut_id, {r}.ordning, {r}.belopp_ore, {r}.mottagare, {r}.kontotyp,
                   {r}.konto, {r}.referens, {r}.betalningsdag, {r}.skapad, {r}.av, {r}.attesterad_av,
                   {r}.attesterad_tid, {r}.stoppad_av, {r}.stoppad_tid, {r}.stopporsak, {r}.exporterad_tid,
                   {r}.exportfil)",
        rad: "{r}.id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT", "AFTER UPDATE"],
        namn: "utbetalning",
        version: 15,
    },
    Skyddad {
        typ: "utbetalning_retur",
        tabell: "utbetalning_retur",
        innehall: "json_array({r}.utbetalning_id, {r}.datum, {r}.orsak, {r}.registrerad_av, {r}.registrerad)",
        rad: "{r}.utbetalning_id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT"],
        namn: "återkommen utbetalning",
        version: 15,
    },
    Skyddad {
        typ: "hushallsmedlem",
        tabell: "hushallsmedlem",
        innehall: "json_array({r}.id, {r}.hushall_id, {r}.person_id, {r}.roll, {r}.lunch_utanfor_hemmet,
                   {r}.gar_i_gymnasiet, {r}.ordning, {r}.fran, {r}.till, {r}.flyttat_till)",
        rad: "{r}.id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT", "AFTER UPDATE"],
        namn: "period i hushållet",
        version: 18,
    },
    Skyddad {
        typ: "hushall_adress",
        tabell: "hushall_adress",
        innehall: "json_array({r}.id, {r}.hushall_id, {r}.fran, {r}.till, {r}.gatuadress, {r}.postnummer, {r}.postort,
                   {r}.telefon, {r}.andrad, {r}.andrad_av)",
        rad: "{r}.id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT", "AFTER UPDATE"],
        namn: "tidigare adress",
        version: 18,
    },
    Skyddad {
        typ: "hushallsuppgifter",
        tabell: "hushall",
        innehall: "json_array({r}.id, {r}.adress_fran, {r}.betalsatt, {r}.clearing, {r}.konto, {r}.betalmottagare,
                   {r}.tolk_sprak, {r}.epost, {r}.kontaktsatt)",
        rad: "{r}.id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT", "AFTER UPDATE"],
        namn: "hushållets utbetalning och kontakt",
        version: 18,
    },
    Skyddad {
        typ: "handelselogg_dator",
        tabell: "handelselogg",
        innehall: "json_array({r}.id, {r}.dator)",
        rad: "{r}.id",
        del: "0",
        villkor: "1",
        handelser: &["AFTER INSERT"],
        namn: "rad i händelseloggen (dator)",
        version: 19,
    },
];

impl Skyddad {
    fn uttryck(&self, mall: &str, alias: &str) -> String {
        mall.replace("{r}", alias)
    }

    /// Which rows are protected, as a condition both backends read (PostgreSQL's WHERE wants a
    /// truth value, not the number 1). The triggers keep their own text.
    fn villkor(&self, alias: &str) -> String {
        match self.villkor {
            "1" => "1=1".into(),
            v => v.replace("{r}", alias),
        }
    }

    /// SQL for the SHA-256 of a row's content, as the chain's triggers compute it.
    fn innehallshash(&self, dialekt: Dialekt, alias: &str) -> String {
        match dialekt {
            Dialekt::Sqlite => format!("bistand_sha256({})", self.uttryck(self.innehall, alias)),
            Dialekt::Postgres => {
                format!("sha256(convert_to({}, 'UTF8'))", super::postgres_schema::kedja::innehall(self.innehall, alias))
            }
        }
    }

    /// The triggers that append this kind's rows to the chain.
    fn triggers(&self) -> String {
        let mut sql = String::new();
        for (i, handelse) in self.handelser.iter().enumerate() {
            sql.push_str(&format!(
                "CREATE TRIGGER kedja_{typ}_{i} {handelse} ON {tabell} WHEN {villkor}
                 BEGIN
                   INSERT INTO kedja (tabell, rad, del, innehall, hash)
                   SELECT '{typ}', {rad}, {del}, i, bistand_kedja((SELECT hash FROM kedja ORDER BY id DESC LIMIT 1), i)
                   FROM (SELECT bistand_sha256({innehall}) AS i);
                 END;\n",
                typ = self.typ,
                tabell = self.tabell,
                villkor = self.uttryck(self.villkor, "NEW"),
                rad = self.uttryck(self.rad, "NEW"),
                del = self.uttryck(self.del, "NEW"),
                innehall = self.uttryck(self.innehall, "NEW"),
            ));
        }
        sql
    }
}

/// SHA-256 of a protected row's content (its JSON text), as the chain stores it: 32 bytes.
pub(crate) fn innehallshash(text: &str) -> Vec<u8> {
    Sha256::digest(text.as_bytes()).to_vec()
}

/// A chain row's hash: SHA-256 of the previous row's hash (nothing for the first) followed by
/// this row's content hash.
pub(crate) fn lank(foregaende: &[u8], innehall: &[u8]) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(foregaende);
    h.update(innehall);
    h.finalize().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Makes `bistand_sha256` and `bistand_kedja` available to SQL on this connection (the chain's
/// triggers and checks use them).
pub(crate) fn registrera(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let flaggor = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("bistand_sha256", 1, flaggor, |ctx| {
        Ok(innehallshash(&ctx.get::<Option<String>>(0)?.unwrap_or_default()))
    })?;
    conn.create_scalar_function("bistand_kedja", 2, flaggor, |ctx| {
        let foregaende = ctx.get::<Option<Vec<u8>>>(0)?.unwrap_or_default();
        Ok(lank(&foregaende, &ctx.get::<Vec<u8>>(1)?))
    })
}

/// Migration: the chain table, its triggers, and the chain over every row already written.
pub(super) fn skapa(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        CREATE TABLE kedja (
            id       INTEGER PRIMARY KEY,
            tabell   TEXT NOT NULL,
            rad      INTEGER NOT NULL,
            del      INTEGER NOT NULL,
            innehall BLOB NOT NULL,
            hash     BLOB NOT NULL
        );
        CREATE INDEX kedja_rad ON kedja(tabell, rad, del, id);
        CREATE TRIGGER kedja_andras_aldrig BEFORE UPDATE ON kedja
        BEGIN SELECT RAISE(ABORT, 'Kontrollkedjan kan inte ändras.'); END;
        CREATE TRIGGER kedja_raderas_aldrig BEFORE DELETE ON kedja
        BEGIN SELECT RAISE(ABORT, 'Kontrollkedjan kan inte ändras.'); END;
        ",
    )?;
    lagg_till_slag(tx, 12)
}

/// Migration `version`: chains the kinds it protects, over every row already written, and adds
/// their triggers.
pub(super) fn lagg_till_slag(tx: &rusqlite::Transaction, version: i64) -> rusqlite::Result<()> {
    let mut foregaende: Vec<u8> =
        tx.query_row("SELECT coalesce((SELECT hash FROM kedja ORDER BY id DESC LIMIT 1), x'')", [], |r| r.get(0))?;
    for s in SKYDDADE.iter().filter(|s| s.version == version) {
        let sql = format!(
            "SELECT {rad}, {del}, {innehall} FROM {tabell} t WHERE {villkor} ORDER BY 1, 2",
            rad = s.uttryck(s.rad, "t"),
            del = s.uttryck(s.del, "t"),
            innehall = s.uttryck(s.innehall, "t"),
            tabell = s.tabell,
            villkor = s.villkor("t"),
        );
        let mut las = tx.prepare(&sql)?;
        let mut skriv =
            tx.prepare("INSERT INTO kedja (tabell, rad, del, innehall, hash) VALUES (?1, ?2, ?3, ?4, ?5)")?;
        let mut rader = las.query([])?;
        while let Some(r) = rader.next()? {
            let innehall = innehallshash(&r.get::<_, String>(2)?);
            let hash = lank(&foregaende, &innehall);
            skriv.execute(rusqlite::params![s.typ, r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, innehall, hash])?;
            foregaende = hash;
        }
        tx.execute_batch(&s.triggers())?;
    }
    Ok(())
}

/// What the verification of the chain found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Kedjerapport {
    /// Number of chain rows.
    pub poster: i64,
    /// The newest hash: the anchor a unit writes down to prove later that nothing was rebuilt.
    pub ankare: String,
    /// The first break of each kind, in Swedish.
    pub problem: Vec<String>,
}

/// Walks the whole chain and compares every protected row with its newest chain row.
pub(crate) fn verifiera(conn: &Kopp) -> Resultat<Kedjerapport> {
    let mut rapport = Kedjerapport::default();
    let mut stmt = conn.prepare("SELECT id, innehall, hash FROM kedja ORDER BY id")?;
    let mut rader = stmt.query([])?;
    let mut foregaende = Vec::new();
    let mut bruten = false;
    while let Some(r) = rader.next()? {
        let (id, innehall, hash): (i64, Vec<u8>, Vec<u8>) = (r.get(0)?, r.get(1)?, r.get(2)?);
        rapport.poster += 1;
        if !bruten && lank(&foregaende, &innehall) != hash {
            rapport.problem.push(format!(
                "kontrollkedjan är bruten vid post {id}: en post före den har ändrats eller tagits bort"
            ));
            bruten = true;
        }
        foregaende = hash;
    }
    rapport.ankare = hex(&foregaende);
    for s in SKYDDADE {
        if let Some(p) = forsta_avvikelse(conn, s)? {
            rapport.problem.push(p);
        }
    }
    Ok(rapport)
}

/// The first protected row of a kind that differs from, or is missing in, the chain.
fn forsta_avvikelse(conn: &Kopp, s: &Skyddad) -> Resultat<Option<String>> {
    let senaste = format!(
        "(SELECT k.innehall FROM kedja k WHERE k.tabell = '{typ}' AND k.rad = {rad} AND k.del = {del}
          ORDER BY k.id DESC LIMIT 1)",
        typ = s.typ,
        rad = s.uttryck(s.rad, "t"),
        del = s.uttryck(s.del, "t"),
    );
    let andrad = format!(
        "SELECT {rad}, {del}, {senaste} IS NULL FROM {tabell} t
         WHERE {villkor} AND {innehall} IS DISTINCT FROM {senaste} ORDER BY 1, 2 LIMIT 1",
        rad = s.uttryck(s.rad, "t"),
        del = s.uttryck(s.del, "t"),
        tabell = s.tabell,
        villkor = s.villkor("t"),
        innehall = s.innehallshash(conn.dialekt(), "t"),
    );
    let namn =
        |rad: i64, del: i64| if del == 0 { format!("{} {rad}", s.namn) } else { format!("{} {rad}:{del}", s.namn) };
    let mut stmt = conn.prepare(&andrad)?;
    let mut rader = stmt.query([])?;
    if let Some(r) = rader.next()? {
        let (rad, del, saknas): (i64, i64, bool) = (r.get(0)?, r.get(1)?, r.get(2)?);
        return Ok(Some(if saknas {
            format!("{} finns inte i kontrollkedjan: den har skrivits utanför programmet", namn(rad, del))
        } else {
            format!("{} har ändrats utanför programmet (stämmer inte med kontrollkedjan)", namn(rad, del))
        }));
    }
    let borta = format!(
        "SELECT k.rad, k.del FROM kedja k WHERE k.tabell = '{typ}' AND NOT EXISTS
           (SELECT 1 FROM {tabell} t WHERE {rad} = k.rad AND {del} = k.del AND {villkor})
         ORDER BY k.id LIMIT 1",
        typ = s.typ,
        tabell = s.tabell,
        rad = s.uttryck(s.rad, "t"),
        del = s.uttryck(s.del, "t"),
        villkor = s.villkor("t"),
    );
    let mut stmt = conn.prepare(&borta)?;
    let mut rader = stmt.query([])?;
    Ok(match rader.next()? {
        Some(r) => Some(format!("{} har tagits bort utanför programmet", namn(r.get(0)?, r.get(1)?))),
        None => None,
    })
}

//! Numbered schema migrations. Each runs in its own transaction and sets `user_version`;
//! a database newer than the program is refused.

use super::{Resultat, StoreError};
use rusqlite::{Connection, Transaction, params};

type Migration = fn(&Transaction) -> rusqlite::Result<()>;

/// The migrations in order; migration `i` brings the database to version `i + 1`.
const MIGRATIONS: &[Migration] = &[
    v1_households_cases_journal,
    v2_search_drafts_log,
    v3_applications_norm_tables,
    v4_decisions,
    v5_plans,
    v6_initial_assessment,
    v7_screening,
    v8_fia,
    v9_search_speed,
    v10_search_index,
    v11_history_indexes,
    v12_tamper_chain,
    v13_search_inside_words,
    v14_decision_record,
    v15_payments,
    v16_delegation_and_proposals,
    v17_plan_per_adult,
    v18_household_over_time,
    v19_users_and_access_log,
    v20_statistics,
    v21_cost_line_what_for,
    v22_aterkrav_decisions,
    v23_special_rule_start,
    v24_statistics_month_summary,
    v25_statistics_stored_kinds,
    v26_row_versions,
    v27_drafts_per_user,
    super::samtidighet::v28_form_row_versions,
    super::samtidighet::v29_last_row_versions,
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn migrera(conn: &mut Connection) -> Resultat<()> {
    migrera_till(conn, SCHEMA_VERSION)
}

/// Migrates up to `target` (tests use it to build an older database).
pub fn migrera_till(conn: &mut Connection, target: i64) -> Resultat<()> {
    super::kedja::registrera(conn)?;
    super::bistandsmanad::registrera(conn)?;
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::NyareSchema { databas: current, program: SCHEMA_VERSION });
    }
    for version in current..target.min(SCHEMA_VERSION) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Re-check inside the write lock: another instance may have migrated meanwhile.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now > version {
            continue;
        }
        MIGRATIONS[version as usize](&tx)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
    Ok(())
}

fn v1_households_cases_journal(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        CREATE TABLE person (
            id        INTEGER PRIMARY KEY,
            pnr       TEXT NOT NULL UNIQUE CHECK (length(pnr) = 12),
            fornamn   TEXT NOT NULL,
            efternamn TEXT NOT NULL
        );
        CREATE TABLE hushall (
            id          INTEGER PRIMARY KEY,
            gatuadress  TEXT NOT NULL,
            postnummer  TEXT NOT NULL,
            postort     TEXT NOT NULL,
            telefon     TEXT NOT NULL DEFAULT '',
            skyddade_personuppgifter INTEGER NOT NULL DEFAULT 0,
            relation    TEXT CHECK (relation IN ('gift', 'sambo')),
            skapad      TEXT NOT NULL
        );
        CREATE TABLE hushallsmedlem (
            hushall_id  INTEGER NOT NULL REFERENCES hushall(id),
            person_id   INTEGER NOT NULL REFERENCES person(id),
            roll        TEXT NOT NULL CHECK (roll IN ('sokande', 'medsokande', 'barn')),
            lunch_utanfor_hemmet INTEGER NOT NULL DEFAULT 0,
            gar_i_gymnasiet      INTEGER NOT NULL DEFAULT 0,
            ordning     INTEGER NOT NULL,
            PRIMARY KEY (hushall_id, person_id)
        );
        CREATE INDEX hushallsmedlem_person ON hushallsmedlem(person_id);
        CREATE TABLE arende (
            id                 INTEGER PRIMARY KEY,
            hushall_id         INTEGER NOT NULL REFERENCES hushall(id),
            arendenummer       TEXT NOT NULL UNIQUE,
            status             TEXT NOT NULL CHECK (status IN ('utredning', 'aktuell', 'avslutad')),
            avslutsorsak       TEXT,
            socialsekreterare  TEXT NOT NULL DEFAULT '',
            bidragshandlaggare TEXT NOT NULL DEFAULT '',
            forsorjningshinder TEXT,
            startdatum         TEXT NOT NULL,
            avslutsdatum       TEXT
        );
        CREATE INDEX arende_hushall ON arende(hushall_id);
        CREATE TABLE journal (
            id              INTEGER PRIMARY KEY,
            arende_id       INTEGER NOT NULL REFERENCES arende(id),
            datum           TEXT NOT NULL,
            rubrik          TEXT NOT NULL,
            text            TEXT NOT NULL,
            skriven_av      TEXT NOT NULL,
            skapad          TEXT NOT NULL,
            makulerad_orsak TEXT,
            makulerad_av    TEXT,
            makulerad_tid   TEXT,
            ersatter_id     INTEGER REFERENCES journal(id)
        );
        CREATE INDEX journal_arende ON journal(arende_id, datum);
        -- Journal entries are never deleted, and once written only the voiding may be added.
        CREATE TRIGGER journal_raderas_aldrig BEFORE DELETE ON journal
        BEGIN SELECT RAISE(ABORT, 'Journalanteckningar raderas aldrig; makulera i stället.'); END;
        CREATE TRIGGER journal_andras_aldrig BEFORE UPDATE ON journal
        WHEN OLD.makulerad_orsak IS NOT NULL
          OR NEW.datum IS NOT OLD.datum OR NEW.rubrik IS NOT OLD.rubrik OR NEW.text IS NOT OLD.text
          OR NEW.arende_id IS NOT OLD.arende_id OR NEW.skriven_av IS NOT OLD.skriven_av
          OR NEW.skapad IS NOT OLD.skapad OR NEW.ersatter_id IS NOT OLD.ersatter_id
        BEGIN SELECT RAISE(ABORT, 'En journalanteckning kan bara makuleras, inte ändras.'); END;
        CREATE TABLE installning (
            nyckel TEXT PRIMARY KEY,
            varde  TEXT NOT NULL
        );
        ",
    )
}

fn v2_search_drafts_log(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        ALTER TABLE arende ADD COLUMN sokindex TEXT NOT NULL DEFAULT '';
        -- The last running number of each year's ärendenummer.
        CREATE TABLE arendeserie (
            ar      INTEGER PRIMARY KEY,
            senaste INTEGER NOT NULL
        );
        INSERT INTO arendeserie (ar, senaste)
            SELECT CAST(substr(arendenummer, 1, 4) AS INTEGER), MAX(CAST(substr(arendenummer, 6) AS INTEGER))
            FROM arende GROUP BY 1;
        CREATE TABLE utkast (
            nyckel TEXT PRIMARY KEY,
            titel  TEXT NOT NULL,
            data   TEXT NOT NULL,
            sparad TEXT NOT NULL
        );
        CREATE TABLE handelselogg (
            id        INTEGER PRIMARY KEY,
            tid       TEXT NOT NULL,
            anvandare TEXT NOT NULL,
            handelse  TEXT NOT NULL,
            arende_id INTEGER REFERENCES arende(id),
            detalj    TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX handelselogg_arende ON handelselogg(arende_id);
        CREATE TRIGGER handelselogg_raderas_aldrig BEFORE DELETE ON handelselogg
        BEGIN SELECT RAISE(ABORT, 'Händelseloggen kan inte ändras.'); END;
        CREATE TRIGGER handelselogg_andras_aldrig BEFORE UPDATE ON handelselogg
        BEGIN SELECT RAISE(ABORT, 'Händelseloggen kan inte ändras.'); END;
        ",
    )?;
    // Cases written by version 1 become searchable.
    berakna_sokindex_igen(tx)
}

/// Recomputes every case's search text (when what goes into it changes).
fn berakna_sokindex_igen(tx: &Transaction) -> rusqlite::Result<()> {
    let ids: Vec<i64> =
        tx.prepare("SELECT id FROM arende")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for id in ids {
        let index = super::arende::berakna_sokindex(&super::db::Kopp::lana(tx), id)?;
        tx.execute("UPDATE arende SET sokindex = ?1 WHERE id = ?2 AND sokindex <> ?1", params![index, id])?;
    }
    Ok(())
}

fn v3_applications_norm_tables(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        -- Every version of a year's riksnorm is kept; a calculation names the version it used.
        CREATE TABLE normtabell (
            id      INTEGER PRIMARY KEY,
            ar      INTEGER NOT NULL,
            version INTEGER NOT NULL,
            data    TEXT NOT NULL,
            andring TEXT NOT NULL,
            av      TEXT NOT NULL,
            skapad  TEXT NOT NULL,
            UNIQUE (ar, version)
        );
        CREATE TABLE ansokan (
            id                  INTEGER PRIMARY KEY,
            arende_id           INTEGER NOT NULL REFERENCES arende(id),
            manad               TEXT NOT NULL,
            inkom               TEXT NOT NULL,
            komplett            INTEGER NOT NULL,
            saknas              TEXT NOT NULL DEFAULT '',
            personer_i_bostaden INTEGER,
            normtabell_id       INTEGER NOT NULL REFERENCES normtabell(id),
            regler              TEXT NOT NULL,
            norm_ore            INTEGER NOT NULL,
            kostnader_ore       INTEGER NOT NULL,
            inkomster_ore       INTEGER NOT NULL,
            saldo_ore           INTEGER NOT NULL,
            beviljas_ore        INTEGER NOT NULL,
            skapad              TEXT NOT NULL,
            andrad              TEXT NOT NULL,
            UNIQUE (arende_id, manad)
        );
        CREATE TABLE ansokan_medlem (
            ansokan_id INTEGER NOT NULL REFERENCES ansokan(id),
            ordning    INTEGER NOT NULL,
            roll       TEXT NOT NULL CHECK (roll IN ('sokande', 'medsokande', 'barn')),
            namn       TEXT NOT NULL,
            fodd       TEXT NOT NULL,
            lunch_utanfor_hemmet INTEGER NOT NULL,
            gar_i_gymnasiet      INTEGER NOT NULL,
            fran       TEXT,
            till       TEXT,
            PRIMARY KEY (ansokan_id, ordning)
        );
        CREATE TABLE ansokan_kostnad (
            ansokan_id  INTEGER NOT NULL REFERENCES ansokan(id),
            ordning     INTEGER NOT NULL,
            typ         TEXT NOT NULL,
            ansokt_ore  INTEGER NOT NULL CHECK (ansokt_ore >= 0),
            godkant_ore INTEGER CHECK (godkant_ore >= 0),
            motivering  TEXT NOT NULL,
            PRIMARY KEY (ansokan_id, ordning)
        );
        CREATE TABLE ansokan_inkomst (
            ansokan_id    INTEGER NOT NULL REFERENCES ansokan(id),
            ordning       INTEGER NOT NULL,
            typ           TEXT NOT NULL,
            belopp_ore    INTEGER NOT NULL CHECK (belopp_ore >= 0),
            person        INTEGER,
            jobbstimulans INTEGER NOT NULL,
            tidigare_ore  INTEGER NOT NULL,
            PRIMARY KEY (ansokan_id, ordning)
        );
        CREATE TABLE ansokan_justering (
            ansokan_id INTEGER NOT NULL REFERENCES ansokan(id),
            ordning    INTEGER NOT NULL,
            rad        TEXT NOT NULL,
            belopp_ore INTEGER NOT NULL CHECK (belopp_ore >= 0),
            motivering TEXT NOT NULL,
            PRIMARY KEY (ansokan_id, ordning)
        );
        ",
    )
}

fn v4_decisions(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        -- A decision is never edited or deleted: a change is a new decision naming the old one.
        CREATE TABLE beslut (
            id               INTEGER PRIMARY KEY,
            arende_id        INTEGER NOT NULL REFERENCES arende(id),
            ansokan_id       INTEGER REFERENCES ansokan(id),
            datum            TEXT NOT NULL,
            period           TEXT NOT NULL,
            beslutsfattare   TEXT NOT NULL,
            delegation       TEXT NOT NULL DEFAULT '',
            foredragande     TEXT NOT NULL DEFAULT '',
            barnets_basta    TEXT NOT NULL DEFAULT '',
            utfall           TEXT NOT NULL CHECK (utfall IN ('bifall', 'delavslag', 'avslag')),
            lagrum           TEXT NOT NULL,
            overklagande     TEXT NOT NULL,
            andrar_beslut_id INTEGER REFERENCES beslut(id),
            skapad           TEXT NOT NULL,
            av               TEXT NOT NULL
        );
        CREATE INDEX beslut_arende ON beslut(arende_id);
        CREATE TABLE beslutspost (
            beslut_id     INTEGER NOT NULL REFERENCES beslut(id),
            ordning       INTEGER NOT NULL,
            sak           TEXT NOT NULL,
            ansokt_ore    INTEGER NOT NULL CHECK (ansokt_ore >= 0),
            beviljat_ore  INTEGER NOT NULL CHECK (beviljat_ore >= 0),
            motivering    TEXT NOT NULL,
            utover_ratten INTEGER NOT NULL,
            aterkrav_skal TEXT,
            PRIMARY KEY (beslut_id, ordning)
        );
        CREATE TRIGGER beslut_andras_aldrig BEFORE UPDATE ON beslut
        BEGIN SELECT RAISE(ABORT, 'Ett beslut ändras aldrig; fatta ett nytt beslut som ändrar det.'); END;
        CREATE TRIGGER beslut_raderas_aldrig BEFORE DELETE ON beslut
        BEGIN SELECT RAISE(ABORT, 'Ett beslut raderas aldrig.'); END;
        CREATE TRIGGER beslutspost_andras_aldrig BEFORE UPDATE ON beslutspost
        BEGIN SELECT RAISE(ABORT, 'Ett beslut ändras aldrig; fatta ett nytt beslut som ändrar det.'); END;
        CREATE TRIGGER beslutspost_raderas_aldrig BEFORE DELETE ON beslutspost
        BEGIN SELECT RAISE(ABORT, 'Ett beslut raderas aldrig.'); END;
        ",
    )
}

fn v5_plans(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        -- Every version of a förändringsplan is kept; an agreed version never changes (only its
        -- signature may be recorded later).
        CREATE TABLE plan (
            id                INTEGER PRIMARY KEY,
            arende_id         INTEGER NOT NULL REFERENCES arende(id),
            version           INTEGER NOT NULL,
            innehall          TEXT NOT NULL,
            overenskommen     TEXT,
            signerad          INTEGER NOT NULL DEFAULT 0,
            ej_signerad_orsak TEXT NOT NULL DEFAULT '',
            skapad            TEXT NOT NULL,
            andrad            TEXT NOT NULL,
            av                TEXT NOT NULL,
            UNIQUE (arende_id, version)
        );
        CREATE TRIGGER plan_overenskommen_andras_aldrig BEFORE UPDATE ON plan
        WHEN OLD.overenskommen IS NOT NULL AND (NEW.innehall IS NOT OLD.innehall
          OR NEW.overenskommen IS NOT OLD.overenskommen OR NEW.version IS NOT OLD.version OR NEW.arende_id IS NOT OLD.arende_id)
        BEGIN SELECT RAISE(ABORT, 'En överenskommen plan ändras inte; skapa en ny version.'); END;
        CREATE TRIGGER plan_raderas_aldrig BEFORE DELETE ON plan WHEN OLD.overenskommen IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'En överenskommen plan raderas aldrig.'); END;
        CREATE TABLE plan_uppfoljning (
            id       INTEGER PRIMARY KEY,
            plan_id  INTEGER NOT NULL REFERENCES plan(id),
            datum    TEXT NOT NULL,
            notering TEXT NOT NULL,
            per_steg TEXT NOT NULL,
            skapad   TEXT NOT NULL,
            av       TEXT NOT NULL
        );
        CREATE TABLE plan_avvikelse (
            id          INTEGER PRIMARY KEY,
            plan_id     INTEGER NOT NULL REFERENCES plan(id),
            fran        TEXT NOT NULL,
            till        TEXT NOT NULL,
            beskrivning TEXT NOT NULL,
            godkand     INTEGER NOT NULL,
            skapad      TEXT NOT NULL,
            av          TEXT NOT NULL
        );
        ",
    )
}

fn v6_initial_assessment(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        -- Every version of the IB form definition is kept; answers name the version they used.
        CREATE TABLE ib_definition (
            version INTEGER PRIMARY KEY,
            data    TEXT NOT NULL,
            skapad  TEXT NOT NULL
        );
        CREATE TABLE ib_svar (
            arende_id          INTEGER PRIMARY KEY REFERENCES arende(id),
            definition_version INTEGER NOT NULL REFERENCES ib_definition(version),
            svar               TEXT NOT NULL,
            samtycke_jobbtorg  TEXT,
            andrad             TEXT NOT NULL
        );
        ",
    )
}

fn v7_screening(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        -- Screening answers are kept on the person; they are sensitive and no letter reads them.
        CREATE TABLE screening (
            id         INTEGER PRIMARY KEY,
            person_id  INTEGER NOT NULL REFERENCES person(id),
            instrument TEXT NOT NULL CHECK (instrument IN ('audit', 'dudit', 'freda')),
            datum      TEXT NOT NULL,
            svar       TEXT NOT NULL,
            poang      INTEGER NOT NULL,
            skapad     TEXT NOT NULL,
            av         TEXT NOT NULL
        );
        CREATE INDEX screening_person ON screening(person_id);
        ",
    )
}

fn v8_fia(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        CREATE TABLE fia_definition (
            version INTEGER PRIMARY KEY,
            data    TEXT NOT NULL,
            skapad  TEXT NOT NULL
        );
        CREATE TABLE fia_intervju (
            id                 INTEGER PRIMARY KEY,
            arende_id          INTEGER NOT NULL REFERENCES arende(id),
            definition_version INTEGER NOT NULL,
            data               TEXT NOT NULL,
            skapad             TEXT NOT NULL,
            andrad             TEXT NOT NULL
        );
        CREATE INDEX fia_intervju_arende ON fia_intervju(arende_id);
        ",
    )
}

/// The case search looks up each case's sökande by household; without this index it scanned
/// every member row per search (18 ms on 20 000 households, now about 5 ms).
fn v9_search_speed(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch("CREATE INDEX hushallsmedlem_hushall ON hushallsmedlem(hushall_id, roll);")
}

/// A full-text index over each case's search text, kept in step by triggers: a name part is
/// found through the index instead of a LIKE over every case. Words are split at spaces only
/// ('-' belongs to the word, as in "2026-0142" and "lind-ek"), and å, ä, ö stay distinct
/// letters. Prefix indexes make the first few typed characters as fast as a whole word.
fn v10_search_index(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        CREATE VIRTUAL TABLE arende_sok USING fts5(
            sokindex, content = 'arende', content_rowid = 'id',
            tokenize = \"unicode61 remove_diacritics 0 tokenchars '-'\", prefix = '1 2 3'
        );
        CREATE TRIGGER arende_sok_ny AFTER INSERT ON arende
        BEGIN INSERT INTO arende_sok (rowid, sokindex) VALUES (NEW.id, NEW.sokindex); END;
        CREATE TRIGGER arende_sok_bort AFTER DELETE ON arende
        BEGIN INSERT INTO arende_sok (arende_sok, rowid, sokindex) VALUES ('delete', OLD.id, OLD.sokindex); END;
        CREATE TRIGGER arende_sok_andrad AFTER UPDATE OF sokindex ON arende
        BEGIN
            INSERT INTO arende_sok (arende_sok, rowid, sokindex) VALUES ('delete', OLD.id, OLD.sokindex);
            INSERT INTO arende_sok (rowid, sokindex) VALUES (NEW.id, NEW.sokindex);
        END;
        INSERT INTO arende_sok (arende_sok) VALUES ('rebuild');
        ",
    )
}

/// With years of history per case (hundreds of thousands of follow-ups and decisions), the Att
/// göra list looked up each plan's latest follow-up by reading them all: 450 ms on 20 000 cases.
/// The search texts also get the later parts of names with an apostrophe ("O'Neill" → "neill"),
/// the words the full-text index has, so that the index alone answers a name search.
fn v11_history_indexes(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch("CREATE INDEX plan_uppfoljning_plan ON plan_uppfoljning(plan_id, datum);")?;
    berakna_sokindex_igen(tx)
}

/// Tamper evidence: a hash chain over journal, event log, decisions, agreed plans and the case,
/// household and person rows (see `kedja.rs`), built over every row already written.
fn v12_tamper_chain(tx: &Transaction) -> rusqlite::Result<()> {
    super::kedja::skapa(tx)
}

/// The frozen record of a decision: the calculation, unit, recipient and ground its letter prints,
/// stored once with the decision as JSON and, like the decision, never changed or deleted.
fn v14_decision_record(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        CREATE TABLE beslutsunderlag (
            beslut_id INTEGER PRIMARY KEY REFERENCES beslut(id),
            underlag  TEXT NOT NULL
        );
        CREATE TRIGGER beslutsunderlag_andras_aldrig BEFORE UPDATE ON beslutsunderlag
        BEGIN SELECT RAISE(ABORT, 'Ett beslut ändras aldrig; fatta ett nytt beslut som ändrar det.'); END;
        CREATE TRIGGER beslutsunderlag_raderas_aldrig BEFORE DELETE ON beslutsunderlag
        BEGIN SELECT RAISE(ABORT, 'Ett beslut raderas aldrig.'); END;
        ",
    )?;
    super::kedja::lagg_till_slag(tx, 14)
}

/// Payment orders of granted posts and their returns; attest, export and the sum are kept by
/// triggers (see `utbetalning_schema`). Both tables join the tamper chain.
fn v15_payments(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(super::utbetalning_schema::UTBETALNING_SQL)?;
    super::kedja::lagg_till_slag(tx, 15)
}

/// The unit's delegation order as saved, and proposals beyond delegation (see `forslag`).
fn v16_delegation_and_proposals(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(super::forslag::FORSLAG_SQL)
}

/// Each adult of a household has a förändringsplan of their own: a plan names its person (the
/// applicant for plans written before), which never changes once the plan is agreed.
fn v17_plan_per_adult(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(super::plan::PER_VUXEN_SQL)?;
    super::kedja::lagg_till_slag(tx, 17)
}

/// A household changes over time: each membership gets its period (existing members from the household's
/// registration, still living there), so a person may also leave and come back; earlier addresses are kept
/// with their periods; and the household gets its payee, need of an interpreter and contact details.
fn v18_household_over_time(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(super::hushallshistorik::V15_SQL)?;
    // The periods, earlier addresses and payee join the tamper chain.
    super::kedja::lagg_till_slag(tx, 18)
}

/// Users who log in (never deleted), and the computer each log line was written from, chained.
fn v19_users_and_access_log(tx: &Transaction) -> rusqlite::Result<()> {
    super::anvandare::skapa_tabell(tx)?;
    super::kedja::lagg_till_slag(tx, 19)
}

/// The unit's statistics (issue 17): indexes that let the indicators read a period's decisions in
/// force without scanning every decision, the nybesök of a case, the årshjul as versioned unit
/// data and its ticked-off tasks, and the recorded contact with a young adult before closing.
fn v20_statistics(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(super::statistik::V15_SQL)
}

/// A cost line says what it is for ("elskuld hos …"), as the decision names it to the client.
fn v21_cost_line_what_for(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(super::ansokan::KOSTNAD_AVSER_SQL)
}

/// An återkrav is a decision of its own in `beslut` (utfall `aterkrav`, no posts; what it recovers
/// is in its frozen record). SQLite cannot alter a CHECK constraint, and rebuilding `beslut` would
/// break the tables and triggers that refer to it, so the constraint's text is widened in place
/// as SQLite documents for changes that do not touch stored data.
fn v22_aterkrav_decisions(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(super::aterkrav::ATERKRAV_UTFALL_SQL)?;
    let version: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    tx.execute_batch(&format!("PRAGMA schema_version = {}; PRAGMA writable_schema = OFF;", version + 1))
}

/// The month the särskild beräkningsregel (jobbstimulans) started, per income, so it applies
/// only for 24 months from then also for applications made in the window.
fn v23_special_rule_start(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(super::ansokan::BERAKNINGSREGEL_FRAN_SQL)
}

/// The statistics read a per-case-month summary of what the decisions in force granted, by
/// kind, kept by triggers (instead of joining every decision and item for every report).
fn v24_statistics_month_summary(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(&super::bistandsmanad::skapa_sql())
}

/// The statistics read what they need without a function of the program's and without a lookup
/// per application: a decided item stores its kind of cost (the summary's triggers group by
/// it), and an application its adults, children and first decision day, kept by triggers.
fn v25_statistics_stored_kinds(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(&super::bistandsmanad::slag_sql())?;
    tx.execute_batch(&super::bistandsmanad::ansokan_sql())
}

/// The guard that keeps a decided item unchanged (migration 4; migration 25 lifts it while it
/// fills in the items' kinds).
pub(super) const BESLUTSPOST_ANDRAS_ALDRIG: &str =
    "CREATE TRIGGER beslutspost_andras_aldrig BEFORE UPDATE ON beslutspost
        BEGIN SELECT RAISE(ABORT, 'Ett beslut ändras aldrig; fatta ett nytt beslut som ändrar det.'); END;";

/// Thirty caseworkers share one database: every row a form edits gets a version and who changed
/// it last, when, so a save that raced another user's save is refused instead of lost.
fn v26_row_versions(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(super::samtidighet::V26_SQL)
}

/// A draft belongs to the user who typed it, so two caseworkers on one form keep both drafts
/// (those from before have no owner: see `utkast::UTAN_AGARE`).
fn v27_drafts_per_user(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(super::utkast::V27_SQLITE)
}

/// Caseworkers search by any part of a name or street ("ström" finds Engström): a trigram index
/// over the same search text answers a token of three or more characters anywhere inside a word.
/// The search texts get the street address (not for protected households).
fn v13_search_inside_words(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        CREATE VIRTUAL TABLE arende_tri USING fts5(
            sokindex, content = 'arende', content_rowid = 'id', tokenize = 'trigram'
        );
        CREATE TRIGGER arende_tri_ny AFTER INSERT ON arende
        BEGIN INSERT INTO arende_tri (rowid, sokindex) VALUES (NEW.id, NEW.sokindex); END;
        CREATE TRIGGER arende_tri_bort AFTER DELETE ON arende
        BEGIN INSERT INTO arende_tri (arende_tri, rowid, sokindex) VALUES ('delete', OLD.id, OLD.sokindex); END;
        CREATE TRIGGER arende_tri_andrad AFTER UPDATE OF sokindex ON arende
        BEGIN
            INSERT INTO arende_tri (arende_tri, rowid, sokindex) VALUES ('delete', OLD.id, OLD.sokindex);
            INSERT INTO arende_tri (rowid, sokindex) VALUES (NEW.id, NEW.sokindex);
        END;
        INSERT INTO arende_tri (arende_tri) VALUES ('rebuild');
        ",
    )?;
    berakna_sokindex_igen(tx)
}

//! The rules SQLite keeps with `RAISE(ABORT, '…')` triggers, as PostgreSQL triggers that raise
//! the same Swedish text (SQLSTATE P0001, which the store shows as a rule of the program).
//!
//! SQLite fires a table's triggers newest first; PostgreSQL fires them in the order of their
//! names. So that a change breaking two rules gets the same message on both backends, each
//! trigger's name starts with a number that puts them in SQLite's order (`regel_NN_<name>`,
//! `<name>` being SQLite's).

/// One rule: SQLite's trigger name, the event (`BEFORE UPDATE OF …`), the table, the
/// condition in PostgreSQL's words (`None` = always) and the message.
struct Regel {
    namn: &'static str,
    handelse: &'static str,
    tabell: &'static str,
    villkor: Option<&'static str>,
    text: &'static str,
}

const ANDRAS_ALDRIG: &str = "Ett beslut ändras aldrig; fatta ett nytt beslut som ändrar det.";
const UTBETALNING_ANDRAS_INTE: &str = "En attesterad utbetalning ändras inte; stoppa den och gör en ny.";

/// The rules in the order SQLite's migrations create them.
const REGLER: &[Regel] = &[
    Regel {
        namn: "journal_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "journal",
        villkor: None,
        text: "Journalanteckningar raderas aldrig; makulera i stället.",
    },
    Regel {
        namn: "journal_andras_aldrig",
        handelse: "BEFORE UPDATE",
        tabell: "journal",
        villkor: Some(
            "OLD.makulerad_orsak IS NOT NULL
             OR NEW.datum IS DISTINCT FROM OLD.datum OR NEW.rubrik IS DISTINCT FROM OLD.rubrik
             OR NEW.text IS DISTINCT FROM OLD.text OR NEW.arende_id IS DISTINCT FROM OLD.arende_id
             OR NEW.skriven_av IS DISTINCT FROM OLD.skriven_av OR NEW.skapad IS DISTINCT FROM OLD.skapad
             OR NEW.ersatter_id IS DISTINCT FROM OLD.ersatter_id",
        ),
        text: "En journalanteckning kan bara makuleras, inte ändras.",
    },
    Regel {
        namn: "handelselogg_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "handelselogg",
        villkor: None,
        text: "Händelseloggen kan inte ändras.",
    },
    Regel {
        namn: "handelselogg_andras_aldrig",
        handelse: "BEFORE UPDATE",
        tabell: "handelselogg",
        villkor: None,
        text: "Händelseloggen kan inte ändras.",
    },
    Regel {
        namn: "beslut_andras_aldrig",
        handelse: "BEFORE UPDATE",
        tabell: "beslut",
        villkor: None,
        text: ANDRAS_ALDRIG,
    },
    Regel {
        namn: "beslut_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "beslut",
        villkor: None,
        text: "Ett beslut raderas aldrig.",
    },
    Regel {
        namn: "beslutspost_andras_aldrig",
        handelse: "BEFORE UPDATE",
        tabell: "beslutspost",
        villkor: None,
        text: ANDRAS_ALDRIG,
    },
    Regel {
        namn: "beslutspost_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "beslutspost",
        villkor: None,
        text: "Ett beslut raderas aldrig.",
    },
    Regel {
        namn: "plan_overenskommen_andras_aldrig",
        handelse: "BEFORE UPDATE",
        tabell: "plan",
        villkor: Some(
            "OLD.overenskommen IS NOT NULL AND (NEW.innehall IS DISTINCT FROM OLD.innehall
             OR NEW.overenskommen IS DISTINCT FROM OLD.overenskommen OR NEW.version IS DISTINCT FROM OLD.version
             OR NEW.arende_id IS DISTINCT FROM OLD.arende_id)",
        ),
        text: "En överenskommen plan ändras inte; skapa en ny version.",
    },
    Regel {
        namn: "plan_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "plan",
        villkor: Some("OLD.overenskommen IS NOT NULL"),
        text: "En överenskommen plan raderas aldrig.",
    },
    Regel {
        namn: "kedja_andras_aldrig",
        handelse: "BEFORE UPDATE",
        tabell: "kedja",
        villkor: None,
        text: "Kontrollkedjan kan inte ändras.",
    },
    Regel {
        namn: "kedja_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "kedja",
        villkor: None,
        text: "Kontrollkedjan kan inte ändras.",
    },
    Regel {
        namn: "beslutsunderlag_andras_aldrig",
        handelse: "BEFORE UPDATE",
        tabell: "beslutsunderlag",
        villkor: None,
        text: ANDRAS_ALDRIG,
    },
    Regel {
        namn: "beslutsunderlag_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "beslutsunderlag",
        villkor: None,
        text: "Ett beslut raderas aldrig.",
    },
    Regel {
        namn: "utbetalning_hogst_beviljat",
        handelse: "BEFORE INSERT",
        tabell: "utbetalning",
        villkor: Some(
            "NEW.belopp_ore + (SELECT coalesce(sum(u.belopp_ore), 0) FROM utbetalning u
                 WHERE u.beslut_id = NEW.beslut_id AND u.ordning = NEW.ordning AND u.stoppad_av IS NULL
                   AND u.id NOT IN (SELECT utbetalning_id FROM utbetalning_retur))
             > coalesce((SELECT p.beviljat_ore FROM beslutspost p
                         WHERE p.beslut_id = NEW.beslut_id AND p.ordning = NEW.ordning), 0)",
        ),
        text: "Utbetalningarna kan inte bli större än det beviljade beloppet.",
    },
    Regel {
        namn: "utbetalning_attest_inte_beslutsfattaren",
        handelse: "BEFORE UPDATE OF attesterad_av",
        tabell: "utbetalning",
        villkor: Some(
            "NEW.attesterad_av IS NOT NULL AND EXISTS (
                SELECT 1 FROM beslut b WHERE b.id = NEW.beslut_id
                  AND (lower(trim(b.beslutsfattare)) = lower(trim(NEW.attesterad_av))
                       OR lower(trim(b.av)) = lower(trim(NEW.attesterad_av))))",
        ),
        text: "Den som fattade beslutet får inte attestera utbetalningen. En annan person ska attestera.",
    },
    Regel {
        namn: "utbetalning_attest_inte_vid_ny",
        handelse: "BEFORE INSERT",
        tabell: "utbetalning",
        villkor: Some("NEW.attesterad_av IS NOT NULL OR NEW.exporterad_tid IS NOT NULL OR NEW.stoppad_av IS NOT NULL"),
        text: "En ny utbetalning ska attesteras för sig, av en annan person än beslutsfattaren.",
    },
    Regel {
        namn: "utbetalning_belopp_andras_aldrig",
        handelse: "BEFORE UPDATE OF beslut_id, ordning, belopp_ore",
        tabell: "utbetalning",
        villkor: Some(
            "NEW.beslut_id IS DISTINCT FROM OLD.beslut_id OR NEW.ordning IS DISTINCT FROM OLD.ordning
             OR NEW.belopp_ore IS DISTINCT FROM OLD.belopp_ore",
        ),
        text: "En utbetalnings belopp ändras inte; stoppa den och gör en ny.",
    },
    Regel {
        namn: "utbetalning_attesterad_andras_inte",
        handelse: "BEFORE UPDATE OF mottagare, kontotyp, konto, referens, betalningsdag, attesterad_av, \
                   attesterad_tid, skapad, av",
        tabell: "utbetalning",
        villkor: Some("OLD.attesterad_av IS NOT NULL"),
        text: UTBETALNING_ANDRAS_INTE,
    },
    Regel {
        namn: "utbetalning_stoppad_andras_inte",
        handelse: "BEFORE UPDATE",
        tabell: "utbetalning",
        villkor: Some("OLD.stoppad_av IS NOT NULL"),
        text: "En stoppad utbetalning ändras inte; gör en ny.",
    },
    Regel {
        namn: "utbetalning_exporterad_andras_aldrig",
        handelse: "BEFORE UPDATE",
        tabell: "utbetalning",
        villkor: Some("OLD.exporterad_tid IS NOT NULL"),
        text: "Utbetalningen är skickad till banken och kan inte ändras.",
    },
    Regel {
        namn: "utbetalning_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "utbetalning",
        villkor: None,
        text: "En utbetalning raderas aldrig; stoppa den i stället.",
    },
    Regel {
        namn: "utbetalning_retur_bara_exporterad",
        handelse: "BEFORE INSERT",
        tabell: "utbetalning_retur",
        villkor: Some("(SELECT exporterad_tid FROM utbetalning WHERE id = NEW.utbetalning_id) IS NULL"),
        text: "Bara en utbetalning som har skickats till banken kan komma tillbaka.",
    },
    Regel {
        namn: "utbetalning_retur_andras_aldrig",
        handelse: "BEFORE UPDATE",
        tabell: "utbetalning_retur",
        villkor: None,
        text: "En registrerad retur ändras inte.",
    },
    Regel {
        namn: "utbetalning_retur_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "utbetalning_retur",
        villkor: None,
        text: "En registrerad retur raderas inte.",
    },
    Regel {
        namn: "beslutsforslag_beslutat_andras_aldrig",
        handelse: "BEFORE UPDATE",
        tabell: "beslutsforslag",
        villkor: Some("OLD.beslut_id IS NOT NULL"),
        text: "Förslaget är redan beslutat.",
    },
    Regel {
        namn: "beslutsforslag_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "beslutsforslag",
        villkor: None,
        text: "Ett förslag till beslut raderas inte.",
    },
    Regel {
        namn: "delegationsordning_andras_aldrig",
        handelse: "BEFORE UPDATE",
        tabell: "delegationsordning",
        villkor: None,
        text: "En sparad delegationsordning ändras inte; spara en ny.",
    },
    Regel {
        namn: "delegationsordning_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "delegationsordning",
        villkor: None,
        text: "En sparad delegationsordning raderas inte.",
    },
    Regel {
        namn: "plan_person_andras_inte",
        handelse: "BEFORE UPDATE OF person_id",
        tabell: "plan",
        villkor: Some("OLD.overenskommen IS NOT NULL AND NEW.person_id IS DISTINCT FROM OLD.person_id"),
        text: "En överenskommen plan ändras inte; skapa en ny version.",
    },
    Regel {
        namn: "plan_har_person",
        handelse: "BEFORE INSERT",
        tabell: "plan",
        villkor: Some("NEW.person_id IS NULL"),
        text: "En plan måste gälla en person i hushållet.",
    },
    Regel {
        namn: "anvandare_raderas_aldrig",
        handelse: "BEFORE DELETE",
        tabell: "anvandare",
        villkor: None,
        text: "En användare tas aldrig bort; inaktivera den i stället.",
    },
];

/// The advisory lock that serializes the chain's appends (and every write transaction).
pub const LAS: i64 = 20261130;

/// A text as an SQL string literal.
pub(super) fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The function every rule without a subquery raises through (the message is its argument), and
/// one trigger per rule; a condition with a subquery (which a trigger's WHEN cannot hold) is
/// tested in a function of its own. Those read other rows, so they run one transaction at a time
/// (the chain's lock, which every write takes anyway), as under SQLite's single writer: two
/// payments of one item saved at once cannot both fit under the granted sum.
pub(super) fn sql() -> String {
    let mut sql = String::from(
        "CREATE FUNCTION bistand_regel() RETURNS trigger LANGUAGE plpgsql AS $regel$
         BEGIN
             RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'P0001';
         END $regel$;\n",
    );
    for (i, r) in REGLER.iter().enumerate() {
        let namn = format!("regel_{:02}_{}", REGLER.len() - i, r.namn);
        let text = literal(r.text);
        match r.villkor {
            Some(v) if v.contains("SELECT") => {
                sql.push_str(&format!(
                    "CREATE FUNCTION {namn}() RETURNS trigger LANGUAGE plpgsql AS $regel$
                     BEGIN
                         PERFORM pg_advisory_xact_lock({LAS});
                         IF {v} THEN
                             RAISE EXCEPTION '%', {text} USING ERRCODE = 'P0001';
                         END IF;
                         IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                         RETURN NEW;
                     END $regel$;
                     CREATE TRIGGER {namn} {handelse} ON {tabell} FOR EACH ROW EXECUTE FUNCTION {namn}();\n",
                    handelse = r.handelse,
                    tabell = r.tabell,
                ));
            }
            villkor => sql.push_str(&format!(
                "CREATE TRIGGER {namn} {handelse} ON {tabell} FOR EACH ROW {when}EXECUTE FUNCTION bistand_regel({text});\n",
                handelse = r.handelse,
                tabell = r.tabell,
                when = villkor.map(|v| format!("WHEN ({v}) ")).unwrap_or_default(),
            )),
        }
    }
    sql
}

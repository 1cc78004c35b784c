//! The SQL of the payments migration: payment orders and returns, with the rules the database
//! itself keeps (no self-attest, never more than granted, an exported order never changes).

/// Payment orders: one row per payment of a granted decision post.
pub(super) const UTBETALNING_SQL: &str = "
CREATE TABLE utbetalning (
    id             INTEGER PRIMARY KEY,
    beslut_id      INTEGER NOT NULL,
    ordning        INTEGER NOT NULL,
    belopp_ore     INTEGER NOT NULL CHECK (belopp_ore > 0),
    mottagare      TEXT NOT NULL,
    kontotyp       TEXT NOT NULL CHECK (kontotyp IN ('bankkonto', 'bankgiro', 'plusgiro')),
    konto          TEXT NOT NULL,
    referens       TEXT NOT NULL DEFAULT '',
    betalningsdag  TEXT NOT NULL,
    skapad         TEXT NOT NULL,
    av             TEXT NOT NULL,
    attesterad_av  TEXT,
    attesterad_tid TEXT,
    stoppad_av     TEXT,
    stoppad_tid    TEXT,
    stopporsak     TEXT,
    exporterad_tid TEXT,
    exportfil      TEXT,
    FOREIGN KEY (beslut_id, ordning) REFERENCES beslutspost(beslut_id, ordning),
    CHECK ((attesterad_av IS NULL) = (attesterad_tid IS NULL)),
    CHECK ((stoppad_av IS NULL) = (stoppad_tid IS NULL)),
    CHECK (exporterad_tid IS NULL OR (attesterad_av IS NOT NULL AND stoppad_av IS NULL))
);
CREATE INDEX utbetalning_dag ON utbetalning(betalningsdag);
CREATE INDEX utbetalning_beslut ON utbetalning(beslut_id, ordning);

CREATE TABLE utbetalning_retur (
    utbetalning_id INTEGER PRIMARY KEY REFERENCES utbetalning(id),
    datum          TEXT NOT NULL,
    orsak          TEXT NOT NULL,
    registrerad_av TEXT NOT NULL,
    registrerad    TEXT NOT NULL
);

-- Never more than the post granted: orders stopped or come back do not count.
CREATE TRIGGER utbetalning_hogst_beviljat BEFORE INSERT ON utbetalning
WHEN NEW.belopp_ore + (SELECT coalesce(sum(u.belopp_ore), 0) FROM utbetalning u
                        WHERE u.beslut_id = NEW.beslut_id AND u.ordning = NEW.ordning AND u.stoppad_av IS NULL
                          AND u.id NOT IN (SELECT utbetalning_id FROM utbetalning_retur))
     > coalesce((SELECT p.beviljat_ore FROM beslutspost p
                 WHERE p.beslut_id = NEW.beslut_id AND p.ordning = NEW.ordning), 0)
BEGIN SELECT RAISE(ABORT, 'Utbetalningarna kan inte bli större än det beviljade beloppet.'); END;

-- Four eyes: the decider (or whoever saved the decision) never attests its payment.
CREATE TRIGGER utbetalning_attest_inte_beslutsfattaren BEFORE UPDATE OF attesterad_av ON utbetalning
WHEN NEW.attesterad_av IS NOT NULL AND EXISTS (
    SELECT 1 FROM beslut b WHERE b.id = NEW.beslut_id
      AND (lower(trim(b.beslutsfattare)) = lower(trim(NEW.attesterad_av)) OR lower(trim(b.av)) = lower(trim(NEW.attesterad_av))))
BEGIN SELECT RAISE(ABORT, 'Den som fattade beslutet får inte attestera utbetalningen. En annan person ska attestera.'); END;
CREATE TRIGGER utbetalning_attest_inte_vid_ny BEFORE INSERT ON utbetalning
WHEN NEW.attesterad_av IS NOT NULL OR NEW.exporterad_tid IS NOT NULL OR NEW.stoppad_av IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'En ny utbetalning ska attesteras för sig, av en annan person än beslutsfattaren.'); END;

-- What was decided and attested stays: amount and decision never change, the payee only before attest.
CREATE TRIGGER utbetalning_belopp_andras_aldrig BEFORE UPDATE OF beslut_id, ordning, belopp_ore ON utbetalning
WHEN NEW.beslut_id IS NOT OLD.beslut_id OR NEW.ordning IS NOT OLD.ordning OR NEW.belopp_ore IS NOT OLD.belopp_ore
BEGIN SELECT RAISE(ABORT, 'En utbetalnings belopp ändras inte; stoppa den och gör en ny.'); END;
CREATE TRIGGER utbetalning_attesterad_andras_inte BEFORE UPDATE OF mottagare, kontotyp, konto, referens, betalningsdag, attesterad_av, attesterad_tid, skapad, av ON utbetalning
WHEN OLD.attesterad_av IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'En attesterad utbetalning ändras inte; stoppa den och gör en ny.'); END;
CREATE TRIGGER utbetalning_stoppad_andras_inte BEFORE UPDATE ON utbetalning
WHEN OLD.stoppad_av IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'En stoppad utbetalning ändras inte; gör en ny.'); END;
CREATE TRIGGER utbetalning_exporterad_andras_aldrig BEFORE UPDATE ON utbetalning
WHEN OLD.exporterad_tid IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'Utbetalningen är skickad till banken och kan inte ändras.'); END;
CREATE TRIGGER utbetalning_raderas_aldrig BEFORE DELETE ON utbetalning
BEGIN SELECT RAISE(ABORT, 'En utbetalning raderas aldrig; stoppa den i stället.'); END;

-- A return is registered once, against an order that was sent to the bank.
CREATE TRIGGER utbetalning_retur_bara_exporterad BEFORE INSERT ON utbetalning_retur
WHEN (SELECT exporterad_tid FROM utbetalning WHERE id = NEW.utbetalning_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'Bara en utbetalning som har skickats till banken kan komma tillbaka.'); END;
CREATE TRIGGER utbetalning_retur_andras_aldrig BEFORE UPDATE ON utbetalning_retur
BEGIN SELECT RAISE(ABORT, 'En registrerad retur ändras inte.'); END;
CREATE TRIGGER utbetalning_retur_raderas_aldrig BEFORE DELETE ON utbetalning_retur
BEGIN SELECT RAISE(ABORT, 'En registrerad retur raderas inte.'); END;
";

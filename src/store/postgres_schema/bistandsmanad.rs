//! The statistics' derived data kept by triggers, as SQLite's migrations 24 and 25 do: the
//! summary `bistandsmanad` from the same recomputation query (`store::bistandsmanad::omrakning`,
//! grouped by the stored kind of each decided item), and each application's adults, children and
//! first decision day (`ansokan_rakna_om`), run by PL/pgSQL functions.

use crate::store::bistandsmanad::{SLAG, SLAGKOLUMNER, ansokan_rakna_om, omrakning};

pub(super) fn sql() -> String {
    format!(
        "CREATE FUNCTION bistandsmanad_rakna_om(arende bigint, manad_ text) RETURNS void LANGUAGE plpgsql AS $manad$
         BEGIN
             DELETE FROM bistandsmanad WHERE arende_id = arende AND manad = manad_;
             INSERT INTO bistandsmanad (arende_id, manad, totalt_ore, {SLAGKOLUMNER}) {omrakning};
         END $manad$;
         CREATE FUNCTION bistandsmanad_post() RETURNS trigger LANGUAGE plpgsql AS $manad$
         BEGIN
             PERFORM bistandsmanad_rakna_om(b.arende_id, b.period) FROM beslut b WHERE b.id = NEW.beslut_id;
             RETURN NULL;
         END $manad$;
         CREATE FUNCTION bistandsmanad_andrar() RETURNS trigger LANGUAGE plpgsql AS $manad$
         BEGIN
             PERFORM bistandsmanad_rakna_om(b.arende_id, b.period) FROM beslut b WHERE b.id = NEW.andrar_beslut_id;
             RETURN NULL;
         END $manad$;
         CREATE TRIGGER bistandsmanad_post AFTER INSERT ON beslutspost FOR EACH ROW
             EXECUTE FUNCTION bistandsmanad_post();
         CREATE TRIGGER bistandsmanad_andrar AFTER INSERT ON beslut FOR EACH ROW
             WHEN (NEW.andrar_beslut_id IS NOT NULL) EXECUTE FUNCTION bistandsmanad_andrar();
         CREATE FUNCTION ansokan_rakna_om(aid bigint) RETURNS void LANGUAGE plpgsql AS $ansokan$
         BEGIN
             {ansokan}
         END $ansokan$;
         CREATE FUNCTION ansokan_medlem_ny() RETURNS trigger LANGUAGE plpgsql AS $ansokan$
         BEGIN PERFORM ansokan_rakna_om(NEW.ansokan_id); RETURN NULL; END $ansokan$;
         CREATE FUNCTION ansokan_medlem_bort() RETURNS trigger LANGUAGE plpgsql AS $ansokan$
         BEGIN PERFORM ansokan_rakna_om(OLD.ansokan_id); RETURN NULL; END $ansokan$;
         CREATE FUNCTION ansokan_medlem_andrad() RETURNS trigger LANGUAGE plpgsql AS $ansokan$
         BEGIN PERFORM ansokan_rakna_om(OLD.ansokan_id); PERFORM ansokan_rakna_om(NEW.ansokan_id); RETURN NULL;
         END $ansokan$;
         CREATE TRIGGER ansokan_medlem_ny AFTER INSERT ON ansokan_medlem FOR EACH ROW
             EXECUTE FUNCTION ansokan_medlem_ny();
         CREATE TRIGGER ansokan_medlem_bort AFTER DELETE ON ansokan_medlem FOR EACH ROW
             EXECUTE FUNCTION ansokan_medlem_bort();
         CREATE TRIGGER ansokan_medlem_andrad AFTER UPDATE OF ansokan_id, roll ON ansokan_medlem FOR EACH ROW
             EXECUTE FUNCTION ansokan_medlem_andrad();
         CREATE TRIGGER ansokan_beslutsdag_ny AFTER INSERT ON beslut FOR EACH ROW
             WHEN (NEW.ansokan_id IS NOT NULL) EXECUTE FUNCTION ansokan_medlem_ny();\n",
        omrakning = omrakning(SLAG, "b.arende_id = arende AND b.period = manad_"),
        ansokan = ansokan_rakna_om("id = aid"),
    )
}

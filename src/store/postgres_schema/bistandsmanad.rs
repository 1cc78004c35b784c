//! The statistics summary `bistandsmanad` kept by triggers, as SQLite's migration 24 does: the
//! same recomputation query (`store::bistandsmanad::omrakning`), run by a PL/pgSQL function.
//!
//! SQLite reads an item's kind with the program's function `bistand_kostnadsslag`
//! ([`Kostnadsslag::av_sak`]); here it is an SQL function with the same words in the same order.
//! (When the kind becomes a stored column of `beslutspost`, this function goes.)

use crate::domain::statistik::Kostnadsslag;
use crate::store::bistandsmanad::{SLAGKOLUMNER, omrakning};

/// The words that give each kind, tested in this order (as `Kostnadsslag::av_sak` does).
const ORD: &[(Kostnadsslag, &[&str])] = &[
    (
        Kostnadsslag::Akutboende,
        &["akutboende", "akut boende", "jourboende", "nödboende", "härbärge", "hotell", "vandrarhem"],
    ),
    (Kostnadsslag::Forsorjningsstod, &["försörjningsstöd"]),
    (Kostnadsslag::Tandvard, &["tand"]),
    (Kostnadsslag::Glasogon, &["glasögon", "linser"]),
    (Kostnadsslag::Hemutrustning, &["hemutrustning", "möbler", "säng"]),
    (Kostnadsslag::LakarvardMedicin, &["läkar", "medicin", "sjukvård", "läkemedel"]),
];

fn kostnadsslag_funktion() -> String {
    let fall: Vec<String> = ORD
        .iter()
        .map(|(slag, ord)| {
            let test: Vec<String> = ord.iter().map(|o| format!("strpos(s, '{o}') > 0")).collect();
            format!("WHEN {} THEN '{}'", test.join(" OR "), slag.kod())
        })
        .collect();
    format!(
        "CREATE FUNCTION bistand_kostnadsslag(sak text) RETURNS text LANGUAGE sql IMMUTABLE AS $slag$
         SELECT CASE {} ELSE '{}' END FROM (SELECT lower(coalesce(sak, '') COLLATE svenska) AS s) x
         $slag$;\n",
        fall.join(" "),
        Kostnadsslag::AnnanLivsforing.kod()
    )
}

pub(super) fn sql() -> String {
    format!(
        "{slag}
         CREATE FUNCTION bistandsmanad_rakna_om(arende bigint, manad_ text) RETURNS void LANGUAGE plpgsql AS $manad$
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
             WHEN (NEW.andrar_beslut_id IS NOT NULL) EXECUTE FUNCTION bistandsmanad_andrar();\n",
        slag = kostnadsslag_funktion(),
        omrakning = omrakning("b.arende_id = arende AND b.period = manad_"),
    )
}

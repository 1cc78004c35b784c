//! The tamper chain on PostgreSQL, built from the same list of protected rows as SQLite's
//! (`store::kedja::SKYDDADE`), so that the same rows give byte for byte the same chain.
//!
//! SQLite hashes `json_array(a, b, …)`: `[1,"text",null]`, no spaces, a text quoted as
//! `json_quote` does. PostgreSQL's `to_json(x)::text` writes a number and a text the same way,
//! so the content is those joined with commas between brackets, NULL written `null`. The hash is
//! PostgreSQL's own `sha256`; a chain row's link is SHA-256 of the previous row's hash followed by
//! this row's content hash, as `bistand_kedja` computes it.

use super::regler::LAS;
use crate::store::kedja::{SKYDDADE, Skyddad};

/// The items of `json_array(…)`, split at the commas outside parentheses.
fn delar(mall: &str) -> Vec<&str> {
    let inre = mall.trim().strip_prefix("json_array(").and_then(|s| s.strip_suffix(')')).unwrap_or(mall);
    let mut delar = Vec::new();
    let (mut djup, mut start) = (0i32, 0usize);
    for (i, c) in inre.char_indices() {
        match c {
            '(' => djup += 1,
            ')' => djup -= 1,
            ',' if djup == 0 => {
                delar.push(inre[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    delar.push(inre[start..].trim());
    delar
}

/// A SQLite `json_array({r}.a, {r}.b, …)` content template as a PostgreSQL text expression over
/// the row `alias` that yields the very same JSON text.
pub fn innehall(mall: &str, alias: &str) -> String {
    let delar: Vec<String> = delar(mall)
        .into_iter()
        .map(|d| format!("coalesce(to_json({})::text, 'null')", d.replace("{r}", alias)))
        .collect();
    format!("('[' || {} || ']')", delar.join(" || ',' || "))
}

/// A SQLite condition over `{r}` in PostgreSQL's words (`1` is `true`).
fn villkor(s: &Skyddad, alias: &str) -> String {
    match s.villkor.trim() {
        "1" => "true".into(),
        v => v.replace("{r}", alias),
    }
}

/// The protected kinds' trigger events in the order SQLite's migrations create the triggers.
fn i_skapandeordning() -> Vec<(&'static Skyddad, usize, &'static str)> {
    let mut slag: Vec<(usize, &Skyddad)> = SKYDDADE.iter().enumerate().collect();
    slag.sort_by_key(|(i, s)| (s.version, *i));
    slag.into_iter().flat_map(|(_, s)| s.handelser.iter().enumerate().map(move |(i, h)| (s, i, *h))).collect()
}

/// One function per kind that appends its row to the chain, and the triggers that call it.
/// SQLite fires the newest of a table's triggers first and PostgreSQL in the order of their
/// names, so each name begins with a number that gives SQLite's order: a household saved once
/// gets its two chain rows in the same order on both backends.
pub(super) fn sql() -> String {
    let mut sql = String::new();
    for s in SKYDDADE {
        sql.push_str(&format!(
            "CREATE FUNCTION kedja_{typ}() RETURNS trigger LANGUAGE plpgsql AS $kedja$
             DECLARE i bytea;
             BEGIN
                 PERFORM pg_advisory_xact_lock({LAS});
                 i := sha256(convert_to({innehall}, 'UTF8'));
                 INSERT INTO kedja (tabell, rad, del, innehall, hash)
                 VALUES ('{typ}', {rad}, {del}, i,
                         sha256(coalesce((SELECT hash FROM kedja ORDER BY id DESC LIMIT 1), ''::bytea) || i));
                 RETURN NULL;
             END $kedja$;\n",
            typ = s.typ,
            innehall = innehall(s.innehall, "NEW"),
            rad = s.rad.replace("{r}", "NEW"),
            del = s.del.replace("{r}", "NEW"),
        ));
    }
    let ordning = i_skapandeordning();
    for (nr, (s, i, handelse)) in ordning.iter().enumerate() {
        sql.push_str(&format!(
            "CREATE TRIGGER kedja_{nr:02}_{typ}_{i} {handelse} ON {tabell} FOR EACH ROW WHEN ({villkor})
             EXECUTE FUNCTION kedja_{typ}();\n",
            nr = ordning.len() - nr,
            typ = s.typ,
            tabell = s.tabell,
            villkor = villkor(s, "NEW"),
        ));
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_array_items_become_a_comma_joined_text() {
        assert_eq!(
            innehall("json_array({r}.id,\n  {r}.namn)", "NEW"),
            "('[' || coalesce(to_json(NEW.id)::text, 'null') || ',' || coalesce(to_json(NEW.namn)::text, 'null') || ']')"
        );
        assert_eq!(delar("json_array(a, f(b, c), d)"), vec!["a", "f(b, c)", "d"]);
    }

    #[test]
    fn every_protected_kind_is_a_json_array_of_its_row() {
        for s in SKYDDADE {
            assert!(s.innehall.trim().starts_with("json_array("), "{}", s.typ);
            assert!(delar(s.innehall).iter().all(|d| d.starts_with("{r}.")), "{}", s.typ);
        }
    }
}

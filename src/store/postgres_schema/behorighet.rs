//! The program's own role on the server: it reads and writes rows, and deletes only the rows the
//! program itself replaces, but owns nothing – so it can neither drop nor switch off the triggers
//! that keep decisions, journal entries, the event log and the chain append-only, nor empty a
//! table. The unit's IT creates the tables as the owner (the first start, or `bistand flytta`) and
//! then gives the program's role these rights (`bistand behorighet`).

/// The tables the program deletes rows from: an application's rows (replaced when it is saved),
/// drafts, and the statistics summary (derived, recomputed).
const RADERAS: &[&str] =
    &["ansokan_medlem", "ansokan_kostnad", "ansokan_inkomst", "ansokan_justering", "bistandsmanad", "utkast"];

/// True for a role name that can be written into SQL as it is.
pub fn giltig_roll(roll: &str) -> bool {
    let mut tecken = roll.chars();
    tecken.next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && tecken.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && roll.len() <= 63
}

/// The grants for `roll` (checked with [`giltig_roll`]) in the current schema.
pub fn sql(roll: &str) -> String {
    let radera: Vec<String> =
        RADERAS.iter().map(|t| format!("EXECUTE format('GRANT DELETE ON %I.{t} TO {roll}', s);")).collect();
    format!(
        "DO $behorighet$ DECLARE s text := current_schema(); BEGIN
             EXECUTE format('GRANT USAGE ON SCHEMA %I TO {roll}', s);
             EXECUTE format('GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA %I TO {roll}', s);
             EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO {roll}', s);
             {}
         END $behorighet$;",
        radera.join("\n             ")
    )
}

//! The schema compared with the program's own: a database is checked object by object against
//! an in-memory reference built by the same migrations for its version (restore, kontroll).

use super::schema::{SCHEMA_VERSION, migrera_till};
use super::{Resultat, StoreError};
use rusqlite::Connection;

/// One object of a schema: (type, name, table, SQL).
type Schemaobjekt = (String, String, String, Option<String>);

fn schemaobjekt(conn: &Connection) -> rusqlite::Result<Vec<Schemaobjekt>> {
    conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect()
}

/// How the database's schema differs from what the program's own migrations create for its
/// version: every missing, extra or altered table, column, index, trigger or view, in Swedish.
/// An empty list means the schema is exactly the program's.
pub(crate) fn schemaavvikelser(conn: &Connection) -> Resultat<Vec<String>> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version < 1 {
        return Ok(vec!["filen är ingen Bistånd-databas (den saknar programmets tabeller)".into()]);
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::NyareSchema { databas: version, program: SCHEMA_VERSION });
    }
    let mut referens = Connection::open_in_memory()?;
    migrera_till(&mut referens, version)?;
    let facit = schemaobjekt(&referens)?;
    let faktiskt = schemaobjekt(conn)?;
    let slag = |t: &str| match t {
        "table" => "tabellen",
        "index" => "indexet",
        "trigger" => "triggern",
        "view" => "vyn",
        _ => "objektet",
    };
    let ett = |t: &str| match t {
        "table" => "en tabell",
        "index" => "ett index",
        "trigger" => "en trigger",
        "view" => "en vy",
        _ => "något annat",
    };
    let mut avvikelser = Vec::new();
    for f in &facit {
        match faktiskt.iter().find(|o| o.1 == f.1) {
            None => avvikelser.push(format!("{} {} saknas", slag(&f.0), f.1)),
            Some(o) if o.0 != f.0 => avvikelser.push(format!("{} {} är utbytt mot {}", slag(&f.0), f.1, ett(&o.0))),
            Some(o) if o != f => avvikelser.push(format!("{} {} skiljer sig från programmets", slag(&f.0), f.1)),
            Some(_) => {}
        }
    }
    for o in faktiskt.iter().filter(|o| !facit.iter().any(|f| f.1 == o.1)) {
        avvikelser.push(format!("{} {} hör inte till programmet", slag(&o.0), o.1));
    }
    Ok(avvikelser)
}

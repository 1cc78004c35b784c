//! The PostgreSQL side of [`super::Kopp`]: placeholders become escaped literals, statements go
//! with the simple-query protocol, rows come back as text.

use super::forbindelse::Forbindelse;
use super::{DbResultat, Fel, Varde};
use ::postgres::{Client, Config, SimpleQueryMessage, SimpleQueryRow};

/// A connection to the unit's server.
pub(crate) struct PgKopp {
    pub(crate) forbindelse: Box<Forbindelse>,
}

impl PgKopp {
    /// A connection that is not made again when lost (tests).
    #[cfg(test)]
    pub(crate) fn ny(klient: Client) -> PgKopp {
        PgKopp { forbindelse: Box::new(Forbindelse::ny(klient, None)) }
    }

    /// A connection that is made again from `config` when it is lost.
    pub(crate) fn med_config(klient: Client, config: Config) -> PgKopp {
        PgKopp { forbindelse: Box::new(Forbindelse::ny(klient, Some(config))) }
    }

    pub(crate) fn batch(&mut self, sql: &str) -> DbResultat<()> {
        self.fraga(sql, &[]).map(|_| ())
    }

    /// Sends one or more statements; with BISTAND_VISA_SQL set a failing one is printed (for
    /// the developer porting a query).
    fn fraga(&mut self, sql: &str, p: &[Varde<'_>]) -> DbResultat<Vec<SimpleQueryMessage>> {
        let text = med_varden(sql, p)?;
        self.forbindelse.simple_query(&text).inspect_err(|e| {
            if std::env::var_os("BISTAND_VISA_SQL").is_some() {
                let orsak = match e {
                    Fel::Postgres(p) => p.as_db_error().map_or_else(|| p.to_string(), |d| d.message().to_string()),
                    e => e.to_string(),
                };
                eprintln!("PostgreSQL: {orsak}\n{text}");
            }
        })
    }

    pub(crate) fn execute(&mut self, sql: &str, p: &[Varde<'_>]) -> DbResultat<usize> {
        let svar = self.fraga(sql, p)?;
        let andrade = svar.iter().rev().find_map(|m| match m {
            SimpleQueryMessage::CommandComplete(n) => Some(*n),
            _ => None,
        });
        Ok(usize::try_from(andrade.unwrap_or(0)).unwrap_or(usize::MAX))
    }

    pub(crate) fn rader(&mut self, sql: &str, p: &[Varde<'_>]) -> DbResultat<Vec<SimpleQueryRow>> {
        let svar = self.fraga(sql, p)?;
        Ok(svar
            .into_iter()
            .filter_map(|m| match m {
                SimpleQueryMessage::Row(r) => Some(r),
                _ => None,
            })
            .collect())
    }
}

/// `sql` with every `?N` (and bare `?`) replaced by the literal of its value. Quoted text,
/// quoted names and comments are copied as they are.
pub(crate) fn med_varden(sql: &str, p: &[Varde<'_>]) -> DbResultat<String> {
    let mut ut = String::with_capacity(sql.len() + 16 * p.len());
    let mut tecken = sql.char_indices().peekable();
    let mut nasta = 0;
    while let Some((_, c)) = tecken.next() {
        match c {
            '\'' | '"' => {
                ut.push(c);
                for (_, d) in tecken.by_ref() {
                    ut.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            '-' if tecken.peek().is_some_and(|(_, d)| *d == '-') => {
                for (_, d) in tecken.by_ref() {
                    if d == '\n' {
                        ut.push('\n');
                        break;
                    }
                }
            }
            '?' => {
                let mut siffror = String::new();
                while let Some((_, d)) = tecken.peek().filter(|(_, d)| d.is_ascii_digit()) {
                    siffror.push(*d);
                    tecken.next();
                }
                let index = if siffror.is_empty() {
                    nasta += 1;
                    nasta
                } else {
                    siffror.parse::<usize>().unwrap_or(0)
                };
                let varde =
                    index.checked_sub(1).and_then(|i| p.get(i)).ok_or(Fel::OgiltigtVarde("parameter saknas"))?;
                literal(&mut ut, varde)?;
            }
            c => ut.push(c),
        }
    }
    Ok(ut)
}

/// One value as a PostgreSQL literal. Text is untyped (`'…'`), so it takes the type of the
/// column it meets, as a parameter does in SQLite.
fn literal(ut: &mut String, v: &Varde<'_>) -> DbResultat<()> {
    use std::fmt::Write;
    match *v {
        Varde::Null => ut.push_str("NULL"),
        Varde::Heltal(i) if i < 0 => {
            let _ = write!(ut, "({i})");
        }
        Varde::Heltal(i) => {
            let _ = write!(ut, "{i}");
        }
        Varde::Real(f) if f.is_finite() => {
            let _ = write!(ut, "({f:?}::float8)");
        }
        Varde::Real(_) => return Err(Fel::OgiltigtVarde("ett tal som inte är ändligt")),
        Varde::Text(t) => {
            if t.contains('\0') {
                return Err(Fel::OgiltigtVarde("texten innehåller ett NUL-tecken"));
            }
            ut.push('\'');
            ut.push_str(&t.replace('\'', "''"));
            ut.push('\'');
        }
        Varde::Blob(b) => {
            ut.push_str("'\\x");
            for byte in b {
                let _ = write!(ut, "{byte:02x}");
            }
            ut.push_str("'::bytea");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_escaped_literals_outside_quotes() {
        let sql = "SELECT '?1', x FROM t WHERE a = ?2 AND b = ?1 -- ?3\n AND c = ?";
        let p = [Varde::Text("O'Brien"), Varde::Heltal(-5)];
        let ut = med_varden(sql, &p).unwrap();
        assert_eq!(ut, "SELECT '?1', x FROM t WHERE a = (-5) AND b = 'O''Brien' \n AND c = 'O''Brien'");
    }

    #[test]
    fn blobs_null_and_reals_are_typed_literals_and_nul_is_refused() {
        let p = [Varde::Blob(&[0, 255]), Varde::Null, Varde::Real(1.5)];
        assert_eq!(med_varden("?1 ?2 ?3", &p).unwrap(), "'\\x00ff'::bytea NULL (1.5::float8)");
        assert!(med_varden("?1", &[Varde::Text("a\0b")]).is_err());
        assert!(med_varden("?2", &[Varde::Null]).is_err());
    }
}

#[cfg(test)]
mod mot_server {
    use super::super::{Kopp, Valfri, params};
    use std::cell::RefCell;

    /// A connection to the test server with a private schema, or None when there is none.
    fn testkoppling(test: &str) -> Option<Kopp<'static>> {
        let url = std::env::var(crate::store::server::TESTSERVER).ok()?;
        let klient = ::postgres::Client::connect(&url, ::postgres::NoTls).expect("testservern svarar");
        let kopp = Kopp::Postgres(RefCell::new(super::PgKopp::ny(klient)));
        let namn = format!("dbtest_{test}_{}", std::process::id());
        kopp.execute_batch(&format!(
            "DROP SCHEMA IF EXISTS {namn} CASCADE; CREATE SCHEMA {namn}; SET search_path TO {namn}"
        ))
        .unwrap();
        Some(kopp)
    }

    #[test]
    fn values_go_to_the_server_and_come_back_as_the_same_rust_values() {
        let Some(k) = testkoppling("varden") else { return };
        k.execute_batch(
            "DROP TABLE IF EXISTS t; CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
             namn TEXT, belopp BIGINT, data BYTEA)",
        )
        .unwrap();
        let text = "Åsa O'Brien; DROP TABLE t; -- ?1 \\ \"x\"";
        let id = k
            .insert_id(
                "INSERT INTO t (namn, belopp, data) VALUES (?1, ?2, ?3)",
                params![text, -1250_i64, vec![0u8, 7, 255]],
            )
            .unwrap();
        k.insert_id(
            "INSERT INTO t (namn, belopp, data) VALUES (?1, ?2, ?3)",
            params![None::<String>, 5_i64, None::<Vec<u8>>],
        )
        .unwrap();
        let (namn, belopp, data): (String, i64, Vec<u8>) = k
            .query_row("SELECT namn, belopp, data FROM t WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!((namn.as_str(), belopp, data), (text, -1250, vec![0, 7, 255]));
        let summa: i64 = k.query_row("SELECT sum(belopp) FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(summa, -1245, "a sum comes back as an integer");
        let finns: bool = k.query_row("SELECT EXISTS (SELECT 1 FROM t WHERE namn IS NULL)", [], |r| r.get(0)).unwrap();
        assert!(finns);
        let saknas: Option<i64> =
            k.query_row("SELECT id FROM t WHERE id = ?1", [999_i64], |r| r.get(0)).optional().unwrap();
        assert_eq!(saknas, None);
        let mut sats = k.prepare("SELECT namn FROM t ORDER BY id").unwrap();
        let namnen: Vec<Option<String>> = sats.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
        assert_eq!(namnen, vec![Some(text.to_string()), None]);
        assert_eq!(k.execute("UPDATE t SET belopp = belopp + 1", []).unwrap(), 2, "rows changed are counted");
    }

    #[test]
    fn a_write_transaction_dropped_without_commit_leaves_nothing() {
        let Some(k) = testkoppling("rollback") else { return };
        k.execute_batch("DROP TABLE IF EXISTS u; CREATE TABLE u (x BIGINT)").unwrap();
        {
            let _tx = k.borja_skrivning().unwrap();
            k.execute("INSERT INTO u VALUES (?1)", [1_i64]).unwrap();
        }
        let n: i64 = k.query_row("SELECT count(*) FROM u", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
    }
}

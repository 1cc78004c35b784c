//! `bistand flytta`: a unit's database file moved to the unit's PostgreSQL server, checked by
//! counts, amount sums and the hash chain, and refused into a database that is not empty.

mod gemensamt;

use bistand::store::Store;
use bistand::store::server::TESTSERVER;

/// A new empty database on the test server, dropped when the guard goes.
struct Tommdatabas {
    url: String,
    bas: String,
    namn: String,
}

impl Tommdatabas {
    fn ny() -> Option<Tommdatabas> {
        let Ok(bas) = std::env::var(TESTSERVER) else {
            println!("{TESTSERVER} saknas: PostgreSQL-testerna hoppas över");
            return None;
        };
        let namn = format!("flytt_{}_{}", std::process::id(), rand_suffix());
        let mut k = postgres::Client::connect(&bas, postgres::NoTls).unwrap();
        k.batch_execute(&format!("CREATE DATABASE {namn}")).unwrap();
        let url = format!("{}/{namn}", bas.rsplit_once('/').unwrap().0);
        Some(Tommdatabas { url, bas, namn })
    }
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() % 1_000_000_007
}

impl Drop for Tommdatabas {
    fn drop(&mut self) {
        if let Ok(mut k) = postgres::Client::connect(&self.bas, postgres::NoTls) {
            let _ = k.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.namn));
        }
    }
}

#[test]
fn a_unit_moved_to_the_server_has_every_row_amount_and_chain_link_of_the_file() {
    let Some(mal) = Tommdatabas::ny() else { return };
    let (_dir, fil) = gemensamt::temp_db();
    let mut kalla = Store::open(&fil).unwrap();
    gemensamt::bygg_demo(&mut kalla, 40, 4);
    let fore = kalla.kontroll().unwrap();
    drop(kalla);

    let rapport = bistand::store::flytta(&fil, &mal.url).unwrap();
    assert_eq!(rapport.ankare, fore.ankare, "the chain's anchor is the file's");
    assert_eq!(rapport.rader["beslut"], fore.beslut);
    assert_eq!(rapport.rader["journal"], fore.journalposter);

    let server = Store::open(std::path::Path::new(&mal.url)).unwrap();
    let efter = server.kontroll().unwrap();
    assert!(efter.problem.is_empty(), "{:?}", efter.problem);
    assert_eq!(
        (efter.hushall, efter.personer, efter.arenden, efter.journalposter, efter.ansokningar, efter.beslut),
        (fore.hushall, fore.personer, fore.arenden, fore.journalposter, fore.ansokningar, fore.beslut)
    );
    assert_eq!(efter.ankare, fore.ankare, "the server recomputes every content hash the same");
    // New work on the server continues the ids and the chain.
    let ny = bistand::store::Store::open(std::path::Path::new(&mal.url)).unwrap();
    let n = ny.sok_arenden("", bistand::store::Sortering::Namn, true, 1000).unwrap().rader.len();
    assert_eq!(n as i64, fore.arenden);

    let igen = bistand::store::flytta(&fil, &mal.url).unwrap_err().to_string();
    assert!(igen.contains("inte tom"), "{igen}");
}

#[test]
fn a_damaged_file_is_not_moved() {
    let Some(mal) = Tommdatabas::ny() else { return };
    let (_dir, fil) = gemensamt::temp_db();
    let mut kalla = Store::open(&fil).unwrap();
    gemensamt::bygg_demo(&mut kalla, 10, 2);
    drop(kalla);
    let conn = rusqlite::Connection::open(&fil).unwrap();
    gemensamt::utan_triggers(&conn, "%journal%");
    conn.execute_batch("UPDATE journal SET text = 'ändrad' WHERE id = 1").unwrap();
    drop(conn);
    let fel = bistand::store::flytta(&fil, &mal.url).unwrap_err().to_string();
    assert!(fel.contains("har fel och flyttas inte"), "{fel}");
}

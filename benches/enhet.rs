//! The large unit the benches measure: `BISTAND_BENCH_HUSHALL` demo households (20 000) with on
//! average `BISTAND_BENCH_MANADER` months of history (24), built once as a SQLite file under
//! `target/bistand-bench` (the same database `bistand demo --hushall 20000 --manader 24` builds;
//! the folder may be shared between worktrees).
//!
//! With `BISTAND_BENCH_PG` set to a PostgreSQL address whose user may create databases (e.g.
//! `postgres://bistandtest@127.0.0.1:5432/postgres`), the benches measure the same unit on that
//! server instead: the database `bistand_bench_<households>_<months>` is made there once and the
//! file moved into it with `bistand flytta` (the unit's own move, checked against the file).

use bistand::store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use std::path::{Path, PathBuf};

/// The bench's "now": the demo's history ends in this month.
pub fn nu() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23).and_then(|d| d.and_hms_opt(9, 0, 0)).expect("valid date")
}

/// Where the bench's unit is: a file, or the address of a database on a server.
pub enum Plats {
    Fil(PathBuf),
    Server(String),
}

impl Plats {
    pub fn oppna(&self) -> Store {
        match self {
            Plats::Fil(fil) => Store::open(fil).expect("open the bench unit"),
            Plats::Server(url) => Store::open_server(url).expect("open the bench unit on the server"),
        }
    }
}

fn storlek() -> (usize, usize) {
    let tal = |namn: &str, standard: usize| std::env::var(namn).ok().and_then(|s| s.parse().ok()).unwrap_or(standard);
    (tal("BISTAND_BENCH_HUSHALL", 20_000), tal("BISTAND_BENCH_MANADER", 24))
}

fn target() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target")
}

/// The shared file of the large unit, built on first use.
pub fn delad_fil() -> PathBuf {
    let (hushall, manader) = storlek();
    let mapp = target().join("bistand-bench");
    std::fs::create_dir_all(&mapp).expect("bench directory");
    let fil = mapp.join(format!("enhet-{hushall}-{manader}.db"));
    let klar = mapp.join(format!("enhet-{hushall}-{manader}.klar"));
    if !klar.exists() {
        let _ = std::fs::remove_file(&fil);
        let mut store = Store::open(&fil).expect("open");
        let val = bistand::demo::Demoval { hushall, manader: manader as u32 };
        bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).expect("demo");
        drop(store);
        std::fs::write(&klar, "").expect("mark built");
    }
    fil
}

/// A private copy of the shared file under `target/bistand-bench-egen`, for a bench that writes
/// (a migration or the report's log lines never reach the shared file).
pub fn egen_kopia() -> PathBuf {
    let delad = delad_fil();
    let egen = target().join("bistand-bench-egen");
    std::fs::create_dir_all(&egen).expect("bench directory");
    let kopia = egen.join(delad.file_name().expect("file name"));
    if !kopia.exists() {
        for ext in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(egen.join(format!("{}{ext}", kopia.display())));
        }
        std::fs::copy(&delad, &kopia).expect("copy the unit");
    }
    kopia
}

/// The unit to measure: on the server of `BISTAND_BENCH_PG` when set, else the file `fil`.
pub fn plats(fil: impl FnOnce() -> PathBuf) -> Plats {
    match std::env::var("BISTAND_BENCH_PG") {
        Ok(server) if !server.is_empty() => Plats::Server(serverdatabas(&server)),
        _ => Plats::Fil(fil()),
    }
}

/// The bench unit's database on `server`, made and filled with `bistand flytta` on first use.
fn serverdatabas(server: &str) -> String {
    let (hushall, manader) = storlek();
    let namn = format!("bistand_bench_{hushall}_{manader}");
    let bas = server.rsplit_once('/').map_or(server, |(bas, _)| bas);
    let url = format!("{bas}/{namn}");
    let mut klient = postgres::Client::connect(server, postgres::NoTls).expect("connect to BISTAND_BENCH_PG");
    let finns = klient.query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&namn]).expect("databases");
    if finns.is_none() {
        klient.batch_execute(&format!("CREATE DATABASE {namn}")).expect("create the bench database");
    }
    let mut bank = postgres::Client::connect(&url, postgres::NoTls).expect("connect to the bench database");
    let fylld =
        bank.query_opt("SELECT 1 FROM information_schema.tables WHERE table_name = 'kedja'", &[]).expect("tables");
    if fylld.is_none() {
        let rapport = bistand::store::flytta(&egen_kopia(), &url).expect("move the unit to the server");
        eprintln!("Flyttade bänkenheten till {namn}: {} kedjeposter.", rapport.kedjeposter);
    }
    url
}

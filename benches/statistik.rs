//! The unit's statistics on a large unit (20 000 demo households with 24 months of history):
//! every indicator of a tertial, the whole year report (PDF with charts and the CSV files), and
//! the årshjul's tasks of a month for the whole unit.
//!
//! Run with `cargo bench --bench statistik`. Set `BISTAND_BENCH_HUSHALL` and
//! `BISTAND_BENCH_MANADER` for another size (the database is built once under `target/`).

use bistand::arbete::{self, Aktor};
use bistand::domain::manad::Manad;
use bistand::domain::statistik::{self, Period};
use bistand::store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn nu() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23).and_then(|d| d.and_hms_opt(9, 0, 0)).expect("valid date")
}

/// The bench's own copy of the large unit. The unit is built once under `target/bistand-bench`
/// (which may be shared between worktrees); the bench copies it to `target/bistand-bench-egen`
/// and opens only the copy, so a migration or the report's log lines never write into the
/// shared file.
fn stor_enhet() -> Store {
    let tal = |namn: &str, standard: usize| std::env::var(namn).ok().and_then(|s| s.parse().ok()).unwrap_or(standard);
    let (hushall, manader) = (tal("BISTAND_BENCH_HUSHALL", 20_000), tal("BISTAND_BENCH_MANADER", 24));
    let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let (mapp, egen) = (target.join("bistand-bench"), target.join("bistand-bench-egen"));
    std::fs::create_dir_all(&egen).expect("bench directory");
    let namn = format!("enhet-{hushall}-{manader}");
    let (delad, kopia) = (mapp.join(format!("{namn}.db")), egen.join(format!("{namn}.db")));
    let klar = mapp.join(format!("{namn}.klar"));
    if !klar.exists() {
        std::fs::create_dir_all(&mapp).expect("bench directory");
        let _ = std::fs::remove_file(&delad);
        let mut store = Store::open(&delad).expect("open");
        let val = bistand::demo::Demoval { hushall, manader: manader as u32 };
        bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).expect("demo");
        drop(store);
        std::fs::write(&klar, "").expect("mark built");
    }
    if !kopia.exists() {
        for ext in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(egen.join(format!("{namn}.db{ext}")));
        }
        std::fs::copy(&delad, &kopia).expect("copy the unit");
    }
    Store::open(&kopia).expect("open")
}

fn statistiken(c: &mut Criterion) {
    let mut store = stor_enhet();
    let tertial = Period::Tertial(2026, 2);
    let mut g = c.benchmark_group("statistik");
    g.sample_size(10);
    g.bench_function("underlag for ett tertial (databasen)", |b| {
        b.iter(|| store.statistikunderlag(black_box(tertial)).expect("underlag"))
    });
    let underlag = store.statistikunderlag(tertial).expect("underlag");
    g.bench_function("indikatorer for ett tertial (berakningen)", |b| {
        b.iter(|| statistik::berakna(black_box(&underlag), tertial))
    });
    g.bench_function("alla indikatorer for ett tertial", |b| {
        b.iter(|| arbete::statistik::rapport(&store, black_box(tertial), None).expect("rapport"))
    });
    let mapp = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bistand-bench-egen/rapport");
    let aktor = Aktor::ny("Mätning", nu());
    g.bench_function("arsrapporten (pdf och csv)", |b| {
        b.iter(|| arbete::statistik::skriv_rapport(&mut store, &aktor, Period::Ar(2026), None, &mapp).expect("rapport"))
    });
    let manad = Manad::parse("2026-09").expect("month");
    g.bench_function("arshjulets uppgifter for enheten (en manad)", |b| {
        b.iter(|| store.arshjulsuppgifter(black_box(manad), None).expect("uppgifter"))
    });
    g.finish();
}

criterion_group!(benches, statistiken);
criterion_main!(benches);

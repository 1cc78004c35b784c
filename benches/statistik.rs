//! The unit's statistics on a large unit (20 000 demo households with 24 months of history):
//! every indicator of a tertial, the whole year report (PDF with charts and the CSV files), and
//! the årshjul's tasks of a month for the whole unit.
//!
//! Run with `cargo bench --bench statistik`. Set `BISTAND_BENCH_HUSHALL` and
//! `BISTAND_BENCH_MANADER` for another size (the database is built once under `target/`), and
//! `BISTAND_BENCH_PG` to measure the same unit on a PostgreSQL server (see `enhet.rs`).

use bistand::arbete::{self, Aktor};
use bistand::domain::manad::Manad;
use bistand::domain::statistik::{self, Period};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

mod enhet;
use enhet::nu;

fn statistiken(c: &mut Criterion) {
    // A private copy of the unit (the report writes log lines), or the unit on BISTAND_BENCH_PG.
    let mut store = enhet::plats(enhet::egen_kopia).oppna();
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

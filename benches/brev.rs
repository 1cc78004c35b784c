//! Letters alone, on a small demo unit: one decision letter in-process (gathering, layout, font
//! subsetting and PDF/A writing) and the steps inside it.
//!
//! Run with `cargo bench --bench brev`.

use bistand::demo::{Demoval, bygg_demo};
use bistand::store::Store;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn brev(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut store = Store::open(&dir.path().join("brev.db")).expect("database");
    let nu = NaiveDate::from_ymd_opt(2026, 11, 23).and_then(|d| d.and_hms_opt(9, 0, 0)).expect("valid date");
    bygg_demo(&mut store, Demoval { hushall: 40, manader: 6 }, nu, &mut |_, _| true).expect("demo");
    let beslut = store.alla_beslut().expect("decisions");
    let forsta = beslut.first().expect("the demo has decisions").id;
    c.bench_function("ett beslutsbrev", |b| b.iter(|| bistand::utskrift::beslutsbrev_pdf(&store, black_box(forsta))));
    let typsnitt = bistand::letters::Typsnitt::delad().expect("font");
    c.bench_function("typsnittet laddas", |b| b.iter(|| bistand::letters::Typsnitt::ladda().map(|_| ())));
    c.bench_function("radbrytning av ett stycke", |b| {
        let text = "Du har ansökt om ekonomiskt bistånd till försörjningsstöd för oktober 2026. ".repeat(6);
        b.iter(|| typsnitt.radbryt(false, 11.0, black_box(&text), 160.0))
    });
}

criterion_group!(benches, brev);
criterion_main!(benches);

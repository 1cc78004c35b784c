//! The core operations a caseworker waits for, measured on a large unit (20 000 demo households
//! with 24 months of history): the norm calculation, the case list's search, opening a case,
//! the Att göra list, letters and the CPU cost of a frame.
//!
//! Run with `cargo bench --bench karnan`. Set `BISTAND_BENCH_HUSHALL` and
//! `BISTAND_BENCH_MANADER` for another size, and `BISTAND_BENCH_PG` to measure the same unit on a
//! PostgreSQL server (see `enhet.rs`).

use bistand::domain::belopp::Belopp;
use bistand::domain::hushall::Roll;
use bistand::domain::manad::Manad;
use bistand::domain::norm::{
    Inkomst, Inkomsttyp, Kostnad, Kostnadstyp, NormMedlem, Regler, Underlag, berakna, levererade_tabeller,
};
use bistand::store::Sortering;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

mod enhet;
use enhet::nu;

/// A family of two adults and two children with rent, electricity and two incomes.
fn familj() -> Underlag {
    let person = |roll, ar| NormMedlem {
        roll,
        fodd: NaiveDate::from_ymd_opt(ar, 3, 14).expect("valid date"),
        namn: String::new(),
        lunch_utanfor_hemmet: false,
        gar_i_gymnasiet: false,
        fran: None,
        till: None,
    };
    let kostnad = |typ, kr| Kostnad {
        typ,
        ansokt: Belopp::kronor(kr),
        godkant: None,
        motivering: String::new(),
        avser: String::new(),
    };
    let inkomst = |typ, kr| Inkomst {
        typ,
        belopp: Belopp::kronor(kr),
        person: Some(0),
        jobbstimulans: false,
        berakningsregel_fran: None,
        tidigare_i_ar: Belopp::NOLL,
    };
    Underlag {
        manad: Manad::parse("2026-11").expect("valid month"),
        medlemmar: vec![
            person(Roll::Sokande, 1985),
            person(Roll::Medsokande, 1987),
            person(Roll::Barn, 2015),
            person(Roll::Barn, 2020),
        ],
        personer_i_bostaden: None,
        kostnader: vec![kostnad(Kostnadstyp::Boende, 9_850), kostnad(Kostnadstyp::Hushallsel, 420)],
        inkomster: vec![inkomst(Inkomsttyp::Barnbidrag, 2_650), inkomst(Inkomsttyp::AKassa, 7_300)],
        justeringar: vec![],
    }
}

fn berakning(c: &mut Criterion) {
    let tabell = levererade_tabeller().into_iter().find(|t| t.ar == 2026).expect("the 2026 table ships");
    let regler = Regler::default();
    let u = familj();
    c.bench_function("berakna ett hushall", |b| b.iter(|| berakna(black_box(&u), &tabell, &regler)));
}

fn enheten(c: &mut Criterion) {
    // The shared file, or the same unit on the server of BISTAND_BENCH_PG (see enhet.rs).
    let plats = enhet::plats(enhet::delad_fil);
    let mut store = plats.oppna();
    // Every form saves a draft while the user types; each save is a committed transaction with
    // synchronous=FULL (an fsync), so this is what a keystroke's autosave costs on this disk.
    let mut n = 0;
    c.bench_function("autospara utkast", |b| {
        b.iter(|| {
            n += 1;
            store.spara_utkast("bank", "bank:utkast", "Bänkprov", &format!("{{\"n\":{n}}}"), nu()).expect("draft")
        })
    });
    store.ta_bort_utkast("bank", "bank:utkast").expect("draft removed");
    let mitt = store.sok_arenden("", Sortering::Arendenummer, true, 20_000).expect("list").rader;
    let rad = &mitt[mitt.len() / 2];
    let pnr = rad.pnr.clone();
    // Three letters of the surname: the trigram index's search anywhere in a word.
    let tre: String = rad.namn.split(',').next().unwrap_or("abc").chars().take(3).collect();
    let sok = |fraga: &str| store.sok_arenden(fraga, Sortering::Arendenummer, true, 200).expect("search");
    c.bench_function("sok helt personnummer", |b| b.iter(|| sok(black_box(&pnr))));
    c.bench_function("sok personnummer borjan", |b| b.iter(|| sok(black_box(&pnr[..6]))));
    c.bench_function("sok namn", |b| b.iter(|| sok(black_box(&tre))));

    let id = rad.arende_id;
    c.bench_function("oppna arende", |b| {
        b.iter(|| {
            let a = store.arende(black_box(id)).expect("case");
            let h = store.hushall(a.hushall_id).expect("household");
            let j = store.journal(id).expect("journal");
            let an = store.ansokningar(id).expect("applications");
            let be = store.beslut_for_arende(id).expect("decisions");
            let p = store.planer(id).expect("plans");
            black_box((h, j, an, be, p))
        })
    });
    c.bench_function("att gora hela enheten", |b| b.iter(|| store.att_gora(None, nu().date()).expect("att göra")));

    let beslut = store.alla_beslut().expect("decisions");
    let forsta = beslut.first().expect("the demo has decisions").id;
    c.bench_function("ett beslutsbrev", |b| b.iter(|| bistand::utskrift::beslutsbrev_pdf(&store, black_box(forsta))));

    // A month's batch: 1 000 decision letters one after another (the demo's decisions, repeated).
    let mut grupp = c.benchmark_group("tusen beslutsbrev");
    grupp.sample_size(10);
    grupp.bench_function("i foljd", |b| {
        b.iter(|| {
            beslut
                .iter()
                .cycle()
                .take(1_000)
                .map(|rad| bistand::utskrift::beslutsbrev_pdf(&store, rad.id).map(|pdf| pdf.len()).unwrap_or(0))
                .sum::<usize>()
        })
    });
    grupp.finish();
    bildrutor(c, &plats, id);
}

/// CPU time of one frame (layout and tessellation, no GPU) of the case list and of an open case,
/// with the large unit loaded.
fn bildrutor(c: &mut Criterion, plats: &enhet::Plats, arende_id: i64) {
    let mut app =
        bistand::ui::BistandApp::ny(plats.oppna(), false, nu).inloggad_som(bistand::arbete::Aktor::ny("Mätning", nu()));
    let ctx = egui::Context::default();
    let indata = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..Default::default()
    };
    let bildruta = |app: &mut bistand::ui::BistandApp| {
        let mut ut = ctx.run_ui(indata(), |ui| app.visa(ui));
        // No GPU takes the font atlas's updates here.
        ut.textures_delta.clear();
        ctx.tessellate(ut.shapes, ut.pixels_per_point).len()
    };
    // The first frames set up fonts and the theme.
    for _ in 0..3 {
        bildruta(&mut app);
    }
    c.bench_function("bildruta arendelistan", |b| b.iter(|| bildruta(&mut app)));
    // Opening a case the way a click in the list does: everything the case view loads, and
    // the "opened the case" line written to the event log (a committed transaction).
    c.bench_function("oppna arende i fonstret", |b| {
        b.iter(|| app.oppna_arende(black_box(arende_id), bistand::ui::flikar::Flik::Oversikt))
    });
    for _ in 0..3 {
        bildruta(&mut app);
    }
    c.bench_function("bildruta oppet arende", |b| b.iter(|| bildruta(&mut app)));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = berakning, enheten
}
criterion_main!(benches);

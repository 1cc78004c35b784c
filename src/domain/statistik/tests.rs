//! Every indicator on a small hand-made unit whose answers are worked out by hand below.
//!
//! The unit (period tertial 1 2026 = januari–april; long-term = assistance in ≥ 10 of the 12
//! months ending with april 2026, i.e. maj 2025–april 2026):
//!
//! | case | caseworker | months with assistance | granted per month | adults/children (last month in T1) | hinder |
//! |---|---|---|---|---|---|
//! | 1 | Eva  | 2025-05 … 2026-04 (12) | FS 10 000 | 1 / 2 | arbetslös |
//! | 2 | Eva  | 2025-07 … 2026-02 (8)  | FS 8 000; 2026-02 also "Akut tandvård" 1 500 | 2 / 0 | sjukskriven; closed 2026-03-10, arbete |
//! | 3 | Olle | 2026-03, 2026-04       | FS 5 000; 2026-03 also "Akutboende" 3 000 | 1 / 2 (1 / 1 in mars) | not assessed |
//! | 4 | Olle | 2026-01 refused (0 kr) | – | – | closed 2026-02-01, ej ansökt |
//! | 5 | Eva  | 2025-05 … 2026-02 (10) | FS 4 000 | 1 / 0 | arbetslös |

use super::*;
use crate::domain::arende::{Avslutsorsak, Forsorjningshinder};

fn m(s: &str) -> Manad {
    Manad::parse(s).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn manader(id: i64, fran: &str, till: &str, vuxna: u32, barn: u32, fs: i64) -> Vec<Bistandsmanad> {
    let mut ut = Vec::new();
    let mut x = m(fran);
    while x <= m(till) {
        ut.push(Bistandsmanad {
            arende_id: id,
            manad: x,
            vuxna,
            barn,
            belopp: vec![(Kostnadsslag::av_sak("Försörjningsstöd"), Belopp::kronor(fs))],
        });
        x = x.nasta();
    }
    ut
}

fn arende(id: i64, h: &str, hinder: Option<Forsorjningshinder>, avslut: Option<(&str, Avslutsorsak)>) -> Arendeuppgift {
    Arendeuppgift {
        id,
        handlaggare: h.into(),
        hinder,
        avslutsdatum: avslut.map(|a| d(a.0)),
        avslutsorsak: avslut.map(|a| a.1),
    }
}

fn spann(id: i64, fran: &str, till: &str) -> Tidsspann {
    Tidsspann { arende_id: id, fran: d(fran), till: d(till) }
}

pub(crate) fn enheten() -> Underlag {
    use Forsorjningshinder::*;
    let mut manadsdata = manader(1, "2025-05", "2026-04", 1, 2, 10_000);
    manadsdata.extend(manader(2, "2025-07", "2026-02", 2, 0, 8_000));
    if let Some(feb) = manadsdata.iter_mut().find(|x| x.arende_id == 2 && x.manad == m("2026-02")) {
        feb.belopp.push((Kostnadsslag::av_sak("Akut tandvård"), Belopp::kronor(1_500)));
    }
    let mut c3 = manader(3, "2026-03", "2026-04", 1, 2, 5_000);
    c3[0].barn = 1;
    c3[0].belopp.push((Kostnadsslag::av_sak("Akutboende"), Belopp::kronor(3_000)));
    manadsdata.extend(c3);
    manadsdata.extend(manader(4, "2026-01", "2026-01", 1, 0, 0));
    manadsdata.extend(manader(5, "2025-05", "2026-02", 1, 0, 4_000));
    Underlag {
        arenden: vec![
            arende(1, "Eva", Some(Arbetslos), None),
            arende(2, "Eva", Some(Sjukskriven), Some(("2026-03-10", Avslutsorsak::Arbete))),
            arende(3, "Olle", None, None),
            arende(4, "Olle", Some(Arbetslos), Some(("2026-02-01", Avslutsorsak::EjAnsokt))),
            arende(5, "Eva", Some(Arbetslos), None),
        ],
        manader: manadsdata,
        tidigare: vec![],
        handlaggning: vec![
            spann(1, "2025-12-01", "2025-12-20"), // decided before the period: not counted
            spann(1, "2026-01-02", "2026-01-05"), // 3 days
            spann(2, "2026-01-03", "2026-01-04"), // 1 day
            spann(1, "2026-02-01", "2026-02-10"), // 9 days: more than a week
            spann(3, "2026-03-01", "2026-03-08"), // 7 days: still within a week
        ],
        nybesok: vec![
            spann(2, "2025-06-25", "2025-07-01"), // before the period
            spann(3, "2026-02-20", "2026-03-02"), // 10 days
        ],
        befolkning: Some(Befolkning { ar: 2026, barn: 40, vuxna: 100 }),
    }
}

#[test]
fn every_indicator_of_the_hand_made_unit_for_tertial_1() {
    let ind = berakna(&enheten(), Period::Tertial(2026, 1));
    // Households with something granted in jan–apr: 1, 2, 3 and 5 (case 4 was refused).
    assert_eq!(ind.hushall, 4);
    // Adults 1 + 2 + 1 + 1; children 2 + 0 + 2 (case 3's april, its last month) + 0.
    assert_eq!((ind.vuxna, ind.barn), (5, 4));
    // Long-term: case 1 has 12 of maj 2025–april 2026, case 5 exactly 10; case 2 only 8, case 3 two.
    assert_eq!((ind.langvariga_hushall, ind.langvariga_vuxna), (2, 2));
    // Household-months: case 1 four, case 2 two, case 3 two, case 5 two.
    assert_eq!(ind.hushallsmanader, 10);
    // 40 000 + (16 000 + 1 500) + (10 000 + 3 000) + 8 000 = 78 500; 78 500 / 10 = 7 850.
    assert_eq!(ind.totalt, Belopp::kronor(78_500));
    assert_eq!(ind.snitt_per_hushallsmanad(), Some(Belopp::kronor(7_850)));
}

#[test]
fn months_of_the_hand_made_unit_with_long_term_households_and_costs_by_kind() {
    let ind = berakna(&enheten(), Period::Tertial(2026, 1));
    let rad = |i: usize| &ind.per_manad[i];
    let slag = |i: usize, k: Kostnadsslag| rad(i).kostnad[k.index()];
    // January: cases 1, 2, 5. Case 1 has only 9 months in feb 2025–jan 2026, case 5 also 9: none long-term.
    assert_eq!((rad(0).hushall, rad(0).langvariga), (3, 0));
    assert_eq!(rad(0).totalt, Belopp::kronor(22_000));
    // February: the same three; cases 1 and 5 now have 10 months each.
    assert_eq!((rad(1).hushall, rad(1).langvariga), (3, 2));
    assert_eq!(slag(1, Kostnadsslag::Tandvard), Belopp::kronor(1_500));
    assert_eq!(rad(1).totalt, Belopp::kronor(23_500));
    // March: cases 1 (long-term, 11 months) and 3; emergency housing 3 000.
    assert_eq!((rad(2).hushall, rad(2).langvariga), (2, 1));
    assert_eq!(slag(2, Kostnadsslag::Akutboende), Belopp::kronor(3_000));
    assert_eq!(slag(2, Kostnadsslag::Forsorjningsstod), Belopp::kronor(15_000));
    // April: cases 1 and 3, 15 000 in försörjningsstöd only.
    assert_eq!((rad(3).hushall, rad(3).totalt), (2, Belopp::kronor(15_000)));
    // Decision times by month: january 3 and 1 days (median 2), february 9, march 7, april none.
    let medianer: Vec<Option<f64>> = ind.per_manad.iter().map(|r| r.beslutstid.median_dagar).collect();
    assert_eq!(medianer, vec![Some(2.0), Some(9.0), Some(7.0), None]);
}

#[test]
fn barriers_times_caseload_closings_and_population_of_the_hand_made_unit() {
    use Forsorjningshinder::*;
    let ind = berakna(&enheten(), Period::Tertial(2026, 1));
    // The four households: cases 1 and 5 arbetslös, case 2 sjukskriven, case 3 not assessed.
    assert_eq!(ind.hinder, vec![(Some(Arbetslos), 2), (Some(Sjukskriven), 1), (None, 1)]);
    // Decided in the period: 1, 3, 7, 9 days → median (3 + 7) / 2 = 5; within a week 1, 3, 7.
    assert_eq!(ind.handlaggning, Tidsmatt { antal: 4, median_dagar: Some(5.0), inom_vecka: 3 });
    // One nybesök in the period, 10 days after the first contact.
    assert_eq!(ind.nybesok, Tidsmatt { antal: 1, median_dagar: Some(10.0), inom_vecka: 0 });
    // Eva has cases 1, 2, 5 with assistance; Olle case 3.
    assert_eq!(ind.arendemangd, vec![("Eva".into(), 3), ("Olle".into(), 1)]);
    // Closed in the period: case 2 (arbete, 10 mars), case 4 (ej ansökt, 1 februari).
    assert_eq!(ind.avslut, vec![(Some(Avslutsorsak::Arbete), 1), (Some(Avslutsorsak::EjAnsokt), 1)]);
    // Population 2026: 4 of 40 children = 10,0 %; 9 of 140 inhabitants = 6,4 %; 2 of 100 adults long-term.
    let t = tabeller(&ind, 1);
    let varde = |namn: &str| t[0].rader.iter().find(|r| r[0].visa().starts_with(namn)).map(|r| r[1].visa());
    assert_eq!(varde("Andel barn i stadsdelen").as_deref(), Some("10,0 %"));
    assert_eq!(varde("Andel invånare").as_deref(), Some("6,4 %"));
    assert_eq!(varde("Andel vuxna invånare med långvarigt").as_deref(), Some("2,0 %"));
    assert_eq!(varde("Genomsnitt per hushåll").as_deref(), Some("7 850"));
}

#[test]
fn one_caseworkers_figures_are_only_her_cases() {
    let olle = enheten().for_handlaggare(Some("Olle"));
    let ind = berakna(&olle, Period::Tertial(2026, 1));
    // Case 3 only: one adult, two children in april, 13 000 kr; case 4 (Olle's) closed in february.
    assert_eq!((ind.hushall, ind.vuxna, ind.barn), (1, 1, 2));
    assert_eq!(ind.totalt, Belopp::kronor(13_000));
    assert_eq!(ind.avslut, vec![(Some(Avslutsorsak::EjAnsokt), 1)]);
    assert_eq!(ind.befolkning, None, "the district's population is not one caseworker's");
}

#[test]
fn figures_on_fewer_households_than_the_unit_allows_are_hidden() {
    let ind = berakna(&enheten(), Period::Tertial(2026, 1));
    // With the default 5, the unit's 4 households are "färre än 5"; so are the amounts on them.
    let t = tabeller(&ind, STANDARD_MINSTA_ANTAL);
    assert_eq!(t[0].rader[0][1].visa(), "färre än 5");
    assert_eq!(t[0].rader[7][1].visa(), "färre än 5");
    assert!(t.iter().flat_map(|t| &t.rader).flatten().all(|c| !matches!(c, Cell::Antal(n) if (1..5).contains(n))));
    // With 3: the 4 households show, the 2 long-term households and their share do not.
    let t = tabeller(&ind, 3);
    assert_eq!(t[0].rader[0][1].visa(), "4");
    assert_eq!(t[0].rader[3][1].visa(), "färre än 3");
    assert_eq!(t[0].rader[4][1].visa(), "färre än 3");
    assert_eq!(csv(&t[0]).lines().nth(1), Some("Hushåll med ekonomiskt bistånd;4\r").map(|s| s.trim_end()));
}

#[test]
fn charts_draw_the_cells_of_the_tables() {
    let ind = berakna(&enheten(), Period::Tertial(2026, 1));
    let t = tabeller(&ind, 1);
    let d = diagram(&t);
    assert_eq!(d[0].manader, vec!["2026-01", "2026-02", "2026-03", "2026-04"]);
    assert_eq!(d[0].serier[0].varden, vec![Some(3.0), Some(3.0), Some(2.0), Some(2.0)]);
    assert_eq!(d[1].serier.last().map(|s| s.varden[1]), Some(Some(23_500.0)));
    // April has no decision: a gap, not a zero.
    assert_eq!(d[3].serier[0].varden[3], None);
}

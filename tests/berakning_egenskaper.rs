//! Properties of the monthly calculation that must hold for every household, not just the
//! hand-computed examples: what is granted is never negative, a counted income never raises it,
//! an approved cost never lowers it, and the order the lines were typed in does not matter.

use bistand::domain::belopp::Belopp;
use bistand::domain::hushall::Roll;
use bistand::domain::manad::Manad;
use bistand::domain::norm::{
    Inkomst, Inkomsttyp, Kostnad, Kostnadstyp, NormMedlem, Normtabell, Regler, Resultat, Underlag, berakna,
    levererade_tabeller,
};
use chrono::NaiveDate;
use proptest::prelude::*;

fn medlem(roll: Roll, fodd: NaiveDate, lunch: bool) -> NormMedlem {
    NormMedlem {
        roll,
        fodd,
        namn: String::new(),
        lunch_utanfor_hemmet: lunch,
        gar_i_gymnasiet: false,
        fran: None,
        till: None,
    }
}

fn fodd(ar: i32, dag: u32) -> NaiveDate {
    NaiveDate::from_yo_opt(ar, dag).unwrap_or_default()
}

fn medlemmar() -> impl Strategy<Value = Vec<NormMedlem>> {
    (
        (1950..2006i32, 1..365u32, any::<bool>()),
        proptest::option::of((1950..2006i32, 1..365u32)),
        proptest::collection::vec((2008..2025i32, 1..365u32, any::<bool>()), 0..5),
    )
        .prop_map(|((ar, dag, lunch), med, barn)| {
            let mut v = vec![medlem(Roll::Sokande, fodd(ar, dag), lunch)];
            v.extend(med.map(|(ar, dag)| medlem(Roll::Medsokande, fodd(ar, dag), false)));
            v.extend(barn.into_iter().map(|(ar, dag, lunch)| medlem(Roll::Barn, fodd(ar, dag), lunch)));
            v
        })
}

fn kostnad() -> impl Strategy<Value = Kostnad> {
    (0..Kostnadstyp::ALLA.len(), 0..2_000_000i64).prop_map(|(i, ore)| Kostnad {
        typ: Kostnadstyp::ALLA[i],
        ansokt: Belopp::from_ore(ore),
        godkant: None,
        motivering: String::new(),
        avser: String::new(),
    })
}

fn inkomst(antal_medlemmar: usize) -> impl Strategy<Value = Inkomst> {
    (0..Inkomsttyp::ALLA.len(), 0..3_000_000i64, proptest::option::of(0..antal_medlemmar), any::<bool>()).prop_map(
        |(i, ore, person, jobbstimulans)| Inkomst {
            typ: Inkomsttyp::ALLA[i],
            belopp: Belopp::from_ore(ore),
            person,
            jobbstimulans,
            berakningsregel_fran: None,
            tidigare_i_ar: Belopp::NOLL,
        },
    )
}

/// A household of 2026 with up to six cost lines and six income lines.
fn underlag() -> impl Strategy<Value = Underlag> {
    (medlemmar(), 1..=12u32).prop_flat_map(|(medlemmar, manad)| {
        let n = medlemmar.len();
        (
            Just(medlemmar),
            Just(manad),
            proptest::collection::vec(kostnad(), 0..6),
            proptest::collection::vec(inkomst(n), 0..6),
        )
            .prop_map(|(medlemmar, manad, kostnader, inkomster)| Underlag {
                manad: Manad::parse(&format!("2026-{manad:02}")).unwrap_or_else(|_| panic!("month {manad}")),
                medlemmar,
                personer_i_bostaden: None,
                kostnader,
                inkomster,
                justeringar: vec![],
            })
    })
}

fn tabell_2026() -> Normtabell {
    levererade_tabeller().into_iter().find(|t| t.ar == 2026).expect("the 2026 table ships")
}

fn kor(u: &Underlag) -> Resultat {
    berakna(u, &tabell_2026(), &Regler::default()).unwrap_or_else(|e| panic!("a valid household is calculated: {e}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn what_is_granted_is_never_negative(u in underlag()) {
        prop_assert!(!kor(&u).beviljas.is_negative());
    }

    #[test]
    fn one_more_income_never_raises_what_is_granted(u in underlag(), extra in inkomst(1)) {
        let fore = kor(&u).beviljas;
        let mut med = u.clone();
        med.inkomster.push(extra);
        prop_assert!(kor(&med).beviljas <= fore);
    }

    #[test]
    fn one_more_approved_cost_never_lowers_what_is_granted(u in underlag(), extra in kostnad()) {
        let fore = kor(&u).beviljas;
        let mut med = u.clone();
        med.kostnader.push(extra);
        prop_assert!(kor(&med).beviljas >= fore);
    }

    #[test]
    fn the_order_of_the_lines_does_not_matter(u in underlag()) {
        let fore = kor(&u);
        let mut omvand = u.clone();
        omvand.kostnader.reverse();
        omvand.inkomster.reverse();
        let efter = kor(&omvand);
        prop_assert_eq!(efter.beviljas, fore.beviljas);
        prop_assert_eq!(efter.saldo, fore.saldo);
        prop_assert_eq!(efter.kostnader, fore.kostnader);
        prop_assert_eq!(efter.inkomster, fore.inkomster);
        prop_assert_eq!(efter.totalt, fore.totalt, "the överskott is set against livsföring in all the same");
    }

    #[test]
    fn livsforing_gets_what_the_overskott_leaves(u in underlag()) {
        let r = kor(&u);
        let godkant: Belopp = r.livsforing.iter().map(|p| p.godkant).sum();
        let ovrigt: Belopp = r.livsforing.iter().map(|p| p.beviljas).sum();
        prop_assert_eq!(ovrigt, (godkant - r.overskott).max(Belopp::NOLL));
        prop_assert_eq!(r.totalt, r.beviljas + ovrigt);
        prop_assert!(r.overskott == Belopp::NOLL || r.beviljas == Belopp::NOLL);
    }
}

//! The one-pass computation gives exactly what the rules say month by month: a plain
//! implementation of the rules (sets of months per case, one scan of every case-month per month
//! of the period) is compared with [`berakna`] on many generated units, with gaps, refused
//! months, months after the period, duplicated case-months and every kind of cost.

use super::berakna::LANGVARIG_FONSTER;
use super::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The long-term rule as written: at least 10 of the 12 months ending with `till`.
fn langvarig(manader: &HashSet<Manad>, till: Manad) -> bool {
    manader.iter().filter(|m| **m <= till && till.ordning_fran(**m) <= LANGVARIG_FONSTER).count() >= LANGVARIG_MINST
}

/// (households, adults, children, long-term households, long-term adults, household-months,
/// total, per month: households, long-term, cost by kind)
type Facit = (u32, u32, u32, u32, u32, u32, Belopp, Vec<(u32, u32, Vec<Belopp>)>);

fn facit(u: &Underlag, period: Period) -> Facit {
    let mut per_arende: HashMap<i64, HashSet<Manad>> = HashMap::new();
    for m in u.manader.iter().filter(|m| m.med_bistand()) {
        per_arende.entry(m.arende_id).or_default().insert(m.manad);
    }
    for (id, manad) in &u.tidigare {
        per_arende.entry(*id).or_default().insert(*manad);
    }
    let i_perioden: Vec<&Bistandsmanad> =
        u.manader.iter().filter(|m| period.innehaller(m.manad) && m.med_bistand()).collect();
    let mut senaste: BTreeMap<i64, &Bistandsmanad> = BTreeMap::new();
    for m in &i_perioden {
        let e = senaste.entry(m.arende_id).or_insert(m);
        if m.manad > e.manad {
            *e = m;
        }
    }
    let lang = |id: &i64, till: Manad| per_arende.get(id).is_some_and(|s| langvarig(s, till));
    let langa: Vec<i64> = senaste.keys().copied().filter(|id| lang(id, period.sista())).collect();
    let per_manad = period
        .manader()
        .into_iter()
        .map(|manad| {
            let mut kostnad = vec![Belopp::NOLL; Kostnadsslag::ALLA.len()];
            let mut hushall = HashSet::new();
            for m in u.manader.iter().filter(|m| m.manad == manad && m.med_bistand()) {
                hushall.insert(m.arende_id);
                for (slag, b) in &m.belopp {
                    kostnad[slag.index()] += *b;
                }
            }
            let langvariga = hushall.iter().filter(|id| lang(id, manad)).count() as u32;
            (hushall.len() as u32, langvariga, kostnad)
        })
        .collect();
    (
        senaste.len() as u32,
        senaste.values().map(|m| m.vuxna).sum(),
        senaste.values().map(|m| m.barn).sum(),
        langa.len() as u32,
        langa.iter().filter_map(|id| senaste.get(id)).map(|m| m.vuxna).sum(),
        i_perioden.len() as u32,
        i_perioden.iter().map(|m| m.totalt()).sum(),
        per_manad,
    )
}

/// A unit of 40 cases over 2024–2027 drawn from `fro` (a small linear congruential generator).
fn enhet(fro: u64) -> Underlag {
    let mut x = fro;
    let mut slump = |n: u64| {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (x >> 33) % n
    };
    let mut manader = Vec::new();
    for id in 1..=40 {
        // Some cases almost always have assistance, others now and then.
        let tathet = slump(10) + 1;
        let mut m = Manad::new(2024, 1).expect("month");
        while m.ar() < 2028 {
            if slump(10) < tathet {
                let mut belopp = Vec::new();
                for _ in 0..slump(3) {
                    let slag = Kostnadsslag::ALLA[slump(Kostnadsslag::ALLA.len() as u64) as usize];
                    // A refused month grants nothing.
                    let kr = if slump(8) == 0 { 0 } else { slump(9_000) as i64 + 1 };
                    belopp.push((slag, Belopp::from_ore(kr * 100)));
                }
                let (vuxna, barn) = (slump(3) as u32, slump(4) as u32);
                let rad = Bistandsmanad { arende_id: id, manad: m, vuxna, barn, belopp };
                if slump(25) == 0 {
                    // The same case-month twice (the type allows it).
                    manader.push(Bistandsmanad { vuxna: vuxna + 1, ..rad.clone() });
                }
                manader.push(rad);
            }
            m = m.nasta();
        }
    }
    // The order the rows come in is not the computation's business.
    if fro.is_multiple_of(2) {
        manader.reverse();
    }
    Underlag { manader, ..Default::default() }
}

/// `u` as the store reads it for `period`: the months before the period without their amounts.
fn som_fran_lagret(u: &Underlag, period: Period) -> Underlag {
    let (fore, fran): (Vec<Bistandsmanad>, Vec<Bistandsmanad>) =
        u.manader.iter().cloned().partition(|m| m.manad < period.forsta());
    let tidigare = fore.iter().filter(|m| m.med_bistand()).map(|m| (m.arende_id, m.manad)).collect();
    Underlag { manader: fran, tidigare, ..u.clone() }
}

#[test]
fn the_one_pass_computation_gives_what_the_rules_give_month_by_month() {
    let manad = Period::Manad(Manad::new(2026, 5).expect("month"));
    let perioder =
        [Period::Tertial(2026, 1), Period::Tertial(2026, 2), Period::Tertial(2025, 3), Period::Ar(2026), manad];
    let mut langvariga = 0;
    for fro in 0..40 {
        let u = enhet(fro);
        for period in perioder {
            let i = berakna(&u, period);
            let per_manad: Vec<(u32, u32, Vec<Belopp>)> =
                i.per_manad.iter().map(|r| (r.hushall, r.langvariga, r.kostnad.clone())).collect();
            let svar = (
                i.hushall,
                i.vuxna,
                i.barn,
                i.langvariga_hushall,
                i.langvariga_vuxna,
                i.hushallsmanader,
                i.totalt,
                per_manad,
            );
            assert_eq!(svar, facit(&u, period), "unit {fro}, {period:?}");
            // The store gives the months before the period only as months with assistance.
            assert_eq!(berakna(&som_fran_lagret(&u, period), period), i, "unit {fro}, {period:?}");
            langvariga += i.langvariga_hushall;
        }
    }
    assert!(langvariga > 100, "the units have long-term households: {langvariga}");
}

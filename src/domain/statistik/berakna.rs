//! Computing the indicators of a period from an [`Underlag`].

use super::{Befolkning, Bistandsmanad, Kostnadsslag, Period, Tidsspann, Underlag};
use crate::domain::arende::{Avslutsorsak, Forsorjningshinder};
use crate::domain::belopp::Belopp;
use crate::domain::manad::Manad;
use std::collections::{BTreeMap, HashMap};

/// Months in the window that decides long-term assistance, and how many of them it takes.
pub const LANGVARIG_FONSTER: i64 = 12;
pub const LANGVARIG_MINST: usize = 10;

/// One month of the period: households with assistance, how many of them long-term, and the
/// cost by kind (in the order of [`Kostnadsslag::ALLA`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Manadsrad {
    pub manad: Manad,
    pub hushall: u32,
    pub langvariga: u32,
    pub kostnad: Vec<Belopp>,
    pub totalt: Belopp,
    /// Complete applications decided this month: days to the decision.
    pub beslutstid: Tidsmatt,
}

/// A waiting time in whole days: how many, the median, and how many within a week (≤ 7 days).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tidsmatt {
    pub antal: u32,
    pub median_dagar: Option<f64>,
    pub inom_vecka: u32,
}

/// The indicators of one period (for one caseworker or the unit).
#[derive(Debug, Clone, PartialEq)]
pub struct Indikatorer {
    pub period: Period,
    /// Households with assistance in some month of the period.
    pub hushall: u32,
    /// Adults and children of those households, as in the household's last month with
    /// assistance in the period.
    pub vuxna: u32,
    pub barn: u32,
    /// Of those households: assistance in at least 10 of the 12 months ending with the period.
    pub langvariga_hushall: u32,
    pub langvariga_vuxna: u32,
    /// Household-months with assistance, and what they were granted in all.
    pub hushallsmanader: u32,
    pub totalt: Belopp,
    pub per_manad: Vec<Manadsrad>,
    /// Households of the period by the case's main barrier (`None`: not assessed).
    pub hinder: Vec<(Option<Forsorjningshinder>, u32)>,
    /// Complete applications decided in the period: days from application to decision.
    pub handlaggning: Tidsmatt,
    /// Nybesök held in the period: days from first contact.
    pub nybesok: Tidsmatt,
    /// Households with assistance in the period per caseworker.
    pub arendemangd: Vec<(String, u32)>,
    /// Cases closed in the period, by reason (`None`: no reason recorded).
    pub avslut: Vec<(Option<Avslutsorsak>, u32)>,
    pub befolkning: Option<Befolkning>,
}

impl Indikatorer {
    /// Average granted per household and month (none without household-months).
    pub fn snitt_per_hushallsmanad(&self) -> Option<Belopp> {
        (self.hushallsmanader > 0).then(|| {
            Belopp::from_decimal(self.totalt.decimal() / rust_decimal::Decimal::from(self.hushallsmanader)).till_ore()
        })
    }
}

/// Months back from a period's last month that a case's months are kept for: every 12-month
/// window ending in a period (of at most a year) lies within them.
const BITAR: i64 = 64;

/// Whether a case had assistance in at least 10 of the 12 months ending `tillbaka` months before
/// the period's last month (`manader`: its months with assistance, bit `d` = `d` months back).
fn langvarig(manader: u64, tillbaka: u32) -> bool {
    ((manader >> tillbaka) & ((1 << LANGVARIG_FONSTER) - 1)).count_ones() as usize >= LANGVARIG_MINST
}

/// What one pass over the case-months gathers: per case its months with assistance (as bits
/// back from the period's last month) and its last month with assistance in the period, and
/// per month of the period the cost by kind.
struct Insamlat<'a> {
    bitar: HashMap<i64, u64>,
    senaste: HashMap<i64, &'a Bistandsmanad>,
    kostnad: Vec<Vec<Belopp>>,
    hushallsmanader: u32,
    totalt: Belopp,
}

fn samla(u: &Underlag, period: Period, antal_manader: usize) -> Insamlat<'_> {
    let (forsta, sista) = (period.forsta(), period.sista());
    let mut ut = Insamlat {
        bitar: HashMap::new(),
        senaste: HashMap::new(),
        kostnad: vec![vec![Belopp::NOLL; Kostnadsslag::ALLA.len()]; antal_manader],
        hushallsmanader: 0,
        totalt: Belopp::NOLL,
    };
    let mut markera = |arende_id: i64, manad: Manad| {
        let tillbaka = sista.ordning_fran(manad) - 1;
        if (0..BITAR).contains(&tillbaka) {
            *ut.bitar.entry(arende_id).or_default() |= 1 << tillbaka;
        }
    };
    for (arende_id, manad) in &u.tidigare {
        markera(*arende_id, *manad);
    }
    for m in &u.manader {
        let totalt = m.totalt();
        if totalt <= Belopp::NOLL {
            continue;
        }
        markera(m.arende_id, m.manad);
        if !period.innehaller(m.manad) {
            continue;
        }
        ut.hushallsmanader += 1;
        ut.totalt += totalt;
        // Each household's last month with assistance in the period says who was in it.
        let e = ut.senaste.entry(m.arende_id).or_insert(m);
        if m.manad > e.manad {
            *e = m;
        }
        if let Some(kostnad) = ut.kostnad.get_mut((m.manad.ordning_fran(forsta) - 1) as usize) {
            for (slag, b) in &m.belopp {
                kostnad[slag.index()] += *b;
            }
        }
    }
    ut
}

/// Computes every indicator of `period` from `u`.
pub fn berakna(u: &Underlag, period: Period) -> Indikatorer {
    let manader = period.manader();
    let sista = period.sista();
    let insamlat = samla(u, period, manader.len());
    let bitar = |id: &i64| insamlat.bitar.get(id).copied().unwrap_or(0);
    let senaste = &insamlat.senaste;
    let langa: Vec<i64> = senaste.keys().copied().filter(|id| langvarig(bitar(id), 0)).collect();
    let arenden: HashMap<i64, &super::Arendeuppgift> = u.arenden.iter().map(|a| (a.id, a)).collect();
    // Per month of the period: households with assistance, and how many of them long-term.
    let mut hushall = vec![(0u32, 0u32); manader.len()];
    for b in insamlat.bitar.values() {
        for (i, m) in manader.iter().enumerate() {
            let tillbaka = (sista.ordning_fran(*m) - 1) as u32;
            if (b >> tillbaka) & 1 == 1 {
                hushall[i].0 += 1;
                hushall[i].1 += u32::from(langvarig(*b, tillbaka));
            }
        }
    }
    let per_manad = manader
        .iter()
        .zip(hushall)
        .zip(insamlat.kostnad)
        .map(|((m, (hushall, langvariga)), kostnad)| manadsrad(u, *m, hushall, langvariga, kostnad))
        .collect();
    Indikatorer {
        period,
        hushall: senaste.len() as u32,
        vuxna: senaste.values().map(|m| m.vuxna).sum(),
        barn: senaste.values().map(|m| m.barn).sum(),
        langvariga_hushall: langa.len() as u32,
        langvariga_vuxna: langa.iter().filter_map(|id| senaste.get(id)).map(|m| m.vuxna).sum(),
        hushallsmanader: insamlat.hushallsmanader,
        totalt: insamlat.totalt,
        per_manad,
        hinder: hinder(senaste.keys().map(|id| arenden.get(id).and_then(|a| a.hinder))),
        handlaggning: tidsmatt(u.handlaggning.iter().filter(|t| period.innehaller(Manad::av(t.till)))),
        nybesok: tidsmatt(u.nybesok.iter().filter(|t| period.innehaller(Manad::av(t.till)))),
        arendemangd: arendemangd(senaste.keys().map(|id| arenden.get(id).map(|a| a.handlaggare.as_str()))),
        avslut: avslut(u, period),
        befolkning: u.befolkning.filter(|b| b.ar == period.sista().ar()),
    }
}

fn manadsrad(u: &Underlag, manad: Manad, hushall: u32, langvariga: u32, kostnad: Vec<Belopp>) -> Manadsrad {
    let totalt = kostnad.iter().copied().sum();
    let beslutstid = tidsmatt(u.handlaggning.iter().filter(|t| Manad::av(t.till) == manad));
    Manadsrad { manad, hushall, langvariga, kostnad, totalt, beslutstid }
}

fn hinder(hinder: impl Iterator<Item = Option<Forsorjningshinder>>) -> Vec<(Option<Forsorjningshinder>, u32)> {
    let mut antal: HashMap<Option<Forsorjningshinder>, u32> = HashMap::new();
    for h in hinder {
        *antal.entry(h).or_default() += 1;
    }
    let ordning = Forsorjningshinder::ALLA.iter().map(|h| Some(*h)).chain([None]);
    ordning.filter_map(|h| antal.get(&h).map(|n| (h, *n))).collect()
}

fn tidsmatt<'a>(spann: impl Iterator<Item = &'a Tidsspann>) -> Tidsmatt {
    let mut dagar: Vec<i64> = spann.map(|t| (t.till - t.fran).num_days().max(0)).collect();
    dagar.sort_unstable();
    let n = dagar.len();
    let median_dagar = match n {
        0 => None,
        _ if n % 2 == 1 => Some(dagar[n / 2] as f64),
        _ => Some((dagar[n / 2 - 1] + dagar[n / 2]) as f64 / 2.0),
    };
    Tidsmatt { antal: n as u32, median_dagar, inom_vecka: dagar.iter().filter(|d| **d <= 7).count() as u32 }
}

fn arendemangd<'a>(handlaggare: impl Iterator<Item = Option<&'a str>>) -> Vec<(String, u32)> {
    let mut antal: BTreeMap<String, u32> = BTreeMap::new();
    for h in handlaggare {
        let namn = match h.map(str::trim) {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => "Ingen handläggare".to_string(),
        };
        *antal.entry(namn).or_default() += 1;
    }
    antal.into_iter().collect()
}

fn avslut(u: &Underlag, period: Period) -> Vec<(Option<Avslutsorsak>, u32)> {
    let mut antal: HashMap<Option<Avslutsorsak>, u32> = HashMap::new();
    for a in u.arenden.iter().filter(|a| a.avslutsdatum.is_some_and(|d| period.innehaller(Manad::av(d)))) {
        *antal.entry(a.avslutsorsak).or_default() += 1;
    }
    let ordning = Avslutsorsak::ALLA.iter().map(|o| Some(*o)).chain([None]);
    ordning.filter_map(|o| antal.get(&o).map(|n| (o, *n))).collect()
}

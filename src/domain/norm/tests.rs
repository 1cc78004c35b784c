//! Every rule of norm.md, computed by hand and checked against the calculation.

use super::*;
use crate::domain::belopp::Belopp;
use crate::domain::hushall::Roll;
use crate::domain::manad::Manad;
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn kr(k: i64) -> Belopp {
    Belopp::kronor(k)
}

fn tabell(ar: i32) -> Normtabell {
    levererade_tabeller().into_iter().find(|t| t.ar == ar).unwrap()
}

fn medlem(roll: Roll, fodd: NaiveDate) -> NormMedlem {
    NormMedlem {
        roll,
        fodd,
        namn: String::new(),
        lunch_utanfor_hemmet: false,
        gar_i_gymnasiet: false,
        fran: None,
        till: None,
    }
}

fn barn(fodd: NaiveDate) -> NormMedlem {
    medlem(Roll::Barn, fodd)
}

fn underlag(manad: &str, medlemmar: Vec<NormMedlem>) -> Underlag {
    Underlag {
        manad: Manad::parse(manad).unwrap(),
        medlemmar,
        personer_i_bostaden: None,
        kostnader: vec![],
        inkomster: vec![],
        justeringar: vec![],
    }
}

fn kor(u: &Underlag) -> Resultat {
    berakna(u, &tabell(u.manad.ar()), &Regler::default()).unwrap()
}

fn ensam() -> Vec<NormMedlem> {
    vec![medlem(Roll::Sokande, d(1980, 1, 1))]
}

fn par() -> Vec<NormMedlem> {
    vec![medlem(Roll::Sokande, d(1980, 1, 1)), medlem(Roll::Medsokande, d(1982, 5, 5))]
}

#[test]
fn the_official_2026_totals() {
    let r = kor(&underlag("2026-03", ensam()));
    assert_eq!(r.norm, kr(5220));
    let r = kor(&underlag("2026-03", par()));
    assert_eq!(r.norm, kr(8510));
    assert!(r.varningar.is_empty(), "the 2026 adult and 1–2 person cells are verified: {:?}", r.varningar);
}

#[test]
fn each_age_band_uses_the_age_on_the_first_day_of_the_month() {
    // 2021 amounts per band: 0, 1–2, 3, 4–6, 7–10, 11–14, 15–18, 19–20.
    let expected = [2180, 2440, 2170, 2440, 3060, 3520, 3970, 4000];
    let ages = [0, 2, 3, 6, 7, 14, 18, 20];
    for (alder, belopp) in ages.iter().zip(expected) {
        // Birthday on 2 October: still the younger age on 1 October.
        let mut b = barn(d(2021 - alder - 1, 10, 2));
        b.gar_i_gymnasiet = *alder >= 19;
        let mut m = ensam();
        m.push(b);
        let r = kor(&underlag("2021-10", m));
        assert_eq!(r.norm_personlig, kr(3160 + belopp), "age {alder}");
    }
    // Turning 7 on the first day of the month moves the child up a band that month.
    let mut m = ensam();
    m.push(barn(d(2014, 10, 1)));
    assert_eq!(kor(&underlag("2021-10", m)).norm_personlig, kr(3160 + 3060));
}

#[test]
fn the_utan_lunch_row_for_ages_0_to_6() {
    for (fodd, med_lunch, utan) in [
        (d(2021, 3, 1), 2180, 2050),
        (d(2019, 12, 1), 2440, 2240),
        (d(2018, 6, 1), 2170, 1990),
        (d(2016, 6, 1), 2440, 2170),
    ] {
        let mut b = barn(fodd);
        let mut m = ensam();
        m.push(b.clone());
        assert_eq!(kor(&underlag("2021-10", m.clone())).norm_personlig, kr(3160 + med_lunch));
        b.lunch_utanfor_hemmet = true;
        m[1] = b;
        assert_eq!(kor(&underlag("2021-10", m)).norm_personlig, kr(3160 + utan));
    }
    // From 7 the flag changes nothing.
    let mut b = barn(d(2013, 6, 1));
    b.lunch_utanfor_hemmet = true;
    let mut m = ensam();
    m.push(b);
    assert_eq!(kor(&underlag("2021-10", m)).norm_personlig, kr(3160 + 3060));
}

#[test]
fn a_19_or_20_year_old_counts_only_in_upper_secondary_and_21_never() {
    let mut m = ensam();
    m.push(barn(d(2002, 1, 20)));
    let err = berakna(&underlag("2021-10", m.clone()), &tabell(2021), &Regler::default()).unwrap_err().to_string();
    assert!(err.contains("gymnasiet"), "{err}");
    m[1].gar_i_gymnasiet = true;
    assert_eq!(kor(&underlag("2021-10", m.clone())).norm_personlig, kr(3160 + 4000));
    m[1].fodd = d(2000, 9, 1);
    let err = berakna(&underlag("2021-10", m), &tabell(2021), &Regler::default()).unwrap_err().to_string();
    assert!(err.contains("21 år") && err.contains("eget ärende"), "{err}");
}

#[test]
fn more_than_seven_persons_adds_the_difference_between_six_and_seven() {
    let mut m = par();
    for i in 0..7 {
        m.push(barn(d(2010 + i, 2, 1)));
    }
    let r = kor(&underlag("2021-10", m));
    // 9 persons: 2 270 + 2 × (2 270 − 2 100) = 2 610.
    assert_eq!(r.norm_gemensam, kr(2610));
}

#[test]
fn the_lodger_rule_gives_ore() {
    let mut u = underlag("2021-10", ensam());
    u.personer_i_bostaden = Some(3);
    let r = kor(&u);
    // 1 420 / 3 = 473,333… → 473,33; plus ensamstående 3 160.
    assert_eq!(r.norm_gemensam, Belopp::from_ore(47_333));
    assert_eq!(r.norm, Belopp::from_ore(363_333));
    assert_eq!(r.beviljas, kr(3633));
    assert!(r.rader.iter().any(|l| l.text.contains("3 personer delar bostaden")));
    // The example of norm.md with the 2017 figures: 1 740 / 5 + 2 980 = 3 328 (same rule, 2019 figures here).
    u.manad = Manad::parse("2019-05").unwrap();
    u.personer_i_bostaden = Some(5);
    let r = berakna(&u, &tabell(2019), &Regler::default()).unwrap();
    assert_eq!(r.norm, kr(3090) + Belopp::from_ore(36_200));
    let mut fel = u.clone();
    fel.medlemmar = par();
    fel.personer_i_bostaden = Some(1);
    assert!(berakna(&fel, &tabell(2019), &Regler::default()).unwrap_err().to_string().contains("färre"));
}

#[test]
fn a_member_present_part_of_the_month_counts_pro_rata_by_days() {
    // A baby born on 2021-10-17: present 15 of 31 days.
    let mut b = barn(d(2021, 10, 17));
    b.fran = Some(d(2021, 10, 17));
    let mut m = ensam();
    m.push(b);
    let r = kor(&underlag("2021-10", m));
    // Child: 2 180 × 15/31 = 1 054,838… → 1 054,84.
    // Shared: 1 020 × 16/31 + 1 130 × 15/31 = 526,45 + 546,77.
    assert_eq!(r.norm_personlig, kr(3160) + Belopp::from_ore(105_484));
    assert_eq!(r.norm_gemensam, Belopp::from_ore(52_645 + 54_677));
    assert!(r.rader.iter().any(|l| l.text.contains("(15 av 31 dagar)")));
    // A medsökande moving in on the 11th of a 30-day month: 10 days single, 20 days as a pair.
    let mut m = par();
    m[1].fran = Some(d(2021, 11, 11));
    let r = kor(&underlag("2021-11", m));
    // 3 160 × 10/30 + 5 700 × 20/30 = 1 053,33 + 3 800,00.
    assert_eq!(r.norm_personlig, Belopp::from_ore(105_333 + 380_000));
}

#[test]
fn jobbstimulans_disregards_a_quarter_of_earned_income() {
    let mut u = underlag("2021-10", ensam());
    u.inkomster.push(Inkomst {
        typ: Inkomsttyp::Lon,
        belopp: kr(8000),
        person: Some(0),
        jobbstimulans: true,
        berakningsregel_fran: None,
        tidigare_i_ar: Belopp::NOLL,
    });
    let r = kor(&u);
    assert_eq!(r.inkomster, kr(6000));
    u.inkomster[0].jobbstimulans = false;
    assert_eq!(kor(&u).inkomster, kr(8000));
    // Only earned income: a-kassa never gets it.
    u.inkomster[0] = Inkomst {
        typ: Inkomsttyp::AKassa,
        belopp: kr(8000),
        person: Some(0),
        jobbstimulans: true,
        berakningsregel_fran: None,
        tidigare_i_ar: Belopp::NOLL,
    };
    assert_eq!(kor(&u).inkomster, kr(8000));
}

#[test]
fn a_childs_earnings_are_free_up_to_the_yearly_limit() {
    let mut m = ensam();
    // 16 years old and in gymnasiet: the earnings of a child at school.
    m.push(NormMedlem { gar_i_gymnasiet: true, ..barn(d(2005, 3, 1)) });
    let mut u = underlag("2021-07", m);
    let regler = Regler { barns_inkomstgrans: kr(47_600), barns_inkomstgrans_verifierad: true, ..Regler::default() };
    let lon = |tidigare: i64| Inkomst {
        typ: Inkomsttyp::Lon,
        belopp: kr(6000),
        person: Some(1),
        jobbstimulans: false,
        berakningsregel_fran: None,
        tidigare_i_ar: kr(tidigare),
    };
    u.inkomster = vec![lon(10_000)];
    assert_eq!(berakna(&u, &tabell(2021), &regler).unwrap().inkomster, Belopp::NOLL, "below the limit");
    u.inkomster = vec![lon(44_600)];
    assert_eq!(berakna(&u, &tabell(2021), &regler).unwrap().inkomster, kr(3000), "crosses the limit");
    u.inkomster = vec![lon(50_000)];
    assert_eq!(berakna(&u, &tabell(2021), &regler).unwrap().inkomster, kr(6000), "above the limit");
    // Other income of a child is counted as usual.
    u.inkomster = vec![Inkomst {
        typ: Inkomsttyp::Underhallsstod,
        belopp: kr(1673),
        person: Some(1),
        jobbstimulans: false,
        berakningsregel_fran: None,
        tidigare_i_ar: Belopp::NOLL,
    }];
    assert_eq!(berakna(&u, &tabell(2021), &regler).unwrap().inkomster, kr(1673));
    // An unverified limit is said.
    u.inkomster = vec![lon(0)];
    assert!(kor(&u).varningar.iter().any(|v| v.contains("barns egna arbetsinkomster")));
}

#[test]
fn counted_and_not_counted_incomes() {
    let mut u = underlag("2021-10", ensam());
    for (typ, belopp) in [
        (Inkomsttyp::Barnbidrag, 1250),
        (Inkomsttyp::Bostadsbidrag, 900),
        (Inkomsttyp::Handikappersattning, 1500),
        (Inkomsttyp::EjRaknad, 300),
    ] {
        u.inkomster.push(Inkomst {
            typ,
            belopp: kr(belopp),
            person: None,
            jobbstimulans: false,
            berakningsregel_fran: None,
            tidigare_i_ar: Belopp::NOLL,
        });
    }
    let r = kor(&u);
    assert_eq!(r.inkomster, kr(2150));
    assert!(
        r.rader
            .iter()
            .any(|l| l.typ == Radtyp::Info && l.text.contains("Handikappersättning") && l.text.contains("räknas inte"))
    );
}

#[test]
fn approved_costs_count_and_differences_are_explained() {
    let mut u = underlag("2021-10", ensam());
    u.kostnader.push(Kostnad {
        typ: Kostnadstyp::Boende,
        ansokt: kr(9800),
        godkant: Some(kr(7500)),
        motivering: "Hyran överstiger skälig nivå efter rådrum".into(),
        avser: String::new(),
    });
    u.kostnader.push(Kostnad {
        typ: Kostnadstyp::Hushallsel,
        ansokt: kr(500),
        godkant: None,
        motivering: String::new(),
        avser: String::new(),
    });
    let r = kor(&u);
    assert_eq!(r.kostnader, kr(8000));
    assert!(r.rader.iter().any(|l| l.text.contains("ansökt 9 800,00 kr, godkänt 7 500,00 kr – Hyran")));
}

#[test]
fn rounding_halves_up_only_on_the_granted_amount_and_overskott_grants_nothing() {
    let mut u = underlag("2021-10", ensam());
    u.kostnader.push(Kostnad {
        typ: Kostnadstyp::OvrigKostnad,
        ansokt: Belopp::from_ore(50),
        godkant: None,
        motivering: String::new(),
        avser: String::new(),
    });
    let r = kor(&u);
    assert_eq!(r.saldo, Belopp::from_ore(418_050));
    assert_eq!(r.beviljas, kr(4181));
    u.kostnader[0].ansokt = Belopp::from_ore(49);
    assert_eq!(kor(&u).beviljas, kr(4180));
    u.inkomster.push(Inkomst {
        typ: Inkomsttyp::Sjukpenning,
        belopp: kr(10_000),
        person: Some(0),
        jobbstimulans: false,
        berakningsregel_fran: None,
        tidigare_i_ar: Belopp::NOLL,
    });
    let r = kor(&u);
    assert!(r.saldo.is_negative());
    assert_eq!(r.beviljas, Belopp::NOLL);
}

#[test]
fn detail_lines_add_up_to_the_balance() {
    let mut m = par();
    m.push(barn(d(2019, 3, 10)));
    let mut u = underlag("2026-02", m);
    u.kostnader.push(Kostnad {
        typ: Kostnadstyp::Boende,
        ansokt: kr(9800),
        godkant: None,
        motivering: String::new(),
        avser: String::new(),
    });
    u.inkomster.push(Inkomst {
        typ: Inkomsttyp::Barnbidrag,
        belopp: kr(1250),
        person: None,
        jobbstimulans: false,
        berakningsregel_fran: None,
        tidigare_i_ar: Belopp::NOLL,
    });
    let r = kor(&u);
    let sum: Belopp = r
        .rader
        .iter()
        .filter(|l| matches!(l.typ, Radtyp::Norm | Radtyp::Kostnad | Radtyp::Inkomst))
        .map(|l| l.belopp)
        .sum();
    assert_eq!(sum, r.saldo);
    assert!(!r.varningar.is_empty(), "a 2026 child cell is unverified and says so");
}

#[test]
fn an_adjusted_norm_line_needs_a_reason_and_is_shown() {
    let mut u = underlag("2021-10", ensam());
    u.justeringar.push(Justering { rad: Normrad::Gemensamt, belopp: kr(800), motivering: String::new() });
    assert!(berakna(&u, &tabell(2021), &Regler::default()).unwrap_err().to_string().contains("motivering"));
    u.justeringar[0].motivering = "Har inte kostnad för dagstidning".into();
    let r = kor(&u);
    assert_eq!(r.norm_gemensam, kr(800));
    assert!(r.rader.iter().any(|l| l.text.contains("justerat från 1 020,00 kr av särskilda skäl: Har inte kostnad")));
}

#[test]
fn households_of_2019_2021_and_2026() {
    // 2019: a single parent with a 5-year-old in förskola: 3 090 + 2 120 + 1 100.
    let mut m = ensam();
    let mut b = barn(d(2013, 9, 9));
    b.lunch_utanfor_hemmet = true;
    m.push(b);
    assert_eq!(kor(&underlag("2019-04", m)).norm, kr(6310));
    // 2021: the couple with two children from the issue: 11 940 + 1 610.
    let mut m = vec![medlem(Roll::Sokande, d(1984, 2, 1)), medlem(Roll::Medsokande, d(1986, 6, 30))];
    let mut liten = barn(d(2019, 3, 10));
    liten.lunch_utanfor_hemmet = true;
    let mut stor = barn(d(2002, 1, 20));
    stor.gar_i_gymnasiet = true;
    m.extend([liten, stor]);
    let r = kor(&underlag("2021-10", m));
    assert_eq!((r.norm_personlig, r.norm_gemensam), (kr(11_940), kr(1610)));
    // 2026: a couple with a 9-year-old: 7 100 + 3 820 + 1 780.
    let mut m = par();
    m.push(barn(d(2017, 1, 1)));
    assert_eq!(kor(&underlag("2026-05", m)).norm, kr(12_700));
}

#[test]
fn input_the_rules_cannot_apply_to_is_refused() {
    let u = underlag("2021-10", vec![barn(d(2010, 1, 1))]);
    assert!(berakna(&u, &tabell(2021), &Regler::default()).unwrap_err().to_string().contains("sökande"));
    let u = underlag("2021-10", vec![medlem(Roll::Sokande, d(2010, 1, 1))]);
    assert!(berakna(&u, &tabell(2021), &Regler::default()).unwrap_err().to_string().contains("18 år"));
    let u = underlag("2021-10", ensam());
    assert!(berakna(&u, &tabell(2019), &Regler::default()).unwrap_err().to_string().contains("kan inte användas"));
}

#[test]
fn rent_above_the_units_ceiling_is_flagged_not_cut() {
    let mut m = ensam();
    m.push(barn(d(2015, 1, 1)));
    let mut u = underlag("2021-10", m);
    u.kostnader.push(Kostnad {
        typ: Kostnadstyp::Boende,
        ansokt: kr(9800),
        godkant: None,
        motivering: String::new(),
        avser: String::new(),
    });
    let r = kor(&u);
    assert_eq!(r.kostnader, kr(9800), "the caseworker decides; the program only warns");
    assert!(r.varningar.iter().any(|v| v.contains("över enhetens tak 7 625,00 kr") && v.contains("exempeltabell")));
    u.kostnader[0].ansokt = kr(7000);
    assert!(kor(&u).varningar.iter().all(|v| !v.contains("tak")));
    assert_eq!(Hyrestak::exempel().for_barn(4), kr(9425 + 3600));
}

fn lon(person: usize, kronor: i64, start: Option<&str>) -> Inkomst {
    Inkomst {
        typ: Inkomsttyp::Lon,
        belopp: kr(kronor),
        person: Some(person),
        jobbstimulans: start.is_some(),
        berakningsregel_fran: start.map(|m| Manad::parse(m).unwrap()),
        tidigare_i_ar: Belopp::NOLL,
    }
}

#[test]
fn the_sarskild_berakningsregel_applies_for_24_months_from_its_start() {
    let mut u = underlag("2026-03", ensam());
    // March 2026 is month 24 from April 2024: a quarter of the wage is not counted.
    u.inkomster = vec![lon(0, 8000, Some("2024-04"))];
    let r = kor(&u);
    assert_eq!(r.inkomster, kr(6000));
    let rad = &r.rader.iter().find(|l| l.text.starts_with("Lön")).unwrap().text;
    assert!(rad.contains("särskild beräkningsregel (jobbstimulans), månad 24 av högst 24"), "{rad}");
    assert!(rad.contains("12 kap. 8 § socialtjänstlagen (2025:400)"), "the source by the month's date: {rad}");
    // Month 25: the rule has ended and the whole wage counts.
    u.inkomster = vec![lon(0, 8000, Some("2024-03"))];
    let r = kor(&u);
    assert_eq!(r.inkomster, kr(8000));
    assert!(r.rader.iter().any(|l| l.text.contains("högst 24 månader från mars 2024 och har upphört")));
    // The unit's maximum is a setting.
    let regler = Regler { jobbstimulans_max_manader: 30, ..Regler::default() };
    assert_eq!(berakna(&u, &tabell(2026), &regler).unwrap().inkomster, kr(6000));
    // Before the new law the old law is the source; an unknown start is warned about.
    let mut u = underlag("2024-05", ensam());
    u.inkomster = vec![Inkomst { berakningsregel_fran: None, ..lon(0, 8000, Some("2024-01")) }];
    let r = kor(&u);
    assert_eq!(r.inkomster, kr(6000));
    assert!(r.rader.iter().any(|l| l.text.contains("4 kap. 1 b § socialtjänstlagen (2001:453)")));
    assert!(r.varningar.iter().any(|v| v.contains("Startmånaden") && v.contains("24 månader")));
}

#[test]
fn a_childs_earnings_are_exempt_only_while_the_child_goes_to_school() {
    let regler = Regler { barns_inkomstgrans: kr(59_200), barns_inkomstgrans_verifierad: true, ..Regler::default() };
    let hushall = |gar_i_skolan: bool, fodd: NaiveDate| {
        let mut m = ensam();
        m.push(NormMedlem { gar_i_gymnasiet: gar_i_skolan, ..barn(fodd) });
        let mut u = underlag("2026-03", m);
        u.inkomster = vec![lon(1, 5000, None)];
        u
    };
    // 19 years old at home and in gymnasiet: the earnings are not counted (below the limit).
    let r = berakna(&hushall(true, d(2006, 9, 1)), &tabell(2026), &regler).unwrap();
    assert_eq!(r.inkomster, Belopp::NOLL);
    assert!(r.rader.iter().any(|l| l.text.contains("12 kap. 9 § socialtjänstlagen (2025:400)")));
    // 19 and not in school: not a child of the household at all (a case of their own).
    assert!(
        berakna(&hushall(false, d(2006, 9, 1)), &tabell(2026), &regler).unwrap_err().to_string().contains("gymnasiet")
    );
    // 18 and not in school: the whole wage counts.
    let r = berakna(&hushall(false, d(2007, 9, 1)), &tabell(2026), &regler).unwrap();
    assert_eq!(r.inkomster, kr(5000));
    assert!(r.rader.iter().any(|l| l.text.contains("går inte i skolan")));
    // 12 years old (grundskola): not counted.
    assert_eq!(berakna(&hushall(false, d(2013, 9, 1)), &tabell(2026), &regler).unwrap().inkomster, Belopp::NOLL);
}

/// The family: försörjningsstöd, and beside it a 7 000 kr electricity debt and a
/// 2 400 kr dental bill, each assessed on its own.
fn familjen_med_elskuld(lon: i64) -> Underlag {
    let mut m = ensam();
    m.push(barn(d(2015, 1, 1)));
    let mut u = underlag("2021-10", m);
    let k = |typ, ansokt, avser: &str| Kostnad {
        typ,
        ansokt: kr(ansokt),
        godkant: None,
        motivering: String::new(),
        avser: avser.into(),
    };
    u.kostnader.push(k(Kostnadstyp::Boende, 7500, ""));
    u.kostnader.push(k(Kostnadstyp::Skuld, 7000, "elskuld hos Ellevio AB"));
    u.kostnader.push(k(Kostnadstyp::Tandvard, 2400, ""));
    u.inkomster.push(Inkomst {
        typ: Inkomsttyp::Lon,
        belopp: kr(lon),
        person: Some(0),
        jobbstimulans: false,
        berakningsregel_fran: None,
        tidigare_i_ar: Belopp::NOLL,
    });
    u
}

#[test]
fn a_debt_and_a_dental_bill_are_not_inside_forsorjningsstod() {
    let r = kor(&familjen_med_elskuld(5000));
    assert_eq!(r.kostnader, kr(7500), "only the rent is a cost within försörjningsstöd");
    assert_eq!(r.overskott, Belopp::NOLL);
    let sak: Vec<_> = r.livsforing.iter().map(|p| (p.sak.as_str(), p.beviljas)).collect();
    assert_eq!(sak, [("bistånd till en elskuld hos Ellevio AB", kr(7000)), ("akut tandvård", kr(2400))]);
    assert_eq!(r.totalt, r.beviljas + kr(9400));
    let ny = r.rader.iter().position(|l| l.text == "Försörjningsstöd enligt beräkningen").unwrap();
    let skuld = r.rader.iter().position(|l| l.text.starts_with("Bistånd till en elskuld")).unwrap();
    assert!(ny < skuld, "försörjningsstöd first, then livsföring");
    assert!(r.rader.iter().all(|l| !(l.typ == Radtyp::Kostnad && l.text.contains("skuld"))));
}

#[test]
fn an_overskott_is_set_against_the_livsforing_items_in_order() {
    let utan = kor(&familjen_med_elskuld(0));
    // Wages 8 000 kr above the need: the debt takes 7 000 of it, the dental bill the last 1 000.
    let lon = utan.saldo + kr(8000);
    let mut u = familjen_med_elskuld(0);
    u.inkomster[0].belopp = lon;
    let r = kor(&u);
    assert_eq!(r.beviljas, Belopp::NOLL);
    assert_eq!(r.overskott, kr(8000));
    assert_eq!((r.livsforing[0].avraknat, r.livsforing[0].beviljas), (kr(7000), Belopp::NOLL));
    assert_eq!((r.livsforing[1].avraknat, r.livsforing[1].beviljas), (kr(1000), kr(1400)));
    assert_eq!(r.totalt, kr(1400));
    assert!(r.rader.iter().any(|l| l.text.contains("Hushållet kan få totalt") && l.belopp == kr(1400)));
    // A refused dental bill (approved 0 with a reason) gets nothing and says why.
    u.kostnader[2].godkant = Some(Belopp::NOLL);
    u.kostnader[2].motivering = "tandvården är inte akut".into();
    let r = kor(&u);
    assert_eq!(r.livsforing[1].beviljas, Belopp::NOLL);
    assert!(r.rader.iter().any(|l| l.text.contains("godkänt 0,00 kr – tandvården är inte akut")));
}

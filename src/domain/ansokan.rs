//! The monthly application (ansökan) as the caseworker fills it in, and its validation into
//! what the calculation needs.

use super::belopp::Belopp;
use super::datum::parse_datum;
use super::falt::{Falt, FaltFel, Medlemsuppgift, Raduppgift};
use super::hushall::{Medlem, Roll};
use super::manad::Manad;
use super::norm::{Inkomst, Inkomsttyp, Justering, Kostnad, Kostnadstyp, NormMedlem, Normrad, Underlag, ar_livsforing};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MedlemFalt {
    pub roll: Option<Roll>,
    pub namn: String,
    pub fodd: String,
    pub lunch_utanfor_hemmet: bool,
    pub gar_i_gymnasiet: bool,
    /// First/last day in the household this month, when only part of it.
    pub fran: String,
    pub till: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct KostnadFalt {
    pub typ: Option<Kostnadstyp>,
    pub ansokt: String,
    pub godkant: String,
    pub motivering: String,
    /// What the cost is for ("elskuld hos Ellevio AB").
    #[serde(default)]
    pub avser: String,
    /// A row of livsföring i övrigt (which table it is in while no kind is chosen).
    #[serde(default)]
    pub livsforing: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct InkomstFalt {
    pub typ: Option<Inkomsttyp>,
    pub person: Option<usize>,
    pub belopp: String,
    pub jobbstimulans: bool,
    pub tidigare_i_ar: String,
    /// The month ("ÅÅÅÅ-MM") the särskild beräkningsregel (jobbstimulans) started for the
    /// person: it applies for at most 24 months (a setting) from then.
    #[serde(default)]
    pub berakningsregel_fran: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct JusteringFalt {
    pub rad: Option<Normrad>,
    pub belopp: String,
    pub motivering: String,
}

/// The application form exactly as typed: what autosave keeps.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnsokanFormular {
    pub manad: String,
    pub inkom: String,
    pub komplett: bool,
    pub saknas: String,
    pub personer_i_bostaden: String,
    pub medlemmar: Vec<MedlemFalt>,
    pub kostnader: Vec<KostnadFalt>,
    pub inkomster: Vec<InkomstFalt>,
    pub justeringar: Vec<JusteringFalt>,
    /// The saved application's version when it was opened: the save is refused if another user
    /// saved it since (none: the command line; version 0, `store::INGEN_RAD`: a new application
    /// in the window, refused if another user saved one for the month meanwhile).
    #[serde(default)]
    pub version: Option<i64>,
}

/// A validated application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ansokan {
    pub inkom: NaiveDate,
    pub komplett: bool,
    pub saknas: String,
    pub underlag: Underlag,
}

impl MedlemFalt {
    /// A member as registered in the household.
    pub fn fran_register(m: &Medlem) -> MedlemFalt {
        MedlemFalt {
            roll: Some(m.roll),
            namn: m.person.namn(),
            fodd: m.person.pnr.birth_date().to_string(),
            lunch_utanfor_hemmet: m.lunch_utanfor_hemmet,
            gar_i_gymnasiet: m.gar_i_gymnasiet,
            fran: String::new(),
            till: String::new(),
        }
    }
}

impl MedlemFalt {
    /// The month's members from the household's history, with their dates within the month.
    pub fn for_manad(boende: &[(Medlem, Option<NaiveDate>, Option<NaiveDate>)]) -> Vec<MedlemFalt> {
        let datum = |d: &Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        boende
            .iter()
            .map(|(m, fran, till)| MedlemFalt { fran: datum(fran), till: datum(till), ..MedlemFalt::fran_register(m) })
            .collect()
    }
}

impl From<&Ansokan> for AnsokanFormular {
    /// A stored application back in the form, amounts written the Swedish way.
    fn from(a: &Ansokan) -> AnsokanFormular {
        let u = &a.underlag;
        let tal = |b: Belopp| b.format_tal();
        let datum = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        AnsokanFormular {
            manad: u.manad.to_string(),
            inkom: a.inkom.to_string(),
            komplett: a.komplett,
            saknas: a.saknas.clone(),
            personer_i_bostaden: u.personer_i_bostaden.map(|n| n.to_string()).unwrap_or_default(),
            medlemmar: u
                .medlemmar
                .iter()
                .map(|m| MedlemFalt {
                    roll: Some(m.roll),
                    namn: m.namn.clone(),
                    fodd: m.fodd.to_string(),
                    lunch_utanfor_hemmet: m.lunch_utanfor_hemmet,
                    gar_i_gymnasiet: m.gar_i_gymnasiet,
                    fran: datum(m.fran),
                    till: datum(m.till),
                })
                .collect(),
            kostnader: u
                .kostnader
                .iter()
                .map(|k| KostnadFalt {
                    typ: Some(k.typ),
                    ansokt: tal(k.ansokt),
                    godkant: k.godkant.map(tal).unwrap_or_default(),
                    motivering: k.motivering.clone(),
                    avser: k.avser.clone(),
                    livsforing: ar_livsforing(k, u),
                })
                .collect(),
            inkomster: u
                .inkomster
                .iter()
                .map(|i| InkomstFalt {
                    typ: Some(i.typ),
                    person: i.person,
                    belopp: tal(i.belopp),
                    jobbstimulans: i.jobbstimulans,
                    tidigare_i_ar: if i.tidigare_i_ar == Belopp::NOLL { String::new() } else { tal(i.tidigare_i_ar) },
                    berakningsregel_fran: i.berakningsregel_fran.map(|m| m.to_string()).unwrap_or_default(),
                })
                .collect(),
            justeringar: u
                .justeringar
                .iter()
                .map(|j| JusteringFalt { rad: Some(j.rad), belopp: tal(j.belopp), motivering: j.motivering.clone() })
                .collect(),
            version: None,
        }
    }
}

impl AnsokanFormular {
    /// A new application for `manad` with the household's members from the register.
    pub fn ny(manad: Manad, idag: NaiveDate, medlemmar: &[Medlem]) -> AnsokanFormular {
        AnsokanFormular {
            manad: manad.to_string(),
            inkom: idag.to_string(),
            komplett: true,
            medlemmar: medlemmar.iter().map(MedlemFalt::fran_register).collect(),
            ..Default::default()
        }
    }

    /// A new application for `manad` with those who lived in the household that month (from its
    /// history), each with the first/last day when they lived there only part of the month.
    pub fn ny_for_manad(
        manad: Manad,
        idag: NaiveDate,
        boende: &[(Medlem, Option<NaiveDate>, Option<NaiveDate>)],
    ) -> AnsokanFormular {
        AnsokanFormular { medlemmar: MedlemFalt::for_manad(boende), ..AnsokanFormular::ny(manad, idag, &[]) }
    }

    /// "Kopiera förra månaden": last month's members, costs, incomes and adjustments, for this
    /// month; the received date and completeness start over.
    pub fn kopiera_fran(&mut self, forra: &AnsokanFormular) {
        self.medlemmar = forra
            .medlemmar
            .iter()
            .map(|m| MedlemFalt { fran: String::new(), till: String::new(), ..m.clone() })
            .collect();
        self.personer_i_bostaden = forra.personer_i_bostaden.clone();
        self.kostnader = forra.kostnader.clone();
        self.inkomster =
            forra.inkomster.iter().map(|i| InkomstFalt { tidigare_i_ar: String::new(), ..i.clone() }).collect();
        self.justeringar = forra.justeringar.clone();
    }

    /// Checks every field; returns the application or each problem at its field.
    pub fn validera(&self, idag: NaiveDate) -> Result<Ansokan, Vec<FaltFel>> {
        let mut fel = Vec::new();
        let manad = Manad::parse(&self.manad).map_err(|e| fel.push(FaltFel::new(Falt::Manad, e))).ok();
        let inkom = match parse_datum(&self.inkom, idag) {
            Ok(d) if d > idag => {
                fel.push(FaltFel::new(Falt::Inkom, "Datumet då ansökan kom in kan inte ligga i framtiden."));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                fel.push(FaltFel::new(Falt::Inkom, e));
                None
            }
        };
        if !self.komplett && self.saknas.trim().is_empty() {
            fel.push(FaltFel::new(Falt::Saknas, "Skriv vad som saknas, eller markera ansökan som komplett."));
        }
        let personer = self.personer_i_bostaden(&mut fel);
        let medlemmar = self.medlemmar(manad, idag, &mut fel);
        let kostnader = self.kostnader(manad.map(Manad::forsta_dagen).unwrap_or(idag), &mut fel);
        let inkomster = self.inkomster(&mut fel);
        let justeringar = self.justeringar(&mut fel);
        if !self.medlemmar.iter().any(|m| m.roll == Some(Roll::Sokande)) {
            fel.push(FaltFel::new(Falt::Medlem(0, Medlemsuppgift::Roll), "Ansökan måste ha en sökande."));
        }
        match (manad, inkom) {
            (Some(manad), Some(inkom)) if fel.is_empty() => Ok(Ansokan {
                inkom,
                komplett: self.komplett,
                saknas: if self.komplett { String::new() } else { self.saknas.trim().to_string() },
                underlag: Underlag {
                    manad,
                    medlemmar,
                    personer_i_bostaden: personer,
                    kostnader,
                    inkomster,
                    justeringar,
                },
            }),
            _ => Err(fel),
        }
    }

    /// The persons sharing the home when more than the household (the lodger rule), if given.
    fn personer_i_bostaden(&self, fel: &mut Vec<FaltFel>) -> Option<u32> {
        match self.personer_i_bostaden.trim() {
            "" => None,
            t => match t.parse::<u32>() {
                Ok(n) if n >= self.medlemmar.len() as u32 && n > 0 => Some(n),
                _ => {
                    fel.push(FaltFel::new(
                        Falt::PersonerIBostaden,
                        format!(
                            "Ange antalet personer i bostaden, minst {} (hushållets medlemmar), eller lämna tomt.",
                            self.medlemmar.len()
                        ),
                    ));
                    None
                }
            },
        }
    }

    fn medlemmar(&self, manad: Option<Manad>, idag: NaiveDate, fel: &mut Vec<FaltFel>) -> Vec<NormMedlem> {
        let valfritt_datum = |text: &str, key: Falt, fel: &mut Vec<FaltFel>| match text.trim() {
            "" => None,
            t => parse_datum(t, idag).map_err(|e| fel.push(FaltFel::new(key, e))).ok(),
        };
        let mut medlemmar = Vec::new();
        for (i, m) in self.medlemmar.iter().enumerate() {
            let fodd = parse_datum(&m.fodd, idag)
                .map_err(|e| fel.push(FaltFel::new(Falt::Medlem(i, Medlemsuppgift::Fodd), e)))
                .ok();
            let fran = valfritt_datum(&m.fran, Falt::Medlem(i, Medlemsuppgift::Fran), fel);
            let till = valfritt_datum(&m.till, Falt::Medlem(i, Medlemsuppgift::Till), fel);
            if let (Some(manad), Some(d)) = (manad, fran.or(till))
                && Manad::av(d) != manad
            {
                fel.push(FaltFel::new(Falt::Medlem(i, Medlemsuppgift::Fran), format!("Datumen ska ligga i {manad}.")));
            }
            let Some(roll) = m.roll else {
                fel.push(FaltFel::new(Falt::Medlem(i, Medlemsuppgift::Roll), "Välj roll."));
                continue;
            };
            if let Some(fodd) = fodd {
                medlemmar.push(NormMedlem {
                    roll,
                    fodd,
                    namn: m.namn.trim().to_string(),
                    lunch_utanfor_hemmet: m.lunch_utanfor_hemmet,
                    gar_i_gymnasiet: m.gar_i_gymnasiet,
                    fran,
                    till,
                });
            }
        }
        medlemmar
    }

    fn kostnader(&self, dag: NaiveDate, fel: &mut Vec<FaltFel>) -> Vec<Kostnad> {
        let mut kostnader = Vec::new();
        for (i, k) in self.kostnader.iter().enumerate() {
            let ansokt = belopp(&k.ansokt, Falt::Kostnad(i, Raduppgift::Ansokt), fel);
            let godkant = match k.godkant.trim() {
                "" => None,
                t => belopp(t, Falt::Kostnad(i, Raduppgift::Godkant), fel),
            };
            if let (Some(a), Some(g)) = (ansokt, godkant)
                && g > a
            {
                fel.push(FaltFel::new(
                    Falt::Kostnad(i, Raduppgift::Godkant),
                    "Det godkända beloppet kan inte vara större än det ansökta.",
                ));
            }
            if let (Some(a), Some(g)) = (ansokt, godkant)
                && a != g
                && k.motivering.trim().is_empty()
            {
                fel.push(FaltFel::new(
                    Falt::Kostnad(i, Raduppgift::Motivering),
                    "Skriv varför det godkända beloppet skiljer sig från det ansökta.",
                ));
            }
            let Some(typ) = k.typ else {
                fel.push(FaltFel::new(Falt::Kostnad(i, Raduppgift::Typ), "Välj kostnadstyp."));
                continue;
            };
            if typ.avser_kravs(dag) && k.avser.trim().is_empty() {
                fel.push(FaltFel::new(
                    Falt::Kostnad(i, Raduppgift::Avser),
                    "Skriv vad kostnaden avser, t.ex. \"elskuld hos Ellevio AB\".",
                ));
            }
            if let Some(ansokt) = ansokt {
                kostnader.push(Kostnad {
                    typ,
                    ansokt,
                    godkant,
                    motivering: k.motivering.trim().to_string(),
                    avser: k.avser.trim().to_string(),
                });
            }
        }
        kostnader
    }

    fn inkomster(&self, fel: &mut Vec<FaltFel>) -> Vec<Inkomst> {
        let mut inkomster = Vec::new();
        for (i, ink) in self.inkomster.iter().enumerate() {
            let b = belopp(&ink.belopp, Falt::Inkomst(i, Raduppgift::Belopp), fel);
            let tidigare = match ink.tidigare_i_ar.trim() {
                "" => Some(Belopp::NOLL),
                t => belopp(t, Falt::Inkomst(i, Raduppgift::TidigareIAr), fel),
            };
            let Some(typ) = ink.typ else {
                fel.push(FaltFel::new(Falt::Inkomst(i, Raduppgift::Typ), "Välj inkomsttyp."));
                continue;
            };
            let berakningsregel_fran = if ink.jobbstimulans {
                match Manad::parse(ink.berakningsregel_fran.trim()) {
                    Ok(m) => Some(m),
                    Err(_) => {
                        fel.push(FaltFel::new(
                            Falt::Inkomst(i, Raduppgift::Startmanad),
                            "Ange månaden då den särskilda beräkningsregeln (jobbstimulans) började, ÅÅÅÅ-MM; den gäller högst 24 månader från start.",
                        ));
                        continue;
                    }
                }
            } else {
                None
            };
            if let (Some(belopp), Some(tidigare_i_ar)) = (b, tidigare) {
                let person = ink.person.filter(|p| *p < self.medlemmar.len());
                inkomster.push(Inkomst {
                    typ,
                    belopp,
                    person,
                    jobbstimulans: ink.jobbstimulans,
                    berakningsregel_fran,
                    tidigare_i_ar,
                });
            }
        }
        inkomster
    }

    fn justeringar(&self, fel: &mut Vec<FaltFel>) -> Vec<Justering> {
        let mut justeringar = Vec::new();
        for (i, j) in self.justeringar.iter().enumerate() {
            let b = belopp(&j.belopp, Falt::Justering(i, Raduppgift::Belopp), fel);
            if j.motivering.trim().is_empty() {
                fel.push(FaltFel::new(
                    Falt::Justering(i, Raduppgift::Motivering),
                    "Skriv de särskilda skälen för justeringen.",
                ));
            }
            match (j.rad, b) {
                (None, _) => fel
                    .push(FaltFel::new(Falt::Justering(i, Raduppgift::Normpost), "Välj vilken normpost som justeras.")),
                (Some(rad), Some(belopp)) => {
                    justeringar.push(Justering { rad, belopp, motivering: j.motivering.trim().to_string() })
                }
                _ => {}
            }
        }
        justeringar
    }
}

/// An amount typed in a field: the amount, or the message at the field.
fn belopp(text: &str, falt: Falt, fel: &mut Vec<FaltFel>) -> Option<Belopp> {
    Belopp::parse_icke_negativt(text).map_err(|e| fel.push(FaltFel::new(falt, e.to_string()))).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hushall::fel_for;

    fn idag() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn form() -> AnsokanFormular {
        AnsokanFormular {
            manad: "2026-12".into(),
            inkom: "2026-11-20".into(),
            komplett: true,
            medlemmar: vec![MedlemFalt {
                roll: Some(Roll::Sokande),
                namn: "Vera".into(),
                fodd: "1985-04-02".into(),
                ..Default::default()
            }],
            kostnader: vec![KostnadFalt {
                typ: Some(Kostnadstyp::Boende),
                ansokt: "9 800".into(),
                ..Default::default()
            }],
            inkomster: vec![InkomstFalt {
                typ: Some(Inkomsttyp::Lon),
                person: Some(0),
                belopp: "8000,50".into(),
                jobbstimulans: true,
                berakningsregel_fran: "2026-03".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn a_filled_form_gives_the_calculation_input() {
        let a = form().validera(idag()).unwrap();
        assert_eq!(a.underlag.manad.to_string(), "2026-12");
        assert_eq!(a.underlag.kostnader[0].ansokt, Belopp::kronor(9800));
        assert_eq!(a.underlag.inkomster[0].belopp, Belopp::from_ore(800_050));
        assert!(a.underlag.inkomster[0].jobbstimulans);
    }

    #[test]
    fn problems_are_reported_at_their_fields() {
        let mut f = form();
        f.manad = "december".into();
        f.komplett = false;
        f.kostnader[0].godkant = "7000".into();
        f.inkomster[0].belopp = "-5".into();
        f.personer_i_bostaden = "0".into();
        f.justeringar.push(JusteringFalt {
            rad: Some(Normrad::Gemensamt),
            belopp: "100".into(),
            motivering: " ".into(),
        });
        let fel = f.validera(idag()).unwrap_err();
        assert!(fel_for(&fel, Falt::Manad).unwrap().contains("ÅÅÅÅ-MM"));
        assert!(fel_for(&fel, Falt::Saknas).is_some());
        assert!(fel_for(&fel, Falt::Kostnad(0, Raduppgift::Motivering)).unwrap().contains("skiljer sig"));
        assert!(fel_for(&fel, Falt::Inkomst(0, Raduppgift::Belopp)).unwrap().contains("negativt"));
        assert!(fel_for(&fel, Falt::PersonerIBostaden).is_some());
        assert!(fel_for(&fel, Falt::Justering(0, Raduppgift::Motivering)).is_some());
    }

    #[test]
    fn a_livsforing_line_says_what_it_is_for_and_approves_at_most_what_was_applied_for() {
        let mut f = form();
        f.kostnader.push(KostnadFalt {
            typ: Some(Kostnadstyp::Skuld),
            ansokt: "7000".into(),
            godkant: "8000".into(),
            motivering: "x".into(),
            livsforing: true,
            ..Default::default()
        });
        let fel = f.validera(idag()).unwrap_err();
        assert!(fel_for(&fel, Falt::Kostnad(1, Raduppgift::Avser)).unwrap().contains("elskuld hos"));
        assert!(fel_for(&fel, Falt::Kostnad(1, Raduppgift::Godkant)).unwrap().contains("större än det ansökta"));
        f.kostnader[1].avser = "elskuld hos Ellevio AB".into();
        f.kostnader[1].godkant = "5000".into();
        let a = f.validera(idag()).unwrap();
        assert_eq!(a.underlag.kostnader[1].avser, "elskuld hos Ellevio AB");
        let tillbaka = AnsokanFormular::from(&a);
        assert!(tillbaka.kostnader[1].livsforing && !tillbaka.kostnader[0].livsforing);
    }

    #[test]
    fn a_stored_application_returns_to_the_form_unchanged() {
        let a = form().validera(idag()).unwrap();
        let tillbaka = AnsokanFormular::from(&a);
        assert_eq!(tillbaka.validera(idag()).unwrap(), a);
        assert_eq!(tillbaka.kostnader[0].ansokt, "9 800,00");
    }

    #[test]
    fn copying_last_month_keeps_costs_and_incomes_but_not_dates() {
        let mut forra = form();
        forra.medlemmar[0].fran = "2026-12-05".into();
        forra.inkomster[0].tidigare_i_ar = "100".into();
        let mut ny = AnsokanFormular { manad: "2027-01".into(), inkom: "2026-11-23".into(), ..Default::default() };
        ny.kopiera_fran(&forra);
        assert_eq!(ny.kostnader, forra.kostnader);
        assert_eq!(ny.inkomster[0].belopp, "8000,50");
        assert_eq!(ny.inkomster[0].tidigare_i_ar, "");
        assert_eq!(ny.medlemmar[0].fran, "");
        assert_eq!(ny.manad, "2027-01");
    }
}

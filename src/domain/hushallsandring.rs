//! A household over time: each member's period in the home, and the changes a caseworker
//! registers (a child born, someone moving in or out, a new address, protected identity).

use super::datum::parse_datum;
use super::falt::{Falt, FaltFel};
use super::hushall::{Adress, HushallFormular, Medlem, Person, Relation, Roll};
use super::manad::Manad;
use super::personnummer::{Personnummer, age_at};
use crate::kodlista;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One person's time in the household: from `fran` to `till` (`None`: still lives there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Medlemskap {
    pub medlem: Medlem,
    pub fran: NaiveDate,
    pub till: Option<NaiveDate>,
    /// Where the person moved, when known (e.g. the partner's own address).
    pub flyttat_till: String,
}

impl Medlemskap {
    /// The part of `manad` the person lived there: `None` if not at all; otherwise the first
    /// and last day when the period starts or ends inside the month.
    pub fn i_manad(&self, manad: Manad) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
        let (forsta, sista) = (manad.forsta_dagen(), manad.sista_dagen());
        if self.fran > sista || self.till.is_some_and(|t| t < forsta) {
            return None;
        }
        let fran = (self.fran > forsta).then_some(self.fran);
        let till = self.till.filter(|t| *t < sista);
        Some((fran, till))
    }

    /// "2026-11-14 –" or "2024-03-01 – 2026-10-31".
    pub fn period(&self) -> String {
        match self.till {
            Some(t) => format!("{} – {t}", self.fran),
            None => format!("{} –", self.fran),
        }
    }
}

kodlista! {
    /// The kinds of change the "Ändra hushållet" dialog offers.
    pub enum Andringsslag {
        Fodd = ("fodd", "Ett barn har fötts"),
        FlyttarIn = ("flyttar_in", "En person flyttar in"),
        FlyttarUt = ("flyttar_ut", "En person flyttar ut"),
        NyAdress = ("ny_adress", "Ny adress eller telefon"),
        Skydd = ("skydd", "Skyddade personuppgifter"),
        Uppgifter = ("uppgifter", "Utbetalning, tolk och kontakt"),
    }
}

/// A field of the change form (the address fields use the registration form's keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Andringsfalt {
    Datum,
    Pnr,
    Fornamn,
    Efternamn,
    Roll,
    Relation,
    Person,
    FlyttatTill,
}

/// The change form exactly as typed: what autosave keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AndringFormular {
    pub slag: Andringsslag,
    /// The date the change applies from (moving in, the address) or the last day (moving out).
    pub datum: String,
    pub pnr: String,
    pub fornamn: String,
    pub efternamn: String,
    pub roll: Option<Roll>,
    pub relation: Option<Relation>,
    pub lunch_utanfor_hemmet: bool,
    pub gar_i_gymnasiet: bool,
    /// Who moves out (twelve-digit personnummer).
    pub person: Option<String>,
    pub flyttat_till: String,
    pub adress: Adress,
    pub telefon: String,
    pub skyddad: bool,
    pub uppgifter: super::utbetalning::UppgiftsFormular,
    /// The household's version when the form was opened: the save is refused if another user
    /// changed the household since (none: no check, as for the command line).
    #[serde(default)]
    pub version: Option<i64>,
}

impl Default for AndringFormular {
    fn default() -> AndringFormular {
        AndringFormular {
            slag: Andringsslag::Fodd,
            datum: String::new(),
            pnr: String::new(),
            fornamn: String::new(),
            efternamn: String::new(),
            roll: None,
            relation: None,
            lunch_utanfor_hemmet: false,
            gar_i_gymnasiet: false,
            person: None,
            flyttat_till: String::new(),
            adress: Adress::default(),
            telefon: String::new(),
            skyddad: false,
            uppgifter: Default::default(),
            version: None,
        }
    }
}

impl AndringFormular {
    /// The form moved onto a newer version of the household (`ny`, the form as the household now
    /// is; `fore`, as it was when the form was opened): what the user changed is kept, what they
    /// left as it was follows the new version.
    pub fn pa_ny_version(&self, fore: &AndringFormular, ny: &AndringFormular) -> AndringFormular {
        fn valj<T: PartialEq + Clone>(mitt: &T, gammalt: &T, nytt: &T) -> T {
            if mitt == gammalt { nytt.clone() } else { mitt.clone() }
        }
        AndringFormular {
            adress: valj(&self.adress, &fore.adress, &ny.adress),
            telefon: valj(&self.telefon, &fore.telefon, &ny.telefon),
            skyddad: valj(&self.skyddad, &fore.skyddad, &ny.skyddad),
            uppgifter: valj(&self.uppgifter, &fore.uppgifter, &ny.uppgifter),
            version: ny.version,
            ..self.clone()
        }
    }
}

/// A validated change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Andring {
    FlyttarIn { medlem: Medlem, relation: Option<Relation>, fran: NaiveDate, fodd: bool },
    FlyttarUt { pnr: Personnummer, till: NaiveDate, flyttat_till: String },
    NyAdress { adress: Adress, telefon: String, fran: NaiveDate },
    Skydd { skyddad: bool },
    Uppgifter(super::utbetalning::Hushallsuppgifter),
}

fn fel(falt: Andringsfalt, text: impl Into<String>) -> FaltFel {
    FaltFel::new(Falt::Andring(falt), text)
}

impl AndringFormular {
    /// Checks the fields of the chosen kind; the change, or every problem at its field.
    pub fn validera(&self, idag: NaiveDate) -> Result<Andring, Vec<FaltFel>> {
        let mut fellista = Vec::new();
        let datum = match self.slag {
            Andringsslag::Skydd | Andringsslag::Uppgifter => None,
            Andringsslag::Fodd if self.datum.trim().is_empty() => {
                Personnummer::parse(&self.pnr, idag).ok().map(|p| p.birth_date())
            }
            _ => parse_datum(&self.datum, idag).map_err(|e| fellista.push(fel(Andringsfalt::Datum, e))).ok(),
        };
        let andring = match self.slag {
            Andringsslag::Fodd | Andringsslag::FlyttarIn => self.inflyttning(datum, idag, &mut fellista),
            Andringsslag::FlyttarUt => self.utflyttning(datum, idag, &mut fellista),
            Andringsslag::NyAdress => {
                let form = HushallFormular {
                    adress: self.adress.clone(),
                    telefon: self.telefon.clone(),
                    ..Default::default()
                };
                let (adress, telefon) = form.adress_och_telefon(&mut fellista);
                datum.map(|fran| Andring::NyAdress { adress, telefon, fran })
            }
            Andringsslag::Skydd => Some(Andring::Skydd { skyddad: self.skyddad }),
            Andringsslag::Uppgifter => match self.uppgifter.validera() {
                Ok(u) => Some(Andring::Uppgifter(u)),
                Err(f) => {
                    fellista.extend(f);
                    None
                }
            },
        };
        match andring {
            Some(a) if fellista.is_empty() => Ok(a),
            _ => Err(fellista),
        }
    }

    /// A child born or a person moving in.
    fn inflyttning(&self, datum: Option<NaiveDate>, idag: NaiveDate, fellista: &mut Vec<FaltFel>) -> Option<Andring> {
        let fodd = self.slag == Andringsslag::Fodd;
        let pnr =
            Personnummer::parse(&self.pnr, idag).map_err(|e| fellista.push(fel(Andringsfalt::Pnr, e.to_string())));
        for (text, falt, namn) in
            [(&self.fornamn, Andringsfalt::Fornamn, "förnamn"), (&self.efternamn, Andringsfalt::Efternamn, "efternamn")]
        {
            if text.trim().is_empty() {
                fellista.push(fel(falt, format!("Ange {namn}.")));
            }
        }
        let roll = if fodd { Some(Roll::Barn) } else { self.roll };
        if roll.is_none() {
            fellista.push(fel(Andringsfalt::Roll, "Välj om personen är medsökande eller barn."));
        }
        if roll == Some(Roll::Sokande) {
            fellista.push(fel(Andringsfalt::Roll, "Hushållet har redan en sökande; välj medsökande eller barn."));
        }
        if roll == Some(Roll::Medsokande) && self.relation.is_none() {
            fellista.push(fel(Andringsfalt::Relation, "Välj om medsökande är gift med eller sambo med sökande."));
        }
        let (pnr, fran, roll) = (pnr.ok()?, datum?, roll?);
        if fran < pnr.birth_date() {
            fellista.push(fel(Andringsfalt::Datum, format!("Datumet ligger före födelsedagen {}.", pnr.birth_date())));
        }
        if fodd && age_at(pnr.birth_date(), idag) > 0 {
            fellista.push(fel(Andringsfalt::Pnr, "Barnet är över ett år; välj \"En person flyttar in\" i stället."));
        }
        let alder = age_at(pnr.birth_date(), fran);
        match roll {
            Roll::Medsokande if alder < 18 => {
                fellista.push(fel(Andringsfalt::Pnr, format!("Medsökande måste vara minst 18 år (är {alder} år).")))
            }
            Roll::Barn if alder > 20 || (alder >= 19 && !self.gar_i_gymnasiet) => fellista.push(fel(
                Andringsfalt::Pnr,
                format!(
                    "Personen är {alder} år och räknas som vuxen; en vuxen som inte är medsökande har ett eget ärende."
                ),
            )),
            _ => {}
        }
        let medlem = Medlem {
            person: Person {
                pnr,
                fornamn: self.fornamn.trim().to_string(),
                efternamn: self.efternamn.trim().to_string(),
            },
            roll,
            lunch_utanfor_hemmet: roll == Roll::Barn && self.lunch_utanfor_hemmet,
            gar_i_gymnasiet: roll == Roll::Barn && self.gar_i_gymnasiet,
        };
        let relation = if roll == Roll::Medsokande { self.relation } else { None };
        Some(Andring::FlyttarIn { medlem, relation, fran, fodd })
    }

    fn utflyttning(&self, datum: Option<NaiveDate>, idag: NaiveDate, fellista: &mut Vec<FaltFel>) -> Option<Andring> {
        let pnr = self.person.as_deref().and_then(|p| Personnummer::parse(p, idag).ok());
        if pnr.is_none() {
            fellista.push(fel(Andringsfalt::Person, "Välj vem som flyttar ut."));
        }
        Some(Andring::FlyttarUt { pnr: pnr?, till: datum?, flyttat_till: self.flyttat_till.trim().to_string() })
    }
}

/// The journal line's text after "Hushållet ändrat: " for a person moving in.
pub fn inflyttning_text(m: &Medlem, fran: NaiveDate, fodd: bool) -> String {
    let roll = m.roll.namn().to_lowercase();
    if fodd {
        format!("{} ({roll}) är född och bor i hushållet från {fran}", m.person.namn())
    } else {
        format!("{} ({roll}) bor i hushållet från {fran}", m.person.namn())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dag).unwrap()
    }

    fn skap(fran: NaiveDate, till: Option<NaiveDate>) -> Medlemskap {
        let pnr = Personnummer::from_parts(d(2026, 11, 14), 982, false).unwrap();
        Medlemskap {
            medlem: Medlem {
                person: Person { pnr, fornamn: "Lo".into(), efternamn: "Exempel".into() },
                roll: Roll::Barn,
                lunch_utanfor_hemmet: false,
                gar_i_gymnasiet: false,
            },
            fran,
            till,
            flyttat_till: String::new(),
        }
    }

    #[test]
    fn a_period_covers_the_months_it_touches() {
        let m = skap(d(2026, 11, 14), None);
        let nov = Manad::new(2026, 11).unwrap();
        assert_eq!(m.i_manad(nov.foregaende()), None);
        assert_eq!(m.i_manad(nov), Some((Some(d(2026, 11, 14)), None)));
        assert_eq!(m.i_manad(nov.nasta()), Some((None, None)));
        let ut = skap(d(2020, 1, 1), Some(d(2026, 11, 30)));
        assert_eq!(ut.i_manad(nov), Some((None, None)));
        assert_eq!(ut.i_manad(nov.nasta()), None);
        assert_eq!(skap(d(2020, 1, 1), Some(d(2026, 11, 9))).i_manad(nov), Some((None, Some(d(2026, 11, 9)))));
    }

    #[test]
    fn a_born_child_takes_the_birth_date_and_needs_a_name() {
        let idag = d(2026, 11, 20);
        let pnr = Personnummer::from_parts(d(2026, 11, 14), 982, false).unwrap().to_string();
        let mut f = AndringFormular { pnr, fornamn: "Lo".into(), efternamn: "Exempel".into(), ..Default::default() };
        match f.validera(idag).unwrap() {
            Andring::FlyttarIn { medlem, fran, fodd, .. } => {
                assert_eq!((medlem.roll, fran, fodd), (Roll::Barn, d(2026, 11, 14), true));
                assert_eq!(
                    inflyttning_text(&medlem, fran, fodd),
                    "Lo Exempel (barn) är född och bor i hushållet från 2026-11-14"
                );
            }
            a => panic!("{a:?}"),
        }
        f.fornamn.clear();
        let fel = f.validera(idag).unwrap_err();
        assert_eq!(crate::domain::falt::fel_for(&fel, Falt::Andring(Andringsfalt::Fornamn)), Some("Ange förnamn."));
    }

    #[test]
    fn moving_out_needs_who_and_a_date() {
        let f = AndringFormular { slag: Andringsslag::FlyttarUt, ..Default::default() };
        let fel = f.validera(d(2026, 11, 20)).unwrap_err();
        assert_eq!(fel.len(), 2);
    }
}

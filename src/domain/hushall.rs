//! The household: who applies, who lives at home, and the validation of the registration form.

use super::personnummer::{Personnummer, age_at};
use crate::kodlista;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

kodlista! {
    /// How the medsökande relates to the sökande.
    pub enum Relation {
        Gift = ("gift", "Gift / registrerad partner"),
        Sambo = ("sambo", "Sambo"),
    }
}

kodlista! {
    /// A person's place in the household.
    pub enum Roll {
        Sokande = ("sokande", "Sökande"),
        Medsokande = ("medsokande", "Medsökande"),
        Barn = ("barn", "Barn"),
    }
}

/// A person as registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub pnr: Personnummer,
    pub fornamn: String,
    pub efternamn: String,
}

impl Person {
    pub fn namn(&self) -> String {
        format!("{} {}", self.fornamn, self.efternamn)
    }
}

/// A member of the household with the flags the norm needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Medlem {
    pub person: Person,
    pub roll: Roll,
    /// Eats lunch outside the home five days a week (förskola): the lower norm for ages 0–6.
    pub lunch_utanfor_hemmet: bool,
    /// Attends gymnasiet: a 19–20-year-old counts in the household only then.
    pub gar_i_gymnasiet: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Adress {
    pub gatuadress: String,
    pub postnummer: String,
    pub postort: String,
}

impl Adress {
    pub fn en_rad(&self) -> String {
        format!("{}, {} {}", self.gatuadress, self.postnummer, self.postort)
    }
}

/// A validated household, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NyttHushall {
    pub medlemmar: Vec<Medlem>,
    pub relation: Option<Relation>,
    pub adress: Adress,
    pub telefon: String,
    pub skyddade_personuppgifter: bool,
}

impl NyttHushall {
    pub fn sokande(&self) -> &Person {
        &self.medlemmar[0].person
    }
}

/// One person's fields as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PersonFalt {
    pub pnr: String,
    pub fornamn: String,
    pub efternamn: String,
    #[serde(default)]
    pub lunch_utanfor_hemmet: bool,
    #[serde(default)]
    pub gar_i_gymnasiet: bool,
}

/// The registration form exactly as typed: this is what autosave keeps as a draft.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HushallFormular {
    pub sokande: PersonFalt,
    pub har_medsokande: bool,
    pub medsokande: PersonFalt,
    pub relation: Option<Relation>,
    pub barn: Vec<PersonFalt>,
    pub adress: Adress,
    pub telefon: String,
    pub skyddade_personuppgifter: bool,
}

use crate::domain::falt::{Falt, Personuppgift, Vem};
pub use crate::domain::falt::{FaltFel, fel_for};

impl HushallFormular {
    /// Checks every field; returns the household or every problem found, each at its field.
    pub fn validera(&self, today: NaiveDate) -> Result<NyttHushall, Vec<FaltFel>> {
        let mut fel = Vec::new();
        let mut medlemmar = Vec::new();

        let person = |falt: &PersonFalt, vem: Vem, roll: Roll, fel: &mut Vec<FaltFel>| {
            validera_person(falt, vem, roll, today, fel)
        };

        medlemmar.extend(person(&self.sokande, Vem::Sokande, Roll::Sokande, &mut fel));
        if self.har_medsokande {
            medlemmar.extend(person(&self.medsokande, Vem::Medsokande, Roll::Medsokande, &mut fel));
            if self.relation.is_none() {
                fel.push(FaltFel::new(Falt::Relation, "Välj om medsökande är gift med eller sambo med sökande."));
            }
        }
        for (i, barn) in self.barn.iter().enumerate() {
            medlemmar.extend(person(barn, Vem::Barn(i), Roll::Barn, &mut fel));
        }

        self.dubbletter(today, &mut fel);

        let (adress, postnr_siffror, telefon) = self.adress(&mut fel);

        if !fel.is_empty() {
            return Err(fel);
        }
        Ok(NyttHushall {
            medlemmar,
            relation: if self.har_medsokande { self.relation } else { None },
            adress: Adress { postnummer: format!("{} {}", &postnr_siffror[..3], &postnr_siffror[3..]), ..adress },
            telefon,
            skyddade_personuppgifter: self.skyddade_personuppgifter,
        })
    }

    /// The same person twice in one form.
    fn dubbletter(&self, today: NaiveDate, fel: &mut Vec<FaltFel>) {
        let vilka: Vec<Vem> = std::iter::once(Vem::Sokande)
            .chain(self.har_medsokande.then_some(Vem::Medsokande))
            .chain((0..self.barn.len()).map(Vem::Barn))
            .collect();
        let parsed: Vec<Option<Personnummer>> = std::iter::once(&self.sokande)
            .chain(self.har_medsokande.then_some(&self.medsokande))
            .chain(self.barn.iter())
            .map(|p| Personnummer::parse(&p.pnr, today).ok())
            .collect();
        for (i, a) in parsed.iter().enumerate() {
            if a.is_some() && parsed[..i].contains(a) {
                fel.push(FaltFel::new(
                    Falt::Person(vilka[i], Personuppgift::Pnr),
                    "Samma person finns redan i formuläret.",
                ));
            }
        }
    }

    /// The address (postcode written "123 45") and telephone, trimmed and checked.
    pub(crate) fn adress_och_telefon(&self, fel: &mut Vec<FaltFel>) -> (Adress, String) {
        let (adress, siffror, telefon) = self.adress(fel);
        let postnummer = if siffror.len() == 5 && siffror.chars().all(|c| c.is_ascii_digit()) {
            format!("{} {}", &siffror[..3], &siffror[3..])
        } else {
            adress.postnummer.clone()
        };
        (Adress { postnummer, ..adress }, telefon)
    }

    /// The address and telephone, trimmed; the postcode's five digits.
    fn adress(&self, fel: &mut Vec<FaltFel>) -> (Adress, String, String) {
        let adress = Adress {
            gatuadress: self.adress.gatuadress.trim().to_string(),
            postnummer: self.adress.postnummer.trim().to_string(),
            postort: self.adress.postort.trim().to_string(),
        };
        if adress.gatuadress.is_empty() {
            fel.push(FaltFel::new(Falt::Gatuadress, "Ange gatuadress."));
        }
        let postnr_siffror: String = adress.postnummer.chars().filter(|c| !c.is_whitespace()).collect();
        if postnr_siffror.len() != 5 || !postnr_siffror.chars().all(|c| c.is_ascii_digit()) {
            fel.push(FaltFel::new(Falt::Postnummer, "Postnumret ska ha fem siffror, t.ex. 123 45."));
        }
        if adress.postort.is_empty() {
            fel.push(FaltFel::new(Falt::Postort, "Ange postort."));
        }
        let telefon = self.telefon.trim().to_string();
        if !telefon.is_empty()
            && (!telefon.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
                || telefon.chars().filter(|c| c.is_ascii_digit()).count() < 6)
        {
            fel.push(FaltFel::new(Falt::Telefon, "Telefonnumret får bara innehålla siffror, mellanslag, + och -."));
        }

        (adress, postnr_siffror, telefon)
    }
}

/// Checks one person of the household form in the role `roll`; the person, if the
/// personnummer can be read.
fn validera_person(
    falt: &PersonFalt,
    vem: Vem,
    roll: Roll,
    today: NaiveDate,
    fel: &mut Vec<FaltFel>,
) -> Option<Medlem> {
    let pnr_falt = Falt::Person(vem, Personuppgift::Pnr);
    let pnr = Personnummer::parse(&falt.pnr, today).map_err(|e| fel.push(FaltFel::new(pnr_falt, e.to_string()))).ok();
    for (text, del, namn) in
        [(&falt.fornamn, Personuppgift::Fornamn, "förnamn"), (&falt.efternamn, Personuppgift::Efternamn, "efternamn")]
    {
        if text.trim().is_empty() {
            fel.push(FaltFel::new(Falt::Person(vem, del), format!("Ange {namn}.")));
        }
    }
    let pnr = pnr?;
    let age = age_at(pnr.birth_date(), today);
    match roll {
        Roll::Sokande | Roll::Medsokande if age < 18 => fel.push(FaltFel::new(
            pnr_falt,
            format!("{} måste vara minst 18 år (är {age} år).", roll.namn()),
        )),
        Roll::Barn if age > 20 => fel.push(FaltFel::new(
            pnr_falt,
            format!("Barnet är {age} år. Den som fyllt 21 räknas som vuxen och har ett eget ärende."),
        )),
        Roll::Barn if age >= 19 && !falt.gar_i_gymnasiet => fel.push(FaltFel::new(
            pnr_falt,
            format!(
                "Barnet är {age} år. En 19–20-åring räknas till hushållet bara om hen går i gymnasiet; markera det eller registrera ett eget ärende."
            ),
        )),
        _ => {}
    }
    Some(Medlem {
        person: Person { pnr, fornamn: falt.fornamn.trim().to_string(), efternamn: falt.efternamn.trim().to_string() },
        roll,
        lunch_utanfor_hemmet: roll == Roll::Barn && falt.lunch_utanfor_hemmet,
        gar_i_gymnasiet: roll == Roll::Barn && falt.gar_i_gymnasiet,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn pnr(y: i32, m: u32, d: u32, serial: u16) -> String {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        Personnummer::from_parts(date, serial, false).unwrap().to_string()
    }

    fn falt(pnr: String, fornamn: &str) -> PersonFalt {
        PersonFalt { pnr, fornamn: fornamn.into(), efternamn: "Testsson".into(), ..Default::default() }
    }

    fn form() -> HushallFormular {
        HushallFormular {
            sokande: falt(pnr(1985, 4, 2, 982), "Vera"),
            adress: Adress {
                gatuadress: "Övningsgatan 1".into(),
                postnummer: "12345".into(),
                postort: "Stockholm".into(),
            },
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_form_gives_a_household() {
        let mut f = form();
        f.har_medsokande = true;
        f.medsokande = falt(pnr(1987, 1, 15, 983), "Olle");
        f.relation = Some(Relation::Sambo);
        let mut barn = falt(pnr(2022, 5, 1, 984), "Lo");
        barn.lunch_utanfor_hemmet = true;
        f.barn.push(barn);
        let h = f.validera(today()).unwrap();
        assert_eq!(h.medlemmar.len(), 3);
        assert_eq!(h.medlemmar[2].roll, Roll::Barn);
        assert!(h.medlemmar[2].lunch_utanfor_hemmet);
        assert_eq!(h.adress.postnummer, "123 45");
        assert_eq!(h.sokande().namn(), "Vera Testsson");
    }

    #[test]
    fn every_problem_is_reported_at_its_field() {
        let mut f = form();
        f.sokande.pnr = "850402-1235".into();
        f.sokande.fornamn = " ".into();
        f.adress.postnummer = "1234".into();
        f.telefon = "ring mig".into();
        f.har_medsokande = true;
        f.medsokande = falt(pnr(1987, 1, 15, 983), "Olle");
        let fel = f.validera(today()).unwrap_err();
        assert!(fel_for(&fel, Falt::Person(Vem::Sokande, Personuppgift::Pnr)).unwrap().contains("Kontrollsiffran"));
        assert_eq!(fel_for(&fel, Falt::Person(Vem::Sokande, Personuppgift::Fornamn)), Some("Ange förnamn."));
        assert!(fel_for(&fel, Falt::Postnummer).is_some());
        assert!(fel_for(&fel, Falt::Telefon).is_some());
        assert!(fel_for(&fel, Falt::Relation).is_some());
    }

    #[test]
    fn ages_decide_who_may_be_applicant_and_child() {
        let mut f = form();
        f.sokande.pnr = pnr(2010, 1, 1, 982);
        f.barn.push(falt(pnr(2000, 1, 1, 983), "Stor"));
        f.barn.push(falt(pnr(2006, 6, 1, 984), "Nitton"));
        let mut gymnasist = falt(pnr(2006, 7, 1, 985), "Gymnasist");
        gymnasist.gar_i_gymnasiet = true;
        f.barn.push(gymnasist);
        let fel = f.validera(today()).unwrap_err();
        assert!(fel_for(&fel, Falt::Person(Vem::Sokande, Personuppgift::Pnr)).unwrap().contains("minst 18 år"));
        assert!(fel_for(&fel, Falt::Person(Vem::Barn(0), Personuppgift::Pnr)).unwrap().contains("eget ärende"));
        assert!(fel_for(&fel, Falt::Person(Vem::Barn(1), Personuppgift::Pnr)).unwrap().contains("gymnasiet"));
        assert_eq!(fel_for(&fel, Falt::Person(Vem::Barn(2), Personuppgift::Pnr)), None);
    }

    #[test]
    fn the_same_person_cannot_be_in_the_form_twice() {
        let mut f = form();
        f.har_medsokande = true;
        f.relation = Some(Relation::Gift);
        f.medsokande = f.sokande.clone();
        let fel = f.validera(today()).unwrap_err();
        assert_eq!(
            fel_for(&fel, Falt::Person(Vem::Medsokande, Personuppgift::Pnr)),
            Some("Samma person finns redan i formuläret.")
        );
    }
}

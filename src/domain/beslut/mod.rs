//! Decisions (beslut): an outcome per applied item, motivering for every refused part, the law
//! in force for the period, and the children's best interest where there are children.

pub mod aterkrav;
pub mod barn;
pub mod formular;
pub mod fraser;
pub mod lagrum;
pub mod poster;
pub mod underlag;

use super::belopp::Belopp;
use super::falt::{Falt, FaltFel, Postuppgift};
use super::manad::Manad;
use crate::kodlista;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use underlag::{Beslutsgrund, Beslutsunderlag, Utbetalning};

kodlista! {
    /// The outcome of one item, derived from applied and granted amounts.
    pub enum Utfall {
        Bifall = ("bifall", "Bifall"),
        Delavslag = ("delavslag", "Delvis bifall (delavslag)"),
        Avslag = ("avslag", "Avslag"),
        Aterkrav = ("aterkrav", "Återkrav"),
    }
}

impl Utfall {
    /// Whether the decision goes against the applicant: it must then carry a besvärshänvisning.
    pub fn ar_negativt(self) -> bool {
        self != Utfall::Bifall
    }
}

/// One decided item: försörjningsstöd for the month, or an item such as tandvård.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Beslutspost {
    pub sak: String,
    pub ansokt: Belopp,
    pub beviljat: Belopp,
    pub motivering: String,
    /// Granted under the discretionary rule (bistånd utöver rätten).
    pub utover_ratten: bool,
    /// Granted as an advance to be paid back, with the reason.
    pub mot_aterkrav: Option<String>,
}

impl Beslutspost {
    pub fn utfall(&self) -> Utfall {
        if self.beviljat >= self.ansokt && self.ansokt > Belopp::NOLL {
            Utfall::Bifall
        } else if self.beviljat > Belopp::NOLL {
            Utfall::Delavslag
        } else {
            Utfall::Avslag
        }
    }

    pub fn avslaget(&self) -> Belopp {
        if self.ansokt > self.beviljat { self.ansokt - self.beviljat } else { Belopp::NOLL }
    }
}

/// A decision as it is taken (before it is stored, after which it never changes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NyttBeslut {
    pub arende_id: i64,
    pub ansokan_id: Option<i64>,
    pub datum: NaiveDate,
    pub period: Manad,
    pub beslutsfattare: String,
    pub delegation: String,
    pub foredragande: String,
    pub barnets_basta: String,
    pub poster: Vec<Beslutspost>,
    /// The earlier decision this one changes (omprövning/ändring).
    pub andrar: Option<i64>,
    /// What the decision rests on: the calculation, or a ground that refuses without one.
    pub grund: Beslutsgrund,
    /// The period in dates, and when and to whom the money is paid.
    pub utbetalning: Option<Utbetalning>,
}

/// A stored decision with what it cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SparatBeslut {
    pub id: i64,
    pub beslut: NyttBeslut,
    pub utfall: Utfall,
    /// The law references the decision rests on.
    pub lagrum: String,
    /// The provision on appeal for the period (empty when not verified for that law).
    pub overklagande: String,
    pub skapad: String,
    pub av: String,
    /// The frozen record the letter prints from (absent for decisions taken before it existed).
    pub underlag: Option<Beslutsunderlag>,
}

/// The unit as every letter header names it (a setting the unit edits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enhet {
    pub namnd: String,
    pub forvaltning: String,
    pub enhet: String,
    pub adress: String,
    /// Where clients come for a meeting.
    #[serde(default)]
    pub besoksadress: String,
    pub telefon: String,
    pub oppettider: String,
    /// The court that hears appeals against the unit's decisions ("Förvaltningsrätten i …").
    #[serde(default = "Enhet::standard_domstol")]
    pub forvaltningsratt: String,
    /// Whether the unit has checked the court (the shipped default is only a guess).
    #[serde(default)]
    pub forvaltningsratt_kontrollerad: bool,
}

impl Enhet {
    /// The default court until the unit sets its own: a setting to check.
    pub fn standard_domstol() -> String {
        "Förvaltningsrätten i Stockholm".into()
    }

    /// The court as letters name it (the default when the setting is empty).
    pub fn domstol(&self) -> String {
        let d = self.forvaltningsratt.trim();
        if d.is_empty() { Enhet::standard_domstol() } else { d.to_string() }
    }
}

impl Default for Enhet {
    /// A fictitious unit until the real one is entered.
    fn default() -> Enhet {
        Enhet {
            namnd: "Socialnämnden i Exempelstad".into(),
            forvaltning: "Exempelstadens stadsdelsförvaltning".into(),
            enhet: "Enheten för ekonomiskt bistånd".into(),
            adress: "Box 100, 123 45 Exempelstad".into(),
            besoksadress: "Exempelvägen 10, plan 2, Exempelstad".into(),
            telefon: "08-000 00 00".into(),
            oppettider: "telefontid vardagar 9–11".into(),
            forvaltningsratt: Enhet::standard_domstol(),
            forvaltningsratt_kontrollerad: false,
        }
    }
}

/// The whole decision's outcome: bifall only if every item is granted in full.
pub fn samlat_utfall(poster: &[Beslutspost]) -> Utfall {
    let utfall: Vec<Utfall> = poster.iter().map(Beslutspost::utfall).collect();
    if utfall.iter().all(|u| *u == Utfall::Bifall) {
        Utfall::Bifall
    } else if utfall.iter().all(|u| *u == Utfall::Avslag) {
        Utfall::Avslag
    } else {
        Utfall::Delavslag
    }
}

/// A refusal on a ground other than the calculation grants nothing.
pub fn kontrollera_grund(grund: Beslutsgrund, poster: &[Beslutspost]) -> Option<FaltFel> {
    (grund != Beslutsgrund::Berakning && poster.iter().any(|p| p.beviljat > Belopp::NOLL)).then(|| {
        FaltFel::new(
            Falt::Grund,
            format!("Ett beslut som grundar sig på att {} kan inte bevilja något belopp.", grund.namn().to_lowercase()),
        )
    })
}

/// Checks what förvaltningslagen and the unit require before a decision can be saved.
pub fn kontrollera(poster: &[Beslutspost], har_barn: bool, barnets_basta: &str, beslutsfattare: &str) -> Vec<FaltFel> {
    let mut fel = Vec::new();
    if poster.is_empty() {
        fel.push(FaltFel::new(Falt::Poster, "Ett beslut måste gälla minst en ansökt post."));
    }
    for (i, p) in poster.iter().enumerate() {
        if p.beviljat > p.ansokt {
            fel.push(FaltFel::new(
                Falt::Post(i, Postuppgift::Beviljat),
                "Det beviljade beloppet kan inte vara större än det ansökta.",
            ));
        }
        if p.utfall().ar_negativt() && p.motivering.trim().is_empty() {
            fel.push(FaltFel::new(
                Falt::Post(i, Postuppgift::Motivering),
                format!("Skriv en motivering till varför {} avslås, helt eller delvis.", p.sak.to_lowercase()),
            ));
        }
        if let Some(vad) = fraser::ofylld_platshallare(&p.motivering) {
            fel.push(FaltFel::new(
                Falt::Post(i, Postuppgift::Motivering),
                format!("Fyll i det som står inom hakparentes i motiveringen: «{vad}»."),
            ));
        }
        if p.mot_aterkrav.as_ref().is_some_and(|s| s.trim().is_empty()) {
            fel.push(FaltFel::new(Falt::Post(i, Postuppgift::Aterkrav), "Skriv varför biståndet ges mot återkrav."));
        }
    }
    if har_barn && barnets_basta.trim().is_empty() {
        fel.push(FaltFel::new(Falt::BarnetsBasta, "Beskriv hur barnens bästa har beaktats i beslutet."));
    }
    if beslutsfattare.trim().is_empty() {
        fel.push(FaltFel::new(Falt::Beslutsfattare, "Ange vem som fattar beslutet."));
    }
    fel
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hushall::fel_for;

    fn post(ansokt: i64, beviljat: i64, motivering: &str) -> Beslutspost {
        Beslutspost {
            sak: "Försörjningsstöd".into(),
            ansokt: Belopp::kronor(ansokt),
            beviljat: Belopp::kronor(beviljat),
            motivering: motivering.into(),
            utover_ratten: false,
            mot_aterkrav: None,
        }
    }

    #[test]
    fn the_outcome_follows_the_amounts() {
        assert_eq!(post(7000, 7000, "").utfall(), Utfall::Bifall);
        assert_eq!(post(7000, 5000, "").utfall(), Utfall::Delavslag);
        assert_eq!(post(7000, 5000, "").avslaget(), Belopp::kronor(2000));
        assert_eq!(post(7000, 0, "").utfall(), Utfall::Avslag);
        assert_eq!(samlat_utfall(&[post(1, 1, ""), post(2, 2, "")]), Utfall::Bifall);
        assert_eq!(samlat_utfall(&[post(1, 1, ""), post(2, 0, "x")]), Utfall::Delavslag);
        assert_eq!(samlat_utfall(&[post(1, 0, "x"), post(2, 0, "x")]), Utfall::Avslag);
        assert!(Utfall::Delavslag.ar_negativt() && !Utfall::Bifall.ar_negativt());
    }

    #[test]
    fn every_refused_part_needs_a_motivering_and_children_their_best_interest() {
        let fel = kontrollera(&[post(7000, 5000, " "), post(100, 200, "")], true, "", "");
        assert!(fel_for(&fel, Falt::Post(0, Postuppgift::Motivering)).unwrap().contains("avslås"));
        assert!(fel_for(&fel, Falt::Post(1, Postuppgift::Beviljat)).is_some());
        assert!(fel_for(&fel, Falt::BarnetsBasta).is_some());
        assert!(fel_for(&fel, Falt::Beslutsfattare).is_some());
        let ok = kontrollera(&[post(7000, 7000, "")], false, "", "Beslutande Person");
        assert!(ok.is_empty());
        let mut aterkrav = post(7000, 7000, "");
        aterkrav.mot_aterkrav = Some(" ".into());
        assert!(fel_for(&kontrollera(&[aterkrav], false, "", "X"), Falt::Post(0, Postuppgift::Aterkrav)).is_some());
        let ofylld = post(7000, 0, "Den [ange: datum då aktiviteten erbjöds] anvisade vi dig till praktik.");
        let fel = kontrollera(&[ofylld], false, "", "X");
        assert!(
            fel_for(&fel, Falt::Post(0, Postuppgift::Motivering)).unwrap().contains("datum då aktiviteten erbjöds")
        );
    }
}

//! FIA – Förutsättningar inför arbete: the interview defined by versioned data, taken in any
//! order, paused and resumed; every area done, skipped (with reason) or left; a summary, goals,
//! and a later interview compared area by area with the earlier one.

use crate::kodlista;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Omrade {
    pub id: String,
    pub rubrik: String,
    /// A sensitive life area: left out of a printed summary unless the caseworker includes it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kanslig: bool,
}

/// Areas that are always sensitive, also in a definition stored before the flag existed: violence
/// in a close relationship, mental health, and habits (where substance abuse is discussed).
const ALLTID_KANSLIGA: &[&str] = &["vald", "psykisk_halsa", "levnadsvanor"];

impl Omrade {
    pub fn ar_kanslig(&self) -> bool {
        self.kanslig || ALLTID_KANSLIGA.contains(&self.id.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Avsnitt {
    pub id: String,
    pub rubrik: String,
    pub omraden: Vec<Omrade>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiaDefinition {
    pub version: u32,
    /// FIA's target group: months on assistance after which the interview is offered ("about five").
    #[serde(default = "malgrupp_manader")]
    pub malgrupp_manader: u32,
    pub introduktion: String,
    pub avsnitt: Vec<Avsnitt>,
}

pub fn levererad_definition() -> FiaDefinition {
    serde_json::from_str(include_str!("../data/fia.json")).unwrap_or(FiaDefinition {
        version: 0,
        malgrupp_manader: malgrupp_manader(),
        introduktion: String::new(),
        avsnitt: vec![],
    })
}

impl FiaDefinition {
    pub fn fran_json(text: &str) -> Result<FiaDefinition, String> {
        let d: FiaDefinition = serde_json::from_str(text)
            .map_err(|e| format!("FIA-definitionen går inte att läsa (rad {}).", e.line()))?;
        if d.avsnitt.iter().all(|a| a.omraden.is_empty()) {
            return Err("FIA-definitionen har inga områden.".into());
        }
        if !(1..=60).contains(&d.malgrupp_manader) {
            return Err("FIA-definitionens målgrupp (malgrupp_manader) ska vara 1–60 månader med bistånd.".into());
        }
        Ok(d)
    }

    /// Every area in order, with its section.
    pub fn omraden(&self) -> impl Iterator<Item = (&Avsnitt, &Omrade)> {
        self.avsnitt.iter().flat_map(|a| a.omraden.iter().map(move |o| (a, o)))
    }
}

kodlista! {
    /// The client's own view of whether an area affects the way to work.
    pub enum Paverkar {
        Ja = ("ja", "Ja, påverkar"),
        Delvis = ("delvis", "Delvis"),
        Nej = ("nej", "Nej, påverkar inte"),
    }
}

/// What was said about one area.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Omradessvar {
    pub klientens_beskrivning: String,
    pub klientens_syn: Option<Paverkar>,
    pub bedomning: String,
    pub stodbehov: bool,
    pub klart: bool,
    /// Set when the area was skipped, with the reason.
    pub hoppat_over: Option<String>,
}

/// Where an area stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Klart,
    Hoppat,
    Kvar,
}

impl Omradessvar {
    pub fn status(&self) -> Status {
        if self.hoppat_over.as_ref().is_some_and(|o| !o.trim().is_empty()) {
            Status::Hoppat
        } else if self.klart {
            Status::Klart
        } else {
            Status::Kvar
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Mal {
    pub mal: String,
    pub delmal: Vec<String>,
}

/// A whole interview (kept as it is typed: autosaved, resumed later).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FiaIntervju {
    pub definition_version: u32,
    pub datum: Option<NaiveDate>,
    pub svar: BTreeMap<String, Omradessvar>,
    /// The caseworker's assessment of the prerequisites for demands and work.
    pub sammanfattande_bedomning: String,
    pub mal: Vec<Mal>,
    /// Where the interview was paused, to resume there.
    #[serde(default)]
    pub senaste_sida: Option<String>,
    /// The adult of the household the interview is with (the applicant when not chosen).
    #[serde(default)]
    pub person_id: Option<i64>,
}

impl FiaIntervju {
    pub fn svar_for(&self, omrade: &str) -> Omradessvar {
        self.svar.get(omrade).cloned().unwrap_or_default()
    }

    /// Whether the interview was left before every area was done or skipped.
    pub fn pausad(&self, d: &FiaDefinition) -> bool {
        self.lage(d).2 > 0
    }

    /// How many areas are done, skipped and left.
    pub fn lage(&self, d: &FiaDefinition) -> (usize, usize, usize) {
        let mut t = (0, 0, 0);
        for (_, o) in d.omraden() {
            match self.svar_for(&o.id).status() {
                Status::Klart => t.0 += 1,
                Status::Hoppat => t.1 += 1,
                Status::Kvar => t.2 += 1,
            }
        }
        t
    }

    /// The areas (ids) whose answers differ between this interview and an earlier one.
    pub fn andrade_omraden(&self, tidigare: &FiaIntervju, d: &FiaDefinition) -> Vec<String> {
        d.omraden()
            .filter(|(_, o)| self.svar_for(&o.id) != tidigare.svar_for(&o.id))
            .map(|(_, o)| o.id.clone())
            .collect()
    }
}

/// FIA's target group when a definition does not say: about five months or more on assistance.
fn malgrupp_manader() -> u32 {
    5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nine_known_life_areas_ship_and_a_unit_can_add_more() {
        let d = levererad_definition();
        assert_eq!(d.avsnitt[0].omraden.len(), 9);
        assert_eq!(
            d.avsnitt.iter().map(|a| a.rubrik.as_str()).collect::<Vec<_>>(),
            ["Social livssituation", "Mål och arbete", "Arbetsmarknadsinsatser och krav"]
        );
        let mut ny = d.clone();
        ny.version = 2;
        ny.avsnitt[0].omraden.push(Omrade {
            id: "sysselsattning".into(),
            rubrik: "Sysselsättning".into(),
            kanslig: false,
        });
        let inlast = FiaDefinition::fran_json(&serde_json::to_string(&ny).unwrap()).unwrap();
        assert_eq!(inlast.omraden().count(), d.omraden().count() + 1);
        // An interview taken with the old version still reads under it.
        let mut intervju = FiaIntervju { definition_version: 1, ..Default::default() };
        intervju.svar.insert("boende".into(), Omradessvar { klart: true, ..Default::default() });
        assert_eq!(intervju.lage(&d), (1, 0, d.omraden().count() - 1));
    }

    #[test]
    fn the_target_group_is_data_and_an_absurd_one_is_refused() {
        let d = levererad_definition();
        assert_eq!(d.malgrupp_manader, 5, "about five months, from the shipped fia.json");
        let mut json: serde_json::Value = serde_json::to_value(&d).unwrap();
        json["malgrupp_manader"] = 6.into();
        assert_eq!(FiaDefinition::fran_json(&json.to_string()).unwrap().malgrupp_manader, 6);
        json["malgrupp_manader"] = 0.into();
        assert!(FiaDefinition::fran_json(&json.to_string()).unwrap_err().contains("målgrupp"));
        // A definition written before the setting existed keeps the default.
        json.as_object_mut().unwrap().remove("malgrupp_manader");
        assert_eq!(FiaDefinition::fran_json(&json.to_string()).unwrap().malgrupp_manader, 5);
    }

    #[test]
    fn status_and_comparison() {
        let d = levererad_definition();
        let mut a = FiaIntervju::default();
        a.svar.insert(
            "boende".into(),
            Omradessvar { klientens_beskrivning: "Trångt".into(), klart: true, ..Default::default() },
        );
        a.svar.insert(
            "skulder".into(),
            Omradessvar { hoppat_over: Some("Vill inte prata om det nu".into()), ..Default::default() },
        );
        assert_eq!(a.svar_for("skulder").status(), Status::Hoppat);
        assert_eq!(a.lage(&d).0, 1);
        let mut b = a.clone();
        b.svar.insert(
            "boende".into(),
            Omradessvar { klientens_beskrivning: "Eget kontrakt nu".into(), klart: true, ..Default::default() },
        );
        b.svar.insert("natverk".into(), Omradessvar { klientens_beskrivning: "Ny vän".into(), ..Default::default() });
        assert_eq!(b.andrade_omraden(&a, &d), vec!["boende".to_string(), "natverk".to_string()]);
    }
}

//! Initial bedömning (IB), parts 1–3, as forms defined by data: a unit changes the fields
//! without a new build, and answers keep the definition version they were given under. Del 2
//! (Jobbtorg) is passed on only with the client's recorded consent.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Falt {
    pub id: String,
    pub etikett: String,
    /// `text`, `rad`, `val` or `janej`.
    pub typ: String,
    #[serde(default)]
    pub val: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Del {
    pub id: String,
    pub rubrik: String,
    /// Whether passing this part on needs the client's consent (Del 2, Jobbtorg).
    #[serde(default)]
    pub samtycke: bool,
    pub falt: Vec<Falt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IbDefinition {
    pub version: u32,
    pub delar: Vec<Del>,
}

/// The definition shipped with the program (`src/data/ib.json`).
pub fn levererad_definition() -> IbDefinition {
    serde_json::from_str(include_str!("../data/ib.json")).unwrap_or(IbDefinition { version: 0, delar: vec![] })
}

impl IbDefinition {
    /// Reads and checks a definition a unit wrote; the message says what is wrong.
    pub fn fran_json(text: &str) -> Result<IbDefinition, String> {
        let d: IbDefinition = serde_json::from_str(text)
            .map_err(|e| format!("Definitionen går inte att läsa (rad {}): kontrollera JSON-formatet.", e.line()))?;
        if d.delar.is_empty() {
            return Err("Definitionen har inga delar.".into());
        }
        let mut nycklar = std::collections::HashSet::new();
        for del in &d.delar {
            for f in &del.falt {
                if !["text", "rad", "val", "janej"].contains(&f.typ.as_str()) {
                    return Err(format!(
                        "Fältet \"{}\" har okänd typ \"{}\" (använd text, rad, val eller janej).",
                        f.etikett, f.typ
                    ));
                }
                if f.typ == "val" && f.val.is_empty() {
                    return Err(format!("Fältet \"{}\" är ett val men saknar alternativ.", f.etikett));
                }
                if !nycklar.insert(format!("{}.{}", del.id, f.id)) {
                    return Err(format!("Fältet {}.{} finns två gånger.", del.id, f.id));
                }
            }
        }
        Ok(d)
    }
}

/// A client's answers: keyed `del.falt`, with the definition version and the Jobbtorg consent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct IbSvar {
    pub definition_version: u32,
    pub svar: BTreeMap<String, String>,
    /// The date the client consented to Del 2 being passed to Jobbtorg.
    #[serde(default)]
    pub samtycke_jobbtorg: Option<NaiveDate>,
}

impl IbSvar {
    /// Whether a part may be printed or passed on: parts needing consent only with it.
    pub fn far_lamnas_ut(&self, del: &Del) -> Result<(), String> {
        if del.samtycke && self.samtycke_jobbtorg.is_none() {
            return Err(format!(
                "{} får inte skrivas ut eller lämnas till Jobbtorg utan klientens samtycke.",
                del.rubrik
            ));
        }
        Ok(())
    }

    /// The answers another user saved (`ny`) with this form's own changes since `fore`, the
    /// answers it was opened with, on top: what "Läs in den nya versionen" leaves in the form.
    pub fn pa_ny_version(&self, fore: &IbSvar, ny: &IbSvar) -> IbSvar {
        let mut resultat = ny.clone();
        for (nyckel, varde) in &self.svar {
            if fore.svar.get(nyckel) != Some(varde) {
                resultat.svar.insert(nyckel.clone(), varde.clone());
            }
        }
        if self.samtycke_jobbtorg != fore.samtycke_jobbtorg {
            resultat.samtycke_jobbtorg = self.samtycke_jobbtorg;
        }
        resultat
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_definition_has_parts_1_to_3_and_del_2_needs_consent() {
        let d = levererad_definition();
        assert_eq!(d.delar.len(), 3);
        assert!(d.delar[1].samtycke && !d.delar[0].samtycke);
        assert!(IbDefinition::fran_json(&serde_json::to_string(&d).unwrap()).is_ok());
        let mut svar = IbSvar::default();
        assert!(svar.far_lamnas_ut(&d.delar[1]).unwrap_err().contains("samtycke"));
        assert!(svar.far_lamnas_ut(&d.delar[0]).is_ok());
        svar.samtycke_jobbtorg = NaiveDate::from_ymd_opt(2026, 11, 23);
        assert!(svar.far_lamnas_ut(&d.delar[1]).is_ok());
    }

    #[test]
    fn a_units_definition_is_checked() {
        let mut d = levererad_definition();
        d.delar[0].falt.push(Falt { id: "husdjur".into(), etikett: "Husdjur".into(), typ: "rad".into(), val: vec![] });
        assert!(IbDefinition::fran_json(&serde_json::to_string(&d).unwrap()).is_ok());
        d.delar[0].falt.push(Falt { id: "x".into(), etikett: "X".into(), typ: "bild".into(), val: vec![] });
        assert!(IbDefinition::fran_json(&serde_json::to_string(&d).unwrap()).unwrap_err().contains("okänd typ"));
        assert!(IbDefinition::fran_json("{").is_err());
    }

    #[test]
    fn reading_in_keeps_the_fields_changed_here_and_takes_the_others_from_the_new_version() {
        let svar = |par: &[(&str, &str)]| IbSvar {
            svar: par.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            ..Default::default()
        };
        let fore = svar(&[("del1.boende", "Hyra 6 000 kr")]);
        let har = svar(&[("del1.boende", "Hyra 6 000 kr"), ("del1.inkomster", "Lön")]);
        let ny = svar(&[("del1.boende", "Hyra 6 500 kr"), ("del1.hushall", "Vera ensam")]);
        let efter = har.pa_ny_version(&fore, &ny);
        assert_eq!(
            efter.svar,
            svar(&[("del1.boende", "Hyra 6 500 kr"), ("del1.hushall", "Vera ensam"), ("del1.inkomster", "Lön")]).svar
        );
    }
}

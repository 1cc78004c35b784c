//! Återkrav: the condition recorded on a grant made against repayment (33:2 förskott on a named
//! benefit for a named period, or 33:3 bistånd beyond the right on a condition), and the later
//! återkrav decision that names the grant, the benefit and what it actually paid for the same
//! period, and recovers at most that. Återkrav for wrong or withheld information (33:1) is its
//! own kind, resting on stated facts.

use super::SparatBeslut;
use crate::domain::belopp::Belopp;
use crate::domain::datum::parse_datum;
use crate::domain::falt::{Falt, FaltFel};
use crate::kodlista;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

kodlista! {
    /// The ground of an återkrav.
    pub enum Aterkravsgrund {
        Forskott = ("forskott", "Förskott på en förmån"),
        Villkor = ("villkor", "Bistånd utöver rätten med villkor om återbetalning"),
        FelaktigaUppgifter = ("felaktiga_uppgifter", "Oriktiga eller utelämnade uppgifter"),
    }
}

/// The repayment condition of a grant, as the client was told it (frozen with the grant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aterkravsvillkor {
    /// Förskott or Villkor (never FelaktigaUppgifter: that is not agreed beforehand).
    pub grund: Aterkravsgrund,
    /// The benefit the advance waits for, e.g. "sjukpenning från Försäkringskassan" (förskott).
    pub forman: String,
    /// The period the benefit is for, in words, e.g. "maj 2025" (förskott).
    pub forman_period: String,
    /// The condition in the words the client was told.
    pub villkor: String,
    /// When the client was told, and how (at a meeting, by phone, in writing …).
    pub underrattad_den: NaiveDate,
    pub underrattad_hur: String,
}

/// The grant's repayment condition as typed in the decision form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct VillkorFalt {
    /// "forskott" or "villkor".
    pub grund: String,
    pub forman: String,
    pub forman_period: String,
    pub villkor: String,
    pub underrattad_den: String,
    pub underrattad_hur: String,
}

impl VillkorFalt {
    /// The condition, checked against the grant's decision date: the client must have been told
    /// on or before the day of the grant.
    pub fn validera(&self, beslutsdatum: NaiveDate) -> Result<Aterkravsvillkor, Vec<FaltFel>> {
        let mut fel = Vec::new();
        let grund = match Aterkravsgrund::fran_kod(self.grund.trim()) {
            Some(g @ (Aterkravsgrund::Forskott | Aterkravsgrund::Villkor)) => Some(g),
            _ => {
                fel.push(FaltFel::new(
                    Falt::AterkravGrund,
                    "Välj om biståndet är ett förskott på en förmån eller bistånd utöver rätten med villkor.",
                ));
                None
            }
        };
        if grund == Some(Aterkravsgrund::Forskott) {
            if self.forman.trim().is_empty() {
                fel.push(FaltFel::new(Falt::AterkravForman, "Ange vilken förmån förskottet avser."));
            }
            if self.forman_period.trim().is_empty() {
                fel.push(FaltFel::new(Falt::AterkravFormanPeriod, "Ange vilken period förmånen gäller."));
            }
        }
        if self.villkor.trim().is_empty() {
            fel.push(FaltFel::new(Falt::AterkravVillkor, "Skriv villkoret så som det sades till den sökande."));
        }
        let den = match parse_datum(self.underrattad_den.trim(), beslutsdatum) {
            Ok(d) if d > beslutsdatum => {
                fel.push(FaltFel::new(
                    Falt::AterkravUnderrattadDen,
                    "Den sökande ska ha fått veta villkoret senast den dag biståndet beviljas.",
                ));
                None
            }
            Ok(d) => Some(d),
            Err(_) => {
                fel.push(FaltFel::new(
                    Falt::AterkravUnderrattadDen,
                    "Ange när den sökande fick veta villkoret (ÅÅÅÅ-MM-DD).",
                ));
                None
            }
        };
        if self.underrattad_hur.trim().is_empty() {
            fel.push(FaltFel::new(
                Falt::AterkravUnderrattadHur,
                "Ange hur den sökande fick veta villkoret (till exempel vid besök eller per telefon).",
            ));
        }
        match (grund, den) {
            (Some(grund), Some(underrattad_den)) if fel.is_empty() => Ok(Aterkravsvillkor {
                grund,
                forman: self.forman.trim().to_string(),
                forman_period: self.forman_period.trim().to_string(),
                villkor: self.villkor.trim().to_string(),
                underrattad_den,
                underrattad_hur: self.underrattad_hur.trim().to_string(),
            }),
            _ => Err(fel),
        }
    }
}

/// What an återkrav decision recovers and why (frozen with the återkrav decision).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aterkravsuppgifter {
    pub grund: Aterkravsgrund,
    /// The grant decision that paid the money.
    pub bevilning_id: i64,
    pub bevilning_datum: NaiveDate,
    /// The grant's month in words ("maj 2025") and what it granted (against repayment for
    /// förskott/villkor; everything for wrong information).
    pub bevilning_period: String,
    pub beviljat: Belopp,
    /// The benefit and what it actually paid for the same period (förskott).
    pub forman: String,
    pub forman_utbetalt: Option<Belopp>,
    /// The amount recovered (at most the cap).
    pub belopp: Belopp,
    /// The facts the decision rests on (required for wrong or withheld information).
    pub fakta: String,
    /// The grant's condition as the client was told it.
    pub villkor: Option<Aterkravsvillkor>,
}

/// The most that can be recovered: for a förskott what the benefit paid for the same period
/// (never more than the advance), otherwise what was granted.
pub fn tak(grund: Aterkravsgrund, beviljat: Belopp, forman_utbetalt: Option<Belopp>) -> Belopp {
    match (grund, forman_utbetalt) {
        (Aterkravsgrund::Forskott, Some(u)) => u.min(beviljat),
        (Aterkravsgrund::Forskott, None) => Belopp::NOLL,
        _ => beviljat,
    }
}

/// The återkrav decision as typed in its form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AterkravsFormular {
    pub bevilning_id: Option<i64>,
    /// "forskott", "villkor" or "felaktiga_uppgifter".
    pub grund: String,
    /// What the benefit actually paid for the same period (förskott).
    pub forman_utbetalt: String,
    pub belopp: String,
    pub fakta: String,
    pub beslutsfattare: String,
    pub delegation: String,
}

impl AterkravsFormular {
    /// Checks the form against the grant it names.
    pub fn validera(&self, bevilning: &SparatBeslut) -> Result<Aterkravsuppgifter, Vec<FaltFel>> {
        let mut fel = Vec::new();
        let Some(grund) = Aterkravsgrund::fran_kod(self.grund.trim()) else {
            return Err(vec![FaltFel::new(Falt::AterkravGrund, "Välj vad återkravet grundar sig på.")]);
        };
        let villkor = bevilning.underlag.as_ref().and_then(|u| u.aterkravsvillkor.clone());
        let mot_aterkrav: Belopp =
            bevilning.beslut.poster.iter().filter(|p| p.mot_aterkrav.is_some()).map(|p| p.beviljat).sum();
        let beviljat = if grund == Aterkravsgrund::FelaktigaUppgifter {
            bevilning.beslut.poster.iter().map(|p| p.beviljat).sum()
        } else {
            mot_aterkrav
        };
        if grund != Aterkravsgrund::FelaktigaUppgifter {
            match &villkor {
                Some(v) if v.grund == grund => {}
                Some(v) => fel.push(FaltFel::new(
                    Falt::AterkravGrund,
                    format!("Biståndet beviljades som {}, inte som detta.", v.grund.namn().to_lowercase()),
                )),
                None => fel.push(FaltFel::new(
                    Falt::AterkravGrund,
                    "Beslutet har inget villkor om återbetalning som den sökande har fått veta. Då kan biståndet bara krävas tillbaka om det betalades ut på grund av oriktiga uppgifter.",
                )),
            }
        }
        let forman_utbetalt = if grund == Aterkravsgrund::Forskott {
            Belopp::parse_icke_negativt(&self.forman_utbetalt)
                .map_err(|_| {
                    fel.push(FaltFel::new(
                        Falt::AterkravFormanUtbetalt,
                        "Ange vad förmånen faktiskt betalade ut för samma period, i kronor.",
                    ))
                })
                .ok()
        } else {
            None
        };
        if grund == Aterkravsgrund::FelaktigaUppgifter && self.fakta.trim().is_empty() {
            fel.push(FaltFel::new(
                Falt::AterkravFakta,
                "Beskriv vilka uppgifter som var oriktiga eller utelämnades och vad de ledde till.",
            ));
        }
        let belopp = Belopp::parse_icke_negativt(&self.belopp)
            .map_err(|e| fel.push(FaltFel::new(Falt::AterkravBelopp, e.to_string())))
            .ok();
        let max = tak(grund, beviljat, forman_utbetalt);
        if let Some(b) = belopp {
            if b == Belopp::NOLL {
                fel.push(FaltFel::new(Falt::AterkravBelopp, "Ange ett belopp större än noll."));
            } else if b > max && fel.is_empty() {
                fel.push(FaltFel::new(
                    Falt::AterkravBelopp,
                    format!("Högst {} kan krävas tillbaka för det här beslutet.", max.i_text()),
                ));
            }
        }
        if self.beslutsfattare.trim().is_empty() {
            fel.push(FaltFel::new(Falt::Beslutsfattare, "Ange vem som fattar beslutet."));
        }
        match belopp {
            Some(belopp) if fel.is_empty() => Ok(Aterkravsuppgifter {
                grund,
                bevilning_id: bevilning.id,
                bevilning_datum: bevilning.beslut.datum,
                bevilning_period: crate::domain::klarsprak::manad(bevilning.beslut.period),
                beviljat,
                forman: villkor.as_ref().map(|v| v.forman.clone()).unwrap_or_default(),
                forman_utbetalt,
                belopp,
                fakta: self.fakta.trim().to_string(),
                villkor,
            }),
            _ => Err(fel),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forskott_is_recovered_up_to_what_the_benefit_paid() {
        let k = Belopp::kronor;
        assert_eq!(tak(Aterkravsgrund::Forskott, k(4000), Some(k(2500))), k(2500));
        assert_eq!(tak(Aterkravsgrund::Forskott, k(4000), Some(k(9000))), k(4000));
        assert_eq!(tak(Aterkravsgrund::Forskott, k(4000), None), Belopp::NOLL);
        assert_eq!(tak(Aterkravsgrund::Villkor, k(4000), None), k(4000));
    }

    #[test]
    fn the_client_must_have_been_told_by_the_grant_day() {
        let d = |s: &str| parse_datum(s, NaiveDate::MIN).unwrap();
        let mut f = VillkorFalt {
            grund: "forskott".into(),
            forman: "sjukpenning".into(),
            forman_period: "maj 2025".into(),
            villkor: "Du betalar tillbaka när sjukpenningen kommer.".into(),
            underrattad_den: "2025-05-07".into(),
            underrattad_hur: "vid besök".into(),
        };
        let fel = f.validera(d("2025-05-06")).unwrap_err();
        assert!(crate::domain::falt::fel_for(&fel, Falt::AterkravUnderrattadDen).is_some());
        f.underrattad_den = "2025-05-06".into();
        assert_eq!(f.validera(d("2025-05-06")).unwrap().grund, Aterkravsgrund::Forskott);
        f.underrattad_hur = " ".into();
        assert!(f.validera(d("2025-05-06")).is_err());
    }
}

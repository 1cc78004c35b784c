//! The decision form as typed, and its validation into a decision.

use super::underlag::{Beslutsgrund, Utbetalning};
use super::{Beslutspost, NyttBeslut, kontrollera, kontrollera_grund};
use crate::domain::belopp::Belopp;
use crate::domain::datum::parse_datum;
use crate::domain::falt::{Falt, FaltFel, Postuppgift};
use crate::domain::manad::Manad;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PostFalt {
    pub sak: String,
    pub ansokt: String,
    pub beviljat: String,
    pub motivering: String,
    pub utover_ratten: bool,
    pub mot_aterkrav: bool,
    pub aterkrav_skal: String,
}

/// What the caseworker fills in (kept as a draft while typing).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BeslutsFormular {
    pub ansokan_id: Option<i64>,
    pub period: String,
    pub poster: Vec<PostFalt>,
    pub barnets_basta: String,
    pub beslutsfattare: String,
    pub delegation: String,
    pub foredragande: String,
    /// The earlier decision on the same application that this one changes.
    #[serde(default)]
    pub andrar: Option<i64>,
    /// What the decision rests on; a refusal on another ground attaches no calculation.
    #[serde(default)]
    pub grund: Beslutsgrund,
    /// The period in dates (YYYY-MM-DD), the payment day and the payee.
    #[serde(default)]
    pub period_fran: String,
    #[serde(default)]
    pub period_till: String,
    #[serde(default)]
    pub utbetalningsdag: String,
    #[serde(default)]
    pub betalas_till: String,
    /// The barnkonsekvensanalys per child (required for an avslag or delavslag with children).
    #[serde(default)]
    pub barn: Vec<super::barn::Barnbedomning>,
    /// The repayment condition when a post is granted against repayment.
    #[serde(default)]
    pub aterkravsvillkor: super::aterkrav::VillkorFalt,
}

impl BeslutsFormular {
    /// The amounts of a post as entered, if they parse.
    pub fn belopp(p: &PostFalt) -> (Option<Belopp>, Option<Belopp>) {
        (Belopp::parse_icke_negativt(&p.ansokt).ok(), Belopp::parse_icke_negativt(&p.beviljat).ok())
    }

    pub fn validera(&self, arende_id: i64, idag: NaiveDate, har_barn: bool) -> Result<NyttBeslut, Vec<FaltFel>> {
        let mut fel = Vec::new();
        let period = Manad::parse(&self.period).map_err(|e| fel.push(FaltFel::new(Falt::Period, e))).ok();
        let mut poster = Vec::new();
        for (i, p) in self.poster.iter().enumerate() {
            if p.sak.trim().is_empty() {
                fel.push(FaltFel::new(
                    Falt::Post(i, Postuppgift::Sak),
                    "Ange vad som söks (t.ex. försörjningsstöd, tandvård).",
                ));
            }
            let ansokt = Belopp::parse_icke_negativt(&p.ansokt)
                .map_err(|e| fel.push(FaltFel::new(Falt::Post(i, Postuppgift::Ansokt), e.to_string())))
                .ok();
            let beviljat = Belopp::parse_icke_negativt(&p.beviljat)
                .map_err(|e| fel.push(FaltFel::new(Falt::Post(i, Postuppgift::Beviljat), e.to_string())))
                .ok();
            if let (Some(ansokt), Some(beviljat)) = (ansokt, beviljat) {
                poster.push(Beslutspost {
                    sak: p.sak.trim().to_string(),
                    ansokt,
                    beviljat,
                    motivering: p.motivering.trim().to_string(),
                    utover_ratten: p.utover_ratten,
                    mot_aterkrav: p.mot_aterkrav.then(|| p.aterkrav_skal.trim().to_string()),
                });
            }
        }
        let barnets_basta = self.barnets_basta_for(&poster, har_barn, &mut fel);
        // With an analysis per child the free text is not asked for (it is built from the analysis).
        let fritext_kravs = har_barn && !Self::kraver_barnanalys(&poster, har_barn);
        fel.extend(kontrollera(&poster, fritext_kravs, &barnets_basta, &self.beslutsfattare));
        fel.extend(kontrollera_grund(self.grund, &poster));
        let beviljar = poster.iter().any(|p| p.beviljat > Belopp::NOLL);
        let utbetalning = self.utbetalning(idag, beviljar, &mut fel);
        match period {
            Some(period) if fel.is_empty() => Ok(NyttBeslut {
                arende_id,
                ansokan_id: self.ansokan_id,
                datum: idag,
                period,
                beslutsfattare: self.beslutsfattare.trim().to_string(),
                delegation: self.delegation.trim().to_string(),
                foredragande: self.foredragande.trim().to_string(),
                barnets_basta,
                poster,
                andrar: self.andrar,
                grund: self.grund,
                utbetalning,
            }),
            _ => Err(fel),
        }
    }
}

impl BeslutsFormular {
    /// Whether the decision needs a barnkonsekvensanalys per child: an avslag or delavslag on a
    /// household with children.
    pub fn kraver_barnanalys(poster: &[super::Beslutspost], har_barn: bool) -> bool {
        har_barn && !poster.is_empty() && super::samlat_utfall(poster).ar_negativt()
    }

    /// The children's best interest as the decision states it: built from the analysis per child
    /// when the decision goes against the household, else the caseworker's own text.
    fn barnets_basta_for(&self, poster: &[super::Beslutspost], har_barn: bool, fel: &mut Vec<FaltFel>) -> String {
        if !Self::kraver_barnanalys(poster, har_barn) {
            return self.barnets_basta.trim().to_string();
        }
        if self.barn.is_empty() {
            fel.push(FaltFel::new(
                Falt::BarnetsBasta,
                "Gör en barnkonsekvensanalys för varje barn innan du avslår, helt eller delvis.",
            ));
            return String::new();
        }
        let namn: Vec<String> = self.barn.iter().map(|b| b.namn.clone()).collect();
        fel.extend(super::barn::kontrollera(&self.barn, &namn));
        super::barn::sammanfattning(&self.barn)
    }

    /// The period in dates, and for a decision that grants money the payment day and payee.
    fn utbetalning(&self, idag: NaiveDate, beviljar: bool, fel: &mut Vec<FaltFel>) -> Option<Utbetalning> {
        let mut datum =
            |text: &str, falt: Falt| parse_datum(text, idag).map_err(|e| fel.push(FaltFel::new(falt, e))).ok();
        let fran = datum(&self.period_fran, Falt::PeriodFran);
        let till = datum(&self.period_till, Falt::PeriodTill);
        let dag = if beviljar { datum(&self.utbetalningsdag, Falt::Utbetalningsdag) } else { None };
        if let (Some(f), Some(t)) = (fran, till)
            && t < f
        {
            fel.push(FaltFel::new(Falt::PeriodTill, "Periodens slut kan inte ligga före dess början."));
        }
        if beviljar && self.betalas_till.trim().is_empty() {
            fel.push(FaltFel::new(
                Falt::BetalasTill,
                "Ange vart pengarna betalas: ditt konto, hyresvärden eller leverantören.",
            ));
        }
        Some(Utbetalning {
            fran: fran?,
            till: till?,
            datum: if beviljar { dag? } else { idag },
            mottagare: self.betalas_till.trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hushall::fel_for;

    fn idag() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn a_filled_form_becomes_a_decision_and_a_refusal_needs_its_reason() {
        let mut f = BeslutsFormular {
            period: "2026-11".into(),
            poster: vec![PostFalt {
                sak: "Försörjningsstöd".into(),
                ansokt: "9 000".into(),
                beviljat: "7 500".into(),
                ..Default::default()
            }],
            beslutsfattare: "Beslutande".into(),
            period_fran: "2026-11-01".into(),
            period_till: "2026-10-31".into(),
            utbetalningsdag: "2026-11-25".into(),
            ..Default::default()
        };
        let fel = f.validera(1, idag(), true).unwrap_err();
        assert!(fel_for(&fel, Falt::PeriodTill).is_some(), "the period ends before it starts");
        assert!(fel_for(&fel, Falt::BetalasTill).is_some(), "money granted goes somewhere");
        f.period_till = "2026-11-30".into();
        f.betalas_till = "hyresvärden AB Bostäder, bankgiro 123-4567".into();
        assert!(fel_for(&fel, Falt::Post(0, Postuppgift::Motivering)).is_some());
        assert!(fel_for(&fel, Falt::BarnetsBasta).is_some());
        f.poster[0].motivering = "Hyran är för hög.".into();
        // A free text no longer passes for a delavslag: each child needs an analysis.
        f.barnets_basta = "Barnen påverkas inte av delavslaget på hyran denna månad.".into();
        assert!(fel_for(&f.validera(1, idag(), true).unwrap_err(), Falt::BarnetsBasta).is_some());
        f.barn = crate::domain::beslut::barn::Barnbedomning::for_barn(&["Elsa".into()]);
        assert!(
            fel_for(&f.validera(1, idag(), true).unwrap_err(), Falt::Barn(0, crate::domain::falt::Barnuppgift::Vagt))
                .is_some()
        );
        f.barn[0].paverkan = "Hushållet får 1 500 kr mindre till hyran".into();
        f.barn[0].asikt = "Elsa är två år; hennes åsikt har inte inhämtats".into();
        f.barn[0].vagt = "Tryggt boende mot att hyran är över den skäliga nivån".into();
        f.barn[0].slutsats = "Delavslaget står sig".into();
        let b = f.validera(1, idag(), true).unwrap();
        assert!(b.barnets_basta.starts_with("Så påverkar beslutet Elsa"), "{}", b.barnets_basta);
        assert_eq!(b.poster[0].avslaget(), Belopp::kronor(1500));
        f.poster[0].mot_aterkrav = true;
        assert!(fel_for(&f.validera(1, idag(), true).unwrap_err(), Falt::Post(0, Postuppgift::Aterkrav)).is_some());
    }
}

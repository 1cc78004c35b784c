//! Barnkonsekvensanalys: before any avslag or delavslag on a household with children, each child
//! is considered on its own – how the decision affects the child, whether the child's view was
//! sought (or why not), what was weighed, and the conclusion. The analysis is frozen with the
//! decision and the letter's "Barnets bästa" is built from it, so no fixed sentence can claim
//! something the outcome contradicts.

use crate::domain::falt::{Barnuppgift, Falt, FaltFel};
use serde::{Deserialize, Serialize};

/// One child's analysis as typed, and as frozen with the decision.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Barnbedomning {
    /// The child's first name, as the letter names the child.
    pub namn: String,
    /// How the decision affects the child.
    pub paverkan: String,
    /// Whether the child's view was sought and what it was – or why it was not sought.
    pub asikt: String,
    /// What was weighed against the child's interest.
    pub vagt: String,
    /// The conclusion.
    pub slutsats: String,
}

impl Barnbedomning {
    /// One analysis per child, names filled in.
    pub fn for_barn(namn: &[String]) -> Vec<Barnbedomning> {
        namn.iter().map(|n| Barnbedomning { namn: n.clone(), ..Default::default() }).collect()
    }
}

/// Checks that every child of `barn` has a complete analysis; messages at each field.
pub fn kontrollera(bedomningar: &[Barnbedomning], barn: &[String]) -> Vec<FaltFel> {
    let mut fel = Vec::new();
    for namn in barn {
        if !bedomningar.iter().any(|b| b.namn.trim() == namn.trim()) {
            fel.push(FaltFel::new(
                Falt::BarnetsBasta,
                format!("Gör en barnkonsekvensanalys för {namn} innan beslutet fattas."),
            ));
        }
    }
    for (i, b) in bedomningar.iter().enumerate() {
        let namn = b.namn.trim();
        let krav = [
            (Barnuppgift::Paverkan, &b.paverkan, "Beskriv hur beslutet påverkar"),
            (
                Barnuppgift::Asikt,
                &b.asikt,
                "Skriv om barnets åsikt har inhämtats, och vad den var, eller varför inte, för",
            ),
            (Barnuppgift::Vagt, &b.vagt, "Skriv vad som har vägts mot barnets bästa för"),
            (Barnuppgift::Slutsats, &b.slutsats, "Skriv slutsatsen för"),
        ];
        for (uppgift, text, fraga) in krav {
            if text.trim().is_empty() {
                fel.push(FaltFel::new(Falt::Barn(i, uppgift), format!("{fraga} {namn}.")));
            }
        }
    }
    fel
}

/// The analysis in one text, as the decision row keeps it.
pub fn sammanfattning(bedomningar: &[Barnbedomning]) -> String {
    bedomningar.iter().map(stycke).collect::<Vec<_>>().join("\n\n")
}

/// One child's analysis as the letter's paragraph.
pub fn stycke(b: &Barnbedomning) -> String {
    let punkt = |s: &str| {
        let s = s.trim().trim_end_matches('.');
        format!("{s}.")
    };
    format!(
        "Så påverkar beslutet {}: {} Barnets åsikt: {} Det här har vi vägt: {} Vår slutsats: {}",
        b.namn.trim(),
        punkt(&b.paverkan),
        punkt(&b.asikt),
        punkt(&b.vagt),
        punkt(&b.slutsats)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_child_needs_every_part_of_the_analysis() {
        let barn = vec!["Elsa".to_string(), "Omar".to_string()];
        let mut b = Barnbedomning::for_barn(&barn[..1]);
        let fel = kontrollera(&b, &barn);
        assert!(fel.iter().any(|f| f.falt == Falt::BarnetsBasta && f.text.contains("Omar")));
        assert!(fel.iter().any(|f| f.falt == Falt::Barn(0, Barnuppgift::Asikt)));
        b[0].paverkan = "Elsa får mindre pengar till fritid".into();
        b[0].asikt = "Elsa är tre år; hennes åsikt har inte inhämtats".into();
        b[0].vagt = "Hyran är högre än den skäliga nivån".into();
        b[0].slutsats = "Beslutet står sig".into();
        assert!(kontrollera(&b, &barn[..1]).is_empty());
        assert!(stycke(&b[0]).starts_with("Så påverkar beslutet Elsa: Elsa får mindre pengar till fritid."));
    }
}

//! Beslut om återkrav: which grant it recovers, on which ground, the benefit and what it paid
//! for the same period, the amount, the law by the date of the grant decision, how to pay or
//! agree on an instalment plan, that the nämnd may take the claim to förvaltningsrätten and may
//! waive it. An återkrav decision cannot be appealed, so the letter has no appeal page.
//! Also the sentence a grant's letter uses to state its repayment condition.

use super::layout::Block;
use crate::domain::beslut::aterkrav::{Aterkravsgrund, Aterkravsuppgifter, Aterkravsvillkor};
use crate::domain::beslut::lagrum::{Amne, Lagrumsdata};
use crate::domain::beslut::{Enhet, SparatBeslut};
use crate::domain::klarsprak::{datum, kronor};
use chrono::NaiveDate;

/// The provisions an återkrav letter cites, chosen by the grant decision's date (the old law
/// for bistånd granted before 2025-07-01).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aterkravslagrum {
    /// 9 kap. 1–2 §§ / 33 kap. 1–3 §§: the ground of the claim.
    pub grund: String,
    /// 9 kap. 3 § / 33 kap. 4–5 §§: the nämnd takes an unpaid claim to förvaltningsrätten.
    pub domstol: String,
    /// 9 kap. 4 § / 33 kap. 6 §: the claim can be waived.
    pub eftergift: String,
}

impl Aterkravslagrum {
    /// For an återkrav on `grund` of a grant decided on `bevilning`; an error names a provision
    /// missing in the data.
    pub fn for_grund(data: &Lagrumsdata, grund: Aterkravsgrund, bevilning: NaiveDate) -> Result<Self, String> {
        let amne = match grund {
            Aterkravsgrund::Forskott => Amne::AterkravForskott,
            Aterkravsgrund::Villkor => Amne::AterkravVillkor,
            Aterkravsgrund::FelaktigaUppgifter => Amne::AterkravFelaktigaUppgifter,
        };
        Ok(Aterkravslagrum {
            grund: data.citera(amne, bevilning)?,
            domstol: data.citera(Amne::AterkravDomstol, bevilning)?,
            eftergift: data.citera(Amne::AterkravEftergift, bevilning)?,
        })
    }

    /// As stored with the decision.
    pub fn som_text(&self) -> String {
        format!("{}; {}; {}", self.grund, self.domstol, self.eftergift)
    }
}

/// How a grant's letter states the repayment condition and when and how the client was told.
pub fn villkorstext(v: &Aterkravsvillkor) -> String {
    let villkor = v.villkor.trim().trim_end_matches('.');
    format!(
        "Villkoret för återbetalning är: {villkor}. Vi berättade om villkoret för dig den {} ({}).",
        datum(v.underrattad_den),
        v.underrattad_hur.trim().trim_end_matches('.')
    )
}

/// Why the money is recovered, in the client's terms.
fn varfor(a: &Aterkravsuppgifter) -> Vec<Block> {
    let mut block = Vec::new();
    match a.grund {
        Aterkravsgrund::Forskott => {
            let period =
                a.villkor.as_ref().map(|v| v.forman_period.clone()).unwrap_or_else(|| a.bevilning_period.clone());
            block.push(Block::Stycke(format!(
                "Biståndet var ett förskott i väntan på {} för {period}. Nu har {} betalats ut för samma tid med {}. Vi kräver tillbaka det du fick i förskott, men aldrig mer än vad ersättningen gav för samma tid.",
                a.forman, a.forman, kronor(a.forman_utbetalt.unwrap_or_default())
            )));
        }
        Aterkravsgrund::Villkor => block.push(Block::Stycke(
            "Biståndet gavs utöver det du har rätt till, på villkor att du betalar tillbaka det.".into(),
        )),
        Aterkravsgrund::FelaktigaUppgifter => {
            block.push(Block::Stycke(
                "Du fick bistånd som du inte hade rätt till, eftersom uppgifter som vi behövde för att pröva din ansökan var felaktiga eller saknades.".into(),
            ));
            block.push(Block::Stycke(format!("Det här har vi kommit fram till: {}", a.fakta.trim())));
        }
    }
    if let Some(v) = &a.villkor {
        block.push(Block::Stycke(villkorstext(v)));
    }
    if a.grund != Aterkravsgrund::FelaktigaUppgifter && !a.fakta.trim().is_empty() {
        block.push(Block::Stycke(a.fakta.trim().to_string()));
    }
    block
}

/// The letter's blocks for the återkrav decision `b` recovering what `a` says.
pub fn aterkravsbrev(b: &SparatBeslut, a: &Aterkravsuppgifter, enhet: &Enhet, lagrum: &Aterkravslagrum) -> Vec<Block> {
    let mut block = vec![Block::Stycke(format!(
        "Den {} beslutade vi att du skulle få {} i ekonomiskt bistånd för {}{}. Nu har vi beslutat att du ska betala tillbaka {}.",
        datum(a.bevilning_datum),
        kronor(a.beviljat),
        a.bevilning_period,
        if a.grund == Aterkravsgrund::FelaktigaUppgifter { "" } else { " mot återkrav" },
        if a.belopp == a.beviljat { "det".to_string() } else { "en del av det".to_string() }
    ))];
    block.push(Block::Rubrik("Beslut".into()));
    block.push(Block::Fakta("Du ska betala tillbaka".into(), kronor(a.belopp)));
    block.push(Block::Luft(2.0));
    block.push(Block::Rubrik("Motivering".into()));
    block.extend(varfor(a));
    block.push(Block::Underrubrik("Lagrum".into()));
    block.push(Block::Stycke(format!("Beslutet är fattat med stöd av {}.", lagrum.grund)));
    block.push(Block::Underrubrik("Så betalar du".into()));
    block.push(Block::Stycke(format!(
        "Du får ett inbetalningskort från oss. Kan du inte betala hela beloppet på en gång, ring oss på {}, {}, så kommer vi överens om en avbetalningsplan.",
        enhet.telefon, enhet.oppettider
    )));
    block.push(Block::Underrubrik("Om du inte betalar".into()));
    block.push(Block::Stycke(format!(
        "Om du inte betalar kan nämnden begära hos förvaltningsrätten att du ska betala ({}). Domstolen prövar då om du ska betala.",
        lagrum.domstol
    )));
    block.push(Block::Underrubrik("Om du inte kan betala".into()));
    block.push(Block::Stycke(format!(
        "Nämnden kan helt eller delvis avstå från återkravet (efterge det) om det finns skäl för det, till exempel om du inte har möjlighet att betala ({}). Vill du att vi prövar det, hör av dig till oss.",
        lagrum.eftergift
    )));
    block.push(Block::Stycke(
        "Ett beslut om återkrav går inte att överklaga. Håller du inte med oss, hör av dig så går vi igenom det tillsammans."
            .into(),
    ));
    block.push(Block::Luft(4.0));
    block.push(Block::Fakta("Beslutet är fattat av".into(), b.beslut.beslutsfattare.clone()));
    block.push(Block::Stycke(format!("Har du frågor? Ring oss på {}, {}.", enhet.telefon, enhet.oppettider)));
    block
}

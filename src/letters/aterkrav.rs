//! Beslut om återkrav of bistånd granted against repayment: what is recovered and why, the law
//! by the date of the grant decision, how to pay or agree on an instalment plan, that the nämnd
//! may take the claim to förvaltningsrätten and may waive it. An återkrav decision cannot be
//! appealed, so the letter has no appeal page.

use super::layout::Block;
use crate::domain::beslut::lagrum::{Amne, Lagrumsdata};
use crate::domain::beslut::{Beslutspost, Enhet, SparatBeslut};
use crate::domain::klarsprak::{datum, kronor, manad};

/// The provisions an återkrav letter cites, chosen by the grant decision's date (the old law
/// for bistånd granted before 2025-07-01).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aterkravslagrum {
    /// 9 kap. 2 § / 33 kap. 2–3 §§: the ground of the claim.
    pub grund: String,
    /// 9 kap. 3 § / 33 kap. 4–5 §§: the nämnd takes an unpaid claim to förvaltningsrätten.
    pub domstol: String,
    /// 9 kap. 4 § / 33 kap. 6 §: the claim can be waived.
    pub eftergift: String,
}

impl Aterkravslagrum {
    /// For the items granted in `bevilning`; an error names a provision missing in the data.
    pub fn for_bevilning(data: &Lagrumsdata, bevilning: &SparatBeslut) -> Result<Aterkravslagrum, String> {
        let d = bevilning.beslut.datum;
        let villkor = bevilning.beslut.poster.iter().any(|p| p.mot_aterkrav.is_some() && p.utover_ratten);
        let grund = if villkor { Amne::AterkravVillkor } else { Amne::AterkravForskott };
        Ok(Aterkravslagrum {
            grund: data.citera(grund, d)?,
            domstol: data.citera(Amne::AterkravDomstol, d)?,
            eftergift: data.citera(Amne::AterkravEftergift, d)?,
        })
    }
}

fn varfor(p: &Beslutspost, skal: &str) -> String {
    if p.utover_ratten {
        format!("Biståndet gavs utöver rätten på villkor att du betalar tillbaka det ({skal}).")
    } else if skal.starts_with("i väntan på") {
        format!(
            "Biståndet var ett förskott {skal}. Du ska betala tillbaka det när ersättningen har betalats ut för samma tid, men aldrig mer än vad ersättningen gav för samma tid."
        )
    } else {
        format!(
            "Biståndet var ett förskott ({skal}). Du ska betala tillbaka det när ersättningen har betalats ut för samma tid, men aldrig mer än vad ersättningen gav för samma tid."
        )
    }
}

/// The letter's blocks for the grant decision `bevilning`.
pub fn aterkravsbrev(bevilning: &SparatBeslut, enhet: &Enhet, lagrum: &Aterkravslagrum) -> Vec<Block> {
    let b = &bevilning.beslut;
    let mut block = Vec::new();
    for p in b.poster.iter().filter(|p| p.mot_aterkrav.is_some()) {
        let skal = p.mot_aterkrav.as_deref().unwrap_or_default().trim().trim_end_matches('.');
        block.push(Block::Stycke(format!(
            "Den {} beslutade vi att du skulle få {} i ekonomiskt bistånd ({}) för {} mot återkrav.",
            datum(b.datum),
            kronor(p.beviljat),
            p.sak.to_lowercase(),
            manad(b.period)
        )));
        block.push(Block::Stycke(varfor(p, skal)));
        block.push(Block::Rubrik("Beslut".into()));
        block.push(Block::Fakta("Du ska betala tillbaka".into(), kronor(p.beviljat)));
        block.push(Block::Luft(2.0));
    }
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
    block.push(Block::Fakta("Beslutet är fattat av".into(), b.beslutsfattare.clone()));
    block.push(Block::Stycke(format!("Har du frågor? Ring oss på {}, {}.", enhet.telefon, enhet.oppettider)));
    block
}

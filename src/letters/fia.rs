//! The FIA sammanställning: every area with the client's view beside the caseworker's
//! assessment, the assessment of prerequisites for demands and work, and the goals.

use super::layout::{Block, Kolumn};
use crate::domain::fia::{FiaDefinition, FiaIntervju, Status};

/// The summary; the sensitive areas only when `med_kansliga` (the caseworker chose to include
/// them for this printout), otherwise a line saying that some areas are left out.
pub fn sammanstallning(d: &FiaDefinition, f: &FiaIntervju, med_kansliga: bool) -> Vec<Block> {
    let mut block = Vec::new();
    if let Some(datum) = f.datum {
        block.push(Block::Stycke(format!(
            "Samtalet hölls den {} (formulär version {}).",
            crate::domain::klarsprak::datum(datum),
            d.version
        )));
    }
    for avsnitt in &d.avsnitt {
        block.push(Block::Rubrik(avsnitt.rubrik.clone()));
        let rader = avsnitt
            .omraden
            .iter()
            .filter(|o| med_kansliga || !o.ar_kanslig())
            .map(|o| {
                let s = f.svar_for(&o.id);
                let klient = match (s.status(), s.klientens_syn) {
                    (Status::Hoppat, _) => format!("Hoppades över: {}", s.hoppat_over.clone().unwrap_or_default()),
                    (_, None) if s.klientens_beskrivning.trim().is_empty() => "Inte besvarat".into(),
                    (_, syn) => {
                        let syn = syn.map(|p| p.namn()).unwrap_or("–");
                        format!("{} ({syn})", s.klientens_beskrivning.trim())
                    }
                };
                let bedomning = format!("{}{}", s.bedomning.trim(), if s.stodbehov { " Stöd behövs." } else { "" });
                vec![o.rubrik.clone(), klient, bedomning]
            })
            .collect();
        block.push(Block::Tabell {
            kolumner: vec![
                Kolumn { rubrik: "Område".into(), bredd: 42.0, hoger: false },
                Kolumn { rubrik: "Klientens beskrivning och syn".into(), bredd: 62.0, hoger: false },
                Kolumn { rubrik: "Handläggarens bedömning".into(), bredd: 56.0, hoger: false },
            ],
            rader,
            sista_fet: false,
        });
    }
    if !med_kansliga && d.omraden().any(|(_, o)| o.ar_kanslig()) {
        block.push(Block::Stycke(
            "Några områden med känsliga uppgifter finns inte med i den här utskriften. Det du berättade om dem finns hos oss, och du kan alltid be att få ta del av det.".into(),
        ));
    }
    block.push(Block::Rubrik("Sammanställning och bedömning".into()));
    block.push(Block::Stycke(if f.sammanfattande_bedomning.trim().is_empty() {
        "–".into()
    } else {
        f.sammanfattande_bedomning.trim().into()
    }));
    block.push(Block::Rubrik("Mål och delmål".into()));
    if f.mal.is_empty() {
        block.push(Block::Stycke("–".into()));
    }
    for m in &f.mal {
        let delmal: Vec<String> =
            m.delmal.iter().filter(|d| !d.trim().is_empty()).map(|d| format!("• {}", d.trim())).collect();
        block.push(Block::Underrubrik(m.mal.clone()));
        if !delmal.is_empty() {
            block.push(Block::Stycke(delmal.join("\n")));
        }
    }
    block
}

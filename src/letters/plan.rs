//! Förändringsplanen printed for signing: the eight headings in order with the client's
//! words, the steps with who and when, the follow-up dates, the requirements, and lines for
//! both signatures.

use super::layout::{Block, Kolumn};
use crate::domain::klarsprak::datum_fran_text;
use crate::domain::plan::{Planinnehall, RUBRIKER};

/// Who signs the plan: the client whose plan it is and the caseworker.
pub struct Underskrift<'a> {
    pub klient: &'a str,
    pub handlaggare: &'a str,
}

/// `utkast` marks a plan not yet agreed; `overenskommen` is the agreed date.
pub fn planbrev(p: &Planinnehall, utkast: bool, overenskommen: Option<&str>, under: &Underskrift) -> Vec<Block> {
    let mut block = Vec::new();
    if utkast {
        block.push(Block::Rubrik("UTKAST – planen är inte överenskommen än".into()));
    }
    for (i, rubrik) in RUBRIKER.iter().enumerate() {
        block.push(Block::Rubrik(format!("{}. {rubrik}", i + 1)));
        match i {
            4 if !p.steg.is_empty() => block.push(Block::Tabell {
                kolumner: vec![
                    Kolumn { rubrik: "Steg".into(), bredd: 90.0, hoger: false },
                    Kolumn { rubrik: "Vem".into(), bredd: 32.0, hoger: false },
                    Kolumn { rubrik: "Senast".into(), bredd: 38.0, hoger: false },
                ],
                rader: p
                    .steg
                    .iter()
                    .map(|a| {
                        vec![
                            a.vad.clone(),
                            a.vem.map(|v| v.namn().to_string()).unwrap_or_default(),
                            datum_fran_text(&a.senast),
                        ]
                    })
                    .collect(),
                sista_fet: false,
            }),
            6 if !p.uppfoljning.is_empty() => block.push(Block::Tabell {
                kolumner: vec![
                    Kolumn { rubrik: "Datum".into(), bredd: 38.0, hoger: false },
                    Kolumn { rubrik: "Uppföljning".into(), bredd: 122.0, hoger: false },
                ],
                rader: p.uppfoljning.iter().map(|u| vec![datum_fran_text(&u.datum), u.vad.clone()]).collect(),
                sista_fet: false,
            }),
            _ => {
                let text = p.stegtext(i);
                block.push(Block::Stycke(if text.is_empty() { "–".into() } else { text }));
            }
        }
    }
    block.push(Block::Luft(6.0));
    block.push(Block::Underrubrik(match overenskommen {
        Some(d) => format!("Planen är överenskommen den {}", datum_fran_text(d)),
        None => "Underskrifter när planen är överenskommen".into(),
    }));
    block.push(Block::Luft(10.0));
    block.push(Block::Fakta("Datum ____________________".into(), "Datum ____________________".into()));
    block.push(Block::Luft(12.0));
    block.push(Block::Fakta("_______________________________".into(), "_______________________________".into()));
    let klient = if under.klient.trim().is_empty() { "Klienten" } else { under.klient };
    let handlaggare = if under.handlaggare.trim().is_empty() { "Handläggare" } else { under.handlaggare };
    block.push(Block::Fakta(klient.into(), format!("{handlaggare}, socialsekreterare")));
    block
}

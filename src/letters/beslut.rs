//! Beslut om ekonomiskt bistånd: the decision per item, motivering, lagrum, the children's best
//! interest, who decided; the calculation as an attachment page; and for any avslag or
//! delavslag a separate page on how to appeal (`overklaga`).

use super::layout::{Block, Brevhuvud, Kolumn};
use super::overklaga::overklaga;
use crate::domain::beslut::{Beslutspost, Enhet, SparatBeslut, Utfall};
use crate::domain::hushall::Adress;
use crate::domain::klarsprak::{datum_fran_text, kronor, manad, utan_hela_oren};
use crate::domain::norm::{Radtyp, Resultat};

/// Who the letter goes to. A protected address is never printed.
#[derive(Debug, Clone)]
pub struct Mottagare {
    pub namn: String,
    pub adress: Adress,
    pub skyddad: bool,
}

/// What the internal handling sheet of a letter to a person with protected identity says.
fn hanteringsblad(mottagare: &Mottagare) -> Vec<String> {
    vec![
        format!("Brevet till {} ska hanteras manuellt: mottagaren har skyddade personuppgifter.", mottagare.namn),
        "Skicka brevet genom Skatteverkets vidarebefordran. Lägg brevet i ett kuvert märkt med mottagarens namn och personnummer (finns i ärendet) och lägg det i ett ytterkuvert till Skatteverket, som skickar det vidare. Skatteverkets adress för vidarebefordran finns på skatteverket.se.".into(),
        "Skriv aldrig mottagarens adress på brevet eller kuvertet, och använd inte fönsterkuvert med adress.".into(),
        "Ta bort det här bladet innan brevet skickas. Det hör inte till brevet.".into(),
    ]
}

/// The header shared by every letter kind: the unit, date, case number and recipient. For a
/// person with protected identity the window shows only the name, and an internal handling
/// sheet comes before the letter.
pub fn brevhuvud(
    enhet: &Enhet,
    logo: Option<Vec<u8>>,
    mottagare: &Mottagare,
    datum: &str,
    arendenummer: &str,
    titel: &str,
) -> Brevhuvud {
    let (mottagarrader, blad) = if mottagare.skyddad {
        (vec![mottagare.namn.clone()], hanteringsblad(mottagare))
    } else {
        (
            vec![
                mottagare.namn.clone(),
                mottagare.adress.gatuadress.clone(),
                format!("{} {}", mottagare.adress.postnummer, mottagare.adress.postort),
            ],
            Vec::new(),
        )
    };
    Brevhuvud {
        avsandare: vec![enhet.namnd.clone(), enhet.forvaltning.clone(), enhet.enhet.clone()],
        kontakt: vec![enhet.adress.clone(), format!("Telefon {}, {}", enhet.telefon, enhet.oppettider)],
        datum: datum_fran_text(datum),
        arendenummer: arendenummer.to_string(),
        mottagare: mottagarrader,
        hanteringsblad: blad,
        titel: titel.to_string(),
        logo,
    }
}

/// "Beviljas 7 000 kr", "Beviljas 5 000 kr, avslås 2 000 kr", "Avslås (7 000 kr ansökt)".
fn utfallstext(p: &Beslutspost) -> String {
    match p.utfall() {
        Utfall::Bifall => format!("Beviljas {}", kronor(p.beviljat)),
        Utfall::Delavslag => format!("Beviljas {}, avslås {}", kronor(p.beviljat), kronor(p.avslaget())),
        Utfall::Avslag => format!("Avslås ({} ansökt)", kronor(p.ansokt)),
    }
}

/// What a grant against repayment means for the client: an advance while waiting for a
/// benefit (paid back when it comes, at most what it pays for the same time), or bistånd
/// beyond the right on a repayment condition.
fn aterkravstext(p: &Beslutspost, skal: &str) -> String {
    let skal = skal.trim().trim_end_matches('.');
    if p.utover_ratten {
        format!(
            "Biståndet ges på villkor att du betalar tillbaka det ({skal}). Det betyder att vi kan kräva tillbaka {}.",
            kronor(p.beviljat)
        )
    } else if skal.starts_with("i väntan på") {
        format!(
            "Biståndet är ett förskott {skal} och ges mot återkrav. När ersättningen betalas ut för samma tid ska du betala tillbaka biståndet, högst {} och aldrig mer än vad ersättningen ger för samma tid.",
            kronor(p.beviljat)
        )
    } else {
        format!(
            "Biståndet ges mot återkrav: {skal}. Det betyder att du kan behöva betala tillbaka högst {}.",
            kronor(p.beviljat)
        )
    }
}

/// The letter's blocks. `andrar` is the earlier decision this one changes, if any.
pub fn beslutsbrev(
    b: &SparatBeslut,
    enhet: &Enhet,
    arendenummer: &str,
    berakning: Option<&Resultat>,
    andrar: Option<&SparatBeslut>,
) -> Vec<Block> {
    let d = &b.beslut;
    let period = manad(d.period);
    let mut block =
        vec![Block::Stycke(format!("Du har ansökt om ekonomiskt bistånd för {period}. Här är vårt beslut."))];
    block.push(Block::Rubrik("Beslut".into()));
    for p in &d.poster {
        block.push(Block::Fakta(format!("{} för {period}", p.sak), utfallstext(p)));
        if p.utover_ratten {
            block.push(Block::Stycke(format!(
                "{} beviljas som bistånd utöver rätten. Vi får ge sådant bistånd om det finns skäl för det, och vi bedömer att det finns skäl i ditt fall.",
                p.sak
            )));
        }
        if let Some(skal) = &p.mot_aterkrav {
            block.push(Block::Stycke(aterkravstext(p, skal)));
        }
    }
    block.push(Block::Luft(2.0));
    if d.poster.iter().any(|p| p.beviljat > crate::domain::Belopp::NOLL) {
        block.push(Block::Stycke("Pengarna betalas ut till det konto du har anmält.".into()));
    }
    if berakning.is_some() {
        block.push(Block::Stycke("Hur vi har räknat ser du i bilagan.".into()));
    }
    let motiveringar: Vec<&str> = d.poster.iter().map(|p| p.motivering.trim()).filter(|m| !m.is_empty()).collect();
    if !motiveringar.is_empty() {
        block.push(Block::Rubrik("Motivering".into()));
        block.extend(motiveringar.into_iter().map(|m| Block::Stycke(m.to_string())));
    }
    block.push(Block::Underrubrik("Lagrum".into()));
    block.push(Block::Stycke(format!("Beslutet är fattat med stöd av {}.", b.lagrum)));
    if !d.barnets_basta.trim().is_empty() {
        block.push(Block::Underrubrik("Barnens bästa".into()));
        block.push(Block::Stycke(d.barnets_basta.trim().to_string()));
    }
    block.extend(avslutning(b, enhet, andrar));
    if let Some(r) = berakning {
        block.extend(bilaga(&period, r));
    }
    if b.utfall.ar_negativt() {
        block.extend(overklaga(b, enhet, arendenummer));
    }
    block
}

/// Who decided, the decision it changes (by date and subject, never an internal number) and
/// whom to call.
fn avslutning(b: &SparatBeslut, enhet: &Enhet, andrar: Option<&SparatBeslut>) -> Vec<Block> {
    let d = &b.beslut;
    let vem = if d.delegation.trim().is_empty() {
        d.beslutsfattare.clone()
    } else {
        format!("{}, {}", d.beslutsfattare, d.delegation)
    };
    let mut block = vec![Block::Luft(4.0), Block::Fakta("Beslutet är fattat av".into(), vem)];
    if !d.foredragande.trim().is_empty() {
        block.push(Block::Fakta("Föredragande".into(), d.foredragande.clone()));
    }
    if let Some(tidigare) = andrar {
        let t = &tidigare.beslut;
        let sak = t.poster.first().map(|p| p.sak.to_lowercase()).unwrap_or_else(|| "ekonomiskt bistånd".into());
        block.push(Block::Stycke(format!(
            "Det här beslutet ändrar vårt beslut den {} om {sak} för {}.",
            crate::domain::klarsprak::datum(t.datum),
            manad(t.period)
        )));
    } else if d.andrar.is_some() {
        block.push(Block::Stycke("Det här beslutet ändrar vårt tidigare beslut i samma ärende.".into()));
    }
    block.push(Block::Stycke(format!(
        "Har du frågor om beslutet? Ring oss på {}, {}.",
        enhet.telefon, enhet.oppettider
    )));
    block
}

/// The calculation as an attachment on a page of its own.
fn bilaga(period: &str, r: &Resultat) -> Vec<Block> {
    let rader: Vec<Vec<String>> = r
        .rader
        .iter()
        .map(|l| vec![utan_hela_oren(&l.text), if l.typ == Radtyp::Info { "–".into() } else { kronor(l.belopp) }])
        .collect();
    vec![
        Block::NySida,
        Block::Rubrik(format!("Bilaga: Beräkning för {period} (riksnorm {})", r.tabellar)),
        Block::Tabell {
            kolumner: vec![
                Kolumn { rubrik: "Post".into(), bredd: 120.0, hoger: false },
                Kolumn { rubrik: "Belopp".into(), bredd: 40.0, hoger: true },
            ],
            rader,
            sista_fet: true,
        },
    ]
}

//! The besvärshänvisning ("Så överklagar du"), on a page of its own after every adverse
//! decision: which court, that the decision applies at once, where and when to send the
//! appeal, what to write, and what the nämnd does with it (förvaltningslagen 43–45 §§, 37–38 §§).

use super::layout::Block;
use crate::domain::beslut::lagrum::{Amne, levererade_lagrum};
use crate::domain::beslut::{Enhet, SparatBeslut};
use crate::domain::klarsprak::datum;

/// The appeal page for decision `b`.
pub fn overklaga(b: &SparatBeslut, enhet: &Enhet, arendenummer: &str) -> Vec<Block> {
    let domstol = enhet.domstol();
    let mut block = vec![
        Block::NySida,
        Block::Rubrik("Så överklagar du".into()),
        Block::Stycke(format!(
            "Om du inte är nöjd med beslutet kan du överklaga det. Beslutet prövas då av {domstol}."
        )),
        Block::Stycke(
            "Beslutet gäller omedelbart, också om du överklagar det. Det gäller tills det ändras av oss eller av en domstol."
                .into(),
        ),
        Block::Underrubrik("Skicka överklagandet till oss".into()),
        Block::Stycke(format!(
            "Skicka ditt överklagande till {} – inte till förvaltningsrätten. Adressen är {}.",
            enhet.namnd, enhet.adress
        )),
        Block::Underrubrik("Inom tre veckor".into()),
        Block::Stycke(
            "Överklagandet måste ha kommit in till oss inom tre veckor från den dag du fick del av beslutet. Kommer det in senare kan det inte prövas."
                .into(),
        ),
        Block::Underrubrik("Det här ska stå i överklagandet".into()),
        Block::Stycke(format!(
            "• vilket beslut du överklagar: beslutet den {} i ärende {}\n• varför du tycker att beslutet är fel och vilken ändring du vill ha\n• ditt namn, personnummer, adress och telefonnummer",
            datum(b.beslut.datum),
            arendenummer
        )),
        Block::Stycke(
            "Skicka med det som stöder det du skriver, och skriv under överklagandet. Om någon annan (ett ombud) överklagar åt dig ska du bifoga en fullmakt."
                .into(),
        ),
        Block::Underrubrik("Vad händer sedan".into()),
        Block::Stycke(format!(
            "Vi kontrollerar först att överklagandet har kommit in i tid. Vi kan själva ändra beslutet. Om vi inte ändrar det så som du vill skickar vi överklagandet och handlingarna vidare till {domstol}."
        )),
        Block::Underrubrik("Vill du ha hjälp?".into()),
        Block::Stycke(format!(
            "Ring oss på {}, {}, så hjälper vi dig att överklaga.",
            enhet.telefon, enhet.oppettider
        )),
    ];
    block.push(Block::Stycke(lagrum(b)));
    block
}

/// "Beslutet kan överklagas enligt 35 kap. 1 § socialtjänstlagen (2025:400). …": the appeal
/// provision stored with the decision (by its date) and förvaltningslagen's rules.
fn lagrum(b: &SparatBeslut) -> String {
    let data = levererade_lagrum();
    let fl: Vec<String> = [Amne::OverklagandetsInlamning, Amne::Overklagandetid, Amne::Ratidsprovning, Amne::Andring]
        .into_iter()
        .filter_map(|a| data.citera(a, b.beslut.datum).ok())
        .collect();
    let mut text = String::new();
    if !b.overklagande.is_empty() {
        text.push_str(&format!("Beslutet kan överklagas enligt {}. ", b.overklagande));
    }
    let delar: Vec<(String, String)> =
        fl.iter().filter_map(|c| c.split_once("§ ").map(|(p, lag)| (format!("{p}§"), lag.to_string()))).collect();
    if let Some((_, lag)) = delar.first() {
        let paragrafer: Vec<&str> = delar.iter().map(|(p, _)| p.as_str()).collect();
        text.push_str(&format!("Hur överklagandet hanteras står i {} {lag}.", paragrafer.join(", ")));
    }
    text.trim().to_string()
}

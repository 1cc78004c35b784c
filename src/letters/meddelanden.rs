//! The short letters: kallelse till nybesök, begäran om komplettering, information om ny
//! handläggare and meddelande om avslut. Each only says what is on it.

use super::layout::Block;
use crate::domain::beslut::Enhet;
use crate::domain::klarsprak::{datum_fran_text, manad_fran_text};

fn punkter(rader: &[String]) -> String {
    rader.iter().map(|r| format!("• {r}")).collect::<Vec<_>>().join("\n")
}

/// Kallelse till nybesök: time, place, caseworker, documents to bring, how to rebook.
pub fn kallelse(enhet: &Enhet, tid: &str, plats: &str, handlaggare: &str, handlingar: &[String]) -> Vec<Block> {
    vec![
        Block::Stycke("Välkommen till ett första besök hos oss på enheten för ekonomiskt bistånd. Då går vi tillsammans igenom din situation och din ansökan.".into()),
        Block::Fakta("Tid".into(), datum_fran_text(tid)),
        Block::Fakta("Plats".into(), plats.into()),
        Block::Fakta("Du träffar".into(), handlaggare.into()),
        Block::Rubrik("Ta med dig".into()),
        Block::Stycke(punkter(handlingar)),
        Block::Stycke("Har du inte alla papper? Kom ändå, så går vi igenom vad som saknas.".into()),
        Block::Underrubrik("Om tiden inte passar".into()),
        Block::Stycke(format!("Ring oss på {}, {}, så bokar vi en ny tid.", enhet.telefon, enhet.oppettider)),
    ]
}

/// Begäran om komplettering: what is missing, the deadline, what happens otherwise.
pub fn komplettering(enhet: &Enhet, period: &str, saknas: &[String], sista_dag: &str) -> Vec<Block> {
    vec![
        Block::Stycke(format!(
            "Vi har fått din ansökan om ekonomiskt bistånd för {}. För att kunna pröva den behöver vi fler uppgifter från dig.",
            manad_fran_text(period)
        )),
        Block::Rubrik("Det här behöver vi".into()),
        Block::Stycke(punkter(saknas)),
        Block::Fakta("Skicka eller lämna in senast".into(), datum_fran_text(sista_dag)),
        Block::Luft(3.0),
        Block::Stycke(
            "Om vi inte har fått uppgifterna senast den dagen kan vi inte pröva ditt behov, och ansökan kan då avslås."
                .into(),
        ),
        Block::Stycke(format!("Har du frågor? Ring oss på {}, {}.", enhet.telefon, enhet.oppettider)),
    ]
}

/// Information om ny handläggare: who, and please call to book.
pub fn ny_handlaggare(enhet: &Enhet, namn: &str, fran: &str) -> Vec<Block> {
    vec![
        Block::Stycke(format!("Från och med den {} har du en ny handläggare hos oss.", datum_fran_text(fran))),
        Block::Fakta("Din handläggare".into(), namn.into()),
        Block::Fakta("Telefon".into(), format!("{}, {}", enhet.telefon, enhet.oppettider)),
        Block::Luft(3.0),
        Block::Stycke("Ring gärna och boka en tid så att ni kan träffas och gå igenom hur det går för dig.".into()),
    ]
}

/// Meddelande om avslut: why, and how to apply again.
pub fn avslut(enhet: &Enhet, datum: &str, orsak: &str) -> Vec<Block> {
    vec![
        Block::Stycke(format!("Ditt ärende hos oss är avslutat från och med den {}.", datum_fran_text(datum))),
        Block::Fakta("Orsak".into(), orsak.into()),
        Block::Luft(3.0),
        Block::Rubrik("Om du behöver stöd igen".into()),
        Block::Stycke(format!(
            "Du kan alltid ansöka om ekonomiskt bistånd på nytt. Ring oss på {}, {}. Ansöker du igen inom tre månader fortsätter du hos samma handläggargrupp.",
            enhet.telefon, enhet.oppettider
        )),
    ]
}

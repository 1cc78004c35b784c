//! The case (ärende): its status, the rules for changing it, and its classifications.

use crate::kodlista;
use chrono::NaiveDate;

kodlista! {
    /// Where a case stands.
    pub enum ArendeStatus {
        UnderUtredning = ("utredning", "Aktuell under utredning"),
        Aktuell = ("aktuell", "Aktuell"),
        Avslutad = ("avslutad", "Avslutad"),
    }
}

kodlista! {
    /// Why a case was closed.
    pub enum Avslutsorsak {
        Arbete = ("arbete", "Arbete"),
        Studier = ("studier", "Studier med studiemedel"),
        Ersattning = ("ersattning", "Annan ersättning (t.ex. a-kassa, sjukpenning)"),
        Sjukersattning = ("sjukersattning", "Sjukersättning eller pension"),
        Flyttat = ("flyttat", "Flyttat från stadsdelen"),
        EjAnsokt = ("ej_ansokt", "Har inte ansökt på en månad"),
        Overskott = ("overskott", "Egna medel räcker"),
        Avliden = ("avliden", "Avliden"),
        Ovrigt = ("ovrigt", "Annan orsak"),
    }
}

kodlista! {
    /// The main barrier to self-support (försörjningshinder).
    pub enum Forsorjningshinder {
        Arbetslos = ("arbetslos", "Arbetslös"),
        ArbetslosVantar = ("vantar", "Väntar på ersättning eller beslut"),
        OtillrackligInkomst = ("otillracklig", "Otillräcklig inkomst"),
        Sjukskriven = ("sjukskriven", "Sjukskriven med läkarintyg"),
        OhalsaUtanIntyg = ("ohalsa", "Arbetshinder på grund av ohälsa"),
        SocialaSkal = ("sociala", "Arbetshinder av sociala skäl"),
        Foraldraledig = ("foraldraledig", "Föräldraledig"),
        Sfi = ("sfi", "Introduktion, SFI eller etablering"),
        Studerande = ("studerande", "Studerande"),
        Ovrigt = ("ovrigt", "Annat hinder"),
    }
}

/// A requested change of status, checked against the case's current status.
pub fn kontrollera_statusbyte(
    fran: ArendeStatus,
    till: ArendeStatus,
    avslutsorsak: Option<Avslutsorsak>,
) -> Result<(), String> {
    use ArendeStatus::*;
    if fran == till {
        return Err(format!("Ärendet har redan status {}.", till.namn().to_lowercase()));
    }
    if till == Avslutad && avslutsorsak.is_none() {
        return Err("Välj en avslutsorsak innan ärendet avslutas.".into());
    }
    if fran == Aktuell && till == UnderUtredning {
        return Err(
            "Ett aktuellt ärende kan inte gå tillbaka till utredning. Avsluta det och aktualisera på nytt.".into()
        );
    }
    Ok(())
}

/// What a case is, as the header and the overview show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Arende {
    pub id: i64,
    pub hushall_id: i64,
    pub arendenummer: String,
    pub status: ArendeStatus,
    pub avslutsorsak: Option<Avslutsorsak>,
    pub socialsekreterare: String,
    pub bidragshandlaggare: String,
    pub forsorjningshinder: Option<Forsorjningshinder>,
    pub startdatum: NaiveDate,
    pub avslutsdatum: Option<NaiveDate>,
    /// The row's version when it was read: a save carries it, and is refused if another user
    /// saved the case in between.
    pub version: i64,
}

/// Formats an ärendenummer: the year and a four-digit running number, e.g. `2026-0142`.
pub fn format_arendenummer(year: i32, lopnummer: u32) -> String {
    format!("{year}-{lopnummer:04}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_needs_a_reason() {
        let r = kontrollera_statusbyte(ArendeStatus::Aktuell, ArendeStatus::Avslutad, None);
        assert!(r.unwrap_err().contains("avslutsorsak"));
        assert!(
            kontrollera_statusbyte(ArendeStatus::Aktuell, ArendeStatus::Avslutad, Some(Avslutsorsak::Arbete)).is_ok()
        );
    }

    #[test]
    fn a_closed_case_can_be_reopened_but_not_moved_back_to_investigation_from_current() {
        assert!(kontrollera_statusbyte(ArendeStatus::Avslutad, ArendeStatus::UnderUtredning, None).is_ok());
        assert!(kontrollera_statusbyte(ArendeStatus::Avslutad, ArendeStatus::Aktuell, None).is_ok());
        assert!(kontrollera_statusbyte(ArendeStatus::UnderUtredning, ArendeStatus::Aktuell, None).is_ok());
        assert!(kontrollera_statusbyte(ArendeStatus::Aktuell, ArendeStatus::UnderUtredning, None).is_err());
        assert!(kontrollera_statusbyte(ArendeStatus::Aktuell, ArendeStatus::Aktuell, None).is_err());
    }

    #[test]
    fn codes_round_trip_and_names_are_swedish() {
        for s in ArendeStatus::ALLA {
            assert_eq!(ArendeStatus::fran_kod(s.kod()), Some(*s));
        }
        for h in Forsorjningshinder::ALLA {
            assert_eq!(Forsorjningshinder::fran_kod(h.kod()), Some(*h));
        }
        assert_eq!(ArendeStatus::UnderUtredning.namn(), "Aktuell under utredning");
        assert_eq!(format_arendenummer(2026, 142), "2026-0142");
    }
}

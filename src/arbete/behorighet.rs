//! Who may do what: each role is a set of actions, in one table. The use cases ask through
//! [`super::Aktor::far`]; hiding a button is never the check.
//!
//! A new action (a new [`Handelse`]) must be placed in [`tillater`]: the match has no catch-all,
//! so the compiler asks for it.

use crate::domain::anvandare::Roll;
use crate::domain::arende::Arende;
use crate::store::Handelse;

/// Whether `roll` may take the action `h`.
pub fn tillater(roll: Roll, h: Handelse) -> bool {
    use Handelse::*;
    use Roll::*;
    let handlaggning = matches!(roll, Handlaggare | ForsteSocialsekreterare);
    match h {
        // Reading a case: everyone but the systemförvaltare (no case content); the kassa sees the
        // case to check payments, but not screening answers or a protected address.
        OppnadeArende | OppnadeUtanUppdrag | ListadeArenden => roll != Systemforvaltare,
        VisadeSkyddadAdress | LasteScreening => handlaggning || roll == Enhetschef,
        // Case work: the caseworkers.
        RegistreradeHushall
        | BytteStatus
        | AndradeAnsvar
        | SkrevJournal
        | MakuleradeJournal
        | SparadeAnsokan
        | FattadeBeslut
        | KomOverensOmPlan
        | SkrevUtBrev
        | SparadePlanutkast
        | SparadeFia
        | SparadeScreening
        | SparadeIb
        | SkrevUppfoljning
        | SkrevAvvikelse
        | SigneradePlan
        | SparadeBeslutsforslag
        | FlyttadeIn
        | FlyttadeUt
        | AndradeAdress
        | AndradeSkydd
        | AndradeHushallsuppgifter => handlaggning,
        // A proposal beyond a caseworker's delegation is decided by those with more delegation
        // (the delegation order says who, for how much).
        BeslutadeForslag => matches!(roll, ForsteSocialsekreterare | Enhetschef),
        // Payments: ordered and attested by the kassa or a 1:e socialsekreterare (never by the
        // decider – the database refuses that); stopped, sent to the bank and returns by the kassa.
        BestalldeUtbetalning | AttesteradeUtbetalning => matches!(roll, Kassa | ForsteSocialsekreterare),
        StoppadeUtbetalning | ExporteradeUtbetalning | RegistreradeRetur => roll == Kassa,
        // The unit's rules and its users: the systemförvaltare.
        SparadeNormtabell
        | SparadeDelegationsordning
        | SkapadeAnvandare
        | AndradeAnvandare
        | InaktiveradeAnvandare
        | AterstalldeLosenord => roll == Systemforvaltare,
        // The access-log review: the enhetschef.
        GranskadeLogg | ExporteradeLogg => roll == Enhetschef,
        LoggadeIn | FelLosenord => true,
        // The unit's statistics and årshjul: the report and the unit's figures by the chef and
        // the 1:e socialsekreterare; the unit's figures and the årshjul's data also by the systemförvaltare;
        // ticking off a control, a nybesök and a contact before closing by the caseworkers.
        SkrevStatistikrapport => matches!(roll, Enhetschef | ForsteSocialsekreterare),
        SparadeStatistikinstallning | SparadeArshjul => {
            matches!(roll, Enhetschef | ForsteSocialsekreterare | Systemforvaltare)
        }
        GjordeGenomgang => matches!(roll, Enhetschef | ForsteSocialsekreterare),
        RegistreradeNybesok | BockadeAvKontroll | KontaktadeForeAvslut => handlaggning,
    }
}

/// Whether a role reads every case without giving a reason (the 1:e socialsekreterare has the
/// group's cases – the unit is one group – and the enhetschef reads all).
pub fn laser_alla(roll: Roll) -> bool {
    matches!(roll, Roll::ForsteSocialsekreterare | Roll::Enhetschef)
}

/// Whether the user (by name or login) is one of the case's responsible staff.
pub fn tilldelad(arende: &Arende, namn: &str, login: &str) -> bool {
    let ar = |ansvarig: &str| {
        let a = ansvarig.trim();
        !a.is_empty() && (a.eq_ignore_ascii_case(namn.trim()) || a.eq_ignore_ascii_case(login.trim()))
    };
    ar(&arende.socialsekreterare) || ar(&arende.bidragshandlaggare)
}

/// The refusal, in Swedish: who may not do what, and that nothing was saved.
pub fn nekad(roll: Roll, h: Handelse) -> String {
    format!("Du har inte behörighet att {} (din roll är {}). Inget har sparats.", vad(h), roll.namn().to_lowercase())
}

/// The refusal of a change to a case that is not the handläggare's.
pub fn inte_ditt(arendenummer: &str) -> String {
    format!(
        "Du har inte behörighet att ändra i ärende {arendenummer}: du är inte ansvarig för det och kan bara läsa \
         det. Be din 1:e socialsekreterare att göra dig ansvarig. Inget har sparats."
    )
}

/// The action in words ("skriva i journalen").
fn vad(h: Handelse) -> &'static str {
    use Handelse::*;
    match h {
        OppnadeArende | OppnadeUtanUppdrag | ListadeArenden => "öppna eller lista ärenden",
        VisadeSkyddadAdress => "se skyddade adresser",
        LasteScreening => "läsa screeningsvar",
        RegistreradeHushall => "registrera hushåll",
        BytteStatus => "ändra ärendets status",
        AndradeAnsvar => "ändra ärendets ansvariga",
        SkrevJournal | MakuleradeJournal => "skriva i journalen",
        SparadeAnsokan => "spara ansökningar",
        FattadeBeslut => "fatta beslut",
        SparadeBeslutsforslag => "spara förslag till beslut",
        BeslutadeForslag => "besluta om förslag till beslut",
        BestalldeUtbetalning => "beställa utbetalningar",
        AttesteradeUtbetalning => "attestera utbetalningar",
        StoppadeUtbetalning => "stoppa utbetalningar",
        ExporteradeUtbetalning => "skapa bankfiler",
        RegistreradeRetur => "registrera återkomna utbetalningar",
        SparadeDelegationsordning => "ändra delegationsordningen",
        FlyttadeIn | FlyttadeUt | AndradeAdress | AndradeSkydd | AndradeHushallsuppgifter => "ändra hushållet",
        SkrevUtBrev => "skriva ut eller spara brev",
        KomOverensOmPlan | SparadePlanutkast | SkrevUppfoljning | SkrevAvvikelse | SigneradePlan => {
            "arbeta med förändringsplanen"
        }
        SparadeFia => "spara FIA-intervjuer",
        SparadeScreening => "spara screening",
        SparadeIb => "spara initial bedömning",
        SparadeNormtabell => "ändra normtabeller",
        SkapadeAnvandare | AndradeAnvandare | InaktiveradeAnvandare | AterstalldeLosenord => "hantera användare",
        GranskadeLogg | ExporteradeLogg => "granska åtkomstloggen",
        LoggadeIn | FelLosenord => "logga in",
        SkrevStatistikrapport => "skriva statistikrapporter",
        SparadeStatistikinstallning => "ändra statistikens inställningar",
        SparadeArshjul => "ändra årshjulet",
        GjordeGenomgang => "registrera genomgång av ärenden",
        RegistreradeNybesok => "registrera nybesök",
        BockadeAvKontroll => "bocka av kontroller i årshjulet",
        KontaktadeForeAvslut => "registrera kontakt före avslut",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_systemforvaltare_sees_no_case_content() {
        for h in [Handelse::OppnadeArende, Handelse::LasteScreening, Handelse::SkrevJournal] {
            assert!(!tillater(Roll::Systemforvaltare, h), "{h:?}");
        }
        assert!(tillater(Roll::Systemforvaltare, Handelse::SkapadeAnvandare));
    }

    #[test]
    fn the_kassa_writes_no_journal_and_reads_no_screening() {
        assert!(!tillater(Roll::Kassa, Handelse::SkrevJournal));
        assert!(!tillater(Roll::Kassa, Handelse::LasteScreening));
        assert!(nekad(Roll::Kassa, Handelse::SkrevJournal).contains("skriva i journalen"));
    }
}

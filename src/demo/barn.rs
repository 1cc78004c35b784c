//! Demo barnkonsekvensanalys: one analysis per child for every demo decision that goes against
//! a household with children, worded for what the decision actually does.

use crate::domain::beslut::barn::Barnbedomning;
use crate::domain::hushall::{NyttHushall, Roll};
use chrono::NaiveDate;

/// Why the demo decision goes against the household.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Varfor {
    /// Rent approved only up to the reasonable level.
    Hyra,
    /// Own means suffice.
    Overskott,
    /// Incomplete application or not at the labour market's disposal.
    Avslag,
}

fn genitiv(namn: &str) -> String {
    if namn.ends_with(['s', 'x', 'z']) { namn.to_string() } else { format!("{namn}s") }
}

/// One analysis per child of `hushall` born by `dag`, ages as on `dag`.
pub(super) fn analys(hushall: &NyttHushall, dag: NaiveDate, varfor: Varfor) -> Vec<Barnbedomning> {
    hushall
        .medlemmar
        .iter()
        .filter(|m| m.roll == Roll::Barn && m.person.pnr.birth_date() <= dag)
        .map(|m| {
            let n = m.person.fornamn.clone();
            let g = genitiv(&n);
            let liten = m.person.pnr.birth_date() + chrono::Months::new(7 * 12) > dag;
            let asikt = if liten {
                format!("{n} är för liten för att vi ska fråga efter sin åsikt; vi har i stället frågat föräldern hur {n} har det")
            } else {
                format!("vi har pratat med {n} vid besöket; {n} vill helst att vardagen fortsätter som vanligt")
            };
            let (paverkan, vagt, slutsats) = match varfor {
                Varfor::Hyra => (
                    format!("hushållet får mindre till hyran, och om familjen måste flytta kan {n} behöva byta förskola eller skola"),
                    format!("{g} behov av en trygg bostad mot att hyran är högre än vad en låginkomsttagare på orten har råd med och att tiden att hitta en billigare bostad har gått ut"),
                    format!("{g} personliga kostnader ingår fullt ut i beräkningen; barnets bästa väger tungt men kan inte ensamt motivera att hela hyran godkänns"),
                ),
                Varfor::Overskott => (
                    format!("hushållets egna inkomster räcker enligt beräkningen till {g} levnadskostnader för månaden"),
                    format!("{g} behov enligt riksnormen mot hushållets inkomster"),
                    format!("beslutet står sig; om {g} behov ändras kan ni ansöka igen"),
                ),
                Varfor::Avslag => (
                    format!("hushållet får inget försörjningsstöd för månaden, vilket kan göra det svårare att betala mat och kläder för {n}"),
                    format!("{g} behov mot att vi inte kan pröva rätten till bistånd utan de uppgifter och den planering som saknas"),
                    format!("beslutet står sig; behöver {n} hjälp akut kan ni ansöka igen, och vi prövar då {g} behov för sig"),
                ),
            };
            Barnbedomning { namn: n, paverkan, asikt, vagt, slutsats }
        })
        .collect()
}

/// The analysis per child and the decision's "Barnets bästa" text: for a decision against a
/// household with children (`har_barn`, `negativt`) built from the analysis; for a full grant a
/// sentence that is true of it; nothing without children.
pub(super) fn for_beslut(
    hushall: &NyttHushall,
    dag: NaiveDate,
    (har_barn, negativt): (bool, bool),
    varfor: Varfor,
) -> (Vec<Barnbedomning>, String) {
    match (har_barn, negativt) {
        (false, _) => (Vec::new(), String::new()),
        (true, false) => (
            Vec::new(),
            "Vi har bedömt hur beslutet påverkar barnen i hushållet. Normen för barnens personliga kostnader ingår i beräkningen, och hela det belopp ni har rätt till beviljas.".into(),
        ),
        (true, true) => {
            let analys = analys(hushall, dag, varfor);
            let text = crate::domain::beslut::barn::sammanfattning(&analys);
            (analys, text)
        }
    }
}

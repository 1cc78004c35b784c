//! The demo's items of livsföring i övrigt: now and then a dental or doctor's bill, glasses or a
//! debt, assessed as a caseworker would – approved, partly approved or refused, with the reason.

use super::Slump;
use crate::domain::ansokan::Ansokan;
use crate::domain::belopp::Belopp;
use crate::domain::norm::{Inkomsttyp, Kostnad, Kostnadstyp};

/// How the demo's caseworker assesses an item: (share approved in percent, reason).
const TANDVARD: &[(i64, &str)] = &[
    (100, ""),
    (60, "bara den akuta delen av behandlingen enligt kostnadsförslaget godkänns; resten kan vänta"),
    (0, "tandvården är inte akut och kan vänta; ansök igen med ett intyg från tandläkaren om det behövs"),
];
const SKULD: &[(i64, &str)] = &[
    (100, ""),
    (0, "skulden kan ordnas med en avbetalningsplan hos borgenären, och det finns inget avstängningsbesked"),
];

fn rad(typ: Kostnadstyp, belopp: i64, avser: &str, bedomning: (i64, &str)) -> Kostnad {
    let ansokt = Belopp::kronor(belopp);
    let (andel, skal) = bedomning;
    Kostnad {
        typ,
        ansokt,
        godkant: (andel < 100).then(|| Belopp::kronor(belopp * andel / 100)),
        motivering: skal.into(),
        avser: avser.into(),
    }
}

/// Adds the month's livsföring lines, if any; now and then the same month brings a tax refund
/// that leaves an överskott to set against them.
pub(super) fn lagg_till(slump: &mut Slump, a: &mut Ansokan) {
    let fore = a.underlag.kostnader.len();
    poster(slump, a);
    if a.underlag.kostnader.len() > fore && slump.chans(30) {
        let aterbaring = 12_000 + slump.under(12_000) as i64;
        a.underlag.inkomster.push(super::ansokningar::inkomst(Inkomsttyp::Skatteaterbaring, aterbaring, Some(0)));
    }
}

fn poster(slump: &mut Slump, a: &mut Ansokan) {
    let k = &mut a.underlag.kostnader;
    if slump.chans(5) {
        let bedomning = TANDVARD[slump.under(TANDVARD.len())];
        k.push(rad(Kostnadstyp::Tandvard, 800 + slump.under(3200) as i64, "", bedomning));
    }
    if slump.chans(5) {
        k.push(rad(Kostnadstyp::LakarvardMedicin, 200 + slump.under(1000) as i64, "", (100, "")));
    }
    if slump.chans(4) {
        let avser = slump.val(&["elskuld hos Ellevio AB", "hyresskuld hos AB Exempelbostäder"]);
        let bedomning = SKULD[slump.under(SKULD.len())];
        k.push(rad(Kostnadstyp::Skuld, 1500 + slump.under(5000) as i64, avser, bedomning));
    }
    if slump.chans(3) {
        k.push(rad(Kostnadstyp::Glasogon, 1200 + slump.under(1300) as i64, "", (100, "")));
    }
}

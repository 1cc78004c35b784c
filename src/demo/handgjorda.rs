//! The hand-made training cases: the seed documents' family with the electricity debt, and one
//! case for every kind of household the rules and letters know (protected identity,
//! samordningsnummer, lodger, gymnasiet, a closed case …).

use super::{Demohushall, Personfabrik, adress, arende, barn, dagar_sedan, medlem};
use crate::domain::arende::{ArendeStatus, Avslutsorsak, Forsorjningshinder};
use crate::domain::hushall::{Medlem, NyttHushall, Relation, Roll};
use chrono::NaiveDate;

/// The twelve hand-made training households, each a kind of household the rules know.
/// The twelve hand-made training households, each a kind of household the rules know. The
/// order is fixed: the people are drawn from the same seeded sequence every time.
pub(super) fn hushall(f: &mut Personfabrik, idag: NaiveDate) -> Vec<Demohushall> {
    let mut s = Samlare { idag, v: Vec::new() };
    familjer_och_ensamma(&mut s, f);
    inneboende_skyddad_och_gymnasiet(&mut s, f);
    samordning_sjuk_avslutad_och_par(&mut s, f);
    s.v
}

/// Collects the households as they are described.
struct Samlare {
    idag: NaiveDate,
    v: Vec<Demohushall>,
}

impl Samlare {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        f: &mut Personfabrik,
        medlemmar: Vec<Medlem>,
        relation: Option<Relation>,
        skyddad: bool,
        status: ArendeStatus,
        hinder: Forsorjningshinder,
        start_dagar: u64,
        journal: Vec<(u64, &'static str, &str)>,
    ) {
        let idag = self.idag;
        let start = dagar_sedan(idag, start_dagar);
        let arende = arende(&mut f.slump, status, hinder, start);
        let avslut = (status == ArendeStatus::Avslutad).then(|| (Avslutsorsak::Arbete, dagar_sedan(idag, 20)));
        let hushall = NyttHushall {
            medlemmar,
            relation,
            adress: adress(&mut f.slump),
            telefon: format!("070-{:03} {:02} {:02}", 100 + f.slump.under(900), f.slump.under(100), f.slump.under(100)),
            skyddade_personuppgifter: skyddad,
        };
        let journal = journal.into_iter().map(|(d, r, t)| (dagar_sedan(idag, d), r, t.to_string())).collect();
        self.v.push(Demohushall { hushall, arende, avslut, journal });
        f.hushallets_fornamn.clear();
    }
}

/// Cases 1–4: the seed documents' family, a long-time single adult, a sambo family with
/// small children and a single mother.
fn familjer_och_ensamma(s: &mut Samlare, f: &mut Personfabrik) {
    use ArendeStatus::*;
    use Forsorjningshinder as H;
    let idag = s.idag;
    // 1. The training case from the seed documents: a self-supporting family, a child's heart
    //    surgery, an electricity debt of 7 000 kr and a cut-off notice.
    let sok = f.person_med_namn(41, true, "Maria", "Berglund", false);
    let med = f.person_med_namn(43, false, "Johan", "Berglund", false);
    let b1 = f.person_med_namn(9, false, "Elias", "Berglund", false);
    let b2 = f.person_med_namn(4, true, "Maja", "Berglund", false);
    s.add(
        f,
        vec![medlem(sok, Roll::Sokande), medlem(med, Roll::Medsokande), barn(b1, idag), barn(b2, idag)],
        Some(Relation::Gift),
        false,
        UnderUtredning,
        H::OtillrackligInkomst,
        3,
        vec![
            (
                3,
                "Telefonintervju",
                "Familjen försörjer sig själv på lön. Sonen Elias hjärtopererades i våras och föräldrarna var hemma med honom i flera månader. Under tiden uppstod en elskuld på 7 000 kr. Elbolaget har skickat besked om avstängning. Familjen ansöker om bistånd till elskulden.",
            ),
            (
                2,
                "Nybesök bokat",
                "Nybesök bokat. Kallelse med lista över handlingar skickas: lönespecifikationer, elräkning och avstängningsbesked, kontoutdrag tre månader.",
            ),
        ],
    );
    // 2. A single adult, unemployed, long time on assistance.
    let p = f.person(52, false, "Lundin");
    s.add(
        f,
        vec![medlem(p, Roll::Sokande)],
        None,
        false,
        Aktuell,
        H::Arbetslos,
        420,
        vec![
            (
                400,
                "Förändringsplan",
                "Planen följdes upp. Klienten söker arbete aktivt och deltar i Jobbtorgs insatser.",
            ),
            (30, "Månadsuppföljning", "Ansökan för månaden inkommen och komplett."),
        ],
    );
    // 3. Sambo couple with three children: a toddler and a three-year-old in förskola, one at school.
    let a = f.person(34, true, "Hassan");
    let b = f.person(36, false, "Hassan");
    let c1 = f.person(3, true, "Hassan");
    let c2 = f.person(8, false, "Hassan");
    let c3 = f.person(1, true, "Hassan");
    s.add(
        f,
        vec![medlem(a, Roll::Sokande), medlem(b, Roll::Medsokande), barn(c1, idag), barn(c2, idag), barn(c3, idag)],
        Some(Relation::Sambo),
        false,
        Aktuell,
        H::Sfi,
        200,
        vec![(190, "Nybesök", "Båda vuxna läser SFI. Barnen går i förskola respektive skola.")],
    );
    // 4. A single mother with a baby and a five-year-old.
    let m = f.person(29, true, "Söderlund");
    let spad = f.person(0, false, "Söderlund");
    let fem = f.person(5, true, "Söderlund");
    s.add(
        f,
        vec![medlem(m, Roll::Sokande), barn(spad, idag), barn(fem, idag)],
        None,
        false,
        Aktuell,
        H::Foraldraledig,
        150,
        vec![(140, "Nybesök", "Föräldraledig med föräldrapenning på grundnivå. Ansöker om komplettering.")],
    );
}

/// Cases 5–8: a young adult, a lodger, protected identity and a family with a pupil in
/// gymnasiet.
fn inneboende_skyddad_och_gymnasiet(s: &mut Samlare, f: &mut Personfabrik) {
    use ArendeStatus::*;
    use Forsorjningshinder as H;
    let idag = s.idag;
    // 5. A young adult (20) living alone.
    let ung = f.person(20, false, "Strand");
    s.add(
        f,
        vec![medlem(ung, Roll::Sokande)],
        None,
        false,
        Aktuell,
        H::Arbetslos,
        60,
        vec![(55, "Nybesök", "Ung vuxen som nyss flyttat hemifrån. Inskriven på Arbetsförmedlingen.")],
    );
    // 6. A lodger: an adult sharing a home without being sambo (own case, shared costs split).
    let inneboende = f.person(27, true, "Dahl");
    s.add(
        f,
        vec![medlem(inneboende, Roll::Sokande)],
        None,
        false,
        Aktuell,
        H::Sjukskriven,
        90,
        vec![(
            85,
            "Boende",
            "Bor inneboende hos en bekant; tre personer delar bostaden. Hyran delas lika. Normen för gemensamma kostnader räknas som hushållets belopp delat med antalet personer i bostaden.",
        )],
    );
    // 7. Protected identity.
    let skyddad = f.person(38, true, "Nordin");
    let skyddat_barn = f.person(11, true, "Nordin");
    s.add(
        f,
        vec![medlem(skyddad, Roll::Sokande), barn(skyddat_barn, idag)],
        None,
        true,
        Aktuell,
        H::SocialaSkal,
        240,
        vec![(
            230,
            "Skyddade personuppgifter",
            "Sekretessmarkering finns. Adressen visas inte i listor och skrivs aldrig ut i brev.",
        )],
    );
    // 8. A family with a 19-year-old in gymnasiet and a 15-year-old.
    let fm = f.person(47, true, "Forsberg");
    let nitton = f.person(19, false, "Forsberg");
    let femton = f.person(15, true, "Forsberg");
    s.add(
        f,
        vec![medlem(fm, Roll::Sokande), barn(nitton, idag), barn(femton, idag)],
        None,
        false,
        Aktuell,
        H::OhalsaUtanIntyg,
        700,
        vec![(20, "Årshjul", "Studieintyg för gymnasiet begärt inför höstterminen.")],
    );
}

/// Cases 9–12: a samordningsnummer, a sick-listed adult, a closed case and a couple without
/// children.
fn samordning_sjuk_avslutad_och_par(s: &mut Samlare, f: &mut Personfabrik) {
    use ArendeStatus::*;
    use Forsorjningshinder as H;
    // 9. A person with a samordningsnummer.
    let samordning = f.person_med_namn(31, false, "Yusuf", "Yilmaz", true);
    s.add(
        f,
        vec![medlem(samordning, Roll::Sokande)],
        None,
        false,
        UnderUtredning,
        H::ArbetslosVantar,
        10,
        vec![(8, "Telefonintervju", "Har samordningsnummer. Väntar på beslut om etableringsersättning.")],
    );
    // 10. Sick-listed, older adult.
    let sjuk = f.person(58, false, "Engström");
    s.add(f, vec![medlem(sjuk, Roll::Sokande)], None, false, Aktuell, H::Sjukskriven, 500, vec![]);
    // 11. A closed case: got a job.
    let klar = f.person(33, true, "Wallin");
    s.add(
        f,
        vec![medlem(klar, Roll::Sokande)],
        None,
        false,
        Avslutad,
        H::Arbetslos,
        300,
        vec![(25, "Arbete", "Har fått en tillsvidareanställning. Ansöker inte längre.")],
    );
    // 12. A married couple without children.
    let g1 = f.person(45, true, "Ekdahl");
    let g2 = f.person(50, false, "Ekdahl");
    s.add(
        f,
        vec![medlem(g1, Roll::Sokande), medlem(g2, Roll::Medsokande)],
        Some(Relation::Gift),
        false,
        Aktuell,
        H::Arbetslos,
        120,
        vec![],
    );
}

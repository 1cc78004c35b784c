//! Beslut om ekonomiskt bistånd, printed only from the decision and its frozen record: the
//! decision per item, the period and payment, motivering, lagrum, the children's best interest,
//! who decided; the attachment with the same posts and the calculation they rest on; and for
//! any avslag or delavslag a separate page on how to appeal (`overklaga`).

use super::layout::{Block, Brevhuvud, Kolumn};
use super::overklaga::overklaga;
use crate::domain::belopp::Belopp;
use crate::domain::beslut::underlag::FrusenBerakning;
use crate::domain::beslut::{Beslutspost, Enhet, SparatBeslut, Utfall};
use crate::domain::hushall::Adress;
use crate::domain::klarsprak::{datum, datum_fran_text, kronor, manad, utan_hela_oren};
use crate::domain::norm::Radtyp;

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
        Utfall::Avslag | Utfall::Aterkrav => format!("Avslås ({} ansökt)", kronor(p.ansokt)),
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

/// The letter's blocks, from the decision and its frozen record only: page 1 with the decision
/// per post, the attachment with the same posts and the calculation they rest on (or, for a
/// refusal on another ground, what it rests on instead), and the appeal page when adverse.
/// `andrar` is the earlier decision this one changes, if any.
pub fn beslutsbrev(b: &SparatBeslut, enhet: &Enhet, arendenummer: &str, andrar: Option<&SparatBeslut>) -> Vec<Block> {
    let d = &b.beslut;
    let berakning = b.underlag.as_ref().and_then(|u| u.berakning.as_ref());
    let mut block = vec![Block::Stycke(format!(
        "Du har ansökt om ekonomiskt bistånd för {}. Här är vårt beslut.",
        manad(d.period)
    ))];
    block.push(Block::Rubrik("Beslut".into()));
    block.extend(poster(b));
    block.push(Block::Luft(2.0));
    block.extend(utbetalning(b, berakning.is_some()));
    if let Some(text) = d.grund.grundtext() {
        block.push(Block::Underrubrik("Vad beslutet grundar sig på".into()));
        block.push(Block::Stycke(text.into()));
    } else if b.underlag.is_none() {
        block.push(Block::Stycke(
            "Beslutet fattades innan programmet sparade beräkningen tillsammans med beslutet. Beräkningen finns i din akt; kontakta oss om du vill ha en kopia.".into(),
        ));
    }
    block.extend(motivering(b));
    block.extend(avslutning(b, enhet, andrar));
    if let Some(r) = berakning {
        block.extend(bilaga(b, r));
    }
    if b.utfall.ar_negativt() {
        block.extend(overklaga(b, enhet, arendenummer));
    }
    block
}

/// What the decision grants in all.
pub fn beviljat(b: &SparatBeslut) -> Belopp {
    b.beslut.poster.iter().fold(Belopp::NOLL, |s, p| s + p.beviljat)
}

/// Page 1's decision per post, and the total when there is more than one.
fn poster(b: &SparatBeslut) -> Vec<Block> {
    let d = &b.beslut;
    let period = manad(d.period);
    let mut block = Vec::new();
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
    if let Some(v) = b.underlag.as_ref().and_then(|u| u.aterkravsvillkor.as_ref()) {
        block.push(Block::Stycke(super::aterkrav::villkorstext(v)));
    }
    if d.poster.len() > 1 {
        block.push(Block::Fakta("Sammanlagt beviljas".into(), kronor(beviljat(b))));
    }
    block
}

/// The period in dates, and when and to whom the money is paid.
fn utbetalning(b: &SparatBeslut, har_bilaga: bool) -> Vec<Block> {
    let d = &b.beslut;
    let mut block = Vec::new();
    if let Some(u) = &d.utbetalning {
        block.push(Block::Fakta("Beslutet gäller perioden".into(), format!("{} – {}", datum(u.fran), datum(u.till))));
    }
    if beviljat(b) > Belopp::NOLL {
        let nar = match &d.utbetalning {
            Some(u) => {
                format!("Pengarna betalas ut den {} till {}.", datum(u.datum), u.mottagare.trim_end_matches('.'))
            }
            None => "Pengarna betalas ut till det konto du har anmält.".into(),
        };
        let bilaga = if har_bilaga { " Hur vi har räknat ser du i bilagan." } else { "" };
        block.push(Block::Stycke(format!("{nar}{bilaga}")));
    }
    block
}

/// Motivering, lagrum and the children's best interest.
fn motivering(b: &SparatBeslut) -> Vec<Block> {
    let d = &b.beslut;
    let mut block = Vec::new();
    let motiveringar: Vec<&str> = d.poster.iter().map(|p| p.motivering.trim()).filter(|m| !m.is_empty()).collect();
    if !motiveringar.is_empty() {
        block.push(Block::Rubrik("Motivering".into()));
        block.extend(motiveringar.into_iter().map(|m| Block::Stycke(m.to_string())));
    }
    block.push(Block::Underrubrik("Lagrum".into()));
    block.push(Block::Stycke(format!("Beslutet är fattat med stöd av {}.", b.lagrum)));
    block.extend(barnets_basta(b));
    block
}

/// "Barnets bästa": the analysis per child when the decision goes against a household with
/// children (frozen with the decision), else the caseworker's own text, if any.
fn barnets_basta(b: &SparatBeslut) -> Vec<Block> {
    let analys = b.underlag.as_ref().map(|u| u.barnkonsekvenser.as_slice()).unwrap_or_default();
    let mut block = Vec::new();
    if !analys.is_empty() {
        block.push(Block::Underrubrik("Barnets bästa".into()));
        let fore = if analys.len() == 1 { "barnet" } else { "varje barn" };
        let lag = crate::domain::beslut::lagrum::levererade_lagrum()
            .citera(crate::domain::beslut::lagrum::Amne::BarnetsBasta, b.beslut.datum)
            .map(|l| format!(" Barnets bästa ska särskilt beaktas ({l})."))
            .unwrap_or_default();
        block.push(Block::Stycke(format!(
            "Innan vi beslutade har vi gjort en bedömning av hur beslutet påverkar {fore} i hushållet.{lag}"
        )));
        block.extend(analys.iter().map(|a| Block::Stycke(crate::domain::beslut::barn::stycke(a))));
    } else if !b.beslut.barnets_basta.trim().is_empty() {
        block.push(Block::Underrubrik("Barnets bästa".into()));
        block.push(Block::Stycke(b.beslut.barnets_basta.trim().to_string()));
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

/// The calculation's heading: it names livsföring i övrigt when the calculation has such items.
fn berakningsrubrik(r: &FrusenBerakning) -> &'static str {
    if r.rader.iter().any(|l| l.typ == Radtyp::Livsforing) {
        "Beräkning av försörjningsstöd och livsföring i övrigt"
    } else {
        "Beräkning av försörjningsstöd"
    }
}

/// The attachment: the decision per post exactly as on page 1, then the calculation as it was
/// on the day of the decision, every reduced cost with what was applied, approved and why.
fn bilaga(b: &SparatBeslut, r: &FrusenBerakning) -> Vec<Block> {
    let d = &b.beslut;
    let kr = kronor;
    let mut rader: Vec<Vec<String>> =
        d.poster.iter().map(|p| vec![p.sak.clone(), kr(p.ansokt), kr(p.beviljat), kr(p.avslaget())]).collect();
    let summa =
        |f: fn(&crate::domain::beslut::Beslutspost) -> Belopp| d.poster.iter().fold(Belopp::NOLL, |s, p| s + f(p));
    rader.push(vec!["Summa".into(), kr(summa(|p| p.ansokt)), kr(summa(|p| p.beviljat)), kr(summa(|p| p.avslaget()))]);
    let tal = |rubrik: &str| Kolumn { rubrik: rubrik.into(), bredd: 30.0, hoger: true };
    let mut block = vec![
        Block::NySida,
        Block::Rubrik(format!("Bilaga: Beräkning för {} (riksnorm {})", manad(d.period), r.tabellar)),
        Block::Underrubrik("Beslutet per post".into()),
        Block::Tabell {
            kolumner: vec![
                Kolumn { rubrik: "Post".into(), bredd: 70.0, hoger: false },
                tal("Ansökt"),
                tal("Beviljat"),
                tal("Avslås"),
            ],
            rader,
            sista_fet: true,
        },
        Block::Underrubrik(berakningsrubrik(r).into()),
    ];
    let rader: Vec<Vec<String>> = r
        .rader
        .iter()
        .map(|l| vec![utan_hela_oren(&l.text), if l.typ == Radtyp::Info { "–".into() } else { kronor(l.belopp) }])
        .collect();
    block.push(Block::Tabell {
        kolumner: vec![
            Kolumn { rubrik: "Post".into(), bredd: 120.0, hoger: false },
            Kolumn { rubrik: "Belopp".into(), bredd: 40.0, hoger: true },
        ],
        rader,
        sista_fet: true,
    });
    if let Some(p) = d.poster.iter().find(|p| p.sak.to_lowercase().starts_with("försörjningsstöd"))
        && p.beviljat != r.beviljas
    {
        block.push(Block::Stycke(format!(
            "Enligt beräkningen är behovet av försörjningsstöd {}. Beslutet beviljar {} i försörjningsstöd; skälet står under Motivering på sidan 1.",
            kronor(r.beviljas),
            kronor(p.beviljat)
        )));
    }
    block
}

//! Beslut om ekonomiskt bistånd: the decision per item, motivering, lagrum, the children's best
//! interest, who decided; the calculation as an attachment page; and for any avslag or
//! delavslag a separate page on how to appeal.

use super::layout::{Block, Brevhuvud, Kolumn};
use crate::domain::belopp::Belopp;
use crate::domain::beslut::underlag::FrusenBerakning;
use crate::domain::beslut::{Enhet, SparatBeslut, Utfall};
use crate::domain::hushall::Adress;
use crate::domain::norm::Radtyp;

/// Who the letter goes to. A protected address is never printed.
#[derive(Debug, Clone)]
pub struct Mottagare {
    pub namn: String,
    pub adress: Adress,
    pub skyddad: bool,
}

/// The header shared by every letter kind: the unit, date, case number and recipient.
pub fn brevhuvud(
    enhet: &Enhet,
    logo: Option<Vec<u8>>,
    mottagare: &Mottagare,
    datum: &str,
    arendenummer: &str,
    titel: &str,
) -> Brevhuvud {
    let mottagarrader = if mottagare.skyddad {
        vec![
            mottagare.namn.clone(),
            "SKYDDADE PERSONUPPGIFTER".into(),
            "Manuell hantering – adressen skrivs inte ut".into(),
        ]
    } else {
        vec![
            mottagare.namn.clone(),
            mottagare.adress.gatuadress.clone(),
            format!("{} {}", mottagare.adress.postnummer, mottagare.adress.postort),
        ]
    };
    Brevhuvud {
        avsandare: vec![enhet.namnd.clone(), enhet.forvaltning.clone(), enhet.enhet.clone()],
        kontakt: vec![enhet.adress.clone(), format!("Telefon {}, {}", enhet.telefon, enhet.oppettider)],
        datum: datum.to_string(),
        arendenummer: arendenummer.to_string(),
        mottagare: mottagarrader,
        titel: titel.to_string(),
        logo,
    }
}

/// The letter's blocks, from the decision and its frozen record only: page 1 with the decision
/// per post, the attachment with the same posts and the calculation they rest on (or, for a
/// refusal on another ground, what it rests on instead), and the appeal page when adverse.
pub fn beslutsbrev(b: &SparatBeslut, enhet: &Enhet, arendenummer: &str) -> Vec<Block> {
    let d = &b.beslut;
    let berakning = b.underlag.as_ref().and_then(|u| u.berakning.as_ref());
    let mut block =
        vec![Block::Stycke(format!("Du har ansökt om ekonomiskt bistånd för {}. Här är vårt beslut.", d.period))];
    block.push(Block::Rubrik("Beslut".into()));
    block.extend(poster(b));
    if let Some(u) = &d.utbetalning {
        block.push(Block::Fakta("Beslutet gäller perioden".into(), format!("{} – {}", u.fran, u.till)));
    }
    if beviljat(b) > Belopp::NOLL {
        let nar = match &d.utbetalning {
            Some(u) => format!("Pengarna betalas ut den {} till {}.", u.datum, u.mottagare.trim_end_matches('.')),
            None => "Pengarna betalas ut till det konto du har anmält.".into(),
        };
        let bilaga = if berakning.is_some() { " Hur vi har räknat ser du i bilagan." } else { "" };
        block.push(Block::Stycke(format!("{nar}{bilaga}")));
    }
    if let Some(text) = d.grund.grundtext() {
        block.push(Block::Underrubrik("Vad beslutet grundar sig på".into()));
        block.push(Block::Stycke(text.into()));
    } else if b.underlag.is_none() {
        block.push(Block::Stycke(
            "Beslutet fattades innan programmet sparade beräkningen tillsammans med beslutet. Beräkningen finns i din akt; kontakta oss om du vill ha en kopia.".into(),
        ));
    }
    block.extend(motivering_och_underskrift(b, enhet));
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
    let mut block = Vec::new();
    for p in &d.poster {
        let varde = match p.utfall() {
            Utfall::Bifall => format!("Beviljas {}", p.beviljat),
            Utfall::Delavslag => format!("Beviljas {}, avslås {}", p.beviljat, p.avslaget()),
            Utfall::Avslag => format!("Avslås ({} ansökt)", p.ansokt),
        };
        block.push(Block::Fakta(format!("{} för {}", p.sak, d.period), varde));
        if p.utover_ratten {
            block.push(Block::Stycke(format!("{} beviljas som bistånd utöver rätten.", p.sak)));
        }
        if let Some(skal) = &p.mot_aterkrav {
            block.push(Block::Stycke(format!(
                "Biståndet ges mot återkrav. Det betyder att du ska betala tillbaka {} när {}.",
                p.beviljat,
                skal.trim_end_matches('.')
            )));
        }
    }
    if d.poster.len() > 1 {
        block.push(Block::Fakta("Sammanlagt beviljas".into(), beviljat(b).to_string()));
    }
    block
}

/// Motivering, lagrum, the children's best interest, who decided and whom to call.
fn motivering_och_underskrift(b: &SparatBeslut, enhet: &Enhet) -> Vec<Block> {
    let d = &b.beslut;
    let mut block = Vec::new();
    let motiveringar: Vec<&str> = d.poster.iter().map(|p| p.motivering.trim()).filter(|m| !m.is_empty()).collect();
    if !motiveringar.is_empty() {
        block.push(Block::Rubrik("Motivering".into()));
        for m in motiveringar {
            block.push(Block::Stycke(m.to_string()));
        }
    }
    block.push(Block::Underrubrik("Lagrum".into()));
    block.push(Block::Stycke(format!("Beslutet är fattat med stöd av {}.", b.lagrum)));
    if !d.barnets_basta.trim().is_empty() {
        block.push(Block::Underrubrik("Barnens bästa".into()));
        block.push(Block::Stycke(d.barnets_basta.trim().to_string()));
    }
    block.push(Block::Luft(4.0));
    let vem = if d.delegation.trim().is_empty() {
        d.beslutsfattare.clone()
    } else {
        format!("{}, {}", d.beslutsfattare, d.delegation)
    };
    block.push(Block::Fakta("Beslutet är fattat av".into(), vem));
    if !d.foredragande.trim().is_empty() {
        block.push(Block::Fakta("Föredragande".into(), d.foredragande.clone()));
    }
    if let Some(andrar) = d.andrar {
        block.push(Block::Stycke(format!("Det här beslutet ändrar vårt tidigare beslut (beslut nr {andrar}).")));
    }
    block.push(Block::Stycke(format!(
        "Har du frågor om beslutet? Ring oss på {}, {}.",
        enhet.telefon, enhet.oppettider
    )));
    block
}

/// The attachment: the decision per post exactly as on page 1, then the calculation as it was
/// on the day of the decision, every reduced cost with what was applied, approved and why.
fn bilaga(b: &SparatBeslut, r: &FrusenBerakning) -> Vec<Block> {
    let d = &b.beslut;
    let kr = |x: Belopp| x.to_string();
    let mut rader: Vec<Vec<String>> =
        d.poster.iter().map(|p| vec![p.sak.clone(), kr(p.ansokt), kr(p.beviljat), kr(p.avslaget())]).collect();
    let summa =
        |f: fn(&crate::domain::beslut::Beslutspost) -> Belopp| d.poster.iter().fold(Belopp::NOLL, |s, p| s + f(p));
    rader.push(vec!["Summa".into(), kr(summa(|p| p.ansokt)), kr(summa(|p| p.beviljat)), kr(summa(|p| p.avslaget()))]);
    let tal = |rubrik: &str| Kolumn { rubrik: rubrik.into(), bredd: 30.0, hoger: true };
    let mut block = vec![
        Block::NySida,
        Block::Rubrik(format!("Bilaga: Beräkning för {} (riksnorm {})", d.period, r.tabellar)),
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
        Block::Underrubrik("Beräkning av försörjningsstöd".into()),
    ];
    let rader: Vec<Vec<String>> = r
        .rader
        .iter()
        .map(|l| vec![l.text.clone(), if l.typ == Radtyp::Info { "–".into() } else { l.belopp.to_string() }])
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
            r.beviljas, p.beviljat
        )));
    }
    block
}

/// The besvärshänvisning, on a page of its own.
pub fn overklaga(b: &SparatBeslut, enhet: &Enhet, arendenummer: &str) -> Vec<Block> {
    let mut block = vec![
        Block::NySida,
        Block::Rubrik("Så överklagar du".into()),
        Block::Stycke(
            "Om du inte är nöjd med beslutet kan du överklaga det. Beslutet prövas då av förvaltningsrätten.".into(),
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
            b.beslut.datum, arendenummer
        )),
        Block::Stycke(
            "Skicka med det som stöder det du skriver, och skriv under överklagandet. Om någon annan (ett ombud) överklagar åt dig ska du bifoga en fullmakt."
                .into(),
        ),
        Block::Underrubrik("Vad händer sedan".into()),
        Block::Stycke(
            "Vi kontrollerar först att överklagandet har kommit in i tid. Vi kan själva ändra beslutet. Om vi inte ändrar det så som du vill skickar vi överklagandet och handlingarna vidare till förvaltningsrätten."
                .into(),
        ),
        Block::Underrubrik("Vill du ha hjälp?".into()),
        Block::Stycke(format!(
            "Ring oss på {}, {}, så hjälper vi dig att överklaga.",
            enhet.telefon, enhet.oppettider
        )),
    ];
    if !b.overklagande.is_empty() {
        block.push(Block::Stycke(format!("Beslutet kan överklagas enligt {}.", b.overklagande)));
    }
    block
}

/// Beslut om återkrav: the advance granted against repayment, why, the law, how to pay, and
/// how to appeal.
pub fn aterkravsbrev(b: &SparatBeslut, enhet: &Enhet, arendenummer: &str, lagrum: &str) -> Vec<Block> {
    let mut block = Vec::new();
    for p in b.beslut.poster.iter().filter(|p| p.mot_aterkrav.is_some()) {
        let skal = p.mot_aterkrav.clone().unwrap_or_default();
        block.push(Block::Stycke(format!(
            "Du har fått {} i ekonomiskt bistånd ({}) för {} mot återkrav: {}.",
            p.beviljat,
            p.sak.to_lowercase(),
            b.beslut.period,
            skal.trim_end_matches('.')
        )));
        block.push(Block::Rubrik("Beslut".into()));
        block.push(Block::Fakta("Du ska betala tillbaka".into(), p.beviljat.to_string()));
        block.push(Block::Luft(2.0));
    }
    block.push(Block::Underrubrik("Lagrum".into()));
    block.push(Block::Stycke(format!("Beslutet är fattat med stöd av {lagrum}.")));
    block.push(Block::Underrubrik("Så betalar du".into()));
    block.push(Block::Stycke(format!(
        "Du får ett inbetalningskort från oss. Kan du inte betala hela beloppet på en gång, ring oss på {}, {}, så kommer vi överens om en avbetalningsplan.",
        enhet.telefon, enhet.oppettider
    )));
    block.push(Block::Fakta("Beslutet är fattat av".into(), b.beslut.beslutsfattare.clone()));
    block.extend(overklaga(b, enhet, arendenummer));
    block
}

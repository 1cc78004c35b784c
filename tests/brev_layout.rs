//! The letter layout read back from the PDF: text is real (extractable), å/ä/ö survive, pages
//! are numbered "Sida X av Y", long text flows onto more pages, a table row is never split,
//! the font is embedded as a subset (small files) and the creation date is real.

mod gemensamt;

use bistand::letters::{Block, Brevhuvud, Kolumn, Typsnitt, skapa_pdf};
use gemensamt::pdf_sidor;

fn huvud() -> Brevhuvud {
    Brevhuvud {
        avsandare: vec![
            "Socialnämnden".into(),
            "Exempelstadens stadsdelsförvaltning".into(),
            "Enheten för ekonomiskt bistånd".into(),
        ],
        kontakt: vec!["Övningsgatan 1, 123 45 Exempelstad".into(), "Telefon 08-000 00 00".into()],
        datum: "2026-11-23".into(),
        arendenummer: "2026-0001".into(),
        mottagare: vec!["Åsa Öberg".into(), "Ängsvägen 3".into(), "123 45 Exempelstad".into()],
        hanteringsblad: Vec::new(),
        titel: "Beslut om ekonomiskt bistånd".into(),
        logo: Some(std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/icons/logo.png")).unwrap()),
    }
}

#[test]
fn a_one_page_letter_is_small_searchable_and_numbered() {
    let t = Typsnitt::ladda().unwrap();
    let pdf = skapa_pdf(
        &huvud(),
        &[Block::Stycke("Du beviljas försörjningsstöd för december. Hälsningar från enheten.".into())],
        &t,
    );
    assert!(pdf.len() < 100_000, "one page is {} bytes", pdf.len());
    let sidor = pdf_sidor(&pdf);
    assert_eq!(sidor.len(), 1);
    let s = &sidor[0];
    for text in [
        "Åsa Öberg",
        "Ängsvägen 3",
        "försörjningsstöd för december",
        "Sida 1 av 1",
        "Ärende 2026-0001",
        "Socialnämnden",
    ] {
        assert!(s.contains(text), "missing «{text}» in {s}");
    }
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("FontFile2"), "the font is embedded");
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let info = doc.trailer.get(b"Info").and_then(|i| i.as_reference()).and_then(|r| doc.get_dictionary(r)).unwrap();
    let skapad =
        info.get(b"CreationDate").and_then(|d| d.as_str()).map(|b| String::from_utf8_lossy(b).into_owned()).unwrap();
    let ar = chrono::Local::now().format("%Y").to_string();
    assert!(skapad.contains(&ar), "creation date {skapad}");
}

#[test]
fn long_text_flows_onto_more_pages_and_table_rows_stay_whole() {
    let t = Typsnitt::ladda().unwrap();
    let lang = "Motiveringen är lång och förklarar steg för steg hur vi har bedömt din ansökan. ".repeat(60);
    let rader: Vec<Vec<String>> = (1..=40)
        .map(|i| {
            vec![
                format!("Rad {i} med en beskrivning som är så lång att den bryts över två rader i tabellen"),
                format!("{i} 000,00 kr"),
            ]
        })
        .collect();
    let block = vec![
        Block::Stycke(lang),
        Block::Tabell {
            kolumner: vec![
                Kolumn { rubrik: "Post".into(), bredd: 110.0, hoger: false },
                Kolumn { rubrik: "Belopp".into(), bredd: 50.0, hoger: true },
            ],
            rader,
            sista_fet: false,
        },
        Block::NySida,
        Block::Rubrik("Så överklagar du".into()),
    ];
    let sidor = pdf_sidor(&skapa_pdf(&huvud(), &block, &t));
    let n = sidor.len();
    assert!(n >= 3, "{n} pages");
    for (i, s) in sidor.iter().enumerate() {
        assert!(s.contains(&format!("Sida {} av {n}", i + 1)), "page {} lacks its number", i + 1);
    }
    assert!(sidor[n - 1].contains("Så överklagar du"), "the new page starts with its heading");
    // Every row's text and amount are on the same page.
    for i in 1..=40 {
        let amount = format!("{i} 000,00 kr");
        let sida_text = sidor.iter().position(|s| s.contains(&format!("Rad {i} med"))).unwrap();
        let sida_belopp = sidor.iter().position(|s| s.contains(&amount)).unwrap();
        assert_eq!(sida_text, sida_belopp, "row {i} was split");
    }
}

#[test]
fn wrapping_respects_the_width() {
    let t = Typsnitt::ladda().unwrap();
    let rader = t.radbryt(false, 11.0, "ett två tre fyra fem sex sju åtta nio tio", 30.0);
    assert!(rader.len() > 1);
    for r in &rader {
        assert!(t.bredd(false, 11.0, r) <= 30.0, "{r}");
    }
    assert_eq!(rader.join(" "), "ett två tre fyra fem sex sju åtta nio tio");
    let ord = t.radbryt(false, 11.0, &"x".repeat(200), 20.0);
    assert!(ord.len() > 1, "an over-long word is cut");
}

/// Lines of `Rad N` markers on each page.
fn rader_per_sida(sidor: &[String]) -> Vec<usize> {
    sidor.iter().map(|s| s.lines().filter(|l| l.starts_with("Rad ")).count()).collect()
}

#[test]
fn a_short_tail_never_sits_alone_on_a_page() {
    let t = Typsnitt::ladda().unwrap();
    for n in 20..60 {
        // Separate one-line paragraphs, then a closing line: the last ones move together.
        let mut block: Vec<Block> = (1..=n).map(|i| Block::Stycke(format!("Rad {i} i brevet."))).collect();
        block.push(Block::Stycke("Rad sist: har du frågor, ring oss.".into()));
        let per_sida = rader_per_sida(&pdf_sidor(&skapa_pdf(&huvud(), &block, &t)));
        assert!(per_sida.iter().skip(1).all(|&r| r >= 3), "{n} paragraphs: {per_sida:?}");
        assert_eq!(per_sida.iter().sum::<usize>(), n + 1);
        // One long paragraph: neither a lone first line at the bottom nor a tail of 1–2 lines.
        let stycke = (1..=n).map(|i| format!("Rad {i} av stycket")).collect::<Vec<_>>().join("\n");
        let per_sida = rader_per_sida(&pdf_sidor(&skapa_pdf(&huvud(), &[Block::Stycke(stycke)], &t)));
        if per_sida.len() > 1 {
            assert!(per_sida[0] >= 2 && per_sida.iter().skip(1).all(|&r| r >= 3), "{n} lines: {per_sida:?}");
        }
    }
}

#[test]
fn a_protected_recipient_gets_a_handling_sheet_first_and_only_the_name_in_the_window() {
    let t = Typsnitt::ladda().unwrap();
    let mut h = huvud();
    h.mottagare = vec!["Åsa Öberg".into()];
    h.hanteringsblad = vec!["Skicka brevet genom Skatteverkets vidarebefordran.".into()];
    let sidor = pdf_sidor(&skapa_pdf(&h, &[Block::Stycke("Hej.".into())], &t));
    assert_eq!(sidor.len(), 2);
    assert!(sidor[0].contains("INTERNT HANTERINGSBLAD") && sidor[0].contains("Skatteverkets vidarebefordran"));
    assert!(sidor[1].contains("Åsa Öberg") && sidor[1].contains("Sida 1 av 1") && !sidor[1].contains("Ängsvägen"));
}

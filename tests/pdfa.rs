//! Letters for the archive: every letter kind, read back, is PDF/A-2b as an e-archive checks
//! it — PDF/A identification in the XMP, an sRGB output intent, language sv-SE, a title in both
//! the document information and the XMP, and every font embedded.

mod gemensamt;

use bistand::domain::beslut::Utfall;
use bistand::store::Store;
use gemensamt::*;
use lopdf::{Document, Object};

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    store
}

fn text(o: &Object) -> String {
    match o {
        Object::String(b, _) if b.starts_with(&[0xFE, 0xFF]) => {
            let enheter: Vec<u16> = b[2..].chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&enheter)
        }
        Object::String(b, _) => String::from_utf8_lossy(b).into_owned(),
        Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
        other => format!("{other:?}"),
    }
}

/// Checks one letter; `vad` names it in a failure.
fn ar_pdfa(vad: &str, pdf: &[u8]) {
    let doc = Document::load_mem(pdf).unwrap_or_else(|e| panic!("{vad}: not a readable PDF: {e}"));
    let katalog = doc.catalog().unwrap();
    assert_eq!(text(katalog.get(b"Lang").unwrap()), "sv-SE", "{vad}: language");
    let avsikter = katalog.get(b"OutputIntents").and_then(Object::as_array).unwrap();
    let avsikt = doc.dereference(&avsikter[0]).unwrap().1.as_dict().unwrap();
    assert_eq!(text(avsikt.get(b"S").unwrap()), "GTS_PDFA1", "{vad}: output intent");
    let profil = avsikt.get(b"DestOutputProfile").and_then(Object::as_reference).unwrap();
    let profil = doc.get_object(profil).and_then(Object::as_stream).unwrap();
    assert_eq!(profil.dict.get(b"N").and_then(Object::as_i64).unwrap(), 3, "{vad}: an RGB profile");
    assert_eq!(&profil.decompressed_content().unwrap()[36..40], b"acsp", "{vad}: an ICC profile");

    let xmp = katalog.get(b"Metadata").and_then(Object::as_reference).unwrap();
    let xmp = doc.get_object(xmp).and_then(Object::as_stream).unwrap();
    let xmp = String::from_utf8(xmp.content.clone()).expect("the XMP is plain UTF-8 text");
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{vad}: {xmp}");
    assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "{vad}");

    let info = doc.trailer.get(b"Info").and_then(Object::as_reference).unwrap();
    let titel = text(doc.get_dictionary(info).unwrap().get(b"Title").unwrap());
    assert!(!titel.trim().is_empty(), "{vad}: a title");
    assert!(xmp.contains(&format!("<rdf:li xml:lang=\"x-default\">{titel}</rdf:li>")), "{vad}: the same title");
    assert!(doc.version.as_str() >= "1.4" && doc.version.as_str() <= "1.7", "{vad}: {}", doc.version);

    let typsnitt = typsnitt(&doc);
    assert!(!typsnitt.is_empty(), "{vad}: has its fonts");
    for (namn, inbaddad) in &typsnitt {
        assert!(inbaddad, "{vad}: every font embedded ({namn})");
        assert!(ar_delmangdsnamn(namn), "{vad}: a subset font is named \"ABCDEF+Namn\", not {namn}");
    }
}

/// "ABCDEF+LiberationSans": six capitals, a plus, the font's own name.
fn ar_delmangdsnamn(namn: &str) -> bool {
    let (tagg, font) = namn.split_once('+').unwrap_or(("", ""));
    tagg.len() == 6 && tagg.bytes().all(|b| b.is_ascii_uppercase()) && font.starts_with("LiberationSans")
}

/// Every font of the letter: its name (the Type0 font's BaseFont, checked to be the same as the
/// descendant font's BaseFont and the descriptor's FontName) and whether its program is embedded.
fn typsnitt(doc: &Document) -> Vec<(String, bool)> {
    let namn = |d: &lopdf::Dictionary, nyckel: &[u8]| d.get(nyckel).map(text).unwrap_or_default();
    let mut alla = Vec::new();
    for objekt in doc.objects.values() {
        let Ok(d) = objekt.as_dict() else { continue };
        if !d.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Type0") {
            continue;
        }
        let bas = namn(d, b"BaseFont");
        let under = d.get(b"DescendantFonts").and_then(Object::as_array).unwrap();
        let under = doc.dereference(&under[0]).unwrap().1.as_dict().unwrap();
        assert_eq!(namn(under, b"BaseFont"), bas, "the descendant font has the same name");
        let beskrivning = doc.dereference(under.get(b"FontDescriptor").unwrap()).unwrap().1.as_dict().unwrap();
        assert_eq!(namn(beskrivning, b"FontName"), bas, "the descriptor has the same name");
        alla.push((bas, beskrivning.get(b"FontFile2").is_ok()));
    }
    alla.sort();
    alla
}

#[test]
fn a_letter_printed_twice_names_its_font_subsets_the_same() {
    let store = demo();
    let id = store.alla_beslut().unwrap()[0].id;
    let namn = || typsnitt(&Document::load_mem(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap()).unwrap());
    let forsta = namn();
    assert_eq!(forsta, namn(), "the same letter gives the same subset tags");
    let taggar: Vec<&str> = forsta.iter().map(|(n, _)| &n[..6]).collect();
    assert_eq!(taggar.len(), 2, "regular and bold: {forsta:?}");
    assert_ne!(taggar[0], taggar[1], "regular and bold are different subsets: {forsta:?}");
}

#[test]
fn every_letter_kind_is_pdfa_2b_with_language_title_and_embedded_fonts() {
    let store = demo();
    let mut utfall = Vec::new();
    let mut skyddad = false;
    for rad in store.alla_beslut().unwrap() {
        let b = store.beslut(rad.id).unwrap();
        let hushall = store.hushall(store.arende(b.beslut.arende_id).unwrap().hushall_id).unwrap();
        if utfall.contains(&rad.utfall) && (skyddad || !hushall.skyddade_personuppgifter) {
            continue;
        }
        skyddad |= hushall.skyddade_personuppgifter;
        utfall.push(rad.utfall);
        ar_pdfa(&format!("beslut {}", rad.id), &bistand::utskrift::beslutsbrev_pdf(&store, rad.id).unwrap());
    }
    for u in [Utfall::Bifall, Utfall::Delavslag, Utfall::Avslag] {
        assert!(utfall.contains(&u), "a letter for {u:?}");
    }
    assert!(skyddad, "a letter with the handling sheet of a protected person");
    for (vad, _, pdf) in ovriga_brev(&store, nu().date()) {
        ar_pdfa(&vad, &pdf);
    }
}

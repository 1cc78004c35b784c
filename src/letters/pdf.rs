//! Writes laid-out pages as a PDF/A-2b letter for the archive: fonts embedded as subsets, XMP
//! identification (pdfaid part 2, conformance B), an sRGB output intent, language sv-SE and the
//! letter's title in both the document information and the XMP.

use super::layout::{Sidlayout, Typsnitt};
use lopdf::{Dictionary, Object, Stream, StringFormat};
use printpdf::{
    Color, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rgb,
    TextItem,
};

/// The sRGB profile of the output intent (icc-profiles-free, zlib licence; see `icc/`).
const SRGB: &[u8] = include_bytes!("../../icc/sRGB.icc");

/// What the archive's metadata says about the letter.
pub struct Dokumentinfo<'a> {
    pub titel: &'a str,
    pub forfattare: &'a str,
}

/// Writes the pages as PDF/A-2b bytes.
pub fn skriv(layout: &Sidlayout, info: &Dokumentinfo<'_>, t: &Typsnitt) -> Vec<u8> {
    let mut doc = PdfDocument::new(info.titel);
    let tecken = |fet: bool| -> String {
        let mut alla: String =
            layout.sidor.iter().flat_map(|p| &p.texter).filter(|x| x.fet == fet).map(|x| x.text.as_str()).collect();
        alla.push_str("0123456789 Sidaov");
        alla
    };
    // Embed only the glyphs the letter uses: a whole font is ~400 KB per file.
    let vanlig_font = delmangd(&t.vanlig, &tecken(false)).unwrap_or_else(|| t.vanlig.clone());
    let fet_font = delmangd(&t.fet, &tecken(true)).unwrap_or_else(|| t.fet.clone());
    let vanlig = doc.add_font(&vanlig_font);
    let fet = doc.add_font(&fet_font);
    let pdfsidor = layout
        .sidor
        .iter()
        .map(|sida| {
            let mut ops = vec![
                Op::SetOutlineColor { col: Color::Rgb(Rgb { r: 0.55, g: 0.55, b: 0.55, icc_profile: None }) },
                Op::SetOutlineThickness { pt: Pt(0.5) },
            ];
            sidans_innehall(sida, t, (&vanlig, &fet), &mut ops);
            PdfPage::new(Mm(super::layout::SIDA_BREDD), Mm(super::layout::SIDA_HOJD), ops)
        })
        .collect();
    let doc = doc.with_pages(pdfsidor);
    // The fonts are subset above already; printpdf need not do it again.
    let val = PdfSaveOptions { subset_fonts: false, optimize: false, ..Default::default() };
    let mut lo = doc.to_lopdf_document(&val, &mut Vec::new());
    if let Some(logo) = &layout.logo {
        use super::layout::{LOGO_HOJD, VANSTER};
        super::logo::rita(&mut lo, layout.logo_sida, logo, (VANSTER, 13.0, LOGO_HOJD));
    }
    arkivera(&mut lo, info);
    let mut ut = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = lo.save_to(&mut ut);
    ut
}

/// Lines and text of one page as PDF operations.
fn sidans_innehall(
    sida: &super::layout::Sida,
    t: &Typsnitt,
    (vanlig, fet): (&printpdf::FontId, &printpdf::FontId),
    ops: &mut Vec<Op>,
) {
    use super::layout::SIDA_HOJD;
    for (x1, x2, y) in &sida.linjer {
        let punkt = |x: f32| LinePoint { p: Point { x: Mm(x).into(), y: Mm(SIDA_HOJD - y).into() }, bezier: false };
        ops.push(Op::DrawLine { line: Line { points: vec![punkt(*x1), punkt(*x2)], is_closed: false } });
    }
    for f in &sida.former {
        let (r, g, b) = f.farg;
        ops.push(Op::SetOutlineColor { col: Color::Rgb(Rgb { r, g, b, icc_profile: None }) });
        ops.push(Op::SetOutlineThickness { pt: Pt(f.tjocklek) });
        let punkt = |(x, y): &(f32, f32)| LinePoint {
            p: Point { x: Mm(*x).into(), y: Mm(SIDA_HOJD - y).into() },
            bezier: false,
        };
        ops.push(Op::DrawLine { line: Line { points: f.punkter.iter().map(punkt).collect(), is_closed: false } });
    }
    for txt in &sida.texter {
        let x = if txt.hoger { txt.x - t.bredd(txt.fet, txt.storlek, &txt.text) } else { txt.x };
        ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(if txt.fet { fet.clone() } else { vanlig.clone() }),
                size: Pt(txt.storlek),
            },
            Op::SetTextCursor { pos: Point { x: Mm(x).into(), y: Mm(SIDA_HOJD - txt.y - txt.storlek * 0.28).into() } },
            Op::ShowText { items: vec![TextItem::Text(txt.text.clone())] },
            Op::EndTextSection,
        ]);
    }
}

/// Makes the document PDF/A-2b: version, document information, XMP, output intent, language;
/// then compresses every stream but the XMP (which archive tools read as plain text).
fn arkivera(doc: &mut lopdf::Document, info: &Dokumentinfo<'_>) {
    doc.version = "1.7".into();
    let nu = chrono::Utc::now();
    let pdf_datum = nu.format("D:%Y%m%d%H%M%S+00'00'").to_string();
    let xmp_datum = nu.format("%Y-%m-%dT%H:%M:%S+00:00").to_string();
    let producent = format!("Bistånd {}", env!("CARGO_PKG_VERSION"));
    let infodict = Dictionary::from_iter(vec![
        ("Title", Object::string_literal(utf16(info.titel))),
        ("Author", Object::string_literal(utf16(info.forfattare))),
        ("Creator", Object::string_literal(utf16("Bistånd"))),
        ("Producer", Object::string_literal(utf16(&producent))),
        ("CreationDate", Object::string_literal(pdf_datum.clone())),
        ("ModDate", Object::string_literal(pdf_datum)),
    ]);
    let info_id = doc.add_object(infodict);
    doc.trailer.set("Info", Object::Reference(info_id));
    let xmp = xmp(info, &producent, &xmp_datum);
    let mut xmp_strom = Stream::new(
        Dictionary::from_iter(vec![("Type", Object::Name(b"Metadata".to_vec())), ("Subtype", "XML".into())]),
        xmp.into_bytes(),
    );
    xmp_strom.allows_compression = false;
    let xmp_id = doc.add_object(xmp_strom);
    let icc_id = doc.add_object(icc_strom());
    let avsikt = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        ("OutputConditionIdentifier", Object::string_literal("sRGB IEC61966-2.1")),
        ("Info", Object::string_literal("sRGB IEC61966-2.1")),
        ("RegistryName", Object::string_literal("http://www.color.org")),
        ("DestOutputProfile", Object::Reference(icc_id)),
    ]);
    if let Ok(katalog) = doc.catalog_mut() {
        katalog.set("Metadata", Object::Reference(xmp_id));
        katalog.set("OutputIntents", Object::Array(vec![Object::Dictionary(avsikt)]));
        katalog.set("Lang", Object::String(b"sv-SE".to_vec(), StringFormat::Literal));
        katalog.set("ViewerPreferences", Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]));
    }
    komprimera(doc);
}

/// The sRGB profile as a stream, compressed once per process.
fn icc_strom() -> Stream {
    static PACKAD: std::sync::OnceLock<Option<Vec<u8>>> = std::sync::OnceLock::new();
    let mut dict = Dictionary::from_iter(vec![("N", Object::Integer(3))]);
    let innehall = match PACKAD.get_or_init(|| packa(SRGB, flate2::Compression::default())) {
        Some(packad) => {
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            packad.clone()
        }
        None => SRGB.to_vec(),
    };
    let mut strom = Stream::new(dict, innehall);
    strom.allows_compression = false;
    strom
}

/// `data` zlib-compressed (the PDF's FlateDecode).
pub(super) fn packa(data: &[u8], niva: flate2::Compression) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::with_capacity(data.len() / 2), niva);
    z.write_all(data).ok()?;
    z.finish().ok()
}

/// Compresses every stream that may be compressed, at zlib's fast level (lopdf's own
/// `compress` uses the slowest, best level on every stream of every letter).
fn komprimera(doc: &mut lopdf::Document) {
    for objekt in doc.objects.values_mut() {
        if let Object::Stream(strom) = objekt
            && strom.allows_compression
            && strom.dict.get(b"Filter").is_err()
            && let Some(packad) = packa(&strom.content, flate2::Compression::fast())
            && packad.len() < strom.content.len()
        {
            strom.dict.set("Filter", "FlateDecode");
            strom.set_content(packad);
        }
    }
}

/// Text as a PDF text string: UTF-16BE with a byte order mark.
fn utf16(text: &str) -> Vec<u8> {
    let mut ut = vec![0xFE, 0xFF];
    ut.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    ut
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The XMP packet: PDF/A identification and the same title, author, tool and dates as the
/// document information.
fn xmp(info: &Dokumentinfo<'_>, producent: &str, datum: &str) -> String {
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{titel}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{forfattare}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>Bistånd</xmp:CreatorTool>
   <xmp:CreateDate>{datum}</xmp:CreateDate>
   <xmp:ModifyDate>{datum}</xmp:ModifyDate>
   <xmp:MetadataDate>{datum}</xmp:MetadataDate>
   <pdf:Producer>{producent}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}',
        titel = xml(info.titel),
        forfattare = xml(info.forfattare),
        producent = xml(producent),
    )
}

/// A font reduced to the glyphs of `text` (plus .notdef), or `None` if subsetting fails (the
/// whole font is then embedded: larger, but the letter is still right). The subset is named
/// "TAGGEN+Namn" as PDF/A asks of a subset font, the tag derived from the glyphs it holds.
fn delmangd(font: &ParsedFont, text: &str) -> Option<ParsedFont> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile, subset};
    let mut ids: Vec<u16> = text.chars().filter_map(|c| font.lookup_glyph_index(c as u32)).collect();
    ids.push(0);
    ids.sort_unstable();
    ids.dedup();
    let scope = ReadScope::new(&font.original_bytes);
    let data = scope.read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(0).ok()?;
    let bytes = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()?;
    let mut del = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())?;
    let namn = font.font_name.as_deref().unwrap_or("Typsnitt");
    del.font_name = Some(format!("{}+{namn}", delmangdstagg(namn, &ids)));
    Some(del)
}

/// The six capital letters that tag a subset (ISO 32000-1, 9.6.4): the same font and glyphs
/// always give the same tag, another glyph set (almost always) another.
pub fn delmangdstagg(namn: &str, glyfer: &[u16]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(namn.as_bytes());
    for g in glyfer {
        h.update(g.to_be_bytes());
    }
    h.finalize().iter().take(6).map(|b| char::from(b'A' + b % 26)).collect()
}

/// The font's PostScript name (the `name` table's entry 6), letters, digits and '-' only, as a
/// PDF names an embedded font.
pub(super) fn postscriptnamn(bytes: &[u8]) -> Option<String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::tables::{FontTableProvider, NameTable};
    let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(0).ok()?;
    let tabell = provider.read_table_data(allsorts::tag::NAME).ok()?;
    let namn = ReadScope::new(&tabell).read::<NameTable<'_>>().ok()?.string_for_id(NameTable::POSTSCRIPT_NAME)?;
    let namn: String = namn.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    (!namn.is_empty()).then_some(namn)
}

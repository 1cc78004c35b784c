//! The unit's logo as a PDF image, decoded and compressed once and reused by every letter (a
//! batch prints thousands of letters with the same logo; compressing it took half a letter's
//! time).

use lopdf::{Dictionary, Object, Stream};
use std::sync::{Arc, Mutex};

/// A decoded logo: its size in pixels and its ready PDF image stream (with its alpha as a soft
/// mask).
#[derive(Debug)]
pub struct Logo {
    pub bredd: u32,
    pub hojd: u32,
    /// The pixels, RGBA row by row (the print preview draws them).
    pub rgba: Vec<u8>,
    bild: Stream,
    mask: Option<Stream>,
}

/// The logo of these PNG bytes; the last one decoded is kept. `None` for a picture that cannot
/// be read (the letter is then printed without it).
pub fn logo(png: &[u8]) -> Option<Arc<Logo>> {
    static SENAST: Mutex<Option<(Vec<u8>, Arc<Logo>)>> = Mutex::new(None);
    if let Ok(senast) = SENAST.lock()
        && let Some((bytes, logo)) = senast.as_ref()
        && bytes == png
    {
        return Some(logo.clone());
    }
    let logo = Arc::new(avkoda(png)?);
    if let Ok(mut senast) = SENAST.lock() {
        *senast = Some((png.to_vec(), logo.clone()));
    }
    Some(logo)
}

fn avkoda(png: &[u8]) -> Option<Logo> {
    let bild = image::load_from_memory_with_format(png, image::ImageFormat::Png).ok()?.to_rgba8();
    let (bredd, hojd) = bild.dimensions();
    if bredd == 0 || hojd == 0 {
        return None;
    }
    let rgb: Vec<u8> = bild.pixels().flat_map(|p| [p[0], p[1], p[2]]).collect();
    let alfa: Vec<u8> = bild.pixels().map(|p| p[3]).collect();
    let strom = |farger: &str, data: &[u8]| {
        let mut s = Stream::new(
            Dictionary::from_iter(vec![
                ("Type", Object::Name(b"XObject".to_vec())),
                ("Subtype", Object::Name(b"Image".to_vec())),
                ("Width", Object::Integer(i64::from(bredd))),
                ("Height", Object::Integer(i64::from(hojd))),
                ("ColorSpace", Object::Name(farger.as_bytes().to_vec())),
                ("BitsPerComponent", Object::Integer(8)),
                ("Filter", Object::Name(b"FlateDecode".to_vec())),
            ]),
            super::pdf::packa(data, flate2::Compression::default())?,
        );
        s.allows_compression = false;
        Some(s)
    };
    let mask = if alfa.iter().all(|&a| a == 255) { None } else { Some(strom("DeviceGray", &alfa)?) };
    Some(Logo { bredd, hojd, bild: strom("DeviceRGB", &rgb)?, mask, rgba: bild.into_raw() })
}

/// Draws the logo on page `sida` (0-based) of the written document, `hojd_mm` tall with its
/// top-left corner at (`x_mm`, `topp_mm`) from the page's top-left.
pub fn rita(doc: &mut lopdf::Document, sida: usize, logo: &Logo, (x_mm, topp_mm, hojd_mm): (f32, f32, f32)) {
    let Some(&sid_id) = doc.get_pages().values().nth(sida) else { return };
    let mut bild = logo.bild.clone();
    if let Some(mask) = &logo.mask {
        let mask_id = doc.add_object(mask.clone());
        bild.dict.set("SMask", Object::Reference(mask_id));
    }
    let bild_id = doc.add_object(bild);
    let pt = |mm: f32| mm * 72.0 / 25.4;
    let (h, w) = (pt(hojd_mm), pt(hojd_mm) * logo.bredd as f32 / logo.hojd as f32);
    let y = pt(super::layout::SIDA_HOJD - topp_mm - hojd_mm);
    let innehall = format!("q {w:.3} 0 0 {h:.3} {:.3} {y:.3} cm /BistandLogo Do Q\n", pt(x_mm));
    let innehall_id = doc.add_object(Stream::new(Dictionary::new(), innehall.into_bytes()));
    let Ok(sid) = doc.get_dictionary_mut(sid_id) else { return };
    let gammalt = sid.get(b"Contents").ok().cloned();
    let mut delar = vec![Object::Reference(innehall_id)];
    delar.extend(gammalt);
    sid.set("Contents", Object::Array(delar));
    let resurser = match sid.get(b"Resources") {
        Ok(Object::Reference(id)) => *id,
        _ => return,
    };
    let xobjekt = doc.get_dictionary(resurser).ok().and_then(|r| r.get(b"XObject").ok().cloned());
    let mut ordbok = match &xobjekt {
        Some(Object::Reference(id)) => doc.get_dictionary(*id).cloned().unwrap_or_default(),
        Some(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    ordbok.set("BistandLogo", Object::Reference(bild_id));
    if let Ok(r) = doc.get_dictionary_mut(resurser) {
        r.set("XObject", Object::Dictionary(ordbok));
    }
}

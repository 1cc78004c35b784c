//! Print a letter: make the PDF, save it, and note in the event log and the journal that it
//! was printed.

use super::{Aktor, Arbetsfel, Spar};
use crate::store::{Handelse, Store};
use crate::utskrift::{Dokument, Utskriftsfel};
use std::path::{Path, PathBuf};

/// Makes `dokument` as of today, saves it as `fil` (its folder must exist) and writes "Brev utskrivet: …" in the case's
/// journal. Returns the file.
pub fn skriv_ut(store: &mut Store, aktor: &Aktor, dokument: &Dokument, fil: &Path) -> Result<PathBuf, Arbetsfel> {
    aktor.far(Handelse::SkrevUtBrev)?;
    let brev = dokument.skapa(store, aktor.nu.date())?;
    crate::filer::skriv(fil, brev.pdf)
        .map_err(|e| Utskriftsfel::Fil { sokvag: fil.to_path_buf(), orsak: crate::filer::orsak(&e) })?;
    let namn = fil.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let detalj = format!("{} ({namn})", brev.titel);
    store.skriv(|w| {
        let spar = Spar {
            handelse: Handelse::SkrevUtBrev,
            arende_id: brev.arende_id,
            logg: &brev.titel,
            rubrik: "Brev utskrivet",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)
    })?;
    Ok(fil.to_path_buf())
}

//! Print a letter: make the PDF, save it, and note in the event log and the journal that it
//! was printed.

use super::{Aktor, Arbetsfel, Spar};
use crate::store::{Handelse, Store};
use crate::utskrift::{Brev, Dokument, Utskriftsfel};
use std::path::{Path, PathBuf};

/// Makes `dokument` as of today, saves it as `fil` (its folder must exist) and writes "Brev utskrivet: …" in the case's
/// journal. Returns the file.
pub fn skriv_ut(store: &mut Store, aktor: &Aktor, dokument: &Dokument, fil: &Path) -> Result<PathBuf, Arbetsfel> {
    aktor.far(Handelse::SkrevUtBrev)?;
    let brev = dokument.skapa(store, aktor.nu.date())?;
    spara(store, aktor, &brev, fil)
}

/// Saves an already made letter (e.g. the one a preview shows) as `fil` and writes
/// "Brev utskrivet: …" in the case's journal. Returns the file.
pub fn spara(store: &mut Store, aktor: &Aktor, brev: &Brev, fil: &Path) -> Result<PathBuf, Arbetsfel> {
    aktor.far(Handelse::SkrevUtBrev)?;
    skriv_fil(brev, fil)?;
    let namn = fil.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    journalfor(store, aktor, brev, &format!("{} ({namn})", brev.titel))?;
    Ok(fil.to_path_buf())
}

/// Writes the letter's PDF bytes to `fil`.
pub(crate) fn skriv_fil(brev: &Brev, fil: &Path) -> Result<(), Utskriftsfel> {
    crate::filer::skriv(fil, &brev.pdf)
        .map_err(|e| Utskriftsfel::Fil { sokvag: fil.to_path_buf(), orsak: crate::filer::orsak(&e) })
}

/// The event-log line and the journal line "Brev utskrivet: `detalj`".
pub(crate) fn journalfor(store: &mut Store, aktor: &Aktor, brev: &Brev, detalj: &str) -> Result<(), Arbetsfel> {
    store.skriv(|w| {
        let spar = Spar {
            handelse: Handelse::SkrevUtBrev,
            arende_id: brev.arende_id,
            logg: &brev.titel,
            rubrik: "Brev utskrivet",
            detalj,
        };
        spar.skriv(w, aktor)
    })?;
    Ok(())
}

/// Every decision letter of `manad` into `mapp` (`bistand brev --manad`); one log line says how
/// many were written.
pub fn manadens_beslutsbrev(
    store: &mut Store,
    aktor: &Aktor,
    manad: crate::domain::manad::Manad,
    mapp: &Path,
    framsteg: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<crate::utskrift::Omgang, Arbetsfel> {
    aktor.far(Handelse::SkrevUtBrev)?;
    let omgang = crate::brevomgang::manadens_beslutsbrev(store, manad, mapp, framsteg).map_err(Arbetsfel::Ogiltig)?;
    let detalj = format!("månadens beslutsbrev {manad}: {} av {} till {}", omgang.skrivna, omgang.alla, mapp.display());
    store.skriv(|w| w.logga(Handelse::SkrevUtBrev, None, &aktor.login, &detalj, aktor.nu))?;
    Ok(omgang)
}

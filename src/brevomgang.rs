//! The month's batch of decision letters on every core: one worker per core, each with its own
//! database connection, taking the next decision from a shared counter; the calling thread
//! reports progress and can stop the batch. Used by the window and by `bistand brev --manad`.

use crate::domain::manad::Manad;
use crate::store::{BeslutRad, Store};
use crate::utskrift::{Omgang, beslutsbrev_pdf};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// Writes the decision letter of every decision for `manad` into `mapp`, one PDF per decision
/// ("beslut-ÄRENDE-ID.pdf"), calling `framsteg(skrivna, alla)` as letters are done; returning
/// `false` stops the batch after the letters already being written.
pub fn manadens_beslutsbrev(
    store: &Store,
    manad: Manad,
    mapp: &Path,
    framsteg: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Omgang, String> {
    let beslut = store.beslut_for_period(manad).map_err(|e| e.to_string())?;
    let alla = beslut.len();
    if alla > 0 {
        crate::filer::skapa_mapp(mapp)
            .map_err(|e| format!("Mappen {} kan inte skapas: {}.", mapp.display(), crate::filer::orsak(&e)))?;
    }
    let databas = store.sokvag();
    let tradar = arbetare(alla, databas);
    let skrivna = if tradar <= 1 {
        i_en_trad(store, &beslut, mapp, framsteg)?
    } else {
        parallellt(databas, &beslut, mapp, tradar, framsteg)?
    };
    if skrivna == alla {
        framsteg(alla, alla);
    }
    Ok(Omgang { skrivna, alla })
}

/// How many workers: one per core, never more than letters, one for an in-memory database.
fn arbetare(alla: usize, databas: &Path) -> usize {
    if databas == Path::new(":memory:") {
        return 1;
    }
    std::thread::available_parallelism().map(usize::from).unwrap_or(1).min(alla.max(1))
}

fn fil_for(mapp: &Path, b: &BeslutRad) -> PathBuf {
    mapp.join(format!("beslut-{}-{}.pdf", b.arendenummer, b.id))
}

fn skriv_brev(store: &Store, mapp: &Path, b: &BeslutRad) -> Result<(), String> {
    let fil = fil_for(mapp, b);
    crate::filer::skriv(&fil, beslutsbrev_pdf(store, b.id).map_err(|e| e.to_string())?)
        .map_err(|e| format!("{} kan inte sparas: {}.", fil.display(), crate::filer::orsak(&e)))
}

fn i_en_trad(
    store: &Store,
    beslut: &[BeslutRad],
    mapp: &Path,
    framsteg: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<usize, String> {
    for (i, b) in beslut.iter().enumerate() {
        if !framsteg(i, beslut.len()) {
            return Ok(i);
        }
        skriv_brev(store, mapp, b)?;
    }
    Ok(beslut.len())
}

/// Workers take decisions in order from a shared counter and send one message per letter; the
/// first error stops them all and is returned.
fn parallellt(
    databas: &Path,
    beslut: &[BeslutRad],
    mapp: &Path,
    tradar: usize,
    framsteg: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<usize, String> {
    let nasta = AtomicUsize::new(0);
    let stopp = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<Result<(), String>>();
    std::thread::scope(|s| {
        for _ in 0..tradar {
            let tx = tx.clone();
            let (nasta, stopp) = (&nasta, &stopp);
            s.spawn(move || {
                let store = match Store::open(databas) {
                    Ok(store) => store,
                    Err(e) => {
                        let _ = tx.send(Err(e.to_string()));
                        return;
                    }
                };
                while !stopp.load(Ordering::Relaxed) {
                    let Some(b) = beslut.get(nasta.fetch_add(1, Ordering::Relaxed)) else { break };
                    if tx.send(skriv_brev(&store, mapp, b)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        samla(&rx, &stopp, beslut.len(), framsteg)
    })
}

/// Counts the finished letters on the calling thread, reporting each; stops the workers at the
/// first error or when `framsteg` says stop.
fn samla(
    rx: &mpsc::Receiver<Result<(), String>>,
    stopp: &AtomicBool,
    alla: usize,
    framsteg: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<usize, String> {
    let mut skrivna = 0;
    let mut fel = None;
    if !framsteg(0, alla) {
        stopp.store(true, Ordering::Relaxed);
    }
    for svar in rx {
        match svar {
            Ok(()) => skrivna += 1,
            Err(e) => {
                stopp.store(true, Ordering::Relaxed);
                fel.get_or_insert(e);
            }
        }
        if !stopp.load(Ordering::Relaxed) && !framsteg(skrivna, alla) {
            stopp.store(true, Ordering::Relaxed);
        }
    }
    match fel {
        Some(e) => Err(e),
        None => Ok(skrivna),
    }
}

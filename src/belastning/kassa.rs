//! The simulated kassa: reads its queue, orders the granted money no one has ordered and
//! attests orders (never one of its own decisions: the kassa decides nothing).

use super::matning::{Atgard, Matning};
use super::{Gemensamt, Kvitton, Slump};
use crate::arbete::{Aktor, Arbetsfel, utbetalning};
use crate::domain::anvandare::Roll;
use crate::domain::betalning::{Konto, Mottagare, Status, levererade_utbetalningsregler};
use crate::store::Store;
use std::path::Path;
use std::time::Instant;

/// The kassa's name: no decision of the simulation is ever made by it.
pub const KASSA: &str = "Kassa Kontrollsson";

/// Orders attested per look at the queue.
const PER_VARV: usize = 5;

struct Kassa {
    store: Store,
    slump: Slump,
    matning: Matning,
    kvitton: Kvitton,
}

/// Works until the time is up; returns what was measured and acknowledged.
pub(super) fn arbeta(url: &str, g: &Gemensamt) -> (Matning, Kvitton) {
    let store = match Store::open(Path::new(url)) {
        Ok(s) => s,
        Err(e) => {
            let mut m = Matning::default();
            m.fel(Atgard::KassansLista, format!("Kassan kunde inte ansluta: {e}"));
            return (m, Kvitton::default());
        }
    };
    let mut k = Kassa { store, slump: Slump::ny(0xCA55A), matning: Matning::default(), kvitton: Kvitton::default() };
    let mut senast_ok = false;
    while !g.klar() {
        senast_ok = k.varv(g);
        let paus = k.slump.paus(g.paus).min(g.slut.saturating_duration_since(Instant::now()));
        std::thread::sleep(paus);
    }
    k.matning.ok_pa_slutet = usize::from(senast_ok);
    (k.matning, k.kvitton)
}

fn aktor() -> Aktor {
    Aktor::ny(KASSA, super::nu()).med_roll(Roll::Kassa)
}

impl Kassa {
    /// One look at the work: order one decision's money if any waits, then attest a few.
    /// True when the queue could be read.
    fn varv(&mut self, g: &Gemensamt) -> bool {
        if let Err(e) = self.bestall() {
            self.matning.misslyckad(Atgard::Bestall, &e);
        }
        let ko = match self.ko() {
            Ok(ko) => ko,
            Err(e) => {
                self.matning.misslyckad(Atgard::KassansLista, &e);
                return false;
            }
        };
        for id in ko.into_iter().take(PER_VARV) {
            if g.klar() {
                break;
            }
            self.attestera(id);
        }
        true
    }

    /// The orders waiting for an attest, of every payment day from a month ago.
    fn ko(&mut self) -> Result<Vec<i64>, Arbetsfel> {
        let start = Instant::now();
        let fran = super::nu().date() - chrono::Days::new(31);
        let mut ko = Vec::new();
        for dag in self.store.utbetalningsdagar()?.into_iter().filter(|d| *d >= fran) {
            let order = self.store.utbetalningar_dag(dag)?;
            ko.extend(order.into_iter().filter(|o| o.status == Status::AttAttestera).map(|o| o.id));
        }
        self.matning.tid(Atgard::KassansLista, start.elapsed());
        Ok(ko)
    }

    fn bestall(&mut self) -> Result<(), Arbetsfel> {
        let fran = super::nu().date() - chrono::Days::new(31);
        let Some(beslut) = self.store.att_bestalla(fran)?.into_iter().next() else { return Ok(()) };
        let mottagare = Mottagare {
            namn: "AB Exempelbostäder".into(),
            konto: Konto::tolka("bankgiro", "", "5555-1234").map_err(Arbetsfel::Ogiltig)?,
            referens: String::new(),
        };
        let kalender = levererade_utbetalningsregler();
        let start = Instant::now();
        let ids = utbetalning::bestall(&mut self.store, &aktor(), beslut.beslut_id, &mottagare, &kalender)?;
        self.matning.tid(Atgard::Bestall, start.elapsed());
        self.kvitton.bestallda.extend(ids);
        Ok(())
    }

    fn attestera(&mut self, id: i64) {
        let start = Instant::now();
        match utbetalning::attestera(&mut self.store, &aktor(), id) {
            Ok(()) => {
                self.matning.tid(Atgard::Attestera, start.elapsed());
                self.kvitton.attesterade.push((id, KASSA.to_string()));
            }
            Err(e) => self.matning.misslyckad(Atgard::Attestera, &e),
        }
    }
}

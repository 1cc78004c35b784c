//! Latencies per action, refusals and errors, and the table the load test prints.

use crate::arbete::Arbetsfel;
use crate::store::StoreError;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

/// What a simulated user does (the rows of the table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Atgard {
    Sok,
    Oppna,
    Ansokan,
    Beslut,
    Brev,
    Journal,
    HetJournal,
    HetAndring,
    KassansLista,
    Bestall,
    Attestera,
}

impl Atgard {
    pub const ALLA: [Atgard; 11] = [
        Atgard::Sok,
        Atgard::Oppna,
        Atgard::Ansokan,
        Atgard::Beslut,
        Atgard::Brev,
        Atgard::Journal,
        Atgard::HetJournal,
        Atgard::HetAndring,
        Atgard::KassansLista,
        Atgard::Bestall,
        Atgard::Attestera,
    ];

    pub fn namn(self) -> &'static str {
        match self {
            Atgard::Sok => "Sök ärende",
            Atgard::Oppna => "Öppna ärende",
            Atgard::Ansokan => "Spara ansökan",
            Atgard::Beslut => "Fatta beslut",
            Atgard::Brev => "Skriv ut beslutsbrev",
            Atgard::Journal => "Skriv journal",
            Atgard::HetJournal => "Skriv journal (hett ärende)",
            Atgard::HetAndring => "Ändra ansvar (hett ärende)",
            Atgard::KassansLista => "Kassans attestlista",
            Atgard::Bestall => "Beställ utbetalning",
            Atgard::Attestera => "Attestera utbetalning",
        }
    }

    /// Whether the action saves (the goal "save p95 < 100 ms" is about these).
    pub fn sparar(self) -> bool {
        !matches!(self, Atgard::Sok | Atgard::Oppna | Atgard::KassansLista | Atgard::Brev)
    }
}

/// Every latency, refusal and error of one or more users.
#[derive(Debug, Default)]
pub struct Matning {
    pub tider: BTreeMap<Atgard, Vec<Duration>>,
    /// Refused by the program (a rule, a race, a validation): nothing was written.
    pub nekade: BTreeMap<Atgard, usize>,
    pub fel: BTreeMap<Atgard, usize>,
    /// The first few errors and refusals, as said.
    pub exempel: Vec<String>,
    /// Users whose last action went through (after a server restart: those that reconnected).
    pub ok_pa_slutet: usize,
}

impl Matning {
    pub fn tid(&mut self, atgard: Atgard, tid: Duration) {
        self.tider.entry(atgard).or_default().push(tid);
    }

    /// Counts a failed action: a refusal (nothing written, said to the user) or an error (the
    /// database failed).
    pub fn misslyckad(&mut self, atgard: Atgard, fel: &Arbetsfel) {
        match fel {
            Arbetsfel::Databas(StoreError::Regel(_) | StoreError::Saknas(_) | StoreError::Dubblett(_))
            | Arbetsfel::Databas(StoreError::Upptagen | StoreError::Krock { .. }) => self.neka(atgard, fel.to_string()),
            Arbetsfel::Databas(_) | Arbetsfel::Utskrift(_) => self.fel(atgard, fel.to_string()),
            _ => self.neka(atgard, fel.to_string()),
        }
    }

    fn neka(&mut self, atgard: Atgard, text: String) {
        *self.nekade.entry(atgard).or_default() += 1;
        self.exempel(atgard, "nekad", text);
    }

    pub fn fel(&mut self, atgard: Atgard, text: String) {
        *self.fel.entry(atgard).or_default() += 1;
        self.exempel(atgard, "fel", text);
    }

    fn exempel(&mut self, atgard: Atgard, slag: &str, text: String) {
        if self.exempel.len() < 12 {
            self.exempel.push(format!("{} ({slag}): {text}", atgard.namn()));
        }
    }

    pub fn lagg_till(&mut self, o: Matning) {
        for (a, t) in o.tider {
            self.tider.entry(a).or_default().extend(t);
        }
        for (a, n) in o.nekade {
            *self.nekade.entry(a).or_default() += n;
        }
        for (a, n) in o.fel {
            *self.fel.entry(a).or_default() += n;
        }
        self.ok_pa_slutet += o.ok_pa_slutet;
        self.exempel.extend(o.exempel.into_iter().take(12usize.saturating_sub(self.exempel.len())));
    }

    pub fn antal(&self, atgard: Atgard) -> usize {
        self.tider.get(&atgard).map_or(0, Vec::len)
    }

    pub fn antal_fel(&self) -> usize {
        self.fel.values().sum()
    }

    /// The latencies of every saving action together.
    pub fn sparanden(&self) -> Vec<Duration> {
        self.tider.iter().filter(|(a, _)| a.sparar()).flat_map(|(_, t)| t.iter().copied()).collect()
    }

    /// The table: count, actions per second, p50/p95/p99 in milliseconds, refused, errors.
    /// Counts are of actions that went through; refused and failed ones are counted apart.
    pub fn tabell(&self, tid: Duration) -> String {
        let sek = tid.as_secs_f64().max(0.001);
        let mut ut = format!(
            "{:<30} {:>7} {:>8} {:>8} {:>8} {:>8} {:>7} {:>5}\n",
            "Åtgärd", "antal", "per s", "p50 ms", "p95 ms", "p99 ms", "nekade", "fel"
        );
        for a in Atgard::ALLA {
            let tider = self.tider.get(&a).cloned().unwrap_or_default();
            let (n, f) = (self.nekade.get(&a).copied().unwrap_or(0), self.fel.get(&a).copied().unwrap_or(0));
            rad(&mut ut, a.namn(), tider, sek, n, f);
        }
        let alla: Vec<Duration> = self.tider.values().flat_map(|t| t.iter().copied()).collect();
        let nekade = self.nekade.values().sum();
        rad(&mut ut, "Alla sparanden", self.sparanden(), sek, 0, 0);
        rad(&mut ut, "Alla åtgärder", alla, sek, nekade, self.antal_fel());
        ut
    }
}

fn rad(ut: &mut String, namn: &str, mut tider: Vec<Duration>, sek: f64, nekade: usize, fel: usize) {
    tider.sort();
    let p = |q: f64| percentil(&tider, q).map_or("–".to_string(), |d| format!("{:.1}", d.as_secs_f64() * 1000.0));
    let _ = writeln!(
        ut,
        "{namn:<30} {:>7} {:>8.1} {:>8} {:>8} {:>8} {nekade:>7} {fel:>5}",
        tider.len(),
        tider.len() as f64 / sek,
        p(0.50),
        p(0.95),
        p(0.99)
    );
}

/// The `q` quantile of sorted latencies (nearest rank).
pub fn percentil(sorterade: &[Duration], q: f64) -> Option<Duration> {
    if sorterade.is_empty() {
        return None;
    }
    let rang = ((q * sorterade.len() as f64).ceil() as usize).clamp(1, sorterade.len());
    sorterade.get(rang - 1).copied()
}

/// The p95 of an action, for the goals.
pub fn p95(matning: &Matning, atgard: Atgard) -> Option<Duration> {
    let mut t = matning.tider.get(&atgard)?.clone();
    t.sort();
    percentil(&t, 0.95)
}

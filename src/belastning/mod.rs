//! The load test of a unit's database (issue 16): simulated caseworkers and a kassa, each a
//! thread with its own connection, work one database for a bounded time through the use-case
//! layer only (exactly what the window calls). Every latency is measured per action, every
//! acknowledged write is kept as a receipt, and afterwards [`kontroll`] checks that nothing
//! acknowledged is missing, no update was lost silently, the hash chain verifies and no
//! decision has more ordered than granted.
//!
//! Run by `examples/belastning.rs` (see the README) and, briefly, by `tests/belastning.rs`.

mod handlaggare;
mod kassa;
pub mod kontroll;
pub mod matning;

use crate::arbete::Aktor;
use crate::demo::{Demoval, bygg_demo};
use crate::domain::arende::ArendeStatus;
use crate::store::{Sortering, Store};
use matning::{Atgard, Matning};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What to run.
#[derive(Debug, Clone)]
pub struct Installning {
    /// The unit database's address (`postgres://…`); a file path also works.
    pub url: String,
    /// Simulated caseworkers (the kassa comes in addition).
    pub anvandare: usize,
    /// How long the load runs.
    pub tid: Duration,
    /// Cases several caseworkers edit at the same time.
    pub heta: usize,
    /// The longest pause between two actions of one user (uniformly 0..paus), and the time a
    /// user looks at a hot case before saving her change to it.
    pub paus: Duration,
    /// A shell command that restarts the database server, run once halfway through (the
    /// restart test of issue 16); `None` for none.
    pub omstart: Option<String>,
}

/// One acknowledged change of a hot case's bidragshandläggare: what the user saw when she
/// opened the case and what she set.
#[derive(Debug, Clone)]
pub struct Andring {
    pub arende_id: i64,
    pub sag: String,
    pub satte: String,
}

/// Every write the use cases acknowledged (returned Ok), to be found afterwards.
#[derive(Debug, Clone, Default)]
pub struct Kvitton {
    /// (case, entry id, text).
    pub journal: Vec<(i64, i64, String)>,
    /// (case, application id).
    pub ansokningar: Vec<(i64, i64)>,
    /// (case, decision id).
    pub beslut: Vec<(i64, i64)>,
    /// Payment orders placed by the kassa.
    pub bestallda: Vec<i64>,
    /// Payment orders attested, with who attested.
    pub attesterade: Vec<(i64, String)>,
    pub andringar: Vec<Andring>,
}

impl Kvitton {
    fn lagg_till(&mut self, o: Kvitton) {
        self.journal.extend(o.journal);
        self.ansokningar.extend(o.ansokningar);
        self.beslut.extend(o.beslut);
        self.bestallda.extend(o.bestallda);
        self.attesterade.extend(o.attesterade);
        self.andringar.extend(o.andringar);
    }

    pub fn antal(&self) -> usize {
        self.journal.len()
            + self.ansokningar.len()
            + self.beslut.len()
            + self.bestallda.len()
            + self.attesterade.len()
            + self.andringar.len()
    }
}

/// What every thread shares: the open cases, the hot ones, search words, when to stop.
pub(crate) struct Gemensamt {
    pub arenden: Vec<i64>,
    pub heta: Vec<i64>,
    pub sokord: Vec<String>,
    pub slut: Instant,
    pub paus: Duration,
    pub stopp: AtomicBool,
}

impl Gemensamt {
    pub fn klar(&self) -> bool {
        self.stopp.load(Ordering::Relaxed) || Instant::now() >= self.slut
    }
}

/// What a run measured and what the check afterwards found.
#[derive(Debug)]
pub struct Rapport {
    pub matning: Matning,
    pub tid: Duration,
    pub anvandare: usize,
    pub kvitton: usize,
    pub kontroll: kontroll::Kontroll,
    /// What the restart halfway did, when one was asked for.
    pub omstart: Option<String>,
}

/// Fills an empty database with the demo unit of `hushall` households (a training database is
/// used as it is). A database with real work in it is refused: the load test writes fictitious
/// journal entries and decisions.
pub fn forbered(store: &mut Store, hushall: usize) -> Result<(), String> {
    if store.antal_hushall().map_err(|e| e.to_string())? > 0 {
        return match store.ar_ovningsdatabas() {
            Ok(true) => Ok(()),
            Ok(false) => Err("Databasen har riktiga ärenden. Belastningsprovet körs bara mot en övningsdatabas \
                              eller en tom databas."
                .into()),
            Err(e) => Err(e.to_string()),
        };
    }
    let val = Demoval { hushall, manader: 1 };
    bygg_demo(store, val, chrono::Local::now().naive_local(), &mut |_, _| true).map_err(|e| e.to_string())?;
    Ok(())
}

/// Runs the load: `installning.anvandare` caseworkers and one kassa, until the time is up;
/// then checks the database against every receipt.
pub fn kor(installning: &Installning) -> Result<Rapport, String> {
    let store = Store::open(Path::new(&installning.url)).map_err(|e| e.to_string())?;
    let gemensamt = las_arenden(&store, installning)?;
    let fore = kontroll::Fore::las(&store, &gemensamt.heta)?;
    let start = Instant::now();
    let ((matning, kvitton), omstart) = std::thread::scope(|s| {
        let g = &gemensamt;
        let url = installning.url.as_str();
        let mut tradar: Vec<_> =
            (0..installning.anvandare).map(|i| s.spawn(move || handlaggare::arbeta(url, i, g))).collect();
        tradar.push(s.spawn(move || kassa::arbeta(url, g)));
        let omstart = installning.omstart.as_deref().map(|k| s.spawn(move || starta_om(k, g)));
        let delar = samla(tradar.into_iter().map(|t| t.join().unwrap_or_else(|_| trad_dog())));
        (delar, omstart.map(|t| t.join().unwrap_or_else(|_| "omstarten avbröts".into())))
    });
    let tid = start.elapsed();
    let antal = kvitton.antal();
    // A new connection: after a restart the first one is gone.
    drop(store);
    let store = Store::open(Path::new(&installning.url)).map_err(|e| e.to_string())?;
    let kontroll = kontroll::kontrollera(&store, &kvitton, &fore)?;
    Ok(Rapport { matning, tid, anvandare: installning.anvandare, kvitton: antal, kontroll, omstart })
}

/// Restarts the server halfway through the run with `kommando` (through `sh -c`); says what
/// happened and how long it took.
fn starta_om(kommando: &str, g: &Gemensamt) -> String {
    let halvvags = g.slut.saturating_duration_since(Instant::now()) / 2;
    std::thread::sleep(halvvags);
    let start = Instant::now();
    let svar = std::process::Command::new("sh").arg("-c").arg(kommando).output();
    let tid = start.elapsed().as_secs_f64();
    match svar {
        Ok(ut) if ut.status.success() => format!("Servern startades om efter halva tiden ({tid:.1} s)."),
        Ok(ut) => format!("Omstarten misslyckades: {}", String::from_utf8_lossy(&ut.stderr).trim()),
        Err(e) => format!("Omstartskommandot kunde inte köras: {e}"),
    }
}

/// A thread that panicked: counted as one error, its receipts lost (and reported so).
fn trad_dog() -> (Matning, Kvitton) {
    let mut m = Matning::default();
    m.fel(Atgard::Sok, "en användartråd avbröts oväntat".into());
    (m, Kvitton::default())
}

fn samla(delar: impl Iterator<Item = (Matning, Kvitton)>) -> (Matning, Kvitton) {
    let mut matning = Matning::default();
    let mut kvitton = Kvitton::default();
    for (m, k) in delar {
        matning.lagg_till(m);
        kvitton.lagg_till(k);
    }
    (matning, kvitton)
}

/// The cases that are not closed, the hot ones among them and the surnames to search for.
fn las_arenden(store: &Store, installning: &Installning) -> Result<Gemensamt, String> {
    let alla = store.sok_arenden("", Sortering::Arendenummer, true, 1_000_000).map_err(|e| e.to_string())?;
    let oppna: Vec<_> = alla.rader.into_iter().filter(|r| r.status != ArendeStatus::Avslutad).collect();
    if oppna.len() < installning.heta.max(1) * 2 {
        return Err(format!("Databasen har bara {} öppna ärenden; det behövs fler.", oppna.len()));
    }
    let mut sokord: BTreeMap<String, ()> = BTreeMap::new();
    for r in &oppna {
        if let Some(efternamn) = r.namn.split(',').next() {
            sokord.insert(efternamn.trim().to_string(), ());
        }
    }
    let mitten = oppna.len() / 2;
    let heta = oppna[mitten..mitten + installning.heta].iter().map(|r| r.arende_id).collect();
    Ok(Gemensamt {
        arenden: oppna.iter().map(|r| r.arende_id).collect(),
        heta,
        sokord: sokord.into_keys().collect(),
        slut: Instant::now() + installning.tid,
        paus: installning.paus,
        stopp: AtomicBool::new(false),
    })
}

/// A caseworker of the simulation: a 1:e socialsekreterare (whom the permissions let work in
/// every case) acting now.
pub(crate) fn handlaggare(nummer: usize) -> Aktor {
    Aktor::ny(format!("Handläggare {:02}", nummer + 1), nu())
}

pub(crate) fn nu() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// A small, fast random source per thread (xorshift); the load need not be cryptographic.
pub(crate) struct Slump(u64);

impl Slump {
    pub fn ny(fro: u64) -> Slump {
        Slump(fro.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn upp_till(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    pub fn valj<'a, T>(&mut self, ur: &'a [T]) -> Option<&'a T> {
        if ur.is_empty() { None } else { ur.get(self.upp_till(ur.len())) }
    }

    pub fn paus(&mut self, max: Duration) -> Duration {
        let ms = max.as_millis() as usize;
        Duration::from_millis(self.upp_till(ms + 1) as u64)
    }
}

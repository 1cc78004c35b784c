//! One simulated caseworker: her own connection, a day's mix of actions through the use cases
//! until the time is up, a latency per action and a receipt per acknowledged write.

use super::matning::{Atgard, Matning};
use super::{Andring, Gemensamt, Kvitton, Slump};
use crate::arbete::arende::{Ansvar, oppna_arende};
use crate::arbete::{Aktor, Arbetsfel, ansokan, beslut, brev, journal};
use crate::domain::ansokan::AnsokanFormular;
use crate::domain::journal::JournalFormular;
use crate::domain::manad::Manad;
use crate::domain::norm::Regler;
use crate::store::{Sortering, Store};
use crate::utskrift::Dokument;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The day's mix: how often each action is chosen (out of the sum).
const MIX: [(Atgard, usize); 8] = [
    (Atgard::Sok, 30),
    (Atgard::Oppna, 24),
    (Atgard::Journal, 14),
    (Atgard::Ansokan, 8),
    (Atgard::Beslut, 6),
    (Atgard::Brev, 4),
    (Atgard::HetJournal, 7),
    (Atgard::HetAndring, 7),
];

struct Handlaggare<'g> {
    store: Store,
    aktor: Aktor,
    regler: Regler,
    g: &'g Gemensamt,
    slump: Slump,
    matning: Matning,
    kvitton: Kvitton,
    /// Cases where she saved an application not yet decided.
    att_besluta: Vec<i64>,
    /// Her decisions whose letter is not printed yet.
    att_skriva: Vec<i64>,
    brev: PathBuf,
    nummer: usize,
}

/// Works until the time is up; returns what was measured and acknowledged.
pub(super) fn arbeta(url: &str, nummer: usize, g: &Gemensamt) -> (Matning, Kvitton) {
    let mut h = match ny(url, nummer, g) {
        Ok(h) => h,
        Err(e) => {
            let mut m = Matning::default();
            m.fel(Atgard::Oppna, format!("Handläggare {} kunde inte ansluta: {e}", nummer + 1));
            return (m, Kvitton::default());
        }
    };
    let mut senast_ok = false;
    while !g.klar() {
        let atgard = h.valj_atgard();
        senast_ok = h.gor(atgard);
        let paus = h.slump.paus(g.paus).min(g.slut.saturating_duration_since(Instant::now()));
        std::thread::sleep(paus);
    }
    let _ = std::fs::remove_file(&h.brev);
    h.matning.ok_pa_slutet = usize::from(senast_ok);
    (h.matning, h.kvitton)
}

fn ny<'g>(url: &str, nummer: usize, g: &'g Gemensamt) -> Result<Handlaggare<'g>, Arbetsfel> {
    let store = Store::open(Path::new(url))?;
    let regler = store.regler()?;
    let brev = std::env::temp_dir().join(format!("bistand-belastning-{}-{nummer}.pdf", std::process::id()));
    Ok(Handlaggare {
        store,
        aktor: super::handlaggare(nummer),
        regler,
        g,
        slump: Slump::ny(nummer as u64 + 1),
        matning: Matning::default(),
        kvitton: Kvitton::default(),
        att_besluta: Vec::new(),
        att_skriva: Vec::new(),
        brev,
        nummer,
    })
}

impl Handlaggare<'_> {
    fn valj_atgard(&mut self) -> Atgard {
        let summa: usize = MIX.iter().map(|(_, v)| v).sum();
        let mut tal = self.slump.upp_till(summa);
        for (a, vikt) in MIX {
            if tal < vikt {
                return a;
            }
            tal -= vikt;
        }
        Atgard::Sok
    }

    /// The actor as of now (the window's clock).
    fn nu(&self) -> Aktor {
        self.aktor.vid(super::nu())
    }

    /// Does one action; true when it went through.
    fn gor(&mut self, atgard: Atgard) -> bool {
        let svar = match atgard {
            Atgard::Sok => self.sok(),
            Atgard::Oppna => self.oppna().map(|_| ()),
            Atgard::Ansokan => self.ansokan(),
            Atgard::Beslut if self.att_besluta.is_empty() => self.ansokan(),
            Atgard::Beslut => self.beslut(),
            Atgard::Brev if self.att_skriva.is_empty() => self.sok(),
            Atgard::Brev => self.brev(),
            Atgard::Journal => self.journal(false),
            Atgard::HetJournal => self.journal(true),
            _ => self.andra_hett(),
        };
        match svar {
            Ok(()) => true,
            Err((a, fel)) => {
                self.matning.misslyckad(a, &fel);
                // A save refused by the rules (another user's newer version) still reached the
                // server; only a lost connection counts as not being back.
                !matches!(fel, Arbetsfel::Databas(crate::store::StoreError::IngenKontakt(_)))
            }
        }
    }

    /// Runs one use case and notes its latency under `atgard` when it went through (a
    /// failure is counted apart: a lost connection fails fast and would flatter the figures).
    fn mat<T>(&mut self, atgard: Atgard, f: impl FnOnce(&mut Self) -> Result<T, Arbetsfel>) -> Steg<T> {
        let start = Instant::now();
        let svar = f(self);
        if svar.is_ok() {
            self.matning.tid(atgard, start.elapsed());
        }
        svar.map_err(|e| (atgard, e))
    }

    fn slumpat_arende(&mut self) -> i64 {
        self.slump.valj(&self.g.arenden).copied().unwrap_or_default()
    }

    fn sok(&mut self) -> Steg<()> {
        let ord = self.slump.valj(&self.g.sokord).cloned().unwrap_or_default();
        self.mat(Atgard::Sok, |h| Ok(h.store.sok_arenden(&ord, Sortering::Namn, true, 200).map(|_| ())?))
    }

    fn oppna(&mut self) -> Steg<()> {
        let id = self.slumpat_arende();
        let aktor = self.nu();
        self.mat(Atgard::Oppna, |h| oppna_arende(&mut h.store, &aktor, id).map(|_| ()))
    }

    fn ansokan(&mut self) -> Steg<()> {
        let id = self.slumpat_arende();
        let aktor = self.nu();
        let fel = |e: Arbetsfel| (Atgard::Ansokan, e);
        let hushall_id = self.store.arende(id).map_err(|e| fel(e.into()))?.hushall_id;
        let medlemmar = self.store.hushall(hushall_id).map_err(|e| fel(e.into()))?.medlemmar;
        let idag = aktor.nu.date();
        let form = AnsokanFormular::ny(Manad::av(idag), idag, &medlemmar);
        let sparad =
            self.mat(Atgard::Ansokan, |h| ansokan::spara_ansokan(&mut h.store, &aktor, id, &form, None, &h.regler))?;
        self.kvitton.ansokningar.push((id, sparad.id));
        self.att_besluta.push(id);
        Ok(())
    }

    fn beslut(&mut self) -> Steg<()> {
        let Some(id) = self.att_besluta.pop() else { return Ok(()) };
        let aktor = self.nu();
        let mut form = beslut::nytt_beslut(&self.store, &aktor, id).map_err(|e| (Atgard::Beslut, e))?;
        for b in &mut form.barn {
            b.paverkan = "Hushållets behov enligt riksnormen är tillgodosett".into();
            b.asikt = "Barnet har inte tillfrågats eftersom beslutet följer beräkningen".into();
            b.vagt = "Barnets behov mot hushållets inkomster".into();
            b.slutsats = "Beslutet står sig".into();
        }
        let har_barn = !form.barn.is_empty();
        if har_barn && form.barnets_basta.trim().is_empty() {
            form.barnets_basta = "Beslutet följer beräkningen och tillgodoser barnens behov enligt riksnormen.".into();
        }
        let beslut_id =
            self.mat(Atgard::Beslut, |h| beslut::fatta_beslut(&mut h.store, &aktor, id, &form, har_barn))?;
        self.kvitton.beslut.push((id, beslut_id));
        self.att_skriva.push(beslut_id);
        Ok(())
    }

    fn brev(&mut self) -> Steg<()> {
        let Some(beslut_id) = self.att_skriva.pop() else { return Ok(()) };
        let aktor = self.nu();
        let fil = self.brev.clone();
        let dokument = Dokument::Beslutsbrev(beslut_id);
        self.mat(Atgard::Brev, |h| brev::skriv_ut(&mut h.store, &aktor, &dokument, &fil).map(|_| ()))
    }

    fn journal(&mut self, hett: bool) -> Steg<()> {
        let (atgard, id) = match self.slump.valj(&self.g.heta).copied() {
            Some(id) if hett => (Atgard::HetJournal, id),
            _ => (Atgard::Journal, self.slumpat_arende()),
        };
        let aktor = self.nu();
        let lopnummer = self.kvitton.journal.len() + 1;
        let form = JournalFormular {
            datum: aktor.nu.date().to_string(),
            rubrik: "Telefonsamtal".into(),
            text: format!("Belastningsprov: {} ringde, samtal nr {lopnummer}.", aktor.namn),
            ersatter: None,
        };
        let (post_id, post) = self.mat(atgard, |h| journal::skriv_journal(&mut h.store, &aktor, id, &form))?;
        self.kvitton.journal.push((id, post_id, post.text));
        Ok(())
    }

    /// Opens a hot case, looks at it a while and sets herself (with a running number) as its
    /// bidragshandläggare: several users do this to the same few cases at the same time.
    fn andra_hett(&mut self) -> Steg<()> {
        let Some(id) = self.slump.valj(&self.g.heta).copied() else { return Ok(()) };
        let aktor = self.nu();
        let (arende, _) = self.mat(Atgard::Oppna, |h| oppna_arende(&mut h.store, &aktor, id))?;
        std::thread::sleep(self.slump.paus(self.g.paus));
        let satte = format!("Handläggare {:02} ändring {}", self.nummer + 1, self.kvitton.andringar.len() + 1);
        let ansvar = Ansvar { bidragshandlaggare: satte.clone(), ..Ansvar::av(&arende) };
        let aktor = self.nu();
        self.mat(Atgard::HetAndring, |h| crate::arbete::arende::andra_ansvar(&mut h.store, &aktor, id, &ansvar))?;
        let sag = arende.bidragshandlaggare.clone();
        self.kvitton.andringar.push(Andring { arende_id: id, sag, satte });
        Ok(())
    }
}

/// One step's outcome: a failure names the action it is counted under.
type Steg<T> = Result<T, (Atgard, Arbetsfel)>;

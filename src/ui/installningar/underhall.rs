//! Inställningar › Säkerhetskopior och utskrift i omgång: the daily automatic backup, printing a
//! month's decision letters, and (in training mode) more fictitious households. Long work runs
//! in the background with a progress bar and Avbryt.

use crate::domain::manad::Manad;
use crate::store::{DagligKopia, MAX_KOPIOR, Store};
use crate::ui::bakgrund::{Framsteg, Jobb};
use crate::ui::tema::Signal;
use crate::ui::widgetar::{notis, rubrik, textfalt};
use chrono::NaiveDateTime;
use std::path::{Path, PathBuf};

pub struct Underhall {
    pa: bool,
    mapp: String,
    behall: String,
    behall_fel: Option<String>,
    manad: String,
    manad_fel: Option<String>,
    antal: String,
    manader: String,
    demo_fel: Option<String>,
    utskriftsmapp: PathBuf,
    ovning: bool,
    jobb: Option<Jobb>,
    meddelande: Option<(Signal, String)>,
}

/// A background job ended: households may have been added, so the case list is read again.
pub struct JobbetKlart;

impl Underhall {
    pub fn ny(store: &Store, utskriftsmapp: &Path, ovning: bool, nu: NaiveDateTime) -> Underhall {
        let k = store.daglig_kopia();
        Underhall {
            pa: k.pa,
            mapp: k.mapp.display().to_string(),
            behall: k.behall.to_string(),
            behall_fel: None,
            manad: Manad::av(nu.date()).to_string(),
            manad_fel: None,
            antal: "1000".into(),
            manader: "24".into(),
            demo_fel: None,
            utskriftsmapp: utskriftsmapp.to_path_buf(),
            ovning,
            jobb: None,
            meddelande: None,
        }
    }

    pub fn visa(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &crate::arbete::Aktor) -> Option<JobbetKlart> {
        let nu = aktor.nu;
        let mut utfall = None;
        rubrik(ui, "Säkerhetskopior");
        ui.label("Programmet kan göra en kopia av databasen en gång om dagen, när det startas, medan du arbetar. De äldsta kopiorna tas bort så att de senaste finns kvar.");
        ui.checkbox(&mut self.pa, "Gör en säkerhetskopia varje dag");
        ui.horizontal(|ui| {
            textfalt(ui, "Mapp för säkerhetskopior", &mut self.mapp, None, 420.0);
            if ui.button("Välj mapp …").clicked()
                && let Some(m) = rfd::FileDialog::new().pick_folder()
            {
                self.mapp = m.display().to_string();
            }
            textfalt(ui, "Antal kopior att behålla", &mut self.behall, self.behall_fel.as_deref(), 200.0);
        });
        if ui.button("Spara inställningen för säkerhetskopior").clicked() {
            self.spara_kopia(store);
        }

        rubrik(ui, "Utskrift i omgång");
        ui.label("Skriver beslutsbrevet för varje beslut som gäller månaden till en egen mapp under utskriftsmappen.");
        let upptagen = self.jobb.is_some();
        ui.horizontal(|ui| {
            textfalt(ui, "Månad (ÅÅÅÅ-MM)", &mut self.manad, self.manad_fel.as_deref(), 170.0);
            if ui.add_enabled(!upptagen, egui::Button::new("Skriv ut månadens beslut")).clicked() {
                self.skriv_ut_manad(store, aktor);
            }
        });

        if self.ovning {
            rubrik(ui, "Övningsdata");
            ui.label(
                "Lägger till påhittade hushåll i övningsdatabasen, med månader av ansökningar, beslut och journal.",
            );
            ui.horizontal(|ui| {
                textfalt(ui, "Antal hushåll", &mut self.antal, self.demo_fel.as_deref(), 160.0);
                textfalt(ui, "Månader historik i snitt", &mut self.manader, None, 200.0);
                if ui.add_enabled(!upptagen, egui::Button::new("Lägg till påhittade hushåll")).clicked() {
                    self.fyll_pa(store, nu);
                }
            });
        }

        if let Some(jobb) = &mut self.jobb
            && let Some(resultat) = jobb.visa(ui)
        {
            self.jobb = None;
            utfall = Some(JobbetKlart);
            self.meddelande = Some(match resultat {
                Ok(text) => (Signal::Klart, text),
                Err(text) => (Signal::Fel, text),
            });
        }
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        utfall
    }

    fn spara_kopia(&mut self, store: &mut Store) {
        self.behall_fel = None;
        let behall = match self.behall.trim().parse::<u32>() {
            Ok(n) if (1..=MAX_KOPIOR).contains(&n) => n,
            _ => {
                self.behall_fel = Some(format!("Ange ett heltal 1–{MAX_KOPIOR}."));
                return;
            }
        };
        let k = DagligKopia { pa: self.pa, mapp: PathBuf::from(self.mapp.trim()), behall };
        self.meddelande = Some(match store.satt_daglig_kopia(&k) {
            Ok(()) if k.pa => (Signal::Klart, format!("Sparat. En kopia görs varje dag i {}.", k.mapp.display())),
            Ok(()) => (Signal::Klart, "Sparat. Ingen daglig säkerhetskopia görs.".into()),
            Err(e) => (Signal::Fel, e.to_string()),
        });
    }

    fn skriv_ut_manad(&mut self, store: &Store, aktor: &crate::arbete::Aktor) {
        self.manad_fel = None;
        let manad = match Manad::parse(self.manad.trim()) {
            Ok(m) => m,
            Err(e) => {
                self.manad_fel = Some(e);
                return;
            }
        };
        let db = store.sokvag().to_path_buf();
        let mapp = self.utskriftsmapp.join(format!("Beslut {manad}"));
        self.meddelande = None;
        let aktor = aktor.clone();
        self.jobb = Some(Jobb::starta("Skriver ut månadens beslutsbrev", move |f| {
            skriv_manadens_brev(&db, &aktor, manad, &mapp, f)
        }));
    }

    fn fyll_pa(&mut self, store: &Store, nu: NaiveDateTime) {
        self.demo_fel = None;
        let antal = self.antal.trim().parse::<usize>().ok().filter(|n| (1..=50_000).contains(n));
        let manader = self.manader.trim().parse::<u32>().ok().filter(|n| *n <= 60);
        let (Some(antal), Some(manader)) = (antal, manader) else {
            self.demo_fel = Some("Ange 1–50 000 hushåll och 0–60 månader.".into());
            return;
        };
        let db = store.sokvag().to_path_buf();
        self.meddelande = None;
        self.jobb = Some(Jobb::starta("Skapar påhittade hushåll", move |f| {
            let mut store = Store::open(&db).map_err(|e| e.to_string())?;
            let mut framsteg = |klara, alla| f.rapportera(klara, alla);
            match crate::demo::fyll_pa_demo(&mut store, antal, manader, nu, &mut framsteg) {
                Ok(crate::demo::Demoslut::Klar) => Ok(format!("{antal} påhittade hushåll är tillagda.")),
                Ok(crate::demo::Demoslut::Avbruten { skapade }) => {
                    Ok(format!("Avbrutet. {skapade} av {antal} hushåll hann läggas till och finns kvar."))
                }
                Err(e) => Err(format!("Hushållen kunde inte skapas: {e}")),
            }
        }));
    }
}

/// Prints the month's decision letters on the job's thread, with its own connection.
/// As the logged-in user: permission checked and the batch logged.
fn skriv_manadens_brev(
    db: &Path,
    aktor: &crate::arbete::Aktor,
    manad: Manad,
    mapp: &Path,
    f: &Framsteg,
) -> Result<String, String> {
    let mut store = Store::open(db).map_err(|e| e.to_string())?;
    let mut framsteg = |klara, alla| f.rapportera(klara, alla);
    let omgang = crate::arbete::brev::manadens_beslutsbrev(&mut store, aktor, manad, mapp, &mut framsteg)
        .map_err(|e| e.to_string())?;
    Ok(match omgang {
        crate::utskrift::Omgang { alla: 0, .. } => format!("Det finns inga beslut för {manad}."),
        crate::utskrift::Omgang { skrivna, alla } if skrivna < alla => {
            format!("Avbrutet. {skrivna} av {alla} beslutsbrev hann skrivas till {}.", mapp.display())
        }
        crate::utskrift::Omgang { alla, .. } => format!("{alla} beslutsbrev för {manad} finns i {}.", mapp.display()),
    })
}

/// Runs the daily backup once a day while the program is open, as a background job.
#[derive(Default)]
pub struct DagligKopiering {
    /// The day and setting last checked: a changed setting (turned on, another folder) is
    /// checked again at once.
    kontrollerad: Option<(chrono::NaiveDate, DagligKopia)>,
    pagar: Option<Jobb>,
    /// For the status bar: "Säkerhetskopia 2026-11-23".
    pub senast: Option<String>,
}

impl DagligKopiering {
    /// Starts today's copy if it is due; returns a message when a copy has failed.
    pub fn kontrollera(
        &mut self,
        ctx: &egui::Context,
        store: &Store,
        idag: chrono::NaiveDate,
    ) -> Option<(Signal, String)> {
        if let Some(jobb) = &self.pagar {
            let resultat = jobb.resultat(ctx)?;
            self.pagar = None;
            return match resultat {
                Ok(text) => {
                    self.senast = Some(text);
                    None
                }
                Err(e) => Some((Signal::Varning, format!("Dagens säkerhetskopia kunde inte göras: {e}"))),
            };
        }
        let k = store.daglig_kopia();
        let nyckel = Some((idag, k.clone()));
        if self.kontrollerad == nyckel {
            return None;
        }
        self.kontrollerad = nyckel;
        if !k.pa || store.sokvag() == Path::new(":memory:") {
            return None;
        }
        let db = store.sokvag().to_path_buf();
        self.pagar = Some(Jobb::starta("Kopieringen", move |_| {
            crate::store::gor_daglig_kopia(&db, &k, idag)
                .map(|_| format!("Säkerhetskopia {idag}"))
                .map_err(|e| e.to_string())
        }));
        None
    }
}

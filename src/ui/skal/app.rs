//! The shell every screen slots into: top bar with search, case list, the open case, status
//! bar, dialogs and the command palette. Screens get a per-frame `Kontext` and push what they
//! want done onto it; the shell does it after the frame.

use crate::arbete::{self, Aktor, Arbetsfel};
use crate::store::{Store, Utkast};
use crate::ui::dialoger::forhandsgranskning::Forhandsgranskning;
use crate::ui::dialoger::nytt_hushall::{Dialogsvar, HushallForm};
use crate::ui::flikar::{Flik, OppetArende};
use crate::ui::installningar::underhall::DagligKopiering;
use crate::ui::installningar::{Installningar, Installningsval};
use crate::ui::kassa::Kassa;
use crate::ui::kontext::{Begaran, Kontext, Notis, Utskrift};
use crate::ui::skal::arendelista::Arendelista;
use crate::ui::skal::att_gora::AttGora;
use crate::ui::skal::forsta_start::{self, Startval};
use crate::ui::skal::inloggning::{Inloggning, Las, las_minuter};
use crate::ui::skal::kommandon::{Fonsterkommando as Kommando, Palett};
use crate::ui::skal::loggkontroll::Loggkontroll;
use crate::ui::statistik::Statistikvy;
use crate::ui::tema::{self, Signal};
use crate::ui::utkast::{self, Utkastplats};
use crate::ui::widgetar::las;
use chrono::NaiveDateTime;
use egui::{Id, RichText};
use ramar::{ovningsram, skaldialog, standard_utskriftsmapp};

mod natverk;
mod ramar;
mod session;
mod sidovy;
use sidovy::Sidovy;

/// Where "now" comes from: the system clock, or a fixed time in tests.
pub type Klocka = fn() -> NaiveDateTime;

pub fn systemklocka() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Work a dialog asks the shell to do once the dialog is drawn.
type Efterat = Box<dyn FnOnce(&mut BistandApp)>;

enum Dialog {
    NyttHushall(Box<HushallForm>),
    Aterstall(Vec<Utkast>),
    Palett(Palett),
    Forhandsgranskning(Box<Forhandsgranskning>),
    /// The case is not the user's: why open it?
    Skal {
        arende_id: i64,
        flik: Flik,
        text: String,
        skal: String,
    },
}

pub struct BistandApp {
    store: Store,
    ovning: bool,
    /// A real database without households: the first-start panel is shown until one exists.
    forsta_start: bool,
    /// The logged-in user; until then only the login is shown.
    inloggad: Option<Aktor>,
    inloggning: Inloggning,
    /// The idle lock over the window.
    las: Las,
    /// Logged in by itself as the training user (the status bar says so).
    ovningsanvandare: bool,
    klocka: Klocka,
    lista: Arendelista,
    oppet: Option<OppetArende>,
    /// Att göra, the settings, the kassa or the access-log review, shown instead of the open
    /// case while set.
    sidovy: Option<Sidovy>,
    dialog: Option<Dialog>,
    sparat: Option<NaiveDateTime>,
    utskrift: Utskrift,
    /// The window's one notice area; it clears when the user moves on.
    meddelande: Notis,
    /// The notice shown and since when (a confirmation goes after a while).
    meddelande_sedan: Option<(Notis, NaiveDateTime)>,
    /// Keyboard events that came after a Tab, for the next frame (see `ui::tangentko`).
    efter_tab: Vec<egui::Event>,
    fokusera_sok: bool,
    tema_klart: bool,
    mork: bool,
    kopiering: DagligKopiering,
    /// The unit's server out of contact, or back a moment ago (the status bar says so).
    natverk: Option<natverk::Natstatus>,
}

const SOK_ID: &str = "sokfalt";
const UTKAST_KVAR: &str =
    "Formuläret är stängt. Utkastet finns kvar – Nytt hushåll (Ctrl+N) fortsätter där du slutade.";

impl BistandApp {
    /// A shell over an open database. Once a user is logged in, offers to restore the drafts she
    /// left last time. A training database is shown in training mode even when opened by its path.
    pub fn ny(mut store: Store, ovning: bool, klocka: Klocka) -> BistandApp {
        let mut meddelande = None;
        let ovning = ovning || las(store.ar_ovningsdatabas(), &mut meddelande);
        let forsta_start = !ovning && store.antal_hushall().is_ok_and(|n| n == 0);
        // A training database logs in its fictitious user by itself; a real one asks.
        let inloggad = if ovning {
            arbete::anvandare::ovningsinloggning(&mut store, klocka())
                .map_err(|e| meddelande = Some((Signal::Fel, e.to_string())))
                .ok()
        } else {
            None
        };
        let mork = las(store.installning("tema"), &mut meddelande).as_deref() == Some("mork");
        let minuter = las_minuter(&store);
        let mut lista = Arendelista::default();
        lista.hamta(&store);
        let mut app = BistandApp {
            store,
            ovning,
            forsta_start,
            ovningsanvandare: inloggad.is_some(),
            inloggad,
            inloggning: Inloggning::default(),
            las: Las::ny(klocka(), minuter),
            klocka,
            lista,
            oppet: None,
            sidovy: None,
            dialog: None,
            sparat: None,
            utskrift: Utskrift { mapp: standard_utskriftsmapp(), oppna_visare: true },
            meddelande,
            meddelande_sedan: None,
            efter_tab: Vec::new(),
            fokusera_sok: true,
            tema_klart: false,
            mork,
            kopiering: DagligKopiering::default(),
            natverk: None,
        };
        app.erbjud_utkast();
        app
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store, for tests that change what it reports (a simulated loss of contact).
    #[doc(hidden)]
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Letters go to `mapp`; with `oppna_visare` false they are only saved (tests, batch use).
    pub fn med_utskrift(mut self, mapp: std::path::PathBuf, oppna_visare: bool) -> BistandApp {
        self.utskrift = Utskrift { mapp, oppna_visare };
        self
    }

    /// Opens a case on a tab (the list does it on a click or Enter; benches and tests call it).
    /// A case the user is not assigned to asks for the reason first.
    pub fn oppna_arende(&mut self, arende_id: i64, flik: Flik) {
        self.oppna_arende_med_skal(arende_id, flik, None);
    }

    /// Opens a case, with the reason for opening a case the user is not assigned to.
    pub fn oppna_arende_med_skal(&mut self, arende_id: i64, flik: Flik, skal: Option<&str>) {
        self.meddelande = None;
        let Some(aktor) = self.aktor() else { return };
        let mut begaran = Vec::new();
        let mut ctx = Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
        match OppetArende::oppna_med_skal(&mut ctx, arende_id, flik, skal) {
            Ok(a) => {
                self.lista.folj(arende_id);
                self.oppet = Some(a);
                self.sidovy = None;
            }
            Err(Arbetsfel::SkalKravs(text)) => {
                self.dialog = Some(Dialog::Skal { arende_id, flik, text, skal: String::new() });
            }
            Err(e) => ctx.fel(e),
        }
        self.utfor(begaran);
    }

    /// Runs `f` on the open case with this frame's context, then does what it asked for.
    fn i_arendet(&mut self, f: impl FnOnce(&mut OppetArende, &mut Kontext)) {
        let mut begaran = Vec::new();
        let Some(aktor) = self.aktor() else { return };
        if let Some(a) = self.oppet.as_mut() {
            let mut ctx = Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
            f(a, &mut ctx);
        }
        self.utfor(begaran);
    }

    /// Carries out what the screens asked for during the frame.
    fn utfor(&mut self, begaran: Vec<Begaran>) {
        for b in begaran {
            match b {
                Begaran::Sparat => self.sparat = Some((self.klocka)()),
                Begaran::LasOmListan => self.lista.uppdatera(),
                Begaran::LasOmArendet => self.i_arendet(|a, ctx| a.las_om(ctx)),
                Begaran::OppnaArende(id, flik) => self.oppna_arende(id, flik),
                Begaran::VisaFlik(flik) => self.i_arendet(|a, ctx| a.byt_flik(flik, ctx)),
                Begaran::Forhandsgranska(dokument, filnamn) => self.forhandsgranska(&dokument, filnamn),
            }
        }
    }

    /// Makes the document once and opens its preview (the pages and the PDF of one layout).
    fn forhandsgranska(&mut self, dokument: &crate::utskrift::Dokument, filnamn: String) {
        let identitet = self.oppet.as_ref().map(|a| a.identitet()).unwrap_or_default();
        let mut begaran = Vec::new();
        let Some(aktor) = self.aktor() else { return };
        let mut ctx = Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
        let brev = dokument.skapa(ctx.store, ctx.nu().date());
        if let Some(brev) = ctx.utfall(brev) {
            let f = Forhandsgranskning::ny(brev, filnamn, identitet, &mut ctx);
            self.dialog = Some(Dialog::Forhandsgranskning(Box::new(f)));
        }
    }

    /// Runs `f` on the open print preview with a context (tests reach Spara som … this way).
    pub fn i_forhandsgranskningen(&mut self, f: impl FnOnce(&mut Forhandsgranskning, &mut Kontext)) -> bool {
        let Some(aktor) = self.aktor() else { return false };
        let Some(Dialog::Forhandsgranskning(g)) = &mut self.dialog else { return false };
        let mut begaran = Vec::new();
        f(g, &mut Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran));
        true
    }

    /// Ctrl+S and Ctrl+P: the dialog or the case's current tab does it, or the window says why not.
    fn spara_eller_skriv_ut(&mut self, spara: bool) {
        let Some(aktor) = self.aktor() else { return };
        if let Some(Dialog::NyttHushall(form)) = &mut self.dialog {
            if !spara {
                return;
            }
            let mut begaran = Vec::new();
            let mut ctx = Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
            if let Some(reg) = form.spara(&mut ctx) {
                self.efter_registrering(reg.arende_id, &reg.arendenummer);
            }
            return;
        }
        if self.dialog.is_some() {
            return;
        }
        let utanfor = if let Some(vy) = &self.sidovy {
            Some(vy.namn())
        } else if self.oppet.is_none() {
            Some("startsidan – öppna ett ärende först")
        } else {
            None
        };
        match utanfor {
            Some(var) => {
                let vad = if spara { "spara" } else { "skriva ut" };
                self.meddelande = Some((Signal::Varning, format!("Det finns inget att {vad} i {var}.")));
            }
            None if spara => self.i_arendet(|a, ctx| a.spara(ctx)),
            None => self.i_arendet(|a, ctx| a.skriv_ut(ctx)),
        }
    }

    fn kor(&mut self, kommando: Kommando) {
        let nu = (self.klocka)();
        match kommando {
            Kommando::Sok => {
                self.dialog = None;
                self.fokusera_sok = true;
            }
            Kommando::NyttHushall => {
                let Some(aktor) = self.aktor() else { return };
                self.dialog = Some(Dialog::NyttHushall(Box::new(HushallForm::ny(&self.store, &aktor))));
            }
            Kommando::Spara => self.spara_eller_skriv_ut(true),
            Kommando::SkrivUt => self.spara_eller_skriv_ut(false),
            Kommando::Palett => self.dialog = Some(Dialog::Palett(Palett::default())),
            // The household forms keep their drafts; closing one loses nothing, and says so.
            Kommando::StangDialog => match self.dialog.take() {
                Some(Dialog::NyttHushall(_)) => self.meddelande = Some((Signal::Varning, UTKAST_KVAR.into())),
                Some(_) => {}
                None => self.i_arendet(|a, ctx| a.stang_dialog(ctx)),
            },
            Kommando::Flik(i) => {
                if let Some(f) = Flik::ALLA.get(i).copied() {
                    self.i_arendet(|a, ctx| a.byt_flik(f, ctx));
                }
            }
            Kommando::AttGora => {
                let Some(aktor) = self.aktor() else { return };
                self.visa_sidovy(Sidovy::AttGora(AttGora::ny(&self.store, &aktor)));
            }
            Kommando::Kassa => self.visa_sidovy(Sidovy::Kassa(Kassa::ny(&self.store, nu.date()))),
            Kommando::Installningar => {
                let vy = Installningar::ny(&self.store, &self.utskrift.mapp, self.ovning, nu);
                self.visa_sidovy(Sidovy::Installningar(Box::new(vy)));
            }
            Kommando::Loggkontroll => self.visa_sidovy(Sidovy::Loggkontroll(Loggkontroll::default())),
            Kommando::Statistik => {
                let Some(aktor) = self.aktor() else { return };
                let mut begaran = Vec::new();
                let mut ctx = Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
                let vy = Statistikvy::ny(&mut ctx, nu.date());
                self.visa_sidovy(Sidovy::Statistik(Box::new(vy)));
            }
        }
    }

    /// Leaves this database for its training database (created with the demo households the
    /// first time) in training mode: the shell is built anew on the other store.
    fn byt_till_ovning(&mut self) {
        let fil = crate::ui::ovningsfil(self.store.sokvag());
        match crate::ui::oppna_ovningsdatabas(&fil, (self.klocka)()) {
            Ok(store) => {
                let ny = BistandApp::ny(store, true, self.klocka);
                let gammal = std::mem::replace(self, ny);
                self.utskrift = gammal.utskrift;
            }
            Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
        }
    }

    fn efter_registrering(&mut self, arende_id: i64, arendenummer: &str) {
        self.dialog = None;
        self.sparat = Some((self.klocka)());
        self.lista.uppdatera();
        self.oppna_arende(arende_id, Flik::Hushall);
        self.meddelande = Some((Signal::Klart, format!("Hushållet är registrerat i ärende {arendenummer}.")));
    }

    /// One frame of the whole program.
    pub fn visa(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.tema_klart {
            // Fonts and styles take effect from the next frame: draw nothing until then.
            tema::installera_typsnitt(&ctx);
            tema::installera(&ctx, self.mork);
            if self.ovning {
                ctx.send_viewport_cmd(egui::ViewportCommand::Title(crate::ui::TITEL_OVNING.into()));
            }
            self.tema_klart = true;
            ctx.request_repaint();
            return;
        }
        let nu = (self.klocka)();
        if self.inloggad.is_none() {
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(aktor) = self.inloggning.visa(ui, &mut self.store, self.ovning, nu) {
                    self.logga_in(aktor);
                }
            });
            if self.ovning {
                ovningsram(&ctx);
            }
            return;
        }
        self.las.folj(&ctx, nu);
        if !self.las.last {
            self.tangenter(&ctx);
        }
        self.meddelandets_tid(&ctx);
        self.folj_natverket(&ctx);
        self.lista.hamta(&self.store);
        if self.lista.resultat.totalt > 0 {
            self.forsta_start = false;
        }
        if let Some(m) = self.kopiering.kontrollera(&ctx, &self.store, (self.klocka)().date()) {
            self.meddelande = Some(m);
        }
        self.toppfalt(ui);
        self.statusrad(ui);
        self.natverksstatus(ui);
        egui::Panel::left("arendelista").resizable(true).default_size(440.0).min_size(380.0).show(ui, |ui| {
            let oppet = self.oppet.as_ref().map(|a| a.arende.id);
            if let Some(id) = self.lista.visa(ui, oppet) {
                self.oppna_arende(id, Flik::Oversikt);
            }
        });
        egui::CentralPanel::default().show(ui, |ui| self.mitten(ui));
        self.dialoger(&ctx);
        if self.ovning {
            ovningsram(&ctx);
        }
        if self.las.last
            && let Some(aktor) = self.inloggad.clone()
        {
            // The lock covers the window; the tabs and dialogs underneath keep what was typed.
            self.las.visa(&ctx, &mut self.store, &aktor, nu);
        }
    }

    /// The shortcuts of the frame, and the arrow keys of the case list.
    fn tangenter(&mut self, ctx: &egui::Context) {
        for k in Kommando::fran_tangentbord(ctx) {
            self.kor(k);
        }
        if self.dialog.is_none() {
            let sok_fokus = ctx.memory(|m| m.focused()).is_none_or(|f| f == Id::unique(SOK_ID));
            // Arrow keys belong to the list only while no other field has the focus.
            let vald = if sok_fokus { self.lista.tangenter(ctx) } else { None };
            if let Some(id) = vald {
                self.oppna_arende(id, Flik::Oversikt);
            }
        }
    }

    /// What the settings view asked for.
    fn installningsval(&mut self, ctx: &egui::Context, val: Installningsval) {
        let installning = match val {
            Installningsval::Stang => {
                self.sidovy = None;
                return;
            }
            Installningsval::LasOmListan => {
                self.lista.uppdatera();
                return;
            }
            Installningsval::Tema(mork) => {
                self.mork = mork;
                tema::installera(ctx, mork);
                ("tema", if mork { "mork" } else { "ljust" }.to_string())
            }
        };
        if let Err(e) = self.store.satt_installning(installning.0, &installning.1) {
            self.meddelande = Some((Signal::Fel, e.to_string()));
        }
    }

    /// The central area while no case is open: the first-start panel, or what to do next.
    fn inget_oppet(&mut self, ui: &mut egui::Ui) {
        if self.forsta_start {
            match forsta_start::visa(ui, &crate::ui::ovningsfil(self.store.sokvag())) {
                Some(Startval::NyttHushall) => self.kor(Kommando::NyttHushall),
                Some(Startval::Ovningsdatabas) => self.byt_till_ovning(),
                None => {}
            }
            return;
        }
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new("Välj ett ärende i listan").text_style(tema::rubrik2()));
            let far = self.inloggad.as_ref().is_some_and(|a| {
                crate::arbete::behorighet::tillater(a.roll, crate::store::Handelse::RegistreradeHushall)
            });
            ui.label(if far {
                "Sök på ärendenummer, personnummer eller namn (Ctrl+F), eller registrera ett nytt hushåll (Ctrl+N)."
            } else {
                "Sök på ärendenummer, personnummer eller namn (Ctrl+F)."
            });
            ui.add_space(12.0);
            if far && ui.button("Registrera nytt hushåll").clicked() {
                self.kor(Kommando::NyttHushall);
            }
        });
    }

    /// Opens where a restored draft belongs.
    fn oppna_utkast(&mut self, plats: Utkastplats) {
        match plats {
            Utkastplats::NyttHushall => self.kor(Kommando::NyttHushall),
            Utkastplats::Journal(id) => self.oppna_arende(id, Flik::Journal),
            Utkastplats::Ansvar(id) => self.oppna_arende(id, Flik::Oversikt),
            Utkastplats::Ansokan(id) => self.oppna_arende(id, Flik::Ansokan),
            Utkastplats::Beslut(id) => self.oppna_arende(id, Flik::Beslut),
            Utkastplats::Plan(id, _) => self.oppna_arende(id, Flik::Plan),
            Utkastplats::Ib(id) => self.oppna_arende(id, Flik::Ib),
            Utkastplats::Fia(id) => self.oppna_arende(id, Flik::Fia),
            Utkastplats::Hushallsandring(id) => self.oppna_arende(id, Flik::Hushall),
        }
    }

    fn dialoger(&mut self, ctx: &egui::Context) {
        let Some(aktor) = self.aktor() else { return };
        let Some(mut dialog) = self.dialog.take() else { return };
        let nu = (self.klocka)();
        let mut stang = false;
        let mut efter: Option<Efterat> = None;
        let skarm = ctx.content_rect();
        // Anchored at the top: a dialog that grows does not move under the pointer.
        let area = egui::Modal::default_area(Id::unique("dialog")).anchor(egui::Align2::CENTER_TOP, [0.0, 40.0]);
        let modal = egui::Modal::new(Id::unique("dialog")).area(area).show(ctx, |ui| match &mut dialog {
            Dialog::NyttHushall(form) => {
                ui.set_width((skarm.width() - 120.0).clamp(400.0, 1000.0));
                ui.set_max_height(skarm.height() - 80.0);
                ui.set_min_height(skarm.height() - 80.0);
                let mut begaran = Vec::new();
                let mut kontext =
                    Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
                match form.visa(ui, &mut kontext) {
                    Some(Dialogsvar::Sparad(reg)) => {
                        efter = Some(Box::new(move |app| app.efter_registrering(reg.arende_id, &reg.arendenummer)));
                        stang = true;
                    }
                    Some(Dialogsvar::Stangd) => {
                        kontext.varna(UTKAST_KVAR);
                        stang = true;
                    }
                    Some(Dialogsvar::Kastad) => stang = true,
                    None => {}
                }
                if begaran.contains(&Begaran::Sparat) {
                    self.sparat = Some(nu);
                }
            }
            Dialog::Aterstall(drafts) => {
                ui.set_width(640.0);
                if let Some(val) = utkast::visa_aterstall(ui, drafts) {
                    stang = true;
                    efter = val.map(|plats| -> Efterat { Box::new(move |app| app.oppna_utkast(plats)) });
                }
            }
            Dialog::Forhandsgranskning(g) => {
                ui.set_width((skarm.width() - 80.0).clamp(400.0, 1200.0));
                let mut begaran = Vec::new();
                let mut kontext =
                    Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
                stang = g.visa(ui, &mut kontext).is_some();
            }
            Dialog::Skal { arende_id, flik, text, skal } => {
                ui.set_width(560.0);
                if let Some(svar) = skaldialog(ui, text, skal) {
                    stang = true;
                    let (id, flik) = (*arende_id, *flik);
                    efter = svar.map(|skal| -> Efterat {
                        Box::new(move |app| app.oppna_arende_med_skal(id, flik, Some(&skal)))
                    });
                }
            }
            Dialog::Palett(p) => {
                ui.set_width(480.0);
                ui.heading("Kommandon");
                if let Some(k) = p.visa(ui) {
                    stang = true;
                    efter = Some(Box::new(move |app| app.kor(k)));
                }
            }
        });
        let _ = modal;
        if !stang {
            self.dialog = Some(dialog);
        }
        if let Some(f) = efter {
            f(self);
        }
    }
}

impl eframe::App for BistandApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.visa(ui);
    }

    /// What is typed right after Tab goes to the next field, not the one being left.
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if crate::ui::tangentko::folj(&mut self.efter_tab, &mut raw_input.events) {
            ctx.request_repaint();
        }
    }
}

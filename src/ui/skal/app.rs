//! The shell every screen slots into: top bar with search, case list, the open case, status
//! bar, dialogs and the command palette. Screens get a per-frame `Kontext` and push what they
//! want done onto it; the shell does it after the frame.

use crate::arbete::Aktor;
use crate::store::{Store, Utkast};
use crate::ui::dialoger::forhandsgranskning::Forhandsgranskning;
use crate::ui::dialoger::nytt_hushall::{Dialogsvar, HushallForm};
use crate::ui::flikar::{Flik, OppetArende};
use crate::ui::installningar::underhall::DagligKopiering;
use crate::ui::installningar::{Installningar, Installningsval};
use crate::ui::kontext::{Begaran, Kontext, Notis, Utskrift};
use crate::ui::skal::arendelista::Arendelista;
use crate::ui::skal::att_gora::{AttGora, AttGoraVal};
use crate::ui::skal::forsta_start::{self, Startval};
use crate::ui::skal::kommandon::{Fonsterkommando as Kommando, Palett};
use crate::ui::statistik::Statistikvy;
use crate::ui::tema::{self, Signal};
use crate::ui::utkast::{self, Utkastplats};
use crate::ui::widgetar::las;
use crate::ui::widgetar::notis;
use chrono::NaiveDateTime;
use egui::{Id, RichText};

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
}

pub struct BistandApp {
    store: Store,
    ovning: bool,
    /// A real database without households: the first-start panel is shown until one exists.
    forsta_start: bool,
    anvandare: String,
    klocka: Klocka,
    lista: Arendelista,
    oppet: Option<OppetArende>,
    /// The settings view, shown instead of the open case while set.
    installningar: Option<Installningar>,
    /// The Att göra list, shown instead of the open case while set.
    att_gora: Option<AttGora>,
    /// The statistics view, shown instead of the open case while set.
    statistik: Option<Statistikvy>,
    dialog: Option<Dialog>,
    sparat: Option<NaiveDateTime>,
    utskrift: Utskrift,
    /// The window's one notice area; it clears when the user moves on.
    meddelande: Notis,
    fokusera_sok: bool,
    tema_klart: bool,
    mork: bool,
    kopiering: DagligKopiering,
}

const SOK_ID: &str = "sokfalt";
const UTKAST_KVAR: &str =
    "Formuläret är stängt. Utkastet finns kvar – Nytt hushåll (Ctrl+N) fortsätter där du slutade.";

impl BistandApp {
    /// A shell over an open database. Offers to restore drafts left from last time. A training
    /// database is shown in training mode even when opened by its path.
    pub fn ny(store: Store, ovning: bool, klocka: Klocka) -> BistandApp {
        let mut meddelande = None;
        let ovning = ovning || las(store.ar_ovningsdatabas(), &mut meddelande);
        let forsta_start = !ovning && store.antal_hushall().is_ok_and(|n| n == 0);
        let anvandare = las(store.installning("anvandare"), &mut meddelande)
            .or_else(|| std::env::var("USERNAME").or_else(|_| std::env::var("USER")).ok())
            .unwrap_or_else(|| "Handläggare".into());
        let mork = las(store.installning("tema"), &mut meddelande).as_deref() == Some("mork");
        let drafts = las(store.alla_utkast(), &mut meddelande);
        let mut lista = Arendelista::default();
        lista.hamta(&store);
        BistandApp {
            store,
            ovning,
            forsta_start,
            anvandare,
            klocka,
            lista,
            oppet: None,
            installningar: None,
            att_gora: None,
            statistik: None,
            dialog: (!drafts.is_empty()).then_some(Dialog::Aterstall(drafts)),
            sparat: None,
            utskrift: Utskrift { mapp: standard_utskriftsmapp(), oppna_visare: true },
            meddelande,
            fokusera_sok: true,
            tema_klart: false,
            mork,
            kopiering: DagligKopiering::default(),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Letters go to `mapp`; with `oppna_visare` false they are only saved (tests, batch use).
    pub fn med_utskrift(mut self, mapp: std::path::PathBuf, oppna_visare: bool) -> BistandApp {
        self.utskrift = Utskrift { mapp, oppna_visare };
        self
    }

    /// Opens a case on a tab (the list does it on a click or Enter; benches and tests call it).
    pub fn oppna_arende(&mut self, arende_id: i64, flik: Flik) {
        self.meddelande = None;
        let mut begaran = Vec::new();
        let aktor = self.aktor();
        let mut ctx = Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
        match OppetArende::oppna(&mut ctx, arende_id, flik) {
            Ok(a) => {
                self.lista.folj(arende_id);
                self.oppet = Some(a);
                self.installningar = None;
                self.att_gora = None;
                self.statistik = None;
            }
            Err(e) => ctx.fel(e),
        }
        self.utfor(begaran);
    }

    /// The user, acting now.
    fn aktor(&self) -> Aktor {
        Aktor::ny(self.anvandare.clone(), (self.klocka)())
    }

    /// Runs `f` on the open case with this frame's context, then does what it asked for.
    fn i_arendet(&mut self, f: impl FnOnce(&mut OppetArende, &mut Kontext)) {
        let mut begaran = Vec::new();
        let aktor = self.aktor();
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
        let aktor = self.aktor();
        let mut ctx = Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
        let brev = dokument.skapa(ctx.store, ctx.nu().date());
        if let Some(brev) = ctx.utfall(brev) {
            let f = Forhandsgranskning::ny(brev, filnamn, identitet, &mut ctx);
            self.dialog = Some(Dialog::Forhandsgranskning(Box::new(f)));
        }
    }

    /// Runs `f` on the open print preview with a context (tests reach Spara som … this way).
    pub fn i_forhandsgranskningen(&mut self, f: impl FnOnce(&mut Forhandsgranskning, &mut Kontext)) -> bool {
        let Some(Dialog::Forhandsgranskning(g)) = &mut self.dialog else { return false };
        let mut begaran = Vec::new();
        let aktor = Aktor::ny(self.anvandare.clone(), (self.klocka)());
        f(g, &mut Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran));
        true
    }

    /// Ctrl+S and Ctrl+P: the dialog or the case's current tab does it, or the window says why not.
    fn spara_eller_skriv_ut(&mut self, spara: bool) {
        let aktor = self.aktor();
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
        let utanfor = if self.att_gora.is_some() {
            Some("Att göra")
        } else if self.statistik.is_some() {
            Some("Statistik – använd Skriv rapport")
        } else if self.installningar.is_some() {
            Some("Inställningar")
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
                self.dialog = Some(Dialog::NyttHushall(Box::new(HushallForm::ny(&self.store, &self.anvandare))));
            }
            Kommando::Spara => self.spara_eller_skriv_ut(true),
            Kommando::SkrivUt => self.spara_eller_skriv_ut(false),
            Kommando::Palett => self.dialog = Some(Dialog::Palett(Palett::default())),
            Kommando::StangDialog => {
                // The household form keeps its draft; closing it loses nothing, and says so.
                if matches!(self.dialog.take(), Some(Dialog::NyttHushall(_))) {
                    self.meddelande = Some((Signal::Varning, UTKAST_KVAR.into()));
                }
            }
            Kommando::Flik(i) => {
                if let Some(f) = Flik::ALLA.get(i).copied() {
                    self.i_arendet(|a, ctx| a.byt_flik(f, ctx));
                }
            }
            Kommando::AttGora => {
                self.dialog = None;
                self.installningar = None;
                self.statistik = None;
                self.meddelande = None;
                self.att_gora = Some(AttGora::ny(&self.store, &self.anvandare, nu.date()));
            }
            Kommando::Statistik => {
                (self.dialog, self.installningar, self.att_gora, self.meddelande) = (None, None, None, None);
                let (aktor, mut begaran) = (self.aktor(), Vec::new());
                let mut ctx = Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
                self.statistik = Some(Statistikvy::ny(&mut ctx, nu.date()));
            }
            Kommando::Installningar => {
                self.dialog = None;
                self.att_gora = None;
                self.statistik = None;
                self.meddelande = None;
                self.installningar =
                    Some(Installningar::ny(&self.store, &self.anvandare, &self.utskrift.mapp, self.ovning, nu));
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
        self.tangenter(&ctx);
        self.lista.hamta(&self.store);
        if self.lista.resultat.totalt > 0 {
            self.forsta_start = false;
        }
        if let Some(m) = self.kopiering.kontrollera(&ctx, &self.store, (self.klocka)().date()) {
            self.meddelande = Some(m);
        }
        self.toppfalt(ui);
        self.statusrad(ui);
        egui::Panel::left("arendelista").resizable(true).default_size(505.0).min_size(380.0).show(ui, |ui| {
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

    /// The central area: Att göra, the settings, the open case or what to do next.
    fn mitten(&mut self, ui: &mut egui::Ui) {
        ui.add_space(4.0);
        // An open case shows the notice under its tabs, the identity header staying on top.
        let arendet_visas =
            self.oppet.is_some() && self.att_gora.is_none() && self.installningar.is_none() && self.statistik.is_none();
        if let Some((signal, text)) = self.meddelande.as_ref().filter(|_| !arendet_visas) {
            notis(ui, *signal, text);
        }
        let nu = (self.klocka)();
        if let Some(vy) = &mut self.att_gora {
            match vy.visa(ui, &self.store, &self.anvandare, nu.date()) {
                Some(AttGoraVal::Stang) => self.att_gora = None,
                Some(AttGoraVal::Oppna(id)) => self.oppna_arende(id, Flik::Plan),
                None => {}
            }
        } else if self.statistik.is_some() {
            let (aktor, mut begaran) = (self.aktor(), Vec::new());
            let Some(vy) = &mut self.statistik else { return };
            let mut ctx = Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
            if vy.visa(ui, &mut ctx) {
                self.statistik = None;
            }
            self.utfor(begaran);
        } else if let Some(inst) = &mut self.installningar {
            if let Some(val) = inst.visa(ui, &mut self.store, self.mork, &self.anvandare, nu) {
                self.installningsval(ui.ctx(), val);
            }
        } else if self.oppet.is_some() {
            self.i_arendet(|a, ctx| a.visa(ui, ctx));
        } else {
            self.inget_oppet(ui);
        }
    }

    /// What the settings view asked for.
    fn installningsval(&mut self, ctx: &egui::Context, val: Installningsval) {
        let installning = match val {
            Installningsval::Stang => {
                self.installningar = None;
                return;
            }
            Installningsval::LasOmListan => {
                self.lista.uppdatera();
                return;
            }
            Installningsval::NyttNamn(namn) => {
                self.anvandare = namn;
                ("anvandare", self.anvandare.clone())
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
            ui.label(
                "Sök på ärendenummer, personnummer eller namn (Ctrl+F), eller registrera ett nytt hushåll (Ctrl+N).",
            );
            ui.add_space(12.0);
            if ui.button("Registrera nytt hushåll").clicked() {
                self.kor(Kommando::NyttHushall);
            }
        });
    }

    fn toppfalt(&mut self, ui: &mut egui::Ui) {
        let ovning = self.ovning;
        let mut frame = egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(12, 8));
        if ovning {
            frame = frame.fill(tema::OVNING_BAKGRUND);
        }
        egui::Panel::top("toppfalt").frame(frame).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("Bistånd").font(tema::fet(22.0)).color(tema::ACCENT));
                if ovning {
                    ui.label(
                        RichText::new("ÖVNINGSLÄGE – fiktiva ärenden").font(tema::fet(18.0)).color(tema::OVNING_TEXT),
                    );
                }
                ui.add_space(16.0);
                let label = ui.label("Sök");
                let resp = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.lista.fraga)
                            .id(Id::unique(SOK_ID))
                            .hint_text("Ärende, personnummer, namn …  Ctrl+F")
                            .desired_width(380.0),
                    )
                    .labelled_by(label.id);
                if self.fokusera_sok {
                    resp.request_focus();
                    self.fokusera_sok = false;
                }
                if ui.button("Nytt hushåll").on_hover_text("Ctrl+N").clicked() {
                    self.kor(Kommando::NyttHushall);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button(initialer(&self.anvandare))
                        .on_hover_text(format!("{} – inställningar", self.anvandare))
                        .accessible_name("Inställningar")
                        .clicked()
                    {
                        self.kor(Kommando::Installningar);
                    }
                    if ui.button("Statistik").on_hover_text("Enhetens nyckeltal, diagram och rapporter").clicked() {
                        self.kor(Kommando::Statistik);
                    }
                    if ui
                        .button("Att göra")
                        .on_hover_text("Uppföljningar, planer att skriva om och osignerade planer")
                        .clicked()
                    {
                        self.kor(Kommando::AttGora);
                    }
                    if ui.button("Kommandon").on_hover_text("Ctrl+K").clicked() {
                        self.kor(Kommando::Palett);
                    }
                });
            });
        });
    }

    fn statusrad(&mut self, ui: &mut egui::Ui) {
        egui::Panel::bottom("statusrad").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("Databas: {}", self.store.sokvag().display())).small());
                ui.separator();
                let sparat = match self.sparat {
                    Some(t) => format!("Sparat {}", t.format("%H:%M:%S")),
                    None => "Inget osparat".into(),
                };
                ui.label(RichText::new(sparat).small());
                if let Some(kopia) = &self.kopiering.senast {
                    ui.separator();
                    ui.label(RichText::new(kopia).small());
                }
                if self.ovning {
                    ui.separator();
                    let farg = tema::signalfarg(Signal::Ovning, ui.visuals().dark_mode);
                    ui.label(RichText::new("ÖVNINGSLÄGE").strong().color(farg));
                }
            });
        });
    }

    fn dialoger(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.dialog.take() else { return };
        let nu = (self.klocka)();
        let mut stang = false;
        let mut efter: Option<Efterat> = None;
        let skarm = ctx.content_rect();
        let modal = egui::Modal::new(Id::unique("dialog")).show(ctx, |ui| match &mut dialog {
            Dialog::NyttHushall(form) => {
                ui.set_width((skarm.width() - 120.0).clamp(400.0, 1000.0));
                ui.set_max_height(skarm.height() - 80.0);
                let mut begaran = Vec::new();
                let aktor = Aktor::ny(self.anvandare.clone(), nu);
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
                    efter = val.map(|plats| -> Efterat {
                        Box::new(move |app| match plats {
                            Utkastplats::NyttHushall => app.kor(Kommando::NyttHushall),
                            Utkastplats::Journal(id) => app.oppna_arende(id, Flik::Journal),
                            Utkastplats::Ansvar(id) => app.oppna_arende(id, Flik::Oversikt),
                            Utkastplats::Ansokan(id) => app.oppna_arende(id, Flik::Ansokan),
                            Utkastplats::Beslut(id) => app.oppna_arende(id, Flik::Beslut),
                            Utkastplats::Plan(id) => app.oppna_arende(id, Flik::Plan),
                            Utkastplats::Ib(id) => app.oppna_arende(id, Flik::Ib),
                            Utkastplats::Fia(id) => app.oppna_arende(id, Flik::Fia),
                        })
                    });
                }
            }
            Dialog::Forhandsgranskning(g) => {
                ui.set_width((skarm.width() - 80.0).clamp(400.0, 1200.0));
                let mut begaran = Vec::new();
                let aktor = Aktor::ny(self.anvandare.clone(), nu);
                let mut kontext =
                    Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
                stang = g.visa(ui, &mut kontext).is_some();
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

/// The whole window carries the training marking.
fn ovningsram(ctx: &egui::Context) {
    let farg = tema::signalfarg(Signal::Ovning, false);
    ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, Id::unique("ovningsram"))).rect_stroke(
        ctx.content_rect().shrink(2.0),
        0.0,
        egui::Stroke::new(4.0, farg),
        egui::StrokeKind::Inside,
    );
}

/// Letters are saved under the user's documents folder ("Bistånd"), else beside the database.
fn standard_utskriftsmapp() -> std::path::PathBuf {
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.join("Bistånd")))
        .unwrap_or_else(|| crate::ui::standarddatabas(false).with_file_name("brev"))
}

fn initialer(namn: &str) -> String {
    namn.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect::<String>().to_uppercase()
}

impl eframe::App for BistandApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.visa(ui);
    }
}

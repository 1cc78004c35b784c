//! The Beslut tab: decide the month's application per item (bifall, delavslag, avslag), the
//! motivering from the phrase library, then print the letter. A decision is never changed.

use super::tema::{self, Signal};
use super::utkast::{Autospar, Utkastplats, nyckel};
use super::widgetar::{cellfalt, felrad, kolumnrubrik, las, notis, textfalt, textyta};
use crate::domain::arende::Arende;
use crate::domain::beslut::formular::{BeslutsFormular, PostFalt};
use crate::domain::beslut::fraser::{Platshallare, levererade_fraser};
use crate::domain::beslut::{Beslutspost, Utfall};
use crate::domain::hushall::{FaltFel, fel_for};
use crate::store::{BeslutRad, Handelse, Store};
use chrono::NaiveDateTime;
use egui::RichText;
use std::path::PathBuf;

/// Where letters are written and whether they are opened in the system's PDF viewer.
#[derive(Debug, Clone)]
pub struct Utskrift {
    pub mapp: PathBuf,
    pub oppna_visare: bool,
}

impl Utskrift {
    /// Saves a generated PDF as `filnamn` in the print folder and opens it in the viewer when
    /// asked; `vad` names the document in the error ("Brevet", "Planen").
    pub fn spara(&self, pdf: Result<Vec<u8>, String>, filnamn: &str, vad: &str) -> Result<PathBuf, String> {
        let pdf = pdf?;
        crate::filer::skapa_mapp(&self.mapp)
            .map_err(|e| format!("Mappen {} kan inte skapas: {}.", self.mapp.display(), crate::filer::orsak(&e)))?;
        let fil = self.mapp.join(filnamn);
        crate::filer::skriv(&fil, pdf)
            .map_err(|e| format!("{vad} kan inte sparas i {}: {}.", fil.display(), crate::filer::orsak(&e)))?;
        if self.oppna_visare {
            oppna_i_visare(&fil);
        }
        Ok(fil)
    }
}

pub struct BeslutVy {
    arende_id: i64,
    arendenummer: String,
    lista: Vec<BeslutRad>,
    form: Option<BeslutsFormular>,
    autospar: Autospar,
    fel: Vec<FaltFel>,
    bekrafta: bool,
    valt: Option<i64>,
    meddelande: Option<(Signal, String)>,
}

impl BeslutVy {
    pub fn ny(store: &Store, arende: &Arende) -> BeslutVy {
        let (autospar, draft) = Autospar::ny::<BeslutsFormular>(
            store,
            nyckel(Utkastplats::Beslut(arende.id)),
            format!("Beslut i ärende {}", arende.arendenummer),
        );
        let mut meddelande = autospar.lasfel();
        BeslutVy {
            arende_id: arende.id,
            arendenummer: arende.arendenummer.clone(),
            lista: las(store.beslut_for_arende(arende.id), &mut meddelande),
            form: draft,
            autospar,
            fel: Vec::new(),
            bekrafta: false,
            valt: None,
            meddelande,
        }
    }

    /// A new decision on the case's latest application, försörjningsstöd as calculated.
    fn nytt(&mut self, store: &Store, anvandare: &str) {
        let ansokningar = match store.ansokningar(self.arende_id) {
            Ok(a) => a,
            Err(e) => {
                self.meddelande = Some((Signal::Fel, e.to_string()));
                return;
            }
        };
        let Some(senaste) = ansokningar.into_iter().next() else {
            self.meddelande = Some((
                Signal::Varning,
                "Det finns ingen ansökan att besluta om. Räkna först under fliken Ansökan.".into(),
            ));
            return;
        };
        let belopp = senaste.beviljas.format_tal();
        // A new decision on an application already decided changes the earlier decision.
        let mut andrar = None;
        for b in &self.lista {
            match store.beslut(b.id) {
                Ok(s) if s.beslut.ansokan_id == Some(senaste.id) => {
                    andrar = Some(s.id);
                    break;
                }
                Ok(_) => {}
                Err(e) => {
                    self.meddelande = Some((Signal::Fel, e.to_string()));
                    return;
                }
            }
        }
        self.form = Some(BeslutsFormular {
            andrar,
            ansokan_id: Some(senaste.id),
            period: senaste.manad.clone(),
            poster: vec![PostFalt {
                sak: "Försörjningsstöd".into(),
                ansokt: belopp.clone(),
                beviljat: belopp,
                ..Default::default()
            }],
            beslutsfattare: anvandare.to_string(),
            delegation: "socialsekreterare enligt delegationsordningen".into(),
            ..Default::default()
        });
        self.fel.clear();
        self.valt = None;
        self.meddelande = None;
    }

    /// Writes the chosen decision's letter to the print folder and opens it.
    pub fn skriv_ut(&mut self, store: &Store, utskrift: &Utskrift) -> Option<PathBuf> {
        self.skriv(store, utskrift, false)
    }

    fn skriv(&mut self, store: &Store, utskrift: &Utskrift, aterkrav: bool) -> Option<PathBuf> {
        let id = self.valt?;
        let pdf = if aterkrav {
            crate::utskrift::aterkravsbrev_pdf(store, id)
        } else {
            crate::utskrift::beslutsbrev_pdf(store, id)
        };
        let namn = if aterkrav { "aterkrav" } else { "beslut" };
        match utskrift.spara(pdf, &format!("{namn}-{}-{id}.pdf", self.arendenummer), "Brevet") {
            Ok(fil) => {
                self.meddelande = Some((Signal::Klart, format!("Brevet är sparat: {}", fil.display())));
                Some(fil)
            }
            Err(e) => {
                self.meddelande = Some((Signal::Fel, e));
                None
            }
        }
    }

    pub fn visa(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        ctx: Beslutskontext,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        ui.add_space(tema::LUFT / 2.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new("Beslut").text_style(tema::rubrik2()));
            if ui.button("Nytt beslut").clicked() {
                self.nytt(store, ctx.anvandare);
            }
        });
        // Newest first, in a column that scrolls: a long case has years of monthly decisions.
        egui::ScrollArea::vertical().id_salt("beslutslista").max_height(180.0).show(ui, |ui| {
            for b in &self.lista {
                let text = format!("{}  {}", b.datum, b.utfall.namn());
                if ui.selectable_label(self.valt == Some(b.id), text).clicked() {
                    self.valt = Some(b.id);
                    self.form = None;
                }
            }
        });
        if self.lista.is_empty() && self.form.is_none() {
            ui.label("Inga beslut ännu — Nytt beslut fattas på den senaste ansökan.");
        }
        if let Some(id) = self.valt {
            self.visa_beslut(ui, store, id, ctx.utskrift);
        }
        if self.form.is_some() {
            self.visa_form(ui, store, &ctx, nu, sparat);
        }
    }

    fn visa_beslut(&mut self, ui: &mut egui::Ui, store: &Store, id: i64, utskrift: &Utskrift) {
        let b = match store.beslut(id) {
            Ok(b) => b,
            Err(e) => {
                notis(ui, Signal::Fel, &e.to_string());
                return;
            }
        };
        ui.separator();
        ui.label(
            RichText::new(format!("Beslut {} för {}: {}", b.beslut.datum, b.beslut.period, b.utfall.namn()))
                .text_style(tema::rubrik2()),
        );
        for p in &b.beslut.poster {
            ui.label(format!("{}: ansökt {}, beviljat {}", p.sak, p.ansokt, p.beviljat));
        }
        ui.label(RichText::new(format!("Lagrum: {}", b.lagrum)).weak());
        ui.label(RichText::new(format!("Fattat av {} ({})", b.beslut.beslutsfattare, b.skapad)).weak());
        ui.horizontal(|ui| {
            if ui
                .button("Skriv ut beslutsbrev")
                .on_hover_text("Ctrl+P: sparar brevet som PDF och öppnar det för utskrift")
                .clicked()
            {
                self.skriv_ut(store, utskrift);
            }
            if ui.button("Spara som …").clicked() {
                self.spara_som(store, id);
            }
            if b.beslut.poster.iter().any(|p| p.mot_aterkrav.is_some())
                && ui.button("Skriv ut beslut om återkrav").clicked()
            {
                self.skriv(store, utskrift, true);
            }
        });
    }

    fn spara_som(&mut self, store: &Store, id: i64) {
        let forslag = format!("beslut-{}-{id}.pdf", self.arendenummer);
        let Some(fil) = rfd::FileDialog::new().set_file_name(&forslag).add_filter("PDF", &["pdf"]).save_file() else {
            return;
        };
        match crate::utskrift::beslutsbrev_pdf(store, id)
            .and_then(|pdf| crate::filer::skriv(&fil, pdf).map_err(|e| crate::filer::orsak(&e)))
        {
            Ok(()) => self.meddelande = Some((Signal::Klart, format!("Beslutsbrevet är sparat: {}", fil.display()))),
            Err(e) => self.meddelande = Some((Signal::Fel, format!("Brevet kunde inte sparas: {e}"))),
        }
    }

    fn visa_form(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        ctx: &Beslutskontext,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        let Some(f) = &mut self.form else { return };
        ui.separator();
        let titel = match f.andrar {
            Some(id) => format!("Nytt beslut för {} – ändrar beslut nr {id}", f.period),
            None => format!("Nytt beslut för {}", f.period),
        };
        ui.label(RichText::new(titel).text_style(tema::rubrik2()));
        let fraser = store.fraser().unwrap_or_else(|e| {
            self.meddelande = Some((Signal::Fel, e.to_string()));
            levererade_fraser()
        });
        let mut ta_bort = None;
        egui::Grid::new("beslutsposter").num_columns(4).spacing([12.0, 8.0]).show(ui, |ui| {
            for k in ["Vad som söks", "Ansökt", "Beviljas", "Utfall"] {
                kolumnrubrik(ui, k);
            }
            ui.end_row();
            for (i, p) in f.poster.iter_mut().enumerate() {
                let n = i + 1;
                cellfalt(
                    ui,
                    &format!("Post {n}: vad som söks"),
                    &mut p.sak,
                    fel_for(&self.fel, &format!("post.{i}.sak")).is_some(),
                    200.0,
                );
                cellfalt(
                    ui,
                    &format!("Post {n}: ansökt"),
                    &mut p.ansokt,
                    fel_for(&self.fel, &format!("post.{i}.ansokt")).is_some(),
                    110.0,
                );
                cellfalt(
                    ui,
                    &format!("Post {n}: beviljas"),
                    &mut p.beviljat,
                    fel_for(&self.fel, &format!("post.{i}.beviljat")).is_some(),
                    110.0,
                );
                ui.label(utfall(p).map(|u| u.namn()).unwrap_or("–"));
                ui.end_row();
            }
        });
        let period = f.period.clone();
        let antal = f.poster.len();
        for (i, p) in f.poster.iter_mut().enumerate() {
            let n = i + 1;
            ui.label(RichText::new(format!("Post {n}: {}", p.sak)).strong());
            let u = utfall(p);
            ui.horizontal_wrapped(|ui| {
                let mut vald: Option<String> = None;
                egui::ComboBox::from_id_salt(format!("fras{i}"))
                    .selected_text("Välj fras …")
                    .width(320.0)
                    .show_ui(ui, |ui| {
                        for fras in
                            fraser.fraser.iter().filter(|fr| u.is_none_or(|u| fr.utfall.iter().any(|x| x == u.kod())))
                        {
                            if ui.selectable_label(false, &fras.rubrik).clicked() {
                                vald = Some(fras.id.clone());
                            }
                        }
                    })
                    .response
                    .accessible_name(format!("Post {n}: välj fras"));
                if let Some(fras) = vald.and_then(|id| fraser.fraser.iter().find(|fr| fr.id == id)) {
                    let belopp = BeslutsFormular::belopp(p).1.map(crate::domain::klarsprak::kronor).unwrap_or_default();
                    p.motivering = fras.fyll_i(&Platshallare {
                        namn: ctx.sokande.to_string(),
                        belopp,
                        period: crate::domain::klarsprak::manad_fran_text(&period),
                        post: p.sak.to_lowercase(),
                    });
                }
                ui.checkbox(&mut p.utover_ratten, format!("Post {n}: bistånd utöver rätten"));
                ui.checkbox(&mut p.mot_aterkrav, format!("Post {n}: mot återkrav"));
                if antal > 1 && ui.button(format!("Ta bort post {n}")).clicked() {
                    ta_bort = Some(i);
                }
            });
            textyta(
                ui,
                &format!("Post {n}: motivering"),
                &mut p.motivering,
                fel_for(&self.fel, &format!("post.{i}.motivering")),
                3,
            );
            if p.mot_aterkrav {
                textfalt(
                    ui,
                    &format!("Post {n}: varför mot återkrav"),
                    &mut p.aterkrav_skal,
                    fel_for(&self.fel, &format!("post.{i}.aterkrav")),
                    520.0,
                );
            }
        }
        if let Some(i) = ta_bort {
            f.poster.remove(i);
        }
        if ui.button("Lägg till post").clicked() {
            f.poster.push(PostFalt {
                sak: String::new(),
                ansokt: String::new(),
                beviljat: "0".into(),
                ..Default::default()
            });
        }
        if ctx.har_barn {
            textyta(
                ui,
                "Barnens bästa: hur har barnen beaktats?",
                &mut f.barnets_basta,
                fel_for(&self.fel, "barnets_basta"),
                3,
            );
        }
        ui.horizontal_wrapped(|ui| {
            textfalt(ui, "Beslutsfattare", &mut f.beslutsfattare, fel_for(&self.fel, "beslutsfattare"), 220.0);
            textfalt(ui, "Delegation", &mut f.delegation, None, 300.0);
            textfalt(ui, "Föredragande (om någon)", &mut f.foredragande, None, 220.0);
        });
        if let Some(e) = fel_for(&self.fel, "poster").or(fel_for(&self.fel, "period")) {
            felrad(ui, e);
        }
        let mut fatta = false;
        if self.bekrafta {
            ui.label("Ett fattat beslut kan inte ändras; en ändring blir ett nytt beslut. Fatta beslutet?");
            ui.horizontal(|ui| {
                fatta = ui.button("Ja, fatta beslut").clicked();
                if ui.button("Avbryt").clicked() {
                    self.bekrafta = false;
                }
            });
        } else if ui.button(RichText::new("Fatta beslut …").strong()).clicked() {
            match f.validera(self.arende_id, nu.date(), ctx.har_barn) {
                Ok(_) => self.bekrafta = true,
                Err(fel) => {
                    self.fel = fel;
                    self.meddelande = Some((Signal::Fel, "Beslutet är inte fattat: rätta det som är markerat.".into()));
                }
            }
        }
        let form = f.clone();
        if let Err(e) = self.autospar.folj(store, &form, false, nu) {
            self.meddelande = Some((Signal::Fel, e));
        }
        if fatta {
            self.fatta(store, &form, ctx, nu, sparat);
        }
    }

    fn fatta(
        &mut self,
        store: &mut Store,
        form: &BeslutsFormular,
        ctx: &Beslutskontext,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        self.bekrafta = false;
        let beslut = match form.validera(self.arende_id, nu.date(), ctx.har_barn) {
            Ok(b) => b,
            Err(fel) => {
                self.fel = fel;
                return;
            }
        };
        let id = self.arende_id;
        let res = store.skriv(|w| {
            let bid = w.spara_beslut(&beslut, ctx.har_barn, ctx.anvandare, nu)?;
            w.logga(Handelse::FattadeBeslut, Some(id), ctx.anvandare, &format!("beslut {bid}"), nu)?;
            Ok(bid)
        });
        match res {
            Ok(bid) => {
                let _ = self.autospar.klar(store);
                self.form = None;
                self.fel.clear();
                self.valt = Some(bid);
                self.meddelande = Some((Signal::Klart, "Beslutet är fattat. Skriv ut beslutsbrevet.".into()));
                self.lista = las(store.beslut_for_arende(id), &mut self.meddelande);
                *sparat = Some(nu);
            }
            Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
        }
    }
}

/// What the tab needs from the case around it.
pub struct Beslutskontext<'a> {
    pub anvandare: &'a str,
    pub sokande: &'a str,
    pub har_barn: bool,
    pub utskrift: &'a Utskrift,
}

fn utfall(p: &PostFalt) -> Option<Utfall> {
    match BeslutsFormular::belopp(p) {
        (Some(ansokt), Some(beviljat)) => Some(
            Beslutspost {
                sak: String::new(),
                ansokt,
                beviljat,
                motivering: String::new(),
                utover_ratten: false,
                mot_aterkrav: None,
            }
            .utfall(),
        ),
        _ => None,
    }
}

/// Opens a PDF in the system's viewer, from where it is printed.
pub fn oppna_i_visare(fil: &std::path::Path) {
    let resultat = if cfg!(windows) {
        std::process::Command::new("cmd").args(["/C", "start", ""]).arg(fil).spawn()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(fil).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(fil).spawn()
    };
    // Not being able to open a viewer is not an error: the file is saved and its path shown.
    let _ = resultat;
}

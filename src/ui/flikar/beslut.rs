//! The Beslut tab: decide the month's application per item (bifall, delavslag, avslag), the
//! motivering from the phrase library, then print the letter. A decision is never changed.

use crate::arbete;
use crate::domain::arende::Arende;
use crate::domain::beslut::formular::{BeslutsFormular, PostFalt};
use crate::domain::beslut::fraser::{Frasbibliotek, Platshallare, levererade_fraser};
use crate::domain::beslut::underlag::Beslutsgrund;
use crate::domain::beslut::{Beslutspost, SparatBeslut, Utfall};
use crate::domain::falt::{Falt, FaltFel, Postuppgift, fel_for};
use crate::domain::hushall::Roll;
use crate::store::{BeslutRad, HushallVy};
use crate::ui::flikar::Flik;
use crate::ui::kontext::{Flikvy, Kontext, inget_att_skriva_ut};
use crate::ui::tema;
use crate::ui::utkast::{Autospar, Utkastplats, nyckel};
use crate::ui::widgetar::{cellfalt, felrad, kolumnrubrik, textfalt, textyta, valjlista};
use crate::utskrift::Dokument;
use egui::RichText;

pub struct BeslutVy {
    arende_id: i64,
    arendenummer: String,
    sokande: String,
    har_barn: bool,
    /// The children's first names, for the barnkonsekvensanalys.
    barnen: Vec<String>,
    lista: Vec<BeslutRad>,
    /// The phrase library, read when the tab opens.
    fraser: Frasbibliotek,
    form: Option<BeslutsFormular>,
    autospar: Autospar,
    fel: Vec<FaltFel>,
    bekrafta: bool,
    /// The decision shown, read once when it is chosen.
    valt: Option<SparatBeslut>,
    /// An återkrav decision being made on the chosen grant.
    aterkrav: super::aterkrav::Aterkravsdel,
}

impl BeslutVy {
    pub fn ny(ctx: &mut Kontext, arende: &Arende, hushall: &HushallVy) -> BeslutVy {
        let (autospar, draft) = Autospar::ny::<BeslutsFormular>(
            ctx.store,
            &ctx.aktor.login,
            nyckel(Utkastplats::Beslut(arende.id)),
            crate::ui::utkast::titel(ctx.store, "Beslut", arende),
        );
        if let Some((_, fel)) = autospar.lasfel() {
            ctx.fel(fel);
        }
        BeslutVy {
            arende_id: arende.id,
            arendenummer: arende.arendenummer.clone(),
            sokande: hushall.sokande().map(|p| p.namn()).unwrap_or_default(),
            har_barn: hushall.medlemmar.iter().any(|m| m.roll == Roll::Barn),
            barnen: hushall
                .medlemmar
                .iter()
                .filter(|m| m.roll == Roll::Barn)
                .map(|m| m.person.fornamn.clone())
                .collect(),
            lista: Vec::new(),
            fraser: levererade_fraser(),
            form: draft,
            autospar,
            fel: Vec::new(),
            bekrafta: false,
            valt: None,
            aterkrav: Default::default(),
        }
    }

    /// A new decision on the case's latest application, försörjningsstöd as calculated.
    fn nytt(&mut self, ctx: &mut Kontext) {
        match arbete::beslut::nytt_beslut(ctx.store, &ctx.aktor, self.arende_id) {
            Ok(form) => {
                self.form = Some(form);
                self.fel.clear();
                self.valt = None;
                ctx.rensa();
            }
            Err(arbete::Arbetsfel::Ogiltig(t)) => ctx.varna(t),
            Err(e) => ctx.fel(e),
        }
    }

    fn valj(&mut self, ctx: &mut Kontext, id: i64) {
        self.valt = ctx.utfall(ctx.store.beslut(id));
        self.form = None;
        self.aterkrav.stang();
    }

    /// The chosen decision's letter (an återkrav decision prints its own letter, without an
    /// appeal page).
    fn skriv_dokument(&mut self, ctx: &mut Kontext) {
        let Some(b) = self.valt.as_ref() else {
            inget_att_skriva_ut(ctx, Flik::Beslut, " – välj ett beslut i listan");
            return;
        };
        let namn = if b.utfall == Utfall::Aterkrav { "aterkrav" } else { "beslut" };
        ctx.skriv_ut(&Dokument::Beslutsbrev(b.id), &format!("{namn}-{}-{}.pdf", self.arendenummer, b.id));
    }

    fn visa_beslut(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        let Some(b) = &self.valt else { return };
        ui.separator();
        ui.label(
            RichText::new(format!("Beslut {} för {}: {}", b.beslut.datum, b.beslut.period, b.utfall.namn()))
                .text_style(tema::rubrik2()),
        );
        for p in &b.beslut.poster {
            ui.label(format!("{}: ansökt {}, beviljat {}", p.sak, p.ansokt, p.beviljat));
        }
        if let Some(a) = b.underlag.as_ref().and_then(|u| u.aterkrav.as_ref()) {
            ui.label(format!(
                "Återkrav av beslutet den {} ({}): {}",
                a.bevilning_datum,
                a.grund.namn().to_lowercase(),
                a.belopp
            ));
        }
        ui.label(RichText::new(format!("Lagrum: {}", b.lagrum)).weak());
        ui.label(RichText::new(format!("Fattat av {} ({})", b.beslut.beslutsfattare, b.skapad)).weak());
        let kan_aterkravas =
            b.utfall != Utfall::Aterkrav && b.beslut.poster.iter().any(|p| p.beviljat > crate::domain::Belopp::NOLL);
        let id = b.id;
        ui.horizontal(|ui| {
            if ui
                .button("Skriv ut beslutsbrev")
                .on_hover_text("Ctrl+P: förhandsgranskar brevet, som skrivs ut eller sparas därifrån")
                .clicked()
            {
                self.skriv_dokument(ctx);
            }
        });
        if kan_aterkravas && let Some(ny) = self.aterkrav.visa(ui, ctx, self.arende_id, id) {
            self.ladda(ctx);
            self.valj(ctx, ny);
        }
    }

    fn visa_form(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        let Some(f) = &mut self.form else { return };
        ui.separator();
        let andrar = f.andrar.map(|id| self.lista.iter().find(|b| b.id == id).map(|b| b.datum.clone()));
        let titel = match andrar {
            Some(Some(datum)) => format!("Nytt beslut för {} – ändrar beslutet den {datum}", f.period),
            Some(None) => format!("Nytt beslut för {} – ändrar ett tidigare beslut", f.period),
            None => format!("Nytt beslut för {}", f.period),
        };
        ui.label(RichText::new(titel).text_style(tema::rubrik2()));
        visa_grund(ui, f, &self.fel);
        visa_utbetalning(ui, f, &self.fel);
        visa_poster(ui, f, &self.fel);
        visa_motiveringar(ui, f, &self.fel, &self.fraser, &self.sokande);
        if f.poster.iter().any(|p| p.mot_aterkrav) {
            super::aterkrav::visa_villkor(ui, &mut f.aterkravsvillkor, &self.fel);
        }
        if ui.button("Lägg till post").clicked() {
            f.poster.push(PostFalt { beviljat: "0".into(), ..Default::default() });
        }
        if self.har_barn {
            super::barnanalys::visa(ui, f, &self.barnen, &self.fel);
        }
        ui.horizontal_wrapped(|ui| {
            textfalt(ui, "Beslutsfattare", &mut f.beslutsfattare, fel_for(&self.fel, Falt::Beslutsfattare), 220.0);
            textfalt(ui, "Föredragande (om någon)", &mut f.foredragande, None, 220.0);
        });
        // The delegation names title and point ("… enligt delegationsordningen punkt 4.1.2").
        textfalt(ui, "Delegation", &mut f.delegation, None, 520.0);
        if let Some(e) = fel_for(&self.fel, Falt::Poster).or(fel_for(&self.fel, Falt::Period)) {
            felrad(ui, e);
        }
        self.folj_fel(ctx);
        let fatta = self.visa_bekrafta(ui, ctx);
        if let Some(form) = self.form.clone() {
            if let Err(e) = self.autospar.folj(ctx.store, &form, false, ctx.nu()) {
                ctx.fel(e);
            }
            if fatta {
                self.fatta(ctx, &form);
            }
        }
    }

    /// Once the messages are shown they follow the form: a corrected field loses its mark.
    fn folj_fel(&mut self, ctx: &Kontext) {
        let Some(f) = self.form.as_ref().filter(|_| !self.fel.is_empty()) else { return };
        self.fel = match arbete::beslut::prova(f, &ctx.aktor, self.arende_id, self.har_barn) {
            Err(arbete::Arbetsfel::Falt(fel)) => fel,
            _ => Vec::new(),
        };
    }

    /// "Fatta beslut …", checked first, then asked once. Returns true when confirmed.
    fn visa_bekrafta(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) -> bool {
        let Some(f) = &self.form else { return false };
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
            match arbete::beslut::prova(f, &ctx.aktor, self.arende_id, self.har_barn) {
                Ok(_) => self.bekrafta = true,
                Err(e) => self.visa_fel(ctx, e),
            }
        }
        fatta
    }

    fn visa_fel(&mut self, ctx: &mut Kontext, e: arbete::Arbetsfel) {
        match e {
            arbete::Arbetsfel::Falt(fel) => {
                self.fel = fel;
                ctx.fel("Beslutet är inte fattat: rätta det som är markerat.");
            }
            e => ctx.fel(e),
        }
    }

    fn fatta(&mut self, ctx: &mut Kontext, form: &BeslutsFormular) {
        self.bekrafta = false;
        let roll = arbete::delegation::roll(&ctx.aktor);
        let svar = arbete::delegation::fatta_eller_foresla(
            ctx.store,
            &ctx.aktor,
            roll.as_deref(),
            self.arende_id,
            form,
            self.har_barn,
        );
        match svar {
            Ok(vag) => {
                let _ = self.autospar.klar(ctx.store);
                self.form = None;
                self.fel.clear();
                self.ladda(ctx);
                match vag {
                    arbete::delegation::Beslutsvag::Fattat(id) => {
                        self.valt = ctx.utfall(ctx.store.beslut(id));
                        ctx.klart("Beslutet är fattat. Skriv ut beslutsbrevet.");
                        // The first grant makes the case aktuell: the header and the list say so.
                        ctx.begar(crate::ui::kontext::Begaran::LasOmArendet);
                        ctx.begar(crate::ui::kontext::Begaran::LasOmListan);
                    }
                    arbete::delegation::Beslutsvag::Forslag { .. } => ctx.klart(
                        "Beslutet ligger utanför din delegation och är sparat som förslag till beslut. Det finns nu \
                         under Att göra hos dem som får fatta det.",
                    ),
                }
                ctx.sparat();
            }
            Err(e) => self.visa_fel(ctx, e),
        }
    }
}

impl Flikvy for BeslutVy {
    fn ladda(&mut self, ctx: &mut Kontext) {
        self.lista = ctx.las(ctx.store.beslut_for_arende(self.arende_id));
        self.fraser = ctx.store.fraser().unwrap_or_else(|e| {
            ctx.fel(e);
            levererade_fraser()
        });
    }

    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        ui.add_space(tema::LUFT / 2.0);
        let mut nytt = false;
        ui.horizontal(|ui| {
            ui.label(RichText::new("Beslut").text_style(tema::rubrik2()));
            nytt = ui.button("Nytt beslut").clicked();
        });
        if nytt {
            self.nytt(ctx);
        }
        // Newest first, in a column that scrolls: a long case has years of monthly decisions.
        let mut vald = None;
        egui::ScrollArea::vertical().id_salt("beslutslista").max_height(180.0).show(ui, |ui| {
            for b in &self.lista {
                let text = format!("{}  {}", b.datum, b.utfall.namn());
                if ui.selectable_label(self.valt.as_ref().is_some_and(|v| v.id == b.id), text).clicked() {
                    vald = Some(b.id);
                }
            }
        });
        if let Some(id) = vald {
            self.valj(ctx, id);
        }
        if self.lista.is_empty() && self.form.is_none() {
            ui.label("Inga beslut ännu — Nytt beslut fattas på den senaste ansökan.");
        }
        self.visa_beslut(ui, ctx);
        self.visa_form(ui, ctx);
    }

    /// A decision is taken, never saved half-way: the form is kept as a draft meanwhile.
    fn spara(&mut self, ctx: &mut Kontext) {
        match &self.form {
            Some(_) => ctx.varna(
                "Beslutsförslaget sparas som utkast medan du skriver. Ett beslut sparas när det fattas: Fatta beslut …",
            ),
            None => crate::ui::kontext::inget_att_spara(ctx, Flik::Beslut, "; ett fattat beslut ändras inte"),
        }
    }

    fn skriv_ut(&mut self, ctx: &mut Kontext) {
        self.skriv_dokument(ctx);
    }
}

/// The items: what is sought, the amounts and the outcome each gives.
/// What the decision rests on: the calculation, or a ground that refuses without one.
fn visa_grund(ui: &mut egui::Ui, f: &mut BeslutsFormular, fel: &[FaltFel]) {
    valjlista(ui, "Beslutet grundar sig på", f.grund.namn(), 360.0, |ui| {
        for g in Beslutsgrund::ALLA {
            ui.selectable_value(&mut f.grund, *g, g.namn());
        }
    });
    if let Some(e) = fel_for(fel, Falt::Grund) {
        felrad(ui, e);
    }
}

/// The period in dates, the payment day and where the money goes.
fn visa_utbetalning(ui: &mut egui::Ui, f: &mut BeslutsFormular, fel: &[FaltFel]) {
    ui.horizontal_wrapped(|ui| {
        textfalt(ui, "Perioden från", &mut f.period_fran, fel_for(fel, Falt::PeriodFran), 110.0);
        textfalt(ui, "Perioden till", &mut f.period_till, fel_for(fel, Falt::PeriodTill), 110.0);
        textfalt(ui, "Betalas ut den", &mut f.utbetalningsdag, fel_for(fel, Falt::Utbetalningsdag), 110.0);
        textfalt(
            ui,
            "Betalas ut till (konto, hyresvärd eller leverantör)",
            &mut f.betalas_till,
            fel_for(fel, Falt::BetalasTill),
            380.0,
        );
    });
}

fn visa_poster(ui: &mut egui::Ui, f: &mut BeslutsFormular, fel: &[FaltFel]) {
    egui::Grid::new("beslutsposter").num_columns(4).spacing([12.0, 8.0]).show(ui, |ui| {
        for k in ["Vad som söks", "Ansökt", "Beviljas", "Utfall"] {
            kolumnrubrik(ui, k);
        }
        ui.end_row();
        for (i, p) in f.poster.iter_mut().enumerate() {
            let n = i + 1;
            let har_fel = |u| fel_for(fel, Falt::Post(i, u)).is_some();
            cellfalt(ui, &format!("Post {n}: vad som söks"), &mut p.sak, har_fel(Postuppgift::Sak), 200.0);
            cellfalt(ui, &format!("Post {n}: ansökt"), &mut p.ansokt, har_fel(Postuppgift::Ansokt), 110.0);
            cellfalt(ui, &format!("Post {n}: beviljas"), &mut p.beviljat, har_fel(Postuppgift::Beviljat), 110.0);
            ui.label(utfall(p).map(|u| u.namn()).unwrap_or("–"));
            ui.end_row();
        }
    });
    // The table's cells are only marked; what is wrong is said under it, naming the post.
    for f in fel {
        if let Falt::Post(i, Postuppgift::Sak | Postuppgift::Ansokt | Postuppgift::Beviljat) = f.falt {
            felrad(ui, &format!("Post {}: {}", i + 1, f.text));
        }
    }
}

/// Per item: a phrase from the library, the motivering, and whether it is granted beyond the
/// right or against repayment.
fn visa_motiveringar(
    ui: &mut egui::Ui,
    f: &mut BeslutsFormular,
    fel: &[FaltFel],
    fraser: &Frasbibliotek,
    sokande: &str,
) {
    let period = f.period.clone();
    let antal = f.poster.len();
    let mut ta_bort = None;
    for (i, p) in f.poster.iter_mut().enumerate() {
        let n = i + 1;
        ui.label(RichText::new(format!("Post {n}: {}", p.sak)).strong());
        ui.horizontal_wrapped(|ui| {
            if let Some(fras) = valj_fras(ui, fraser, utfall(p), n) {
                let belopp = BeslutsFormular::belopp(p).1.map(crate::domain::klarsprak::kronor).unwrap_or_default();
                let platser = Platshallare {
                    namn: sokande.to_string(),
                    belopp,
                    period: crate::domain::klarsprak::manad_fran_text(&period),
                    post: crate::domain::norm::liten_bokstav(&p.sak),
                };
                p.motivering = fras.fyll_i(&platser);
            }
            ui.checkbox(&mut p.utover_ratten, format!("Post {n}: bistånd utöver rätten"));
            ui.checkbox(&mut p.mot_aterkrav, format!("Post {n}: mot återkrav"));
            if antal > 1 && ui.button(format!("Ta bort post {n}")).clicked() {
                ta_bort = Some(i);
            }
        });
        let motivering_fel = fel_for(fel, Falt::Post(i, Postuppgift::Motivering));
        textyta(ui, &format!("Post {n}: motivering"), &mut p.motivering, motivering_fel, 3);
        if p.mot_aterkrav {
            let skal_fel = fel_for(fel, Falt::Post(i, Postuppgift::Aterkrav));
            textfalt(ui, &format!("Post {n}: varför mot återkrav"), &mut p.aterkrav_skal, skal_fel, 520.0);
        }
    }
    if let Some(i) = ta_bort {
        f.poster.remove(i);
    }
}

/// The phrase drop-down of item `n`, offering the phrases that fit its outcome.
fn valj_fras<'a>(
    ui: &mut egui::Ui,
    fraser: &'a Frasbibliotek,
    u: Option<Utfall>,
    n: usize,
) -> Option<&'a crate::domain::beslut::fraser::Fras> {
    let mut vald = None;
    egui::ComboBox::from_id_salt(format!("fras{}", n - 1))
        .selected_text("Välj fras …")
        .width(320.0)
        .show_ui(ui, |ui| {
            for fras in fraser.fraser.iter().filter(|fr| u.is_none_or(|u| fr.utfall.iter().any(|x| x == u.kod()))) {
                if ui.selectable_label(false, &fras.rubrik).clicked() {
                    vald = Some(fras);
                }
            }
        })
        .response
        .accessible_name(format!("Post {n}: välj fras"));
    vald
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

//! The Ansökan tab: the case's monthly applications, the form (autosaved) and the calculation,
//! every line shown, with the table year and any unverified cell warned about.

use crate::arbete::{self, Arbetsfel};
use crate::domain::ansokan::{AnsokanFormular, MedlemFalt};
use crate::domain::arende::Arende;
use crate::domain::manad::Manad;
use crate::domain::norm::{Normtabell, Radtyp, Regler, Resultat, berakna};
use crate::store::{AnsokanRad, HushallVy};
use crate::ui::flikar::{Flik, ansokan_form};
use crate::ui::kontext::{Flikvy, Kontext, inget_att_skriva_ut, inget_att_spara};
use crate::ui::krock::Krockvakt;
use crate::ui::tema::{self, Signal};
use crate::ui::utkast::{Autospar, Utkastplats, nyckel};
use crate::ui::widgetar::{felrad, notis, rubrik};
use egui::RichText;

struct Redigering {
    form: AnsokanFormular,
    /// The form as opened: no draft is kept until it changes.
    original: AnsokanFormular,
    sparad_id: Option<i64>,
    /// The table the calculation uses: the stored version for a saved application.
    tabell: Option<(i64, Normtabell)>,
    regler: Regler,
    visa_fel: bool,
    /// The year without a norm table, and why: asked again only when the tab is opened again.
    tabellfel: Option<(i32, String)>,
}

pub struct AnsokanVy {
    arende_id: i64,
    /// The household with its history: a new month is filled with who lived there then.
    hushall: HushallVy,
    lista: Vec<AnsokanRad>,
    redigering: Option<Redigering>,
    autospar: Autospar,
    /// A save refused because another user saved the same application meanwhile.
    krock: Krockvakt,
}

impl AnsokanVy {
    pub fn ny(ctx: &mut Kontext, arende: &Arende, hushall: &HushallVy) -> AnsokanVy {
        let (autospar, draft) = Autospar::ny::<AnsokanFormular>(
            ctx.store,
            &ctx.aktor.login,
            nyckel(Utkastplats::Ansokan(arende.id)),
            crate::ui::utkast::titel(ctx.store, "Ansökan", arende),
        );
        if let Some((_, fel)) = autospar.lasfel() {
            ctx.fel(fel);
        }
        let mut vy = AnsokanVy {
            arende_id: arende.id,
            hushall: hushall.clone(),
            lista: Vec::new(),
            redigering: None,
            autospar,
            krock: Krockvakt::default(),
        };
        if let Some(form) = draft {
            vy.oppna_form(ctx, form, None);
            // A restored draft is unsaved work: it stays a draft until saved.
            if let Some(r) = &mut vy.redigering {
                r.original = AnsokanFormular::default();
            }
        }
        vy
    }

    fn oppna_form(&mut self, ctx: &mut Kontext, form: AnsokanFormular, sparad: Option<(i64, i64, Regler)>) {
        let (sparad_id, tabell, regler) = match sparad {
            Some((id, tabell_id, regler)) => {
                let tabell = ctx.las(ctx.store.normtabell(tabell_id).map(|t| Some((tabell_id, t))));
                (Some(id), tabell, regler)
            }
            None => (None, None, ctx.las(ctx.store.regler())),
        };
        let mut r =
            Redigering { original: form.clone(), form, sparad_id, tabell, regler, visa_fel: false, tabellfel: None };
        r.tabell = arbete::ansokan::tabell_for(ctx.store, &r.form.manad, r.tabell.take()).ok();
        self.redigering = Some(r);
    }

    fn ny_ansokan(&mut self, ctx: &mut Kontext) {
        let nu = ctx.nu();
        let senaste = self.lista.first().and_then(|a| Manad::parse(&a.manad).ok());
        let manad = senaste.map(Manad::nasta).unwrap_or_else(|| Manad::av(nu.date()));
        ctx.rensa();
        let mut form = AnsokanFormular::ny_for_manad(manad, nu.date(), &self.hushall.medlemmar_i(manad));
        // Saw no application for the month: one another user saves meanwhile refuses this save.
        form.version = Some(crate::store::INGEN_RAD);
        self.oppna_form(ctx, form, None);
    }

    fn oppna_sparad(&mut self, ctx: &mut Kontext, id: i64) {
        if let Some(s) = ctx.utfall(ctx.store.ansokan(id)) {
            let form = AnsokanFormular { version: Some(s.version), ..AnsokanFormular::from(&s.ansokan) };
            ctx.rensa();
            self.krock.rensa();
            self.oppna_form(ctx, form, Some((s.id, s.normtabell_id, s.regler)));
        }
    }

    /// "Läs in den nya versionen": the form keeps what the user typed and now carries the
    /// version another user saved; the notice says what that version grants.
    fn las_in(&mut self, ctx: &mut Kontext) {
        self.ladda(ctx);
        let Some(r) = &mut self.redigering else { return };
        let manad = r.form.manad.trim();
        let Some(rad) = self.lista.iter().find(|a| a.manad == manad) else {
            self.krock.rensa();
            return;
        };
        let Some(s) = ctx.utfall(ctx.store.ansokan(rad.id)) else { return };
        r.form.version = Some(s.version);
        r.sparad_id = Some(rad.id);
        self.krock.inlast(&format!("{} i försörjningsstöd för {}", rad.beviljas, rad.manad));
    }

    fn kopiera_forra(&mut self, ctx: &mut Kontext) {
        let Some(r) = &mut self.redigering else { return };
        let Ok(manad) = Manad::parse(&r.form.manad) else {
            ctx.fel("Skriv först vilken månad ansökan gäller.");
            return;
        };
        let forra = manad.foregaende().to_string();
        match self.lista.iter().find(|a| a.manad == forra).map(|a| ctx.store.ansokan(a.id)) {
            Some(Ok(s)) => {
                r.form.kopiera_fran(&AnsokanFormular::from(&s.ansokan));
                // Who lived there is the register's for this month, not last month's.
                if self.hushall.historik.iter().any(|m| m.till.is_some() || m.fran > self.hushall.registrerad) {
                    r.form.medlemmar = MedlemFalt::for_manad(&self.hushall.medlemmar_i(manad));
                }
                ctx.klart(format!("Uppgifterna från {forra} är kopierade. Ändra det som är nytt."));
            }
            Some(Err(e)) => ctx.fel(e),
            None => ctx.varna(format!("Det finns ingen ansökan för {forra} att kopiera.")),
        }
    }

    /// Keeps the table in step with the month typed (read only when the year changes).
    fn folj_tabell(ctx: &mut Kontext, r: &mut Redigering) -> Result<(), Arbetsfel> {
        let ar = Manad::parse(&r.form.manad).map_err(Arbetsfel::Ogiltig)?.ar();
        if r.tabell.as_ref().is_some_and(|(_, t)| t.ar == ar) {
            return Ok(());
        }
        if let Some((_, fel)) = r.tabellfel.as_ref().filter(|(a, _)| *a == ar) {
            return Err(Arbetsfel::Ogiltig(fel.clone()));
        }
        match arbete::ansokan::tabell_for(ctx.store, &r.form.manad, r.tabell.take()) {
            Ok(t) => {
                r.tabell = Some(t);
                r.tabellfel = None;
                Ok(())
            }
            Err(e) => {
                r.tabellfel = Some((ar, e.to_string()));
                Err(e)
            }
        }
    }

    fn visa_lista(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        rubrik(ui, "Ansökningar");
        let mut oppna = None;
        let mut ny = false;
        ui.horizontal_wrapped(|ui| {
            for a in &self.lista {
                let vald = self.redigering.as_ref().and_then(|r| r.sparad_id) == Some(a.id);
                let text = format!("{}  {}{}", a.manad, a.beviljas, if a.komplett { "" } else { " (ofullständig)" });
                if ui.selectable_label(vald, text).clicked() {
                    oppna = Some(a.id);
                }
            }
            ny = ui.button("Ny ansökan").clicked();
        });
        if let Some(id) = oppna {
            self.oppna_sparad(ctx, id);
        }
        if ny {
            self.ny_ansokan(ctx);
        }
        if self.lista.is_empty() && self.redigering.is_none() {
            ui.label("Inga ansökningar ännu — Ny ansökan.");
        }
    }
}

impl Flikvy for AnsokanVy {
    fn ladda(&mut self, ctx: &mut Kontext) {
        self.lista = ctx.las(ctx.store.ansokningar(self.arende_id));
        if let Some(r) = &mut self.redigering {
            r.tabellfel = None;
        }
    }

    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        self.visa_lista(ui, ctx);
        let Some(r) = &mut self.redigering else { return };
        ui.separator();
        let titel =
            if r.sparad_id.is_some() { format!("Ansökan för {}", r.form.manad) } else { "Ny ansökan".to_string() };
        ui.label(RichText::new(titel).text_style(tema::rubrik2()));
        let mut kopiera = false;
        let mut spara = false;
        ui.horizontal(|ui| {
            kopiera = ui.button("Kopiera förra månaden").clicked();
            spara = ui.button(RichText::new("Spara ansökan").strong()).on_hover_text("Ctrl+S").clicked();
        });
        let las_in = self.krock.visa(ui);
        let validering = r.form.validera(ctx.nu().date());
        let fel = validering.as_ref().err().cloned().unwrap_or_default();
        ansokan_form::visa(ui, &mut r.form, &fel, r.visa_fel);

        ui.add_space(tema::LUFT);
        ui.separator();
        rubrik(ui, "Beräkning");
        match (&validering, Self::folj_tabell(ctx, r)) {
            (Err(fel), _) => {
                ui.label(format!("Beräkningen visas när uppgifterna är kompletta ({} att rätta):", fel.len()));
                for f in fel.iter().take(6) {
                    felrad(ui, &f.text);
                }
            }
            (Ok(_), Err(e)) => felrad(ui, &e.to_string()),
            (Ok(a), Ok(())) => {
                if let Some((_, tabell)) = &r.tabell {
                    match berakna(&a.underlag, tabell, &r.regler) {
                        Ok(res) => visa_resultat(ui, &res),
                        Err(e) => felrad(ui, &e.to_string()),
                    }
                }
            }
        }
        let tomt = r.form == r.original;
        match self.autospar.folj(ctx.store, &r.form, tomt, ctx.nu()) {
            Ok(true) => ctx.sparat(),
            Ok(false) => {}
            Err(e) => ctx.fel(e),
        }
        if kopiera {
            self.kopiera_forra(ctx);
        }
        if spara {
            self.spara(ctx);
        }
        if las_in {
            self.las_in(ctx);
        }
    }

    /// Saves the application being edited (the button, or Ctrl+S on this tab).
    fn spara(&mut self, ctx: &mut Kontext) {
        let Some(r) = &mut self.redigering else {
            inget_att_spara(ctx, Flik::Ansokan, " – öppna en ansökan eller välj Ny ansökan");
            return;
        };
        r.visa_fel = true;
        let svar =
            arbete::ansokan::spara_ansokan(ctx.store, &ctx.aktor, self.arende_id, &r.form, r.tabell.clone(), &r.regler);
        match svar {
            Ok(sparad) => {
                self.krock.rensa();
                r.form.version = Some(sparad.version);
                r.sparad_id = Some(sparad.id);
                r.tabell = Some(sparad.tabell);
                r.original = r.form.clone();
                let _ = self.autospar.klar(ctx.store);
                ctx.klart(format!("Ansökan för {} är sparad: {} i försörjningsstöd.", sparad.manad, sparad.beviljas));
                ctx.sparat();
                self.ladda(ctx);
            }
            Err(Arbetsfel::Falt(_)) => ctx.fel("Ansökan är inte sparad: rätta uppgifterna som är markerade."),
            Err(e) if self.krock.fanga(&e) => {}
            Err(e) => ctx.fel(e),
        }
    }

    fn skriv_ut(&mut self, ctx: &mut Kontext) {
        inget_att_skriva_ut(ctx, Flik::Ansokan, "; beslutsbrevet med beräkningen skrivs ut under fliken Beslut");
    }
}

/// Every line of the calculation, amounts right-aligned, warnings beside it.
fn visa_resultat(ui: &mut egui::Ui, r: &Resultat) {
    let mork = ui.visuals().dark_mode;
    let synlig = ui.available_width().min(ui.clip_rect().width());
    ui.scope(|ui| {
        ui.set_max_width(synlig);
        for v in &r.varningar {
            notis(ui, Signal::Varning, &format!("Obs: {v}"));
        }
    });
    ui.label(RichText::new(format!("Normtabell {}", r.tabellar)).weak());
    // Text on the left (wrapping), amount right-aligned in a fixed column: always both visible.
    let bredd = (ui.available_width().min(ui.clip_rect().width()) - 16.0).min(900.0);
    let belopp_bredd = 150.0;
    for (i, rad) in r.rader.iter().enumerate() {
        let summa = rad.typ == Radtyp::Summa;
        let fyll = if i % 2 == 0 { ui.visuals().faint_bg_color } else { egui::Color32::TRANSPARENT };
        egui::Frame::new().fill(fyll).inner_margin(egui::Margin::symmetric(6, 3)).show(ui, |ui| {
            ui.set_width(bredd - 12.0);
            ui.horizontal_top(|ui| {
                let text_bredd = bredd - 12.0 - belopp_bredd - 8.0;
                let mut text = RichText::new(&rad.text);
                if summa {
                    text = text.strong();
                }
                ui.allocate_ui_with_layout(
                    egui::vec2(text_bredd, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(text_bredd);
                        ui.add(egui::Label::new(text).wrap());
                    },
                );
                ui.allocate_ui_with_layout(
                    egui::vec2(belopp_bredd, 0.0),
                    egui::Layout::right_to_left(egui::Align::Min),
                    |ui| {
                        ui.set_width(belopp_bredd);
                        let belopp = if rad.typ == Radtyp::Info { "–".to_string() } else { rad.belopp.to_string() };
                        let mut t = RichText::new(belopp);
                        if summa {
                            t = t.strong();
                        }
                        ui.label(t);
                    },
                );
            });
        });
    }
    ui.add_space(8.0);
    let farg = tema::signalfarg(Signal::Klart, mork);
    ui.label(RichText::new(format!("Försörjningsstöd: {}", r.beviljas)).font(tema::fet(20.0)).color(farg));
    if !r.livsforing.is_empty() {
        let ovrigt = r.totalt - r.beviljas;
        let text = format!("Livsföring i övrigt: {ovrigt} – totalt {}", r.totalt);
        ui.label(RichText::new(text).font(tema::fet(16.0)).color(farg));
    }
}

//! The Ansökan tab: the case's monthly applications, the form (autosaved) and the calculation,
//! every line shown, with the table year and any unverified cell warned about.

use super::ansokan_form;
use super::tema::{self, Signal};
use super::utkast::{Autospar, Utkastplats, nyckel};
use super::widgetar::{felrad, las, notis, rubrik};
use crate::domain::ansokan::AnsokanFormular;
use crate::domain::arende::Arende;
use crate::domain::hushall::Medlem;
use crate::domain::manad::Manad;
use crate::domain::norm::{Normtabell, Radtyp, Regler, Resultat, berakna};
use crate::store::{AnsokanRad, Handelse, Store};
use chrono::NaiveDateTime;
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
}

pub struct AnsokanVy {
    arende_id: i64,
    lista: Vec<AnsokanRad>,
    redigering: Option<Redigering>,
    autospar: Autospar,
    meddelande: Option<(Signal, String)>,
}

impl AnsokanVy {
    pub fn ny(store: &Store, arende: &Arende) -> AnsokanVy {
        let (autospar, draft) = Autospar::ny::<AnsokanFormular>(
            store,
            nyckel(Utkastplats::Ansokan(arende.id)),
            format!("Ansökan i ärende {}", arende.arendenummer),
        );
        let mut meddelande = autospar.lasfel();
        let lista = las(store.ansokningar(arende.id), &mut meddelande);
        let mut vy = AnsokanVy { arende_id: arende.id, lista, redigering: None, autospar, meddelande };
        if let Some(form) = draft {
            vy.oppna_form(store, form, None);
            // A restored draft is unsaved work: it stays a draft until saved.
            if let Some(r) = &mut vy.redigering {
                r.original = AnsokanFormular::default();
            }
        }
        vy
    }

    fn oppna_form(&mut self, store: &Store, form: AnsokanFormular, sparad: Option<(i64, i64, Regler)>) {
        let (sparad_id, tabell, regler) = match sparad {
            Some((id, tabell_id, regler)) => {
                let tabell = las(store.normtabell(tabell_id).map(|t| Some((tabell_id, t))), &mut self.meddelande);
                (Some(id), tabell, regler)
            }
            None => (None, None, las(store.regler(), &mut self.meddelande)),
        };
        self.redigering = Some(Redigering { original: form.clone(), form, sparad_id, tabell, regler, visa_fel: false });
    }

    fn ny_ansokan(&mut self, store: &Store, medlemmar: &[Medlem], nu: NaiveDateTime) {
        let senaste = self.lista.first().and_then(|a| Manad::parse(&a.manad).ok());
        let manad = senaste.map(Manad::nasta).unwrap_or_else(|| Manad::av(nu.date()));
        self.meddelande = None;
        self.oppna_form(store, AnsokanFormular::ny(manad, nu.date(), medlemmar), None);
    }

    fn kopiera_forra(&mut self, store: &Store) {
        let Some(r) = &mut self.redigering else { return };
        let Ok(manad) = Manad::parse(&r.form.manad) else {
            self.meddelande = Some((Signal::Fel, "Skriv först vilken månad ansökan gäller.".into()));
            return;
        };
        let forra = manad.foregaende().to_string();
        match self.lista.iter().find(|a| a.manad == forra).map(|a| store.ansokan(a.id)) {
            Some(Ok(s)) => {
                r.form.kopiera_fran(&AnsokanFormular::from(&s.ansokan));
                self.meddelande =
                    Some((Signal::Klart, format!("Uppgifterna från {forra} är kopierade. Ändra det som är nytt.")));
            }
            Some(Err(e)) => self.meddelande = Some((Signal::Fel, e.to_string())),
            None => {
                self.meddelande = Some((Signal::Varning, format!("Det finns ingen ansökan för {forra} att kopiera.")))
            }
        }
    }

    /// The table for the form's month: the stored version, else the newest for the year.
    fn tabell_for(store: &Store, r: &mut Redigering) -> Result<(), String> {
        let ar = Manad::parse(&r.form.manad)?.ar();
        if r.tabell.as_ref().is_some_and(|(_, t)| t.ar == ar) {
            return Ok(());
        }
        r.tabell = store.normtabell_for_ar(ar).map_err(|e| e.to_string())?;
        r.tabell.as_ref().map(|_| ()).ok_or_else(|| {
            format!("Det finns ingen normtabell för {ar}. Lägg in den under Inställningar → Normtabeller.")
        })
    }

    /// Saves the application being edited (the button, or Ctrl+S on this tab).
    pub fn spara(&mut self, store: &mut Store, anvandare: &str, nu: NaiveDateTime, sparat: &mut Option<NaiveDateTime>) {
        let Some(r) = &mut self.redigering else { return };
        r.visa_fel = true;
        let Ok(ansokan) = r.form.validera(nu.date()) else {
            self.meddelande = Some((Signal::Fel, "Ansökan är inte sparad: rätta uppgifterna som är markerade.".into()));
            return;
        };
        if let Err(e) = Self::tabell_for(store, r) {
            self.meddelande = Some((Signal::Fel, e));
            return;
        }
        let Some((tabell_id, tabell)) = &r.tabell else { return };
        let resultat = match berakna(&ansokan.underlag, tabell, &r.regler) {
            Ok(res) => res,
            Err(e) => {
                self.meddelande = Some((Signal::Fel, e));
                return;
            }
        };
        let id = self.arende_id;
        let manad = ansokan.underlag.manad;
        let res = store.skriv(|w| {
            let aid = w.spara_ansokan(id, &ansokan, *tabell_id, &r.regler, &resultat, nu)?;
            w.logga(Handelse::SparadeAnsokan, Some(id), anvandare, &manad.to_string(), nu)?;
            Ok(aid)
        });
        match res {
            Ok(aid) => {
                r.sparad_id = Some(aid);
                r.original = r.form.clone();
                let _ = self.autospar.klar(store);
                self.meddelande = Some((
                    Signal::Klart,
                    format!("Ansökan för {manad} är sparad: {} i försörjningsstöd.", resultat.beviljas),
                ));
                self.lista = las(store.ansokningar(id), &mut self.meddelande);
                *sparat = Some(nu);
            }
            Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
        }
    }

    pub fn visa(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        medlemmar: &[Medlem],
        anvandare: &str,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        rubrik(ui, "Ansökningar");
        ui.horizontal_wrapped(|ui| {
            let mut oppna = None;
            for a in &self.lista {
                let vald = self.redigering.as_ref().and_then(|r| r.sparad_id) == Some(a.id);
                let text = format!("{}  {}{}", a.manad, a.beviljas, if a.komplett { "" } else { " (ofullständig)" });
                if ui.selectable_label(vald, text).clicked() {
                    oppna = Some(a.id);
                }
            }
            if let Some(id) = oppna {
                match store.ansokan(id) {
                    Ok(s) => {
                        let form = AnsokanFormular::from(&s.ansokan);
                        self.oppna_form(store, form, Some((s.id, s.normtabell_id, s.regler)));
                        self.meddelande = None;
                    }
                    Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
                }
            }
            if ui.button("Ny ansökan").clicked() {
                self.ny_ansokan(store, medlemmar, nu);
            }
        });
        if self.lista.is_empty() && self.redigering.is_none() {
            ui.label("Inga ansökningar ännu — Ny ansökan.");
        }
        let Some(r) = &mut self.redigering else { return };
        ui.separator();
        let titel =
            if r.sparad_id.is_some() { format!("Ansökan för {}", r.form.manad) } else { "Ny ansökan".to_string() };
        ui.horizontal(|ui| {
            ui.label(RichText::new(titel).text_style(tema::rubrik2()));
        });
        let mut kopiera = false;
        let mut spara = false;
        ui.horizontal(|ui| {
            kopiera = ui.button("Kopiera förra månaden").clicked();
            spara = ui.button(RichText::new("Spara ansökan").strong()).on_hover_text("Ctrl+S").clicked();
        });
        let validering = r.form.validera(nu.date());
        let fel = validering.as_ref().err().cloned().unwrap_or_default();
        ansokan_form::visa(ui, &mut r.form, &fel, r.visa_fel);

        ui.add_space(tema::LUFT);
        ui.separator();
        rubrik(ui, "Beräkning");
        match (&validering, Self::tabell_for(store, r)) {
            (Err(fel), _) => {
                ui.label(format!("Beräkningen visas när uppgifterna är kompletta ({} att rätta):", fel.len()));
                for f in fel.iter().take(6) {
                    felrad(ui, &f.text);
                }
            }
            (Ok(_), Err(e)) => felrad(ui, &e),
            (Ok(a), Ok(())) => {
                if let Some((_, tabell)) = &r.tabell {
                    match berakna(&a.underlag, tabell, &r.regler) {
                        Ok(res) => visa_resultat(ui, &res),
                        Err(e) => felrad(ui, &e),
                    }
                }
            }
        }
        let tomt = r.form == r.original;
        match self.autospar.folj(store, &r.form, tomt, nu) {
            Ok(true) => *sparat = Some(nu),
            Ok(false) => {}
            Err(e) => self.meddelande = Some((Signal::Fel, e)),
        }
        if kopiera {
            self.kopiera_forra(store);
        }
        if spara {
            self.spara(store, anvandare, nu, sparat);
        }
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
}

//! Inställningar: the user's name and theme, the riksnorm tables (view, correct, add a year –
//! each save a new version with its source) and the unit's calculation rules.

pub mod anvandare;
pub mod delegation;
pub mod frasbibliotek;
pub mod underhall;
mod versionerad;

use crate::domain::belopp::Belopp;
use crate::domain::beslut::Enhet;
use crate::domain::norm::{Aldersband, Cell, Hyrestak, Normtabell, Regler};
use crate::store::{Normversion, Store};
use crate::ui::installningar::frasbibliotek::Frasredigering;
use crate::ui::installningar::underhall::Underhall;
use crate::ui::krock::Krockvakt;
use crate::ui::tema::Signal;
use crate::ui::widgetar::{cellfalt, gridfalt, kolumnrubrik, las, notis, rubrik, textfalt, valjlista};
use chrono::NaiveDateTime;
use egui::RichText;
use rust_decimal::Decimal;
use versionerad::Installningsform;

/// The unit's rules as typed.
struct ReglerFalt {
    andel: String,
    manader: String,
    max_manader: String,
    grans: String,
    grans_verifierad: bool,
    tak: [String; 4],
    tak_exempel: bool,
}

impl ReglerFalt {
    fn fran(r: &Regler) -> ReglerFalt {
        let tak = r.hyrestak.clone().unwrap_or_else(Hyrestak::exempel);
        ReglerFalt {
            andel: (r.jobbstimulans_andel * Decimal::ONE_HUNDRED).normalize().to_string(),
            manader: r.jobbstimulans_manader.to_string(),
            max_manader: r.jobbstimulans_max_manader.to_string(),
            grans: r.barns_inkomstgrans.format_tal(),
            grans_verifierad: r.barns_inkomstgrans_verifierad,
            tak: [tak.utan_barn, tak.ett_barn, tak.tva_barn, tak.per_ytterligare_barn].map(Belopp::format_tal),
            tak_exempel: tak.exempel,
        }
    }

    fn till_regler(&self) -> Result<Regler, String> {
        let procent = Belopp::parse_icke_negativt(&self.andel).map_err(|e| format!("Jobbstimulans: {e}"))?;
        if procent > Belopp::kronor(100) {
            return Err("Jobbstimulansen kan vara högst 100 %.".into());
        }
        let manader =
            self.manader.trim().parse::<u32>().map_err(|_| "Ange antalet månader som ett heltal.".to_string())?;
        let max_manader = self
            .max_manader
            .trim()
            .parse::<u32>()
            .map_err(|_| "Ange det högsta antalet månader som ett heltal.".to_string())?;
        let grans =
            Belopp::parse_icke_negativt(&self.grans).map_err(|e| format!("Gränsen för barns inkomster: {e}"))?;
        let mut tak = [Belopp::NOLL; 4];
        for (i, t) in self.tak.iter().enumerate() {
            tak[i] = Belopp::parse_icke_negativt(t).map_err(|e| format!("Hyrestaket: {e}"))?;
        }
        Ok(Regler {
            jobbstimulans_andel: procent.decimal() / Decimal::ONE_HUNDRED,
            jobbstimulans_manader: manader,
            jobbstimulans_max_manader: max_manader,
            barns_inkomstgrans: grans,
            barns_inkomstgrans_verifierad: self.grans_verifierad,
            hyrestak: Some(Hyrestak {
                utan_barn: tak[0],
                ett_barn: tak[1],
                tva_barn: tak[2],
                per_ytterligare_barn: tak[3],
                exempel: self.tak_exempel,
            }),
        })
    }
}

pub struct Installningar {
    anvandare: anvandare::Anvandarsida,
    fraser: Frasredigering,
    enhet: Enhet,
    /// The versions the unit's details and rules were read at.
    enhet_form: Installningsform,
    regler_form: Installningsform,
    versioner: Vec<Normversion>,
    valt_ar: Option<i32>,
    tabell: Option<Normtabell>,
    /// The version the table shown was read from ([`crate::store::INGEN_RAD`]: a new year).
    tabell_fran: Option<i64>,
    /// A save refused because another user saved the year's table meanwhile.
    krock: Krockvakt,
    andring: String,
    nytt_ar: String,
    regler: ReglerFalt,
    underhall: Underhall,
    /// The versions of the IB and FIA definitions in use, read when the view opens or one is read in.
    ib_version: u32,
    fia_version: u32,
    meddelande: Option<(Signal, String)>,
}

/// What the shell should do after the settings frame.
pub enum Installningsval {
    Stang,
    Tema(bool),
    /// A background job ended; the case list is read again.
    LasOmListan,
}

impl Installningar {
    pub fn ny(store: &Store, utskriftsmapp: &std::path::Path, ovning: bool, nu: NaiveDateTime) -> Installningar {
        let mut meddelande = None;
        Installningar {
            anvandare: anvandare::Anvandarsida::ny(store),
            fraser: Frasredigering::ny(store, &mut meddelande),
            enhet: las(store.enhet(), &mut meddelande),
            enhet_form: Installningsform::ny(store, crate::store::Radslag::Enhet),
            regler_form: Installningsform::ny(store, crate::store::Radslag::Regler),
            versioner: las(store.normversioner(), &mut meddelande),
            valt_ar: None,
            tabell: None,
            tabell_fran: None,
            krock: Krockvakt::default(),
            andring: String::new(),
            nytt_ar: String::new(),
            regler: ReglerFalt::fran(&las(store.regler(), &mut meddelande)),
            underhall: Underhall::ny(store, utskriftsmapp, ovning, nu),
            ib_version: las(store.ib_definition(None).map(|d| d.version), &mut meddelande),
            fia_version: las(store.fia_definition(None).map(|d| d.version), &mut meddelande),
            meddelande,
        }
    }

    fn valj_ar(&mut self, store: &Store, ar: i32) {
        self.valt_ar = Some(ar);
        let last = las(store.normtabell_for_ar(ar), &mut self.meddelande);
        self.tabell_fran = last.as_ref().map(|(id, _)| *id);
        self.tabell = last.map(|(_, t)| t);
        self.andring.clear();
        self.krock.rensa();
    }

    /// "Läs in den nya versionen": the year's newest version becomes the one edited from; the
    /// amounts typed here stay, to check and save as the next version.
    fn las_in_normtabell(&mut self, store: &Store) {
        let Some(ar) = self.valt_ar else { return };
        self.versioner = las(store.normversioner(), &mut self.meddelande);
        let senaste = las(store.normtabell_for_ar(ar), &mut self.meddelande);
        self.tabell_fran = senaste.map(|(id, _)| id);
        if let Some(v) = self.versioner.iter().find(|v| v.ar == ar) {
            self.krock.inlast(&format!("version {} av {}: {}", v.version, v.av, v.andring));
        }
    }

    pub fn visa(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        mork: bool,
        aktor: &crate::arbete::Aktor,
    ) -> Option<Installningsval> {
        let nu = aktor.nu;
        let mut utfall = None;
        ui.horizontal(|ui| {
            ui.heading("Inställningar");
            if ui.button("Tillbaka").clicked() {
                utfall = Some(Installningsval::Stang);
            }
        });
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            rubrik(ui, "Du");
            ui.label(format!(
                "Inloggad som {} ({}), {} – roll: {}. Namnet skrivs i journalen och loggen.",
                aktor.namn,
                aktor.login,
                aktor.titel,
                aktor.roll.namn().to_lowercase()
            ));
            let mut m = mork;
            if ui.checkbox(&mut m, "Mörkt tema").changed() {
                utfall = Some(Installningsval::Tema(m));
            }

            if self.underhall.visa(ui, store, aktor).is_some() {
                utfall = Some(Installningsval::LasOmListan);
            }

            if aktor.roll == crate::domain::anvandare::Roll::Systemforvaltare {
                rubrik(ui, "Användare");
                self.anvandare.visa(ui, store, aktor);
            }

            rubrik(ui, "Enheten i brevens sidhuvud");
            self.visa_enhet(ui, store, aktor);

            rubrik(ui, "Normtabeller (riksnormen)");
            ui.label("Varje ändring sparas som en ny version med källa; en beräkning som redan gjorts visas alltid med den version den använde.");
            self.visa_normtabeller(ui, store, aktor);

            rubrik(ui, "Beräkningsregler för enheten");
            self.visa_regler(ui, store, aktor);

            rubrik(ui, "Delegationsordning");
            if let Some(m) = delegation::visa(ui, store, aktor) {
                self.meddelande = Some(m);
            }

            rubrik(ui, "Initial bedömning (IB)");
            let version = self.ib_version;
            ui.label(format!("Formulären för del 1–3 är version {version}. En ändrad definition (JSON) läses in som en ny version; bedömningar som redan gjorts behåller sin."));
            if ui.button("Läs in IB-formulär (JSON) …").clicked() {
                self.meddelande =
                    las_in_definition(store, nu, "IB-formulären", Store::las_in_ib_definition).or(self.meddelande.take());
                self.ib_version = las(store.ib_definition(None).map(|d| d.version), &mut self.meddelande);
            }

            rubrik(ui, "FIA-intervjun");
            let version = self.fia_version;
            ui.label(format!("Intervjun är version {version}. Enheten lägger till livsområden eller ändrar målgruppen (månader med bistånd) i en ändrad definition (JSON) som läses in som en ny version; intervjuer som redan gjorts behåller sin."));
            if ui.button("Läs in FIA-intervjun (JSON) …").clicked() {
                self.meddelande = las_in_definition(store, nu, "FIA-intervjun", Store::las_in_fia_definition)
                    .or(self.meddelande.take());
                self.fia_version = las(store.fia_definition(None).map(|d| d.version), &mut self.meddelande);
            }

            rubrik(ui, "Frasbibliotek för motiveringar");
            if let Some(m) = self.fraser.visa(ui, store) {
                self.meddelande = Some(m);
            }
        });
        utfall
    }

    fn visa_normtabeller(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &crate::arbete::Aktor) {
        let mut ar: Vec<i32> = self.versioner.iter().map(|v| v.ar).collect();
        ar.dedup();
        ui.horizontal_wrapped(|ui| {
            let text = self.valt_ar.map(|a| a.to_string()).unwrap_or_else(|| "Välj år …".into());
            let mut valt = self.valt_ar;
            valjlista(ui, "År", &text, 120.0, |ui| {
                for a in &ar {
                    ui.selectable_value(&mut valt, Some(*a), a.to_string());
                }
            });
            if let Some(a) = valt.filter(|a| Some(*a) != self.valt_ar) {
                self.valj_ar(store, a);
            }
            textfalt(ui, "Nytt år", &mut self.nytt_ar, None, 90.0);
            if ui.button("Lägg in nytt år").clicked() {
                self.nytt_ar(store);
            }
        });
        if self.krock.visa(ui) {
            self.las_in_normtabell(store);
        }
        let Some(t) = &mut self.tabell else { return };
        ui.label(RichText::new(format!("Tabell {}: {}", t.ar, t.kalla)).weak());
        // Children's rows in age order (the map is keyed by text).
        let ordning = |k: &str| Aldersband::ALLA.iter().position(|b| b.nyckel() == k).unwrap_or(99);
        let mut barn: Vec<(usize, String, &mut Cell)> = t
            .barn
            .iter_mut()
            .map(|(k, c)| (ordning(k), format!("Barn {} år", k.replace('-', "–")), c))
            .chain(
                t.barn_utan_lunch
                    .iter_mut()
                    .map(|(k, c)| (10 + ordning(k), format!("Barn {} år, utan lunch", k.replace('-', "–")), c)),
            )
            .collect();
        barn.sort_by_key(|(o, _, _)| *o);
        let mut rader: Vec<(String, &mut Cell)> = barn.into_iter().map(|(_, n, c)| (n, c)).collect();
        rader.push(("Ensamstående vuxen".into(), &mut t.ensamstaende));
        rader.push(("Sambor (paret)".into(), &mut t.sambor));
        for (n, c) in t.gemensamt.iter_mut() {
            rader.push((format!("Gemensamt, {n} {}", if n == "1" { "person" } else { "personer" }), c));
        }
        egui::Grid::new("normtabell").num_columns(4).striped(true).spacing([12.0, 6.0]).show(ui, |ui| {
            for k in ["Post", "Belopp", "Verifierad", "Källa"] {
                kolumnrubrik(ui, k);
            }
            ui.end_row();
            for (namn, c) in rader.iter_mut() {
                ui.label(namn.as_str());
                let fel = Belopp::parse_icke_negativt(&c.belopp).is_err();
                cellfalt(ui, &format!("{namn}: belopp"), &mut c.belopp, fel, 90.0);
                ui.checkbox(&mut c.verifierad, "").accessible_name(format!("{namn}: verifierad"));
                cellfalt(ui, &format!("{namn}: källa"), &mut c.kalla, false, 300.0);
                ui.end_row();
            }
        });
        textfalt(ui, "Vad ändras och varifrån kommer beloppen (källa)", &mut self.andring, None, 520.0);
        if ui.button("Spara som ny version").clicked() {
            let t = t.clone();
            match crate::arbete::installningar::spara_normtabell(store, aktor, (&t, self.tabell_fran), &self.andring) {
                Ok(id) => {
                    self.krock.rensa();
                    self.tabell_fran = Some(id);
                    self.meddelande =
                        Some((Signal::Klart, format!("Normtabellen för {} är sparad som ny version.", t.ar)));
                    self.versioner = las(store.normversioner(), &mut self.meddelande);
                    self.andring.clear();
                }
                Err(e) if self.krock.fanga(&e) => {}
                Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
            }
        }
        if let Some(ar) = self.valt_ar {
            ui.label(RichText::new("Versioner").strong());
            for v in self.versioner.iter().filter(|v| v.ar == ar) {
                ui.label(format!("Version {}  {}  {}: {}", v.version, v.skapad, v.av, v.andring));
            }
        }
    }

    /// Starts a new year from the newest table, every cell unverified until a source is given.
    fn nytt_ar(&mut self, store: &Store) {
        let Ok(ar) = self.nytt_ar.trim().parse::<i32>() else {
            self.meddelande = Some((Signal::Fel, "Skriv året med fyra siffror, t.ex. 2027.".into()));
            return;
        };
        if self.versioner.iter().any(|v| v.ar == ar) {
            self.meddelande =
                Some((Signal::Varning, format!("Det finns redan en tabell för {ar}; välj året i listan.")));
            return;
        }
        let senaste = match self.versioner.first().map(|v| store.normtabell_for_ar(v.ar)).transpose() {
            Ok(s) => s.flatten(),
            Err(e) => {
                self.meddelande = Some((Signal::Fel, e.to_string()));
                return;
            }
        };
        let Some(senaste) = senaste else { return };
        let mut t = senaste.1;
        let fran = t.ar;
        t.ar = ar;
        t.giltig_fran = format!("{ar}-01-01");
        t.kalla = format!("Kopierad från {fran}; ange källa för varje belopp");
        for c in t.barn.values_mut().chain(t.barn_utan_lunch.values_mut()).chain(t.gemensamt.values_mut()) {
            c.verifierad = false;
        }
        for c in [&mut t.ensamstaende, &mut t.sambor] {
            c.verifierad = false;
        }
        self.valt_ar = Some(ar);
        self.tabell = Some(t);
        self.tabell_fran = Some(crate::store::INGEN_RAD);
        self.krock.rensa();
        self.meddelande = Some((
            Signal::Varning,
            format!("Tabellen för {ar} utgår från {fran}. Skriv in årets belopp och källa och spara."),
        ));
    }

    fn visa_enhet(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &crate::arbete::Aktor) {
        self.enhet_form.visa(ui, store);
        let e = &mut self.enhet;
        egui::Grid::new("enhet").num_columns(2).spacing([16.0, 8.0]).show(ui, |ui| {
            gridfalt(ui, "Nämnd", &mut e.namnd, 360.0);
            gridfalt(ui, "Förvaltning", &mut e.forvaltning, 360.0);
            gridfalt(ui, "Enhet", &mut e.enhet, 360.0);
            gridfalt(ui, "Postadress", &mut e.adress, 360.0);
            gridfalt(ui, "Besöksadress", &mut e.besoksadress, 360.0);
            gridfalt(ui, "Telefon", &mut e.telefon, 200.0);
            gridfalt(ui, "Telefontider", &mut e.oppettider, 360.0);
            gridfalt(ui, "Förvaltningsrätt som prövar överklaganden", &mut e.forvaltningsratt, 360.0);
            ui.label("");
            ui.checkbox(&mut e.forvaltningsratt_kontrollerad, "Domstolen är kontrollerad för enhetens kommun");
            ui.end_row();
        });
        if !e.forvaltningsratt_kontrollerad {
            ui.label(
                RichText::new("Kontrollera förvaltningsrätten: förvalet är Förvaltningsrätten i Stockholm och står på sidan \"Så överklagar du\".")
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.horizontal(|ui| {
            if ui.button("Byt logotyp (PNG) …").on_hover_text("Bilden visas överst till vänster i varje brev").clicked()
            {
                self.meddelande = byt_logotyp(store);
            }
            if ui.button("Använd standardlogotypen").clicked() {
                self.meddelande = Some(match store.satt_installning("logo", "") {
                    Ok(()) => (Signal::Klart, "Breven använder standardlogotypen.".into()),
                    Err(e) => (Signal::Fel, e.to_string()),
                });
            }
        });
        let e = &mut self.enhet;
        if ui.button("Spara enheten").clicked() {
            let tomma = [&e.namnd, &e.enhet, &e.adress, &e.telefon].iter().any(|t| t.trim().is_empty());
            if tomma {
                self.meddelande =
                    Some((Signal::Fel, "Nämnd, enhet, postadress och telefon behövs i varje brev.".into()));
                return;
            }
            let svar = store.spara_enhet(e, self.enhet_form.las(), (&aktor.namn, aktor.nu));
            self.meddelande = match self.enhet_form.sparat(store, svar) {
                Ok(true) => Some((Signal::Klart, "Enhetens uppgifter är sparade och används i nya brev.".into())),
                Ok(false) => None,
                Err(fel) => Some((Signal::Fel, fel)),
            };
        }
    }

    fn visa_regler(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &crate::arbete::Aktor) {
        self.regler_form.visa(ui, store);
        let r = &mut self.regler;
        egui::Grid::new("regler").num_columns(2).spacing([16.0, 8.0]).show(ui, |ui| {
            gridfalt(ui, "Jobbstimulans: andel av nettolönen som inte räknas (%)", &mut r.andel, 80.0);
            gridfalt(ui, "Jobbstimulans gäller efter så många månader i följd", &mut r.manader, 80.0);
            gridfalt(ui, "Särskild beräkningsregel gäller högst (månader från start)", &mut r.max_manader, 80.0);
            gridfalt(ui, "Barns egna arbetsinkomster räknas inte upp till (kr per år)", &mut r.grans, 120.0);
            ui.label("");
            ui.checkbox(&mut r.grans_verifierad, "Gränsen är kontrollerad mot gällande lag");
            ui.end_row();
            for (i, namn) in ["utan barn", "ett barn", "två barn", "per ytterligare barn"].iter().enumerate() {
                gridfalt(ui, &format!("Hyrestak, {namn} (kr per månad)"), &mut r.tak[i], 120.0);
            }
        });
        ui.checkbox(
            &mut r.tak_exempel,
            "Hyrestaket är ett exempel (Malmö 2019) som ska ersättas med enhetens egna belopp",
        );
        if ui.button("Spara reglerna").clicked() {
            match r.till_regler() {
                Ok(regler) => {
                    let svar = store.spara_regler(&regler, self.regler_form.las(), (&aktor.namn, aktor.nu));
                    self.meddelande = match self.regler_form.sparat(store, svar) {
                        Ok(true) => Some((Signal::Klart, "Reglerna är sparade. De gäller nya beräkningar.".into())),
                        Ok(false) => None,
                        Err(fel) => Some((Signal::Fel, fel)),
                    };
                }
                Err(e) => self.meddelande = Some((Signal::Fel, e)),
            }
        }
    }
}

/// Lets the unit pick its logo; the image is checked and scaled down so letters stay small.
fn byt_logotyp(store: &mut Store) -> Option<(Signal, String)> {
    let fil = rfd::FileDialog::new().add_filter("PNG-bild", &["png"]).pick_file()?;
    let bild = match std::fs::read(&fil)
        .map_err(|e| e.to_string())
        .and_then(|b| image::load_from_memory(&b).map_err(|e| e.to_string()))
    {
        Ok(b) => b,
        Err(_) => return Some((Signal::Fel, format!("{} är ingen PNG-bild som går att läsa.", fil.display()))),
    };
    let bild =
        if bild.height() > 240 { bild.resize(u32::MAX, 240, image::imageops::FilterType::Lanczos3) } else { bild };
    let mut png = Vec::new();
    if bild.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).is_err() {
        return Some((Signal::Fel, "Bilden kunde inte sparas om som PNG.".into()));
    }
    Some(match store.satt_logo(&png) {
        Ok(()) => (Signal::Klart, "Logotypen är bytt och används i nya brev.".into()),
        Err(e) => (Signal::Fel, e.to_string()),
    })
}

/// Reads a changed form definition (IB, FIA) chosen by the unit; `None` when the dialog was cancelled.
fn las_in_definition<E: std::fmt::Display>(
    store: &mut Store,
    nu: NaiveDateTime,
    vad: &str,
    las_in: impl FnOnce(&mut Store, &str, NaiveDateTime) -> Result<u32, E>,
) -> Option<(Signal, String)> {
    let fil = rfd::FileDialog::new().add_filter("JSON", &["json"]).pick_file()?;
    Some(match std::fs::read_to_string(&fil) {
        Ok(text) => match las_in(store, &text, nu) {
            Ok(v) => (Signal::Klart, format!("{vad} har lästs in som version {v}.")),
            Err(e) => (Signal::Fel, e.to_string()),
        },
        Err(_) => (Signal::Fel, format!("Filen {} kan inte läsas.", fil.display())),
    })
}

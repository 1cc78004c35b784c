//! Autosave of forms: a form's content is written as a draft whenever it changes, and removed
//! when the form is saved or the user discards it. Also the restore offer at start.

use super::tema::Signal;
use crate::store::{Store, StoreError, Utkast};
use chrono::NaiveDateTime;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A draft that could not be written; the form itself is still on the screen.
#[derive(Debug)]
pub struct Utkastfel(pub StoreError);

impl std::fmt::Display for Utkastfel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Utkastet kunde inte sparas: {}", self.0)
    }
}

impl std::error::Error for Utkastfel {}

/// Follows one form and keeps its draft in step with it: the logged-in user's own draft of the
/// form (another user's draft of the same form is hers alone).
#[derive(Debug)]
pub struct Autospar {
    /// Whose draft it is: the login of the user at the form.
    agare: String,
    pub nyckel: String,
    titel: String,
    senast: Option<String>,
    /// Why the draft could not be read, for the screen to show.
    lasfel: Option<String>,
}

impl Autospar {
    /// Starts following the form stored under `nyckel` for the user `agare` (her login);
    /// returns the content of her draft (or of one without an owner) if one exists.
    pub fn ny<T: DeserializeOwned>(store: &Store, agare: &str, nyckel: String, titel: String) -> (Autospar, Option<T>) {
        let (draft, lasfel) = match store.utkast(agare, &nyckel) {
            Ok(d) => (d, None),
            Err(e) => (None, Some(format!("Utkastet kunde inte läsas: {e}"))),
        };
        // A draft of an older form that no longer fits is not offered.
        let content = draft.as_ref().and_then(|u| serde_json::from_str(&u.data).ok());
        let senast = draft.map(|u| u.data);
        (Autospar { agare: agare.to_string(), nyckel, titel, senast, lasfel }, content)
    }

    /// The error message if the draft could not be read when the form opened.
    pub fn lasfel(&self) -> Option<(Signal, String)> {
        self.lasfel.clone().map(|t| (Signal::Fel, t))
    }

    /// Call after each frame of the form. Saves the draft when the content changed (or removes it
    /// when the form is back to empty). Returns whether something was written.
    pub fn folj<T: Serialize>(
        &mut self,
        store: &mut Store,
        form: &T,
        tomt: bool,
        nu: NaiveDateTime,
    ) -> Result<bool, Utkastfel> {
        self.folj_i_databasen(store, form, tomt, nu).map_err(Utkastfel)
    }

    fn folj_i_databasen<T: Serialize>(
        &mut self,
        store: &mut Store,
        form: &T,
        tomt: bool,
        nu: NaiveDateTime,
    ) -> Result<bool, StoreError> {
        let json = serde_json::to_string(form).unwrap_or_default();
        if tomt {
            if self.senast.is_some() {
                store.ta_bort_utkast(&self.agare, &self.nyckel)?;
                self.senast = None;
            }
            return Ok(false);
        }
        if self.senast.as_deref() == Some(json.as_str()) {
            return Ok(false);
        }
        store.spara_utkast(&self.agare, &self.nyckel, &self.titel, &json, nu)?;
        self.senast = Some(json);
        Ok(true)
    }

    /// The form shows `form` as it is stored: only a change from it is a draft.
    pub fn utgang<T: Serialize>(&mut self, form: &T) {
        if self.senast.is_none() {
            self.senast = serde_json::to_string(form).ok();
        }
    }

    /// The form was saved for real or discarded: the draft goes.
    pub fn klar(&mut self, store: &mut Store) -> Result<(), StoreError> {
        store.ta_bort_utkast(&self.agare, &self.nyckel)?;
        self.senast = None;
        Ok(())
    }
}

/// A draft's title as the restore offer lists it: what it is, whose case, which case.
pub fn titel(store: &Store, vad: &str, arende: &crate::domain::arende::Arende) -> String {
    let sokande = store.hushall(arende.hushall_id).ok().and_then(|h| {
        h.medlemmar.into_iter().find(|m| m.roll == crate::domain::hushall::Roll::Sokande).map(|m| m.person.namn())
    });
    match sokande {
        Some(namn) => format!("{vad} för {namn} (ärende {})", arende.arendenummer),
        None => format!("{vad} i ärende {}", arende.arendenummer),
    }
}

/// Which form a draft belongs to, from its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utkastplats {
    NyttHushall,
    Journal(i64),
    Ansvar(i64),
    Ansokan(i64),
    Beslut(i64),
    /// A plan: the case and, for an adult other than the applicant, the person.
    Plan(i64, Option<i64>),
    Ib(i64),
    Fia(i64),
    Hushallsandring(i64),
}

pub fn nyckel(plats: Utkastplats) -> String {
    match plats {
        Utkastplats::NyttHushall => "hushall:ny".into(),
        Utkastplats::Journal(id) => format!("journal:{id}"),
        Utkastplats::Ansvar(id) => format!("ansvar:{id}"),
        Utkastplats::Ansokan(id) => format!("ansokan:{id}"),
        Utkastplats::Beslut(id) => format!("beslut:{id}"),
        Utkastplats::Plan(id, None) => format!("plan:{id}"),
        Utkastplats::Plan(id, Some(person)) => format!("plan:{id}:{person}"),
        Utkastplats::Ib(id) => format!("ib:{id}"),
        Utkastplats::Fia(id) => format!("fia:{id}"),
        Utkastplats::Hushallsandring(id) => format!("hushallsandring:{id}"),
    }
}

pub fn plats(nyckel: &str) -> Option<Utkastplats> {
    let (typ, id) = nyckel.split_once(':')?;
    match (typ, id) {
        ("hushall", "ny") => Some(Utkastplats::NyttHushall),
        ("journal", id) => id.parse().ok().map(Utkastplats::Journal),
        ("ansvar", id) => id.parse().ok().map(Utkastplats::Ansvar),
        ("ansokan", id) => id.parse().ok().map(Utkastplats::Ansokan),
        ("beslut", id) => id.parse().ok().map(Utkastplats::Beslut),
        ("plan", id) => match id.split_once(':') {
            Some((id, person)) => Some(Utkastplats::Plan(id.parse().ok()?, Some(person.parse().ok()?))),
            None => id.parse().ok().map(|id| Utkastplats::Plan(id, None)),
        },
        ("ib", id) => id.parse().ok().map(Utkastplats::Ib),
        ("fia", id) => id.parse().ok().map(Utkastplats::Fia),
        ("hushallsandring", id) => id.parse().ok().map(Utkastplats::Hushallsandring),
        _ => None,
    }
}

/// The restore offer shown at login when the user left drafts behind (after a crash or a close).
pub fn visa_aterstall(ui: &mut egui::Ui, utkast: &[Utkast]) -> Option<Option<Utkastplats>> {
    ui.heading("Osparade utkast");
    ui.label("Förra gången stängdes programmet med ifyllda formulär som inte sparades. Inget har gått förlorat:");
    ui.add_space(8.0);
    let mut val = None;
    egui::Grid::new("utkast").num_columns(3).spacing([16.0, 10.0]).show(ui, |ui| {
        for u in utkast {
            ui.label(&u.titel);
            // A draft from before drafts had owners may be someone else's: the list says so.
            let okand = if u.anvandare.is_empty() { ", skrivet före uppdateringen – okänt av vem" } else { "" };
            ui.label(egui::RichText::new(format!("senast ändrat {}{okand}", u.sparad)).weak());
            if ui.button(format!("Återställ {}", u.titel)).clicked() {
                val = Some(plats(&u.nyckel));
            }
            ui.end_row();
        }
    });
    ui.add_space(8.0);
    if ui.button("Senare").on_hover_text("Utkasten finns kvar och öppnas när du går till formuläret").clicked() {
        val = Some(None);
    }
    val
}

//! Users: the first user of a new database, logging in (and the lock after wrong passwords),
//! the training users, and the systemförvaltare's changes. Every change is an event-log line.

use super::{Aktor, Arbetsfel};
use crate::domain::anvandare::{AnvandarFormular, LAST_MINUTER, MAX_FORSOK, OVNINGSLOSENORD, Roll, validera_losenord};
use crate::store::{Anvandare, Handelse, Radslag, Store};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use chrono::NaiveDateTime;

/// The users of a training database, one per role; every password is `ovning`.
pub const OVNINGSANVANDARE: &[(&str, &str, &str, Roll)] = &[
    ("ulrika", "Ulrika Berg", "Socialsekreterare", Roll::Handlaggare),
    ("tobias", "Tobias Lund", "1:e socialsekreterare", Roll::ForsteSocialsekreterare),
    ("helena", "Helena Vik", "Administrativ assistent", Roll::Kassa),
    ("maria", "Maria Holm", "Enhetschef", Roll::Enhetschef),
    ("sven", "Sven Ek", "Systemförvaltare", Roll::Systemforvaltare),
];

/// The training user the window logs in by itself.
pub const OVNINGSINLOGGNING: &str = "tobias";

/// The password as an Argon2id PHC string (salted).
pub fn hasha(losenord: &str) -> Result<String, Arbetsfel> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(losenord.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| Arbetsfel::Ogiltig("Lösenordet kunde inte sparas. Försök igen.".into()))
}

fn stammer(hash: &str, losenord: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(losenord.as_bytes(), &h).is_ok())
}

/// The first user of a new database: a systemförvaltare. Refused once any user exists.
pub fn skapa_forsta_anvandare(
    store: &mut Store,
    form: &AnvandarFormular,
    losenord: &str,
    igen: &str,
    nu: NaiveDateTime,
) -> Result<Aktor, Arbetsfel> {
    if store.antal_anvandare()? > 0 {
        return Err(Arbetsfel::Ogiltig("Databasen har redan användare. Logga in i stället.".into()));
    }
    let form = AnvandarFormular { roll: Some(Roll::Systemforvaltare), ..form.clone() };
    let (login, namn, titel, roll) = form.validera().map_err(Arbetsfel::Ogiltig)?;
    validera_losenord(losenord, igen).map_err(Arbetsfel::Ogiltig)?;
    let hash = hasha(losenord)?;
    let detalj = format!("{namn} ({login}), {titel}, {}; första användaren", roll.namn().to_lowercase());
    store.skriv(|w| {
        w.skapa_anvandare(&login, &namn, &titel, roll, &hash, nu)?;
        w.logga(Handelse::SkapadeAnvandare, None, &login, &detalj, nu)
    })?;
    inloggad(store, &login, nu)
}

fn inloggad(store: &Store, login: &str, nu: NaiveDateTime) -> Result<Aktor, Arbetsfel> {
    match store.anvandare_med_login(login)? {
        Some((a, _)) => Ok(Aktor::som(&a, nu)),
        None => Err(Arbetsfel::Ogiltig(format!("Användaren {login} finns inte."))),
    }
}

const FEL_INLOGGNING: &str = "Inloggningsnamnet eller lösenordet stämmer inte.";

/// Logs in with login name and password. Five wrong passwords in a row lock the login for a
/// while; the refusal says until when. A successful login is logged.
pub fn logga_in(store: &mut Store, login: &str, losenord: &str, nu: NaiveDateTime) -> Result<Aktor, Arbetsfel> {
    let Some((anv, hash)) = store.anvandare_med_login(login)? else {
        return Err(Arbetsfel::Ogiltig(FEL_INLOGGNING.into()));
    };
    if !anv.aktiv {
        return Err(Arbetsfel::Ogiltig(format!(
            "Användaren {} är inaktiverad. Kontakta systemförvaltaren.",
            anv.login
        )));
    }
    if let Some(till) = anv.last_till.filter(|t| *t > nu) {
        return Err(Arbetsfel::Ogiltig(last_text(till)));
    }
    if !stammer(&hash, losenord) {
        let misslyckade = anv.misslyckade + 1;
        let last = (misslyckade >= MAX_FORSOK).then(|| nu + chrono::Duration::minutes(LAST_MINUTER));
        let detalj = match last {
            Some(till) => format!("försök {misslyckade}; inloggningen låst till {}", till.format("%Y-%m-%d %H:%M")),
            None => format!("försök {misslyckade} av {MAX_FORSOK}"),
        };
        store.skriv(|w| {
            w.satt_forsok(&anv.login, if last.is_some() { 0 } else { misslyckade }, last)?;
            w.logga(Handelse::FelLosenord, None, &anv.login, &detalj, nu)
        })?;
        return Err(Arbetsfel::Ogiltig(match last {
            Some(till) => format!("{FEL_INLOGGNING} {}", last_text(till)),
            None => format!("{FEL_INLOGGNING} Försök {misslyckade} av {MAX_FORSOK}."),
        }));
    }
    store.skriv(|w| {
        w.satt_forsok(&anv.login, 0, None)?;
        w.logga(Handelse::LoggadeIn, None, &anv.login, "", nu)
    })?;
    Ok(Aktor::som(&anv, nu))
}

fn last_text(till: NaiveDateTime) -> String {
    format!(
        "För många felaktiga lösenord: inloggningen är låst till klockan {} ({}).",
        till.format("%H:%M"),
        till.format("%Y-%m-%d")
    )
}

/// Unlocks the idle-locked window: the same user's password (counted like a login).
pub fn las_upp(store: &mut Store, aktor: &Aktor, losenord: &str, nu: NaiveDateTime) -> Result<Aktor, Arbetsfel> {
    logga_in(store, &aktor.login, losenord, nu)
}

/// Gives a training database its users, one per role, all with the password `ovning` (those
/// already there are kept). Refused in a real database: a real database never has a known
/// password.
pub fn skapa_ovningsanvandare(store: &mut Store, nu: NaiveDateTime) -> Result<(), Arbetsfel> {
    if !store.ar_ovningsdatabas()? {
        return Err(Arbetsfel::Ogiltig("Övningsanvändare med kända lösenord skapas bara i en övningsdatabas.".into()));
    }
    let hash = hasha(OVNINGSLOSENORD)?;
    let finns: Vec<String> = store.anvandare()?.into_iter().map(|a| a.login).collect();
    store.skriv(|w| {
        for (login, namn, titel, roll) in OVNINGSANVANDARE.iter().filter(|a| !finns.iter().any(|f| f == a.0)) {
            w.skapa_anvandare(login, namn, titel, *roll, &hash, nu)?;
            let detalj = format!("{namn} ({login}), {titel}, {}; övningsanvändare", roll.namn().to_lowercase());
            w.logga(Handelse::SkapadeAnvandare, None, "ovning", &detalj, nu)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The training user the window logs in by itself (a training database only).
pub fn ovningsinloggning(store: &mut Store, nu: NaiveDateTime) -> Result<Aktor, Arbetsfel> {
    skapa_ovningsanvandare(store, nu)?;
    inloggad(store, OVNINGSINLOGGNING, nu)
}

/// Adds a user (the systemförvaltare).
pub fn ny_anvandare(
    store: &mut Store,
    aktor: &Aktor,
    form: &AnvandarFormular,
    losenord: &str,
    igen: &str,
) -> Result<Anvandare, Arbetsfel> {
    aktor.far(Handelse::SkapadeAnvandare)?;
    let (login, namn, titel, roll) = form.validera().map_err(Arbetsfel::Ogiltig)?;
    validera_losenord(losenord, igen).map_err(Arbetsfel::Ogiltig)?;
    let hash = hasha(losenord)?;
    let detalj = format!("{namn} ({login}), {titel}, {}", roll.namn().to_lowercase());
    store.skriv(|w| {
        w.skapa_anvandare(&login, &namn, &titel, roll, &hash, aktor.nu)?;
        w.logga(Handelse::SkapadeAnvandare, None, &aktor.login, &detalj, aktor.nu)
    })?;
    hamta(store, &login)
}

/// Changes a user's name, title and role (the systemförvaltare); the log says from what to what.
/// `las` is the user's version the form read (`None`: not checked): if another systemförvaltare
/// changed the user since, nothing is written ([`crate::store::StoreError::Krock`]).
pub fn andra_anvandare(
    store: &mut Store,
    aktor: &Aktor,
    form: &AnvandarFormular,
    las: Option<i64>,
) -> Result<Anvandare, Arbetsfel> {
    aktor.far(Handelse::AndradeAnvandare)?;
    let (login, namn, titel, roll) = form.validera().map_err(Arbetsfel::Ogiltig)?;
    let fore = hamta(store, &login)?;
    if login == aktor.login && roll != fore.roll {
        return Err(Arbetsfel::Ogiltig("Du kan inte ändra din egen roll; be en annan systemförvaltare.".into()));
    }
    let detalj = format!(
        "{login}: {}, {}, {} → {namn}, {titel}, {}",
        fore.namn,
        fore.titel,
        fore.roll.namn().to_lowercase(),
        roll.namn().to_lowercase()
    );
    store.skriv(|w| {
        w.stampla(Radslag::Anvandare, fore.id, las, &aktor.namn, aktor.nu)?;
        w.andra_anvandare(&login, &namn, &titel, roll)?;
        w.logga(Handelse::AndradeAnvandare, None, &aktor.login, &detalj, aktor.nu)
    })?;
    hamta(store, &login)
}

/// Deactivates a user (never deleted); not oneself. `las` is the user's version the form read
/// (`None`: not checked): if another systemförvaltare changed the user since, nothing is written.
pub fn inaktivera(store: &mut Store, aktor: &Aktor, login: &str, las: Option<i64>) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::InaktiveradeAnvandare)?;
    let anv = hamta(store, login)?;
    if anv.login == aktor.login {
        return Err(Arbetsfel::Ogiltig("Du kan inte inaktivera dig själv.".into()));
    }
    let detalj = format!("{} ({})", anv.namn, anv.login);
    store.skriv(|w| {
        w.stampla(Radslag::Anvandare, anv.id, las, &aktor.namn, aktor.nu)?;
        w.satt_aktiv(&anv.login, false)?;
        w.logga(Handelse::InaktiveradeAnvandare, None, &aktor.login, &detalj, aktor.nu)
    })?;
    Ok(())
}

/// Sets a new password for a user (who forgot it, or is locked out) and lifts the lock.
pub fn aterstall_losenord(
    store: &mut Store,
    aktor: &Aktor,
    login: &str,
    losenord: &str,
    igen: &str,
) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::AterstalldeLosenord)?;
    let anv = hamta(store, login)?;
    validera_losenord(losenord, igen).map_err(Arbetsfel::Ogiltig)?;
    let hash = hasha(losenord)?;
    let detalj = format!("{} ({})", anv.namn, anv.login);
    store.skriv(|w| {
        w.satt_losenord(&anv.login, &hash)?;
        w.logga(Handelse::AterstalldeLosenord, None, &aktor.login, &detalj, aktor.nu)
    })?;
    Ok(())
}

fn hamta(store: &Store, login: &str) -> Result<Anvandare, Arbetsfel> {
    match store.anvandare_med_login(login)? {
        Some((a, _)) => Ok(a),
        None => Err(Arbetsfel::Ogiltig(format!("Användaren {} finns inte.", login.trim()))),
    }
}

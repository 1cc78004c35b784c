//! Users and their roles: who may log in, and the rules of a login name and a password.

use crate::kodlista;

kodlista! {
    /// A user's role: a set of permissions (see `arbete::behorighet`).
    pub enum Roll {
        Handlaggare = ("handlaggare", "Handläggare"),
        ForsteSocialsekreterare = ("forste_socialsekreterare", "1:e socialsekreterare"),
        Kassa = ("kassa", "Assistent/kassa"),
        Enhetschef = ("enhetschef", "Enhetschef"),
        Systemforvaltare = ("systemforvaltare", "Systemförvaltare"),
    }
}

/// Wrong passwords in a row that lock the login.
pub const MAX_FORSOK: i64 = 5;
/// How long a locked login stays locked, in minutes.
pub const LAST_MINUTER: i64 = 15;
/// Idle minutes before the window locks, unless the unit sets another time.
pub const STANDARD_LAS_MINUTER: i64 = 15;
/// The password of every user in a training database (never in a real one).
pub const OVNINGSLOSENORD: &str = "ovning";

/// A new user or a changed one, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnvandarFormular {
    pub login: String,
    pub namn: String,
    pub titel: String,
    pub roll: Option<Roll>,
}

impl AnvandarFormular {
    /// The form checked: login, name, title and role, or the first thing that is wrong.
    pub fn validera(&self) -> Result<(String, String, String, Roll), String> {
        let login = self.login.trim().to_lowercase();
        if login.len() < 2 || login.len() > 32 {
            return Err("Inloggningsnamnet ska ha 2–32 tecken.".into());
        }
        if !login.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_') {
            return Err(
                "Inloggningsnamnet får bara ha bokstäverna a–z, siffror, punkt, bindestreck och understreck.".into()
            );
        }
        let namn = self.namn.trim();
        if namn.is_empty() {
            return Err("Skriv användarens namn.".into());
        }
        let titel = self.titel.trim();
        if titel.is_empty() {
            return Err("Skriv användarens titel (den står i brev och beslut).".into());
        }
        let roll = self.roll.ok_or("Välj en roll.")?;
        Ok((login, namn.to_string(), titel.to_string(), roll))
    }
}

/// A new password typed twice: at least 10 characters (or the training password in a training
/// database), the same both times.
pub fn validera_losenord(losenord: &str, igen: &str) -> Result<(), String> {
    if losenord != igen {
        return Err("Lösenorden är inte lika. Skriv samma lösenord två gånger.".into());
    }
    if losenord.chars().count() < 10 {
        return Err("Lösenordet ska ha minst 10 tecken.".into());
    }
    if losenord.eq_ignore_ascii_case(OVNINGSLOSENORD) {
        return Err("Välj ett annat lösenord.".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_name_is_lower_case_without_spaces() {
        let f = AnvandarFormular {
            login: " AnLi ".into(),
            namn: "Anna Lind".into(),
            titel: "Socialsekreterare".into(),
            roll: Some(Roll::Handlaggare),
        };
        assert_eq!(f.validera().unwrap().0, "anli");
        let f = AnvandarFormular { login: "an li".into(), ..f };
        assert!(f.validera().unwrap_err().contains("bara"));
    }

    #[test]
    fn a_password_is_typed_twice_and_long_enough() {
        assert!(validera_losenord("kort", "kort").is_err());
        assert!(validera_losenord("tillräckligt-långt", "annat-lösenord").unwrap_err().contains("inte lika"));
        assert!(validera_losenord("tillräckligt-långt", "tillräckligt-långt").is_ok());
    }
}

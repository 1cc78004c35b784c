//! Where a household's payments go (bank account, bankgiro or plusgiro), whether it needs an
//! interpreter, and how it prefers to be contacted – with the validation of that form.
//!
//! Bank accounts are checked the way Bankgirot describes Swedish account numbers: a clearing
//! number of four digits (five for Swedbank's 8-series) and an account number whose length and
//! check digit follow the bank's type. Bankgiro and plusgiro numbers end in a mod-10 check digit.

use super::falt::{Falt, FaltFel};
use crate::kodlista;
use serde::{Deserialize, Serialize};

kodlista! {
    /// How payments reach the household.
    pub enum Betalsatt {
        Bankkonto = ("bankkonto", "Bankkonto"),
        Bankgiro = ("bankgiro", "Bankgiro"),
        Plusgiro = ("plusgiro", "Plusgiro"),
    }
}

kodlista! {
    /// How the household prefers to be contacted.
    pub enum Kontaktsatt {
        Telefon = ("telefon", "Telefon"),
        Sms = ("sms", "Sms"),
        Epost = ("epost", "E-post"),
        Brev = ("brev", "Brev"),
    }
}

/// A field of the payee and contact form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Uppgiftsfalt {
    Clearing,
    Konto,
    Giro,
    Mottagare,
    Sprak,
    Epost,
    Kontaktsatt,
}

/// The household's payee and contact details, validated.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Hushallsuppgifter {
    pub betalsatt: Option<Betalsatt>,
    /// Clearing number as digits ("8327-9" is kept as "83279").
    pub clearing: String,
    /// Account, bankgiro or plusgiro number as digits.
    pub konto: String,
    /// Who receives the money when it is not the applicant (e.g. a landlord), or empty.
    pub mottagare: String,
    /// The language an interpreter is needed for, or empty when none is needed.
    pub tolk_sprak: String,
    pub epost: String,
    pub kontaktsatt: Option<Kontaktsatt>,
}

impl Hushallsuppgifter {
    /// The household's registered account as the payee of its assistance (the applicant, or
    /// the payee the household named); `None` while no account is registered.
    pub fn betalningsmottagare(&self, sokande: &str) -> Option<crate::domain::betalning::Mottagare> {
        let typ = self.betalsatt?.kod();
        let konto = crate::domain::betalning::Konto::tolka(typ, &self.clearing, &self.konto).ok()?;
        let namn = if self.mottagare.trim().is_empty() { sokande } else { self.mottagare.trim() };
        Some(crate::domain::betalning::Mottagare { namn: namn.to_string(), konto, referens: String::new() })
    }

    /// The payee as one line: "Bankkonto 8327-9, 123 456 789-0" (empty when none is given).
    pub fn betalning_text(&self) -> String {
        match self.betalsatt {
            None => String::new(),
            Some(Betalsatt::Bankkonto) => format!("Bankkonto {}, {}", self.clearing, self.konto),
            Some(s) => format!("{} {}", s.namn(), giro_text(s, &self.konto)),
        }
    }
}

/// The form as typed (what the draft keeps).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UppgiftsFormular {
    pub betalsatt: Option<Betalsatt>,
    pub clearing: String,
    pub konto: String,
    pub mottagare: String,
    pub behover_tolk: bool,
    pub tolk_sprak: String,
    pub epost: String,
    pub kontaktsatt: Option<Kontaktsatt>,
}

impl From<&Hushallsuppgifter> for UppgiftsFormular {
    fn from(u: &Hushallsuppgifter) -> UppgiftsFormular {
        UppgiftsFormular {
            betalsatt: u.betalsatt,
            clearing: u.clearing.clone(),
            konto: u.konto.clone(),
            mottagare: u.mottagare.clone(),
            behover_tolk: !u.tolk_sprak.is_empty(),
            tolk_sprak: u.tolk_sprak.clone(),
            epost: u.epost.clone(),
            kontaktsatt: u.kontaktsatt,
        }
    }
}

fn fel(falt: Uppgiftsfalt, text: impl Into<String>) -> FaltFel {
    FaltFel::new(Falt::Uppgift(falt), text)
}

impl UppgiftsFormular {
    /// Checks every field; the details, or every problem at its field.
    pub fn validera(&self) -> Result<Hushallsuppgifter, Vec<FaltFel>> {
        let mut fellista = Vec::new();
        let (clearing, konto) = match self.betalsatt {
            None => (String::new(), String::new()),
            Some(Betalsatt::Bankkonto) => bankkonto(&self.clearing, &self.konto, &mut fellista),
            Some(s) => (String::new(), giro(s, &self.konto, &mut fellista)),
        };
        let tolk_sprak = if self.behover_tolk { self.tolk_sprak.trim().to_string() } else { String::new() };
        if self.behover_tolk && tolk_sprak.is_empty() {
            fellista.push(fel(Uppgiftsfalt::Sprak, "Ange vilket språk tolken ska tala."));
        }
        let epost = self.epost.trim().to_string();
        if !epost.is_empty() && !ser_ut_som_epost(&epost) {
            fellista.push(fel(Uppgiftsfalt::Epost, "E-postadressen ska se ut som namn@exempel.se."));
        }
        if self.kontaktsatt == Some(Kontaktsatt::Epost) && epost.is_empty() {
            fellista.push(fel(Uppgiftsfalt::Kontaktsatt, "Ange e-postadressen om kontakt ska ske med e-post."));
        }
        if !fellista.is_empty() {
            return Err(fellista);
        }
        Ok(Hushallsuppgifter {
            betalsatt: self.betalsatt,
            clearing,
            konto,
            mottagare: self.mottagare.trim().to_string(),
            tolk_sprak,
            epost,
            kontaktsatt: self.kontaktsatt,
        })
    }
}

fn ser_ut_som_epost(s: &str) -> bool {
    match s.split_once('@') {
        Some((namn, doman)) => {
            !namn.is_empty()
                && doman.contains('.')
                && !doman.starts_with('.')
                && !doman.ends_with('.')
                && !s.chars().any(char::is_whitespace)
                && !doman.contains('@')
        }
        None => false,
    }
}

/// Digits only, or None if anything but digits, spaces, '-' and '.' was typed.
fn siffror(text: &str) -> Option<String> {
    let t = text.trim();
    if !t.chars().all(|c| c.is_ascii_digit() || " -.".contains(c)) {
        return None;
    }
    Some(t.chars().filter(|c| c.is_ascii_digit()).collect())
}

/// The mod-10 (Luhn) check of a number whose last digit is its check digit.
pub fn luhn_ok(siffror: &str) -> bool {
    let summa: u32 = siffror
        .chars()
        .rev()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d })
        .sum();
    !siffror.is_empty() && summa.is_multiple_of(10)
}

/// The mod-11 check with the weights 1, 2, 3 … 10, 1, 2 … from the right.
fn mod11_ok(siffror: &str) -> bool {
    let summa: u32 =
        siffror.chars().rev().filter_map(|c| c.to_digit(10)).enumerate().map(|(i, d)| d * (i as u32 % 10 + 1)).sum();
    summa.is_multiple_of(11)
}

/// Validates clearing and account number; both as digits.
fn bankkonto(clearing_text: &str, konto_text: &str, fellista: &mut Vec<FaltFel>) -> (String, String) {
    let clearing = siffror(clearing_text).unwrap_or_default();
    let konto = siffror(konto_text);
    let clearing_ok = clearing.len() == 4 || (clearing.len() == 5 && clearing.starts_with('8'));
    if !clearing_ok {
        fellista.push(fel(
            Uppgiftsfalt::Clearing,
            "Clearingnumret ska ha fyra siffror (fem för Swedbank, som börjar med 8), t.ex. 8327-9.",
        ));
    }
    let Some(konto) = konto.filter(|k| !k.is_empty()) else {
        fellista.push(fel(Uppgiftsfalt::Konto, "Ange kontonumret med siffror."));
        return (clearing, String::new());
    };
    if clearing_ok && let Some(problem) = kontoproblem(&clearing, &konto) {
        fellista.push(fel(Uppgiftsfalt::Konto, problem));
    }
    (clearing, konto)
}

/// What is wrong with an account number at a clearing number, if anything.
fn kontoproblem(clearing: &str, konto: &str) -> Option<String> {
    let nr: u32 = clearing[..4].parse().unwrap_or(0);
    let kontroll = "Kontonumret stämmer inte (kontrollsiffran är fel). Kontrollera siffrorna mot kontobeskedet.";
    match nr {
        // Swedbank: up to ten digits, mod 10 over the account number.
        8000..=8999 => match konto.len() {
            6..=10 if luhn_ok(konto) => None,
            6..=10 => Some(kontroll.into()),
            _ => Some("Ett konto i Swedbank har 6–10 siffror efter clearingnumret.".into()),
        },
        // Nordea personkonto: the personnummer's ten digits.
        3300 | 3782 => match konto.len() {
            10 if luhn_ok(konto) => None,
            10 => Some(kontroll.into()),
            _ => Some("Ett personkonto i Nordea är personnumret med tio siffror (ÅÅMMDDNNNN).".into()),
        },
        // Handelsbanken: nine digits.
        6000..=6999 => (konto.len() != 9).then(|| "Ett konto i Handelsbanken har nio siffror.".into()),
        // Banks of type 1: seven digits, mod 11 over (the end of) the clearing number and the account.
        1000..=7999 => match konto.len() {
            7 if mod11_ok(&format!("{}{konto}", &clearing[1..])) || mod11_ok(&format!("{clearing}{konto}")) => None,
            7 => Some(kontroll.into()),
            _ => Some(format!("Ett konto med clearingnummer {clearing} har sju siffror efter clearingnumret.")),
        },
        9000..=9999 => (!(7..=10).contains(&konto.len()))
            .then(|| format!("Ett konto med clearingnummer {clearing} har 7–10 siffror efter clearingnumret.")),
        _ => Some(format!("{clearing} är inget clearingnummer för en svensk bank (de ligger mellan 1000 och 9999).")),
    }
}

/// Validates a bankgiro (7–8 digits) or plusgiro (2–8 digits) number.
fn giro(satt: Betalsatt, text: &str, fellista: &mut Vec<FaltFel>) -> String {
    let nummer = siffror(text).unwrap_or_default();
    let (min, max) = if satt == Betalsatt::Bankgiro { (7, 8) } else { (2, 8) };
    if nummer.len() < min || nummer.len() > max {
        let text = if satt == Betalsatt::Bankgiro {
            "Ett bankgironummer har sju eller åtta siffror, t.ex. 5050-1055."
        } else {
            "Ett plusgironummer har två till åtta siffror, t.ex. 90 20 01-7."
        };
        fellista.push(fel(Uppgiftsfalt::Giro, text));
    } else if !luhn_ok(&nummer) {
        fellista.push(fel(
            Uppgiftsfalt::Giro,
            format!("{}numret stämmer inte (kontrollsiffran är fel). Kontrollera siffrorna.", satt.namn()),
        ));
    }
    nummer
}

/// A giro number the way it is printed: bankgiro "5050-1055", plusgiro "90 20 01-7".
pub fn giro_text(satt: Betalsatt, nummer: &str) -> String {
    if nummer.len() < 2 {
        return nummer.to_string();
    }
    match satt {
        Betalsatt::Bankgiro => {
            let delning = nummer.len() - 4;
            format!("{}-{}", &nummer[..delning], &nummer[delning..])
        }
        _ => format!("{}-{}", &nummer[..nummer.len() - 1], &nummer[nummer.len() - 1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::falt::fel_for;

    fn konto(clearing: &str, konto: &str) -> Result<Hushallsuppgifter, Vec<FaltFel>> {
        UppgiftsFormular {
            betalsatt: Some(Betalsatt::Bankkonto),
            clearing: clearing.into(),
            konto: konto.into(),
            ..Default::default()
        }
        .validera()
    }

    #[test]
    fn check_digits() {
        assert!(luhn_ok("50501055"));
        assert!(luhn_ok("9020017"));
        assert!(!luhn_ok("50501056"));
        assert!(mod11_ok("0"));
    }

    #[test]
    fn a_good_swedbank_account_is_kept_as_digits() {
        let u = konto("8327-9", "123 456 789-7").unwrap();
        assert_eq!((u.clearing.as_str(), u.konto.as_str()), ("83279", "1234567897"));
        assert_eq!(u.betalning_text(), "Bankkonto 83279, 1234567897");
    }

    #[test]
    fn bad_accounts_are_refused_with_a_swedish_reason_at_the_field() {
        let fel = konto("83", "1234567897").unwrap_err();
        assert!(fel_for(&fel, Falt::Uppgift(Uppgiftsfalt::Clearing)).unwrap().contains("fyra siffror"));
        let fel = konto("8327-9", "1234567890").unwrap_err();
        assert!(fel_for(&fel, Falt::Uppgift(Uppgiftsfalt::Konto)).unwrap().contains("kontrollsiffran är fel"));
        let fel = konto("6789", "12345").unwrap_err();
        assert!(fel_for(&fel, Falt::Uppgift(Uppgiftsfalt::Konto)).unwrap().contains("nio siffror"));
        let fel = konto("5000", "12ab").unwrap_err();
        assert_eq!(fel_for(&fel, Falt::Uppgift(Uppgiftsfalt::Konto)), Some("Ange kontonumret med siffror."));
    }

    #[test]
    fn giro_numbers_and_contact() {
        let mut f =
            UppgiftsFormular { betalsatt: Some(Betalsatt::Bankgiro), konto: "5050-1055".into(), ..Default::default() };
        assert_eq!(f.validera().unwrap().betalning_text(), "Bankgiro 5050-1055");
        f.konto = "5050-1056".into();
        assert!(f.validera().is_err());
        f = UppgiftsFormular { behover_tolk: true, epost: "lo@exempel".into(), ..Default::default() };
        let fel = f.validera().unwrap_err();
        assert!(fel_for(&fel, Falt::Uppgift(Uppgiftsfalt::Sprak)).is_some());
        assert!(fel_for(&fel, Falt::Uppgift(Uppgiftsfalt::Epost)).is_some());
    }
}

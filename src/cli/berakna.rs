//! `bistand berakna`: one JSON application in, one JSON result out. The input is checked field
//! by field; every problem is reported in Swedish with where it is.

use crate::domain::belopp::Belopp;
use crate::domain::hushall::Roll;
use crate::domain::manad::Manad;
use crate::domain::norm::{
    Inkomst, Inkomsttyp, Justering, Kostnad, Kostnadstyp, NormMedlem, Normrad, Regler, Resultat, Underlag, berakna,
    levererade_tabeller,
};
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Value, json};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Indata {
    month: String,
    members: Vec<Medlem>,
    #[serde(default)]
    shared_home_persons: Option<Value>,
    #[serde(default)]
    costs: Vec<Kost>,
    #[serde(default)]
    incomes: Vec<Ink>,
    #[serde(default)]
    adjustments: Vec<Just>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Medlem {
    role: String,
    birth_date: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    lunch_outside_home: bool,
    #[serde(default)]
    in_upper_secondary: bool,
    #[serde(default)]
    present_from: Option<String>,
    #[serde(default)]
    present_to: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Kost {
    kind: String,
    amount: Value,
    #[serde(default)]
    approved: Option<Value>,
    #[serde(default)]
    reason: Option<String>,
    /// What a livsföring item is for ("elskuld hos Ellevio AB").
    #[serde(default)]
    what_for: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Ink {
    kind: String,
    amount: Value,
    #[serde(default)]
    person: Option<usize>,
    #[serde(default)]
    jobbstimulans: bool,
    /// The month ("YYYY-MM") the särskild beräkningsregel (jobbstimulans) started.
    #[serde(default)]
    special_rule_start: Option<String>,
    #[serde(default)]
    earned_earlier_this_year: Option<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Just {
    line: String,
    amount: Value,
    reason: String,
}

/// The ranges the input must keep to; `bistand berakna --help` states them.
const MAX_MEDLEMMAR: usize = 20;
const MAX_BARN: usize = 18;
const MAX_I_BOSTADEN: u64 = 30;
const MAX_RADER: usize = 100;
const MAX_BELOPP_KR: i64 = 10_000_000;
const FORSTA_DATUM: (i32, u32, u32) = (1900, 1, 1);
const SISTA_AR: i32 = 2100;

/// Reads the application, computes it with the shipped tables, and returns the result as JSON.
/// A byte-order mark at the start (Windows Notepad saves one) is skipped.
pub fn berakna_json(text: &str) -> Result<Value, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("Indata är tom: skriv ansökan som JSON, se bistand berakna --help.".into());
    }
    let indata: Indata = serde_json::from_str(text).map_err(|e| json_fel(&e))?;
    let manad = Manad::parse(&indata.month).map_err(|e| format!("month: {e}"))?;
    let ar = manad.ar();
    let tabell = levererade_tabeller()
        .into_iter()
        .find(|t| t.ar == ar)
        .ok_or_else(|| format!("Det finns ingen normtabell för {ar} (month \"{manad}\")."))?;
    let underlag = tolka(&indata, manad)?;
    // No unit is named here, so no unit ceiling for housing applies; the rest are the defaults.
    let regler = Regler { hyrestak: None, ..Regler::default() };
    let resultat = berakna(&underlag, &tabell, &regler).map_err(|e| e.to_string())?;
    Ok(till_json(&resultat))
}

fn till_json(r: &Resultat) -> Value {
    json!({
        "table_year": r.tabellar,
        "norm_personal": r.norm_personlig.till_text(),
        "norm_shared": r.norm_gemensam.till_text(),
        "norm": r.norm.till_text(),
        "costs": r.kostnader.till_text(),
        "incomes": r.inkomster.till_text(),
        "balance": r.saldo.till_text(),
        "granted": r.beviljas.till_text(),
        "lines": r.rader.iter().map(|l| json!({"text": l.text, "amount": l.belopp.till_text(), "kind": l.typ})).collect::<Vec<_>>(),
        "warnings": r.varningar,
        "overskott": r.overskott.till_text(),
        "livsforing": r.livsforing.iter().map(|p| json!({
            "kind": p.typ.kod(),
            "item": p.sak,
            "applied": p.ansokt.till_text(),
            "approved": p.godkant.till_text(),
            "set_off": p.avraknat.till_text(),
            "granted": p.beviljas.till_text(),
            "reason": if p.godkant < p.ansokt { p.motivering.as_str() } else { "" },
        })).collect::<Vec<_>>(),
        "total": r.totalt.till_text(),
    })
}

/// serde_json's errors (English) said in Swedish by kind, with the line and column.
fn json_fel(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let plats = format!("rad {}, kolumn {}", e.line(), e.column());
    match e.classify() {
        Category::Syntax => {
            format!("Indata är inte giltig JSON ({plats}): kontrollera kommatecken, citattecken och klamrar där.")
        }
        Category::Eof => format!(
            "Indata är inte giltig JSON: texten tar slut för tidigt ({plats}); en avslutande }} eller ] saknas."
        ),
        Category::Io => "Indata kunde inte läsas.".into(),
        Category::Data => {
            let msg = e.to_string();
            let falt = msg.split('`').nth(1).unwrap_or("");
            if msg.starts_with("missing field") {
                format!("Fältet \"{falt}\" saknas ({plats}).")
            } else if msg.starts_with("unknown field") {
                format!("Okänt fält \"{falt}\" ({plats}); se bistand berakna --help för fälten.")
            } else if msg.starts_with("invalid length") {
                format!("En lista har fel antal element ({plats}); se bistand berakna --help.")
            } else {
                format!(
                    "Ett värde har fel typ eller är utanför sitt intervall ({plats}), t.ex. text där ett heltal \
                     eller true/false ska stå; se bistand berakna --help."
                )
            }
        }
    }
}

/// An amount written as text, 0 to 10 000 000 kr with at most two decimals.
fn belopp(v: &Value, var: &str) -> Result<Belopp, String> {
    let text = v.as_str().ok_or_else(|| format!("{var}: skriv beloppet som text, t.ex. \"1234.50\"."))?;
    let b = Belopp::parse_icke_negativt(text).map_err(|e| format!("{var}: {e}"))?;
    if b > Belopp::from_ore(MAX_BELOPP_KR * 100) {
        return Err(format!("{var}: beloppet {text} är för stort; högst 10 000 000 kr per rad."));
    }
    Ok(b)
}

/// A date from 1900-01-01 to `sista`.
fn datum(text: &str, var: &str, sista: NaiveDate) -> Result<NaiveDate, String> {
    let d = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{var}: \"{text}\" är inget datum; skriv ÅÅÅÅ-MM-DD."))?;
    let (a, m, dag) = FORSTA_DATUM;
    if NaiveDate::from_ymd_opt(a, m, dag).is_some_and(|forsta| d < forsta) || d > sista {
        return Err(format!("{var}: {d} ligger utanför det tillåtna, 1900-01-01 till {sista}."));
    }
    Ok(d)
}

/// At most `max` lines in a list.
fn hogst<T>(lista: &[T], max: usize, var: &str) -> Result<(), String> {
    if lista.len() > max {
        return Err(format!("{var}: högst {max} rader, inte {}.", lista.len()));
    }
    Ok(())
}

fn tolka(i: &Indata, manad: Manad) -> Result<Underlag, String> {
    let medlemmar = tolka_medlemmar(&i.members, manad)?;
    let personer_i_bostaden = match &i.shared_home_persons {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_u64().filter(|n| (1..=MAX_I_BOSTADEN).contains(n)).and_then(|n| u32::try_from(n).ok()).ok_or_else(
                || format!("shared_home_persons: ange ett heltal från 1 till {MAX_I_BOSTADEN}, inte {v}."),
            )?,
        ),
    };
    hogst(&i.costs, MAX_RADER, "costs")?;
    hogst(&i.incomes, MAX_RADER, "incomes")?;
    hogst(&i.adjustments, MAX_RADER, "adjustments")?;
    Ok(Underlag {
        manad,
        personer_i_bostaden,
        kostnader: i.costs.iter().enumerate().map(|(n, k)| tolka_kostnad(n, k)).collect::<Result<_, _>>()?,
        inkomster: i
            .incomes
            .iter()
            .enumerate()
            .map(|(n, k)| tolka_inkomst(n, k, medlemmar.len()))
            .collect::<Result<_, _>>()?,
        justeringar: i.adjustments.iter().enumerate().map(|(n, j)| tolka_justering(n, j)).collect::<Result<_, _>>()?,
        medlemmar,
    })
}

fn tolka_medlemmar(members: &[Medlem], manad: Manad) -> Result<Vec<NormMedlem>, String> {
    if members.is_empty() {
        return Err("members: hushållet måste ha minst en person (sökande).".into());
    }
    if members.len() > MAX_MEDLEMMAR {
        return Err(format!("members: högst {MAX_MEDLEMMAR} personer i ett hushåll, inte {}.", members.len()));
    }
    let barn = members.iter().filter(|m| m.role == "barn").count();
    if barn > MAX_BARN {
        return Err(format!("members: högst {MAX_BARN} barn i ett hushåll, inte {barn}."));
    }
    let sista_ar = NaiveDate::from_ymd_opt(SISTA_AR, 12, 31).unwrap_or(NaiveDate::MAX);
    let mut medlemmar = Vec::new();
    for (n, m) in members.iter().enumerate() {
        let var = format!("members[{n}]");
        let roll = Roll::fran_kod(&m.role)
            .ok_or_else(|| format!("{var}.role: okänd roll \"{}\"; använd sokande, medsokande eller barn.", m.role))?;
        let narvaro = |d: &Option<String>, falt: &str| {
            d.as_deref().map(|d| datum(d, &format!("{var}.{falt}"), sista_ar)).transpose()
        };
        medlemmar.push(NormMedlem {
            roll,
            fodd: datum(&m.birth_date, &format!("{var}.birth_date"), manad.sista_dagen())?,
            namn: m.name.clone().unwrap_or_default(),
            lunch_utanfor_hemmet: m.lunch_outside_home,
            gar_i_gymnasiet: m.in_upper_secondary,
            fran: narvaro(&m.present_from, "present_from")?,
            till: narvaro(&m.present_to, "present_to")?,
        });
    }
    Ok(medlemmar)
}

fn tolka_kostnad(n: usize, k: &Kost) -> Result<Kostnad, String> {
    let var = format!("costs[{n}]");
    let typ = Kostnadstyp::fran_kod(&k.kind).ok_or_else(|| {
        format!(
            "{var}.kind: okänd kostnadstyp \"{}\". Giltiga: {}.",
            k.kind,
            koder(Kostnadstyp::ALLA.iter().map(|t| t.kod()))
        )
    })?;
    Ok(Kostnad {
        typ,
        ansokt: belopp(&k.amount, &format!("{var}.amount"))?,
        godkant: k.approved.as_ref().map(|a| belopp(a, &format!("{var}.approved"))).transpose()?,
        motivering: k.reason.clone().unwrap_or_else(|| "godkänt belopp enligt beräkningen".into()),
        avser: k.what_for.clone().unwrap_or_default(),
    })
}

fn tolka_inkomst(n: usize, ink: &Ink, antal_medlemmar: usize) -> Result<Inkomst, String> {
    let var = format!("incomes[{n}]");
    let typ = Inkomsttyp::fran_kod(&ink.kind).ok_or_else(|| {
        format!(
            "{var}.kind: okänd inkomsttyp \"{}\". Giltiga: {}.",
            ink.kind,
            koder(Inkomsttyp::ALLA.iter().map(|t| t.kod()))
        )
    })?;
    if let Some(p) = ink.person.filter(|p| *p >= antal_medlemmar) {
        return Err(format!("{var}.person: det finns ingen person med index {p} i members."));
    }
    Ok(Inkomst {
        typ,
        belopp: belopp(&ink.amount, &format!("{var}.amount"))?,
        person: ink.person,
        jobbstimulans: ink.jobbstimulans,
        berakningsregel_fran: ink
            .special_rule_start
            .as_deref()
            .map(|m| Manad::parse(m).map_err(|e| format!("{var}.special_rule_start: {e}")))
            .transpose()?,
        tidigare_i_ar: ink
            .earned_earlier_this_year
            .as_ref()
            .map(|a| belopp(a, &format!("{var}.earned_earlier_this_year")))
            .transpose()?
            .unwrap_or(Belopp::NOLL),
    })
}

fn tolka_justering(n: usize, j: &Just) -> Result<Justering, String> {
    let var = format!("adjustments[{n}]");
    let rad = match j.line.as_str() {
        "vuxna" => Normrad::Vuxna,
        "gemensamt" => Normrad::Gemensamt,
        other => match other.strip_prefix("barn:").and_then(|x| x.parse().ok()) {
            Some(idx) => Normrad::Barn(idx),
            None => {
                return Err(format!(
                    "{var}.line: \"{other}\" är ingen normpost; använd vuxna, gemensamt eller barn:INDEX."
                ));
            }
        },
    };
    Ok(Justering { rad, belopp: belopp(&j.amount, &format!("{var}.amount"))?, motivering: j.reason.clone() })
}

fn koder<'a>(it: impl Iterator<Item = &'a str>) -> String {
    it.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind of JSON mistake is named in Swedish with where it is, not serde's English.
    #[test]
    fn json_errors_are_swedish_with_line_and_column() {
        for (text, vantat) in [
            ("{\"month\": \"2021-10\",\n \"members\": [", "texten tar slut för tidigt (rad 2"),
            ("{\"month\" 1}", "inte giltig JSON (rad 1, kolumn 10)"),
            ("{\"month\": \"2021-10\"}", "Fältet \"members\" saknas (rad 1"),
            ("{\"month\": \"2021-10\", \"members\": [], \"x\": 1}", "Okänt fält \"x\" (rad 1"),
            ("{\"month\": 7, \"members\": []}", "fel typ eller är utanför sitt intervall (rad 1, kolumn 11)"),
        ] {
            let fel = berakna_json(text).unwrap_err();
            assert!(fel.contains(vantat), "expected «{vantat}» in «{fel}»");
            for ord in ["expected", "invalid", "missing", "unknown", "EOF", "line", "column"] {
                assert!(!fel.contains(ord), "{ord} in «{fel}»");
            }
        }
    }

    #[test]
    fn the_limits_themselves_are_accepted() {
        let text = |belopp: &str, i_bostaden: u32| {
            format!(
                r#"{{"month": "2021-10", "members": [{{"role": "sokande", "birth_date": "1900-01-01"}}],
                   "shared_home_persons": {i_bostaden}, "costs": [{{"kind": "boende", "amount": "{belopp}"}}]}}"#
            )
        };
        let v = berakna_json(&text("10000000.00", 30)).unwrap();
        assert_eq!(v["costs"], "10000000.00");
        assert!(berakna_json(&text("10000000.01", 30)).unwrap_err().contains("högst 10 000 000 kr"));
        assert!(berakna_json(&text("0", 31)).unwrap_err().contains("från 1 till 30"));
        assert_eq!(berakna_json(&format!("\u{feff}{}", text("0", 1))), berakna_json(&text("0", 1)));
    }
}

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
    shared_home_persons: Option<u32>,
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

/// Reads the application, computes it with the shipped tables, and returns the result as JSON.
pub fn berakna_json(text: &str) -> Result<Value, String> {
    let indata: Indata = serde_json::from_str(text).map_err(|e| json_fel(&e))?;
    let underlag = tolka(&indata)?;
    let ar = underlag.manad.ar();
    let tabell = levererade_tabeller()
        .into_iter()
        .find(|t| t.ar == ar)
        .ok_or_else(|| format!("Det finns ingen normtabell för {ar} (month \"{}\").", underlag.manad))?;
    // No unit is named here, so no unit ceiling for housing applies; the rest are the defaults.
    let regler = Regler { hyrestak: None, ..Regler::default() };
    let resultat = berakna(&underlag, &tabell, &regler)?;
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
    })
}

/// serde_json's errors, said in Swedish with the position.
fn json_fel(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let plats = format!("rad {}, kolumn {}", e.line(), e.column());
    match e.classify() {
        Category::Syntax | Category::Eof => format!("Indata är inte giltig JSON ({plats})."),
        Category::Io => "Indata kunde inte läsas.".into(),
        Category::Data => {
            let msg = e.to_string();
            let falt = msg.split('`').nth(1).unwrap_or("");
            if msg.starts_with("missing field") {
                format!("Fältet \"{falt}\" saknas ({plats}).")
            } else if msg.starts_with("unknown field") {
                format!("Okänt fält \"{falt}\" ({plats}).")
            } else {
                format!("Ett värde har fel typ ({plats}); se bistand berakna --help.")
            }
        }
    }
}

fn belopp(v: &Value, var: &str) -> Result<Belopp, String> {
    let text = v.as_str().ok_or_else(|| format!("{var}: skriv beloppet som text, t.ex. \"1234.50\"."))?;
    Belopp::parse_icke_negativt(text).map_err(|e| format!("{var}: {e}"))
}

fn datum(text: &str, var: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{var}: \"{text}\" är inget datum; skriv ÅÅÅÅ-MM-DD."))
}

fn tolka(i: &Indata) -> Result<Underlag, String> {
    let manad = Manad::parse(&i.month).map_err(|e| format!("month: {e}"))?;
    if i.members.is_empty() {
        return Err("members: hushållet måste ha minst en person (sökande).".into());
    }
    let mut medlemmar = Vec::new();
    for (n, m) in i.members.iter().enumerate() {
        let var = format!("members[{n}]");
        let roll = Roll::fran_kod(&m.role)
            .ok_or_else(|| format!("{var}.role: okänd roll \"{}\"; använd sokande, medsokande eller barn.", m.role))?;
        medlemmar.push(NormMedlem {
            roll,
            fodd: datum(&m.birth_date, &format!("{var}.birth_date"))?,
            namn: m.name.clone().unwrap_or_default(),
            lunch_utanfor_hemmet: m.lunch_outside_home,
            gar_i_gymnasiet: m.in_upper_secondary,
            fran: m.present_from.as_deref().map(|d| datum(d, &format!("{var}.present_from"))).transpose()?,
            till: m.present_to.as_deref().map(|d| datum(d, &format!("{var}.present_to"))).transpose()?,
        });
    }
    let mut kostnader = Vec::new();
    for (n, k) in i.costs.iter().enumerate() {
        let var = format!("costs[{n}]");
        let typ = Kostnadstyp::fran_kod(&k.kind).ok_or_else(|| {
            format!(
                "{var}.kind: okänd kostnadstyp \"{}\". Giltiga: {}.",
                k.kind,
                koder(Kostnadstyp::ALLA.iter().map(|t| t.kod()))
            )
        })?;
        kostnader.push(Kostnad {
            typ,
            ansokt: belopp(&k.amount, &format!("{var}.amount"))?,
            godkant: k.approved.as_ref().map(|a| belopp(a, &format!("{var}.approved"))).transpose()?,
            motivering: k.reason.clone().unwrap_or_else(|| "godkänt belopp enligt beräkningen".into()),
        });
    }
    let mut inkomster = Vec::new();
    for (n, ink) in i.incomes.iter().enumerate() {
        let var = format!("incomes[{n}]");
        let typ = Inkomsttyp::fran_kod(&ink.kind).ok_or_else(|| {
            format!(
                "{var}.kind: okänd inkomsttyp \"{}\". Giltiga: {}.",
                ink.kind,
                koder(Inkomsttyp::ALLA.iter().map(|t| t.kod()))
            )
        })?;
        if let Some(p) = ink.person.filter(|p| *p >= medlemmar.len()) {
            return Err(format!("{var}.person: det finns ingen person med index {p} i members."));
        }
        inkomster.push(Inkomst {
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
        });
    }
    let mut justeringar = Vec::new();
    for (n, j) in i.adjustments.iter().enumerate() {
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
        justeringar.push(Justering {
            rad,
            belopp: belopp(&j.amount, &format!("{var}.amount"))?,
            motivering: j.reason.clone(),
        });
    }
    Ok(Underlag { manad, medlemmar, personer_i_bostaden: i.shared_home_persons, kostnader, inkomster, justeringar })
}

fn koder<'a>(it: impl Iterator<Item = &'a str>) -> String {
    it.collect::<Vec<_>>().join(", ")
}

//! The delegation order: which role may decide which kind of decision up to which amount,
//! under which numbered point. Data keyed by validity date (the unit's own order replaces the
//! shipped example); a decision beyond the decider's delegation becomes a proposal.

use crate::domain::Belopp;
use crate::domain::beslut::Beslutspost;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The kinds of decision the order distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Beslutstyp {
    /// Försörjningsstöd (the norm and the reasonable costs).
    Forsorjningsstod,
    /// Bistånd till livsföringen i övrigt (every other item granted).
    Livsforing,
    /// Money granted against repayment (återkrav).
    Aterkrav,
    /// A refusal (the amount applied for).
    Avslag,
}

impl Beslutstyp {
    pub fn namn(self) -> &'static str {
        match self {
            Beslutstyp::Forsorjningsstod => "försörjningsstöd",
            Beslutstyp::Livsforing => "livsföring i övrigt",
            Beslutstyp::Aterkrav => "återkrav",
            Beslutstyp::Avslag => "avslag",
        }
    }
}

/// One point of the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegationspunkt {
    /// The point's number in the unit's order ("4.1.2").
    pub punkt: String,
    pub beslutstyp: Beslutstyp,
    /// The role's code: handlaggare, forste_socialsekreterare, enhetschef …
    pub roll: String,
    /// The title the letter names ("förste socialsekreterare").
    pub titel: String,
    /// The highest amount; none means any amount.
    pub hogst: Option<Belopp>,
}

impl Delegationspunkt {
    fn tacker(&self, typ: Beslutstyp, roll: &str, belopp: Belopp) -> bool {
        self.beslutstyp == typ && self.roll == roll && self.hogst.is_none_or(|h| belopp <= h)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegationsversion {
    pub galler_fran: NaiveDate,
    pub punkter: Vec<Delegationspunkt>,
}

/// Every version of the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegationsordning {
    /// True for the shipped example; screens and letters of a real unit should not rely on it.
    pub exempel: bool,
    #[serde(default)]
    pub anmarkning: String,
    pub versioner: Vec<Delegationsversion>,
}

impl Delegationsordning {
    /// The version valid on `dag` (the newest that has begun).
    pub fn galler(&self, dag: NaiveDate) -> Option<&Delegationsversion> {
        self.versioner.iter().filter(|v| v.galler_fran <= dag).max_by_key(|v| v.galler_fran)
    }

    /// Reads and checks an order from JSON (the unit's file).
    pub fn fran_json(text: &str) -> Result<Delegationsordning, String> {
        let d: Delegationsordning = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| format!("Delegationsordningen kan inte läsas: {e}."))?;
        if d.versioner.is_empty() {
            return Err("Delegationsordningen har ingen version.".into());
        }
        for v in &d.versioner {
            if let Some(p) = v.punkter.iter().find(|p| p.punkt.trim().is_empty() || p.roll.trim().is_empty()) {
                return Err(format!("En punkt i versionen från {} saknar nummer eller roll ({:?}).", v.galler_fran, p));
            }
        }
        Ok(d)
    }
}

/// The shipped example order (src/data/delegation.json).
pub fn levererad_delegationsordning() -> Delegationsordning {
    serde_json::from_str(include_str!("../data/delegation.json")).unwrap_or(Delegationsordning {
        exempel: true,
        anmarkning: String::new(),
        versioner: vec![],
    })
}

/// What a decision needs delegation for: each kind it contains, with its amount. A refusal of
/// everything is an avslag of what was applied for; granted items are försörjningsstöd, or
/// livsföring i övrigt, and what is granted against repayment is also an återkrav.
pub fn beslutets_delar(poster: &[Beslutspost]) -> Vec<(Beslutstyp, Belopp)> {
    let mut delar: Vec<(Beslutstyp, Belopp)> = Vec::new();
    let mut lagg = |typ, b: Belopp| match delar.iter_mut().find(|(t, _)| *t == typ) {
        Some((_, summa)) => *summa += b,
        None => delar.push((typ, b)),
    };
    for p in poster {
        if p.beviljat < p.ansokt {
            lagg(Beslutstyp::Avslag, p.ansokt - p.beviljat);
        }
        if p.beviljat > Belopp::NOLL {
            let forsorjning = p.sak.trim().to_lowercase().starts_with("försörjningsstöd");
            lagg(if forsorjning { Beslutstyp::Forsorjningsstod } else { Beslutstyp::Livsforing }, p.beviljat);
            if p.mot_aterkrav.is_some() {
                lagg(Beslutstyp::Aterkrav, p.beviljat);
            }
        }
    }
    delar.sort();
    delar
}

/// The points under which `roll` may take a decision with these parts (the narrowest that
/// covers each part), or the parts beyond its delegation.
pub fn prova<'a>(
    v: &'a Delegationsversion,
    roll: &str,
    delar: &[(Beslutstyp, Belopp)],
) -> Result<Vec<&'a Delegationspunkt>, Vec<(Beslutstyp, Belopp)>> {
    let mut punkter = Vec::new();
    let mut utanfor = Vec::new();
    for &(typ, belopp) in delar {
        let basta = v.punkter.iter().filter(|p| p.tacker(typ, roll, belopp)).min_by_key(|p| p.hogst.is_none());
        match basta {
            Some(p) => punkter.push(p),
            None => utanfor.push((typ, belopp)),
        }
    }
    if utanfor.is_empty() { Ok(punkter) } else { Err(utanfor) }
}

/// The roles that may take a decision with these parts, in the order's order.
pub fn roller_som_far(v: &Delegationsversion, delar: &[(Beslutstyp, Belopp)]) -> Vec<String> {
    let mut roller: Vec<String> = Vec::new();
    for p in &v.punkter {
        if !roller.contains(&p.roll) && prova(v, &p.roll, delar).is_ok() {
            roller.push(p.roll.clone());
        }
    }
    roller
}

/// The letter's words for the delegation: "förste socialsekreterare enligt delegationsordningen
/// punkt 4.1.2 och 4.3.1".
pub fn delegationstext(punkter: &[&Delegationspunkt]) -> String {
    let mut titlar: Vec<&str> = punkter.iter().map(|p| p.titel.trim()).collect();
    titlar.dedup();
    let mut nummer: Vec<&str> = punkter.iter().map(|p| p.punkt.trim()).collect();
    nummer.sort();
    nummer.dedup();
    let nummer = match nummer.split_last() {
        Some((sista, forst)) if !forst.is_empty() => format!("{} och {sista}", forst.join(", ")),
        _ => nummer.join(""),
    };
    format!("{} enligt delegationsordningen punkt {nummer}", titlar.join(" och "))
}

/// "försörjningsstöd 30 000 kr, avslag 1 200 kr".
pub fn delar_i_text(delar: &[(Beslutstyp, Belopp)]) -> String {
    delar.iter().map(|(t, b)| format!("{} {}", t.namn(), b.i_text())).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(sak: &str, ansokt: i64, beviljat: i64, aterkrav: bool) -> Beslutspost {
        Beslutspost {
            sak: sak.into(),
            ansokt: Belopp::kronor(ansokt),
            beviljat: Belopp::kronor(beviljat),
            motivering: String::new(),
            utover_ratten: false,
            mot_aterkrav: aterkrav.then(|| "förskott".into()),
        }
    }

    #[test]
    fn a_caseworker_decides_within_her_limit_and_beyond_it_only_a_senior() {
        let d = levererad_delegationsordning();
        assert!(d.exempel, "the shipped order says it is an example");
        let v = d.galler(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
        let liten = beslutets_delar(&[post("Försörjningsstöd", 9000, 9000, false)]);
        let p = prova(v, "handlaggare", &liten).unwrap();
        assert_eq!(p[0].punkt, "4.1.1");
        let stor = beslutets_delar(&[post("Försörjningsstöd", 30_000, 30_000, false)]);
        assert_eq!(
            prova(v, "handlaggare", &stor).unwrap_err(),
            vec![(Beslutstyp::Forsorjningsstod, Belopp::kronor(30_000))]
        );
        assert_eq!(prova(v, "forste_socialsekreterare", &stor).unwrap()[0].punkt, "4.1.2");
        assert_eq!(roller_som_far(v, &stor), vec!["forste_socialsekreterare".to_string()]);
        // Against repayment: also an återkrav, which only the senior may decide.
        let forskott = beslutets_delar(&[post("Försörjningsstöd", 3000, 3000, true)]);
        assert!(prova(v, "handlaggare", &forskott).is_err());
        let punkter = prova(v, "forste_socialsekreterare", &forskott).unwrap();
        assert_eq!(
            delegationstext(&punkter),
            "förste socialsekreterare enligt delegationsordningen punkt 4.1.2 och 4.3.1"
        );
    }

    #[test]
    fn a_refusal_counts_what_was_applied_for_and_other_items_are_livsforing() {
        let delar =
            beslutets_delar(&[post("Försörjningsstöd", 8000, 6000, false), post("Tandvård", 7000, 7000, false)]);
        assert_eq!(
            delar,
            vec![
                (Beslutstyp::Forsorjningsstod, Belopp::kronor(6000)),
                (Beslutstyp::Livsforing, Belopp::kronor(7000)),
                (Beslutstyp::Avslag, Belopp::kronor(2000))
            ]
        );
    }
}

//! Livsföring i övrigt: items outside försörjningsstöd (tandvård, glasögon, a debt …), each
//! assessed on its own after försörjningsstöd, with what is left of an income surplus
//! (överskott) set against them in the order they were applied for.

use super::berakning::{Rad, Radtyp};
use super::poster::{Kostnad, Kostnadstyp, Underlag};
use super::slag::Del;
use crate::domain::belopp::Belopp;
use serde::{Deserialize, Serialize};

/// One item of livsföring i övrigt as the calculation assesses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Livsforingspost {
    pub typ: Kostnadstyp,
    /// The item in the client's words ("bistånd till en elskuld hos Ellevio AB").
    pub sak: String,
    pub ansokt: Belopp,
    /// What the caseworker approved as a reasonable cost.
    pub godkant: Belopp,
    /// The part of the household's överskott set against the item.
    pub avraknat: Belopp,
    /// What can be granted: approved minus the överskott set against it.
    pub beviljas: Belopp,
    /// The caseworker's reason for approving less than applied for.
    pub motivering: String,
}

/// Whether a cost line is livsföring i övrigt in its month.
pub fn ar_livsforing(k: &Kostnad, u: &Underlag) -> bool {
    k.typ.del(u.manad.forsta_dagen()) == Del::Livsforing
}

/// Assesses the items in order; `overskott` is what the incomes exceed försörjningsstöd's need by.
pub(super) fn prova(u: &Underlag, overskott: Belopp) -> (Vec<Livsforingspost>, Vec<Rad>) {
    let dag = u.manad.forsta_dagen();
    let mut kvar = overskott.max(Belopp::NOLL);
    let mut poster = Vec::new();
    let mut rader = Vec::new();
    for k in u.kostnader.iter().filter(|k| ar_livsforing(k, u)) {
        let godkant = k.godkant_belopp().min(k.ansokt).max(Belopp::NOLL);
        let avraknat = kvar.min(godkant);
        kvar = kvar - avraknat;
        let p = Livsforingspost {
            typ: k.typ,
            sak: k.typ.klientord(&k.avser, dag),
            ansokt: k.ansokt,
            godkant,
            avraknat,
            beviljas: godkant - avraknat,
            motivering: k.motivering.trim().to_string(),
        };
        rader.push(Rad { text: radtext(&p), belopp: p.beviljas, typ: Radtyp::Livsforing });
        poster.push(p);
    }
    (poster, rader)
}

fn radtext(p: &Livsforingspost) -> String {
    let mut text = format!("{}: ansökt {}", stor_bokstav(&p.sak), p.ansokt);
    if p.godkant == p.ansokt {
        text = format!("{}: ansökt och godkänt {}", stor_bokstav(&p.sak), p.ansokt);
    } else if p.motivering.is_empty() {
        text.push_str(&format!(", godkänt {}", p.godkant));
    } else {
        text.push_str(&format!(", godkänt {} – {}", p.godkant, p.motivering));
    }
    if p.avraknat > Belopp::NOLL {
        text.push_str(&format!("; överskott {} räknas av", p.avraknat));
    }
    text
}

/// The first letter lower case, for a post named inside a sentence ("Du har ansökt om …").
pub fn liten_bokstav(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// The first letter upper case, as a line of the calculation starts.
pub fn stor_bokstav(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

//! The frozen record of a decision: everything its letter prints beyond the posts, stored with
//! the decision once and never recomputed – the unit and the recipient as they were, what the
//! decision rests on, and the calculation line by line with the table and rules it used and
//! every cost as applied and approved with its reason. A reprint in five years reads only this.

use super::Enhet;
use crate::domain::ansokan::Ansokan;
use crate::domain::belopp::Belopp;
use crate::domain::hushall::Adress;
use crate::domain::norm::{Livsforingspost, Rad, Regler, Resultat};
use crate::kodlista;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

kodlista! {
    /// What a decision rests on: the calculation of the need, or a ground that makes a
    /// calculation beside the point.
    pub enum Beslutsgrund {
        Berakning = ("berakning", "Beräkningen av behovet"),
        OfullstandigAnsokan = ("ofullstandig_ansokan", "Ansökan är inte komplett"),
        InteArbetsmarknaden = ("inte_arbetsmarknaden", "Står inte till arbetsmarknadens förfogande"),
    }
}

// The enum comes from `kodlista!`, which takes no attributes on its variants.
#[allow(clippy::derivable_impls)]
impl Default for Beslutsgrund {
    fn default() -> Beslutsgrund {
        Beslutsgrund::Berakning
    }
}

impl Beslutsgrund {
    /// What the letter says the decision rests on when it is not the calculation.
    pub fn grundtext(self) -> Option<&'static str> {
        match self {
            Beslutsgrund::Berakning => None,
            Beslutsgrund::OfullstandigAnsokan => Some(
                "Beslutet grundar sig på att din ansökan inte är komplett. Vi har bett dig komplettera den, men de uppgifter vi behöver för att pröva din rätt till bistånd har inte kommit in. Därför har vi inte räknat på ditt behov.",
            ),
            Beslutsgrund::InteArbetsmarknaden => Some(
                "Beslutet grundar sig på att du inte står till arbetsmarknadens förfogande och inte har något godtagbart skäl till det. Därför har vi inte räknat på ditt behov.",
            ),
        }
    }
}

/// When and to whom the granted money is paid, and the period the decision covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Utbetalning {
    pub fran: chrono::NaiveDate,
    pub till: chrono::NaiveDate,
    /// The day the money is paid.
    pub datum: chrono::NaiveDate,
    /// The client's account, or a landlord or supplier paid directly, in the letter's words.
    pub mottagare: String,
}

/// The recipient as the letter was addressed when the decision was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrusenMottagare {
    /// Both sökande of a couple ("Anna Berglund och Erik Berglund").
    pub namn: String,
    pub adress: Adress,
    pub skyddad: bool,
    /// A couple: the letter goes to both and says "ni".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub par: bool,
}

/// A cost as applied for and as approved, with the reason for any reduction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrusenKostnad {
    pub sak: String,
    pub ansokt: Belopp,
    pub godkant: Belopp,
    pub motivering: String,
}

/// The calculation the decision rests on, as it was on the day of the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrusenBerakning {
    /// The riksnorm year and the table's source, as the table named them.
    pub tabellar: i32,
    pub normtabell_kalla: String,
    /// The unit's rules (jobbstimulans, ceilings) the calculation used.
    pub regler: Regler,
    pub rader: Vec<Rad>,
    pub kostnader: Vec<FrusenKostnad>,
    /// Försörjningsstöd as calculated (rounded to whole kronor).
    pub beviljas: Belopp,
    /// Livsföring i övrigt item by item, with the överskott set against each (absent in records
    /// made before the kinds of cost were data).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub livsforing: Vec<Livsforingspost>,
}

impl FrusenBerakning {
    pub fn fran(r: &Resultat, a: &Ansokan, normtabell_kalla: &str, regler: &Regler) -> FrusenBerakning {
        FrusenBerakning {
            tabellar: r.tabellar,
            normtabell_kalla: normtabell_kalla.to_string(),
            regler: regler.clone(),
            rader: r.rader.clone(),
            kostnader: a
                .underlag
                .kostnader
                .iter()
                .map(|k| FrusenKostnad {
                    sak: if k.avser.is_empty() {
                        k.typ.namn().to_string()
                    } else {
                        format!("{} ({})", k.typ.namn(), k.avser)
                    },
                    ansokt: k.ansokt,
                    godkant: k.godkant_belopp(),
                    motivering: k.motivering.trim().to_string(),
                })
                .collect(),
            beviljas: r.beviljas,
            livsforing: r.livsforing.clone(),
        }
    }
}

/// Everything a decision's letter prints besides the decision row and its posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Beslutsunderlag {
    pub enhet: Enhet,
    pub mottagare: FrusenMottagare,
    pub grund: Beslutsgrund,
    /// The calculation, when the decision rests on it.
    pub berakning: Option<FrusenBerakning>,
    /// The period in dates, the payment day and the payee (absent in the earliest records).
    #[serde(default)]
    pub utbetalning: Option<Utbetalning>,
    /// The application as decided (see [`fingeravtryck`]); another one now means it was
    /// changed after the decision.
    pub ansokan_fingeravtryck: Option<String>,
    /// A grant against repayment: the condition and when and how the client was told.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aterkravsvillkor: Option<super::aterkrav::Aterkravsvillkor>,
    /// The barnkonsekvensanalys per child of an avslag or delavslag on a household with children.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub barnkonsekvenser: Vec<super::barn::Barnbedomning>,
    /// An återkrav decision: what it recovers and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aterkrav: Option<super::aterkrav::Aterkravsuppgifter>,
}

/// A fingerprint of an application's content: equal exactly when every member, cost, income,
/// adjusted norm line and the completeness are the same.
pub fn fingeravtryck(a: &Ansokan) -> String {
    let u = &a.underlag;
    let innehall = serde_json::json!({
        "manad": u.manad.to_string(),
        "medlemmar": u.medlemmar,
        "personer_i_bostaden": u.personer_i_bostaden,
        "kostnader": u.kostnader,
        "inkomster": u.inkomster,
        "justeringar": u.justeringar,
        "komplett": a.komplett,
    });
    Sha256::digest(innehall.to_string().as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

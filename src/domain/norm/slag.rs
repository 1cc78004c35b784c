//! The kinds of cost as data: which part of the assistance each belongs to and how a decision
//! names it in the client's words. Shipped in `data/kostnadsslag.json`, versioned by the date
//! from which a version applies.

use super::poster::Kostnadstyp;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The part of the assistance a cost belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Del {
    /// A reasonable cost within försörjningsstöd (SoL 4 kap. 3 §, 12 kap. 1 § första punkten).
    Forsorjningsstod,
    /// Livsföring i övrigt: assessed item by item, with any överskott set against it.
    Livsforing,
}

/// One kind of cost as the data describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kostnadsslag {
    pub kod: String,
    pub del: Del,
    /// The decision's words for the item; `{avser}` is replaced by what the cost is for.
    pub klientord: String,
    /// The words when nothing is said about what the cost is for.
    #[serde(default)]
    pub utan_avser: String,
    /// The application must say what the cost is for (a debt: to whom and for what).
    #[serde(default)]
    pub avser_kravs: bool,
}

#[derive(Debug, Clone, Deserialize)]
struct Version {
    giltig_fran: NaiveDate,
    slag: Vec<Kostnadsslag>,
}

#[derive(Debug, Clone, Deserialize)]
struct Fil {
    versioner: Vec<Version>,
}

fn levererade() -> &'static [Version] {
    static DATA: OnceLock<Vec<Version>> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut v = serde_json::from_str::<Fil>(include_str!("../../data/kostnadsslag.json"))
            .map(|f| f.versioner)
            .unwrap_or_default();
        v.sort_by_key(|v| v.giltig_fran);
        v
    })
}

/// The kinds in force on `datum` (the newest version that has started; the oldest before any).
pub fn kostnadsslag(datum: NaiveDate) -> &'static [Kostnadsslag] {
    let versioner = levererade();
    versioner
        .iter()
        .rev()
        .find(|v| v.giltig_fran <= datum)
        .or_else(|| versioner.first())
        .map(|v| v.slag.as_slice())
        .unwrap_or(&[])
}

impl Kostnadstyp {
    fn slag(self, datum: NaiveDate) -> Option<&'static Kostnadsslag> {
        kostnadsslag(datum).iter().find(|s| s.kod == self.kod())
    }

    /// The part of the assistance the kind belongs to on `datum`. A kind the data does not
    /// name is försörjningsstöd, as every cost was before the kinds were data.
    pub fn del(self, datum: NaiveDate) -> Del {
        self.slag(datum).map(|s| s.del).unwrap_or(Del::Forsorjningsstod)
    }

    /// Whether the application must say what the cost is for.
    pub fn avser_kravs(self, datum: NaiveDate) -> bool {
        self.slag(datum).is_some_and(|s| s.avser_kravs)
    }

    /// The kinds of one part in the data's order (for choosing in the form).
    pub fn av_del(del: Del, datum: NaiveDate) -> Vec<Kostnadstyp> {
        kostnadsslag(datum).iter().filter(|s| s.del == del).filter_map(|s| Kostnadstyp::fran_kod(&s.kod)).collect()
    }

    /// The item in the client's words: "bistånd till en elskuld hos Ellevio AB", "akut tandvård".
    pub fn klientord(self, avser: &str, datum: NaiveDate) -> String {
        let avser = avser.trim();
        let Some(s) = self.slag(datum) else {
            return self.namn().to_lowercase();
        };
        if s.klientord.contains("{avser}") {
            if avser.is_empty() {
                let utan = if s.utan_avser.is_empty() { self.namn().to_lowercase() } else { s.utan_avser.clone() };
                return utan;
            }
            return s.klientord.replace("{avser}", avser);
        }
        if avser.is_empty() { s.klientord.clone() } else { format!("{} – {avser}", s.klientord) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dag() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
    }

    #[test]
    fn every_kind_is_in_the_data_and_debts_and_dental_care_are_livsforing() {
        for t in Kostnadstyp::ALLA {
            assert!(t.slag(dag()).is_some(), "{} saknas i kostnadsslag.json", t.kod());
        }
        assert_eq!(Kostnadstyp::Boende.del(dag()), Del::Forsorjningsstod);
        assert_eq!(Kostnadstyp::Hushallsel.del(dag()), Del::Forsorjningsstod);
        assert_eq!(Kostnadstyp::Skuld.del(dag()), Del::Livsforing);
        assert_eq!(Kostnadstyp::Tandvard.del(dag()), Del::Livsforing);
        assert!(Kostnadstyp::Skuld.avser_kravs(dag()));
    }

    #[test]
    fn the_client_words_name_what_was_applied_for() {
        assert_eq!(
            Kostnadstyp::Skuld.klientord("elskuld hos Ellevio AB", dag()),
            "bistånd till en elskuld hos Ellevio AB"
        );
        assert_eq!(Kostnadstyp::Skuld.klientord(" ", dag()), "bistånd till en skuld");
        assert_eq!(Kostnadstyp::Tandvard.klientord("", dag()), "akut tandvård");
    }
}

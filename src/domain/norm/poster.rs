//! What goes into a month's calculation: the members, costs outside the norm, incomes, and
//! norm lines adjusted for särskilda skäl.

use crate::domain::belopp::Belopp;
use crate::domain::hushall::Roll;
use crate::domain::manad::Manad;
use crate::kodlista;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

kodlista! {
    /// What an application's cost line is. Which part of the assistance a kind belongs to
    /// (försörjningsstöd or livsföring i övrigt) and the client's words for it are data
    /// (`data/kostnadsslag.json`, see [`super::slag`]).
    pub enum Kostnadstyp {
        Boende = ("boende", "Boende (hyra eller avgift)"),
        Hushallsel = ("hushallsel", "Hushållsel"),
        Arbetsresor = ("arbetsresor", "Arbetsresor"),
        Hemforsakring = ("hemforsakring", "Hemförsäkring"),
        FackAKassa = ("fack_a_kassa", "Fackförening och a-kassa"),
        Barnomsorg = ("barnomsorg", "Barnomsorgsavgift"),
        OvrigKostnad = ("ovrig_kostnad", "Övrig kostnad"),
        Tandvard = ("tandvard", "Akut tandvård"),
        Glasogon = ("glasogon", "Glasögon"),
        LakarvardMedicin = ("lakarvard_medicin", "Läkarvård"),
        Medicin = ("medicin", "Medicin"),
        Hemutrustning = ("hemutrustning", "Hemutrustning"),
        Skuld = ("skuld", "Skuld"),
        Flytt = ("flytt", "Flyttkostnad"),
        Begravning = ("begravning", "Begravningskostnad"),
        AnnatLivsforing = ("annat_livsforing", "Annat"),
    }
}

kodlista! {
    /// Kinds of income, counted or not.
    pub enum Inkomsttyp {
        Lon = ("lon", "Lön"),
        AKassa = ("a_kassa", "A-kassa"),
        Aktivitetsstod = ("aktivitetsstod", "Aktivitetsstöd eller utvecklingsersättning"),
        Etableringsersattning = ("etableringsersattning", "Etableringsersättning"),
        Barnbidrag = ("barnbidrag", "Barnbidrag och studiebidrag"),
        Bostadsbidrag = ("bostadsbidrag", "Bostadsbidrag eller bostadstillägg"),
        Underhallsstod = ("underhallsstod", "Underhållsstöd eller underhållsbidrag"),
        Sjukpenning = ("sjukpenning", "Sjukpenning"),
        Foraldrapenning = ("foraldrapenning", "Föräldrapenning"),
        Sjukersattning = ("sjukersattning", "Sjukersättning eller aktivitetsersättning"),
        Pension = ("pension", "Pension"),
        Studiemedel = ("studiemedel", "Studiemedel (även lånedelen)"),
        Skatteaterbaring = ("skatteaterbaring", "Skatteåterbäring"),
        OvrigInkomst = ("ovrig_inkomst", "Övrig inkomst"),
        Handikappersattning = ("handikappersattning", "Handikappersättning (skattefri)"),
        EjRaknad = ("ej_raknad", "Inkomst som inte räknas"),
    }
}

impl Inkomsttyp {
    /// Whether the income reduces the need (förs upp som inkomst).
    pub fn raknas(self) -> bool {
        !matches!(self, Inkomsttyp::Handikappersattning | Inkomsttyp::EjRaknad)
    }
}

/// A member of the household for the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormMedlem {
    pub roll: Roll,
    pub fodd: NaiveDate,
    #[serde(default)]
    pub namn: String,
    #[serde(default)]
    pub lunch_utanfor_hemmet: bool,
    #[serde(default)]
    pub gar_i_gymnasiet: bool,
    /// First and last day in the household this month, when only part of it (moved, born).
    #[serde(default)]
    pub fran: Option<NaiveDate>,
    #[serde(default)]
    pub till: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kostnad {
    pub typ: Kostnadstyp,
    pub ansokt: Belopp,
    /// The approved amount when it differs from the applied one.
    #[serde(default)]
    pub godkant: Option<Belopp>,
    #[serde(default)]
    pub motivering: String,
    /// What the cost is for, in the client's words (a debt: "elskuld hos Ellevio AB").
    /// Left out of the JSON when empty, so older applications keep their fingerprint.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub avser: String,
}

impl Kostnad {
    pub fn godkant_belopp(&self) -> Belopp {
        self.godkant.unwrap_or(self.ansokt)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inkomst {
    pub typ: Inkomsttyp,
    pub belopp: Belopp,
    /// Index of the member the income belongs to.
    #[serde(default)]
    pub person: Option<usize>,
    /// The särskild beräkningsregel (jobbstimulans) applies: a share of net earned income is
    /// not counted (the person qualifies).
    #[serde(default)]
    pub jobbstimulans: bool,
    /// The month the särskild beräkningsregel started for this person (month 1); it applies at
    /// most `Regler::jobbstimulans_max_manader` months. `None`: not recorded (a warning).
    #[serde(default)]
    pub berakningsregel_fran: Option<Manad>,
    /// A child's earnings earlier in the same calendar year (for the yearly limit).
    #[serde(default)]
    pub tidigare_i_ar: Belopp,
}

/// A norm line that can be adjusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Normrad {
    Vuxna,
    /// The child at this member index.
    Barn(usize),
    Gemensamt,
}

/// A norm line computed higher or lower for särskilda skäl, with the written reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Justering {
    pub rad: Normrad,
    pub belopp: Belopp,
    pub motivering: String,
}

/// Everything the calculation of one month needs besides the table and the unit's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Underlag {
    pub manad: Manad,
    pub medlemmar: Vec<NormMedlem>,
    /// Persons sharing the home when more than the case's members (lodger rule).
    pub personer_i_bostaden: Option<u32>,
    pub kostnader: Vec<Kostnad>,
    pub inkomster: Vec<Inkomst>,
    pub justeringar: Vec<Justering>,
}

/// The unit's rules that are settings, not code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Regler {
    /// Share of net earned income not counted under jobbstimulans (0,25).
    pub jobbstimulans_andel: Decimal,
    /// Months of continuous försörjningsstöd before jobbstimulans applies (shown as guidance).
    pub jobbstimulans_manader: u32,
    /// The särskild beräkningsregel applies for at most this many months from its start
    /// (24 in 4 kap. 1 b § / 12 kap. 8 §).
    #[serde(default = "standard_max_manader")]
    pub jobbstimulans_max_manader: u32,
    /// A child's own earnings are not counted up to this amount per calendar year.
    pub barns_inkomstgrans: Belopp,
    pub barns_inkomstgrans_verifierad: bool,
    /// The unit's ceiling for housing costs, by household type.
    #[serde(default)]
    pub hyrestak: Option<Hyrestak>,
}

/// The highest housing cost the unit normally approves, by number of children.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hyrestak {
    pub utan_barn: Belopp,
    pub ett_barn: Belopp,
    pub tva_barn: Belopp,
    pub per_ytterligare_barn: Belopp,
    /// True while this is the shipped example, not the unit's own figures.
    pub exempel: bool,
}

impl Hyrestak {
    /// The example from norm.md (Malmö 2019, Försäkringskassan's average housing cost): to be
    /// replaced by the unit's own table.
    pub fn exempel() -> Hyrestak {
        Hyrestak {
            utan_barn: Belopp::kronor(6300),
            ett_barn: Belopp::kronor(7625),
            tva_barn: Belopp::kronor(9425),
            per_ytterligare_barn: Belopp::kronor(1800),
            exempel: true,
        }
    }

    pub fn for_barn(&self, barn: usize) -> Belopp {
        match barn {
            0 => self.utan_barn,
            1 => self.ett_barn,
            n => self.tva_barn + self.per_ytterligare_barn * Decimal::from(n as u64 - 2),
        }
    }
}

fn standard_max_manader() -> u32 {
    24
}

impl Default for Regler {
    /// The program's defaults: 25 % after 6 months; the child limit one prisbasbelopp (2026:
    /// 59 200 kr), not verified against the law in force.
    fn default() -> Regler {
        Regler {
            jobbstimulans_andel: Decimal::new(25, 2),
            jobbstimulans_manader: 6,
            jobbstimulans_max_manader: standard_max_manader(),
            barns_inkomstgrans: Belopp::kronor(59_200),
            barns_inkomstgrans_verifierad: false,
            hyrestak: Some(Hyrestak::exempel()),
        }
    }
}

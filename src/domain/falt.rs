//! Which field of a form a validation message belongs to. The key is typed, so a misspelt key
//! is a compile error instead of a message that is never shown at its field.

/// A field of one of the program's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Falt {
    // Registering a household.
    Person(Vem, Personuppgift),
    Relation,
    Gatuadress,
    Postnummer,
    Postort,
    Telefon,
    // A change of the household over time, and its payee and contact details.
    Andring(crate::domain::hushallsandring::Andringsfalt),
    Uppgift(crate::domain::utbetalning::Uppgiftsfalt),
    // An application.
    Manad,
    Inkom,
    Saknas,
    PersonerIBostaden,
    Medlem(usize, Medlemsuppgift),
    Kostnad(usize, Raduppgift),
    Inkomst(usize, Raduppgift),
    Justering(usize, Raduppgift),
    // A decision.
    Period,
    Poster,
    Grund,
    PeriodFran,
    PeriodTill,
    Utbetalningsdag,
    BetalasTill,
    Post(usize, Postuppgift),
    BarnetsBasta,
    /// A child's barnkonsekvensanalys.
    Barn(usize, Barnuppgift),
    Beslutsfattare,
    // A grant's repayment condition, and an återkrav decision.
    AterkravGrund,
    AterkravForman,
    AterkravFormanPeriod,
    AterkravVillkor,
    AterkravUnderrattadDen,
    AterkravUnderrattadHur,
    AterkravFormanUtbetalt,
    AterkravBelopp,
    AterkravFakta,
    // A journal entry.
    Datum,
    Rubrik,
    Text,
    // A förändringsplan.
    Fritext(usize),
    Steg(usize, Steguppgift),
    Uppfoljningsdag(usize),
    // Agreeing a plan.
    Overenskommen,
    EjSigneradOrsak,
}

/// A part of one child's barnkonsekvensanalys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Barnuppgift {
    Paverkan,
    Asikt,
    Vagt,
    Slutsats,
}

/// Whose personal details in the household form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vem {
    Sokande,
    Medsokande,
    Barn(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Personuppgift {
    Pnr,
    Fornamn,
    Efternamn,
}

/// A member of the household as the application counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Medlemsuppgift {
    Fodd,
    Fran,
    Till,
    Roll,
}

/// A column of the application's tables of costs, incomes and adjusted norm lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Raduppgift {
    Typ,
    Ansokt,
    Godkant,
    Belopp,
    TidigareIAr,
    /// The start month of the särskild beräkningsregel.
    Startmanad,
    Normpost,
    Motivering,
    /// What a cost is for (a debt: to whom and for what).
    Avser,
}

/// An item of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Postuppgift {
    Sak,
    Ansokt,
    Beviljat,
    Motivering,
    Aterkrav,
}

/// A step of the plan ("du kommer att ta följande steg").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Steguppgift {
    Vad,
    Senast,
}

impl Falt {
    /// The row of a table field (a cost, an income, an adjustment, a member, an item, a step).
    pub fn rad(self) -> Option<usize> {
        match self {
            Falt::Medlem(i, _)
            | Falt::Kostnad(i, _)
            | Falt::Inkomst(i, _)
            | Falt::Justering(i, _)
            | Falt::Post(i, _)
            | Falt::Steg(i, _)
            | Falt::Uppfoljningsdag(i) => Some(i),
            _ => None,
        }
    }
}

/// A validation message tied to its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaltFel {
    pub falt: Falt,
    pub text: String,
}

impl FaltFel {
    pub fn new(falt: Falt, text: impl Into<String>) -> FaltFel {
        FaltFel { falt, text: text.into() }
    }
}

/// Finds the message for a field, if any.
pub fn fel_for(fel: &[FaltFel], falt: Falt) -> Option<&str> {
    fel.iter().find(|f| f.falt == falt).map(|f| f.text.as_str())
}

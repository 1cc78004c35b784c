//! What a decided item cost the unit, by kind: försörjningsstöd, each kind of livsföring i
//! övrigt, and emergency housing. A decision's item is free text (`sak`), so the kind is read
//! from its words; an item that names nothing known counts as other livsföring.

use crate::kodlista;

kodlista! {
    /// The kinds of cost the unit follows month by month.
    pub enum Kostnadsslag {
        Forsorjningsstod = ("forsorjningsstod", "Försörjningsstöd"),
        Tandvard = ("tandvard", "Tandvård"),
        Glasogon = ("glasogon", "Glasögon"),
        Hemutrustning = ("hemutrustning", "Hemutrustning"),
        LakarvardMedicin = ("lakarvard", "Läkarvård och medicin"),
        AnnanLivsforing = ("annan_livsforing", "Annan livsföring"),
        Akutboende = ("akutboende", "Akut boende"),
    }
}

impl Kostnadsslag {
    /// The kind of a decided item, from the words of its `sak`.
    pub fn av_sak(sak: &str) -> Kostnadsslag {
        let s = sak.to_lowercase();
        let har = |ord: &[&str]| ord.iter().any(|o| s.contains(o));
        if har(&["akutboende", "akut boende", "jourboende", "nödboende", "härbärge", "hotell", "vandrarhem"]) {
            Kostnadsslag::Akutboende
        } else if har(&["försörjningsstöd"]) {
            Kostnadsslag::Forsorjningsstod
        } else if har(&["tand"]) {
            Kostnadsslag::Tandvard
        } else if har(&["glasögon", "linser"]) {
            Kostnadsslag::Glasogon
        } else if har(&["hemutrustning", "möbler", "säng"]) {
            Kostnadsslag::Hemutrustning
        } else if har(&["läkar", "medicin", "sjukvård", "läkemedel"]) {
            Kostnadsslag::LakarvardMedicin
        } else {
            Kostnadsslag::AnnanLivsforing
        }
    }

    pub fn index(self) -> usize {
        Kostnadsslag::ALLA.iter().position(|k| *k == self).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::Kostnadsslag::*;
    use super::*;

    #[test]
    fn items_are_sorted_by_their_words() {
        assert_eq!(Kostnadsslag::av_sak("Försörjningsstöd"), Forsorjningsstod);
        assert_eq!(Kostnadsslag::av_sak("Akut tandvård"), Tandvard);
        assert_eq!(Kostnadsslag::av_sak("Akutboende vecka 12"), Akutboende);
        assert_eq!(Kostnadsslag::av_sak("Glasögon till barnet"), Glasogon);
        assert_eq!(Kostnadsslag::av_sak("Begravningskostnad"), AnnanLivsforing);
    }
}

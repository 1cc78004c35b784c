//! The posts a new decision starts with, built from the calculation: one for försörjningsstöd
//! and one per item of livsföring i övrigt, in the client's words, with the amounts and the
//! reason that follow from the calculation. The caseworker changes them only where she decides
//! otherwise.

use super::Beslutspost;
use crate::domain::belopp::Belopp;
use crate::domain::klarsprak::kronor;
use crate::domain::norm::{Livsforingspost, Resultat, stor_bokstav};

/// The posts as the calculation proposes them. `forsorjning_ansokt` is försörjningsstöd as
/// applied for; `beraknat` false (an incomplete application) proposes nothing granted.
pub fn fran_berakning(r: &Resultat, forsorjning_ansokt: Belopp, beraknat: bool) -> Vec<Beslutspost> {
    let beviljat = if beraknat { r.beviljas } else { Belopp::NOLL };
    let mut poster = vec![Beslutspost {
        sak: "Försörjningsstöd".into(),
        ansokt: forsorjning_ansokt.max(beviljat),
        beviljat,
        motivering: String::new(),
        utover_ratten: false,
        mot_aterkrav: None,
    }];
    poster.extend(r.livsforing.iter().map(|p| livsforingspost(p, beraknat)));
    poster
}

/// A livsföring item as a decision post (`beraknat` false: nothing granted, no reason yet).
pub fn livsforingspost(p: &Livsforingspost, beraknat: bool) -> Beslutspost {
    Beslutspost {
        sak: stor_bokstav(&p.sak),
        ansokt: p.ansokt,
        beviljat: if beraknat { p.beviljas } else { Belopp::NOLL },
        motivering: if beraknat { skal(p) } else { String::new() },
        utover_ratten: false,
        mot_aterkrav: None,
    }
}

/// Why less than applied for follows from the calculation, in plain words.
fn skal(p: &Livsforingspost) -> String {
    let mut delar = Vec::new();
    if p.godkant < p.ansokt {
        let varfor = if p.motivering.is_empty() { String::new() } else { format!(": {}", p.motivering) };
        delar.push(format!("Vi bedömer att {} är en skälig kostnad{varfor}.", kronor(p.godkant)));
    }
    if p.avraknat > Belopp::NOLL {
        delar.push(format!(
            "Hushållets inkomster är högre än behovet av försörjningsstöd. Därför räknar vi av {} av det som blir över mot kostnaden.",
            kronor(p.avraknat)
        ));
    }
    delar.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::norm::Kostnadstyp;

    fn post(ansokt: i64, godkant: i64, avraknat: i64, motivering: &str) -> Livsforingspost {
        Livsforingspost {
            typ: Kostnadstyp::Tandvard,
            sak: "akut tandvård".into(),
            ansokt: Belopp::kronor(ansokt),
            godkant: Belopp::kronor(godkant),
            avraknat: Belopp::kronor(avraknat),
            beviljas: Belopp::kronor(godkant - avraknat),
            motivering: motivering.into(),
        }
    }

    #[test]
    fn a_livsforing_post_says_why_it_gets_less_in_plain_words() {
        let p = livsforingspost(&post(2400, 2000, 500, "kronan ingår inte"), true);
        assert_eq!(p.sak, "Akut tandvård");
        assert_eq!(p.beviljat, Belopp::kronor(1500));
        assert!(p.motivering.contains("2 000 kr är en skälig kostnad: kronan ingår inte"), "{}", p.motivering);
        assert!(p.motivering.contains("räknar vi av 500 kr"), "{}", p.motivering);
        assert!(!p.motivering.contains("Du har ansökt om"));
        assert_eq!(livsforingspost(&post(2400, 2400, 0, ""), true).motivering, "");
        assert_eq!(livsforingspost(&post(2400, 2400, 0, ""), false).beviljat, Belopp::NOLL);
    }
}

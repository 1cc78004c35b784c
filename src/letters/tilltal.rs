//! Addressing a couple: both sökande receive the decision letter, and it says "ni" to them.
//! The letter texts are written to one person ("du"); this turns the pronouns to the plural.

use super::layout::Block;

/// The singular pronoun and its plural, as whole words.
const PAR: &[(&str, &str)] = &[
    ("du", "ni"),
    ("Du", "Ni"),
    ("dig", "er"),
    ("Dig", "Er"),
    ("din", "er"),
    ("Din", "Er"),
    ("ditt", "ert"),
    ("Ditt", "Ert"),
    ("dina", "era"),
    ("Dina", "Era"),
    ("själv", "själva"),
    ("nöjd", "nöjda"),
];

/// `text` said to two people instead of one.
pub fn till_ni(text: &str) -> String {
    let mut ut = String::with_capacity(text.len());
    let mut ord = String::new();
    let flush = |ord: &mut String, ut: &mut String| {
        let byt = PAR.iter().find(|(en, _)| *en == ord.as_str()).map(|(_, flera)| *flera);
        ut.push_str(byt.unwrap_or(ord));
        ord.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            ord.push(c);
        } else {
            flush(&mut ord, &mut ut);
            ut.push(c);
        }
    }
    flush(&mut ord, &mut ut);
    ut
}

/// Every text of the letter's blocks said to two people.
pub fn block_till_ni(block: Vec<Block>) -> Vec<Block> {
    block
        .into_iter()
        .map(|b| match b {
            Block::Rubrik(t) => Block::Rubrik(till_ni(&t)),
            Block::Underrubrik(t) => Block::Underrubrik(till_ni(&t)),
            Block::Stycke(t) => Block::Stycke(till_ni(&t)),
            Block::Fakta(a, b) => Block::Fakta(till_ni(&a), till_ni(&b)),
            annat => annat,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn du_becomes_ni_only_as_whole_words() {
        assert_eq!(
            till_ni("Du har ansökt om bistånd. Vi har bett dig komplettera din ansökan med dina kvitton, dumt nog."),
            "Ni har ansökt om bistånd. Vi har bett er komplettera er ansökan med era kvitton, dumt nog."
        );
        assert_eq!(till_ni("Ditt beslut gäller du själv."), "Ert beslut gäller ni själva.");
    }
}

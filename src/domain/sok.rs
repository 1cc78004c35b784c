//! Case search as the list does it: one search text per case, and the query split into tokens
//! that must each match in it: a token of three characters or more anywhere inside a word
//! ("ström" finds Engström, "lund" Söderlund), a shorter one at the start of a word (so "an"
//! does not find every name with an "an" in it). Personnummer match in any spelling.

/// Tokens at least this long match anywhere inside a word; shorter ones at a word's start.
pub const DELORD_FRAN: usize = 3;

/// Builds the search text of a case: the ärendenummer (with and without dash), each person's
/// personnummer as 12 and as 10 digits, their names and the household's street address in
/// lower case (pass "" for a household with protected identity: its address must never lead a
/// search to it). Every word starts after a space, so a token matches "the start of a word"
/// with `LIKE '% token%'`.
pub fn sokindex<'a>(
    arendenummer: &str,
    personer: impl IntoIterator<Item = (&'a str, &'a str)>,
    gatuadress: &str,
) -> String {
    let mut s = format!(" {} {}", arendenummer, arendenummer.replace('-', ""));
    for (pnr12, namn) in personer {
        s.push(' ');
        s.push_str(pnr12);
        if pnr12.len() == 12 {
            s.push(' ');
            s.push_str(&pnr12[2..]);
        }
        for word in namn.split_whitespace() {
            s.push(' ');
            s.push_str(&word.to_lowercase());
            // Double names ("Lind-Ek", "O'Neill") are also found by their later parts.
            for part in word.split(|c: char| !c.is_alphanumeric()).skip(1).filter(|p| !p.is_empty()) {
                s.push(' ');
                s.push_str(&part.to_lowercase());
            }
        }
    }
    for word in gatuadress.split_whitespace() {
        s.push(' ');
        s.push_str(&word.to_lowercase());
    }
    s.push(' ');
    s
}

/// Splits what the user typed into tokens. A personnummer loses its separator so that every
/// spelling matches; an ärendenummer (`2026-0142`) keeps its dash.
pub fn tokens(fraga: &str) -> Vec<String> {
    fraga
        .split_whitespace()
        .map(|t| {
            let t = t.to_lowercase();
            let is_number = t.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '+');
            let looks_like_arendenummer =
                t.len() >= 5 && t.as_bytes()[4] == b'-' && t.len() <= 9 && t.matches('-').count() == 1;
            if is_number && !looks_like_arendenummer { t.chars().filter(|c| c.is_ascii_digit()).collect() } else { t }
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// True when every token is in the index by the rule above (the same rule the store applies in
/// SQL through its full-text indexes).
pub fn matchar(index: &str, tokens: &[String]) -> bool {
    tokens.iter().all(|t| if ar_delord(t) { index.contains(t.as_str()) } else { index.contains(&format!(" {t}")) })
}

/// Whether a token matches anywhere inside a word (rather than at its start): three characters
/// or more with a letter among them. Numbers keep matching from their start, so "1234" does not
/// find every personnummer that happens to contain those digits.
pub fn ar_delord(token: &str) -> bool {
    token.chars().count() >= DELORD_FRAN && token.chars().any(char::is_alphabetic)
}

/// Swedish alphabetical order, as in a telephone directory: a–z, then å, ä, ö; case and accents
/// otherwise ignored (é as e, ü as y, æ as ä, ø as ö). Equal keys fall back to the exact text.
pub fn jamfor_svenskt(a: &str, b: &str) -> std::cmp::Ordering {
    fn nyckel(s: &str) -> impl Iterator<Item = u32> + '_ {
        s.chars().flat_map(char::to_lowercase).map(|c| match c {
            'å' => 'z' as u32 + 1,
            'ä' | 'æ' => 'z' as u32 + 2,
            'ö' | 'ø' => 'z' as u32 + 3,
            'á' | 'à' | 'â' => 'a' as u32,
            'é' | 'è' | 'ê' | 'ë' => 'e' as u32,
            'í' | 'ì' | 'î' | 'ï' => 'i' as u32,
            'ó' | 'ò' | 'ô' => 'o' as u32,
            'ú' | 'ù' | 'û' => 'u' as u32,
            'ü' => 'y' as u32,
            c => c as u32,
        })
    }
    nyckel(a).cmp(nyckel(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> String {
        sokindex(
            "2026-0142",
            [("198504021234", "Anna Lind-Ek"), ("198701159876", "Olle Engström")],
            "Söderlundsvägen 4",
        )
    }

    fn hit(q: &str) -> bool {
        matchar(&index(), &tokens(q))
    }

    #[test]
    fn personnummer_in_any_spelling() {
        for q in ["198504021234", "19850402-1234", "8504021234", "850402-1234", "850402+1234", "8504", "19850402"] {
            assert!(hit(q), "{q}");
        }
        assert!(!hit("850403"));
        assert!(!hit("1234"), "a match must start at the beginning of the number");
    }

    #[test]
    fn arendenummer_and_name_parts() {
        assert!(hit("2026-0142"));
        assert!(hit("2026-01"));
        assert!(hit("20260142"));
        assert!(hit("anna"));
        assert!(hit("ANN lind"));
        assert!(hit("ek"));
        assert!(hit("engström olle"));
        assert!(!hit("anna berg"));
        assert!(!hit("nn"), "two letters match only at the start of a word");
    }

    #[test]
    fn three_letters_or_more_match_inside_names_and_the_street() {
        assert!(hit("ström"), "Engström");
        assert!(hit("nna"));
        assert!(hit("STRÖM anna"));
        assert!(hit("lund"), "Söderlundsvägen");
        assert!(hit("vägen 4"));
        assert!(!hit("strom"), "ö is not o");
        assert!(!hit("0142x"));
        assert!(!hit("lund berg"));
    }

    #[test]
    fn a_protected_address_is_not_in_the_search_text() {
        let skyddad = sokindex("2026-0001", [("198504021234", "Anna Lind")], "");
        assert!(!matchar(&skyddad, &tokens("vägen")));
        assert!(matchar(&skyddad, &tokens("lind")));
    }

    #[test]
    fn names_sort_in_swedish_order() {
        let mut namn =
            vec!["Öberg", "åberg", "Zetterberg", "Ärlig", "adolfsson", "Émile", "Müller", "Eriksson", "Yngve"];
        namn.sort_by(|a, b| jamfor_svenskt(a, b));
        assert_eq!(
            namn,
            ["adolfsson", "Émile", "Eriksson", "Müller", "Yngve", "Zetterberg", "åberg", "Ärlig", "Öberg"]
        );
    }
}

//! The unit's phrase library for motiveringar: standard paragraphs with placeholders that the
//! caseworker picks and then edits freely.

use super::Utfall;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Fras {
    pub id: String,
    pub rubrik: String,
    /// The outcomes the phrase fits (codes: bifall, delavslag, avslag).
    pub utfall: Vec<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Frasbibliotek {
    pub fraser: Vec<Fras>,
}

/// What the placeholders are filled with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Platshallare {
    pub namn: String,
    pub belopp: String,
    pub period: String,
    pub post: String,
}

pub fn levererade_fraser() -> Frasbibliotek {
    serde_json::from_str(include_str!("../../data/fraser.json")).unwrap_or(Frasbibliotek { fraser: vec![] })
}

impl Frasbibliotek {
    /// The phrases that fit an outcome, in library order.
    pub fn for_utfall(&self, utfall: Utfall) -> impl Iterator<Item = &Fras> {
        self.fraser.iter().filter(move |f| f.utfall.iter().any(|u| u == utfall.kod()))
    }
}

impl Frasbibliotek {
    /// Checks a library the unit edited: every phrase needs a heading, a text and an outcome.
    pub fn kontrollera(&self) -> Result<(), String> {
        for (i, f) in self.fraser.iter().enumerate() {
            if f.rubrik.trim().is_empty() || f.text.trim().is_empty() {
                return Err(format!("Fras {} saknar rubrik eller text.", i + 1));
            }
            if !f.utfall.iter().any(|u| Utfall::fran_kod(u).is_some()) {
                return Err(format!(
                    "Frasen \"{}\" måste passa minst ett utfall (bifall, delavslag eller avslag).",
                    f.rubrik
                ));
            }
        }
        Ok(())
    }
}

/// The facts a phrase leaves for the caseworker, written `[ange: what]`: the first one still in
/// `text`, if any (what is missing, since when, which activity was offered and when, which
/// reasonable level and since when).
pub fn ofylld_platshallare(text: &str) -> Option<&str> {
    let start = text.find("[ange:")?;
    let rest = &text[start + "[ange:".len()..];
    Some(rest.split(']').next().unwrap_or(rest).trim())
}

/// `text` with the fact placeholder `[ange: vad]` replaced by `varde`.
pub fn fyll_i_fakta(text: &str, vad: &str, varde: &str) -> String {
    text.replace(&format!("[ange: {vad}]"), varde)
}

impl Fras {
    /// The text with `{namn}`, `{belopp}`, `{period}` and `{post}` filled in; unknown braces stay.
    pub fn fyll_i(&self, p: &Platshallare) -> String {
        self.text
            .replace("{namn}", &p.namn)
            .replace("{belopp}", &p.belopp)
            .replace("{period}", &p.period)
            .replace("{post}", &p.post)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_library_has_phrases_for_every_outcome_and_fills_them_in() {
        let b = levererade_fraser();
        for u in [Utfall::Bifall, Utfall::Delavslag, Utfall::Avslag] {
            assert!(b.for_utfall(u).count() >= 2, "{u:?}");
        }
        let f = b.fraser.iter().find(|f| f.id == "delavslag_hyra").unwrap();
        let text = f.fyll_i(&Platshallare {
            namn: "Vera".into(),
            belopp: "7 500,00 kr".into(),
            period: "2026-12".into(),
            post: "försörjningsstöd".into(),
        });
        assert!(text.contains("du beviljas 7 500,00 kr"));
        assert!(text.contains("för 2026-12"));
        assert!(!text.contains('{'));
        // The facts are left for the caseworker, and are found until filled in.
        assert_eq!(ofylld_platshallare(&text), Some("hyran per månad"));
        let mut t = text.clone();
        while let Some(vad) = ofylld_platshallare(&t).map(str::to_string) {
            t = fyll_i_fakta(&t, &vad, "X");
        }
        assert!(!t.contains("[ange:") && t.contains("Din hyra är X"));
    }
}

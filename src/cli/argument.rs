//! The command line read into a [`Kommando`]: every option is checked against the options the
//! command takes, so nothing the user wrote is silently ignored.

use super::{Kommando, hjalp_for};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::PathBuf;

/// Every option, and for one that takes a value, what to say when the value is missing.
const FLAGGOR: &[(&str, Option<&str>)] = &[
    ("--db", Some("--db behöver en sökväg till databasfilen.")),
    ("--hushall", Some("--hushall behöver ett antal, t.ex. --hushall 200.")),
    ("--manader", Some("--manader behöver ett antal månader, t.ex. --manader 24.")),
    ("--ovning", None),
    ("--matstart", None),
    ("--lista", None),
    ("--intervju", Some("--intervju behöver ett id.")),
    ("--fran", Some("--fran behöver en sökväg till säkerhetskopian eller databasfilen.")),
    ("--till", Some("--till behöver enhetens databas som en postgres://-adress.")),
    ("--roll", Some("--roll behöver namnet på programmets roll på servern, t.ex. --roll bistand_app.")),
    ("--beslut", Some("--beslut behöver ett beslutsnummer (id).")),
    ("--arende", Some("--arende behöver ett ärendenummer, t.ex. 2026-0001.")),
    ("--typ", Some("--typ behöver en brevtyp: kallelse, komplettering, handlaggare, avslut eller aterkrav.")),
    ("--ut", Some("--ut behöver en sökväg till filen som ska skrivas.")),
    ("--in", Some("--in behöver en sökväg till en JSON-fil.")),
    ("--manad", Some("--manad behöver en månad, t.ex. --manad 2026-10.")),
    ("--databas", Some("--databas behöver en sökväg till databasfilen eller en postgres://-adress.")),
    ("--enhet", Some("--enhet behöver enhetens namn.")),
    ("--dag", Some("--dag behöver ett datum, t.ex. --dag 2026-11-25.")),
    ("--anvandare", Some("--anvandare behöver ett inloggningsnamn, t.ex. --anvandare ulrika.")),
    ("--period", Some("--period behöver ett år, ett tertial eller en månad, t.ex. --period 2026-T1.")),
    ("--handlaggare", Some("--handlaggare behöver handläggarens namn som det står på ärendena.")),
    ("--skrivare", Some("--skrivare behöver skrivarens namn, t.ex. --skrivare \"Kontor plan 3\".")),
];

/// The options each command takes; `None` is starting the window. `--help` and `--version` go
/// with every command.
const TILLATNA: &[(Option<&str>, &[&str])] = &[
    (None, &["--db", "--ovning", "--matstart"]),
    (Some("demo"), &["--db", "--hushall", "--manader"]),
    (Some("kontroll"), &["--db"]),
    (Some("beslut"), &["--db", "--lista", "--anvandare"]),
    (Some("brev"), &["--db", "--beslut", "--arende", "--typ", "--manad", "--ut", "--skrivare", "--anvandare"]),
    (Some("plan"), &["--db", "--arende", "--ut", "--anvandare"]),
    (Some("fia"), &["--db", "--intervju", "--ut", "--anvandare"]),
    (Some("anvandare"), &["--db", "--lista"]),
    (Some("sakerhetskopia"), &["--db", "--ut"]),
    (Some("aterstall"), &["--fran", "--db"]),
    (Some("flytta"), &["--fran", "--till"]),
    (Some("behorighet"), &["--db", "--roll"]),
    (Some("berakna"), &["--in"]),
    (Some("hjalp"), &[]),
    (Some("installning"), &["--databas", "--enhet"]),
    (Some("sok"), &["--db", "--anvandare"]),
    (Some("utbetalning"), &["--db", "--dag", "--ut", "--anvandare"]),
    (Some("hushall"), &["--db", "--arende", "--anvandare"]),
    (Some("rapport"), &["--db", "--period", "--ut", "--handlaggare", "--anvandare"]),
    (Some("__spara-i-loop"), &["--db"]),
];

/// The arguments as text; an argument that is not UTF-8 (a file name in another encoding) is
/// refused instead of crashing the program.
pub fn argument_som_text(args: impl IntoIterator<Item = OsString>) -> Result<Vec<String>, String> {
    args.into_iter()
        .map(|a| {
            a.into_string().map_err(|a| {
                format!(
                    "Argumentet \"{}\" innehåller tecken som inte är giltig text (UTF-8). Byt namn på filen \
                     eller mappen så att den bara har vanliga tecken och försök igen.",
                    a.to_string_lossy()
                )
            })
        })
        .collect()
}

/// Interprets the arguments (without the program name).
pub fn tolka(args: &[String]) -> Result<Kommando, String> {
    let mut it = args.iter().map(String::as_str).peekable();
    let sub = match it.peek() {
        Some(a) if !a.starts_with('-') => it.next(),
        _ => None,
    };
    let Some(tillatna) = TILLATNA.iter().find(|(k, _)| *k == sub).map(|(_, t)| *t) else {
        return Err(format!("Okänt kommando \"{}\". Skriv bistand --help för en lista.", sub.unwrap_or_default()));
    };
    let mut givna = Givna::default();
    while let Some(arg) = it.next() {
        match arg {
            "--help" | "-h" | "--hjalp" => return Ok(Kommando::Hjalp(hjalp_for(sub).into())),
            "--version" | "-V" => return Ok(Kommando::Version),
            a if sub == Some("hjalp") && !a.starts_with('-') && givna.amne.is_none() => givna.amne = Some(a.into()),
            a if sub == Some("sok") && !a.starts_with("--") => givna.fritext.push(a.into()),
            a => {
                let Some(&(namn, saknas)) = FLAGGOR.iter().find(|(n, _)| *n == a) else {
                    return Err(format!("Okänt argument \"{a}\". Skriv bistand --help för hjälp."));
                };
                if !tillatna.contains(&namn) {
                    return Err(inte_med(namn, sub));
                }
                let varde = match saknas {
                    Some(text) => it.next().filter(|v| !v.is_empty()).ok_or(text)?,
                    None => "",
                };
                if givna.varden.insert(namn, varde.to_string()).is_some() {
                    return Err(format!("{namn} är angivet mer än en gång."));
                }
            }
        }
    }
    bygg(sub, &givna)
}

/// The login name the command line gives with `--anvandare` (checked by [`tolka`]).
pub fn anvandare_i(args: &[String]) -> Option<String> {
    let i = args.iter().position(|a| a == "--anvandare")?;
    args.get(i + 1).filter(|v| !v.is_empty()).cloned()
}

/// Why an option does not go with the command, and which commands it goes with.
fn inte_med(namn: &str, sub: Option<&str>) -> String {
    let med: Vec<&str> = TILLATNA
        .iter()
        .filter(|(k, t)| t.contains(&namn) && !k.is_some_and(|k| k.starts_with('_')))
        .map(|(k, _)| k.unwrap_or("programstart"))
        .collect();
    format!("{namn} kan inte användas med {}; det används bara med {}.", sub.unwrap_or("programstart"), med.join(", "))
}

/// The options the user gave, each at most once, with their values (empty for a flag).
#[derive(Default)]
struct Givna {
    varden: BTreeMap<&'static str, String>,
    /// `bistand hjalp KOMMANDO`.
    amne: Option<String>,
    /// `bistand sok … TEXT`: the words searched for.
    fritext: Vec<String>,
}

impl Givna {
    fn har(&self, namn: &str) -> bool {
        self.varden.contains_key(namn)
    }

    fn text(&self, namn: &str) -> Option<String> {
        self.varden.get(namn).cloned()
    }

    fn sokvag(&self, namn: &str) -> Option<PathBuf> {
        self.varden.get(namn).map(PathBuf::from)
    }

    fn krav(&self, namn: &str, kommando: &str) -> Result<PathBuf, String> {
        self.sokvag(namn).ok_or_else(|| {
            let vad = if namn == "--db" { "SÖKVÄG" } else { "FIL" };
            format!("{kommando} behöver {namn} {vad}. Skriv bistand {kommando} --help för hjälp.")
        })
    }

    /// A whole number in `min..=max`; `grans` says the range in words.
    fn heltal<T>(&self, namn: &str, min: T, max: T, grans: &str) -> Result<Option<T>, String>
    where
        T: std::str::FromStr + PartialOrd,
    {
        let Some(v) = self.varden.get(namn) else { return Ok(None) };
        let siffror = v.strip_prefix('-').unwrap_or(v);
        let n: T = v.parse().map_err(|_| {
            if !siffror.is_empty() && siffror.bytes().all(|b| b.is_ascii_digit()) {
                format!("{namn} måste vara {grans}.")
            } else {
                format!("{namn} måste vara ett heltal, inte \"{v}\".")
            }
        })?;
        if n < min || n > max {
            return Err(format!("{namn} måste vara {grans}."));
        }
        Ok(Some(n))
    }

    fn id(&self, namn: &str) -> Result<Option<i64>, String> {
        self.heltal(namn, 1, i64::MAX, "ett positivt heltal")
    }
}

fn bygg(sub: Option<&str>, g: &Givna) -> Result<Kommando, String> {
    Ok(match sub {
        None => {
            if g.har("--ovning") && g.har("--db") {
                return Err("Välj antingen --db eller --ovning, inte båda.".into());
            }
            Kommando::Starta { db: g.sokvag("--db"), ovning: g.har("--ovning"), matstart: g.har("--matstart") }
        }
        Some("demo") => Kommando::Demo {
            db: g.krav("--db", "demo")?,
            hushall: g.heltal("--hushall", 1, 1_000_000, "mellan 1 och 1 000 000")?.unwrap_or(12),
            manader: g.heltal("--manader", 0, 120, "mellan 0 och 120")?.unwrap_or(0),
        },
        Some("kontroll") => Kommando::Kontroll { db: g.krav("--db", "kontroll")? },
        Some("hushall") => Kommando::Hushall {
            db: g.krav("--db", "hushall")?,
            arende: g.text("--arende").ok_or("hushall behöver --arende NR, t.ex. --arende 2026-0001.")?,
        },
        Some("anvandare") => {
            if !g.har("--lista") {
                return Err("anvandare behöver --lista. Skriv bistand --help för hjälp.".into());
            }
            Kommando::AnvandarLista { db: g.krav("--db", "anvandare")? }
        }
        Some("beslut") => {
            if !g.har("--lista") {
                return Err("beslut behöver --lista. Skriv bistand beslut --help för hjälp.".into());
            }
            Kommando::BeslutLista { db: g.krav("--db", "beslut")? }
        }
        Some("brev") => bygg_brev(g)?,
        Some("plan") => Kommando::Plan {
            db: g.krav("--db", "plan")?,
            arende: g.text("--arende").ok_or("plan behöver --arende NR.")?,
            ut: g.krav("--ut", "plan")?,
        },
        Some("fia") => Kommando::Fia {
            db: g.krav("--db", "fia")?,
            intervju: g.id("--intervju")?.ok_or("fia behöver --intervju ID.")?,
            ut: g.krav("--ut", "fia")?,
        },
        Some(k @ ("sakerhetskopia" | "aterstall" | "flytta" | "behorighet" | "__spara-i-loop")) => {
            bygg_underhall(k, g)?
        }
        Some("berakna") => Kommando::Berakna { indata: g.sokvag("--in") },
        Some("hjalp") => Kommando::Hjalp(hjalp_for(g.amne.as_deref()).into()),
        Some("installning") => {
            if !g.har("--databas") && !g.har("--enhet") {
                return Err("installning behöver --databas, --enhet eller båda.".into());
            }
            Kommando::Installning { databas: g.text("--databas"), enhet: g.text("--enhet") }
        }
        Some("sok") => {
            let fraga = g.fritext.join(" ");
            if fraga.trim().is_empty() {
                return Err("sok behöver en text att söka efter, t.ex. bistand sok --db SÖKVÄG ström.".into());
            }
            Kommando::Sok { db: g.krav("--db", "sok")?, fraga }
        }
        Some("utbetalning") => {
            let dag = g.text("--dag").ok_or("utbetalning behöver --dag ÅÅÅÅ-MM-DD.")?;
            let dag = chrono::NaiveDate::parse_from_str(&dag, "%Y-%m-%d")
                .map_err(|_| format!("--dag måste vara ett datum som ÅÅÅÅ-MM-DD, inte \"{dag}\"."))?;
            Kommando::Utbetalning { db: g.krav("--db", "utbetalning")?, dag, ut: g.krav("--ut", "utbetalning")? }
        }
        Some("rapport") => Kommando::Rapport {
            db: g.krav("--db", "rapport")?,
            period: crate::domain::statistik::Period::parse(
                &g.text("--period").ok_or("rapport behöver --period, t.ex. --period 2026-T1.")?,
            )
            .map_err(|e| format!("--period: {e}"))?,
            mapp: g.krav("--ut", "rapport")?,
            handlaggare: g.text("--handlaggare"),
        },
        Some(other) => return Err(format!("Okänt kommando \"{other}\". Skriv bistand --help för en lista.")),
    })
}

/// The maintenance commands: backup, restore, moving to the server, the program's rights there,
/// the crash test's save loop.
fn bygg_underhall(sub: &str, g: &Givna) -> Result<Kommando, String> {
    Ok(match sub {
        "sakerhetskopia" => {
            Kommando::Sakerhetskopia { db: g.krav("--db", "sakerhetskopia")?, ut: g.krav("--ut", "sakerhetskopia")? }
        }
        "aterstall" => Kommando::Aterstall { fran: g.krav("--fran", "aterstall")?, db: g.krav("--db", "aterstall")? },
        "flytta" => Kommando::Flytta {
            fran: g.krav("--fran", "flytta")?,
            till: g.text("--till").ok_or("flytta behöver --till postgres://ANVÄNDARE@SERVER/DATABAS.")?,
        },
        "behorighet" => Kommando::Behorighet {
            db: g.text("--db").ok_or("behorighet behöver --db postgres://ÄGARE@SERVER/DATABAS.")?,
            roll: g.text("--roll").ok_or("behorighet behöver --roll NAMN, t.ex. --roll bistand_app.")?,
        },
        _ => Kommando::SparaILoop { db: g.krav("--db", "__spara-i-loop")? },
    })
}

/// `brev`: a decision's letter (`--beslut`, optionally `--typ aterkrav`) or a case's letter
/// (`--arende` with `--typ`).
fn bygg_brev(g: &Givna) -> Result<Kommando, String> {
    let beslut = g.id("--beslut")?;
    let db = g.krav("--db", "brev")?;
    let ut = g.krav("--ut", "brev")?;
    let skrivare = g.text("--skrivare");
    if let Some(manad) = g.text("--manad") {
        if beslut.is_some() || g.har("--arende") || g.har("--typ") || skrivare.is_some() {
            return Err(
                "brev --manad skriver månadens alla beslutsbrev till en mapp och tar inte --beslut, --arende, --typ \
                 eller --skrivare."
                    .into(),
            );
        }
        let manad = crate::domain::manad::Manad::parse(&manad).map_err(|e| format!("--manad: {e}"))?;
        return Ok(Kommando::Manadsbrev { db, manad, mapp: ut });
    }
    match (beslut, g.text("--arende"), g.text("--typ")) {
        (Some(beslut), None, None) => Ok(Kommando::Brev { db, beslut, aterkrav: false, ut, skrivare }),
        (Some(beslut), None, Some(t)) if t == "aterkrav" => {
            Ok(Kommando::Brev { db, beslut, aterkrav: true, ut, skrivare })
        }
        (Some(_), None, Some(t)) => {
            Err(format!("brev --beslut tar bara --typ aterkrav, inte \"{t}\"; för ärendets brev, ange --arende."))
        }
        (None, Some(arende), Some(typ)) => {
            if crate::utskrift::Brevtyp::fran_kod(&typ).is_none() {
                return Err(format!(
                    "Okänd brevtyp \"{typ}\"; välj kallelse, komplettering, handlaggare eller avslut."
                ));
            }
            Ok(Kommando::Arendebrev { db, arende, typ, ut, skrivare })
        }
        (None, Some(_), None) => Err("brev --arende behöver också --typ.".into()),
        _ => Err("brev behöver antingen --beslut ID eller --arende NR --typ TYP.".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn reads_every_command() {
        assert_eq!(tolka(&[]), Ok(Kommando::Starta { db: None, ovning: false, matstart: false }));
        assert_eq!(tolka(&args("--ovning")), Ok(Kommando::Starta { db: None, ovning: true, matstart: false }));
        assert_eq!(
            tolka(&args("--matstart --db a.db")),
            Ok(Kommando::Starta { db: Some("a.db".into()), ovning: false, matstart: true })
        );
        assert_eq!(
            tolka(&args("demo --db /tmp/x.db --hushall 200")),
            Ok(Kommando::Demo { db: "/tmp/x.db".into(), hushall: 200, manader: 0 })
        );
        assert_eq!(
            tolka(&args("demo --db x.db --hushall 20000 --manader 24")),
            Ok(Kommando::Demo { db: "x.db".into(), hushall: 20000, manader: 24 })
        );
        assert_eq!(tolka(&args("kontroll --db a.db")), Ok(Kommando::Kontroll { db: "a.db".into() }));
        assert_eq!(
            tolka(&args("brev --db a --beslut 7 --typ aterkrav --ut b.pdf")),
            Ok(Kommando::Brev { db: "a".into(), beslut: 7, aterkrav: true, ut: "b.pdf".into(), skrivare: None })
        );
        assert_eq!(
            tolka(
                &["brev", "--db", "a", "--beslut", "7", "--ut", "b.pdf", "--skrivare", "Kontor plan 3"]
                    .map(String::from)
            ),
            Ok(Kommando::Brev {
                db: "a".into(),
                beslut: 7,
                aterkrav: false,
                ut: "b.pdf".into(),
                skrivare: Some("Kontor plan 3".into())
            })
        );
        assert_eq!(
            tolka(&args("brev --db a --manad 2026-10 --ut ut")),
            Ok(Kommando::Manadsbrev {
                db: "a".into(),
                manad: crate::domain::manad::Manad::parse("2026-10").unwrap(),
                mapp: "ut".into()
            })
        );
        assert_eq!(
            tolka(&args("installning --enhet Norra")),
            Ok(Kommando::Installning { databas: None, enhet: Some("Norra".into()) })
        );
        assert_eq!(tolka(&args("berakna --in a.json")), Ok(Kommando::Berakna { indata: Some("a.json".into()) }));
        assert!(matches!(tolka(&args("demo --help")), Ok(Kommando::Hjalp(t)) if t.contains("--hushall")));
        assert!(matches!(tolka(&args("hjalp kontroll")), Ok(Kommando::Hjalp(t)) if t.contains("integritet")));
    }

    #[test]
    fn refuses_bad_arguments_in_swedish() {
        assert!(tolka(&args("demo")).unwrap_err().contains("--db"));
        assert!(tolka(&args("demo --db x --hushall tio")).unwrap_err().contains("heltal"));
        assert!(tolka(&args("demo --db x --hushall 0")).unwrap_err().contains("mellan"));
        let jatte = tolka(&args("demo --db x --hushall 99999999999999999999")).unwrap_err();
        assert!(jatte.contains("mellan 1 och 1 000 000"), "{jatte}");
        assert!(tolka(&args("demo --db x --manader -1")).unwrap_err().contains("mellan 0 och 120"));
        assert!(tolka(&args("demo --db x --manader 121")).unwrap_err().contains("mellan 0 och 120"));
        assert!(tolka(&args("kontroll --db x --manader 3")).unwrap_err().contains("bara med demo"));
        assert!(tolka(&args("radera --db x")).unwrap_err().contains("Okänt kommando"));
        assert!(tolka(&args("--db")).unwrap_err().contains("sökväg"));
        assert!(tolka(&args("--db a --ovning")).unwrap_err().contains("antingen"));
        assert!(tolka(&args("kontroll --db a --x")).unwrap_err().contains("Okänt argument"));
        assert!(tolka(&args("kontroll --db a --db b")).unwrap_err().contains("mer än en gång"));
        assert!(tolka(&args("brev --db a --beslut -3 --ut b.pdf")).unwrap_err().contains("positivt heltal"));
        assert!(tolka(&args("brev --db a --beslut 3 --typ kallelse --ut b")).unwrap_err().contains("aterkrav"));
        assert!(tolka(&args("brev --db a --manad 2026-13 --ut b")).unwrap_err().contains("--manad"));
        assert!(tolka(&args("brev --db a --manad 2026-10 --beslut 3 --ut b")).unwrap_err().contains("tar inte"));
        let omgang = tolka(&args("brev --db a --manad 2026-10 --ut b --skrivare K")).unwrap_err();
        assert!(omgang.contains("--skrivare"), "{omgang}");
        assert!(tolka(&args("plan --db a --arende 1 --ut b --skrivare K")).unwrap_err().contains("bara med brev"));
        assert!(tolka(&args("installning")).unwrap_err().contains("--databas"));
    }

    /// Every option that a command does not take is refused, naming the commands it goes with;
    /// every option it takes is accepted past the check.
    #[test]
    fn every_option_is_checked_against_every_command() {
        for (kommando, tillatna) in TILLATNA {
            for (namn, varde) in FLAGGOR {
                let mut rad: Vec<String> = kommando.iter().map(|k| k.to_string()).collect();
                rad.push(namn.to_string());
                if varde.is_some() {
                    rad.push("1".into());
                }
                let svar = tolka(&rad);
                let vagrad = svar.as_ref().err().is_some_and(|e| e.contains("kan inte användas med"));
                assert_eq!(vagrad, !tillatna.contains(namn), "{rad:?}: {svar:?}");
                if vagrad {
                    assert!(svar.unwrap_err().contains("det används bara med"), "{rad:?}");
                }
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_non_utf8_argument_is_a_swedish_error() {
        use std::os::unix::ffi::OsStrExt;
        let trasig = std::ffi::OsStr::from_bytes(b"ans\xf6kan.db").to_os_string();
        let fel = argument_som_text(["--db".into(), trasig]).unwrap_err();
        assert!(fel.contains("inte är giltig text") && fel.contains("ans"), "{fel}");
        assert_eq!(argument_som_text(["demo".into()]), Ok(vec!["demo".to_string()]));
    }
}

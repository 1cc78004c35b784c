//! Headless commands on the same binary, for scripts and tests. Everything the user sees is
//! Swedish; every argument is validated before anything is opened.

mod berakna;
pub use berakna::berakna_json;
mod brev;
mod underhall;

use crate::demo;
use crate::store::Store;
use std::path::{Path, PathBuf};

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kommando {
    /// Start the window. `db` overrides the default database; `ovning` opens the training one.
    Starta {
        db: Option<PathBuf>,
        ovning: bool,
        /// Print the milliseconds from process start to the first drawn frame, then exit.
        matstart: bool,
    },
    Demo {
        db: PathBuf,
        hushall: usize,
        /// Average months of history per generated household.
        manader: u32,
    },
    Kontroll {
        db: PathBuf,
    },
    /// List every decision as JSON lines.
    BeslutLista {
        db: PathBuf,
    },
    /// Write the letter of a decision.
    Brev {
        db: PathBuf,
        beslut: i64,
        /// The återkrav letter of the decision instead of the decision letter.
        aterkrav: bool,
        ut: PathBuf,
    },
    /// Write one of the case's short letters (kallelse, komplettering, handläggare, avslut).
    Arendebrev {
        db: PathBuf,
        arende: String,
        typ: String,
        ut: PathBuf,
    },
    /// Write the case's current förändringsplan.
    Plan {
        db: PathBuf,
        arende: String,
        ut: PathBuf,
    },
    /// Write a FIA sammanställning.
    Fia {
        db: PathBuf,
        intervju: i64,
        ut: PathBuf,
    },
    /// Online backup to a new file.
    Sakerhetskopia {
        db: PathBuf,
        ut: PathBuf,
    },
    /// Restore a backup after checking it.
    Aterstall {
        fran: PathBuf,
        db: PathBuf,
    },
    /// Hidden: save in a loop until killed (crash-safety test).
    SparaILoop {
        db: PathBuf,
    },
    /// Compute one application from JSON (a file, or standard input when `None`).
    Berakna {
        indata: Option<PathBuf>,
    },
    Hjalp(String),
    Version,
}

pub const HJALP: &str = "\
Bistånd – handläggarstöd för ekonomiskt bistånd

Användning:
  bistand                       Startar programmet med standarddatabasen.
  bistand --db SÖKVÄG           Startar programmet med en annan databasfil.
  bistand --ovning              Startar i övningsläge med en separat övningsdatabas.
  bistand --matstart [--db SÖKVÄG]
                                Öppnar fönstret, skriver millisekunderna från start till
                                första ritade bilden och avslutar (mäter kallstart).
  bistand demo --db SÖKVÄG [--hushall N] [--manader M]
                                Skapar en ny databas med N påhittade hushåll (standard 12),
                                med i genomsnitt M månaders historik (standard 0).
  bistand kontroll --db SÖKVÄG  Kontrollerar databasen och skriver en kort rapport.
  bistand beslut --db SÖKVÄG --lista
                                Skriver alla beslut, ett JSON-objekt per rad.
  bistand brev --db SÖKVÄG --beslut ID --ut FIL.pdf
                                Skriver beslutsbrevet (med överklagandesidan vid avslag);
                                med --typ aterkrav beslutet om återkrav.
  bistand brev --db SÖKVÄG --arende NR --typ kallelse|komplettering|handlaggare|avslut --ut FIL.pdf
                                Skriver ett av ärendets övriga brev.
  bistand plan --db SÖKVÄG --arende NR --ut FIL.pdf
                                Skriver ärendets förändringsplan (senast överenskomna, annars
                                utkastet märkt UTKAST).
  bistand fia --db SÖKVÄG --intervju ID --ut FIL.pdf
                                Skriver sammanställningen av en FIA-intervju.
  bistand sakerhetskopia --db SÖKVÄG --ut FIL
                                Gör en säkerhetskopia medan programmet kan vara igång.
  bistand aterstall --fran FIL --db SÖKVÄG
                                Kontrollerar säkerhetskopian och återställer den.
  bistand berakna [--in FIL]    Beräknar försörjningsstöd för en ansökan i JSON (fil eller
                                standard in) och skriver resultatet som JSON.
  bistand hjalp [KOMMANDO]      Visar hjälp (även --help).
  bistand --version             Visar programversionen.

Slutkoder: 0 = klart, 1 = kontrollen hittade problem eller kommandot misslyckades,
2 = felaktiga argument.";

const HJALP_DEMO: &str = "\
bistand demo --db SÖKVÄG [--hushall N] [--manader M]

Skapar en ny databas med N påhittade hushåll (standard 12, högst 1 000 000) och avslutar.
De första tolv hushållen är handgjorda övningsfall (bl.a. övningsfamiljen med elskulden på
7 000 kr); resten slumpas fram med realistiska proportioner. Inga verkliga personer: alla
personnummer har födelsenummer 980–999. Filen får inte redan innehålla hushåll, och en
befintlig databas som inte är en övningsdatabas vägras om den innehåller något alls.

Med --manader M (0–120) får varje slumpat ärende i genomsnitt M månaders historik:
en ansökan per månad med kostnader och inkomster, beslut med alla slags utfall,
journalanteckningar, förändringsplaner och ärenden som avslutats och aktualiserats igen.
Hushållen skrivs i omgångar; ett avbrott behåller de omgångar som redan är klara.";

const HJALP_KONTROLL: &str = "\
bistand kontroll --db SÖKVÄG

Öppnar databasen (och uppgraderar den vid behov), kör SQLite:s integritetskontroll och
programmets egna kontroller av hushåll, ärenden och journal, skriver en kort rapport och
avslutar med kod 0 om allt är i ordning, annars 1.";

const HJALP_BERAKNA: &str = "\
bistand berakna [--in FIL]

Läser en ansökan som JSON (från FIL, annars från standard in), beräknar normen, godkända
kostnader, inkomster som räknas och försörjningsstödet med programmets normtabeller, och
skriver ett JSON-resultat på standard ut. Felaktig indata ger ett svenskt felmeddelande på
standard fel och slutkod 2.

Indata:
  month                \"ÅÅÅÅ-MM\"
  members              [{role: sokande|medsokande|barn, birth_date: \"ÅÅÅÅ-MM-DD\",
                         lunch_outside_home, in_upper_secondary, name, present_from, present_to}]
  shared_home_persons  antal personer i bostaden om fler än hushållet (inneboenderegeln)
  costs                [{kind, amount, approved, reason}]
                       kind: boende, hushallsel, arbetsresor, hemforsakring, fack_a_kassa,
                       barnomsorg, lakarvard_medicin, tandvard, ovrig_kostnad
  incomes              [{kind, amount, person, jobbstimulans, special_rule_start,
                         earned_earlier_this_year}]
                       jobbstimulans: den särskilda beräkningsregeln gäller lönen (25 % räknas
                       inte); special_rule_start: \"ÅÅÅÅ-MM\", månaden regeln började (valfritt;
                       regeln gäller högst 24 månader från start, saknas den ges en varning)
                       earned_earlier_this_year: ett skolbarns lön tidigare samma kalenderår
                       kind: lon, a_kassa, aktivitetsstod, etableringsersattning, barnbidrag,
                       bostadsbidrag, underhallsstod, sjukpenning, foraldrapenning,
                       sjukersattning, pension, studiemedel, skatteaterbaring, ovrig_inkomst,
                       handikappersattning och ej_raknad (räknas inte)
  adjustments          [{line: vuxna|gemensamt|barn:INDEX, amount, reason}]
Belopp skrivs som text: \"1234\" eller \"1234.50\".";

/// Interprets the arguments (without the program name).
pub fn tolka(args: &[String]) -> Result<Kommando, String> {
    let mut it = args.iter().map(String::as_str).peekable();
    let sub = match it.peek() {
        Some(a) if !a.starts_with('-') => it.next(),
        _ => None,
    };
    let mut db: Option<PathBuf> = None;
    let mut hushall: Option<usize> = None;
    let mut manader: Option<u32> = None;
    let mut ovning = false;
    let mut matstart = false;
    let mut amne: Option<String> = None;
    let mut indata: Option<PathBuf> = None;
    let mut lista = false;
    let mut beslut_id: Option<i64> = None;
    let mut ut: Option<PathBuf> = None;
    let mut arende: Option<String> = None;
    let mut fran: Option<PathBuf> = None;
    let mut intervju: Option<i64> = None;
    let mut typ: Option<String> = None;
    while let Some(arg) = it.next() {
        match arg {
            "--help" | "-h" | "--hjalp" => return Ok(Kommando::Hjalp(hjalp_for(sub).into())),
            "--version" | "-V" => return Ok(Kommando::Version),
            "--db" => {
                let v = it.next().filter(|v| !v.is_empty()).ok_or("--db behöver en sökväg till databasfilen.")?;
                db = Some(PathBuf::from(v));
            }
            "--hushall" => {
                let v = it.next().ok_or("--hushall behöver ett antal, t.ex. --hushall 200.")?;
                let n: usize = v.parse().map_err(|_| format!("--hushall måste vara ett heltal, inte \"{v}\"."))?;
                if n == 0 || n > 1_000_000 {
                    return Err("--hushall måste vara mellan 1 och 1 000 000.".into());
                }
                hushall = Some(n);
            }
            "--manader" => {
                let v = it.next().ok_or("--manader behöver ett antal månader, t.ex. --manader 24.")?;
                let n: u32 = v.parse().map_err(|_| format!("--manader måste vara ett heltal, inte \"{v}\"."))?;
                if n > 120 {
                    return Err("--manader måste vara mellan 0 och 120.".into());
                }
                manader = Some(n);
            }
            "--ovning" => ovning = true,
            "--matstart" if sub.is_none() => matstart = true,
            "--lista" => lista = true,
            "--intervju" => {
                let v = it.next().ok_or("--intervju behöver ett id.")?;
                intervju = Some(v.parse().map_err(|_| format!("--intervju måste vara ett heltal, inte \"{v}\"."))?);
            }
            "--fran" => {
                let v = it.next().filter(|v| !v.is_empty()).ok_or("--fran behöver en sökväg till säkerhetskopian.")?;
                fran = Some(PathBuf::from(v));
            }
            "--beslut" => {
                let v = it.next().ok_or("--beslut behöver ett beslutsnummer (id).")?;
                beslut_id = Some(v.parse().map_err(|_| format!("--beslut måste vara ett heltal, inte \"{v}\"."))?);
            }
            "--arende" => {
                arende = Some(
                    it.next()
                        .filter(|v| !v.is_empty())
                        .ok_or("--arende behöver ett ärendenummer, t.ex. 2026-0001.")?
                        .to_string(),
                )
            }
            "--typ" => {
                typ = Some(
                    it.next()
                        .ok_or("--typ behöver en brevtyp: kallelse, komplettering, handlaggare eller avslut.")?
                        .to_string(),
                )
            }
            "--ut" => {
                let v = it.next().filter(|v| !v.is_empty()).ok_or("--ut behöver en sökväg till PDF-filen.")?;
                ut = Some(PathBuf::from(v));
            }
            "--in" => {
                let v = it.next().filter(|v| !v.is_empty()).ok_or("--in behöver en sökväg till en JSON-fil.")?;
                indata = Some(PathBuf::from(v));
            }
            a if sub == Some("hjalp") && !a.starts_with('-') && amne.is_none() => amne = Some(a.to_string()),
            a => return Err(format!("Okänt argument \"{a}\". Skriv bistand --help för hjälp.")),
        }
    }
    let krav_db = |db: Option<PathBuf>, kommando: &str| {
        db.ok_or_else(|| format!("{kommando} behöver --db SÖKVÄG. Skriv bistand {kommando} --help för hjälp."))
    };
    let inte = |flagga: bool, namn: &str, kommando: &str| {
        if flagga { Err(format!("{namn} kan inte användas med {kommando}.")) } else { Ok(()) }
    };
    if manader.is_some() && sub != Some("demo") {
        return Err("--manader används bara med demo.".into());
    }
    match sub {
        Some("berakna") => {
            inte(ovning, "--ovning", "berakna")?;
            inte(hushall.is_some(), "--hushall", "berakna")?;
            inte(db.is_some(), "--db", "berakna")?;
            Ok(Kommando::Berakna { indata })
        }
        Some("beslut") => {
            if !lista {
                return Err("beslut behöver --lista. Skriv bistand beslut --help för hjälp.".into());
            }
            Ok(Kommando::BeslutLista { db: krav_db(db, "beslut")? })
        }
        Some("fia") => {
            let ut = ut.ok_or("fia behöver --ut FIL.pdf.")?;
            let intervju = intervju.ok_or("fia behöver --intervju ID.")?;
            Ok(Kommando::Fia { db: krav_db(db, "fia")?, intervju, ut })
        }
        Some("sakerhetskopia") => {
            let ut = ut.ok_or("sakerhetskopia behöver --ut FIL.")?;
            Ok(Kommando::Sakerhetskopia { db: krav_db(db, "sakerhetskopia")?, ut })
        }
        Some("aterstall") => {
            let fran = fran.ok_or("aterstall behöver --fran FIL (säkerhetskopian).")?;
            Ok(Kommando::Aterstall { fran, db: krav_db(db, "aterstall")? })
        }
        Some("__spara-i-loop") => Ok(Kommando::SparaILoop { db: krav_db(db, "__spara-i-loop")? }),
        _ if fran.is_some() => Err("--fran används bara med aterstall.".into()),
        Some("plan") => {
            let ut = ut.ok_or("plan behöver --ut FIL.pdf.")?;
            let arende = arende.ok_or("plan behöver --arende NR.")?;
            Ok(Kommando::Plan { db: krav_db(db, "plan")?, arende, ut })
        }
        Some("brev") => {
            let ut = ut.ok_or("brev behöver --ut FIL.pdf.")?;
            let db = krav_db(db, "brev")?;
            match (beslut_id, arende, typ) {
                (Some(beslut), None, None) => Ok(Kommando::Brev { db, beslut, aterkrav: false, ut }),
                (Some(beslut), None, Some(t)) if t == "aterkrav" => {
                    Ok(Kommando::Brev { db, beslut, aterkrav: true, ut })
                }
                (None, Some(arende), Some(typ)) => {
                    if crate::utskrift::Brevtyp::fran_kod(&typ).is_none() {
                        return Err(format!(
                            "Okänd brevtyp \"{typ}\"; välj kallelse, komplettering, handlaggare eller avslut."
                        ));
                    }
                    Ok(Kommando::Arendebrev { db, arende, typ, ut })
                }
                (None, Some(_), None) => Err("brev --arende behöver också --typ.".into()),
                _ => Err("brev behöver antingen --beslut ID eller --arende NR --typ TYP.".into()),
            }
        }
        _ if indata.is_some() => Err("--in används bara med berakna.".into()),
        _ if lista || beslut_id.is_some() || ut.is_some() || arende.is_some() || typ.is_some() => {
            Err("--lista, --beslut, --arende, --typ och --ut används bara med beslut och brev.".into())
        }
        None => {
            inte(hushall.is_some(), "--hushall", "programstart")?;
            if ovning && db.is_some() {
                return Err("Välj antingen --db eller --ovning, inte båda.".into());
            }
            Ok(Kommando::Starta { db, ovning, matstart })
        }
        Some("demo") => {
            inte(ovning, "--ovning", "demo")?;
            Ok(Kommando::Demo {
                db: krav_db(db, "demo")?,
                hushall: hushall.unwrap_or(12),
                manader: manader.unwrap_or(0),
            })
        }
        Some("kontroll") => {
            inte(ovning, "--ovning", "kontroll")?;
            inte(hushall.is_some(), "--hushall", "kontroll")?;
            Ok(Kommando::Kontroll { db: krav_db(db, "kontroll")? })
        }
        Some("hjalp") => Ok(Kommando::Hjalp(hjalp_for(amne.as_deref()).into())),
        Some(other) => Err(format!("Okänt kommando \"{other}\". Skriv bistand --help för en lista.")),
    }
}

fn hjalp_for(kommando: Option<&str>) -> &'static str {
    match kommando {
        Some("demo") => HJALP_DEMO,
        Some("kontroll") => HJALP_KONTROLL,
        Some("berakna") => HJALP_BERAKNA,
        _ => HJALP,
    }
}

/// Runs a headless command and returns the exit code. `Starta` is the caller's business.
pub fn kor(kommando: &Kommando, nu: chrono::NaiveDateTime) -> i32 {
    match kommando {
        Kommando::Hjalp(text) => {
            println!("{text}");
            0
        }
        Kommando::Version => {
            println!("Bistånd {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Kommando::Demo { db, hushall, manader } => {
            kor_demo(db, demo::Demoval { hushall: *hushall, manader: *manader }, nu)
        }
        Kommando::Kontroll { db } => kor_kontroll(db),
        Kommando::Berakna { indata } => kor_berakna(indata.as_deref()),
        Kommando::BeslutLista { db } => brev::lista(db),
        Kommando::Fia { db, intervju, ut } => {
            brev::skriv(db, ut, |s| crate::utskrift::fia_pdf(s, *intervju, nu.date()))
        }
        Kommando::Sakerhetskopia { db, ut } => underhall::sakerhetskopia(db, ut),
        Kommando::Aterstall { fran, db } => underhall::aterstall(fran, db, nu),
        Kommando::SparaILoop { db } => underhall::spara_i_loop(db, nu),
        Kommando::Plan { db, arende, ut } => brev::skriv(db, ut, |s| crate::utskrift::plan_pdf(s, arende, nu.date())),
        Kommando::Brev { db, beslut, aterkrav, ut } => brev::skriv(db, ut, |s| {
            if *aterkrav {
                crate::utskrift::aterkravsbrev_pdf_den(s, *beslut, nu.date())
            } else {
                crate::utskrift::beslutsbrev_pdf(s, *beslut)
            }
        }),
        Kommando::Arendebrev { db, arende, typ, ut } => brev::skriv(db, ut, |s| {
            let typ = crate::utskrift::Brevtyp::fran_kod(typ).ok_or("Okänd brevtyp.")?;
            crate::utskrift::brev_pdf(s, arende, typ, nu.date())
        }),
        Kommando::Starta { .. } => 2,
    }
}

fn kor_demo(db: &Path, val: demo::Demoval, nu: chrono::NaiveDateTime) -> i32 {
    let start = std::time::Instant::now();
    let mut store = match Store::open(db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    // A real database never gets fictitious households; an empty one becomes a training database.
    if let Err(e) = store.skriv(|w| w.krav_ovningsdatabas()) {
        eprintln!("{}: {e}", db.display());
        return 1;
    }
    match store.kontroll() {
        Ok(r) if r.hushall > 0 => {
            eprintln!(
                "Databasen {} innehåller redan {} hushåll. Välj en ny fil för demodata.",
                db.display(),
                r.hushall
            );
            return 1;
        }
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
        Ok(_) => {}
    }
    // Progress on standard error about every tenth of the way, for the long runs.
    let mut senast = 0;
    let mut framsteg = |klara: usize, alla: usize| {
        if alla >= 2000 && klara < alla && klara * 10 / alla > senast {
            senast = klara * 10 / alla;
            eprintln!("  {klara} av {alla} hushåll ({:.0} s)", start.elapsed().as_secs_f64());
        }
        true
    };
    match demo::bygg_demo(&mut store, val, nu, &mut framsteg) {
        Ok(_) => {
            println!(
                "Skapade {} påhittade hushåll i {} på {:.1} s.",
                val.hushall,
                db.display(),
                start.elapsed().as_secs_f64()
            );
            0
        }
        Err(e) => {
            eprintln!("Demodata kunde inte skapas: {e}");
            1
        }
    }
}

fn kor_berakna(indata: Option<&Path>) -> i32 {
    let text = match indata {
        Some(p) => std::fs::read(p).map_err(|e| format!("Filen {} kan inte läsas: {}.", p.display(), e.kind())),
        None => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
                .map(|_| buf)
                .map_err(|_| "Standard in kan inte läsas.".to_string())
        }
    }
    .and_then(|b| String::from_utf8(b).map_err(|_| "Indata är inte UTF-8-text.".to_string()));
    match text.and_then(|t| berakna::berakna_json(&t)) {
        Ok(json) => {
            println!("{json}");
            0
        }
        Err(e) => {
            eprintln!("{e}");
            2
        }
    }
}

fn kor_kontroll(db: &Path) -> i32 {
    if !db.exists() {
        eprintln!("Databasen {} finns inte.", db.display());
        return 1;
    }
    let rapport = match Store::open(db).and_then(|s| s.kontroll()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    println!("Kontroll av {}", db.display());
    println!("  Schemaversion: {}", rapport.schemaversion);
    println!(
        "  {} hushåll, {} personer, {} ärenden, {} journalanteckningar, {} ansökningar, {} beslut",
        rapport.hushall, rapport.personer, rapport.arenden, rapport.journalposter, rapport.ansokningar, rapport.beslut
    );
    println!("  Kontrollkedjan: {} poster, ankare {}", rapport.kedjeposter, rapport.ankare);
    if rapport.frisk() {
        println!("Databasen är frisk: inga problem hittades.");
        0
    } else {
        println!("Problem:");
        for p in &rapport.problem {
            println!("  - {p}");
        }
        1
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
        assert!(matches!(tolka(&args("demo --help")), Ok(Kommando::Hjalp(t)) if t.contains("--hushall")));
        assert!(matches!(tolka(&args("hjalp kontroll")), Ok(Kommando::Hjalp(t)) if t.contains("integritet")));
    }

    #[test]
    fn refuses_bad_arguments_in_swedish() {
        assert!(tolka(&args("demo")).unwrap_err().contains("--db"));
        assert!(tolka(&args("demo --db x --hushall tio")).unwrap_err().contains("heltal"));
        assert!(tolka(&args("demo --db x --hushall 0")).unwrap_err().contains("mellan"));
        assert!(tolka(&args("demo --db x --manader 121")).unwrap_err().contains("mellan 0 och 120"));
        assert!(tolka(&args("kontroll --db x --manader 3")).unwrap_err().contains("bara med demo"));
        assert!(tolka(&args("radera --db x")).unwrap_err().contains("Okänt kommando"));
        assert!(tolka(&args("--db")).unwrap_err().contains("sökväg"));
        assert!(tolka(&args("--db a --ovning")).unwrap_err().contains("antingen"));
        assert!(tolka(&args("kontroll --db a --x")).unwrap_err().contains("Okänt argument"));
    }
}

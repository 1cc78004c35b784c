//! Headless commands on the same binary, for scripts and tests. Everything the user sees is
//! Swedish; every argument is validated before anything is opened.

mod argument;
pub use argument::{anvandare_i, argument_som_text, tolka};
mod berakna;
pub use berakna::berakna_json;
mod brev;
mod hushall;
mod rapport;
mod underhall;
mod utbetalning;

use crate::demo;
use crate::store::Store;
use crate::utskrift::Dokument;
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
    /// List the users as JSON lines.
    AnvandarLista {
        db: PathBuf,
    },
    /// List every decision as JSON lines.
    BeslutLista {
        db: PathBuf,
    },
    /// Who has lived in a case's household and when, JSON lines.
    Hushall {
        db: PathBuf,
        arende: String,
    },
    /// Search cases as the case list does, JSON lines.
    Sok {
        db: PathBuf,
        fraga: String,
    },
    /// Write the letter of a decision.
    Brev {
        db: PathBuf,
        beslut: i64,
        /// The återkrav letter of the decision instead of the decision letter.
        aterkrav: bool,
        ut: PathBuf,
        /// Also send it to this printer (as Skriv ut in the preview does).
        skrivare: Option<String>,
    },
    /// Write every decision letter of a month into a folder, on every core.
    Manadsbrev {
        db: PathBuf,
        manad: crate::domain::manad::Manad,
        mapp: PathBuf,
    },
    /// Write this computer's settings file (what the MSI runs with its DATABAS and ENHET).
    Installning {
        databas: Option<String>,
        enhet: Option<String>,
    },
    /// Write one of the case's short letters (kallelse, komplettering, handläggare, avslut).
    Arendebrev {
        db: PathBuf,
        arende: String,
        typ: String,
        ut: PathBuf,
        /// Also send it to this printer.
        skrivare: Option<String>,
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
    /// Move a unit's database file to the unit's PostgreSQL server.
    Flytta {
        fran: PathBuf,
        till: String,
    },
    /// Give the program's role its rights in the unit's database (run by the tables' owner).
    Behorighet {
        db: String,
        roll: String,
    },
    /// Hidden: save in a loop until killed (crash-safety test).
    SparaILoop {
        db: PathBuf,
    },
    /// Compute one application from JSON (a file, or standard input when `None`).
    Berakna {
        indata: Option<PathBuf>,
    },
    /// Write the pain.001 bank file of a day's attested payments and mark them sent.
    Utbetalning {
        db: PathBuf,
        dag: chrono::NaiveDate,
        ut: PathBuf,
    },
    /// Write the statistics report of a period: a PDF and one CSV per table into a folder.
    Rapport {
        db: PathBuf,
        period: crate::domain::statistik::Period,
        mapp: PathBuf,
        handlaggare: Option<String>,
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
  bistand anvandare --db SÖKVÄG --lista
                                Skriver användarna, ett JSON-objekt per rad: login, namn,
                                roll och aktiv.
  bistand beslut --db SÖKVÄG --lista
                                Skriver alla beslut, ett JSON-objekt per rad, med
                                poster: post, ansokt, beviljat (\"1234.00\") och utfall.
  bistand sok --db SÖKVÄG TEXT  Söker ärenden som ärendelistan gör (ärendenummer, personnummer,
                                del av namn eller gatuadress) och skriver ett JSON-objekt per
                                träff: arende och namn.
  bistand hushall --db SÖKVÄG --arende NR
                                Skriver vilka som bor och har bott i ärendets hushåll, ett
                                JSON-objekt per person och period: personnummer, namn, roll,
                                fodd, fran och till (null = bor kvar).
  bistand brev --db SÖKVÄG --beslut ID --ut FIL.pdf
                                Skriver beslutsbrevet (med överklagandesidan vid avslag);
                                med --typ aterkrav beslutet om återkrav.
  bistand brev --db SÖKVÄG --manad ÅÅÅÅ-MM --ut MAPP
                                Skriver månadens alla beslutsbrev till MAPP, en PDF per beslut,
                                med alla processorkärnor, och visar hur långt det har kommit.
  bistand brev --db SÖKVÄG --arende NR --typ kallelse|komplettering|handlaggare|avslut --ut FIL.pdf
                                Skriver ett av ärendets övriga brev.
  bistand brev … --ut FIL.pdf --skrivare NAMN
                                Sparar brevet som FIL.pdf och skickar det till skrivaren NAMN
                                (Standardskrivaren = datorns standardskrivare), som Skriv ut i
                                förhandsgranskningen. Kan det inte skrivas ut sägs varför, brevet
                                är sparat och slutkoden är 1.
  bistand plan --db SÖKVÄG --arende NR --ut FIL.pdf
                                Skriver ärendets förändringsplan (senast överenskomna, annars
                                utkastet märkt UTKAST).
  bistand fia --db SÖKVÄG --intervju ID --ut FIL.pdf
                                Skriver sammanställningen av en FIA-intervju.
  bistand utbetalning --db SÖKVÄG --dag ÅÅÅÅ-MM-DD --ut FIL.xml
                                Skriver bankfilen (ISO 20022 pain.001) med dagens attesterade
                                utbetalningar och markerar dem som skickade till banken.
  bistand sakerhetskopia --db SÖKVÄG --ut FIL
                                Gör en säkerhetskopia medan programmet kan vara igång.
  bistand aterstall --fran FIL --db SÖKVÄG
                                Kontrollerar säkerhetskopian och återställer den.
  bistand flytta --fran FIL --till postgres://ANVÄNDARE@SERVER/DATABAS
                                Flyttar enhetens databasfil till en tom databas på enhetens
                                PostgreSQL-server och kontrollerar antal, summor och kedjan.
  bistand behorighet --db postgres://ÄGARE@SERVER/DATABAS --roll NAMN
                                Ger programmets roll rätt att arbeta med raderna men inte att
                                radera journal och beslut eller stänga av databasens regler.
  bistand berakna [--in FIL]    Beräknar försörjningsstöd för en ansökan i JSON (fil eller
                                standard in) och skriver resultatet som JSON.
  bistand installning [--databas SÖKVÄG|postgres://…] [--enhet NAMN]
                                Skriver datorns gemensamma inställningar (för IT; installations-
                                paketet gör det med egenskaperna DATABAS och ENHET).
  bistand rapport --db SÖKVÄG --period ÅÅÅÅ-T1|ÅÅÅÅ|ÅÅÅÅ-MM --ut MAPP [--handlaggare NAMN]
                                Skriver periodens statistik (tertial, år eller månad) till MAPP:
                                en PDF med diagram och tabeller och en CSV-fil per tabell, utan
                                namn och personnummer.
  bistand hjalp [KOMMANDO]      Visar hjälp (även --help).
  bistand --version             Visar programversionen.

Kommandon som visar eller ändrar ärendeuppgifter (beslut, sok, brev, plan, fia) kräver
--anvandare INLOGGNINGSNAMN. Lösenordet frågas efter i terminalen, eller läses från
miljövariabeln BISTAND_LOSENORD (för skript). Utan användare vägras kommandot med slutkod 2.
Kommandot loggas i åtkomstloggen som om det gjorts i fönstret.

Ett alternativ som kommandot inte tar är ett fel, liksom ett argument som inte är giltig
text (UTF-8).

Slutkoder: 0 = klart, 1 = kontrollen hittade problem eller kommandot misslyckades (även när
databasen inte kan läsas eller det som efterfrågas inte finns), 2 = felaktiga argument eller
felaktig indata till berakna.";

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

Indata (med tillåtna värden):
  month                \"ÅÅÅÅ-MM\", ett år som programmet har en normtabell för
  members              1–20 personer, högst 18 barn:
                       [{role: sokande|medsokande|barn, birth_date: \"ÅÅÅÅ-MM-DD\",
                         lunch_outside_home, in_upper_secondary, name, present_from, present_to}]
                       birth_date från 1900-01-01 till sista dagen i month;
                       present_from och present_to från 1900-01-01 till 2100-12-31
  shared_home_persons  antal personer i bostaden om fler än hushållet (inneboenderegeln),
                       ett heltal 1–30
  costs                högst 100 rader: [{kind, amount, approved, reason, what_for}]
                       kind inom försörjningsstödet: boende, hushallsel, arbetsresor,
                       hemforsakring, fack_a_kassa, barnomsorg, ovrig_kostnad;
                       livsföring i övrigt (prövas var för sig efter försörjningsstödet, med
                       ett överskott avräknat i tur och ordning): tandvard, glasogon,
                       lakarvard_medicin, medicin, hemutrustning, skuld, flytt, begravning,
                       annat_livsforing; what_for: vad kostnaden avser (\"elskuld hos …\")
Utdata: granted är försörjningsstödet; livsforing är varje annan post (kind, item,
applied, approved, set_off = avräknat överskott, granted, reason); overskott är vad
inkomsterna överstiger försörjningsstödets behov med; total är allt hushållet kan få.
  incomes              högst 100 rader: [{kind, amount, person, jobbstimulans, special_rule_start,
                         earned_earlier_this_year}]
                       jobbstimulans: den särskilda beräkningsregeln gäller lönen (25 % räknas
                       inte); special_rule_start: \"ÅÅÅÅ-MM\", månaden regeln började (valfritt;
                       regeln gäller högst 24 månader från start, saknas den ges en varning)
                       earned_earlier_this_year: ett skolbarns lön tidigare samma kalenderår
                       kind: lon, a_kassa, aktivitetsstod, etableringsersattning, barnbidrag,
                       bostadsbidrag, underhallsstod, sjukpenning, foraldrapenning,
                       sjukersattning, pension, studiemedel, skatteaterbaring, ovrig_inkomst,
                       handikappersattning och ej_raknad (räknas inte);
                       person är index i members (0 = den första)
  adjustments          högst 100 rader: [{line: vuxna|gemensamt|barn:INDEX, amount, reason}]
Belopp skrivs som text: \"1234\" eller \"1234.50\", från 0 till 10 000 000 kr med högst
två decimaler. Filen får vara sparad med byte-order-märke (BOM), som i Anteckningar.";

fn hjalp_for(kommando: Option<&str>) -> &'static str {
    match kommando {
        Some("demo") => HJALP_DEMO,
        Some("kontroll") => HJALP_KONTROLL,
        Some("berakna") => HJALP_BERAKNA,
        _ => HJALP,
    }
}

/// Runs a headless command as `anvandare` (the `--anvandare` login, for the commands that show
/// or change case data) and returns the exit code. `Starta` is the caller's business.
pub fn kor(kommando: &Kommando, anvandare: Option<&str>, nu: chrono::NaiveDateTime) -> i32 {
    if let Some(db) = kraver_anvandare(kommando) {
        return match oppna_inloggad(db, anvandare, nu) {
            Ok((store, aktor)) => kor_inloggad(kommando, store, &aktor),
            Err((kod, text)) => {
                eprintln!("{text}");
                kod
            }
        };
    }
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
        Kommando::AnvandarLista { db } => brev::anvandare(db),
        Kommando::Sakerhetskopia { db, ut } => underhall::sakerhetskopia(db, ut),
        Kommando::Aterstall { fran, db } => underhall::aterstall(fran, db, nu),
        Kommando::Flytta { fran, till } => underhall::flytta(fran, till),
        Kommando::Behorighet { db, roll } => underhall::behorighet(db, roll),
        Kommando::SparaILoop { db } => underhall::spara_i_loop(db, nu),
        Kommando::Installning { databas, enhet } => {
            let fil = crate::installning::sokvag();
            match crate::installning::skriv(&fil, databas.as_deref(), enhet.as_deref()) {
                Ok(()) => {
                    println!("Skrev inställningarna till {}.", fil.display());
                    0
                }
                Err(e) => {
                    eprintln!("{e}");
                    1
                }
            }
        }
        Kommando::Starta { .. } => 2,
        // Run as a logged-in user above.
        _ => 2,
    }
}

/// The database of a command that shows or changes case data (it needs a user).
fn kraver_anvandare(kommando: &Kommando) -> Option<&Path> {
    match kommando {
        Kommando::BeslutLista { db }
        | Kommando::Sok { db, .. }
        | Kommando::Fia { db, .. }
        | Kommando::Plan { db, .. }
        | Kommando::Brev { db, .. }
        | Kommando::Arendebrev { db, .. }
        | Kommando::Manadsbrev { db, .. }
        | Kommando::Hushall { db, .. }
        | Kommando::Utbetalning { db, .. }
        | Kommando::Rapport { db, .. } => Some(db),
        _ => None,
    }
}

/// A command that shows or changes case data, run as the logged-in user.
fn kor_inloggad(kommando: &Kommando, mut store: Store, aktor: &crate::arbete::Aktor) -> i32 {
    let s = &mut store;
    match kommando {
        Kommando::BeslutLista { .. } => brev::lista(s, aktor),
        Kommando::Sok { fraga, .. } => brev::sok(s, aktor, fraga),
        Kommando::Fia { intervju, ut, .. } => brev::skriv(s, aktor, ut, &Dokument::Fia(*intervju)),
        Kommando::Plan { arende, ut, .. } => brev::skriv(s, aktor, ut, &Dokument::Plan(arende.clone(), None)),
        Kommando::Brev { beslut, aterkrav, ut, skrivare, .. } => {
            let dokument = if *aterkrav { Dokument::Aterkravsbrev(*beslut) } else { Dokument::Beslutsbrev(*beslut) };
            brev::skriv_eller_skicka(s, aktor, ut, &dokument, skrivare.as_deref())
        }
        Kommando::Arendebrev { arende, typ, ut, skrivare, .. } => match crate::utskrift::Brevtyp::fran_kod(typ) {
            Some(typ) => {
                let dokument = Dokument::Arendebrev { arendenummer: arende.clone(), typ };
                brev::skriv_eller_skicka(s, aktor, ut, &dokument, skrivare.as_deref())
            }
            None => {
                eprintln!("Okänd brevtyp.");
                1
            }
        },
        Kommando::Manadsbrev { manad, mapp, .. } => brev::manadens(s, aktor, *manad, mapp),
        Kommando::Hushall { arende, .. } => hushall::medlemmar(s, aktor, arende),
        Kommando::Utbetalning { dag, ut, .. } => utbetalning::exportera(s, aktor, *dag, ut),
        Kommando::Rapport { period, mapp, handlaggare, .. } => {
            rapport::kor(s, aktor, *period, mapp, handlaggare.as_deref())
        }
        _ => 2,
    }
}

/// Refused without a user (exit 2) before anything is opened; then the database, and the
/// login with the password from `BISTAND_LOSENORD` or the terminal (a wrong one: exit 2).
fn oppna_inloggad(
    db: &Path,
    anvandare: Option<&str>,
    nu: chrono::NaiveDateTime,
) -> Result<(Store, crate::arbete::Aktor), (i32, String)> {
    let Some(login) = anvandare else {
        return Err((
            2,
            "Kommandot visar eller ändrar uppgifter i ärenden och kräver en användare: ange --anvandare \
             INLOGGNINGSNAMN. Lösenordet frågas efter i terminalen eller läses från miljövariabeln BISTAND_LOSENORD."
                .into(),
        ));
    };
    let mut store = oppna_befintlig(db).map_err(|e| (1, e))?;
    let losenord = match std::env::var("BISTAND_LOSENORD") {
        Ok(l) => l,
        Err(_) => rpassword::prompt_password(format!("Lösenord för {login}: ")).map_err(|_| {
            (2, "Lösenordet kunde inte läsas från terminalen; ange det i miljövariabeln BISTAND_LOSENORD.".to_string())
        })?,
    };
    let aktor = crate::arbete::anvandare::logga_in(&mut store, login, &losenord, nu).map_err(|e| (2, e.to_string()))?;
    Ok((store, aktor))
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
                "Skapade {} påhittade hushåll i {} på {:.1} s, och en övningsanvändare per roll \
                 (lösenord ovning).",
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
        Some(p) => {
            std::fs::read(p).map_err(|e| format!("Filen {} kan inte läsas: {}.", p.display(), crate::filer::orsak(&e)))
        }
        None => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
                .map(|_| buf)
                .map_err(|e| format!("Standard in kan inte läsas: {}.", crate::filer::orsak(&e)))
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

/// Opens a database that must already exist (every command but `demo` and starting the window).
fn oppna_befintlig(db: &Path) -> Result<Store, String> {
    let server = db.to_str().is_some_and(crate::store::server::ar_serveradress);
    if !server && !db.exists() {
        return Err(format!("Databasen {} finns inte.", db.display()));
    }
    Store::open(db).map_err(|e| e.to_string())
}

fn kor_kontroll(db: &Path) -> i32 {
    let rapport = match oppna_befintlig(db).and_then(|s| s.kontroll().map_err(|e| e.to_string())) {
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

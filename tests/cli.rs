//! The headless commands as a script runs them: exit codes and Swedish messages.

mod gemensamt;

use std::process::Command;

/// The commands that show or change case data: they run as a user.
const MED_ANVANDARE: &[&str] = &["beslut", "sok", "brev", "plan", "fia"];

/// Runs the binary; a command that needs a user runs as the demo's 1:e socialsekreterare with
/// the training password (unless the test names a user itself).
fn bistand(args: &[&str]) -> (i32, String, String) {
    let mut args: Vec<&str> = args.to_vec();
    if args.first().is_some_and(|k| MED_ANVANDARE.contains(k)) && !args.contains(&"--anvandare") {
        args.extend(["--anvandare", "tobias"]);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_bistand"))
        .args(&args)
        .env("BISTAND_LOSENORD", "ovning")
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn demo_then_kontroll_reports_a_healthy_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ny").join("demo.db");
    let db = db.to_str().unwrap();
    let (code, out, err) = bistand(&["demo", "--db", db, "--hushall", "300", "--manader", "6"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Skapade 300 påhittade hushåll"), "{out}");
    let (code, out, _) = bistand(&["kontroll", "--db", db]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("300 hushåll"), "{out}");
    assert!(out.contains("Databasen är frisk"), "{out}");
    // Six months of history on average: well over a thousand applications, each decided.
    let antal = |ord: &str| -> usize {
        let fore = out.split(&format!(" {ord}")).next().unwrap_or_default();
        fore.rsplit(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0)
    };
    assert!(antal("ansökningar") > 1000, "{out}");
    assert!(antal("beslut") + 50 > antal("ansökningar"), "{out}");
    // A second demo into the same file is refused: it would mix with existing cases.
    let (code, _, err) = bistand(&["demo", "--db", db]);
    assert_eq!(code, 1);
    assert!(err.contains("innehåller redan 300 hushåll"), "{err}");
}

/// `demo` never writes made-up households into a real database in use, even one without
/// households yet (only a draft typed), and leaves it as it was.
#[test]
fn demo_refuses_a_real_database_in_use_and_leaves_it_unchanged() {
    use gemensamt::{arende, hushall, nu, person, pnr};
    let dir = tempfile::tempdir().unwrap();
    let med_hushall = dir.path().join("enhet.db");
    let mut store = bistand::store::Store::open(&med_hushall).unwrap();
    let h = hushall(vec![person(pnr(1985, 4, 2, 123), "Vera", "Verklig")]);
    store.skriv(|w| w.skapa_hushall(&h, &arende(), nu())).unwrap();
    drop(store);
    let med_utkast = dir.path().join("ny-enhet.db");
    let mut store = bistand::store::Store::open(&med_utkast).unwrap();
    store.spara_utkast("vera", "hushall:ny", "Nytt hushåll", "{}", nu()).unwrap();
    drop(store);
    for (db, hushall) in [(&med_hushall, 1), (&med_utkast, 0)] {
        let (code, out, err) = bistand(&["demo", "--db", db.to_str().unwrap()]);
        assert_eq!(code, 1, "{err}");
        assert!(out.is_empty(), "{out}");
        assert!(err.contains("ingen övningsdatabas") && err.contains("välj en annan fil"), "{err}");
        let store = bistand::store::Store::open(db).unwrap();
        assert_eq!(store.antal_hushall().unwrap(), hushall, "no household added to {}", db.display());
        assert!(!store.ar_ovningsdatabas().unwrap());
    }
    let store = bistand::store::Store::open(&med_utkast).unwrap();
    assert_eq!(store.alla_utkast("vera").unwrap().len(), 1, "the draft is still there");
}

#[test]
fn bad_arguments_give_a_swedish_message_and_exit_2() {
    for (args, text) in [
        (vec!["demo"], "--db"),
        (vec!["demo", "--db", "x.db", "--hushall", "många"], "heltal"),
        (vec!["kontroll"], "--db"),
        (vec!["skrivut"], "Okänt kommando"),
        (vec!["--db"], "sökväg"),
    ] {
        let (code, out, err) = bistand(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains(text), "{args:?}: {err}");
    }
}

#[test]
fn kontroll_explains_a_missing_or_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("finns-inte.db");
    let (code, _, err) = bistand(&["kontroll", "--db", missing.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("finns inte"), "{err}");
    let damaged = dir.path().join("trasig.db");
    std::fs::write(&damaged, vec![b'x'; 4096]).unwrap();
    let (code, _, err) = bistand(&["kontroll", "--db", damaged.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("ingen Bistånd-databas"), "{err}");
}

#[test]
fn help_explains_every_command_in_swedish() {
    let (code, out, _) = bistand(&["--help"]);
    assert_eq!(code, 0);
    for cmd in ["demo", "kontroll", "--ovning", "--db"] {
        assert!(out.contains(cmd), "{cmd}");
    }
    let (code, out, _) = bistand(&["demo", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--hushall"));
}

fn berakna(indata: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_bistand"))
        .arg("berakna")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(indata.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const EXEMPEL: &str = r#"{
  "month": "2021-10",
  "members": [
    {"role": "sokande",    "birth_date": "1984-02-01"},
    {"role": "medsokande", "birth_date": "1986-06-30"},
    {"role": "barn", "birth_date": "2019-03-10", "lunch_outside_home": true},
    {"role": "barn", "birth_date": "2002-01-20", "in_upper_secondary": true}
  ],
  "shared_home_persons": 4,
  "costs":   [{"kind": "boende", "amount": "9800"}, {"kind": "hushallsel", "amount": "500"}],
  "incomes": [{"kind": "barnbidrag", "amount": "2500"},
              {"kind": "lon", "amount": "8000", "person": 0, "jobbstimulans": true, "special_rule_start": "2021-03"}]
}"#;

#[test]
fn berakna_gives_the_documented_json_for_the_example() {
    let (code, out, err) = berakna(EXEMPEL);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for (falt, varde) in [
        ("norm_personal", "11940.00"),
        ("norm_shared", "1610.00"),
        ("norm", "13550.00"),
        ("costs", "10300.00"),
        ("incomes", "8500.00"),
        ("balance", "15350.00"),
        ("granted", "15350.00"),
    ] {
        assert_eq!(v[falt], varde, "{falt}");
    }
    assert_eq!(v["table_year"], 2021);
    assert_eq!(v["warnings"].as_array().unwrap().len(), 0);
    let lines = v["lines"].as_array().unwrap();
    assert!(lines.iter().any(|l| l["text"].as_str().unwrap().contains("jobbstimulans") && l["amount"] == "-6000.00"));
    // The explained lines add up to the balance, to the öre.
    let sum: i64 = lines
        .iter()
        .filter(|l| ["norm", "kostnad", "inkomst"].contains(&l["kind"].as_str().unwrap()))
        .map(|l| (l["amount"].as_str().unwrap().parse::<f64>().unwrap() * 100.0).round() as i64)
        .sum();
    assert_eq!(sum, 1_535_000);
}

#[test]
fn berakna_keeps_a_debt_and_a_dental_bill_out_of_forsorjningsstod_as_the_readme_shows() {
    let indata = EXEMPEL.replace(
        r#"{"kind": "hushallsel", "amount": "500"}]"#,
        r#"{"kind": "hushallsel", "amount": "500"},
              {"kind": "skuld", "amount": "7000", "what_for": "elskuld hos Ellevio AB"},
              {"kind": "tandvard", "amount": "2400", "approved": "2000", "reason": "kronan ingår inte i akut tandvård"}]"#,
    );
    let (code, out, err) = berakna(&indata);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for (falt, varde) in [
        ("costs", "10300.00"),
        ("balance", "15350.00"),
        ("granted", "15350.00"),
        ("overskott", "0.00"),
        ("total", "24350.00"),
    ] {
        assert_eq!(v[falt], varde, "{falt}");
    }
    for nyckel in ["table_year", "norm_personal", "norm_shared", "norm", "incomes", "lines", "warnings"] {
        assert!(v.get(nyckel).is_some(), "{nyckel} is kept");
    }
    let poster = v["livsforing"].as_array().unwrap();
    assert_eq!(poster[0]["kind"], "skuld");
    assert_eq!(poster[0]["item"], "bistånd till en elskuld hos Ellevio AB");
    assert_eq!((&poster[0]["applied"], &poster[0]["granted"]), (&"7000.00".into(), &"7000.00".into()));
    assert_eq!(poster[1]["approved"], "2000.00");
    assert_eq!(poster[1]["reason"], "kronan ingår inte i akut tandvård");
    let readme = include_str!("../README.md");
    for rad in [r#""item": "bistånd till en elskuld hos Ellevio AB""#, r#""total": "24350.00""#] {
        assert!(readme.contains(rad), "the README shows {rad}");
    }
}

#[test]
fn berakna_without_the_rules_start_month_still_computes_and_warns() {
    // Input written before special_rule_start existed is still accepted.
    let (code, out, err) = berakna(&EXEMPEL.replace(r#", "special_rule_start": "2021-03""#, ""));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["granted"], "15350.00");
    assert!(v["warnings"][0].as_str().unwrap().contains("Startmånaden"));
    // Month 25 of the rule: the whole wage counts.
    let (code, out, _) = berakna(&EXEMPEL.replace("2021-03", "2019-09"));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["incomes"], "10500.00");
    let (code, _, err) = berakna(&EXEMPEL.replace("2021-03", "mars"));
    assert_eq!(code, 2);
    assert!(err.contains("special_rule_start"), "{err}");
}

#[test]
fn berakna_reads_a_file_and_reports_unverified_cells() {
    let dir = tempfile::tempdir().unwrap();
    let fil = dir.path().join("ansokan.json");
    std::fs::write(&fil, EXEMPEL.replace("2021-10", "2026-10").replace("2002-01-20", "2007-01-20")).unwrap();
    let (code, out, _) = bistand(&["berakna", "--in", fil.to_str().unwrap()]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["table_year"], 2026);
    assert!(v["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("inte verifierat")));
}

#[test]
fn berakna_refuses_bad_input_with_a_swedish_message_and_exit_2() {
    let fall = [
        ("{\"month\": \"2021-10\", \"members\": [", "inte giltig JSON"),
        (&EXEMPEL.replace("\"hushallsel\"", "\"hyra\"") as &str, "okänd kostnadstyp \"hyra\""),
        (&EXEMPEL.replace("\"barnbidrag\"", "\"lotterivinst\""), "okänd inkomsttyp"),
        (&EXEMPEL.replace("\"9800\"", "\"-9800\""), "negativt"),
        (&EXEMPEL.replace("2021-10", "2018-10"), "ingen normtabell för 2018"),
        (&EXEMPEL.replace("2019-03-10", "1996-03-10"), "kan inte räknas som barn"),
        (&EXEMPEL.replace("\"9800\"", "9800"), "som text"),
        (&EXEMPEL.replace("\"month\"", "\"manad\""), "Okänt fält \"manad\""),
        (&EXEMPEL.replace("\"person\": 0", "\"person\": 9"), "ingen person med index 9"),
    ];
    for (indata, text) in fall {
        let (code, out, err) = berakna(indata);
        assert_eq!(code, 2, "{text}: {err}");
        assert!(out.is_empty());
        assert!(err.contains(text), "expected «{text}» in «{err}»");
    }
}

#[test]
fn beslut_lista_and_brev_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    assert_eq!(bistand(&["demo", "--db", db]).0, 0);
    let (code, out, err) = bistand(&["beslut", "--db", db, "--lista"]);
    assert_eq!(code, 0, "{err}");
    let rader: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(rader.len() >= 3);
    for utfall in ["bifall", "delavslag", "avslag"] {
        assert!(rader.iter().any(|r| r["utfall"] == utfall), "{utfall}");
    }
    // Every line names its posts with amounts a script can compare with the letter.
    let delavslag = rader.iter().find(|r| r["utfall"] == "delavslag").unwrap();
    let post = &delavslag["poster"][0];
    assert_eq!(post["post"], "Försörjningsstöd");
    assert_eq!(post["utfall"], "delavslag");
    let (ansokt, beviljat) = (post["ansokt"].as_str().unwrap(), post["beviljat"].as_str().unwrap());
    assert!(ansokt.ends_with(".00") && beviljat.ends_with(".00"), "{ansokt} {beviljat}");
    let belopp = |s: &str| bistand::domain::Belopp::parse(s).unwrap();
    assert!(belopp(ansokt) > belopp(beviljat));
    let id = delavslag["id"].to_string();
    let ut = dir.path().join("delavslag.pdf");
    assert_eq!(bistand(&["brev", "--db", db, "--beslut", &id, "--ut", ut.to_str().unwrap()]).0, 0);
    let text = gemensamt::pdf_text(&std::fs::read(&ut).unwrap());
    assert!(
        text.contains(&format!("Beviljas {}, avslås", bistand::domain::klarsprak::kronor(belopp(beviljat)))),
        "the letter grants what the list says"
    );
    let avslag = rader.iter().find(|r| r["utfall"] == "avslag").unwrap();
    assert!(avslag["arende"].as_str().unwrap().contains('-') && avslag["datum"].as_str().unwrap().len() == 10);
    let ut = dir.path().join("beslut.pdf");
    let id = avslag["id"].to_string();
    let (code, _, err) = bistand(&["brev", "--db", db, "--beslut", &id, "--ut", ut.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let pdf = std::fs::read(&ut).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    // A decision that does not exist is a failed command (1), not a bad argument (2).
    let (code, _, err) = bistand(&["brev", "--db", db, "--beslut", "9999", "--ut", ut.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("inget beslut med id 9999"), "{err}");
    let (code, _, err) = bistand(&["brev", "--db", db, "--beslut", "ett"]);
    assert_eq!(code, 2);
    assert!(err.contains("heltal"), "{err}");
}

#[test]
fn brev_for_a_case_by_type() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    assert_eq!(bistand(&["demo", "--db", db]).0, 0);
    let ut = dir.path().join("kallelse.pdf");
    let (code, _, err) =
        bistand(&["brev", "--db", db, "--arende", "2026-0001", "--typ", "kallelse", "--ut", ut.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&ut).unwrap().starts_with(b"%PDF"));
    let (code, _, err) = bistand(&["brev", "--db", db, "--arende", "2026-0001", "--typ", "vykort", "--ut", "x.pdf"]);
    assert_eq!(code, 2);
    assert!(err.contains("Okänd brevtyp"), "{err}");
    let (code, _, err) = bistand(&["brev", "--db", db, "--arende", "2099-0001", "--typ", "kallelse", "--ut", "x.pdf"]);
    assert_eq!(code, 1);
    assert!(err.contains("inget ärende 2099-0001"), "{err}");
}

/// A script that reads only the first decisions (`bistand beslut --lista | head`) closes the
/// pipe early: the listing stops quietly, without a panic.
#[test]
fn a_listing_read_only_in_part_ends_quietly() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lista.db");
    let db = db.to_str().unwrap();
    let (code, _, err) = bistand(&["demo", "--db", db, "--hushall", "300", "--manader", "6"]);
    assert_eq!(code, 0, "{err}");
    let mut barn = Command::new(env!("CARGO_BIN_EXE_bistand"))
        .args(["beslut", "--db", db, "--lista", "--anvandare", "tobias"])
        .env("BISTAND_LOSENORD", "ovning")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut forsta = String::new();
    std::io::BufReader::new(barn.stdout.take().unwrap()).read_line(&mut forsta).unwrap();
    assert!(forsta.contains("\"utfall\""), "{forsta}");
    let ut = barn.wait_with_output().unwrap();
    let fel = String::from_utf8_lossy(&ut.stderr);
    assert!(!fel.contains("panicked"), "{fel}");
    assert_eq!(ut.status.code(), Some(0));
}

/// What a failing command shows: exit code, nothing on standard out, a message on standard error.
fn misslyckas(args: &[&str], kod: i32, text: &str) -> String {
    let (code, out, err) = bistand(args);
    assert_eq!(code, kod, "{args:?}: {err}");
    assert!(out.is_empty(), "{args:?}: {out}");
    assert!(err.contains(text), "{args:?}: expected «{text}» in «{err}»");
    err
}

/// A file name in another encoding than UTF-8 (an old Latin-1 "ansökan.db") is refused in
/// Swedish with exit 2 instead of a crash (exit 101).
#[cfg(unix)]
#[test]
fn a_non_utf8_argument_is_refused_in_swedish() {
    use std::os::unix::ffi::OsStrExt;
    let namn = std::ffi::OsStr::from_bytes(b"ans\xf6kan.db");
    let out = Command::new(env!("CARGO_BIN_EXE_bistand")).args(["kontroll", "--db"]).arg(namn).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("inte är giltig text (UTF-8)"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// An option the command does not take is an error, never silently ignored, and nothing is
/// created or written.
#[test]
fn an_option_the_command_does_not_take_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ny.db");
    let db = db.to_str().unwrap();
    for args in [
        vec!["demo", "--db", db, "--ut", "x.pdf"],
        vec!["demo", "--db", db, "--lista"],
        vec!["kontroll", "--db", db, "--hushall", "5"],
        vec!["beslut", "--db", db, "--lista", "--ut", "x.pdf"],
        vec!["brev", "--db", db, "--beslut", "1", "--ut", "x.pdf", "--lista"],
        vec!["plan", "--db", db, "--arende", "2026-0001", "--ut", "x.pdf", "--beslut", "1"],
        vec!["fia", "--db", db, "--intervju", "1", "--ut", "x.pdf", "--hushall", "2"],
        vec!["sakerhetskopia", "--db", db, "--ut", "k.db", "--manader", "2"],
        vec!["aterstall", "--fran", "k.db", "--db", db, "--ut", "x"],
        vec!["berakna", "--db", db],
        vec!["berakna", "--lista"],
        vec!["--db", db, "--ut", "x.pdf"],
        vec!["--hushall", "3"],
        vec!["demo", "--db", db, "--matstart"],
    ] {
        misslyckas(&args, 2, "kan inte användas med");
    }
    assert!(!std::path::Path::new(db).exists(), "a refused command created the database");
    misslyckas(&["kontroll", "--db", db, "--db", db], 2, "mer än en gång");
}

/// The example with its members replaced: `vuxna` adults and `barn` children.
fn med_medlemmar(vuxna: usize, barn: usize, i_bostaden: usize) -> String {
    let mut v: serde_json::Value = serde_json::from_str(EXEMPEL).unwrap();
    let vuxen = serde_json::json!({"role": "sokande", "birth_date": "1984-02-01"});
    let ett_barn = serde_json::json!({"role": "barn", "birth_date": "2019-03-10"});
    let mut medlemmar = vec![vuxen; vuxna];
    medlemmar.extend(vec![ett_barn; barn]);
    v["members"] = medlemmar.into();
    v["shared_home_persons"] = i_bostaden.into();
    v["incomes"] = serde_json::json!([]);
    v.to_string()
}

#[test]
fn berakna_refuses_values_out_of_range_in_swedish() {
    let el = r#"{"kind": "hushallsel", "amount": "500"}"#;
    let fall = [
        (EXEMPEL.replace("\"shared_home_persons\": 4", "\"shared_home_persons\": 4000000000"), "från 1 till 30"),
        (EXEMPEL.replace("\"shared_home_persons\": 4", "\"shared_home_persons\": 0"), "från 1 till 30"),
        (EXEMPEL.replace("\"shared_home_persons\": 4", "\"shared_home_persons\": -2"), "från 1 till 30"),
        (EXEMPEL.replace("\"9800\"", "\"10000000.01\""), "högst 10 000 000 kr"),
        (EXEMPEL.replace("\"9800\"", "\"99999999999999\""), "orimligt stort"),
        (EXEMPEL.replace("\"9800\"", "\"9800.125\""), "högst två decimaler"),
        (EXEMPEL.replace("\"2500\"", "\"2500000000\""), "orimligt stort"),
        (EXEMPEL.replace("1984-02-01", "1800-02-01"), "1900-01-01"),
        (EXEMPEL.replace("2019-03-10", "2030-03-10"), "utanför det tillåtna"),
        (med_medlemmar(1, 19, 20), "högst 18 barn"),
        (med_medlemmar(3, 18, 30), "högst 20 personer"),
        (EXEMPEL.replace(el, &vec![el; 101].join(", ")), "högst 100 rader"),
        ("".to_string(), "Indata är tom"),
    ];
    for (indata, text) in fall {
        let (code, out, err) = berakna(&indata);
        assert_eq!(code, 2, "{text}: {err}");
        assert!(out.is_empty(), "{text}: {out}");
        assert!(err.contains(text), "expected «{text}» in «{err}»");
    }
    // At the limits the household is computed: 1 adult and 18 children in a home of 30.
    let (code, out, err) = berakna(&med_medlemmar(1, 18, 30));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"granted\""), "{out}");
}

/// JSON saved by Windows Notepad starts with a byte-order mark: the same result as without,
/// from a file and from standard input.
#[test]
fn berakna_accepts_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let (code, utan, err) = berakna(EXEMPEL);
    assert_eq!(code, 0, "{err}");
    let med_bom = format!("\u{feff}{EXEMPEL}");
    let (code, fran_stdin, err) = berakna(&med_bom);
    assert_eq!(code, 0, "{err}");
    assert_eq!(fran_stdin, utan);
    let fil = dir.path().join("anteckningar.json");
    std::fs::write(&fil, med_bom).unwrap();
    let (code, fran_fil, err) = bistand(&["berakna", "--in", fil.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(fran_fil, utan);
}

/// A demo database whose `beslut` table has garbage written into its root page.
fn skadad_databas(dir: &std::path::Path) -> String {
    let db = dir.join("skadad.db");
    let (code, _, err) = bistand(&["demo", "--db", db.to_str().unwrap(), "--manader", "2"]);
    assert_eq!(code, 0, "{err}");
    gemensamt::skada_sidan(&db, "beslut");
    db.to_str().unwrap().to_string()
}

/// Damage is reported, not hidden: the listing does not come out empty with exit 0, and the
/// letter does not claim that the decision is missing.
#[test]
fn a_damaged_page_ends_read_commands_with_exit_1_and_a_swedish_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = skadad_databas(dir.path());
    misslyckas(&["beslut", "--db", &db, "--lista"], 1, "Databasen är skadad");
    let ut = dir.path().join("beslut.pdf");
    let err = misslyckas(&["brev", "--db", &db, "--beslut", "1", "--ut", ut.to_str().unwrap()], 1, "skadad");
    assert!(!err.contains("inget beslut"), "{err}");
    assert!(!ut.exists());
}

/// Damage SQLite itself reads without an error (a page reached twice) made the listing repeat
/// and lose decisions with exit 0; the listing, and a letter whose decision is not found, check
/// the table and report the damage instead.
#[test]
fn damage_that_sqlite_reads_without_error_is_still_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tyst.db");
    let (code, _, err) = bistand(&["demo", "--db", db.to_str().unwrap(), "--hushall", "300", "--manader", "2"]);
    assert_eq!(code, 0, "{err}");
    gemensamt::dubbel_referens(&db, "beslut");
    let db = db.to_str().unwrap();
    misslyckas(&["beslut", "--db", db, "--lista"], 1, "Databasen är skadad");
    let ut = dir.path().join("b.pdf");
    let err = misslyckas(&["brev", "--db", db, "--beslut", "99999", "--ut", ut.to_str().unwrap()], 1, "skadad");
    assert!(!err.contains("inget beslut"), "{err}");
}

/// Failing commands of every kind say what is wrong in Swedish: no English detail from SQLite,
/// serde or the operating system reaches the user.
#[test]
fn no_english_words_reach_the_user() {
    let dir = tempfile::tempdir().unwrap();
    let d = |namn: &str| dir.path().join(namn).to_str().unwrap().to_string();
    let skadad = skadad_databas(dir.path());
    let frisk = d("frisk.db");
    assert_eq!(bistand(&["demo", "--db", &frisk]).0, 0);
    std::fs::write(d("skrap.db"), vec![b'x'; 8192]).unwrap();
    std::fs::write(d("fel.json"), "{\"month\": \"2021-10\", \"members\": 3}").unwrap();
    std::fs::create_dir(d("mapp")).unwrap();
    let ut_i_mapp_som_saknas = d("saknas/brev.pdf");
    let mut fel = String::new();
    for args in [
        vec!["beslut", "--db", &skadad, "--lista"],
        vec!["brev", "--db", &skadad, "--beslut", "2", "--ut", &d("a.pdf")],
        vec!["kontroll", "--db", &skadad],
        vec!["beslut", "--db", &d("finns-inte.db"), "--lista"],
        vec!["kontroll", "--db", &d("skrap.db")],
        vec!["kontroll", "--db", &d("mapp")],
        vec!["brev", "--db", &frisk, "--beslut", "1", "--ut", &ut_i_mapp_som_saknas],
        vec!["brev", "--db", &frisk, "--beslut", "1", "--ut", &d("mapp")],
        vec!["plan", "--db", &frisk, "--arende", "2099-0001", "--ut", &d("p.pdf")],
        vec!["fia", "--db", &frisk, "--intervju", "999", "--ut", &d("f.pdf")],
        vec!["berakna", "--in", &d("finns-inte.json")],
        vec!["berakna", "--in", &d("mapp")],
        vec!["berakna", "--in", &d("fel.json")],
        vec!["demo", "--db", &d("mapp")],
        vec!["kontroll", "--db", &frisk, "--okand"],
    ] {
        let (code, _, err) = bistand(&args);
        assert_ne!(code, 0, "{args:?}");
        assert!(!err.trim().is_empty(), "{args:?} failed without a word");
        fel.push_str(&err);
    }
    let engelska = [
        "error",
        "file",
        "permission",
        "denied",
        "not",
        "found",
        "database",
        "disk",
        "no",
        "such",
        "directory",
        "failed",
        "invalid",
        "expected",
        "sqlite",
        "os",
        "malformed",
        "unable",
        "open",
        "type",
    ];
    let ord: Vec<String> = fel
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|o| engelska.contains(&o.as_str()))
        .collect();
    assert!(ord.is_empty(), "English words {ord:?} in:\n{fel}");
}

#[test]
fn sok_finds_cases_by_any_part_of_a_name_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    assert_eq!(bistand(&["demo", "--db", db, "--hushall", "200"]).0, 0);
    let (code, out, err) = bistand(&["sok", "--db", db, "ström"]);
    assert_eq!(code, 0, "{err}");
    let rader: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!rader.is_empty(), "Engström and others are found by a part inside the name");
    assert!(rader.iter().all(|r| r["arende"].as_str().unwrap().contains('-')));
    let namn = |r: &serde_json::Value| r["namn"].as_str().unwrap().to_lowercase();
    assert!(rader.iter().any(|r| namn(r).contains("ström") && !namn(r).starts_with("ström")), "{rader:?}");
    // Two words must both match; no match is an empty answer, not an error.
    let (code, out, _) = bistand(&["sok", "--db", db, "ström", "zzzz"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, _, err) = bistand(&["sok", "--db", db]);
    assert_eq!(code, 2);
    assert!(err.contains("text att söka efter"), "{err}");
}

#[test]
fn brev_manad_writes_every_decision_letter_of_the_month_on_every_core() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    assert_eq!(bistand(&["demo", "--db", db.to_str().unwrap(), "--hushall", "30", "--manader", "3"]).0, 0);
    let (period, antal): (String, usize) = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT period, COUNT(*) FROM beslut GROUP BY period ORDER BY 2 DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)? as usize))
        })
        .unwrap();
    assert!(antal >= 2, "the demo has a month with several decisions");
    let mapp = dir.path().join("brev");
    let (code, out, err) =
        bistand(&["brev", "--db", db.to_str().unwrap(), "--manad", &period, "--ut", mapp.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("Skrev {antal} beslutsbrev för")), "{out}");
    let filer: Vec<_> = std::fs::read_dir(&mapp).unwrap().map(|f| f.unwrap().path()).collect();
    assert_eq!(filer.len(), antal);
    for fil in filer {
        let pdf = std::fs::read(&fil).unwrap();
        assert!(pdf.starts_with(b"%PDF-1.7") && pdf.windows(13).any(|w| w == b"pdfaid:part>2"), "{fil:?}");
    }
    let tom = dir.path().join("tom");
    let (code, out, _) =
        bistand(&["brev", "--db", db.to_str().unwrap(), "--manad", "2001-01", "--ut", tom.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("inga beslut för 2001-01") && !tom.exists(), "{out}");
}

#[test]
fn installning_writes_the_computers_settings_file() {
    let dir = tempfile::tempdir().unwrap();
    let fil = dir.path().join("ProgramData").join("installning.json");
    let kor = |args: &[&str]| {
        let out =
            Command::new(env!("CARGO_BIN_EXE_bistand")).args(args).env("BISTAND_INSTALLNING", &fil).output().unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    assert_eq!(kor(&["installning", "--databas", "/srv/bistand/enhet.db"]).0, 0);
    assert_eq!(kor(&["installning", "--enhet", "Enheten Norra"]).0, 0);
    let text = std::fs::read_to_string(&fil).unwrap();
    assert!(text.contains("/srv/bistand/enhet.db") && text.contains("Enheten Norra"), "{text}");
    let (code, err) = kor(&["installning", "--databas", "ftp://x/y"]);
    assert_eq!(code, 1);
    assert!(err.contains("postgres://"), "{err}");
}

/// Commands that show or change case data refuse to run without a user (exit 2, before the
/// database is opened) and with a wrong password; with a user they are logged as hers.
#[test]
fn case_data_commands_need_a_user_and_are_logged_as_hers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    assert_eq!(bistand(&["demo", "--db", db]).0, 0);
    let ut = dir.path().join("kallelse.pdf");
    let ut = ut.to_str().unwrap();
    for args in [
        vec!["beslut", "--db", db, "--lista"],
        vec!["sok", "--db", db, "ström"],
        vec!["brev", "--db", db, "--arende", "2026-0001", "--typ", "kallelse", "--ut", ut],
    ] {
        let out =
            Command::new(env!("CARGO_BIN_EXE_bistand")).args(&args).env_remove("BISTAND_LOSENORD").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("kräver en användare") && err.contains("--anvandare"), "{err}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_bistand"))
        .args(["beslut", "--db", db, "--lista", "--anvandare", "ulrika"])
        .env("BISTAND_LOSENORD", "fel")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Inloggningsnamnet eller lösenordet stämmer inte"));
    // The systemförvaltare sees no case content, from the command line either.
    let (code, out, err) = bistand(&["beslut", "--db", db, "--lista", "--anvandare", "sven"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("inte behörighet"), "{err}");

    let (code, _, err) = bistand(&[
        "brev",
        "--db",
        db,
        "--arende",
        "2026-0001",
        "--typ",
        "kallelse",
        "--ut",
        ut,
        "--anvandare",
        "ulrika",
    ]);
    assert_eq!(code, 0, "{err}");
    let store = bistand::store::Store::open(std::path::Path::new(db)).unwrap();
    let rader = store
        .logg_urval(&bistand::store::Loggfilter { anvandare: Some("ulrika".into()), ..Default::default() })
        .unwrap();
    assert!(rader.iter().any(|r| r.handelse == "Skrev ut brev" && r.arendenummer == "2026-0001"), "{rader:?}");
    assert!(!rader[0].dator.is_empty(), "from which computer");
}

#[test]
fn anvandare_lista_prints_the_users_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    assert_eq!(bistand(&["demo", "--db", db]).0, 0);
    let (code, out, err) = bistand(&["anvandare", "--db", db, "--lista"]);
    assert_eq!(code, 0, "{err}");
    let rader: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rader.len(), 5, "one per role");
    for roll in ["handlaggare", "forste_socialsekreterare", "kassa", "enhetschef", "systemforvaltare"] {
        assert!(rader.iter().any(|r| r["roll"] == roll && r["aktiv"] == true && r["login"].is_string()), "{roll}");
    }
    assert!(!out.contains("argon2"), "no password hash is printed");
}

//! The headless commands as a script runs them: exit codes and Swedish messages.

mod gemensamt;

use std::process::Command;

fn bistand(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bistand")).args(args).output().expect("the binary runs");
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
    store.spara_utkast("hushall:ny", "Nytt hushåll", "{}", nu()).unwrap();
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
    assert_eq!(store.alla_utkast().unwrap().len(), 1, "the draft is still there");
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
    let avslag = rader.iter().find(|r| r["utfall"] == "avslag").unwrap();
    assert!(avslag["arende"].as_str().unwrap().contains('-') && avslag["datum"].as_str().unwrap().len() == 10);
    let ut = dir.path().join("beslut.pdf");
    let id = avslag["id"].to_string();
    let (code, _, err) = bistand(&["brev", "--db", db, "--beslut", &id, "--ut", ut.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let pdf = std::fs::read(&ut).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let (code, _, err) = bistand(&["brev", "--db", db, "--beslut", "9999", "--ut", ut.to_str().unwrap()]);
    assert_eq!(code, 2);
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
    assert_eq!(code, 2);
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
        .args(["beslut", "--db", db, "--lista"])
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

//! The headless commands as a script runs them: exit codes and Swedish messages.

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
    let (code, out, err) = bistand(&["demo", "--db", db, "--hushall", "300"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Skapade 300 påhittade hushåll"), "{out}");
    let (code, out, _) = bistand(&["kontroll", "--db", db]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("300 hushåll"), "{out}");
    assert!(out.contains("Databasen är frisk"), "{out}");
    // A second demo into the same file is refused: it would mix with existing cases.
    let (code, _, err) = bistand(&["demo", "--db", db]);
    assert_eq!(code, 1);
    assert!(err.contains("innehåller redan 300 hushåll"), "{err}");
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

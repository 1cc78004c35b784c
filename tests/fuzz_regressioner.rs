//! Replays every input kept under tests/fuzz/regressioner/<target>/ – seeds and any input a fuzz
//! run once crashed on – through the same checks the fuzz targets make (tests/fuzz/mal.rs).

#[path = "fuzz/mal.rs"]
mod mal;

fn spela_upp(mal: &str, kontroll: fn(&[u8])) {
    let mapp = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/regressioner").join(mal);
    let mut antal = 0;
    for fil in std::fs::read_dir(&mapp).unwrap() {
        let fil = fil.unwrap().path();
        let data = std::fs::read(&fil).unwrap();
        let svar = std::panic::catch_unwind(|| kontroll(&data));
        assert!(svar.is_ok(), "{} fick programmet att fallera", fil.display());
        antal += 1;
    }
    assert!(antal >= 3, "the seeds of {mal} are there");
}

#[test]
fn personnummer_inputs_that_once_mattered_parse_without_panicking() {
    spela_upp("personnummer", mal::personnummer);
}

#[test]
fn amount_inputs_that_once_mattered_parse_without_panicking() {
    spela_upp("belopp", mal::belopp);
}

#[test]
fn calculation_json_inputs_that_once_mattered_compute_without_panicking() {
    spela_upp("berakna", mal::berakna);
}

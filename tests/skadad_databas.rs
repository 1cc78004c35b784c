//! Damage is reported, not hidden: in the window a database that cannot be read shows a Swedish
//! message where the list would be, never an empty list.

mod gemensamt;

use bistand::ui::flikar::Flik;
use egui_kittest::kittest::Queryable;
use gemensamt::ui::harness;
use gemensamt::*;

#[test]
fn a_damaged_decision_table_shows_an_error_on_the_decision_tab_not_an_empty_list() {
    let (_dir, path) = temp_db();
    let arende_id = {
        let mut store = gemensamt::open_fil(&path);
        bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
        let rad = store.alla_beslut().unwrap().remove(0);
        store.arende_med_nummer(&rad.arendenummer).unwrap().id
    };
    skada_sidan(&path, "beslut");
    let mut h = harness(gemensamt::open_fil(&path));
    h.state_mut().oppna_arende(arende_id, Flik::Beslut);
    h.run();
    assert!(
        h.query_by_label_contains("Databasen är skadad").is_some(),
        "the decision tab must say that the database is damaged"
    );
}

//! Dialogs stay where they are while they grow: a field under the pointer stays under it.

mod gemensamt;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gemensamt::ui::harness;
use gemensamt::*;

#[test]
fn the_household_form_does_not_move_when_children_are_added() {
    let (_dir, path) = temp_db();
    let mut h = harness(open(&path));
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.run();
    // The dialog's heading, outside the part that scrolls: where the dialog is.
    let fore = h.get_by_label_contains("Fyll i hushållets uppgifter").rect();
    for _ in 0..3 {
        h.get_by_label("Lägg till barn").click();
        h.run();
    }
    assert!(h.query_by_label("Barn 3: förnamn").is_some(), "three children were added");
    let efter = h.get_by_label_contains("Fyll i hushållets uppgifter").rect();
    assert_eq!(fore.min, efter.min, "the dialog stays where it was");
}

//! Fast typing after Tab: egui moves the keyboard focus to the next field at the end of the
//! frame that saw the Tab, so characters that arrived in the same frame would land in the field
//! being left. The events after a Tab wait for the next frame, where the new field has the
//! focus.

use egui::{Event, Key};

/// Keeps the frame's events up to and including the first Tab press; returns the rest, to be
/// given to the next frame.
pub fn dela_efter_tab(events: &mut Vec<Event>) -> Vec<Event> {
    let tab = events.iter().position(|e| matches!(e, Event::Key { key: Key::Tab, pressed: true, .. }));
    match tab {
        Some(i) if i + 1 < events.len() => events.split_off(i + 1),
        _ => Vec::new(),
    }
}

/// The events held back from the last frame, in front of this frame's, and this frame's split
/// after its first Tab. Returns whether events are waiting (the next frame must come soon).
pub fn folj(vantande: &mut Vec<Event>, events: &mut Vec<Event>) -> bool {
    if !vantande.is_empty() {
        let mut alla = std::mem::take(vantande);
        alla.append(events);
        *events = alla;
    }
    *vantande = dela_efter_tab(events);
    !vantande.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tab() -> Event {
        Event::Key { key: Key::Tab, physical_key: None, pressed: true, repeat: false, modifiers: egui::Modifiers::NONE }
    }

    fn text(t: &str) -> Event {
        Event::Text(t.into())
    }

    #[test]
    fn characters_typed_after_tab_wait_for_the_next_field() {
        let mut vantande = Vec::new();
        let mut frame = vec![text("a"), tab(), text("b"), text("c")];
        assert!(folj(&mut vantande, &mut frame));
        assert_eq!(frame, vec![text("a"), tab()], "the first field gets what came before Tab");
        let mut nasta = vec![text("d")];
        assert!(!folj(&mut vantande, &mut nasta));
        assert_eq!(nasta, vec![text("b"), text("c"), text("d")], "the next field gets the rest, in order");
    }

    #[test]
    fn two_tabs_in_one_frame_move_one_field_at_a_time() {
        let mut vantande = Vec::new();
        let mut frame = vec![tab(), text("x"), tab(), text("y")];
        folj(&mut vantande, &mut frame);
        assert_eq!(frame, vec![tab()]);
        let mut nasta = Vec::new();
        folj(&mut vantande, &mut nasta);
        assert_eq!(nasta, vec![text("x"), tab()]);
        let mut tredje = Vec::new();
        folj(&mut vantande, &mut tredje);
        assert_eq!(tredje, vec![text("y")]);
    }
}

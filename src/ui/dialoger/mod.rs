//! Dialogs over the window: registering a new household, the print preview.

pub mod forhandsgranskning;
pub mod nytt_hushall;

//! Dialogs over the window: registering a new household, changing it, the print preview.

pub mod andra_hushall;
pub mod forhandsgranskning;
pub mod nytt_hushall;

//! Dialogs over the window: registering a new household.

pub mod nytt_hushall;

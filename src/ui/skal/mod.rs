//! The shell every screen slots into: the window (app), top bar and status bar, the commands
//! and their shortcuts, the case list, Att göra and the first start.

pub mod app;
pub mod arendelista;
pub mod att_gora;
pub mod forslag;
pub mod forsta_start;
pub mod inloggning;
pub mod kommandon;
pub mod loggkontroll;
pub mod vantan;

//! PDF letters: the layout engine and, per letter kind, a module that only says what is on it.

pub mod aterkrav;
pub mod beslut;
pub mod fia;
pub mod layout;
pub mod logo;
pub mod meddelanden;
pub mod overklaga;
pub mod pdf;
pub mod plan;
pub mod rapport;
pub mod tilltal;

pub use layout::{
    Block, Brevhuvud, Form, Kolumn, Sida, Sidlayout, Text, Typsnitt, lagg_ut_brev, skapa_pdf, skapa_sidor_och_pdf,
};

//! Bistånd: a desktop tool for caseworkers of ekonomiskt bistånd.
//!
//! Layers (see `shared/architecture.md`): `ui, cli → arbete (use cases) → store, letters, domain`; `store → domain`;
//! `domain →` nothing of ours.

pub mod arbete;
/// The load test of a unit's database (issue 16); run by `examples/belastning.rs`.
#[doc(hidden)]
pub mod belastning;
pub mod brevomgang;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod filer;
pub mod installning;
pub mod letters;
pub mod plattform;
pub mod store;
pub mod ui;
pub mod utskrift;

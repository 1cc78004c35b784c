//! The rules of ekonomiskt bistånd: pure types and functions, no I/O, no SQL, no UI.

pub mod ansokan;
pub mod arende;
pub mod arshjul;
pub mod belopp;
pub mod beslut;
pub mod datum;
pub mod falt;
pub mod fia;
pub mod hushall;
pub mod ib;
pub mod journal;
pub mod klarsprak;
pub mod kod;
pub mod manad;
pub mod norm;
pub mod personnummer;
pub mod plan;
pub mod screening;
pub mod sok;
pub mod statistik;
pub mod uppfoljning;

pub use belopp::Belopp;
pub use personnummer::Personnummer;

//! Starts the window or runs a headless command; nothing else.

use bistand::cli::{self, Kommando};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kommando = match cli::tolka(&args) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let code = match kommando {
        Kommando::Starta { db, ovning } => match bistand::ui::starta(db, ovning) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("{e}");
                1
            }
        },
        other => cli::kor(&other, chrono::Local::now().naive_local()),
    };
    std::process::exit(code);
}

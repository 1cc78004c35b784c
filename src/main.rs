//! Starts the window or runs a headless command; nothing else.

use bistand::cli::{self, Kommando};

fn main() {
    // Cold start is measured from here (`--matstart`): the process has just begun.
    let start = std::time::Instant::now();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kommando = match cli::tolka(&args) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let code = match kommando {
        Kommando::Starta { db, ovning, matstart } => match bistand::ui::starta(db, ovning, matstart.then_some(start)) {
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

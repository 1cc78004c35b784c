//! Starts the window or runs a headless command; nothing else.

// A window program on Windows: no console window opens beside it from the Start menu.
#![cfg_attr(windows, windows_subsystem = "windows")]

use bistand::cli::{self, Kommando};

fn main() {
    // Cold start is measured from here (`--matstart`): the process has just begun.
    let start = std::time::Instant::now();
    if std::env::args_os().len() > 1 {
        bistand::plattform::anslut_till_terminalen();
    }
    let tolkat =
        cli::argument_som_text(std::env::args_os().skip(1)).and_then(|a| Ok((cli::tolka(&a)?, cli::anvandare_i(&a))));
    let (kommando, anvandare) = match tolkat {
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
        other => cli::kor(&other, anvandare.as_deref(), chrono::Local::now().naive_local()),
    };
    std::process::exit(code);
}

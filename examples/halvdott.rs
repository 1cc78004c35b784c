//! How long a read from the window waits on a half-dead network (issue 16): packets dropped,
//! no reset. Opens the unit's database and reads the case count every quarter second for the
//! given seconds, printing every read that took longer than 100 ms and how it ended. Cut the
//! network meanwhile (e.g. a veth peer set down) and watch.
//!
//! `cargo run --example halvdott -- postgres://användare@värd/databas 60`

use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(url), sekunder) = (args.next(), args.next().and_then(|s| s.parse::<u64>().ok()).unwrap_or(60)) else {
        eprintln!("Användning: halvdott postgres://… [sekunder]");
        std::process::exit(2);
    };
    let mut store = match bistand::store::Store::open(std::path::Path::new(&url)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let start = Instant::now();
    let mut langsta = Duration::ZERO;
    while start.elapsed() < Duration::from_secs(sekunder) {
        let kontakt = store.folj_kontakten();
        let t = Instant::now();
        let svar = store.antal_hushall();
        let tog = t.elapsed();
        langsta = langsta.max(tog);
        if tog > Duration::from_millis(100) || svar.is_err() {
            let hur = match &svar {
                Ok(n) => format!("{n} hushåll"),
                Err(e) => e.to_string(),
            };
            println!(
                "{:6.1} s  {kontakt:?}  läsningen tog {:6} ms: {hur}",
                start.elapsed().as_secs_f64(),
                tog.as_millis()
            );
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    println!("Längsta läsning: {} ms", langsta.as_millis());
}

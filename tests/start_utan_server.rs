//! Starting while the unit's server does not answer (issue 16): the window opens, says so, keeps
//! trying by itself in the background and shows the login once the server answers – without a
//! restart. A command on the command line still fails at once, in Swedish.
//!
//! The part where the server comes needs BISTAND_TEST_PG (see .ci/postgres.sh): a port of the
//! test's own is closed at first and later forwards to the test server.

mod gemensamt;

use bistand::store::Store;
use bistand::ui::skal::vantan::{INGEN_KONTAKT, Vantan};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gemensamt::ui::fast_klocka;
use gemensamt::*;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A port on this computer where nothing listens (taken from the system, then let go).
fn stangd_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The waiting window over the unit's database at `url`, drafts kept in `mapp`.
fn fonster(url: &str, mapp: &std::path::Path) -> Harness<'static, Vantan> {
    let (url, utkastfil) = (url.to_string(), mapp.join("utkast.db"));
    let vantan = Vantan::ny(
        bistand::store::server::utan_losenord(&url),
        Arc::new(move || Store::forbered_server(&url, &utkastfil)),
        Box::new(|start| start.oppna().map_err(bistand::ui::Startfel::Databas)),
        false,
        fast_klocka,
    );
    Harness::builder().with_size(egui::vec2(1000.0, 700.0)).build_ui_state(|ui, v: &mut Vantan| v.visa(ui), vantan)
}

/// Runs frames until `etikett` shows (within `sekunder`).
fn vanta_pa(h: &mut Harness<'static, Vantan>, etikett: &str, sekunder: u64) -> bool {
    let slut = Instant::now() + Duration::from_secs(sekunder);
    while Instant::now() < slut {
        h.run();
        if h.query_by_label_contains(etikett).is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn the_window_says_it_waits_for_a_server_that_does_not_answer_and_shows_nothing_else() {
    let mapp = tempfile::tempdir().unwrap();
    let mut h = fonster(&format!("postgres://bistand@127.0.0.1:{}/enheten", stangd_port()), mapp.path());
    assert!(vanta_pa(&mut h, INGEN_KONTAKT, 10), "the window says the server does not answer");
    assert!(h.query_by_label_contains("Databas: postgres://bistand@127.0.0.1:").is_some(), "and which database");
    assert!(h.query_by_label("Avsluta").is_some(), "the user can close the program");
    assert!(h.query_by_label_contains("Logga in").is_none(), "no login before the database answers");
    assert!(h.query_by_label("Sök").is_none() && h.state().program().is_none(), "nothing that needs the database");
    // It keeps trying by itself: a second attempt is counted within a few seconds.
    assert!(vanta_pa(&mut h, "Försök 2", 8), "the window tries again by itself");
}

/// Forwards every connection to `port` on this computer to the test server at `mal`.
fn vidarebefordra(lyssnare: TcpListener, mal: SocketAddr) {
    std::thread::spawn(move || {
        for inkommande in lyssnare.incoming() {
            let (Ok(a), Ok(b)) = (inkommande, TcpStream::connect(mal)) else { continue };
            for (mut fran, mut till) in [(a.try_clone().unwrap(), b.try_clone().unwrap()), (b, a)] {
                std::thread::spawn(move || {
                    let _ = std::io::copy(&mut fran, &mut till);
                    let _ = till.shutdown(std::net::Shutdown::Both);
                });
            }
        }
    });
}

#[test]
fn the_login_follows_by_itself_once_the_server_answers() {
    let Ok(server) = std::env::var(bistand::store::server::TESTSERVER) else {
        println!("BISTAND_TEST_PG är inte satt: testet mot en PostgreSQL-server hoppas över");
        return;
    };
    let config: postgres::Config = server.parse().unwrap();
    let mal = match (&config.get_hosts()[0], config.get_ports()[0]) {
        (postgres::config::Host::Tcp(host), port) => format!("{host}:{port}").parse::<SocketAddr>().unwrap(),
        #[cfg(unix)]
        _ => panic!("the test server is reached over TCP"),
    };
    // A database of the test's own with a user in it, so the login (not the first user) shows.
    let namn = format!("vantan_{}", std::process::id());
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).unwrap();
    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {namn} WITH (FORCE)")).unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {namn}")).unwrap();
    let direkt = format!("{}/{namn}", server.rsplit_once('/').unwrap().0);
    let mapp = tempfile::tempdir().unwrap();
    let mut store = Store::open_server_med_utkastfil(&direkt, &mapp.path().join("direkt.db")).unwrap();
    let sf = bistand::domain::anvandare::AnvandarFormular {
        login: "sven".into(),
        namn: "Sven Förvaltare".into(),
        titel: "Systemförvaltare".into(),
        roll: None,
    };
    bistand::arbete::anvandare::skapa_forsta_anvandare(
        &mut store,
        &sf,
        "ett-langt-losenord",
        "ett-langt-losenord",
        nu(),
    )
    .unwrap();
    drop(store);

    let port = stangd_port();
    let user = config.get_user().unwrap_or("postgres");
    let mut h = fonster(&format!("postgres://{user}@127.0.0.1:{port}/{namn}"), mapp.path());
    assert!(vanta_pa(&mut h, INGEN_KONTAKT, 10), "first the server does not answer");

    // The server comes: the same address now reaches it.
    vidarebefordra(TcpListener::bind(("127.0.0.1", port)).unwrap(), mal);
    assert!(vanta_pa(&mut h, "Logga in i Bistånd", 15), "the login shows by itself");
    assert!(h.query_by_label_contains(INGEN_KONTAKT).is_none(), "and the waiting is over");
    assert!(h.query_by_label("Lösenord").is_some(), "with its password field");
    drop(h);
    let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {namn} WITH (FORCE)"));
}

#[test]
fn a_command_against_a_server_that_does_not_answer_fails_in_swedish() {
    let url = format!("postgres://bistand@127.0.0.1:{}/enheten", stangd_port());
    let ut = std::process::Command::new(env!("CARGO_BIN_EXE_bistand"))
        .args(["sok", "--db", &url, "Provsson", "--anvandare", "tobias"])
        .env("BISTAND_LOSENORD", "ovning")
        .output()
        .unwrap();
    let fel = String::from_utf8_lossy(&ut.stderr);
    assert_eq!(ut.status.code(), Some(1), "{fel}");
    assert!(fel.contains("Ingen kontakt med enhetens databas (servern svarar inte)"), "{fel}");
}

#[test]
fn a_server_that_answers_but_refuses_is_explained_and_not_tried_again() {
    let Ok(server) = std::env::var(bistand::store::server::TESTSERVER) else {
        println!("BISTAND_TEST_PG är inte satt: testet mot en PostgreSQL-server hoppas över");
        return;
    };
    let mapp = tempfile::tempdir().unwrap();
    let url = format!("{}/finns_inte_{}", server.rsplit_once('/').unwrap().0, std::process::id());
    let mut h = fonster(&url, mapp.path());
    assert!(vanta_pa(&mut h, "Bistånd kan inte starta", 10), "a refusal is no network fault");
    assert!(h.query_by_label_contains("databasen finns inte på servern").is_some(), "the window says why");
    assert!(h.query_by_label_contains(INGEN_KONTAKT).is_none(), "and does not say it will try again");
}

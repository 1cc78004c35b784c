//! Keeping in contact with the unit's server (issue 16): a lost connection is noticed, the
//! next use tries again (at most every [`PAUS`], the connecting done on a thread of its own so
//! the window never waits for a network timeout), and a new connection gets the session's
//! settings again (search path, LISTEN). A write transaction whose connection died is not
//! resumed on the new one: it fails until it is rolled back, so nothing half-done is committed.

use super::Fel;
use ::postgres::fallible_iterator::FallibleIterator;
use ::postgres::{Client, Config};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// The shortest time between two attempts to reconnect.
pub(crate) const PAUS: Duration = Duration::from_secs(2);

/// How long a use waits for a connection attempt it started (a local server answers at once;
/// a server across a broken network does not, and the window must not freeze).
const VANTA_PA_FORSOK: Duration = Duration::from_millis(100);

/// How often the socket is looked at for notifications (a frame may come sixty times a second).
const NOTISKOLL: Duration = Duration::from_millis(200);

type Forsok = Receiver<Result<Client, ::postgres::Error>>;

/// One connection to the server and what it takes to make it again.
pub(crate) struct Forbindelse {
    klient: Option<Client>,
    /// How to connect again; None for a connection made elsewhere (it cannot be remade).
    config: Option<Config>,
    /// Statements every new connection runs first (SET search_path, LISTEN).
    session: Vec<String>,
    forsok: Option<Forsok>,
    nasta_forsok: Instant,
    i_transaktion: bool,
    /// The connection died inside a write transaction: everything fails until it ends.
    brot_i_transaktion: bool,
    /// The connection came back since this was last asked ([`Forbindelse::ar_tillbaka`]).
    tillbaka: bool,
    senaste_notiskoll: Instant,
}

impl Forbindelse {
    pub(crate) fn ny(klient: Client, config: Option<Config>) -> Forbindelse {
        Forbindelse {
            klient: Some(klient),
            config,
            session: Vec::new(),
            forsok: None,
            nasta_forsok: Instant::now(),
            i_transaktion: false,
            brot_i_transaktion: false,
            tillbaka: false,
            senaste_notiskoll: Instant::now().checked_sub(NOTISKOLL).unwrap_or_else(Instant::now),
        }
    }

    /// True once after the connection was made again.
    pub(crate) fn ar_tillbaka(&mut self) -> bool {
        std::mem::take(&mut self.tillbaka)
    }

    /// Runs `sql` now and on every new connection.
    pub(crate) fn sessionssats(&mut self, sql: &str) -> Result<(), Fel> {
        self.session.push(sql.to_string());
        self.simple_query(sql).map(|_| ())
    }

    /// The connection, made again if it was lost and an attempt is due (`vanta`: wait a moment
    /// for an attempt started now).
    fn klient(&mut self, vanta: bool) -> Result<&mut Client, Fel> {
        if self.brot_i_transaktion {
            return Err(Fel::IngenKontakt);
        }
        if self.klient.as_ref().is_some_and(Client::is_closed) {
            self.tappa();
        }
        if self.klient.is_none() {
            self.forsok_igen(vanta);
        }
        self.klient.as_mut().ok_or(Fel::IngenKontakt)
    }

    /// Moves a reconnection on without blocking: takes a finished attempt, or starts one when
    /// it is due. Returns whether the server is in contact.
    pub(crate) fn folj(&mut self) -> bool {
        if self.klient.as_ref().is_some_and(Client::is_closed) {
            self.tappa();
        }
        if self.klient.is_none() && !self.i_transaktion {
            self.forsok_igen(false);
        }
        self.klient.is_some()
    }

    fn forsok_igen(&mut self, vanta: bool) {
        if self.forsok.is_none() && Instant::now() >= self.nasta_forsok {
            let Some(config) = self.config.clone() else { return };
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let _ = tx.send(crate::store::server::koppla(&config));
            });
            self.forsok = Some(rx);
            self.nasta_forsok = Instant::now() + PAUS;
            if vanta {
                self.ta_emot(self.forsok.as_ref().and_then(|rx| rx.recv_timeout(VANTA_PA_FORSOK).ok()));
                return;
            }
        }
        let svar = match self.forsok.as_ref().map(Receiver::try_recv) {
            Some(Ok(svar)) => Some(svar),
            Some(Err(TryRecvError::Disconnected)) => {
                self.forsok = None;
                None
            }
            Some(Err(TryRecvError::Empty)) | None => None,
        };
        self.ta_emot(svar);
    }

    /// A finished attempt: a new connection gets the session's settings.
    fn ta_emot(&mut self, svar: Option<Result<Client, ::postgres::Error>>) {
        let Some(svar) = svar else { return };
        self.forsok = None;
        let Ok(mut klient) = svar else { return };
        let sessionen = self.session.join(";\n");
        if !sessionen.is_empty() && klient.batch_execute(&sessionen).is_err() {
            return;
        }
        self.klient = Some(klient);
        self.tillbaka = true;
    }

    /// The connection is gone: the next use (or [`Forbindelse::folj`]) tries again at once.
    fn tappa(&mut self) {
        self.klient = None;
        if self.i_transaktion {
            self.brot_i_transaktion = true;
        }
        if self.forsok.is_none() {
            self.nasta_forsok = Instant::now();
        }
    }

    /// Sends statements; a lost connection is [`Fel::IngenKontakt`] and is remade next time.
    pub(crate) fn simple_query(&mut self, sql: &str) -> Result<Vec<::postgres::SimpleQueryMessage>, Fel> {
        let klient = self.klient(true)?;
        match klient.simple_query(sql) {
            Ok(svar) => Ok(svar),
            Err(e) if ar_brott(&e) || klient.is_closed() => {
                self.tappa();
                Err(Fel::IngenKontakt)
            }
            Err(e) => Err(Fel::Postgres(e)),
        }
    }

    /// Starts a write transaction (`sql` begins it and takes the write lock).
    pub(crate) fn borja(&mut self, sql: &str) -> Result<(), Fel> {
        self.simple_query(sql)?;
        self.i_transaktion = true;
        Ok(())
    }

    /// Ends the write transaction. One whose connection died is not committed (an error) and
    /// rolls back by itself.
    pub(crate) fn avsluta(&mut self, commit: bool) -> Result<(), Fel> {
        self.i_transaktion = false;
        if std::mem::take(&mut self.brot_i_transaktion) {
            return if commit { Err(Fel::IngenKontakt) } else { Ok(()) };
        }
        if self.klient.is_none() {
            return if commit { Err(Fel::IngenKontakt) } else { Ok(()) };
        }
        self.simple_query(if commit { "COMMIT" } else { "ROLLBACK" }).map(|_| ())
    }

    /// The payloads of the notifications that arrived, read without a round trip (only what
    /// the socket already holds; the socket is looked at most every [`NOTISKOLL`]). A
    /// connection found closed meanwhile is noted as lost.
    pub(crate) fn notiser(&mut self) -> Vec<String> {
        if self.senaste_notiskoll.elapsed() < NOTISKOLL {
            return Vec::new();
        }
        self.senaste_notiskoll = Instant::now();
        let Some(klient) = self.klient.as_mut() else { return Vec::new() };
        let mut ut = Vec::new();
        let mut bruten = false;
        {
            let mut notiser = klient.notifications();
            // The non-blocking iterator never lets the client's reactor look at the socket, so
            // it sees only what an earlier query happened to read; a millisecond's wait does.
            let mut iter = notiser.timeout_iter(Duration::from_millis(1));
            loop {
                match iter.next() {
                    Ok(Some(n)) => ut.push(n.payload().to_string()),
                    Ok(None) => break,
                    Err(_) => {
                        bruten = true;
                        break;
                    }
                }
            }
        }
        if bruten || klient.is_closed() {
            self.tappa();
        }
        ut
    }
}

/// Whether an error means the connection is gone: closed, a network error, or the server
/// ending the session (shutdown, an administrator's terminate, a crash).
fn ar_brott(e: &::postgres::Error) -> bool {
    if e.is_closed() {
        return true;
    }
    match e.code() {
        Some(kod) => {
            let kod = kod.code();
            kod.starts_with("08") || kod.starts_with("57P")
        }
        // No SQL state: an I/O or protocol error below the session.
        None => e.as_db_error().is_none() && std::error::Error::source(e).is_some(),
    }
}

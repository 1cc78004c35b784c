//! The append-only event log: who opened or changed which case, when, and from which computer.

use super::db::params;
use super::{Resultat, Skrivning, Store, tidstampel};
use crate::kodlista;
use chrono::NaiveDateTime;

kodlista! {
    /// What happened.
    pub enum Handelse {
        OppnadeArende = ("oppnade_arende", "Öppnade ärendet"),
        VisadeSkyddadAdress = ("visade_skyddad_adress", "Visade skyddad adress"),
        RegistreradeHushall = ("registrerade_hushall", "Registrerade hushållet"),
        BytteStatus = ("bytte_status", "Ändrade status"),
        AndradeAnsvar = ("andrade_ansvar", "Ändrade ansvariga"),
        SkrevJournal = ("skrev_journal", "Skrev journalanteckning"),
        MakuleradeJournal = ("makulerade_journal", "Makulerade journalanteckning"),
        SparadeAnsokan = ("sparade_ansokan", "Sparade ansökan"),
        FattadeBeslut = ("fattade_beslut", "Fattade beslut"),
        KomOverensOmPlan = ("kom_overens_om_plan", "Kom överens om förändringsplan"),
        SkrevUtBrev = ("skrev_ut_brev", "Skrev ut brev"),
        SparadePlanutkast = ("sparade_planutkast", "Sparade utkast till förändringsplan"),
        SparadeFia = ("sparade_fia", "Sparade FIA-intervju"),
        SparadeScreening = ("sparade_screening", "Sparade screening"),
        SparadeIb = ("sparade_ib", "Sparade initial bedömning"),
        SkrevUppfoljning = ("skrev_uppfoljning", "Skrev uppföljning av planen"),
        SkrevAvvikelse = ("skrev_avvikelse", "Skrev avvikelse från planen"),
        SigneradePlan = ("signerade_plan", "Klienten signerade planen"),
        SparadeNormtabell = ("sparade_normtabell", "Sparade normtabell"),
        BestalldeUtbetalning = ("bestallde_utbetalning", "Beställde utbetalning"),
        AttesteradeUtbetalning = ("attesterade_utbetalning", "Attesterade utbetalning"),
        StoppadeUtbetalning = ("stoppade_utbetalning", "Stoppade utbetalning"),
        ExporteradeUtbetalning = ("exporterade_utbetalning", "Skickade utbetalning till banken"),
        RegistreradeRetur = ("registrerade_retur", "Registrerade återkommen utbetalning"),
        SparadeBeslutsforslag = ("sparade_beslutsforslag", "Sparade förslag till beslut"),
        BeslutadeForslag = ("beslutade_forslag", "Fattade beslut enligt förslag"),
        SparadeDelegationsordning = ("sparade_delegationsordning", "Sparade delegationsordning"),
        FlyttadeIn = ("flyttade_in", "Registrerade att en person flyttat in eller fötts"),
        FlyttadeUt = ("flyttade_ut", "Registrerade att en person flyttat ut"),
        AndradeAdress = ("andrade_adress", "Ändrade hushållets adress"),
        AndradeSkydd = ("andrade_skydd", "Ändrade skyddade personuppgifter"),
        AndradeHushallsuppgifter = ("andrade_hushallsuppgifter", "Ändrade utbetalning, tolk och kontakt"),
        OppnadeUtanUppdrag = ("oppnade_utan_uppdrag", "Öppnade ärende utan uppdrag"),
        LasteScreening = ("laste_screening", "Läste screeningsvar"),
        ListadeArenden = ("listade_arenden", "Listade ärenden eller beslut från kommandoraden"),
        LoggadeIn = ("loggade_in", "Loggade in"),
        FelLosenord = ("fel_losenord", "Fel lösenord vid inloggning"),
        SkapadeAnvandare = ("skapade_anvandare", "Lade till användare"),
        AndradeAnvandare = ("andrade_anvandare", "Ändrade användare eller roll"),
        InaktiveradeAnvandare = ("inaktiverade_anvandare", "Inaktiverade användare"),
        AterstalldeLosenord = ("aterstallde_losenord", "Återställde lösenord"),
        GranskadeLogg = ("granskade_logg", "Granskade åtkomstloggen"),
        ExporteradeLogg = ("exporterade_logg", "Exporterade åtkomstloggen"),
        SkrevStatistikrapport = ("skrev_statistikrapport", "Skrev statistikrapport"),
        SparadeStatistikinstallning = ("sparade_statistikinstallning", "Sparade statistikens inställningar"),
        RegistreradeNybesok = ("registrerade_nybesok", "Registrerade nybesök"),
        SparadeArshjul = ("sparade_arshjul", "Sparade årshjulet"),
        BockadeAvKontroll = ("bockade_av_kontroll", "Bockade av kontroll i årshjulet"),
        GjordeGenomgang = ("gjorde_genomgang", "Gick igenom handläggarens ärenden"),
        KontaktadeForeAvslut = ("kontaktade_fore_avslut", "Kontaktade klienten före avslut"),
    }
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logghandelse {
    pub tid: String,
    pub anvandare: String,
    pub handelse: String,
    pub detalj: String,
}

impl Skrivning<'_> {
    pub fn logga(
        &self,
        handelse: Handelse,
        arende_id: Option<i64>,
        anvandare: &str,
        detalj: &str,
        nu: NaiveDateTime,
    ) -> Resultat<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO handelselogg (tid, anvandare, handelse, arende_id, detalj, dator)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![tidstampel(nu), anvandare, handelse.kod(), arende_id, detalj, datornamn()])?;
        Ok(())
    }
}

impl Store {
    /// The log of one case, oldest first.
    pub fn logg_for_arende(&self, arende_id: i64) -> Resultat<Vec<Logghandelse>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT tid, anvandare, handelse, detalj FROM handelselogg WHERE arende_id = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([arende_id], |r| {
                let kod: String = r.get(2)?;
                Ok(Logghandelse {
                    tid: r.get(0)?,
                    anvandare: r.get(1)?,
                    handelse: Handelse::fran_kod(&kod).map(|h| h.namn().to_string()).unwrap_or(kod),
                    detalj: r.get(3)?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }
}

/// This computer's name, as the log records it.
pub fn datornamn() -> &'static str {
    static NAMN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    NAMN.get_or_init(|| gethostname::gethostname().to_string_lossy().into_owned())
}

/// What the access-log review asks for; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loggfilter {
    /// A login name.
    pub anvandare: Option<String>,
    /// An ärendenummer.
    pub arende: Option<String>,
    pub fran: Option<chrono::NaiveDate>,
    pub till: Option<chrono::NaiveDate>,
    /// Only openings of cases the user was not assigned to.
    pub utan_uppdrag: bool,
}

/// One line of the review: who (login and name), what, when, which case, from which computer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loggrad {
    pub tid: String,
    pub login: String,
    pub namn: String,
    pub handelse: String,
    pub arendenummer: String,
    pub detalj: String,
    pub dator: String,
}

/// The most lines one review shows.
pub const MAX_LOGGRADER: i64 = 10_000;

impl Store {
    /// The log lines the filter asks for, newest first (at most [`MAX_LOGGRADER`]).
    pub fn logg_urval(&self, f: &Loggfilter) -> Resultat<Vec<Loggrad>> {
        let fran = f.fran.map(|d| d.format("%Y-%m-%d 00:00:00").to_string());
        let till = f.till.map(|d| d.format("%Y-%m-%d 23:59:59").to_string());
        let utan = f.utan_uppdrag.then_some(Handelse::OppnadeUtanUppdrag.kod());
        let mut stmt = self.conn().prepare_cached(
            "SELECT l.tid, l.anvandare, coalesce(u.namn, ''), l.handelse, coalesce(a.arendenummer, ''), l.detalj, l.dator
             FROM handelselogg l
             LEFT JOIN anvandare u ON u.login = l.anvandare
             LEFT JOIN arende a ON a.id = l.arende_id
             WHERE (?1 IS NULL OR lower(l.anvandare) = lower(?1)) AND (?2 IS NULL OR a.arendenummer = ?2)
               AND (?3 IS NULL OR l.tid >= ?3) AND (?4 IS NULL OR l.tid <= ?4) AND (?5 IS NULL OR l.handelse = ?5)
             ORDER BY l.id DESC LIMIT ?6",
        )?;
        let login = f.anvandare.as_deref().map(str::trim).filter(|a| !a.is_empty());
        let arende = f.arende.as_deref().map(str::trim).filter(|a| !a.is_empty());
        let rader = stmt
            .query_map(params![login, arende, fran, till, utan, MAX_LOGGRADER], |r| {
                let kod: String = r.get(3)?;
                Ok(Loggrad {
                    tid: r.get(0)?,
                    login: r.get(1)?,
                    namn: r.get(2)?,
                    handelse: Handelse::fran_kod(&kod).map(|h| h.namn().to_string()).unwrap_or(kod),
                    arendenummer: r.get(4)?,
                    detalj: r.get(5)?,
                    dator: r.get(6)?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rader)
    }

    /// The number of lines in the event log (tests compare it before and after a refusal).
    pub fn antal_loggrader(&self) -> Resultat<i64> {
        Ok(self.conn().query_row("SELECT count(*) FROM handelselogg", [], |r| r.get(0))?)
    }
}

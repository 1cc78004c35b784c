//! The append-only event log: who opened or changed which case, and when.

use super::{Resultat, Skrivning, Store, tidstampel};
use crate::kodlista;
use chrono::NaiveDateTime;
use rusqlite::params;

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
                "INSERT INTO handelselogg (tid, anvandare, handelse, arende_id, detalj) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![tidstampel(nu), anvandare, handelse.kod(), arende_id, detalj])?;
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
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

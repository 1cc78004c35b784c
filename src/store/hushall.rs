//! Households and their members.

use super::db::{Valfri, params};
use super::hushallshistorik::{TidigareAdress, adress_fran_och_uppgifter, medlemskap, tidigare_adresser};
use super::{Resultat, Skrivning, Store, StoreError, tidstampel};
use crate::domain::arende::{ArendeStatus, Forsorjningshinder, format_arendenummer};
use crate::domain::hushall::{Adress, Medlem, NyttHushall, Person, Relation, Roll};
use crate::domain::hushallsandring::Medlemskap;
use crate::domain::manad::Manad;
use crate::domain::personnummer::Personnummer;
use crate::domain::utbetalning::Hushallsuppgifter;
use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// The case data given when a household is registered.
#[derive(Debug, Clone, PartialEq)]
pub struct NyttArende {
    pub status: ArendeStatus,
    pub socialsekreterare: String,
    pub bidragshandlaggare: String,
    pub forsorjningshinder: Option<Forsorjningshinder>,
    pub startdatum: NaiveDate,
}

/// A stored household as the case screens show it.
#[derive(Debug, Clone, PartialEq)]
pub struct HushallVy {
    pub id: i64,
    pub medlemmar: Vec<Medlem>,
    pub relation: Option<Relation>,
    pub adress: Adress,
    pub telefon: String,
    pub skyddade_personuppgifter: bool,
    /// Every membership with its period: who lived there when.
    pub historik: Vec<Medlemskap>,
    /// The date the current address applies from.
    pub adress_fran: NaiveDate,
    pub tidigare_adresser: Vec<TidigareAdress>,
    pub uppgifter: Hushallsuppgifter,
    /// The day the household was registered.
    pub registrerad: NaiveDate,
    /// The row's version when it was read: a change carries it, and is refused if another user
    /// changed the household in between.
    pub version: i64,
}

impl HushallVy {
    pub fn sokande(&self) -> Option<&Person> {
        self.medlemmar.iter().find(|m| m.roll == Roll::Sokande).map(|m| &m.person)
    }

    /// Who lives there on `dag`: a move-out registered in advance leaves the person in the
    /// household until their last day.
    pub fn boende_den(&self, dag: NaiveDate) -> Vec<&Medlemskap> {
        self.historik
            .iter()
            .filter(|h| h.fran <= dag.max(self.registrerad) && h.till.is_none_or(|t| t >= dag))
            .collect()
    }

    /// Who lived there during `manad`, each with the first/last day when only part of the month.
    /// Before the registration nothing else is known: those registered with the household count
    /// from the start.
    pub fn medlemmar_i(&self, manad: Manad) -> Vec<(Medlem, Option<NaiveDate>, Option<NaiveDate>)> {
        self.historik
            .iter()
            .filter_map(|m| {
                let fran = if m.fran == self.registrerad { NaiveDate::MIN } else { m.fran };
                let period = Medlemskap { fran, ..m.clone() };
                period.i_manad(manad).map(|(f, t)| (m.medlem.clone(), f, t))
            })
            .collect()
    }
}

/// Identifiers of a newly registered household and its case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registrerat {
    pub hushall_id: i64,
    pub arende_id: i64,
    pub arendenummer: String,
}

impl Skrivning<'_> {
    /// Registers a household with its first case. Refuses a person who lives in a registered
    /// household; one who has moved out of one (an adult child) keeps their person row.
    pub fn skapa_hushall(&self, h: &NyttHushall, a: &NyttArende, nu: NaiveDateTime) -> Resultat<Registrerat> {
        self.krav_bor_inte_redan(h)?;
        let conn = self.conn();
        let hushall_id = conn.insert_id(
            "INSERT INTO hushall (gatuadress, postnummer, postort, telefon, skyddade_personuppgifter, relation, skapad)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                h.adress.gatuadress,
                h.adress.postnummer,
                h.adress.postort,
                h.telefon,
                h.skyddade_personuppgifter,
                h.relation.map(Relation::kod),
                tidstampel(nu)
            ],
        )?;
        for (ordning, m) in h.medlemmar.iter().enumerate() {
            let person_id = self.personens_id(&m.person)?;
            self.ny_medlem(hushall_id, person_id, m, ordning as i64, nu.date())?;
        }
        let year = a.startdatum.year();
        let lopnummer: i64 = conn
            .prepare_cached(
                "INSERT INTO arendeserie (ar, senaste) VALUES (?1, 1)
                 ON CONFLICT (ar) DO UPDATE SET senaste = arendeserie.senaste + 1 RETURNING senaste",
            )?
            .query_row([year], |r| r.get(0))?;
        let arendenummer = format_arendenummer(year, lopnummer as u32);
        let arende_id = conn.insert_id(
            "INSERT INTO arende (hushall_id, arendenummer, status, socialsekreterare, bidragshandlaggare,
                                 forsorjningshinder, startdatum)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                hushall_id,
                arendenummer,
                a.status.kod(),
                a.socialsekreterare.trim(),
                a.bidragshandlaggare.trim(),
                a.forsorjningshinder.map(Forsorjningshinder::kod),
                a.startdatum.to_string()
            ],
        )?;
        self.uppdatera_sokindex(arende_id)?;
        Ok(Registrerat { hushall_id, arende_id, arendenummer })
    }

    /// Refuses a person who already lives in a registered household.
    fn krav_bor_inte_redan(&self, h: &NyttHushall) -> Resultat<()> {
        let conn = self.conn();
        for m in &h.medlemmar {
            let existing: Option<String> = conn
                .prepare_cached(
                    "SELECT a.arendenummer FROM person p
                     JOIN hushallsmedlem hm ON hm.person_id = p.id
                     JOIN arende a ON a.hushall_id = hm.hushall_id
                     WHERE p.pnr = ?1 AND hm.till IS NULL ORDER BY a.id DESC LIMIT 1",
                )?
                .query_row([m.person.pnr.twelve_digits()], |r| r.get(0))
                .optional()?;
            if let Some(nr) = existing {
                return Err(StoreError::Dubblett(format!(
                    "{} ({}) är redan registrerad i ärende {nr}. Öppna det ärendet i stället.",
                    m.person.namn(),
                    m.person.pnr
                )));
            }
        }
        Ok(())
    }

    /// The person's row: the one kept from an earlier household, or a new one.
    pub(super) fn personens_id(&self, p: &Person) -> Resultat<i64> {
        let conn = self.conn();
        let tidigare: Option<i64> = conn
            .prepare_cached("SELECT id FROM person WHERE pnr = ?1")?
            .query_row([p.pnr.twelve_digits()], |r| r.get(0))
            .optional()?;
        if let Some(id) = tidigare {
            return Ok(id);
        }
        Ok(conn.insert_id(
            "INSERT INTO person (pnr, fornamn, efternamn) VALUES (?1, ?2, ?3)",
            params![p.pnr.twelve_digits(), p.fornamn, p.efternamn],
        )?)
    }
}

impl Store {
    pub fn antal_hushall(&self) -> Resultat<usize> {
        let n: i64 = self.conn().query_row("SELECT count(*) FROM hushall", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Every registered personnummer as twelve digits (generated data must not reuse one).
    pub fn alla_personnummer(&self) -> Resultat<Vec<String>> {
        let mut stmt = self.conn().prepare("SELECT pnr FROM person")?;
        let rader = stmt.query_map([], |r| r.get(0))?.collect::<super::db::DbResultat<Vec<String>>>()?;
        Ok(rader)
    }

    /// The household with its members in their order (sökande, medsökande, children).
    pub fn hushall(&self, hushall_id: i64) -> Resultat<HushallVy> {
        let conn = self.conn();
        let (adress, telefon, skyddad, relation) = conn
            .query_row(
                "SELECT gatuadress, postnummer, postort, telefon, skyddade_personuppgifter, relation
                 FROM hushall WHERE id = ?1",
                [hushall_id],
                |r| {
                    Ok((
                        Adress { gatuadress: r.get(0)?, postnummer: r.get(1)?, postort: r.get(2)? },
                        r.get::<String>(3)?,
                        r.get::<bool>(4)?,
                        r.get::<Option<String>>(5)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::Saknas("Hushållet finns inte.".into()))?;
        let historik = medlemskap(conn, hushall_id)?;
        let medlemmar = historik.iter().filter(|m| m.till.is_none()).map(|m| m.medlem.clone()).collect();
        let (adress_fran, uppgifter) = adress_fran_och_uppgifter(conn, hushall_id)?;
        let (registrerad, version): (String, i64) =
            conn.query_row("SELECT substr(skapad, 1, 10), version FROM hushall WHERE id = ?1", [hushall_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        Ok(HushallVy {
            id: hushall_id,
            medlemmar,
            relation: relation.as_deref().and_then(Relation::fran_kod),
            adress,
            telefon,
            skyddade_personuppgifter: skyddad,
            historik,
            adress_fran,
            tidigare_adresser: tidigare_adresser(conn, hushall_id)?,
            uppgifter,
            registrerad: registrerad.parse().unwrap_or(adress_fran),
            version,
        })
    }
}

/// A personnummer as stored (12 digits, validated when it was written).
pub(crate) fn lagrat_pnr(text: &str) -> super::db::DbResultat<Personnummer> {
    Personnummer::parse(text, NaiveDate::MAX).map_err(|e| super::db::Fel::Konvertering(0, Box::new(e)))
}

impl Skrivning<'_> {
    /// One person's membership of a household from `fran` (still living there).
    pub(super) fn ny_medlem(
        &self,
        hushall_id: i64,
        person_id: i64,
        m: &Medlem,
        ordning: i64,
        fran: NaiveDate,
    ) -> Resultat<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO hushallsmedlem (hushall_id, person_id, roll, lunch_utanfor_hemmet, gar_i_gymnasiet, ordning, fran)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                hushall_id,
                person_id,
                m.roll.kod(),
                m.lunch_utanfor_hemmet,
                m.gar_i_gymnasiet,
                ordning,
                fran.to_string()
            ])?;
        Ok(())
    }

    /// How many adults and children live in the case's household now.
    pub fn boende_i_arende(&self, arende_id: i64) -> Resultat<(i64, i64)> {
        Ok(self.conn().query_row(
            "SELECT SUM(CASE WHEN hm.roll <> 'barn' THEN 1 ELSE 0 END), SUM(CASE WHEN hm.roll = 'barn' THEN 1 ELSE 0 END)
             FROM arende a
             JOIN hushallsmedlem hm ON hm.hushall_id = a.hushall_id AND hm.till IS NULL WHERE a.id = ?1",
            [arende_id],
            |r| Ok((r.get::<Option<i64>>(0)?.unwrap_or(1), r.get::<Option<i64>>(1)?.unwrap_or(0))),
        )?)
    }
}

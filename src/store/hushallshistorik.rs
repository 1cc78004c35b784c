//! The household over time: members' periods, earlier addresses, protected identity, and the
//! payee and contact details.

use super::db::{Kopp, Valfri, params};
use super::hushall::lagrat_pnr;
use super::{Resultat, Skrivning, Store, StoreError, tidstampel};
use crate::domain::hushall::{Adress, Medlem, Person, Relation, Roll};
use crate::domain::hushallsandring::Medlemskap;
use crate::domain::personnummer::Personnummer;
use crate::domain::utbetalning::{Betalsatt, Hushallsuppgifter, Kontaktsatt};
use chrono::{NaiveDate, NaiveDateTime};

/// Migration 15 (see `schema.rs`): periods on memberships, earlier addresses, payee and contact.
pub(super) const V15_SQL: &str = "
    CREATE TABLE hushallsmedlem_ny (
        id          INTEGER PRIMARY KEY,
        hushall_id  INTEGER NOT NULL REFERENCES hushall(id),
        person_id   INTEGER NOT NULL REFERENCES person(id),
        roll        TEXT NOT NULL CHECK (roll IN ('sokande', 'medsokande', 'barn')),
        lunch_utanfor_hemmet INTEGER NOT NULL DEFAULT 0,
        gar_i_gymnasiet      INTEGER NOT NULL DEFAULT 0,
        ordning     INTEGER NOT NULL,
        fran        TEXT NOT NULL,
        till        TEXT,
        flyttat_till TEXT NOT NULL DEFAULT '',
        CHECK (till IS NULL OR till >= fran)
    );
    INSERT INTO hushallsmedlem_ny (hushall_id, person_id, roll, lunch_utanfor_hemmet, gar_i_gymnasiet, ordning, fran)
    SELECT hm.hushall_id, hm.person_id, hm.roll, hm.lunch_utanfor_hemmet, hm.gar_i_gymnasiet, hm.ordning,
           substr(h.skapad, 1, 10)
    FROM hushallsmedlem hm JOIN hushall h ON h.id = hm.hushall_id ORDER BY hm.hushall_id, hm.ordning;
    DROP TABLE hushallsmedlem;
    ALTER TABLE hushallsmedlem_ny RENAME TO hushallsmedlem;
    CREATE INDEX hushallsmedlem_person ON hushallsmedlem(person_id, till);
    CREATE INDEX hushallsmedlem_hushall ON hushallsmedlem(hushall_id, roll);
    CREATE TABLE hushall_adress (
        id          INTEGER PRIMARY KEY,
        hushall_id  INTEGER NOT NULL REFERENCES hushall(id),
        fran        TEXT NOT NULL,
        till        TEXT NOT NULL,
        gatuadress  TEXT NOT NULL,
        postnummer  TEXT NOT NULL,
        postort     TEXT NOT NULL,
        telefon     TEXT NOT NULL,
        andrad      TEXT NOT NULL,
        andrad_av   TEXT NOT NULL
    );
    CREATE INDEX hushall_adress_hushall ON hushall_adress(hushall_id, fran);
    ALTER TABLE hushall ADD COLUMN adress_fran TEXT;
    ALTER TABLE hushall ADD COLUMN betalsatt TEXT CHECK (betalsatt IN ('bankkonto', 'bankgiro', 'plusgiro'));
    ALTER TABLE hushall ADD COLUMN clearing TEXT NOT NULL DEFAULT '';
    ALTER TABLE hushall ADD COLUMN konto TEXT NOT NULL DEFAULT '';
    ALTER TABLE hushall ADD COLUMN betalmottagare TEXT NOT NULL DEFAULT '';
    ALTER TABLE hushall ADD COLUMN tolk_sprak TEXT NOT NULL DEFAULT '';
    ALTER TABLE hushall ADD COLUMN epost TEXT NOT NULL DEFAULT '';
    ALTER TABLE hushall ADD COLUMN kontaktsatt TEXT;
";

/// An address the household had before, with its period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TidigareAdress {
    pub fran: NaiveDate,
    pub till: NaiveDate,
    pub adress: Adress,
    pub telefon: String,
}

/// A person who moved in from another household: that case, whose membership was ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inflyttad {
    pub fran_arende: Option<i64>,
}

fn datum(text: &str) -> super::db::DbResultat<NaiveDate> {
    text.parse::<NaiveDate>().map_err(|e| super::db::Fel::Konvertering(0, Box::new(e)))
}

fn regel(text: impl Into<String>) -> StoreError {
    StoreError::Regel(text.into())
}

/// Every membership of the household, in the household's order, with its period.
pub(super) fn medlemskap(conn: &Kopp, hushall_id: i64) -> Resultat<Vec<Medlemskap>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.pnr, p.fornamn, p.efternamn, hm.roll, hm.lunch_utanfor_hemmet, hm.gar_i_gymnasiet,
                hm.fran, hm.till, hm.flyttat_till
         FROM hushallsmedlem hm JOIN person p ON p.id = hm.person_id
         WHERE hm.hushall_id = ?1 ORDER BY hm.ordning, hm.fran",
    )?;
    let rader = stmt
        .query_map([hushall_id], |r| {
            let pnr: String = r.get(0)?;
            let roll: String = r.get(3)?;
            let till: Option<String> = r.get(7)?;
            Ok(Medlemskap {
                medlem: Medlem {
                    person: Person { pnr: lagrat_pnr(&pnr)?, fornamn: r.get(1)?, efternamn: r.get(2)? },
                    roll: super::kod_fran(Roll::fran_kod(&roll), &roll)?,
                    lunch_utanfor_hemmet: r.get(4)?,
                    gar_i_gymnasiet: r.get(5)?,
                },
                fran: datum(&r.get::<String>(6)?)?,
                till: till.as_deref().map(datum).transpose()?,
                flyttat_till: r.get(8)?,
            })
        })?
        .collect::<super::db::DbResultat<Vec<_>>>()?;
    Ok(rader)
}

/// The household's earlier addresses, newest first.
pub(super) fn tidigare_adresser(conn: &Kopp, hushall_id: i64) -> Resultat<Vec<TidigareAdress>> {
    let mut stmt = conn.prepare_cached(
        "SELECT fran, till, gatuadress, postnummer, postort, telefon FROM hushall_adress
         WHERE hushall_id = ?1 ORDER BY fran DESC, id DESC",
    )?;
    let rader = stmt
        .query_map([hushall_id], |r| {
            Ok(TidigareAdress {
                fran: datum(&r.get::<String>(0)?)?,
                till: datum(&r.get::<String>(1)?)?,
                adress: Adress { gatuadress: r.get(2)?, postnummer: r.get(3)?, postort: r.get(4)? },
                telefon: r.get(5)?,
            })
        })?
        .collect::<super::db::DbResultat<Vec<_>>>()?;
    Ok(rader)
}

/// The date the current address applies from, and the payee and contact details.
pub(super) fn adress_fran_och_uppgifter(conn: &Kopp, hushall_id: i64) -> Resultat<(NaiveDate, Hushallsuppgifter)> {
    let rad = conn
        .prepare_cached(
            "SELECT coalesce(adress_fran, substr(skapad, 1, 10)), betalsatt, clearing, konto, betalmottagare,
                    tolk_sprak, epost, kontaktsatt
             FROM hushall WHERE id = ?1",
        )?
        .query_row([hushall_id], |r| {
            let betalsatt: Option<String> = r.get(1)?;
            let kontaktsatt: Option<String> = r.get(7)?;
            Ok((
                datum(&r.get::<String>(0)?)?,
                Hushallsuppgifter {
                    betalsatt: betalsatt.as_deref().map(|k| super::kod_fran(Betalsatt::fran_kod(k), k)).transpose()?,
                    clearing: r.get(2)?,
                    konto: r.get(3)?,
                    mottagare: r.get(4)?,
                    tolk_sprak: r.get(5)?,
                    epost: r.get(6)?,
                    kontaktsatt: kontaktsatt
                        .as_deref()
                        .map(|k| super::kod_fran(Kontaktsatt::fran_kod(k), k))
                        .transpose()?,
                },
            ))
        })
        .optional()?
        .ok_or_else(|| StoreError::Saknas("Hushållet finns inte.".into()))?;
    Ok(rad)
}

impl Store {
    /// Every membership of the household with its period (the history).
    pub fn medlemskap(&self, hushall_id: i64) -> Resultat<Vec<Medlemskap>> {
        medlemskap(self.conn(), hushall_id)
    }
}

impl Skrivning<'_> {
    /// The case's household and whether it has protected identity.
    pub fn arendets_hushall(&self, arende_id: i64) -> Resultat<(i64, bool)> {
        self.conn()
            .query_row(
                "SELECT h.id, h.skyddade_personuppgifter FROM arende a JOIN hushall h ON h.id = a.hushall_id
                 WHERE a.id = ?1",
                [arende_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::Saknas("Ärendet finns inte.".into()))
    }

    /// The cases of a household get their search text again (members or address changed).
    fn las_om_sokindex(&self, hushall_id: i64) -> Resultat<()> {
        let ids = self
            .conn()
            .prepare_cached("SELECT id FROM arende WHERE hushall_id = ?1")?
            .query_map([hushall_id], |r| r.get::<i64>(0))?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        for id in ids {
            self.uppdatera_sokindex(id)?;
        }
        Ok(())
    }

    /// A person moves into the household from `fran`. A person registered elsewhere leaves that
    /// household the day before (not its sökande); returns that case for its journal.
    pub fn flytta_in(
        &self,
        hushall_id: i64,
        m: &Medlem,
        relation: Option<Relation>,
        fran: NaiveDate,
    ) -> Resultat<Inflyttad> {
        let conn = self.conn();
        let person_id: Option<i64> = conn
            .prepare_cached("SELECT id FROM person WHERE pnr = ?1")?
            .query_row([m.person.pnr.twelve_digits()], |r| r.get(0))
            .optional()?;
        let namn = m.person.namn();
        if m.roll == Roll::Medsokande && self.bor_kvar_med_roll(hushall_id, Roll::Medsokande)? {
            return Err(regel("Hushållet har redan en medsökande. Registrera först att den personen flyttar ut."));
        }
        let mut fran_arende = None;
        let person_id = match person_id {
            Some(id) => {
                fran_arende = self.lamna_tidigare_hushall(hushall_id, id, &namn, fran)?;
                id
            }
            None => conn.insert_id(
                "INSERT INTO person (pnr, fornamn, efternamn) VALUES (?1, ?2, ?3)",
                params![m.person.pnr.twelve_digits(), m.person.fornamn, m.person.efternamn],
            )?,
        };
        let ordning: i64 = conn.query_row(
            "SELECT coalesce(max(ordning), -1) + 1 FROM hushallsmedlem WHERE hushall_id = ?1",
            [hushall_id],
            |r| r.get(0),
        )?;
        self.ny_medlem(hushall_id, person_id, m, ordning, fran)?;
        if let Some(r) = relation {
            conn.prepare_cached("UPDATE hushall SET relation = ?1 WHERE id = ?2")?
                .execute(params![r.kod(), hushall_id])?;
        }
        self.las_om_sokindex(hushall_id)?;
        Ok(Inflyttad { fran_arende })
    }

    fn bor_kvar_med_roll(&self, hushall_id: i64, roll: Roll) -> Resultat<bool> {
        let n: i64 = self.conn().query_row(
            "SELECT count(*) FROM hushallsmedlem WHERE hushall_id = ?1 AND roll = ?2 AND till IS NULL",
            params![hushall_id, roll.kod()],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    /// Ends the person's open membership in another household the day before `fran`.
    fn lamna_tidigare_hushall(
        &self,
        hushall_id: i64,
        person_id: i64,
        namn: &str,
        fran: NaiveDate,
    ) -> Resultat<Option<i64>> {
        let oppet: Option<(i64, i64, String, String)> = self
            .conn()
            .prepare_cached(
                "SELECT hm.id, hm.hushall_id, hm.roll, hm.fran FROM hushallsmedlem hm
                 WHERE hm.person_id = ?1 AND hm.till IS NULL",
            )?
            .query_row([person_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        let Some((id, annat, roll, tidigare_fran)) = oppet else { return Ok(None) };
        if annat == hushall_id {
            return Err(regel(format!("{namn} bor redan i hushållet.")));
        }
        let arende: Option<(i64, String)> = self
            .conn()
            .query_row(
                "SELECT id, arendenummer FROM arende WHERE hushall_id = ?1 ORDER BY id DESC LIMIT 1",
                [annat],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let nr = arende.as_ref().map(|a| a.1.clone()).unwrap_or_default();
        if roll == Roll::Sokande.kod() {
            return Err(regel(format!(
                "{namn} är sökande i ärende {nr}. Avsluta det ärendet innan personen flyttar in här."
            )));
        }
        let till = fran.pred_opt().unwrap_or(fran);
        if till.to_string() < tidigare_fran {
            return Err(regel(format!(
                "{namn} bor i hushållet i ärende {nr} från {tidigare_fran}; flyttdatumet måste ligga efter det."
            )));
        }
        self.conn()
            .prepare_cached("UPDATE hushallsmedlem SET till = ?1, flyttat_till = ?2 WHERE id = ?3")?
            .execute(params![till.to_string(), "ett annat hushåll", id])?;
        Ok(arende.map(|a| a.0))
    }

    /// The person's last day in the household is `till`. The sökande cannot move out.
    pub fn flytta_ut(
        &self,
        hushall_id: i64,
        pnr: &Personnummer,
        till: NaiveDate,
        flyttat_till: &str,
    ) -> Resultat<Medlem> {
        let nu = medlemskap(self.conn(), hushall_id)?;
        let Some(m) = nu.iter().find(|m| m.till.is_none() && m.medlem.person.pnr == *pnr) else {
            return Err(StoreError::Saknas(format!("{pnr} bor inte i hushållet.")));
        };
        if m.medlem.roll == Roll::Sokande {
            return Err(regel(
                "Sökande kan inte flytta ut ur sitt eget hushåll. Avsluta ärendet i stället, eller registrera ett nytt hushåll.",
            ));
        }
        if till < m.fran {
            return Err(regel(format!(
                "{} bor i hushållet från {}; flyttdatumet kan inte ligga före det.",
                m.medlem.person.namn(),
                m.fran
            )));
        }
        self.conn()
            .prepare_cached(
                "UPDATE hushallsmedlem SET till = ?1, flyttat_till = ?2
                 WHERE hushall_id = ?3 AND till IS NULL AND person_id = (SELECT id FROM person WHERE pnr = ?4)",
            )?
            .execute(params![till.to_string(), flyttat_till, hushall_id, pnr.twelve_digits()])?;
        Ok(m.medlem.clone())
    }

    /// The household has a new address (and telephone) from `fran`; the old one is kept with its period.
    pub fn ny_adress(
        &self,
        hushall_id: i64,
        adress: &Adress,
        telefon: &str,
        fran: NaiveDate,
        av: &str,
        nu: NaiveDateTime,
    ) -> Resultat<()> {
        let (nuvarande_fran, _) = adress_fran_och_uppgifter(self.conn(), hushall_id)?;
        if fran <= nuvarande_fran {
            return Err(regel(format!(
                "Den nuvarande adressen gäller från {nuvarande_fran}; den nya måste gälla från ett senare datum."
            )));
        }
        self.conn()
            .prepare_cached(
                "INSERT INTO hushall_adress (hushall_id, fran, till, gatuadress, postnummer, postort, telefon, andrad, andrad_av)
                 SELECT id, ?2, ?3, gatuadress, postnummer, postort, telefon, ?4, ?5 FROM hushall WHERE id = ?1",
            )?
            .execute(params![
                hushall_id,
                nuvarande_fran.to_string(),
                fran.pred_opt().unwrap_or(fran).to_string(),
                tidstampel(nu),
                av
            ])?;
        self.conn()
            .prepare_cached(
                "UPDATE hushall SET gatuadress = ?1, postnummer = ?2, postort = ?3, telefon = ?4, adress_fran = ?5
                 WHERE id = ?6",
            )?
            .execute(params![
                adress.gatuadress,
                adress.postnummer,
                adress.postort,
                telefon,
                fran.to_string(),
                hushall_id
            ])?;
        self.las_om_sokindex(hushall_id)
    }

    /// Protected identity set or removed (the search text then hides or shows the address).
    pub fn satt_skydd(&self, hushall_id: i64, skyddad: bool) -> Resultat<()> {
        self.conn()
            .prepare_cached("UPDATE hushall SET skyddade_personuppgifter = ?1 WHERE id = ?2")?
            .execute(params![skyddad, hushall_id])?;
        self.las_om_sokindex(hushall_id)
    }

    /// The payee, interpreter and contact details.
    pub fn spara_hushallsuppgifter(&self, hushall_id: i64, u: &Hushallsuppgifter) -> Resultat<()> {
        self.conn()
            .prepare_cached(
                "UPDATE hushall SET betalsatt = ?1, clearing = ?2, konto = ?3, betalmottagare = ?4, tolk_sprak = ?5,
                                    epost = ?6, kontaktsatt = ?7
                 WHERE id = ?8",
            )?
            .execute(params![
                u.betalsatt.map(Betalsatt::kod),
                u.clearing,
                u.konto,
                u.mottagare,
                u.tolk_sprak,
                u.epost,
                u.kontaktsatt.map(Kontaktsatt::kod),
                hushall_id
            ])?;
        Ok(())
    }
}

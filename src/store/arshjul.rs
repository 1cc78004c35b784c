//! The årshjul (versioned unit data), its tasks per case and month with what is ticked off, the
//! chef's half-yearly review per caseworker, and the cases to close with the contact recorded
//! before closing a young adult's case.

use super::db::{Valfri, params};
use super::{Resultat, Skrivning, Store, StoreError, datum_fran, json_fran, tidstampel};
use crate::domain::arshjul::{Arendeslag, Arshjul};
use crate::domain::manad::Manad;
use crate::domain::uppfoljning;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashMap;

/// One control of the month for one case, and whether (when, by whom) it was done.
#[derive(Debug, Clone, PartialEq)]
pub struct Arshjulsuppgift {
    pub arende_id: i64,
    pub arendenummer: String,
    /// The case's socialsekreterare ("" when none).
    pub handlaggare: String,
    pub kontroll: String,
    pub text: String,
    pub klar: Option<(String, String)>,
}

/// A case proposed for closing: no application for a whole month.
#[derive(Debug, Clone, PartialEq)]
pub struct AvslutsforslagRad {
    pub arende_id: i64,
    pub arendenummer: String,
    pub handlaggare: String,
    pub senaste_ansokan: Option<Manad>,
    /// The sökande or medsökande is 18–24: contact first.
    pub ung_vuxen: bool,
    /// The contact recorded this month: date and outcome.
    pub kontakt: Option<(NaiveDate, String)>,
    /// The version of this month's contact as read ([`super::INGEN_RAD`] while none is recorded):
    /// what "Registrera kontakt" carries, so a contact another user recorded meanwhile is not
    /// overwritten.
    pub kontakt_version: i64,
}

/// An open case as the årshjul and the closing proposals read it.
struct Oppet {
    id: i64,
    nummer: String,
    handlaggare: String,
    start: NaiveDate,
    slag: Arendeslag,
}

impl Store {
    /// The latest save of the årshjul (its id as the version, who and when); `None` while the
    /// shipped one is used.
    pub fn arshjul_senast_sparat(&self) -> Resultat<Option<super::SenastAndrad>> {
        Ok(self
            .conn()
            .query_row("SELECT id, av, skapad FROM arshjul ORDER BY id DESC LIMIT 1", [], |r| {
                Ok(super::SenastAndrad { version: r.get(0)?, vem: r.get(1)?, nar: r.get(2)? })
            })
            .optional()?)
    }

    /// The årshjul valid on `datum`: the unit's latest version from that date, else the default.
    pub fn arshjul(&self, datum: NaiveDate) -> Resultat<Arshjul> {
        let rad: Option<(i64, String)> = self
            .conn()
            .query_row(
                "SELECT id, data FROM arshjul WHERE giltig_fran <= ?1 ORDER BY giltig_fran DESC LIMIT 1",
                [datum.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match rad {
            Some((id, data)) => Ok(json_fran(&data, "arshjul", id)?),
            None => Ok(Arshjul::standard()),
        }
    }

    /// Every case not closed, with what the årshjul asks of it.
    fn oppna_arenden(&self, handlaggare: Option<&str>) -> Resultat<Vec<Oppet>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.id, a.arendenummer, trim(a.socialsekreterare), a.startdatum,
                    EXISTS (SELECT 1 FROM hushallsmedlem m WHERE m.hushall_id = a.hushall_id AND m.roll = 'barn'),
                    EXISTS (SELECT 1 FROM hushallsmedlem m WHERE m.hushall_id = a.hushall_id AND m.gar_i_gymnasiet = 1)
             FROM arende a WHERE a.status <> 'avslutad' AND (?1 IS NULL OR trim(a.socialsekreterare) = ?1)
             ORDER BY a.socialsekreterare COLLATE SVENSKA, a.arendenummer",
        )?;
        let rader = stmt.query_map([handlaggare], |r| {
            let start: String = r.get(3)?;
            Ok(Oppet {
                id: r.get(0)?,
                nummer: r.get(1)?,
                handlaggare: r.get(2)?,
                start: datum_fran(&start)?,
                slag: Arendeslag { har_barn: r.get(4)?, har_gymnasieelev: r.get(5)? },
            })
        })?;
        Ok(rader.collect::<super::db::DbResultat<_>>()?)
    }

    /// The tasks of `manad` for every open case (of one caseworker, or the unit), done or not.
    pub fn arshjulsuppgifter(&self, manad: Manad, handlaggare: Option<&str>) -> Resultat<Vec<Arshjulsuppgift>> {
        let hjul = self.arshjul(manad.sista_dagen())?;
        let mut klara: HashMap<(i64, String), (String, String)> = HashMap::new();
        let mut stmt =
            self.conn().prepare_cached("SELECT arende_id, kontroll, klar, av FROM arshjul_klar WHERE manad = ?1")?;
        let mut rader = stmt.query([manad.to_string()])?;
        while let Some(r) = rader.next()? {
            klara.insert((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?));
        }
        let mut ut = Vec::new();
        for a in self.oppna_arenden(handlaggare)? {
            for k in hjul.for_arende(manad, a.slag) {
                ut.push(Arshjulsuppgift {
                    arende_id: a.id,
                    arendenummer: a.nummer.clone(),
                    handlaggare: a.handlaggare.clone(),
                    kontroll: k.id.clone(),
                    text: k.text.clone(),
                    klar: klara.get(&(a.id, k.id.clone())).cloned(),
                });
            }
        }
        Ok(ut)
    }

    /// The caseworkers of open cases and, per half-year, when the chef went through their cases.
    pub fn genomgangar(&self, halvar: &str) -> Resultat<Vec<(String, Option<String>)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT h.namn, g.klar FROM
               (SELECT DISTINCT trim(socialsekreterare) AS namn FROM arende
                WHERE status <> 'avslutad' AND trim(socialsekreterare) <> '') h
             LEFT JOIN genomgang_klar g ON g.handlaggare = h.namn AND g.halvar = ?1
             ORDER BY h.namn COLLATE SVENSKA",
        )?;
        let rader = stmt.query_map([halvar], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rader.collect::<super::db::DbResultat<_>>()?)
    }

    /// Open cases without an application for a whole month (on `idag`), young adults marked.
    pub fn avslutsforslag(&self, idag: NaiveDate) -> Resultat<Vec<AvslutsforslagRad>> {
        let senaste = self.senaste_ansokan()?;
        let manad = Manad::av(idag).to_string();
        let mut ut = Vec::new();
        for a in self.oppna_arenden(None)? {
            let s = senaste.get(&a.id).copied();
            if !uppfoljning::utan_ansokan(s, a.start, idag) {
                continue;
            }
            let fodda: Vec<String> = self
                .conn()
                .prepare_cached(
                    "SELECT p.pnr FROM hushallsmedlem m JOIN person p ON p.id = m.person_id JOIN arende a ON a.hushall_id = m.hushall_id
                     WHERE a.id = ?1 AND m.roll <> 'barn'",
                )?
                .query_map([a.id], |r| r.get(0))?
                .collect::<super::db::DbResultat<_>>()?;
            let ung = fodda
                .iter()
                .filter_map(|p| super::hushall::lagrat_pnr(p).ok())
                .any(|p| uppfoljning::ung_vuxen(p.birth_date(), idag));
            let kontakt: Option<(String, String, i64)> = self
                .conn()
                .query_row(
                    "SELECT datum, utfall, version FROM kontakt_forst WHERE arende_id = ?1 AND manad = ?2",
                    params![a.id, manad],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            ut.push(AvslutsforslagRad {
                arende_id: a.id,
                arendenummer: a.nummer,
                handlaggare: a.handlaggare,
                senaste_ansokan: s,
                ung_vuxen: ung,
                kontakt_version: kontakt.as_ref().map_or(super::INGEN_RAD, |k| k.2),
                kontakt: match kontakt {
                    Some((d, u, _)) => Some((datum_fran(&d)?, u)),
                    None => None,
                },
            });
        }
        Ok(ut)
    }

    fn senaste_ansokan(&self) -> Resultat<HashMap<i64, Manad>> {
        let mut stmt = self.conn().prepare_cached("SELECT arende_id, max(manad) FROM ansokan GROUP BY arende_id")?;
        let mut ut = HashMap::new();
        let mut rader = stmt.query([])?;
        while let Some(r) = rader.next()? {
            let m: String = r.get(1)?;
            ut.insert(r.get(0)?, Manad::parse(&m).map_err(StoreError::Regel)?);
        }
        Ok(ut)
    }
}

impl Skrivning<'_> {
    /// Saves a new version of the årshjul valid from its date (replacing one from the same date:
    /// the new row gets a new id, so the newest id always names the latest save).
    pub fn spara_arshjul(&self, hjul: &Arshjul, av: &str, nu: NaiveDateTime) -> Resultat<()> {
        let data = serde_json::to_string(hjul).map_err(|e| StoreError::Regel(e.to_string()))?;
        let giltig_fran = hjul.giltig_fran.to_string();
        self.conn().execute("DELETE FROM arshjul WHERE giltig_fran = ?1", [&giltig_fran])?;
        self.conn().execute(
            "INSERT INTO arshjul (giltig_fran, data, av, skapad) VALUES (?1, ?2, ?3, ?4)",
            params![giltig_fran, data, av, tidstampel(nu)],
        )?;
        Ok(())
    }

    /// An årshjul edited when `sedd` was the latest save (its id, [`super::INGEN_RAD`] when none
    /// was stored; `None`: not checked) is refused ([`StoreError::Krock`]) when another user
    /// saved a version meanwhile, naming who and when.
    pub fn arshjul_sedan(&self, sedd: Option<i64>) -> Resultat<()> {
        let Some(las) = sedd else { return Ok(()) };
        let senaste: Option<(i64, String, String)> = self
            .conn()
            .query_row("SELECT id, av, skapad FROM arshjul ORDER BY id DESC LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        match senaste {
            Some((id, vem, nar)) if id != las => {
                // The shipped årshjul counts as its first version: a save over it is a change.
                Err(StoreError::Krock { slag: super::Radslag::Arshjul, vem, nar, skapad: false })
            }
            _ => Ok(()),
        }
    }

    /// Ticks off one control of a month for a case; refuses one already done.
    pub fn bocka_av_kontroll(
        &self,
        arende_id: i64,
        manad: Manad,
        kontroll: &str,
        av: &str,
        nu: NaiveDateTime,
    ) -> Resultat<()> {
        let n = self.conn().execute(
            "INSERT INTO arshjul_klar (arende_id, manad, kontroll, klar, av) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT DO NOTHING",
            params![arende_id, manad.to_string(), kontroll, tidstampel(nu), av],
        )?;
        if n == 0 {
            let (vem, nar): (String, String) = self.conn().query_row(
                "SELECT av, klar FROM arshjul_klar WHERE arende_id = ?1 AND manad = ?2 AND kontroll = ?3",
                params![arende_id, manad.to_string(), kontroll],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            return Err(StoreError::Regel(format!(
                "Kontrollen är redan avbockad för den månaden av {vem} {}.",
                nar.get(..16).unwrap_or(&nar)
            )));
        }
        Ok(())
    }

    pub fn spara_genomgang(&self, handlaggare: &str, halvar: &str, av: &str, nu: NaiveDateTime) -> Resultat<()> {
        let n = self.conn().execute(
            "INSERT INTO genomgang_klar (handlaggare, halvar, klar, av) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
            params![handlaggare, halvar, tidstampel(nu), av],
        )?;
        if n == 0 {
            let (vem, nar): (String, String) = self.conn().query_row(
                "SELECT av, klar FROM genomgang_klar WHERE handlaggare = ?1 AND halvar = ?2",
                params![handlaggare, halvar],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            return Err(StoreError::Regel(format!(
                "Genomgången av {handlaggare}s ärenden är redan gjord för halvåret (av {vem} {}).",
                nar.get(..16).unwrap_or(&nar)
            )));
        }
        Ok(())
    }

    /// Records the contact with a young adult before the case is closed (one per case and month).
    /// `las` is the version of the month's contact the form read ([`super::INGEN_RAD`]: none;
    /// `None`: not checked): if another user recorded it since, nothing is written
    /// ([`StoreError::Krock`]).
    pub fn spara_kontakt(
        &self,
        (arende_id, datum): (i64, NaiveDate),
        utfall: &str,
        las: Option<i64>,
        (av, nu): (&str, NaiveDateTime),
    ) -> Resultat<()> {
        let (manad, nar) = (Manad::av(datum).to_string(), tidstampel(nu));
        let andrade = self.conn().execute(
            "UPDATE kontakt_forst SET datum = ?3, utfall = ?4, av = ?5, version = version + 1, andrad_av = ?5,
                 andrad = ?6 WHERE arende_id = ?1 AND manad = ?2 AND (?7 < 0 OR version = ?7)",
            params![arende_id, manad, datum.to_string(), utfall, av, nar, las.unwrap_or(-1)],
        )?;
        if andrade == 1 {
            return Ok(());
        }
        let ny = self.conn().execute(
            "INSERT INTO kontakt_forst (arende_id, manad, datum, utfall, av, andrad_av, andrad)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6) ON CONFLICT (arende_id, manad) DO NOTHING",
            params![arende_id, manad, datum.to_string(), utfall, av, nar],
        )?;
        if ny == 1 {
            return Ok(());
        }
        // The month's contact stands at another version than the form read.
        let (vem, nar): (String, String) = self.conn().query_row(
            "SELECT andrad_av, andrad FROM kontakt_forst WHERE arende_id = ?1 AND manad = ?2",
            params![arende_id, manad],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Err(StoreError::Krock { slag: super::Radslag::Kontakt, vem, nar, skapad: las == Some(super::INGEN_RAD) })
    }
}

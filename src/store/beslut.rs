//! Decisions: stored once with the law references they cite, never changed or deleted.

use super::db::{Valfri, params};
use super::{Resultat, Skrivning, Store, StoreError, datum_fran, tidstampel};
use crate::domain::belopp::Belopp;
use crate::domain::beslut::fraser::{Frasbibliotek, levererade_fraser};
use crate::domain::beslut::lagrum::{Amne, levererade_lagrum};
use crate::domain::beslut::underlag::{Beslutsgrund, Beslutsunderlag, fingeravtryck};
use crate::domain::beslut::{
    Beslutspost, Enhet, NyttBeslut, SparatBeslut, Utfall, kontrollera, kontrollera_grund, samlat_utfall,
};
use crate::domain::manad::Manad;
use crate::domain::statistik::Kostnadsslag;
use chrono::NaiveDateTime;
use std::collections::HashMap;

/// One line of `bistand beslut --lista`.
#[derive(Debug, Clone, PartialEq)]
pub struct BeslutRad {
    pub id: i64,
    pub arendenummer: String,
    pub datum: String,
    pub utfall: Utfall,
    /// The decided items, in the letter's order.
    pub poster: Vec<Beslutspost>,
}

impl Skrivning<'_> {
    /// Saves a decision after checking it, with the frozen record its letter prints from; the law
    /// references are chosen by the decision date (a decision in July 2025 about June cites the
    /// new law; one made before 2025-07-01 keeps the old law, also for its appeal).
    pub fn spara_beslut(
        &self,
        b: &NyttBeslut,
        underlag: &Beslutsunderlag,
        har_barn: bool,
        av: &str,
        nu: NaiveDateTime,
    ) -> Resultat<i64> {
        let mut fel = kontrollera(&b.poster, har_barn, &b.barnets_basta, &b.beslutsfattare);
        fel.extend(kontrollera_grund(b.grund, &b.poster));
        if underlag.grund != b.grund {
            return Err(StoreError::Regel("Beslutets underlag gäller en annan grund än beslutet.".into()));
        }
        if let Some(f) = fel.first() {
            return Err(StoreError::Regel(f.text.clone()));
        }
        let data = levererade_lagrum();
        let datum = b.datum;
        let mut lagrum = vec![data.citera(Amne::RattTillBistand, datum).map_err(StoreError::Regel)?];
        // 12:7 (what the riksnorm covers) only when the decision rests on the calculation.
        if b.ansokan_id.is_some() && b.grund.grundtext().is_none() {
            lagrum.push(data.citera(Amne::Riksnorm, datum).map_err(StoreError::Regel)?);
        }
        if b.poster.iter().any(|p| p.utover_ratten) {
            lagrum.push(data.citera(Amne::UtoverRatten, datum).map_err(StoreError::Regel)?);
        }
        let overklagande = data.citera(Amne::Overklagande, datum).unwrap_or_default();
        let conn = self.conn();
        let id = conn.insert_id(
            "INSERT INTO beslut (arende_id, ansokan_id, datum, period, beslutsfattare, delegation, foredragande, barnets_basta,
                                 utfall, lagrum, overklagande, andrar_beslut_id, skapad, av)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                b.arende_id,
                b.ansokan_id,
                b.datum.to_string(),
                b.period.to_string(),
                b.beslutsfattare.trim(),
                b.delegation.trim(),
                b.foredragande.trim(),
                b.barnets_basta.trim(),
                samlat_utfall(&b.poster).kod(),
                lagrum.join("; "),
                overklagande,
                b.andrar,
                tidstampel(nu),
                av
            ],
        )?;
        for (i, p) in b.poster.iter().enumerate() {
            conn.prepare_cached(
                "INSERT INTO beslutspost (beslut_id, ordning, sak, ansokt_ore, beviljat_ore, motivering, utover_ratten, aterkrav_skal,
                                          slag)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                id,
                i as i64,
                p.sak,
                p.ansokt.to_ore(),
                p.beviljat.to_ore(),
                p.motivering.trim(),
                p.utover_ratten,
                p.mot_aterkrav.as_deref().map(str::trim),
                // The kind of cost the statistics count the item as.
                Kostnadsslag::av_sak(&p.sak).kod()
            ])?;
        }
        let json = serde_json::to_string(underlag).map_err(|e| StoreError::Regel(e.to_string()))?;
        conn.execute("INSERT INTO beslutsunderlag (beslut_id, underlag) VALUES (?1, ?2)", params![id, json])?;
        Ok(id)
    }
}

impl Store {
    pub fn beslut(&self, id: i64) -> Resultat<SparatBeslut> {
        let conn = self.conn();
        let row = conn
            .query_row(
                "SELECT arende_id, ansokan_id, datum, period, beslutsfattare, delegation, foredragande, barnets_basta,
                        utfall, lagrum, overklagande, andrar_beslut_id, skapad, av FROM beslut WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        (r.get::<i64>(0)?, r.get::<Option<i64>>(1)?, r.get::<String>(2)?, r.get::<String>(3)?),
                        (r.get::<String>(4)?, r.get::<String>(5)?, r.get::<String>(6)?, r.get::<String>(7)?),
                        (r.get::<String>(8)?, r.get::<String>(9)?, r.get::<String>(10)?, r.get::<Option<i64>>(11)?),
                        (r.get::<String>(12)?, r.get::<String>(13)?),
                    ))
                },
            )
            .optional()?;
        let Some(row) = row else {
            // A damaged table can lose a row without an error: say so rather than "no such decision".
            self.kontrollera_tabeller(&["beslut"])?;
            return Err(StoreError::Saknas(format!("Det finns inget beslut med id {id}.")));
        };
        let (
            (arende_id, ansokan_id, datum, period),
            (beslutsfattare, delegation, foredragande, barnets_basta),
            rest,
            (skapad, av),
        ) = row;
        let (utfall, lagrum, overklagande, andrar) = rest;
        let poster = self.poster(id)?;
        let underlag = self.beslutsunderlag(id)?;
        Ok(SparatBeslut {
            id,
            beslut: NyttBeslut {
                arende_id,
                ansokan_id,
                datum: datum_fran(&datum)?,
                period: Manad::parse(&period).map_err(StoreError::Regel)?,
                beslutsfattare,
                delegation,
                foredragande,
                barnets_basta,
                poster,
                andrar,
                grund: underlag.as_ref().map_or(Beslutsgrund::Berakning, |u| u.grund),
                utbetalning: underlag.as_ref().and_then(|u| u.utbetalning.clone()),
            },
            utfall: super::kod_fran(Utfall::fran_kod(&utfall), &utfall)?,
            lagrum,
            overklagande,
            skapad,
            av,
            underlag,
        })
    }

    /// A decision's items, in order.
    fn poster(&self, id: i64) -> Resultat<Vec<Beslutspost>> {
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "SELECT {POSTKOLUMNER} FROM beslutspost p WHERE p.beslut_id = ?1 ORDER BY p.ordning"
            ))?
            .query_map([id], |r| beslutspost_fran_rad(r, 0))?
            .collect::<super::db::DbResultat<Vec<_>>>()?)
    }

    /// The frozen record of a decision (none for one taken before records were kept).
    fn beslutsunderlag(&self, id: i64) -> Resultat<Option<Beslutsunderlag>> {
        let json: Option<String> = self
            .conn()
            .prepare_cached("SELECT underlag FROM beslutsunderlag WHERE beslut_id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        Ok(json.map(|t| super::json_fran(&t, "beslutsunderlag", id)).transpose()?)
    }

    /// Whether the application of the case's newest decision has been changed since that
    /// decision: the case then needs a new decision ("ändrat efter beslut").
    pub fn andrad_efter_beslut(&self, arende_id: i64) -> Resultat<bool> {
        let rader = self.beslut_for_arende(arende_id)?;
        let Some(senaste) = rader.into_iter().find(|r| r.utfall != Utfall::Aterkrav) else {
            return Ok(false);
        };
        let b = self.beslut(senaste.id)?;
        let (Some(ansokan_id), Some(avtryck)) = (b.beslut.ansokan_id, b.underlag.and_then(|u| u.ansokan_fingeravtryck))
        else {
            return Ok(false);
        };
        Ok(fingeravtryck(&self.ansokan(ansokan_id)?.ansokan) != avtryck)
    }

    /// Every decision, oldest first (for `bistand beslut --lista`). The tables are checked first:
    /// a damaged one could otherwise give missing or repeated rows without an error.
    pub fn alla_beslut(&self) -> Resultat<Vec<BeslutRad>> {
        self.kontrollera_tabeller(&["beslut", "arende"])?;
        self.beslutsrader(None)
    }

    /// The decisions of one case, newest first.
    pub fn beslut_for_arende(&self, arende_id: i64) -> Resultat<Vec<BeslutRad>> {
        let mut rader = self.beslutsrader(Some(arende_id))?;
        rader.reverse();
        Ok(rader)
    }

    /// Every decision for one month's assistance, in case order (a month's batch printing).
    pub fn beslut_for_period(&self, period: crate::domain::manad::Manad) -> Resultat<Vec<BeslutRad>> {
        self.beslutsrader_dar("b.period = ?1", "a.arendenummer, b.id", &[&period.to_string()])
    }

    fn beslutsrader(&self, arende: Option<i64>) -> Resultat<Vec<BeslutRad>> {
        // Two statements: "?1 IS NULL OR b.arende_id = ?1" would keep SQLite from the index and
        // read every decision of the unit to open one case.
        match arende {
            Some(id) => self.beslutsrader_dar("b.arende_id = ?1", "b.id", &[&id]),
            None => self.beslutsrader_dar("1 = 1", "b.id", &[]),
        }
    }

    /// The decisions `filter` keeps, in `ordning`, with their items. The items of them all come
    /// in one query (a query per decision cost a round trip each on the unit's server).
    fn beslutsrader_dar(
        &self,
        filter: &str,
        ordning: &str,
        varden: &[&dyn super::db::TillSql],
    ) -> Resultat<Vec<BeslutRad>> {
        let fran = "FROM beslut b JOIN arende a ON a.id = b.arende_id";
        let mut poster: HashMap<i64, Vec<Beslutspost>> = HashMap::new();
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT p.beslut_id, {POSTKOLUMNER} FROM beslutspost p JOIN beslut b ON b.id = p.beslut_id
             JOIN arende a ON a.id = b.arende_id WHERE {filter} ORDER BY p.beslut_id, p.ordning"
        ))?;
        for rad in stmt.query_map(varden, |r| Ok((r.get::<i64>(0)?, beslutspost_fran_rad(r, 1)?)))? {
            let (id, post) = rad?;
            poster.entry(id).or_default().push(post);
        }
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT b.id, a.arendenummer, b.datum, b.utfall {fran} WHERE {filter} ORDER BY {ordning}"
        ))?;
        let rows = stmt.query_map(varden, |r| {
            let utfall: String = r.get(3)?;
            let id = r.get(0)?;
            Ok(BeslutRad {
                id,
                arendenummer: r.get(1)?,
                datum: r.get(2)?,
                utfall: super::kod_fran(Utfall::fran_kod(&utfall), &utfall)?,
                poster: poster.remove(&id).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<super::db::DbResultat<Vec<BeslutRad>>>()?)
    }

    /// The unit named in every letter header.
    pub fn enhet(&self) -> Resultat<Enhet> {
        Ok(self
            .installning("enhet")?
            .map(|t| super::json_fran(&t, "installning", "enhet"))
            .transpose()?
            .unwrap_or_default())
    }

    /// The unit's phrase library: its own edited copy, else the shipped one.
    pub fn fraser(&self) -> Resultat<Frasbibliotek> {
        Ok(self
            .installning("fraser")?
            .map(|t| super::json_fran(&t, "installning", "fraser"))
            .transpose()?
            .unwrap_or_else(levererade_fraser))
    }

    pub fn satt_fraser(&mut self, fraser: &Frasbibliotek) -> Resultat<()> {
        fraser.kontrollera().map_err(StoreError::Regel)?;
        let json = serde_json::to_string(fraser).map_err(|e| StoreError::Regel(e.to_string()))?;
        self.satt_installning("fraser", &json)
    }

    /// The unit's own logo (PNG bytes), if it has set one.
    pub fn logo(&self) -> Resultat<Option<Vec<u8>>> {
        Ok(self.installning("logo")?.filter(|hex| !hex.is_empty()).and_then(|hex| fran_hex(&hex)))
    }

    pub fn satt_logo(&mut self, png: &[u8]) -> Resultat<()> {
        let hex: String = png.iter().map(|b| format!("{b:02x}")).collect();
        self.satt_installning("logo", &hex)
    }

    pub fn satt_enhet(&mut self, enhet: &Enhet) -> Resultat<()> {
        let json = serde_json::to_string(enhet).map_err(|e| StoreError::Regel(e.to_string()))?;
        self.satt_installning("enhet", &json)
    }

    /// Saves the unit's details from the settings form, refused if another user saved them since
    /// the form read version `las` (see [`super::Skrivning::spara_installning`]).
    pub fn spara_enhet(&mut self, enhet: &Enhet, las: i64, av: (&str, chrono::NaiveDateTime)) -> Resultat<()> {
        let json = serde_json::to_string(enhet).map_err(|e| StoreError::Regel(e.to_string()))?;
        self.skriv(|w| w.spara_installning(super::Radslag::Enhet, &json, Some(las), av))
    }
}

fn fran_hex(hex: &str) -> Option<Vec<u8>> {
    (0..hex.len()).step_by(2).map(|i| hex.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok())).collect()
}

/// A decision item's columns, read by [`beslutspost_fran_rad`].
const POSTKOLUMNER: &str = "p.sak, p.ansokt_ore, p.beviljat_ore, p.motivering, p.utover_ratten, p.aterkrav_skal";

/// A decision item from the row's columns [`POSTKOLUMNER`] starting at `i`.
fn beslutspost_fran_rad(r: &super::db::Rad, i: usize) -> super::db::DbResultat<Beslutspost> {
    Ok(Beslutspost {
        sak: r.get(i)?,
        ansokt: Belopp::from_ore(r.get(i + 1)?),
        beviljat: Belopp::from_ore(r.get(i + 2)?),
        motivering: r.get(i + 3)?,
        utover_ratten: r.get(i + 4)?,
        mot_aterkrav: r.get(i + 5)?,
    })
}

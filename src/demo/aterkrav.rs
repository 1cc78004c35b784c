//! Demo återkrav: every demo förskott (granted while waiting for bostadsbidrag) carries its
//! condition, told at the visit the day before the grant, and is recovered months later – in
//! 2026 for grants made before July 2025 – up to what the bostadsbidrag paid for the month.

use crate::domain::belopp::Belopp;
use crate::domain::beslut::SparatBeslut;
use crate::domain::beslut::aterkrav::{Aterkravsgrund, Aterkravsuppgifter, Aterkravsvillkor};
use crate::domain::beslut::lagrum::levererade_lagrum;
use crate::domain::beslut::underlag::Beslutsunderlag;
use crate::domain::manad::Manad;
use crate::letters::aterkrav::Aterkravslagrum;
use crate::store::{NyttAterkrav, Resultat, Skrivning, StoreError};
use chrono::{Days, NaiveDate, NaiveDateTime};

const FORMAN: &str = "bostadsbidrag från Försäkringskassan";

/// The condition of a demo förskott decided on `datum` for `manad`.
pub(super) fn villkor(datum: NaiveDate, manad: Manad) -> Aterkravsvillkor {
    Aterkravsvillkor {
        grund: Aterkravsgrund::Forskott,
        forman: FORMAN.into(),
        forman_period: crate::domain::klarsprak::manad(manad),
        villkor: "när bostadsbidraget för samma månad betalas ut ska du betala tillbaka förskottet, högst det belopp bostadsbidraget ger för månaden".into(),
        underrattad_den: datum.pred_opt().unwrap_or(datum),
        underrattad_hur: "muntligt vid besöket hos oss och skriftligt i beslutet".into(),
    }
}

/// Recovers the förskott `bevilning` (id `id`) ten months after it was granted, if that day
/// has come: the bostadsbidrag paid three quarters of the advance, so that is what is recovered.
pub(super) fn aterkrav(
    w: &Skrivning,
    id: i64,
    bevilning: (&crate::domain::beslut::NyttBeslut, &Beslutsunderlag),
    beslutsfattare: &str,
    nu: NaiveDateTime,
) -> Resultat<()> {
    let (b, grant_underlag) = bevilning;
    let datum = b.datum + Days::new(300);
    if datum > nu.date() {
        return Ok(());
    }
    let beviljat: Belopp = b.poster.iter().filter(|p| p.mot_aterkrav.is_some()).map(|p| p.beviljat).sum();
    if beviljat == Belopp::NOLL {
        // Nothing was advanced (the income covered the month): nothing to recover.
        return Ok(());
    }
    let utbetalt = Belopp::kronor((beviljat.to_ore() * 3 / 4) / 100);
    let sparat = SparatBeslut {
        id,
        beslut: b.clone(),
        utfall: crate::domain::beslut::Utfall::Bifall,
        lagrum: String::new(),
        overklagande: String::new(),
        skapad: String::new(),
        av: String::new(),
        underlag: Some(grant_underlag.clone()),
    };
    let form = crate::domain::beslut::aterkrav::AterkravsFormular {
        bevilning_id: Some(id),
        grund: "forskott".into(),
        forman_utbetalt: utbetalt.format_tal(),
        belopp: utbetalt.format_tal(),
        fakta: String::new(),
        beslutsfattare: beslutsfattare.into(),
        delegation: "socialsekreterare enligt delegationsordningen".into(),
    };
    let uppgifter: Aterkravsuppgifter = form
        .validera(&sparat)
        .map_err(|f| StoreError::Regel(f.into_iter().map(|f| f.text).collect::<Vec<_>>().join(" ")))?;
    let lagrum =
        Aterkravslagrum::for_grund(&levererade_lagrum(), uppgifter.grund, b.datum).map_err(StoreError::Regel)?;
    let underlag = Beslutsunderlag { aterkravsvillkor: None, aterkrav: Some(uppgifter), ..grant_underlag.clone() };
    let underlag = Beslutsunderlag { berakning: None, utbetalning: None, ansokan_fingeravtryck: None, ..underlag };
    let ny = NyttAterkrav {
        arende_id: b.arende_id,
        datum,
        period: &b.period,
        beslutsfattare,
        delegation: "socialsekreterare enligt delegationsordningen",
        lagrum: &lagrum.som_text(),
    };
    w.spara_aterkravsbeslut(&ny, &underlag, beslutsfattare, nu)?;
    Ok(())
}

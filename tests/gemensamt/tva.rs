//! Two users on one database (two open stores; on PostgreSQL too with BISTAND_TEST_PG), for the
//! tests of saves that race.

use super::{arende, hushall, open, person, pnr};
use bistand::arbete::Aktor;
use bistand::store::Store;
use chrono::{NaiveDate, NaiveDateTime};

/// 2026-11-30 at `h`:`m`.
pub fn kl(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(h, m, 5).unwrap()
}

/// The first user, at 10:14.
pub fn ulrika() -> Aktor {
    Aktor::ny("Ulrika Handläggare", kl(10, 14))
}

/// The second user, at 10:20.
pub fn bertil() -> Aktor {
    Aktor::ny("Bertil Handläggare", kl(10, 20))
}

/// A database file with one household, opened by two users; returns (A, B, case id).
pub fn tva_anvandare(path: &std::path::Path) -> (Store, Store, i64) {
    tva_anvandare_fran(path, arende().startdatum)
}

/// As [`tva_anvandare`], the case started on `start` (in September: no application since, so it
/// is proposed for closing in November).
pub fn tva_anvandare_fran(path: &std::path::Path, start: NaiveDate) -> (Store, Store, i64) {
    let mut a = open(path);
    let h = hushall(vec![person(pnr(1985, 4, 2, 982), "Vera", "Exempel")]);
    let arende = bistand::store::NyttArende { startdatum: start, ..arende() };
    let arende_id = a.skriv(|w| w.skapa_hushall(&h, &arende, super::nu())).unwrap().arende_id;
    (a, open(path), arende_id)
}

/// `aktor` as the unit's systemförvaltare.
pub fn sf(aktor: Aktor) -> Aktor {
    aktor.med_roll(bistand::domain::anvandare::Roll::Systemforvaltare)
}

/// Two users on one database file with the user Anna Lind, handläggare, made by Ulrika as
/// systemförvaltare; returns (A, B).
pub fn tva_med_anna(path: &std::path::Path) -> (Store, Store) {
    let (mut a, b, _) = tva_anvandare(path);
    let form = bistand::domain::anvandare::AnvandarFormular {
        login: "anna".into(),
        namn: "Anna Lind".into(),
        titel: "Socialsekreterare".into(),
        roll: Some(bistand::domain::anvandare::Roll::Handlaggare),
    };
    let losen = "ett-langt-losenord";
    bistand::arbete::anvandare::ny_anvandare(&mut a, &sf(ulrika()), &form, losen, losen).unwrap();
    (a, b)
}

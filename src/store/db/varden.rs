//! Values sent to and read from either backend.

use rusqlite::types::{FromSql, ToSqlOutput, ValueRef};

type Orsak = Box<dyn std::error::Error + Send + Sync>;

/// A value as both backends store it: SQLite's storage classes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Varde<'a> {
    Null,
    Heltal(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

impl rusqlite::ToSql for Varde<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match *self {
            Varde::Null => ValueRef::Null,
            Varde::Heltal(i) => ValueRef::Integer(i),
            Varde::Real(f) => ValueRef::Real(f),
            Varde::Text(t) => ValueRef::Text(t.as_bytes()),
            Varde::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

/// A Rust value that can be a statement's parameter.
pub trait TillSql {
    fn varde(&self) -> Varde<'_>;
}

macro_rules! heltal {
    ($($t:ty),*) => {$(
        impl TillSql for $t {
            fn varde(&self) -> Varde<'_> {
                Varde::Heltal(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
heltal!(i64, i32, i16, i8, u32, u16, u8, u64, usize);

impl TillSql for bool {
    fn varde(&self) -> Varde<'_> {
        Varde::Heltal(i64::from(*self))
    }
}

impl TillSql for f64 {
    fn varde(&self) -> Varde<'_> {
        Varde::Real(*self)
    }
}

impl TillSql for str {
    fn varde(&self) -> Varde<'_> {
        Varde::Text(self)
    }
}

impl TillSql for String {
    fn varde(&self) -> Varde<'_> {
        Varde::Text(self)
    }
}

impl TillSql for [u8] {
    fn varde(&self) -> Varde<'_> {
        Varde::Blob(self)
    }
}

impl TillSql for Vec<u8> {
    fn varde(&self) -> Varde<'_> {
        Varde::Blob(self)
    }
}

impl<T: TillSql + ?Sized> TillSql for &T {
    fn varde(&self) -> Varde<'_> {
        (**self).varde()
    }
}

impl<T: TillSql> TillSql for Option<T> {
    fn varde(&self) -> Varde<'_> {
        self.as_ref().map_or(Varde::Null, TillSql::varde)
    }
}

impl TillSql for Varde<'_> {
    fn varde(&self) -> Varde<'_> {
        *self
    }
}

/// A statement's parameters, in order.
pub trait Parametrar {
    fn varden(&self) -> Vec<Varde<'_>>;
}

impl Parametrar for &[&dyn TillSql] {
    fn varden(&self) -> Vec<Varde<'_>> {
        self.iter().map(|p| p.varde()).collect()
    }
}

impl Parametrar for [&dyn TillSql; 0] {
    fn varden(&self) -> Vec<Varde<'_>> {
        Vec::new()
    }
}

impl<T: TillSql> Parametrar for Vec<T> {
    fn varden(&self) -> Vec<Varde<'_>> {
        self.iter().map(TillSql::varde).collect()
    }
}

macro_rules! falt {
    ($($n:literal),*) => {$(
        impl<T: TillSql> Parametrar for [T; $n] {
            fn varden(&self) -> Vec<Varde<'_>> {
                self.iter().map(TillSql::varde).collect()
            }
        }
    )*};
}
falt!(1, 2, 3, 4, 5, 6, 7, 8);

/// Parameters from an iterator (a list of ids, say).
pub(crate) fn params_from_iter<T: TillSql, I: IntoIterator<Item = T>>(i: I) -> Vec<T> {
    i.into_iter().collect()
}

/// A Rust value read from a column: from SQLite's value, or from the text PostgreSQL sends.
pub trait FranSql: Sized {
    fn fran_sqlite(v: ValueRef<'_>) -> Result<Self, Orsak>;
    fn fran_text(t: Option<&str>) -> Result<Self, Orsak>;
}

fn inte_null(t: Option<&str>) -> Result<&str, Orsak> {
    t.ok_or_else(|| "värdet saknas (NULL)".into())
}

/// An integer as PostgreSQL writes one; a truth value (`t`/`f`, from EXISTS or a comparison)
/// is 1 or 0 as in SQLite.
fn heltal_fran_text(t: Option<&str>) -> Result<i64, Orsak> {
    match inte_null(t)? {
        "t" => Ok(1),
        "f" => Ok(0),
        t => Ok(t.parse::<i64>()?),
    }
}

macro_rules! las_heltal {
    ($($t:ty),*) => {$(
        impl FranSql for $t {
            fn fran_sqlite(v: ValueRef<'_>) -> Result<Self, Orsak> {
                Ok(<$t>::try_from(<i64 as FromSql>::column_result(v)?)?)
            }
            fn fran_text(t: Option<&str>) -> Result<Self, Orsak> {
                Ok(<$t>::try_from(heltal_fran_text(t)?)?)
            }
        }
    )*};
}
las_heltal!(i64, i32, i16, u32, u16, u8, u64, usize);

impl FranSql for bool {
    fn fran_sqlite(v: ValueRef<'_>) -> Result<Self, Orsak> {
        Ok(<bool as FromSql>::column_result(v)?)
    }
    fn fran_text(t: Option<&str>) -> Result<Self, Orsak> {
        Ok(heltal_fran_text(t)? != 0)
    }
}

impl FranSql for f64 {
    fn fran_sqlite(v: ValueRef<'_>) -> Result<Self, Orsak> {
        Ok(<f64 as FromSql>::column_result(v)?)
    }
    fn fran_text(t: Option<&str>) -> Result<Self, Orsak> {
        Ok(inte_null(t)?.parse::<f64>()?)
    }
}

impl FranSql for String {
    fn fran_sqlite(v: ValueRef<'_>) -> Result<Self, Orsak> {
        Ok(<String as FromSql>::column_result(v)?)
    }
    fn fran_text(t: Option<&str>) -> Result<Self, Orsak> {
        Ok(inte_null(t)?.to_string())
    }
}

impl FranSql for Vec<u8> {
    fn fran_sqlite(v: ValueRef<'_>) -> Result<Self, Orsak> {
        Ok(<Vec<u8> as FromSql>::column_result(v)?)
    }
    /// PostgreSQL sends bytea as `\x` and hex digits.
    fn fran_text(t: Option<&str>) -> Result<Self, Orsak> {
        let hex = inte_null(t)?.strip_prefix("\\x").ok_or("bytea utan \\x")?;
        (0..hex.len())
            .step_by(2)
            .map(|i| hex.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()).ok_or_else(|| "ogiltig hex".into()))
            .collect()
    }
}

impl<T: FranSql> FranSql for Option<T> {
    fn fran_sqlite(v: ValueRef<'_>) -> Result<Self, Orsak> {
        match v {
            ValueRef::Null => Ok(None),
            v => T::fran_sqlite(v).map(Some),
        }
    }
    fn fran_text(t: Option<&str>) -> Result<Self, Orsak> {
        match t {
            None => Ok(None),
            t => T::fran_text(t).map(Some),
        }
    }
}

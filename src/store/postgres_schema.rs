//! Placeholder until the PostgreSQL baseline schema lands (replaced at merge).

pub(crate) fn baslinje() -> String {
    String::new()
}

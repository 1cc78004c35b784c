//! Telling the other windows that something changed (issue 16): after every statement that
//! changes cases, households, applications, decisions, plans or payments, a statement-level
//! trigger sends `NOTIFY bistand, '<what>'`. PostgreSQL delivers it when the transaction commits
//! (once per transaction and kind), and every open store LISTENs on the channel and refreshes
//! the lists the kind touches (the case list, Att göra, the kassa's queue).

/// The tables whose changes are announced, by the kind the windows know (see
/// `store::Andringar`).
const TABELLER: &[(&str, &str)] = &[
    ("person", "arenden"),
    ("hushall", "arenden"),
    ("hushallsmedlem", "arenden"),
    ("hushall_adress", "arenden"),
    ("arende", "arenden"),
    ("ansokan", "ansokningar"),
    ("beslut", "ansokningar"),
    ("beslutsforslag", "ansokningar"),
    ("plan", "planer"),
    ("plan_uppfoljning", "planer"),
    ("plan_avvikelse", "planer"),
    ("utbetalning", "utbetalningar"),
    ("utbetalning_retur", "utbetalningar"),
];

/// The function and the triggers.
pub(super) fn sql() -> String {
    let mut ut = String::from(
        "CREATE FUNCTION bistand_meddela() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN PERFORM pg_notify('bistand', TG_ARGV[0]); RETURN NULL; END $$;\n",
    );
    for (tabell, vad) in TABELLER {
        ut.push_str(&format!(
            "CREATE TRIGGER {tabell}_meddela AFTER INSERT OR UPDATE OR DELETE ON {tabell}
             FOR EACH STATEMENT EXECUTE FUNCTION bistand_meddela('{vad}');\n"
        ));
    }
    ut
}

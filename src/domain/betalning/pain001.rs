//! The bank file: ISO 20022 pain.001.001.03 (customer credit transfer initiation), the format
//! Swedish banks accept. A pure function of the orders; the caller writes the text to a file.
//!
//! Swedish conventions: the unit pays from its bankgiro (`Othr/Id` with scheme `BGNR`); a
//! bankgiro payee is addressed through clearing 9900 and scheme `BGNR`, a plusgiro payee through
//! clearing 9500 and a bank account through its own clearing number, both as `BBAN`.

use super::{Avsandare, Konto};
use crate::domain::Belopp;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;
use std::fmt::Write;

/// One attested order, as the file carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filorder {
    pub id: i64,
    pub belopp: Belopp,
    pub namn: String,
    pub konto: Konto,
    /// The invoice or OCR reference, or what the client sees on the statement.
    pub referens: String,
    pub betalningsdag: NaiveDate,
}

/// Everything the file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Betalningsfil {
    /// Unique per file (at most 35 characters).
    pub meddelande_id: String,
    pub skapad: NaiveDateTime,
    pub avsandare: Avsandare,
    pub order: Vec<Filorder>,
}

impl Betalningsfil {
    /// The sum of the orders, which the group header's CtrlSum states.
    pub fn summa(&self) -> Belopp {
        self.order.iter().map(|o| o.belopp).sum()
    }
}

/// The pain.001.001.03 document: one group header (NbOfTxs, CtrlSum), one payment
/// information block per payment day.
pub fn pain001(fil: &Betalningsfil) -> String {
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\" ");
    x.push_str("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<CstmrCdtTrfInitn>\n<GrpHdr>\n");
    falt(&mut x, "MsgId", &kort(&fil.meddelande_id, 35));
    falt(&mut x, "CreDtTm", &fil.skapad.format("%Y-%m-%dT%H:%M:%S").to_string());
    falt(&mut x, "NbOfTxs", &fil.order.len().to_string());
    falt(&mut x, "CtrlSum", &summa(fil.summa()));
    x.push_str("<InitgPty>\n");
    part(&mut x, &fil.avsandare);
    x.push_str("</InitgPty>\n</GrpHdr>\n");
    let mut per_dag: BTreeMap<NaiveDate, Vec<&Filorder>> = BTreeMap::new();
    for o in &fil.order {
        per_dag.entry(o.betalningsdag).or_default().push(o);
    }
    for (i, (dag, order)) in per_dag.iter().enumerate() {
        betalningsinformation(&mut x, fil, i + 1, *dag, order);
    }
    x.push_str("</CstmrCdtTrfInitn>\n</Document>\n");
    x
}

fn betalningsinformation(x: &mut String, fil: &Betalningsfil, nr: usize, dag: NaiveDate, order: &[&Filorder]) {
    let a = &fil.avsandare;
    x.push_str("<PmtInf>\n");
    falt(x, "PmtInfId", &kort(&format!("{}-{nr}", fil.meddelande_id), 35));
    falt(x, "PmtMtd", "TRF");
    falt(x, "NbOfTxs", &order.len().to_string());
    falt(x, "CtrlSum", &summa(order.iter().map(|o| o.belopp).sum()));
    falt(x, "ReqdExctnDt", &dag.to_string());
    x.push_str("<Dbtr>\n");
    part(x, a);
    x.push_str("</Dbtr>\n<DbtrAcct>\n<Id>\n<Othr>\n");
    falt(x, "Id", &siffror(&a.bankgiro));
    x.push_str("<SchmeNm>\n<Prtry>BGNR</Prtry>\n</SchmeNm>\n</Othr>\n</Id>\n<Ccy>SEK</Ccy>\n</DbtrAcct>\n");
    x.push_str("<DbtrAgt>\n<FinInstnId>\n");
    falt(x, "BIC", &a.bic);
    x.push_str("</FinInstnId>\n</DbtrAgt>\n");
    for o in order {
        transaktion(x, o);
    }
    x.push_str("</PmtInf>\n");
}

fn transaktion(x: &mut String, o: &Filorder) {
    let (clearing, id, schema) = match &o.konto {
        Konto::Bankgiro(n) => ("9900".to_string(), n.clone(), "<Prtry>BGNR</Prtry>"),
        Konto::Plusgiro(n) => ("9500".to_string(), n.clone(), "<Cd>BBAN</Cd>"),
        Konto::Bankkonto { clearing, nummer } => {
            (clearing.chars().take(4).collect(), format!("{clearing}{nummer}"), "<Cd>BBAN</Cd>")
        }
    };
    x.push_str("<CdtTrfTxInf>\n<PmtId>\n");
    falt(x, "EndToEndId", &format!("BISTAND-{}", o.id));
    x.push_str("</PmtId>\n<Amt>\n");
    let _ = writeln!(x, "<InstdAmt Ccy=\"SEK\">{}</InstdAmt>", summa(o.belopp));
    x.push_str("</Amt>\n<CdtrAgt>\n<FinInstnId>\n<ClrSysMmbId>\n<ClrSysId>\n<Cd>SESBA</Cd>\n</ClrSysId>\n");
    falt(x, "MmbId", &clearing);
    x.push_str("</ClrSysMmbId>\n</FinInstnId>\n</CdtrAgt>\n<Cdtr>\n");
    falt(x, "Nm", &kort(&o.namn, 70));
    x.push_str("</Cdtr>\n<CdtrAcct>\n<Id>\n<Othr>\n");
    falt(x, "Id", &id);
    let _ = writeln!(x, "<SchmeNm>\n{schema}\n</SchmeNm>\n</Othr>\n</Id>\n</CdtrAcct>");
    if !o.referens.trim().is_empty() {
        x.push_str("<RmtInf>\n");
        falt(x, "Ustrd", &kort(o.referens.trim(), 140));
        x.push_str("</RmtInf>\n");
    }
    x.push_str("</CdtTrfTxInf>\n");
}

fn part(x: &mut String, a: &Avsandare) {
    falt(x, "Nm", &kort(&a.namn, 70));
    x.push_str("<Id>\n<OrgId>\n<Othr>\n");
    falt(x, "Id", &siffror(&a.organisationsnummer));
    x.push_str("</Othr>\n</OrgId>\n</Id>\n");
}

fn falt(x: &mut String, namn: &str, varde: &str) {
    let _ = writeln!(x, "<{namn}>{}</{namn}>", escape(varde));
}

/// "1234.50": two decimals, a point, no grouping (the schema's decimal).
fn summa(b: Belopp) -> String {
    let ore = b.to_ore();
    format!("{}{}.{:02}", if ore < 0 { "-" } else { "" }, ore.abs() / 100, ore.abs() % 100)
}

fn siffror(t: &str) -> String {
    t.chars().filter(char::is_ascii_digit).collect()
}

/// At most `n` characters (the schema's MaxNText).
fn kort(t: &str, n: usize) -> String {
    let t: String = t.chars().take(n).collect();
    if t.is_empty() { "-".into() } else { t }
}

fn escape(t: &str) -> String {
    t.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&apos;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fil() -> Betalningsfil {
        let dag = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let order = |id, ore, konto| Filorder {
            id,
            belopp: Belopp::from_ore(ore),
            namn: "AB Bostäder & Co".into(),
            konto,
            referens: "Faktura 4711".into(),
            betalningsdag: dag,
        };
        Betalningsfil {
            meddelande_id: "BISTAND-20261125-1".into(),
            skapad: dag.and_hms_opt(8, 0, 0).unwrap(),
            avsandare: crate::domain::betalning::levererade_utbetalningsregler().versioner[0].avsandare.clone(),
            order: vec![
                order(1, 1_234_550, Konto::Bankgiro("55551234".into())),
                order(2, 5, Konto::Bankkonto { clearing: "8327".into(), nummer: "1234567".into() }),
            ],
        }
    }

    #[test]
    fn header_counts_and_sums_the_orders() {
        let x = pain001(&fil());
        assert!(x.contains("<NbOfTxs>2</NbOfTxs>\n<CtrlSum>12345.55</CtrlSum>"), "{x}");
        assert!(x.contains("<InstdAmt Ccy=\"SEK\">0.05</InstdAmt>"));
        assert!(x.contains("AB Bostäder &amp; Co"));
        assert!(x.contains("<MmbId>9900</MmbId>") && x.contains("<MmbId>8327</MmbId>"));
    }
}

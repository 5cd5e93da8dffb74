//! CSV export: one row per exchange (deleted ones left out), UTF-8 with a byte-order mark so
//! spreadsheets read accents correctly. Columns are documented in `docs/export-format.md`.
//! A cell that starts like a formula (`=`, `+`, `-`, `@`) is prefixed with `'` so a
//! spreadsheet shows it as text instead of running it.

use super::write_atomically;
use crate::journal::Journal;
use crate::model::{ExchangeFilter, Sphere};
use crate::{Error, Result};
use std::path::Path;

pub const COLUMNS: [&str; 21] = [
    "date",
    "person",
    "relationship",
    "sphere",
    "direction",
    "kind",
    "what",
    "value",
    "initiative",
    "gratitude",
    "indebtedness",
    "pressure",
    "discomfort",
    "warmth",
    "drained",
    "expectation",
    "tags",
    "settlement",
    "settled_on",
    "note",
    "id",
];

/// A text cell, made text when it starts like a formula.
pub(crate) fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// An optional value's cell: empty when there is none.
pub(crate) fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The CSV bytes of `columns` and `rows`: a byte-order mark, the header, one line per row.
pub(crate) fn csv_bytes(columns: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let io = |e: csv::Error| Error::Io {
        context: "cannot write CSV".into(),
        source: std::io::Error::other(e),
    };
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(columns).map_err(io)?;
        for row in rows {
            w.write_record(row).map_err(io)?;
        }
        w.flush().map_err(|e| Error::Io {
            context: "cannot write CSV".into(),
            source: e,
        })?;
    }
    Ok(out)
}

/// One row per exchange, oldest first.
fn rows(journal: &Journal) -> Result<Vec<Vec<String>>> {
    let people = journal.people_by_id()?;
    let mut exchanges = journal.list_exchanges(&ExchangeFilter::default())?;
    exchanges.reverse();
    Ok(exchanges
        .iter()
        .map(|e| {
            let person = people.get(&e.person_id);
            let sphere: Option<Sphere> = e.sphere.or(person.map(|p| p.sphere()));
            let f = &e.feelings;
            vec![
                e.occurred_on.to_string(),
                cell(person.map_or("", |p| p.name.as_str())),
                opt(person.map(|p| p.relationship)),
                opt(sphere),
                e.direction.to_string(),
                e.kind.to_string(),
                cell(&e.what),
                e.value.to_string(),
                opt(e.initiative),
                opt(f.gratitude),
                opt(f.indebtedness),
                opt(f.pressure),
                opt(f.discomfort),
                opt(f.warmth),
                opt(f.drained),
                opt(f.expectation),
                cell(&e.tags.join("|")),
                opt(e.settlement),
                opt(e.settled_on),
                cell(&e.note),
                e.id.clone(),
            ]
        })
        .collect())
}

/// The CSV text of every exchange, oldest first.
pub fn csv_text(journal: &Journal) -> Result<Vec<u8>> {
    csv_bytes(&COLUMNS, &rows(journal)?)
}

/// Writes every exchange to `path` as CSV; returns the number of rows.
pub fn export_csv(journal: &Journal, path: &Path) -> Result<usize> {
    let rows = rows(journal)?;
    write_atomically(path, &csv_bytes(&COLUMNS, &rows)?)?;
    Ok(rows.len())
}

//! CSV export of asks, beside the CSV of exchanges: one row per request (deleted ones left
//! out), oldest first, UTF-8 with a byte-order mark, formula-like cells made text (as in
//! [`super::csv_export`]).

use super::csv_export::{cell, csv_bytes, opt};
use super::write_atomically;
use crate::journal::Journal;
use crate::model::{Person, Request, RequestFilter};
use crate::Result;
use std::path::Path;

pub const COLUMNS: [&str; 16] = [
    "date",
    "person",
    "relationship",
    "direction",
    "what",
    "size",
    "answer",
    "followed_through",
    "pressure",
    "obligation",
    "free_to_refuse",
    "sweetened",
    "follows",
    "tags",
    "note",
    "id",
];

fn row(r: &Request, person: Option<&Person>) -> Vec<String> {
    vec![
        r.on.to_string(),
        cell(person.map_or("", |p| p.name.as_str())),
        opt(person.map(|p| p.relationship)),
        r.direction.to_string(),
        cell(&r.what),
        r.size.to_string(),
        r.answer.to_string(),
        opt(r.followed_through),
        opt(r.pressure),
        opt(r.obligation),
        opt(r.free_to_refuse),
        if r.sweetened { "yes" } else { "no" }.to_string(),
        opt(r.follows.as_deref()),
        cell(&r.tags.join("|")),
        cell(&r.note),
        r.id.clone(),
    ]
}

/// One row per live request, oldest first.
fn rows(journal: &Journal) -> Result<Vec<Vec<String>>> {
    let people = journal.people_by_id()?;
    let mut requests = journal.list_requests(&RequestFilter::default())?;
    requests.reverse();
    Ok(requests
        .iter()
        .map(|r| row(r, people.get(&r.person_id)))
        .collect())
}

/// The CSV text of every live request, oldest first.
pub fn requests_csv_text(journal: &Journal) -> Result<Vec<u8>> {
    csv_bytes(&COLUMNS, &rows(journal)?)
}

/// Writes every live request to `path` as CSV; returns the number of rows.
pub fn export_requests_csv(journal: &Journal, path: &Path) -> Result<usize> {
    let rows = rows(journal)?;
    write_atomically(path, &csv_bytes(&COLUMNS, &rows)?)?;
    Ok(rows.len())
}

//! CSV export of asks, beside the CSV of exchanges: one row per request (deleted ones left
//! out), oldest first, UTF-8 with a byte-order mark, formula-like cells made text (as in
//! [`super::csv_export`]).

use super::write_atomically;
use crate::journal::Journal;
use crate::model::{Person, Request, RequestFilter};
use crate::{Error, Result};
use std::collections::HashMap;
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

fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

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

fn io(e: csv::Error) -> Error {
    Error::Io {
        context: "cannot write CSV".into(),
        source: std::io::Error::other(e),
    }
}

/// The CSV text of every live request, oldest first.
pub fn requests_csv_text(journal: &Journal) -> Result<Vec<u8>> {
    let people: HashMap<String, Person> = journal
        .list_people(true)?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let mut requests = journal.list_requests(&RequestFilter::default())?;
    requests.reverse();
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(COLUMNS).map_err(io)?;
        for r in &requests {
            w.write_record(row(r, people.get(&r.person_id)))
                .map_err(io)?;
        }
        w.flush().map_err(|e| Error::Io {
            context: "cannot write CSV".into(),
            source: e,
        })?;
    }
    Ok(out)
}

/// Writes every live request to `path` as CSV; returns the number of rows.
pub fn export_requests_csv(journal: &Journal, path: &Path) -> Result<usize> {
    let text = requests_csv_text(journal)?;
    write_atomically(path, &text)?;
    Ok(journal.list_requests(&RequestFilter::default())?.len())
}

//! The JSON backup document: every person, exchange, request and check-in, deleted and
//! archived ones included, with a `format` name and `version` (see `docs/export-format.md`). Importing it
//! merges by id, so the same file twice changes nothing, and the newer record wins.
//!
//! Version 2 added `requests` (and an exchange's `fulfils`); a version 1 file, which has
//! neither, still imports.

use super::{problem, read_text, write_atomically};
use crate::insight::{DismissAction, Dismissal};
use crate::journal::{Journal, Records, Setting};
use crate::model::{CheckIn, Direction, Exchange, Person, Request};
use crate::Result;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

pub const FORMAT: &str = "reciprocity-journal";
pub const VERSION: u32 = 2;
/// The oldest version this build still reads.
pub const OLDEST_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub people: Vec<Person>,
    pub exchanges: Vec<Exchange>,
    pub checkins: Vec<CheckIn>,
    /// Insights the user dismissed or snoozed.
    #[serde(default)]
    pub dismissals: Vec<Dismissal>,
    /// Stored settings (JSON text under a key).
    #[serde(default)]
    pub settings: Vec<Setting>,
    /// Asks made of the user and by the user (since version 2).
    #[serde(default)]
    pub requests: Vec<Request>,
}

impl Document {
    pub fn from_journal(journal: &Journal, exported_at: DateTime<Utc>) -> Result<Document> {
        Ok(Document::new(exported_at, journal.all_records()?))
    }

    /// A document of `records`, written at `exported_at`.
    pub fn new(exported_at: DateTime<Utc>, records: Records) -> Document {
        let Records {
            people,
            exchanges,
            checkins,
            dismissals,
            settings,
            requests,
        } = records;
        Document {
            format: FORMAT.into(),
            version: VERSION,
            exported_at,
            people,
            exchanges,
            checkins,
            dismissals,
            settings,
            requests,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a document always serialises")
    }
}

/// Writes the whole journal to `path` as a JSON document.
pub fn export_json(journal: &Journal, path: &Path, now: DateTime<Utc>) -> Result<Document> {
    let doc = Document::from_journal(journal, now)?;
    write_atomically(path, doc.to_json().as_bytes())?;
    Ok(doc)
}

/// Reads and checks the document at `path` in full; writes nothing. The file streams into
/// typed records (see `document_stream`); one it cannot read that way is read carefully, which
/// names the record and field at fault.
pub fn read_document(path: &Path, journal: &Journal) -> Result<Document> {
    let Some(streamed) = super::document_stream::read_streamed(path) else {
        return read_document_carefully(path, journal);
    };
    check_format(path, streamed.format.as_ref(), streamed.version.as_ref())?;
    let exported_at = header_date(path, streamed.exported_at.clone())?;
    finish(
        path,
        Document::new(exported_at, streamed.into_records()),
        journal,
    )
}

/// Reads the whole file as a JSON tree and then each record from it, naming what is wrong.
fn read_document_carefully(path: &Path, journal: &Journal) -> Result<Document> {
    let text = read_text(path)?;
    let root: Value = serde_json::from_str(&text).map_err(|e| {
        problem(
            path,
            format!("line {}, column {}", e.line(), e.column()),
            format!("not valid JSON ({e})"),
        )
    })?;
    let Value::Object(map) = &root else {
        return Err(problem(
            path,
            "the document",
            "expected a JSON object at the top",
        ));
    };
    check_format(path, map.get("format"), map.get("version"))?;
    let people: Vec<Person> = records(path, map, "people")?;
    let exchanges: Vec<Exchange> = records(path, map, "exchanges")?;
    let checkins: Vec<CheckIn> = records(path, map, "checkins")?;
    let dismissals: Vec<Dismissal> = records(path, map, "dismissals")?;
    let settings: Vec<Setting> = records(path, map, "settings")?;
    let requests: Vec<Request> = records(path, map, "requests")?;
    let exported_at = header_date(path, map.get("exported_at").cloned())?;
    let records = Records {
        people,
        exchanges,
        checkins,
        dismissals,
        settings,
        requests,
    };
    finish(path, Document::new(exported_at, records), journal)
}

/// The document's `exported_at`, or now when it has none.
fn header_date(path: &Path, value: Option<Value>) -> Result<DateTime<Utc>> {
    Ok(value
        .map(serde_json::from_value)
        .transpose()
        .map_err(|e| problem(path, "exported_at", e.to_string()))?
        .unwrap_or_else(Utc::now))
}

/// Applies every check to the records read.
fn finish(path: &Path, mut doc: Document, journal: &Journal) -> Result<Document> {
    check_document(path, &mut doc, journal)?;
    super::request_document::check_requests(path, &mut doc, journal)?;
    Ok(doc)
}

/// The document says it is this journal's export, in a version this build reads.
fn check_format(path: &Path, format: Option<&Value>, version: Option<&Value>) -> Result<()> {
    match format.and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(problem(
                path,
                "format",
                format!("is “{other}”, not a Reciprocity Journal export ({FORMAT})"),
            ))
        }
        None => {
            return Err(problem(
                path,
                "format",
                format!("is missing; a Reciprocity Journal export says \"format\": \"{FORMAT}\""),
            ))
        }
    }
    match version.and_then(Value::as_u64) {
        Some(v) if (u64::from(OLDEST_VERSION)..=u64::from(VERSION)).contains(&v) => {}
        Some(v) => {
            return Err(problem(
                path,
                "version",
                format!("{v} is not a version this build reads (it reads versions {OLDEST_VERSION} to {VERSION}); a newer app may"),
            ))
        }
        None => return Err(problem(path, "version", "is missing or not a number")),
    }
    Ok(())
}

/// Parses one array of records, naming the record and the field on failure.
fn records<T: for<'de> Deserialize<'de>>(
    path: &Path,
    map: &serde_json::Map<String, Value>,
    key: &str,
) -> Result<Vec<T>> {
    let Some(value) = map.get(key) else {
        return Ok(Vec::new());
    };
    let Value::Array(items) = value else {
        return Err(problem(path, key, "expected a list of records"));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            serde_path_to_error::deserialize(item).map_err(|e| {
                let field = e.path().to_string();
                problem(
                    path,
                    locate(key, i, item),
                    format!("{field}: {}", e.into_inner()),
                )
            })
        })
        .collect()
}

fn locate(key: &str, index: usize, item: &Value) -> String {
    match item.get("id").and_then(Value::as_str) {
        Some(id) => format!("{key}[{index}] (id {id})"),
        None => format!("{key}[{index}]"),
    }
}

fn check_id(path: &Path, at: &str, id: &str) -> Result<()> {
    uuid::Uuid::parse_str(id)
        .map(|_| ())
        .map_err(|_| problem(path, at, format!("id: “{id}” is not a UUID")))
}

/// Applies the model's rules to every record, and checks that ids are unique and every
/// reference points at a record in the file or the journal.
fn check_document(path: &Path, doc: &mut Document, journal: &Journal) -> Result<()> {
    normalise(path, doc)?;
    let mut people: HashMap<&str, usize> = HashMap::new();
    for (i, p) in doc.people.iter().enumerate() {
        let at = format!("people[{i}] (id {})", p.id);
        check_id(path, &at, &p.id)?;
        if let Some(first) = people.insert(&p.id, i) {
            return Err(problem(
                path,
                at,
                format!("id is used twice (also people[{first}])"),
            ));
        }
    }
    let exchanges = check_exchanges(path, doc, &people, journal)?;
    check_reciprocates(path, doc, &exchanges, journal)?;
    check_checkin_ids(path, doc)
}

/// Exchanges: unique ids, settled only when received, and a person in the file or journal.
fn check_exchanges<'a>(
    path: &Path,
    doc: &'a Document,
    people: &HashMap<&str, usize>,
    journal: &Journal,
) -> Result<HashMap<&'a str, &'a Exchange>> {
    let mut exchanges: HashMap<&str, &Exchange> = HashMap::new();
    for (i, e) in doc.exchanges.iter().enumerate() {
        let at = format!("exchanges[{i}] (id {})", e.id);
        check_id(path, &at, &e.id)?;
        if exchanges.insert(&e.id, e).is_some() {
            return Err(problem(path, at, "id is used twice"));
        }
        if e.direction == Direction::Given && e.settlement.is_some() {
            return Err(problem(
                path,
                at,
                "settlement: only received exchanges are settled",
            ));
        }
        if !people.contains_key(e.person_id.as_str()) && journal.get_person(&e.person_id).is_err() {
            return Err(problem(
                path,
                at,
                format!(
                    "person_id: no person {} in the file or the journal",
                    e.person_id
                ),
            ));
        }
    }
    Ok(exchanges)
}

/// Each `reciprocates` names an exchange going the other way, in the file or the journal.
fn check_reciprocates(
    path: &Path,
    doc: &Document,
    exchanges: &HashMap<&str, &Exchange>,
    journal: &Journal,
) -> Result<()> {
    for (i, e) in doc.exchanges.iter().enumerate() {
        let Some(target) = &e.reciprocates else {
            continue;
        };
        let at = format!("exchanges[{i}] (id {})", e.id);
        let direction = match exchanges.get(target.as_str()) {
            Some(t) => Some(t.direction),
            None => journal.get_exchange(target).ok().map(|t| t.direction),
        };
        match direction {
            None => {
                return Err(problem(
                    path,
                    at,
                    format!("reciprocates: no exchange {target} in the file or the journal"),
                ))
            }
            Some(d) if d == e.direction => {
                return Err(problem(path, at, "reciprocates: it must go the other way"))
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_checkin_ids(path: &Path, doc: &Document) -> Result<()> {
    let mut checkins: HashMap<&str, usize> = HashMap::new();
    for (i, c) in doc.checkins.iter().enumerate() {
        let at = format!("checkins[{i}] (id {})", c.id);
        check_id(path, &at, &c.id)?;
        if checkins.insert(&c.id, i).is_some() {
            return Err(problem(path, at, "id is used twice"));
        }
    }
    Ok(())
}

/// Applies the model's rules to every record, keeping the trimmed, normalised text.
fn normalise(path: &Path, doc: &mut Document) -> Result<()> {
    super::check::normalise_records(path, &mut doc.people, &mut doc.exchanges, &mut doc.checkins)?;
    for (i, d) in doc.dismissals.iter().enumerate() {
        let at = format!("dismissals[{i}]");
        if d.insight_id.trim().is_empty() {
            return Err(problem(path, at, "insight_id: names no insight"));
        }
        if d.action == DismissAction::Snoozed && d.until.is_none() {
            return Err(problem(path, at, "until: a snooze needs the date it ends"));
        }
    }
    for (i, s) in doc.settings.iter().enumerate() {
        let at = format!("settings[{i}]");
        if s.key.trim().is_empty() {
            return Err(problem(path, at, "key: a setting needs a name"));
        }
        if serde_json::from_str::<Value>(&s.value).is_err() {
            return Err(problem(path, at, "value: not JSON text"));
        }
    }
    Ok(())
}

/// The records of the document at `path`, checked in full; writes nothing.
pub fn read_json_records(path: &Path, journal: &Journal) -> Result<Records> {
    let doc = read_document(path, journal)?;
    Ok(Records {
        people: doc.people,
        exchanges: doc.exchanges,
        checkins: doc.checkins,
        dismissals: doc.dismissals,
        settings: doc.settings,
        requests: doc.requests,
    })
}

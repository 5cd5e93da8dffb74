//! The requests of a backup document (version 2): each record meets the model's rules, ids
//! are unique, and every reference (a request's person and `follows`, an exchange's
//! `fulfils`) points at a record in the file or the journal. Kept beside the document's own
//! checks so the two grow separately.

use super::document::Document;
use super::problem;
use crate::journal::Journal;
use crate::{Error, Result};
use std::collections::HashMap;
use std::path::Path;

fn at(i: usize, id: &str) -> String {
    format!("requests[{i}] (id {id})")
}

fn field_problem(path: &Path, location: String, e: Error) -> Error {
    match e.field() {
        Some(field) => problem(path, location, format!("{field}: {e}")),
        None => problem(path, location, e.to_string()),
    }
}

/// Checks and normalises the document's requests; writes nothing.
pub(crate) fn check_requests(path: &Path, doc: &mut Document, journal: &Journal) -> Result<()> {
    for (i, r) in doc.requests.iter_mut().enumerate() {
        let v = r
            .to_input()
            .validated()
            .map_err(|e| field_problem(path, at(i, &r.id), e))?;
        (r.what, r.note, r.tags, r.follows) = (v.what, v.note, v.tags, v.follows);
    }
    let people: Vec<&str> = doc.people.iter().map(|p| p.id.as_str()).collect();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, r) in doc.requests.iter().enumerate() {
        if uuid::Uuid::parse_str(&r.id).is_err() {
            return Err(problem(
                path,
                at(i, &r.id),
                format!("id: “{}” is not a UUID", r.id),
            ));
        }
        if let Some(first) = ids.insert(&r.id, i) {
            let msg = format!("id is used twice (also requests[{first}])");
            return Err(problem(path, at(i, &r.id), msg));
        }
        if !people.contains(&r.person_id.as_str()) && journal.get_person(&r.person_id).is_err() {
            let msg = format!(
                "person_id: no person {} in the file or the journal",
                r.person_id
            );
            return Err(problem(path, at(i, &r.id), msg));
        }
    }
    let known = |id: &str| ids.contains_key(id) || journal.get_request(id).is_ok();
    for (i, r) in doc.requests.iter().enumerate() {
        if let Some(earlier) = r.follows.as_deref().filter(|f| !known(f)) {
            let msg = format!("follows: no request {earlier} in the file or the journal");
            return Err(problem(path, at(i, &r.id), msg));
        }
    }
    for (i, e) in doc.exchanges.iter().enumerate() {
        if let Some(request) = e.fulfils.as_deref().filter(|f| !known(f)) {
            let location = format!("exchanges[{i}] (id {})", e.id);
            let msg = format!("fulfils: no request {request} in the file or the journal");
            return Err(problem(path, location, msg));
        }
    }
    Ok(())
}

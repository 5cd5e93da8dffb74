//! The one validation path for imported records: every person, exchange and check-in an
//! importer produces passes the same model rules as one typed in the window, and is kept in
//! the trimmed, normalised form those rules give. A record that breaks a rule stops the
//! import, naming the file, the record and the field.

use super::problem;
use crate::journal::Records;
use crate::model::{check_date, CheckIn, Exchange, Person};
use crate::{Error, Result};
use std::path::Path;

/// Applies the model's rules to every record of `records`.
pub(crate) fn check_records(path: &Path, records: &mut Records) -> Result<()> {
    normalise_records(
        path,
        &mut records.people,
        &mut records.exchanges,
        &mut records.checkins,
    )
}

/// Applies the model's rules to each person, exchange and check-in, in place.
pub(crate) fn normalise_records(
    path: &Path,
    people: &mut [Person],
    exchanges: &mut [Exchange],
    checkins: &mut [CheckIn],
) -> Result<()> {
    for (i, p) in people.iter_mut().enumerate() {
        let at = || locate("people", i, &p.id, &p.name);
        let v = p
            .to_input()
            .validated()
            .map_err(|e| field_problem(path, at(), e))?;
        (p.name, p.notes) = (v.name, v.notes);
    }
    for (i, e) in exchanges.iter_mut().enumerate() {
        let at = || locate("exchanges", i, &e.id, &e.what);
        let v = e
            .to_input()
            .validated()
            .map_err(|err| field_problem(path, at(), err))?;
        if let Some(on) = e.settled_on {
            check_date("settled_on", on).map_err(|err| field_problem(path, at(), err))?;
        }
        (e.what, e.note, e.tags, e.reciprocates) = (v.what, v.note, v.tags, v.reciprocates);
    }
    for (i, c) in checkins.iter_mut().enumerate() {
        let at = || locate("checkins", i, &c.id, &c.on.to_string());
        let v = c
            .to_input()
            .validated()
            .map_err(|e| field_problem(path, at(), e))?;
        (c.reflection, c.prompt) = (v.reflection, v.prompt);
    }
    Ok(())
}

/// `exchanges[3] (id …, “Lent a ladder”)`: the record's place among the records read, its id,
/// and the start of its text so that a person can find it in the file.
fn locate(kind: &str, index: usize, id: &str, label: &str) -> String {
    let mut short: String = label.chars().take(40).collect();
    if label.chars().count() > 40 {
        short.push('…');
    }
    let short = crate::text::printable(&short).replace('\n', " ");
    format!("{kind}[{index}] (id {id}, “{short}”)")
}

fn field_problem(path: &Path, at: String, e: Error) -> Error {
    match e.field() {
        Some(field) => problem(path, at, format!("{field}: {e}")),
        None => problem(path, at, e.to_string()),
    }
}

//! The `person` table.

use super::stored::{read_all, read_first, StoredRow};
use super::{now, Journal};
use crate::model::{new_id, Person, PersonInput, PersonSummary};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

const COLUMNS: &str = "id, name, relationship, notes, archived_at, created_at, updated_at";

fn person_from_row(row: &Row<'_>) -> Result<Person> {
    let row = StoredRow::new(row, "person");
    Ok(Person {
        id: row.get(0)?,
        name: row.get(1)?,
        relationship: row.get(2)?,
        notes: row.get(3)?,
        archived_at: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

/// The person a validated input makes, created at `at`.
pub(super) fn new_person(input: PersonInput, at: DateTime<Utc>) -> Person {
    Person {
        id: new_id(),
        name: input.name,
        relationship: input.relationship,
        notes: input.notes,
        archived_at: None,
        created_at: at,
        updated_at: at,
    }
}

/// The person to add with an entry (someone new named while logging): checked before
/// anything is written, so a refused entry adds no one.
pub(super) fn checked_new_person(input: Option<&PersonInput>) -> Result<Option<Person>> {
    Ok(input
        .map(|p| p.validated())
        .transpose()?
        .map(|p| new_person(p, now())))
}

/// Adds `person`, if any, in the entry's own transaction.
pub(super) fn insert_new_person(
    conn: &rusqlite::Connection,
    person: Option<&Person>,
) -> Result<()> {
    person.map_or(Ok(()), |p| insert_person(conn, p))
}

impl Journal {
    pub fn add_person(&mut self, input: &PersonInput) -> Result<Person> {
        let person = new_person(input.validated()?, now());
        let tx = self.write()?;
        insert_person(&tx, &person)?;
        tx.commit()?;
        Ok(person)
    }

    pub fn get_person(&self, id: &str) -> Result<Person> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM person WHERE id = ?1"))?;
        read_first(&mut stmt, params![id], person_from_row)?
            .ok_or_else(|| Error::not_found("person", id))
    }

    pub fn update_person(&mut self, id: &str, input: &PersonInput) -> Result<Person> {
        let input = input.validated()?;
        let changed = self.write_one(
            "UPDATE person SET name = ?2, relationship = ?3, notes = ?4, updated_at = ?5
             WHERE id = ?1",
            params![id, input.name, input.relationship, input.notes, now()],
        )?;
        if changed == 0 {
            return Err(Error::not_found("person", id));
        }
        self.get_person(id)
    }

    /// Hides a person from lists without losing their history.
    pub fn archive_person(&mut self, id: &str) -> Result<Person> {
        self.set_archived(id, Some(now()))
    }

    pub fn unarchive_person(&mut self, id: &str) -> Result<Person> {
        self.set_archived(id, None)
    }

    fn set_archived(
        &mut self,
        id: &str,
        at: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<Person> {
        let changed = self.write_one(
            "UPDATE person SET archived_at = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, at, now()],
        )?;
        if changed == 0 {
            return Err(Error::not_found("person", id));
        }
        self.get_person(id)
    }

    /// Everyone, by name.
    /// Everyone, archived included, by id: for lists that name each entry's person.
    pub fn people_by_id(&self) -> Result<std::collections::HashMap<String, Person>> {
        Ok(self
            .list_people(true)?
            .into_iter()
            .map(|p| (p.id.clone(), p))
            .collect())
    }

    pub fn list_people(&self, include_archived: bool) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM person
             WHERE ?1 OR archived_at IS NULL
             ORDER BY name COLLATE NOCASE, created_at"
        ))?;
        read_all(&mut stmt, params![include_archived], person_from_row)
    }

    /// People whose name matches `name` exactly, ignoring case (ASCII and beyond).
    pub fn find_people_by_name(&self, name: &str) -> Result<Vec<Person>> {
        let wanted = name.trim().to_lowercase();
        Ok(self
            .list_people(true)?
            .into_iter()
            .filter(|p| p.name.to_lowercase() == wanted)
            .collect())
    }

    /// Each person with their counts, the most recently active first.
    pub fn list_person_summaries(&self, include_archived: bool) -> Result<Vec<PersonSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS},
                    (SELECT count(*) FROM exchange e WHERE e.person_id = person.id
                        AND e.deleted_at IS NULL AND e.direction = 'given'),
                    (SELECT count(*) FROM exchange e WHERE e.person_id = person.id
                        AND e.deleted_at IS NULL AND e.direction = 'received'),
                    (SELECT max(occurred_on) FROM exchange e WHERE e.person_id = person.id
                        AND e.deleted_at IS NULL) AS last_on
             FROM person
             WHERE ?1 OR archived_at IS NULL
             ORDER BY last_on IS NULL, last_on DESC, name COLLATE NOCASE"
        ))?;
        read_all(&mut stmt, params![include_archived], |row| {
            let person = person_from_row(row)?;
            let counts = StoredRow::new(row, "person");
            Ok(PersonSummary {
                sphere: person.relationship.sphere(),
                communal: person.relationship.is_communal(),
                given: counts.get(7)?,
                received: counts.get(8)?,
                last_exchange_on: counts.get(9)?,
                person,
            })
        })
    }
}

/// Every column of a whole record, as `?1` … `?7` in this order.
const INSERT: &str = "INSERT INTO person (id, name, relationship, notes, archived_at, created_at,
        updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

/// The same columns and numbers, replacing the stored person with id `?1`.
const REPLACE: &str = "UPDATE person SET (name, relationship, notes, archived_at, created_at,
        updated_at) = (?2, ?3, ?4, ?5, ?6, ?7)
     WHERE id = ?1";

fn write_person(conn: &rusqlite::Connection, sql: &str, p: &Person) -> Result<()> {
    conn.prepare_cached(sql)?.execute(params![
        p.id,
        p.name,
        p.relationship,
        p.notes,
        p.archived_at,
        p.created_at,
        p.updated_at
    ])?;
    Ok(())
}

/// The record for a new person, checked against the model's rules.
pub(crate) fn insert_person(conn: &rusqlite::Connection, p: &Person) -> Result<()> {
    write_person(conn, INSERT, p)
}

/// Inserts `p`, or replaces the stored person with the same id when `p` is newer.
pub(crate) fn merge_person(conn: &rusqlite::Connection, p: &Person) -> Result<super::Merged> {
    let stored: Option<chrono::DateTime<chrono::Utc>> = conn
        .prepare_cached("SELECT updated_at FROM person WHERE id = ?1")?
        .query_row(params![p.id], |r| r.get(0))
        .optional()?;
    match stored {
        None => {
            write_person(conn, INSERT, p)?;
            Ok(super::Merged::Added)
        }
        Some(at) if p.updated_at > at => {
            write_person(conn, REPLACE, p)?;
            Ok(super::Merged::Updated)
        }
        Some(_) => Ok(super::Merged::Kept),
    }
}

/// Every person, archived ones included, in id (creation) order.
pub(crate) fn list_every_person(conn: &rusqlite::Connection) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM person ORDER BY id"))?;
    read_all(&mut stmt, [], person_from_row)
}

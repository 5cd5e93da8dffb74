//! The `request` table: logging asks, editing, soft delete and restore, listing and search.
//!
//! The rules that need the journal live here: the person exists, and a request that
//! `follows` another names an earlier live request of the same person going the same way
//! (a concession replaces an ask of theirs, never yours, and never a later one).

use super::people::{checked_new_person, insert_new_person};
use super::request_rows::{get_request, insert_request, request_from_row, COLUMNS};
use super::search::fts_query;
use super::stored::read_all;
use super::{now, Journal};
use crate::model::{new_id, PersonInput, Request, RequestFilter, RequestInput};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

impl Journal {
    /// Logs a request.
    pub fn add_request(&mut self, input: &RequestInput) -> Result<Request> {
        self.add_request_with(None, input)
    }

    /// Logs an ask with someone not yet in the journal: the person and the ask are added in
    /// one transaction, so neither is kept without the other.
    pub fn add_request_with_new_person(
        &mut self,
        person: &PersonInput,
        input: &RequestInput,
    ) -> Result<Request> {
        self.add_request_with(Some(person), input)
    }

    fn add_request_with(
        &mut self,
        new_person: Option<&PersonInput>,
        input: &RequestInput,
    ) -> Result<Request> {
        let person = checked_new_person(new_person)?;
        let mut input = input.clone();
        if let Some(p) = &person {
            input.person_id = p.id.clone();
        }
        let input = input.validated()?;
        let tx = self.write()?;
        insert_new_person(&tx, person.as_ref())?;
        check_request_references(&tx, &input, None)?;
        let at = now();
        let request = from_input(new_id(), input, at, at);
        insert_request(&tx, &request)?;
        tx.commit()?;
        Ok(request)
    }

    /// The request with `id`, deleted or not.
    pub fn get_request(&self, id: &str) -> Result<Request> {
        get_request(&self.conn, id)?.ok_or_else(|| Error::not_found("request", id))
    }

    /// Replaces what the user entered; keeps the id, creation time and deletion state.
    pub fn update_request(&mut self, id: &str, input: &RequestInput) -> Result<Request> {
        let input = input.validated()?;
        let tx = self.write()?;
        let old = get_request(&tx, id)?.ok_or_else(|| Error::not_found("request", id))?;
        check_request_references(&tx, &input, Some(id))?;
        let request = Request {
            deleted_at: old.deleted_at,
            ..from_input(old.id, input, old.created_at, now())
        };
        super::request_rows::replace_request(&tx, &request)?;
        tx.commit()?;
        Ok(request)
    }

    /// Soft delete: the request disappears from lists and insights but can be restored.
    pub fn delete_request(&mut self, id: &str) -> Result<Request> {
        self.set_request_deleted(id, Some(now()))
    }

    /// Undoes a delete.
    pub fn restore_request(&mut self, id: &str) -> Result<Request> {
        self.set_request_deleted(id, None)
    }

    fn set_request_deleted(&mut self, id: &str, at: Option<DateTime<Utc>>) -> Result<Request> {
        let changed = self.write_one(
            "UPDATE request SET deleted_at = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, at, now()],
        )?;
        if changed == 0 {
            return Err(Error::not_found("request", id));
        }
        self.get_request(id)
    }

    /// Requests that match every field of `filter`, newest first.
    pub fn list_requests(&self, filter: &RequestFilter) -> Result<Vec<Request>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM request r
             WHERE (?1 OR r.deleted_at IS NULL)
               AND (?2 IS NULL OR r.person_id = ?2)
               AND (?3 IS NULL OR r.direction = ?3)
               AND (?4 IS NULL OR r.on_date >= ?4)
               AND (?5 IS NULL OR r.on_date <= ?5)
             ORDER BY r.on_date DESC, r.seq DESC
             LIMIT ?6 OFFSET ?7"
        ))?;
        read_all(
            &mut stmt,
            params![
                filter.include_deleted,
                filter.person_id,
                filter.direction,
                filter.since,
                filter.until,
                filter.limit.map_or(-1, i64::from),
                filter.offset.map_or(0, i64::from),
            ],
            request_from_row,
        )
    }

    /// Live requests whose what, note, tags or person's name start with every word of
    /// `text`, best match first.
    pub fn search_requests(&self, text: &str, limit: u32) -> Result<Vec<Request>> {
        let query =
            fts_query(text).ok_or_else(|| Error::invalid("query", "type a word to search for"))?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM request_fts f JOIN request r ON r.seq = f.rowid
             WHERE request_fts MATCH ?1 AND r.deleted_at IS NULL
             ORDER BY f.rank, r.on_date DESC
             LIMIT ?2"
        ))?;
        read_all(&mut stmt, params![query, limit], request_from_row)
    }

    /// Live exchanges that name the request `id` in `fulfils`, as ids, oldest first.
    pub fn list_fulfilling_exchanges(&self, id: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM exchange WHERE fulfils = ?1 AND deleted_at IS NULL
             ORDER BY occurred_on, seq",
        )?;
        let rows = stmt.query_map(params![id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn from_input(
    id: String,
    input: RequestInput,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
) -> Request {
    Request {
        id,
        person_id: input.person_id,
        direction: input.direction,
        on: input.on,
        what: input.what,
        size: input.size,
        answer: input.answer,
        followed_through: input.followed_through,
        pressure: input.pressure,
        obligation: input.obligation,
        free_to_refuse: input.free_to_refuse,
        sweetened: input.sweetened,
        follows: input.follows,
        note: input.note,
        tags: input.tags,
        created_at,
        updated_at,
        deleted_at: None,
    }
}

/// The person exists; `follows` names another live request of the same person, going the
/// same way, made on or before this one's date (a smaller ask often comes in the same
/// conversation as the refused one).
fn check_request_references(
    conn: &Connection,
    input: &RequestInput,
    own_id: Option<&str>,
) -> Result<()> {
    let person: Option<String> = conn
        .query_row(
            "SELECT id FROM person WHERE id = ?1",
            params![input.person_id],
            |r| r.get(0),
        )
        .optional()?;
    if person.is_none() {
        return Err(Error::invalid(
            "person_id",
            format!("no person with id {}", input.person_id),
        ));
    }
    let Some(earlier_id) = input.follows.as_deref() else {
        return Ok(());
    };
    if Some(earlier_id) == own_id {
        return Err(Error::invalid("follows", "a request cannot follow itself"));
    }
    let earlier = get_request(conn, earlier_id)?
        .filter(|r| r.deleted_at.is_none())
        .ok_or_else(|| {
            Error::invalid(
                "follows",
                format!("no request with id {earlier_id} to follow"),
            )
        })?;
    if earlier.person_id != input.person_id || earlier.direction != input.direction {
        return Err(Error::invalid(
            "follows",
            "a request can only follow an earlier one of the same person, asked the same way",
        ));
    }
    if earlier.on > input.on {
        return Err(Error::invalid(
            "follows",
            format!(
                "the request it follows is dated {}, after this one ({})",
                earlier.on, input.on
            ),
        ));
    }
    Ok(())
}

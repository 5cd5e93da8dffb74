//! Rows of the `request` table as whole records: reading, inserting, merging a record that
//! comes from elsewhere (an import) by id, where the newer `updated_at` wins, and the link
//! from an exchange that fulfils a request.

use super::bulk::BulkRecord;
use super::now;
use super::stored::{date_to_sql, read_all, read_first, tags_to_sql, time_to_sql, StoredRow};
use crate::insight::RequestFact;
use crate::model::{Direction, ExchangeInput, FollowThrough, Request, RequestDirection};
use crate::{Error, Result};
use chrono::NaiveDate;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Row};

pub(crate) const COLUMNS: &str = "r.id, r.person_id, r.direction, r.on_date, r.what, r.size, \
    r.answer, r.followed_through, r.pressure, r.obligation, r.free_to_refuse, r.sweetened, \
    r.follows, r.note, r.tags, r.created_at, r.updated_at, r.deleted_at";

pub(crate) fn request_from_row(row: &Row<'_>) -> Result<Request> {
    let row = StoredRow::new(row, "request");
    Ok(Request {
        id: row.get(0)?,
        person_id: row.get(1)?,
        direction: row.get(2)?,
        on: row.get(3)?,
        what: row.get(4)?,
        size: row.get(5)?,
        answer: row.get(6)?,
        followed_through: row.get(7)?,
        pressure: row.get(8)?,
        obligation: row.get(9)?,
        free_to_refuse: row.get(10)?,
        sweetened: row.get(11)?,
        follows: row.get(12)?,
        note: row.get(13)?,
        tags: row.tags(14)?,
        created_at: row.get(15)?,
        updated_at: row.get(16)?,
        deleted_at: row.get(17)?,
    })
}

/// Every column of a whole record, as `?1` … `?18` in this order.
const INSERT: &str = "INSERT INTO request (id, person_id, direction, on_date, what, size,
        answer, followed_through, pressure, obligation, free_to_refuse, sweetened, follows,
        note, tags, created_at, updated_at, deleted_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";

/// The same columns and numbers, replacing the stored record with id `?1`.
const REPLACE: &str = "UPDATE request SET (person_id, direction, on_date, what, size,
        answer, followed_through, pressure, obligation, free_to_refuse, sweetened, follows,
        note, tags, created_at, updated_at, deleted_at)
     = (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
     WHERE id = ?1";

fn write_request(conn: &Connection, sql: &str, r: &Request) -> Result<()> {
    conn.prepare_cached(sql)?.execute(params![
        r.id,
        r.person_id,
        r.direction,
        date_to_sql(r.on),
        r.what,
        r.size,
        r.answer,
        r.followed_through,
        r.pressure,
        r.obligation,
        r.free_to_refuse,
        r.sweetened,
        r.follows,
        r.note,
        tags_to_sql(&r.tags),
        time_to_sql(&r.created_at),
        time_to_sql(&r.updated_at),
        r.deleted_at.as_ref().map(time_to_sql)
    ])?;
    Ok(())
}

pub(crate) fn insert_request(conn: &Connection, r: &Request) -> Result<()> {
    write_request(conn, INSERT, r)
}

/// Replaces the stored record with `r`'s id by `r`, whole.
pub(crate) fn replace_request(conn: &Connection, r: &Request) -> Result<()> {
    write_request(conn, REPLACE, r)
}

impl BulkRecord for Request {
    const TABLE: &'static str = "request";
    const COLUMNS: &'static str = "id, person_id, direction, on_date, what, size, answer, \
        followed_through, pressure, obligation, free_to_refuse, sweetened, follows, note, tags, \
        created_at, updated_at, deleted_at";
    fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }
    fn write(&self, conn: &Connection, sql: &str) -> Result<()> {
        write_request(conn, sql, self)
    }
}

/// The request with `id`, deleted or not.
pub(crate) fn get_request(conn: &Connection, id: &str) -> Result<Option<Request>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM request r WHERE r.id = ?1"))?;
    read_first(&mut stmt, params![id], request_from_row)
}

/// Every request, deleted ones included, in id (creation) order: what a backup holds.
pub(crate) fn list_every_request(conn: &Connection) -> Result<Vec<Request>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM request r ORDER BY r.id"))?;
    read_all(&mut stmt, [], request_from_row)
}

/// The direction of request an exchange can fulfil: what you give answers an ask made of
/// you; what you receive answers one you made.
pub fn fulfilled_by(direction: Direction) -> RequestDirection {
    match direction {
        Direction::Given => RequestDirection::ToYou,
        Direction::Received => RequestDirection::ByYou,
    }
}

/// The request an exchange names in `fulfils` exists, is live, is with the same person, goes
/// the matching way and was agreed to: only a yes can be followed through.
pub(crate) fn check_fulfils(conn: &Connection, input: &ExchangeInput) -> Result<()> {
    let Some(id) = input.fulfils.as_deref() else {
        return Ok(());
    };
    let request = get_request(conn, id)?
        .filter(|r| r.deleted_at.is_none())
        .ok_or_else(|| Error::invalid("fulfils", format!("no request with id {id} to fulfil")))?;
    if request.person_id != input.person_id {
        return Err(Error::invalid(
            "fulfils",
            "an exchange can only fulfil a request of the same person",
        ));
    }
    let wanted = fulfilled_by(input.direction);
    if request.direction != wanted {
        return Err(Error::invalid(
            "fulfils",
            format!(
                "a {} exchange can only fulfil a request made {}",
                input.direction,
                match wanted {
                    RequestDirection::ToYou => "of you",
                    RequestDirection::ByYou => "by you",
                }
            ),
        ));
    }
    if !request.answer.said_yes() {
        return Err(Error::invalid(
            "fulfils",
            format!(
                "only a request that was agreed to can be fulfilled; this one is {}",
                request.answer
            ),
        ));
    }
    Ok(())
}

/// A request named by an exchange's `fulfils` was done.
pub(crate) fn mark_followed_through(conn: &Connection, id: &str) -> Result<()> {
    conn.execute(
        "UPDATE request SET followed_through = ?2, updated_at = ?3
         WHERE id = ?1 AND answer IN ('agreed', 'partly')
           AND coalesce(followed_through, '') <> ?2",
        params![id, FollowThrough::Yes, now()],
    )?;
    Ok(())
}

/// The facts of every live request on or after `since`: what the insight engine reads.
pub(crate) fn list_request_facts(
    conn: &Connection,
    since: Option<NaiveDate>,
) -> Result<Vec<RequestFact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, person_id, direction, on_date, size, answer, followed_through, pressure,
                obligation, free_to_refuse, sweetened, follows
         FROM request
         WHERE deleted_at IS NULL AND (?1 IS NULL OR on_date >= ?1)
         ORDER BY on_date, seq",
    )?;
    read_all(&mut stmt, params![since], |r| {
        let r = StoredRow::new(r, "request");
        Ok(RequestFact {
            id: r.get(0)?,
            person_id: r.get(1)?,
            direction: r.get(2)?,
            on: r.get(3)?,
            size: r.get(4)?,
            answer: r.get(5)?,
            followed_through: r.get(6)?,
            pressure: r.get(7)?,
            obligation: r.get(8)?,
            free_to_refuse: r.get(9)?,
            sweetened: r.get(10)?,
            follows: r.get(11)?,
        })
    })
}

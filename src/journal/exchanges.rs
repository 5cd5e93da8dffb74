//! The `exchange` table: logging, editing, soft delete and restore, settling, listing.

use super::exchange_rows::{exchange_from_row, insert_exchange, COLUMNS};
use super::people::{checked_new_person, insert_new_person};
use super::request_rows::{check_fulfils, mark_followed_through};
use super::stored::{read_all, read_first, tags_to_sql};
use super::{now, Journal};
use crate::model::{
    new_id, Direction, Exchange, ExchangeFilter, ExchangeInput, PersonInput, Relationship,
    Settlement,
};
use crate::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

/// Inserts a validated new exchange; a given exchange that names the received one it
/// returns marks that one returned, and one that names the ask it answers marks that ask
/// followed through.
fn log_exchange(tx: &Connection, input: ExchangeInput) -> Result<Exchange> {
    check_references(tx, &input, None)?;
    let at = now();
    let exchange = Exchange {
        id: new_id(),
        person_id: input.person_id,
        direction: input.direction,
        occurred_on: input.occurred_on,
        occurred_at: input.occurred_at,
        kind: input.kind,
        what: input.what,
        note: input.note,
        value: input.value,
        initiative: input.initiative,
        sphere: input.sphere,
        reciprocates: input.reciprocates,
        fulfils: input.fulfils,
        settlement: (input.direction == Direction::Received).then_some(Settlement::Open),
        settled_on: None,
        tags: input.tags,
        feelings: input.feelings,
        created_at: at,
        updated_at: at,
        deleted_at: None,
    };
    insert_exchange(tx, &exchange)?;
    if let Some(target) = &exchange.reciprocates {
        mark_returned(tx, target, exchange.occurred_on)?;
    }
    if let Some(request) = &exchange.fulfils {
        mark_followed_through(tx, request)?;
    }
    Ok(exchange)
}

impl Journal {
    /// Logs an exchange. A given exchange that names the received one it returns marks that
    /// one returned, in the same transaction.
    pub fn add_exchange(&mut self, input: &ExchangeInput) -> Result<Exchange> {
        self.add_exchange_with(None, input)
    }

    /// Logs an exchange with someone not yet in the journal: the person and the exchange are
    /// added in one transaction, so neither is kept without the other.
    pub fn add_exchange_with_new_person(
        &mut self,
        person: &PersonInput,
        input: &ExchangeInput,
    ) -> Result<Exchange> {
        self.add_exchange_with(Some(person), input)
    }

    fn add_exchange_with(
        &mut self,
        new_person: Option<&PersonInput>,
        input: &ExchangeInput,
    ) -> Result<Exchange> {
        let person = checked_new_person(new_person)?;
        let mut input = input.clone();
        if let Some(p) = &person {
            input.person_id = p.id.clone();
        }
        let input = input.validated()?;
        let tx = self.write()?;
        insert_new_person(&tx, person.as_ref())?;
        let exchange = log_exchange(&tx, input)?;
        tx.commit()?;
        Ok(exchange)
    }

    /// The exchange with `id`, deleted or not.
    pub fn get_exchange(&self, id: &str) -> Result<Exchange> {
        get_exchange(&self.conn, id)?.ok_or_else(|| Error::not_found("exchange", id))
    }

    /// Replaces what the user entered; keeps id, creation time and settlement (a received
    /// exchange turned given loses its settlement, a given one turned received starts open).
    pub fn update_exchange(&mut self, id: &str, input: &ExchangeInput) -> Result<Exchange> {
        let input = input.validated()?;
        let tx = self.write()?;
        let old = get_exchange(&tx, id)?.ok_or_else(|| Error::not_found("exchange", id))?;
        check_references(&tx, &input, Some(id))?;
        let (settlement, settled_on) = match input.direction {
            Direction::Given => (None, None),
            Direction::Received => (old.settlement.or(Some(Settlement::Open)), old.settled_on),
        };
        let f = &input.feelings;
        tx.execute(
            "UPDATE exchange SET person_id = ?2, direction = ?3, occurred_on = ?4,
                occurred_at = ?5, kind = ?6, what = ?7, note = ?8, value = ?9, initiative = ?10,
                sphere = ?11, reciprocates = ?12, settlement = ?13, settled_on = ?14, tags = ?15,
                gratitude = ?16, indebtedness = ?17, pressure = ?18, discomfort = ?19,
                warmth = ?20, drained = ?21, expectation = ?22, updated_at = ?23, fulfils = ?24
             WHERE id = ?1",
            params![
                id,
                input.person_id,
                input.direction,
                input.occurred_on,
                input.occurred_at,
                input.kind,
                input.what,
                input.note,
                input.value,
                input.initiative,
                input.sphere,
                input.reciprocates,
                settlement,
                settled_on,
                tags_to_sql(&input.tags),
                f.gratitude,
                f.indebtedness,
                f.pressure,
                f.discomfort,
                f.warmth,
                f.drained,
                f.expectation,
                now(),
                input.fulfils
            ],
        )?;
        if let Some(target) = input.reciprocates.as_deref() {
            if old.reciprocates.as_deref() != Some(target) {
                mark_returned(&tx, target, input.occurred_on)?;
            }
        }
        if let Some(request) = input.fulfils.as_deref() {
            if old.fulfils.as_deref() != Some(request) {
                mark_followed_through(&tx, request)?;
            }
        }
        tx.commit()?;
        self.get_exchange(id)
    }

    /// Soft delete: the exchange disappears from lists and insights but can be restored.
    pub fn delete_exchange(&mut self, id: &str) -> Result<Exchange> {
        self.set_deleted(id, Some(now()))
    }

    /// Undoes a delete.
    pub fn restore_exchange(&mut self, id: &str) -> Result<Exchange> {
        self.set_deleted(id, None)
    }

    fn set_deleted(
        &mut self,
        id: &str,
        at: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<Exchange> {
        let changed = self.write_one(
            "UPDATE exchange SET deleted_at = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, at, now()],
        )?;
        if changed == 0 {
            return Err(Error::not_found("exchange", id));
        }
        self.get_exchange(id)
    }

    /// Records what became of a received exchange, dated `on`. `returned_by`, with
    /// `Returned`, links the given exchange that returned it.
    pub fn settle_exchange(
        &mut self,
        id: &str,
        settlement: Settlement,
        returned_by: Option<&str>,
        on: NaiveDate,
    ) -> Result<Exchange> {
        crate::model::check_date("on", on)?;
        let tx = self.write()?;
        let ex = get_exchange(&tx, id)?.ok_or_else(|| Error::not_found("exchange", id))?;
        if ex.direction != Direction::Received {
            return Err(Error::invalid(
                "settlement",
                "only a received exchange can be settled; this one was given",
            ));
        }
        if let Some(by) = returned_by {
            if settlement != Settlement::Returned {
                return Err(Error::invalid(
                    "returned_by",
                    "a returning exchange can only be linked when settling as returned",
                ));
            }
            let giver = get_exchange(&tx, by)?
                .filter(|g| g.deleted_at.is_none())
                .ok_or_else(|| Error::not_found("exchange", by))?;
            if giver.direction != Direction::Given || giver.person_id != ex.person_id {
                return Err(Error::invalid(
                    "returned_by",
                    "the returning exchange must be one you gave to the same person",
                ));
            }
            tx.execute(
                "UPDATE exchange SET reciprocates = ?2, updated_at = ?3 WHERE id = ?1",
                params![by, id, now()],
            )?;
        }
        let settled_on = (settlement != Settlement::Open).then_some(on);
        tx.execute(
            "UPDATE exchange SET settlement = ?2, settled_on = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, settlement, settled_on, now()],
        )?;
        tx.commit()?;
        self.get_exchange(id)
    }

    /// Exchanges that match every field of `filter`, newest first; deleted ones never.
    pub fn list_exchanges(&self, filter: &ExchangeFilter) -> Result<Vec<Exchange>> {
        let sphere_relationships = filter.sphere.map(|s| {
            let names: Vec<&str> = Relationship::ALL
                .iter()
                .filter(|r| r.sphere() == s)
                .map(|r| r.as_str())
                .collect();
            serde_json::to_string(&names).unwrap_or_default()
        });
        // Without a person, newest first along the date index, so that a limit stops the scan
        // early; left to itself SQLite may sort every row of the journal instead.
        let by_date = match filter.person_id {
            None => "INDEXED BY exchange_by_date",
            Some(_) => "",
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM exchange e {by_date} JOIN person p ON p.id = e.person_id
             WHERE e.deleted_at IS NULL
               AND (?1 IS NULL OR e.person_id = ?1)
               AND (?2 IS NULL OR e.direction = ?2)
               AND (?3 IS NULL OR e.sphere = ?3 OR (e.sphere IS NULL
                    AND p.relationship IN (SELECT value FROM json_each(?4))))
               AND (?5 IS NULL OR e.kind = ?5)
               AND (?6 IS NULL OR EXISTS (SELECT 1 FROM json_each(e.tags) WHERE value = ?6))
               AND (?7 IS NULL OR e.occurred_on >= ?7)
               AND (?8 IS NULL OR e.occurred_on <= ?8)
             ORDER BY e.occurred_on DESC, e.occurred_at IS NULL, e.occurred_at DESC, e.seq DESC
             LIMIT ?9 OFFSET ?10"
        ))?;
        read_all(
            &mut stmt,
            params![
                filter.person_id,
                filter.direction,
                filter.sphere,
                sphere_relationships,
                filter.kind,
                filter.tag.as_ref().map(|t| t.trim().to_lowercase()),
                filter.since,
                filter.until,
                filter.limit.map_or(-1, i64::from),
                filter.offset.map_or(0, i64::from),
            ],
            exchange_from_row,
        )
    }

    /// How many live exchanges you gave and received on or after `since`.
    pub fn count_exchanges_since(&self, since: NaiveDate) -> Result<(u32, u32)> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT count(*) FILTER (WHERE direction = 'given'),
                    count(*) FILTER (WHERE direction = 'received')
             FROM exchange INDEXED BY exchange_by_date
             WHERE occurred_on >= ?1 AND deleted_at IS NULL",
        )?;
        Ok(stmt.query_row(params![since], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }
}

pub(crate) fn get_exchange(conn: &Connection, id: &str) -> Result<Option<Exchange>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM exchange e WHERE e.id = ?1"))?;
    read_first(&mut stmt, params![id], exchange_from_row)
}

/// The rules that need the journal: the person exists, and the exchange this one
/// reciprocates exists, is with the same person, and went the other way.
fn check_references(conn: &Connection, input: &ExchangeInput, own_id: Option<&str>) -> Result<()> {
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
    check_fulfils(conn, input)?;
    let Some(target_id) = input.reciprocates.as_deref() else {
        return Ok(());
    };
    if Some(target_id) == own_id {
        return Err(Error::invalid(
            "reciprocates",
            "an exchange cannot reciprocate itself",
        ));
    }
    let target = get_exchange(conn, target_id)?
        .filter(|t| t.deleted_at.is_none())
        .ok_or_else(|| {
            Error::invalid(
                "reciprocates",
                format!("no exchange with id {target_id} to reciprocate"),
            )
        })?;
    if target.direction == input.direction {
        return Err(Error::invalid(
            "reciprocates",
            format!(
                "a {} exchange can only reciprocate a {} one",
                input.direction,
                input.direction.opposite()
            ),
        ));
    }
    if target.person_id != input.person_id {
        return Err(Error::invalid(
            "reciprocates",
            "an exchange can only reciprocate one with the same person",
        ));
    }
    Ok(())
}

/// A received exchange that is still open becomes returned when a given one names it.
fn mark_returned(conn: &Connection, target: &str, on: NaiveDate) -> Result<()> {
    conn.execute(
        "UPDATE exchange SET settlement = 'returned', settled_on = ?2, updated_at = ?3
         WHERE id = ?1 AND direction = 'received' AND settlement = 'open'",
        params![target, on, now()],
    )?;
    Ok(())
}

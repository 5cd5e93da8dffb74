//! Merging many whole records into a table whose writes fire search-index and clock triggers,
//! with a handful of statements instead of several per record.
//!
//! Why: every statement that fires a trigger opens a statement savepoint, and the full-text
//! index (FTS5) writes its pending entries to disk at each savepoint; one `INSERT` per record
//! therefore made the index flush and merge once per record. And the sync triggers of
//! `0006_sync.sql` read and advance `sync_clock` and rewrite the row once more for every row
//! they stamp. Here every record is first written to a temporary table (no triggers), the
//! records already stored are found with one join, and the rest move in with one
//! `UPDATE … FROM` and one `INSERT … SELECT` that carry their `hlc` stamps: a row whose
//! write sets its `hlc` is not stamped again by the triggers, so they only keep the search
//! index in step.
//!
//! Invariants: the caller's transaction holds the whole merge (all or nothing); a record is
//! added when its id is not stored, replaces the stored one when its `updated_at` is newer,
//! and is kept out otherwise; new records go in in the file's order; each record added or
//! replaced gets its own stamp from this device's clock, later than every stamp given before
//! it, as the triggers would give (see `clock::reserve_stamps`).

use super::clock::{reserve_stamps, stamp_sql};
use super::Merged;
use crate::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

/// A table of whole records that can be merged in bulk.
pub(crate) trait BulkRecord {
    /// The table's name.
    const TABLE: &'static str;
    /// Every column a whole record writes, `id` first, in the order `write` binds them.
    const COLUMNS: &'static str;
    fn updated_at(&self) -> DateTime<Utc>;
    /// Runs `sql` (an `INSERT` of `COLUMNS` as `?1` … `?N`) with this record's values.
    fn write(&self, conn: &Connection, sql: &str) -> Result<()>;
}

/// Merges `records` by id (the newer `updated_at` wins); returns what became of each.
pub(crate) fn merge_many<T: BulkRecord>(conn: &Connection, records: &[T]) -> Result<Vec<Merged>> {
    let stage = format!("bulk_{}", T::TABLE);
    conn.execute_batch(&format!(
        "CREATE TEMP TABLE IF NOT EXISTS {stage} AS SELECT {cols} FROM main.{table} WHERE 0;
         DELETE FROM temp.{stage};",
        cols = T::COLUMNS,
        table = T::TABLE
    ))?;
    // The stage is empty, so record `i` gets rowid `i + 1` (SQLite numbers from 1 up).
    let insert = stage_insert::<T>(&stage);
    for r in records {
        r.write(conn, &insert)?;
    }
    let outcome = sort_out(conn, records, &stage)?;
    // Record `i`'s stamp is the `i`-th of the run reserved, so stamps follow the file's order.
    let Some(last) = outcome.iter().rposition(|m| *m != Merged::Kept) else {
        return Ok(outcome);
    };
    let (first, device) = reserve_stamps(conn, last as i64 + 1)?;
    move_in::<T>(conn, &stage, first - 1, &device)?;
    Ok(outcome)
}

/// What becomes of each staged record; the ones kept out leave the stage.
fn sort_out<T: BulkRecord>(conn: &Connection, records: &[T], stage: &str) -> Result<Vec<Merged>> {
    let mut outcome = vec![Merged::Added; records.len()];
    let mut stmt = conn.prepare(&format!(
        "SELECT s.rowid, m.updated_at FROM temp.{stage} AS s JOIN main.{table} AS m ON m.id = s.id",
        table = T::TABLE
    ))?;
    let mut rows = stmt.query([])?;
    let mut kept = Vec::new();
    while let Some(row) = rows.next()? {
        let (rowid, stored): (i64, DateTime<Utc>) = (row.get(0)?, row.get(1)?);
        let at = usize::try_from(rowid - 1).expect("staged rowids start at 1");
        outcome[at] = if records[at].updated_at() > stored {
            Merged::Updated
        } else {
            kept.push(rowid);
            Merged::Kept
        };
    }
    let mut drop = conn.prepare(&format!("DELETE FROM temp.{stage} WHERE rowid = ?1"))?;
    for rowid in kept {
        drop.execute(params![rowid])?;
    }
    Ok(outcome)
}

/// `INSERT INTO temp.STAGE (COLUMNS) VALUES (?1, …, ?N)`.
fn stage_insert<T: BulkRecord>(stage: &str) -> String {
    let n = T::COLUMNS.split(',').count();
    let values: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO temp.{stage} ({}) VALUES ({})",
        T::COLUMNS,
        values.join(", ")
    )
}

/// Moves the staged records into the table, each stamped `before + rowid` on device `device`:
/// the stored ones are replaced first, then the new ones go in in file order.
fn move_in<T: BulkRecord>(conn: &Connection, stage: &str, before: i64, device: &str) -> Result<()> {
    let (table, cols) = (T::TABLE, T::COLUMNS);
    let stamp = stamp_sql("?1 + s.rowid", "?2");
    let rest: Vec<&str> = cols.split(',').map(str::trim).skip(1).collect();
    let from_stage: Vec<String> = rest.iter().map(|c| format!("s.{c}")).collect();
    conn.execute(
        &format!(
            "UPDATE main.{table} SET ({}, hlc) = ({}, {stamp}) FROM temp.{stage} AS s
             WHERE {table}.id = s.id",
            rest.join(", "),
            from_stage.join(", "),
        ),
        params![before, device],
    )?;
    conn.execute(
        &format!(
            "INSERT INTO main.{table} ({cols}, hlc) SELECT {cols}, {stamp} FROM temp.{stage} AS s
             WHERE NOT EXISTS (SELECT 1 FROM main.{table} AS m WHERE m.id = s.id)
             ORDER BY s.rowid"
        ),
        params![before, device],
    )?;
    conn.execute_batch(&format!("DELETE FROM temp.{stage};"))?;
    Ok(())
}

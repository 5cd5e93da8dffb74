//! Merging many whole records into a table whose writes fire search-index triggers, with one
//! statement per kind of change instead of one per record.
//!
//! Why: every statement that fires a trigger opens a statement savepoint, and the full-text
//! index (FTS5) writes its pending entries to disk at each savepoint; one `INSERT` per record
//! therefore made the index flush and merge once per record. Here the records that are new or
//! newer are first written to two temporary tables (no triggers), then moved in with one
//! `INSERT … SELECT` and one `UPDATE … FROM`, so the index is written once.
//!
//! Invariants: the caller's transaction holds the whole merge (all or nothing); a record is
//! added when its id is not stored, replaces the stored one when its `updated_at` is newer,
//! and is kept out otherwise; new records go in in the file's order.

use super::Merged;
use crate::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

/// A table of whole records that can be merged in bulk.
pub(crate) trait BulkRecord {
    /// The table's name.
    const TABLE: &'static str;
    /// Every column a whole record writes, `id` first, in the order `write` binds them.
    const COLUMNS: &'static str;
    fn id(&self) -> &str;
    fn updated_at(&self) -> DateTime<Utc>;
    /// Runs `sql` (an `INSERT` of `COLUMNS` as `?1` … `?N`) with this record's values.
    fn write(&self, conn: &Connection, sql: &str) -> Result<()>;
}

/// Merges `records` by id (the newer `updated_at` wins); returns what became of each.
pub(crate) fn merge_many<T: BulkRecord>(conn: &Connection, records: &[T]) -> Result<Vec<Merged>> {
    let (new, newer) = (
        format!("bulk_new_{}", T::TABLE),
        format!("bulk_newer_{}", T::TABLE),
    );
    for stage in [&new, &newer] {
        conn.execute_batch(&format!(
            "CREATE TEMP TABLE IF NOT EXISTS {stage} AS SELECT {cols} FROM main.{table} WHERE 0;
             DELETE FROM temp.{stage};",
            cols = T::COLUMNS,
            table = T::TABLE
        ))?;
    }
    let lookup = format!("SELECT updated_at FROM main.{} WHERE id = ?1", T::TABLE);
    let mut outcome = Vec::with_capacity(records.len());
    for r in records {
        let stored: Option<DateTime<Utc>> = conn
            .prepare_cached(&lookup)?
            .query_row(params![r.id()], |row| row.get(0))
            .optional()?;
        let merged = match stored {
            None => Merged::Added,
            Some(at) if r.updated_at() > at => Merged::Updated,
            Some(_) => Merged::Kept,
        };
        match merged {
            Merged::Added => r.write(conn, &stage_insert::<T>(&new))?,
            Merged::Updated => r.write(conn, &stage_insert::<T>(&newer))?,
            Merged::Kept => {}
        }
        outcome.push(merged);
    }
    move_in::<T>(conn, &new, &newer)?;
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

/// Moves the staged records into the table: new ones in file order, then the newer ones.
fn move_in<T: BulkRecord>(conn: &Connection, new: &str, newer: &str) -> Result<()> {
    let (table, cols) = (T::TABLE, T::COLUMNS);
    conn.execute(
        &format!("INSERT INTO main.{table} ({cols}) SELECT {cols} FROM temp.{new} ORDER BY rowid"),
        [],
    )?;
    let rest: Vec<&str> = cols.split(',').map(str::trim).skip(1).collect();
    let from_stage: Vec<String> = rest.iter().map(|c| format!("s.{c}")).collect();
    conn.execute(
        &format!(
            "UPDATE main.{table} SET ({}) = ({}) FROM temp.{newer} AS s WHERE {table}.id = s.id",
            rest.join(", "),
            from_stage.join(", ")
        ),
        [],
    )?;
    conn.execute_batch(&format!(
        "DELETE FROM temp.{new}; DELETE FROM temp.{newer};"
    ))?;
    Ok(())
}

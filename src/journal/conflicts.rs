//! The `sync_conflict` table: the losing version of a row changed on two devices that had not
//! seen each other's change, kept until the user chooses.
//!
//! Invariants: a conflict names the version that was kept (`kept_hlc`); once the row moves on
//! past it everywhere (a later edit made knowing it), the conflict is settled and dropped.

use super::sync_rows::SyncTx;
use super::Journal;
use crate::sync::{Columns, Hlc, RowState, SyncTable};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

/// One stored conflict.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredConflict {
    pub id: i64,
    pub table: SyncTable,
    pub key: String,
    pub kept_hlc: Hlc,
    pub lost: RowState,
    pub found_at: DateTime<Utc>,
}

/// A `sync_conflict` row as stored, before its texts are parsed.
struct RawConflict {
    id: i64,
    table: String,
    key: String,
    kept: String,
    lost: String,
    state: Option<String>,
    found_at: DateTime<Utc>,
}

fn conflict_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawConflict> {
    Ok(RawConflict {
        id: r.get(0)?,
        table: r.get(1)?,
        key: r.get(2)?,
        kept: r.get(3)?,
        lost: r.get(4)?,
        state: r.get(5)?,
        found_at: r.get(6)?,
    })
}

fn to_conflict(
    RawConflict {
        id,
        table,
        key,
        kept,
        lost,
        state,
        found_at,
    }: RawConflict,
) -> Result<StoredConflict> {
    let unreadable = |detail: String| Error::StoredValueUnreadable {
        table: "sync_conflict",
        id: id.to_string(),
        column: "lost_state".into(),
        detail,
    };
    let table = <SyncTable as crate::model::Vocabulary>::from_name(&table)
        .ok_or_else(|| unreadable(format!("'{table}' is not a synced table")))?;
    let row: Option<Columns> = state
        .map(|s| serde_json::from_str(&s).map_err(|e| unreadable(e.to_string())))
        .transpose()?;
    Ok(StoredConflict {
        id,
        table,
        kept_hlc: Hlc::parse(&kept)?,
        lost: RowState {
            table,
            key: key.clone(),
            hlc: Hlc::parse(&lost)?,
            row,
        },
        key,
        found_at,
    })
}

const SELECT: &str =
    "SELECT id, tbl, key, kept_hlc, lost_hlc, lost_state, found_at FROM sync_conflict";

impl Journal {
    /// Every conflict not yet resolved, oldest first.
    pub fn list_conflicts(&self) -> Result<Vec<StoredConflict>> {
        let mut stmt = self
            .conn
            .prepare(&format!("{SELECT} ORDER BY found_at, id"))?;
        let rows = stmt.query_map([], conflict_from_row)?;
        rows.map(|r| to_conflict(r?)).collect()
    }

    pub fn count_conflicts(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM sync_conflict", [], |r| r.get(0))?)
    }
}

impl SyncTx<'_> {
    pub fn get_conflict(&self, id: i64) -> Result<StoredConflict> {
        let row = self
            .tx
            .query_row(
                &format!("{SELECT} WHERE id = ?1"),
                params![id],
                conflict_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("conflict", id.to_string()))?;
        to_conflict(row)
    }

    /// Keeps `lost`, the version that did not win over the one stamped `kept`.
    pub fn record_conflict(&self, kept: &Hlc, lost: &RowState, at: DateTime<Utc>) -> Result<()> {
        let state = lost
            .row
            .as_ref()
            .map(|r| serde_json::Value::Object(r.clone()).to_string());
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO sync_conflict
                     (tbl, key, kept_hlc, lost_hlc, lost_state, found_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                lost.table.as_str(),
                lost.key,
                kept.as_str(),
                lost.hlc.as_str(),
                state,
                at
            ])?;
        Ok(())
    }

    /// Drops the conflicts about a row whose kept version is `older`: the row moved on.
    pub fn settle_conflicts(&self, table: SyncTable, key: &str, older: &Hlc) -> Result<()> {
        self.tx
            .prepare_cached(
                "DELETE FROM sync_conflict WHERE tbl = ?1 AND key = ?2 AND kept_hlc = ?3",
            )?
            .execute(params![table.as_str(), key, older.as_str()])?;
        Ok(())
    }

    pub fn delete_conflict(&self, id: i64) -> Result<()> {
        self.tx
            .execute("DELETE FROM sync_conflict WHERE id = ?1", params![id])?;
        Ok(())
    }
}

//! The `insight_dismissal` table: insights the user dismissed or snoozed.

use super::stored::{read_all, StoredRow};
use super::{now, Journal};
use crate::insight::{DismissAction, Dismissal};
use crate::{Error, Result};
use rusqlite::{params, Row};

fn dismissal_from_row(row: &Row<'_>) -> Result<Dismissal> {
    let row = StoredRow::new(row, "insight_dismissal");
    Ok(Dismissal {
        insight_id: row.get(0)?,
        action: row.get(1)?,
        until: row.get(2)?,
        severity: row.get(3)?,
        strength: row.get(4)?,
        on: row.get(5)?,
    })
}

impl Journal {
    /// Records (or replaces) the user's choice to dismiss or snooze an insight.
    pub fn save_dismissal(&mut self, d: &Dismissal) -> Result<()> {
        if d.insight_id.trim().is_empty() {
            return Err(Error::invalid(
                "insight_id",
                "name the insight to set aside",
            ));
        }
        if d.action == DismissAction::Snoozed && !matches!(d.until, Some(u) if u > d.on) {
            return Err(Error::invalid("until", "a snooze needs a date after today"));
        }
        let tx = self.write()?;
        write_dismissal(&tx, d)?;
        tx.commit()?;
        Ok(())
    }

    /// Every dismissal and snooze, oldest first.
    pub fn list_dismissals(&self) -> Result<Vec<Dismissal>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT insight_id, action, until_date, severity, strength, on_date
             FROM insight_dismissal ORDER BY created_at, insight_id",
        )?;
        read_all(&mut stmt, [], dismissal_from_row)
    }

    /// Brings a dismissed or snoozed insight back; false if it was not set aside.
    pub fn delete_dismissal(&mut self, insight_id: &str) -> Result<bool> {
        let tx = self.write()?;
        let n = tx.execute(
            "DELETE FROM insight_dismissal WHERE insight_id = ?1",
            params![insight_id],
        )?;
        tx.commit()?;
        Ok(n > 0)
    }
}

/// Every dismissal, in insight id order: what a backup holds.
pub(crate) fn list_every_dismissal(conn: &rusqlite::Connection) -> Result<Vec<Dismissal>> {
    let mut stmt = conn.prepare(
        "SELECT insight_id, action, until_date, severity, strength, on_date
         FROM insight_dismissal ORDER BY insight_id",
    )?;
    read_all(&mut stmt, [], dismissal_from_row)
}

/// Inserts `d`, or replaces the stored choice for the same insight when `d` was made later.
pub(crate) fn merge_dismissal(conn: &rusqlite::Connection, d: &Dismissal) -> Result<super::Merged> {
    use rusqlite::OptionalExtension;
    let stored: Option<chrono::NaiveDate> = conn
        .prepare_cached("SELECT on_date FROM insight_dismissal WHERE insight_id = ?1")?
        .query_row(params![d.insight_id], |r| r.get(0))
        .optional()?;
    let merged = match stored {
        None => super::Merged::Added,
        Some(on) if d.on > on => super::Merged::Updated,
        Some(_) => return Ok(super::Merged::Kept),
    };
    write_dismissal(conn, d)?;
    Ok(merged)
}

/// Stores `d`, replacing any earlier choice about the same insight.
fn write_dismissal(conn: &rusqlite::Connection, d: &Dismissal) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO insight_dismissal
             (insight_id, action, until_date, severity, strength, on_date, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (insight_id) DO UPDATE SET action = ?2, until_date = ?3,
             severity = ?4, strength = ?5, on_date = ?6, created_at = ?7",
    )?
    .execute(params![
        d.insight_id,
        d.action,
        d.until,
        d.severity,
        d.strength,
        d.on,
        now()
    ])?;
    Ok(())
}

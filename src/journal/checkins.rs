//! The `checkin` table.

use super::bulk::BulkRecord;
use super::stored::{date_to_sql, read_all, read_first, time_to_sql, StoredRow};
use super::{now, Journal};
use crate::model::{new_id, CheckIn, CheckInInput};
use crate::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Row};

const COLUMNS: &str = "id, on_date, mood, energy, owing, worry, pressured, exhaustion, \
    reflection, prompt, created_at, updated_at, deleted_at";

fn checkin_from_row(row: &Row<'_>) -> Result<CheckIn> {
    let row = StoredRow::new(row, "checkin");
    Ok(CheckIn {
        id: row.get(0)?,
        on: row.get(1)?,
        mood: row.get(2)?,
        energy: row.get(3)?,
        owing: row.get(4)?,
        worry: row.get(5)?,
        pressured: row.get(6)?,
        exhaustion: row.get(7)?,
        reflection: row.get(8)?,
        prompt: row.get(9)?,
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
        deleted_at: row.get(12)?,
    })
}

impl Journal {
    pub fn add_checkin(&mut self, input: &CheckInInput) -> Result<CheckIn> {
        let i = input.validated()?;
        let at = now();
        let checkin = CheckIn {
            id: new_id(),
            on: i.on,
            mood: i.mood,
            energy: i.energy,
            owing: i.owing,
            worry: i.worry,
            pressured: i.pressured,
            exhaustion: i.exhaustion,
            reflection: i.reflection,
            prompt: i.prompt,
            created_at: at,
            updated_at: at,
            deleted_at: None,
        };
        let tx = self.write()?;
        insert_checkin(&tx, &checkin)?;
        tx.commit()?;
        Ok(checkin)
    }

    pub fn get_checkin(&self, id: &str) -> Result<CheckIn> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM checkin WHERE id = ?1"))?;
        read_first(&mut stmt, params![id], checkin_from_row)?
            .ok_or_else(|| Error::not_found("check-in", id))
    }

    /// Soft delete: the check-in leaves charts and insights but stays as a tombstone.
    pub fn delete_checkin(&mut self, id: &str) -> Result<CheckIn> {
        let at = now();
        let changed = self.write_one(
            "UPDATE checkin SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        if changed == 0 {
            return Err(Error::not_found("check-in", id));
        }
        self.get_checkin(id)
    }

    /// Check-ins between `since` and `until` (inclusive, either open), oldest first, as
    /// charts read them.
    pub fn list_checkins(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<Vec<CheckIn>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM checkin
             WHERE deleted_at IS NULL
               AND (?1 IS NULL OR on_date >= ?1) AND (?2 IS NULL OR on_date <= ?2)
             ORDER BY on_date, created_at"
        ))?;
        read_all(&mut stmt, params![since, until], checkin_from_row)
    }
}

/// Every column of a whole record, as `?1` … `?13` in this order.
const INSERT: &str = "INSERT INTO checkin (id, on_date, mood, energy, owing, worry, pressured,
        exhaustion, reflection, prompt, created_at, updated_at, deleted_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

fn write_checkin(conn: &rusqlite::Connection, sql: &str, c: &CheckIn) -> Result<()> {
    conn.prepare_cached(sql)?.execute(params![
        c.id,
        date_to_sql(c.on),
        c.mood,
        c.energy,
        c.owing,
        c.worry,
        c.pressured,
        c.exhaustion,
        c.reflection,
        c.prompt,
        time_to_sql(&c.created_at),
        time_to_sql(&c.updated_at),
        c.deleted_at.as_ref().map(time_to_sql)
    ])?;
    Ok(())
}

pub(crate) fn insert_checkin(conn: &rusqlite::Connection, c: &CheckIn) -> Result<()> {
    write_checkin(conn, INSERT, c)
}

impl BulkRecord for CheckIn {
    const TABLE: &'static str = "checkin";
    const COLUMNS: &'static str = COLUMNS;
    fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }
    fn write(&self, conn: &rusqlite::Connection, sql: &str) -> Result<()> {
        write_checkin(conn, sql, self)
    }
}

/// Every check-in, deleted ones included, in id (creation) order.
pub(crate) fn list_every_checkin(conn: &rusqlite::Connection) -> Result<Vec<CheckIn>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM checkin ORDER BY id"))?;
    read_all(&mut stmt, [], checkin_from_row)
}

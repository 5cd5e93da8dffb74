//! Rows of the `exchange` table as whole records: reading, inserting, and merging a record
//! that comes from elsewhere (an import) by id, where the newer `updated_at` wins.

use super::bulk::BulkRecord;
use super::stored::{date_to_sql, read_all, tags_to_sql, time_to_sql, StoredRow};
use crate::model::{Exchange, Feelings};
use crate::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Row};

pub(crate) const COLUMNS: &str = "e.id, e.person_id, e.direction, e.occurred_on, e.occurred_at, \
    e.kind, e.what, e.note, e.value, e.initiative, e.sphere, e.reciprocates, e.settlement, \
    e.settled_on, e.tags, e.gratitude, e.indebtedness, e.pressure, e.discomfort, e.warmth, \
    e.drained, e.expectation, e.created_at, e.updated_at, e.deleted_at, e.fulfils";

pub(crate) fn exchange_from_row(row: &Row<'_>) -> Result<Exchange> {
    let row = StoredRow::new(row, "exchange");
    Ok(Exchange {
        id: row.get(0)?,
        person_id: row.get(1)?,
        direction: row.get(2)?,
        occurred_on: row.get(3)?,
        occurred_at: row.get(4)?,
        kind: row.get(5)?,
        what: row.get(6)?,
        note: row.get(7)?,
        value: row.get(8)?,
        initiative: row.get(9)?,
        sphere: row.get(10)?,
        reciprocates: row.get(11)?,
        fulfils: row.get(25)?,
        settlement: row.get(12)?,
        settled_on: row.get(13)?,
        tags: row.tags(14)?,
        feelings: Feelings {
            gratitude: row.get(15)?,
            indebtedness: row.get(16)?,
            pressure: row.get(17)?,
            discomfort: row.get(18)?,
            warmth: row.get(19)?,
            drained: row.get(20)?,
            expectation: row.get(21)?,
        },
        created_at: row.get(22)?,
        updated_at: row.get(23)?,
        deleted_at: row.get(24)?,
    })
}

/// Every column of a whole record, as `?1` … `?26` in this order.
const INSERT: &str = "INSERT INTO exchange (id, person_id, direction, occurred_on, occurred_at,
        kind, what, note, value, initiative, sphere, reciprocates, settlement, settled_on, tags,
        gratitude, indebtedness, pressure, discomfort, warmth, drained, expectation,
        created_at, updated_at, deleted_at, fulfils)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
        ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)";

fn write_exchange(conn: &Connection, sql: &str, e: &Exchange) -> Result<()> {
    let f = &e.feelings;
    conn.prepare_cached(sql)?.execute(params![
        e.id,
        e.person_id,
        e.direction,
        date_to_sql(e.occurred_on),
        e.occurred_at,
        e.kind,
        e.what,
        e.note,
        e.value,
        e.initiative,
        e.sphere,
        e.reciprocates,
        e.settlement,
        e.settled_on.map(date_to_sql),
        tags_to_sql(&e.tags),
        f.gratitude,
        f.indebtedness,
        f.pressure,
        f.discomfort,
        f.warmth,
        f.drained,
        f.expectation,
        time_to_sql(&e.created_at),
        time_to_sql(&e.updated_at),
        e.deleted_at.as_ref().map(time_to_sql),
        e.fulfils
    ])?;
    Ok(())
}

pub(crate) fn insert_exchange(conn: &Connection, e: &Exchange) -> Result<()> {
    write_exchange(conn, INSERT, e)
}

impl BulkRecord for Exchange {
    const TABLE: &'static str = "exchange";
    const COLUMNS: &'static str = "id, person_id, direction, occurred_on, occurred_at, kind, \
        what, note, value, initiative, sphere, reciprocates, settlement, settled_on, tags, \
        gratitude, indebtedness, pressure, discomfort, warmth, drained, expectation, \
        created_at, updated_at, deleted_at, fulfils";
    fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }
    fn write(&self, conn: &Connection, sql: &str) -> Result<()> {
        write_exchange(conn, sql, self)
    }
}

/// Every exchange, deleted ones included, in id (creation) order: what a backup holds.
pub(crate) fn list_every_exchange(conn: &Connection) -> Result<Vec<Exchange>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM exchange e ORDER BY e.id"))?;
    read_all(&mut stmt, [], exchange_from_row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_columns_are_the_columns_a_whole_record_inserts() {
        let words = |s: &str| {
            s.split([',', ' ', '\n', '(', ')'])
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        let insert = words(INSERT.split_once("VALUES").unwrap().0);
        assert_eq!(insert[3..], words(<Exchange as BulkRecord>::COLUMNS)[..]);
    }
}

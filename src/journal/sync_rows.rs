//! The rows sync moves, in one IMMEDIATE transaction ([`SyncTx`]): reading the state of a row
//! and every row this device changed, writing another device's version, and the clock.
//!
//! Invariants:
//! - A version brought from another device is written with its own `hlc`, which keeps the
//!   journal's triggers from stamping it again; a local write is always stamped.
//! - Columns are the table's own (read from the schema, less `seq` and `hlc`); a state that
//!   lacks one is refused, so an older or hostile file cannot blank a column.

use super::Journal;
use crate::sync::{Columns, Hlc, RowState, SyncTable, BEFORE_SYNC};
use crate::{Error, Result};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params, params_from_iter, OptionalExtension, Transaction};
use std::collections::HashMap;

/// One sync's transaction: everything a sync reads and writes in the journal.
pub struct SyncTx<'j> {
    pub(super) tx: Transaction<'j>,
    columns: HashMap<SyncTable, Vec<String>>,
}

impl Journal {
    /// Starts a sync: takes the write lock, so no other write lands until it commits.
    pub fn begin_sync(&mut self) -> Result<SyncTx<'_>> {
        // A merge keeps a read and a write statement per table, and the bookkeeping's, ready.
        self.conn.set_prepared_statement_cache_capacity(64);
        let tx = self.write()?;
        // Rows of one file may name rows of another file read in the same sync.
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        let mut columns = HashMap::new();
        for &t in SyncTable::ALL {
            columns.insert(t, table_columns(&tx, t)?);
        }
        Ok(SyncTx { tx, columns })
    }
}

fn table_columns(tx: &rusqlite::Connection, table: SyncTable) -> Result<Vec<String>> {
    let mut stmt = tx.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let names = stmt.query_map(params![table.as_str()], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for n in names {
        let n = n?;
        if n != "seq" && n != "hlc" {
            out.push(n);
        }
    }
    Ok(out)
}

fn to_json(v: ValueRef<'_>) -> serde_json::Value {
    match v {
        ValueRef::Null | ValueRef::Blob(_) => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => {
            serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into)
        }
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
    }
}

fn to_sql(table: SyncTable, column: &str, v: Option<&serde_json::Value>) -> Result<Value> {
    use serde_json::Value as J;
    Ok(match v {
        Some(J::Null) => Value::Null,
        Some(J::String(s)) => Value::Text(s.clone()),
        Some(J::Number(n)) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap_or(f64::NAN)),
        },
        Some(J::Bool(b)) => Value::Integer(i64::from(*b)),
        _ => {
            return Err(Error::invalid(
                "row",
                format!("a {} row lacks a readable {column}", table.as_str()),
            ))
        }
    })
}

impl Journal {
    /// The current columns of one synced row, `None` when it is not (or no longer) here.
    pub fn sync_row(&self, table: SyncTable, key: &str) -> Result<Option<Columns>> {
        let cols = table_columns(&self.conn, table)?;
        let sql = format!(
            "SELECT {}, hlc FROM {} WHERE {} = ?1",
            cols.join(", "),
            table.as_str(),
            table.key_column()
        );
        Ok(read_states(&self.conn, &cols, table, &sql, params![key])?
            .pop()
            .and_then(|s| s.row))
    }
}

impl SyncTx<'_> {
    fn cols(&self, table: SyncTable) -> &[String] {
        self.columns.get(&table).map(Vec::as_slice).unwrap_or(&[])
    }

    fn select_sql(&self, table: SyncTable, filter: &str) -> String {
        format!(
            "SELECT {}, hlc FROM {} WHERE {filter}",
            self.cols(table).join(", "),
            table.as_str()
        )
    }

    fn read_states(
        &self,
        table: SyncTable,
        sql: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<RowState>> {
        read_states(&self.tx, self.cols(table), table, sql, args)
    }

    /// What this journal holds for one row: the row, its tombstone, or nothing.
    pub fn row_state(&self, table: SyncTable, key: &str) -> Result<Option<RowState>> {
        let sql = self.select_sql(table, &format!("{} = ?1", table.key_column()));
        if let Some(row) = self.read_states(table, &sql, params![key])?.pop() {
            return Ok(Some(row));
        }
        let hlc: Option<String> = self
            .tx
            .prepare_cached("SELECT hlc FROM sync_tombstone WHERE tbl = ?1 AND key = ?2")?
            .query_row(params![table.as_str(), key], |r| r.get(0))
            .optional()?;
        hlc.map(|h| {
            Ok(RowState {
                table,
                key: key.to_string(),
                hlc: Hlc::parse(&h)?,
                row: None,
            })
        })
        .transpose()
    }

    /// Every row and tombstone this device wrote after `after` (all of them, and the rows from
    /// before sync, when `after` is `None`), oldest first.
    pub fn changed_rows(&self, device: &str, after: Option<&Hlc>) -> Result<Vec<RowState>> {
        let (mark, old) = match after {
            Some(h) => (h.as_str(), BEFORE_SYNC.to_string() + "-none"),
            None => ("", BEFORE_SYNC.to_string()),
        };
        let mut out = Vec::new();
        for &t in SyncTable::ALL {
            let sql = self.select_sql(t, "hlc > ?1 AND substr(hlc, 20) IN (?2, ?3) ORDER BY hlc");
            out.extend(self.read_states(t, &sql, params![mark, device, old])?);
        }
        let mut stmt = self.tx.prepare_cached(
            "SELECT tbl, key, hlc FROM sync_tombstone
             WHERE hlc > ?1 AND substr(hlc, 20) IN (?2, ?3) ORDER BY hlc",
        )?;
        let tombs = stmt.query_map(params![mark, device, old], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for t in tombs {
            let (table, key, hlc) = t?;
            let Some(table) = <SyncTable as crate::model::Vocabulary>::from_name(&table) else {
                continue;
            };
            out.push(RowState {
                table,
                key,
                hlc: Hlc::parse(&hlc)?,
                row: None,
            });
        }
        out.retain(|s| !s.is_local());
        out.sort_by(|a, b| a.hlc.cmp(&b.hlc));
        Ok(out)
    }

    /// Writes another device's version of a row (or its deletion), keeping its `hlc`.
    pub fn apply(&self, state: &RowState) -> Result<()> {
        let (table, key) = (state.table.as_str(), state.table.key_column());
        match &state.row {
            Some(row) => {
                let cols = self.cols(state.table);
                let mut values = Vec::with_capacity(cols.len() + 1);
                for c in cols {
                    values.push(to_sql(state.table, c, row.get(c))?);
                }
                values.push(Value::Text(state.hlc.to_string()));
                self.tx
                    .prepare_cached(&upsert_sql(table, key, cols))?
                    .execute(params_from_iter(values))?;
                self.tx
                    .prepare_cached("DELETE FROM sync_tombstone WHERE tbl = ?1 AND key = ?2")?
                    .execute(params![table, state.key])?;
            }
            None => {
                self.tx
                    .prepare_cached(&format!("DELETE FROM {table} WHERE {key} = ?1"))?
                    .execute(params![state.key])?;
                self.tx
                    .prepare_cached(
                        "INSERT OR REPLACE INTO sync_tombstone (tbl, key, hlc) VALUES (?1, ?2, ?3)",
                    )?
                    .execute(params![table, state.key, state.hlc.as_str()])?;
            }
        }
        Ok(())
    }

    /// Writes other devices' versions of rows (not deletions), keeping their `hlc`, many rows
    /// to a statement: each statement that fires the search index's triggers makes it write
    /// its pending entries, so one statement per row would make a large merge slow.
    pub fn apply_rows(&self, states: &[&RowState]) -> Result<()> {
        for &table in SyncTable::ALL {
            let rows: Vec<&RowState> = states
                .iter()
                .filter(|s| s.table == table && s.row.is_some())
                .copied()
                .collect();
            let cols = self.cols(table);
            // SQLite allows 32,766 numbered parameters to a statement.
            let per_statement = (30_000 / (cols.len() + 1)).clamp(1, 500);
            for part in rows.chunks(per_statement) {
                let mut values = Vec::with_capacity(part.len() * (cols.len() + 1));
                for s in part {
                    for c in cols {
                        values.push(to_sql(table, c, s.row.as_ref().and_then(|r| r.get(c)))?);
                    }
                    values.push(Value::Text(s.hlc.to_string()));
                }
                let sql = upsert_sql_rows(table.as_str(), table.key_column(), cols, part.len());
                self.tx
                    .prepare_cached(&sql)?
                    .execute(params_from_iter(values))?;
            }
        }
        Ok(())
    }

    /// Forgets the tombstone of a row that another device's version brings back.
    pub fn clear_tombstone(&self, table: SyncTable, key: &str) -> Result<()> {
        self.tx
            .prepare_cached("DELETE FROM sync_tombstone WHERE tbl = ?1 AND key = ?2")?
            .execute(params![table.as_str(), key])?;
        Ok(())
    }

    /// Writes `row` as a new local change (a conflict resolved in its favour): stamped now.
    pub fn rewrite_locally(
        &self,
        table: SyncTable,
        key: &str,
        row: Option<&Columns>,
    ) -> Result<()> {
        let name = table.as_str();
        match row {
            None => {
                self.tx.execute(
                    &format!("DELETE FROM {name} WHERE {} = ?1", table.key_column()),
                    params![key],
                )?;
            }
            Some(row) => {
                let cols = self.cols(table);
                let mut values = Vec::with_capacity(cols.len() + 1);
                for c in cols {
                    values.push(to_sql(table, c, row.get(c))?);
                }
                values.push(Value::Null);
                // A NULL hlc on insert, and an unchanged one on update, make the triggers stamp.
                let sql = upsert_sql(name, table.key_column(), cols)
                    .replace("hlc = excluded.hlc", "hlc = hlc");
                self.tx.execute(&sql, params_from_iter(values))?;
            }
        }
        Ok(())
    }

    /// Moves the clock past a version seen from another device, so this device's next write
    /// sorts after everything it has seen.
    pub fn observe(&self, hlc: &Hlc) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE sync_clock SET
                     counter = CASE WHEN ?1 > wall THEN ?2 WHEN ?1 = wall THEN max(counter, ?2)
                                    ELSE counter END,
                     wall = max(wall, ?1)",
            )?
            .execute(params![hlc.wall(), hlc.counter()])?;
        Ok(())
    }

    /// Whether any row names a row that is not there (a file read before the one it needs).
    pub fn dangling_references(&self) -> Result<bool> {
        let mut stmt = self.tx.prepare("PRAGMA foreign_key_check")?;
        let found = stmt.query([])?.next()?.is_some();
        Ok(found)
    }

    pub fn savepoint(&self) -> Result<()> {
        Ok(self.tx.execute_batch("SAVEPOINT sync_file")?)
    }

    /// Undoes everything since [`SyncTx::savepoint`] when `keep` is false; ends it either way.
    pub fn end_savepoint(&self, keep: bool) -> Result<()> {
        if !keep {
            self.tx.execute_batch("ROLLBACK TO sync_file")?;
        }
        Ok(self.tx.execute_batch("RELEASE sync_file")?)
    }

    pub fn commit(self) -> Result<()> {
        Ok(self.tx.commit()?)
    }
}

fn read_states(
    conn: &rusqlite::Connection,
    cols: &[String],
    table: SyncTable,
    sql: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<RowState>> {
    let key_at = cols
        .iter()
        .position(|c| c == table.key_column())
        .unwrap_or(0);
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(args)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut map = Columns::new();
        for (i, c) in cols.iter().enumerate() {
            map.insert(c.clone(), to_json(r.get_ref(i)?));
        }
        let hlc: String = r.get(cols.len())?;
        out.push(RowState {
            table,
            key: r.get(key_at)?,
            hlc: Hlc::parse(&hlc)?,
            row: Some(map),
        });
    }
    Ok(out)
}

/// `INSERT … ON CONFLICT (key) DO UPDATE`, every column numbered in order, `hlc` last.
fn upsert_sql(table: &str, key: &str, cols: &[String]) -> String {
    upsert_sql_rows(table, key, cols, 1)
}

/// The same for `rows` rows, numbered on from one row to the next.
fn upsert_sql_rows(table: &str, key: &str, cols: &[String], rows: usize) -> String {
    let per = cols.len() + 1;
    let values: Vec<String> = (0..rows)
        .map(|r| {
            let one: Vec<String> = (1..=per).map(|i| format!("?{}", r * per + i)).collect();
            one.join(", ")
        })
        .collect();
    let sets: Vec<String> = cols
        .iter()
        .filter(|c| c.as_str() != key)
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO {table} ({}, hlc) VALUES ({})
         ON CONFLICT ({key}) DO UPDATE SET {}, hlc = excluded.hlc",
        cols.join(", "),
        values.join("), ("),
        sets.join(", ")
    )
}

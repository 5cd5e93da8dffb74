//! Reading rows back, and the stored shape of values the model keeps as Rust types (tags).
//!
//! Invariants:
//! - Reading never guesses: a stored value the code cannot parse (an unknown name, a tags
//!   column that is not a JSON array of text, settings that are not the settings' JSON) is an
//!   [`Error::StoredValueUnreadable`] naming the table, the row's id and the column. Nothing is
//!   defaulted in its place, so the next edit cannot silently overwrite what was there.
//! - Every query read through [`StoredRow`] has the row's id (or key) as its first column; it
//!   is read again only when building an error, so the happy path pays nothing for it.
//! - Vocabularies are stored as their names (`model::vocabulary`); tags as a JSON array of
//!   text, so `json_each` can filter on them.

use crate::{Error, Result};
use rusqlite::types::FromSql;
use rusqlite::{Params, Row, Statement};
use serde::de::DeserializeOwned;
use std::fmt::Display;

/// One row of `table`, read column by column with errors that name where they are.
pub(crate) struct StoredRow<'a, 'r> {
    row: &'a Row<'r>,
    table: &'static str,
}

impl<'a, 'r> StoredRow<'a, 'r> {
    pub fn new(row: &'a Row<'r>, table: &'static str) -> StoredRow<'a, 'r> {
        StoredRow { row, table }
    }

    /// Column `i` as `T`, or an error naming the row and the column.
    pub fn get<T: FromSql>(&self, i: usize) -> Result<T> {
        self.row.get(i).map_err(|e| self.unreadable(i, detail(&e)))
    }

    /// The raw row, for columns read by hand (the insight loader's fast paths).
    pub fn row(&self) -> &'a Row<'r> {
        self.row
    }

    /// Column `i` holding a JSON array of tags.
    pub fn tags(&self, i: usize) -> Result<Vec<String>> {
        self.json(i)
    }

    /// Column `i` holding JSON text of a `T`.
    pub fn json<T: DeserializeOwned>(&self, i: usize) -> Result<T> {
        let text: String = self.get(i)?;
        serde_json::from_str(&text).map_err(|e| self.unreadable(i, e))
    }

    /// Column `i` holding a JSON object that is a `T`. serde would also take a struct from
    /// an array, by position; stored settings are never written that way, so that is refused.
    pub fn json_object<T: DeserializeOwned>(&self, i: usize) -> Result<T> {
        let value: serde_json::Value = self.json(i)?;
        if !value.is_object() {
            return Err(self.unreadable(i, "expected a JSON object"));
        }
        serde_json::from_value(value).map_err(|e| self.unreadable(i, e))
    }

    /// The error for column `i` of this row.
    pub fn unreadable(&self, i: usize, why: impl Display) -> Error {
        let column = self
            .row
            .as_ref()
            .column_name(i)
            .map_or_else(|_| format!("#{i}"), str::to_string);
        self.unreadable_column(&column, why)
    }

    /// The error for the stored column `column` of this row, when the query read it inside
    /// an expression (so the result column has another name).
    pub fn unreadable_column(&self, column: &str, why: impl Display) -> Error {
        let id = match self.row.get_ref(0) {
            Ok(v) => match v.as_str() {
                Ok(s) => s.to_string(),
                Err(_) => format!("{v:?}"),
            },
            Err(_) => "?".to_string(),
        };
        Error::StoredValueUnreadable {
            table: self.table,
            id,
            column: column.to_string(),
            detail: why.to_string(),
        }
    }
}

/// The useful part of a conversion error, without rusqlite's column index.
fn detail(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::FromSqlConversionFailure(_, _, inner) => inner.to_string(),
        rusqlite::Error::InvalidColumnType(_, _, found) => format!("unexpected {found} value"),
        rusqlite::Error::IntegralValueOutOfRange(_, v) => format!("{v} is out of range"),
        other => other.to_string(),
    }
}

/// Every row `stmt` returns for `params`, each read by `read`.
pub(crate) fn read_all<T, P: Params>(
    stmt: &mut Statement<'_>,
    params: P,
    read: impl FnMut(&Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    stmt.query_and_then(params, read)?.collect()
}

/// The first row `stmt` returns for `params`, if any.
pub(crate) fn read_first<T, P: Params>(
    stmt: &mut Statement<'_>,
    params: P,
    read: impl FnMut(&Row<'_>) -> Result<T>,
) -> Result<Option<T>> {
    stmt.query_and_then(params, read)?.next().transpose()
}

/// Tags as stored: a JSON array of text.
pub(crate) fn tags_to_sql(tags: &[String]) -> String {
    serde_json::Value::from(tags).to_string()
}

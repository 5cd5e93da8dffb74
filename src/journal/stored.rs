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
//!   text, so `json_each` can filter on them; dates and moments as the text rusqlite gives
//!   them (`time_to_sql`, `date_to_sql` write the same text faster).

use crate::{Error, Result};
use chrono::format::{Item, StrftimeItems};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::FromSql;
use rusqlite::{Params, Row, Statement};
use serde::de::DeserializeOwned;
use std::fmt::Display;
use std::sync::LazyLock;

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

/// A moment as stored: the text rusqlite writes for it (`%F %T%.f%:z`, such as
/// `2026-05-01 09:30:00.120+00:00`), with the format read once rather than at every row: a
/// whole-record write binds several per record, and an import binds them by the hundred
/// thousand.
pub(crate) fn time_to_sql(t: &DateTime<Utc>) -> String {
    static ITEMS: LazyLock<Vec<Item<'static>>> = LazyLock::new(|| format_items("%F %T%.f%:z"));
    t.format_with_items(ITEMS.iter()).to_string()
}

/// A date as stored: the text rusqlite writes for it (`%F`, `2026-05-01`); see `time_to_sql`.
pub(crate) fn date_to_sql(d: NaiveDate) -> String {
    static ITEMS: LazyLock<Vec<Item<'static>>> = LazyLock::new(|| format_items("%F"));
    d.format_with_items(ITEMS.iter()).to_string()
}

fn format_items(format: &str) -> Vec<Item<'static>> {
    StrftimeItems::new(format)
        .parse_to_owned()
        .expect("the stored formats are valid")
}

/// Tags as stored: a JSON array of text.
pub(crate) fn tags_to_sql(tags: &[String]) -> String {
    serde_json::Value::from(tags).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::types::{ToSql, ToSqlOutput, Value};

    fn rusqlite_text(v: &dyn ToSql) -> String {
        match v.to_sql().unwrap() {
            ToSqlOutput::Owned(Value::Text(t)) => t,
            other => panic!("not text: {other:?}"),
        }
    }

    #[test]
    fn dates_and_moments_are_stored_as_the_same_text_rusqlite_writes() {
        let moments = [
            "2026-05-01T09:30:00Z",
            "2026-05-01T09:30:00.120Z",
            "1999-12-31T23:59:59.123456Z",
            "2040-02-29T00:00:00.000000001Z",
        ];
        for m in moments {
            let t: DateTime<Utc> = m.parse().unwrap();
            assert_eq!(time_to_sql(&t), rusqlite_text(&t), "{m}");
        }
        for d in ["2026-05-01", "0987-01-09", "2040-02-29"] {
            let d: NaiveDate = d.parse().unwrap();
            assert_eq!(date_to_sql(d), rusqlite_text(&d));
        }
    }
}

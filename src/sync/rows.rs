//! Checks on a row state from a file before it reaches the journal: the journal's own CHECK
//! constraints and foreign keys are the last line, and these catch what they cannot, values
//! that SQLite would store but the journal could not read back (dates, times, tags).

use super::state::RowState;
use crate::{Error, Result};
use rusqlite::types::{FromSql, ValueRef};
use serde_json::Value;

enum Shape {
    Moment,
    Date,
    Time,
    Tags,
    Any,
}

fn shape(column: &str) -> Shape {
    match column {
        "created_at" | "updated_at" | "archived_at" | "deleted_at" => Shape::Moment,
        "occurred_on" | "settled_on" | "on_date" | "until_date" => Shape::Date,
        "occurred_at" => Shape::Time,
        "tags" => Shape::Tags,
        _ => Shape::Any,
    }
}

fn readable<T: FromSql>(text: &str) -> bool {
    T::column_result(ValueRef::Text(text.as_bytes())).is_ok()
}

/// Refuses a state whose key disagrees with its row, or whose values the journal could not
/// read back.
pub fn check_values(state: &RowState) -> Result<()> {
    let Some(row) = &state.row else {
        return Ok(());
    };
    let bad = |column: &str| {
        Error::invalid(
            "row",
            format!("a {} row has an unreadable {column}", state.table.as_str()),
        )
    };
    if row.get(state.table.key_column()).and_then(Value::as_str) != Some(state.key.as_str()) {
        return Err(bad(state.table.key_column()));
    }
    for (column, value) in row {
        let Value::String(text) = value else {
            if matches!(value, Value::Null | Value::Number(_)) {
                continue;
            }
            return Err(bad(column));
        };
        let ok = match shape(column) {
            Shape::Moment => readable::<chrono::DateTime<chrono::Utc>>(text),
            Shape::Date => readable::<chrono::NaiveDate>(text),
            Shape::Time => readable::<chrono::NaiveTime>(text),
            Shape::Tags => serde_json::from_str::<Vec<String>>(text).is_ok(),
            Shape::Any => true,
        };
        if !ok {
            return Err(bad(column));
        }
    }
    Ok(())
}

//! How model vocabularies are stored: as their snake_case names.

use crate::model::{
    Answer, Direction, FollowThrough, Initiative, Kind, Relationship, RequestDirection, Settlement,
    Sphere,
};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

macro_rules! stored_as_text {
    ($($t:ty),+) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                value
                    .as_str()?
                    .parse()
                    .map_err(|e: crate::Error| FromSqlError::Other(Box::new(e)))
            }
        }
    )+};
}

stored_as_text!(
    Relationship,
    Sphere,
    Direction,
    Kind,
    Initiative,
    Settlement,
    RequestDirection,
    Answer,
    FollowThrough
);

/// Tags are stored as a JSON array, so `json_each` can filter on them.
pub fn tags_to_sql(tags: &[String]) -> String {
    serde_json::to_string(tags).unwrap_or_else(|_| "[]".into())
}

pub fn tags_from_sql(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

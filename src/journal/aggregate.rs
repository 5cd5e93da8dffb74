//! The benchmark's floor: one SQL aggregation over the same exchange rows the insight engine
//! reads, grouped by person and direction. It shows what reading the data costs at the least,
//! so the engine's own read (`insight_facts.rs`) can be measured against it.

use super::Journal;
use crate::Result;
use chrono::NaiveDate;
use rusqlite::params;

/// Per person and direction: count, Σ value and Σ of each feeling — the floor aggregation.
#[derive(Debug, Clone, PartialEq)]
pub struct RawAggregate {
    pub person_id: String,
    pub direction: String,
    pub count: i64,
    pub value_sum: i64,
    pub feelings_sum: i64,
}

impl Journal {
    /// The aggregation over the live exchanges on or after `since`.
    pub fn aggregate_raw(&self, since: Option<NaiveDate>) -> Result<Vec<RawAggregate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT person_id, direction, count(*), sum(value),
                    sum(coalesce(gratitude, 0) + coalesce(indebtedness, 0)
                        + coalesce(pressure, 0) + coalesce(discomfort, 0)
                        + coalesce(warmth, 0) + coalesce(drained, 0)
                        + coalesce(expectation, 0) + length(what) + length(occurred_on))
             FROM exchange WHERE deleted_at IS NULL AND (?1 IS NULL OR occurred_on >= ?1)
             GROUP BY person_id, direction",
        )?;
        let rows = stmt.query_map(params![since], |r| {
            Ok(RawAggregate {
                person_id: r.get(0)?,
                direction: r.get(1)?,
                count: r.get(2)?,
                value_sum: r.get(3)?,
                feelings_sum: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

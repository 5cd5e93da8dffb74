//! The insight engine's read path and the sample-journal write path.
//!
//! The engine reads only the facts it needs from every live exchange (no notes, tags or
//! timestamps), in one query, with the vocabularies decoded by exact match; `aggregate_raw` is
//! the benchmark's floor: one SQL aggregation that reads the same rows. `insert_all` writes a
//! whole generated journal in one transaction.

use super::Journal;
use crate::insight::{Data, ExchangeFact};
use crate::model::{
    CheckIn, Direction, Exchange, Feelings, Initiative, Kind, Person, Settlement, Sphere,
};
use crate::Result;
use chrono::NaiveDate;
use rusqlite::types::{FromSqlError, ValueRef};
use rusqlite::{params, Row};

fn text<'a>(row: &'a Row<'_>, i: usize) -> rusqlite::Result<Option<&'a str>> {
    match row.get_ref(i)? {
        ValueRef::Null => Ok(None),
        v => Ok(Some(v.as_str().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, v.data_type(), Box::new(e))
        })?)),
    }
}

fn bad(i: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        Box::new(FromSqlError::Other(format!("unknown {what}").into())),
    )
}

fn vocab<T: Copy>(
    row: &Row<'_>,
    i: usize,
    all: &[T],
    name: fn(T) -> &'static str,
) -> rusqlite::Result<Option<T>> {
    match text(row, i)? {
        None => Ok(None),
        Some(s) => all
            .iter()
            .copied()
            .find(|v| name(*v) == s)
            .map(Some)
            .ok_or_else(|| bad(i, "value")),
    }
}

fn req<T>(x: Option<T>, i: usize) -> rusqlite::Result<T> {
    x.ok_or_else(|| bad(i, "null"))
}

/// "YYYY-MM-DD" without a general-purpose parser: the loader's hottest column.
fn date(row: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    let b = text(row, i)?.ok_or_else(|| bad(i, "null"))?.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?))
        .flatten()
        .ok_or_else(|| bad(i, "date"))
}

fn fact_from_row(row: &Row<'_>) -> rusqlite::Result<ExchangeFact> {
    Ok(ExchangeFact {
        id: row.get(0)?,
        person_id: row.get(1)?,
        direction: req(vocab(row, 2, Direction::ALL, Direction::as_str)?, 2)?,
        occurred_on: date(row, 3)?,
        kind: req(vocab(row, 4, Kind::ALL, Kind::as_str)?, 4)?,
        what: row.get(5)?,
        value: row.get(6)?,
        initiative: vocab(row, 7, Initiative::ALL, Initiative::as_str)?,
        sphere: vocab(row, 8, Sphere::ALL, Sphere::as_str)?,
        reciprocates: row.get(9)?,
        settlement: vocab(row, 10, Settlement::ALL, Settlement::as_str)?,
        feelings: unpack_feelings(row.get(11)?),
    })
}

/// The seven feelings travel packed in one integer, three bits each (7 = not rated): one
/// column to read instead of seven. (In SQLite `|` and `<<` share one precedence, hence the
/// parentheses in the query.)
fn unpack_feelings(packed: i64) -> Feelings {
    let at = |k: u32| -> Option<u8> {
        let v = ((packed >> (3 * k)) & 7) as u8;
        (v <= 4).then_some(v)
    };
    Feelings {
        gratitude: at(0),
        indebtedness: at(1),
        pressure: at(2),
        discomfort: at(3),
        warmth: at(4),
        drained: at(5),
        expectation: at(6),
    }
}

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
    /// Everything the insight engine reads: every person (archived too), every live
    /// exchange's facts, every live request's facts, and every live check-in. `what` is read only where the engine shows
    /// it (receipts still open); elsewhere it is left empty, which keeps the read lean.
    pub fn load_insight_data(&self) -> Result<Data> {
        self.load_insight_data_since(None)
    }

    /// As [`Journal::load_insight_data`], reading only exchanges and check-ins on or after
    /// `since` (the engine's horizon, `Settings::since(now)`): what a report needs.
    pub fn load_insight_data_since(&self, since: Option<NaiveDate>) -> Result<Data> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, person_id, direction, occurred_on, kind,
                    CASE WHEN direction = 'received' AND coalesce(settlement, 'open') = 'open'
                         THEN what ELSE '' END,
                    value, initiative, sphere, reciprocates, settlement,
                    coalesce(gratitude, 7) | (coalesce(indebtedness, 7) << 3)
                        | (coalesce(pressure, 7) << 6) | (coalesce(discomfort, 7) << 9)
                        | (coalesce(warmth, 7) << 12) | (coalesce(drained, 7) << 15)
                        | (coalesce(expectation, 7) << 18)
             FROM exchange
             WHERE deleted_at IS NULL AND (?1 IS NULL OR occurred_on >= ?1)",
        )?;
        let exchanges = stmt
            .query_map(params![since], fact_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Data {
            people: self.list_people(true)?,
            exchanges,
            checkins: self.list_checkins(since, None)?,
            requests: super::request_rows::list_request_facts(&self.conn, since)?,
        })
    }

    /// The benchmark's floor: one SQL aggregation over the same exchange rows the engine
    /// reads (those on or after `since`), grouped by person and direction.
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

    /// Writes whole records as they are (ids and timestamps included) in one transaction:
    /// a generated sample journal. Exchanges must come after those they reciprocate.
    pub fn insert_all(
        &mut self,
        people: &[Person],
        exchanges: &[Exchange],
        checkins: &[CheckIn],
    ) -> Result<()> {
        let tx = self.write()?;
        for p in people {
            p_input_check(p)?;
            super::people::insert_person(&tx, p)?;
        }
        for e in exchanges {
            super::exchange_rows::insert_exchange(&tx, e)?;
        }
        for c in checkins {
            super::checkins::insert_checkin(&tx, c)?;
        }
        tx.commit()?;
        Ok(())
    }
}

fn p_input_check(p: &Person) -> Result<()> {
    crate::model::PersonInput {
        name: p.name.clone(),
        relationship: p.relationship,
        notes: p.notes.clone(),
    }
    .validated()
    .map(|_| ())
}

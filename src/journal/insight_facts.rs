//! The insight engine's read path: every person, the facts of every live exchange (no notes,
//! tags or timestamps) in one lean query, and every live check-in.
//!
//! Invariants: the facts are read exactly as stored; a value that is not a name of its
//! vocabulary, a date that is not `YYYY-MM-DD`, or a feeling outside 0–4 (past the schema's
//! CHECK) is an error naming the exchange and the column (see `stored.rs`), never a default
//! or "not rated".

use super::stored::{read_all, StoredRow};
use super::Journal;
use crate::insight::{Data, ExchangeFact};
use crate::model::Feelings;
use crate::Result;
use chrono::NaiveDate;
use rusqlite::types::ValueRef;
use rusqlite::{params, Row};

/// "YYYY-MM-DD" without a general-purpose parser: the loader's hottest column.
fn date(row: &StoredRow<'_, '_>, i: usize) -> Result<NaiveDate> {
    let b = match row.row().get_ref(i)? {
        ValueRef::Text(b) => b,
        other => return Err(row.unreadable(i, format!("{:?} is not a date", other.data_type()))),
    };
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?))
        .flatten()
        .ok_or_else(|| {
            let text = String::from_utf8_lossy(b);
            row.unreadable(i, format!("'{text}' is not a YYYY-MM-DD date"))
        })
}

fn fact_from_row(row: &Row<'_>) -> Result<ExchangeFact> {
    let row = StoredRow::new(row, "exchange");
    Ok(ExchangeFact {
        id: row.get(0)?,
        person_id: row.get(1)?,
        direction: row.get(2)?,
        occurred_on: date(&row, 3)?,
        kind: row.get(4)?,
        what: row.get(5)?,
        value: row.get(6)?,
        initiative: row.get(7)?,
        sphere: row.get(8)?,
        reciprocates: row.get(9)?,
        settlement: row.get(10)?,
        feelings: unpack_feelings(&row, 11)?,
    })
}

/// The feeling columns, in the order they are packed.
const FEELINGS: [&str; 7] = [
    "gratitude",
    "indebtedness",
    "pressure",
    "discomfort",
    "warmth",
    "drained",
    "expectation",
];

/// The seven feelings travel packed in one integer, three bits each (7 = not rated, 5 = a
/// stored value outside 0–4): one column to read instead of seven.
fn packed_feelings_sql() -> String {
    FEELINGS
        .iter()
        .enumerate()
        .map(|(k, c)| {
            format!(
                "(CASE WHEN {c} IS NULL THEN 7 WHEN {c} BETWEEN 0 AND 4 THEN {c} ELSE 5 END \
                 << {})",
                3 * k
            )
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn unpack_feelings(row: &StoredRow<'_, '_>, i: usize) -> Result<Feelings> {
    let packed: i64 = row.get(i)?;
    let mut at = [None; 7];
    for (k, slot) in at.iter_mut().enumerate() {
        match ((packed >> (3 * k)) & 7) as u8 {
            7 => {}
            v @ 0..=4 => *slot = Some(v),
            _ => {
                let why = "a feeling is rated 0 to 4; this one is not";
                return Err(row.unreadable_column(FEELINGS[k], why));
            }
        }
    }
    let [gratitude, indebtedness, pressure, discomfort, warmth, drained, expectation] = at;
    Ok(Feelings {
        gratitude,
        indebtedness,
        pressure,
        discomfort,
        warmth,
        drained,
        expectation,
    })
}

impl Journal {
    /// Everything the insight engine reads: every person (archived too), every live
    /// exchange's facts, and every live check-in. `what` is read only where the engine shows
    /// it (receipts still open); elsewhere it is left empty, which keeps the read lean.
    pub fn load_insight_data(&self) -> Result<Data> {
        self.load_insight_data_since(None)
    }

    /// As [`Journal::load_insight_data`], reading only exchanges and check-ins on or after
    /// `since` (the engine's horizon, `Settings::since(now)`): what a report needs.
    pub fn load_insight_data_since(&self, since: Option<NaiveDate>) -> Result<Data> {
        // In SQLite `|` and `<<` share one precedence, hence the parentheses.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id, person_id, direction, occurred_on, kind,
                    CASE WHEN direction = 'received' AND coalesce(settlement, 'open') = 'open'
                         THEN what ELSE '' END,
                    value, initiative, sphere, reciprocates, settlement, {}
             FROM exchange
             WHERE deleted_at IS NULL AND (?1 IS NULL OR occurred_on >= ?1)",
            packed_feelings_sql()
        ))?;
        let exchanges = read_all(&mut stmt, params![since], fact_from_row)?;
        Ok(Data {
            people: self.list_people(true)?,
            exchanges,
            checkins: self.list_checkins(since, None)?,
            requests: super::request_rows::list_request_facts(&self.conn, since)?,
        })
    }
}

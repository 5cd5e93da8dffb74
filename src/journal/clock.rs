//! Stamps from this device's sync clock (`sync_clock`) for writes of many rows at once.
//!
//! The triggers of `0006_sync.sql` stamp one row at a time: each reads the clock, advances it
//! and rewrites the row with the stamp. A bulk write (an import) instead reserves a run of
//! stamps here and writes them with the rows, which the triggers then leave alone.
//!
//! Invariant: the run is the one the triggers would give the same rows in one statement. A
//! stamp is `wall` (ms) and `counter` (0 to 9999); read as the number `wall * 10000 + counter`,
//! the triggers' next stamp is `now * 10000` when the clock's wall is behind `now`, else the
//! last stamp plus one (a full counter carries into the wall), and `now` is one value for a
//! whole statement. So a run of `n` is `first … first + n - 1`, and the clock ends on its
//! last stamp: every stamp given after the run, by a trigger or by another run, is later.

use crate::Result;
use rusqlite::{params, Connection};

/// The stamp at position `STAMP` (a SQL expression of `wall * 10000 + counter`) on device
/// `DEVICE`, in the text the triggers write: `1764510829123-0000-5f3a9c0e12ab4d67`.
const STAMP_SQL: &str = "printf('%013d-%04d-%s', (STAMP) / 10000, (STAMP) % 10000, DEVICE)";

/// SQL for the stamp at `position` (an expression) on `device` (an expression).
pub(crate) fn stamp_sql(position: &str, device: &str) -> String {
    STAMP_SQL
        .replace("STAMP", position)
        .replace("DEVICE", device)
}

/// Reserves `n` (at least 1) stamps and moves the clock to the last of them; returns the
/// first, as `wall * 10000 + counter`, and this device's id for the stamps' text.
pub(crate) fn reserve_stamps(conn: &Connection, n: i64) -> Result<(i64, String)> {
    let (wall, counter, device, now): (i64, i64, String, i64) = conn
        .prepare_cached(
            "SELECT wall, counter, device,
                    CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
             FROM sync_clock",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    let first = if now > wall {
        now * 10_000
    } else {
        wall * 10_000 + counter + 1
    };
    let last = first + n.max(1) - 1;
    conn.prepare_cached("UPDATE sync_clock SET wall = ?1, counter = ?2")?
        .execute(params![last / 10_000, last % 10_000])?;
    Ok((first, device))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A journal whose clock is far ahead of the wall clock, so stamps depend on it alone.
    fn journal_ahead(counter: i64) -> Connection {
        let conn = super::super::open::open_memory().unwrap();
        conn.execute(
            "UPDATE sync_clock SET device = 'ab', wall = 4102444800000, counter = ?1",
            params![counter],
        )
        .unwrap();
        conn
    }

    fn stamp(conn: &Connection, position: i64) -> String {
        conn.query_row(
            &format!("SELECT {}", stamp_sql("?1", "'ab'")),
            params![position],
            |r| r.get(0),
        )
        .unwrap()
    }

    fn person_stamped_by_the_trigger(conn: &Connection, id: &str) -> String {
        conn.execute(
            "INSERT INTO person (id, name, relationship, created_at, updated_at)
             VALUES (?1, 'Ada', 'friend', '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00')",
            params![id],
        )
        .unwrap();
        conn.query_row("SELECT hlc FROM person WHERE id = ?1", params![id], |r| {
            r.get(0)
        })
        .unwrap()
    }

    #[test]
    fn a_reserved_run_continues_the_clock_as_the_triggers_do_and_they_continue_after_it() {
        let conn = journal_ahead(9998);
        let before = person_stamped_by_the_trigger(&conn, "a");
        assert_eq!(before, "4102444800000-9999-ab");
        let (first, device) = reserve_stamps(&conn, 3).unwrap();
        assert_eq!(device, "ab");
        let run: Vec<String> = (first..first + 3).map(|p| stamp(&conn, p)).collect();
        assert_eq!(
            run,
            [
                "4102444800001-0000-ab",
                "4102444800001-0001-ab",
                "4102444800001-0002-ab"
            ]
        );
        let after = person_stamped_by_the_trigger(&conn, "b");
        assert_eq!(after, "4102444800001-0003-ab");
    }

    #[test]
    fn a_clock_behind_the_wall_clock_starts_the_run_at_now_with_counter_zero() {
        let conn = super::super::open::open_memory().unwrap();
        let (first, _) = reserve_stamps(&conn, 2).unwrap();
        assert_eq!(first % 10_000, 0);
        assert!(first / 10_000 > 1_700_000_000_000, "now in milliseconds");
        let after = person_stamped_by_the_trigger(&conn, "a");
        assert!(after.as_str() > stamp(&conn, first + 1).as_str(), "{after}");
    }
}

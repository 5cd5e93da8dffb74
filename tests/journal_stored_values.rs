//! Reading stored data never guesses: a value the journal cannot parse (written here by hand,
//! as a damaged file or another program might) comes back as an error that names the table,
//! the row and the column, is never replaced by a default, and leaves the rest usable.

use chrono::NaiveDate;
use reciprocity::insight::{DismissAction, Dismissal, Settings, Severity};
use reciprocity::journal::Journal;
use reciprocity::model::{Direction, ExchangeFilter, ExchangeInput, PersonInput, Relationship};
use reciprocity::Error;
use std::path::Path;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Runs `sql` on the journal file directly, past the schema's CHECKs, as damage would.
fn write_by_hand(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "ignore_check_constraints", true)
        .unwrap();
    conn.execute_batch(sql).unwrap();
}

fn stored_text(path: &Path, sql: &str) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The table, row id and column an error names, when it is about an unreadable value.
fn unreadable(err: &Error) -> (&'static str, String, String) {
    assert_eq!(err.code(), "stored_value_unreadable", "{err}");
    match err {
        Error::StoredValueUnreadable {
            table, id, column, ..
        } => (*table, id.clone(), column.clone()),
        other => panic!("not an unreadable value: {other}"),
    }
}

/// A journal file with one person and two exchanges; returns the two exchange ids.
fn journal_with_two_exchanges(path: &Path) -> (String, String) {
    let mut j = Journal::open(path).unwrap();
    let sam = j
        .add_person(&PersonInput::new("Sam", Relationship::Friend))
        .unwrap();
    let mut tagged = ExchangeInput::new(&sam.id, Direction::Given, day("2026-03-01"), "moving");
    tagged.tags = vec!["moving".into()];
    let tagged = j.add_exchange(&tagged).unwrap();
    let plain = ExchangeInput::new(&sam.id, Direction::Received, day("2026-03-02"), "soup");
    let plain = j.add_exchange(&plain).unwrap();
    (tagged.id, plain.id)
}

#[test]
fn corrupt_tags_are_an_error_naming_the_exchange_and_the_column_and_are_never_read_as_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let (bad, good) = journal_with_two_exchanges(&path);
    write_by_hand(
        &path,
        &format!("UPDATE exchange SET tags = 'moving, boxes' WHERE id = '{bad}'"),
    );

    let j = Journal::open(&path).unwrap();
    let err = j.get_exchange(&bad).unwrap_err();
    assert_eq!(
        unreadable(&err),
        ("exchange", bad.clone(), "tags".to_string())
    );
    let message = err.to_string();
    assert!(
        message.starts_with(&format!(
            "exchange {bad} has unreadable tags in column tags: "
        )),
        "{message}"
    );
    assert!(j.list_exchanges(&ExchangeFilter::default()).is_err());

    // Everything that does not read that value still works.
    assert_eq!(j.get_exchange(&good).unwrap().what, "soup");
    assert_eq!(j.list_people(true).unwrap().len(), 1);
    assert_eq!(j.load_insight_data().unwrap().exchanges.len(), 2);

    // The stored text is left as it was, for the user to see and repair.
    let kept = stored_text(
        &path,
        &format!("SELECT tags FROM exchange WHERE id = '{bad}'"),
    );
    assert_eq!(kept, "moving, boxes");
}

#[test]
fn an_edit_of_an_exchange_with_corrupt_tags_is_refused_so_they_are_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let (bad, _) = journal_with_two_exchanges(&path);
    write_by_hand(
        &path,
        &format!("UPDATE exchange SET tags = '{{\"not\": \"a list\"}}' WHERE id = '{bad}'"),
    );
    let mut j = Journal::open(&path).unwrap();
    let person = j.list_people(true).unwrap()[0].id.clone();
    let edit = ExchangeInput::new(&person, Direction::Given, day("2026-03-01"), "moving van");
    let err = j.update_exchange(&bad, &edit).unwrap_err();
    assert_eq!(unreadable(&err).2, "tags");
    let kept = stored_text(
        &path,
        &format!("SELECT tags FROM exchange WHERE id = '{bad}'"),
    );
    assert_eq!(kept, "{\"not\": \"a list\"}");
}

#[test]
fn an_unknown_kind_stops_the_insight_read_with_the_exchange_and_column_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let (bad, good) = journal_with_two_exchanges(&path);
    write_by_hand(
        &path,
        &format!("UPDATE exchange SET kind = 'bribe' WHERE id = '{bad}'"),
    );
    let j = Journal::open(&path).unwrap();
    let err = j.load_insight_data().unwrap_err();
    assert_eq!(
        unreadable(&err),
        ("exchange", bad.clone(), "kind".to_string())
    );
    assert!(
        err.to_string().contains("'bribe' is not a known kind"),
        "{err}"
    );
    assert_eq!(unreadable(&j.get_exchange(&bad).unwrap_err()).2, "kind");
    assert!(j.get_exchange(&good).is_ok());
}

#[test]
fn a_feeling_outside_zero_to_four_stops_the_insight_read_instead_of_reading_as_unrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let (_, bad) = journal_with_two_exchanges(&path);
    write_by_hand(
        &path,
        &format!("UPDATE exchange SET pressure = 6, gratitude = 2 WHERE id = '{bad}'"),
    );
    let j = Journal::open(&path).unwrap();
    let err = j.load_insight_data().unwrap_err();
    assert_eq!(unreadable(&err), ("exchange", bad, "pressure".to_string()));
}

#[test]
fn an_unknown_dismissal_action_is_an_error_naming_the_insight_and_is_never_read_as_dismissed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    journal_with_two_exchanges(&path);
    {
        let mut j = Journal::open(&path).unwrap();
        for id in ["over_giving:journal", "open_loop:person:x"] {
            j.save_dismissal(&Dismissal {
                insight_id: id.to_string(),
                action: DismissAction::Dismissed,
                until: None,
                severity: Severity::Notice,
                strength: 0.5,
                on: day("2026-03-03"),
            })
            .unwrap();
        }
    }
    write_by_hand(
        &path,
        "UPDATE insight_dismissal SET action = 'hidden' WHERE insight_id = 'over_giving:journal'",
    );

    let mut j = Journal::open(&path).unwrap();
    let err = j.list_dismissals().unwrap_err();
    assert_eq!(
        unreadable(&err),
        (
            "insight_dismissal",
            "over_giving:journal".to_string(),
            "action".to_string()
        )
    );
    assert!(
        err.to_string().contains("'hidden' is not a known action"),
        "{err}"
    );
    // The journal's records and settings are still there.
    assert_eq!(
        j.list_exchanges(&ExchangeFilter::default()).unwrap().len(),
        2
    );
    assert_eq!(j.load_insight_settings().unwrap(), Settings::default());
    // Bringing the insight back clears the unreadable choice.
    assert!(j.delete_dismissal("over_giving:journal").unwrap());
    assert_eq!(j.list_dismissals().unwrap().len(), 1);
}

#[test]
fn an_unknown_dismissal_severity_is_an_error_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    {
        let mut j = Journal::open(&path).unwrap();
        j.save_dismissal(&Dismissal {
            insight_id: "over_giving:journal".into(),
            action: DismissAction::Dismissed,
            until: None,
            severity: Severity::Note,
            strength: 0.5,
            on: day("2026-03-03"),
        })
        .unwrap();
    }
    write_by_hand(&path, "UPDATE insight_dismissal SET severity = 'alarm'");
    let j = Journal::open(&path).unwrap();
    let err = j.list_dismissals().unwrap_err();
    assert_eq!(unreadable(&err).2, "severity");
}

#[test]
fn unreadable_insight_settings_are_an_error_naming_the_setting_and_saving_new_ones_repairs_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    journal_with_two_exchanges(&path);
    for broken in [
        "{\"half_life_days\": 30",
        "{\"half_life_days\": \"long\"}",
        "[1, 2, 3]",
    ] {
        write_by_hand(
            &path,
            &format!(
                "INSERT INTO setting (key, value, updated_at)
                 VALUES ('insight', '{broken}', '2026-03-01T00:00:00Z')
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            ),
        );
        let j = Journal::open(&path).unwrap();
        let err = j.load_insight_settings().unwrap_err();
        assert_eq!(
            unreadable(&err),
            ("setting", "insight".to_string(), "value".to_string()),
            "{broken}"
        );
        assert!(
            err.to_string()
                .starts_with("setting insight has unreadable value in column value: "),
            "{err}"
        );
        // Other commands are unaffected.
        assert_eq!(
            j.list_exchanges(&ExchangeFilter::default()).unwrap().len(),
            2
        );
    }

    let mut j = Journal::open(&path).unwrap();
    let chosen = Settings {
        half_life_days: 60.0,
        ..Settings::default()
    };
    j.save_insight_settings(&chosen).unwrap();
    assert_eq!(j.load_insight_settings().unwrap(), chosen);
}

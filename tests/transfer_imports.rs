//! Imports from other tools: Monica's JSON export and Daylio's CSV.

use chrono::{NaiveDate, TimeZone, Utc};
use reciprocity::journal::Journal;
use reciprocity::model::{Direction, ExchangeFilter, Kind, PersonInput, Relationship, Settlement};
use reciprocity::transfer::daylio::moods_with;
use reciprocity::transfer::{import_file, ImportFormat, ImportOptions};
use std::path::{Path, PathBuf};

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 1, 12, 0, 0).unwrap()
}

fn file(dir: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir)
        .join(name)
}

#[test]
fn a_monica_export_brings_people_debts_gifts_and_journal_entries() {
    let path = file("fixtures", "monica-export.json");
    assert_eq!(ImportFormat::detect(&path), Some(ImportFormat::Monica));
    let mut j = Journal::open_in_memory().unwrap();
    let options = ImportOptions {
        relationship: Relationship::Neighbour,
        ..ImportOptions::default()
    };
    let s = import_file(&mut j, &path, ImportFormat::Monica, &options, at()).unwrap();
    assert_eq!(s.merged.people.added, 2);
    assert_eq!(s.merged.exchanges.added, 4);
    assert_eq!(s.merged.checkins.added, 2);
    assert_eq!(s.skipped.len(), 1, "{:?}", s.skipped);
    assert!(s.skipped[0].contains("Scarf") && s.skipped[0].contains("idea"));

    let marta = j.find_people_by_name("Marta Silva").unwrap().remove(0);
    assert_eq!(marta.notes, "Neighbour upstairs");
    assert_eq!(marta.relationship, Relationship::Neighbour);
    assert_eq!(j.find_people_by_name("Tom").unwrap().len(), 1);
    let all = j
        .list_exchanges(&ExchangeFilter {
            person_id: Some(marta.id.clone()),
            ..Default::default()
        })
        .unwrap();
    let lent = all.iter().find(|e| e.what.contains("40")).unwrap();
    assert_eq!(
        (lent.kind, lent.direction),
        (Kind::Money, Direction::Given),
        "in_debt: she owed me"
    );
    let borrowed = all.iter().find(|e| e.what.contains("15")).unwrap();
    assert_eq!(borrowed.direction, Direction::Received);
    assert_eq!(
        borrowed.settlement,
        Some(Settlement::Returned),
        "a completed debt was paid back"
    );
    let oil = all
        .iter()
        .find(|e| e.what.starts_with("Olive oil"))
        .unwrap();
    assert_eq!((oil.kind, oil.direction), (Kind::Gift, Direction::Received));
    assert_eq!(
        oil.occurred_on,
        NaiveDate::from_ymd_opt(2025, 12, 24).unwrap()
    );
    let book = all.iter().find(|e| e.what == "Book of poems").unwrap();
    assert_eq!(
        (book.direction, book.note.as_str()),
        (Direction::Given, "she loved it")
    );

    let checkins = j.list_checkins(None, None).unwrap();
    assert_eq!(
        checkins[0].reflection,
        "A full week\nHelped Marta move boxes."
    );
    assert_eq!(checkins[0].mood, None);
    assert_eq!(
        (checkins[1].mood, checkins[1].owing),
        (Some(1), None),
        "a great day; no anxiety answers"
    );

    let again = import_file(&mut j, &path, ImportFormat::Monica, &options, at()).unwrap();
    assert_eq!(
        again.merged.exchanges.added + again.merged.people.added,
        0,
        "a second import adds nothing"
    );
}

#[test]
fn a_daylio_export_becomes_check_ins_with_moods_and_notes() {
    let path = file("fixtures", "daylio.csv");
    let mut j = Journal::open_in_memory().unwrap();
    j.add_person(&PersonInput::new("Sam", Relationship::Friend))
        .unwrap();

    // "so-so" is not a Daylio default: the import stops and says how to map it.
    let err = import_file(
        &mut j,
        &path,
        ImportFormat::Daylio,
        &ImportOptions::default(),
        at(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("line 3"), "{err}");
    assert!(err.to_string().contains("--mood \"so-so=N\""), "{err}");
    assert!(j.list_checkins(None, None).unwrap().is_empty());

    let options = ImportOptions {
        moods: moods_with(&["so-so=-1".to_string()]).unwrap(),
        ..ImportOptions::default()
    };
    let s = import_file(&mut j, &path, ImportFormat::Daylio, &options, at()).unwrap();
    assert_eq!(s.merged.checkins.added, 3);
    let all = j.list_checkins(None, None).unwrap();
    let moods: Vec<Option<i8>> = all.iter().map(|c| c.mood).collect();
    assert_eq!(
        moods,
        [Some(2), Some(-1), Some(1)],
        "oldest first: rad, so-so, good"
    );
    assert_eq!(
        all[1].reflection,
        "Long day\nCovered for Ana, felt pressured"
    );
    assert!(all
        .iter()
        .all(|c| c.owing.is_none() && c.exhaustion.is_none()));
    let again = import_file(&mut j, &path, ImportFormat::Daylio, &options, at()).unwrap();
    assert_eq!(again.merged.checkins.added, 0);
}

#[test]
fn bad_monica_and_daylio_files_are_refused_with_the_line_or_record_and_no_change() {
    let mut j = Journal::open_in_memory().unwrap();
    let cases: &[(&str, ImportFormat, &[&str])] = &[
        (
            "wrong-column-count.csv",
            ImportFormat::Daylio,
            &["line 2", "found record with 5 fields"],
        ),
        (
            "daylio-bad-date.csv",
            ImportFormat::Daylio,
            &["line 2", "full_date"],
        ),
        (
            "monica-missing-in-debt.json",
            ImportFormat::Monica,
            &["contacts[0].debts[0]", "in_debt"],
        ),
        ("not-ours.json", ImportFormat::Monica, &["account"]),
        ("binary.bin", ImportFormat::Daylio, &["binary"]),
    ];
    for (name, format, expect) in cases {
        let path = file("hostile", name);
        let err = import_file(&mut j, &path, *format, &ImportOptions::default(), at()).unwrap_err();
        let msg = err.to_string();
        assert_eq!(err.code(), "import_invalid", "{msg}");
        for e in *expect {
            assert!(msg.contains(e), "{name}: expected “{e}” in: {msg}");
        }
        assert_eq!(
            j.all_records().unwrap(),
            Default::default(),
            "{name} changed the journal"
        );
    }
}

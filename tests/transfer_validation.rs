//! Every importer's records pass the model's rules: a bad record stops the import with the
//! file, the record and the field named, and what an import accepts always survives the
//! journal's own export and import.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use reciprocity::journal::Journal;
use reciprocity::transfer::document::export_json;
use reciprocity::transfer::{import_file, ImportFormat, ImportOptions};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 1, 12, 0, 0).unwrap()
}

fn import(path: &Path, format: ImportFormat) -> reciprocity::Result<Journal> {
    let mut j = Journal::open_in_memory().unwrap();
    import_file(&mut j, path, format, &ImportOptions::default(), at()).map(|_| j)
}

/// Imports `path`, expects a refusal naming the file and each of `words`, and an empty journal.
fn assert_refused(path: &Path, format: ImportFormat, words: &[&str]) {
    let mut j = Journal::open_in_memory().unwrap();
    let err = import_file(&mut j, path, format, &ImportOptions::default(), at()).unwrap_err();
    let msg = err.to_string();
    assert_eq!(err.code(), "import_invalid", "{msg}");
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    for w in words {
        assert!(msg.contains(w), "“{w}” missing from: {msg}");
    }
    assert!(!msg.contains("CHECK constraint"), "{msg}");
    assert!(
        j.list_people(true).unwrap().is_empty(),
        "nothing may be written"
    );
}

fn daylio(dir: &Path, date: &str, note: &str) -> PathBuf {
    let path = dir.join("daylio.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record([
        "full_date",
        "date",
        "weekday",
        "time",
        "mood",
        "activities",
        "note_title",
        "note",
    ])
    .unwrap();
    w.write_record([date, "", "", "20:00", "good", "friends", "", note])
        .unwrap();
    w.flush().unwrap();
    path
}

fn monica(dir: &Path, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/monica-export.json");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    edit(&mut doc);
    let path = dir.join("monica.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    path
}

/// The fixture's first contact's records of `kind` (debt, gift).
fn first_of<'a>(doc: &'a mut Value, kind: &str) -> &'a mut Value {
    let contact = &mut doc["account"]["data"][0]["values"][0]["data"];
    let list = contact
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["type"] == kind)
        .unwrap();
    &mut list["values"][0]["properties"]
}

#[test]
fn a_daylio_note_longer_than_the_model_allows_stops_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let path = daylio(dir.path(), "2026-02-03", &"x".repeat(30_000));
    assert_refused(
        &path,
        ImportFormat::Daylio,
        &["checkins[0]", "30000 characters"],
    );
}

#[test]
fn a_daylio_entry_dated_outside_1900_to_2100_stops_the_import() {
    let dir = tempfile::tempdir().unwrap();
    for date in ["2999-01-01", "0001-01-01"] {
        let path = daylio(dir.path(), date, "fine");
        assert_refused(&path, ImportFormat::Daylio, &["checkins[0]", "1900–2100"]);
    }
}

#[test]
fn a_monica_debt_with_a_600_character_amount_stops_the_import_naming_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = monica(dir.path(), |doc| {
        first_of(doc, "debt")["amount"] = Value::String("9".repeat(600));
    });
    assert_refused(&path, ImportFormat::Monica, &["exchanges[", "what"]);
}

#[test]
fn a_monica_gift_dated_in_the_year_2999_stops_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let path = monica(dir.path(), |doc| {
        first_of(doc, "gift")["date"] = Value::String("2999-12-24".into());
    });
    assert_refused(&path, ImportFormat::Monica, &["exchanges[", "occurred_on"]);
}

#[test]
fn a_nul_in_a_json_what_stops_the_import_naming_the_record_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open_in_memory().unwrap();
    let p = j
        .add_person(&reciprocity::model::PersonInput::new(
            "Sam",
            reciprocity::model::Relationship::Friend,
        ))
        .unwrap();
    j.add_exchange(&reciprocity::model::ExchangeInput::new(
        &p.id,
        reciprocity::model::Direction::Given,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
        "soup",
    ))
    .unwrap();
    let path = dir.path().join("export.json");
    export_json(&j, &path, at()).unwrap();
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"soup\"", "\"so\\u0000up\"");
    std::fs::write(&path, text).unwrap();
    assert_refused(
        &path,
        ImportFormat::Json,
        &["exchanges[0]", "what", "control character"],
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever a Daylio import accepts, the journal's JSON export carries into an empty
    /// journal unchanged.
    #[test]
    fn anything_an_import_accepts_survives_export_and_import(
        year in 1890i32..2110,
        day in 1u32..28,
        note in "\\PC{0,40}|[\\x00-\\x1f]{1,3}|\u{200b}|.{19990,20010}",
    ) {
        let dir = tempfile::tempdir().unwrap();
        let date = format!("{year:04}-03-{day:02}");
        let path = daylio(dir.path(), &date, &note);
        let Ok(first) = import(&path, ImportFormat::Daylio) else {
            return Ok(());
        };
        let exported = dir.path().join("export.json");
        export_json(&first, &exported, at()).unwrap();
        let second = import(&exported, ImportFormat::Json).expect("the export must import");
        prop_assert_eq!(first.list_checkins(None, None).unwrap(), second.list_checkins(None, None).unwrap());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The same for Monica: names, gift names and comments, debt amounts and gift dates of any
    /// shape either stop the import or come back unchanged from the journal's own export.
    #[test]
    fn anything_a_monica_import_accepts_survives_export_and_import(
        name in "\\PC{0,12}|[\\x00-\\x1f\u{200b} ]{1,3}|.{190,210}",
        gift in "\\PC{0,30}|.{495,505}",
        comment in "\\PC{0,30}|[\\x00-\\x1f]{1,2}|.{19990,20010}",
        amount in "[0-9]{1,4}|.{490,600}",
        year in 1890i32..2110,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = monica(dir.path(), |doc| {
            doc["account"]["data"][0]["values"][0]["properties"]["first_name"] = Value::String(name.clone());
            first_of(doc, "debt")["amount"] = Value::String(amount.clone());
            let g = first_of(doc, "gift");
            g["name"] = Value::String(gift.clone());
            g["comment"] = Value::String(comment.clone());
            g["date"] = Value::String(format!("{year:04}-12-24"));
        });
        let Ok(first) = import(&path, ImportFormat::Monica) else {
            return Ok(());
        };
        let exported = dir.path().join("export.json");
        export_json(&first, &exported, at()).unwrap();
        let second = import(&exported, ImportFormat::Json).expect("the export must import");
        prop_assert_eq!(first.list_people(true).unwrap(), second.list_people(true).unwrap());
        let all = reciprocity::model::ExchangeFilter::default();
        prop_assert_eq!(first.list_exchanges(&all).unwrap(), second.list_exchanges(&all).unwrap());
    }
}

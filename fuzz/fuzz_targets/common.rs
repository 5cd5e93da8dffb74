//! Shared by the import fuzz targets: any bytes, imported into a journal with a little in it,
//! must either import or be refused, and a refusal must leave the journal unchanged.

use chrono::{TimeZone, Utc};
use reciprocity::journal::Journal;
use reciprocity::model::{Direction, ExchangeInput, PersonInput, Relationship};
use reciprocity::transfer::{import_file, ImportFormat, ImportOptions};

pub fn check(data: &[u8], format: ImportFormat, file_name: &str) {
    let mut journal = Journal::open_in_memory().unwrap();
    let sam = journal
        .add_person(&PersonInput::new("Sam", Relationship::Friend))
        .unwrap();
    journal
        .add_exchange(&ExchangeInput::new(
            &sam.id,
            Direction::Given,
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            "soup",
        ))
        .unwrap();
    let before = journal.all_records().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file_name);
    std::fs::write(&path, data).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 0).unwrap();
    match import_file(&mut journal, &path, format, &ImportOptions::default(), now) {
        Ok(_) => {}
        Err(e) => {
            assert!(!e.to_string().is_empty());
            assert_eq!(journal.all_records().unwrap(), before, "a refused import changed the journal");
        }
    }
}

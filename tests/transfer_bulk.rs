//! Importing many records at once: all or nothing, and every record added or replaced is
//! stamped for sync, so another device picks it up like any other write.

mod sync_support;

use chrono::Utc;
use reciprocity::journal::{Journal, Records};
use reciprocity::model::CheckInInput;
use reciprocity::transfer::document::export_json;
use reciprocity::transfer::{import_file, ImportFormat, ImportOptions};
use std::path::Path;
use sync_support::{favour, favour_input, person, Devices};

/// A journal with two people, three exchanges and a check-in.
fn source() -> Journal {
    let mut j = Journal::open_in_memory().unwrap();
    let sam = person(&mut j, "Sam");
    let ada = person(&mut j, "Ada");
    favour(&mut j, &sam, "lent a ladder");
    favour(&mut j, &ada, "carried the shopping");
    favour(&mut j, &sam, "watered the plants");
    let on: CheckInInput =
        serde_json::from_value(serde_json::json!({"on": "2026-03-01", "mood": 1})).unwrap();
    j.add_checkin(&on).unwrap();
    j
}

fn import(j: &mut Journal, path: &Path) {
    import_file(
        j,
        path,
        ImportFormat::Json,
        &ImportOptions::default(),
        Utc::now(),
    )
    .unwrap();
}

#[test]
fn an_import_that_fails_after_some_records_went_in_changes_nothing() {
    let mut j = Journal::open_in_memory().unwrap();
    let before = j.all_records().unwrap();
    let mut records = source().all_records().unwrap();
    // The people and exchanges are fine; the check-in twice over breaks its table's key, so
    // the merge fails after people and exchanges have been written.
    records.checkins.push(records.checkins[0].clone());
    assert!(j.merge_records(&records).is_err());
    assert_eq!(j.all_records().unwrap(), before);
    // Nothing of the failed merge lingers to be written by the next one.
    records.checkins.pop();
    let summary = j.merge_records(&records).unwrap();
    assert_eq!(summary.exchanges.added, 3);
    assert_eq!(j.all_records().unwrap(), records);
}

#[test]
fn a_merge_of_records_already_there_keeps_them_and_a_newer_one_replaces_its_copy() {
    let mut j = source();
    let mut records: Records = j.all_records().unwrap();
    let summary = j.merge_records(&records).unwrap();
    assert_eq!(summary.exchanges.unchanged, 3);
    records.exchanges[1].what = "carried all the shopping".into();
    records.exchanges[1].updated_at += chrono::Duration::seconds(1);
    let summary = j.merge_records(&records).unwrap();
    assert_eq!((summary.exchanges.added, summary.exchanges.updated), (0, 1));
    assert_eq!(summary.exchanges.unchanged, 2);
    assert_eq!(j.all_records().unwrap(), records);
    let found = j.search_exchanges("all the shopping", 10).unwrap();
    assert_eq!(
        found.len(),
        1,
        "the search index follows the replaced record"
    );
}

#[test]
fn imported_records_reach_a_second_device_and_so_does_a_newer_version_imported_later() {
    let dir = tempfile::tempdir().unwrap();
    let mut src = source();
    let file = dir.path().join("export.json");
    export_json(&src, &file, Utc::now()).unwrap();
    let mut d = Devices::new(2);
    import(&mut d.journals[0], &file);
    d.sync_all();
    assert_eq!(d.export(0), d.export(1));
    assert_eq!(d.journals[1].all_records().unwrap().exchanges.len(), 3);

    let first = src.all_records().unwrap().exchanges[0].clone();
    let (sam, first) = (first.person_id, first.id);
    src.update_exchange(&first, &favour_input(&sam, "lent the long ladder"))
        .unwrap();
    export_json(&src, &file, Utc::now()).unwrap();
    import(&mut d.journals[0], &file);
    // A write after the import is stamped later than every imported record.
    favour(&mut d.journals[0], &sam, "fixed the gate");
    d.sync_all();
    assert_eq!(d.export(0), d.export(1));
    assert_eq!(
        d.journals[1].get_exchange(&first).unwrap().what,
        "lent the long ladder"
    );
}

//! The JSON backup document: it round-trips, importing twice changes nothing, the newer
//! record wins, and every bad file is refused with a message and no change.

use chrono::{NaiveDate, TimeZone, Utc};
use reciprocity::insight::{DismissAction, Dismissal, Settings, Severity};
use reciprocity::journal::{Journal, Records};
use reciprocity::model::{
    CheckInInput, Direction, ExchangeInput, Kind, PersonInput, Relationship, Settlement,
};
use reciprocity::transfer::document::{export_json, Document};
use reciprocity::transfer::{import_file, ImportFormat, ImportOptions};
use std::path::{Path, PathBuf};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// A journal with a bit of everything: archived people, deleted and settled exchanges,
/// reciprocation links, feelings, tags, check-ins.
fn varied_journal() -> Journal {
    let mut j = Journal::open_in_memory().unwrap();
    let sam = j
        .add_person(&PersonInput::new("Sam", Relationship::Friend))
        .unwrap();
    let ana = j
        .add_person(&PersonInput {
            name: "Ana Lima".into(),
            relationship: Relationship::Colleague,
            notes: "Team lead, «quiet»".into(),
        })
        .unwrap();
    let old = j
        .add_person(&PersonInput::new("Old friend", Relationship::Friend))
        .unwrap();
    j.archive_person(&old.id).unwrap();
    let mut got = ExchangeInput::new(&sam.id, Direction::Received, day(1, 5), "helped me move");
    got.kind = Kind::TimeHelp;
    got.value = 5;
    got.feelings.gratitude = Some(4);
    got.feelings.indebtedness = Some(2);
    got.tags = vec!["moving".into(), "weekend".into()];
    got.note = "a whole Saturday\nwith the van".into();
    let got = j.add_exchange(&got).unwrap();
    let mut back = ExchangeInput::new(&sam.id, Direction::Given, day(2, 1), "dinner for Sam");
    back.reciprocates = Some(got.id.clone());
    back.feelings.warmth = Some(3);
    j.add_exchange(&back).unwrap();
    let shift = j
        .add_exchange(&ExchangeInput::new(
            &ana.id,
            Direction::Received,
            day(3, 1),
            "covered my shift",
        ))
        .unwrap();
    j.settle_exchange(&shift.id, Settlement::Thanked, None, day(3, 2))
        .unwrap();
    let gone = j
        .add_exchange(&ExchangeInput::new(
            &ana.id,
            Direction::Given,
            day(3, 3),
            "typo entry",
        ))
        .unwrap();
    j.delete_exchange(&gone.id).unwrap();
    j.add_checkin(&CheckInInput {
        on: day(3, 4),
        mood: Some(-1),
        energy: Some(2),
        owing: Some(3),
        worry: Some(2),
        pressured: Some(1),
        exhaustion: Some(0),
        reflection: "thanked Ana".into(),
        prompt: Some("Who helped you this week?".into()),
    })
    .unwrap();
    let settings = Settings {
        half_life_days: 60.0,
        ..Settings::default()
    };
    j.save_insight_settings(&settings).unwrap();
    j.save_dismissal(&Dismissal {
        insight_id: "gives_more:someone".into(),
        action: DismissAction::Snoozed,
        until: Some(day(5, 1)),
        severity: Severity::Notice,
        strength: 0.93,
        on: day(3, 5),
    })
    .unwrap();
    j
}

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 1, 12, 0, 0).unwrap()
}

fn import(
    j: &mut Journal,
    path: &Path,
) -> reciprocity::Result<reciprocity::transfer::ImportSummary> {
    import_file(j, path, ImportFormat::Json, &ImportOptions::default(), at())
}

#[test]
fn export_then_import_into_an_empty_journal_then_export_gives_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.json");
    let source = varied_journal();
    let doc = export_json(&source, &first, at()).unwrap();
    assert_eq!(
        (doc.people.len(), doc.exchanges.len(), doc.checkins.len()),
        (3, 4, 1)
    );

    let mut empty = Journal::open_in_memory().unwrap();
    let summary = import(&mut empty, &first).unwrap();
    assert_eq!(summary.merged.exchanges.added, 4);
    let again = Document::from_journal(&empty, at()).unwrap();
    assert_eq!(again, doc);
    assert_eq!(again.to_json(), std::fs::read_to_string(&first).unwrap());
    assert_eq!((doc.dismissals.len(), doc.settings.len()), (1, 1));
    assert_eq!(empty.load_insight_settings().unwrap().half_life_days, 60.0);
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    export_json(&varied_journal(), &file, at()).unwrap();
    let mut j = Journal::open_in_memory().unwrap();
    import(&mut j, &file).unwrap();
    let before = j.all_records().unwrap();
    let second = import(&mut j, &file).unwrap();
    assert_eq!(second.merged.people.added + second.merged.people.updated, 0);
    assert_eq!(second.merged.exchanges.unchanged, 4);
    assert_eq!(j.all_records().unwrap(), before);
}

#[test]
fn the_newer_record_wins_on_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    let mut j = varied_journal();
    export_json(&j, &file, at()).unwrap();
    // Edit in the journal after the export: the journal's copy is newer and stays.
    let sam = j.find_people_by_name("Sam").unwrap().remove(0);
    j.update_person(
        &sam.id,
        &PersonInput::new("Samuel", Relationship::CloseFriend),
    )
    .unwrap();
    import(&mut j, &file).unwrap();
    assert_eq!(j.get_person(&sam.id).unwrap().name, "Samuel");

    // A file whose copy is newer replaces the journal's.
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    for p in doc["people"].as_array_mut().unwrap() {
        if p["id"] == sam.id.as_str() {
            p["name"] = "Sam from the file".into();
            p["updated_at"] = "2099-01-01T00:00:00Z".into();
        }
    }
    std::fs::write(&file, doc.to_string()).unwrap();
    let s = import(&mut j, &file).unwrap();
    assert_eq!(s.merged.people.updated, 1);
    assert_eq!(j.get_person(&sam.id).unwrap().name, "Sam from the file");
    // Search knows the new name: the full-text index followed the replaced record.
    assert_eq!(j.search_exchanges("from the file", 10).unwrap().len(), 2);
}

fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name)
}

fn assert_refused(j: &mut Journal, path: &Path, format: ImportFormat, expect: &[&str]) {
    let before: Records = j.all_records().unwrap();
    let err = import_file(j, path, format, &ImportOptions::default(), at())
        .expect_err("the file should be refused");
    let msg = err.to_string();
    assert_eq!(err.code(), "import_invalid", "{msg}");
    assert!(
        msg.contains(&path.display().to_string()),
        "names the file: {msg}"
    );
    for e in expect {
        assert!(msg.contains(e), "{path:?}: expected “{e}” in: {msg}");
    }
    assert_eq!(
        j.all_records().unwrap(),
        before,
        "{path:?} changed the journal"
    );
}

#[test]
fn every_file_in_the_hostile_corpus_is_refused_with_a_clear_message_and_no_change() {
    let mut j = varied_journal();
    let json = ImportFormat::Json;
    assert_refused(
        &mut j,
        &hostile("truncated.json"),
        json,
        &["line 1", "not valid JSON"],
    );
    assert_refused(
        &mut j,
        &hostile("wrong-types.json"),
        json,
        &["people[0]", "name: invalid type"],
    );
    assert_refused(
        &mut j,
        &hostile("unknown-version.json"),
        json,
        &["version", "7"],
    );
    assert_refused(
        &mut j,
        &hostile("not-ours.json"),
        json,
        &["format", "missing"],
    );
    assert_refused(
        &mut j,
        &hostile("duplicate-ids.json"),
        json,
        &["people[1]", "used twice"],
    );
    assert_refused(
        &mut j,
        &hostile("invalid-date.json"),
        json,
        &["exchanges[0]", "occurred_on: input is out of range"],
    );
    assert_refused(
        &mut j,
        &hostile("out-of-range-value.json"),
        json,
        &["exchanges[0]", "value"],
    );
    assert_refused(
        &mut j,
        &hostile("unknown-person.json"),
        json,
        &["exchanges[0]", "person_id"],
    );
    assert_refused(
        &mut j,
        &hostile("feeling-wrong-direction.json"),
        json,
        &["exchanges[0]", "gratitude"],
    );
    assert_refused(&mut j, &hostile("binary.bin"), json, &["binary"]);
    let vcard = ImportFormat::Vcard;
    assert_refused(
        &mut j,
        &hostile("broken-folding.vcf"),
        vcard,
        &["card 1", "Line 5"],
    );
    assert_refused(
        &mut j,
        &hostile("nameless.vcf"),
        vcard,
        &["card 1", "no name"],
    );
    assert_refused(&mut j, &hostile("binary.bin"), vcard, &["binary"]);
}

#[test]
fn a_ten_megabyte_name_is_refused_naming_the_record_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.json");
    let doc = serde_json::json!({
        "format": "reciprocity-journal", "version": 1, "exported_at": "2026-01-01T00:00:00Z",
        "people": [{"id": "01a21a4d-3917-7743-8a83-dec5ab798afd", "name": "x".repeat(10_000_000),
                    "relationship": "friend", "notes": "", "archived_at": null,
                    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}],
        "exchanges": [], "checkins": []
    });
    std::fs::write(&file, doc.to_string()).unwrap();
    let mut j = varied_journal();
    assert_refused(
        &mut j,
        &file,
        ImportFormat::Json,
        &["people[0]", "name", "most is 200"],
    );
}

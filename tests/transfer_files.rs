//! CSV export, vCard import and backups.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use reciprocity::journal::Journal;
use reciprocity::model::{Direction, ExchangeInput, PersonInput, Relationship};
use reciprocity::transfer::backups::{
    self, daily_backup_if_due, expired, list_backups, make_backup, Backup, BackupKind,
};
use reciprocity::transfer::csv_export::{csv_text, COLUMNS};
use reciprocity::transfer::{import_file, ImportFormat, ImportOptions};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 1, 9, 30, 0).unwrap()
}

#[test]
fn csv_has_one_row_per_exchange_with_the_documented_columns_and_safe_cells() {
    let mut j = Journal::open_in_memory().unwrap();
    let p = j
        .add_person(&PersonInput::new("Zoë", Relationship::Colleague))
        .unwrap();
    let mut e = ExchangeInput::new(
        &p.id,
        Direction::Received,
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        "coffee, \"the good one\"",
    );
    e.feelings.indebtedness = Some(2);
    e.tags = vec!["work".into(), "morning".into()];
    e.note = "=HYPERLINK(\"x\")".into();
    j.add_exchange(&e).unwrap();
    let bytes = csv_text(&j).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "UTF-8 byte-order mark for spreadsheets"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1);
    let get = |name: &str| rows[0][COLUMNS.iter().position(|c| *c == name).unwrap()].to_string();
    assert_eq!(get("person"), "Zoë");
    assert_eq!(get("sphere"), "workplace");
    assert_eq!(get("what"), "coffee, \"the good one\"");
    assert_eq!(get("indebtedness"), "2");
    assert_eq!(get("gratitude"), "");
    assert_eq!(get("tags"), "work|morning");
    assert_eq!(get("settlement"), "open");
    assert_eq!(
        get("note"),
        "'=HYPERLINK(\"x\")",
        "formulas are neutralised"
    );
}

const CARDS: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nUID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n\
NOTE:met at the climbing gym\\, Tuesdays\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:4.0\r\nN:Lee;Sam;;;\r\nNOTE:a long note that is\r\n  folded onto two lines\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:3.0\r\nFN:sam lee\r\nEND:VCARD\r\n";

#[test]
fn vcards_become_people_deduplicated_by_uid_and_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contacts.vcf");
    std::fs::write(&file, CARDS).unwrap();
    let mut j = Journal::open_in_memory().unwrap();
    let options = ImportOptions {
        relationship: Relationship::Friend,
        ..ImportOptions::default()
    };
    let s = import_file(&mut j, &file, ImportFormat::Vcard, &options, now()).unwrap();
    assert_eq!(s.merged.people.added, 2);
    assert_eq!(s.skipped.len(), 1, "the second Sam Lee is the same name");
    assert!(s.skipped[0].contains("sam lee"), "{:?}", s.skipped);
    let people = j.list_people(false).unwrap();
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ana Lima", "Sam Lee"]);
    assert_eq!(people[0].notes, "met at the climbing gym, Tuesdays");
    assert_eq!(people[1].notes, "a long note that is folded onto two lines");
    assert!(people
        .iter()
        .all(|p| p.relationship == Relationship::Friend));

    // The same address book again, even after a rename, adds no one.
    j.update_person(
        &people[0].id,
        &PersonInput::new("Ana L.", Relationship::Friend),
    )
    .unwrap();
    let again = import_file(&mut j, &file, ImportFormat::Vcard, &options, now()).unwrap();
    assert_eq!(again.merged.people.added, 0);
    assert_eq!(j.list_people(false).unwrap().len(), 2);
}

fn journal_file(dir: &std::path::Path) -> Journal {
    let mut j = Journal::open(&dir.join("journal.sqlite3")).unwrap();
    j.add_person(&PersonInput::new("Sam", Relationship::Friend))
        .unwrap();
    j
}

#[test]
fn the_daily_backup_is_taken_once_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal_file(dir.path());
    assert!(daily_backup_if_due(&j, now()).unwrap().is_some());
    assert!(daily_backup_if_due(&j, now() + Duration::hours(3))
        .unwrap()
        .is_none());
    assert!(daily_backup_if_due(&j, now() + Duration::days(1))
        .unwrap()
        .is_some());
    let all = list_backups(j.path().unwrap()).unwrap();
    assert_eq!(all.len(), 2);
    assert!(all[0].taken_at > all[1].taken_at, "newest first");
    let copy = Journal::open(&all[0].path).unwrap();
    assert_eq!(copy.list_people(false).unwrap()[0].name, "Sam");
}

fn fake(kind: BackupKind, days_ago: i64) -> Backup {
    let taken_at = now() - Duration::days(days_ago);
    Backup {
        path: format!("{kind:?}-{days_ago}").into(),
        kind,
        taken_at,
        bytes: 0,
    }
}

#[test]
fn seven_daily_and_four_weekly_backups_are_kept_and_manual_ones_always() {
    let mut all: Vec<Backup> = (0..60).map(|d| fake(BackupKind::Daily, d)).collect();
    all.extend((0..8).map(|d| fake(BackupKind::BeforeImport, d)));
    all.push(fake(BackupKind::Manual, 400));
    all.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    let gone = expired(&all);
    let kept: Vec<&Backup> = all.iter().filter(|b| !gone.contains(&b.path)).collect();
    let daily = kept.iter().filter(|b| b.kind == BackupKind::Daily).count();
    assert_eq!(daily, 7 + 4);
    assert_eq!(
        kept.iter()
            .filter(|b| b.kind == BackupKind::BeforeImport)
            .count(),
        5
    );
    assert!(kept.iter().any(|b| b.kind == BackupKind::Manual));
    // The four weekly ones fall in four different weeks, all older than the dailies.
    let mut weeks: Vec<u32> = kept
        .iter()
        .filter(|b| b.kind == BackupKind::Daily && b.taken_at < now() - Duration::days(6))
        .map(|b| chrono::Datelike::iso_week(&b.taken_at).week())
        .collect();
    weeks.dedup();
    assert_eq!(weeks.len(), 4);
}

#[test]
fn restoring_a_backup_brings_back_its_contents_and_keeps_the_current_journal() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = journal_file(dir.path());
    let b = make_backup(&j, BackupKind::Manual, now()).unwrap();
    j.add_person(&PersonInput::new("Added later", Relationship::Friend))
        .unwrap();
    let safety = backups::restore(&mut j, &b.path, None, now() + Duration::minutes(5)).unwrap();
    assert_eq!(j.list_people(false).unwrap().len(), 1);
    let kept = Journal::open(&safety.path).unwrap();
    assert_eq!(kept.list_people(false).unwrap().len(), 2);
    // Another connection to the same file sees the restored journal too.
    let other = Journal::open(j.path().unwrap()).unwrap();
    assert_eq!(other.list_people(false).unwrap().len(), 1);
}

#[test]
fn restoring_from_a_file_that_is_not_a_sound_journal_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = journal_file(dir.path());
    let bad = dir.path().join("bad.sqlite3");
    std::fs::write(
        &bad,
        "definitely not sqlite, but long enough to have a header",
    )
    .unwrap();
    let err = backups::restore(&mut j, &bad, None, now()).unwrap_err();
    assert_eq!(err.code(), "not_a_journal");
    assert_eq!(j.list_people(false).unwrap().len(), 1);
    assert!(
        list_backups(j.path().unwrap()).unwrap().is_empty(),
        "no safety copy needed"
    );
}

#[test]
fn an_import_keeps_a_backup_of_the_journal_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = journal_file(dir.path());
    let file = dir.path().join("contacts.vcf");
    std::fs::write(&file, CARDS).unwrap();
    import_file(
        &mut j,
        &file,
        ImportFormat::Vcard,
        &ImportOptions::default(),
        now(),
    )
    .unwrap();
    let all = list_backups(j.path().unwrap()).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].kind, BackupKind::BeforeImport);
    assert_eq!(
        Journal::open(&all[0].path)
            .unwrap()
            .list_people(false)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn opening_an_older_journal_backs_it_up_before_migrating() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "application_id", 0x5263_506a)
            .unwrap();
        let first = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/0001_initial.sql"),
        )
        .unwrap();
        c.execute_batch(&first).unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        c.execute(
            "INSERT INTO person (id, name, relationship, created_at, updated_at)
             VALUES ('01a21a4d-3917-7743-8a83-dec5ab798afd', 'Sam', 'friend', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
    }
    let j = Journal::open(&path).unwrap();
    let latest = j.schema_version().unwrap();
    let before: Vec<Backup> = list_backups(&path)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == BackupKind::BeforeMigration)
        .collect();
    if latest > 1 {
        assert_eq!(before.len(), 1, "one backup before migrating 1 → {latest}");
        let old = rusqlite::Connection::open(&before[0].path).unwrap();
        let v: i64 = old
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
    } else {
        assert!(before.is_empty(), "no migration, no backup");
    }
    assert_eq!(j.list_people(false).unwrap()[0].name, "Sam");
}

#[test]
fn an_export_into_a_missing_folder_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal_file(dir.path());
    let target = dir.path().join("no-such-folder").join("export.json");
    let err = reciprocity::transfer::document::export_json(&j, &target, now()).unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(!target.parent().unwrap().exists());
}

//! `recip export`, `import`, `backup` and `restore` from the command line.

use assert_cmd::Command;
use predicates::str::contains;
use std::path::{Path, PathBuf};

fn recip(db: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("recip")
        .unwrap()
        .env_remove("RECIPROCITY_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .assert()
}

fn count(db: &Path, what: &str) -> usize {
    let out = recip(db, &[what, "--json"])
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    v.as_array().unwrap().len()
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    recip(
        &db,
        &[
            "log", "given", "Sam", "soup", "-r", "friend", "--warmth", "3",
        ],
    )
    .success();
    recip(
        &db,
        &[
            "log",
            "received",
            "Ana",
            "lift",
            "-r",
            "colleague",
            "--gratitude",
            "2",
        ],
    )
    .success();
    (dir, db)
}

#[test]
fn json_export_imports_into_a_new_journal_and_twice_changes_nothing() {
    let (dir, db) = setup();
    let file = dir.path().join("export.json");
    recip(&db, &["export", "--format", "json", file.to_str().unwrap()])
        .success()
        .stdout(contains("2 people, 2 exchanges"));
    let other = dir.path().join("other.sqlite3");
    recip(&other, &["import", file.to_str().unwrap()])
        .success()
        .stdout(contains("Exchanges: 2 added"));
    recip(&other, &["import", file.to_str().unwrap()])
        .success()
        .stdout(contains(
            "Exchanges: 0 added, 0 updated, 2 already up to date",
        ));
    assert_eq!(count(&other, "list"), 2);
}

#[test]
fn a_bad_import_exits_1_naming_the_file_and_changes_nothing() {
    let (dir, db) = setup();
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        r#"{"format": "reciprocity-journal", "version": 1, "people": [{"id": 1}]}"#,
    )
    .unwrap();
    recip(&db, &["import", file.to_str().unwrap()])
        .code(1)
        .stderr(contains("bad.json"))
        .stderr(contains("people[0]"));
    assert_eq!(count(&db, "list"), 2);
    recip(&db, &["import", "notes.txt"])
        .code(1)
        .stderr(contains("--format"));
}

#[test]
fn csv_export_writes_a_header_and_a_row_per_exchange() {
    let (dir, db) = setup();
    let file = dir.path().join("export.csv");
    recip(&db, &["export", "--format", "csv", file.to_str().unwrap()]).success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert!(text
        .lines()
        .next()
        .unwrap()
        .contains("date,person,relationship,sphere,direction"));
}

#[test]
fn backup_then_restore_by_file_brings_the_journal_back() {
    let (dir, db) = setup();
    let out = recip(&db, &["backup", "--json"])
        .success()
        .get_output()
        .stdout
        .clone();
    let b: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let backup = b["path"].as_str().unwrap().to_string();
    assert!(Path::new(&backup).starts_with(dir.path().join("backups")));
    recip(&db, &["log", "given", "Sam", "a later entry"]).success();
    assert_eq!(count(&db, "list"), 3);
    recip(&db, &["restore", &backup])
        .success()
        .stdout(contains("is kept in"));
    assert_eq!(count(&db, "list"), 2);
    recip(&db, &["backup", "list"])
        .success()
        .stdout(contains("before-restore"))
        .stdout(contains("manual"))
        .stdout(contains("daily"));
}

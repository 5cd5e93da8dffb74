//! Opening journals: new files are created whole, and every file we refuse stays
//! byte-for-byte untouched.

use reciprocity::journal::Journal;
use reciprocity::model::{Direction, ExchangeInput, PersonInput, Relationship};
use sha2::{Digest, Sha256};
use std::path::Path;

fn sha(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

fn siblings(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Opens `path`, expects the error `code`, and checks the file and its folder are unchanged.
fn assert_refused_untouched(path: &Path, code: &str) -> String {
    let before = sha(path);
    let listing = siblings(path.parent().unwrap());
    let err = Journal::open(path)
        .err()
        .expect("the journal should be refused");
    assert_eq!(err.code(), code, "{err}");
    assert_eq!(sha(path), before, "{} was modified", path.display());
    assert_eq!(
        siblings(path.parent().unwrap()),
        listing,
        "files appeared beside it"
    );
    err.to_string()
}

#[test]
fn a_missing_file_becomes_a_new_journal_in_a_new_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/journal.sqlite3");
    let mut j = Journal::open(&path).unwrap();
    j.add_person(&PersonInput::new("Sam", Relationship::Friend))
        .unwrap();
    drop(j);
    let j = Journal::open(&path).unwrap();
    assert_eq!(j.list_people(false).unwrap()[0].name, "Sam");
    assert!(j.schema_version().unwrap() >= 1);
}

#[test]
fn an_empty_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    std::fs::write(&path, b"").unwrap();
    let msg = assert_refused_untouched(&path, "journal_empty");
    assert!(msg.contains("0 bytes"), "{msg}");
}

#[test]
fn a_text_file_is_refused_as_not_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "shopping: eggs, milk\n".repeat(300)).unwrap();
    assert_refused_untouched(&path, "not_a_journal");
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('cat');")
            .unwrap();
    }
    let msg = assert_refused_untouched(&path, "foreign_database");
    assert!(msg.contains("another program"), "{msg}");
}

#[test]
fn a_journal_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    drop(Journal::open(&path).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 9999).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let msg = assert_refused_untouched(&path, "journal_too_new");
    assert!(msg.contains("newer version"), "{msg}");
}

#[test]
fn a_damaged_journal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    {
        let mut j = Journal::open(&path).unwrap();
        let p = j
            .add_person(&PersonInput::new("Sam", Relationship::Friend))
            .unwrap();
        for i in 0..300 {
            let mut e = ExchangeInput::new(
                &p.id,
                Direction::Given,
                chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
                format!("help number {i}"),
            );
            e.note = "a long note ".repeat(20);
            j.add_exchange(&e).unwrap();
        }
    }
    // Scribble over the middle of the file, past the header page.
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 20_000);
    for b in &mut bytes[8192..16384] {
        *b = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();
    assert_refused_untouched(&path, "journal_damaged");
}

#[test]
fn a_truncated_journal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    drop(Journal::open(&path).unwrap());
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..100]).unwrap();
    let err = assert_refused_untouched(&path, "journal_damaged");
    assert!(err.contains("damaged"), "{err}");
}

#[test]
fn two_connections_see_each_others_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let app = Journal::open(&path).unwrap();
    let before = app.data_version().unwrap();
    let mut cli = Journal::open(&path).unwrap();
    cli.add_person(&PersonInput::new("Ana", Relationship::Colleague))
        .unwrap();
    assert_ne!(app.data_version().unwrap(), before);
    assert_eq!(app.list_people(false).unwrap().len(), 1);
}

//! Failure paths of the store, its backups and restores: none loses or hides data.

use chrono::Utc;
use reciprocity::journal::Journal;
use reciprocity::model::{PersonInput, Relationship};
use reciprocity::transfer::backups::{
    self, backup_path, daily_backup_if_due, list_backups, make_backup, BackupKind,
};
use std::path::{Path, PathBuf};

fn journal_with_sam(dir: &Path) -> (Journal, PathBuf) {
    let path = dir.join("journal.sqlite3");
    let mut j = Journal::open(&path).unwrap();
    j.add_person(&PersonInput::new("Sam", Relationship::Friend))
        .unwrap();
    (j, path)
}

fn names(j: &Journal) -> Vec<String> {
    j.list_people(true)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect()
}

/// A rollback journal as SQLite leaves it when a process is killed after writing a new file
/// and before removing the journal: rolling it back empties the file.
fn hot_journal_beside(file: &Path) {
    let bytes = std::fs::read(file).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]);
    let mut journal = vec![0u8; 512];
    journal[..8].copy_from_slice(&[0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
    journal[20..24].copy_from_slice(&512u32.to_be_bytes());
    journal[24..28].copy_from_slice(&u32::from(page_size).to_be_bytes());
    let mut name = file.as_os_str().to_owned();
    name.push("-journal");
    std::fs::write(PathBuf::from(name), journal).unwrap();
}

#[test]
fn restore_refuses_a_backup_cut_short_by_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, path) = journal_with_sam(dir.path());
    let other = dir.path().join("other.sqlite3");
    {
        let mut o = Journal::open(&other).unwrap();
        o.add_person(&PersonInput::new("Ana", Relationship::Friend))
            .unwrap();
    }
    let cut = dir.path().join("cut.sqlite3");
    j.snapshot_to(&cut).unwrap();
    hot_journal_beside(&cut);
    // The copy shows what SQLite would make of the file: an empty database.
    let probe = dir.path().join("probe.sqlite3");
    std::fs::copy(&cut, &probe).unwrap();
    std::fs::copy(
        dir.path().join("cut.sqlite3-journal"),
        dir.path().join("probe.sqlite3-journal"),
    )
    .unwrap();
    let emptied = rusqlite::Connection::open(&probe).unwrap();
    let tables: i64 = emptied
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        tables, 0,
        "the hot journal should roll the file back to nothing"
    );

    let before = std::fs::read(&cut).unwrap();
    let err = backups::restore(&mut j, &cut, None, Utc::now()).unwrap_err();
    assert_eq!(err.code(), "journal_damaged", "{err}");
    assert!(err.to_string().contains("cut short"), "{err}");
    assert_eq!(names(&j), ["Sam"], "the journal must be untouched");
    assert_eq!(
        std::fs::read(&cut).unwrap(),
        before,
        "the backup must be untouched"
    );
    drop(j);
    assert_eq!(names(&Journal::open(&path).unwrap()), ["Sam"]);
}

#[test]
fn restore_refuses_a_file_shorter_than_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = journal_with_sam(dir.path());
    let cut = dir.path().join("cut.sqlite3");
    j.snapshot_to(&cut).unwrap();
    let bytes = std::fs::read(&cut).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() - 4096]).unwrap();
    let err = backups::restore(&mut j, &cut, None, Utc::now()).unwrap_err();
    assert_eq!(err.code(), "journal_damaged", "{err}");
    assert!(
        err.to_string().contains(&cut.display().to_string()),
        "{err}"
    );
    assert_eq!(names(&j), ["Sam"]);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".restore-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_broken_daily_backup_is_not_listed_and_does_not_stand_for_the_days_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (j, path) = journal_with_sam(dir.path());
    let now = Utc::now();
    let empty = backup_path(&path, BackupKind::Daily, now - chrono::Duration::seconds(1));
    std::fs::create_dir_all(empty.parent().unwrap()).unwrap();
    std::fs::write(&empty, b"").unwrap();
    let cut = backup_path(&path, BackupKind::Daily, now - chrono::Duration::seconds(2));
    j.snapshot_to(&cut).unwrap();
    hot_journal_beside(&cut);
    assert!(list_backups(&path).unwrap().is_empty());
    let taken = daily_backup_if_due(&j, now).unwrap();
    assert!(taken.is_some(), "the day's real backup must still be taken");
    assert_eq!(list_backups(&path).unwrap().len(), 1);
}

#[test]
fn leftovers_of_a_killed_backup_are_removed_and_never_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (j, path) = journal_with_sam(dir.path());
    let dead = dead_pid();
    let folder = backups::backup_dir(&path);
    std::fs::create_dir_all(&folder).unwrap();
    let partial = folder.join(format!(
        "journal-manual-20260101T000000.000Z.sqlite3.partial-{dead}"
    ));
    std::fs::write(&partial, b"SQLite format 3\0half a file").unwrap();
    assert!(list_backups(&path).unwrap().is_empty());
    make_backup(&j, BackupKind::Manual, Utc::now()).unwrap();
    assert!(!partial.exists());
    assert_eq!(list_backups(&path).unwrap().len(), 1);
}

/// The id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn a_half_made_journal_left_by_a_kill_is_removed_on_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let stub = dir
        .path()
        .join(format!("journal.sqlite3.new-{}", dead_pid()));
    std::fs::write(&stub, b"SQLite format 3\0").unwrap();
    drop(Journal::open(&path).unwrap());
    assert!(!stub.exists());
    drop(Journal::open(&path).unwrap());
}

#[test]
fn opening_does_not_wait_for_another_programs_write() {
    let dir = tempfile::tempdir().unwrap();
    let (j, path) = journal_with_sam(dir.path());
    drop(j);
    let mut other = rusqlite::Connection::open(&path).unwrap();
    let tx = other
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    tx.execute("UPDATE person SET name = 'Samuel'", []).unwrap();
    let reader = Journal::open(&path).expect("a reader must not wait on a writer");
    assert_eq!(names(&reader), ["Sam"]);
    tx.commit().unwrap();
    assert_eq!(names(&reader), ["Samuel"]);
}

#[cfg(unix)]
#[test]
fn a_fifo_given_as_the_journal_is_refused_instead_of_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("journal.sqlite3");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let err = Journal::open(&fifo).err().expect("a FIFO is not a journal");
    assert!(err.to_string().contains("not a regular file"), "{err}");
}

#[test]
fn a_trailing_slash_is_refused_without_creating_anything() {
    let dir = tempfile::tempdir().unwrap();
    let given = format!("{}/journal.sqlite3/", dir.path().display());
    let err = Journal::open(Path::new(&given)).err().expect("refused");
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("names a folder"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_damaged_journal_is_described_in_one_line_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, path) = journal_with_sam(dir.path());
    let sam = j.list_people(true).unwrap().remove(0);
    for i in 0..300 {
        let mut e = reciprocity::model::ExchangeInput::new(
            &sam.id,
            reciprocity::model::Direction::Given,
            chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            format!("help number {i}"),
        );
        e.note = "a long note ".repeat(20);
        j.add_exchange(&e).unwrap();
    }
    drop(j);
    // SQLite reports damage inside a table over several lines.
    let mut bytes = std::fs::read(&path).unwrap();
    for b in &mut bytes[8192..16384] {
        *b = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = Journal::open(&path).err().expect("refused");
    let msg = err.to_string();
    assert_eq!(err.code(), "journal_damaged", "{msg}");
    assert!(!msg.contains('\n'), "{msg}");
    assert!(
        !msg.contains("***"),
        "the finding, not SQLite's banner: {msg}"
    );
    assert!(msg.contains(&path.display().to_string()), "{msg}");
}

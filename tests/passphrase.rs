//! A journal protected by a passphrase: nothing it writes keeps a word in the clear, a wrong
//! passphrase changes nothing, and protecting, changing and removing survive restarts and
//! other programs. (Kills during protect, change and remove are in `crash.rs`.)

use assert_cmd::Command;
use reciprocity::api::privacy::{self, SetPassphrase};
use reciprocity::journal::Journal;
use reciprocity::model::{PersonInput, Relationship};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const FIRST: &str = "correct horse battery";
const SECOND: &str = "another long passphrase";

struct Folder {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Folder {
    fn new() -> Folder {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.sqlite3");
        Folder { dir, db }
    }

    /// `recip` on this journal, with `passphrase` in the environment (or none) and the
    /// keyring out of use.
    fn recip(&self, passphrase: Option<&str>, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("recip").unwrap();
        c.env_remove("RECIPROCITY_DB")
            .env_remove("RECIPROCITY_PASSPHRASE")
            .env_remove("RECIPROCITY_BACKUP_PASSPHRASE")
            .env("RECIPROCITY_NO_KEYRING", "1")
            .arg("--db")
            .arg(&self.db)
            .args(args);
        if let Some(p) = passphrase {
            c.env("RECIPROCITY_PASSPHRASE", p);
        }
        c
    }

    fn ok(&self, passphrase: Option<&str>, args: &[&str]) -> String {
        let out = self.recip(passphrase, args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }

    fn protect(&self, current: Option<&str>, args: &[&str], new: &str) {
        self.recip(current, &[&["protect"], args].concat())
            .write_stdin(format!("{new}\n"))
            .assert()
            .success();
    }

    /// Every file under the journal's folder, backups included, whose bytes hold `word`.
    fn files_holding(&self, word: &str) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut stack = vec![self.dir.path().to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if std::fs::read(&path)
                    .unwrap()
                    .windows(word.len())
                    .any(|w| w == word.as_bytes())
                {
                    found.push(path);
                }
            }
        }
        found
    }
}

fn sha(path: &Path) -> String {
    format!("{:x}", Sha256::digest(std::fs::read(path).unwrap()))
}

/// A journal with a unique word in a name, a note, a what and a reflection, and a backup.
fn journal_with_words(f: &Folder) -> [&'static str; 4] {
    let words = ["Quillonbray", "thistlewarp", "zephyrclock", "marrowlight"];
    f.ok(
        None,
        &[
            "person", "add", words[0], "-r", "friend", "--notes", words[1],
        ],
    );
    f.ok(
        None,
        &[
            "log",
            "given",
            words[0],
            &format!("mended the {}", words[2]),
        ],
    );
    f.ok(None, &["checkin", "--mood", "1", "--text", words[3]]);
    f.ok(None, &["backup"]);
    words
}

#[test]
fn a_protected_journal_and_its_backups_hold_no_word_in_the_clear() {
    let f = Folder::new();
    let words = journal_with_words(&f);
    // The scan finds the words while the journal is plain, so it can see them.
    for w in words {
        assert!(
            !f.files_holding(w).is_empty(),
            "{w} is in the plain journal"
        );
    }
    f.protect(None, &[], FIRST);
    f.ok(
        Some(FIRST),
        &["log", "received", words[0], "velvetquorum soup"],
    );
    f.ok(Some(FIRST), &["backup"]);
    for w in words.iter().chain(&["velvetquorum"]) {
        assert_eq!(
            f.files_holding(w),
            Vec::<PathBuf>::new(),
            "{w} in the clear"
        );
    }
    let found = f.ok(Some(FIRST), &["search", "zephyrclock"]);
    assert!(found.contains("zephyrclock"), "{found}");
    let found = f.ok(Some(FIRST), &["search", "velvetquorum"]);
    assert!(found.contains("velvetquorum"), "{found}");
    let shown = f.ok(Some(FIRST), &["person", "show", words[0]]);
    assert!(shown.contains(words[1]), "{shown}");
    let checkins = f.ok(Some(FIRST), &["checkins"]);
    assert!(checkins.contains(words[3]), "{checkins}");
}

#[test]
fn a_wrong_or_missing_passphrase_is_one_clear_line_and_changes_nothing() {
    let f = Folder::new();
    journal_with_words(&f);
    f.protect(None, &[], FIRST);
    let before = sha(&f.db);
    let out = f
        .recip(Some("not the passphrase"), &["list"])
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("the passphrase does not open"), "{err}");
    let out = f
        .recip(None, &["log", "given", "Quillonbray", "tea"])
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("RECIPROCITY_PASSPHRASE"), "{err}");
    assert_eq!(sha(&f.db), before);
    assert!(!f.db.with_extension("sqlite3-wal").exists());
}

#[test]
fn change_and_remove_survive_a_restart() {
    let f = Folder::new();
    journal_with_words(&f);
    f.protect(None, &[], FIRST);
    f.protect(Some(FIRST), &["--change"], SECOND);
    f.recip(Some(FIRST), &["list"]).assert().code(1);
    assert!(f.ok(Some(SECOND), &["list"]).contains("zephyrclock"));
    f.ok(Some(SECOND), &["protect", "--remove"]);
    assert!(f.ok(None, &["list"]).contains("zephyrclock"));
    let header = std::fs::read(&f.db).unwrap();
    assert_eq!(&header[..16], b"SQLite format 3\0");
    assert!(!Journal::is_protected_file(&f.db).unwrap());
}

#[test]
fn protecting_waits_for_other_programs_to_close_the_journal() {
    let f = Folder::new();
    journal_with_words(&f);
    let open_elsewhere = Journal::open(&f.db).unwrap();
    let before = sha(&f.db);
    let out = f
        .recip(None, &["protect"])
        .write_stdin(format!("{FIRST}\n"))
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("is open in another program"), "{err}");
    drop(open_elsewhere);
    assert_eq!(sha(&f.db), before);
    assert!(f.ok(None, &["list"]).contains("zephyrclock"));
}

#[test]
fn a_journal_replaced_after_it_was_opened_refuses_to_write() {
    let f = Folder::new();
    journal_with_words(&f);
    let mut opened = Journal::open(&f.db).unwrap();
    // What protecting does: a new file renamed over the journal's path.
    let copy = f.dir.path().join("copy.sqlite3");
    opened.snapshot_to(&copy).unwrap();
    std::fs::rename(&copy, &f.db).unwrap();
    let err = opened
        .add_person(&PersonInput::new("Lost", Relationship::Friend))
        .unwrap_err();
    assert_eq!(err.code().as_str(), "journal_replaced", "{err}");
    let reopened = Journal::open(&f.db).unwrap();
    assert!(reopened
        .list_people(true)
        .unwrap()
        .iter()
        .all(|p| p.name != "Lost"));
}

#[test]
fn a_backup_made_under_an_older_passphrase_restores_with_that_passphrase() {
    let f = Folder::new();
    journal_with_words(&f);
    f.protect(None, &[], FIRST);
    let made = f.ok(Some(FIRST), &["backup"]);
    let backup = made
        .split_whitespace()
        .find(|w| w.ends_with(".sqlite3") || w.ends_with(".sqlite3."))
        .map(|w| w.trim_end_matches('.').to_string())
        .expect("the backup's path");
    f.ok(
        Some(FIRST),
        &["log", "given", "Quillonbray", "after the backup"],
    );
    f.protect(Some(FIRST), &["--change"], SECOND);
    // Without the backup's own passphrase nothing changes.
    let out = f
        .recip(Some(SECOND), &["restore", &backup])
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("RECIPROCITY_BACKUP_PASSPHRASE"), "{err}");
    assert!(f.ok(Some(SECOND), &["list"]).contains("after the backup"));
    f.recip(Some(SECOND), &["restore", &backup])
        .env("RECIPROCITY_BACKUP_PASSPHRASE", FIRST)
        .assert()
        .success();
    // The journal keeps its passphrase; what it holds is the backup's.
    let listed = f.ok(Some(SECOND), &["list"]);
    assert!(listed.contains("zephyrclock") && !listed.contains("after the backup"));
    f.recip(Some(FIRST), &["list"]).assert().code(1);
}

#[test]
fn the_sample_journal_is_never_protected() {
    let f = Folder::new();
    let sample = reciprocity::api::journal::sample_path(&f.db).unwrap();
    Journal::open(&sample).unwrap();
    let req = SetPassphrase {
        current: None,
        new: Some(FIRST.into()),
        remember: false,
    };
    let Err(err) = privacy::set_passphrase(&sample, &req, chrono::Utc::now()) else {
        panic!("the sample journal was protected");
    };
    assert!(
        err.to_string()
            .contains("sample journal is never protected"),
        "{err}"
    );
    assert!(!Journal::is_protected_file(&sample).unwrap());
}

#[test]
fn a_short_new_passphrase_is_refused_before_anything_changes() {
    let f = Folder::new();
    journal_with_words(&f);
    let before = sha(&f.db);
    let out = f
        .recip(None, &["protect"])
        .write_stdin("short\n")
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("at least 8 characters"), "{err}");
    assert_eq!(sha(&f.db), before);
}

#[test]
fn a_protected_journal_syncs_only_with_its_passphrase_and_never_in_the_clear() {
    let f = Folder::new();
    let words = journal_with_words(&f);
    f.protect(None, &[], FIRST);
    let folder = f.dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let folder = folder.to_str().unwrap();
    let said = f.ok(Some(FIRST), &["sync", "--folder", folder]);
    assert!(!said.contains("plain text"), "{said}");
    assert!(
        std::fs::read_dir(folder).unwrap().next().is_some(),
        "files were written"
    );
    for w in words {
        assert_eq!(
            f.files_holding(w),
            Vec::<PathBuf>::new(),
            "{w} in the clear"
        );
    }
    // Without the passphrase, it refuses instead.
    let mut j = Journal::open_with(&f.db, Some(FIRST)).unwrap();
    let err = reciprocity::api::sync::sync_now(&mut j, None).unwrap_err();
    assert!(err.to_string().contains("syncs only with it"), "{err}");
}

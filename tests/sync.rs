//! Sync through a folder: two and three journals sharing one folder.

mod sync_support;

use reciprocity::sync;
use sync_support::{favour, favour_input, files, person, Devices};

#[test]
fn every_write_on_one_device_appears_on_the_other() {
    let mut d = Devices::new(2);
    let sam = person(&mut d.journals[0], "Sam");
    let id = favour(&mut d.journals[0], &sam, "lent a ladder");
    d.sync(0);
    let report = d.sync(1);
    assert_eq!(report.files_read, 1);
    assert_eq!(
        d.journals[1].get_exchange(&id).unwrap().what,
        "lent a ladder"
    );
    assert_eq!(d.export(0), d.export(1));
}

#[test]
fn every_write_on_each_of_three_devices_reaches_the_other_two() {
    let mut d = Devices::new(3);
    for i in 0..3 {
        let p = person(&mut d.journals[i], &format!("Friend {i}"));
        favour(&mut d.journals[i], &p, &format!("help from device {i}"));
    }
    d.sync_all();
    assert_eq!(d.export(0), d.export(1));
    assert_eq!(d.export(1), d.export(2));
    assert_eq!(d.journals[2].list_people(true).unwrap().len(), 3);
}

#[test]
fn concurrent_edits_of_one_exchange_converge_with_one_conflict_recorded() {
    let mut d = Devices::new(2);
    let sam = person(&mut d.journals[0], "Sam");
    let id = favour(&mut d.journals[0], &sam, "lent a ladder");
    d.sync_all();
    d.journals[0]
        .update_exchange(&id, &favour_input(&sam, "lent a long ladder"))
        .unwrap();
    d.journals[1]
        .update_exchange(&id, &favour_input(&sam, "lent a short ladder"))
        .unwrap();
    d.sync_all();
    assert_eq!(d.export(0), d.export(1));
    for j in &d.journals {
        let conflicts = sync::list_conflicts(j).unwrap();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(conflicts[0].key, id);
    }
    // The later edit (device 1) won everywhere; the other one waits in the conflict.
    assert_eq!(
        d.journals[0].get_exchange(&id).unwrap().what,
        "lent a short ladder"
    );
    let c = &sync::list_conflicts(&d.journals[0]).unwrap()[0];
    assert!(
        c.other.iter().any(|f| f.contains("lent a long ladder")),
        "{c:?}"
    );
}

#[test]
fn an_edit_made_after_seeing_the_other_device_is_no_conflict() {
    let mut d = Devices::new(2);
    let sam = person(&mut d.journals[0], "Sam");
    let id = favour(&mut d.journals[0], &sam, "lent a ladder");
    d.sync_all();
    d.journals[1]
        .update_exchange(&id, &favour_input(&sam, "lent two ladders"))
        .unwrap();
    d.sync_all();
    d.journals[0]
        .update_exchange(&id, &favour_input(&sam, "lent three ladders"))
        .unwrap();
    d.sync_all();
    assert_eq!(d.export(0), d.export(1));
    assert_eq!(
        d.journals[1].get_exchange(&id).unwrap().what,
        "lent three ladders"
    );
    assert!(sync::list_conflicts(&d.journals[0]).unwrap().is_empty());
    assert!(sync::list_conflicts(&d.journals[1]).unwrap().is_empty());
}

#[test]
fn choosing_the_other_version_of_a_conflict_reaches_every_device() {
    let mut d = Devices::new(2);
    let sam = person(&mut d.journals[0], "Sam");
    let id = favour(&mut d.journals[0], &sam, "lent a ladder");
    d.sync_all();
    d.journals[0]
        .update_exchange(&id, &favour_input(&sam, "lent a long ladder"))
        .unwrap();
    d.journals[1]
        .update_exchange(&id, &favour_input(&sam, "lent a short ladder"))
        .unwrap();
    d.sync_all();
    let c = sync::list_conflicts(&d.journals[1]).unwrap()[0].id;
    sync::resolve_conflict(&mut d.journals[1], c, sync::ConflictChoice::Other).unwrap();
    d.sync_all();
    assert_eq!(
        d.journals[0].get_exchange(&id).unwrap().what,
        "lent a long ladder"
    );
    assert_eq!(d.export(0), d.export(1));
    assert!(sync::list_conflicts(&d.journals[1]).unwrap().is_empty());
    assert!(sync::list_conflicts(&d.journals[0]).unwrap().is_empty());
}

#[test]
fn a_delete_and_an_edit_follow_the_clock() {
    let mut d = Devices::new(2);
    let sam = person(&mut d.journals[0], "Sam");
    let id = favour(&mut d.journals[0], &sam, "lent a ladder");
    d.sync_all();
    d.journals[1]
        .update_exchange(&id, &favour_input(&sam, "lent a red ladder"))
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    d.journals[0].delete_exchange(&id).unwrap();
    d.sync_all();
    assert_eq!(d.export(0), d.export(1));
    assert!(d.journals[1]
        .get_exchange(&id)
        .unwrap()
        .deleted_at
        .is_some());
    assert_eq!(sync::list_conflicts(&d.journals[1]).unwrap().len(), 1);
}

#[test]
fn a_hard_delete_travels_as_a_tombstone() {
    use reciprocity::insight::{DismissAction, Dismissal, Severity};
    let mut d = Devices::new(2);
    let on = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let dismissal = Dismissal {
        insight_id: "balance:sam".into(),
        action: DismissAction::Dismissed,
        until: None,
        severity: Severity::Notice,
        strength: 0.5,
        on,
    };
    d.journals[0].save_dismissal(&dismissal).unwrap();
    d.sync_all();
    assert_eq!(d.journals[1].list_dismissals().unwrap().len(), 1);
    d.journals[1].delete_dismissal("balance:sam").unwrap();
    d.sync_all();
    assert!(d.journals[0].list_dismissals().unwrap().is_empty());
    assert_eq!(d.export(0), d.export(1));
}

#[test]
fn files_are_written_once_and_never_rewritten() {
    let mut d = Devices::new(2);
    let sam = person(&mut d.journals[0], "Sam");
    d.sync(0);
    let first = files(&d.folder);
    let bytes = std::fs::read(&first[0]).unwrap();
    favour(&mut d.journals[0], &sam, "lent a ladder");
    d.sync(0);
    d.sync(0);
    let now = files(&d.folder);
    assert_eq!(now.len(), 2, "{now:?}");
    assert_eq!(std::fs::read(&first[0]).unwrap(), bytes);
}

#[test]
fn a_folder_holding_the_journal_itself_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = reciprocity::journal::Journal::open(&dir.path().join("journal.sqlite3")).unwrap();
    let e = sync::set_folder(&mut j, dir.path()).unwrap_err();
    assert!(e.to_string().contains("holds the journal itself"), "{e}");
    assert!(j.sync_folder().unwrap().is_none());
}

#[test]
fn with_a_passphrase_no_word_of_the_journal_appears_in_the_folder() {
    let mut d = Devices::new(2);
    let sam = person(&mut d.journals[0], "Samantha");
    favour(&mut d.journals[0], &sam, "lent a ladder");
    let pass = Some("correct horse battery staple");
    let r = sync::sync_now(&mut d.journals[0], pass, chrono::Utc::now()).unwrap();
    assert!(!r.plain);
    for f in files(&d.folder) {
        let bytes = std::fs::read(&f).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for word in ["Samantha", "ladder", "friend", "given", "favour"] {
            assert!(!text.contains(word), "{word} appears in {}", f.display());
        }
    }
    let wrong = sync::sync_now(&mut d.journals[1], Some("wrong"), chrono::Utc::now()).unwrap();
    assert_eq!(wrong.files_read, 0);
    assert!(wrong.problems[0].contains("cannot decrypt"), "{wrong:?}");
    assert!(d.journals[1].list_people(true).unwrap().is_empty());
    let right = sync::sync_now(&mut d.journals[1], pass, chrono::Utc::now()).unwrap();
    assert_eq!(right.files_read, 1, "{right:?}");
    assert_eq!(d.export(0), d.export(1));
}

#[test]
fn without_a_passphrase_the_status_says_the_folder_holds_plain_text() {
    let mut d = Devices::new(1);
    person(&mut d.journals[0], "Sam");
    assert!(d.sync(0).plain);
    let status = sync::sync_status(&d.journals[0], None).unwrap();
    assert!(status.plain_text_warning.unwrap().contains("plain text"));
}

#[test]
fn a_journal_from_before_sync_gives_every_row_an_initial_clock_and_shares_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    {
        let mut j = reciprocity::journal::Journal::open(&path).unwrap();
        let sam = person(&mut j, "Sam");
        favour(&mut j, &sam, "lent a ladder");
    }
    // Take the journal back to before sync, as an older build left it.
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        for t in [
            "person",
            "exchange",
            "checkin",
            "request",
            "insight_dismissal",
            "setting",
        ] {
            c.execute_batch(&format!(
                "DROP TRIGGER {t}_hlc_insert; DROP TRIGGER {t}_hlc_update; DROP TRIGGER {t}_tombstone;
                 DROP INDEX {t}_by_hlc; ALTER TABLE {t} DROP COLUMN hlc;"
            ))
            .unwrap();
        }
        c.execute_batch(
            "DROP TABLE sync_clock; DROP TABLE sync_tombstone; DROP TABLE sync_file;
             DROP TABLE sync_problem; DROP TABLE sync_conflict; DROP TABLE sync_folder;
             PRAGMA user_version = 4;",
        )
        .unwrap();
    }
    let mut j = reciprocity::journal::Journal::open(&path).unwrap();
    let c = rusqlite::Connection::open(&path).unwrap();
    let missing: i64 = c
        .query_row(
            "SELECT count(*) FROM exchange WHERE hlc NOT LIKE '%-0000-0'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(missing, 0);
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    sync::set_folder(&mut j, &folder).unwrap();
    let r = sync::sync_now(&mut j, None, chrono::Utc::now()).unwrap();
    assert_eq!(r.rows_written, 2, "{r:?}");
}

#[test]
fn a_write_by_another_program_is_stamped_and_sent() {
    let mut d = Devices::new(2);
    let sam = person(&mut d.journals[0], "Sam");
    d.sync_all();
    let path = d.journals[0].path().unwrap().to_path_buf();
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute(
        "UPDATE person SET notes = 'met at the allotment' WHERE id = ?1",
        [&sam],
    )
    .unwrap();
    drop(c);
    d.sync_all();
    assert_eq!(
        d.journals[1].get_person(&sam).unwrap().notes,
        "met at the allotment"
    );
}

#[test]
fn a_copy_of_a_synced_journal_takes_a_new_device_id() {
    let mut d = Devices::new(1);
    person(&mut d.journals[0], "Sam");
    d.sync(0);
    let path = d.journals[0].path().unwrap().to_path_buf();
    let first = d.journals[0].sync_device().unwrap();
    let copy = d.dir.path().join("copy.sqlite3");
    std::fs::copy(&path, &copy).unwrap();
    let opened = reciprocity::api::journal::open_journal(&copy, None, chrono::Utc::now()).unwrap();
    let second = opened.journal.sync_device().unwrap();
    assert_ne!(first, second);
    let again = reciprocity::api::journal::open_journal(&path, None, chrono::Utc::now()).unwrap();
    assert_eq!(again.journal.sync_device().unwrap(), first);
}

#[test]
fn a_journal_restored_from_before_its_last_change_file_takes_a_new_device_id() {
    let mut d = Devices::new(1);
    let sam = person(&mut d.journals[0], "Sam");
    d.sync(0);
    let path = d.journals[0].path().unwrap().to_path_buf();
    let old = d.dir.path().join("old.sqlite3");
    d.journals[0].snapshot_to(&old).unwrap();
    favour(&mut d.journals[0], &sam, "lent a ladder");
    d.sync(0);
    let first = d.journals[0].sync_device().unwrap();
    drop(d.journals.pop());
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    std::fs::copy(&old, &path).unwrap();
    let mut restored = reciprocity::api::journal::open_journal(&path, None, chrono::Utc::now())
        .unwrap()
        .journal;
    assert_ne!(restored.sync_device().unwrap(), first);
    // Its next file starts a sequence of its own instead of overwriting the old device's.
    favour(&mut restored, &sam, "lent a saw");
    let r = sync::sync_now(&mut restored, None, chrono::Utc::now()).unwrap();
    assert!(r.written.unwrap().ends_with("00000001.rjc"));
    assert_eq!(files(&d.folder).len(), 3);
}

#[test]
fn another_folder_starts_afresh_with_every_row_this_device_wrote() {
    let mut d = Devices::new(2);
    let sam = person(&mut d.journals[0], "Sam");
    favour(&mut d.journals[0], &sam, "lent a ladder");
    d.sync_all();
    let device = d.journals[0].sync_device().unwrap();
    let elsewhere = d.dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    sync::set_folder(&mut d.journals[0], &elsewhere).unwrap();
    let r = d.sync(0);
    assert_eq!(r.rows_written, 2, "{r:?}");
    assert_eq!(d.journals[0].sync_device().unwrap(), device);
    let mut fresh =
        reciprocity::journal::Journal::open(&d.dir.path().join("fresh.sqlite3")).unwrap();
    sync::set_folder(&mut fresh, &elsewhere).unwrap();
    sync::sync_now(&mut fresh, None, chrono::Utc::now()).unwrap();
    assert_eq!(sync_support::export_of(&fresh), d.export(0));
}

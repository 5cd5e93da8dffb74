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

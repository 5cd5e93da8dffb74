//! Snapshots and pruning: a device that arrives late still gets everything, and no file is
//! deleted before every known device has read it.

mod sync_support;

use reciprocity::sync;
use sync_support::{export_of, favour, files, person, Devices};

/// Device 0 writes three files.
fn three_files(d: &mut Devices) {
    let sam = person(&mut d.journals[0], "Sam");
    d.sync(0);
    favour(&mut d.journals[0], &sam, "lent a ladder");
    d.sync(0);
    favour(&mut d.journals[0], &sam, "lent a saw");
    d.sync(0);
}

fn newcomer(d: &Devices) -> reciprocity::journal::Journal {
    let mut j = reciprocity::journal::Journal::open(&d.dir.path().join("late.sqlite3")).unwrap();
    sync::set_folder(&mut j, &d.folder).unwrap();
    sync::sync_now(&mut j, None, chrono::Utc::now()).unwrap();
    j
}

#[test]
fn a_snapshot_replaces_files_every_device_has_read_and_a_late_device_catches_up() {
    let mut d = Devices::new(2);
    three_files(&mut d);
    d.sync(1);
    person(&mut d.journals[1], "Ana");
    d.sync(1); // device 1's file says it has read device 0's three
    d.sync(0);
    let snapshot = sync::snapshot_now(&mut d.journals[0], None, chrono::Utc::now()).unwrap();
    assert!(snapshot.unwrap().ends_with("00000004.rjc"));
    let device0 = d.journals[0].sync_device().unwrap();
    let left: Vec<_> = files(&d.folder)
        .into_iter()
        .filter(|f| f.parent().unwrap().ends_with(&device0))
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    let late = newcomer(&d);
    d.sync_all();
    assert_eq!(export_of(&late), d.export(0));
    assert_eq!(d.export(0), d.export(1));
}

#[test]
fn a_file_a_known_device_has_not_read_is_kept() {
    let mut d = Devices::new(2);
    person(&mut d.journals[1], "Ana");
    d.sync(1); // device 1 has read nothing of device 0
    three_files(&mut d);
    sync::snapshot_now(&mut d.journals[0], None, chrono::Utc::now()).unwrap();
    assert_eq!(files(&d.folder).len(), 5, "{:?}", files(&d.folder));
    d.sync_all();
    assert_eq!(d.export(0), d.export(1));
}

#[test]
fn a_device_writes_a_snapshot_by_itself_after_many_files() {
    let mut d = Devices::new(1);
    for i in 0..sync::SNAPSHOT_AFTER {
        person(&mut d.journals[0], &format!("Friend {i}"));
        d.sync(0);
    }
    // The last sync wrote its file, then the snapshot standing for all of them.
    let left = files(&d.folder);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].ends_with(format!("{:08}.rjc", sync::SNAPSHOT_AFTER + 1)));
    let late = newcomer(&d);
    assert_eq!(export_of(&late), d.export(0));
}

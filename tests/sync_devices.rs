//! Naming devices and stopping sync, through the core API the window and `recip` share.

mod sync_support;

use reciprocity::api::sync::{self as api, DeviceName};
use reciprocity::api::Empty;
use reciprocity::journal::Journal;
use sync_support::{favour, files, person, Devices};

fn name(j: &mut Journal, name: &str) -> reciprocity::Result<()> {
    api::set_device_name(
        j,
        DeviceName {
            name: name.to_string(),
        },
    )
    .map(drop)
}

#[test]
fn a_device_name_reaches_the_other_device_and_shows_in_its_status() {
    let mut d = Devices::new(2);
    name(&mut d.journals[0], "  Laptop ").unwrap();
    let p = person(&mut d.journals[0], "Sam");
    favour(&mut d.journals[0], &p, "lent a ladder");
    d.sync_all();

    let mine = api::sync_status(&d.journals[0], Empty {}).unwrap();
    assert_eq!(mine.device_name.as_deref(), Some("Laptop"));
    let theirs = api::sync_status(&d.journals[1], Empty {}).unwrap();
    let seen: Vec<_> = theirs.devices.iter().map(|s| s.name.as_deref()).collect();
    assert_eq!(seen, vec![Some("Laptop")], "{theirs:?}");
}

#[test]
fn a_name_that_is_empty_too_long_or_not_one_line_changes_nothing() {
    let mut d = Devices::new(1);
    name(&mut d.journals[0], "Desk").unwrap();
    let before = d.export(0);
    for bad in ["   ", &"x".repeat(61), "two\nlines"] {
        let err = name(&mut d.journals[0], bad).unwrap_err();
        assert_eq!(
            err.code(),
            reciprocity::ErrorCode::Invalid,
            "{bad:?}: {err}"
        );
    }
    let status = api::sync_status(&d.journals[0], Empty {}).unwrap();
    assert_eq!(status.device_name.as_deref(), Some("Desk"));
    assert_eq!(d.export(0), before);
}

#[test]
fn a_device_without_a_sync_folder_cannot_be_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(&dir.path().join("journal.sqlite3")).unwrap();
    let err = name(&mut j, "Laptop").unwrap_err();
    assert!(
        err.to_string().contains("choose a sync folder first"),
        "{err}"
    );
}

#[test]
fn choosing_a_folder_names_an_unnamed_device_after_the_computer() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let mut j = Journal::open(&dir.path().join("journal.sqlite3")).unwrap();
    let status = api::set_sync_folder(&mut j, &folder).unwrap();
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    assert_eq!(status.device_name.as_deref(), Some(host.trim()));
    // A name the person gave is kept when the folder is chosen again.
    name(&mut j, "Kitchen laptop").unwrap();
    let again = api::set_sync_folder(&mut j, &folder).unwrap();
    assert_eq!(again.device_name.as_deref(), Some("Kitchen laptop"));
}

#[test]
fn a_stopped_journal_writes_nothing_and_a_new_folder_gets_every_row() {
    let mut d = Devices::new(1);
    let p = person(&mut d.journals[0], "Sam");
    favour(&mut d.journals[0], &p, "lent a ladder");
    d.sync(0);
    let before = files(&d.folder);

    let status = api::stop_sync(&mut d.journals[0], Empty {}).unwrap();
    assert_eq!(status.folder, None);
    favour(&mut d.journals[0], &p, "fed the cat");
    let err = api::sync_now(&mut d.journals[0], None).unwrap_err();
    assert!(err.to_string().contains("no sync folder"), "{err}");
    assert_eq!(files(&d.folder), before, "the old folder is left as it was");

    let elsewhere = d.dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    api::set_sync_folder(&mut d.journals[0], &elsewhere).unwrap();
    let report = api::sync_now(&mut d.journals[0], None).unwrap();
    // The person, both favours and the setting the device's name is.
    assert_eq!(report.rows_written, 4, "{report:?}");
}

#[test]
fn the_desktop_choices_stay_on_the_computer_they_were_made_on() {
    use reciprocity::api::desktop::{self, DesktopPrefs, SaveDesktopPrefs};
    let mut d = Devices::new(2);
    let prefs = DesktopPrefs {
        tray: true,
        shortcut: None,
        autostart: true,
    };
    desktop::save_desktop_prefs(&mut d.journals[0], SaveDesktopPrefs { prefs }).unwrap();
    let p = person(&mut d.journals[0], "Sam");
    favour(&mut d.journals[0], &p, "lent a ladder");
    d.sync_all();

    for file in files(&d.folder) {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        assert!(
            text.contains("lent a ladder"),
            "the files are plain text here"
        );
        assert!(
            !text.contains("autostart"),
            "{} sends the choices",
            file.display()
        );
    }
    let there = desktop::get_desktop_prefs(&d.journals[1], Empty {}).unwrap();
    assert_eq!(
        there,
        DesktopPrefs::default(),
        "start at login must not travel"
    );
    let filter = reciprocity::model::ExchangeFilter::default();
    assert_eq!(d.journals[1].list_exchanges(&filter).unwrap().len(), 1);
    let here = api::sync_status(&d.journals[0], Empty {}).unwrap();
    assert_eq!(here.unsent, 0, "nothing left waiting to be sent: {here:?}");
    assert!(
        desktop::get_desktop_prefs(&d.journals[0], Empty {})
            .unwrap()
            .autostart
    );
}

#[test]
fn a_conflict_over_who_an_exchange_was_with_names_both_people() {
    let mut d = Devices::new(2);
    let ana = person(&mut d.journals[0], "Ana Ferreira");
    let ben = person(&mut d.journals[0], "Ben Okafor");
    let cleo = person(&mut d.journals[0], "Cleo Marsh");
    let id = favour(&mut d.journals[0], &ana, "lent a ladder");
    d.sync_all();
    d.journals[0]
        .update_exchange(&id, &sync_support::favour_input(&ben, "lent a ladder"))
        .unwrap();
    d.journals[1]
        .update_exchange(&id, &sync_support::favour_input(&cleo, "lent a ladder"))
        .unwrap();
    d.sync_all();
    let c = &api::list_conflicts(&d.journals[0], Empty {}).unwrap()[0];
    let lines = [c.kept.clone(), c.other.clone()].concat();
    assert!(lines.contains(&"person: Cleo Marsh".to_string()), "{c:?}");
    assert!(lines.contains(&"person: Ben Okafor".to_string()), "{c:?}");
    assert!(
        !lines.iter().any(|l| l.contains(&ben) || l.contains(&cleo)),
        "{c:?}"
    );
}

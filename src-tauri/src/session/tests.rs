//! The session: opening, the sample journal, and files chosen in dialogs.

use super::*;
use chrono::NaiveDate;
use reciprocity::model::{PersonInput, Relationship};
use reciprocity::transfer::backups;

#[test]
fn a_new_journal_is_open_and_empty() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().join("j.sqlite3"));
    let status = state.status();
    assert_eq!(status.error, None);
    assert!(status.empty);
    state
        .write(|j| j.add_person(&PersonInput::new("Sam", Relationship::Friend)))
        .unwrap();
    assert!(!state.status().empty);
}

#[test]
fn the_sample_is_a_separate_file_and_the_way_back_leads_home() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("j.sqlite3");
    let state = AppState::open(own.clone());
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let status = state.open_sample(today).unwrap();
    assert!(status.sample);
    assert!(!status.empty);
    assert!(status.path.ends_with("sample-journal.sqlite3"));
    let people = state.read(|j| j.list_people(true)).unwrap().len();
    assert!(people > 5, "{people} people");
    // Opening it again reuses the file rather than adding a second copy.
    state.open_sample(today).unwrap();
    assert_eq!(state.read(|j| j.list_people(true)).unwrap().len(), people);
    let back = state.open_own();
    assert!(!back.sample);
    assert!(back.empty);
    assert_eq!(back.path, own.display().to_string());
}

#[test]
fn opening_takes_the_days_backup_once() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("j.sqlite3");
    let state = AppState::open(own.clone());
    assert_eq!(state.status().notice, None);
    drop(state);
    AppState::open(own.clone());
    let taken = backups::list_backups(&own).unwrap();
    assert_eq!(taken.len(), 1);
    assert_eq!(taken[0].kind, backups::BackupKind::Daily);
}

#[test]
fn a_failed_daily_backup_is_a_notice_and_the_journal_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the backups folder should be.
    std::fs::write(dir.path().join("backups"), b"in the way").unwrap();
    let state = AppState::open(dir.path().join("j.sqlite3"));
    let status = state.status();
    assert_eq!(status.error, None);
    assert!(status.notice.unwrap().contains("backup could not be made"));
    state
        .write(|j| j.add_person(&PersonInput::new("Sam", Relationship::Friend)))
        .unwrap();
}

#[test]
fn a_file_that_is_not_a_journal_is_reported_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let text = b"these are my notes, not a database\n".repeat(200);
    std::fs::write(&path, &text).unwrap();
    let state = AppState::open(path.clone());
    let status = state.status();
    let error = status.error.expect("an error");
    assert_eq!(error.code, ErrorCode::NotAJournal);
    assert_eq!(status.path, path.display().to_string());
    let err = state.read(|j| j.list_people(false)).unwrap_err();
    assert_eq!(err.code, ErrorCode::JournalUnavailable);
    assert_eq!(std::fs::read(&path).unwrap(), text);
}

#[test]
fn a_file_command_acts_only_on_a_file_chosen_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().join("j.sqlite3"));
    let target = dir.path().join("export.json");
    // A path the window made up is not a token.
    let err = state
        .chosen
        .path(&target.display().to_string(), &[FilePurpose::ExportJson])
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotChosen);
    // A file chosen to export to cannot be imported from, nor restored.
    let chosen = state
        .chosen
        .remember(FilePurpose::ExportJson, target.clone());
    assert_eq!(chosen.name, "export.json");
    assert_eq!(
        state
            .chosen
            .path(&chosen.token, &[FilePurpose::ExportJson])
            .unwrap(),
        target
    );
    for other in [
        FilePurpose::Import,
        FilePurpose::Restore,
        FilePurpose::ExportCsv,
    ] {
        let err = state.chosen.path(&chosen.token, &[other]).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotChosen);
    }
}

#[test]
fn only_a_listed_backup_or_a_chosen_file_can_be_restored() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("j.sqlite3");
    let state = AppState::open(own.clone());
    let daily = backups::list_backups(&own).unwrap().remove(0).path;
    assert_eq!(
        state.restorable(&daily.display().to_string()).unwrap(),
        daily
    );
    let elsewhere = dir.path().join("elsewhere.sqlite3");
    std::fs::copy(&daily, &elsewhere).unwrap();
    let err = state
        .restorable(&elsewhere.display().to_string())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotChosen);
    let chosen = state
        .chosen
        .remember(FilePurpose::Restore, elsewhere.clone());
    assert_eq!(state.restorable(&chosen.token).unwrap(), elsewhere);
}

fn unlock_with(passphrase: &str) -> core_privacy::Unlock {
    core_privacy::Unlock {
        passphrase: passphrase.into(),
        remember: false,
    }
}

#[test]
fn a_protected_journal_waits_locked_until_the_right_passphrase_and_locks_again() {
    std::env::set_var(keychain::NO_KEYRING_ENV, "1");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.sqlite3");
    let state = AppState::open(path.clone());
    state
        .write(|j| j.add_person(&PersonInput::new("Sam", Relationship::Friend)))
        .unwrap();
    let protect = core_privacy::SetPassphrase {
        current: None,
        new: Some("the right passphrase".into()),
        remember: false,
    };
    assert!(state.set_passphrase(&protect).unwrap().protected);
    drop(state);

    let state = AppState::open(path);
    let locked = state.status();
    assert_eq!(
        locked.error.map(|e| e.code),
        Some(ErrorCode::PassphraseNeeded)
    );
    assert!(locked.protected);
    let wrong = state
        .unlock(&unlock_with("a wrong passphrase"))
        .unwrap_err();
    assert_eq!(wrong.code, ErrorCode::WrongPassphrase);
    assert!(state.read(|j| j.list_people(true)).is_err(), "still locked");
    let open = state.unlock(&unlock_with("the right passphrase")).unwrap();
    assert_eq!(open.error, None);
    assert_eq!(state.read(|j| j.list_people(true)).unwrap().len(), 1);
    let relocked = state.lock_journal();
    assert_eq!(
        relocked.error.map(|e| e.code),
        Some(ErrorCode::PassphraseNeeded)
    );
    assert!(state.read(|j| j.list_people(true)).is_err(), "locked again");
}

#[test]
fn a_protected_journal_syncs_with_the_passphrase_it_was_unlocked_with_and_never_in_plain_text() {
    std::env::set_var(keychain::NO_KEYRING_ENV, "1");
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let path = dir.path().join("j.sqlite3");
    let state = AppState::open(path.clone());
    let protect = core_privacy::SetPassphrase {
        current: None,
        new: Some("the right passphrase".into()),
        remember: false,
    };
    state.set_passphrase(&protect).unwrap();
    let token = state
        .chosen
        .remember(FilePurpose::SyncFolder, folder.clone())
        .token;
    let chosen = UseSyncFolder { file: token };
    state
        .write(|j| core_sync::set_sync_folder(j, &folder))
        .unwrap();
    state
        .write(|j| j.add_person(&PersonInput::new("Wren Ashdown", Relationship::Friend)))
        .unwrap();
    // Protected in this session: the new passphrase is the one it syncs with.
    let first = state.write_with_passphrase(core_sync::sync_now).unwrap();
    assert!(!first.plain && first.written.is_some(), "{first:?}");
    drop(state);

    // A new session: locked, nothing to sync with; unlocked, it syncs encrypted again.
    let state = AppState::open(path);
    assert!(state.write_with_passphrase(core_sync::sync_now).is_err());
    state.unlock(&unlock_with("the right passphrase")).unwrap();
    state
        .write(|j| j.add_person(&PersonInput::new("Ilse Marrow", Relationship::Friend)))
        .unwrap();
    let second = state.write_with_passphrase(core_sync::sync_now).unwrap();
    assert!(!second.plain && second.written.is_some(), "{second:?}");
    for file in walk(&folder) {
        let bytes = std::fs::read(&file).unwrap();
        for word in ["Wren", "Ashdown", "Ilse", "Marrow"] {
            let found = bytes.windows(word.len()).any(|w| w == word.as_bytes());
            assert!(!found, "{word} in the clear in {}", file.display());
        }
    }
    // Locked again: the passphrase is gone with the journal.
    state.lock_journal();
    assert!(state.write_with_passphrase(core_sync::sync_now).is_err());
    // A folder token is only good for a sync folder.
    assert!(state
        .chosen
        .path(&chosen.file, &[FilePurpose::Import])
        .is_err());
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().is_dir() {
            out.extend(walk(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

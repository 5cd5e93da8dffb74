//! The open journal, shared by all commands. A journal that cannot be opened is kept as its
//! error, so the UI can say why and where, and the file is left as it was.

use crate::error::IpcError;
use chrono::NaiveDate;
use reciprocity::generate::{generate, Options};
use reciprocity::journal::Journal;
use reciprocity::model::ExchangeFilter;
use reciprocity::transfer::backups;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use ts_rs::TS;

/// What the UI needs to know before showing anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JournalStatus {
    /// The journal file in use (empty when no path could be found).
    pub path: String,
    /// Why the journal could not be opened; `None` when it is open.
    pub error: Option<IpcError>,
    /// True when the journal holds no people and no exchanges yet (first run).
    pub empty: bool,
    /// True while the app shows the sample journal instead of the user's own.
    pub sample: bool,
    /// True when this build can make a sample journal to explore.
    pub sample_available: bool,
    /// Something to mention quietly, such as a daily backup that could not be made.
    pub notice: Option<String>,
}

struct Slot {
    path: PathBuf,
    journal: Result<Journal, IpcError>,
    /// The user's own journal, to come back to from the sample.
    own_path: PathBuf,
    notice: Option<String>,
}

pub struct AppState {
    slot: Mutex<Slot>,
}

fn unavailable() -> IpcError {
    IpcError::new("journal_unavailable", "the journal is not open")
}

impl AppState {
    /// Opens the journal at `path`, keeping the reason if it cannot be opened.
    pub fn open(path: PathBuf) -> AppState {
        let journal = Journal::open(&path).map_err(IpcError::from);
        // The day's backup, as the CLI takes it; one that fails must not keep the user from
        // the journal, so it becomes a quiet notice.
        let notice = journal.as_ref().ok().and_then(|j| {
            backups::daily_backup_if_due(j, chrono::Utc::now())
                .err()
                .map(|e| format!("Today's automatic backup could not be made: {e}"))
        });
        AppState {
            slot: Mutex::new(Slot {
                own_path: path.clone(),
                path,
                journal,
                notice,
            }),
        }
    }

    /// Opens the journal named by `RECIPROCITY_DB`, else the one in the platform data directory.
    pub fn from_env() -> AppState {
        match Journal::resolve_path(None) {
            Ok(path) => AppState::open(path),
            Err(e) => AppState {
                slot: Mutex::new(Slot {
                    path: PathBuf::new(),
                    journal: Err(e.into()),
                    own_path: PathBuf::new(),
                    notice: None,
                }),
            },
        }
    }

    fn lock(&self) -> MutexGuard<'_, Slot> {
        // A panic while holding the lock leaves the journal itself consistent (SQLite
        // transactions), so carry on with it.
        self.slot.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn path(&self) -> PathBuf {
        self.lock().path.clone()
    }

    pub fn status(&self) -> JournalStatus {
        let slot = self.lock();
        let (error, empty) = match &slot.journal {
            Ok(j) => (None, is_empty(j).unwrap_or(false)),
            Err(e) => (Some(e.clone()), false),
        };
        JournalStatus {
            path: slot.path.display().to_string(),
            error,
            empty,
            sample: slot.path != slot.own_path,
            sample_available: !slot.own_path.as_os_str().is_empty(),
            notice: slot.notice.clone(),
        }
    }

    /// Runs a read against the open journal.
    pub fn read<T>(
        &self,
        f: impl FnOnce(&Journal) -> reciprocity::Result<T>,
    ) -> Result<T, IpcError> {
        let slot = self.lock();
        let journal = slot.journal.as_ref().map_err(|_| unavailable())?;
        f(journal).map_err(IpcError::from)
    }

    /// Runs a write against the open journal.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&mut Journal) -> reciprocity::Result<T>,
    ) -> Result<T, IpcError> {
        let mut slot = self.lock();
        let journal = slot.journal.as_mut().map_err(|_| unavailable())?;
        f(journal).map_err(IpcError::from)
    }

    /// Switches to the journal at `path`, closing the current one first.
    fn reopen(slot: &mut Slot, path: &Path) {
        slot.journal = Err(unavailable());
        slot.journal = Journal::open(path).map_err(IpcError::from);
        slot.path = path.to_path_buf();
    }

    /// Opens the sample journal, a separate file beside the user's own, making it with the
    /// core's generator the first time. The user's journal is not touched.
    pub fn open_sample(&self, today: NaiveDate) -> Result<JournalStatus, IpcError> {
        {
            let mut slot = self.lock();
            let sample = sample_path(&slot.own_path)?;
            let mut journal = Journal::open(&sample)?;
            if journal.list_people(true)?.is_empty() {
                let made = generate(&Options::demo(SAMPLE_SEED, 1, today));
                journal.insert_all(&made.people, &made.exchanges, &made.checkins)?;
            }
            drop(journal);
            AppState::reopen(&mut slot, &sample);
        }
        Ok(self.status())
    }

    /// Goes back from the sample to the user's own journal.
    pub fn open_own(&self) -> JournalStatus {
        {
            let mut slot = self.lock();
            let own = slot.own_path.clone();
            if slot.path != own {
                AppState::reopen(&mut slot, &own);
            }
        }
        self.status()
    }
}

/// The sample's seed: everyone exploring sees the same people and story.
const SAMPLE_SEED: u64 = 2024;

/// `sample-journal.sqlite3` beside the user's journal.
fn sample_path(own: &Path) -> Result<PathBuf, IpcError> {
    match own.parent() {
        Some(dir) if !own.as_os_str().is_empty() => Ok(dir.join("sample-journal.sqlite3")),
        _ => Err(IpcError::new(
            "no_data_dir",
            "there is no folder to keep a sample journal in",
        )),
    }
}

fn is_empty(j: &Journal) -> reciprocity::Result<bool> {
    let filter = ExchangeFilter {
        limit: Some(1),
        ..ExchangeFilter::default()
    };
    Ok(j.list_people(true)?.is_empty() && j.list_exchanges(&filter)?.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use reciprocity::model::{PersonInput, Relationship};

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
        assert_eq!(error.code, "not_a_journal");
        assert_eq!(status.path, path.display().to_string());
        let err = state.read(|j| j.list_people(false)).unwrap_err();
        assert_eq!(err.code, "journal_unavailable");
        assert_eq!(std::fs::read(&path).unwrap(), text);
    }
}

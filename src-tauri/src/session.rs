//! The window's session: which journal is open (the user's own or the sample), and the
//! `session` commands of the core's list that need it: the journal's status, switching to
//! and from the sample, and the file commands that act only on files the user chose.
//!
//! A journal that cannot be opened is kept as its error, so the window can say why and where,
//! and the file is left as it was. A protected journal is kept as `passphrase_needed` until
//! the window unlocks it (or the keyring remembers its passphrase); locking closes it again.
//! The passphrase that opened it stays in memory while it is open (and is wiped when it
//! closes): syncing a protected journal encrypts its change files with it.

pub use crate::desktop::{desktop_status, save_desktop_prefs, take_desktop_request};
use crate::files::{self, ChosenFiles};
use crate::IpcError;
use reciprocity::api::data as core_data;
use reciprocity::api::journal::{self as core_journal, damage_behind, open_journal, Opened};
use reciprocity::api::prelude::*;
use reciprocity::api::privacy as core_privacy;
use reciprocity::api::sync as core_sync;
use reciprocity::journal::Journal;
use reciprocity::{keychain, ErrorCode};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use tauri::{AppHandle, Manager};
use zeroize::Zeroizing;

/// The passphrase that opened the journal, wiped from memory when dropped.
type Passphrase = Option<Zeroizing<String>>;

struct Slot {
    path: PathBuf,
    journal: Result<Journal, IpcError>,
    passphrase: Passphrase,
    /// The user's own journal, to come back to from the sample.
    own_path: PathBuf,
    notice: Option<String>,
}

pub struct AppState {
    slot: Mutex<Slot>,
    pub chosen: ChosenFiles,
}

fn unavailable() -> IpcError {
    IpcError {
        code: ErrorCode::JournalUnavailable,
        message: "the journal is not open".into(),
        field: None,
    }
}

fn problem(e: reciprocity::Error) -> IpcError {
    IpcError::from(&e)
}

impl AppState {
    /// Opens the journal at `path` (taking the day's backup), keeping the reason if it
    /// cannot be opened.
    pub fn open(path: PathBuf) -> AppState {
        let (journal, passphrase, notice) = split(open_remembered(&path));
        AppState {
            slot: Mutex::new(Slot {
                own_path: path.clone(),
                path,
                journal,
                passphrase,
                notice,
            }),
            chosen: ChosenFiles::default(),
        }
    }

    /// Opens the journal named by `RECIPROCITY_DB`, else the one in the platform data directory.
    pub fn from_env() -> AppState {
        match Journal::resolve_path(None) {
            Ok(path) => AppState::open(path),
            Err(e) => AppState {
                slot: Mutex::new(Slot {
                    path: PathBuf::new(),
                    journal: Err(problem(e)),
                    passphrase: None,
                    own_path: PathBuf::new(),
                    notice: None,
                }),
                chosen: ChosenFiles::default(),
            },
        }
    }

    fn lock(&self) -> MutexGuard<'_, Slot> {
        // A panic while holding the lock leaves the journal itself consistent (SQLite
        // transactions), so carry on with it.
        self.slot.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn status(&self) -> JournalStatus {
        let slot = self.lock();
        let (error, empty, protected) = match &slot.journal {
            Ok(j) => (
                None,
                core_journal::is_empty(j).unwrap_or(false),
                j.is_protected(),
            ),
            Err(e) => (
                Some(e.clone()),
                false,
                e.code == ErrorCode::PassphraseNeeded,
            ),
        };
        JournalStatus {
            path: slot.path.display().to_string(),
            error,
            empty,
            sample: slot.path != slot.own_path,
            sample_available: !slot.own_path.as_os_str().is_empty(),
            notice: slot.notice.clone(),
            protected,
        }
    }

    /// Computes Home for today on a worker thread, so that the window's first call, which
    /// comes once the web view has started, finds it kept (see `Journal::remember`).
    pub fn prepare_home(app: AppHandle) {
        std::thread::spawn(move || {
            let today = Today {
                today: chrono::Local::now().date_naive(),
            };
            // A journal that is locked or cannot open has no Home to prepare.
            let _ = app.state::<AppState>().read(|j| home::home_view(j, today));
        });
    }

    /// Runs a read against the open journal.
    pub fn read<T>(
        &self,
        f: impl FnOnce(&Journal) -> reciprocity::Result<T>,
    ) -> Result<T, IpcError> {
        let slot = self.lock();
        let journal = slot.journal.as_ref().map_err(|_| unavailable())?;
        f(journal).map_err(|e| problem(damage_behind(e, &slot.path)))
    }

    /// Runs a write against the open journal.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&mut Journal) -> reciprocity::Result<T>,
    ) -> Result<T, IpcError> {
        let mut slot = self.lock();
        let path = slot.path.clone();
        let journal = slot.journal.as_mut().map_err(|_| unavailable())?;
        f(journal).map_err(|e| problem(damage_behind(e, &path)))
    }

    /// Runs a write that needs the passphrase the journal was opened with (none for a plain
    /// journal): a sync.
    pub fn write_with_passphrase<T>(
        &self,
        f: impl FnOnce(&mut Journal, Option<&str>) -> reciprocity::Result<T>,
    ) -> Result<T, IpcError> {
        let mut slot = self.lock();
        let path = slot.path.clone();
        let Slot {
            journal,
            passphrase,
            ..
        } = &mut *slot;
        let journal = journal.as_mut().map_err(|_| unavailable())?;
        f(journal, passphrase.as_ref().map(|p| p.as_str()))
            .map_err(|e| problem(damage_behind(e, &path)))
    }

    /// Switches to the journal at `path`, closing the current one first.
    fn reopen(slot: &mut Slot, path: &Path) {
        slot.journal = Err(unavailable());
        (slot.journal, slot.passphrase, slot.notice) = split(open_remembered(path));
        slot.path = path.to_path_buf();
    }

    /// Opens the protected journal with `req`'s passphrase; a wrong one changes nothing.
    pub fn unlock(&self, req: &core_privacy::Unlock) -> Reply<JournalStatus> {
        {
            let mut slot = self.lock();
            if slot.journal.is_err() {
                let opened = core_privacy::unlock(&slot.path, req, chrono::Utc::now());
                let passphrase = Some(Zeroizing::new(req.passphrase.clone()));
                let opened = opened.map_err(problem)?;
                (slot.journal, slot.passphrase, slot.notice) = split(Ok((opened, passphrase)));
            }
        }
        Ok(self.status())
    }

    /// Closes a protected journal, so that the window shows the unlock screen.
    pub fn lock_journal(&self) -> JournalStatus {
        {
            let mut slot = self.lock();
            if slot.journal.as_ref().is_ok_and(Journal::is_protected) {
                let path = slot.path.clone();
                slot.journal = Err(problem(reciprocity::Error::PassphraseNeeded { path }));
                slot.passphrase = None;
            }
        }
        self.status()
    }

    /// Sets, changes or removes the passphrase: the journal is closed meanwhile, and opened
    /// again as it was when that fails.
    pub fn set_passphrase(&self, req: &core_privacy::SetPassphrase) -> Reply<JournalStatus> {
        {
            let mut slot = self.lock();
            if slot.journal.is_err() {
                return Err(unavailable());
            }
            let path = slot.path.clone();
            slot.journal = Err(unavailable());
            match core_privacy::set_passphrase(&path, req, chrono::Utc::now()) {
                Ok(opened) => {
                    let new = req.new.clone().map(Zeroizing::new);
                    (slot.journal, slot.passphrase, slot.notice) = split(Ok((opened, new)));
                }
                Err(e) => {
                    let now = chrono::Utc::now();
                    let current = req.current.clone().map(Zeroizing::new);
                    let reopened = open_journal(&path, req.current.as_deref(), now);
                    (slot.journal, slot.passphrase, slot.notice) =
                        split(reopened.map(|o| (o, current)));
                    return Err(problem(e));
                }
            }
        }
        Ok(self.status())
    }

    /// Opens the sample journal, a separate file beside the user's own.
    pub fn open_sample(&self, today: chrono::NaiveDate) -> Result<JournalStatus, IpcError> {
        {
            let mut slot = self.lock();
            let sample = core_journal::open_sample(&slot.own_path, today).map_err(problem)?;
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

type Reply<T> = Result<T, IpcError>;

/// Opens the journal at `path`, with the passphrase the keyring remembers when it has one
/// (answered beside the journal).
fn open_remembered(path: &Path) -> reciprocity::Result<(Opened, Passphrase)> {
    let now = chrono::Utc::now();
    match open_journal(path, None, now) {
        Err(e @ reciprocity::Error::PassphraseNeeded { .. }) => match keychain::recall(path) {
            Some(p) => {
                let p = Zeroizing::new(p);
                let opened = open_journal(path, Some(&p), now).map_err(|_| e)?;
                Ok((opened, Some(p)))
            }
            None => Err(e),
        },
        other => other.map(|o| (o, None)),
    }
}

fn split(
    opened: reciprocity::Result<(Opened, Passphrase)>,
) -> (Result<Journal, IpcError>, Passphrase, Option<String>) {
    match opened {
        Ok((o, p)) => (Ok(o.journal), p, o.notice),
        Err(e) => (Err(problem(e)), None, None),
    }
}

pub fn unlock(_: &AppHandle, state: &AppState, req: Unlock) -> Reply<JournalStatus> {
    state.unlock(&req)
}

pub fn lock(_: &AppHandle, state: &AppState, _: Empty) -> Reply<JournalStatus> {
    Ok(state.lock_journal())
}

pub fn set_passphrase(_: &AppHandle, state: &AppState, req: SetPassphrase) -> Reply<JournalStatus> {
    state.set_passphrase(&req)
}

pub fn journal_status(_: &AppHandle, state: &AppState, _: Empty) -> Reply<JournalStatus> {
    Ok(state.status())
}

pub fn open_sample(_: &AppHandle, state: &AppState, req: Today) -> Reply<JournalStatus> {
    state.open_sample(req.today)
}

pub fn open_own_journal(_: &AppHandle, state: &AppState, _: Empty) -> Reply<JournalStatus> {
    Ok(state.open_own())
}

pub fn choose_file(
    app: &AppHandle,
    state: &AppState,
    req: ChooseFile,
) -> Reply<Option<ChosenFile>> {
    Ok(files::choose(app, req.purpose).map(|path| state.chosen.remember(req.purpose, path)))
}

pub fn export_json(_: &AppHandle, state: &AppState, req: ExportTo) -> Reply<ExportCounts> {
    let path = state.chosen.path(&req.file, &[FilePurpose::ExportJson])?;
    state.read(|j| core_data::export_json(j, &path, chrono::Utc::now()))
}

pub fn export_csv(_: &AppHandle, state: &AppState, req: ExportTo) -> Reply<ExportCounts> {
    let path = state.chosen.path(&req.file, &[FilePurpose::ExportCsv])?;
    state.read(|j| core_data::export_csv(j, &path))
}

pub fn inspect_import(_: &AppHandle, state: &AppState, req: ImportFrom) -> Reply<ImportPreview> {
    let path = state.chosen.path(&req.file, &[FilePurpose::Import])?;
    core_data::inspect_import(&path, req.format).map_err(problem)
}

pub fn import_file(_: &AppHandle, state: &AppState, req: ImportFile) -> Reply<ImportSummary> {
    let path = state.chosen.path(&req.file, &[FilePurpose::Import])?;
    state.write(|j| {
        let now = chrono::Utc::now();
        core_data::import_file(j, &path, req.format, req.relationship, &req.moods, now)
    })
}

pub fn set_sync_folder(_: &AppHandle, state: &AppState, req: UseSyncFolder) -> Reply<SyncStatus> {
    let folder = state.chosen.path(&req.file, &[FilePurpose::SyncFolder])?;
    state.write(|j| core_sync::set_sync_folder(j, &folder))
}

pub fn sync_now(_: &AppHandle, state: &AppState, _: Empty) -> Reply<SyncReport> {
    state.write_with_passphrase(core_sync::sync_now)
}

pub fn restore_backup(_: &AppHandle, state: &AppState, req: RestoreBackup) -> Reply<Backup> {
    let path = state.restorable(&req.file)?;
    let passphrase = req.passphrase.as_deref();
    state.write(|j| core_data::restore_backup(j, &path, passphrase, chrono::Utc::now()))
}

impl AppState {
    /// A file chosen in the dialog to restore from, or one of the journal's own backups as
    /// `list_backups` names them; any other path is refused.
    pub fn restorable(&self, file: &str) -> Reply<PathBuf> {
        let not_chosen = match self.chosen.path(file, &[FilePurpose::Restore]) {
            Ok(path) => return Ok(path),
            Err(e) => e,
        };
        let listed = self.read(|j| core_data::list_backups(j, Empty {}))?;
        listed
            .into_iter()
            .find(|b| b.path.to_string_lossy() == file)
            .map(|b| b.path)
            .ok_or(not_chosen)
    }
}

#[cfg(test)]
mod tests;

//! The journal: one SQLite file holding everything the user writes.
//!
//! Invariants:
//! - A file we refuse (empty, not SQLite, someone else's database, damaged, or from a newer
//!   version) is never modified: it is checked read-only before any pragma that writes.
//! - A new journal is built beside its final path and renamed into place, so a crash while
//!   creating one never leaves a half-made file that the next open would refuse.
//! - Every acknowledged write is durable (WAL with `synchronous=FULL`); every multi-row write
//!   is one IMMEDIATE transaction.
//! - SQL lives only in this module, one file per table, plus the insight engine's read path
//!   (`insight_facts.rs`), the benchmark's floor (`aggregate.rs`) and whole-record writes of a
//!   generated journal (`whole_records.rs`), and the rows, files and conflicts of sync
//!   (`sync_rows.rs`, `sync_files.rs`, `conflicts.rs`).
//! - Reading never guesses (`stored.rs`): a stored value that cannot be parsed is an error
//!   naming its table, row and column, and other rows stay readable.

mod aggregate;
mod backup;
mod bulk;
mod check;
mod checkins;
mod clock;
mod conflicts;
mod dismissals;
mod exchange_rows;
mod exchanges;
mod insight_facts;
mod key;
mod memo;
mod merge;
mod open;
mod people;
mod protect;
mod request_rows;
mod requests;
mod sample;
mod search;
mod settings;
mod stored;
mod sync_files;
mod sync_rows;
mod whole_records;

pub use aggregate::RawAggregate;
pub use backup::VerifiedCopy;
pub use conflicts::StoredConflict;
pub use key::{check_new_passphrase, Key, MIN_PASSPHRASE_CHARS};
pub use merge::{MergeCount, MergeSummary, Merged, Records};
pub(crate) use open::{leftover_pid, process_alive, sync_dir};
pub use protect::rekey_file;
pub use request_rows::fulfilled_by;
pub use settings::{Setting, DESKTOP_SETTINGS_KEY, LOCAL_SETTINGS};
pub use sync_files::{DeviceSeen, FileProblem, FileRecord};
pub use sync_rows::SyncTx;

use crate::Result;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

/// The application identifier. The desktop app's Tauri identifier is the same, so the app
/// and the CLI find the same journal in the platform data directory.
pub const APP_IDENTIFIER: &str = "app.reciprocity.journal";

/// The file name of the default journal inside the data directory.
pub const JOURNAL_FILE: &str = "journal.sqlite3";

/// The environment variable that points the app and the CLI at another journal file.
pub const DB_ENV: &str = "RECIPROCITY_DB";

/// The environment variable the CLI reads a protected journal's passphrase from.
pub const PASSPHRASE_ENV: &str = "RECIPROCITY_PASSPHRASE";

pub struct Journal {
    conn: Connection,
    path: Option<PathBuf>,
    /// The key of a journal protected by a passphrase.
    key: Option<Key>,
    /// The file opened, to refuse writing to a file another process has since replaced.
    file: Option<open::FileId>,
    /// Answers kept until the journal changes (see `remember`).
    memo: memo::Memo,
}

impl Journal {
    /// Opens the journal at `path`, creating a new one when the file does not exist. A journal
    /// protected by a passphrase is refused with `PassphraseNeeded`.
    pub fn open(path: &Path) -> Result<Journal> {
        Journal::open_with(path, None)
    }

    /// Opens the journal at `path` with its passphrase, when it has one; a plain journal
    /// ignores `passphrase`.
    pub fn open_with(path: &Path, passphrase: Option<&str>) -> Result<Journal> {
        let opened = open::open_file(path, passphrase)?;
        Ok(Journal {
            conn: opened.conn,
            path: Some(path.to_path_buf()),
            key: opened.key,
            file: opened.id,
            memo: memo::Memo::default(),
        })
    }

    /// Whether the file at `path` is protected by a passphrase (read from its first bytes).
    pub fn is_protected_file(path: &Path) -> Result<bool> {
        Ok(matches!(
            check::read_header_kind(path)?,
            check::Header::Protected { .. }
        ))
    }

    /// Whether this journal is protected by a passphrase.
    pub fn is_protected(&self) -> bool {
        self.key.is_some()
    }

    /// A fresh journal that lives only in memory (tests, previews).
    pub fn open_in_memory() -> Result<Journal> {
        Ok(Journal {
            conn: open::open_memory()?,
            path: None,
            key: None,
            file: None,
            memo: memo::Memo::default(),
        })
    }

    /// `~/.local/share/app.reciprocity.journal/journal.sqlite3` on Linux, and the platform's
    /// equivalent elsewhere.
    pub fn default_path() -> Result<PathBuf> {
        let base = directories::BaseDirs::new().ok_or(crate::Error::NoDataDir)?;
        Ok(base.data_dir().join(APP_IDENTIFIER).join(JOURNAL_FILE))
    }

    /// The journal to use: an explicit path, else `RECIPROCITY_DB`, else the default.
    pub fn resolve_path(explicit: Option<PathBuf>) -> Result<PathBuf> {
        if let Some(p) = explicit {
            return Ok(p);
        }
        match std::env::var_os(DB_ENV) {
            Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
            _ => Journal::default_path(),
        }
    }

    /// The file this journal lives in; `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Changes whenever another connection (the CLI, say) commits to the file, so a front end
    /// knows when to reload.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The schema version of this journal.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Starts a write. Holding the write lock, it checks that the path still names the file
    /// this journal opened: a write to a file another process replaced would be lost.
    fn write(&mut self) -> Result<Transaction<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let (Some(path), Some(opened)) = (&self.path, self.file) {
            if open::FileId::of(path) != Some(opened) {
                return Err(crate::Error::JournalReplaced { path: path.clone() });
            }
        }
        Ok(tx)
    }

    /// One statement as its own checked write (see `write`); returns the rows it changed.
    fn write_one(&mut self, sql: &str, params: impl rusqlite::Params) -> Result<usize> {
        let tx = self.write()?;
        let changed = tx.execute(sql, params)?;
        tx.commit()?;
        Ok(changed)
    }
}

/// The wall-clock time stamped on records. Only the store reads the clock; insights take
/// `now` as an argument.
fn now() -> DateTime<Utc> {
    let t = Utc::now();
    // Millisecond precision keeps stored text short and sortable.
    DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap_or(t)
}

//! Copies of the journal: made with `VACUUM INTO` (a consistent, compact snapshot that
//! other connections may keep writing around), and restored with SQLite's online backup,
//! which replaces the pages under every open connection at once.

use super::open::check_existing;
use super::Journal;
use crate::{Error, Result};
use rusqlite::params;
use std::path::Path;

impl Journal {
    /// Writes a snapshot of the journal to `dest`, which must not exist yet.
    pub fn snapshot_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(Error::invalid(
                "path",
                format!("{} already exists; choose a new file name", dest.display()),
            ));
        }
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::Io {
                context: format!("cannot create the folder {}", dir.display()),
                source: e,
            })?;
        }
        self.conn
            .execute("VACUUM INTO ?1", params![dest.to_string_lossy()])?;
        Ok(())
    }

    /// Replaces everything in this journal with the journal in `source`, after checking
    /// that `source` is a sound journal this build can read. Migrates it when it is older.
    pub fn replace_with(&mut self, source: &Path) -> Result<()> {
        self.check_restorable(source)?;
        self.conn.restore(
            rusqlite::MAIN_DB,
            source,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        super::open::migrate(&mut self.conn)?;
        Ok(())
    }

    /// Checks, without writing to it, that `path` is a sound journal this build can read,
    /// running SQLite's full integrity check.
    pub fn check_restorable(&self, path: &Path) -> Result<()> {
        check_existing(path)?;
        let conn = super::open::open_read_only(path)?;
        let verdict: String = conn
            .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
            .map_err(|e| Error::JournalDamaged {
                path: path.to_path_buf(),
                detail: e.to_string(),
            })?;
        if verdict != "ok" {
            return Err(Error::JournalDamaged {
                path: path.to_path_buf(),
                detail: verdict,
            });
        }
        Ok(())
    }
}

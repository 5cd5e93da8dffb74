//! Setting, changing and removing a journal's passphrase: the journal is written again, whole,
//! under the new key (or plain) beside itself, checked, and renamed over the old file.
//!
//! Invariants:
//! - A kill at any point leaves either the old file or the new one at the journal's path,
//!   never a mix: the new file is complete, checked (every table's rows counted against the
//!   old, `integrity_check`) and synced before the rename; a temporary file left behind is
//!   removed by the next open.
//! - Nothing else is using the journal meanwhile: leaving write-ahead logging needs every other
//!   connection closed (else `JournalInUse`, nothing changed), and a second connection holds
//!   the write lock until the rename, so no write can land in the file being replaced. A
//!   process that opened the old file before refuses to write once it is replaced
//!   (`JournalReplaced`).
//! - A backup is taken first, and it is never plain when either side is protected: under the
//!   old key, or, when protecting a plain journal, under the new one.
//! - Protecting a journal also protects its plain backups: a plain copy beside a protected
//!   journal would give its words away.

use super::backup::{export_to, verify_file, write_snapshot};
use super::check::{sibling, sqlite_error};
use super::key::{self, check_new_passphrase, Key};
use super::open::{open_file, remove_with_siblings, sync_dir};
use super::Journal;
use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Writes the journal at `path` again under `new` (or plain when `None`), opening it with
/// `current`. `backup` is where the backup taken first goes. Returns the new key.
pub fn rekey_file(
    path: &Path,
    current: Option<&str>,
    new: Option<&str>,
    backup: &Path,
) -> Result<Option<Key>> {
    if let Some(p) = new {
        check_new_passphrase(p)?;
    }
    let opened = open_file(path, current)?;
    if opened.key.is_none() && new.is_none() {
        return Err(Error::invalid(
            "passphrase",
            "this journal has no passphrase to remove",
        ));
    }
    take_sole_use(&opened.conn, path)?;
    let guard = hold_write_lock(path, opened.key.as_ref())?;
    let new_key = new.map(Key::fresh).transpose()?;
    let staging = sibling(path, &format!(".rekey-{}", std::process::id()));
    remove_with_siblings(&staging);
    let written = write_rekeyed(&opened.conn, &staging, new_key.as_ref())
        .and_then(|()| match &opened.key {
            Some(old) => write_snapshot(&opened.conn, Some(old), backup),
            None => snapshot_of(&staging, new_key.as_ref(), backup),
        })
        .and_then(|()| replace(&staging, path));
    remove_with_siblings(&staging);
    drop(guard);
    written.map(|()| new_key)
}

/// Leaves write-ahead logging, which SQLite allows only to the journal's one connection: the
/// proof that no other program has it open, and no log is left beside the file to replace.
fn take_sole_use(conn: &Connection, path: &Path) -> Result<()> {
    conn.busy_timeout(Duration::from_millis(500))?;
    match conn.query_row("PRAGMA journal_mode = DELETE", [], |r| {
        r.get::<_, String>(0)
    }) {
        Ok(mode) if mode.eq_ignore_ascii_case("delete") => Ok(()),
        Ok(_) => Err(Error::JournalInUse {
            path: path.to_path_buf(),
        }),
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ) =>
        {
            Err(Error::JournalInUse {
                path: path.to_path_buf(),
            })
        }
        Err(e) => Err(sqlite_error(path, &e)),
    }
}

/// A second connection holding the write lock (it is released when dropped).
fn hold_write_lock(path: &Path, key: Option<&Key>) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| sqlite_error(path, &e))?;
    key::apply(&conn, key).map_err(|e| sqlite_error(path, &e))?;
    conn.busy_timeout(Duration::from_millis(500))?;
    conn.execute_batch("BEGIN IMMEDIATE")
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Error::JournalInUse {
                    path: path.to_path_buf(),
                }
            }
            _ => sqlite_error(path, &e),
        })?;
    Ok(conn)
}

/// Writes the journal to `staging` under `new`, then checks it holds every row and syncs it.
fn write_rekeyed(conn: &Connection, staging: &Path, new: Option<&Key>) -> Result<()> {
    export_to(conn, staging, new)?;
    verify_file(staging, new)?;
    same_rows(conn, staging, new)?;
    std::fs::File::open(staging)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::Io {
            context: format!("cannot write {}", staging.display()),
            source: e,
        })
}

/// Refuses a copy whose tables do not hold as many rows as the journal's.
fn same_rows(conn: &Connection, staging: &Path, key: Option<&Key>) -> Result<()> {
    let copy = Connection::open_with_flags(staging, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    key::apply(&copy, key)?;
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in tables {
        let sql = format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\""));
        let here: i64 = conn.query_row(&sql, [], |r| r.get(0))?;
        let there: i64 = copy.query_row(&sql, [], |r| r.get(0))?;
        if here != there {
            return Err(Error::Io {
                context: format!("cannot write {}", staging.display()),
                source: std::io::Error::other(format!(
                    "the new copy holds {there} rows of {table}, not {here}"
                )),
            });
        }
    }
    Ok(())
}

/// A verified snapshot of the file at `from`, opened with `key`.
fn snapshot_of(from: &Path, key: Option<&Key>, dest: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    key::apply(&conn, key)?;
    write_snapshot(&conn, key, dest)
}

/// Renames the checked copy over the journal and makes the rename durable.
fn replace(staging: &Path, path: &Path) -> Result<()> {
    std::fs::rename(staging, path).map_err(|e| Error::Io {
        context: format!("cannot replace {}", path.display()),
        source: e,
    })?;
    sync_dir(path);
    Ok(())
}

impl Journal {
    /// Brings every plain file of `paths` (this journal's backups) under this journal's key;
    /// files already protected are left as they are. Returns how many were protected.
    pub fn protect_plain_copies(&self, paths: &[PathBuf]) -> Result<usize> {
        let Some(key) = &self.key else {
            return Ok(0);
        };
        let mut protected = 0;
        for path in paths {
            if Journal::is_protected_file(path)? {
                continue;
            }
            protect_copy(path, key)?;
            protected += 1;
        }
        Ok(protected)
    }
}

/// Writes the plain file at `path` again under `key`, through a checked temporary copy.
fn protect_copy(path: &Path, key: &Key) -> Result<()> {
    let partial = sibling(path, &format!(".partial-{}", std::process::id()));
    remove_with_siblings(&partial);
    let written = (|| -> Result<()> {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(|e| sqlite_error(path, &e))?;
        key::apply(&conn, None)?;
        write_rekeyed(&conn, &partial, Some(key))?;
        drop(conn);
        replace(&partial, path)
    })();
    remove_with_siblings(&partial);
    written
}

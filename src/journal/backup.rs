//! Copies of the journal: made with `VACUUM INTO` (a consistent, compact snapshot that
//! other connections may keep writing around), and restored with SQLite's online backup,
//! which replaces the pages under every open connection at once.
//!
//! Invariants:
//! - A snapshot is written under a temporary name, synced, opened normally and checked in full
//!   (`integrity_check`) before it gets its final name; one that fails is removed, so a kill or
//!   a full disk never leaves a file that looks like a backup.
//! - A restore reads only a private copy of the chosen file, checked in full; a file cut short
//!   (a hot rollback journal or write-ahead log beside it, or fewer pages than its header
//!   says) is refused, and the journal is untouched.
//! - A snapshot of a protected journal is protected by the same key. A copy to restore is
//!   brought under the journal's own key (or made plain) before it replaces anything, so a
//!   restore never changes whether, or how, the journal is protected.

use super::check::{check_keyed, one_line, run_integrity_check, sibling, Depth};
use super::key::{self, Key};
use super::open::{remove_with_siblings, sync_dir};
use super::Journal;
use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// A checked private copy of a journal file, under the journal's own key, removed when
/// dropped.
pub struct VerifiedCopy {
    path: PathBuf,
    key: Option<Key>,
}

impl Drop for VerifiedCopy {
    fn drop(&mut self) {
        remove_with_siblings(&self.path);
    }
}

impl Journal {
    /// Writes a snapshot of the journal to `dest`, which must not exist yet.
    pub fn snapshot_to(&self, dest: &Path) -> Result<()> {
        write_snapshot(&self.conn, self.key.as_ref(), dest)
    }

    /// Replaces everything in this journal with the journal in `source`, after checking a
    /// private copy of it in full. Migrates it when it is older.
    pub fn replace_with(&mut self, source: &Path, passphrase: Option<&str>) -> Result<()> {
        let copy = self.verified_copy(source, passphrase)?;
        self.replace_with_copy(&copy)
    }

    /// Replaces everything in this journal with a copy checked by `verified_copy`.
    pub fn replace_with_copy(&mut self, copy: &VerifiedCopy) -> Result<()> {
        let from = Connection::open_with_flags(&copy.path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        key::apply(&from, copy.key.as_ref())?;
        let backup = rusqlite::backup::Backup::new(&from, &mut self.conn)?;
        backup.run_to_completion(1024, std::time::Duration::ZERO, None)?;
        drop(backup);
        super::open::migrate(&mut self.conn)?;
        Ok(())
    }

    /// Reads every page of the journal (`quick_check`). Run after a write failed with a storage
    /// error, so that damage is reported as such instead of as a failed write.
    pub fn check_every_page(&self) -> Result<()> {
        let path = self.path().unwrap_or(Path::new(":memory:"));
        run_integrity_check(&self.conn, path, "quick_check")
    }

    /// Checks, without writing to it, that `path` is a sound journal this build can read.
    pub fn check_restorable(&self, path: &Path, passphrase: Option<&str>) -> Result<()> {
        self.verified_copy(path, passphrase).map(drop)
    }

    /// Copies `source` privately and checks the copy in full: ours, not newer, complete, and
    /// SQLite's `integrity_check`. A protected `source` opens with this journal's key when it
    /// was made under it, else with `passphrase`. Errors name `source`, never the copy.
    pub fn verified_copy(&self, source: &Path, passphrase: Option<&str>) -> Result<VerifiedCopy> {
        refuse_cut_short(source)?;
        let mut copy = VerifiedCopy {
            path: copy_path(self.path(), "restore", std::process::id()),
            key: None,
        };
        remove_with_siblings(&copy.path);
        std::fs::copy(source, &copy.path).map_err(|e| Error::Io {
            context: format!("cannot copy {} to check it", source.display()),
            source: e,
        })?;
        copy.key = self
            .key_for_copy(&copy.path, passphrase)
            .map_err(|e| name_original(e, &copy.path, source))?;
        verify_file(&copy.path, copy.key.as_ref())
            .and_then(|()| refuse_incomplete(&copy.path, copy.key.is_some()))
            .map_err(|e| name_original(e, &copy.path, source))?;
        if copy.key != self.key {
            return self.rekeyed_copy(copy);
        }
        Ok(copy)
    }

    /// The key that opens the copy at `path`: none when plain; this journal's when the copy
    /// was made under it (the same salt); else the one `passphrase` derives.
    fn key_for_copy(&self, path: &Path, passphrase: Option<&str>) -> Result<Option<Key>> {
        if !Journal::is_protected_file(path)? {
            return Ok(None);
        }
        let own = self.key.clone().filter(|k| k.fits(path));
        let derived = match (own, passphrase) {
            (Some(k), _) => k,
            (None, Some(p)) => Key::for_file(p, path)?,
            (None, None) => {
                return Err(Error::PassphraseNeeded {
                    path: path.to_path_buf(),
                })
            }
        };
        Ok(Some(derived))
    }

    /// The copy re-written under this journal's key (or plain), and checked again.
    fn rekeyed_copy(&self, copy: VerifiedCopy) -> Result<VerifiedCopy> {
        let out = VerifiedCopy {
            path: copy_path(self.path(), "rekey", std::process::id()),
            key: self.key.clone(),
        };
        remove_with_siblings(&out.path);
        let conn = Connection::open_with_flags(&copy.path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        key::apply(&conn, copy.key.as_ref())?;
        export_to(&conn, &out.path, out.key.as_ref())?;
        drop(conn);
        verify_file(&out.path, out.key.as_ref())?;
        Ok(out)
    }
}

/// Writes every row of `conn`'s journal to a new file at `dest`, under `key` or plain, with
/// the journal's application id and schema version (SQLCipher's export copies neither).
pub(super) fn export_to(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<()> {
    // An empty file is a new database to SQLite; the journal's connection may not create one.
    std::fs::File::create_new(dest).map_err(|e| Error::Io {
        context: format!("cannot write {}", dest.display()),
        source: e,
    })?;
    key::attach(conn, dest, "rekeyed", key)?;
    let exported = (|| -> Result<()> {
        conn.query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))?;
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
        conn.pragma_update(
            Some("rekeyed"),
            "application_id",
            super::open::APPLICATION_ID,
        )?;
        conn.pragma_update(Some("rekeyed"), "user_version", version)?;
        Ok(())
    })();
    conn.execute("DETACH DATABASE rekeyed", [])?;
    exported
}

/// Where a restore's private copies go: beside the journal (same disk), named for this process
/// so that the next open removes them if the process is killed.
fn copy_path(journal: Option<&Path>, tag: &str, pid: u32) -> PathBuf {
    match journal {
        Some(path) => sibling(path, &format!(".{tag}-{pid}")),
        None => std::env::temp_dir().join(format!("reciprocity.{tag}-{pid}")),
    }
}

/// Writes a verified snapshot of `conn`'s database to `dest` (see the module invariants);
/// `key` is the key `conn` was opened with, which the snapshot keeps.
pub(super) fn write_snapshot(conn: &Connection, key: Option<&Key>, dest: &Path) -> Result<()> {
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
    let partial = sibling(dest, &format!(".partial-{}", std::process::id()));
    remove_with_siblings(&partial);
    let written = conn
        .execute("VACUUM INTO ?1", [partial.to_string_lossy()])
        .map_err(|e| write_failure(dest, &e))
        .and_then(|_| sync_file(&partial, dest))
        .and_then(|()| verify_file(&partial, key))
        .map_err(|e| name_original(e, &partial, dest))
        .and_then(|()| link_new(&partial, dest));
    remove_with_siblings(&partial);
    written
}

fn sync_file(path: &Path, named: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::Io {
            context: format!("cannot write {}", named.display()),
            source: e,
        })
}

/// Gives the finished file its name without ever replacing an existing file.
fn link_new(partial: &Path, dest: &Path) -> Result<()> {
    let linked = std::fs::hard_link(partial, dest).or_else(|e| {
        if e.kind() != std::io::ErrorKind::AlreadyExists && !dest.exists() {
            std::fs::rename(partial, dest)
        } else {
            Err(e)
        }
    });
    linked.map_err(|e| Error::Io {
        context: format!("cannot write {}", dest.display()),
        source: e,
    })?;
    sync_dir(dest);
    Ok(())
}

/// Opens a finished file normally (so SQLite's own recovery and locking apply) and checks it
/// in full.
pub(super) fn verify_file(path: &Path, key: Option<&Key>) -> Result<()> {
    if key.is_none() && Journal::is_protected_file(path)? {
        return Err(Error::PassphraseNeeded {
            path: path.to_path_buf(),
        });
    }
    check_keyed(path, Depth::Cheap, key)?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| super::check::sqlite_error(path, &e))?;
    key::apply(&conn, key).map_err(|e| super::check::sqlite_error(path, &e))?;
    run_integrity_check(&conn, path, "integrity_check")?;
    conn.close()
        .map_err(|(_, e)| super::check::sqlite_error(path, &e))
}

/// Refuses a file with a rollback journal or a write-ahead log beside it: it was cut short
/// while being written, or its latest changes are not in it.
fn refuse_cut_short(source: &Path) -> Result<()> {
    if !source.is_file() {
        return Err(Error::invalid(
            "path",
            format!(
                "{} is not a file; choose a journal or backup file",
                source.display()
            ),
        ));
    }
    for (suffix, why) in [
        (
            "-journal",
            "it was cut short while being written (a rollback journal lies beside it)",
        ),
        (
            "-wal",
            "its latest changes are in a write-ahead log beside it, not in the file",
        ),
    ] {
        let beside = sibling(source, suffix);
        if std::fs::metadata(&beside).is_ok_and(|m| m.len() > 0) {
            return Err(Error::JournalDamaged {
                path: source.to_path_buf(),
                detail: format!("{why}: {}", beside.display()),
            });
        }
    }
    Ok(())
}

/// Refuses a file shorter than the pages its header counts. A protected file's header is
/// encrypted: there the full check stands alone.
fn refuse_incomplete(path: &Path, protected: bool) -> Result<()> {
    if protected {
        return Ok(());
    }
    use std::io::Read;
    let io = |e: std::io::Error| Error::Io {
        context: format!("cannot read {}", path.display()),
        source: e,
    };
    let mut bytes = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(io)?;
    file.read_exact(&mut bytes).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let be32 =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let page = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let counted = be32(24) == be32(92);
    let expected = page * u64::from(be32(28));
    if page == 0 || len % page != 0 || (counted && len < expected) {
        return Err(Error::JournalDamaged {
            path: path.to_path_buf(),
            detail: "it is incomplete: the file ends before its last page".into(),
        });
    }
    Ok(())
}

/// A failure writing `dest`, in words: disk full, permission, or SQLite's first line.
fn write_failure(dest: &Path, e: &rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    let why = match e.sqlite_error_code() {
        Some(C::DiskFull) => "the disk is full".to_string(),
        Some(C::CannotOpen | C::ReadOnly | C::PermissionDenied) => {
            "permission denied, or the folder or disk is read-only".to_string()
        }
        _ => one_line(&e.to_string()),
    };
    Error::Io {
        context: format!("cannot write {}", dest.display()),
        source: std::io::Error::other(why),
    }
}

/// Errors about a temporary copy, reworded to name the file the user chose.
fn name_original(e: Error, copy: &Path, original: &Path) -> Error {
    let p = original.to_path_buf();
    match e {
        Error::JournalEmpty { .. } => Error::JournalEmpty { path: p },
        Error::NotSqlite { .. } => Error::NotSqlite { path: p },
        Error::ForeignDatabase { .. } => Error::ForeignDatabase { path: p },
        Error::JournalDamaged { detail, .. } => Error::JournalDamaged { path: p, detail },
        Error::JournalTooNew { found, known, .. } => Error::JournalTooNew {
            path: p,
            found,
            known,
        },
        Error::PassphraseNeeded { .. } => Error::PassphraseNeeded { path: p },
        Error::WrongPassphrase { .. } => Error::WrongPassphrase { path: p },
        Error::Io { context, source } => Error::Io {
            context: context.replace(&copy.display().to_string(), &original.display().to_string()),
            source,
        },
        other => other,
    }
}

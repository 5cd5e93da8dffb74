//! The read-only checks run before the journal writes a single byte to an existing file.
//!
//! Invariants:
//! - A file we refuse is never modified, and no file appears beside it: the first checks read
//!   the raw 100-byte header; SQLite opens the file only once the header says it is ours.
//! - A healthy journal in use by another process is never reported damaged. Without a
//!   write-ahead log the file is read `immutable` (which creates nothing beside it but takes no
//!   lock), so a "damaged" verdict stands only when a second check agrees and the file did not
//!   change while it ran; with a log, the file is read with SQLite's normal locking.
//! - "Damaged" (the bytes are wrong) is told apart from "cannot read" (permission, disk full,
//!   I/O error), and every message names the path on one line.
//! - A file protected by a passphrase has no readable header: it is only taken for a journal
//!   when its size is whole pages, and then its passphrase is needed; a passphrase that does
//!   not decrypt its first page is "wrong passphrase", never "damaged".

use super::key::{self, Key};
use super::open::{latest_version, APPLICATION_ID};
use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How deep the SQLite part of the check goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// Header, application id, schema version and a readable schema: O(1) in journal size.
    Cheap,
    /// Also `quick_check`, which reads every page (once a day, and after a failed write).
    Full,
}

/// How many times a check is repeated while another process is changing the file.
const ATTEMPTS: u32 = 12;

/// Everything we check before writing to an existing file. Returns its schema version and,
/// for a protected file, the key `passphrase` derives for it (a plain file ignores it).
pub(crate) fn check_existing(
    path: &Path,
    depth: Depth,
    passphrase: Option<&str>,
) -> Result<(i64, Option<Key>)> {
    let key = match check_header(path)? {
        Header::Plain => None,
        Header::Protected { salt } => match passphrase {
            Some(p) => Some(Key::derive(p, salt)),
            None => {
                return Err(Error::PassphraseNeeded {
                    path: path.to_path_buf(),
                })
            }
        },
    };
    let version = check_keyed(path, depth, key.as_ref())?;
    Ok((version, key))
}

/// The SQLite part of `check_existing`, for a file whose key is known.
pub(crate) fn check_keyed(path: &Path, depth: Depth, key: Option<&Key>) -> Result<i64> {
    settle_verdict(path, || check_with_sqlite(path, depth, key))
}

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Header {
    Plain,
    /// Whole pages without SQLite's header: a journal protected by a passphrase, or noise.
    Protected {
        salt: [u8; 16],
    },
}

/// Whether the file at `path` is a plain SQLite file or one protected by a passphrase.
pub(crate) fn read_header_kind(path: &Path) -> Result<Header> {
    check_header(path)
}

/// Runs `check` until its verdict can be trusted. Two "damaged" verdicts in a row on a file
/// that stood still are needed: a single one may come from reading pages that another process
/// was checkpointing at that moment. A busy file is tried again.
fn settle_verdict(path: &Path, mut check: impl FnMut() -> Result<i64>) -> Result<i64> {
    let mut damaged_before = false;
    for attempt in 0..ATTEMPTS {
        let before = fingerprint(path);
        match check() {
            Ok(version) => return Ok(version),
            Err(e @ Error::JournalDamaged { .. }) => {
                let steady = before.is_some() && before == fingerprint(path);
                if damaged_before && steady {
                    return Err(e);
                }
                damaged_before = steady;
            }
            Err(e) if is_busy(&e) => damaged_before = false,
            Err(e) => return Err(e),
        }
        std::thread::sleep(Duration::from_millis(10 * u64::from(attempt + 1)));
    }
    Err(unreadable(path, "another program kept it busy; try again"))
}

/// The raw header: not empty, SQLite, ours (application id) and not newer than this build;
/// or whole pages of what may be a protected journal.
fn check_header(path: &Path) -> Result<Header> {
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(io_error(path, e)),
        }
    }
    let path_buf = path.to_path_buf();
    if read == 0 {
        return Err(Error::JournalEmpty { path: path_buf });
    }
    if read < 16 || &header[..16] != b"SQLite format 3\0" {
        let len = file.metadata().map_err(|e| io_error(path, e))?.len();
        if read == header.len() && len >= 1024 && len % 512 == 0 {
            let mut salt = [0u8; 16];
            salt.copy_from_slice(&header[..16]);
            return Ok(Header::Protected { salt });
        }
        return Err(Error::NotSqlite { path: path_buf });
    }
    if read < 100 {
        return Err(damaged(path, "the file ends inside its header"));
    }
    let be = |at: usize| {
        i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    if be(68) != APPLICATION_ID {
        return Err(Error::ForeignDatabase { path: path_buf });
    }
    too_new(path, i64::from(be(60)))?;
    Ok(Header::Plain)
}

fn too_new(path: &Path, version: i64) -> Result<()> {
    if version > latest_version() {
        return Err(Error::JournalTooNew {
            path: path.to_path_buf(),
            found: version,
            known: latest_version(),
        });
    }
    Ok(())
}

fn check_with_sqlite(path: &Path, depth: Depth, key: Option<&Key>) -> Result<i64> {
    let conn = open_read_only(path, key)?;
    let read = |e: rusqlite::Error| sqlite_error(path, &e);
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) if key.is_some() => Error::WrongPassphrase {
                path: path.to_path_buf(),
            },
            _ => read(e),
        })?;
    if app_id != APPLICATION_ID {
        return Err(Error::ForeignDatabase {
            path: path.to_path_buf(),
        });
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(read)?;
    too_new(path, version)?;
    // Reading every table's definition proves the schema pages are sound.
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE sql IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .map_err(read)?;
    if tables == 0 && version > 0 {
        return Err(damaged(path, "its tables are missing"));
    }
    if depth == Depth::Full {
        run_integrity_check(&conn, path, "quick_check")?;
    }
    Ok(version)
}

/// Runs `quick_check` or `integrity_check` and turns anything but "ok" into "damaged".
pub(crate) fn run_integrity_check(conn: &Connection, path: &Path, pragma: &str) -> Result<()> {
    let verdict: String = conn
        .query_row(&format!("PRAGMA {pragma}(1)"), [], |r| r.get(0))
        .map_err(|e| sqlite_error(path, &e))?;
    if verdict != "ok" {
        return Err(damaged(path, &verdict));
    }
    Ok(())
}

/// A read-only connection that cannot write the file. Without a live write-ahead log the
/// file is opened `immutable`, so not even lock or shared-memory files appear beside it.
pub(crate) fn open_read_only(path: &Path, key: Option<&Key>) -> Result<Connection> {
    let live_wal = sibling(path, "-wal").exists();
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mode = if live_wal { "mode=ro" } else { "immutable=1" };
    let uri = format!("file:{}?{mode}", uri_path(path));
    let conn = Connection::open_with_flags(uri, flags).map_err(|e| sqlite_error(path, &e))?;
    key::apply(&conn, key).map_err(|e| sqlite_error(path, &e))?;
    conn.busy_timeout(Duration::from_millis(500))
        .map_err(|e| sqlite_error(path, &e))?;
    Ok(conn)
}

/// `path` with `suffix` appended to its file name (`-wal`, `-journal`).
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// What changes when another process writes the file or starts using it.
fn fingerprint(path: &Path) -> Option<(u64, std::time::SystemTime, bool, bool)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((
        meta.len(),
        meta.modified().ok()?,
        sibling(path, "-wal").exists(),
        sibling(path, "-shm").exists(),
    ))
}

fn is_busy(e: &Error) -> bool {
    matches!(e, Error::Storage(s) if matches!(
        s.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    ))
}

/// Sorts a SQLite failure into damaged, cannot read, or busy (kept as a storage error).
pub(crate) fn sqlite_error(path: &Path, e: &rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::NotADatabase | C::DatabaseCorrupt) => damaged(path, &e.to_string()),
        Some(C::DatabaseBusy | C::DatabaseLocked) => Error::Storage(clone_busy(e)),
        Some(C::DiskFull) => unreadable(path, "the disk is full"),
        Some(C::PermissionDenied | C::ReadOnly | C::AuthorizationForStatementDenied) => {
            unreadable(path, "permission denied")
        }
        Some(C::CannotOpen) => Error::Io {
            context: format!("cannot open {}", path.display()),
            source: std::io::Error::other(
                "neither it nor the files kept beside it can be opened; check the permissions \
                 of the file and its folder, and the free space on the disk",
            ),
        },
        Some(_) | None => unreadable(path, &one_line(&e.to_string())),
    }
}

fn clone_busy(e: &rusqlite::Error) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
        Some(one_line(&e.to_string())),
    )
}

/// "Damaged", with SQLite's report cut to its first line.
pub(crate) fn damaged(path: &Path, detail: &str) -> Error {
    Error::JournalDamaged {
        path: path.to_path_buf(),
        detail: one_line(detail),
    }
}

/// "Cannot read" (not damaged): the reason is the disk, the permissions or the system.
pub(crate) fn unreadable(path: &Path, why: &str) -> Error {
    Error::Io {
        context: format!("cannot read {}", path.display()),
        source: std::io::Error::other(why.to_string()),
    }
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::Io {
        context: format!("cannot read {}", path.display()),
        source: e,
    }
}

/// The first line of a report, at most 200 characters.
pub(crate) fn one_line(text: &str) -> String {
    // SQLite's checks open with a "*** in database main ***" banner; the finding follows it.
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"));
    let first = lines.next().unwrap_or("");
    let mut out: String = first.chars().take(200).collect();
    if first.chars().count() > 200 || lines.next().is_some() {
        out.push('…');
    }
    out
}

/// Percent-encodes the characters that would change the meaning of a `file:` URI.
fn uri_path(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for c in abs.to_string_lossy().chars() {
        match c {
            '?' | '#' | '%' => out.push_str(&format!("%{:02X}", c as u32)),
            '\\' => out.push('/'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_verdict_while_another_process_writes_is_checked_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        std::fs::write(&path, b"pages").unwrap();
        let mut calls = 0;
        let verdict = settle_verdict(&path, || {
            calls += 1;
            if calls == 1 {
                // Another process checkpoints into the file while this check reads it.
                std::fs::write(&path, b"pages, and more pages").unwrap();
                return Err(damaged(&path, "database disk image is malformed"));
            }
            Ok(3)
        });
        assert_eq!(verdict.unwrap(), 3);
    }

    #[test]
    fn a_damaged_verdict_on_a_file_that_stands_still_is_reported_after_a_second_look() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        std::fs::write(&path, b"pages").unwrap();
        let mut calls = 0;
        let verdict = settle_verdict(&path, || {
            calls += 1;
            Err(damaged(&path, "database disk image is malformed\nmore"))
        });
        let err = verdict.unwrap_err();
        assert_eq!(err.code(), "journal_damaged");
        assert!(err.to_string().contains("malformed…"), "{err}");
        assert!(!err.to_string().contains('\n'), "{err}");
        assert_eq!(calls, 2);
    }
}

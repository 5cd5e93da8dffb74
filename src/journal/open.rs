//! Opening a journal file carefully and cheaply: check it read-only first (see `check`), then
//! set the connection's pragmas, and take the write lock only when a migration is due.
//!
//! Invariants:
//! - A file we refuse is never modified, and nothing is left beside it.
//! - Opening costs the same for a new journal and a 20-year one: the full `quick_check` runs
//!   only on the first open of a day (before that day's backup is taken).
//! - Readers never wait on a writer: a journal that needs no migration is opened without
//!   taking the write lock.
//! - A new journal is built under a temporary name and linked into place whole; temporary
//!   files left by a process that was killed are removed by the next open.
//! - The connection is to the file the path names when the open returns: a file replaced
//!   while it was being opened (a passphrase set elsewhere) is opened again.

use super::check::{check_existing, sibling, sqlite_error, unreadable, Depth};
use super::key::{self, Key};
use crate::{Error, Result};
use include_dir::{include_dir, Dir};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};

/// Our SQLite `application_id`: "RcPj".
pub const APPLICATION_ID: i32 = 0x5263_506a;

static MIGRATIONS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/migrations");

/// The migrations in order, as (version, sql). Names are `NNNN_description.sql`.
fn migrations() -> Vec<(i64, &'static str)> {
    let mut all: Vec<(i64, &'static str)> = MIGRATIONS
        .files()
        .filter_map(|f| {
            let name = f.path().file_name()?.to_str()?;
            let version = name.split('_').next()?.parse().ok()?;
            Some((version, f.contents_utf8()?))
        })
        .collect();
    all.sort_by_key(|(v, _)| *v);
    all
}

/// The newest schema version this build knows.
pub fn latest_version() -> i64 {
    migrations().last().map(|(v, _)| *v).unwrap_or(0)
}

pub fn open_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", true)?;
    initialise(&mut conn)?;
    Ok(conn)
}

/// An open journal file: its connection, its key when protected, and which file it is.
pub(crate) struct OpenFile {
    pub conn: Connection,
    pub key: Option<Key>,
    pub id: Option<FileId>,
}

/// Which file a path named (device and inode), to notice when another process replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileId(u64, u64);

impl FileId {
    pub fn of(path: &Path) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(path)
                .ok()
                .map(|m| FileId(m.dev(), m.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            None
        }
    }
}

/// Opens the journal at `path`, creating it when missing. See the module invariants.
pub(crate) fn open_file(path: &Path, passphrase: Option<&str>) -> Result<OpenFile> {
    for _ in 0..3 {
        let before = FileId::of(path);
        let opened = open_once(path, passphrase)?;
        if before.is_some() && before == FileId::of(path) {
            return Ok(OpenFile {
                id: before,
                ..opened
            });
        }
        if before.is_none() && FileId::of(path).is_none() {
            return Ok(opened);
        }
    }
    Err(unreadable(
        path,
        "another program kept replacing it while it was opened; try again",
    ))
}

fn open_once(path: &Path, passphrase: Option<&str>) -> Result<OpenFile> {
    check_path_shape(path)?;
    remove_stale_staging(path);
    let mut key = None;
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => {
            key = check_existing(path, depth_for(path), passphrase)?.1;
            check_writable(path)?;
        }
        Ok(_) => {
            return Err(Error::invalid(
                "path",
                format!(
                    "{} is not a regular file, so it is not a journal",
                    path.display()
                ),
            ))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(path)?,
        Err(e) => return Err(unreadable(path, &e.to_string())),
    }
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| sqlite_error(path, &e))?;
    key::apply(&conn, key.as_ref()).map_err(|e| sqlite_error(path, &e))?;
    set_pragmas(&conn).map_err(|e| storage_error(path, e))?;
    if read_version(&conn).map_err(|e| storage_error(path, e))? < latest_version() {
        // Keep the journal as it was before changing its schema.
        let backup = crate::transfer::backups::backup_path(
            path,
            crate::transfer::backups::BackupKind::BeforeMigration,
            chrono::Utc::now(),
        );
        super::backup::write_snapshot(&conn, key.as_ref(), &backup)?;
        migrate(&mut conn)?;
    }
    Ok(OpenFile {
        conn,
        key,
        id: None,
    })
}

/// Refuses paths that name a folder (a trailing slash) before anything is created.
fn check_path_shape(path: &Path) -> Result<()> {
    let text = path.as_os_str().to_string_lossy();
    if text.is_empty() || text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
        return Err(Error::invalid(
            "path",
            format!(
                "“{text}” ends with a slash, so it names a folder, not a file; give the \
                 journal's file name without it: {}",
                text.trim_end_matches(['/', std::path::MAIN_SEPARATOR])
            ),
        ));
    }
    Ok(())
}

/// The full check runs on the first open of each day; that day's backup marks it done.
fn depth_for(path: &Path) -> Depth {
    if crate::transfer::backups::daily_backup_taken(path, chrono::Utc::now()) {
        Depth::Cheap
    } else {
        Depth::Full
    }
}

/// A read-only file or mount is reported with its path, instead of failing on first write.
fn check_writable(path: &Path) -> Result<()> {
    // Opening for writing without truncating changes neither the bytes nor the times.
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map(drop)
        .map_err(|e| Error::Io {
            context: format!(
                "cannot write {} (the file, its folder or its disk is read-only)",
                path.display()
            ),
            source: e,
        })
}

/// SQLite failures while opening, with the path and without SQLite's multi-line reports.
fn storage_error(path: &Path, e: Error) -> Error {
    match e {
        Error::Storage(s) => sqlite_error(path, &s),
        other => other,
    }
}

fn set_pragmas(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Switching to WAL needs the write lock; a journal already in WAL needs nothing.
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // Reads come straight from the mapped file instead of being copied into the page cache,
    // and a large write (an import) keeps its changed pages in memory instead of spilling
    // them to the log again and again. Both grow only as far as the journal is read.
    conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    // Each write with triggers keeps a statement journal; in a file it costs a write per
    // changed page per row, which made a 50,000-row import take seconds.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// How much of the journal file is read through a memory map (SQLite's `mmap_size`).
const MMAP_BYTES: i64 = 256 * 1024 * 1024;
/// The most memory the page cache may hold, in KiB (SQLite's negative `cache_size`).
const CACHE_KIB: i64 = 64 * 1024;

fn read_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// The temporary name a new journal is built under, owned by this process.
fn staging_path(path: &Path) -> PathBuf {
    sibling(path, &format!(".new-{}", std::process::id()))
}

/// Builds a new journal under a temporary name and links it into place.
fn create(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::Io {
            context: format!("cannot create the folder {}", dir.display()),
            source: e,
        })?;
    }
    let staging = staging_path(path);
    let built = build_new(&staging, path).and_then(|()| link_into_place(&staging, path));
    remove_with_siblings(&staging);
    built
}

fn build_new(staging: &Path, path: &Path) -> Result<()> {
    let built = (|| -> Result<()> {
        let mut conn = Connection::open(staging)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        initialise(&mut conn)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.close().map_err(|(_, e)| e)?;
        Ok(())
    })();
    built.map_err(|e| match e {
        Error::Storage(s) => Error::Io {
            context: format!("cannot create the journal {}", path.display()),
            source: std::io::Error::other(super::check::one_line(&s.to_string())),
        },
        other => other,
    })
}

/// Links the finished file to `path` unless another process created the journal meanwhile
/// (theirs wins: a hard link never replaces a file).
fn link_into_place(staging: &Path, path: &Path) -> Result<()> {
    let linked = std::fs::hard_link(staging, path).or_else(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => Ok(()),
        // File systems without hard links: a rename, after checking the name is still free.
        _ if !path.exists() => std::fs::rename(staging, path),
        _ => Ok(()),
    });
    linked.map_err(|e| Error::Io {
        context: format!("cannot create the journal {}", path.display()),
        source: e,
    })?;
    sync_dir(path);
    check_existing(path, Depth::Cheap, None).map(drop)
}

/// Makes a rename or new name durable; best effort, as some systems cannot sync folders.
pub(crate) fn sync_dir(path: &Path) {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Removes a file and the journal, log and shared-memory files SQLite keeps beside it.
pub(crate) fn remove_with_siblings(path: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(sibling(path, suffix));
    }
}

/// Removes `NAME.new-PID`, `NAME.restore-PID` and `NAME.rekey-PID` files left by a process
/// killed while creating the journal, checking a file to restore, or setting a passphrase.
fn remove_stale_staging(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let name = name.to_string_lossy();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let rest = [".new-", ".restore-", ".rekey-"]
            .iter()
            .find_map(|tag| file.strip_prefix(&format!("{name}{tag}")));
        if rest
            .and_then(leftover_pid)
            .is_some_and(|pid| !process_alive(pid))
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id at the start of `123` or `123-journal`.
pub(crate) fn leftover_pid(rest: &str) -> Option<u32> {
    rest.split('-').next()?.parse().ok()
}

/// Whether a process with this id is running (so its temporary files are still in use).
pub(crate) fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // Signal 0 checks for existence; EPERM means it exists under another user.
        let found = unsafe { libc::kill(pid, 0) } == 0;
        found || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        pid == std::process::id()
    }
}

/// Stamps our application id and applies every migration, in one transaction.
fn initialise(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    migrate(conn)
}

/// Applies the migrations this journal lacks. The write lock is taken only when one is due.
pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    if read_version(conn)? >= latest_version() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (version, sql) in migrations() {
        if version > current {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", version)?;
        }
    }
    tx.commit()?;
    Ok(())
}

//! Opening a journal file carefully: check read-only first, then set pragmas and migrate.

use crate::{Error, Result};
use include_dir::{include_dir, Dir};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::io::Read;
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

pub fn open_file(path: &Path) -> Result<Connection> {
    let found = match std::fs::metadata(path) {
        Ok(_) => check_existing(path)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            create(path)?;
            latest_version()
        }
        Err(e) => {
            return Err(Error::Io {
                context: format!("cannot read {}", path.display()),
                source: e,
            })
        }
    };
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    set_pragmas(&conn)?;
    if found < latest_version() {
        // Keep the journal as it was before changing its schema.
        let backup = crate::transfer::backups::backup_path(
            path,
            crate::transfer::backups::BackupKind::BeforeMigration,
            chrono::Utc::now(),
        );
        if let Some(dir) = backup.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::Io {
                context: format!("cannot create the folder {}", dir.display()),
                source: e,
            })?;
        }
        conn.execute("VACUUM INTO ?1", [backup.to_string_lossy()])?;
    }
    migrate(&mut conn)?;
    Ok(conn)
}

fn set_pragmas(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

/// Builds a new journal beside `path` and renames it into place.
fn create(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::Io {
            context: format!("cannot create the folder {}", dir.display()),
            source: e,
        })?;
    }
    let mut staging = path.as_os_str().to_owned();
    staging.push(format!(".new-{}", std::process::id()));
    let staging = PathBuf::from(staging);
    let built = (|| -> Result<()> {
        let mut conn = Connection::open(&staging)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        initialise(&mut conn)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.close().map_err(|(_, e)| e)?;
        Ok(())
    })();
    if let Err(e) = built {
        let _ = std::fs::remove_file(&staging);
        return Err(e);
    }
    // Another process may have created the journal meanwhile; theirs wins.
    if path.exists() {
        let _ = std::fs::remove_file(&staging);
        return check_existing(path).map(|_| ());
    }
    std::fs::rename(&staging, path).map_err(|e| Error::Io {
        context: format!("cannot create the journal {}", path.display()),
        source: e,
    })
}

/// Stamps our application id and applies every migration, in one transaction.
fn initialise(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    migrate(conn)
}

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
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

/// Everything we check before writing a single byte to an existing file. Returns the
/// file's schema version.
pub(super) fn check_existing(path: &Path) -> Result<i64> {
    let path_buf = path.to_path_buf();
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| Error::Io {
        context: format!("cannot read {}", path.display()),
        source: e,
    })?;
    let read = file.read(&mut header).map_err(|e| Error::Io {
        context: format!("cannot read {}", path.display()),
        source: e,
    })?;
    if read == 0 {
        return Err(Error::JournalEmpty { path: path_buf });
    }
    if read < 16 || &header != b"SQLite format 3\0" {
        return Err(Error::NotSqlite { path: path_buf });
    }
    drop(file);

    let conn = open_read_only(path)?;
    let damaged = |e: rusqlite::Error| Error::JournalDamaged {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(damaged)?;
    if app_id != APPLICATION_ID {
        return Err(Error::ForeignDatabase { path: path_buf });
    }
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(damaged)?;
    if check != "ok" {
        return Err(Error::JournalDamaged {
            path: path_buf,
            detail: check,
        });
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(damaged)?;
    if version > latest_version() {
        return Err(Error::JournalTooNew {
            path: path_buf,
            found: version,
            known: latest_version(),
        });
    }
    Ok(version)
}

/// A read-only connection that cannot write the file. Without a live write-ahead log the
/// file is opened `immutable`, so not even lock or shared-memory files appear beside it.
pub(super) fn open_read_only(path: &Path) -> Result<Connection> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let live_wal = Path::new(&wal).exists();
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let uri = format!(
        "file:{}?{}",
        uri_path(path),
        if live_wal { "mode=ro" } else { "immutable=1" }
    );
    Connection::open_with_flags(uri, flags).map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::NotSqlite {
            path: path.to_path_buf(),
        },
        _ => Error::JournalDamaged {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
    })
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

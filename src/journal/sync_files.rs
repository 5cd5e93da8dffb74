//! What a journal remembers about its sync: its device id and salt (`sync_clock`), the folder
//! (`sync_folder`), the change files written and merged (`sync_file`) and the files that could
//! not be read (`sync_problem`).
//!
//! Invariants:
//! - A file is merged once: `(device, seq)` is recorded with its checksum in the transaction
//!   that merges it.
//! - Giving this copy a new device id restamps the rows written before sync was set up
//!   (device ''), so every change is published under exactly one device.

use super::sync_rows::SyncTx;
use super::Journal;
use crate::sync::{Hlc, SyncTable};
use crate::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// One change file as the journal records it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRecord {
    pub device: String,
    pub seq: i64,
    /// The first sequence this file stands for: its own, or 1 for a snapshot.
    pub first_seq: i64,
    pub sha256: String,
    pub mark: Hlc,
    /// What its device had merged when writing it: device -> highest hlc.
    pub knows: BTreeMap<String, Hlc>,
    pub rows: i64,
}

/// A file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub name: String,
    pub message: String,
    pub found_at: DateTime<Utc>,
}

/// Per other device: how many files merged, the highest sequence and when last merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceSeen {
    pub device: String,
    pub files: i64,
    pub last_seq: i64,
    pub last_merged_at: DateTime<Utc>,
}

impl Journal {
    /// This copy's device id ('' before sync was set up).
    pub fn sync_device(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("SELECT device FROM sync_clock", [], |r| r.get(0))?)
    }

    /// The folder this copy syncs through, if one was chosen.
    pub fn sync_folder(&self) -> Result<Option<PathBuf>> {
        let f: Option<String> = self
            .conn
            .query_row("SELECT folder FROM sync_folder", [], |r| r.get(0))
            .optional()?;
        Ok(f.map(PathBuf::from))
    }

    pub fn set_sync_folder(&mut self, folder: &std::path::Path) -> Result<()> {
        self.conn.execute(
            "INSERT INTO sync_folder (only, folder) VALUES (1, ?1)
             ON CONFLICT (only) DO UPDATE SET folder = ?1",
            params![folder.to_string_lossy()],
        )?;
        Ok(())
    }

    /// Stops syncing: no folder is chosen any more.
    pub fn clear_sync_folder(&mut self) -> Result<()> {
        let tx = self.write()?;
        tx.execute("DELETE FROM sync_folder", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets every change file written or merged (another folder starts afresh); the rows
    /// and their clocks stay.
    pub fn forget_sync_files(&mut self) -> Result<()> {
        let tx = self.write()?;
        tx.execute_batch("DELETE FROM sync_file; DELETE FROM sync_problem;")?;
        tx.commit()?;
        Ok(())
    }

    /// Gives this copy the device id `id` and restamps rows written before sync was set up.
    pub fn set_sync_device(&mut self, id: &str) -> Result<()> {
        let tx = self.write()?;
        tx.execute("UPDATE sync_clock SET device = ?1, salt = ''", params![id])?;
        for t in SyncTable::ALL {
            tx.execute(
                &format!(
                    "UPDATE {} SET hlc = hlc || ?1 WHERE substr(hlc, 20) = ''",
                    t.as_str()
                ),
                params![id],
            )?;
        }
        tx.execute(
            "UPDATE sync_tombstone SET hlc = hlc || ?1 WHERE substr(hlc, 20) = ''",
            params![id],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The highest sequence this copy published under its current id (0 when none).
    pub fn last_published(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT coalesce(max(seq), 0) FROM sync_file WHERE device = (SELECT device FROM sync_clock)",
            [],
            |r| r.get(0),
        )?)
    }

    /// How many rows this copy changed since its last change file.
    pub fn count_unsent_changes(&self) -> Result<i64> {
        let mark: String = self.conn.query_row(
            "SELECT coalesce((SELECT mark FROM sync_file WHERE device = c.device
                              ORDER BY seq DESC LIMIT 1), '') FROM sync_clock c",
            [],
            |r| r.get(0),
        )?;
        let mut n = 0;
        // This computer's own settings are never sent (see `LOCAL_SETTINGS`).
        let local: Vec<String> = super::LOCAL_SETTINGS
            .iter()
            .map(|k| format!("'{k}'"))
            .collect();
        for t in SyncTable::ALL
            .iter()
            .map(|t| t.as_str())
            .chain(["sync_tombstone"])
        {
            let only_synced = match t {
                "setting" => format!("AND key NOT IN ({})", local.join(", ")),
                _ => String::new(),
            };
            n += self.conn.query_row(
                &format!(
                    "SELECT count(*) FROM {t} WHERE hlc > ?1 AND substr(hlc, 20) IN
                         ((SELECT device FROM sync_clock), CASE WHEN ?1 = '' THEN '0' END)
                         {only_synced}"
                ),
                params![mark],
                |r| r.get::<_, i64>(0),
            )?;
        }
        Ok(n)
    }

    /// The other devices whose files this journal merged.
    pub fn sync_devices_seen(&self) -> Result<Vec<DeviceSeen>> {
        let mut stmt = self.conn.prepare(
            "SELECT device, count(*), max(seq), max(merged_at) FROM sync_file
             WHERE device <> (SELECT device FROM sync_clock) GROUP BY device ORDER BY device",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(DeviceSeen {
                device: r.get(0)?,
                files: r.get(1)?,
                last_seq: r.get(2)?,
                last_merged_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sync_problems(&self) -> Result<Vec<FileProblem>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, message, found_at FROM sync_problem ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(FileProblem {
                name: r.get(0)?,
                message: r.get(1)?,
                found_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether `(device, seq)` has been merged (or written) here.
    pub fn sync_file_known(&self, device: &str, seq: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM sync_file WHERE device = ?1 AND seq = ?2")?
            .exists(params![device, seq])?)
    }
}

fn parse_knows(text: &str) -> BTreeMap<String, Hlc> {
    serde_json::from_str(text).unwrap_or_default()
}

impl SyncTx<'_> {
    pub fn device(&self) -> Result<String> {
        Ok(self
            .tx
            .query_row("SELECT device FROM sync_clock", [], |r| r.get(0))?)
    }

    /// This device's salt for deriving its key, hex ('' until the first encrypted file).
    pub fn salt(&self) -> Result<String> {
        Ok(self
            .tx
            .query_row("SELECT salt FROM sync_clock", [], |r| r.get(0))?)
    }

    pub fn set_salt(&self, salt: &str) -> Result<()> {
        self.tx
            .execute("UPDATE sync_clock SET salt = ?1", params![salt])?;
        Ok(())
    }

    /// The checksum recorded for `(device, seq)`, when that file was merged or written here.
    pub fn file_checksum(&self, device: &str, seq: i64) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached("SELECT sha256 FROM sync_file WHERE device = ?1 AND seq = ?2")?
            .query_row(params![device, seq], |r| r.get(0))
            .optional()?)
    }

    /// The highest sequence and mark this journal recorded for `device`.
    pub fn last_file(&self, device: &str) -> Result<Option<(i64, Hlc)>> {
        let row: Option<(i64, String)> = self
            .tx
            .prepare_cached(
                "SELECT seq, mark FROM sync_file WHERE device = ?1 ORDER BY seq DESC LIMIT 1",
            )?
            .query_row(params![device], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        row.map(|(s, m)| Ok((s, Hlc::parse(&m)?))).transpose()
    }

    pub fn record_file(&self, f: &FileRecord, at: DateTime<Utc>) -> Result<()> {
        let knows = serde_json::to_string(&f.knows).unwrap_or_else(|_| "{}".into());
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO sync_file
                     (device, seq, first_seq, sha256, mark, knows, rows, merged_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                f.device,
                f.seq,
                f.first_seq,
                f.sha256,
                f.mark.as_str(),
                knows,
                f.rows,
                at
            ])?;
        Ok(())
    }

    /// What `device` had merged when it wrote the version `hlc`: the `knows` of its first file
    /// that holds it. `None` when no such file was recorded (a change not yet published).
    pub fn knows_at(&self, device: &str, hlc: &Hlc) -> Result<Option<BTreeMap<String, Hlc>>> {
        let text: Option<String> = self
            .tx
            .prepare_cached(
                "SELECT knows FROM sync_file WHERE device = ?1 AND mark >= ?2
                 ORDER BY mark LIMIT 1",
            )?
            .query_row(params![device, hlc.as_str()], |r| r.get(0))
            .optional()?;
        Ok(text.as_deref().map(parse_knows))
    }

    /// What this journal has merged: for each other device, the mark of its highest file
    /// such that every earlier file of that device was merged too.
    pub fn knowledge(&self, me: &str) -> Result<BTreeMap<String, Hlc>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT device, first_seq, seq, mark FROM sync_file WHERE device <> ?1
             ORDER BY device, seq",
        )?;
        let rows = stmt.query_map(params![me], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = BTreeMap::new();
        let mut expect: (String, i64) = (String::new(), 1);
        for row in rows {
            let (device, first, seq, mark) = row?;
            if device != expect.0 {
                expect = (device.clone(), 1);
            }
            // A snapshot stands for every file from its first sequence on.
            if first <= expect.1 && seq >= expect.1 {
                out.insert(device, Hlc::parse(&mark)?);
                expect.1 = seq + 1;
            }
        }
        Ok(out)
    }

    /// What each other device said it had merged in the latest of its files read here.
    pub fn latest_knows(&self, me: &str) -> Result<Vec<BTreeMap<String, Hlc>>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT knows FROM sync_file f WHERE device <> ?1
                 AND seq = (SELECT max(seq) FROM sync_file g WHERE g.device = f.device)",
        )?;
        let rows = stmt.query_map(params![me], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(parse_knows(&r?));
        }
        Ok(out)
    }

    /// This device's own files: (sequence, first sequence, mark), oldest first.
    pub fn own_files(&self, me: &str) -> Result<Vec<(i64, i64, Hlc)>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT seq, first_seq, mark FROM sync_file WHERE device = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map(params![me], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for r in rows {
            let (seq, first, mark) = r?;
            out.push((seq, first, Hlc::parse(&mark)?));
        }
        Ok(out)
    }

    /// Records a file that could not be read; true the first time it is seen in this state.
    pub fn record_problem(
        &self,
        name: &str,
        sha256: &str,
        message: &str,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let known: Option<String> = self
            .tx
            .prepare_cached("SELECT sha256 FROM sync_problem WHERE name = ?1")?
            .query_row(params![name], |r| r.get(0))
            .optional()?;
        if known.as_deref() == Some(sha256) {
            return Ok(false);
        }
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO sync_problem (name, sha256, message, found_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![name, sha256, message, at])?;
        Ok(true)
    }

    pub fn clear_problem(&self, name: &str) -> Result<()> {
        self.tx
            .prepare_cached("DELETE FROM sync_problem WHERE name = ?1")?
            .execute(params![name])?;
        Ok(())
    }
}

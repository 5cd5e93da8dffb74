//! Reading the other devices' files and merging them into the journal.
//!
//! Each file is merged inside a savepoint; a file whose rows name rows that are not here yet
//! (a file of another device it builds on has not arrived) is undone and tried again after the
//! others, then left for a later sync. Nothing here trusts a file's time.

use super::crypt::Keys;
use super::folder::{self, Found};
use super::format::{self, Body, Header, Unreadable};
use super::merge::{decide, Knows, Outcome};
use super::report::SyncReport;
use super::state::RowState;
use super::Round;
use crate::journal::{FileRecord, SyncTx};
use crate::Result;
use chrono::{DateTime, Utc};

/// A file read and checked, ready to merge.
struct Ready {
    found: Found,
    header: Header,
    body: Body,
}

/// Merges every unmerged file of other devices in `folder`.
pub(super) fn merge_folder(
    tx: &SyncTx<'_>,
    round: &mut Round,
    report: &mut SyncReport,
) -> Result<()> {
    let (folder, me, now) = (&round.folder, round.device.as_str(), round.now);
    let keys = &mut round.keys;
    let mut ready = Vec::new();
    for found in folder::list_others(folder, me)? {
        if tx.file_checksum(&found.device, found.seq)?.is_some() {
            continue;
        }
        if let Some(r) = read_one(tx, found, keys, now, report)? {
            ready.push(r);
        }
    }
    let knowledge = tx.knowledge(me)?;
    loop {
        let before = ready.len();
        let mut waiting = Vec::new();
        for r in ready {
            if merge_one(tx, &r, me, &knowledge, now, report)? {
                report.files_read +=
                    u32::from(tx.file_checksum(&r.header.device, r.header.seq)?.is_some());
            } else {
                waiting.push(r);
            }
        }
        ready = waiting;
        if ready.is_empty() || ready.len() == before {
            break;
        }
    }
    report.waiting = ready.len() as u32;
    Ok(())
}

/// Reads and checks one file; a file that cannot be read is recorded (and reported once).
fn read_one(
    tx: &SyncTx<'_>,
    found: Found,
    keys: &mut Keys,
    now: DateTime<Utc>,
    report: &mut SyncReport,
) -> Result<Option<Ready>> {
    let name = found.name();
    let bytes = match std::fs::read(&found.path) {
        Ok(b) => b,
        // Gone or unreadable for now (the engine is moving it): the next sync tries again.
        Err(_) => return Ok(None),
    };
    let read = format::read_header(&bytes, &found.device, found.seq)
        .and_then(|(header, body)| Ok((format::read_body(&header, body, keys)?, header)));
    match read {
        Ok((body, header)) => Ok(Some(Ready {
            found,
            header,
            body,
        })),
        Err(why) => {
            let message = why.message();
            let sha = format::sha256_hex(&bytes);
            if tx.record_problem(&name, &sha, &message, now)? {
                report.problems.push(format!("{name}: {message}"));
            }
            // A newer format is left alone; the others are tried again at the next sync.
            let _: &Unreadable = &why;
            Ok(None)
        }
    }
}

/// Merges one file in a savepoint; false (and nothing changed) when it must wait.
fn merge_one(
    tx: &SyncTx<'_>,
    r: &Ready,
    me: &str,
    knowledge: &Knows,
    now: DateTime<Utc>,
    report: &mut SyncReport,
) -> Result<bool> {
    tx.savepoint()?;
    let mut taken = Vec::new();
    let mut conflicts = 0;
    // A file from a build that still sent this computer's own settings: they stay out.
    for incoming in r.body.rows.iter().filter(|s| !s.is_local()) {
        match merge_row(tx, incoming, &r.body.knows, me, knowledge, now) {
            Ok((take, conflict)) => {
                taken.extend(take.then_some(incoming));
                conflicts += u32::from(conflict);
            }
            Err(e) => return refuse(tx, r, e, now, report),
        };
    }
    if let Err(e) = tx.apply_rows(&taken) {
        return refuse(tx, r, e, now, report);
    }
    if tx.dangling_references()? {
        tx.end_savepoint(false)?;
        return Ok(false);
    }
    let mark = r.body.rows.iter().map(|s| s.hlc.clone()).max();
    if let Some(mark) = mark {
        // The clock moves past everything this file holds.
        tx.observe(&mark)?;
        tx.record_file(
            &FileRecord {
                device: r.header.device.clone(),
                seq: r.header.seq,
                first_seq: r.header.first_seq(),
                sha256: r.header.sha256.clone(),
                mark,
                knows: r.body.knows.clone(),
                rows: r.header.rows,
            },
            now,
        )?;
    }
    tx.clear_problem(&r.found.name())?;
    tx.end_savepoint(true)?;
    report.rows_taken += taken.len() as u32;
    report.conflicts_found += conflicts;
    Ok(true)
}

/// Undoes a file whose rows break the journal's own rules (a hostile or broken file): it is
/// reported once, like an unreadable one, and counts as handled.
fn refuse(
    tx: &SyncTx<'_>,
    r: &Ready,
    e: crate::Error,
    now: DateTime<Utc>,
    report: &mut SyncReport,
) -> Result<bool> {
    let broken_rule = match &e {
        crate::Error::Storage(s) => {
            s.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
        }
        crate::Error::Invalid { .. } => true,
        _ => false,
    };
    if !broken_rule {
        return Err(e);
    }
    tx.end_savepoint(false)?;
    let name = r.found.name();
    let message = format!(
        "skipped: a row breaks the journal's rules ({})",
        one_line(&e.to_string())
    );
    if tx.record_problem(&name, &r.header.sha256, &message, now)? {
        report.problems.push(format!("{name}: {message}"));
    }
    Ok(true)
}

fn one_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_string()
}

/// Decides one row and records its conflict; returns (to take, conflict recorded). A deletion
/// is applied here; a row to take is written with the file's others by the caller.
fn merge_row(
    tx: &SyncTx<'_>,
    incoming: &RowState,
    knows: &Knows,
    me: &str,
    knowledge: &Knows,
    now: DateTime<Utc>,
) -> Result<(bool, bool)> {
    let local = tx.row_state(incoming.table, &incoming.key)?;
    let knows_of = |s: &RowState| -> Knows {
        if std::ptr::eq(s, incoming) {
            return knows.clone();
        }
        match tx.knows_at(s.hlc.device(), &s.hlc) {
            Ok(Some(k)) => k,
            _ if s.hlc.device() == me => knowledge.clone(),
            _ => Knows::new(),
        }
    };
    let outcome = decide(local.as_ref(), incoming, knows_of);
    match (outcome, &local) {
        (Outcome::Take { conflict }, _) => {
            if incoming.row.is_none() {
                tx.apply(incoming)?;
            } else if local.as_ref().is_some_and(|l| l.row.is_none()) {
                tx.clear_tombstone(incoming.table, &incoming.key)?;
            }
            if let (true, Some(l)) = (conflict, &local) {
                tx.record_conflict(&incoming.hlc, l, now)?;
            } else if let Some(l) = &local {
                tx.settle_conflicts(incoming.table, &incoming.key, &l.hlc)?;
            }
            Ok((true, conflict))
        }
        (Outcome::Keep { conflict: true }, Some(l)) => {
            tx.record_conflict(&l.hlc, incoming, now)?;
            Ok((false, true))
        }
        _ => Ok((false, false)),
    }
}

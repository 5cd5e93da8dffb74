//! Where sync stands, and the conflicts: listing them and choosing a version.

use super::report::{Conflict, ConflictChoice, DeviceStatus, SyncStatus};
use super::state::{Columns, SyncTable};
use super::{folder, names};
use crate::journal::{Journal, StoredConflict};
use crate::{Error, Result};

/// The folder, the devices seen, what waits to be sent or read, conflicts and problems.
pub fn sync_status(journal: &Journal, passphrase: Option<&str>) -> Result<SyncStatus> {
    let folder = journal.sync_folder()?;
    let device = journal.sync_device()?;
    let unread = match &folder {
        Some(f) if f.is_dir() => folder::list_others(f, &device)?
            .iter()
            .map(|found| journal.sync_file_known(&found.device, found.seq))
            .collect::<Result<Vec<bool>>>()?
            .iter()
            .filter(|known| !**known)
            .count(),
        _ => 0,
    };
    let devices = journal
        .sync_devices_seen()?
        .into_iter()
        .map(|d| {
            Ok(DeviceStatus {
                name: names::name_of(journal, &d.device)?,
                device: d.device,
                files: d.files as u32,
                last_seen: d.last_merged_at,
            })
        })
        .collect::<Result<_>>()?;
    // A protected journal syncs only with its passphrase (see `sync_now`).
    let plain =
        folder.is_some() && !journal.is_protected() && passphrase.map_or(true, str::is_empty);
    Ok(SyncStatus {
        folder: folder.map(|f| f.to_string_lossy().into_owned()),
        device_name: names::name_of(journal, &device)?,
        device,
        devices,
        unsent: journal.count_unsent_changes()? as u32,
        unread: unread as u32,
        conflicts: journal.count_conflicts()? as u32,
        problems: journal
            .sync_problems()?
            .into_iter()
            .map(|p| format!("{}: {}", p.name, p.message))
            .collect(),
        plain_text_warning: plain.then(|| {
            "this journal has no passphrase, so the sync folder holds its entries as plain \
             text: anyone who can read the folder can read them"
                .to_string()
        }),
    })
}

/// Every open conflict, with the fields that differ.
pub fn list_conflicts(journal: &Journal) -> Result<Vec<Conflict>> {
    journal
        .list_conflicts()?
        .into_iter()
        .map(|c| describe(journal, c))
        .collect()
}

fn describe(journal: &Journal, c: StoredConflict) -> Result<Conflict> {
    let kept_row = journal.sync_row(c.table, &c.key)?;
    let lost = c.lost.row.as_ref();
    let mut kept = Vec::new();
    let mut other = Vec::new();
    let fields: Vec<&String> = match (&kept_row, lost) {
        (Some(k), Some(l)) => k
            .keys()
            .filter(|f| {
                k.get(*f) != l.get(*f) && !matches!(f.as_str(), "created_at" | "updated_at")
            })
            .collect(),
        _ => Vec::new(),
    };
    for f in fields {
        let kept_value = kept_row.as_ref().and_then(|k| k.get(f));
        kept.push(field_line(journal, f, kept_value));
        other.push(field_line(journal, f, lost.and_then(|l| l.get(f))));
    }
    if kept_row.is_none() {
        kept.push("deleted".into());
    }
    if lost.is_none() {
        other.push("deleted".into());
    }
    let row = kept_row.as_ref().or(lost);
    Ok(Conflict {
        id: u32::try_from(c.id).unwrap_or(u32::MAX),
        table: c.table.as_str().into(),
        title: title(c.table, row),
        subject: subject(c.table, row),
        key: c.key,
        kept,
        other,
        found_at: c.found_at,
    })
}

/// One differing field as a line: `what: lent a ladder`; a person is named, not given by id.
fn field_line(journal: &Journal, field: &str, value: Option<&serde_json::Value>) -> String {
    if field == "person_id" {
        if let Some(p) = value
            .and_then(|v| v.as_str())
            .and_then(|id| journal.get_person(id).ok())
        {
            return format!("person: {}", p.name);
        }
    }
    format!("{field}: {}", shown(value))
}

fn shown(v: Option<&serde_json::Value>) -> String {
    match v {
        None | Some(serde_json::Value::Null) => "(none)".into(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn title(table: SyncTable, row: Option<&Columns>) -> String {
    format!(
        "{}: {}",
        table.as_str().replace('_', " "),
        subject(table, row)
    )
}

/// The words that name the row: a person's name, what an exchange or ask was, a day.
fn subject(table: SyncTable, row: Option<&Columns>) -> String {
    let field = match table {
        SyncTable::Person => "name",
        SyncTable::Exchange | SyncTable::Request => "what",
        SyncTable::CheckIn => "on_date",
        SyncTable::Dismissal => "insight_id",
        SyncTable::Setting => "key",
    };
    shown(row.and_then(|r| r.get(field)))
}

/// Settles conflict `id`: keeping the current version, or writing the other one as a new
/// change (which then reaches the other devices like any edit).
pub fn resolve_conflict(journal: &mut Journal, id: u32, keep: ConflictChoice) -> Result<()> {
    let tx = journal.begin_sync()?;
    let c = tx.get_conflict(i64::from(id))?;
    let gone = |e: Error| match e {
        Error::Storage(_) => Error::invalid(
            "keep",
            "the other version names someone or something that is no longer in the journal",
        ),
        e => e,
    };
    if keep == ConflictChoice::Other {
        tx.rewrite_locally(c.table, &c.key, c.lost.row.as_ref())
            .map_err(gone)?;
    }
    tx.delete_conflict(i64::from(id))?;
    tx.commit().map_err(gone)
}

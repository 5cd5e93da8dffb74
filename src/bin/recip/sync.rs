//! `recip sync` (with `--folder` once, then alone), `recip sync status` and `recip conflicts`.

use crate::output::print_json;
use clap::{Args, Subcommand};
use reciprocity::api::sync::{self as api, DeviceName, ResolveConflict};
use reciprocity::api::Empty;
use reciprocity::journal::Journal;
use reciprocity::sync::{ConflictChoice, SyncReport, SyncStatus};
use reciprocity::Result;
use std::path::PathBuf;

#[derive(Args)]
pub struct SyncArgs {
    /// The folder to sync through (once; later `recip sync` uses it). A folder of its own,
    /// which Syncthing, Nextcloud, Dropbox or a USB stick moves between your devices.
    #[arg(long, value_name = "PATH")]
    pub folder: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<SyncCommand>,
}

#[derive(Subcommand)]
pub enum SyncCommand {
    /// This device, the devices seen, what waits to be sent or read, conflicts and problems.
    Status,
    /// Names this device, as the other devices' status shows it.
    Name {
        /// The name ("Laptop", "Office PC").
        name: String,
    },
    /// Stops syncing through the folder (its files stay); `--folder` starts again.
    Stop,
}

#[derive(Args)]
pub struct ConflictsArgs {
    #[command(subcommand)]
    pub command: Option<ConflictsCommand>,
}

#[derive(Subcommand)]
pub enum ConflictsCommand {
    /// Keep one version of a conflict: `kept` (the one in the journal now) or `other`.
    Resolve {
        /// The conflict's number, as `recip conflicts` lists it.
        id: u32,
        #[arg(long)]
        keep: ConflictChoice,
    },
}

pub fn sync(
    journal: &mut Journal,
    a: SyncArgs,
    passphrase: Option<&str>,
    json: bool,
) -> Result<()> {
    match a.command {
        Some(SyncCommand::Status) => {
            let status = reciprocity::sync::sync_status(journal, passphrase)?;
            return if json {
                print_json(&status)
            } else {
                print_status(&status)
            };
        }
        Some(SyncCommand::Name { name }) => {
            api::set_device_name(journal, DeviceName { name })?;
            let name = name_of_this(journal)?;
            say!(
                "This device is now called “{}”",
                reciprocity::text::printable(&name)
            );
            return Ok(());
        }
        Some(SyncCommand::Stop) => {
            api::stop_sync(journal, Empty {})?;
            say!("Stopped syncing; the folder's files are left as they are");
            return Ok(());
        }
        None => {}
    }
    if let Some(folder) = a.folder {
        api::set_sync_folder(journal, &folder)?;
    }
    let report = api::sync_now(journal, passphrase)?;
    if json {
        return print_json(&report);
    }
    print_report(&report);
    Ok(())
}

fn name_of_this(journal: &Journal) -> Result<String> {
    let device = journal.sync_device()?;
    Ok(reciprocity::sync::name_of(journal, &device)?.unwrap_or(device))
}

/// "1 row" / "3 rows".
fn count(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn print_report(r: &SyncReport) {
    match &r.written {
        Some(name) => say!(
            "Sent {} in {name}",
            count(r.rows_written, "changed row", "changed rows")
        ),
        None => say!("Nothing new to send"),
    }
    say!(
        "Read {} from other devices ({} taken)",
        count(r.files_read, "file", "files"),
        count(r.rows_taken, "row", "rows")
    );
    if r.conflicts_found > 0 {
        say!(
            "{} edited on two devices at once; `recip conflicts` lists them",
            count(r.conflicts_found, "row was", "rows were")
        );
    }
    if r.waiting > 0 {
        say!(
            "{} for another device's file and will be read later",
            count(r.waiting, "file waits", "files wait")
        );
    }
    for p in &r.problems {
        eprintln!("warning: {}", reciprocity::text::printable(p));
    }
    if r.plain && r.written.is_some() {
        eprintln!("warning: no passphrase, so the sync folder holds this journal as plain text");
    }
}

fn print_status(s: &SyncStatus) -> Result<()> {
    match &s.folder {
        Some(f) => say!("Folder: {f}"),
        None => say!("No sync folder yet; `recip sync --folder PATH` sets one."),
    }
    if !s.device.is_empty() {
        say!(
            "This device: {}",
            labelled(&s.device, s.device_name.as_deref())
        );
    }
    for d in &s.devices {
        say!(
            "Device {}: {} files read, last {}",
            labelled(&d.device, d.name.as_deref()),
            d.files,
            d.last_seen.format("%Y-%m-%d %H:%M")
        );
    }
    say!("Waiting to be sent: {} changed rows", s.unsent);
    say!("Waiting to be read: {} files", s.unread);
    say!("Conflicts: {}", s.conflicts);
    for p in &s.problems {
        say!("Problem: {p}");
    }
    if let Some(w) = &s.plain_text_warning {
        say!("Note: {w}");
    }
    Ok(())
}

/// "Laptop (5f3a9c0e12ab4d67)", or the id alone.
fn labelled(device: &str, name: Option<&str>) -> String {
    match name {
        Some(n) => format!("{} ({device})", reciprocity::text::printable(n)),
        None => device.to_string(),
    }
}

pub fn conflicts(journal: &mut Journal, a: ConflictsArgs, json: bool) -> Result<()> {
    if let Some(ConflictsCommand::Resolve { id, keep }) = a.command {
        api::resolve_conflict(journal, ResolveConflict { id, keep })?;
        say!("Conflict {id} resolved: kept the {} version", keep.as_str());
        return Ok(());
    }
    let all = api::list_conflicts(journal, Empty {})?;
    if json {
        return print_json(&all);
    }
    if all.is_empty() {
        say!("No conflicts: no row was edited on two devices at once.");
    }
    for c in all {
        say!(
            "#{} {} (edited on two devices, found {})",
            c.id,
            c.title,
            c.found_at.format("%Y-%m-%d %H:%M")
        );
        say!("  kept:  {}", c.kept.join("; "));
        say!("  other: {}", c.other.join("; "));
        say!(
            "  keep one: recip conflicts resolve {} --keep kept|other",
            c.id
        );
    }
    Ok(())
}

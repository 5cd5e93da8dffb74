//! `recip export`, `import`, `backup` and restoring the journal from a file.

use crate::args::{BackupCommand, ExportArgs, ExportFormat, ImportArgs, ImportKind};
use crate::output::print_json;
use chrono::Utc;
use reciprocity::api::{data, Empty};
use reciprocity::journal::Journal;
use reciprocity::transfer::ImportFormat;
use reciprocity::{Error, Result};
use std::path::Path;

pub fn export(journal: &Journal, a: ExportArgs) -> Result<()> {
    match a.format {
        ExportFormat::Json => {
            let n = data::export_json(journal, &a.file, Utc::now())?;
            say!(
                "Exported {} people, {} exchanges and {} check-ins to {}",
                n.people,
                n.exchanges,
                n.checkins,
                a.file.display()
            );
        }
        ExportFormat::AsksCsv => {
            let n = data::export_asks_csv(journal, &a.file)?;
            say!("Exported {n} asks to {}", a.file.display());
        }
        ExportFormat::Csv => {
            let n = data::export_csv(journal, &a.file)?;
            say!("Exported {} exchanges to {}", n.exchanges, a.file.display());
        }
    }
    Ok(())
}

pub fn import(journal: &mut Journal, a: ImportArgs, json: bool) -> Result<()> {
    let given = a.format.map(|f| match f {
        ImportKind::Json => ImportFormat::Json,
        ImportKind::Vcard => ImportFormat::Vcard,
        ImportKind::Monica => ImportFormat::Monica,
        ImportKind::Daylio => ImportFormat::Daylio,
    });
    let format = data::import_format(&a.file, given)
        .map_err(|_| Error::invalid("format", format!(
            "cannot tell the format of {} from its name; give --format json, vcard, monica or daylio",
            a.file.display()
        )))?;
    let summary = data::import_file(
        journal,
        &a.file,
        format,
        a.relationship,
        &a.moods,
        Utc::now(),
    )?;
    if json {
        return print_json(&summary);
    }
    say!("Imported {}", a.file.display());
    say!("{}", summary.describe());
    Ok(())
}

pub fn backup(journal: &mut Journal, command: Option<BackupCommand>, json: bool) -> Result<()> {
    match command {
        None => {
            let b = data::make_backup(journal, Empty {})?;
            if json {
                return print_json(&b);
            }
            say!("Backed up to {}", b.path.display());
        }
        Some(BackupCommand::List) => {
            let all = data::list_backups(journal, Empty {})?;
            if json {
                return print_json(&all);
            }
            if all.is_empty() {
                say!("No backups yet. `recip backup` makes one.");
            }
            for b in all {
                say!(
                    "{}  {:<17} {:>9} bytes  {}",
                    b.taken_at.format("%Y-%m-%d %H:%M"),
                    b.kind.as_str(),
                    b.bytes,
                    b.path.display()
                );
            }
        }
        Some(BackupCommand::Restore { file }) => restore(journal, &file)?,
    }
    Ok(())
}

pub fn restore(journal: &mut Journal, file: &Path) -> Result<()> {
    let now = Utc::now();
    let safety =
        crate::passphrase::for_backup(file, |p| data::restore_backup(journal, file, p, now))?;
    say!("Restored the journal from {}", file.display());
    say!("The journal as it was is kept in {}", safety.path.display());
    Ok(())
}

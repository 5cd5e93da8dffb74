//! `recip export`, `import`, `backup` and restoring the journal from a file.

use crate::args::{BackupCommand, ExportArgs, ExportFormat, ImportArgs, ImportKind};
use crate::output::print_json;
use chrono::Utc;
use reciprocity::journal::Journal;
use reciprocity::transfer::backups::{self, BackupKind};
use reciprocity::transfer::{
    csv_export, daylio, document, import_file, ImportFormat, ImportOptions,
};
use reciprocity::{Error, Result};
use std::path::Path;

pub fn export(journal: &Journal, a: ExportArgs) -> Result<()> {
    match a.format {
        ExportFormat::Json => {
            let doc = document::export_json(journal, &a.file, Utc::now())?;
            println!(
                "Exported {} people, {} exchanges and {} check-ins to {}",
                doc.people.len(),
                doc.exchanges.len(),
                doc.checkins.len(),
                a.file.display()
            );
        }
        ExportFormat::Csv => {
            let rows = csv_export::export_csv(journal, &a.file)?;
            println!("Exported {rows} exchanges to {}", a.file.display());
        }
    }
    Ok(())
}

pub fn import(journal: &mut Journal, a: ImportArgs, json: bool) -> Result<()> {
    let format = match a.format {
        Some(ImportKind::Json) => ImportFormat::Json,
        Some(ImportKind::Vcard) => ImportFormat::Vcard,
        Some(ImportKind::Monica) => ImportFormat::Monica,
        Some(ImportKind::Daylio) => ImportFormat::Daylio,
        None => ImportFormat::detect(&a.file).ok_or_else(|| {
            Error::invalid(
                "format",
                format!(
                    "cannot tell the format of {} from its name; give --format json, vcard, monica or daylio",
                    a.file.display()
                ),
            )
        })?,
    };
    let mut options = ImportOptions {
        moods: daylio::moods_with(&a.moods)?,
        ..ImportOptions::default()
    };
    if let Some(r) = a.relationship {
        options.relationship = r;
    }
    let summary = import_file(journal, &a.file, format, &options, Utc::now())?;
    if json {
        return print_json(&summary);
    }
    println!("Imported {}", a.file.display());
    println!("{}", summary.describe());
    Ok(())
}

pub fn backup(journal: &mut Journal, command: Option<BackupCommand>, json: bool) -> Result<()> {
    match command {
        None => {
            let b = backups::make_backup(journal, BackupKind::Manual, Utc::now())?;
            if json {
                return print_json(&b);
            }
            println!("Backed up to {}", b.path.display());
        }
        Some(BackupCommand::List) => {
            let path = journal
                .path()
                .ok_or_else(|| Error::invalid("path", "this journal has no file"))?;
            let all = backups::list_backups(path)?;
            if json {
                return print_json(&all);
            }
            if all.is_empty() {
                println!("No backups yet. `recip backup` makes one.");
            }
            for b in all {
                println!(
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
    let safety = backups::restore(journal, file, Utc::now())?;
    println!("Restored the journal from {}", file.display());
    println!("The journal as it was is kept in {}", safety.path.display());
    Ok(())
}

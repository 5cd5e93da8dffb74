//! Opening a journal the way both faces do (with the day's backup), the sample journal, and
//! the limits of the model that the screens show in their hints.

use super::Empty;
use crate::generate::{generate, Options};
use crate::journal::Journal;
use crate::model::{ExchangeFilter, MAX_NAME, MAX_NOTE, MAX_TAG, MAX_WHAT};
use crate::transfer::backups;
use crate::{Error, ErrorCode, Result};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The most characters each text may hold: one source for the model's checks and the hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TextLimits {
    pub name: u32,
    pub what: u32,
    pub note: u32,
    pub tag: u32,
}

pub fn text_limits(_: Empty) -> Result<TextLimits> {
    Ok(TextLimits {
        name: MAX_NAME as u32,
        what: MAX_WHAT as u32,
        note: MAX_NOTE as u32,
        tag: MAX_TAG as u32,
    })
}

pub fn data_version(j: &Journal, _: Empty) -> Result<i64> {
    j.data_version()
}

/// What the window needs to know before showing anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct JournalStatus {
    /// The journal file in use (empty when no path could be found).
    pub path: String,
    /// Why the journal could not be opened; `None` when it is open.
    pub error: Option<Problem>,
    /// True when the journal holds no people and no exchanges yet (first run).
    pub empty: bool,
    /// True while the window shows the sample journal instead of the user's own.
    pub sample: bool,
    /// True when a sample journal can be made beside the user's own.
    pub sample_available: bool,
    /// Something to mention quietly, such as a daily backup that could not be made.
    pub notice: Option<String>,
    /// True when the journal is protected by a passphrase.
    pub protected: bool,
}

/// An error as the faces show it: the stable code, the message, the field it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Problem {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
}

impl From<&Error> for Problem {
    fn from(e: &Error) -> Problem {
        Problem {
            code: e.code(),
            message: e.to_string(),
            field: e.field().map(str::to_string),
        }
    }
}

/// A journal opened as either face opens it.
pub struct Opened {
    pub journal: Journal,
    /// The day's automatic backup could not be made: say so quietly and go on, since a
    /// failed backup must never keep the user from their journal.
    pub notice: Option<String>,
}

/// Opens the journal at `path` (with its passphrase, when protected) and takes the day's
/// backup when it is due. A protected journal's plain backups are protected too (left by a
/// protect that was interrupted, or copied back by hand).
pub fn open_journal(path: &Path, passphrase: Option<&str>, now: DateTime<Utc>) -> Result<Opened> {
    let mut journal = Journal::open_with(path, passphrase)?;
    // A synced journal that turns out to be a copy (another machine, a restored backup) takes
    // a new device id before anything it writes is stamped.
    crate::sync::check_copy(&mut journal)?;
    let mut notice = backups::daily_backup_if_due(&journal, now)
        .err()
        .map(|e| format!("Today's automatic backup could not be made: {e}"));
    if journal.is_protected() {
        let listed = backups::list_backups(path)
            .map(|all| all.into_iter().map(|b| b.path).collect::<Vec<_>>());
        if let Err(e) = listed.and_then(|paths| journal.protect_plain_copies(&paths)) {
            notice = Some(format!("An older backup could not be protected: {e}"));
        }
    }
    Ok(Opened { journal, notice })
}

/// A storage failure may come from a damaged file: then every page is read, and damage is
/// reported as such instead of as a failed command.
pub fn damage_behind(e: Error, path: &Path) -> Error {
    if !matches!(e, Error::Storage(_)) {
        return e;
    }
    match Journal::open(path).and_then(|j| j.check_every_page()) {
        Err(found @ Error::JournalDamaged { .. }) => found,
        _ => e,
    }
}

/// True when the journal holds no people and no exchanges yet.
pub fn is_empty(j: &Journal) -> Result<bool> {
    let filter = ExchangeFilter {
        limit: Some(1),
        ..ExchangeFilter::default()
    };
    Ok(j.list_people(true)?.is_empty() && j.list_exchanges(&filter)?.is_empty())
}

/// The sample's seed: everyone exploring sees the same people and story.
pub const SAMPLE_SEED: u64 = 2024;

/// `sample-journal.sqlite3` beside the user's journal.
pub fn sample_path(own: &Path) -> Result<PathBuf> {
    match own.parent() {
        Some(dir) if !own.as_os_str().is_empty() => Ok(dir.join("sample-journal.sqlite3")),
        _ => Err(Error::NoDataDir),
    }
}

/// Fills a new, empty journal with a generated one: the sample journal and `recip demo`.
/// Refuses the user's own default journal and any journal that already has people.
pub fn fill_with_sample(
    j: &mut Journal,
    seed: u64,
    years: u32,
    today: NaiveDate,
) -> Result<SampleCounts> {
    let default = Journal::default_path().ok();
    if j.path().is_some() && j.path() == default.as_deref() {
        return Err(Error::invalid(
            "db",
            "the sample journal goes in a file of its own, never your journal; name one",
        ));
    }
    if !j.list_people(true)?.is_empty() {
        return Err(Error::invalid(
            "db",
            "this journal already has people in it; give --db a new file for the demo",
        ));
    }
    let made = generate(&Options::demo(seed, years, today));
    j.insert_generated(&made)?;
    Ok(SampleCounts {
        people: made.people.len() as u32,
        exchanges: made.exchanges.len() as u32,
        checkins: made.checkins.len() as u32,
        asks: made.requests.len() as u32,
        seed,
        years,
    })
}

/// What a generated journal holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SampleCounts {
    pub people: u32,
    pub exchanges: u32,
    pub checkins: u32,
    pub asks: u32,
    pub seed: u64,
    pub years: u32,
}

/// Opens the sample journal beside `own`, making it the first time; `own` is not touched.
pub fn open_sample(own: &Path, today: NaiveDate) -> Result<PathBuf> {
    let path = sample_path(own)?;
    let mut journal = Journal::open(&path)?;
    if journal.list_people(true)?.is_empty() {
        fill_with_sample(&mut journal, SAMPLE_SEED, 1, today)?;
    }
    Ok(path)
}

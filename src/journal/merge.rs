//! Bringing whole records from elsewhere (a backup document, another journal) into this one,
//! all or nothing: one IMMEDIATE transaction, foreign keys checked at commit so records may
//! arrive in any order. Records merge by id; the newer `updated_at` wins.

use super::bulk::merge_many;
use super::checkins::list_every_checkin;
use super::dismissals::{list_every_dismissal, merge_dismissal};
use super::exchange_rows::list_every_exchange;
use super::people::{list_every_person, merge_person};
use super::request_rows::list_every_request;
use super::settings::{list_every_setting, merge_setting, Setting};
use super::Journal;
use crate::insight::Dismissal;
use crate::model::{CheckIn, Exchange, Person, Request};
use crate::{Error, Result};
use serde::Serialize;
use ts_rs::TS;

/// What became of one merged record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merged {
    Added,
    Updated,
    /// The journal's copy is as new or newer.
    Kept,
}

/// Counts for one kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct MergeCount {
    pub added: u32,
    pub updated: u32,
    /// Already in the journal with the same or a newer `updated_at`.
    pub unchanged: u32,
}

impl MergeCount {
    fn count(&mut self, m: Merged) {
        match m {
            Merged::Added => self.added += 1,
            Merged::Updated => self.updated += 1,
            Merged::Kept => self.unchanged += 1,
        }
    }
}

/// Whole records, as a backup holds them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Records {
    pub people: Vec<Person>,
    pub exchanges: Vec<Exchange>,
    pub checkins: Vec<CheckIn>,
    pub dismissals: Vec<Dismissal>,
    pub settings: Vec<Setting>,
    pub requests: Vec<Request>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct MergeSummary {
    pub people: MergeCount,
    pub exchanges: MergeCount,
    pub checkins: MergeCount,
    pub dismissals: MergeCount,
    pub settings: MergeCount,
    /// `None` when the records held no asks (an older backup, contacts, moods).
    #[ts(optional = nullable)]
    pub requests: Option<MergeCount>,
}

impl Journal {
    /// Every record, deleted and archived ones included, in id order.
    pub fn all_records(&self) -> Result<Records> {
        Ok(Records {
            people: list_every_person(&self.conn)?,
            exchanges: list_every_exchange(&self.conn)?,
            checkins: list_every_checkin(&self.conn)?,
            dismissals: list_every_dismissal(&self.conn)?,
            settings: list_every_setting(&self.conn)?,
            requests: list_every_request(&self.conn)?,
        })
    }

    /// Merges `records` into the journal in one transaction. The caller has validated each
    /// record; the database's own checks and foreign keys are the last line, and any failure
    /// leaves the journal as it was.
    pub fn merge_records(&mut self, records: &Records) -> Result<MergeSummary> {
        let tx = self.write()?;
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        let mut summary = MergeSummary::default();
        for p in &records.people {
            summary.people.count(merge_person(&tx, p)?);
        }
        if !records.requests.is_empty() {
            let mut count = MergeCount::default();
            for m in merge_many(&tx, &records.requests)? {
                count.count(m);
            }
            summary.requests = Some(count);
        }
        for m in merge_many(&tx, &records.exchanges)? {
            summary.exchanges.count(m);
        }
        for m in merge_many(&tx, &records.checkins)? {
            summary.checkins.count(m);
        }
        for d in &records.dismissals {
            summary.dismissals.count(merge_dismissal(&tx, d)?);
        }
        for s in &records.settings {
            summary.settings.count(merge_setting(&tx, s)?);
        }
        tx.commit().map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => Error::invalid(
                "records",
                "the records refer to people or exchanges that are neither in the file nor in the journal",
            ),
            _ => Error::Storage(e),
        })?;
        Ok(summary)
    }
}

//! What moves between devices: the full state of one row (or the fact that it was deleted),
//! stamped with its hybrid logical clock.
//!
//! Invariants:
//! - An [`Hlc`] is only ever built from text of the one shape the journal's triggers write
//!   (`WWWWWWWWWWWWW-CCCC-DEVICE`), so comparing the texts compares the clocks.
//! - The device `0` stands for rows that existed before sync: every device knows them.

use crate::model::vocabulary::vocabulary;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

vocabulary!(
    /// The tables whose rows move between devices.
    SyncTable, "table" {
        Person => "person",
        Exchange => "exchange",
        CheckIn => "checkin",
        Request => "request",
        Dismissal => "insight_dismissal",
        Setting => "setting",
    }
);

impl SyncTable {
    /// The column that names a row on every device.
    pub fn key_column(self) -> &'static str {
        match self {
            SyncTable::Dismissal => "insight_id",
            SyncTable::Setting => "key",
            _ => "id",
        }
    }
}

/// The device that stands for rows written before the journal had sync.
pub const BEFORE_SYNC: &str = "0";

/// A hybrid logical clock reading: wall milliseconds, a counter, and the device that wrote.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Hlc(String);

/// Where the device id starts in an hlc's text.
const DEVICE_AT: usize = 19;

impl Hlc {
    pub fn parse(text: &str) -> Result<Hlc> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let well_formed = b.len() > DEVICE_AT
            && b.len() <= DEVICE_AT + 64
            && digits(0..13)
            && b[13] == b'-'
            && digits(14..18)
            && b[18] == b'-'
            && is_device_id(&text[DEVICE_AT..]);
        if !well_formed {
            return Err(Error::invalid(
                "hlc",
                format!("“{text}” is not a clock reading"),
            ));
        }
        Ok(Hlc(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The device that wrote this version.
    pub fn device(&self) -> &str {
        &self.0[DEVICE_AT..]
    }

    /// The wall-clock part, in milliseconds since 1970.
    pub fn wall(&self) -> i64 {
        self.0[..13].parse().unwrap_or(0)
    }

    /// The counter part.
    pub fn counter(&self) -> i64 {
        self.0[14..18].parse().unwrap_or(0)
    }
}

impl TryFrom<String> for Hlc {
    type Error = Error;
    fn try_from(text: String) -> Result<Hlc> {
        Hlc::parse(&text)
    }
}

impl From<Hlc> for String {
    fn from(h: Hlc) -> String {
        h.0
    }
}

impl std::fmt::Display for Hlc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Device ids are short lowercase hex (or `0`), so they are safe as folder names.
pub fn is_device_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
}

/// A row's columns by name, as JSON values (null, integer, real or text).
pub type Columns = serde_json::Map<String, serde_json::Value>;

/// The full state of one row on the device that wrote it; `row` is `None` for a deletion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowState {
    #[serde(rename = "t")]
    pub table: SyncTable,
    #[serde(rename = "k")]
    pub key: String,
    #[serde(rename = "h")]
    pub hlc: Hlc,
    #[serde(rename = "r")]
    pub row: Option<Columns>,
}

impl RowState {
    /// A setting that stays on the computer it was made on (see `journal::LOCAL_SETTINGS`).
    pub fn is_local(&self) -> bool {
        self.table == SyncTable::Setting
            && crate::journal::LOCAL_SETTINGS.contains(&self.key.as_str())
    }

    /// The same row apart from its clock and when it says it changed: two devices that made
    /// the same change have nothing to choose between.
    pub fn same_content(&self, other: &RowState) -> bool {
        let strip = |row: &Option<Columns>| {
            row.as_ref().map(|r| {
                let mut r = r.clone();
                r.remove("updated_at");
                r.remove("created_at");
                r
            })
        };
        strip(&self.row) == strip(&other.row)
    }
}

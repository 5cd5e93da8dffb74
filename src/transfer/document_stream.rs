//! Reading a backup document in one pass: the file is read whole, checked to be text (no NUL
//! bytes, UTF-8), and parsed straight into typed records, without a `serde_json::Value` tree.
//!
//! Why whole: parsing from a slice is about twice as fast as from a reader (which goes byte
//! by byte), and the text is freed before the records are written, so an import's peak
//! memory (while the journal writes them) is unchanged: 95 MB for the 48 MB export of a
//! 50,000-exchange journal either way.
//!
//! Invariant: this pass only has to be right when it succeeds. A document it cannot read
//! (bad JSON, a record of the wrong shape, not text, too large) is read again the careful way
//! (`document::read_document`), which names the file, the record and the field; so every
//! message is the careful reading's, and the two readings accept the same documents.

use crate::insight::Dismissal;
use crate::journal::{Records, Setting};
use crate::model::{CheckIn, Exchange, Person, Request};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::path::Path;

/// The largest file read at all, as in `read_text`.
const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// The document's top level, records typed as they are read. The three header fields keep
/// whatever JSON they hold (`null` included) for the careful reading's checks.
#[derive(Deserialize)]
pub(super) struct Streamed {
    #[serde(default, deserialize_with = "present")]
    pub format: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub version: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub exported_at: Option<Value>,
    #[serde(default)]
    people: Vec<Person>,
    #[serde(default)]
    exchanges: Vec<Exchange>,
    #[serde(default)]
    checkins: Vec<CheckIn>,
    #[serde(default)]
    dismissals: Vec<Dismissal>,
    #[serde(default)]
    settings: Vec<Setting>,
    #[serde(default)]
    requests: Vec<Request>,
}

impl Streamed {
    /// The records read, in the document's order.
    pub(super) fn into_records(self) -> Records {
        Records {
            people: self.people,
            exchanges: self.exchanges,
            checkins: self.checkins,
            dismissals: self.dismissals,
            settings: self.settings,
            requests: self.requests,
        }
    }
}

/// A field that is present keeps its value, `null` included (plain `Option` would drop it).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// The document at `path` in one pass, or `None` when it needs the careful reading.
pub(super) fn read_streamed(path: &Path) -> Option<Streamed> {
    if std::fs::metadata(path).ok()?.len() > MAX_BYTES {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    if bytes.contains(&0) {
        return None;
    }
    let text = std::str::from_utf8(&bytes).ok()?;
    // JSON readers refuse a leading byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).ok()
}

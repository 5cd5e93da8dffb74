//! Reading a backup document in one pass: the file is checked to be text (no NUL bytes, UTF-8)
//! in fixed-size chunks, then streamed from a buffered reader straight into typed records,
//! without a `serde_json::Value` tree of the whole file or a copy of its text.
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
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// The largest file read at all, as in `read_text`.
const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// The document's top level, records typed as they stream past. The three header fields keep
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

/// The document at `path` in one streaming pass, or `None` when it needs the careful reading.
pub(super) fn read_streamed(path: &Path) -> Option<Streamed> {
    let mut file = File::open(path).ok()?;
    if file.metadata().ok()?.len() > MAX_BYTES || !is_text(&mut file).ok()? {
        return None;
    }
    file.seek(SeekFrom::Start(0)).ok()?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    skip_byte_order_mark(&mut reader).ok()?;
    let mut de = serde_json::Deserializer::from_reader(reader);
    let doc = Streamed::deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(doc)
}

/// True when the file holds no NUL byte and is UTF-8 throughout; reads it in chunks.
fn is_text(file: &mut File) -> std::io::Result<bool> {
    let mut buf = vec![0u8; 1 << 16];
    let mut carried = 0;
    loop {
        let n = file.read(&mut buf[carried..])?;
        if n == 0 {
            return Ok(carried == 0);
        }
        let len = carried + n;
        if buf[carried..len].contains(&0) {
            return Ok(false);
        }
        match std::str::from_utf8(&buf[..len]) {
            Ok(_) => carried = 0,
            // A character cut by the chunk's end: keep its first bytes for the next chunk.
            Err(e) if e.error_len().is_none() => {
                buf.copy_within(e.valid_up_to()..len, 0);
                carried = len - e.valid_up_to();
            }
            Err(_) => return Ok(false),
        }
    }
}

/// Moves past a leading UTF-8 byte-order mark, which JSON readers refuse.
fn skip_byte_order_mark(reader: &mut BufReader<File>) -> std::io::Result<()> {
    use std::io::BufRead;
    if reader.fill_buf()?.starts_with("\u{feff}".as_bytes()) {
        reader.consume(3);
    }
    Ok(())
}

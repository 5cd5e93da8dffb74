//! The change file: `RJC <format>\n`, a one-line JSON header, then the body.
//!
//! The header holds the format version, device, sequence, row count, the SHA-256 of the body
//! as stored, and how the body was encrypted (or `null`). The body is JSON: what the device
//! had merged when writing (`knows`) and the full state of each changed row; encrypted, it is
//! the sealed JSON. Nothing of the journal's text is in the header.
//!
//! Invariants: a file is trusted only after its checksum matches (a half-synced file never
//! is); a file of a newer format is never read; every row of a file was written by its device
//! (or predates sync).

use super::crypt::{Cipher, Keys};
use super::state::{Hlc, RowState, BEFORE_SYNC};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The format this build writes, and the newest it reads.
pub const FORMAT: u32 = 1;
const MAGIC: &str = "RJC ";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: u32,
    pub device: String,
    pub seq: i64,
    pub rows: i64,
    pub sha256: String,
    pub cipher: Option<Cipher>,
    /// A snapshot's first sequence (1): it stands for every earlier file of its device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i64>,
}

impl Header {
    /// The first sequence this file stands for.
    pub fn first_seq(&self) -> i64 {
        self.from.unwrap_or(self.seq)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Body {
    pub knows: BTreeMap<String, Hlc>,
    pub rows: Vec<RowState>,
}

/// Why a file was not read.
#[derive(Debug)]
pub enum Unreadable {
    /// Written by a newer version: left alone.
    Newer(u32),
    /// Incomplete, damaged, or not ours: tried again at the next sync.
    Damaged(String),
    /// The passphrase does not open it: tried again at the next sync.
    Locked(String),
}

impl Unreadable {
    pub fn message(&self) -> String {
        match self {
            Unreadable::Newer(v) => format!(
                "written by a newer version of Reciprocity Journal (change-file format {v}, this \
                 build reads up to {FORMAT}); left alone until this copy is updated"
            ),
            Unreadable::Damaged(why) => format!("skipped: {why}; it will be tried again"),
            Unreadable::Locked(why) => format!("skipped: {why}; it will be tried again"),
        }
    }
}

/// What the header binds into the encryption.
fn identity(device: &str, seq: i64, first_seq: i64, rows: i64) -> Vec<u8> {
    format!("rjc {FORMAT} {device} {first_seq}-{seq} {rows}").into_bytes()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    super::crypt::to_hex(&Sha256::digest(bytes))
}

/// The bytes of a change file (a snapshot when `first_seq` is before `seq`); `salt` is
/// `Some` when the body is to be encrypted.
pub fn encode(
    device: &str,
    seq: i64,
    first_seq: i64,
    body: &Body,
    keys: &mut Keys,
    salt: Option<&str>,
) -> Result<(Vec<u8>, String)> {
    let plain = serde_json::to_vec(body).map_err(|e| Error::invalid("rows", e.to_string()))?;
    let rows = body.rows.len() as i64;
    let (stored, cipher) = match salt {
        Some(salt) => {
            let (sealed, c) = keys.seal(salt, &plain, &identity(device, seq, first_seq, rows))?;
            (sealed, Some(c))
        }
        None => (plain, None),
    };
    let sha256 = sha256_hex(&stored);
    let header = Header {
        format: FORMAT,
        device: device.into(),
        seq,
        rows,
        sha256: sha256.clone(),
        cipher,
        from: (first_seq < seq).then_some(first_seq),
    };
    let mut out = format!("{MAGIC}{FORMAT}\n").into_bytes();
    out.extend(serde_json::to_vec(&header).map_err(|e| Error::invalid("rows", e.to_string()))?);
    out.push(b'\n');
    out.extend(stored);
    Ok((out, sha256))
}

fn split_line(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let at = bytes.iter().position(|&b| b == b'\n')?;
    Some((&bytes[..at], &bytes[at + 1..]))
}

/// The header of a change file, checked against its checksum and where it was found.
pub fn read_header<'b>(
    bytes: &'b [u8],
    device: &str,
    seq: i64,
) -> Result<(Header, &'b [u8]), Unreadable> {
    let damaged = |why: &str| Unreadable::Damaged(why.to_string());
    let (first, rest) = split_line(bytes).ok_or_else(|| damaged("the file is incomplete"))?;
    let version = std::str::from_utf8(first)
        .ok()
        .and_then(|l| l.strip_prefix(MAGIC))
        .and_then(|v| v.parse::<u32>().ok())
        .ok_or_else(|| damaged("it is not a change file"))?;
    if version > FORMAT {
        return Err(Unreadable::Newer(version));
    }
    let (line, body) = split_line(rest).ok_or_else(|| damaged("the file is incomplete"))?;
    let header: Header =
        serde_json::from_slice(line).map_err(|_| damaged("its header is unreadable"))?;
    if header.device != device || header.seq != seq || !(1..=seq).contains(&header.first_seq()) {
        return Err(damaged(
            "its header names another device or number than its place",
        ));
    }
    if sha256_hex(body) != header.sha256 {
        return Err(damaged(
            "its checksum does not match (incomplete or damaged)",
        ));
    }
    Ok((header, body))
}

/// The rows of a change file whose header was checked.
pub fn read_body(header: &Header, body: &[u8], keys: &mut Keys) -> Result<Body, Unreadable> {
    let plain = match &header.cipher {
        Some(c) => keys
            .open(
                c,
                body,
                &identity(&header.device, header.seq, header.first_seq(), header.rows),
            )
            .map_err(|e| Unreadable::Locked(e.to_string()))?,
        None => body.to_vec(),
    };
    let damaged = |why: String| Unreadable::Damaged(why);
    let body: Body = serde_json::from_slice(&plain)
        .map_err(|e| damaged(format!("its rows are unreadable ({e})")))?;
    if body.rows.len() as i64 != header.rows {
        return Err(damaged(
            "it holds another number of rows than its header says".into(),
        ));
    }
    for row in &body.rows {
        let author = row.hlc.device();
        if author != header.device && author != BEFORE_SYNC {
            return Err(damaged("it holds a row written by another device".into()));
        }
        super::rows::check_values(row).map_err(|e| damaged(e.to_string()))?;
    }
    Ok(body)
}

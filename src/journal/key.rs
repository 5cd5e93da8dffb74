//! The key of a journal protected by a passphrase (SQLCipher).
//!
//! The key is derived the way SQLCipher 4 derives it from a passphrase (PBKDF2-HMAC-SHA512,
//! 256,000 rounds, over the 16-byte salt that opens the file), so a protected journal opens in
//! any SQLCipher 4 tool with its passphrase. It is derived once per file and handed to SQLCipher
//! as a raw key: the careful open's read-only check, the connection itself, backups and their
//! checks then cost one derivation, not one each.
//!
//! Invariants:
//! - A protected file never starts with SQLite's plain header: its first 16 bytes are the salt.
//! - The key is applied before any other statement on a connection; SQLCipher's own log is
//!   silenced, since a wrong passphrase is reported by us, in words, once.

use crate::{Error, Result};
use rusqlite::Connection;
use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;

/// The rounds SQLCipher 4 uses by default; keeping them keeps the file portable.
const ROUNDS: u32 = 256_000;

/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// A derived key and the salt it was derived over.
#[derive(Clone, PartialEq, Eq)]
pub struct Key {
    raw: [u8; 32],
    salt: [u8; 16],
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Key {
    /// Derives the key for `passphrase` over `salt`.
    pub fn derive(passphrase: &str, salt: [u8; 16]) -> Key {
        let mut raw = [0u8; 32];
        raw.copy_from_slice(&pbkdf2_sha512(passphrase.as_bytes(), &salt, ROUNDS)[..32]);
        Key { raw, salt }
    }

    /// A key for a new file, over a fresh random salt.
    pub fn fresh(passphrase: &str) -> Result<Key> {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| Error::Io {
            context: "cannot draw a random salt for the passphrase".into(),
            source: std::io::Error::other(e.to_string()),
        })?;
        Ok(Key::derive(passphrase, salt))
    }

    /// The key of the protected file at `path`: derived over the salt the file starts with.
    pub fn for_file(passphrase: &str, path: &Path) -> Result<Key> {
        Ok(Key::derive(passphrase, salt_of(path)?))
    }

    /// Whether this key was derived for a file that starts with `path`'s salt, as every
    /// snapshot of a protected journal does.
    pub(crate) fn fits(&self, path: &Path) -> bool {
        salt_of(path).is_ok_and(|salt| salt == self.salt)
    }

    /// SQLCipher's raw-key form with an explicit salt: `x'<key><salt>'`.
    fn sql_value(&self) -> String {
        let mut out = String::with_capacity(99);
        out.push_str("x'");
        for b in self.raw.iter().chain(self.salt.iter()) {
            let _ = write!(out, "{b:02X}");
        }
        out.push('\'');
        out
    }
}

/// PBKDF2-HMAC-SHA-512, first output block (64 bytes), for a salt of at most 100 bytes.
///
/// Written over SHA-512's compression function rather than the generic HMAC types so that
/// every round runs optimised code even in a debug build, where the generic version takes
/// seconds; the tests hold it to the published vectors and to SQLCipher's own derivation.
fn pbkdf2_sha512(password: &[u8], salt: &[u8], rounds: u32) -> [u8; 64] {
    const IV: [u64; 8] = [
        0x6a09_e667_f3bc_c908,
        0xbb67_ae85_84ca_a73b,
        0x3c6e_f372_fe94_f82b,
        0xa54f_f53a_5f1d_36f1,
        0x510e_527f_ade6_82d1,
        0x9b05_688c_2b3e_6c1f,
        0x1f83_d9ab_fb41_bd6b,
        0x5be0_cd19_137e_2179,
    ];
    assert!(salt.len() <= 100, "a salt fits one block");
    let mut key = [0u8; 128];
    if password.len() > 128 {
        use sha2::Digest;
        key[..64].copy_from_slice(&sha2::Sha512::digest(password));
    } else {
        key[..password.len()].copy_from_slice(password);
    }
    let keyed = |pad: u8| {
        let mut state = IV;
        compress(&mut state, &key.map(|b| b ^ pad));
        state
    };
    let (inner, outer) = (keyed(0x36), keyed(0x5c));
    let mut first = [0u8; 104];
    first[..salt.len()].copy_from_slice(salt);
    first[salt.len()..salt.len() + 4].copy_from_slice(&1u32.to_be_bytes());
    let mut state = inner;
    compress(
        &mut state,
        &last_block(&first[..salt.len() + 4], 128 + salt.len() + 4),
    );
    // Every later message, inner and outer, is one 64-byte digest after the key's block: the
    // padded blocks are made once and only their first 64 bytes change.
    let mut block = last_block(&[0u8; 64], 128 + 64);
    let mut u = outer;
    put_words(&mut block, &state);
    compress(&mut u, &block);
    let mut out = u;
    for _ in 1..rounds {
        put_words(&mut block, &u);
        let mut state = inner;
        compress(&mut state, &block);
        put_words(&mut block, &state);
        u = outer;
        compress(&mut u, &block);
        for i in 0..8 {
            out[i] ^= u[i];
        }
    }
    let mut bytes = [0u8; 64];
    put_words(&mut bytes, &out);
    bytes
}

/// Writes SHA-512 state words big-endian over the first 64 bytes of `block`.
fn put_words(block: &mut [u8], words: &[u64; 8]) {
    for (chunk, word) in block[..64].chunks_exact_mut(8).zip(words) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
}

fn compress(state: &mut [u64; 8], block: &[u8; 128]) {
    let block = sha2::digest::generic_array::GenericArray::from_slice(block);
    sha2::compress512(state, std::slice::from_ref(block));
}

/// The final block of a message of `total` bytes whose last bytes are `tail` (< 112 bytes).
fn last_block(tail: &[u8], total: usize) -> [u8; 128] {
    let mut block = [0u8; 128];
    block[..tail.len()].copy_from_slice(tail);
    block[tail.len()] = 0x80;
    block[112..].copy_from_slice(&((total as u128) * 8).to_be_bytes());
    block
}

/// The first 16 bytes of a file: a protected journal's salt.
fn salt_of(path: &Path) -> Result<[u8; 16]> {
    let mut salt = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut salt))
        .map_err(|e| Error::Io {
            context: format!("cannot read {}", path.display()),
            source: e,
        })?;
    Ok(salt)
}

/// Refuses a passphrase too short to protect anything.
pub fn check_new_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Error::invalid(
            "passphrase",
            format!(
                "a passphrase needs at least {MIN_PASSPHRASE_CHARS} characters; a few words \
                 you will remember work well"
            ),
        ));
    }
    Ok(())
}

/// Applies `key` to a connection that has run nothing yet; a plain file takes `None`.
pub(crate) fn apply(conn: &Connection, key: Option<&Key>) -> rusqlite::Result<()> {
    conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()))?;
    if let Some(key) = key {
        conn.pragma_update(None, "key", key.sql_value())?;
    }
    Ok(())
}

/// `ATTACH`es `path` as `name`, protected by `key` or plain.
pub(crate) fn attach(
    conn: &Connection,
    path: &Path,
    name: &str,
    key: Option<&Key>,
) -> rusqlite::Result<()> {
    let value = key.map(Key::sql_value).unwrap_or_default();
    conn.execute(
        &format!("ATTACH DATABASE ?1 AS {name} KEY ?2"),
        [path.to_string_lossy().as_ref(), value.as_str()],
    )
    .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_sqlciphers_own_derivation_of_the_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        let key = Key::fresh("correct horse battery").unwrap();
        let conn = Connection::open(&path).unwrap();
        apply(&conn, Some(&key)).unwrap();
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES ('kept')")
            .unwrap();
        drop(conn);
        // SQLCipher derives the key itself from the passphrase given as text.
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "key", "correct horse battery")
            .unwrap();
        let x: String = conn.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(x, "kept");
        assert_eq!(Key::for_file("correct horse battery", &path).unwrap(), key);
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn the_derivation_gives_the_published_pbkdf2_sha512_values() {
        // RFC 6070's inputs, with SHA-512 (as published for PBKDF2-HMAC-SHA512).
        assert_eq!(
            hex(&pbkdf2_sha512(b"password", b"salt", 1)),
            "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252\
             c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce"
        );
        assert_eq!(
            hex(&pbkdf2_sha512(b"password", b"salt", 4096)),
            "d197b1b33db0143e018b12f3d1d1479e6cdebdcc97c5c0f87f6902e072f457b5\
             143f30602641b3d55cd335988cb36b84376060ecd532e039b742a239434af2d5"
        );
    }

    #[test]
    fn a_short_passphrase_is_refused_with_the_length_it_needs() {
        let err = check_new_passphrase("short").unwrap_err();
        assert!(err.to_string().contains("at least 8 characters"), "{err}");
        assert!(check_new_passphrase("long enough").is_ok());
    }
}

//! Encrypting change files under the journal's passphrase: a key from Argon2id over the
//! passphrase and a per-device random salt, and XChaCha20-Poly1305 (RustCrypto) per file with
//! a random 24-byte nonce. The file's identity (format, device, sequence, row count) is bound
//! in as associated data, so a file renamed to another place does not decrypt.
//!
//! Invariants: one key derivation per device and salt per sync ([`Keys`] caches them), never
//! one per file; a wrong passphrase or a damaged file is "cannot decrypt", never a panic.

use crate::{Error, Result};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How a file body was encrypted, as its header records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cipher {
    pub kdf: String,
    /// Argon2 memory in KiB, passes and lanes.
    pub m: u32,
    pub t: u32,
    pub p: u32,
    pub salt: String,
    pub nonce: String,
}

const KDF: &str = "argon2id";
/// Argon2's recommended defaults (19 MiB, two passes, one lane).
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
/// The most a file may ask a reader to spend deriving its key.
const MAX_MEMORY_KIB: u32 = 256 * 1024;
const MAX_PASSES: u32 = 16;

/// Keys derived during one sync, by salt and parameters.
pub struct Keys {
    passphrase: Option<String>,
    derived: HashMap<(String, u32, u32, u32), Key>,
}

impl Keys {
    pub fn new(passphrase: Option<&str>) -> Keys {
        Keys {
            passphrase: passphrase.filter(|p| !p.is_empty()).map(str::to_string),
            derived: HashMap::new(),
        }
    }

    pub fn has_passphrase(&self) -> bool {
        self.passphrase.is_some()
    }

    fn key(&mut self, salt: &str, m: u32, t: u32, p: u32) -> Result<Key> {
        let id = (salt.to_string(), m, t, p);
        if let Some(k) = self.derived.get(&id) {
            return Ok(*k);
        }
        let pass = self
            .passphrase
            .as_deref()
            .ok_or_else(|| cannot_decrypt("it is encrypted and no passphrase was given"))?;
        let salt_bytes = from_hex(salt)
            .filter(|s| s.len() >= 8)
            .ok_or_else(|| cannot_decrypt("its salt is unreadable"))?;
        if m > MAX_MEMORY_KIB || t > MAX_PASSES || t == 0 || p == 0 || p > 16 {
            return Err(cannot_decrypt("it asks for an unreasonable key derivation"));
        }
        let params =
            argon2::Params::new(m, t, p, Some(32)).map_err(|e| cannot_decrypt(&e.to_string()))?;
        let argon =
            argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut key = Key::default();
        argon
            .hash_password_into(pass.as_bytes(), &salt_bytes, &mut key)
            .map_err(|e| cannot_decrypt(&e.to_string()))?;
        self.derived.insert(id, key);
        Ok(key)
    }

    /// Encrypts `plain` with this device's `salt`; returns the ciphertext and its header part.
    pub fn seal(&mut self, salt: &str, plain: &[u8], aad: &[u8]) -> Result<(Vec<u8>, Cipher)> {
        let key = self.key(salt, MEMORY_KIB, PASSES, 1)?;
        let nonce_bytes = random_bytes::<24>()?;
        let sealed = XChaCha20Poly1305::new(&key)
            .encrypt(
                XNonce::from_slice(&nonce_bytes),
                Payload { msg: plain, aad },
            )
            .map_err(|_| Error::invalid("passphrase", "cannot encrypt the change file"))?;
        let cipher = Cipher {
            kdf: KDF.into(),
            m: MEMORY_KIB,
            t: PASSES,
            p: 1,
            salt: salt.to_string(),
            nonce: to_hex(&nonce_bytes),
        };
        Ok((sealed, cipher))
    }

    pub fn open(&mut self, cipher: &Cipher, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>> {
        if cipher.kdf != KDF {
            return Err(cannot_decrypt(&format!(
                "it uses the unknown key derivation “{}”",
                cipher.kdf
            )));
        }
        let key = self.key(&cipher.salt, cipher.m, cipher.t, cipher.p)?;
        let nonce = from_hex(&cipher.nonce)
            .filter(|n| n.len() == 24)
            .ok_or_else(|| cannot_decrypt("its nonce is unreadable"))?;
        XChaCha20Poly1305::new(&key)
            .decrypt(XNonce::from_slice(&nonce), Payload { msg: sealed, aad })
            .map_err(|_| cannot_decrypt("the passphrase is not the one it was written with"))
    }
}

fn cannot_decrypt(why: &str) -> Error {
    Error::invalid("passphrase", format!("cannot decrypt: {why}"))
}

/// A new random salt for this device's key, hex.
pub fn new_salt() -> Result<String> {
    Ok(to_hex(&random_bytes::<16>()?))
}

pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| Error::Io {
        context: "cannot read random bytes from the system".into(),
        source: std::io::Error::other(e.to_string()),
    })?;
    Ok(b)
}

pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 || text.len() > 128 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

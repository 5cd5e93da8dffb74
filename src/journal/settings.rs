//! The `setting` table: small JSON values under a key, the insight thresholds among them.

use super::{now, Journal};
use crate::insight::Settings;
use crate::Result;
use rusqlite::{params, OptionalExtension};

/// The key the insight settings are stored under.
pub const INSIGHT_SETTINGS_KEY: &str = "insight";

impl Journal {
    /// The stored value for `key`, if any.
    pub fn get_setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores `value` under `key`, replacing what was there.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
            params![key, value, now()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The insight settings: the stored ones, with defaults for anything missing or unreadable.
    pub fn load_insight_settings(&self) -> Result<Settings> {
        Ok(self
            .get_setting(INSIGHT_SETTINGS_KEY)?
            .and_then(|text| serde_json::from_str::<Settings>(&text).ok())
            .unwrap_or_default())
    }

    /// Stores the insight settings.
    pub fn save_insight_settings(&mut self, settings: &Settings) -> Result<()> {
        let text = serde_json::to_string(settings).map_err(|e| {
            crate::Error::invalid("settings", format!("cannot store these settings: {e}"))
        })?;
        self.set_setting(INSIGHT_SETTINGS_KEY, &text)
    }
}

//! A check-in: a short, periodic reflection. Mood and energy run −2..=2; the three
//! reciprocity-anxiety items and the exhaustion item run 0..=4.

use super::validate::{check_date, check_scale, check_text, MAX_NOTE};
use crate::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CheckIn {
    pub id: String,
    pub on: NaiveDate,
    pub mood: i8,
    pub energy: i8,
    /// "I owe more than I can repay."
    pub owing: u8,
    /// "I worry about returning favours."
    pub worry: u8,
    /// "I feel pressured by what others did for me."
    pub pressured: u8,
    /// "I am worn out by what I give."
    pub exhaustion: u8,
    pub reflection: String,
    /// The reflection prompt the user answered, if any.
    pub prompt: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CheckInInput {
    pub on: NaiveDate,
    pub mood: i8,
    pub energy: i8,
    pub owing: u8,
    pub worry: u8,
    pub pressured: u8,
    pub exhaustion: u8,
    #[serde(default)]
    pub reflection: String,
    #[serde(default)]
    pub prompt: Option<String>,
}

impl CheckInInput {
    pub fn validated(&self) -> Result<CheckInInput> {
        check_date("on", self.on)?;
        check_scale("mood", i64::from(self.mood), -2, 2)?;
        check_scale("energy", i64::from(self.energy), -2, 2)?;
        check_scale("owing", i64::from(self.owing), 0, 4)?;
        check_scale("worry", i64::from(self.worry), 0, 4)?;
        check_scale("pressured", i64::from(self.pressured), 0, 4)?;
        check_scale("exhaustion", i64::from(self.exhaustion), 0, 4)?;
        let prompt = match &self.prompt {
            Some(p) if !p.trim().is_empty() => Some(check_text("prompt", p, 1, 500)?),
            _ => None,
        };
        Ok(CheckInInput {
            reflection: check_text("reflection", &self.reflection, 0, MAX_NOTE)?,
            prompt,
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> CheckInInput {
        CheckInInput {
            on: NaiveDate::from_ymd_opt(2026, 5, 4).unwrap(),
            mood: 0,
            energy: 1,
            owing: 2,
            worry: 1,
            pressured: 0,
            exhaustion: 3,
            reflection: "  fine  ".into(),
            prompt: None,
        }
    }

    #[test]
    fn mood_outside_minus_two_to_two_is_refused() {
        let mut i = input();
        i.mood = 3;
        assert_eq!(i.validated().unwrap_err().field(), Some("mood"));
    }

    #[test]
    fn anxiety_items_above_four_are_refused() {
        let mut i = input();
        i.worry = 5;
        assert_eq!(i.validated().unwrap_err().field(), Some("worry"));
    }

    #[test]
    fn a_sound_check_in_is_trimmed() {
        assert_eq!(input().validated().unwrap().reflection, "fine");
    }
}

//! A check-in: a short, periodic reflection. Mood and energy run −2..=2; the three
//! reciprocity-anxiety items and the exhaustion item run 0..=4. Each rating is optional (a
//! check-in brought in from another app may carry only a mood), but a check-in holds at least
//! one rating or some reflection. An unrated item is unknown, never zero.

use super::validate::{check_date, check_scale, check_text, MAX_NOTE};
use crate::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CheckIn {
    pub id: String,
    pub on: NaiveDate,
    pub mood: Option<i8>,
    pub energy: Option<i8>,
    /// "I owe more than I can repay."
    pub owing: Option<u8>,
    /// "I worry about returning favours."
    pub worry: Option<u8>,
    /// "I feel pressured by what others did for me."
    pub pressured: Option<u8>,
    /// "I am worn out by what I give."
    pub exhaustion: Option<u8>,
    pub reflection: String,
    /// The reflection prompt the user answered, if any.
    pub prompt: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

impl CheckIn {
    /// What a user would enter to make this check-in.
    pub fn to_input(&self) -> CheckInInput {
        CheckInInput {
            on: self.on,
            mood: self.mood,
            energy: self.energy,
            owing: self.owing,
            worry: self.worry,
            pressured: self.pressured,
            exhaustion: self.exhaustion,
            reflection: self.reflection.clone(),
            prompt: self.prompt.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CheckInInput {
    pub on: NaiveDate,
    #[serde(default)]
    pub mood: Option<i8>,
    #[serde(default)]
    pub energy: Option<i8>,
    #[serde(default)]
    pub owing: Option<u8>,
    #[serde(default)]
    pub worry: Option<u8>,
    #[serde(default)]
    pub pressured: Option<u8>,
    #[serde(default)]
    pub exhaustion: Option<u8>,
    #[serde(default)]
    pub reflection: String,
    #[serde(default)]
    pub prompt: Option<String>,
}

impl CheckInInput {
    pub fn validated(&self) -> Result<CheckInInput> {
        check_date("on", self.on)?;
        for (field, value, min) in [
            ("mood", self.mood.map(i64::from), -2),
            ("energy", self.energy.map(i64::from), -2),
            ("owing", self.owing.map(i64::from), 0),
            ("worry", self.worry.map(i64::from), 0),
            ("pressured", self.pressured.map(i64::from), 0),
            ("exhaustion", self.exhaustion.map(i64::from), 0),
        ] {
            if let Some(v) = value {
                check_scale(field, v, min, if min < 0 { 2 } else { 4 })?;
            }
        }
        let prompt = match &self.prompt {
            Some(p) if !p.trim().is_empty() => Some(check_text("prompt", p, 1, 500)?),
            _ => None,
        };
        let reflection = check_text("reflection", &self.reflection, 0, MAX_NOTE)?;
        let rated = [self.mood, self.energy].iter().any(Option::is_some)
            || [self.owing, self.worry, self.pressured, self.exhaustion]
                .iter()
                .any(Option::is_some);
        if !rated && reflection.is_empty() {
            return Err(Error::invalid(
                "reflection",
                "a check-in needs at least one answer or a few words of reflection",
            ));
        }
        Ok(CheckInInput {
            reflection,
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
            mood: Some(0),
            energy: Some(1),
            owing: Some(2),
            worry: Some(1),
            pressured: Some(0),
            exhaustion: Some(3),
            reflection: "  fine  ".into(),
            prompt: None,
        }
    }

    #[test]
    fn mood_outside_minus_two_to_two_is_refused() {
        let mut i = input();
        i.mood = Some(3);
        assert_eq!(i.validated().unwrap_err().field(), Some("mood"));
    }

    #[test]
    fn anxiety_items_above_four_are_refused() {
        let mut i = input();
        i.worry = Some(5);
        assert_eq!(i.validated().unwrap_err().field(), Some("worry"));
    }

    #[test]
    fn a_check_in_with_only_a_mood_is_kept_and_an_empty_one_refused() {
        let mut i = input();
        (i.energy, i.owing, i.worry, i.pressured, i.exhaustion) = (None, None, None, None, None);
        i.reflection = String::new();
        assert!(i.validated().is_ok());
        i.mood = None;
        assert_eq!(i.validated().unwrap_err().field(), Some("reflection"));
        i.reflection = "quiet week".into();
        assert!(i.validated().is_ok());
    }

    #[test]
    fn a_sound_check_in_is_trimmed() {
        assert_eq!(input().validated().unwrap().reflection, "fine");
    }
}

//! An exchange: something the user gave to or received from one person, and how it felt.
//!
//! Invariants (checked by `ExchangeInput::validated`): `what` is 1–500 characters, the note at
//! most 20,000, value 1..=5, each feeling 0..=4 and only those that fit the direction
//! (gratitude, indebtedness, pressure, discomfort on received; warmth, drained, expectation on
//! given), the date within 1900–2100. Settlement exists only on received exchanges.

use super::enums::{Direction, Initiative, Kind, Settlement, Sphere};
use super::validate::{check_date, check_scale, check_tags, check_text, MAX_NOTE, MAX_WHAT};
use crate::{Error, Result};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How an exchange felt, each 0 (not at all) ..= 4 (extremely), each optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Feelings {
    pub gratitude: Option<u8>,
    pub indebtedness: Option<u8>,
    pub pressure: Option<u8>,
    pub discomfort: Option<u8>,
    pub warmth: Option<u8>,
    pub drained: Option<u8>,
    pub expectation: Option<u8>,
}

impl Feelings {
    /// Each feeling with its name, in a fixed order.
    pub fn named(&self) -> [(&'static str, Option<u8>); 7] {
        [
            ("gratitude", self.gratitude),
            ("indebtedness", self.indebtedness),
            ("pressure", self.pressure),
            ("discomfort", self.discomfort),
            ("warmth", self.warmth),
            ("drained", self.drained),
            ("expectation", self.expectation),
        ]
    }

    /// The feelings that make sense for a direction.
    pub fn names_for(direction: Direction) -> &'static [&'static str] {
        match direction {
            Direction::Received => &["gratitude", "indebtedness", "pressure", "discomfort"],
            Direction::Given => &["warmth", "drained", "expectation"],
        }
    }

    fn validate(&self, direction: Direction) -> Result<()> {
        let allowed = Feelings::names_for(direction);
        for (name, value) in self.named() {
            let Some(v) = value else { continue };
            if !allowed.contains(&name) {
                return Err(Error::invalid(
                    name,
                    format!(
                        "{name} is a feeling about a {} exchange, not a {direction} one",
                        direction.opposite()
                    ),
                ));
            }
            check_scale(name, i64::from(v), 0, 4)?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Exchange {
    pub id: String,
    pub person_id: String,
    pub direction: Direction,
    pub occurred_on: NaiveDate,
    pub occurred_at: Option<NaiveTime>,
    pub kind: Kind,
    pub what: String,
    pub note: String,
    pub value: u8,
    pub initiative: Option<Initiative>,
    /// Overrides the person's sphere (a friend can help at work).
    pub sphere: Option<Sphere>,
    /// The exchange this one returns, going the other way with the same person.
    pub reciprocates: Option<String>,
    /// The request this exchange answers: a given exchange fulfils a request made of you, a
    /// received one a request you made. Naming one marks it followed through.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub fulfils: Option<String>,
    /// Only on received exchanges; `open` until thanked, returned or marked as needing none.
    pub settlement: Option<Settlement>,
    pub settled_on: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub feelings: Feelings,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

impl Exchange {
    /// What a user would enter to make this exchange: the start of an edit, and the
    /// shape every rule of the model is checked on.
    pub fn to_input(&self) -> ExchangeInput {
        ExchangeInput {
            person_id: self.person_id.clone(),
            direction: self.direction,
            occurred_on: self.occurred_on,
            occurred_at: self.occurred_at,
            kind: self.kind,
            what: self.what.clone(),
            note: self.note.clone(),
            value: self.value,
            initiative: self.initiative,
            sphere: self.sphere,
            reciprocates: self.reciprocates.clone(),
            fulfils: self.fulfils.clone(),
            tags: self.tags.clone(),
            feelings: self.feelings,
        }
    }
}

/// What a user enters to log or edit an exchange.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExchangeInput {
    pub person_id: String,
    pub direction: Direction,
    pub occurred_on: NaiveDate,
    #[serde(default)]
    pub occurred_at: Option<NaiveTime>,
    pub kind: Kind,
    pub what: String,
    #[serde(default)]
    pub note: String,
    pub value: u8,
    #[serde(default)]
    pub initiative: Option<Initiative>,
    #[serde(default)]
    pub sphere: Option<Sphere>,
    #[serde(default)]
    pub reciprocates: Option<String>,
    /// The request this exchange answers (see [`Exchange::fulfils`]).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub fulfils: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub feelings: Feelings,
}

impl ExchangeInput {
    /// A favour of value 3 with no feelings rated; the caller fills in the rest.
    pub fn new(
        person_id: impl Into<String>,
        direction: Direction,
        occurred_on: NaiveDate,
        what: impl Into<String>,
    ) -> ExchangeInput {
        ExchangeInput {
            person_id: person_id.into(),
            direction,
            occurred_on,
            occurred_at: None,
            kind: Kind::Favour,
            what: what.into(),
            note: String::new(),
            value: 3,
            initiative: None,
            sphere: None,
            reciprocates: None,
            fulfils: None,
            tags: Vec::new(),
            feelings: Feelings::default(),
        }
    }

    /// The input with text trimmed and tags normalised, or the first rule it breaks.
    /// Rules that need the journal (the person and `reciprocates` exist) are checked there.
    pub fn validated(&self) -> Result<ExchangeInput> {
        if self.person_id.trim().is_empty() {
            return Err(Error::invalid(
                "person_id",
                "choose who this exchange was with",
            ));
        }
        let what = check_text("what", &self.what, 1, MAX_WHAT)?;
        let note = check_text("note", &self.note, 0, MAX_NOTE)?;
        check_scale("value", i64::from(self.value), 1, 5)?;
        check_date("occurred_on", self.occurred_on)?;
        self.feelings.validate(self.direction)?;
        let tags = check_tags(&self.tags)?;
        let reciprocates = trimmed_id(self.reciprocates.as_deref());
        let fulfils = trimmed_id(self.fulfils.as_deref());
        Ok(ExchangeInput {
            person_id: self.person_id.trim().to_string(),
            what,
            note,
            tags,
            reciprocates,
            fulfils,
            ..self.clone()
        })
    }
}

/// An optional id as typed: trimmed, and blank meaning none.
fn trimmed_id(id: Option<&str>) -> Option<String> {
    id.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Which exchanges to list. Every field narrows; `None` means any. Newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ExchangeFilter {
    #[serde(default)]
    pub person_id: Option<String>,
    #[serde(default)]
    pub direction: Option<Direction>,
    /// The effective sphere: the exchange's override, else the person's.
    #[serde(default)]
    pub sphere: Option<Sphere>,
    #[serde(default)]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub tag: Option<String>,
    #[serde(default)]
    pub since: Option<NaiveDate>,
    #[serde(default)]
    pub until: Option<NaiveDate>,
    #[serde(default)]
    pub limit: Option<u32>,
    #[serde(default)]
    pub offset: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(direction: Direction) -> ExchangeInput {
        ExchangeInput::new(
            "p",
            direction,
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            "lift to the station",
        )
    }

    fn field_of(r: Result<ExchangeInput>) -> &'static str {
        r.unwrap_err().field().expect("a validation error")
    }

    #[test]
    fn gratitude_on_a_given_exchange_is_refused() {
        let mut i = input(Direction::Given);
        i.feelings.gratitude = Some(2);
        let err = i.validated().unwrap_err();
        assert_eq!(err.field(), Some("gratitude"));
        assert!(err.to_string().contains("received"), "{err}");
    }

    #[test]
    fn drained_on_a_received_exchange_is_refused() {
        let mut i = input(Direction::Received);
        i.feelings.drained = Some(1);
        assert_eq!(field_of(i.validated()), "drained");
    }

    #[test]
    fn feelings_above_four_are_refused() {
        let mut i = input(Direction::Received);
        i.feelings.pressure = Some(5);
        assert_eq!(field_of(i.validated()), "pressure");
    }

    #[test]
    fn value_must_be_one_to_five() {
        for bad in [0, 6] {
            let mut i = input(Direction::Given);
            i.value = bad;
            assert_eq!(field_of(i.validated()), "value");
        }
    }

    #[test]
    fn what_is_trimmed_and_must_not_be_blank_or_too_long() {
        let mut i = input(Direction::Given);
        i.what = "   ".into();
        assert_eq!(field_of(i.validated()), "what");
        i.what = "x".repeat(501);
        assert_eq!(field_of(i.validated()), "what");
        i.what = "  soup  ".into();
        assert_eq!(i.validated().unwrap().what, "soup");
    }

    #[test]
    fn notes_longer_than_twenty_thousand_characters_are_refused() {
        let mut i = input(Direction::Given);
        i.note = "é".repeat(20_001);
        assert_eq!(field_of(i.validated()), "note");
        i.note = "é".repeat(20_000);
        assert!(i.validated().is_ok());
    }

    #[test]
    fn dates_outside_1900_to_2100_are_refused() {
        let mut i = input(Direction::Given);
        i.occurred_on = NaiveDate::from_ymd_opt(1899, 12, 31).unwrap();
        assert_eq!(field_of(i.validated()), "occurred_on");
        i.occurred_on = NaiveDate::from_ymd_opt(2101, 1, 1).unwrap();
        assert_eq!(field_of(i.validated()), "occurred_on");
    }

    #[test]
    fn tags_are_normalised_and_deduplicated() {
        let mut i = input(Direction::Given);
        i.tags = vec![" Work ".into(), "work".into(), "moving".into()];
        assert_eq!(i.validated().unwrap().tags, vec!["work", "moving"]);
        i.tags = vec!["a|b".into()];
        assert_eq!(field_of(i.validated()), "tags");
    }
}

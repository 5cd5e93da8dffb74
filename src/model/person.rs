//! A person in the user's life. Their sphere and whether the bond is communal derive from
//! the relationship and are never stored twice.

use super::enums::{Relationship, Sphere};
use super::validate::{check_text, MAX_NAME, MAX_NOTE};
use crate::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub relationship: Relationship,
    pub notes: String,
    pub archived_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Person {
    pub fn sphere(&self) -> Sphere {
        self.relationship.sphere()
    }

    /// What a user would enter to make this person.
    pub fn to_input(&self) -> PersonInput {
        PersonInput {
            name: self.name.clone(),
            relationship: self.relationship,
            notes: self.notes.clone(),
        }
    }
}

/// What a user types to create or edit a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonInput {
    pub name: String,
    pub relationship: Relationship,
    #[serde(default)]
    pub notes: String,
}

impl PersonInput {
    pub fn new(name: impl Into<String>, relationship: Relationship) -> PersonInput {
        PersonInput {
            name: name.into(),
            relationship,
            notes: String::new(),
        }
    }

    /// The input with text trimmed, or the first rule it breaks.
    pub fn validated(&self) -> Result<PersonInput> {
        Ok(PersonInput {
            name: check_text("name", &self.name, 1, MAX_NAME)?,
            relationship: self.relationship,
            notes: check_text("notes", &self.notes, 0, MAX_NOTE)?,
        })
    }
}

/// A person with the counts the people list shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonSummary {
    pub person: Person,
    pub sphere: Sphere,
    pub communal: bool,
    pub given: u32,
    pub received: u32,
    pub last_exchange_on: Option<NaiveDate>,
}

//! Small builders for hand-made journals in the insight tests.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, Utc};
use reciprocity::insight::{Data, ExchangeFact};
use reciprocity::model::{CheckIn, Direction, Feelings, Kind, Person, Relationship};

pub fn day(s: &str) -> NaiveDate {
    s.parse().expect("a YYYY-MM-DD date")
}

pub fn epoch() -> DateTime<Utc> {
    DateTime::from_timestamp(0, 0).expect("the epoch")
}

/// A journal under construction, with `now` as its evaluation date.
pub struct Journal {
    pub data: Data,
    pub now: NaiveDate,
    next: usize,
}

impl Journal {
    pub fn new(now: &str) -> Journal {
        Journal {
            data: Data::default(),
            now: day(now),
            next: 0,
        }
    }

    pub fn person(&mut self, name: &str, relationship: Relationship) -> String {
        let id = format!("p-{}", self.data.people.len());
        self.data.people.push(Person {
            id: id.clone(),
            name: name.to_string(),
            relationship,
            notes: String::new(),
            archived_at: None,
            created_at: epoch(),
            updated_at: epoch(),
        });
        id
    }

    fn id(&mut self) -> String {
        self.next += 1;
        format!("e-{}", self.next)
    }

    /// Adds an exchange `days_ago` days before now; returns its id.
    pub fn exchange(
        &mut self,
        person: &str,
        direction: Direction,
        days_ago: i64,
        value: u8,
        feelings: Feelings,
    ) -> String {
        let id = self.id();
        self.data.exchanges.push(ExchangeFact {
            id: id.clone(),
            person_id: person.to_string(),
            direction,
            occurred_on: self.now - chrono::Duration::days(days_ago),
            kind: Kind::Favour,
            what: "a favour".to_string(),
            value,
            initiative: None,
            sphere: None,
            reciprocates: None,
            settlement: None,
            feelings,
        });
        id
    }

    pub fn give(&mut self, person: &str, days_ago: i64, value: u8) -> String {
        self.exchange(
            person,
            Direction::Given,
            days_ago,
            value,
            Feelings::default(),
        )
    }

    pub fn receive(&mut self, person: &str, days_ago: i64, value: u8) -> String {
        self.exchange(
            person,
            Direction::Received,
            days_ago,
            value,
            Feelings::default(),
        )
    }

    /// The last exchange added, to adjust a field.
    pub fn last(&mut self) -> &mut ExchangeFact {
        self.data.exchanges.last_mut().expect("an exchange")
    }

    pub fn checkin(&mut self, days_ago: i64, anxiety: u8, exhaustion: u8) -> String {
        let id = format!("c-{}", self.data.checkins.len());
        self.data.checkins.push(CheckIn {
            id: id.clone(),
            on: self.now - chrono::Duration::days(days_ago),
            mood: Some(0),
            energy: Some(0),
            owing: Some(anxiety),
            worry: Some(anxiety),
            pressured: Some(anxiety),
            exhaustion: Some(exhaustion),
            reflection: String::new(),
            prompt: None,
            created_at: epoch(),
            updated_at: epoch(),
            deleted_at: None,
        });
        id
    }
}

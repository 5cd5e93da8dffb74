//! People: the list, one person, adding, editing and archiving, and one person's overview
//! (balance, its history, the feelings they leave, open favours) without the whole report.

use super::exchanges::can_settle;
use super::ById;
use crate::insight::{person_balance, OpenLoop, PersonBalance};
use crate::journal::Journal;
use crate::model::{
    Direction, Exchange, ExchangeFilter, Feelings, Person, PersonInput, PersonSummary, Settlement,
    Sphere,
};
use crate::Result;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListPeople {
    #[serde(default)]
    pub include_archived: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddPerson {
    pub input: PersonInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UpdatePerson {
    pub id: String,
    pub input: PersonInput,
}

/// One person, evaluated as of the user's local date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonAt {
    pub id: String,
    pub now: NaiveDate,
}

/// The mean of one feeling over a person's rated exchanges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FeelingMean {
    /// The feeling's field name: `gratitude`, `indebtedness`, `pressure`, `discomfort`,
    /// `warmth`, `drained`, `expectation`.
    pub feeling: String,
    /// 0 (not at all) ..= 4 (extremely).
    pub mean: f64,
    /// How many exchanges rated it.
    pub rated: u32,
}

/// What a person's page shows, in one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonOverview {
    pub person: Person,
    /// The sphere their relationship puts them in.
    pub sphere: Sphere,
    /// `None` until there is an exchange with them.
    pub balance: Option<PersonBalance>,
    pub feelings: Vec<FeelingMean>,
    /// Their received favours still open after the open-loop age, oldest first.
    pub open_loops: Vec<OpenLoop>,
    /// Everything logged with them, each way, and the favours from them still open (any age).
    pub given: u32,
    pub received: u32,
    pub open: u32,
}

pub fn list_people(j: &Journal, req: ListPeople) -> Result<Vec<Person>> {
    j.list_people(req.include_archived)
}

pub fn list_person_summaries(j: &Journal, req: ListPeople) -> Result<Vec<PersonSummary>> {
    j.list_person_summaries(req.include_archived)
}

pub fn get_person(j: &Journal, req: ById) -> Result<Person> {
    j.get_person(req.id.trim())
}

pub fn add_person(j: &mut Journal, req: AddPerson) -> Result<Person> {
    j.add_person(&req.input)
}

pub fn update_person(j: &mut Journal, req: UpdatePerson) -> Result<Person> {
    j.update_person(req.id.trim(), &req.input)
}

pub fn archive_person(j: &mut Journal, req: ById) -> Result<Person> {
    j.archive_person(req.id.trim())
}

pub fn unarchive_person(j: &mut Journal, req: ById) -> Result<Person> {
    j.unarchive_person(req.id.trim())
}

pub fn person_overview(j: &Journal, req: PersonAt) -> Result<PersonOverview> {
    let person = j.get_person(req.id.trim())?;
    let (settings, data) = super::review::insight_input(j, req.now)?;
    let (balance, open_loops) = person_balance(&data, &settings, req.now, &person.id);
    let history = j.list_exchanges(&ExchangeFilter {
        person_id: Some(person.id.clone()),
        ..ExchangeFilter::default()
    })?;
    let count =
        |keep: &dyn Fn(&Exchange) -> bool| history.iter().filter(|e| keep(e)).count() as u32;
    Ok(PersonOverview {
        sphere: person.sphere(),
        person,
        balance,
        feelings: feeling_means(&history),
        open_loops,
        given: count(&|e| e.direction == Direction::Given),
        received: count(&|e| e.direction == Direction::Received),
        open: count(&|e| can_settle(e) && matches!(e.settlement, None | Some(Settlement::Open))),
    })
}

/// Mean feelings over `history`: received and given feelings side by side.
pub fn feeling_means(history: &[Exchange]) -> Vec<FeelingMean> {
    let names = Feelings::default().named().map(|(name, _)| name);
    names
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            let values: Vec<f64> = history
                .iter()
                .filter_map(|e| e.feelings.named()[i].1)
                .map(f64::from)
                .collect();
            (!values.is_empty()).then(|| FeelingMean {
                feeling: name.to_string(),
                mean: values.iter().sum::<f64>() / values.len() as f64,
                rated: values.len() as u32,
            })
        })
        .collect()
}

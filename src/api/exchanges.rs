//! Exchanges: listing, logging (with a new person in the same transaction), editing,
//! deleting with undo, settling and searching. Every answer is an [`Entry`]: the exchange
//! with what the screens would otherwise work out themselves.

use super::ById;
use crate::journal::Journal;
use crate::model::{
    Direction, Exchange, ExchangeFilter, ExchangeInput, Kind, Person, PersonInput, Settlement,
    Sphere,
};
use crate::Result;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An exchange as the screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Entry {
    #[serde(flatten)]
    pub exchange: Exchange,
    /// The person's name, so a list needs no second look-up.
    pub person_name: String,
    /// The exchange's own sphere, else its person's: what filters and insights use.
    pub effective_sphere: Sphere,
    /// Whether it can be thanked, returned or marked as needing no return: received, not a
    /// slight (a slight is not a favour), and not deleted.
    pub can_settle: bool,
}

impl Entry {
    pub fn new(exchange: Exchange, person: &Person) -> Entry {
        Entry {
            effective_sphere: exchange.sphere.unwrap_or_else(|| person.sphere()),
            can_settle: can_settle(&exchange),
            person_name: person.name.clone(),
            exchange,
        }
    }
}

/// The rule for settling: only favours received can be thanked for or returned.
pub fn can_settle(e: &Exchange) -> bool {
    e.direction == Direction::Received && e.kind != Kind::Slight && e.deleted_at.is_none()
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ListExchanges {
    pub filter: ExchangeFilter,
}

/// Logs an exchange; with `new_person`, adds that person first in the same transaction
/// (and `input.person_id` is ignored), so a refused exchange adds no one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddExchange {
    pub input: ExchangeInput,
    #[serde(default)]
    pub new_person: Option<PersonInput>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UpdateExchange {
    pub id: String,
    pub input: ExchangeInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SettleExchange {
    pub id: String,
    pub settlement: Settlement,
    #[serde(default)]
    pub returned_by: Option<String>,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchExchanges {
    pub query: String,
    pub limit: u32,
}

fn entry(j: &Journal, e: Exchange) -> Result<Entry> {
    let person = j.get_person(&e.person_id)?;
    Ok(Entry::new(e, &person))
}

fn entries(j: &Journal, list: Vec<Exchange>) -> Result<Vec<Entry>> {
    let people = j.people_by_id()?;
    list.into_iter()
        .map(|e| match people.get(&e.person_id) {
            Some(p) => Ok(Entry::new(e, p)),
            None => entry(j, e),
        })
        .collect()
}

pub fn list_exchanges(j: &Journal, req: ListExchanges) -> Result<Vec<Entry>> {
    let list = j.list_exchanges(&req.filter)?;
    entries(j, list)
}

pub fn get_exchange(j: &Journal, req: ById) -> Result<Entry> {
    let e = j.get_exchange(req.id.trim())?;
    entry(j, e)
}

pub fn add_exchange(j: &mut Journal, req: AddExchange) -> Result<Entry> {
    let e = match req.new_person {
        Some(person) => j.add_exchange_with_new_person(&person, &req.input)?,
        None => j.add_exchange(&req.input)?,
    };
    entry(j, e)
}

pub fn update_exchange(j: &mut Journal, req: UpdateExchange) -> Result<Entry> {
    let e = j.update_exchange(req.id.trim(), &req.input)?;
    entry(j, e)
}

pub fn delete_exchange(j: &mut Journal, req: ById) -> Result<Entry> {
    let e = j.delete_exchange(req.id.trim())?;
    entry(j, e)
}

pub fn restore_exchange(j: &mut Journal, req: ById) -> Result<Entry> {
    let e = j.restore_exchange(req.id.trim())?;
    entry(j, e)
}

pub fn settle_exchange(j: &mut Journal, req: SettleExchange) -> Result<Entry> {
    let by = req.returned_by.as_deref().map(str::trim);
    let e = j.settle_exchange(req.id.trim(), req.settlement, by, req.on)?;
    entry(j, e)
}

pub fn search_exchanges(j: &Journal, req: SearchExchanges) -> Result<Vec<Entry>> {
    let found = j.search_exchanges(&req.query, req.limit)?;
    entries(j, found)
}

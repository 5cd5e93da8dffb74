//! Asks (requests): logging one (with a new person in the same transaction), listing,
//! editing, deleting with undo, searching, and the side-by-side of asks with and without a
//! favour before them. Every answer is an [`AskEntry`]: the ask with its person's name and
//! what the screens would otherwise work out (whether it can still be done).

use super::{ById, Now};
use crate::insight::{ask_table, AskTable};
use crate::journal::Journal;
use crate::model::{
    Answer, FollowThrough, Person, PersonInput, Request, RequestFilter, RequestInput,
};
use crate::Result;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An ask as the screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AskEntry {
    #[serde(flatten)]
    pub request: Request,
    pub person_name: String,
    /// Agreed (or partly) and not yet done: "done it" can log or link what answers it.
    pub awaits_doing: bool,
}

impl AskEntry {
    pub fn new(request: Request, person: &Person) -> AskEntry {
        AskEntry {
            awaits_doing: awaits_doing(&request),
            person_name: person.name.clone(),
            request,
        }
    }
}

/// The rule for "done it": said yes (fully or partly), not yet followed through, not deleted.
pub fn awaits_doing(r: &Request) -> bool {
    matches!(r.answer, Answer::Agreed | Answer::Partly)
        && r.followed_through != Some(FollowThrough::Yes)
        && r.deleted_at.is_none()
}

/// Logs an ask; with `new_person`, adds that person first in the same transaction (and
/// `input.person_id` is ignored), so a refused ask adds no one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddAsk {
    pub input: RequestInput,
    #[serde(default)]
    pub new_person: Option<PersonInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ListAsks {
    pub filter: RequestFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UpdateAsk {
    pub id: String,
    pub input: RequestInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchAsks {
    pub query: String,
    pub limit: u32,
}

fn entry(j: &Journal, r: Request) -> Result<AskEntry> {
    let person = j.get_person(&r.person_id)?;
    Ok(AskEntry::new(r, &person))
}

fn entries(j: &Journal, list: Vec<Request>) -> Result<Vec<AskEntry>> {
    let people = j.people_by_id()?;
    list.into_iter()
        .map(|r| match people.get(&r.person_id) {
            Some(p) => Ok(AskEntry::new(r, p)),
            None => entry(j, r),
        })
        .collect()
}

pub fn add_ask(j: &mut Journal, req: AddAsk) -> Result<AskEntry> {
    let r = match req.new_person {
        Some(person) => j.add_request_with_new_person(&person, &req.input)?,
        None => j.add_request(&req.input)?,
    };
    entry(j, r)
}

pub fn list_asks(j: &Journal, req: ListAsks) -> Result<Vec<AskEntry>> {
    let list = j.list_requests(&req.filter)?;
    entries(j, list)
}

pub fn get_ask(j: &Journal, req: ById) -> Result<AskEntry> {
    let r = j.get_request(req.id.trim())?;
    entry(j, r)
}

pub fn update_ask(j: &mut Journal, req: UpdateAsk) -> Result<AskEntry> {
    let r = j.update_request(req.id.trim(), &req.input)?;
    entry(j, r)
}

pub fn delete_ask(j: &mut Journal, req: ById) -> Result<AskEntry> {
    let r = j.delete_request(req.id.trim())?;
    entry(j, r)
}

pub fn restore_ask(j: &mut Journal, req: ById) -> Result<AskEntry> {
    let r = j.restore_request(req.id.trim())?;
    entry(j, r)
}

pub fn search_asks(j: &Journal, req: SearchAsks) -> Result<Vec<AskEntry>> {
    let found = j.search_requests(&req.query, req.limit)?;
    entries(j, found)
}

/// Asks made of you with and without a favour before, and asks you made: agreed share, felt
/// pressure and obligation, follow-through.
pub fn ask_patterns(j: &Journal, req: Now) -> Result<AskTable> {
    let (settings, data) = super::review::insight_input(j, req.now)?;
    Ok(ask_table(&data, &settings, req.now))
}

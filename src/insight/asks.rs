//! What the tactic insights (DESIGN §4.9–11) read of requests: the facts of each ask, and the
//! asks made of the user grouped by person, oldest first. Only asks made of the user count:
//! the tactics are about noticing reciprocity used on you, never about using it.

use super::types::{Data, Subject};
use super::view::{Ctx, Ex, IdMap};
use crate::model::{Answer, FollowThrough, Person, Request, RequestDirection};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The facts of one request that the insights read: no free text, no timestamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RequestFact {
    pub id: String,
    pub person_id: String,
    pub direction: RequestDirection,
    pub on: NaiveDate,
    pub size: u8,
    pub answer: Answer,
    pub followed_through: Option<FollowThrough>,
    pub pressure: Option<u8>,
    pub obligation: Option<u8>,
    pub free_to_refuse: Option<u8>,
    pub sweetened: bool,
    pub follows: Option<String>,
}

impl From<&Request> for RequestFact {
    fn from(r: &Request) -> RequestFact {
        RequestFact {
            id: r.id.clone(),
            person_id: r.person_id.clone(),
            direction: r.direction,
            on: r.on,
            size: r.size,
            answer: r.answer,
            followed_through: r.followed_through,
            pressure: r.pressure,
            obligation: r.obligation,
            free_to_refuse: r.free_to_refuse,
            sweetened: r.sweetened,
            follows: r.follows.clone(),
        }
    }
}

impl Data {
    /// The same data with `requests` (soft-deleted ones skipped) as its asks.
    pub fn with_requests(mut self, requests: &[Request]) -> Data {
        self.requests = requests
            .iter()
            .filter(|r| r.deleted_at.is_none())
            .map(RequestFact::from)
            .collect();
        self
    }
}

/// One ask made of the user, as the insights see it.
pub(crate) struct Ask<'a> {
    pub fact: &'a RequestFact,
    /// Days between the ask and `now` (0 = today).
    pub age: i64,
}

impl Ask<'_> {
    pub fn answered(&self) -> bool {
        self.fact.answer != Answer::Pending
    }

    pub fn agreed(&self) -> bool {
        self.fact.answer.said_yes()
    }
}

/// For each person (indices as in `ctx.people`), the asks they made of the user from the
/// horizon up to `now`, oldest first (same-day asks keep the order they were given in).
pub(crate) fn asks_of_you<'a>(ctx: &Ctx<'a>, requests: &'a [RequestFact]) -> Vec<Vec<Ask<'a>>> {
    let index: IdMap<usize> = ctx
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let since = ctx.s.since(ctx.now);
    let mut out: Vec<Vec<Ask<'a>>> = (0..ctx.people.len()).map(|_| Vec::new()).collect();
    for r in requests {
        if r.direction != RequestDirection::ToYou || r.on > ctx.now || r.on < since {
            continue;
        }
        if let Some(&i) = index.get(r.person_id.as_str()) {
            let age = (ctx.now - r.on).num_days();
            out[i].push(Ask { fact: r, age });
        }
    }
    for list in &mut out {
        list.sort_by_key(|a| a.fact.on);
    }
    out
}

/// The favours (received, not slights) from the person with index `i`, oldest first.
pub(crate) fn favours_from<'a, 'c>(ctx: &'c Ctx<'a>, i: usize) -> Vec<&'c Ex<'a>> {
    ctx.by_person[i]
        .iter()
        .map(|&k| &ctx.ex[k])
        .filter(|e| !e.given() && !e.is_slight())
        .collect()
}

/// The latest of `favours` on or before the ask and within the window before it.
pub(crate) fn favour_before<'a, 'c>(
    ctx: &Ctx,
    favours: &[&'c Ex<'a>],
    ask: &Ask,
) -> Option<&'c Ex<'a>> {
    favours.iter().rev().copied().find(|f| {
        let gap = (ask.fact.on - f.fact.occurred_on).num_days();
        (0..=ctx.s.favour_ask_window_days).contains(&gap)
    })
}

pub(crate) fn person_subject(p: &Person) -> Subject {
    Subject::Person {
        id: p.id.clone(),
        name: p.name.clone(),
    }
}

/// Mean of the rated values, `None` when nothing was rated.
pub(crate) fn mean_rated(values: impl Iterator<Item = Option<u8>>) -> Option<f64> {
    let rated: Vec<f64> = values.flatten().map(f64::from).collect();
    (!rated.is_empty()).then(|| rated.iter().sum::<f64>() / rated.len() as f64)
}

/// "2 done, 1 not done, 1 not yet": what became of agreed asks (feeley2012).
pub(crate) fn follow_through_words(asks: &[&Ask]) -> (usize, String) {
    let count = |v: FollowThrough| {
        asks.iter()
            .filter(|a| a.fact.followed_through == Some(v))
            .count()
    };
    let (yes, no, not_yet) = (
        count(FollowThrough::Yes),
        count(FollowThrough::No),
        count(FollowThrough::NotYet),
    );
    let unknown = asks.len() - yes - no - not_yet;
    let mut parts = vec![format!("{yes} done")];
    if no > 0 {
        parts.push(format!("{no} not done"));
    }
    if not_yet > 0 {
        parts.push(format!("{not_yet} not yet"));
    }
    if unknown > 0 {
        parts.push(format!("{unknown} not recorded"));
    }
    (yes, parts.join(", "))
}

/// "2, 5 and 9": a short list of numbers in words.
pub(crate) fn list_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

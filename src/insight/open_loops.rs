//! Open loops (DESIGN §4.7): received favours still open (never thanked, returned or marked as
//! needing no return) after 30 days — a practical list, oldest and weightiest first, and one
//! gentle insight per person (gouldner1960, greenberg1971). With a partner, family or a
//! close friend there is no debt to settle (clark1979): the insight is only a nudge to say thanks.

use super::types::{Insight, InsightKind, Severity, Subject};
use super::view::{Ctx, IdMap};
use super::words::plural;
use crate::model::{Direction, Person, Settlement};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A received favour still waiting for thanks or a return.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OpenLoop {
    pub exchange_id: String,
    pub person_id: String,
    pub name: String,
    pub what: String,
    pub occurred_on: NaiveDate,
    pub age_days: i64,
    pub value: u8,
}

/// Every open loop, oldest first, then by value.
pub(crate) fn open_loops(ctx: &Ctx) -> Vec<OpenLoop> {
    let mut out: Vec<OpenLoop> = ctx
        .ex
        .iter()
        .filter(|e| e.fact.direction == Direction::Received && !e.is_slight())
        .filter(|e| matches!(e.fact.settlement, None | Some(Settlement::Open)))
        .filter(|e| e.age >= ctx.s.open_loop_days)
        .map(|e| OpenLoop {
            exchange_id: e.fact.id.clone(),
            person_id: e.fact.person_id.clone(),
            name: ctx.people[e.person].name.clone(),
            what: e.fact.what.clone(),
            occurred_on: e.fact.occurred_on,
            age_days: e.age,
            value: e.fact.value,
        })
        .collect();
    out.sort_by(|a, b| b.age_days.cmp(&a.age_days).then(b.value.cmp(&a.value)));
    out
}

pub(crate) fn insights(ctx: &Ctx, loops: &[OpenLoop]) -> Vec<Insight> {
    let mut by_person: IdMap<Vec<&OpenLoop>> = IdMap::default();
    for l in loops
        .iter()
        .filter(|l| l.age_days <= ctx.s.open_loop_max_days)
    {
        by_person.entry(l.person_id.as_str()).or_default().push(l);
    }
    ctx.people
        .iter()
        .filter(|p| p.archived_at.is_none())
        .filter_map(|person| {
            let mine = by_person.get(person.id.as_str())?;
            (!mine.is_empty()).then(|| word(ctx, person, mine))
        })
        .collect()
}

/// One person's open loops (oldest first, at least one) as an insight.
fn word(ctx: &Ctx, person: &Person, mine: &[&OpenLoop]) -> Insight {
    let oldest = mine[0];
    let communal = person.relationship.is_communal();
    let total: u32 = mine.iter().map(|l| u32::from(l.value)).sum();
    let subject = Subject::Person {
        id: person.id.clone(),
        name: person.name.clone(),
    };
    Insight::new(
        InsightKind::OpenLoop,
        subject,
        Severity::Note,
        headline(person, mine, communal),
    )
    .reason(
        "open",
        mine.len() as f64,
        format!(
            "{} received more than {} days ago {} not been thanked or returned yet.",
            plural(mine.len(), "favour", "favours"),
            ctx.s.open_loop_days,
            if mine.len() == 1 { "has" } else { "have" }
        ),
    )
    .reason(
        "oldest_days",
        oldest.age_days as f64,
        format!(
            "The oldest is from {} ({} days ago).",
            oldest.occurred_on, oldest.age_days
        ),
    )
    .reason(
        "total_value",
        f64::from(total),
        format!("Together they are worth {total} on the 1–5 scale."),
    )
    .research(if communal {
        &["clark1979", "unanue2019"]
    } else {
        &["gouldner1960", "greenberg1971"]
    })
    .evidence(mine.iter().map(|l| l.exchange_id.clone()).collect())
    .strength(mine.len() as f64)
}

/// A nudge to thank; in a close bond, no talk of debt at all (clark1979).
fn headline(person: &Person, mine: &[&OpenLoop], communal: bool) -> String {
    let oldest = mine[0];
    match (mine.len(), communal) {
        (1, false) => format!(
            "\"{}\" from {} is still open after {} days; a thank-you may be all it needs.",
            oldest.what, person.name, oldest.age_days
        ),
        (1, true) => format!(
            "\"{}\" from {} has not been thanked yet ({} days); in a close bond there is no \
             debt to settle, but thanks are always welcome.",
            oldest.what, person.name, oldest.age_days
        ),
        (n, false) => format!(
            "{} from {} are still open; the oldest, \"{}\", is {} days old.",
            plural(n, "favour", "favours"),
            person.name,
            oldest.what,
            oldest.age_days
        ),
        (n, true) => format!(
            "{} from {} have not been thanked yet, the oldest {} days ago; in a close bond \
             there is no debt to settle, but thanks are always welcome.",
            plural(n, "favour", "favours"),
            person.name,
            oldest.age_days
        ),
    }
}

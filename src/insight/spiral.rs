//! Retaliation spiral (DESIGN §4.8): at least three slights going back and forth between the
//! user and one person, each within 30 days of the one before (gouldner1960: negative
//! reciprocity). Only a spiral whose latest slight is within the recent window is reported.

use super::types::{Insight, InsightKind, Severity, Subject};
use super::view::{Ctx, Ex};
use crate::model::Person;

pub(crate) fn insights(ctx: &Ctx) -> Vec<Insight> {
    let mut out = Vec::new();
    for (i, list) in ctx.by_person.iter().enumerate() {
        let person = &ctx.people[i];
        if person.archived_at.is_some() {
            continue;
        }
        let slights: Vec<&Ex> = list
            .iter()
            .map(|&k| &ctx.ex[k])
            .filter(|e| e.is_slight())
            .collect();
        if let Some(chain) = spiral(ctx, &slights) {
            out.push(word(ctx, person, &chain));
        }
    }
    out
}

/// The longest alternating chain of `slights` (oldest first), when it is long enough and
/// its latest slight is recent.
fn spiral<'c, 'a>(ctx: &Ctx, slights: &[&'c Ex<'a>]) -> Option<Vec<&'c Ex<'a>>> {
    if slights.len() < ctx.s.spiral_min_slights {
        return None;
    }
    let mut best: Vec<&Ex> = Vec::new();
    let mut chain: Vec<&Ex> = Vec::new();
    for e in slights {
        let continues = chain.last().is_some_and(|prev: &&Ex| {
            prev.given() != e.given() && prev.age - e.age <= ctx.s.spiral_window_days
        });
        if !continues {
            // A same-direction slight within the window restarts the chain from itself.
            chain.clear();
        }
        chain.push(e);
        if chain.len() >= best.len() {
            best = chain.clone();
        }
    }
    let recent = best
        .last()
        .is_some_and(|e| e.age <= ctx.s.anxiety_window_days);
    (best.len() >= ctx.s.spiral_min_slights && recent).then_some(best)
}

/// The insight for one person's spiral; calmer (a notice) in a close bond.
fn word(ctx: &Ctx, person: &Person, best: &[&Ex]) -> Insight {
    let first = best[0];
    let last = best[best.len() - 1];
    let days = first.age - last.age;
    let yours = best.iter().filter(|e| e.given()).count();
    let theirs = best.len() - yours;
    let headline = format!(
        "Things have been going back and forth with {}: {} slights in {} days, each \
         answering the last; one kind step can break a spiral like this.",
        person.name,
        best.len(),
        days
    );
    let severity = if person.relationship.is_communal() {
        Severity::Notice
    } else {
        Severity::Concern
    };
    let subject = Subject::Person {
        id: person.id.clone(),
        name: person.name.clone(),
    };
    Insight::new(InsightKind::RetaliationSpiral, subject, severity, headline)
        .reason(
            "slights",
            best.len() as f64,
            format!(
                "{} slights alternated between you ({yours} from you, {theirs} from {}).",
                best.len(),
                person.name
            ),
        )
        .reason(
            "days",
            days as f64,
            format!(
                "They span {days} days, from {} to {}, each within {} days of the one before.",
                first.fact.occurred_on, last.fact.occurred_on, ctx.s.spiral_window_days
            ),
        )
        .research(&["gouldner1960"])
        .evidence(best.iter().map(|e| e.fact.id.clone()).collect())
        .strength(best.len() as f64)
}

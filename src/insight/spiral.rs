//! Retaliation spiral (DESIGN §4.8): at least three slights going back and forth between the
//! user and one person, each within 30 days of the one before (gouldner1960: negative
//! reciprocity). Only a spiral whose latest slight is within the recent window is reported.

use super::types::{Insight, InsightKind, Severity, Subject};
use super::view::{Ctx, Ex};

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
        if slights.len() < ctx.s.spiral_min_slights {
            continue;
        }
        // The longest alternating chain ending at each slight; keep the best recent one.
        let mut best: Vec<&Ex> = Vec::new();
        let mut chain: Vec<&Ex> = Vec::new();
        for e in &slights {
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
        if best.len() < ctx.s.spiral_min_slights || !recent {
            continue;
        }
        let first = best[0];
        let last = best[best.len() - 1];
        let days = first.age - last.age;
        let yours = best.iter().filter(|e| e.given()).count();
        let theirs = best.len() - yours;
        let communal = person.relationship.is_communal();
        let headline = format!(
            "Things have been going back and forth with {}: {} slights in {} days, each \
             answering the last; one kind step can break a spiral like this.",
            person.name,
            best.len(),
            days
        );
        let insight = Insight::new(
            InsightKind::RetaliationSpiral,
            Subject::Person {
                id: person.id.clone(),
                name: person.name.clone(),
            },
            if communal {
                Severity::Notice
            } else {
                Severity::Concern
            },
            headline,
        )
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
        .strength(best.len() as f64);
        out.push(insight);
    }
    out
}

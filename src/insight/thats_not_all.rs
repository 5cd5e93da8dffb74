//! That's not all (DESIGN §4.11, `thats_not_all`, per person): at least 2 asks from someone
//! in the last 180 days that you agreed to after they sweetened them before you answered.
//! Improving the deal before the answer raises agreement well beyond the same final offer
//! made at once (burger1986). Always a note: a sweetener is often plain generosity, so the
//! wording invites a look at the ask itself, more gently still for close bonds (clark1979).

use super::asks::{asks_of_you, follow_through_words, person_subject, Ask, RequestFact};
use super::types::{Insight, InsightKind, Severity};
use super::view::Ctx;
use super::words::pct;
use crate::model::Person;

pub(crate) fn insights(ctx: &Ctx, requests: &[RequestFact]) -> Vec<Insight> {
    let asks = asks_of_you(ctx, requests);
    let mut out = Vec::new();
    for (i, person) in ctx.people.iter().enumerate() {
        if person.archived_at.is_some() {
            continue;
        }
        let recent: Vec<&Ask> = asks[i]
            .iter()
            .filter(|a| a.age <= ctx.s.sweetened_lookback_days)
            .collect();
        let sweetened = find(&recent);
        if sweetened.len() >= ctx.s.sweetened_min_agreed {
            out.push(word(person, &recent, &sweetened));
        }
    }
    out
}

/// The recent asks agreed to after a sweetener.
fn find<'a, 'b>(recent: &[&'b Ask<'a>]) -> Vec<&'b Ask<'a>> {
    recent
        .iter()
        .copied()
        .filter(|a| a.fact.sweetened && a.agreed())
        .collect()
}

fn headline(person: &Person, n: usize) -> String {
    if person.relationship.is_communal() {
        format!(
            "{n} times in the last 6 months {} added something to an ask before you answered, \
             and you said yes; generous, perhaps, and still worth asking whether you wanted \
             the ask itself.",
            person.name
        )
    } else {
        format!(
            "{n} times in the last 6 months {} sweetened an ask before you answered, and you \
             said yes; an extra thrown in is worth setting aside to ask whether you wanted the \
             ask itself.",
            person.name
        )
    }
}

fn word(person: &Person, recent: &[&Ask], sweetened: &[&Ask]) -> Insight {
    let n = sweetened.len();
    let plain: Vec<&&Ask> = recent
        .iter()
        .filter(|a| !a.fact.sweetened && a.answered())
        .collect();
    let (done, words) = follow_through_words(sweetened);
    let mut insight = Insight::new(
        InsightKind::ThatsNotAll,
        person_subject(person),
        Severity::Note,
        headline(person, n),
    )
    .reason(
        "sweetened_agreed",
        n as f64,
        format!(
            "You agreed to {n} asks from {} that were sweetened first.",
            person.name
        ),
    );
    if !plain.is_empty() {
        let yes = plain.iter().filter(|a| a.agreed()).count();
        let share = yes as f64 / plain.len() as f64;
        insight = insight.reason(
            "agreed_unsweetened",
            share,
            format!(
                "To their asks with nothing added you said yes to {yes} of {} ({}).",
                plain.len(),
                pct(share)
            ),
        );
    }
    insight
        .reason(
            "followed_through",
            done as f64,
            format!("Of the sweetened asks you agreed to: {words}."),
        )
        .research(&["burger1986"])
        .evidence(sweetened.iter().map(|a| a.fact.id.clone()).collect())
        .strength(n as f64)
}

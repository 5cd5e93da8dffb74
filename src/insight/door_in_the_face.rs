//! Door in the face (DESIGN §4.10, `door_in_the_face`, per person): someone asked something
//! of you that you declined, then within 7 days asked something smaller (size lower by at
//! least 1, or linked by `follows`) that you agreed to. After refusing a large request, far
//! more people agree to a small one than when asked only the small one (cialdini1975); the
//! agreement outruns what is then done (feeley2012), so the reasons show the follow-through.
//! One sequence in the last 180 days: a note; two or more: a notice. Close bonds get the
//! note's gentler wording, since haggling over asks is ordinary between people this close.

use super::asks::{asks_of_you, follow_through_words, person_subject, Ask, RequestFact};
use super::types::{Insight, InsightKind, Severity};
use super::view::Ctx;
use super::words::plural;
use crate::model::{Answer, Person};

/// A declined ask and the smaller one agreed to after it.
struct Concession<'a, 'b> {
    declined: &'b Ask<'a>,
    smaller: &'b Ask<'a>,
}

pub(crate) fn insights(ctx: &Ctx, requests: &[RequestFact]) -> Vec<Insight> {
    let asks = asks_of_you(ctx, requests);
    let mut out = Vec::new();
    for (i, person) in ctx.people.iter().enumerate() {
        if person.archived_at.is_some() {
            continue;
        }
        let found = find(ctx, &asks[i]);
        if !found.is_empty() {
            out.push(word(ctx, person, &found));
        }
    }
    out
}

fn linked(declined: &Ask, later: &Ask) -> bool {
    later.fact.follows.as_deref() == Some(declined.fact.id.as_str())
}

/// Whether `later` is a smaller ask replacing `declined`, within the window.
fn replaces(ctx: &Ctx, declined: &Ask, later: &Ask) -> bool {
    let gap = (later.fact.on - declined.fact.on).num_days();
    let smaller = later.fact.size + ctx.s.door_min_size_drop <= declined.fact.size;
    (0..=ctx.s.door_window_days).contains(&gap) && (linked(declined, later) || smaller)
}

/// Each declined ask paired with the first later smaller ask agreed to; each ask used once.
fn find<'a, 'b>(ctx: &Ctx, asks: &'b [Ask<'a>]) -> Vec<Concession<'a, 'b>> {
    let mut used = vec![false; asks.len()];
    let mut out = Vec::new();
    for (k, declined) in asks.iter().enumerate() {
        if declined.fact.answer != Answer::Declined || used[k] {
            continue;
        }
        // A same-day ask counts when it comes later in the list or names the declined one.
        let next = (0..asks.len()).find(|&m| {
            m != k
                && !used[m]
                && asks[m].agreed()
                && replaces(ctx, declined, &asks[m])
                && (m > k || asks[m].fact.on > declined.fact.on || linked(declined, &asks[m]))
        });
        let Some(m) = next else { continue };
        if asks[m].age > ctx.s.door_lookback_days {
            continue;
        }
        used[k] = true;
        used[m] = true;
        out.push(Concession {
            declined,
            smaller: &asks[m],
        });
    }
    out
}

fn headline(person: &Person, found: &[Concession]) -> String {
    let n = found.len();
    if person.relationship.is_communal() {
        return format!(
            "A smaller ask from {} followed one you turned down and you said yes ({} in the \
             last 6 months); between people this close that is often just finding what works, \
             but a yes is still yours to give.",
            person.name,
            plural(n, "time", "times")
        );
    }
    if n == 1 {
        return format!(
            "After you turned down an ask from {}, a smaller one followed within days and you \
             said yes (1 time in the last 6 months); a second, smaller ask does not oblige \
             you either.",
            person.name
        );
    }
    format!(
        "{} has followed an ask you turned down with a smaller one {n} times in the last 6 \
         months, and you said yes each time; a concession after a no can make a yes feel \
         owed, and it is not.",
        person.name
    )
}

fn word(ctx: &Ctx, person: &Person, found: &[Concession]) -> Insight {
    let n = found.len();
    let severity = if n >= ctx.s.door_notice_sequences && !person.relationship.is_communal() {
        Severity::Notice
    } else {
        Severity::Note
    };
    let pairs: Vec<String> = found
        .iter()
        .map(|c| {
            let gap = (c.smaller.fact.on - c.declined.fact.on).num_days();
            format!(
                "size {} declined, size {} agreed {} later",
                c.declined.fact.size,
                c.smaller.fact.size,
                plural(gap as usize, "day", "days")
            )
        })
        .collect();
    let smaller: Vec<&Ask> = found.iter().map(|c| c.smaller).collect();
    let (done, words) = follow_through_words(&smaller);
    let mut evidence = Vec::new();
    for c in found {
        evidence.push(c.declined.fact.id.clone());
        evidence.push(c.smaller.fact.id.clone());
    }
    Insight::new(
        InsightKind::DoorInTheFace,
        person_subject(person),
        severity,
        headline(person, found),
    )
    .reason(
        "sequences",
        n as f64,
        format!(
            "{}: {}.",
            plural(n, "smaller ask after a no", "smaller asks after a no"),
            pairs.join("; ")
        ),
    )
    .reason(
        "followed_through",
        done as f64,
        format!(
            "Of the {} you agreed to: {words} (agreeing often outruns doing).",
            plural(n, "smaller ask", "smaller asks")
        ),
    )
    .research(&["cialdini1975", "feeley2012"])
    .evidence(evidence)
    .strength(n as f64)
}

//! The everyday rhythm: people of each relationship, exchanges taken in turn, feelings that
//! fit, receipts settled over time, and periodic check-ins.

use super::words::{kinds_for, what, FAMILY_NAMES, FIRST_NAMES, SURNAME_INITIALS};
use super::{stamp, Builder, Pattern};
use crate::model::{
    CheckIn, Direction, Exchange, Feelings, Initiative, Kind, Relationship, Settlement, Sphere,
};
use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

/// Relationships of a typical life, in the order people are added; past the end, the
/// repeatable part cycles.
const LIFE: &[Relationship] = &[
    Relationship::Partner,
    Relationship::Family,
    Relationship::Family,
    Relationship::Family,
    Relationship::CloseFriend,
    Relationship::CloseFriend,
    Relationship::Manager,
];
const REPEAT: &[Relationship] = &[
    Relationship::Friend,
    Relationship::Colleague,
    Relationship::Friend,
    Relationship::Neighbour,
    Relationship::Acquaintance,
    Relationship::Colleague,
    Relationship::Friend,
    Relationship::Community,
    Relationship::Report,
    Relationship::Client,
    Relationship::Online,
    Relationship::Family,
    Relationship::CloseFriend,
    Relationship::Acquaintance,
    Relationship::Colleague,
    Relationship::Stranger,
];

/// Interactions per week.
fn rate(r: Relationship) -> f64 {
    use Relationship::*;
    match r {
        Partner => 2.0,
        Family => 0.35,
        CloseFriend => 0.3,
        Friend => 0.12,
        Neighbour => 0.08,
        Acquaintance => 0.04,
        Colleague => 0.3,
        Manager => 0.2,
        Report => 0.2,
        Client => 0.08,
        Community => 0.1,
        Online => 0.05,
        Stranger => 0.02,
    }
}

fn day_factor(sphere: Sphere, day: NaiveDate) -> f64 {
    let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
    match (sphere, weekend) {
        (Sphere::Workplace, false) => 1.35,
        (Sphere::Workplace, true) => 0.12,
        (_, false) => 0.75,
        (_, true) => 1.6,
    }
}

pub(crate) fn people(g: &mut Builder) {
    let mut family = 0;
    for k in 0..g.o.people {
        let relationship = if k < LIFE.len() {
            LIFE[k]
        } else {
            REPEAT[(k - LIFE.len()) % REPEAT.len()]
        };
        let name = if relationship == Relationship::Family && family < FAMILY_NAMES.len() {
            family += 1;
            FAMILY_NAMES[family - 1].to_string()
        } else {
            let first = FIRST_NAMES[k % FIRST_NAMES.len()];
            let round = k / FIRST_NAMES.len();
            let initial = SURNAME_INITIALS[(k * 7 + round) % SURNAME_INITIALS.len()];
            if round == 0 {
                format!("{first} {initial}.")
            } else {
                format!("{first} {initial}. ({})", round + 1)
            }
        };
        let i = g.add_person(name, relationship);
        g.everyday.push(i);
    }
}

/// Feelings for a receipt or a give, as the journal's patterns shape them.
pub(crate) fn feelings(
    g: &mut Builder,
    direction: Direction,
    sphere: Sphere,
    initiative: Option<Initiative>,
) -> Feelings {
    let rng = &mut g.rng;
    let mut f = Feelings::default();
    match direction {
        Direction::Received => {
            let work = sphere == Sphere::Workplace && g.o.patterns.contains(&Pattern::WorkPressure);
            let uninvited = g.o.patterns.contains(&Pattern::UninvitedFavours);
            let mut debt = if work { 2.3 } else { 1.0 };
            if uninvited {
                match initiative {
                    Some(Initiative::Unsolicited) => debt += 1.8,
                    Some(Initiative::Asked) => debt -= 0.4,
                    _ => {}
                }
            }
            f.gratitude = Some(rng.scale(if work { 1.8 } else { 3.0 }, 0.8, 4));
            f.indebtedness = Some(rng.scale(debt, 0.7, 4));
            f.pressure = rng
                .chance(0.8)
                .then(|| rng.scale(if work { 2.2 } else { 0.7 }, 0.7, 4));
            f.discomfort = rng.chance(0.6).then(|| rng.scale(0.5, 0.6, 4));
        }
        Direction::Given => {
            f.warmth = Some(rng.scale(3.0, 0.8, 4));
            f.drained = Some(rng.scale(0.6, 0.7, 4));
            f.expectation = rng.chance(0.7).then(|| rng.scale(0.8, 0.8, 4));
        }
    }
    f
}

/// Adds one exchange; returns its index in `g.exchanges`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn add(
    g: &mut Builder,
    person: usize,
    direction: Direction,
    day: NaiveDate,
    kind: Kind,
    value: u8,
    initiative: Option<Initiative>,
    feelings: Feelings,
) -> usize {
    let id = g.id(day);
    let at = stamp(day, g.rng.int(18 * 3_600_000, 23 * 3_600_000));
    let occurred_at = g
        .rng
        .chance(0.4)
        .then(|| NaiveTime::from_hms_opt(g.rng.int(7, 21) as u32, 5 * g.rng.int(0, 11) as u32, 0))
        .flatten();
    let pick = g.rng.int(0, 9) as usize;
    let settlement = (direction == Direction::Received).then_some(Settlement::Open);
    g.exchanges.push(Exchange {
        id,
        person_id: g.people[person].id.clone(),
        direction,
        occurred_on: day,
        occurred_at,
        kind,
        what: what(kind, direction, pick).to_string(),
        note: String::new(),
        value: value.clamp(1, 5),
        initiative,
        sphere: None,
        reciprocates: None,
        fulfils: None,
        settlement,
        settled_on: None,
        tags: Vec::new(),
        feelings,
        created_at: at,
        updated_at: at,
        deleted_at: None,
    });
    g.exchanges.len() - 1
}

/// Settles receipts the way people do: most get thanked or returned within weeks.
pub(crate) fn settle(g: &mut Builder, index: usize, returned_on: Option<NaiveDate>) {
    let end = g.o.end;
    let e = &mut g.exchanges[index];
    if e.direction != Direction::Received {
        return;
    }
    if let Some(on) = returned_on {
        e.settlement = Some(Settlement::Returned);
        e.settled_on = Some(on);
        return;
    }
    let age = (end - e.occurred_on).num_days();
    let roll = g.rng.f64();
    let (settlement, after) = if age < 10 && roll < 0.6 {
        (Settlement::Open, 0)
    } else if roll < 0.72 {
        (Settlement::Thanked, g.rng.int(0, 6.min(age)))
    } else if roll < 0.975 {
        (Settlement::NoReturnNeeded, g.rng.int(0, 3.min(age)))
    } else {
        (Settlement::Open, 0)
    };
    e.settlement = Some(settlement);
    e.settled_on =
        (settlement != Settlement::Open).then(|| e.occurred_on + chrono::Duration::days(after));
}

pub(crate) fn exchanges(g: &mut Builder) {
    let days = (g.o.end - g.o.start()).num_days();
    let scale = rate_scale(g, days);
    let everyday = g.everyday.clone();
    for person in everyday {
        person_exchanges(g, person, days, scale);
    }
}

/// How much to scale every rate so the journal comes out near `target_exchanges`.
fn rate_scale(g: &Builder, days: i64) -> f64 {
    let Some(target) = g.o.target_exchanges else {
        return 1.0;
    };
    let expected: f64 = g
        .everyday
        .iter()
        .map(|&i| rate(g.people[i].relationship) / 7.0 * days as f64)
        .sum();
    if expected > 0.0 {
        target as f64 / expected
    } else {
        1.0
    }
}

/// One person's exchanges over the whole journal, mostly taking turns.
fn person_exchanges(g: &mut Builder, person: usize, days: i64, scale: f64) {
    let start = g.o.start();
    let relationship = g.people[person].relationship;
    let sphere = relationship.sphere();
    let p = rate(relationship) / 7.0 * scale;
    let base_value = g.rng.int(2, 3) as f64;
    let communal = relationship.is_communal();
    let mut last: Option<(usize, Direction)> = None;
    for d in 0..=days {
        let day = start + chrono::Duration::days(d);
        if !g.rng.chance(p * day_factor(sphere, day)) {
            continue;
        }
        if !communal && g.rng.chance(0.003) {
            let direction = if g.rng.chance(0.5) {
                Direction::Given
            } else {
                Direction::Received
            };
            add(
                g,
                person,
                direction,
                day,
                Kind::Slight,
                2,
                None,
                Default::default(),
            );
            continue;
        }
        let k = next_in_turn(g, person, day, last, base_value);
        settle_before(g, k, last);
        last = Some((k, g.exchanges[k].direction));
    }
    if let Some((prev, Direction::Received)) = last {
        settle(g, prev, None);
    }
}

/// The next positive exchange with `person` on `day`: mostly the other one's turn, and a
/// return mostly worth what it returns. Returns its index.
fn next_in_turn(
    g: &mut Builder,
    person: usize,
    day: NaiveDate,
    last: Option<(usize, Direction)>,
    base_value: f64,
) -> usize {
    let relationship = g.people[person].relationship;
    let direction = match last {
        Some((_, prev)) if g.rng.chance(0.8) => prev.opposite(),
        _ if g.rng.chance(0.5) => Direction::Given,
        _ => Direction::Received,
    };
    let value = match last.filter(|(_, prev)| *prev != direction) {
        Some((k, _)) => {
            let v = f64::from(g.exchanges[k].value);
            v + if g.rng.chance(0.3) {
                g.rng.int(-1, 1) as f64
            } else {
                0.0
            }
        }
        None => base_value + g.rng.int(-1, 1) as f64,
    };
    let kind = *g.rng.pick(kinds_for(relationship));
    let roll = g.rng.f64();
    let initiative = if roll < 0.4 {
        Initiative::Asked
    } else if roll < 0.82 {
        Initiative::Offered
    } else {
        Initiative::Unsolicited
    };
    let feel = if g.rng.chance(0.6) {
        feelings(g, direction, relationship.sphere(), Some(initiative))
    } else {
        Feelings::default()
    };
    let value = value.clamp(1.0, 5.0) as u8;
    add(
        g,
        person,
        direction,
        day,
        kind,
        value,
        Some(initiative),
        feel,
    )
}

/// Once exchange `k` follows `last`, a receipt before it is settled: returned by `k` (and
/// linked to it, sometimes) when `k` gives back within 60 days, else thanked or let be.
fn settle_before(g: &mut Builder, k: usize, last: Option<(usize, Direction)>) {
    let Some((prev, Direction::Received)) = last else {
        return;
    };
    let direction = g.exchanges[k].direction;
    if direction == Direction::Received {
        settle(g, prev, None);
        return;
    }
    let day = g.exchanges[k].occurred_on;
    let gap = (day - g.exchanges[prev].occurred_on).num_days();
    if gap <= 60 && g.rng.chance(0.35) {
        g.exchanges[k].reciprocates = Some(g.exchanges[prev].id.clone());
        settle(g, prev, Some(day));
    } else {
        settle(g, prev, None);
    }
}

pub(crate) fn checkins(g: &mut Builder) {
    let every = i64::from(g.o.checkin_every_days);
    if every == 0 {
        return;
    }
    let start = g.o.start();
    let mut day = start + chrono::Duration::days(g.rng.int(0, every - 1));
    while day <= g.o.end {
        let id = g.id(day);
        let at = stamp(day, g.rng.int(19 * 3_600_000, 23 * 3_600_000));
        let rng = &mut g.rng;
        g.checkins.push(CheckIn {
            id,
            on: day,
            mood: Some((rng.normal() * 0.8).round().clamp(-2.0, 2.0) as i8),
            energy: Some((rng.normal() * 0.8).round().clamp(-2.0, 2.0) as i8),
            owing: Some(rng.scale(1.0, 0.8, 4)),
            worry: Some(rng.scale(1.0, 0.8, 4)),
            pressured: Some(rng.scale(0.8, 0.8, 4)),
            exhaustion: Some(rng.scale(1.0, 0.8, 4)),
            reflection: String::new(),
            prompt: None,
            created_at: at,
            updated_at: at,
            deleted_at: None,
        });
        day += chrono::Duration::days(every);
    }
}

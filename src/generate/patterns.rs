//! Planted patterns: people and exchanges that the insights should find, added on top of the
//! everyday rhythm. Each is confined to its own people (or, for journal-wide patterns, shapes
//! the everyday feelings), so a test knows exactly what to expect.

use super::everyday::{add, feelings, settle};
use super::{Builder, Pattern, Planted};
use crate::model::{Direction, Feelings, Initiative, Kind, Relationship, Sphere};
use chrono::{Duration, NaiveDate};

pub(crate) fn plant(g: &mut Builder) -> Vec<Planted> {
    let mut out = Vec::new();
    for &pattern in Pattern::ALL {
        if !g.planted(pattern) {
            continue;
        }
        let people = match pattern {
            Pattern::OverGiver => over_giver(g),
            Pattern::RisingWorkAnxiety => rising_work_anxiety(g),
            Pattern::EscalatingGifts => escalating_gifts(g),
            Pattern::RetaliationSpiral => retaliation_spiral(g),
            Pattern::BalancedFriends => balanced_friends(g),
            Pattern::UninvitedFavours | Pattern::WorkPressure => Vec::new(),
            // Asks are planted last, from their own stream (see `asks`).
            Pattern::FavourBeforeAsk | Pattern::DoorInTheFace | Pattern::ThatsNotAll => continue,
        };
        out.push(Planted {
            pattern,
            person_ids: people.iter().map(|&i| g.people[i].id.clone()).collect(),
        });
    }
    out
}

fn days_before(g: &Builder, n: i64) -> NaiveDate {
    g.o.end - Duration::days(n)
}

/// Three people the user keeps giving to over the last eight months, feeling drained.
fn over_giver(g: &mut Builder) -> Vec<usize> {
    let people = vec![
        g.add_person("Nina Park".into(), Relationship::Friend),
        g.add_person("Paul Reyes".into(), Relationship::Colleague),
        g.add_person("Rita Olsen".into(), Relationship::Neighbour),
    ];
    for &p in &people {
        let mut d = 240 - g.rng.int(0, 5);
        while d >= 1 {
            let day = days_before(g, d);
            let given = g.rng.chance(0.9);
            let sphere = g.people[p].relationship.sphere();
            if given {
                let f = Feelings {
                    warmth: Some(g.rng.scale(1.5, 0.7, 4)),
                    drained: Some(g.rng.scale(2.9, 0.6, 4)),
                    expectation: Some(g.rng.scale(2.6, 0.7, 4)),
                    ..Feelings::default()
                };
                let v = g.rng.int(2, 4) as u8;
                add(
                    g,
                    p,
                    Direction::Given,
                    day,
                    Kind::TimeHelp,
                    v,
                    Some(Initiative::Asked),
                    f,
                );
            } else {
                let f = feelings(g, Direction::Received, sphere, Some(Initiative::Offered));
                let k = add(
                    g,
                    p,
                    Direction::Received,
                    day,
                    Kind::Favour,
                    2,
                    Some(Initiative::Offered),
                    f,
                );
                settle(g, k, None);
            }
            d -= g.rng.int(3, 7);
        }
    }
    people
}

/// A manager whose help weighs more and more over the last 120 days.
fn rising_work_anxiety(g: &mut Builder) -> Vec<usize> {
    let p = g.add_person("Morgan Hale".into(), Relationship::Manager);
    let span = 120.0;
    let mut d: i64 = 120;
    while d >= 1 {
        let day = days_before(g, d);
        let t = (span - d as f64) / span;
        let level = 0.3 + 3.4 * t;
        let f = Feelings {
            gratitude: Some(g.rng.scale(2.0, 0.8, 4)),
            indebtedness: Some(g.rng.scale(level, 0.4, 4)),
            pressure: Some(g.rng.scale(level, 0.4, 4)),
            discomfort: Some(g.rng.scale(level * 0.8, 0.4, 4)),
            ..Feelings::default()
        };
        let k = add(
            g,
            p,
            Direction::Received,
            day,
            Kind::Favour,
            3,
            Some(Initiative::Unsolicited),
            f,
        );
        settle(g, k, None);
        if g.rng.chance(0.7) {
            let back = days_before(g, (d - 2).max(0));
            add(
                g,
                p,
                Direction::Given,
                back,
                Kind::Advice,
                3,
                Some(Initiative::Asked),
                Feelings::default(),
            );
        }
        d -= g.rng.int(3, 5);
    }
    vec![p]
}

/// A friend with whom every return is bigger than the gift before, over the last year.
fn escalating_gifts(g: &mut Builder) -> Vec<usize> {
    let p = g.add_person("Iris Weber".into(), Relationship::Friend);
    let mut d: i64 = 330;
    for _ in 0..10 {
        let received_value = g.rng.int(1, 3) as u8;
        let day = days_before(g, d);
        let f = feelings(
            g,
            Direction::Received,
            Sphere::Personal,
            Some(Initiative::Offered),
        );
        let k = add(
            g,
            p,
            Direction::Received,
            day,
            Kind::Gift,
            received_value,
            Some(Initiative::Offered),
            f,
        );
        let back = d - g.rng.int(5, 12);
        let given_value = (received_value + g.rng.int(1, 2) as u8).min(5);
        let back_day = days_before(g, back);
        let j = add(
            g,
            p,
            Direction::Given,
            back_day,
            Kind::Gift,
            given_value,
            Some(Initiative::Offered),
            Feelings::default(),
        );
        g.exchanges[j].reciprocates = Some(g.exchanges[k].id.clone());
        settle(g, k, Some(back_day));
        d -= 32;
    }
    vec![p]
}

/// A neighbour: friendly exchanges long ago, then slights going back and forth.
fn retaliation_spiral(g: &mut Builder) -> Vec<usize> {
    let p = g.add_person("Derek Hall".into(), Relationship::Neighbour);
    for (k, d) in [300i64, 260, 200].into_iter().enumerate() {
        let direction = if k % 2 == 0 {
            Direction::Given
        } else {
            Direction::Received
        };
        let day = days_before(g, d);
        let i = add(
            g,
            p,
            direction,
            day,
            Kind::Favour,
            2,
            Some(Initiative::Asked),
            Feelings::default(),
        );
        settle(g, i, None);
    }
    let steps = [
        (55, Direction::Received),
        (44, Direction::Given),
        (31, Direction::Received),
        (18, Direction::Given),
    ];
    for (d, direction) in steps {
        let day = days_before(g, d);
        add(
            g,
            p,
            direction,
            day,
            Kind::Slight,
            2,
            None,
            Feelings::default(),
        );
    }
    vec![p]
}

/// Three friends with strictly alternating, equal give and take for the whole journal.
fn balanced_friends(g: &mut Builder) -> Vec<usize> {
    let people = vec![
        g.add_person("Ana Costa".into(), Relationship::Friend),
        g.add_person("Bo Lindqvist".into(), Relationship::Friend),
        g.add_person("Cy Adeyemi".into(), Relationship::Friend),
    ];
    let total = (g.o.end - g.o.start()).num_days();
    for &p in &people {
        let mut d = total - g.rng.int(0, 6);
        let mut direction = if g.rng.chance(0.5) {
            Direction::Given
        } else {
            Direction::Received
        };
        let mut last_received: Option<usize> = None;
        while d >= 1 {
            let day = days_before(g, d);
            let f = feelings(g, direction, Sphere::Personal, Some(Initiative::Offered));
            let k = add(
                g,
                p,
                direction,
                day,
                Kind::Hospitality,
                3,
                Some(Initiative::Offered),
                f,
            );
            match direction {
                Direction::Received => last_received = Some(k),
                Direction::Given => {
                    if let Some(r) = last_received.take() {
                        settle(g, r, Some(day));
                    }
                }
            }
            direction = direction.opposite();
            d -= g.rng.int(6, 10);
        }
        if let Some(r) = last_received {
            settle(g, r, None);
        }
    }
    people
}

/// Check-ins (and recent feelings) that carry the planted journal-wide signals.
pub(crate) fn adjust_recent(g: &mut Builder) {
    let end = g.o.end;
    let rising = g.planted(Pattern::RisingWorkAnxiety);
    let over = g.planted(Pattern::OverGiver);
    for c in g.checkins.iter_mut() {
        let age = (end - c.on).num_days();
        if rising && age < 90 {
            let level = 1.0 + 2.6 * (90.0 - age as f64) / 90.0;
            c.owing = Some(g.rng.scale(level, 0.5, 4));
            c.worry = Some(g.rng.scale(level, 0.5, 4));
            c.pressured = Some(g.rng.scale(level, 0.5, 4));
        }
        if over && age < 60 {
            c.exhaustion = Some(g.rng.scale(3.4, 0.5, 4));
        }
    }
    if rising {
        // The sense of owing rises across the board, not only with the manager.
        for e in g.exchanges.iter_mut() {
            let age = (end - e.occurred_on).num_days();
            if e.direction != Direction::Received || age >= 90 {
                continue;
            }
            let level = 0.8 + 2.6 * (90.0 - age as f64) / 90.0;
            e.feelings.pressure = Some(g.rng.scale(level, 0.5, 4));
            e.feelings.discomfort = Some(g.rng.scale(level, 0.5, 4));
        }
    }
}

//! Asks in a sample journal: everyday requests each way with the people in the everyday
//! rhythm, and the planted tactics (a colleague whose favours come just before asks, an
//! acquaintance who follows a refused ask with a smaller one, a community organiser who
//! sweetens asks before the answer).
//!
//! Asks are made last, from their own random stream, so planting them leaves every other
//! part of a seed's journal exactly as it was. Everyday asks are weeks apart and lightly
//! felt, so they never form a tactic by chance; each planted tactic is confined to its person.

use super::everyday::add;
use super::{stamp, Builder, Pattern, Planted, Rng};
use crate::model::{
    Answer, Direction, Feelings, FollowThrough, Initiative, Kind, Relationship, Request,
    RequestDirection,
};
use chrono::{Duration, NaiveDate};

const ASKED_OF_YOU: &[&str] = &[
    "help moving a sofa",
    "a lift to the station",
    "feed the cat for a weekend",
    "cover my shift",
    "read over a draft",
    "lend them a ladder",
    "water the plants",
    "a hand with a spreadsheet",
];

const ASKED_BY_YOU: &[&str] = &[
    "a lift to the airport",
    "borrow a drill",
    "an introduction to their manager",
    "feedback on my CV",
    "take in a parcel",
    "swap a shift",
];

/// Mixes the seed so the asks' stream never repeats the journal's own.
const STREAM: u64 = 0xA5C5_0F1E_2D3C_4B5A;

/// Plants the tactics the options ask for and adds everyday asks; returns what was planted.
pub(crate) fn add_asks(g: &mut Builder) -> Vec<Planted> {
    let journal_rng = std::mem::replace(&mut g.rng, Rng::new(g.o.seed ^ STREAM));
    let mut planted = Vec::new();
    for (pattern, plant) in [
        (
            Pattern::FavourBeforeAsk,
            favour_before_ask as fn(&mut Builder) -> usize,
        ),
        (Pattern::DoorInTheFace, door_in_the_face),
        (Pattern::ThatsNotAll, thats_not_all),
    ] {
        if g.planted(pattern) {
            let p = plant(g);
            planted.push(Planted {
                pattern,
                person_ids: vec![g.people[p].id.clone()],
            });
        }
    }
    everyday(g);
    g.rng = journal_rng;
    planted
}

fn days_before(g: &Builder, n: i64) -> NaiveDate {
    g.o.end - Duration::days(n)
}

/// A request as logged on `day`; the caller sets the answer and feelings.
fn ask(
    g: &mut Builder,
    person: usize,
    direction: RequestDirection,
    day: NaiveDate,
    what: &str,
) -> usize {
    let at = stamp(day, g.rng.int(8 * 3_600_000, 22 * 3_600_000));
    let id = g.id(day);
    g.requests.push(Request {
        id,
        person_id: g.people[person].id.clone(),
        direction,
        on: day,
        what: what.to_string(),
        size: 2,
        answer: Answer::Pending,
        followed_through: None,
        pressure: None,
        obligation: None,
        free_to_refuse: None,
        sweetened: false,
        follows: None,
        note: String::new(),
        tags: Vec::new(),
        created_at: at,
        updated_at: at,
        deleted_at: None,
    });
    g.requests.len() - 1
}

/// Sets a request made of the user to `answer`, with how being asked felt around the means.
fn answer(g: &mut Builder, k: usize, answer: Answer, felt: (f64, f64, f64)) {
    let age = (g.o.end - g.requests[k].on).num_days();
    let followed = answer.said_yes().then(|| {
        if age < 14 {
            FollowThrough::NotYet
        } else if g.rng.chance(0.85) {
            FollowThrough::Yes
        } else {
            FollowThrough::No
        }
    });
    let felt_by_you = g.requests[k].direction == RequestDirection::ToYou;
    let (pressure, obligation, free) = if felt_by_you && g.rng.chance(0.85) {
        (
            Some(g.rng.scale(felt.0, 0.5, 4)),
            Some(g.rng.scale(felt.1, 0.5, 4)),
            Some(g.rng.scale(felt.2, 0.6, 4)),
        )
    } else {
        (None, None, None)
    };
    let r = &mut g.requests[k];
    (r.answer, r.followed_through) = (answer, followed);
    (r.pressure, r.obligation, r.free_to_refuse) = (pressure, obligation, free);
}

/// A colleague whose unasked-for favours come a few days before each ask, about monthly for
/// the last five months; you say yes feeling you owe them, and give back what you agreed to.
fn favour_before_ask(g: &mut Builder) -> usize {
    let p = g.add_person("Gina Marsh".into(), Relationship::Colleague);
    for (k, start) in [160i64, 128, 96, 64, 32].into_iter().enumerate() {
        let d = start - g.rng.int(0, 4);
        let favour_day = days_before(g, d);
        let kind = if k % 2 == 0 { Kind::Gift } else { Kind::Favour };
        let value = g.rng.int(1, 3) as u8;
        let unsolicited = Some(Initiative::Unsolicited);
        add(
            g,
            p,
            Direction::Received,
            favour_day,
            kind,
            value,
            unsolicited,
            Feelings::default(),
        );
        let gap = g.rng.int(1, 10);
        let ask_day = days_before(g, d - gap);
        let what = *g.rng.pick(ASKED_OF_YOU);
        let r = ask(g, p, RequestDirection::ToYou, ask_day, what);
        g.requests[r].size = g.rng.int(2, 4) as u8;
        let said = if k == 2 {
            Answer::Declined
        } else {
            Answer::Agreed
        };
        answer(g, r, said, (2.4, 3.0, 1.2));
        if g.requests[r].followed_through == Some(FollowThrough::Yes) {
            let done = ask_day + Duration::days(g.rng.int(1, 5));
            let size = g.requests[r].size;
            let offered = Some(Initiative::Asked);
            add(
                g,
                p,
                Direction::Given,
                done,
                Kind::TimeHelp,
                size,
                offered,
                Feelings::default(),
            );
        }
    }
    p
}

/// An acquaintance who, three times in five months, follows a large ask you decline with a
/// smaller one a few days later that you agree to; not all of them get done.
fn door_in_the_face(g: &mut Builder) -> usize {
    let p = g.add_person("Victor Lane".into(), Relationship::Acquaintance);
    let pairs = [
        (
            150i64,
            "run the whole school fair stall",
            "bake for the school fair",
        ),
        (90, "lend them 500 for a month", "lend them 50 till Friday"),
        (
            40,
            "host their visiting family for a week",
            "pick their family up at the station",
        ),
    ];
    for (d, big, small) in pairs {
        let d = d - g.rng.int(0, 5);
        let day = days_before(g, d);
        let b = ask(g, p, RequestDirection::ToYou, day, big);
        g.requests[b].size = 5;
        answer(g, b, Answer::Declined, (1.8, 1.0, 2.5));
        let gap = g.rng.int(0, 5);
        let later = days_before(g, d - gap);
        let s = ask(g, p, RequestDirection::ToYou, later, small);
        g.requests[s].size = g.rng.int(1, 2) as u8;
        g.requests[s].follows = Some(g.requests[b].id.clone());
        answer(g, s, Answer::Agreed, (2.2, 2.4, 1.5));
    }
    p
}

/// Someone from the community who adds a little extra to an ask before you answer, and gets
/// a yes; a plain ask of theirs, once, got a no.
fn thats_not_all(g: &mut Builder) -> usize {
    let p = g.add_person("Tessa Quinn".into(), Relationship::Community);
    let asks = [
        (
            140i64,
            "sell raffle tickets, and keep two for yourself",
            true,
        ),
        (100, "join the litter pick", false),
        (80, "help at the jumble sale, lunch included", true),
        (25, "steward the fun run, with a free T-shirt", true),
    ];
    for (d, what, sweetened) in asks {
        let jitter = g.rng.int(0, 5);
        let day = days_before(g, d - jitter);
        let r = ask(g, p, RequestDirection::ToYou, day, what);
        g.requests[r].size = g.rng.int(2, 3) as u8;
        g.requests[r].sweetened = sweetened;
        let said = if sweetened {
            Answer::Agreed
        } else {
            Answer::Declined
        };
        answer(g, r, said, (1.5, 1.2, 2.6));
    }
    p
}

/// Everyday asks each way, two to five months apart per person, lightly felt.
fn everyday(g: &mut Builder) {
    let total = (g.o.end - g.o.start()).num_days();
    for k in 0..g.everyday.len() {
        let p = g.everyday[k];
        let mut d = total - g.rng.int(0, 90);
        while d >= 0 {
            let day = days_before(g, d);
            let to_you = g.rng.chance(0.5);
            let (direction, list) = if to_you {
                (RequestDirection::ToYou, ASKED_OF_YOU)
            } else {
                (RequestDirection::ByYou, ASKED_BY_YOU)
            };
            let what = *g.rng.pick(list);
            let r = ask(g, p, direction, day, what);
            g.requests[r].size = g.rng.int(1, 4) as u8;
            let roll = g.rng.f64();
            let said = if d < 10 && roll < 0.5 {
                Answer::Pending
            } else if roll < 0.7 {
                Answer::Agreed
            } else if roll < 0.8 {
                Answer::Partly
            } else {
                Answer::Declined
            };
            answer(g, r, said, (0.5, 0.5, 3.0));
            d -= g.rng.int(60, 150);
        }
    }
}

//! Seeded, realistic sample journals for tests, the benchmark, the desktop app's sample
//! journal and `recip demo`.
//!
//! A journal has people of every relationship, exchanges in weekly rhythms (work on
//! weekdays, personal life at weekends), mostly reciprocated in turn and in kind, feelings
//! that fit the direction, settled receipts, and check-ins. Optional [`Pattern`]s plant what
//! the insights look for: an over-giver, rising anxiety at work, an escalating gift exchange,
//! a retaliation spiral, balanced friends, uninvited favours that weigh more, pressure at
//! work, and tactics used on the user in asks (a favour before an ask, door in the face,
//! that's not all). Everyday asks go each way. The same options and seed always make the
//! same journal, ids included.

mod asks;
mod everyday;
mod patterns;
mod rng;
mod words;

pub use rng::Rng;

use crate::insight::Data;
use crate::model::{CheckIn, Exchange, Person, Relationship, Request};
use chrono::{DateTime, NaiveDate, Utc};

/// A planted pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// Three people the user gives far more to, feeling drained, and exhaustion in check-ins.
    OverGiver,
    /// A manager whose help weighs more and more, and check-ins that say so: the last 90 days.
    RisingWorkAnxiety,
    /// A friend with whom every return is bigger than the gift before.
    EscalatingGifts,
    /// A neighbour with alternating slights in the last two months.
    RetaliationSpiral,
    /// Three friends with strictly balanced give and take.
    BalancedFriends,
    /// Unsolicited favours leave the user feeling more indebted than asked-for ones.
    UninvitedFavours,
    /// Help at work comes with more indebtedness and pressure and less gratitude.
    WorkPressure,
    /// A colleague whose unasked-for favours come a few days before asks you then agree to.
    FavourBeforeAsk,
    /// An acquaintance who follows asks you decline with smaller ones you agree to.
    DoorInTheFace,
    /// Someone who sweetens asks before you answer, and gets a yes.
    ThatsNotAll,
}

impl Pattern {
    pub const ALL: &'static [Pattern] = &[
        Pattern::OverGiver,
        Pattern::RisingWorkAnxiety,
        Pattern::EscalatingGifts,
        Pattern::RetaliationSpiral,
        Pattern::BalancedFriends,
        Pattern::UninvitedFavours,
        Pattern::WorkPressure,
        Pattern::FavourBeforeAsk,
        Pattern::DoorInTheFace,
        Pattern::ThatsNotAll,
    ];
}

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub seed: u64,
    /// Years of history, ending on `end`.
    pub years: u32,
    /// People in the everyday rhythm (planted people come on top).
    pub people: usize,
    /// The last day of the journal.
    pub end: NaiveDate,
    /// Scale the everyday rhythm to about this many exchanges; `None` keeps its natural rate.
    pub target_exchanges: Option<usize>,
    /// Days between check-ins (0: none).
    pub checkin_every_days: u32,
    pub patterns: Vec<Pattern>,
}

impl Options {
    /// Two years, two dozen people, weekly check-ins, nothing planted.
    pub fn balanced(seed: u64, end: NaiveDate) -> Options {
        Options {
            seed,
            years: 2,
            people: 24,
            end,
            target_exchanges: None,
            checkin_every_days: 7,
            patterns: Vec::new(),
        }
    }

    /// The sample journal: every pattern planted.
    pub fn demo(seed: u64, years: u32, end: NaiveDate) -> Options {
        Options {
            years: years.max(1),
            patterns: Pattern::ALL.to_vec(),
            ..Options::balanced(seed, end)
        }
    }

    /// The benchmark's ten-year journal: 500 people, about 50,000 exchanges, daily check-ins.
    pub fn ten_years(seed: u64, end: NaiveDate) -> Options {
        Options {
            seed,
            years: 10,
            people: 500 - 12,
            end,
            target_exchanges: Some(50_000 - 1_600),
            checkin_every_days: 1,
            patterns: Pattern::ALL.to_vec(),
        }
    }

    pub fn start(&self) -> NaiveDate {
        self.end - chrono::Duration::days(365 * i64::from(self.years.max(1)))
    }
}

/// Who a planted pattern is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Planted {
    pub pattern: Pattern,
    /// The people it involves (empty for journal-wide patterns).
    pub person_ids: Vec<String>,
}

/// A generated journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    pub people: Vec<Person>,
    /// Oldest first.
    pub exchanges: Vec<Exchange>,
    pub checkins: Vec<CheckIn>,
    /// Asks each way, oldest first.
    pub requests: Vec<Request>,
    pub planted: Vec<Planted>,
}

impl Generated {
    /// The insight engine's input.
    pub fn data(&self) -> Data {
        Data::from_model(&self.people, &self.exchanges, &self.checkins)
            .with_requests(&self.requests)
    }

    /// The people a pattern was planted on.
    pub fn planted_people(&self, pattern: Pattern) -> &[String] {
        self.planted
            .iter()
            .find(|p| p.pattern == pattern)
            .map(|p| p.person_ids.as_slice())
            .unwrap_or(&[])
    }
}

/// Makes a journal.
pub fn generate(options: &Options) -> Generated {
    let mut g = Builder::new(options);
    everyday::people(&mut g);
    let mut planted = patterns::plant(&mut g);
    everyday::exchanges(&mut g);
    everyday::checkins(&mut g);
    patterns::adjust_recent(&mut g);
    planted.extend(asks::add_asks(&mut g));
    g.exchanges.sort_by_key(|e| (e.occurred_on, e.created_at));
    g.checkins.sort_by_key(|c| c.on);
    // Stable: a smaller ask logged the same day as the one it follows stays after it.
    g.requests.sort_by_key(|r| r.on);
    Generated {
        people: g.people,
        exchanges: g.exchanges,
        checkins: g.checkins,
        requests: g.requests,
        planted,
    }
}

/// The journal being built.
pub(crate) struct Builder<'o> {
    pub o: &'o Options,
    pub rng: Rng,
    pub people: Vec<Person>,
    /// Indices of people in the everyday rhythm.
    pub everyday: Vec<usize>,
    pub exchanges: Vec<Exchange>,
    pub checkins: Vec<CheckIn>,
    pub requests: Vec<Request>,
}

impl<'o> Builder<'o> {
    fn new(o: &'o Options) -> Builder<'o> {
        Builder {
            o,
            rng: Rng::new(o.seed),
            people: Vec::new(),
            everyday: Vec::new(),
            exchanges: Vec::new(),
            checkins: Vec::new(),
            requests: Vec::new(),
        }
    }

    pub fn planted(&self, p: Pattern) -> bool {
        self.o.patterns.contains(&p)
    }

    /// A UUID v7 for a record made on `day`.
    pub fn id(&mut self, day: NaiveDate) -> String {
        let millis = stamp(day, self.rng.int(0, 86_399_999))
            .timestamp_millis()
            .max(0) as u64;
        uuid::Builder::from_unix_timestamp_millis(millis, &self.rng.bytes10())
            .into_uuid()
            .to_string()
    }

    pub fn add_person(&mut self, name: String, relationship: Relationship) -> usize {
        let since = self.o.start() - chrono::Duration::days(self.rng.int(1, 30));
        let at = stamp(since, self.rng.int(0, 86_399_999));
        let id = self.id(since);
        self.people.push(Person {
            id,
            name,
            relationship,
            notes: String::new(),
            archived_at: None,
            created_at: at,
            updated_at: at,
        });
        self.people.len() - 1
    }
}

/// A timestamp on `day`, `millis` after midnight UTC.
pub(crate) fn stamp(day: NaiveDate, millis: i64) -> DateTime<Utc> {
    let t = day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    t + chrono::Duration::milliseconds(millis)
}

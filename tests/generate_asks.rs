//! Asks in sample journals: valid, linked sensibly, and planted without disturbing the rest
//! of a seed's journal.

use chrono::NaiveDate;
use reciprocity::generate::{generate, Options, Pattern};
use reciprocity::journal::Journal;
use reciprocity::model::{RequestDirection, RequestFilter};
use std::collections::HashMap;

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

#[test]
fn every_generated_ask_passes_the_models_rules_and_follows_an_earlier_ask_of_the_same_person() {
    for seed in 1..=5 {
        let g = generate(&Options::demo(seed, 2, end()));
        let by_id: HashMap<&str, _> = g.requests.iter().map(|r| (r.id.as_str(), r)).collect();
        assert!(g.requests.len() > 20, "seed {seed}: {}", g.requests.len());
        for r in &g.requests {
            r.to_input()
                .validated()
                .unwrap_or_else(|e| panic!("{r:?}: {e}"));
            assert!(r.on <= end());
            assert!(g.people.iter().any(|p| p.id == r.person_id));
            if let Some(earlier) = &r.follows {
                let e = by_id[earlier.as_str()];
                assert_eq!((&e.person_id, e.direction), (&r.person_id, r.direction));
                assert!(e.on <= r.on);
            }
        }
        let both_ways = |d: RequestDirection| g.requests.iter().any(|r| r.direction == d);
        assert!(both_ways(RequestDirection::ToYou) && both_ways(RequestDirection::ByYou));
    }
}

#[test]
fn planting_the_tactics_leaves_everyone_elses_exchanges_as_they_were() {
    let all = generate(&Options::demo(7, 2, end()));
    let without = generate(&Options {
        patterns: Pattern::ALL
            .iter()
            .copied()
            .filter(|p| {
                !matches!(
                    p,
                    Pattern::FavourBeforeAsk | Pattern::DoorInTheFace | Pattern::ThatsNotAll
                )
            })
            .collect(),
        ..Options::demo(7, 2, end())
    });
    let planted: Vec<&String> = [
        Pattern::FavourBeforeAsk,
        Pattern::DoorInTheFace,
        Pattern::ThatsNotAll,
    ]
    .iter()
    .flat_map(|p| all.planted_people(*p))
    .collect();
    assert_eq!(planted.len(), 3);
    let others: Vec<_> = all
        .exchanges
        .iter()
        .filter(|e| !planted.contains(&&e.person_id))
        .collect();
    assert_eq!(others, without.exchanges.iter().collect::<Vec<_>>());
    assert_eq!(all.checkins, without.checkins);
}

#[test]
fn a_sample_journal_is_written_with_its_asks_in_one_go() {
    let g = generate(&Options::demo(3, 1, end()));
    let mut j = Journal::open_in_memory().unwrap();
    j.insert_generated(&g).unwrap();
    let stored = j
        .list_requests(&RequestFilter {
            include_deleted: true,
            ..RequestFilter::default()
        })
        .unwrap();
    assert_eq!(stored.len(), g.requests.len());
    let victor = &g.planted_people(Pattern::DoorInTheFace)[0];
    assert!(stored
        .iter()
        .any(|r| &r.person_id == victor && r.follows.is_some()));
}

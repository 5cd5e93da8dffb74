//! The sample-journal generator: reproducible, valid, and the sizes it promises.

use chrono::NaiveDate;
use reciprocity::generate::{generate, Options, Pattern};
use reciprocity::model::{Direction, Relationship};
use std::collections::HashMap;

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

#[test]
fn the_same_seed_makes_the_same_journal_and_another_seed_another() {
    let a = generate(&Options::demo(42, 2, end()));
    let b = generate(&Options::demo(42, 2, end()));
    let c = generate(&Options::demo(43, 2, end()));
    assert_eq!(a, b);
    assert_ne!(a.exchanges, c.exchanges);
}

#[test]
fn every_generated_record_passes_the_models_rules() {
    let g = generate(&Options::demo(3, 3, end()));
    let people: HashMap<&str, _> = g.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let exchanges: HashMap<&str, _> = g.exchanges.iter().map(|e| (e.id.as_str(), e)).collect();
    for p in &g.people {
        p.to_input().validated().unwrap();
        assert_eq!(uuid::Uuid::parse_str(&p.id).unwrap().get_version_num(), 7);
    }
    for e in &g.exchanges {
        assert!(people.contains_key(e.person_id.as_str()));
        assert!(e.occurred_on <= end());
        e.to_input()
            .validated()
            .unwrap_or_else(|err| panic!("{e:?}: {err}"));
        assert_eq!(e.settlement.is_some(), e.direction == Direction::Received);
        if let Some(target) = &e.reciprocates {
            let t = exchanges[target.as_str()];
            assert_eq!(t.person_id, e.person_id);
            assert_ne!(t.direction, e.direction);
            assert!(t.occurred_on <= e.occurred_on);
        }
    }
    for c in &g.checkins {
        c.to_input().validated().unwrap();
    }
}

#[test]
fn a_sample_journal_has_people_of_every_relationship_and_weekly_rhythms() {
    let g = generate(&Options {
        people: 40,
        ..Options::balanced(8, end())
    });
    for r in Relationship::ALL {
        assert!(g.people.iter().any(|p| p.relationship == *r), "{r:?}");
    }
    let workdays = g
        .exchanges
        .iter()
        .filter(|e| {
            g.people
                .iter()
                .any(|p| p.id == e.person_id && p.relationship == Relationship::Colleague)
        })
        .filter(|e| chrono::Datelike::weekday(&e.occurred_on).number_from_monday() <= 5)
        .count();
    let colleague_total = g
        .exchanges
        .iter()
        .filter(|e| {
            g.people
                .iter()
                .any(|p| p.id == e.person_id && p.relationship == Relationship::Colleague)
        })
        .count();
    assert!(
        workdays * 10 >= colleague_total * 9,
        "{workdays} of {colleague_total} on workdays"
    );
    let given = g
        .exchanges
        .iter()
        .filter(|e| e.direction == Direction::Given)
        .count();
    let share = given as f64 / g.exchanges.len() as f64;
    assert!((0.4..0.6).contains(&share), "{share}");
}

#[test]
fn a_balanced_journal_plants_nothing_and_a_demo_plants_everything() {
    assert!(generate(&Options::balanced(1, end())).planted.is_empty());
    let demo = generate(&Options::demo(1, 2, end()));
    for p in Pattern::ALL {
        assert!(demo.planted.iter().any(|x| x.pattern == *p), "{p:?}");
    }
    assert_eq!(demo.planted_people(Pattern::OverGiver).len(), 3);
    assert_eq!(demo.planted_people(Pattern::BalancedFriends).len(), 3);
}

#[test]
fn the_ten_year_journal_has_the_benchmarks_size() {
    let g = generate(&Options::ten_years(2026, end()));
    assert_eq!(g.people.len(), 500);
    assert!(
        (47_500..=52_500).contains(&g.exchanges.len()),
        "{}",
        g.exchanges.len()
    );
    assert!(
        (3_640..=3_660).contains(&g.checkins.len()),
        "{}",
        g.checkins.len()
    );
}

//! Property tests of the balance and of the minimum-data rules.

mod insight_support;

use insight_support::Journal;
use proptest::prelude::*;
use reciprocity::insight::{analyse, BalanceLabel, InsightKind, Settings};
use reciprocity::model::{Direction, Relationship};

/// (days ago, given?, value) for one person.
fn exchanges() -> impl Strategy<Value = Vec<(i64, bool, u8)>> {
    prop::collection::vec((0i64..400, any::<bool>(), 1u8..=5), 1..40)
}

fn journal(list: &[(i64, bool, u8)], relationship: Relationship) -> (Journal, String) {
    let mut j = Journal::new("2026-06-30");
    let p = j.person("Sam", relationship);
    for &(d, given, v) in list {
        if given {
            j.give(&p, d, v);
        } else {
            j.receive(&p, d, v);
        }
    }
    (j, p)
}

fn share(j: &Journal) -> f64 {
    analyse(&j.data, &Settings::default(), &[], j.now).balances[0].share
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn swapping_every_direction_mirrors_the_giving_share(list in exchanges()) {
        let (mut j, _) = journal(&list, Relationship::Friend);
        let before = analyse(&j.data, &Settings::default(), &[], j.now).balances[0].clone();
        for e in &mut j.data.exchanges {
            e.direction = e.direction.opposite();
        }
        let after = analyse(&j.data, &Settings::default(), &[], j.now).balances[0].clone();
        prop_assert!((before.share + after.share - 1.0).abs() < 1e-9);
        prop_assert!((before.low + after.high - 1.0).abs() < 1e-6);
        prop_assert!((before.p_give_more - after.p_receive_more).abs() < 1e-9);
    }

    #[test]
    fn adding_a_given_exchange_never_lowers_the_giving_share(
        list in exchanges(), d in 0i64..400, v in 1u8..=5,
    ) {
        let (mut j, p) = journal(&list, Relationship::Colleague);
        let before = share(&j);
        j.give(&p, d, v);
        prop_assert!(share(&j) >= before - 1e-12);
    }

    #[test]
    fn older_exchanges_weigh_less(list in exchanges(), d in 0i64..300, gap in 1i64..300, v in 1u8..=5) {
        // The same give, once recent and once older: the older one raises the share less.
        let (mut recent, p) = journal(&list, Relationship::Friend);
        let (mut older, _) = journal(&list, Relationship::Friend);
        recent.give(&p, d, v);
        older.give(&p, d + gap, v);
        prop_assert!(share(&recent) >= share(&older) - 1e-12);
        let w = |j: &Journal| analyse(&j.data, &Settings::default(), &[], j.now).balances[0].weighted_given;
        prop_assert!(w(&recent) > w(&older));
    }

    #[test]
    fn no_balance_flag_below_six_effective_exchanges_or_thirty_days_of_history(
        list in prop::collection::vec((0i64..29, any::<bool>(), 1u8..=5), 1..30),
        few in prop::collection::vec((0i64..400, any::<bool>(), 1u8..=5), 1..6),
    ) {
        // Under 30 days of history, however many exchanges.
        let (j, _) = journal(&list, Relationship::Colleague);
        let r = analyse(&j.data, &Settings::default(), &[], j.now);
        prop_assert_eq!(r.balances[0].label, BalanceLabel::NotEnoughYet);
        prop_assert!(r.insights.iter().all(|i| i.kind != InsightKind::GivesMore && i.kind != InsightKind::ReceivesMore));
        // Fewer than six exchanges can never reach an effective n of six.
        let (j, _) = journal(&few, Relationship::Colleague);
        let r = analyse(&j.data, &Settings::default(), &[], j.now);
        prop_assert!(r.balances[0].effective_n < 6.0);
        prop_assert_eq!(r.balances[0].label, BalanceLabel::NotEnoughYet);
    }

    #[test]
    fn no_growing_anxiety_below_eight_ratings(
        ratings in prop::collection::vec((0i64..80, 0u8..=4), 0..8),
    ) {
        let mut j = Journal::new("2026-06-30");
        let p = j.person("Morgan", Relationship::Manager);
        for (d, level) in ratings {
            j.exchange(&p, Direction::Received, d, 3, Default::default());
            j.last().feelings.indebtedness = Some(level);
            j.last().feelings.pressure = Some(level);
        }
        let r = analyse(&j.data, &Settings::default(), &[], j.now);
        prop_assert!(r.insights.iter().all(|i| i.kind != InsightKind::AnxietyGrowing));
        prop_assert!(r.anxiety.trend.is_none());
    }

    #[test]
    fn no_over_giving_below_ten_gives(
        gives in prop::collection::vec((0i64..200, 1u8..=5), 0..10),
    ) {
        let mut j = Journal::new("2026-06-30");
        let p = j.person("Nina", Relationship::Friend);
        for (d, v) in gives {
            j.give(&p, d, v);
            j.last().feelings.drained = Some(4);
        }
        j.checkin(1, 0, 4);
        let r = analyse(&j.data, &Settings::default(), &[], j.now);
        prop_assert!(r.insights.iter().all(|i| i.kind != InsightKind::OverGiving));
    }

    #[test]
    fn a_journal_of_five_exchanges_raises_nothing_but_open_loops(
        list in prop::collection::vec(
            (0i64..300, any::<bool>(), 1u8..=5, 0u8..=4, 0usize..3, 0usize..2),
            0..=5,
        ),
    ) {
        let mut j = Journal::new("2026-06-30");
        let people = [
            j.person("Sam", Relationship::Colleague),
            j.person("Mum", Relationship::Family),
            j.person("Ana", Relationship::Friend),
        ];
        for (d, given, v, feeling, who, initiative) in list {
            let p = &people[who];
            if given {
                j.give(p, d, v);
                j.last().feelings.drained = Some(feeling);
            } else {
                j.receive(p, d, v);
                j.last().feelings.indebtedness = Some(feeling);
                j.last().initiative = Some(if initiative == 0 {
                    reciprocity::model::Initiative::Unsolicited
                } else {
                    reciprocity::model::Initiative::Asked
                });
            }
        }
        // The check-ins bring exhaustion (strain for over-giving) but no anxiety items:
        // with them, five check-ins and three receipts are the eight ratings a growing
        // anxiety rightly needs, which is not what this property is about.
        for k in 0..5 {
            j.checkin(k * 10, 4, 4);
            let c = j.data.checkins.last_mut().unwrap();
            (c.owing, c.worry, c.pressured) = (None, None, None);
        }
        let r = analyse(&j.data, &Settings::default(), &[], j.now);
        for i in &r.insights {
            prop_assert_eq!(i.kind, InsightKind::OpenLoop, "{}", i.headline);
        }
    }
}

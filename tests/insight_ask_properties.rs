//! Property tests of the tactic insights: without asks there is nothing to notice, and a
//! favour before an ask rests on its favours.

mod insight_support;

use insight_support::Journal;
use proptest::prelude::*;
use reciprocity::insight::{analyse, InsightKind, RequestFact, Settings};
use reciprocity::model::{Answer, Relationship, RequestDirection};

const TACTICS: [InsightKind; 3] = [
    InsightKind::FavourBeforeAsk,
    InsightKind::DoorInTheFace,
    InsightKind::ThatsNotAll,
];

fn relationship() -> impl Strategy<Value = Relationship> {
    prop::sample::select(Relationship::ALL.to_vec())
}

fn tactics(j: &Journal) -> Vec<InsightKind> {
    analyse(&j.data, &Settings::default(), &[], j.now)
        .insights
        .into_iter()
        .map(|i| i.kind)
        .filter(|k| TACTICS.contains(k))
        .collect()
}

fn ask(j: &mut Journal, person: &str, days_ago: i64, obligation: u8) {
    let id = format!("r-{}", j.data.requests.len());
    j.data.requests.push(RequestFact {
        id,
        person_id: person.to_string(),
        direction: RequestDirection::ToYou,
        on: j.now - chrono::Duration::days(days_ago),
        size: 3,
        answer: Answer::Agreed,
        followed_through: None,
        pressure: None,
        obligation: Some(obligation),
        free_to_refuse: None,
        sweetened: true,
        follows: None,
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_journal_without_asks_raises_none_of_the_tactics(
        list in prop::collection::vec((0i64..400, any::<bool>(), 1u8..=5, any::<bool>()), 0..60),
        r in relationship(),
    ) {
        let mut j = Journal::new("2026-06-30");
        let p = j.person("Sam", r);
        for (d, given, v, unsolicited) in list {
            if given {
                j.give(&p, d, v);
            } else {
                j.receive(&p, d, v);
                if unsolicited {
                    j.last().initiative = Some(reciprocity::model::Initiative::Unsolicited);
                }
            }
        }
        prop_assert!(tactics(&j).is_empty());
    }

    #[test]
    fn deleting_a_favour_removes_a_favour_before_an_ask_that_rested_on_it(
        gaps in prop::collection::vec(0i64..=14, 3),
        spacing in 30i64..55,
        obligation in 2u8..=4,
        which in 0usize..3,
        r in relationship(),
    ) {
        let mut j = Journal::new("2026-06-30");
        let p = j.person("Gina", r);
        let mut favours = Vec::new();
        for (k, gap) in gaps.iter().enumerate() {
            let d = 20 + spacing * k as i64;
            favours.push(j.receive(&p, d, 2));
            ask(&mut j, &p, d - gap, obligation);
        }
        prop_assert!(tactics(&j).contains(&InsightKind::FavourBeforeAsk));
        j.data.exchanges.retain(|e| e.id != favours[which]);
        prop_assert!(!tactics(&j).contains(&InsightKind::FavourBeforeAsk));
    }
}

//! The tactic insights read from asks: a favour before an ask, door in the face, that's not
//! all. Planted tactics are found with the right subject across seeds; everyday asks, asks
//! without favours, favours without asks and a single concession stay quiet or gentle.

mod insight_support;

use chrono::NaiveDate;
use insight_support::Journal;
use reciprocity::generate::{generate, Options, Pattern};
use reciprocity::insight::{
    analyse, Dismissal, Insight, InsightKind, Report, RequestFact, Settings, Severity, Subject,
};
use reciprocity::model::{Answer, FollowThrough, Initiative, Relationship, RequestDirection};

const TACTICS: [InsightKind; 3] = [
    InsightKind::FavourBeforeAsk,
    InsightKind::DoorInTheFace,
    InsightKind::ThatsNotAll,
];

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn report(j: &Journal) -> Report {
    analyse(&j.data, &Settings::default(), &[], j.now)
}

fn about(i: &Insight, person_id: &str) -> bool {
    matches!(&i.subject, Subject::Person { id, .. } if id == person_id)
}

fn find(r: &Report, kind: InsightKind, person_id: &str) -> Option<Insight> {
    r.insights
        .iter()
        .find(|i| i.kind == kind && about(i, person_id))
        .cloned()
}

fn field(i: &Insight, name: &str) -> f64 {
    i.reasons
        .iter()
        .find(|r| r.field == name)
        .unwrap_or_else(|| panic!("no reason {name} in {:?}", i.reasons))
        .value
}

/// Adds an ask made of the user `days_ago` days before now; returns its id.
fn ask(j: &mut Journal, person: &str, days_ago: i64, size: u8, answer: Answer) -> String {
    let id = format!("r-{}", j.data.requests.len());
    j.data.requests.push(RequestFact {
        id: id.clone(),
        person_id: person.to_string(),
        direction: RequestDirection::ToYou,
        on: j.now - chrono::Duration::days(days_ago),
        size,
        answer,
        followed_through: answer.said_yes().then_some(FollowThrough::NotYet),
        pressure: None,
        obligation: None,
        free_to_refuse: None,
        sweetened: false,
        follows: None,
    });
    id
}

fn last_ask(j: &mut Journal) -> &mut RequestFact {
    j.data.requests.last_mut().expect("an ask")
}

/// `n` favours from `person`, each followed `gap` days later by an ask agreed to while
/// feeling owing `obligation`, a month apart. Returns the favour ids.
fn favours_then_asks(
    j: &mut Journal,
    person: &str,
    n: i64,
    gap: i64,
    obligation: u8,
) -> Vec<String> {
    let mut favours = Vec::new();
    for k in 0..n {
        let d = 20 + 30 * k;
        favours.push(j.receive(person, d, 2));
        j.last().initiative = Some(Initiative::Offered);
        ask(j, person, d - gap, 3, Answer::Agreed);
        last_ask(j).obligation = Some(obligation);
    }
    favours
}

#[test]
fn each_planted_tactic_is_found_with_the_right_kind_and_subject_over_thirty_seeds() {
    for seed in 1..=30 {
        let g = generate(&Options::demo(seed, 2, end()));
        let r = analyse(&g.data(), &Settings::default(), &[], end());
        let planted = |p: Pattern| g.planted_people(p)[0].clone();
        let expected = [
            (
                InsightKind::FavourBeforeAsk,
                planted(Pattern::FavourBeforeAsk),
                Severity::Notice,
            ),
            (
                InsightKind::DoorInTheFace,
                planted(Pattern::DoorInTheFace),
                Severity::Notice,
            ),
            (
                InsightKind::ThatsNotAll,
                planted(Pattern::ThatsNotAll),
                Severity::Note,
            ),
        ];
        for (kind, person, severity) in &expected {
            let i = find(&r, *kind, person).unwrap_or_else(|| panic!("seed {seed}: no {kind:?}"));
            assert_eq!(i.severity, *severity, "seed {seed}: {}", i.headline);
        }
        // Everyday asks, weeks apart and lightly felt, never read as a tactic.
        for i in r.insights.iter().filter(|i| TACTICS.contains(&i.kind)) {
            assert!(
                expected.iter().any(|(k, p, _)| *k == i.kind && about(i, p)),
                "seed {seed}: unexpected {}",
                i.headline
            );
        }
    }
}

#[test]
fn a_journal_without_planted_tactics_raises_none_over_thirty_seeds() {
    for seed in 100..130 {
        let g = generate(&Options::balanced(seed, end()));
        assert!(!g.requests.is_empty(), "seed {seed}: everyday asks");
        let r = analyse(&g.data(), &Settings::default(), &[], end());
        let hits: Vec<&str> = r
            .insights
            .iter()
            .filter(|i| TACTICS.contains(&i.kind))
            .map(|i| i.headline.as_str())
            .collect();
        assert!(hits.is_empty(), "seed {seed}: {hits:?}");
    }
}

#[test]
fn favours_before_asks_agreed_to_under_obligation_are_a_notice_with_both_in_evidence() {
    let mut j = Journal::new("2026-06-30");
    let gina = j.person("Gina", Relationship::Colleague);
    let favours = favours_then_asks(&mut j, &gina, 3, 4, 3);
    let i = find(&report(&j), InsightKind::FavourBeforeAsk, &gina).expect("raised");
    assert_eq!(i.severity, Severity::Notice);
    assert_eq!(
        i.headline,
        "Gina has asked something of you soon after doing you a favour 3 times in the last 6 \
         months; a favour nobody asked for does not bind you: you may say no and stay kind."
    );
    assert_eq!(field(&i, "sequences"), 3.0);
    assert_eq!(field(&i, "agreed_after_favour"), 1.0);
    assert_eq!(field(&i, "mean_obligation"), 3.0);
    assert!(
        i.reasons[0].text.contains("gaps of 4, 4 and 4 days"),
        "{}",
        i.reasons[0].text
    );
    for id in favours
        .iter()
        .chain(["r-0", "r-1", "r-2"].map(String::from).iter())
    {
        assert!(i.evidence.contains(id), "{id} not in {:?}", i.evidence);
    }
    assert_eq!(i.research, ["regan1971", "greenberg1971", "goei2005"]);
}

#[test]
fn a_close_bond_gets_a_note_that_invites_reflection() {
    let mut j = Journal::new("2026-06-30");
    let mum = j.person("Mum", Relationship::Family);
    favours_then_asks(&mut j, &mum, 4, 2, 2);
    let i = find(&report(&j), InsightKind::FavourBeforeAsk, &mum).expect("raised");
    assert_eq!(i.severity, Severity::Note);
    assert!(i.headline.contains("people this close"), "{}", i.headline);
    assert!(
        i.headline.contains("you may say no and stay kind"),
        "{}",
        i.headline
    );
}

#[test]
fn agreeing_after_favours_without_feeling_owed_is_not_raised_unless_the_favours_were_uninvited() {
    let mut j = Journal::new("2026-06-30");
    let sam = j.person("Sam", Relationship::Friend);
    favours_then_asks(&mut j, &sam, 3, 3, 1);
    assert!(find(&report(&j), InsightKind::FavourBeforeAsk, &sam).is_none());
    for e in &mut j.data.exchanges {
        e.initiative = Some(Initiative::Unsolicited);
    }
    let i = find(&report(&j), InsightKind::FavourBeforeAsk, &sam).expect("raised");
    assert_eq!(field(&i, "unsolicited_favours"), 1.0);
}

#[test]
fn a_person_who_asks_often_without_favours_before_is_not_raised_and_serves_as_comparison() {
    let mut j = Journal::new("2026-06-30");
    let kim = j.person("Kim", Relationship::Colleague);
    for d in (5..175).step_by(10) {
        ask(&mut j, &kim, d, 3, Answer::Agreed);
        last_ask(&mut j).obligation = Some(4);
    }
    for d in [190, 250, 300] {
        j.receive(&kim, d, 2);
    }
    assert!(find(&report(&j), InsightKind::FavourBeforeAsk, &kim).is_none());

    // The same person with three favours before asks: the other asks are the comparison.
    let mut j2 = Journal::new("2026-06-30");
    let kim2 = j2.person("Kim", Relationship::Colleague);
    favours_then_asks(&mut j2, &kim2, 3, 5, 3);
    for d in [100, 130, 160] {
        ask(&mut j2, &kim2, d + 5, 3, Answer::Declined);
    }
    let i = find(&report(&j2), InsightKind::FavourBeforeAsk, &kim2).expect("raised");
    assert_eq!(field(&i, "agreed_without_favour"), 0.0);
}

#[test]
fn favours_with_no_ask_after_are_not_raised() {
    let mut j = Journal::new("2026-06-30");
    let lee = j.person("Lee", Relationship::Colleague);
    for d in (20..170).step_by(15) {
        j.receive(&lee, d, 3);
        j.last().initiative = Some(Initiative::Unsolicited);
    }
    // An ask long after the last favour is not a sequence.
    ask(&mut j, &lee, 1, 3, Answer::Agreed);
    let r = report(&j);
    assert!(r.insights.iter().all(|i| !TACTICS.contains(&i.kind)));
}

#[test]
fn slights_and_asks_older_than_six_months_do_not_count_as_favours_before_asks() {
    let mut j = Journal::new("2026-06-30");
    let p = j.person("Pat", Relationship::Colleague);
    for d in [30, 60, 90] {
        j.receive(&p, d, 2);
        j.last().kind = reciprocity::model::Kind::Slight;
        ask(&mut j, &p, d - 2, 3, Answer::Agreed);
        last_ask(&mut j).obligation = Some(4);
    }
    for d in [200, 240, 280] {
        j.receive(&p, d, 2);
        ask(&mut j, &p, d - 2, 3, Answer::Agreed);
        last_ask(&mut j).obligation = Some(4);
    }
    assert!(find(&report(&j), InsightKind::FavourBeforeAsk, &p).is_none());
}

#[test]
fn a_single_declined_then_smaller_pair_is_a_note_and_two_are_a_notice() {
    let mut j = Journal::new("2026-06-30");
    let vic = j.person("Victor", Relationship::Acquaintance);
    ask(&mut j, &vic, 40, 5, Answer::Declined);
    ask(&mut j, &vic, 37, 2, Answer::Agreed);
    let i = find(&report(&j), InsightKind::DoorInTheFace, &vic).expect("a note");
    assert_eq!(i.severity, Severity::Note);
    assert_eq!(
        i.headline,
        "After you turned down an ask from Victor, a smaller one followed within days and you \
         said yes (1 time in the last 6 months); a second, smaller ask does not oblige you \
         either."
    );
    assert_eq!(i.evidence, ["r-0", "r-1"]);
    assert_eq!(i.research, ["cialdini1975", "feeley2012"]);

    ask(&mut j, &vic, 10, 4, Answer::Declined);
    ask(&mut j, &vic, 10, 4, Answer::Agreed);
    last_ask(&mut j).follows = Some("r-2".into());
    last_ask(&mut j).followed_through = Some(FollowThrough::No);
    j.data.requests[1].followed_through = Some(FollowThrough::Yes);
    let i = find(&report(&j), InsightKind::DoorInTheFace, &vic).expect("a notice");
    assert_eq!(i.severity, Severity::Notice);
    assert_eq!(field(&i, "sequences"), 2.0);
    assert_eq!(field(&i, "followed_through"), 1.0);
    assert!(
        i.reasons[1].text.contains("1 done, 1 not done"),
        "{}",
        i.reasons[1].text
    );
}

#[test]
fn a_smaller_ask_more_than_a_week_later_or_one_declined_too_is_no_door_in_the_face() {
    let mut j = Journal::new("2026-06-30");
    let vic = j.person("Victor", Relationship::Acquaintance);
    ask(&mut j, &vic, 60, 5, Answer::Declined);
    ask(&mut j, &vic, 52, 2, Answer::Agreed);
    ask(&mut j, &vic, 30, 5, Answer::Declined);
    ask(&mut j, &vic, 29, 2, Answer::Declined);
    ask(&mut j, &vic, 20, 4, Answer::Declined);
    ask(&mut j, &vic, 19, 4, Answer::Agreed);
    assert!(find(&report(&j), InsightKind::DoorInTheFace, &vic).is_none());
}

#[test]
fn door_in_the_face_with_family_stays_a_gentle_note() {
    let mut j = Journal::new("2026-06-30");
    let sis = j.person("Sis", Relationship::Family);
    for d in [100, 50] {
        ask(&mut j, &sis, d, 5, Answer::Declined);
        ask(&mut j, &sis, d - 1, 1, Answer::Partly);
    }
    let i = find(&report(&j), InsightKind::DoorInTheFace, &sis).expect("a note");
    assert_eq!(i.severity, Severity::Note);
    assert!(i.headline.contains("yours to give"), "{}", i.headline);
}

#[test]
fn two_sweetened_asks_agreed_to_are_a_note_and_one_or_declined_ones_are_not() {
    let mut j = Journal::new("2026-06-30");
    let tess = j.person("Tessa", Relationship::Community);
    ask(&mut j, &tess, 90, 2, Answer::Agreed);
    last_ask(&mut j).sweetened = true;
    ask(&mut j, &tess, 60, 2, Answer::Declined);
    last_ask(&mut j).sweetened = true;
    ask(&mut j, &tess, 200, 2, Answer::Agreed);
    last_ask(&mut j).sweetened = true;
    assert!(find(&report(&j), InsightKind::ThatsNotAll, &tess).is_none());

    ask(&mut j, &tess, 30, 3, Answer::Agreed);
    last_ask(&mut j).sweetened = true;
    ask(&mut j, &tess, 20, 3, Answer::Declined);
    let i = find(&report(&j), InsightKind::ThatsNotAll, &tess).expect("a note");
    assert_eq!(i.severity, Severity::Note);
    assert_eq!(
        i.headline,
        "2 times in the last 6 months Tessa sweetened an ask before you answered, and you \
         said yes; an extra thrown in is worth setting aside to ask whether you wanted the \
         ask itself."
    );
    assert_eq!(field(&i, "sweetened_agreed"), 2.0);
    assert_eq!(field(&i, "agreed_unsweetened"), 0.0);
    assert_eq!(i.evidence, ["r-0", "r-3"]);
    assert_eq!(i.research, ["burger1986"]);
}

#[test]
fn asks_you_made_and_asks_after_now_are_ignored() {
    let mut j = Journal::new("2026-06-30");
    let tess = j.person("Tessa", Relationship::Community);
    for d in [30, 20] {
        ask(&mut j, &tess, d, 2, Answer::Agreed);
        last_ask(&mut j).sweetened = true;
        last_ask(&mut j).direction = RequestDirection::ByYou;
    }
    for d in [-5, -10] {
        ask(&mut j, &tess, d, 2, Answer::Agreed);
        last_ask(&mut j).sweetened = true;
    }
    assert!(report(&j).insights.is_empty());
}

#[test]
fn a_dismissed_tactic_stays_hidden_until_it_grows() {
    let mut j = Journal::new("2026-06-30");
    let gina = j.person("Gina", Relationship::Colleague);
    favours_then_asks(&mut j, &gina, 3, 4, 3);
    let i = find(&report(&j), InsightKind::FavourBeforeAsk, &gina).unwrap();
    let dismissed = [Dismissal::dismiss(&i, j.now)];
    let r = analyse(&j.data, &Settings::default(), &dismissed, j.now);
    assert!(find(&r, InsightKind::FavourBeforeAsk, &gina).is_none());
    assert_eq!(r.hidden, vec![i.id.clone()]);
    let snoozed = [Dismissal::snooze(
        &i,
        j.now,
        j.now + chrono::Duration::days(7),
    )];
    let later = j.now + chrono::Duration::days(8);
    assert!(analyse(&j.data, &Settings::default(), &snoozed, later)
        .insights
        .iter()
        .any(|x| x.id == i.id));
    // A fourth favour and ask makes it stronger, so it comes back.
    j.receive(&gina, 2, 2);
    ask(&mut j, &gina, 1, 3, Answer::Agreed);
    last_ask(&mut j).obligation = Some(3);
    let r = analyse(&j.data, &Settings::default(), &dismissed, j.now);
    assert!(find(&r, InsightKind::FavourBeforeAsk, &gina).is_some());
}

#[test]
fn settings_stored_before_asks_existed_still_load_with_the_defaults() {
    let stored = r#"{"half_life_days": 60.0, "spiral_min_slights": 4}"#;
    let s: Settings = serde_json::from_str(stored).unwrap();
    assert_eq!(s.half_life_days, 60.0);
    assert_eq!(s.favour_ask_window_days, 14);
    assert_eq!(s.door_window_days, 7);
    assert_eq!(s.sweetened_min_agreed, 2);
    assert_eq!(s.favour_ask_lookback_days, 180);
}

#[test]
fn a_wider_window_in_the_settings_finds_a_later_ask() {
    let mut j = Journal::new("2026-06-30");
    let gina = j.person("Gina", Relationship::Colleague);
    favours_then_asks(&mut j, &gina, 3, 18, 3);
    assert!(find(&report(&j), InsightKind::FavourBeforeAsk, &gina).is_none());
    let wider = Settings {
        favour_ask_window_days: 21,
        ..Settings::default()
    };
    let r = analyse(&j.data, &wider, &[], j.now);
    assert!(find(&r, InsightKind::FavourBeforeAsk, &gina).is_some());
}

#[test]
fn the_side_by_side_splits_asks_by_a_favour_before_and_counts_yes_done_and_felt() {
    use reciprocity::insight::{ask_table, AskGroup};
    let mut j = Journal::new("2026-06-30");
    let gina = j.person("Gina", Relationship::Colleague);
    favours_then_asks(&mut j, &gina, 2, 3, 4);
    j.data.requests[0].followed_through = Some(FollowThrough::Yes);
    j.data.requests[1].followed_through = Some(FollowThrough::No);
    ask(&mut j, &gina, 150, 3, Answer::Declined);
    last_ask(&mut j).obligation = Some(0);
    ask(&mut j, &gina, 3, 3, Answer::Pending);
    ask(&mut j, &gina, 10, 2, Answer::Agreed);
    last_ask(&mut j).direction = RequestDirection::ByYou;
    let t = ask_table(&j.data, &Settings::default(), j.now);
    let row = |g: AskGroup| t.rows.iter().find(|r| r.group == g).unwrap().clone();
    let after = row(AskGroup::OfYouAfterFavour);
    assert_eq!((after.asks, after.answered), (2, 2));
    assert_eq!(after.agreed_share, Some(1.0));
    assert_eq!(after.done_share, Some(0.5));
    assert_eq!(after.mean_obligation, Some(4.0));
    let without = row(AskGroup::OfYouWithoutFavour);
    assert_eq!((without.asks, without.answered), (2, 1));
    assert_eq!(without.agreed_share, Some(0.0));
    assert_eq!(without.done_share, None);
    assert_eq!(without.mean_obligation, Some(0.0));
    let by_you = row(AskGroup::ByYou);
    assert_eq!((by_you.asks, by_you.agreed_share), (1, Some(1.0)));
}

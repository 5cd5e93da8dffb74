//! Logging, editing, deleting, restoring, settling and listing exchanges.

use chrono::NaiveDate;
use reciprocity::journal::Journal;
use reciprocity::model::{
    CheckInInput, Direction, ExchangeFilter, ExchangeInput, Kind, Person, PersonInput,
    Relationship, Settlement, Sphere,
};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn journal_with(people: &[(&str, Relationship)]) -> (Journal, Vec<Person>) {
    let mut j = Journal::open_in_memory().unwrap();
    let ps = people
        .iter()
        .map(|(n, r)| j.add_person(&PersonInput::new(*n, *r)).unwrap())
        .collect();
    (j, ps)
}

fn log(j: &mut Journal, p: &Person, dir: Direction, on: u32, what: &str) -> String {
    j.add_exchange(&ExchangeInput::new(&p.id, dir, day(on), what))
        .unwrap()
        .id
}

fn whats(j: &Journal, f: ExchangeFilter) -> Vec<String> {
    j.list_exchanges(&f)
        .unwrap()
        .into_iter()
        .map(|e| e.what)
        .collect()
}

#[test]
fn a_logged_exchange_reads_back_with_its_feelings_and_tags() {
    let (mut j, ps) = journal_with(&[("Sam", Relationship::Friend)]);
    let mut input = ExchangeInput::new(&ps[0].id, Direction::Received, day(2), "lent me a drill");
    input.kind = Kind::Favour;
    input.value = 4;
    input.feelings.gratitude = Some(3);
    input.feelings.indebtedness = Some(1);
    input.tags = vec!["DIY".into()];
    let e = j.add_exchange(&input).unwrap();
    let back = j.get_exchange(&e.id).unwrap();
    assert_eq!(back, e);
    assert_eq!(back.feelings.gratitude, Some(3));
    assert_eq!(back.tags, vec!["diy"]);
    assert_eq!(back.settlement, Some(Settlement::Open));
}

#[test]
fn a_given_exchange_has_no_settlement() {
    let (mut j, ps) = journal_with(&[("Sam", Relationship::Friend)]);
    let id = log(&mut j, &ps[0], Direction::Given, 1, "soup");
    assert_eq!(j.get_exchange(&id).unwrap().settlement, None);
    let err = j
        .settle_exchange(&id, Settlement::Thanked, None, day(3))
        .unwrap_err();
    assert_eq!(err.field(), Some("settlement"));
}

#[test]
fn an_invalid_exchange_writes_nothing() {
    let (mut j, ps) = journal_with(&[("Sam", Relationship::Friend)]);
    let mut bad = ExchangeInput::new(&ps[0].id, Direction::Given, day(1), "soup");
    bad.feelings.gratitude = Some(2);
    assert_eq!(j.add_exchange(&bad).unwrap_err().field(), Some("gratitude"));
    let unknown = ExchangeInput::new("no-such-person", Direction::Given, day(1), "soup");
    assert_eq!(
        j.add_exchange(&unknown).unwrap_err().field(),
        Some("person_id")
    );
    assert!(j
        .list_exchanges(&ExchangeFilter::default())
        .unwrap()
        .is_empty());
}

#[test]
fn the_list_is_newest_first_and_pages() {
    let (mut j, ps) = journal_with(&[("Sam", Relationship::Friend)]);
    for d in [3, 1, 2, 5, 4] {
        log(&mut j, &ps[0], Direction::Given, d, &format!("day {d}"));
    }
    assert_eq!(
        whats(&j, ExchangeFilter::default()),
        ["day 5", "day 4", "day 3", "day 2", "day 1"]
    );
    let page = ExchangeFilter {
        limit: Some(2),
        offset: Some(2),
        ..Default::default()
    };
    assert_eq!(whats(&j, page), ["day 3", "day 2"]);
}

#[test]
fn filters_narrow_by_person_direction_sphere_kind_tag_and_dates() {
    let (mut j, ps) = journal_with(&[
        ("Sam", Relationship::Friend),
        ("Ana", Relationship::Colleague),
    ]);
    let (sam, ana) = (&ps[0], &ps[1]);
    log(&mut j, sam, Direction::Given, 1, "soup");
    log(&mut j, ana, Direction::Received, 2, "covered my shift");
    let mut at_work = ExchangeInput::new(&sam.id, Direction::Received, day(3), "code review");
    at_work.sphere = Some(Sphere::Workplace);
    at_work.kind = Kind::Advice;
    at_work.tags = vec!["work".into()];
    j.add_exchange(&at_work).unwrap();

    let by_person = ExchangeFilter {
        person_id: Some(sam.id.clone()),
        ..Default::default()
    };
    assert_eq!(whats(&j, by_person), ["code review", "soup"]);
    let received = ExchangeFilter {
        direction: Some(Direction::Received),
        ..Default::default()
    };
    assert_eq!(whats(&j, received), ["code review", "covered my shift"]);
    let workplace = ExchangeFilter {
        sphere: Some(Sphere::Workplace),
        ..Default::default()
    };
    assert_eq!(whats(&j, workplace), ["code review", "covered my shift"]);
    let personal = ExchangeFilter {
        sphere: Some(Sphere::Personal),
        ..Default::default()
    };
    assert_eq!(whats(&j, personal), ["soup"]);
    let advice = ExchangeFilter {
        kind: Some(Kind::Advice),
        ..Default::default()
    };
    assert_eq!(whats(&j, advice), ["code review"]);
    let tagged = ExchangeFilter {
        tag: Some("Work".into()),
        ..Default::default()
    };
    assert_eq!(whats(&j, tagged), ["code review"]);
    let window = ExchangeFilter {
        since: Some(day(2)),
        until: Some(day(2)),
        ..Default::default()
    };
    assert_eq!(whats(&j, window), ["covered my shift"]);
}

#[test]
fn a_deleted_exchange_leaves_the_list_and_returns_on_restore() {
    let (mut j, ps) = journal_with(&[("Sam", Relationship::Friend)]);
    let id = log(&mut j, &ps[0], Direction::Given, 1, "soup");
    j.delete_exchange(&id).unwrap();
    assert!(whats(&j, ExchangeFilter::default()).is_empty());
    assert!(j.get_exchange(&id).unwrap().deleted_at.is_some());
    j.restore_exchange(&id).unwrap();
    assert_eq!(whats(&j, ExchangeFilter::default()), ["soup"]);
}

#[test]
fn editing_keeps_the_id_and_changes_what_was_entered() {
    let (mut j, ps) = journal_with(&[("Sam", Relationship::Friend)]);
    let id = log(&mut j, &ps[0], Direction::Received, 1, "soup");
    let mut input = ExchangeInput::new(&ps[0].id, Direction::Received, day(2), "lentil soup");
    input.value = 5;
    let e = j.update_exchange(&id, &input).unwrap();
    assert_eq!(
        (e.id.as_str(), e.what.as_str(), e.value),
        (id.as_str(), "lentil soup", 5)
    );
    assert_eq!(e.occurred_on, day(2));
    assert_eq!(e.settlement, Some(Settlement::Open));
}

#[test]
fn a_reciprocating_exchange_must_go_the_other_way_with_the_same_person() {
    let (mut j, ps) = journal_with(&[("Sam", Relationship::Friend), ("Ana", Relationship::Friend)]);
    let got = log(
        &mut j,
        &ps[0],
        Direction::Received,
        1,
        "lift to the airport",
    );
    let mut same_way = ExchangeInput::new(&ps[0].id, Direction::Received, day(2), "another lift");
    same_way.reciprocates = Some(got.clone());
    assert_eq!(
        j.add_exchange(&same_way).unwrap_err().field(),
        Some("reciprocates")
    );
    let mut other_person = ExchangeInput::new(&ps[1].id, Direction::Given, day(2), "cake");
    other_person.reciprocates = Some(got.clone());
    assert_eq!(
        j.add_exchange(&other_person).unwrap_err().field(),
        Some("reciprocates")
    );
    let mut missing = ExchangeInput::new(&ps[0].id, Direction::Given, day(2), "cake");
    missing.reciprocates = Some("nope".into());
    assert_eq!(
        j.add_exchange(&missing).unwrap_err().field(),
        Some("reciprocates")
    );

    let mut back = ExchangeInput::new(&ps[0].id, Direction::Given, day(5), "picked them up");
    back.reciprocates = Some(got.clone());
    j.add_exchange(&back).unwrap();
    let settled = j.get_exchange(&got).unwrap();
    assert_eq!(settled.settlement, Some(Settlement::Returned));
    assert_eq!(settled.settled_on, Some(day(5)));
}

#[test]
fn settling_records_the_outcome_and_its_date_and_can_link_the_return() {
    let (mut j, ps) = journal_with(&[("Sam", Relationship::Friend)]);
    let got = log(&mut j, &ps[0], Direction::Received, 1, "dinner");
    let gave = log(&mut j, &ps[0], Direction::Given, 9, "dinner back");
    let e = j
        .settle_exchange(&got, Settlement::Thanked, None, day(2))
        .unwrap();
    assert_eq!(
        (e.settlement, e.settled_on),
        (Some(Settlement::Thanked), Some(day(2)))
    );
    let e = j
        .settle_exchange(&got, Settlement::Returned, Some(&gave), day(9))
        .unwrap();
    assert_eq!(e.settlement, Some(Settlement::Returned));
    assert_eq!(
        j.get_exchange(&gave).unwrap().reciprocates,
        Some(got.clone())
    );
    let e = j
        .settle_exchange(&got, Settlement::Open, None, day(10))
        .unwrap();
    assert_eq!((e.settlement, e.settled_on), (Some(Settlement::Open), None));
}

#[test]
fn people_summaries_count_each_direction_and_sort_by_recent_activity() {
    let (mut j, ps) = journal_with(&[
        ("Sam", Relationship::Friend),
        ("Ana", Relationship::Colleague),
        ("Zoe", Relationship::Family),
    ]);
    log(&mut j, &ps[0], Direction::Given, 1, "a");
    log(&mut j, &ps[0], Direction::Received, 2, "b");
    log(&mut j, &ps[0], Direction::Given, 3, "c");
    log(&mut j, &ps[1], Direction::Received, 7, "d");
    let s = j.list_person_summaries(false).unwrap();
    let order: Vec<&str> = s.iter().map(|s| s.person.name.as_str()).collect();
    assert_eq!(order, ["Ana", "Sam", "Zoe"]);
    assert_eq!((s[1].given, s[1].received), (2, 1));
    assert_eq!(s[0].sphere, Sphere::Workplace);
    assert!(s[2].communal);
    j.archive_person(&ps[2].id).unwrap();
    assert_eq!(j.list_person_summaries(false).unwrap().len(), 2);
    assert_eq!(j.list_person_summaries(true).unwrap().len(), 3);
}

#[test]
fn people_names_are_validated_and_found_ignoring_case() {
    let (mut j, _) = journal_with(&[("Sam Lee", Relationship::Friend)]);
    let err = j
        .add_person(&PersonInput::new("   ", Relationship::Friend))
        .unwrap_err();
    assert_eq!(err.field(), Some("name"));
    let err = j
        .add_person(&PersonInput::new("x".repeat(201), Relationship::Friend))
        .unwrap_err();
    assert_eq!(err.field(), Some("name"));
    assert_eq!(j.find_people_by_name("sam lee").unwrap().len(), 1);
    assert!(j.find_people_by_name("sam").unwrap().is_empty());
}

#[test]
fn check_ins_are_stored_oldest_first_and_validated() {
    let mut j = Journal::open_in_memory().unwrap();
    let mut c = CheckInInput {
        on: day(9),
        mood: Some(1),
        energy: Some(-1),
        owing: Some(3),
        worry: Some(2),
        pressured: Some(1),
        exhaustion: Some(0),
        reflection: "said thanks to Sam".into(),
        prompt: Some("Who did you thank this week?".into()),
    };
    j.add_checkin(&c).unwrap();
    c.on = day(2);
    j.add_checkin(&c).unwrap();
    c.mood = Some(-3);
    assert_eq!(j.add_checkin(&c).unwrap_err().field(), Some("mood"));
    let all = j.list_checkins(None, None).unwrap();
    assert_eq!(
        all.iter().map(|c| c.on).collect::<Vec<_>>(),
        [day(2), day(9)]
    );
    j.delete_checkin(&all[0].id).unwrap();
    assert_eq!(j.list_checkins(None, None).unwrap().len(), 1);
}

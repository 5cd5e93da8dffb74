//! The use cases both faces call: answers carry the rules the screens need, so the CLI, the
//! window and the insights cannot disagree.

use chrono::NaiveDate;
use reciprocity::api::exchanges::{self, AddExchange, ListExchanges};
use reciprocity::api::home;
use reciprocity::api::people::{self, AddPerson, ListPeople, PersonAt};
use reciprocity::api::review::{self, ListOpenLoops};
use reciprocity::api::{journal, ById, Empty, Now, Today};
use reciprocity::journal::Journal;
use reciprocity::model::{
    Direction, ExchangeFilter, ExchangeInput, Kind, Person, PersonInput, Relationship, Sphere,
};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn person(j: &mut Journal, name: &str, relationship: Relationship) -> Person {
    let input = PersonInput::new(name, relationship);
    people::add_person(j, AddPerson { input }).unwrap()
}

fn log(j: &mut Journal, person: &str, direction: Direction, on: &str, what: &str) -> String {
    let input = ExchangeInput::new(person, direction, day(on), what);
    exchanges::add_exchange(
        j,
        AddExchange {
            input,
            new_person: None,
        },
    )
    .unwrap()
    .exchange
    .id
}

#[test]
fn an_online_friend_is_personal_on_their_page_in_the_timeline_filter_and_in_people() {
    let mut j = Journal::open_in_memory().unwrap();
    let rae = person(&mut j, "Rae", Relationship::Online);
    log(
        &mut j,
        &rae.id,
        Direction::Given,
        "2026-05-01",
        "reviewed her essay",
    );

    let page = people::person_overview(
        &j,
        PersonAt {
            id: rae.id.clone(),
            now: day("2026-06-01"),
        },
    );
    assert_eq!(page.unwrap().sphere, Sphere::Personal);
    let all = exchanges::list_exchanges(&j, ListExchanges::default()).unwrap();
    assert_eq!(all[0].effective_sphere, Sphere::Personal);
    let personal = ExchangeFilter {
        sphere: Some(Sphere::Personal),
        ..ExchangeFilter::default()
    };
    let filtered = exchanges::list_exchanges(&j, ListExchanges { filter: personal }).unwrap();
    assert_eq!(filtered.len(), 1);
    let summaries = people::list_person_summaries(&j, ListPeople::default()).unwrap();
    assert_eq!(summaries[0].sphere, Sphere::Personal);
}

#[test]
fn only_favours_received_can_be_settled_and_a_slight_cannot() {
    let mut j = Journal::open_in_memory().unwrap();
    let sam = person(&mut j, "Sam", Relationship::Friend);
    let got = log(
        &mut j,
        &sam.id,
        Direction::Received,
        "2026-05-01",
        "lent me a drill",
    );
    let gave = log(
        &mut j,
        &sam.id,
        Direction::Given,
        "2026-05-02",
        "fixed his bike",
    );
    let mut slight = ExchangeInput::new(
        &sam.id,
        Direction::Received,
        day("2026-05-03"),
        "snapped at me",
    );
    slight.kind = Kind::Slight;
    let slight = exchanges::add_exchange(
        &mut j,
        AddExchange {
            input: slight,
            new_person: None,
        },
    )
    .unwrap();
    let entry = |id: &str| exchanges::get_exchange(&j, ById { id: id.into() }).unwrap();
    assert!(entry(&got).can_settle);
    assert!(!entry(&gave).can_settle);
    assert!(!slight.can_settle);
}

#[test]
fn a_refused_exchange_with_someone_new_adds_no_one() {
    let mut j = Journal::open_in_memory().unwrap();
    let input = ExchangeInput::new("", Direction::Given, day("2026-05-01"), "   ");
    let new_person = Some(PersonInput::new("Kim", Relationship::Neighbour));
    let err = exchanges::add_exchange(&mut j, AddExchange { input, new_person }).unwrap_err();
    assert_eq!(err.field(), Some("what"));
    assert!(people::list_people(
        &j,
        ListPeople {
            include_archived: true
        }
    )
    .unwrap()
    .is_empty());

    let input = ExchangeInput::new("", Direction::Given, day("2026-05-01"), "watered plants");
    let new_person = Some(PersonInput::new("Kim", Relationship::Neighbour));
    let e = exchanges::add_exchange(&mut j, AddExchange { input, new_person }).unwrap();
    assert_eq!(e.person_name, "Kim");
}

#[test]
fn home_sees_every_open_favour_and_open_loops_only_those_a_month_old() {
    let mut j = Journal::open_in_memory().unwrap();
    let sam = person(&mut j, "Sam", Relationship::Friend);
    log(
        &mut j,
        &sam.id,
        Direction::Received,
        "2026-03-01",
        "lent me a drill",
    );
    log(
        &mut j,
        &sam.id,
        Direction::Received,
        "2026-05-30",
        "brought soup",
    );
    let now = day("2026-06-01");
    let all = review::list_open_loops(
        &j,
        ListOpenLoops {
            now,
            min_age_days: Some(0),
        },
    )
    .unwrap();
    assert_eq!(
        all.iter().map(|l| l.what.as_str()).collect::<Vec<_>>(),
        ["lent me a drill", "brought soup"]
    );
    let old = review::list_open_loops(
        &j,
        ListOpenLoops {
            now,
            min_age_days: None,
        },
    )
    .unwrap();
    assert_eq!(old.len(), 1);
    let report = review::review_report(&j, Now { now }).unwrap();
    assert_eq!(report.open_loops, old);
}

#[test]
fn home_shows_the_report_the_oldest_open_favours_the_newest_entries_and_the_last_30_days() {
    let mut j = Journal::open_in_memory().unwrap();
    let sam = person(&mut j, "Sam", Relationship::Friend);
    // Eight favours received, one every ten days from 1 March, all still open.
    let days = [
        "2026-03-01",
        "2026-03-11",
        "2026-03-21",
        "2026-03-31",
        "2026-04-10",
        "2026-04-20",
        "2026-04-30",
        "2026-05-10",
    ];
    for (i, on) in days.iter().enumerate() {
        log(
            &mut j,
            &sam.id,
            Direction::Received,
            on,
            &format!("favour {i}"),
        );
    }
    let gone = log(&mut j, &sam.id, Direction::Given, "2026-05-20", "soup");
    exchanges::delete_exchange(&mut j, ById { id: gone }).unwrap();
    log(&mut j, &sam.id, Direction::Given, "2026-05-25", "a lift");
    let today = day("2026-06-01");

    let view = home::home_view(&j, Today { today }).unwrap();

    assert_eq!(
        view.report,
        review::review_report(&j, Now { now: today }).unwrap()
    );
    let open: Vec<_> = view.open_loops.iter().map(|l| l.what.as_str()).collect();
    assert_eq!(
        open,
        ["favour 0", "favour 1", "favour 2", "favour 3", "favour 4"]
    );
    let recent: Vec<_> = view
        .recent
        .iter()
        .map(|e| e.exchange.what.as_str())
        .collect();
    assert_eq!(
        recent,
        ["a lift", "favour 7", "favour 6", "favour 5", "favour 4", "favour 3"]
    );
    // The month-by-month chart is drawn on the person's page alone, and computed there.
    assert!(view.report.balances.iter().all(|b| b.series.is_empty()));
    let page = people::person_overview(
        &j,
        PersonAt {
            id: sam.id.clone(),
            now: today,
        },
    )
    .unwrap();
    assert_eq!(page.balance.unwrap().series.len(), 4, "March to June");
    // From 2 May on: favour 7 received and the lift given; the deleted soup is not counted.
    assert_eq!(
        (view.given_last_30_days, view.received_last_30_days),
        (1, 1)
    );
}

#[test]
fn home_and_the_report_follow_every_write_here_and_from_another_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut window = Journal::open(&path).unwrap();
    let sam = person(&mut window, "Sam", Relationship::Friend);
    log(
        &mut window,
        &sam.id,
        Direction::Given,
        "2026-05-30",
        "a lift",
    );
    let today = Today {
        today: day("2026-06-01"),
    };
    let now = Now { now: today.today };
    let given = |j: &Journal| home::home_view(j, today).unwrap().given_last_30_days;
    let balances = |j: &Journal| review::review_report(j, now).unwrap().balances.len();
    assert_eq!((given(&window), balances(&window)), (1, 1));
    assert_eq!((given(&window), balances(&window)), (1, 1));

    // Written here.
    log(&mut window, &sam.id, Direction::Given, "2026-05-31", "soup");
    let ana = person(&mut window, "Ana", Relationship::Neighbour);
    log(
        &mut window,
        &ana.id,
        Direction::Received,
        "2026-05-31",
        "a ladder",
    );
    assert_eq!((given(&window), balances(&window)), (2, 2));

    // Written by another process (the CLI) while the window stays open.
    let mut cli = Journal::open(&path).unwrap();
    log(&mut cli, &sam.id, Direction::Given, "2026-06-01", "flowers");
    assert_eq!(given(&window), 3);

    // A write refused here changes nothing and the answers stay right.
    let refused = ExchangeInput::new("no one", Direction::Given, day("2026-06-01"), "x");
    assert!(exchanges::add_exchange(
        &mut window,
        AddExchange {
            input: refused,
            new_person: None
        }
    )
    .is_err());
    assert_eq!((given(&window), balances(&window)), (3, 2));
}

#[test]
fn a_persons_overview_has_their_balance_feelings_and_open_favours_alone() {
    let mut j = Journal::open_in_memory().unwrap();
    let sam = person(&mut j, "Sam", Relationship::Friend);
    let ada = person(&mut j, "Ada", Relationship::Colleague);
    let mut soup = ExchangeInput::new(
        &sam.id,
        Direction::Received,
        day("2026-04-01"),
        "brought soup",
    );
    soup.feelings.gratitude = Some(4);
    exchanges::add_exchange(
        &mut j,
        AddExchange {
            input: soup,
            new_person: None,
        },
    )
    .unwrap();
    log(
        &mut j,
        &ada.id,
        Direction::Received,
        "2026-04-02",
        "covered my shift",
    );
    let now = day("2026-06-01");
    let page = people::person_overview(
        &j,
        PersonAt {
            id: sam.id.clone(),
            now,
        },
    )
    .unwrap();
    let report = review::review_report(&j, Now { now }).unwrap();
    let from_report = report
        .balances
        .iter()
        .find(|b| b.person_id == sam.id)
        .cloned();
    // The same balance; the page's alone carries the month-by-month series for its chart.
    let mut balance = page.balance.clone().unwrap();
    assert!(!balance.series.is_empty());
    balance.series.clear();
    assert_eq!(Some(balance), from_report);
    assert_eq!(page.open_loops.len(), 1);
    assert_eq!(page.open_loops[0].what, "brought soup");
    assert_eq!(page.feelings.len(), 1);
    assert_eq!(page.feelings[0].feeling, "gratitude");
    assert_eq!(page.feelings[0].mean, 4.0);
}

#[test]
fn the_limits_the_screens_show_are_the_ones_the_model_enforces() {
    let limits = journal::text_limits(Empty {}).unwrap();
    let mut j = Journal::open_in_memory().unwrap();
    let sam = person(&mut j, "Sam", Relationship::Friend);
    let at_limit = "a".repeat(limits.what as usize);
    let over = "a".repeat(limits.what as usize + 1);
    let input = ExchangeInput::new(&sam.id, Direction::Given, day("2026-05-01"), &at_limit);
    assert!(exchanges::add_exchange(
        &mut j,
        AddExchange {
            input,
            new_person: None
        }
    )
    .is_ok());
    let input = ExchangeInput::new(&sam.id, Direction::Given, day("2026-05-01"), &over);
    let err = exchanges::add_exchange(
        &mut j,
        AddExchange {
            input,
            new_person: None,
        },
    )
    .unwrap_err();
    assert_eq!(err.field(), Some("what"));
}

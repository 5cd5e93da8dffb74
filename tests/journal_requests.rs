//! Logging, editing, deleting, restoring, listing and searching asks; an exchange that
//! fulfils one; asks in the backup document and the CSV of asks.

use chrono::{NaiveDate, TimeZone, Utc};
use reciprocity::journal::Journal;
use reciprocity::model::{
    Answer, Direction, ExchangeInput, FollowThrough, Person, PersonInput, Relationship,
    RequestDirection, RequestFilter, RequestInput,
};
use reciprocity::transfer::csv_requests::requests_csv_text;
use reciprocity::transfer::document::{export_json, VERSION};
use reciprocity::transfer::{import_file, ImportFormat, ImportOptions};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn journal_with(names: &[&str]) -> (Journal, Vec<Person>) {
    let mut j = Journal::open_in_memory().unwrap();
    let ps = names
        .iter()
        .map(|n| {
            j.add_person(&PersonInput::new(*n, Relationship::Friend))
                .unwrap()
        })
        .collect();
    (j, ps)
}

fn ask(p: &Person, on: u32, what: &str) -> RequestInput {
    RequestInput::new(&p.id, RequestDirection::ToYou, day(on), what)
}

fn whats(j: &Journal, f: RequestFilter) -> Vec<String> {
    j.list_requests(&f)
        .unwrap()
        .into_iter()
        .map(|r| r.what)
        .collect()
}

#[test]
fn a_logged_ask_reads_back_with_how_it_felt() {
    let (mut j, ps) = journal_with(&["Sam"]);
    let mut input = ask(&ps[0], 2, "help me move a sofa");
    input.size = 4;
    input.answer = Answer::Agreed;
    input.pressure = Some(3);
    input.obligation = Some(2);
    input.free_to_refuse = Some(1);
    input.sweetened = true;
    input.tags = vec!["Moving".into()];
    let r = j.add_request(&input).unwrap();
    let back = j.get_request(&r.id).unwrap();
    assert_eq!(back, r);
    assert_eq!(back.followed_through, Some(FollowThrough::NotYet));
    assert_eq!(back.tags, vec!["moving"]);
    assert!(back.sweetened);
    assert_eq!(uuid::Uuid::parse_str(&r.id).unwrap().get_version_num(), 7);
}

#[test]
fn an_ask_for_an_unknown_person_is_refused_naming_the_field() {
    let (mut j, _) = journal_with(&["Sam"]);
    let err = j
        .add_request(&RequestInput::new(
            "nobody",
            RequestDirection::ByYou,
            day(1),
            "a lift",
        ))
        .unwrap_err();
    assert_eq!(err.field(), Some("person_id"));
    assert!(j
        .list_requests(&RequestFilter::default())
        .unwrap()
        .is_empty());
}

#[test]
fn feelings_on_an_ask_you_made_are_refused_and_nothing_is_written() {
    let (mut j, ps) = journal_with(&["Sam"]);
    let mut input = RequestInput::new(&ps[0].id, RequestDirection::ByYou, day(1), "a lift");
    input.pressure = Some(2);
    assert_eq!(j.add_request(&input).unwrap_err().field(), Some("pressure"));
    assert!(j
        .list_requests(&RequestFilter::default())
        .unwrap()
        .is_empty());
}

#[test]
fn a_smaller_ask_can_follow_an_earlier_one_of_the_same_person_and_direction_only() {
    let (mut j, ps) = journal_with(&["Sam", "Kim"]);
    let mut big = ask(&ps[0], 3, "lend me 500");
    big.answer = Answer::Declined;
    let big = j.add_request(&big).unwrap();
    let mut small = ask(&ps[0], 3, "lend me 50");
    small.follows = Some(big.id.clone());
    assert!(j.add_request(&small).is_ok());

    let mut other_person = ask(&ps[1], 4, "lend me 20");
    other_person.follows = Some(big.id.clone());
    assert_eq!(
        j.add_request(&other_person).unwrap_err().field(),
        Some("follows")
    );

    let mut other_way = RequestInput::new(&ps[0].id, RequestDirection::ByYou, day(4), "x");
    other_way.follows = Some(big.id.clone());
    assert_eq!(
        j.add_request(&other_way).unwrap_err().field(),
        Some("follows")
    );

    let mut earlier = ask(&ps[0], 1, "lend me 5");
    earlier.follows = Some(big.id.clone());
    let err = j.add_request(&earlier).unwrap_err();
    assert_eq!(err.field(), Some("follows"));
    assert!(err.to_string().contains("after this one"), "{err}");

    let mut own = ask(&ps[0], 5, "x");
    own.follows = Some(big.id.clone());
    assert_eq!(
        j.update_request(&big.id, &own).unwrap_err().field(),
        Some("follows")
    );
}

#[test]
fn an_edit_keeps_the_id_and_creation_time_and_checks_the_answer() {
    let (mut j, ps) = journal_with(&["Sam"]);
    let r = j.add_request(&ask(&ps[0], 2, "water my plants")).unwrap();
    let mut edit = r.to_input();
    edit.answer = Answer::Agreed;
    edit.followed_through = Some(FollowThrough::Yes);
    let done = j.update_request(&r.id, &edit).unwrap();
    assert_eq!(
        (done.id.as_str(), done.created_at),
        (r.id.as_str(), r.created_at)
    );
    assert_eq!(done.followed_through, Some(FollowThrough::Yes));
    edit.answer = Answer::Declined;
    let err = j.update_request(&r.id, &edit).unwrap_err();
    assert_eq!(err.field(), Some("followed_through"));
    assert_eq!(j.get_request(&r.id).unwrap(), done);
    assert_eq!(
        j.update_request("missing", &r.to_input())
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn a_deleted_ask_leaves_lists_and_search_and_comes_back_on_restore() {
    let (mut j, ps) = journal_with(&["Sam"]);
    let r = j.add_request(&ask(&ps[0], 2, "feed the cat")).unwrap();
    j.delete_request(&r.id).unwrap();
    assert!(whats(&j, RequestFilter::default()).is_empty());
    assert!(j.search_requests("cat", 10).unwrap().is_empty());
    let all = RequestFilter {
        include_deleted: true,
        ..RequestFilter::default()
    };
    assert_eq!(whats(&j, all), vec!["feed the cat"]);
    assert!(j.get_request(&r.id).unwrap().deleted_at.is_some());
    j.restore_request(&r.id).unwrap();
    assert_eq!(whats(&j, RequestFilter::default()), vec!["feed the cat"]);
    assert_eq!(j.delete_request("missing").unwrap_err().code(), "not_found");
}

#[test]
fn asks_list_newest_first_by_person_direction_and_dates() {
    let (mut j, ps) = journal_with(&["Sam", "Kim"]);
    j.add_request(&ask(&ps[0], 1, "one")).unwrap();
    j.add_request(&ask(&ps[1], 2, "two")).unwrap();
    j.add_request(&RequestInput::new(
        &ps[0].id,
        RequestDirection::ByYou,
        day(3),
        "three",
    ))
    .unwrap();
    j.add_request(&ask(&ps[0], 4, "four")).unwrap();
    assert_eq!(
        whats(&j, RequestFilter::default()),
        ["four", "three", "two", "one"]
    );
    let sam = RequestFilter {
        person_id: Some(ps[0].id.clone()),
        ..RequestFilter::default()
    };
    assert_eq!(whats(&j, sam.clone()), ["four", "three", "one"]);
    let sam_to_you = RequestFilter {
        direction: Some(RequestDirection::ToYou),
        ..sam
    };
    assert_eq!(whats(&j, sam_to_you), ["four", "one"]);
    let window = RequestFilter {
        since: Some(day(2)),
        until: Some(day(3)),
        ..RequestFilter::default()
    };
    assert_eq!(whats(&j, window), ["three", "two"]);
    let page = RequestFilter {
        limit: Some(2),
        offset: Some(1),
        ..RequestFilter::default()
    };
    assert_eq!(whats(&j, page), ["three", "two"]);
}

#[test]
fn search_finds_asks_by_words_tags_and_the_persons_name_even_after_a_rename() {
    let (mut j, ps) = journal_with(&["Sam Okafor", "Kim"]);
    let mut a = ask(&ps[0], 1, "borrow the ladder");
    a.note = "for the gutters".into();
    a.tags = vec!["garden".into()];
    j.add_request(&a).unwrap();
    j.add_request(&ask(&ps[1], 2, "a lift to the airport"))
        .unwrap();
    let found = |j: &Journal, q: &str| -> Vec<String> {
        j.search_requests(q, 10)
            .unwrap()
            .into_iter()
            .map(|r| r.what)
            .collect()
    };
    assert_eq!(found(&j, "ladd"), ["borrow the ladder"]);
    assert_eq!(found(&j, "gutter"), ["borrow the ladder"]);
    assert_eq!(found(&j, "garden"), ["borrow the ladder"]);
    assert_eq!(found(&j, "okafor"), ["borrow the ladder"]);
    assert_eq!(found(&j, "\"NOT airport*"), Vec::<String>::new());
    let mut renamed = j.get_person(&ps[0].id).unwrap().to_input();
    renamed.name = "Samira".into();
    j.update_person(&ps[0].id, &renamed).unwrap();
    assert_eq!(found(&j, "samira"), ["borrow the ladder"]);
    assert_eq!(
        j.search_requests(" ** ", 10).unwrap_err().field(),
        Some("query")
    );
}

#[test]
fn a_given_exchange_that_fulfils_an_agreed_ask_marks_it_followed_through() {
    let (mut j, ps) = journal_with(&["Sam"]);
    let mut a = ask(&ps[0], 2, "help me paint");
    a.answer = Answer::Agreed;
    let r = j.add_request(&a).unwrap();
    let mut done = ExchangeInput::new(&ps[0].id, Direction::Given, day(5), "painted the hall");
    done.fulfils = Some(r.id.clone());
    let e = j.add_exchange(&done).unwrap();
    assert_eq!(j.get_exchange(&e.id).unwrap().fulfils, Some(r.id.clone()));
    assert_eq!(
        j.get_request(&r.id).unwrap().followed_through,
        Some(FollowThrough::Yes)
    );
    assert_eq!(j.list_fulfilling_exchanges(&r.id).unwrap(), vec![e.id]);
}

#[test]
fn an_exchange_cannot_fulfil_a_declined_ask_another_persons_or_one_going_the_wrong_way() {
    let (mut j, ps) = journal_with(&["Sam", "Kim"]);
    let mut declined = ask(&ps[0], 2, "lend me the car");
    declined.answer = Answer::Declined;
    let declined = j.add_request(&declined).unwrap();
    let mut agreed = ask(&ps[0], 2, "lend me a bike");
    agreed.answer = Answer::Agreed;
    let agreed = j.add_request(&agreed).unwrap();
    let try_fulfil = |j: &mut Journal, person: &Person, direction, request: &str| {
        let mut e = ExchangeInput::new(&person.id, direction, day(6), "did it");
        e.fulfils = Some(request.to_string());
        j.add_exchange(&e).unwrap_err()
    };
    let err = try_fulfil(&mut j, &ps[0], Direction::Given, &declined.id);
    assert!(err.to_string().contains("declined"), "{err}");
    let err = try_fulfil(&mut j, &ps[1], Direction::Given, &agreed.id);
    assert_eq!(err.field(), Some("fulfils"));
    let err = try_fulfil(&mut j, &ps[0], Direction::Received, &agreed.id);
    assert!(err.to_string().contains("made by you"), "{err}");
    let err = try_fulfil(&mut j, &ps[0], Direction::Given, "missing");
    assert_eq!(err.field(), Some("fulfils"));
    assert!(j.list_exchanges(&Default::default()).unwrap().is_empty());
    assert_eq!(
        j.get_request(&agreed.id).unwrap().followed_through,
        Some(FollowThrough::NotYet)
    );
}

#[test]
fn editing_an_exchange_to_name_an_ask_marks_it_followed_through() {
    let (mut j, ps) = journal_with(&["Sam"]);
    let mut a = RequestInput::new(&ps[0].id, RequestDirection::ByYou, day(2), "lend me a tent");
    a.answer = Answer::Partly;
    let r = j.add_request(&a).unwrap();
    let e = j
        .add_exchange(&ExchangeInput::new(
            &ps[0].id,
            Direction::Received,
            day(4),
            "a tent",
        ))
        .unwrap();
    let mut edit = e.to_input();
    edit.fulfils = Some(r.id.clone());
    j.update_exchange(&e.id, &edit).unwrap();
    assert_eq!(
        j.get_request(&r.id).unwrap().followed_through,
        Some(FollowThrough::Yes)
    );
}

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 20, 9, 0, 0).unwrap()
}

#[test]
fn asks_and_what_fulfils_them_survive_an_export_and_import() {
    let (mut j, ps) = journal_with(&["Sam"]);
    let mut big = ask(&ps[0], 2, "host my party");
    big.answer = Answer::Declined;
    let big = j.add_request(&big).unwrap();
    let mut small = ask(&ps[0], 3, "bring chairs");
    small.answer = Answer::Agreed;
    small.follows = Some(big.id.clone());
    small.obligation = Some(3);
    let small = j.add_request(&small).unwrap();
    let mut e = ExchangeInput::new(&ps[0].id, Direction::Given, day(4), "six chairs");
    e.fulfils = Some(small.id.clone());
    j.add_exchange(&e).unwrap();
    let deleted = j.add_request(&ask(&ps[0], 5, "gone")).unwrap();
    j.delete_request(&deleted.id).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    let doc = export_json(&j, &file, at()).unwrap();
    assert_eq!(doc.version, VERSION);
    assert_eq!(doc.requests.len(), 3);

    let mut fresh = Journal::open_in_memory().unwrap();
    let summary = import_file(
        &mut fresh,
        &file,
        ImportFormat::Json,
        &ImportOptions::default(),
        at(),
    )
    .unwrap();
    assert_eq!(summary.merged.requests.unwrap().added, 3);
    assert_eq!(fresh.all_records().unwrap(), j.all_records().unwrap());
    let again = import_file(
        &mut fresh,
        &file,
        ImportFormat::Json,
        &ImportOptions::default(),
        at(),
    )
    .unwrap();
    assert_eq!(again.merged.requests.unwrap().unchanged, 3);
}

#[test]
fn a_version_one_backup_without_asks_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("v1.json");
    let doc = serde_json::json!({
        "format": "reciprocity-journal", "version": 1, "exported_at": "2026-01-01T00:00:00Z",
        "people": [{"id": "01a21a4d-3917-7743-8a83-dec5ab798afd", "name": "Sam",
                    "relationship": "friend", "notes": "", "archived_at": null,
                    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}],
        "exchanges": [{"id": "01a21a4d-3917-7743-8a83-dec5ab798afe",
                       "person_id": "01a21a4d-3917-7743-8a83-dec5ab798afd",
                       "direction": "given", "occurred_on": "2025-12-30", "occurred_at": null,
                       "kind": "favour", "what": "a lift", "note": "", "value": 2,
                       "initiative": null, "sphere": null, "reciprocates": null,
                       "settlement": null, "settled_on": null, "tags": [],
                       "feelings": {"gratitude": null, "indebtedness": null, "pressure": null,
                                    "discomfort": null, "warmth": 3, "drained": null,
                                    "expectation": null},
                       "created_at": "2026-01-01T00:00:00Z",
                       "updated_at": "2026-01-01T00:00:00Z", "deleted_at": null}],
        "checkins": []
    });
    std::fs::write(&file, doc.to_string()).unwrap();
    let mut j = Journal::open_in_memory().unwrap();
    let summary = import_file(
        &mut j,
        &file,
        ImportFormat::Json,
        &ImportOptions::default(),
        at(),
    )
    .unwrap();
    assert_eq!(summary.merged.exchanges.added, 1);
    assert_eq!(summary.merged.requests, None);
    let e = j
        .get_exchange("01a21a4d-3917-7743-8a83-dec5ab798afe")
        .unwrap();
    assert_eq!(e.fulfils, None);
}

#[test]
fn a_backup_whose_ask_names_a_missing_earlier_ask_is_refused_and_nothing_changes() {
    let (mut j, ps) = journal_with(&["Sam"]);
    let mut small = ask(&ps[0], 3, "bring chairs");
    let big = j.add_request(&ask(&ps[0], 2, "host my party")).unwrap();
    small.follows = Some(big.id.clone());
    j.add_request(&small).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    let mut doc = export_json(&j, &file, at()).unwrap();
    doc.requests.retain(|r| r.id != big.id);
    std::fs::write(&file, doc.to_json()).unwrap();
    let mut fresh = Journal::open_in_memory().unwrap();
    let err = import_file(
        &mut fresh,
        &file,
        ImportFormat::Json,
        &ImportOptions::default(),
        at(),
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("requests[0]") && text.contains("follows"),
        "{text}"
    );
    assert!(fresh.all_records().unwrap().people.is_empty());
}

#[test]
fn the_csv_of_asks_has_one_row_per_live_ask_with_formulas_made_text() {
    let (mut j, ps) = journal_with(&["Sam"]);
    let mut a = ask(&ps[0], 2, "=SUM(A1)");
    a.answer = Answer::Agreed;
    a.pressure = Some(2);
    j.add_request(&a).unwrap();
    let gone = j.add_request(&ask(&ps[0], 3, "gone")).unwrap();
    j.delete_request(&gone.id).unwrap();
    let bytes = requests_csv_text(&j).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("date,person,relationship,direction,what,size"));
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("2026-03-02,Sam,friend,to_you,'=SUM(A1),3,agreed,not_yet,2,"),
        "{row}"
    );
    assert!(lines.next().is_none());
}

#[test]
fn a_journal_from_before_asks_is_migrated_keeping_its_exchanges() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "application_id", 0x5263_506a)
            .unwrap();
        for sql in [
            include_str!("../migrations/0001_initial.sql"),
            include_str!("../migrations/0002_insight_state.sql"),
            include_str!("../migrations/0003_checkin_optional_ratings.sql"),
        ] {
            c.execute_batch(sql).unwrap();
        }
        c.execute_batch(
            "INSERT INTO person VALUES ('p1', 'Sam', 'friend', '', NULL,
                 '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO exchange (id, person_id, direction, occurred_on, kind, what, value,
                 created_at, updated_at)
             VALUES ('e1', 'p1', 'given', '2026-01-02', 'favour', 'a lift', 2,
                 '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');
             PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    let mut j = Journal::open(&path).unwrap();
    assert!(j.schema_version().unwrap() >= 4);
    assert_eq!(j.get_exchange("e1").unwrap().fulfils, None);
    let mut a = RequestInput::new("p1", RequestDirection::ToYou, day(1), "a lift back");
    a.answer = Answer::Agreed;
    let r = j.add_request(&a).unwrap();
    let mut edit = j.get_exchange("e1").unwrap().to_input();
    edit.fulfils = Some(r.id.clone());
    j.update_exchange("e1", &edit).unwrap();
    assert_eq!(
        j.get_request(&r.id).unwrap().followed_through,
        Some(FollowThrough::Yes)
    );
}

#[test]
fn the_insight_data_holds_live_asks_from_the_horizon_on() {
    let (mut j, ps) = journal_with(&["Sam"]);
    let old = j.add_request(&ask(&ps[0], 1, "old")).unwrap();
    let kept = j.add_request(&ask(&ps[0], 10, "kept")).unwrap();
    let gone = j.add_request(&ask(&ps[0], 11, "gone")).unwrap();
    j.delete_request(&gone.id).unwrap();
    let ids = |d: reciprocity::insight::Data| -> Vec<String> {
        d.requests.into_iter().map(|r| r.id).collect()
    };
    assert_eq!(
        ids(j.load_insight_data().unwrap()),
        [old.id, kept.id.clone()]
    );
    assert_eq!(
        ids(j.load_insight_data_since(Some(day(5))).unwrap()),
        [kept.id]
    );
}

#[test]
fn deleting_the_favours_in_the_journal_removes_a_favour_before_an_ask() {
    use reciprocity::insight::{analyse, InsightKind, Settings};
    let (mut j, ps) = journal_with(&["Gina"]);
    let mut favours = Vec::new();
    // Twenty days apart, so each ask has only its own favour within two weeks before it.
    for k in 0..3 {
        let on = day(1) + chrono::Duration::days(20 * k);
        let mut f = ExchangeInput::new(&ps[0].id, Direction::Received, on, "brought coffee");
        f.initiative = Some(reciprocity::model::Initiative::Unsolicited);
        favours.push(j.add_exchange(&f).unwrap().id);
        let asked = on + chrono::Duration::days(3);
        let mut a = RequestInput::new(&ps[0].id, RequestDirection::ToYou, asked, "cover my shift");
        a.answer = Answer::Agreed;
        a.obligation = Some(3);
        j.add_request(&a).unwrap();
    }
    let now = day(1) + chrono::Duration::days(70);
    let raised = |j: &Journal| {
        analyse(
            &j.load_insight_data().unwrap(),
            &Settings::default(),
            &[],
            now,
        )
        .insights
        .iter()
        .any(|i| i.kind == InsightKind::FavourBeforeAsk)
    };
    assert!(raised(&j));
    j.delete_exchange(&favours[1]).unwrap();
    assert!(!raised(&j));
    j.restore_exchange(&favours[1]).unwrap();
    assert!(raised(&j));
}

//! Full-text search over what, note, tags and person names.

use chrono::NaiveDate;
use reciprocity::journal::Journal;
use reciprocity::model::{Direction, ExchangeInput, PersonInput, Relationship};

fn setup() -> (Journal, String, String) {
    let mut j = Journal::open_in_memory().unwrap();
    let p = j
        .add_person(&PersonInput::new("Margarethe", Relationship::Neighbour))
        .unwrap();
    let mut input = ExchangeInput::new(
        &p.id,
        Direction::Received,
        NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
        "watered the plants",
    );
    input.note = "while we were in Lisbon".into();
    input.tags = vec!["holiday".into()];
    let id = j.add_exchange(&input).unwrap().id;
    (j, p.id, id)
}

fn found(j: &Journal, q: &str) -> usize {
    j.search_exchanges(q, 10).unwrap().len()
}

#[test]
fn search_finds_words_of_what_note_tags_and_names_by_prefix() {
    let (j, _, _) = setup();
    assert_eq!(found(&j, "plant"), 1);
    assert_eq!(found(&j, "lisb"), 1);
    assert_eq!(found(&j, "holiday"), 1);
    assert_eq!(found(&j, "margar"), 1);
    assert_eq!(found(&j, "watered lisbon"), 1);
    assert_eq!(found(&j, "watered paris"), 0);
}

#[test]
fn an_edited_note_is_found_by_its_new_words_and_not_its_old() {
    let (mut j, person, id) = setup();
    let mut input = ExchangeInput::new(
        &person,
        Direction::Received,
        NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
        "watered the plants",
    );
    input.note = "while we were in Porto".into();
    j.update_exchange(&id, &input).unwrap();
    assert_eq!(found(&j, "porto"), 1);
    assert_eq!(found(&j, "lisbon"), 0);
}

#[test]
fn a_renamed_person_is_found_by_the_new_name() {
    let (mut j, person, _) = setup();
    j.update_person(&person, &PersonInput::new("Grete", Relationship::Neighbour))
        .unwrap();
    assert_eq!(found(&j, "grete"), 1);
    assert_eq!(found(&j, "margarethe"), 0);
}

#[test]
fn deleted_exchanges_are_not_found_until_restored() {
    let (mut j, _, id) = setup();
    j.delete_exchange(&id).unwrap();
    assert_eq!(found(&j, "plants"), 0);
    j.restore_exchange(&id).unwrap();
    assert_eq!(found(&j, "plants"), 1);
}

#[test]
fn search_syntax_in_the_query_is_taken_literally() {
    let (j, _, _) = setup();
    assert_eq!(found(&j, "\"plants\" OR NOT"), 0);
    assert_eq!(found(&j, "plants)"), 1);
    let err = j.search_exchanges("  ()* ", 10).unwrap_err();
    assert_eq!(err.field(), Some("query"));
}

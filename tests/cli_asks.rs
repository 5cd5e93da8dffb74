//! `recip ask`, `recip asks`, and asks by id for show, edit, delete, restore and search.

use predicates::str::contains;

mod cli_support;
use cli_support::Cli;

#[test]
fn an_ask_made_of_you_is_logged_with_the_models_field_names() {
    let cli = Cli::new();
    let ask = cli.json(&[
        "--json",
        "ask",
        "to-you",
        "Gina",
        "cover my shift",
        "--relationship",
        "colleague",
        "--size",
        "4",
        "--answer",
        "agreed",
        "--pressure",
        "3",
        "--obligation",
        "2",
        "--free",
        "1",
        "--sweetened",
        "--on",
        "2026-05-01",
    ]);
    assert_eq!(ask["direction"], "to_you");
    assert_eq!(ask["answer"], "agreed");
    assert_eq!(ask["size"], 4);
    assert_eq!(ask["followed_through"], "not_yet");
    assert_eq!(ask["sweetened"], true);
    assert_eq!(ask["person_name"], "Gina");
    let listed = cli.json(&["--json", "asks", "--direction", "to-you"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert!(cli
        .json(&["--json", "asks", "--direction", "by-you"])
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn a_given_exchange_that_fulfils_an_agreed_ask_marks_it_done() {
    let cli = Cli::new();
    let ask = cli.json(&[
        "--json",
        "ask",
        "to-you",
        "Gina",
        "cover my shift",
        "-r",
        "colleague",
        "--answer",
        "agreed",
    ]);
    let id = ask["id"].as_str().unwrap();
    cli.cmd(&["log", "given", "Gina", "covered the shift", "--fulfils", id])
        .success();
    let shown = cli.json(&["--json", "show", id]);
    assert_eq!(shown["followed_through"], "yes");
    assert_eq!(shown["awaits_doing"], false);
}

#[test]
fn feelings_on_an_ask_you_made_are_refused_and_nothing_is_logged() {
    let cli = Cli::new();
    cli.cmd(&["person", "add", "Sam", "-r", "friend"]).success();
    cli.cmd(&["ask", "by-you", "Sam", "a lift", "--pressure", "2"])
        .failure()
        .code(1)
        .stderr(contains("pressure"));
    assert!(cli.json(&["--json", "asks"]).as_array().unwrap().is_empty());
}

#[test]
fn edit_delete_and_restore_work_on_an_ask_by_id_and_refuse_exchange_flags() {
    let cli = Cli::new();
    let ask = cli.json(&[
        "--json", "ask", "to-you", "Gina", "a loan", "-r", "friend", "--answer", "agreed",
    ]);
    let id = ask["id"].as_str().unwrap();
    let edited = cli.json(&[
        "--json",
        "edit",
        id,
        "--size",
        "2",
        "--followed-through",
        "no",
    ]);
    assert_eq!(edited["size"], 2);
    assert_eq!(edited["followed_through"], "no");
    cli.cmd(&["edit", id, "--value", "4"])
        .failure()
        .stderr(contains("--value is only for exchanges"));
    cli.cmd(&["delete", id]).success();
    assert!(cli.json(&["--json", "asks"]).as_array().unwrap().is_empty());
    cli.cmd(&["restore", id]).success();
    assert_eq!(cli.json(&["--json", "asks"]).as_array().unwrap().len(), 1);
    cli.cmd(&["search", "loan"])
        .success()
        .stdout(contains("Gina asked you"));
}

#[test]
fn an_exchange_refuses_the_flags_only_an_ask_has() {
    let cli = Cli::new();
    let e = cli.json(&["--json", "log", "given", "Sam", "soup", "-r", "friend"]);
    let id = e["id"].as_str().unwrap();
    cli.cmd(&["edit", id, "--size", "2"])
        .failure()
        .stderr(contains("--size is only for asks"));
}

#[test]
fn asks_export_to_csv_one_row_each() {
    let cli = Cli::new();
    cli.cmd(&["ask", "to-you", "Gina", "a loan", "-r", "friend"])
        .success();
    cli.cmd(&["ask", "by-you", "Gina", "a lift"]).success();
    let file = cli.db.with_file_name("asks.csv");
    cli.cmd(&["export", "--format", "asks-csv", file.to_str().unwrap()])
        .success()
        .stdout(contains("Exported 2 asks"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        text.lines().count(),
        3,
        "a header and one row per ask:\n{text}"
    );
    assert!(text.contains("a lift") && text.contains("a loan"));
}

//! The `recip` binary as a person or a script uses it: exit codes, messages, JSON, and a
//! journal left unchanged by every refused command.

use assert_cmd::Command;
use predicates::str::contains;
use sha2::{Digest, Sha256};
use std::path::Path;

mod cli_support;
use cli_support::Cli;

/// The journal file's SHA-256, after folding in its write-ahead log.
fn cli_digest(cli: &Cli) -> Vec<u8> {
    digest(&cli.db)
}

fn digest(path: &Path) -> Vec<u8> {
    // Fold the write-ahead log in first so the main file holds every committed write.
    {
        let c = rusqlite::Connection::open(path).unwrap();
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

#[test]
fn logging_then_listing_as_json_shows_the_exchange_with_model_field_names() {
    let cli = Cli::new();
    cli.cmd(&["person", "add", "Sam Lee", "--relationship", "friend"])
        .success()
        .stdout(contains("Added Sam Lee"));
    cli.cmd(&[
        "log",
        "given",
        "sam lee",
        "Helped move a sofa",
        "--on",
        "2026-03-01",
        "--value",
        "4",
        "--kind",
        "time_help",
        "--warmth",
        "3",
        "--drained",
        "1",
        "--tag",
        "moving",
    ])
    .success()
    .stdout(contains("Helped move a sofa"));
    let list = cli.json(&["list", "--json"]);
    let e = &list[0];
    assert_eq!(e["what"], "Helped move a sofa");
    assert_eq!(e["direction"], "given");
    assert_eq!(e["kind"], "time_help");
    assert_eq!(e["value"], 4);
    assert_eq!(e["occurred_on"], "2026-03-01");
    assert_eq!(e["feelings"]["warmth"], 3);
    assert_eq!(e["tags"][0], "moving");
    assert!(e["person_id"].is_string() && e["id"].is_string());
}

#[test]
fn an_unknown_person_is_an_error_that_says_how_to_add_them() {
    let cli = Cli::new();
    cli.cmd(&["log", "received", "Ana", "Dinner"])
        .code(1)
        .stderr(contains("no one named “Ana”"))
        .stderr(contains("recip person add"));
    cli.cmd(&[
        "log",
        "received",
        "Ana",
        "Dinner",
        "--relationship",
        "colleague",
    ])
    .success();
    let people = cli.json(&["person", "list", "--json"]);
    assert_eq!(people[0]["person"]["name"], "Ana");
    assert_eq!(people[0]["received"], 1);
}

#[test]
fn an_ambiguous_name_lists_the_candidates() {
    let cli = Cli::new();
    cli.cmd(&["person", "add", "Alex", "-r", "friend"])
        .success();
    cli.cmd(&["person", "add", "alex", "-r", "colleague"])
        .success();
    cli.cmd(&["log", "given", "ALEX", "coffee"])
        .code(1)
        .stderr(contains("could be any of"))
        .stderr(contains("friend"))
        .stderr(contains("colleague"));
}

#[test]
fn every_validation_error_exits_1_and_leaves_the_journal_unchanged() {
    let cli = Cli::new();
    cli.cmd(&["person", "add", "Sam", "-r", "friend"]).success();
    cli.cmd(&["log", "received", "Sam", "soup"]).success();
    let id = cli.json(&["list", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let before = cli_digest(&cli);
    let refused: &[(&[&str], &str)] = &[
        (&["log", "given", "Sam", "x", "--value", "9"], "--value"),
        (&["log", "given", "Sam", "   "], "cannot be empty"),
        (
            &["log", "given", "Sam", "x", "--gratitude", "2"],
            "--gratitude",
        ),
        (
            &["log", "received", "Sam", "x", "--pressure", "5"],
            "--pressure",
        ),
        (&["log", "given", "Sam", "x", "--on", "1850-01-01"], "--on"),
        (
            &["log", "given", "Sam", "x", "--reciprocates", "nope"],
            "--reciprocates",
        ),
        (
            &[
                "log", "given", "Nobody", "x", "--value", "0", "-r", "friend",
            ],
            "--value",
        ),
        (&["edit", &id, "--what", ""], "cannot be empty"),
        (&["edit", "no-such-id", "--value", "2"], "no exchange"),
        (&["settle", "no-such-id", "thanked"], "no exchange"),
        (
            &["person", "add", " ", "-r", "friend"],
            "name cannot be empty",
        ),
        (
            &[
                "checkin",
                "--mood",
                "-3",
                "--energy",
                "0",
                "--owing",
                "0",
                "--worry",
                "0",
                "--pressured",
                "0",
                "--exhaustion",
                "0",
            ],
            "--mood",
        ),
        (&["search", "*"], "type a word"),
    ];
    for (args, message) in refused {
        cli.cmd(args).code(1).stderr(contains(*message));
    }
    assert_eq!(
        cli_digest(&cli),
        before,
        "a refused command changed the journal"
    );
    assert_eq!(
        cli.json(&["person", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn usage_errors_exit_2() {
    let cli = Cli::new();
    cli.cmd(&["log", "sideways", "Sam", "x"]).code(2);
    cli.cmd(&["log", "given", "Sam", "x", "--value", "lots"])
        .code(2);
    cli.cmd(&["person", "add", "Sam", "-r", "boss"])
        .code(2)
        .stderr(contains("not a relationship"));
}

#[test]
fn edit_delete_restore_settle_and_search_work_from_the_command_line() {
    let cli = Cli::new();
    cli.cmd(&[
        "log",
        "received",
        "Ana",
        "watered plants",
        "-r",
        "neighbour",
        "--note",
        "during Lisbon trip",
    ])
    .success();
    let id = cli.json(&["list", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    cli.cmd(&["edit", &id, "--value", "5", "--gratitude", "4"])
        .success();
    let e = cli.json(&["show", &id, "--json"]);
    assert_eq!(
        (e["value"].as_i64(), e["feelings"]["gratitude"].as_i64()),
        (Some(5), Some(4))
    );
    assert_eq!(e["what"], "watered plants");

    assert_eq!(
        cli.json(&["search", "lisb", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    cli.cmd(&["settle", &id, "no-return-needed", "--on", "2026-04-01"])
        .success();
    let e = cli.json(&["show", &id, "--json"]);
    assert_eq!(
        (e["settlement"].as_str(), e["settled_on"].as_str()),
        (Some("no_return_needed"), Some("2026-04-01"))
    );

    cli.cmd(&["delete", &id])
        .success()
        .stdout(contains("recip restore"));
    assert!(cli.json(&["list", "--json"]).as_array().unwrap().is_empty());
    cli.cmd(&["restore", &id]).success();
    assert_eq!(cli.json(&["list", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn list_shows_every_match_unless_limited_and_filters_by_person_and_dates() {
    let cli = Cli::new();
    for d in 1..=30 {
        let on = format!("2026-01-{d:02}");
        cli.cmd(&["log", "given", "Sam", "help", "-r", "friend", "--on", &on])
            .success();
    }
    cli.cmd(&[
        "log",
        "received",
        "Ana",
        "lunch",
        "-r",
        "colleague",
        "--on",
        "2026-01-15",
    ])
    .success();
    assert_eq!(cli.json(&["list", "--json"]).as_array().unwrap().len(), 31);
    assert_eq!(
        cli.json(&["list", "--json", "--limit", "5"])
            .as_array()
            .unwrap()
            .len(),
        5
    );
    let ana = cli.json(&["list", "--json", "--person", "ana"]);
    assert_eq!(ana.as_array().unwrap().len(), 1);
    let mid = cli.json(&[
        "list",
        "--json",
        "--since",
        "2026-01-10",
        "--until",
        "2026-01-12",
    ]);
    assert_eq!(mid.as_array().unwrap().len(), 3);
    let work = cli.json(&["list", "--json", "--sphere", "workplace"]);
    assert_eq!(work[0]["what"], "lunch");
}

#[test]
fn check_ins_are_recorded_and_listed() {
    let cli = Cli::new();
    cli.cmd(&[
        "checkin",
        "--on",
        "2026-02-02",
        "--mood",
        "-1",
        "--energy",
        "2",
        "--owing",
        "3",
        "--worry",
        "2",
        "--pressured",
        "1",
        "--exhaustion",
        "4",
        "--text",
        "a heavy week",
    ])
    .success();
    let all = cli.json(&["checkins", "--json"]);
    assert_eq!(all[0]["mood"], -1);
    assert_eq!(all[0]["exhaustion"], 4);
    assert_eq!(all[0]["reflection"], "a heavy week");
}

#[test]
fn the_journal_path_comes_from_the_environment_when_no_flag_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.sqlite3");
    Command::cargo_bin("recip")
        .unwrap()
        .env("RECIPROCITY_DB", &db)
        .args(["log", "given", "Sam", "soup", "-r", "friend"])
        .assert()
        .success();
    assert!(db.exists());
    Command::cargo_bin("recip")
        .unwrap()
        .env("RECIPROCITY_DB", &db)
        .arg("where")
        .assert()
        .success()
        .stdout(contains("env.sqlite3"));
}

#[test]
fn a_file_that_is_not_a_journal_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.txt");
    std::fs::write(
        &db,
        "not a journal at all, just some text that is long enough",
    )
    .unwrap();
    let before = std::fs::read(&db).unwrap();
    Command::cargo_bin("recip")
        .unwrap()
        .arg("--db")
        .arg(&db)
        .args(["person", "list"])
        .assert()
        .code(1)
        .stderr(contains("not a SQLite database"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

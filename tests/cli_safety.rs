//! `recip` on the failure paths: refused input changes nothing, and journal text cannot drive
//! the terminal.

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

mod cli_support;
use cli_support::Cli;

#[test]
fn logging_with_someone_new_adds_no_one_when_the_exchange_is_refused() {
    let cli = Cli::new();
    cli.cmd(&["person", "list"]).success();
    cli.cmd(&[
        "log",
        "given",
        "Newcomer",
        "soup",
        "--relationship",
        "friend",
        "--reciprocates",
        "0190f5d2-0000-7000-8000-000000000000",
    ])
    .failure();
    assert_eq!(
        cli.json(&["--json", "person", "list", "--all"]),
        Value::Array(vec![])
    );
}

#[test]
fn settle_refuses_a_date_outside_the_years_1900_to_2100() {
    let cli = Cli::new();
    let e = cli.json(&[
        "--json",
        "log",
        "received",
        "Sam",
        "a lift",
        "--relationship",
        "friend",
    ]);
    let id = e["id"].as_str().unwrap();
    cli.cmd(&["settle", id, "thanked", "--on", "0000-01-01"])
        .failure()
        .stderr(contains("1900–2100"));
    let after = cli.json(&["--json", "show", id]);
    assert_eq!(after["settlement"], "open");
}

#[test]
fn a_what_of_only_a_zero_width_space_is_refused() {
    let cli = Cli::new();
    cli.cmd(&[
        "log",
        "given",
        "Sam",
        "\u{200b}",
        "--relationship",
        "friend",
    ])
    .failure()
    .stderr(contains("cannot be empty"));
    assert_eq!(cli.json(&["--json", "list"]), Value::Array(vec![]));
}

#[test]
fn a_search_of_thousands_of_words_is_refused_with_a_clear_message() {
    let cli = Cli::new();
    cli.cmd(&["log", "given", "Sam", "soup", "--relationship", "friend"])
        .success();
    let words = vec!["so"; 30_000].join(" ");
    cli.cmd(&["search", &words])
        .failure()
        .stderr(contains("a search is at most"));
    let many = vec!["soup"; 40].join(" ");
    cli.cmd(&["search", &many])
        .failure()
        .stderr(contains("words"));
}

/// Names and texts written by an older version or another program, straight into the file.
fn plant_escapes(cli: &Cli) {
    let c = rusqlite::Connection::open(&cli.db).unwrap();
    c.execute_batch(
        "UPDATE person SET name = 'Sam' || char(27) || ']0;owned' || char(7) || char(27) || '[2J';
         UPDATE exchange SET what = 'soup' || char(27) || '[31m';",
    )
    .unwrap();
}

#[test]
fn escape_sequences_in_names_and_texts_are_shown_not_obeyed() {
    let cli = Cli::new();
    cli.cmd(&["log", "given", "Sam", "soup", "--relationship", "friend"])
        .success();
    plant_escapes(&cli);
    for args in [
        &["list"][..],
        &["person", "list"],
        &["log", "given", "sam", "tea"],
    ] {
        let out = cli.cmd(args).get_output().clone();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(
            !text.contains('\u{1b}'),
            "{args:?} printed an escape: {text:?}"
        );
        assert!(text.contains("Sam␛"), "{args:?}: {text:?}");
    }
}

#[test]
fn restoring_a_backup_cut_short_fails_and_keeps_the_journal() {
    let cli = Cli::new();
    cli.cmd(&["log", "given", "Sam", "soup", "--relationship", "friend"])
        .success();
    let cut = cli.folder().join("cut.sqlite3");
    let c = rusqlite::Connection::open(&cli.db).unwrap();
    c.execute("VACUUM INTO ?1", [cut.to_str().unwrap()])
        .unwrap();
    drop(c);
    std::fs::write(
        cli.folder().join("cut.sqlite3-journal"),
        hot_journal_header(),
    )
    .unwrap();
    cli.cmd(&["backup", "restore", cut.to_str().unwrap()])
        .failure()
        .stderr(contains("cut short"));
    assert_eq!(cli.json(&["--json", "list"]).as_array().unwrap().len(), 1);
}

/// The first 512 bytes of a rollback journal for a file that was empty before: rolling it
/// back truncates the file to nothing.
fn hot_journal_header() -> Vec<u8> {
    let mut journal = vec![0u8; 512];
    journal[..8].copy_from_slice(&[0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
    journal[20..24].copy_from_slice(&512u32.to_be_bytes());
    journal[24..28].copy_from_slice(&4096u32.to_be_bytes());
    journal
}

#[test]
fn a_fifo_given_as_the_journal_is_refused_at_once() {
    let cli = Cli::new();
    let fifo = cli.folder().join("pipe.sqlite3");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    Command::cargo_bin("recip")
        .unwrap()
        .arg("--db")
        .arg(&fifo)
        .arg("list")
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .failure()
        .stderr(contains("not a regular file"));
}

#[test]
fn a_damaged_page_met_after_the_days_check_is_reported_as_damage() {
    let cli = Cli::new();
    {
        let mut j = reciprocity::journal::Journal::open(&cli.db).unwrap();
        let p = j
            .add_person(&reciprocity::model::PersonInput::new(
                "Sam",
                reciprocity::model::Relationship::Friend,
            ))
            .unwrap();
        for i in 0..400 {
            let mut e = reciprocity::model::ExchangeInput::new(
                &p.id,
                reciprocity::model::Direction::Given,
                chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
                format!("help number {i}"),
            );
            e.note = "a long note ".repeat(20);
            j.add_exchange(&e).unwrap();
        }
    }
    // The day's backup is taken, so later opens skip the full check.
    cli.cmd(&["list", "--limit", "1"]).success();
    let mut bytes = std::fs::read(&cli.db).unwrap();
    let (from, to) = (bytes.len() / 3, bytes.len() * 2 / 3);
    for b in &mut bytes[from..to] {
        *b = 0x5a;
    }
    std::fs::write(&cli.db, &bytes).unwrap();
    cli.cmd(&["list"])
        .failure()
        .stderr(contains("is damaged"))
        .stderr(contains(cli.db.to_str().unwrap()));
}

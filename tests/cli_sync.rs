//! `recip sync`, `recip sync status` and `recip conflicts` on journals of their own.

mod cli_support;

use cli_support::Cli;
use predicates::str::contains;

#[test]
fn a_favour_logged_on_one_device_appears_on_the_other_through_the_cli() {
    let (a, b) = (Cli::new(), Cli::new());
    let shared = tempfile::tempdir().unwrap();
    let folder = shared.path().to_str().unwrap();
    a.cmd(&["person", "add", "Sam", "--relationship", "friend"])
        .success();
    a.cmd(&["log", "given", "Sam", "lent a ladder"]).success();
    a.cmd(&["sync", "name", "Laptop"])
        .failure()
        .stderr(contains("choose a sync folder first"));
    // The person, the favour, and this device's name (the computer's, until renamed).
    a.cmd(&["sync", "--folder", folder])
        .success()
        .stdout(contains("Sent 3 changed rows"));
    a.cmd(&["sync", "name", "Laptop"])
        .success()
        .stdout(contains("This device is now called “Laptop”"));
    a.cmd(&["sync"]).success();
    b.cmd(&["sync", "--folder", folder]).success();
    b.cmd(&["list"]).success().stdout(contains("lent a ladder"));
    let status = b.json(&["sync", "status", "--json"]);
    assert_eq!(status["devices"].as_array().unwrap().len(), 1, "{status}");
    assert_eq!(status["devices"][0]["name"], "Laptop", "{status}");
    b.cmd(&["sync", "status"])
        .success()
        .stdout(contains("Device Laptop ("));
    assert_eq!(status["unread"], 0);
    // Later syncs use the folder set once.
    b.cmd(&["log", "received", "Sam", "a lift"]).success();
    b.cmd(&["sync"]).success();
    a.cmd(&["sync"]).success();
    a.cmd(&["list"]).success().stdout(contains("a lift"));
    // Stopped, `recip sync` asks for a folder again.
    a.cmd(&["sync", "stop"]).success();
    a.cmd(&["sync"])
        .failure()
        .stderr(contains("recip sync --folder PATH"));
}

#[test]
fn sync_without_a_folder_says_how_to_set_one_and_changes_nothing() {
    let a = Cli::new();
    a.cmd(&["sync"])
        .failure()
        .stderr(contains("recip sync --folder PATH"));
    a.cmd(&["sync", "--folder", a.folder().to_str().unwrap()])
        .failure()
        .stderr(contains("holds the journal itself"));
    let status = a.json(&["sync", "status", "--json"]);
    assert!(status["folder"].is_null(), "{status}");
}

#[test]
fn a_conflict_is_listed_and_resolved_from_the_cli() {
    let (a, b) = (Cli::new(), Cli::new());
    let shared = tempfile::tempdir().unwrap();
    let folder = shared.path().to_str().unwrap();
    a.cmd(&["person", "add", "Sam", "--relationship", "friend"])
        .success();
    let logged = a.json(&["log", "given", "Sam", "lent a ladder", "--json"]);
    let id = logged["id"].as_str().unwrap().to_string();
    a.cmd(&["sync", "--folder", folder]).success();
    b.cmd(&["sync", "--folder", folder]).success();
    a.cmd(&["edit", &id, "--what", "lent a long ladder"])
        .success();
    b.cmd(&["edit", &id, "--what", "lent a short ladder"])
        .success();
    a.cmd(&["sync"]).success();
    b.cmd(&["sync"])
        .success()
        .stdout(contains("recip conflicts"));
    let listed = b.json(&["conflicts", "--json"]);
    let n = listed[0]["id"].as_u64().unwrap().to_string();
    b.cmd(&["conflicts"])
        .success()
        .stdout(contains("lent a long ladder"));
    b.cmd(&["conflicts", "resolve", &n, "--keep", "sideways"])
        .failure();
    b.cmd(&["conflicts", "resolve", &n, "--keep", "other"])
        .success();
    b.cmd(&["show", &id])
        .success()
        .stdout(contains("lent a long ladder"));
    assert_eq!(
        b.json(&["conflicts", "--json"]).as_array().unwrap().len(),
        0
    );
}

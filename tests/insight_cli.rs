//! `recip balance`, `insights`, `references` and `demo` as a person or a script uses them.

use assert_cmd::Command;
use chrono::{Duration, Local};
use predicates::str::contains;
use serde_json::Value;

mod cli_support;
use cli_support::Cli;

/// A journal of `recip demo` (seed 4, two years).
fn demo_cli() -> Cli {
    let cli = Cli::new();
    cli.cmd(&["demo", "--seed", "4", "--years", "2"])
        .success()
        .stdout(contains("Wrote a sample journal"));
    cli
}

fn today() -> String {
    Local::now().date_naive().to_string()
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn demo_writes_a_sample_journal_once_and_never_into_a_journal_with_people() {
    let cli = demo_cli();
    let people = cli.json(&["person", "list", "--json"]);
    assert!(people.as_array().unwrap().len() >= 30);
    cli.cmd(&["demo"])
        .failure()
        .code(1)
        .stderr(contains("already has people"));
    assert_eq!(cli.json(&["person", "list", "--json"]), people);
}

#[test]
fn insights_json_has_the_documented_shape() {
    let cli = demo_cli();
    let v = cli.json(&["insights", "--json", "--now", &today()]);
    let all = v.as_array().unwrap();
    assert!(!all.is_empty());
    for i in all {
        for key in [
            "id", "kind", "subject", "severity", "headline", "reasons", "evidence", "research",
        ] {
            assert!(i.get(key).is_some(), "{key} missing in {i}");
        }
        assert!(["note", "notice", "concern"].contains(&i["severity"].as_str().unwrap()));
        let subject = i["subject"]["type"].as_str().unwrap();
        assert!(["person", "sphere", "journal"].contains(&subject));
        for r in i["reasons"].as_array().unwrap() {
            assert!(r["text"].is_string() && r["field"].is_string() && r["value"].is_number());
        }
    }
    let kinds: Vec<&str> = all.iter().map(|i| i["kind"].as_str().unwrap()).collect();
    for k in [
        "gives_more",
        "over_giving",
        "anxiety_growing",
        "retaliation_spiral",
        "style_escalating",
    ] {
        assert!(kinds.contains(&k), "{k} not in {kinds:?}");
    }
    // The same --now gives the same report.
    assert_eq!(cli.json(&["insights", "--json", "--now", &today()]), v);
}

#[test]
fn a_dismissed_insight_is_gone_from_later_reports() {
    let cli = demo_cli();
    let now = today();
    let before = ids(&cli.json(&["insights", "--json", "--now", &now]));
    let target = before
        .iter()
        .find(|id| id.starts_with("retaliation_spiral:"))
        .unwrap()
        .clone();
    cli.cmd(&["insights", "dismiss", &target, "--now", &now])
        .success()
        .stdout(contains("Dismissed:"));
    let after = ids(&cli.json(&["insights", "--json", "--now", &now]));
    assert!(!after.contains(&target));
    assert_eq!(after.len() + 1, before.len());
    cli.cmd(&["insights", "--now", &now])
        .success()
        .stdout(contains("(1 dismissed or snoozed.)"));
}

#[test]
fn a_snoozed_insight_comes_back_on_its_date() {
    let cli = demo_cli();
    let now = Local::now().date_naive();
    let until = (now + Duration::days(7)).to_string();
    let target = ids(&cli.json(&["insights", "--json", "--now", &now.to_string()]))
        .into_iter()
        .find(|id| id.starts_with("over_giving:"))
        .unwrap();
    cli.cmd(&[
        "insights",
        "snooze",
        &target,
        "--until",
        &until,
        "--now",
        &now.to_string(),
    ])
    .success()
    .stdout(contains(format!("Snoozed until {until}")));
    let hidden = ids(&cli.json(&["insights", "--json", "--now", &now.to_string()]));
    assert!(!hidden.contains(&target));
    let back = ids(&cli.json(&["insights", "--json", "--now", &until]));
    assert!(back.contains(&target), "{back:?}");
}

#[test]
fn dismissing_an_unknown_insight_or_snoozing_into_the_past_is_refused() {
    let cli = demo_cli();
    cli.cmd(&["insights", "dismiss", "gives_more:person:nobody"])
        .failure()
        .code(1)
        .stderr(contains("no insight with id gives_more:person:nobody"));
    cli.cmd(&[
        "insights",
        "snooze",
        "over_giving:journal",
        "--until",
        "2000-01-01",
    ])
    .failure()
    .code(1)
    .stderr(contains("after today"));
}

#[test]
fn balance_shows_each_relationship_with_its_interval_and_label() {
    let cli = demo_cli();
    let v = cli.json(&["balance", "--json", "--now", &today()]);
    let all = v.as_array().unwrap();
    assert!(all.len() >= 30);
    for b in all {
        let (low, share, high) = (
            b["low"].as_f64().unwrap(),
            b["share"].as_f64().unwrap(),
            b["high"].as_f64().unwrap(),
        );
        assert!(low <= share && share <= high, "{b}");
    }
    // Each with its month-by-month series (the report's balances leave it out).
    assert!(all
        .iter()
        .any(|b| b["series"].as_array().unwrap().len() == 12));
    let text = cli.cmd(&["balance", "--now", &today()]).success();
    let out = String::from_utf8(text.get_output().stdout.clone()).unwrap();
    assert!(out.contains("you give more"), "{out}");
    assert!(out.contains("about even"), "{out}");
    assert!(out.contains("% given (80%: "), "{out}");
}

#[test]
fn an_empty_journal_says_what_will_appear() {
    let cli = Cli::new();
    cli.cmd(&["balance"])
        .success()
        .stdout(contains("No balances yet"));
    cli.cmd(&["insights"])
        .success()
        .stdout(contains("Nothing to point out yet"));
}

#[test]
fn references_list_every_cited_work_with_its_citation() {
    let cli = Cli::new();
    cli.cmd(&["references"])
        .success()
        .stdout(contains("[regan1971] Regan, D. T. (1971). Effects of a favor and liking on compliance. Journal of Experimental Social Psychology, 7(6), 627–639."));
    let v = cli.json(&["references", "--json"]);
    assert_eq!(v.as_array().unwrap().len(), 24);
    assert_eq!(v[0]["key"], "adams1965");
}

#[test]
fn demo_never_writes_into_the_default_journal() {
    let home = tempfile::tempdir().unwrap();
    Command::cargo_bin("recip")
        .unwrap()
        .env_remove("RECIPROCITY_DB")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .arg("demo")
        .assert()
        .failure()
        .code(1)
        .stderr(contains("never your journal"));
}

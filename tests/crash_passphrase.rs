//! Kills during `recip protect`, `protect --change` and `protect --remove`: SIGKILL at random
//! points, then the journal must open, under the old passphrase or the new one, with every
//! exchange it held; no round may leave a file that opens under neither.
//!
//! The short version runs with every `cargo test`; `make soak` runs 60 rounds.

#![cfg(unix)]

mod crash_support;

use crash_support::{recip, run_or_kill_with, Dice};
use reciprocity::journal::Journal;
use std::path::Path;

/// The passphrases a round may find the journal under; `None` is plain.
const STATES: [Option<&str>; 3] = [None, Some("first passphrase"), Some("second passphrase")];

#[derive(Default, Debug)]
struct Tally {
    rounds: u32,
    killed: u32,
    finished: u32,
    lost: u32,
}

/// The state the journal opens under, and how many exchanges it holds then.
fn opened_state(db: &Path) -> Option<(usize, usize)> {
    STATES.iter().enumerate().find_map(|(i, p)| {
        let j = Journal::open_with(db, *p).ok()?;
        if i > 0 && !j.is_protected() {
            return None;
        }
        let filter = reciprocity::model::ExchangeFilter::default();
        Some((i, j.list_exchanges(&filter).ok()?.len()))
    })
}

fn rounds(count: u32) -> Tally {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let demo = recip(&db).args(["demo", "--years", "1"]).output().unwrap();
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let (_, exchanges) = opened_state(&db).unwrap();
    // How long a whole protect takes here, so kills land before, during and after it.
    let started = std::time::Instant::now();
    let out = protect(&db, 0, 1, None);
    assert!(out.is_some_and(|o| o.status.success()));
    let typical_ms = started.elapsed().as_millis() as u64 + 1;
    let mut dice = Dice(2026);
    let mut t = Tally::default();
    for _ in 0..count {
        let (now, held) = opened_state(&db).expect("the journal opens in some state");
        assert_eq!(held, exchanges, "an exchange was lost");
        let next = (now + 1 + dice.below(2) as usize) % STATES.len();
        let delay = dice.below(typical_ms * 3 / 2 + 1);
        match protect(&db, now, next, Some(delay)) {
            Some(out) => {
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                t.finished += 1;
            }
            None => t.killed += 1,
        }
        t.rounds += 1;
        match opened_state(&db) {
            Some((state, held)) if held == exchanges && (state == now || state == next) => {}
            other => {
                eprintln!("round {}: from {now} to {next}, found {other:?}", t.rounds);
                t.lost += 1;
            }
        }
    }
    let leftovers = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".rekey-"))
        .count();
    assert_eq!(
        leftovers, 0,
        "a temporary copy was left after the next open"
    );
    eprintln!("protect/change/remove killed at random points: {t:?}");
    t
}

/// Runs the command that takes the journal from state `from` to state `to`, killed after
/// `kill_after` milliseconds unless it ended (or run to its end).
fn protect(
    db: &Path,
    from: usize,
    to: usize,
    kill_after: Option<u64>,
) -> Option<std::process::Output> {
    let mut cmd = recip(db);
    cmd.env("RECIPROCITY_NO_KEYRING", "1").arg("protect");
    match (STATES[from], STATES[to]) {
        (_, None) => cmd.arg("--remove"),
        (Some(_), Some(_)) => cmd.arg("--change"),
        (None, Some(_)) => &mut cmd,
    };
    match STATES[from] {
        Some(p) => cmd.env("RECIPROCITY_PASSPHRASE", p),
        None => cmd.env_remove("RECIPROCITY_PASSPHRASE"),
    };
    let input = STATES[to].map(|p| format!("{p}\n"));
    match kill_after {
        Some(ms) => run_or_kill_with(cmd, ms, input.as_deref()),
        None => {
            use std::io::Write;
            let mut child = cmd
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            let mut stdin = child.stdin.take().unwrap();
            stdin
                .write_all(input.unwrap_or_default().as_bytes())
                .unwrap();
            drop(stdin);
            Some(child.wait_with_output().unwrap())
        }
    }
}

#[test]
fn kills_during_protect_change_and_remove_never_lose_the_journal() {
    let t = rounds(8);
    assert_eq!(t.lost, 0, "{t:?}");
}

#[test]
#[ignore = "soak: run with `make soak`"]
fn sixty_kills_during_protect_change_and_remove_never_lose_the_journal() {
    let t = rounds(60);
    assert_eq!(t.lost, 0, "{t:?}");
    assert!(t.killed >= 10, "too few rounds were killed part-way: {t:?}");
}

//! Kills and overlaps: `recip` writers, imports, backups and restores are killed (SIGKILL) at
//! random points, and commands run side by side with a writer; afterwards no acknowledged write
//! is lost, nothing is half-applied, every listed backup is whole, and no healthy journal was
//! ever called damaged.
//!
//! The short versions run with every `cargo test`; `make soak` runs the full counts
//! (`cargo test --test crash -- --ignored`). Figures are printed with `--nocapture`.

#![cfg(unix)]

mod crash_support;

use crash_support::{recip, run_or_kill, Dice};
use reciprocity::journal::Journal;
use reciprocity::transfer::backups::list_backups;
use std::path::PathBuf;
use std::process::Output;

#[derive(Default, Debug)]
struct Tally {
    rounds: u32,
    acknowledged: u32,
    killed: u32,
    lost: u32,
    partial: u32,
    false_damaged: u32,
}

struct Harness {
    _dir: tempfile::TempDir,
    db: PathBuf,
    folder: PathBuf,
    acknowledged: Vec<String>,
    tally: Tally,
    /// How long an ordinary command takes here, so kills land before, during and after.
    typical_ms: u64,
}

impl Harness {
    fn new() -> Harness {
        Harness::starting_with(&[])
    }

    /// A harness whose journal first gets `recip demo` with these arguments (years of made-up
    /// entries), so that checks and checkpoints take as long as on a journal in real use.
    fn starting_with(demo: &[&str]) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.sqlite3");
        let folder = dir.path().to_path_buf();
        if !demo.is_empty() {
            let out = recip(&db).arg("demo").args(demo).output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let ok = recip(&db)
            .args(["person", "add", "Sam", "--relationship", "friend"])
            .output()
            .unwrap();
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );
        // The slowest of three writes: kills then land before, during and after commands.
        let typical_ms = (0..3)
            .map(|i| {
                let started = std::time::Instant::now();
                let what = format!("warm-up {i}");
                recip(&db)
                    .args(["log", "given", "Sam", &what])
                    .output()
                    .unwrap();
                started.elapsed().as_millis() as u64 + 1
            })
            .max()
            .unwrap();
        Harness {
            typical_ms,
            _dir: dir,
            db,
            folder,
            acknowledged: Vec::new(),
            tally: Tally::default(),
        }
    }

    fn note(&mut self, out: Option<Output>) -> Option<Output> {
        match &out {
            None => self.tally.killed += 1,
            Some(o) if String::from_utf8_lossy(&o.stderr).contains("damaged") => {
                self.tally.false_damaged += 1;
                eprintln!("false damaged: {}", String::from_utf8_lossy(&o.stderr));
            }
            Some(_) => {}
        }
        out
    }

    fn log(&mut self, round: u32, delay: u64) {
        let what = format!("write {round}");
        let mut cmd = recip(&self.db);
        cmd.args(["log", "given", "Sam", &what]);
        if let Some(out) = self.note(run_or_kill(cmd, delay)) {
            if out.status.success() {
                self.acknowledged.push(what);
            }
        }
    }

    fn import(&mut self, round: u32, delay: u64) {
        let file = self.folder.join(format!("contacts-{round}.vcf"));
        let cards: String = (0..20)
            .map(|k| {
                format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported {round}-{k}\r\nEND:VCARD\r\n")
            })
            .collect();
        std::fs::write(&file, cards).unwrap();
        let mut cmd = recip(&self.db);
        cmd.arg("import").arg(&file);
        self.note(run_or_kill(cmd, delay));
    }

    fn backup(&mut self, delay: u64) {
        let mut cmd = recip(&self.db);
        cmd.arg("backup");
        self.note(run_or_kill(cmd, delay));
    }

    /// Restores a backup of the current journal, so either outcome holds every write.
    fn restore(&mut self, delay: u64) {
        let out = recip(&self.db).arg("backup").output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let newest = list_backups(&self.db).unwrap()[0].path.clone();
        let mut cmd = recip(&self.db);
        cmd.args(["backup", "restore"]).arg(newest);
        self.note(run_or_kill(cmd, delay));
    }

    /// Everything acknowledged is there, each import is all or nothing, every listed backup
    /// is whole.
    fn check(&mut self) {
        let j = match Journal::open(&self.db) {
            Ok(j) => j,
            Err(e) => panic!("the journal does not open after a kill: {e}"),
        };
        let whats: std::collections::HashSet<String> = j
            .list_exchanges(&Default::default())
            .unwrap()
            .into_iter()
            .map(|e| e.what)
            .collect();
        self.tally.lost = self
            .acknowledged
            .iter()
            .filter(|w| !whats.contains(*w))
            .count() as u32;
        let mut per_import = std::collections::HashMap::<String, u32>::new();
        for p in j.list_people(true).unwrap() {
            if let Some(rest) = p.name.strip_prefix("Imported ") {
                let round = rest.split('-').next().unwrap().to_string();
                *per_import.entry(round).or_default() += 1;
            }
        }
        self.tally.partial += per_import.values().filter(|n| **n != 20).count() as u32;
        for b in list_backups(&self.db).unwrap() {
            let c = rusqlite::Connection::open(&b.path).unwrap();
            let verdict: String = c
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap();
            if verdict != "ok" {
                self.tally.partial += 1;
            }
        }
    }
}

fn crash_rounds(rounds: u32) -> Tally {
    let mut h = Harness::new();
    let mut dice = Dice(0x5eed);
    let span = h.typical_ms * 3;
    for round in 0..rounds {
        let delay = dice.below(span);
        match dice.below(4) {
            0 => h.log(round, delay),
            1 => h.import(round, delay),
            2 => h.backup(delay),
            _ => h.restore(delay),
        }
        // A write after every round, acknowledged or killed, keeps the journal growing.
        h.log(round + 1_000_000, dice.below(span));
        h.check();
        h.tally.rounds += 1;
    }
    h.tally.acknowledged = h.acknowledged.len() as u32;
    eprintln!("crash harness: {:?}, kills within {span} ms", h.tally);
    h.tally
}

fn assert_safe(t: &Tally) {
    assert_eq!(t.lost, 0, "{t:?}");
    assert_eq!(t.partial, 0, "{t:?}");
    assert_eq!(t.false_damaged, 0, "{t:?}");
    assert!(
        t.acknowledged > 0 && t.killed > 0,
        "the harness must both finish and kill commands: {t:?}"
    );
}

#[test]
fn kills_at_random_points_lose_no_acknowledged_write_and_leave_nothing_partial() {
    assert_safe(&crash_rounds(30));
}

#[test]
#[ignore = "soak: run with `make soak`"]
fn kills_at_random_points_over_two_hundred_rounds_lose_nothing() {
    assert_safe(&crash_rounds(250));
}

/// One writer logs while readers list; returns (commands run, false "damaged" reports).
fn overlapping_commands(total: u32) -> (u32, u32) {
    let h = Harness::starting_with(&["--years", "3"]);
    let db = h.db.clone();
    let per_thread = total / 3;
    let run = move |args: Vec<String>| {
        let mut damaged = 0;
        for i in 0..per_thread {
            let mut args = args.clone();
            if args[0] == "log" {
                args.push(format!("overlap {i}"));
            }
            let out = recip(&db).args(&args).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            if err.contains("damaged") {
                eprintln!("false damaged: {err}");
                damaged += 1;
            }
            assert!(out.status.success() || err.contains("damaged"), "{err}");
        }
        damaged
    };
    let jobs = [
        vec!["log".to_string(), "given".into(), "Sam".into()],
        vec!["list".to_string(), "--limit".into(), "3".into()],
        vec!["person".to_string(), "list".into()],
    ];
    let handles: Vec<_> = jobs
        .into_iter()
        .map(|args| {
            let run = run.clone();
            std::thread::spawn(move || run(args))
        })
        .collect();
    let damaged = handles.into_iter().map(|h| h.join().unwrap()).sum();
    let ran = per_thread * 3;
    eprintln!("overlapping commands: {ran} run, {damaged} reported damaged");
    (ran, damaged)
}

#[test]
fn readers_beside_a_writer_never_see_a_healthy_journal_as_damaged() {
    assert_eq!(overlapping_commands(300).1, 0);
}

#[test]
#[ignore = "soak: run with `make soak`"]
fn five_thousand_overlapping_commands_give_no_false_damaged_report() {
    let (ran, damaged) = overlapping_commands(5_100);
    assert!(ran >= 5_000);
    assert_eq!(damaged, 0);
}

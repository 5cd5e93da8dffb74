//! What the kill harnesses share: the `recip` binary on a journal, a replayable dice, and
//! starting a command to kill it part-way.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

pub fn recip(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_recip"));
    c.arg("--db").arg(db).env_remove("RECIPROCITY_DB");
    c
}

/// A small deterministic generator, so a failing round can be replayed by its seed.
pub struct Dice(pub u64);

impl Dice {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Starts `cmd`, kills it after `delay_ms` unless it ended, and returns its output when it
/// ended by itself.
pub fn run_or_kill(cmd: Command, delay_ms: u64) -> Option<Output> {
    run_or_kill_with(cmd, delay_ms, None)
}

/// `run_or_kill`, with `input` written to the command's standard input.
pub fn run_or_kill_with(mut cmd: Command, delay_ms: u64, input: Option<&str>) -> Option<Output> {
    let mut child: Child = cmd
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
        use std::io::Write;
        let _ = stdin.write_all(text.as_bytes());
    }
    std::thread::sleep(Duration::from_millis(delay_ms));
    let ended = child.try_wait().unwrap().is_some();
    if !ended {
        let _ = child.kill();
    }
    let out = child.wait_with_output().unwrap();
    ended.then_some(out)
}

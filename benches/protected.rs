//! A journal protected by a passphrase against the same journal plain: logging one exchange
//! and a whole insight report on a generated ten-year journal (about 50,000 exchanges). The
//! two run side by side in one process, so their ratio holds on a busy machine. Results are
//! in `docs/performance.md`.
//!
//! Run with `cargo bench -p reciprocity --bench protected`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use reciprocity::generate::{generate, Options};
use reciprocity::insight::analyse;
use reciprocity::journal::{rekey_file, Journal, Key};
use reciprocity::model::{Direction, ExchangeInput};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

const PASSPHRASE: &str = "a passphrase for the benchmark";

/// The plain ten-year journal and a protected copy of it.
fn journals(dir: &Path) -> (Journal, Journal) {
    let end = NaiveDate::from_ymd_opt(2026, 6, 30).expect("a valid date");
    let generated = generate(&Options::ten_years(2026, end));
    let plain = dir.join("plain.sqlite3");
    let mut journal = Journal::open(&plain).expect("a new journal");
    journal
        .insert_all(&generated.people, &generated.exchanges, &generated.checkins)
        .expect("the generated journal is written");
    drop(journal);
    let protected = dir.join("protected.sqlite3");
    std::fs::copy(&plain, &protected).expect("a copy");
    rekey_file(
        &protected,
        None,
        Some(PASSPHRASE),
        &dir.join("backup.sqlite3"),
    )
    .expect("the copy is protected");
    (
        Journal::open(&plain).expect("the plain journal"),
        Journal::open_with(&protected, Some(PASSPHRASE)).expect("the protected journal"),
    )
}

fn report(journal: &Journal, now: NaiveDate) {
    let settings = journal.load_insight_settings().expect("settings");
    let data = journal
        .load_insight_data_since(Some(settings.since(now)))
        .expect("load");
    let dismissals = journal.list_dismissals().expect("dismissals");
    black_box(analyse(&data, &settings, &dismissals, now));
}

fn log_one(journal: &mut Journal, person_id: &str, on: NaiveDate) {
    let input = ExchangeInput::new(person_id, Direction::Given, on, "a lift");
    black_box(journal.add_exchange(&input).expect("logged"));
}

fn protected(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (mut plain, mut protected) = journals(dir.path());
    let now = NaiveDate::from_ymd_opt(2026, 6, 30).expect("a valid date");
    let person = plain.list_people(false).expect("people")[0].id.clone();
    let mut group = c.benchmark_group("protected_vs_plain");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("insights_plain", |b| b.iter(|| report(&plain, now)));
    group.bench_function("insights_protected", |b| b.iter(|| report(&protected, now)));
    group.bench_function("log_plain", |b| {
        b.iter(|| log_one(&mut plain, &person, now))
    });
    group.bench_function("log_protected", |b| {
        b.iter(|| log_one(&mut protected, &person, now))
    });
    group.finish();
    // What opening a protected journal adds: the key, derived once per open.
    let mut group = c.benchmark_group("open_protected");
    group.sample_size(10);
    group.bench_function("derive_key", |b| {
        b.iter(|| black_box(Key::derive(PASSPHRASE, [7; 16])))
    });
    group.finish();
}

criterion_group!(benches, protected);
criterion_main!(benches);

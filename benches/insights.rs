//! The insight engine on a generated ten-year journal (500 people, about 50,000 exchanges,
//! 3,650 check-ins) read from an open journal file, against the floor: one SQL aggregation
//! over the same rows. Results and the machine are recorded in `docs/performance.md`.
//!
//! Run with `cargo bench -p reciprocity --bench insights`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use reciprocity::generate::{generate, Options};
use reciprocity::insight::{analyse, report_settings, Settings};
use reciprocity::journal::Journal;
use std::hint::black_box;
use std::time::Duration;

fn ten_year_journal(dir: &std::path::Path) -> Journal {
    let end = NaiveDate::from_ymd_opt(2026, 6, 30).expect("a valid date");
    let generated = generate(&Options::ten_years(2026, end));
    let path = dir.join("ten-years.sqlite3");
    let mut journal = Journal::open(&path).expect("a new journal");
    journal
        .insert_all(&generated.people, &generated.exchanges, &generated.checkins)
        .expect("the generated journal is written");
    drop(journal);
    Journal::open(&path).expect("the journal reopens")
}

fn insights(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let journal = ten_year_journal(dir.path());
    let now = NaiveDate::from_ymd_opt(2026, 6, 30).expect("a valid date");
    let settings = Settings::default();
    let since = Some(settings.since(now));
    let mut group = c.benchmark_group("ten_year_journal");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(8));
    // The floor: one SQL aggregation over the rows a report reads (the engine's horizon).
    group.bench_function("floor_sql_aggregation", |b| {
        b.iter(|| black_box(journal.aggregate_raw(since).expect("aggregation")))
    });
    group.bench_function("load_insight_data", |b| {
        b.iter(|| black_box(journal.load_insight_data_since(since).expect("load")))
    });
    let data = journal.load_insight_data_since(since).expect("load");
    group.bench_function("analyse_in_memory", |b| {
        b.iter(|| black_box(analyse(&data, &settings, &[], now)))
    });
    // Everything a report does, as `recip insights` and the app run it.
    group.bench_function("load_and_analyse", |b| {
        b.iter(|| {
            let settings = report_settings(&journal.load_insight_settings().expect("settings"));
            let data = journal
                .load_insight_data_since(Some(settings.since(now)))
                .expect("load");
            let dismissals = journal.list_dismissals().expect("dismissals");
            black_box(analyse(&data, &settings, &dismissals, now))
        })
    });
    // For comparison: the whole ten years, read and analysed (the engine still looks only
    // as far back as its horizon), and the floor over every row.
    group.bench_function("floor_sql_aggregation_all_rows", |b| {
        b.iter(|| black_box(journal.aggregate_raw(None).expect("aggregation")))
    });
    group.bench_function("load_all_rows_and_analyse", |b| {
        b.iter(|| {
            let data = journal.load_insight_data().expect("load");
            black_box(analyse(&data, &settings, &[], now))
        })
    });
    group.finish();
}

criterion_group!(benches, insights);
criterion_main!(benches);

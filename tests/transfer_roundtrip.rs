//! The JSON document round-trips on generated journals of every shape: export, import into an
//! empty journal, export again gives the same document (the export time aside).

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use reciprocity::generate::{generate, Options, Pattern};
use reciprocity::journal::Journal;
use reciprocity::transfer::document::{export_json, Document};
use reciprocity::transfer::{import_file, ImportFormat, ImportOptions};

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_the_identity_on_generated_journals(
        seed in 0u64..1_000_000,
        people in 1usize..12,
        planted in proptest::sample::subsequence(Pattern::ALL.to_vec(), 0..=Pattern::ALL.len()),
        checkin_every_days in 0u32..10,
    ) {
        let end = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let g = generate(&Options {
            seed,
            years: 1,
            people,
            end,
            target_exchanges: Some(150),
            checkin_every_days,
            patterns: planted,
        });
        let mut source = Journal::open_in_memory().unwrap();
        source.insert_generated(&g).unwrap();
        let when = Utc.with_ymd_and_hms(2026, 7, 1, 8, 0, 0).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("export.json");
        let first = export_json(&source, &file, when).unwrap();
        prop_assert_eq!(first.exchanges.len(), g.exchanges.len());
        prop_assert_eq!(first.requests.len(), g.requests.len());

        let mut copy = Journal::open_in_memory().unwrap();
        import_file(&mut copy, &file, ImportFormat::Json, &ImportOptions::default(), when).unwrap();
        let later = Utc.with_ymd_and_hms(2026, 7, 2, 8, 0, 0).unwrap();
        let second = Document::from_journal(&copy, later).unwrap();
        prop_assert_eq!(second.exported_at, later);
        prop_assert_eq!(Document { exported_at: when, ..second }, first);
    }
}

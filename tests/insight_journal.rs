//! The insight engine over a real journal: loading, dismissals and snoozes, stored settings.

use chrono::NaiveDate;
use reciprocity::generate::{generate, Options, Pattern};
use reciprocity::insight::{analyse, Data, DismissAction, Dismissal, InsightKind, Settings};
use reciprocity::journal::Journal;

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn sample() -> (Journal, reciprocity::generate::Generated) {
    let g = generate(&Options::demo(5, 2, end()));
    let mut j = Journal::open_in_memory().unwrap();
    j.insert_generated(&g).unwrap();
    (j, g)
}

/// The journal reads `what` only for receipts still open; blank it elsewhere to compare.
fn lean(mut d: Data) -> Data {
    use reciprocity::model::{Direction, Settlement};
    for e in &mut d.exchanges {
        let open = e.direction == Direction::Received
            && matches!(e.settlement, None | Some(Settlement::Open));
        if !open {
            e.what.clear();
        }
    }
    d
}

fn sorted(mut d: Data) -> Data {
    d.people.sort_by(|a, b| a.id.cmp(&b.id));
    d.exchanges.sort_by(|a, b| a.id.cmp(&b.id));
    d.checkins.sort_by(|a, b| a.id.cmp(&b.id));
    d.requests.sort_by(|a, b| a.id.cmp(&b.id));
    d
}

#[test]
fn a_journal_loads_the_same_facts_the_generator_made() {
    let (j, g) = sample();
    assert_eq!(
        sorted(j.load_insight_data().unwrap()),
        sorted(lean(g.data()))
    );
}

#[test]
fn a_report_from_a_journal_file_matches_one_from_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let g = generate(&Options::demo(6, 1, end()));
    {
        let mut j = Journal::open(&path).unwrap();
        j.insert_generated(&g).unwrap();
    }
    let j = Journal::open(&path).unwrap();
    let from_file = analyse(
        &j.load_insight_data().unwrap(),
        &Settings::default(),
        &[],
        end(),
    );
    let from_memory = analyse(&g.data(), &Settings::default(), &[], end());
    for (a, b) in from_file.insights.iter().zip(&from_memory.insights) {
        assert_eq!(a, b);
    }
    assert_eq!(from_file.insights.len(), from_memory.insights.len());
    assert_eq!(from_file.balances.len(), from_memory.balances.len());
}

#[test]
fn a_dismissed_insight_stays_hidden_in_later_runs() {
    let (mut j, g) = sample();
    let data = j.load_insight_data().unwrap();
    let report = analyse(&data, &Settings::default(), &[], end());
    let spiral = report
        .insights
        .iter()
        .find(|i| i.kind == InsightKind::RetaliationSpiral)
        .unwrap()
        .clone();
    assert!(spiral
        .id
        .ends_with(&g.planted_people(Pattern::RetaliationSpiral)[0]));
    j.save_dismissal(&Dismissal::dismiss(&spiral, end()))
        .unwrap();

    let stored = j.list_dismissals().unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].action, DismissAction::Dismissed);
    let again = analyse(&data, &Settings::default(), &stored, end());
    assert!(again.insights.iter().all(|i| i.id != spiral.id));
    assert!(again.hidden.contains(&spiral.id));
    // Everything else is still shown.
    assert_eq!(again.insights.len() + 1, report.insights.len());

    assert!(j.delete_dismissal(&spiral.id).unwrap());
    let later = end() + chrono::Duration::days(3);
    let back = analyse(
        &data,
        &Settings::default(),
        &j.list_dismissals().unwrap(),
        later,
    );
    assert!(back.insights.iter().any(|i| i.id == spiral.id));
}

#[test]
fn a_snoozed_insight_returns_on_its_date() {
    let (mut j, _) = sample();
    let data = j.load_insight_data().unwrap();
    let first = analyse(&data, &Settings::default(), &[], end()).insights[0].clone();
    let until = end() + chrono::Duration::days(14);
    j.save_dismissal(&Dismissal::snooze(&first, end(), until))
        .unwrap();
    let d = j.list_dismissals().unwrap();
    let before = analyse(
        &data,
        &Settings::default(),
        &d,
        until - chrono::Duration::days(1),
    );
    let hidden_then = before.hidden.contains(&first.id);
    // The insight may have changed by then; if it is the same, it is hidden until the date.
    if before.insights.iter().all(|i| i.id != first.id) {
        assert!(hidden_then);
    }
    let on = analyse(&data, &Settings::default(), &d, end());
    assert!(on.hidden.contains(&first.id));
    let after = analyse(&data, &Settings::default(), &d, until);
    assert!(!after.hidden.contains(&first.id));
}

#[test]
fn a_dismissed_insight_comes_back_when_it_grows_stronger_or_more_severe() {
    let (_, g) = sample();
    let data = g.data();
    let report = analyse(&data, &Settings::default(), &[], end());
    let flag = report
        .insights
        .iter()
        .find(|i| i.kind == InsightKind::GivesMore)
        .unwrap()
        .clone();
    let mut weaker = Dismissal::dismiss(&flag, end());
    let settings = Settings::default();
    assert!(weaker.hides(&flag, &settings, end()));
    weaker.strength = flag.strength - 0.2;
    assert!(
        !weaker.hides(&flag, &settings, end()),
        "clearly stronger now"
    );
    let mut milder = Dismissal::dismiss(&flag, end());
    milder.severity = reciprocity::insight::Severity::Note;
    assert!(!milder.hides(&flag, &settings, end()), "more severe now");
}

#[test]
fn a_snooze_needs_a_later_date() {
    let (mut j, g) = sample();
    let first = analyse(&g.data(), &Settings::default(), &[], end()).insights[0].clone();
    let err = j
        .save_dismissal(&Dismissal::snooze(&first, end(), end()))
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(j.list_dismissals().unwrap().is_empty());
}

#[test]
fn settings_are_stored_in_the_journal_with_the_design_defaults() {
    let mut j = Journal::open_in_memory().unwrap();
    let defaults = j.load_insight_settings().unwrap();
    assert_eq!(defaults, Settings::default());
    assert_eq!(defaults.half_life_days, 90.0);
    assert_eq!(defaults.exchange_threshold, 0.60);
    assert_eq!(defaults.communal_threshold, 0.70);
    assert_eq!(defaults.flag_probability, 0.90);
    assert_eq!(defaults.min_effective_n, 6.0);
    assert_eq!(defaults.min_history_days, 30);
    assert_eq!(defaults.anxiety_min_ratings, 8);
    assert_eq!(defaults.style_window_days, 60);
    assert_eq!(defaults.open_loop_days, 30);

    let changed = Settings {
        half_life_days: 180.0,
        ..Settings::default()
    };
    j.save_insight_settings(&changed).unwrap();
    assert_eq!(j.load_insight_settings().unwrap(), changed);

    // A stored value missing newer fields still loads, with defaults for the rest.
    j.set_setting("insight", r#"{"half_life_days": 30}"#)
        .unwrap();
    let partial = j.load_insight_settings().unwrap();
    assert_eq!(partial.half_life_days, 30.0);
    assert_eq!(partial.open_loop_days, 30);
}

#[test]
fn a_longer_half_life_lets_older_exchanges_count_for_more() {
    let (_, g) = sample();
    let data = g.data();
    let short = analyse(&data, &Settings::default(), &[], end());
    let long = analyse(
        &data,
        &Settings {
            half_life_days: 365.0,
            ..Settings::default()
        },
        &[],
        end(),
    );
    let n =
        |r: &reciprocity::insight::Report| r.balances.iter().map(|b| b.effective_n).sum::<f64>();
    assert!(n(&long) > n(&short));
}

#[test]
fn a_report_reads_only_its_horizon_and_says_the_same_as_one_reading_everything() {
    let (j, _) = sample();
    let settings = Settings {
        horizon_days: 400,
        ..Settings::default()
    };
    let since = settings.since(end());
    let lean = j.load_insight_data_since(Some(since)).unwrap();
    assert!(lean.exchanges.iter().all(|e| e.occurred_on >= since));
    assert!(lean.checkins.iter().all(|c| c.on >= since));
    let all = j.load_insight_data().unwrap();
    assert!(lean.exchanges.len() < all.exchanges.len());
    assert_eq!(
        analyse(&lean, &settings, &[], end()),
        analyse(&all, &settings, &[], end())
    );
}

#[test]
fn the_default_horizon_moves_no_balance_by_more_than_a_hair() {
    let g = generate(&Options::ten_years(7, end()));
    let data = g.data();
    let three_years = analyse(&data, &Settings::default(), &[], end());
    let everything = analyse(
        &data,
        &Settings {
            horizon_days: 20 * 365,
            ..Settings::default()
        },
        &[],
        end(),
    );
    for b in &everything.balances {
        match three_years
            .balances
            .iter()
            .find(|a| a.person_id == b.person_id)
        {
            Some(a) => {
                assert!(
                    (a.share - b.share).abs() < 1e-3,
                    "{}: {} vs {}",
                    a.name,
                    a.share,
                    b.share
                );
                assert_eq!(a.label, b.label, "{}", a.name);
            }
            // No exchange in three years: what is left of them has all but vanished.
            None => assert!((b.share - 0.5).abs() < 1e-3, "{}: {}", b.name, b.share),
        }
    }
    // The same insights are raised (their counts speak of the horizon's years).
    let raised =
        |r: &reciprocity::insight::Report| -> Vec<(String, reciprocity::insight::Severity)> {
            r.insights
                .iter()
                .map(|i| (i.id.clone(), i.severity))
                .collect()
        };
    assert_eq!(raised(&three_years), raised(&everything));
}

//! Each insight's headline and reasons, checked on one hand-made scenario: plain sentences
//! with the real numbers, reasons in words and as fields, evidence and research keys.

mod insight_support;

use chrono::NaiveDate;
use insight_support::Journal;
use reciprocity::generate::{generate, Options};
use reciprocity::insight::{analyse, reference, references, Insight, InsightKind, Settings};
use reciprocity::model::{Direction, Feelings, Initiative, Kind, Relationship, Settlement, Sphere};

fn insights(j: &Journal) -> Vec<Insight> {
    analyse(&j.data, &Settings::default(), &[], j.now).insights
}

fn one(j: &Journal, kind: InsightKind) -> Insight {
    let all = insights(j);
    all.iter()
        .find(|i| i.kind == kind)
        .cloned()
        .unwrap_or_else(|| panic!("no {kind:?} in {all:#?}"))
}

fn field(i: &Insight, name: &str) -> f64 {
    i.reasons
        .iter()
        .find(|r| r.field == name)
        .unwrap_or_else(|| panic!("no reason {name} in {:?}", i.reasons))
        .value
}

/// A sentence: a capital first, a full stop last, a digit somewhere.
fn assert_reads_as_a_sentence_with_numbers(i: &Insight) {
    let h = &i.headline;
    let first = h.chars().next().unwrap();
    assert!(
        first.is_uppercase() || first.is_ascii_digit() || first == '"',
        "{h}"
    );
    assert!(h.ends_with('.'), "{h}");
    assert!(h.chars().any(|c| c.is_ascii_digit()), "no number in: {h}");
    assert!(!i.reasons.is_empty(), "{h}");
    for r in &i.reasons {
        assert!(r.text.ends_with('.') || r.text.ends_with(')'), "{}", r.text);
        assert!(
            r.text.chars().any(|c| c.is_ascii_digit()),
            "no number in: {}",
            r.text
        );
        assert!(r.value.is_finite());
    }
    assert!(!i.research.is_empty());
    for key in &i.research {
        assert!(reference(key).is_some(), "unknown research key {key}");
    }
    assert!(!i.evidence.is_empty(), "{h}");
    assert!(i.id.starts_with(i.kind.as_str()));
}

#[test]
fn gives_more_says_how_many_of_every_few_favours_went_from_you() {
    let mut j = Journal::new("2026-06-30");
    let sam = j.person("Sam", Relationship::Friend);
    for k in 0..40 {
        let d = 1 + k * 3;
        if k % 4 == 0 {
            j.receive(&sam, d, 3);
        } else {
            j.give(&sam, d, 3);
        }
    }
    let i = one(&j, InsightKind::GivesMore);
    assert_eq!(
        i.headline,
        "Recently, about 3 of every 4 favours between you and Sam went from you."
    );
    assert!((field(&i, "share") - 0.74).abs() < 0.03, "{:?}", i.reasons);
    assert!(field(&i, "probability") >= 0.9);
    assert_eq!(field(&i, "counts"), 30.0);
    assert!(i.reasons[0]
        .text
        .starts_with("Weighting recent exchanges more, your share"));
    assert_eq!(i.evidence.len(), 20);
    assert_reads_as_a_sentence_with_numbers(&i);
}

#[test]
fn receives_more_mirrors_gives_more() {
    let mut j = Journal::new("2026-06-30");
    let kim = j.person("Kim", Relationship::Colleague);
    for k in 0..30 {
        if k % 5 == 0 {
            j.give(&kim, 1 + k * 3, 3);
        } else {
            j.receive(&kim, 1 + k * 3, 3);
        }
    }
    let i = one(&j, InsightKind::ReceivesMore);
    assert_eq!(
        i.headline,
        "Recently, about 3 of every 4 favours between you and Kim went from Kim."
    );
    assert_reads_as_a_sentence_with_numbers(&i);
}

#[test]
fn over_giving_names_the_strain() {
    let mut j = Journal::new("2026-06-30");
    for name in ["Nina", "Paul"] {
        let p = j.person(name, Relationship::Friend);
        for d in (1..100).step_by(4) {
            j.give(&p, d, 3);
            j.last().feelings.drained = Some(3);
        }
    }
    let i = one(&j, InsightKind::OverGiving);
    assert_eq!(
        i.headline,
        "Lately nearly all (97%) of the giving in your life comes from you, and you have often \
         felt drained by it; it may be time to give a little to yourself."
    );
    assert!((field(&i, "drained") - 3.0).abs() < 1e-9);
    // G = 2 × Σ 2^(−d/90) over d = 1, 5, …, 97 = 35.135 (computed separately); R = 0.
    assert!((field(&i, "share") - 0.9730712057604525).abs() < 1e-9);
    assert_eq!(field(&i, "people_you_give_more_to"), 2.0);
    assert!(i.research.contains(&"helgeson1998".to_string()));
    assert!(i.research.contains(&"weinstein2010".to_string()));
    assert_reads_as_a_sentence_with_numbers(&i);
}

#[test]
fn growing_anxiety_gives_the_monthly_rise_and_the_level() {
    let mut j = Journal::new("2026-06-30");
    for k in 0..9 {
        j.checkin(200 + k * 7, 1, 0);
    }
    // Over the last 80 days the three items climb from 0 to 4, one step every 16 days.
    for k in 0..=10 {
        let d = 80 - k * 8;
        j.checkin(d, (k / 2).min(4) as u8, 0);
    }
    let i = one(&j, InsightKind::AnxietyGrowing);
    assert!(
        i.headline
            .starts_with("Your sense of owing and pressure has been rising: it went up about"),
        "{}",
        i.headline
    );
    assert!(i
        .headline
        .contains("points a month over the last 90 days and now sits around"));
    // scipy.stats.theilslopes([0,0,25,25,50,50,75,75,100,100,100],
    //     [10,18,26,34,42,50,58,66,74,82,90]).slope * 30 = 46.875
    let slope = field(&i, "slope_per_30_days");
    assert!((slope - 46.875).abs() < 1e-9, "{slope}");
    assert!(field(&i, "p") < 0.05);
    assert_eq!(field(&i, "baseline_median"), 25.0);
    assert_reads_as_a_sentence_with_numbers(&i);
}

#[test]
fn sphere_contrast_compares_work_with_personal_life() {
    let mut j = Journal::new("2026-06-30");
    let boss = j.person("Morgan", Relationship::Manager);
    let friend = j.person("Ana", Relationship::Friend);
    for k in 0..10 {
        j.exchange(
            &boss,
            Direction::Received,
            5 + k * 5,
            3,
            Feelings {
                indebtedness: Some(3),
                gratitude: Some(2),
                ..Feelings::default()
            },
        );
        j.exchange(
            &friend,
            Direction::Received,
            6 + k * 5,
            3,
            Feelings {
                indebtedness: Some(1),
                gratitude: Some(2),
                ..Feelings::default()
            },
        );
    }
    let i = one(&j, InsightKind::SphereContrast);
    assert_eq!(
        i.headline,
        "Help at work feels different: you rate indebtedness 3 out of 4 on average after help \
         from work, against 1 from the people in your personal life."
    );
    assert_eq!(field(&i, "indebtedness_effect"), 1.0);
    assert!(i.reasons.iter().all(|r| r.field != "gratitude_effect"));
    let r = analyse(&j.data, &Settings::default(), &[], j.now);
    assert_eq!(r.spheres.rows.len(), 3);
    let work = r
        .spheres
        .rows
        .iter()
        .find(|row| row.sphere == Sphere::Workplace)
        .unwrap();
    assert_eq!(work.mean_indebtedness, Some(3.0));
    assert_reads_as_a_sentence_with_numbers(&i);
}

#[test]
fn reciprocity_styles_read_as_in_kind_or_escalating() {
    let mut j = Journal::new("2026-06-30");
    let iris = j.person("Iris", Relationship::Friend);
    for k in 0..8 {
        let d = 300 - k * 30;
        j.receive(&iris, d, 2);
        j.give(&iris, d - 5, 4);
    }
    let i = insights(&j)
        .into_iter()
        .find(|i| i.kind == InsightKind::StyleEscalating && i.id.contains("person:"))
        .expect("escalating with Iris");
    assert_eq!(
        i.headline,
        "Your returns with Iris keep growing: you typically give back about 2 times what you \
         received, bigger in 8 of 8 returns."
    );
    assert!((field(&i, "p") - 1.0 / 256.0).abs() < 1e-12);
    assert_reads_as_a_sentence_with_numbers(&i);

    let mut j = Journal::new("2026-06-30");
    let ana = j.person("Ana", Relationship::Friend);
    for k in 0..7 {
        let d = 200 - k * 25;
        j.receive(&ana, d, 3);
        j.give(&ana, d - 3, 3);
    }
    let i = one(&j, InsightKind::StyleInKind);
    assert_eq!(
        i.headline,
        "You tend to return favours in kind: across 7 returns, what you gave back was typically \
         worth about the same as what you received."
    );
    assert_reads_as_a_sentence_with_numbers(&i);
}

#[test]
fn an_explicit_return_is_paired_with_what_it_returns() {
    let mut j = Journal::new("2026-06-30");
    let bo = j.person("Bo", Relationship::Friend);
    let gift = j.receive(&bo, 100, 2);
    j.give(&bo, 90, 1);
    j.give(&bo, 20, 5);
    j.last().reciprocates = Some(gift.clone());
    let r = analyse(&j.data, &Settings::default(), &[], j.now);
    let pair = r
        .style_pairs
        .iter()
        .find(|p| p.received_id == gift)
        .unwrap();
    assert_eq!(pair.given_value, 5);
    assert_eq!(pair.days_between, 80);
}

#[test]
fn unsolicited_favours_weighing_more_gives_both_means() {
    let mut j = Journal::new("2026-06-30");
    let p = j.person("Lee", Relationship::Neighbour);
    for k in 0..6 {
        j.receive(&p, 10 + k * 10, 2);
        j.last().initiative = Some(Initiative::Unsolicited);
        j.last().feelings.indebtedness = Some(3);
        j.give(&p, 5 + k * 10, 2);
        j.receive(&p, 12 + k * 10, 2);
        j.last().initiative = Some(Initiative::Asked);
        j.last().feelings.indebtedness = Some(1);
    }
    let i = one(&j, InsightKind::UnsolicitedWeighsMore);
    assert_eq!(
        i.headline,
        "Favours you did not ask for leave you feeling more in debt: 3 out of 4 on average, \
         against 1 for help you asked for."
    );
    assert_eq!(field(&i, "difference"), 2.0);
    assert_eq!(i.research[0], "regan1971");
    assert_reads_as_a_sentence_with_numbers(&i);
}

#[test]
fn open_loops_list_what_is_still_open_oldest_first() {
    let mut j = Journal::new("2026-06-30");
    let p = j.person("Rosa", Relationship::Friend);
    j.receive(&p, 45, 2);
    j.last().what = "lift to the airport".into();
    j.receive(&p, 95, 4);
    j.last().what = "help with the move".into();
    j.receive(&p, 10, 3); // too recent to count
    j.receive(&p, 200, 3);
    j.last().settlement = Some(Settlement::Thanked);
    let i = one(&j, InsightKind::OpenLoop);
    assert_eq!(
        i.headline,
        "2 favours from Rosa are still open; the oldest, \"help with the move\", is 95 days old."
    );
    assert_eq!(field(&i, "oldest_days"), 95.0);
    assert_eq!(field(&i, "total_value"), 6.0);
    assert_eq!(i.evidence.len(), 2);
    let r = analyse(&j.data, &Settings::default(), &[], j.now);
    let ages: Vec<i64> = r.open_loops.iter().map(|l| l.age_days).collect();
    assert_eq!(ages, vec![95, 45]);
    assert_reads_as_a_sentence_with_numbers(&i);
}

#[test]
fn a_retaliation_spiral_counts_the_slights_and_days() {
    let mut j = Journal::new("2026-06-30");
    let p = j.person("Derek", Relationship::Neighbour);
    for (d, dir) in [
        (50, Direction::Received),
        (35, Direction::Given),
        (12, Direction::Received),
    ] {
        j.exchange(&p, dir, d, 2, Feelings::default());
        j.last().kind = Kind::Slight;
    }
    let i = one(&j, InsightKind::RetaliationSpiral);
    assert_eq!(
        i.headline,
        "Things have been going back and forth with Derek: 3 slights in 38 days, each answering \
         the last; one kind step can break a spiral like this."
    );
    assert_eq!(field(&i, "slights"), 3.0);
    assert_reads_as_a_sentence_with_numbers(&i);

    // Two slights the same way are not a spiral.
    let mut j = Journal::new("2026-06-30");
    let p = j.person("Derek", Relationship::Neighbour);
    for (d, dir) in [
        (50, Direction::Received),
        (35, Direction::Received),
        (12, Direction::Given),
    ] {
        j.exchange(&p, dir, d, 2, Feelings::default());
        j.last().kind = Kind::Slight;
    }
    assert!(insights(&j)
        .iter()
        .all(|i| i.kind != InsightKind::RetaliationSpiral));
}

#[test]
fn every_insight_of_a_sample_journal_reads_as_a_sentence_with_numbers() {
    let end = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let g = generate(&Options::demo(11, 2, end));
    let r = analyse(&g.data(), &Settings::default(), &[], end);
    let mut kinds: Vec<InsightKind> = r.insights.iter().map(|i| i.kind).collect();
    kinds.sort();
    kinds.dedup();
    assert!(kinds.len() >= 9, "{kinds:?}");
    for i in &r.insights {
        assert_reads_as_a_sentence_with_numbers(i);
        let json = serde_json::to_value(i).unwrap();
        for key in [
            "kind", "subject", "severity", "headline", "reasons", "evidence", "research",
        ] {
            assert!(json.get(key).is_some(), "{key} missing from {json}");
        }
    }
}

#[test]
fn the_reference_list_carries_every_cited_work_with_its_full_citation() {
    let all = references();
    assert_eq!(all.len(), 24);
    let clark = reference("clark1979").unwrap();
    assert_eq!(
        clark.citation(),
        "Clark, M. S., & Mills, J. (1979). Interpersonal attraction in exchange and communal \
         relationships. Journal of Personality and Social Psychology, 37(1), 12–24."
    );
    assert_eq!(
        reference("walster1978").unwrap().citation(),
        "Walster, E., Walster, G. W., & Berscheid, E. (1978). Equity: Theory and research. \
         Allyn & Bacon."
    );
    for r in all {
        assert!(!r.authors.is_empty() && !r.title.is_empty() && !r.source.is_empty());
        assert!((1940..=2030).contains(&r.year));
    }
}

#[test]
fn an_open_loop_with_family_is_a_nudge_to_say_thanks_not_a_debt() {
    let mut j = Journal::new("2026-06-30");
    let mum = j.person("Mum", Relationship::Family);
    j.receive(&mum, 40, 3);
    j.last().what = "Sunday lunch".into();
    let i = one(&j, InsightKind::OpenLoop);
    assert_eq!(
        i.headline,
        "\"Sunday lunch\" from Mum has not been thanked yet (40 days); in a close bond there is \
         no debt to settle, but thanks are always welcome."
    );
    assert!(i.research.contains(&"clark1979".to_string()));
    assert_reads_as_a_sentence_with_numbers(&i);
}

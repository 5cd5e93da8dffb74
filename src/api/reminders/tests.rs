use super::*;
use crate::api::checkins::{save_review_prefs, ReviewPrefs, SaveReviewPrefs};
use crate::model::{Direction, ExchangeInput, PersonInput, Relationship};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// `s` as a local date and time, such as "2026-06-03 18:30".
fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

// 2026-06-01 is a Monday; the note is set for Wednesdays at 18:30.
const WEDNESDAY_EVENING: LoopReminderPrefs = LoopReminderPrefs {
    day: Some(2),
    hour: 18,
    minute: 30,
};

fn open_loop(id: &str, name: &str, what: &str) -> OpenLoop {
    OpenLoop {
        exchange_id: id.into(),
        person_id: format!("p-{name}"),
        name: name.into(),
        what: what.into(),
        occurred_on: d("2026-04-01"),
        age_days: 60,
        value: 3,
    }
}

/// A journal with `favours` received from Ana two months before `2026-06-03`.
fn journal_with_favours(favours: &[&str]) -> (Journal, Vec<String>) {
    let mut j = Journal::open_in_memory().unwrap();
    let ana = j
        .add_person(&PersonInput::new("Ana", Relationship::Friend))
        .unwrap();
    let ids = favours
        .iter()
        .map(|what| {
            let input = ExchangeInput::new(&ana.id, Direction::Received, d("2026-04-01"), *what);
            j.add_exchange(&input).unwrap().id
        })
        .collect();
    (j, ids)
}

fn choose_note_day(j: &mut Journal) {
    let req = SaveLoopReminderPrefs {
        prefs: WEDNESDAY_EVENING,
        today: d("2026-06-01"),
    };
    save_loop_reminder_prefs(j, req).unwrap();
}

#[test]
fn the_note_waits_for_the_chosen_day_and_time() {
    let chosen_monday = Some(at("2026-06-01 00:00"));
    let due = |now| loops_note_due(&WEDNESDAY_EVENING, chosen_monday, at(now));
    assert!(
        !due("2026-06-02 20:00"),
        "no note for the Wednesday before it was chosen"
    );
    assert!(!due("2026-06-03 18:29"));
    assert!(due("2026-06-03 18:30"));
    let no_day = LoopReminderPrefs::default();
    assert!(!loops_note_due(
        &no_day,
        chosen_monday,
        at("2026-06-03 18:30")
    ));
}

#[test]
fn the_note_comes_once_a_week_and_a_missed_one_comes_when_the_app_next_runs() {
    let shown = Some(at("2026-06-03 18:31"));
    assert!(!loops_note_due(
        &WEDNESDAY_EVENING,
        shown,
        at("2026-06-05 09:00")
    ));
    assert!(!loops_note_due(
        &WEDNESDAY_EVENING,
        shown,
        at("2026-06-10 18:00")
    ));
    assert!(loops_note_due(
        &WEDNESDAY_EVENING,
        shown,
        at("2026-06-10 18:30")
    ));
    // The app was closed on Wednesday evening: the note comes on Friday morning instead.
    let last_week = Some(at("2026-05-27 18:30"));
    assert!(loops_note_due(
        &WEDNESDAY_EVENING,
        last_week,
        at("2026-06-05 09:00")
    ));
    assert_eq!(
        last_appointed(&WEDNESDAY_EVENING, at("2026-06-05 09:00")),
        Some(at("2026-06-03 18:30"))
    );
}

#[test]
fn at_most_one_notification_comes_a_day() {
    assert!(one_a_day(None, d("2026-06-03")));
    assert!(one_a_day(Some(d("2026-06-02")), d("2026-06-03")));
    assert!(!one_a_day(Some(d("2026-06-03")), d("2026-06-03")));
}

#[test]
fn the_note_names_three_favours_as_thanks_and_counts_the_rest() {
    let loops = [
        open_loop("1", "Ana", "covered my shift"),
        open_loop("2", "Sam", "a lift to the station"),
        open_loop("3", "Jo", "soup when I was ill"),
        open_loop("4", "Lee", "lent me a drill"),
    ];
    let all: Vec<&OpenLoop> = loops.iter().collect();
    let Some(Reminder::OpenLoops { title, body }) = loops_note(&all) else {
        panic!("a note for four open favours");
    };
    assert_eq!(title, "4 favours you might thank");
    assert_eq!(
        body,
        "covered my shift (Ana), a lift to the station (Sam), soup when I was ill (Jo), and 1 more. \
         A word of thanks is enough."
    );
    for word in ["owe", "debt", "score", "points"] {
        assert!(
            !format!("{title} {body}").to_lowercase().contains(word),
            "{word}"
        );
    }
    let one = loops_note(&all[..1]).unwrap();
    assert!(
        matches!(one, Reminder::OpenLoops { ref title, .. } if title == "A favour you might thank")
    );
}

#[test]
fn no_note_comes_when_nothing_is_open() {
    assert_eq!(loops_note(&[]), None);
    let (mut j, _) = journal_with_favours(&[]);
    choose_note_day(&mut j);
    assert_eq!(take_reminder(&mut j, at("2026-06-03 19:00")).unwrap(), None);
}

#[test]
fn later_sets_a_favour_aside_for_two_weeks_and_no_need_for_good() {
    let today = d("2026-06-03");
    let later = choice_for(true, false, today);
    assert_eq!(
        later,
        LoopChoice::Later {
            until: d("2026-06-17")
        }
    );
    assert!(set_aside(later, d("2026-06-16")));
    assert!(!set_aside(later, d("2026-06-17")));
    assert!(set_aside(choice_for(false, true, today), d("2030-01-01")));
    assert!(
        set_aside(choice_for(true, true, today), d("2030-01-01")),
        "no need wins"
    );
    assert!(!set_aside(choice_for(false, false, today), today));
}

#[test]
fn the_weekly_note_names_the_open_favours_not_set_aside() {
    let (mut j, ids) = journal_with_favours(&["covered my shift", "a lift", "soup"]);
    choose_note_day(&mut j);
    let today = d("2026-06-03");
    let set = |j: &mut Journal, id: &String, later, no_need| {
        let req = ChooseLoopReminder {
            exchange_id: id.clone(),
            later,
            no_need,
            today,
        };
        choose_loop_reminder(j, req).unwrap()
    };
    set(&mut j, &ids[0], true, false);
    let view = set(&mut j, &ids[1], false, true);
    assert_eq!(view.set_aside.len(), 2);
    let note = take_reminder(&mut j, at("2026-06-03 18:45")).unwrap();
    let Some(Reminder::OpenLoops { title, body }) = note else {
        panic!("a note of open favours, got {note:?}");
    };
    assert_eq!(title, "A favour you might thank");
    assert!(body.starts_with("soup (Ana)"), "{body}");
    // Remind again: the favour is back among the open ones to name.
    assert!(set(&mut j, &ids[1], false, false).set_aside.len() == 1);
}

#[test]
fn the_checkin_reminder_goes_first_and_the_note_comes_the_next_day() {
    let (mut j, _) = journal_with_favours(&["covered my shift"]);
    choose_note_day(&mut j);
    let prefs = ReviewPrefs {
        checkin_day: Some(2),
        notify: true,
    };
    save_review_prefs(&mut j, SaveReviewPrefs { prefs }).unwrap();
    let evening = at("2026-06-03 19:00");
    assert_eq!(
        take_reminder(&mut j, evening).unwrap(),
        Some(Reminder::CheckIn)
    );
    assert_eq!(take_reminder(&mut j, at("2026-06-03 22:00")).unwrap(), None);
    let thursday = take_reminder(&mut j, at("2026-06-04 09:00")).unwrap();
    // The check-in is still due on Thursday, so it comes again; the note waits its turn.
    assert_eq!(thursday, Some(Reminder::CheckIn));
    let checkin = serde_json::from_value(serde_json::json!({ "on": "2026-06-04", "mood": 1 }));
    j.add_checkin(&checkin.unwrap()).unwrap();
    let friday = take_reminder(&mut j, at("2026-06-05 09:00")).unwrap();
    assert!(
        matches!(friday, Some(Reminder::OpenLoops { .. })),
        "{friday:?}"
    );
}

#[test]
fn a_day_or_time_that_does_not_exist_is_refused_and_nothing_is_saved() {
    let mut j = Journal::open_in_memory().unwrap();
    for prefs in [
        LoopReminderPrefs {
            day: Some(7),
            ..WEDNESDAY_EVENING
        },
        LoopReminderPrefs {
            hour: 24,
            ..WEDNESDAY_EVENING
        },
        LoopReminderPrefs {
            minute: 60,
            ..WEDNESDAY_EVENING
        },
    ] {
        let req = SaveLoopReminderPrefs {
            prefs,
            today: d("2026-06-01"),
        };
        assert!(save_loop_reminder_prefs(&mut j, req).is_err());
    }
    let view = get_loop_reminders(
        &j,
        Today {
            today: d("2026-06-01"),
        },
    )
    .unwrap();
    assert_eq!(view.prefs, LoopReminderPrefs::default());
}

#[test]
fn a_favour_that_does_not_exist_cannot_be_set_aside() {
    let mut j = Journal::open_in_memory().unwrap();
    let req = ChooseLoopReminder {
        exchange_id: "nope".into(),
        later: true,
        no_need: false,
        today: d("2026-06-01"),
    };
    assert!(choose_loop_reminder(&mut j, req).is_err());
}

//! `recip checkin` and `recip checkins`.

use crate::args::{CheckinArgs, CheckinsArgs};
use crate::output::{checkin_line, print_json};
use chrono::Local;
use reciprocity::api::checkins::{self, AddCheckIn, ListCheckIns};
use reciprocity::journal::Journal;
use reciprocity::model::CheckInInput;
use reciprocity::Result;

pub fn add(journal: &mut Journal, a: CheckinArgs, json: bool) -> Result<()> {
    let input = CheckInInput {
        on: a.on.unwrap_or_else(|| Local::now().date_naive()),
        mood: a.mood,
        energy: a.energy,
        owing: a.owing,
        worry: a.worry,
        pressured: a.pressured,
        exhaustion: a.exhaustion,
        reflection: a.text,
        prompt: a.prompt,
    };
    let c = checkins::add_checkin(journal, AddCheckIn { input })?;
    if json {
        return print_json(&c);
    }
    say!("Checked in: {}", checkin_line(&c));
    Ok(())
}

pub fn list(journal: &Journal, a: CheckinsArgs, json: bool) -> Result<()> {
    let all = checkins::list_checkins(
        journal,
        ListCheckIns {
            since: a.since,
            until: a.until,
        },
    )?;
    if json {
        return print_json(&all);
    }
    if all.is_empty() {
        say!("No check-ins yet. `recip checkin --mood 0 --owing 1 --text \"…\"` records one.");
    }
    for c in &all {
        say!("{}", checkin_line(c));
    }
    Ok(())
}

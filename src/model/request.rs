//! A request (an ask): something one person asked of the other, what the answer was, whether
//! it was done, and, when it was asked of the user, how the asking felt. Requests are what the
//! tactic insights read: a favour before an ask (regan1971), a large ask refused and then a
//! smaller one (cialdini1975), an offer sweetened before the answer (burger1986).
//!
//! Invariants (checked by `RequestInput::validated`): `what` is 1–500 characters and the note
//! at most 20,000 (as for exchanges), size 1..=5, the date within 1900–2100; follow-through
//! only on a request that was agreed to (fully or partly); pressure, obligation and
//! free-to-refuse 0..=4 and only on requests made of the user (`to_you`), since the journal
//! cannot know how the other person felt. Rules that need the journal (the person exists;
//! `follows` names an earlier request of the same person and direction) are checked there.

use super::enums::{Answer, FollowThrough, RequestDirection};
use super::validate::{check_date, check_scale, check_tags, check_text, MAX_NOTE, MAX_WHAT};
use crate::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

impl Answer {
    /// Agreed or partly agreed: the answers after which something is owed and can be done.
    pub fn said_yes(self) -> bool {
        matches!(self, Answer::Agreed | Answer::Partly)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Request {
    pub id: String,
    pub person_id: String,
    pub direction: RequestDirection,
    pub on: NaiveDate,
    pub what: String,
    /// What it would cost the one asked, 1..=5 (the scale of an exchange's value).
    pub size: u8,
    pub answer: Answer,
    /// Only when agreed or partly agreed; `yes` once an exchange names it in `fulfils`.
    pub followed_through: Option<FollowThrough>,
    /// How it felt to be asked (only `to_you`), each 0 (not at all) ..= 4 (extremely).
    pub pressure: Option<u8>,
    /// Felt that you owed them.
    pub obligation: Option<u8>,
    pub free_to_refuse: Option<u8>,
    /// They added something before you answered (that's-not-all).
    pub sweetened: bool,
    /// An earlier request of theirs (same person, same direction) that this one replaced.
    pub follows: Option<String>,
    pub note: String,
    pub tags: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

impl Request {
    /// What a user would enter to make this request: the start of an edit, and the shape
    /// every rule of the model is checked on.
    pub fn to_input(&self) -> RequestInput {
        RequestInput {
            person_id: self.person_id.clone(),
            direction: self.direction,
            on: self.on,
            what: self.what.clone(),
            size: self.size,
            answer: self.answer,
            followed_through: self.followed_through,
            pressure: self.pressure,
            obligation: self.obligation,
            free_to_refuse: self.free_to_refuse,
            sweetened: self.sweetened,
            follows: self.follows.clone(),
            note: self.note.clone(),
            tags: self.tags.clone(),
        }
    }
}

/// What a user enters to log or edit a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RequestInput {
    pub person_id: String,
    pub direction: RequestDirection,
    pub on: NaiveDate,
    pub what: String,
    pub size: u8,
    pub answer: Answer,
    #[serde(default)]
    pub followed_through: Option<FollowThrough>,
    #[serde(default)]
    pub pressure: Option<u8>,
    #[serde(default)]
    pub obligation: Option<u8>,
    #[serde(default)]
    pub free_to_refuse: Option<u8>,
    #[serde(default)]
    pub sweetened: bool,
    #[serde(default)]
    pub follows: Option<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

impl RequestInput {
    /// A pending request of size 3 with nothing felt; the caller fills in the rest.
    pub fn new(
        person_id: impl Into<String>,
        direction: RequestDirection,
        on: NaiveDate,
        what: impl Into<String>,
    ) -> RequestInput {
        RequestInput {
            person_id: person_id.into(),
            direction,
            on,
            what: what.into(),
            size: 3,
            answer: Answer::Pending,
            followed_through: None,
            pressure: None,
            obligation: None,
            free_to_refuse: None,
            sweetened: false,
            follows: None,
            note: String::new(),
            tags: Vec::new(),
        }
    }

    /// The input with text trimmed and tags normalised, or the first rule it breaks. A
    /// request agreed to without a follow-through starts as `not_yet`: saying yes is not yet
    /// doing it.
    pub fn validated(&self) -> Result<RequestInput> {
        if self.person_id.trim().is_empty() {
            return Err(Error::invalid("person_id", "choose who asked or was asked"));
        }
        let what = check_text("what", &self.what, 1, MAX_WHAT)?;
        let note = check_text("note", &self.note, 0, MAX_NOTE)?;
        check_scale("size", i64::from(self.size), 1, 5)?;
        check_date("on", self.on)?;
        let followed_through = self.checked_follow_through()?;
        self.check_feelings()?;
        let tags = check_tags(&self.tags)?;
        let follows = self
            .follows
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        Ok(RequestInput {
            person_id: self.person_id.trim().to_string(),
            what,
            note,
            tags,
            follows,
            followed_through,
            ..self.clone()
        })
    }

    fn checked_follow_through(&self) -> Result<Option<FollowThrough>> {
        match (self.answer.said_yes(), self.followed_through) {
            (true, None) => Ok(Some(FollowThrough::NotYet)),
            (true, given) => Ok(given),
            (false, None) => Ok(None),
            (false, Some(_)) => Err(Error::invalid(
                "followed_through",
                format!(
                    "only a request that was agreed to can be followed through; this one is {}",
                    self.answer
                ),
            )),
        }
    }

    fn check_feelings(&self) -> Result<()> {
        let felt = [
            ("pressure", self.pressure),
            ("obligation", self.obligation),
            ("free_to_refuse", self.free_to_refuse),
        ];
        for (field, value) in felt {
            let Some(v) = value else { continue };
            if self.direction == RequestDirection::ByYou {
                return Err(Error::invalid(
                    field,
                    format!(
                        "{} is how it felt to be asked, so it goes on a request made of you \
                         (to_you), not one you made",
                        field.replace('_', " ")
                    ),
                ));
            }
            check_scale(field, i64::from(v), 0, 4)?;
        }
        Ok(())
    }
}

/// Which requests to list. Every field narrows; `None` means any. Newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RequestFilter {
    #[serde(default)]
    pub person_id: Option<String>,
    #[serde(default)]
    pub direction: Option<RequestDirection>,
    #[serde(default)]
    pub since: Option<NaiveDate>,
    #[serde(default)]
    pub until: Option<NaiveDate>,
    /// Also list soft-deleted requests (to undo a delete).
    #[serde(default)]
    pub include_deleted: bool,
    #[serde(default)]
    pub limit: Option<u32>,
    #[serde(default)]
    pub offset: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(direction: RequestDirection) -> RequestInput {
        RequestInput::new(
            "p",
            direction,
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            "help moving house",
        )
    }

    fn field_of(r: Result<RequestInput>) -> &'static str {
        r.unwrap_err().field().expect("a validation error")
    }

    #[test]
    fn size_must_be_one_to_five() {
        for bad in [0, 6] {
            let mut i = input(RequestDirection::ToYou);
            i.size = bad;
            assert_eq!(field_of(i.validated()), "size");
        }
    }

    #[test]
    fn follow_through_on_a_declined_or_pending_request_is_refused() {
        for answer in [Answer::Declined, Answer::Pending] {
            let mut i = input(RequestDirection::ToYou);
            i.answer = answer;
            i.followed_through = Some(FollowThrough::Yes);
            let err = i.validated().unwrap_err();
            assert_eq!(err.field(), Some("followed_through"));
            assert!(err.to_string().contains(answer.as_str()), "{err}");
        }
    }

    #[test]
    fn an_agreed_request_starts_not_yet_followed_through() {
        let mut i = input(RequestDirection::ToYou);
        i.answer = Answer::Partly;
        assert_eq!(
            i.validated().unwrap().followed_through,
            Some(FollowThrough::NotYet)
        );
    }

    #[test]
    fn feelings_go_only_on_requests_made_of_you() {
        let mut i = input(RequestDirection::ByYou);
        i.obligation = Some(2);
        let err = i.validated().unwrap_err();
        assert_eq!(err.field(), Some("obligation"));
        assert!(err.to_string().contains("to_you"), "{err}");
    }

    #[test]
    fn feelings_above_four_are_refused() {
        let mut i = input(RequestDirection::ToYou);
        i.free_to_refuse = Some(5);
        assert_eq!(field_of(i.validated()), "free_to_refuse");
    }

    #[test]
    fn text_and_tags_follow_the_rules_of_exchanges() {
        let mut i = input(RequestDirection::ToYou);
        i.what = " ".into();
        assert_eq!(field_of(i.validated()), "what");
        i.what = "x".repeat(501);
        assert_eq!(field_of(i.validated()), "what");
        i.what = "  a lift ".into();
        i.note = "é".repeat(20_001);
        assert_eq!(field_of(i.validated()), "note");
        i.note = String::new();
        i.tags = vec![" Work ".into(), "work".into()];
        i.follows = Some("  ".into());
        let v = i.validated().unwrap();
        assert_eq!(
            (v.what.as_str(), v.tags, v.follows),
            ("a lift", vec!["work".to_string()], None)
        );
    }

    #[test]
    fn dates_outside_1900_to_2100_are_refused() {
        let mut i = input(RequestDirection::ToYou);
        i.on = NaiveDate::from_ymd_opt(1899, 12, 31).unwrap();
        assert_eq!(field_of(i.validated()), "on");
    }
}

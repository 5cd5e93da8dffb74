//! The domain model: people, exchanges with their feelings, requests, and check-ins, with the rules
//! every record must meet. Validation lives here, before any SQL, so the CLI, the app and
//! importers share one definition of a valid record; a failed rule names its field.

mod checkin;
mod enums;
mod exchange;
mod person;
mod request;
mod validate;
pub mod vocabulary;

pub use checkin::{CheckIn, CheckInInput};
pub use enums::{
    Answer, Direction, FollowThrough, Initiative, Kind, Relationship, RequestDirection, Settlement,
    Sphere,
};
pub use exchange::{Exchange, ExchangeFilter, ExchangeInput, Feelings};
pub use person::{Person, PersonInput, PersonSummary};
pub use request::{Request, RequestFilter, RequestInput};
pub use validate::{check_date, new_id, MAX_NAME, MAX_NOTE, MAX_TAG, MAX_WHAT};
pub use vocabulary::Vocabulary;

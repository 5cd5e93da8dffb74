//! The engine's input and output types. Outputs cross to the desktop UI, so each derives
//! serde (snake_case) and `ts_rs::TS`; the JSON of [`Insight`] is the stable shape printed by
//! `recip insights --json`.

use crate::model::vocabulary::vocabulary;
use crate::model::{
    CheckIn, Direction, Exchange, Feelings, Initiative, Kind, Person, Settlement, Sphere,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The facts of one exchange that the insights read: no free text, no timestamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExchangeFact {
    pub id: String,
    pub person_id: String,
    pub direction: Direction,
    pub occurred_on: NaiveDate,
    pub kind: Kind,
    /// The short description, for lists such as open loops.
    pub what: String,
    pub value: u8,
    pub initiative: Option<Initiative>,
    /// The exchange's own sphere override, if any.
    pub sphere: Option<Sphere>,
    pub reciprocates: Option<String>,
    pub settlement: Option<Settlement>,
    pub feelings: Feelings,
}

impl From<&Exchange> for ExchangeFact {
    fn from(e: &Exchange) -> ExchangeFact {
        ExchangeFact {
            id: e.id.clone(),
            person_id: e.person_id.clone(),
            direction: e.direction,
            occurred_on: e.occurred_on,
            kind: e.kind,
            what: e.what.clone(),
            value: e.value,
            initiative: e.initiative,
            sphere: e.sphere,
            reciprocates: e.reciprocates.clone(),
            settlement: e.settlement,
            feelings: e.feelings,
        }
    }
}

/// Everything the engine reads. Deleted exchanges and check-ins are not included by the
/// journal's loaders; anything dated after `now` is ignored by the engine.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Data {
    pub people: Vec<Person>,
    pub exchanges: Vec<ExchangeFact>,
    pub checkins: Vec<CheckIn>,
    /// Asks, made of the user and by the user (see [`super::asks::RequestFact`]).
    pub requests: Vec<super::asks::RequestFact>,
}

impl Data {
    /// Builds the engine's input from full model records, skipping soft-deleted ones.
    pub fn from_model(people: &[Person], exchanges: &[Exchange], checkins: &[CheckIn]) -> Data {
        Data {
            people: people.to_vec(),
            exchanges: exchanges
                .iter()
                .filter(|e| e.deleted_at.is_none())
                .map(ExchangeFact::from)
                .collect(),
            checkins: checkins
                .iter()
                .filter(|c| c.deleted_at.is_none())
                .cloned()
                .collect(),
            requests: Vec::new(),
        }
    }
}

vocabulary!(
    /// The kinds of insight. Their snake_case names are stable (CLI, JSON, stored dismissals).
    InsightKind, "insight_kind" {
        GivesMore => "gives_more",
        ReceivesMore => "receives_more",
        OverGiving => "over_giving",
        AnxietyGrowing => "anxiety_growing",
        SphereContrast => "sphere_contrast",
        StyleInKind => "style_in_kind",
        StyleEscalating => "style_escalating",
        UnsolicitedWeighsMore => "unsolicited_weighs_more",
        OpenLoop => "open_loop",
        RetaliationSpiral => "retaliation_spiral",
        FavourBeforeAsk => "favour_before_ask",
        DoorInTheFace => "door_in_the_face",
        ThatsNotAll => "thats_not_all",
    }
);

vocabulary!(
    /// How much attention an insight asks for. Ordered: note < notice < concern.
    Severity, "severity" {
        Note => "note",
        Notice => "notice",
        Concern => "concern",
    }
);

/// What an insight is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Subject {
    Person { id: String, name: String },
    Sphere { sphere: Sphere },
    Journal,
}

impl Subject {
    /// A stable text key: `person:<id>`, `sphere:<name>` or `journal`.
    pub fn key(&self) -> String {
        match self {
            Subject::Person { id, .. } => format!("person:{id}"),
            Subject::Sphere { sphere } => format!("sphere:{sphere}"),
            Subject::Journal => "journal".to_string(),
        }
    }
}

/// One number behind an insight, in words and as a named field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Reason {
    /// A plain sentence with the number in it.
    pub text: String,
    /// A stable snake_case name for the number.
    pub field: String,
    pub value: f64,
}

impl Reason {
    pub fn new(field: &str, value: f64, text: impl Into<String>) -> Reason {
        Reason {
            text: text.into(),
            field: field.to_string(),
            value,
        }
    }
}

/// A computed observation about the journal, never a source of truth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Insight {
    /// `<kind>:<subject key>`, stable across runs; dismissals and snoozes refer to it.
    pub id: String,
    pub kind: InsightKind,
    pub subject: Subject,
    pub severity: Severity,
    /// One plain sentence with real numbers.
    pub headline: String,
    pub reasons: Vec<Reason>,
    /// Ids of the exchanges and check-ins behind it.
    pub evidence: Vec<String>,
    /// Research keys; see [`crate::insight::references`].
    pub research: Vec<String>,
    /// How strong the signal is, on a kind-specific scale where more is stronger. A dismissed
    /// insight comes back when it grows clearly stronger than when it was dismissed.
    pub strength: f64,
}

impl Insight {
    pub fn new(kind: InsightKind, subject: Subject, severity: Severity, headline: String) -> Self {
        Insight {
            id: format!("{}:{}", kind.as_str(), subject.key()),
            kind,
            subject,
            severity,
            headline,
            reasons: Vec::new(),
            evidence: Vec::new(),
            research: Vec::new(),
            strength: 0.0,
        }
    }

    pub fn reason(mut self, field: &str, value: f64, text: impl Into<String>) -> Self {
        self.reasons.push(Reason::new(field, value, text));
        self
    }

    pub fn research(mut self, keys: &[&str]) -> Self {
        self.research = keys.iter().map(|k| k.to_string()).collect();
        self
    }

    pub fn evidence(mut self, ids: Vec<String>) -> Self {
        self.evidence = ids;
        self
    }

    pub fn strength(mut self, strength: f64) -> Self {
        self.strength = strength;
        self
    }
}

//! The closed vocabularies of the journal: relationships, spheres, directions, kinds,
//! initiative and settlement. Each is stored as its snake_case name, the same text that
//! crosses IPC and appears in JSON, so the database, the CLI and the UI speak one language.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// Declares a string-backed enum with `as_str`, `ALL`, `Display` and `FromStr`.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $field:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The field name used in validation errors about this vocabulary.
            pub const FIELD: &'static str = $field;

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = crate::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| crate::Error::invalid(
                        $field,
                        format!(
                            "'{}' is not a {}; use one of: {}",
                            s.trim(),
                            $field.replace('_', " "),
                            $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    ))
            }
        }
    };
}

vocabulary!(
    /// Who a person is to the user. Decides the sphere and whether the bond is communal.
    Relationship, "relationship" {
        Partner => "partner",
        Family => "family",
        CloseFriend => "close_friend",
        Friend => "friend",
        Neighbour => "neighbour",
        Acquaintance => "acquaintance",
        Colleague => "colleague",
        Manager => "manager",
        Report => "report",
        Client => "client",
        Community => "community",
        Online => "online",
        Stranger => "stranger",
    }
);

vocabulary!(
    /// Where an exchange belongs: reciprocity works differently at work (belmi2015).
    Sphere, "sphere" {
        Personal => "personal",
        Workplace => "workplace",
        Community => "community",
    }
);

vocabulary!(
    /// Whether the user gave or received.
    Direction, "direction" {
        Given => "given",
        Received => "received",
    }
);

vocabulary!(
    /// What sort of exchange it was. A slight is a negative act (retaliation spirals).
    Kind, "kind" {
        Favour => "favour",
        Gift => "gift",
        TimeHelp => "time_help",
        EmotionalSupport => "emotional_support",
        Advice => "advice",
        Introduction => "introduction",
        Hospitality => "hospitality",
        Money => "money",
        Digital => "digital",
        Slight => "slight",
    }
);

vocabulary!(
    /// Who started it: an unsolicited favour weighs more (regan1971).
    Initiative, "initiative" {
        Asked => "asked",
        Offered => "offered",
        Unsolicited => "unsolicited",
    }
);

vocabulary!(
    /// What became of a received exchange.
    Settlement, "settlement" {
        Open => "open",
        Thanked => "thanked",
        Returned => "returned",
        NoReturnNeeded => "no_return_needed",
    }
);

vocabulary!(
    /// Who asked whom: `to_you` (they asked you) or `by_you` (you asked them).
    RequestDirection, "direction" {
        ToYou => "to_you",
        ByYou => "by_you",
    }
);

vocabulary!(
    /// What the one asked said. A request waiting for an answer is `pending`.
    Answer, "answer" {
        Agreed => "agreed",
        Declined => "declined",
        Partly => "partly",
        Pending => "pending",
    }
);

vocabulary!(
    /// Whether an agreed request was done: agreement can outrun follow-through (feeley2012).
    FollowThrough, "followed_through" {
        Yes => "yes",
        No => "no",
        NotYet => "not_yet",
    }
);

impl Relationship {
    /// The sphere a relationship lives in; derived, never stored.
    pub fn sphere(self) -> Sphere {
        use Relationship::*;
        match self {
            Partner | Family | CloseFriend | Friend | Neighbour | Acquaintance | Online
            | Stranger => Sphere::Personal,
            Colleague | Manager | Report | Client => Sphere::Workplace,
            Community => Sphere::Community,
        }
    }

    /// Communal bonds are those where keeping score itself harms the bond (clark1979).
    pub fn is_communal(self) -> bool {
        matches!(
            self,
            Relationship::Partner | Relationship::Family | Relationship::CloseFriend
        )
    }
}

impl Direction {
    pub fn opposite(self) -> Direction {
        match self {
            Direction::Given => Direction::Received,
            Direction::Received => Direction::Given,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_forgivingly_and_round_trip() {
        assert_eq!(
            "Close friend".parse::<Relationship>().unwrap(),
            Relationship::CloseFriend
        );
        assert_eq!(
            "no-return-needed".parse::<Settlement>().unwrap(),
            Settlement::NoReturnNeeded
        );
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>().unwrap(), *k);
        }
    }

    #[test]
    fn an_unknown_name_lists_the_choices() {
        let err = "boss".parse::<Relationship>().unwrap_err().to_string();
        assert!(err.contains("'boss' is not a relationship"), "{err}");
        assert!(err.contains("manager"), "{err}");
    }

    #[test]
    fn work_relationships_are_workplace_and_close_ones_communal() {
        assert_eq!(Relationship::Manager.sphere(), Sphere::Workplace);
        assert_eq!(Relationship::Neighbour.sphere(), Sphere::Personal);
        assert!(Relationship::Family.is_communal());
        assert!(!Relationship::Friend.is_communal());
    }
}

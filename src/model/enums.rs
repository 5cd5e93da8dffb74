//! The closed vocabularies of the model: relationships, spheres, directions, kinds,
//! initiative and settlement. Each is declared with `vocabulary!` (see `vocabulary.rs`), so
//! its snake_case name is at once the stored text, the JSON name and the CLI word.

use super::vocabulary::vocabulary;

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

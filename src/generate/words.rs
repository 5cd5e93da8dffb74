//! Names and short descriptions for generated journals.

use crate::model::{Direction, Kind, Relationship};

pub(crate) const FIRST_NAMES: &[&str] = &[
    "Sam", "Alex", "Priya", "Jonas", "Mei", "Tomás", "Aisha", "Ben", "Clara", "Dev", "Elena",
    "Farid", "Grace", "Hiro", "Ines", "Jack", "Kemi", "Lars", "Maya", "Nico", "Olga", "Pedro",
    "Quinn", "Rosa", "Sven", "Tara", "Uma", "Victor", "Wen", "Yara", "Zoe", "Omar", "Lena", "Ravi",
    "Nora", "Luca", "Amara", "Felix", "Hana", "Mateo",
];

pub(crate) const SURNAME_INITIALS: &[&str] = &[
    "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "O", "P", "R", "S", "T", "V",
    "W",
];

/// Family members get a name that says who they are.
pub(crate) const FAMILY_NAMES: &[&str] = &[
    "Mum",
    "Dad",
    "Grandma",
    "Aunt Ruth",
    "Uncle Karl",
    "Cousin Ida",
    "Sister Jo",
    "Brother Tim",
];

/// The kinds that fit a relationship, most likely first.
pub(crate) fn kinds_for(relationship: Relationship) -> &'static [Kind] {
    use Kind::*;
    use Relationship::*;
    match relationship {
        Colleague | Manager | Report | Client => &[
            Favour,
            Advice,
            TimeHelp,
            Introduction,
            Digital,
            Favour,
            Advice,
        ],
        Community | Online | Stranger => &[Favour, TimeHelp, Advice, Digital, Gift],
        Partner | Family | CloseFriend => &[
            Favour,
            EmotionalSupport,
            Hospitality,
            Gift,
            TimeHelp,
            Favour,
            EmotionalSupport,
            Money,
        ],
        _ => &[
            Favour,
            Gift,
            TimeHelp,
            Hospitality,
            Advice,
            EmotionalSupport,
            Favour,
        ],
    }
}

/// A short "what" for an exchange.
pub(crate) fn what(kind: Kind, direction: Direction, pick: usize) -> &'static str {
    let options = match direction {
        Direction::Given => given_whats(kind),
        Direction::Received => received_whats(kind),
    };
    options[pick % options.len()]
}

/// What the user might have given, by kind.
fn given_whats(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Favour => &[
            "gave a lift to the station",
            "picked up groceries",
            "watered the plants",
            "fed the cat",
            "returned a parcel",
        ],
        Kind::Gift => &[
            "birthday present",
            "bottle of wine",
            "a book I loved",
            "flowers",
            "homemade jam",
        ],
        Kind::TimeHelp => &[
            "helped move house",
            "babysat for the evening",
            "helped in the garden",
            "painted the hallway",
        ],
        Kind::EmotionalSupport => &[
            "long talk after a hard day",
            "listened about the breakup",
            "checked in after the news",
        ],
        Kind::Advice => &[
            "advice on a job offer",
            "tips for the interview",
            "reviewed the slides",
        ],
        Kind::Introduction => &["introduced to a recruiter", "put in touch with a plumber"],
        Kind::Hospitality => &[
            "dinner at mine",
            "put them up for the weekend",
            "Sunday lunch",
        ],
        Kind::Money => &["lent money for rent", "paid for lunch", "covered the taxi"],
        Kind::Digital => &[
            "fixed their laptop",
            "set up their phone",
            "shared a playlist",
        ],
        Kind::Slight => &[
            "snapped at them",
            "left them out of the plans",
            "cancelled at the last minute",
        ],
    }
}

/// What the user might have received, by kind.
fn received_whats(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Favour => &[
            "lift to the airport",
            "picked up my parcel",
            "watered my plants",
            "walked the dog",
            "covered for me",
        ],
        Kind::Gift => &[
            "birthday present",
            "a plant",
            "a book",
            "chocolates",
            "concert tickets",
        ],
        Kind::TimeHelp => &[
            "helped me move",
            "babysat",
            "fixed my bike",
            "helped with the garden",
        ],
        Kind::EmotionalSupport => &[
            "listened when I was low",
            "long call after work",
            "came round when I was ill",
        ],
        Kind::Advice => &["advice on my contract", "feedback on my draft", "tax tips"],
        Kind::Introduction => &["introduced me to a client", "put me in touch with a mentor"],
        Kind::Hospitality => &["dinner at their place", "stayed the weekend", "barbecue"],
        Kind::Money => &["lent me money", "paid for dinner", "covered my ticket"],
        Kind::Digital => &["fixed my laptop", "sent the photos", "set up my router"],
        Kind::Slight => &[
            "forgot my birthday",
            "made a cutting remark",
            "ignored my message",
        ],
    }
}

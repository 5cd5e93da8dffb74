//! The research the insights rest on: every key an insight names, with its full citation
//! and the finding the app uses, as in the project's research notes. The UI and `recip
//! references` show this list.

use serde::Serialize;
use ts_rs::TS;

/// One cited work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Reference {
    pub key: &'static str,
    pub authors: &'static str,
    pub year: u16,
    pub title: &'static str,
    /// The journal, or the publisher of a book.
    pub source: &'static str,
    /// Volume, issue and pages, or an article number; empty for books.
    pub details: &'static str,
    /// What the app takes from it, in our own words.
    pub finding: &'static str,
}

impl Reference {
    /// APA-style: "Authors (year). Title. Source, details."
    pub fn citation(&self) -> String {
        let end = if self.title.ends_with('?') { "" } else { "." };
        if self.details.is_empty() {
            format!(
                "{} ({}). {}{} {}.",
                self.authors, self.year, self.title, end, self.source
            )
        } else {
            format!(
                "{} ({}). {}{} {}, {}.",
                self.authors, self.year, self.title, end, self.source, self.details
            )
        }
    }
}

/// The reference for `key`, if it is one the app cites.
pub fn reference(key: &str) -> Option<&'static Reference> {
    REFERENCES.iter().find(|r| r.key == key)
}

/// Every reference, alphabetical by first author.
pub fn references() -> &'static [Reference] {
    REFERENCES
}

static REFERENCES: &[Reference] = &[
    Reference {
        key: "adams1965",
        authors: "Adams, J. S.",
        year: 1965,
        title: "Inequity in social exchange",
        source: "Advances in Experimental Social Psychology",
        details: "2, 267–299",
        finding: "Equity theory: people compare their inputs and outcomes with the other's; inequity in either direction is uncomfortable.",
    },
    Reference {
        key: "aknin2020",
        authors: "Aknin, L. B., Dunn, E. W., Proulx, J., Lok, I., & Norton, M. I.",
        year: 2020,
        title: "Does spending money on others promote happiness? A registered replication report",
        source: "Journal of Personality and Social Psychology",
        details: "119(2), e15–e26",
        finding: "Spending on others promotes happiness (registered replication).",
    },
    Reference {
        key: "belmi2015",
        authors: "Belmi, P., & Pfeffer, J.",
        year: 2015,
        title: "How \"organization\" can weaken the norm of reciprocity: The effects of attributions for favors and a calculative mindset",
        source: "Academy of Management Discoveries",
        details: "1(1), 36–57",
        finding: "In organisational settings favours are read more strategically and reciprocity is weaker and more calculative.",
    },
    Reference {
        key: "burger1986",
        authors: "Burger, J. M.",
        year: 1986,
        title: "Increasing compliance by improving the deal: The that's-not-all technique",
        source: "Journal of Personality and Social Psychology",
        details: "51(2), 277–283",
        finding: "That's-not-all: sweetening an offer before the answer (cupcake plus cookies) raised sales from about 45% to 73%.",
    },
    Reference {
        key: "cialdini1975",
        authors: "Cialdini, R. B., Vincent, J. E., Lewis, S. K., Catalan, J., Wheeler, D., & Darby, B. L.",
        year: 1975,
        title: "Reciprocal concessions procedure for inducing compliance: The door-in-the-face technique",
        source: "Journal of Personality and Social Psychology",
        details: "31(2), 206–215",
        finding: "Door-in-the-face: after refusing a large request (two years of volunteering), about 50% agreed to a small one (a zoo trip) vs 17% asked only the small one.",
    },
    Reference {
        key: "clark1979",
        authors: "Clark, M. S., & Mills, J.",
        year: 1979,
        title: "Interpersonal attraction in exchange and communal relationships",
        source: "Journal of Personality and Social Psychology",
        details: "37(1), 12–24",
        finding: "In communal relationships (partner, family, close friends) prompt repayment and score-keeping reduce liking; in exchange relationships they are expected.",
    },
    Reference {
        key: "deng2021",
        authors: "Deng, Y., Wang, C. S., Aime, F., Wang, L., Sivanathan, N., & Kim, Y. C.",
        year: 2021,
        title: "Culture and patterns of reciprocity: The role of exchange type, regulatory focus, and emotions",
        source: "Personality and Social Psychology Bulletin",
        details: "47(1), 20–41",
        finding: "Americans tend to escalate (return more) in positive exchanges, Singaporeans and Hong Kongers to return in kind; the pattern reverses in negative exchanges.",
    },
    Reference {
        key: "feeley2012",
        authors: "Feeley, T. H., Anker, A. E., & Aloe, A. M.",
        year: 2012,
        title: "The door-in-the-face persuasive message strategy: A meta-analysis of the first 35 years",
        source: "Communication Monographs",
        details: "79(3), 316–343",
        finding: "Door-in-the-face raises verbal agreement much more than actual follow-through.",
    },
    Reference {
        key: "goei2005",
        authors: "Goei, R., & Boster, F. J.",
        year: 2005,
        title: "The roles of obligation and gratitude in explaining the effect of favors on compliance",
        source: "Communication Monographs",
        details: "72(3), 284–300",
        finding: "A favour can create gratitude and obligation; they are distinct, and obligation rises when the giver seems to expect a return.",
    },
    Reference {
        key: "gouldner1960",
        authors: "Gouldner, A. W.",
        year: 1960,
        title: "The norm of reciprocity: A preliminary statement",
        source: "American Sociological Review",
        details: "25(2), 161–178",
        finding: "Reciprocity is a near-universal norm: people feel they should help those who helped them and not harm them; its negative form (returning harm for harm) can escalate.",
    },
    Reference {
        key: "greco2024",
        authors: "Greco, C., Esposito, A., Cordasco, G., & Matarazzo, O.",
        year: 2024,
        title: "Reciprocity versus self-interest in a competitive interaction context: An experimental study",
        source: "Psychological Reports",
        details: "127(2), 827–850",
        finding: "People returned kindness even at a cost to their own competitive goals.",
    },
    Reference {
        key: "greenberg1971",
        authors: "Greenberg, M. S., & Shapiro, S. P.",
        year: 1971,
        title: "Indebtedness: An adverse aspect of receiving help",
        source: "Sociometry",
        details: "34(2), 290–301",
        finding: "Receiving help one cannot repay makes people feel indebted, which is unpleasant and can lower self-esteem.",
    },
    Reference {
        key: "grote2001",
        authors: "Grote, N. K., & Clark, M. S.",
        year: 2001,
        title: "Perceiving unfairness in the family: Cause or consequence of marital distress?",
        source: "Journal of Personality and Social Psychology",
        details: "80(2), 281–293",
        finding: "In couples, distress tends to come first and leads people to perceive unfairness, not only the other way round.",
    },
    Reference {
        key: "helgeson1998",
        authors: "Helgeson, V. S., & Fritz, H. L.",
        year: 1998,
        title: "A theory of unmitigated communion",
        source: "Personality and Social Psychology Review",
        details: "2(3), 173–183",
        finding: "Unmitigated communion: caring for others while neglecting oneself predicts distress.",
    },
    Reference {
        key: "kunz1976",
        authors: "Kunz, P. R., & Woolcott, M.",
        year: 1976,
        title: "Season's greetings: From my status to yours",
        source: "Social Science Research",
        details: "5(3), 269–278",
        finding: "Strangers who received a holiday card mostly sent one back without asking who the sender was.",
    },
    Reference {
        key: "putnam2000",
        authors: "Putnam, R. D.",
        year: 2000,
        title: "Bowling alone: The collapse and revival of American community",
        source: "Simon & Schuster",
        details: "",
        finding: "Generalised reciprocity builds social capital; strong bonding can exclude outsiders.",
    },
    Reference {
        key: "regan1971",
        authors: "Regan, D. T.",
        year: 1971,
        title: "Effects of a favor and liking on compliance",
        source: "Journal of Experimental Social Psychology",
        details: "7(6), 627–639",
        finding: "A small favour nobody asked for (a soft drink) raised compliance with a later request more than liking did.",
    },
    Reference {
        key: "shen2011",
        authors: "Shen, H., Wan, F., & Wyer, R. S., Jr.",
        year: 2011,
        title: "Cross-cultural differences in the refusal to accept a small gift: The differential influence of reciprocity norms on Asians and North Americans",
        source: "Journal of Personality and Social Psychology",
        details: "100(2), 271–281",
        finding: "Asians more often refuse a small gift from an acquaintance to avoid indebtedness; North Americans accept on attractiveness; the gap narrows with close friends.",
    },
    Reference {
        key: "tajfel1970",
        authors: "Tajfel, H.",
        year: 1970,
        title: "Experiments in intergroup discrimination",
        source: "Scientific American",
        details: "223(5), 96–102",
        finding: "In-group favouritism arises even from trivial group labels.",
    },
    Reference {
        key: "trivers1971",
        authors: "Trivers, R. L.",
        year: 1971,
        title: "The evolution of reciprocal altruism",
        source: "Quarterly Review of Biology",
        details: "46(1), 35–57",
        finding: "Reciprocal altruism: helping pays when help is likely to be returned later.",
    },
    Reference {
        key: "unanue2019",
        authors: "Unanue, W., Gomez Mella, M. E., Cortez, D. A., Bravo, D., Araya-Véliz, C., Unanue, J., & Van Den Broeck, A.",
        year: 2019,
        title: "The reciprocal relationship between gratitude and life satisfaction: Evidence from two longitudinal field studies",
        source: "Frontiers in Psychology",
        details: "10, 2480",
        finding: "Gratitude and life satisfaction predict each other over time.",
    },
    Reference {
        key: "walster1978",
        authors: "Walster, E., Walster, G. W., & Berscheid, E.",
        year: 1978,
        title: "Equity: Theory and research",
        source: "Allyn & Bacon",
        details: "",
        finding: "Equity theory applied to close relationships: both over-benefit and under-benefit go with distress.",
    },
    Reference {
        key: "watkins2006",
        authors: "Watkins, P. C., Scheer, J., Ovnicek, M., & Kolts, R.",
        year: 2006,
        title: "The debt of gratitude: Dissociating gratitude and indebtedness",
        source: "Cognition and Emotion",
        details: "20(2), 217–241",
        finding: "Gratitude and indebtedness are separable emotions; expectations of return raise indebtedness and lower gratitude.",
    },
    Reference {
        key: "weinstein2010",
        authors: "Weinstein, N., & Ryan, R. M.",
        year: 2010,
        title: "When helping helps: Autonomous motivation for prosocial behavior and its influence on well-being for the helper and recipient",
        source: "Journal of Personality and Social Psychology",
        details: "98(2), 222–244",
        finding: "Helping raises the helper's well-being when it is freely chosen, not when it is pressured.",
    },
];

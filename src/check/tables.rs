//! The tables of format 1: which keys each table takes, of which kind, and
//! which are required. The shape check, the JSON Schema and the "did you
//! mean" suggestions are made from them; a test ties them to the serde
//! model.

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A string.
    Text,
    /// A TOML local date.
    Date,
    /// An integer, a float or a string with a point (checked as an amount).
    Amount,
    /// An integer.
    Integer,
    /// `true` or `false`.
    Bool,
    /// An array of strings.
    TextList,
    /// A day's agenda: an array of strings and tables of [`AGENDA_ITEM`].
    Agenda,
    /// A table (`[name]` or `{ … }`).
    Table(&'static Spec),
    /// An array of tables (`[[name]]`).
    TableList(&'static Spec),
}

/// One key of a table.
#[derive(Debug)]
pub struct Key {
    /// Its name.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether it must be there.
    pub required: bool,
}

/// A table's keys.
#[derive(Debug)]
pub struct Spec {
    /// How the table is written, for messages: `[trip]`, `[[day.section]]`.
    pub name: &'static str,
    /// The keys it takes.
    pub keys: &'static [Key],
}

const fn req(name: &'static str, kind: Kind) -> Key {
    Key {
        name,
        kind,
        required: true,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Key {
    Key {
        name,
        kind,
        required: false,
    }
}

static LOGO: Spec = Spec {
    name: "logo",
    keys: &[
        req("file", Kind::Text),
        opt("alt", Kind::Text),
        opt("decorative", Kind::Bool),
    ],
};

static COVER: Spec = Spec {
    name: "cover",
    keys: &[
        req("file", Kind::Text),
        opt("caption", Kind::Text),
        opt("alt", Kind::Text),
        opt("decorative", Kind::Bool),
    ],
};

/// An image: `[[….image]]`.
pub static IMAGE: Spec = Spec {
    name: "[[….image]]",
    keys: COVER.keys,
};

static TRIP: Spec = Spec {
    name: "[trip]",
    keys: &[
        req("committee", Kind::Text),
        req("municipality", Kind::Text),
        req("destination", Kind::Text),
        opt("country", Kind::Text),
        req("start", Kind::Date),
        opt("end", Kind::Date),
        opt("title", Kind::Text),
        opt("subtitle", Kind::Text),
        opt("published", Kind::Date),
        opt("language", Kind::Text),
        opt("logo", Kind::Table(&LOGO)),
        opt("cover", Kind::Table(&COVER)),
        opt("case", Kind::Text),
        opt("contents", Kind::Bool),
    ],
};

static AUTHOR: Spec = Spec {
    name: "[author]",
    keys: &[
        req("name", Kind::Text),
        opt("title", Kind::Text),
        opt("organisation", Kind::Text),
        opt("email", Kind::Text),
        opt("phone", Kind::Text),
    ],
};

static INTRODUCTION: Spec = Spec {
    name: "[introduction]",
    keys: &[
        opt("title", Kind::Text),
        opt("heading", Kind::Bool),
        req("text", Kind::Text),
    ],
};

static PARTICIPANT: Spec = Spec {
    name: "[[participant]]",
    keys: &[
        req("name", Kind::Text),
        opt("role", Kind::Text),
        opt("party", Kind::Text),
        opt("group", Kind::Text),
    ],
};

static SECTION: Spec = Spec {
    name: "[[section]]",
    keys: &[
        req("title", Kind::Text),
        req("text", Kind::Text),
        opt("image", Kind::TableList(&IMAGE)),
    ],
};

static DAY_SECTION: Spec = Spec {
    name: "[[day.section]]",
    keys: SECTION.keys,
};

static DAY: Spec = Spec {
    name: "[[day]]",
    keys: &[
        req("date", Kind::Date),
        opt("title", Kind::Text),
        opt("place", Kind::Text),
        opt("text", Kind::Text),
        opt("agenda", Kind::Agenda),
        opt("section", Kind::TableList(&DAY_SECTION)),
    ],
};

/// A table entry of a day's `agenda`.
pub static AGENDA_ITEM: Spec = Spec {
    name: "an agenda entry",
    keys: &[
        opt("time", Kind::Text),
        req("text", Kind::Text),
        opt("points", Kind::TextList),
    ],
};

static ITEM: Spec = Spec {
    name: "[[accounts.item]]",
    keys: &[
        req("label", Kind::Text),
        req("amount", Kind::Amount),
        opt("budget", Kind::Amount),
        opt("note", Kind::Text),
    ],
};

static ACCOUNTS: Spec = Spec {
    name: "[accounts]",
    keys: &[
        opt("title", Kind::Text),
        opt("vat", Kind::Text),
        opt("participants", Kind::Integer),
        opt("total", Kind::Amount),
        opt("published_total", Kind::Amount),
        opt("price", Kind::Bool),
        opt("text", Kind::Text),
        opt("item", Kind::TableList(&ITEM)),
    ],
};

/// The whole file.
pub static FILE: Spec = Spec {
    name: "the file",
    keys: &[
        opt("format", Kind::Integer),
        req("trip", Kind::Table(&TRIP)),
        opt("author", Kind::Table(&AUTHOR)),
        opt("introduction", Kind::Table(&INTRODUCTION)),
        opt("participant", Kind::TableList(&PARTICIPANT)),
        opt("day", Kind::TableList(&DAY)),
        opt("section", Kind::TableList(&SECTION)),
        opt("accounts", Kind::Table(&ACCOUNTS)),
    ],
};

/// Every table, the file first.
pub static ALL: [&Spec; 14] = [
    &FILE,
    &TRIP,
    &LOGO,
    &COVER,
    &IMAGE,
    &AUTHOR,
    &INTRODUCTION,
    &PARTICIPANT,
    &DAY,
    &AGENDA_ITEM,
    &DAY_SECTION,
    &SECTION,
    &ACCOUNTS,
    &ITEM,
];

/// Every key name of format 1, for "did you mean" suggestions.
pub fn key_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = ALL
        .iter()
        .flat_map(|s| s.keys.iter().map(|k| k.name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Every table of format 1, the file first.
pub fn all_specs() -> &'static [&'static Spec] {
    &ALL
}

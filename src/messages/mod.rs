//! The message catalogue: every sentence studietur says to its user (the
//! diagnostics and the command line's own lines), in English and Danish.
//!
//! The wording lives in two Fluent files, `locale/en.ftl` and
//! `locale/da.ftl`, built into the binary. A message is made only by a
//! function of the catalogue ([`trip`], [`photo`], [`making`], [`archive`],
//! [`cli`], [`import`]; one function per id, one parameter per named argument), so every
//! id the code uses exists, and a test holds both files to exactly the ids
//! and arguments of those functions. A [`Msg`] is worded when it is shown:
//! [`Msg::in_lang`], or [`format`] for an id and arguments. A missing
//! message or argument never panics: the English text is used, else the id.

use crate::locale::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

/// Defines the messages of one part of the catalogue: for each
/// `name(arg, …);` a function `name` that makes the message with id
/// `name` and those named arguments, and (for the tests) the table `IDS`
/// of every id with its arguments.
macro_rules! catalogue {
    ($( $(#[$doc:meta])* $name:ident ( $($arg:ident),* ); )*) => {
        $(
            $(#[$doc])*
            #[doc = concat!("The message `", stringify!($name), "`.")]
            pub fn $name($($arg: impl Into<$crate::messages::Arg>),*) -> $crate::messages::Msg {
                $crate::messages::Msg::new(
                    stringify!($name),
                    vec![$((stringify!($arg), $arg.into())),*],
                )
            }
        )*

        /// Every message of this part of the catalogue, with its arguments.
        #[cfg(test)]
        pub(crate) const IDS: &[(&str, &[&str])] =
            &[$((stringify!($name), &[$(stringify!($arg)),*])),*];
    };
}

pub mod archive;
pub mod cli;
pub mod editor;
pub mod import;
pub mod keeping;
pub mod making;
pub mod photo;
pub mod trip;

#[cfg(test)]
mod tests;

/// The English messages.
pub const EN_FTL: &str = include_str!("../../locale/en.ftl");

/// The Danish messages.
pub const DA_FTL: &str = include_str!("../../locale/da.ftl");

/// One message of the catalogue with its arguments, not yet worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// The value of a message's named argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is, in every language: a key, a path, a literal
    /// as written, a date or an amount already written.
    Text(String),
    /// A count: shown as digits, and the message may choose its plural
    /// form by it.
    Count(i64),
    /// A number with decimals, written with a point (`1.20`); Danish
    /// messages show a decimal comma (`1,20`).
    Decimal(String),
    /// Text already written in each language, like an amount
    /// (`1.150,50 kr.`, `DKK 1,150.50`).
    Worded {
        /// In Danish.
        da: String,
        /// In English.
        en: String,
    },
    /// Another message, worded in the same language.
    Msg(Msg),
    /// Messages worded in the same language and joined by the separator.
    List(Vec<Msg>, &'static str),
    /// A date: written as in a trip file (`2023-04-17`); in the editor's
    /// words as people write it (`17. april 2023`).
    Date(chrono::NaiveDate),
    /// A value as the file writes it (`"36900.50"`), and as the editor's
    /// words give it (`36.900,50 kr.`).
    Written {
        /// As written in the file.
        text: String,
        /// As the editor says it.
        plain: Box<Arg>,
    },
}

impl Arg {
    /// `value` with `places` decimals.
    pub fn decimal(value: f64, places: usize) -> Arg {
        Arg::Decimal(format!("{value:.places$}"))
    }

    /// The text `write` gives in each language.
    pub fn worded(write: impl Fn(Lang) -> String) -> Arg {
        Arg::Worded {
            da: write(Lang::Da),
            en: write(Lang::En),
        }
    }

    /// A value as the file writes it, and as the editor says it.
    pub fn written(text: impl Into<String>, plain: Arg) -> Arg {
        Arg::Written {
            text: text.into(),
            plain: Box::new(plain),
        }
    }

    /// `msgs` joined by `separator` (`", "`, `"; "`).
    pub fn list(msgs: Vec<Msg>, separator: &'static str) -> Arg {
        Arg::List(msgs, separator)
    }

    fn value(&self, lang: Lang) -> FluentValue<'static> {
        match self {
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Decimal(s) => FluentValue::from(match lang {
                Lang::En => s.clone(),
                Lang::Da => s.replace('.', ","),
            }),
            Arg::Worded { da, en } => FluentValue::from(match lang {
                Lang::Da => da.clone(),
                Lang::En => en.clone(),
            }),
            Arg::Msg(m) => FluentValue::from(m.in_lang(lang)),
            Arg::List(msgs, separator) => FluentValue::from(
                msgs.iter()
                    .map(|m| m.in_lang(lang))
                    .collect::<Vec<_>>()
                    .join(separator),
            ),
            Arg::Date(d) => FluentValue::from(crate::locale::message_date(*d)),
            Arg::Written { text, .. } => FluentValue::from(text.clone()),
        }
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

impl From<&std::io::Error> for Arg {
    fn from(e: &std::io::Error) -> Arg {
        Arg::Text(e.to_string())
    }
}

impl From<std::io::Error> for Arg {
    fn from(e: std::io::Error) -> Arg {
        Arg::Text(e.to_string())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Count(i64::from(n))
    }
}

impl From<chrono::NaiveDate> for Arg {
    fn from(d: chrono::NaiveDate) -> Arg {
        Arg::Date(d)
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(m)
    }
}

impl Msg {
    /// Only the catalogue's functions make messages.
    fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg { id, args }
    }

    /// The message's id in the catalogue.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The named arguments.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The message worded in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        format(lang, self.id, &self.args)
    }
}

/// The message in English.
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

type Bundle = FluentBundle<FluentResource>;

static EN: LazyLock<Bundle> = LazyLock::new(|| bundle("en", EN_FTL));
static DA: LazyLock<Bundle> = LazyLock::new(|| bundle("da", DA_FTL));

/// The messages of one language. A file that does not parse whole keeps
/// the messages that do (the tests hold both files to parse whole).
fn bundle(code: &str, ftl: &str) -> Bundle {
    let resource = FluentResource::try_new(ftl.to_string()).unwrap_or_else(|(partial, _)| partial);
    let mut bundle = FluentBundle::new_concurrent(vec![code.parse().unwrap_or_default()]);
    // No invisible isolation marks around arguments: messages are read in
    // terminals and logs.
    bundle.set_use_isolating(false);
    // A message defined twice keeps its first wording.
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundle_of(lang: Lang) -> &'static Bundle {
    match lang {
        Lang::En => &EN,
        Lang::Da => &DA,
    }
}

/// The message `id` with `args`, worded in `lang`. A message missing in
/// `lang`, or one that cannot be worded with these arguments, is worded in
/// English; one missing there too is its id.
pub fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    if let Some(text) = word(lang, id, args, true) {
        return text;
    }
    if lang != Lang::En
        && let Some(text) = word(Lang::En, id, args, true)
    {
        return text;
    }
    // Fluent shows a missing argument as `{$name}`: better than nothing.
    word(Lang::En, id, args, false).unwrap_or_else(|| id.to_string())
}

/// The message `id` with `args` in `lang`, or `None` when `lang` has no
/// such message (the editor's words, looked up by the form's ids).
pub fn lookup(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    word(lang, id, args, false)
}

/// The message worded in `lang`; `None` when it is missing, or when
/// `strict` and wording it met an error (a missing argument).
fn word(lang: Lang, id: &str, args: &[(&str, Arg)], strict: bool) -> Option<String> {
    let bundle = bundle_of(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, arg) in args {
        fluent_args.set(*name, arg.value(lang));
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    (errors.is_empty() || !strict).then(|| text.into_owned())
}

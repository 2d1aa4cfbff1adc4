//! Which language the command line speaks: a command's `--lang`, else the
//! locale of the environment as POSIX orders it (`LC_ALL`, then
//! `LC_MESSAGES`, then `LANG`; the first that is set and not empty):
//! Danish for `da…` (`da_DK.UTF-8`), English for anything else (`C`,
//! `en_GB.UTF-8`) and when none is set. The command line is the only part
//! of studietur that reads the environment.

use crate::locale::Lang;

/// The variables that name the language of messages, strongest first.
const VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// The language of the command's messages: `flag` (`--lang`) when given,
/// else the environment's.
pub fn choose(flag: Option<Lang>) -> Lang {
    flag.unwrap_or_else(from_env)
}

/// The environment's language.
pub fn from_env() -> Lang {
    from_vars(|name| std::env::var(name).ok())
}

/// The language the variables read by `get` name.
fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
    let locale = VARIABLES
        .iter()
        .filter_map(|name| get(name))
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    if locale.starts_with("da") {
        Lang::Da
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> Lang {
        from_vars(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn posix_order_and_danish_for_da() {
        assert_eq!(with(&[]), Lang::En);
        assert_eq!(with(&[("LANG", "da_DK.UTF-8")]), Lang::Da);
        assert_eq!(with(&[("LANG", "da")]), Lang::Da);
        assert_eq!(with(&[("LANG", "C")]), Lang::En);
        assert_eq!(with(&[("LANG", "en_GB.UTF-8")]), Lang::En);
        // LC_ALL, then LC_MESSAGES, override LANG; an empty one does not.
        assert_eq!(with(&[("LANG", "da_DK"), ("LC_ALL", "C")]), Lang::En);
        assert_eq!(with(&[("LANG", "C"), ("LC_MESSAGES", "da_DK")]), Lang::Da);
        assert_eq!(with(&[("LANG", "da_DK"), ("LC_ALL", "")]), Lang::Da);
        assert_eq!(choose(Some(Lang::En)), Lang::En);
    }
}

//! The two languages studietur writes.

/// The language of the labels, dates and numbers the generator writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Danish (the default).
    #[default]
    Da,
    /// English.
    En,
}

impl Lang {
    /// Reads a `language` value: `"da"` or `"en"`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The region written with the language in the PDF's `/Lang`
    /// (`da-DK`); English reports carry the bare `en`.
    pub fn region(self) -> Option<&'static str> {
        match self {
            Lang::Da => Some("dk"),
            Lang::En => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn codes() {
        assert_eq!(Lang::from_code("da"), Some(Lang::Da));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::En.code(), "en");
    }
}

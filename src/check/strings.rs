//! Where each character of a TOML string value stands in the file: the
//! string as written (`"…"`, `'…'`, `"""…"""`, `'''…'''`) decoded with
//! the raw position of every byte of its value, so that a problem inside a
//! long text is shown at its own line.

/// The value of the string token `raw` and, for each byte of it, the
/// position in `raw` of the character it comes from; `None` for what is not
/// a string token.
pub fn decode(raw: &str) -> Option<(String, Vec<usize>)> {
    let (delim, basic) = if raw.starts_with("\"\"\"") {
        ("\"\"\"", true)
    } else if raw.starts_with("'''") {
        ("'''", false)
    } else if raw.starts_with('"') {
        ("\"", true)
    } else if raw.starts_with('\'') {
        ("'", false)
    } else {
        return None;
    };
    let body = raw.strip_prefix(delim)?.strip_suffix(delim)?;
    let base = delim.len();
    let mut value = String::new();
    let mut at = Vec::new();
    let push = |value: &mut String, at: &mut Vec<usize>, c: char, pos: usize| {
        value.push(c);
        at.extend(std::iter::repeat_n(base + pos, c.len_utf8()));
    };
    let mut chars = body.char_indices().peekable();
    // A newline right after an opening `"""` or `'''` is not part of it.
    if delim.len() == 3 {
        if body.starts_with("\r\n") {
            chars.next();
            chars.next();
        } else if body.starts_with('\n') {
            chars.next();
        }
    }
    while let Some((i, c)) = chars.next() {
        // (A CRLF inside a multi-line string stays CRLF, as the TOML reader
        // keeps it.)
        if !basic || c != '\\' {
            push(&mut value, &mut at, c, i);
            continue;
        }
        let (_, e) = chars.next()?;
        let simple = match e {
            'b' => Some('\u{8}'),
            't' => Some('\t'),
            'n' => Some('\n'),
            'f' => Some('\u{c}'),
            'r' => Some('\r'),
            'e' => Some('\u{1b}'),
            '"' => Some('"'),
            '\\' => Some('\\'),
            _ => None,
        };
        if let Some(s) = simple {
            push(&mut value, &mut at, s, i);
            continue;
        }
        let digits = match e {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            c if c.is_whitespace() => {
                // A line-ending backslash: white space and newlines vanish.
                while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                    chars.next();
                }
                continue;
            }
            _ => return None,
        };
        let hex: String = (0..digits)
            .filter_map(|_| chars.next().map(|(_, c)| c))
            .collect();
        let c = char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?;
        push(&mut value, &mut at, c, i);
    }
    Some((value, at))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn positions_of_every_kind_of_string() {
        let (v, at) = decode(r#""a\"b""#).unwrap();
        assert_eq!(v, "a\"b");
        assert_eq!(at, vec![1, 2, 4]);
        let (v, at) = decode("\"\"\"\nx\r\ny\"\"\"").unwrap();
        assert_eq!(v, "x\r\ny");
        assert_eq!(at[3], 7);
        // As the TOML reader reads it.
        let t: toml::Table = toml::from_str("a = \"\"\"\nx\r\ny\"\"\"").unwrap();
        assert_eq!(t["a"].as_str(), Some(v.as_str()));
        let (v, _) = decode("'''\nc:\\n'''").unwrap();
        assert_eq!(v, "c:\\n");
        let (v, at) = decode("\"ø\\u00e6\"").unwrap();
        assert_eq!(v, "øæ");
        assert_eq!(at, vec![1, 1, 3, 3]);
        let (v, _) = decode("\"\"\"a \\\n   b\"\"\"").unwrap();
        assert_eq!(v, "a b");
        assert!(decode("42").is_none());
    }
}

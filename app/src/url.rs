//! Query strings, small enough not to need a crate in the browser bundle.

/// Percent-encodes a query component (RFC 3986 unreserved characters pass).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A page of this site to go to (`back=` and other redirect targets), or `None`: an absolute
/// path that a browser cannot read as another site's address. Refused: anything not starting
/// with one `/` (`//evil.example`, `/\\evil.example`, `https:…`, `javascript:…`), backslashes,
/// and control characters or spaces (browsers drop tabs and line breaks, so `/\t/evil.example`
/// would become `//evil.example`; line breaks would also split a `Location` header).
pub fn local_path(target: &str) -> Option<&str> {
    let rest = target.strip_prefix('/')?;
    let safe = target.len() <= 2048
        && !rest.starts_with('/')
        && !target
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace());
    safe.then_some(target)
}

/// Decodes a query component (`+` is a space, as forms send it); invalid escapes stay as typed.
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    core::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The pairs of a query string, decoded, in order.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// The first value of `key` in a query string.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    parse_query(query)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// Builds a query string from pairs, skipping empty values.
pub fn build_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The same query with `key` set to `value` (replacing any previous value).
pub fn with_param(query: &str, key: &str, value: &str) -> String {
    let mut pairs: Vec<(String, String)> = parse_query(query)
        .into_iter()
        .filter(|(k, _)| k != key)
        .collect();
    pairs.push((key.to_owned(), value.to_owned()));
    build_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_this_sites_paths_are_redirect_targets() {
        for (target, ok) in [
            ("/suivi", true),
            ("/demande/justificatifs#piece-passport", true),
            ("/instruction/dossier/APT-2026-75-K7Q4M2?x=1", true),
            ("/", true),
            ("//evil.example", false),
            ("/\\evil.example", false),
            ("/\t/evil.example", false),
            ("/\n/evil.example", false),
            ("/ok\r\nSet-Cookie: x=1", false),
            ("/ /evil.example", false),
            ("https://evil.example", false),
            ("javascript:alert(1)", false),
            ("evil.example", false),
            ("", false),
            ("/\u{2028}x", false),
        ] {
            assert_eq!(local_path(target).is_some(), ok, "{target:?}");
        }
    }

    proptest! {
        /// Whatever is accepted stays on this site when a browser resolves it.
        #[test]
        fn accepted_targets_stay_on_this_site(target in "\\PC{0,12}", prefix in "/{0,3}") {
            let target = format!("{prefix}{target}");
            if let Some(path) = local_path(&target) {
                prop_assert!(path.starts_with('/'));
                prop_assert!(!path.starts_with("//"));
                prop_assert!(!path.contains('\\'));
                prop_assert!(!path.chars().any(|c| c.is_control() || c.is_whitespace()));
            }
        }
    }

    #[test]
    fn queries() {
        assert_eq!(
            parse_query("a=1&b=x+y&c=%C3%A9&d"),
            vec![
                ("a".into(), "1".into()),
                ("b".into(), "x y".into()),
                ("c".into(), "é".into()),
                ("d".into(), "".into()),
            ]
        );
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(
            with_param("lang=fr&permit=student", "lang", "en"),
            "permit=student&lang=en"
        );
        assert_eq!(
            query_value("permit=student&lang=en", "lang").as_deref(),
            Some("en")
        );
        assert_eq!(build_query([("a", "803,5"), ("b", "")]), "a=803%2C5");
    }

    proptest! {
        #[test]
        fn encode_then_decode_is_identity(s in "\\PC{0,30}") {
            prop_assert_eq!(decode(&encode(&s)), s);
        }

        #[test]
        fn decode_never_panics(s in "[%+a-f0-9é]{0,12}") {
            let _ = decode(&s);
        }
    }
}

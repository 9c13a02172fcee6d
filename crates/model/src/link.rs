//! The link allow-list: which URLs in content may become a link or load an image.
//!
//! Content comes from people we do not control, and an `href` of `javascript:…` is a working
//! script even when every text node is escaped. So every `href`, `src`, `source.url` and `next`
//! passes through [`Link::parse`], and only what it returns is ever put into an attribute.

use std::fmt;

/// Where a permitted URL points, which decides how the app resolves it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// `http:` or `https:` with a host, or a protocol-relative `//host/…`.
    Web,
    /// `mailto:`.
    Mail,
    /// Starts with a single `/`: resolved against the app's base URL, so `/article/x` works
    /// wherever the app is hosted.
    SiteRelative,
    /// Any other relative URL: resolved against the URL of the document it appears in.
    DocumentRelative,
}

/// A URL that passed the allow-list, normalised the way a browser would read it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Link {
    url: String,
    kind: LinkKind,
}

/// Why a URL was refused; the message is meant for the person who wrote the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkRefusal {
    Empty,
    Scheme(String),
    HiddenCharacter,
    CharacterReference,
}

impl fmt::Display for LinkRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkRefusal::Empty => f.write_str("is empty"),
            LinkRefusal::Scheme(scheme) => write!(
                f,
                "uses the {scheme}: scheme; only http:, https:, mailto: and relative URLs are allowed"
            ),
            LinkRefusal::HiddenCharacter => {
                f.write_str("contains a control, space or direction character")
            }
            LinkRefusal::CharacterReference => {
                f.write_str("contains an HTML character reference before its path")
            }
        }
    }
}

const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

impl Link {
    /// Applies the allow-list to `raw`.
    ///
    /// Like a browser's URL parser, leading and trailing spaces and control characters are
    /// trimmed, and tabs and line breaks anywhere are dropped, before the scheme is read, so
    /// `" jav\tascript:"` is seen for what it is. Any other hidden character is refused.
    pub fn parse(raw: &str) -> Result<Link, LinkRefusal> {
        let url: String = raw
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        if url.is_empty() {
            return Err(LinkRefusal::Empty);
        }
        if url.chars().any(is_hidden_character) {
            return Err(LinkRefusal::HiddenCharacter);
        }
        // Browsers read `\` as `/` in web URLs, so `/\evil.example` is protocol-relative.
        let slashed = url.replace('\\', "/");
        let before_path = slashed.split(['/', '?', '#']).next().unwrap_or_default();
        // Text is never decoded as HTML here, but a reference such as `&#106;avascript:` or
        // `javascript&colon;` would turn into a script URL if this value ever reached HTML
        // unescaped; real URLs do not carry them in their scheme or first segment.
        let before_query = slashed.split(['/', '?']).next().unwrap_or_default();
        if has_character_reference(before_query) {
            return Err(LinkRefusal::CharacterReference);
        }
        let kind = match scheme_of(before_path) {
            Some(scheme) => {
                let scheme = scheme.to_ascii_lowercase();
                if !ALLOWED_SCHEMES.contains(&scheme.as_str()) {
                    return Err(LinkRefusal::Scheme(scheme));
                }
                if scheme == "mailto" {
                    LinkKind::Mail
                } else {
                    LinkKind::Web
                }
            }
            None if slashed.starts_with("//") => LinkKind::Web,
            None if slashed.starts_with('/') => LinkKind::SiteRelative,
            None => LinkKind::DocumentRelative,
        };
        Ok(Link { url, kind })
    }

    /// The URL as a browser would read it (trimmed, without tabs and line breaks).
    pub fn as_str(&self) -> &str {
        &self.url
    }

    pub fn kind(&self) -> LinkKind {
        self.kind
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

/// The scheme of a URL, if the text before its first `/`, `?` or `#` has one.
fn scheme_of(before_path: &str) -> Option<&str> {
    let (scheme, _) = before_path.split_once(':')?;
    let mut chars = scheme.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let is_scheme = starts_with_letter
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then_some(scheme)
}

fn is_hidden_character(c: char) -> bool {
    c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// True when `text` holds something shaped like `&#…`, `&#x…` or `&name;`.
fn has_character_reference(text: &str) -> bool {
    text.match_indices('&').any(|(idx, _)| {
        let rest = &text[idx + 1..];
        rest.starts_with('#')
            || rest.split_once(';').is_some_and(|(name, _)| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric())
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(raw: &str) -> Result<LinkKind, LinkRefusal> {
        Link::parse(raw).map(|link| link.kind())
    }

    #[test]
    fn web_mail_and_relative_links_are_allowed() {
        let cases = [
            ("https://example.org/a?b=1&c=2#d", LinkKind::Web),
            ("http://example.org", LinkKind::Web),
            ("HTTPS://EXAMPLE.ORG", LinkKind::Web),
            ("//cdn.example.org/x.jpg", LinkKind::Web),
            ("mailto:desk@example.org", LinkKind::Mail),
            ("/article/raqqa", LinkKind::SiteRelative),
            ("../images/raqqa.svg", LinkKind::DocumentRelative),
            ("images/a.jpg", LinkKind::DocumentRelative),
            ("#section", LinkKind::DocumentRelative),
            ("?page=2", LinkKind::DocumentRelative),
        ];
        for (raw, expected) in cases {
            assert_eq!(kind(raw), Ok(expected), "{raw:?}");
        }
    }

    #[test]
    fn a_single_colon_path_without_a_valid_scheme_is_relative() {
        assert_eq!(
            kind("./javascript:alert(1)"),
            Ok(LinkKind::DocumentRelative)
        );
        assert_eq!(kind("1javascript:alert(1)"), Ok(LinkKind::DocumentRelative));
    }

    #[test]
    fn script_and_data_schemes_are_refused_in_any_disguise() {
        let cases = [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "  javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "javascript\r:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:image/svg+xml;base64,AAAA",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://example.org/x",
            "javascript://%0Aalert(1)",
        ];
        for raw in cases {
            assert!(Link::parse(raw).is_err(), "{raw:?} should be refused");
        }
    }

    #[test]
    fn refusal_names_the_scheme_in_lower_case() {
        assert_eq!(
            Link::parse(" JaVaScRiPt:alert(1)"),
            Err(LinkRefusal::Scheme("javascript".into()))
        );
    }

    #[test]
    fn character_references_before_the_path_are_refused() {
        for raw in [
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "java&Tab;script:alert(1)",
        ] {
            assert_eq!(
                Link::parse(raw),
                Err(LinkRefusal::CharacterReference),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn ampersands_in_a_query_are_fine() {
        assert!(Link::parse("https://example.org/search?q=a&amp;b").is_ok());
        assert!(Link::parse("search?a=1&b=2").is_ok());
    }

    #[test]
    fn hidden_characters_inside_a_url_are_refused() {
        for raw in [
            "https://exa mple.org",
            "\u{202E}https://example.org",
            "https://example.org/\u{200B}",
            "/article/x\u{7F}",
            "\u{A0}javascript:alert(1)",
        ] {
            assert_eq!(
                Link::parse(raw),
                Err(LinkRefusal::HiddenCharacter),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn backslash_path_is_read_as_protocol_relative() {
        assert_eq!(kind("/\\evil.example/x"), Ok(LinkKind::Web));
        assert_eq!(kind("\\\\evil.example/x"), Ok(LinkKind::Web));
    }

    #[test]
    fn empty_and_blank_links_are_refused() {
        assert_eq!(Link::parse(""), Err(LinkRefusal::Empty));
        assert_eq!(Link::parse(" \t\n "), Err(LinkRefusal::Empty));
    }

    #[test]
    fn tabs_and_spaces_around_are_dropped_from_the_url() {
        assert_eq!(
            Link::parse("  https://exa\tmple.org/ ").map(|l| l.to_string()),
            Ok("https://example.org/".into())
        );
    }
}

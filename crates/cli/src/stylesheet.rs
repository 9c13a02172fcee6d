//! One stylesheet for the whole site. Every `<link rel="stylesheet">` in `<head>` blocks the
//! first paint, and on a slow mobile link each costs a round trip: Trunk writes one per source
//! file, the build joins them (in order, minified) into a single hashed file.

/// A `<link rel="stylesheet">` tag of the page: where it is and the file it names.
#[derive(Debug, PartialEq, Eq)]
pub struct StylesheetLink {
    pub start: usize,
    pub end: usize,
    pub href: String,
}

/// The page's stylesheet links, in document order.
pub fn stylesheet_links(page: &str) -> Vec<StylesheetLink> {
    const OPEN: &str = "<link rel=\"stylesheet\" href=\"";
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(found) = page[from..].find(OPEN) {
        let start = from + found;
        let href_start = start + OPEN.len();
        let (Some(href_len), Some(tag_len)) =
            (page[href_start..].find('"'), page[start..].find('>'))
        else {
            break;
        };
        let end = start + tag_len + 1;
        links.push(StylesheetLink {
            start,
            end,
            href: page[href_start..href_start + href_len].to_owned(),
        });
        from = end;
    }
    links
}

/// The page with its stylesheet links replaced by one link to `href`, where the first was.
pub fn with_one_stylesheet(page: &str, links: &[StylesheetLink], href: &str) -> String {
    let mut joined = String::with_capacity(page.len());
    let mut from = 0;
    for (link_idx, link) in links.iter().enumerate() {
        joined.push_str(page[from..link.start].trim_end_matches([' ', '\n']));
        if link_idx == 0 {
            joined.push_str(&format!(
                "\n  <link rel=\"stylesheet\" href=\"{}\">",
                crate::html::escape(href)
            ));
        }
        from = link.end;
    }
    joined.push_str(&page[from..]);
    joined
}

/// Drops comments and the whitespace CSS does not need, outside strings: line breaks and
/// indentation, and spaces next to `{`, `}`, `;` and `,`. Everything else is kept as written,
/// so no rule changes meaning (`a :hover` keeps its space, `calc(1px + 2px)` its spaces).
pub fn minify(css: &str) -> String {
    let mut minified = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = '\0';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
                pending_space = true;
            }
            '"' | '\'' => {
                flush_space(&mut minified, &mut pending_space, c);
                minified.push(c);
                let mut is_escaped = false;
                for inner in chars.by_ref() {
                    minified.push(inner);
                    if inner == c && !is_escaped {
                        break;
                    }
                    is_escaped = inner == '\\' && !is_escaped;
                }
            }
            c if c.is_whitespace() => pending_space = true,
            c => {
                flush_space(&mut minified, &mut pending_space, c);
                minified.push(c);
            }
        }
    }
    minified
}

/// Writes one pending space before `next` unless either side makes it unneeded.
fn flush_space(minified: &mut String, pending_space: &mut bool, next: char) {
    let is_needed = *pending_space
        && !minified.is_empty()
        && !minified.ends_with(['{', '}', ';', ','])
        && !matches!(next, '{' | '}' | ';' | ',');
    if is_needed {
        minified.push(' ');
    }
    *pending_space = false;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_layout_whitespace_go_and_meaningful_spaces_stay() {
        let css =
            "/* tokens */\n.a :hover,\n.b {\n  margin: 0 auto;\n  width: calc(100% - 2rem);\n}\n";
        assert_eq!(
            minify(css),
            ".a :hover,.b{margin: 0 auto;width: calc(100% - 2rem);}"
        );
    }

    #[test]
    fn strings_are_kept_as_written() {
        let css = ".x::before { content: \"  /* not a comment */ \\\" ; \"; }";
        assert_eq!(
            minify(css),
            ".x::before{content: \"  /* not a comment */ \\\" ; \";}"
        );
    }

    #[test]
    fn every_stylesheet_link_becomes_one_where_the_first_was() {
        let page = "<head>\n  <link rel=\"stylesheet\" href=\"./a-1.css\" integrity=\"x\"/>\n  <link rel=\"stylesheet\" href=\"./b-2.css\"/>\n<script></script></head>";
        let links = stylesheet_links(page);
        assert_eq!(
            links
                .iter()
                .map(|link| link.href.as_str())
                .collect::<Vec<_>>(),
            ["./a-1.css", "./b-2.css"]
        );
        assert_eq!(
            with_one_stylesheet(page, &links, "./style-3.css"),
            "<head>\n  <link rel=\"stylesheet\" href=\"./style-3.css\">\n<script></script></head>"
        );
    }
}

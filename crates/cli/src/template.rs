//! Editing the `index.html` that Trunk built: the base URL, the boot script, the head tags
//! and the prerendered body. Each edit finds a marker Trunk writes and fails with a
//! [`TemplateError`] naming it when the marker is missing.

use news_model::PRERENDERED_ID;

/// A marker the build needs is missing from Trunk's page.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TemplateError {
    #[error("has no {0}")]
    Missing(&'static str),
    #[error("has an unterminated {0}")]
    Unterminated(&'static str),
    #[error("has a {0}")]
    Unexpected(&'static str),
}

/// Points `<base href>` at the site's base path, so relative asset and content URLs work from
/// any page depth.
pub fn set_base(html: &str, base_path: &str) -> Result<String, TemplateError> {
    const BASE: &str = "<base href> (keep <base data-trunk-public-url> in the source)";
    let start = html
        .find("<base href=\"")
        .ok_or(TemplateError::Missing(BASE))?;
    let value_start = start + "<base href=\"".len();
    let value_end = value_start
        + html[value_start..]
            .find('"')
            .ok_or(TemplateError::Unterminated(BASE))?;
    Ok(format!(
        "{}{}{}",
        &html[..value_start],
        crate::html::escape(base_path),
        &html[value_end..]
    ))
}

/// Makes every link and form of the page open in a new tab (`<base target="_blank">`): for
/// widget pages, which live in a frame on someone else's page.
pub fn with_links_in_new_tabs(html: &str) -> String {
    html.replacen("<base href=", "<base target=\"_blank\" href=", 1)
}

/// The `content` of `<meta name="{name}">` as written in the page.
pub fn meta_content(page: &str, name: &str) -> Option<String> {
    let marker = format!("<meta name=\"{name}\" content=\"");
    let start = page.find(&marker)? + marker.len();
    let end = start + page[start..].find('"')?;
    Some(
        page[start..end]
            .replace("&quot;", "\"")
            .replace("&amp;", "&"),
    )
}

/// The value of `attribute` on `<meta name="{name}">`, as written.
pub fn meta_attribute(page: &str, name: &str, attribute: &str) -> Option<String> {
    let (start, end) = meta_tag(page, name)?;
    let marker = format!(" {attribute}=\"");
    let from = start + page[start..end].find(&marker)? + marker.len();
    let to = from + page[from..end].find('"')?;
    Some(page[from..to].replace("&quot;", "\"").replace("&amp;", "&"))
}

/// The page with `attribute` of `<meta name="{name}">` set to `value` (unchanged when the
/// page has no such tag).
pub fn with_meta_attribute(page: &str, name: &str, attribute: &str, value: &str) -> String {
    let Some((start, end)) = meta_tag(page, name) else {
        return page.to_owned();
    };
    let tag = &page[start..end];
    let marker = format!(" {attribute}=\"");
    let tag = match tag.find(&marker) {
        Some(from) => {
            let to = tag[from + marker.len()..]
                .find('"')
                .map_or(tag.len(), |len| from + marker.len() + len + 1);
            format!("{}{}", &tag[..from], &tag[to..])
        }
        None => tag.to_owned(),
    };
    let tag = tag.trim_end_matches('>').trim_end_matches('/').trim_end();
    format!(
        "{}{tag} {attribute}=\"{}\">{}",
        &page[..start],
        crate::html::escape(value),
        &page[end..]
    )
}

/// Where `<meta name="{name}" …>` starts and ends (after its `>`).
fn meta_tag(page: &str, name: &str) -> Option<(usize, usize)> {
    let start = page.find(&format!("<meta name=\"{name}\""))?;
    let end = start + page[start..].find('>')? + 1;
    Some((start, end))
}

/// The page with `<meta name="{name}">` set to `value` (added before `</head>` when the
/// page has no such tag).
pub fn with_meta_content(page: &str, name: &str, value: &str) -> String {
    let value = crate::html::escape(value);
    let marker = format!("<meta name=\"{name}\" content=\"");
    match page.find(&marker) {
        Some(found) => {
            let start = found + marker.len();
            let end = page[start..].find('"').map_or(start, |len| start + len);
            format!("{}{value}{}", &page[..start], &page[end..])
        }
        None => page.replacen(
            "</head>",
            &format!("<meta name=\"{name}\" content=\"{value}\">\n</head>"),
            1,
        ),
    }
}

/// The page with its boot script `boot_file` (see `crate::boot`) at the end of `<head>`: the
/// page's one script element that fetches anything, so a Content Security Policy without
/// `'unsafe-inline'` allows it. A page the app draws by itself keeps it there and starts at
/// once; a prerendered one starts it once its story has painted (see [`story_first`]). Trunk
/// writes no loader of its own (`Trunk.toml`: `pattern_script = ""`); a page that has one was
/// built with another configuration, and is refused rather than given two.
pub fn with_boot_script(html: &str, boot_file: &str) -> Result<String, TemplateError> {
    if html.contains("<script type=\"module\">") {
        return Err(TemplateError::Unexpected(
            "loader of Trunk's own (<script type=\"module\">): keep Trunk.toml's pattern_script = \"\" and run trunk build again",
        ));
    }
    let head_end = html
        .find("</head>")
        .ok_or(TemplateError::Missing("</head>"))?;
    Ok(format!(
        "{}<script type=\"module\" src=\"{}\"></script>\n{}",
        &html[..head_end],
        crate::html::escape(boot_file),
        &html[head_end..]
    ))
}

/// The script that starts the app on a prerendered page, inline at the end of `<body>` (see
/// [`story_first`]). Once the story has loaded and its lead picture has painted (the browser's
/// largest-contentful-paint entry for it; 300 ms after the load event when the picture is not
/// the largest element; 3 s at most), it asks for the page's content document and adds the
/// boot script, which fetches the app's script and wasm: nothing the app needs is fetched,
/// or even evaluated, before the story paints. Its text never depends on the build, so the
/// one hash in the Content Security Policy (see `host_files`) allows it on every site. Written
/// in `story_first_loader.js`, embedded minified (`.ci/minify-scripts.sh`).
pub const STORY_FIRST_LOADER: &str = include_str!("story_first_loader.min.js");

/// The page with its boot script (`<script type="module" src="…">`, written by
/// [`with_boot_script`]) started by [`STORY_FIRST_LOADER`] at the end of `<body>` instead, which
/// finds the loader's file in its `data-loader`.
fn story_first(html: &str) -> Result<String, TemplateError> {
    const OPEN: &str = "<script type=\"module\" src=\"";
    const CLOSE: &str = "</script>";
    const LOADER: &str = "boot script (<script type=\"module\" src=…>)";
    let start = html.find(OPEN).ok_or(TemplateError::Missing(LOADER))?;
    let src_start = start + OPEN.len();
    let src_end = src_start
        + html[src_start..]
            .find('"')
            .ok_or(TemplateError::Unterminated(LOADER))?;
    let end = src_start
        + html[src_start..]
            .find(CLOSE)
            .ok_or(TemplateError::Unterminated(LOADER))?
        + CLOSE.len();
    let src = &html[src_start..src_end];
    let html = format!("{}{}", &html[..start], &html[end..]);
    let body_end = html
        .rfind("</body>")
        .ok_or(TemplateError::Missing("</body>"))?;
    Ok(format!(
        "{}<script data-loader=\"{src}\">{STORY_FIRST_LOADER}</script>\n{}",
        &html[..body_end],
        &html[body_end..]
    ))
}

/// Replaces the title and description and adds `extra` tags at the end of `<head>`.
pub fn set_head(
    html: &str,
    title: &str,
    description: &str,
    extra: &str,
) -> Result<String, TemplateError> {
    let escape = crate::html::escape;
    let html = replace_between(html, "<title>", "</title>", &escape(title))?;
    let html = replace_between(
        &html,
        "<meta name=\"description\" content=\"",
        "\"",
        &escape(description),
    )?;
    let head_end = html
        .find("</head>")
        .ok_or(TemplateError::Missing("</head>"))?;
    Ok(format!(
        "{}{extra}\n{}",
        &html[..head_end],
        &html[head_end..]
    ))
}

/// What the element holding a prerendered page tells the app and its loader.
pub struct Prerendered<'a> {
    /// The route it shows, as `Route::path` writes it: the app keeps the page only on that
    /// route (a host may answer any address with the home page).
    pub route: &'a str,
    /// When it was built (RFC 3339), named when the app cannot load anything newer.
    pub built: &'a str,
    /// The page's content document as the page's settings write it (relative to its base):
    /// [`STORY_FIRST_LOADER`] asks for it once the story has painted, alongside the app's
    /// script, and the app is handed that answer when it asks for the same URL.
    pub content: Option<&'a str>,
}

/// Puts the prerendered page at the start of `<body>`, in the element the app replaces (see
/// [`Prerendered`]), and lets the story load and paint before the app (see [`story_first`]).
pub fn set_body(html: &str, body: &str, page: &Prerendered) -> Result<String, TemplateError> {
    let escape = crate::html::escape;
    let content = page
        .content
        .map(|content| format!(" data-content=\"{}\"", escape(content)))
        .unwrap_or_default();
    insert_at_body_start(
        &story_first(html)?,
        &format!(
            "<div id=\"{PRERENDERED_ID}\" data-route=\"{}\" data-built=\"{}\"{content}>{body}</div>",
            escape(page.route),
            escape(page.built)
        ),
    )
}

/// Removes the `<noscript>` note of the bare app page.
pub fn without_noscript(html: &str) -> String {
    match (html.find("<noscript>"), html.find("</noscript>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &html[..start], &html[end + "</noscript>".len()..])
        }
        _ => html.to_owned(),
    }
}

/// The page with the value of its `data-built` attribute (see [`set_body`]) left out, to tell
/// whether two builds of a page differ in anything else.
pub fn without_build_time(html: &str) -> String {
    const ATTRIBUTE: &str = " data-built=\"";
    let Some(start) = html.find(ATTRIBUTE) else {
        return html.to_owned();
    };
    let value_start = start + ATTRIBUTE.len();
    match html[value_start..].find('"') {
        Some(length) => format!("{}{}", &html[..value_start], &html[value_start + length..]),
        None => html.to_owned(),
    }
}

/// Puts `body` at the start of `<body>` for readers without the app only: hidden, and shown by
/// [`NOSCRIPT_STYLESHEET`] when scripts are off, or by [`STORY_FIRST_LOADER`] when the browser
/// cannot run the app. The app, which draws this page itself, starts at once and removes it.
/// (A `<main>` may not stand inside `<noscript>`, so the page cannot simply be wrapped in one.)
pub fn set_fallback_body(html: &str, body: &str) -> Result<String, TemplateError> {
    insert_at_body_start(
        &story_first(html)?,
        &format!("<div id=\"{PRERENDERED_ID}\" data-route=\"not-found\" hidden>{body}</div>"),
    )
}

/// Links `stylesheet` (the file of [`NOSCRIPT_STYLESHEET`]) inside `<noscript>` at the end of
/// `<head>`, so only a browser without scripts loads it.
pub fn with_noscript_stylesheet(html: &str, stylesheet: &str) -> Result<String, TemplateError> {
    let head_end = html
        .find("</head>")
        .ok_or(TemplateError::Missing("</head>"))?;
    Ok(format!(
        "{}<noscript><link rel=\"stylesheet\" href=\"{}\"></noscript>\n{}",
        &html[..head_end],
        crate::html::escape(stylesheet),
        &html[head_end..]
    ))
}

/// What a browser without scripts shows that the others keep hidden: the 404 page's own page
/// (see [`set_fallback_body`]) and the notes that say what needs the app (`data-needs-app`,
/// written by `news_views`' `NeedsAppNote`).
pub const NOSCRIPT_STYLESHEET: &str =
    "#prerendered[hidden], [data-needs-app][hidden] { display: block; }\n";

fn insert_at_body_start(html: &str, snippet: &str) -> Result<String, TemplateError> {
    let body_start = html
        .find("<body>")
        .ok_or(TemplateError::Missing("<body>"))?
        + "<body>".len();
    Ok(format!(
        "{}\n{snippet}{}",
        &html[..body_start],
        &html[body_start..]
    ))
}

fn replace_between(
    html: &str,
    open: &'static str,
    close: &str,
    value: &str,
) -> Result<String, TemplateError> {
    let start = html.find(open).ok_or(TemplateError::Missing(open))? + open.len();
    let end = start
        + html[start..]
            .find(close)
            .ok_or(TemplateError::Unterminated(open))?;
    Ok(format!("{}{value}{}", &html[..start], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><base href=\"./\"><title>News Blog</title><meta name=\"description\" content=\"old\">\n</head><body><noscript>x</noscript></body></html>";

    #[test]
    fn the_loader_finds_the_prerendered_copy_by_the_id_the_build_writes() {
        // The loader's text is fixed (its hash is in the CSP), so it spells the id itself.
        assert!(
            STORY_FIRST_LOADER.contains(&format!("getElementById(\"{PRERENDERED_ID}\")")),
            "{STORY_FIRST_LOADER}"
        );
    }

    #[test]
    fn a_setting_is_replaced_or_added_and_escaped() {
        let page = with_meta_content(PAGE, "description", "new \"one\" & more");
        assert!(
            page.contains("<meta name=\"description\" content=\"new &quot;one&quot; &amp; more\">")
        );
        assert_eq!(
            meta_content(&page, "description").as_deref(),
            Some("new \"one\" & more")
        );
        let page = with_meta_content(&page, "news-blog-source", "ghost");
        assert!(page.contains("<meta name=\"news-blog-source\" content=\"ghost\">\n</head>"));
    }

    #[test]
    fn base_href_is_replaced() {
        assert!(set_base(PAGE, "/news/")
            .unwrap()
            .contains("<base href=\"/news/\">"));
    }

    #[test]
    fn the_boot_script_ends_the_head() {
        let page = with_boot_script(PAGE, "boot-1.js").unwrap();
        assert!(page.contains("<script type=\"module\" src=\"boot-1.js\"></script>\n</head>"));
    }

    #[test]
    fn a_page_with_a_loader_of_trunks_own_is_refused_with_what_to_do() {
        let trunk_loader = PAGE.replace(
            "</head>",
            "<script type=\"module\">\nimport init from './news_blog-1.js';\n</script></head>",
        );
        let error = with_boot_script(&trunk_loader, "boot-1.js").unwrap_err();
        assert!(
            error.to_string().contains("pattern_script = \"\""),
            "{error}"
        );
    }

    #[test]
    fn a_prerendered_page_starts_its_loader_only_from_the_end_of_its_body() {
        let page = with_boot_script(PAGE, "boot-1.js").unwrap();
        let prerendered = Prerendered {
            route: "",
            built: "2026-12-01T00:00:00Z",
            content: None,
        };
        let page = set_body(&page, "<main>hi</main>", &prerendered).unwrap();
        assert!(!page.contains("<script type=\"module\""), "{page}");
        assert!(page.ends_with(&format!(
            "<noscript>x</noscript><script data-loader=\"boot-1.js\">{STORY_FIRST_LOADER}</script>\n</body></html>"
        )));
        // A page without its boot script is reported, not written without its app.
        assert_eq!(
            set_body("<body></body>", "", &prerendered),
            Err(TemplateError::Missing(
                "boot script (<script type=\"module\" src=…>)"
            ))
        );
    }

    #[test]
    fn head_and_body_are_filled_with_escaped_text() {
        let page = with_boot_script(PAGE, "boot-1.js").unwrap();
        let page = set_head(
            &page,
            "A <b> title",
            "desc \"quoted\"",
            "<link rel=\"canonical\" href=\"x\">",
        )
        .unwrap();
        assert!(page.contains("<title>A &lt;b&gt; title</title>"));
        assert!(page.contains("content=\"desc &quot;quoted&quot;\""));
        assert!(page.contains("<link rel=\"canonical\" href=\"x\">\n</head>"));
        let mut prerendered = Prerendered {
            route: "article/a",
            built: "2026-12-01T00:00:00Z",
            content: None,
        };
        let bare = set_body(&page, "<main>hi</main>", &prerendered).unwrap();
        assert!(bare.contains("<body>\n<div id=\"prerendered\" data-route=\"article/a\" data-built=\"2026-12-01T00:00:00Z\"><main>hi</main></div><noscript>"));
        prerendered.content = Some("content/articles/a.json?x=\"1\"&y");
        let with_content = set_body(&page, "<main>hi</main>", &prerendered).unwrap();
        assert!(with_content.contains(" data-built=\"2026-12-01T00:00:00Z\" data-content=\"content/articles/a.json?x=&quot;1&quot;&amp;y\"><main>"));
    }
}

//! Trunk's page made the template of every page: read, the boot script added, the stylesheets
//! joined, the source's and the language's settings written.

use std::path::Path;

use news_model::sources::ContentSource;
use news_model::{
    page_links_to_json, LanguageTag, PageLink, FOOTER_PAGES_META, LANGUAGE_META, SITE_NAME_META,
    SOURCE_KEY_META, SOURCE_META, SOURCE_URL_META,
};
use news_views::components::needs_app_note::PublisherSearch;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use url::Url;

use crate::boot::{self, AppBuilds};
use crate::files::{read_text, write, FileError};
use crate::manifest::fingerprint;
use crate::stylesheet;
use crate::template::{self};

use super::{BuildError, ImportedSource, Step};

/// Trunk's page. A second build starts again from the copy the first kept as `spa.html`.
pub(super) fn read_trunk_page(dist: &Path) -> Result<String, BuildError> {
    let file_error = |source| BuildError::File {
        step: Step::ReadPage,
        source,
    };
    let page = read_text(&dist.join("index.html")).map_err(file_error)?;
    let spa_copy = dist.join("spa.html");
    if page.contains("id=\"prerendered\"") {
        read_text(&spa_copy).map_err(file_error)
    } else {
        write(&spa_copy, &page).map_err(file_error)?;
        Ok(page)
    }
}

/// Sets the base path, names the app's builds by their content and writes the boot script
/// (see [`boot`]) as `boot-<hash>.js`, the page's one loader of modules; a prerendered page adds
/// it only once its story has painted (see [`template::STORY_FIRST_LOADER`]). Returns the page
/// and the app's builds.
pub(super) fn with_boot_script(
    dist: &Path,
    trunk_page: &str,
    base_url: &Url,
) -> Result<(String, AppBuilds), BuildError> {
    let template_error = |source| BuildError::Template {
        step: Step::BootScript,
        path: dist.join("index.html"),
        source,
    };
    let page = template::set_base(trunk_page, base_url.path()).map_err(template_error)?;
    let builds = boot::app_builds(dist).map_err(|source| BuildError::Boot {
        step: Step::BootScript,
        source,
    })?;
    let boot_file = write_named(dist, "boot", "js", &boot::script(&builds)).map_err(|source| {
        BuildError::File {
            step: Step::BootScript,
            source,
        }
    })?;
    let page = template::with_boot_script(&page, &boot_file).map_err(template_error)?;
    Ok((page, builds))
}

/// Joins the page's stylesheets, in order and minified, into one `style-<hash>.css`, so the
/// story waits for one stylesheet request before it paints, not one per source file.
pub(super) fn join_stylesheets(dist: &Path, page: &str) -> Result<String, BuildError> {
    let links = stylesheet::stylesheet_links(page);
    if links.is_empty() {
        return Ok(page.to_owned());
    }
    let mut joined = String::new();
    for link in &links {
        let path = dist.join(link.href.trim_start_matches("./"));
        let css = read_text(&path).map_err(|source| BuildError::File {
            step: Step::Stylesheet,
            source,
        })?;
        joined.push_str(&stylesheet::minify(&css));
        joined.push('\n');
    }
    let file = write_named(dist, "style", "css", &joined).map_err(|source| BuildError::File {
        step: Step::Stylesheet,
        source,
    })?;
    Ok(stylesheet::with_one_stylesheet(
        page,
        &links,
        &format!("./{file}"),
    ))
}

/// Writes the stylesheet that shows what readers without scripts alone see (see
/// [`template::NOSCRIPT_STYLESHEET`]) and links it from every page.
pub(super) fn with_noscript_stylesheet(dist: &Path, page: &str) -> Result<String, BuildError> {
    let css = template::NOSCRIPT_STYLESHEET;
    let file = write_named(dist, "noscript", "css", css).map_err(|source| BuildError::File {
        step: Step::Stylesheet,
        source,
    })?;
    template::with_noscript_stylesheet(page, &format!("./{file}")).map_err(|source| {
        BuildError::Template {
            step: Step::Stylesheet,
            path: dist.join("index.html"),
            source,
        }
    })
}

/// The files this step writes for every page, each named by its content as
/// `{prefix}-<16 hex digits>.{extension}`: the boot script and the two stylesheets.
pub(super) const EVERY_PAGES_FILES: [(&str, &str); 3] =
    [("boot", "js"), ("style", "css"), ("noscript", "css")];

/// Writes `text` in `dist` as `{prefix}-<hash>.{extension}` (one of [`EVERY_PAGES_FILES`]),
/// named by its content so hosts can cache it forever. Returns the file's name. Those an
/// earlier build wrote go once every page names this one (`prune::remove_earlier_page_files`).
fn write_named(
    dist: &Path,
    prefix: &str,
    extension: &str,
    text: &str,
) -> Result<String, FileError> {
    let file = format!(
        "{prefix}-{:016x}.{extension}",
        fingerprint([text.as_bytes()])
    );
    write(&dist.join(&file), text)?;
    Ok(file)
}

/// Whether `name` is one of the files named like [`write_named`]'s for `prefix` and `extension`.
pub(super) fn is_named(name: &str, prefix: &str, extension: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('-'))
        .and_then(|rest| rest.strip_suffix(extension))
        .and_then(|rest| rest.strip_suffix('.'))
        .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|byte| byte.is_ascii_hexdigit()))
}

/// The page naming the source and its site in its settings.
pub(super) fn with_source_settings(page: &str, imported: &ImportedSource) -> String {
    let source = &imported.source;
    let page = template::with_meta_content(page, SITE_NAME_META, &imported.site_name);
    let key = match source {
        ContentSource::Ghost { key, .. } => key.as_str(),
        _ => "",
    };
    let page = template::with_meta_content(&page, SOURCE_META, source.kind_name());
    let page = template::with_meta_content(&page, SOURCE_URL_META, source.address().unwrap_or(""));
    template::with_meta_content(&page, SOURCE_KEY_META, key)
}

/// The page with the content's language as the site's when the page's setting is empty or
/// missing: the setting decides, else the source (its index's `language`), else English.
pub(super) fn with_content_language(page: &str, language: Option<&LanguageTag>) -> String {
    let is_set = template::meta_content(page, LANGUAGE_META)
        .is_some_and(|setting| !setting.trim().is_empty());
    match language {
        Some(language) if !is_set => {
            template::with_meta_content(page, LANGUAGE_META, language.as_str())
        }
        _ => page.to_owned(),
    }
}

/// The page with the footer's site pages set to `pages` (the index's), unless the host set
/// them in the page already.
pub(super) fn with_footer_pages(page: &str, pages: &[PageLink]) -> String {
    let is_set = template::meta_content(page, FOOTER_PAGES_META)
        .is_some_and(|setting| !setting.trim().is_empty());
    if is_set || pages.is_empty() {
        return page.to_owned();
    }
    let setting = page_links_to_json(pages).to_string();
    template::with_meta_content(page, FOOTER_PAGES_META, &setting)
}

/// The publisher's own search page, named after its site.
pub(super) fn publisher_search(imported: &ImportedSource) -> Option<PublisherSearch> {
    let page = imported.source.search_page()?;
    Some(PublisherSearch {
        site_name: imported.site_name.clone(),
        action: page.action,
        field: page.field,
    })
}

pub(super) fn site_base_url(site_url: &str) -> Result<Url, BuildError> {
    let refuse = |reason: String| BuildError::SiteUrl {
        url: site_url.to_owned(),
        reason,
    };
    let mut url = Url::parse(site_url).map_err(|error| refuse(format!("is not a URL: {error}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse("must be an http or https URL".to_owned()));
    }
    if !url.path().ends_with('/') {
        url.set_path(&format!("{}/", url.path()));
    }
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

/// Now, or `SOURCE_DATE_EPOCH` (seconds since 1970) when set, so a build can be reproduced
/// byte for byte (<https://reproducible-builds.org/specs/source-date-epoch/>).
pub(super) fn build_time() -> Result<String, BuildError> {
    let refuse = |reason: String| BuildError::BuildTime { reason };
    let time = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(seconds) => {
            let seconds = seconds
                .trim()
                .parse::<i64>()
                .map_err(|error| refuse(format!("SOURCE_DATE_EPOCH {seconds:?}: {error}")))?;
            OffsetDateTime::from_unix_timestamp(seconds)
                .map_err(|error| refuse(format!("SOURCE_DATE_EPOCH {seconds}: {error}")))?
        }
        Err(_) => OffsetDateTime::now_utc(),
    };
    time.replace_nanosecond(0)
        .ok()
        .and_then(|time| time.format(&Rfc3339).ok())
        .ok_or_else(|| refuse(format!("{time} cannot be written as RFC 3339")))
}

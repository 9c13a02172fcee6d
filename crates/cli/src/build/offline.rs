//! Reading offline and installing the site: the offline worker (`sw.js`, from the template
//! `crates/cli/src/sw.js`) and the web app manifest (`manifest.webmanifest`), both at the
//! site's base, and the manifest's link in every page. The boot script registers the worker
//! once the page has loaded (see `crates/cli/src/boot.js`).

use news_model::{StoryOutput, LANGUAGE_META, SAVED_HEADER, SAVED_STORIES_HEADER, SOURCE_META};
use serde_json::{json, Value};

use crate::boot::AppBuilds;
use crate::files::write;
use crate::manifest::fingerprint;

use super::{BuildError, Context, Step};

/// The worker's file, at the site's base: its scope is the whole site.
pub const WORKER_FILE: &str = "sw.js";
/// The web app manifest's file, at the site's base.
pub const MANIFEST_FILE: &str = "manifest.webmanifest";

/// How much a reader's device keeps of what they opened: the last 50 stories and 20 other
/// pages (the home, sections, tags), 50 MB at most; the one opened longest ago goes first.
const KEEP_STORIES: u32 = 50;
const KEEP_PAGES: u32 = 20;
const KEEP_BYTES: u64 = 50 * 1024 * 1024;

const WORKER_TEMPLATE: &str = include_str!("../sw.js");

/// The page with its link to the web app manifest, before `</head>`. Relative, so it follows
/// the page's `<base href>` to the site's base.
pub(super) fn with_manifest_link(page: &str) -> String {
    page.replacen(
        "</head>",
        &format!("<link rel=\"manifest\" href=\"{MANIFEST_FILE}\">\n</head>"),
        1,
    )
}

/// Writes `sw.js` and `manifest.webmanifest` for the site built from `context.page`.
pub(super) fn write_offline_files(context: &Context, builds: &AppBuilds) -> Result<(), BuildError> {
    let file_error = |source| BuildError::File {
        step: Step::Offline,
        source,
    };
    let png_icons = write_png_icons(context)?;
    let mut precache = precache_list(&context.page, builds);
    precache.extend(png_icons.iter().map(|(_, file)| file.clone()));
    precache.sort();
    write(
        &context.dist.join(WORKER_FILE),
        worker_script(&precache, &context.page),
    )
    .map_err(file_error)?;
    let locale = context.words.locale();
    let manifest = web_manifest(&ManifestFacts {
        name: &context.site.name,
        description: context.index.description.as_deref(),
        lang: &locale.html_lang(),
        is_rtl: locale.direction() == news_i18n::Direction::Rtl,
        page: &context.page,
        png_icons: &png_icons,
    });
    let text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    write(&context.dist.join(MANIFEST_FILE), text).map_err(file_error)
}

/// The site's SVG icon drawn as PNG at the sizes an installed web app needs (see
/// [`super::app_icons`]), written beside it as `icon-{size}-{hash}.png`: their sizes and
/// names. None, with a warning, when the icon is not an SVG the build can draw.
fn write_png_icons(context: &Context) -> Result<Vec<(u32, String)>, BuildError> {
    let head = context
        .page
        .split("</head>")
        .next()
        .unwrap_or(&context.page);
    let Some(icon) = icon_file(head).filter(|icon| icon.ends_with(".svg")) else {
        return Ok(Vec::new());
    };
    let drawn = std::fs::read(context.dist.join(&icon))
        .map_err(|error| error.to_string())
        .and_then(|svg| super::app_icons::png_icons(&svg));
    let icons = match drawn {
        Ok(icons) => icons,
        Err(reason) => {
            eprintln!(
                "warning: the site's icon {icon} could not be drawn as PNG ({reason}): browsers that ask for a PNG icon will not offer to install the site"
            );
            return Ok(Vec::new());
        }
    };
    icons
        .into_iter()
        .map(|(size, png)| {
            let file = format!("icon-{size}-{:016x}.png", fingerprint([png.as_slice()]));
            write(&context.dist.join(&file), &png).map_err(|source| BuildError::File {
                step: Step::Offline,
                source,
            })?;
            Ok((size, file))
        })
        .collect()
}

/// What the worker keeps at install, relative to the base: the home page, `404.html` (where
/// the app draws a page the device has no copy of), every file the page template names (the
/// stylesheets, the boot script, the icon, the manifest), the build of the app the page's
/// source setting starts and the compiled catalogs. Not the widget pages, the search page's
/// module or the search index: a reader who never searches never needs them.
pub fn precache_list(page: &str, builds: &AppBuilds) -> Vec<String> {
    let head = page.split("</head>").next().unwrap_or(page);
    let source = crate::template::meta_content(page, SOURCE_META).unwrap_or_default();
    let app = if source.trim().is_empty() || source.trim().eq_ignore_ascii_case("json") {
        &builds.json
    } else {
        &builds.live
    };
    let catalogs =
        crate::template::meta_attribute(page, LANGUAGE_META, "data-catalogs").unwrap_or_default();
    let mut list: Vec<String> = ["./", "404.html"]
        .into_iter()
        .map(str::to_owned)
        .chain(
            ["href=\"", "src=\"", "data-loader=\""]
                .into_iter()
                .flat_map(|marker| attribute_values(head, marker)),
        )
        .chain([app.script.clone(), app.wasm.clone()])
        .chain(
            catalogs
                .split_whitespace()
                .filter_map(|pair| pair.split_once('=').map(|(_, file)| file.to_owned())),
        )
        .filter_map(|address: String| site_file(&address))
        .collect();
    list.sort();
    list.dedup();
    list
}

/// A relative address of a file of the site, without its `./`; `None` for another site's, an
/// absolute path or a fragment.
fn site_file(address: &str) -> Option<String> {
    let address = address.trim();
    if address == "./" {
        return Some(address.to_owned());
    }
    let file = address.strip_prefix("./").unwrap_or(address);
    let is_relative_file = !file.is_empty()
        && !file.starts_with(['/', '#', '?'])
        && !file.contains(':')
        && !file.ends_with('/');
    is_relative_file.then(|| file.to_owned())
}

/// Every value of `marker` (`href="`) in `html`, in order.
fn attribute_values<'a>(html: &'a str, marker: &'a str) -> impl Iterator<Item = String> + 'a {
    html.match_indices(marker).filter_map(move |(at, _)| {
        let from = at + marker.len();
        let len = html[from..].find('"')?;
        Some(html[from..from + len].replace("&amp;", "&"))
    })
}

/// The worker, with its precache list and limits filled in, and versioned by them and the
/// page template: a build that changes the app, the pages' shape or the worker is a new one.
pub fn worker_script(precache: &[String], page: &str) -> String {
    let list = Value::from(precache.to_vec()).to_string();
    let version = format!(
        "{:016x}",
        fingerprint([
            WORKER_TEMPLATE.as_bytes(),
            list.as_bytes(),
            crate::template::without_build_time(page).as_bytes(),
        ])
    );
    let keep = json!({ "stories": KEEP_STORIES, "pages": KEEP_PAGES, "bytes": KEEP_BYTES });
    WORKER_TEMPLATE
        .replacen("NEWS_BLOG_VERSION", &version, 1)
        .replacen("NEWS_BLOG_PRECACHE", &list, 1)
        .replacen("NEWS_BLOG_KEEP", &keep.to_string(), 1)
        .replacen("NEWS_BLOG_STORY_FOLDER", &StoryOutput::Page.folder(), 1)
        .replacen("NEWS_BLOG_SAVED_HEADER", SAVED_HEADER, 1)
        .replacen("NEWS_BLOG_SAVED_STORIES_HEADER", SAVED_STORIES_HEADER, 1)
        .replacen(
            "NEWS_BLOG_WIDGET_FOLDER",
            &StoryOutput::WidgetPage.folder(),
            1,
        )
}

/// What the web app manifest says of the site.
pub struct ManifestFacts<'a> {
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub lang: &'a str,
    pub is_rtl: bool,
    /// The page template: its icon and theme colours.
    pub page: &'a str,
    /// The icon drawn as PNG: each one's size and file.
    pub png_icons: &'a [(u32, String)],
}

/// The web app manifest: the site's name (and a short name for under an icon), its language,
/// the base as start and scope (relative addresses: they resolve against the manifest's own,
/// at the base), a window of its own, the page's theme colour and its icon.
pub fn web_manifest(facts: &ManifestFacts) -> Value {
    let head = facts.page.split("</head>").next().unwrap_or(facts.page);
    let light = theme_color(head, "light").unwrap_or_else(|| "#ffffff".to_owned());
    let mut manifest = json!({
        "name": facts.name,
        "short_name": short_name(facts.name),
        "lang": facts.lang,
        "dir": if facts.is_rtl { "rtl" } else { "ltr" },
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": light,
        "background_color": light,
        "icons": icons(head, facts.png_icons),
    });
    if let (Some(description), Some(fields)) = (facts.description, manifest.as_object_mut()) {
        fields.insert("description".to_owned(), Value::from(description));
    }
    manifest
}

/// The page's icon (`<link rel="icon">`) as the manifest's, at any size when it is an SVG,
/// and its drawings as PNG at theirs.
fn icons(head: &str, png_icons: &[(u32, String)]) -> Vec<Value> {
    let page_icon = icon_file(head).map(|src| {
        if src.ends_with(".svg") {
            json!({ "src": src, "sizes": "any", "type": "image/svg+xml", "purpose": "any" })
        } else {
            json!({ "src": src })
        }
    });
    let drawn = png_icons.iter().map(|(size, file)| {
        json!({ "src": file, "sizes": format!("{size}x{size}"), "type": "image/png", "purpose": "any" })
    });
    page_icon.into_iter().chain(drawn).collect()
}

/// The file of the page's icon (`<link rel="icon">`), relative to the base.
fn icon_file(head: &str) -> Option<String> {
    let at = head.find("rel=\"icon\"")?;
    let tag_start = head[..at].rfind('<').unwrap_or(at);
    let tag_end = at + head[at..].find('>').unwrap_or(0);
    let tag = &head[tag_start..tag_end];
    attribute_values(tag, "href=\"")
        .next()
        .and_then(|href| site_file(&href))
}

/// The `content` of `<meta name="theme-color">` for `scheme` (`light` or `dark`), or of one
/// without a media query.
fn theme_color(head: &str, scheme: &str) -> Option<String> {
    let media = format!("(prefers-color-scheme: {scheme})");
    head.match_indices("<meta name=\"theme-color\"")
        .filter_map(|(at, _)| {
            let tag = &head[at..at + head[at..].find('>')?];
            let content = attribute_values(tag, "content=\"").next()?;
            let tag_media = attribute_values(tag, "media=\"").next();
            match tag_media {
                Some(tag_media) if tag_media == media => Some((0, content)),
                None => Some((1, content)),
                Some(_) => None,
            }
        })
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, content)| content)
}

/// A name short enough for under an icon (12 characters, which launchers show whole): the
/// name, or as many of its first words as fit, or its first 12 characters.
fn short_name(name: &str) -> String {
    const FITS: usize = 12;
    let mut short = String::new();
    for word in name.split_whitespace() {
        let longer = if short.is_empty() {
            word.to_owned()
        } else {
            format!("{short} {word}")
        };
        if longer.chars().count() > FITS {
            break;
        }
        short = longer;
    }
    if short.is_empty() {
        name.trim().chars().take(FITS).collect()
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boot::AppFiles;

    const PAGE: &str = r##"<!DOCTYPE html><html><head><base href="/news/">
<meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="#121212" media="(prefers-color-scheme: dark)">
<meta name="news-blog-source" content="SOURCE">
<meta name="news-blog-language" content="" data-catalogs="ar=i18n/ar-49dc2575f2ceb90f.txt de=i18n/de-c771c09b1e288c8b.txt">
<link rel="icon" href="./favicon-868c23b88c268030.svg"/>
<link rel="stylesheet" href="./style-c8f14a9f680021b2.css">
<noscript><link rel="stylesheet" href="./noscript-95eeaa525ac85177.css"></noscript>
<link rel="canonical" href="https://example.org/news/">
<link rel="alternate" type="application/rss+xml" href="https://example.org/news/rss.xml">
<script type="module" src="boot-2b087279d709b52e.js"></script>
</head><body><a href="./article/a">a story</a><img src="content/images/a.jpg"></body></html>"##;

    fn builds() -> AppBuilds {
        AppBuilds {
            json: AppFiles {
                script: "news_blog-1.js".into(),
                wasm: "news_blog-1_bg.wasm".into(),
            },
            live: AppFiles {
                script: "news_blog_live-2.js".into(),
                wasm: "news_blog_live-2_bg.wasm".into(),
            },
            search: AppFiles {
                script: "news_search-3.js".into(),
                wasm: "news_search-3_bg.wasm".into(),
            },
        }
    }

    #[test]
    fn the_worker_keeps_the_app_the_home_and_404_at_install_and_nothing_of_a_story() {
        let page = with_manifest_link(&PAGE.replace("SOURCE", "json"));
        assert_eq!(
            precache_list(&page, &builds()),
            [
                "./",
                "404.html",
                "boot-2b087279d709b52e.js",
                "favicon-868c23b88c268030.svg",
                "i18n/ar-49dc2575f2ceb90f.txt",
                "i18n/de-c771c09b1e288c8b.txt",
                "manifest.webmanifest",
                "news_blog-1.js",
                "news_blog-1_bg.wasm",
                "noscript-95eeaa525ac85177.css",
                "style-c8f14a9f680021b2.css",
            ]
        );
    }

    #[test]
    fn a_site_reading_a_source_keeps_the_build_that_reads_it() {
        let list = precache_list(&PAGE.replace("SOURCE", "wordpress"), &builds());
        assert!(
            list.contains(&"news_blog_live-2_bg.wasm".to_owned()),
            "{list:?}"
        );
        assert!(
            !list.contains(&"news_blog-1_bg.wasm".to_owned()),
            "{list:?}"
        );
    }

    #[test]
    fn the_worker_is_filled_in_and_a_new_app_is_a_new_worker() {
        let page = PAGE.replace("SOURCE", "json");
        let list = precache_list(&page, &builds());
        let worker = worker_script(&list, &page);
        assert!(
            !worker.contains("NEWS_BLOG_"),
            "every placeholder is filled in"
        );
        assert!(worker.contains("const PRECACHE = [\"./\",\"404.html\","));
        assert!(worker.contains("const STORY_FOLDER = 'article/';"));
        assert!(worker.contains("headers.set('news-blog-saved', "));
        assert!(worker.contains("headers.set('news-blog-stories', "));
        assert!(worker.contains("const WIDGET_FOLDER = 'embed/article/';"));
        assert!(worker.contains(r#"const KEEP = {"bytes":52428800,"pages":20,"stories":50};"#));
        // The same build writes the same worker; another app, another.
        assert_eq!(worker_script(&list, &page), worker);
        let mut other = list.clone();
        other.push("news_blog-3_bg.wasm".to_owned());
        let version = |script: &str| {
            script
                .lines()
                .find(|line| line.starts_with("const VERSION"))
                .map(str::to_owned)
        };
        assert_ne!(version(&worker_script(&other, &page)), version(&worker));
    }

    #[test]
    fn the_worker_is_at_most_5_kb_brotli() {
        // Every reader's browser fetches it again on each new build; issue 29's limit.
        let page = PAGE.replace("SOURCE", "json");
        let worker = worker_script(&precache_list(&page, &builds()), &page);
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            ..Default::default()
        };
        let mut compressed = Vec::new();
        brotli::BrotliCompress(&mut worker.as_bytes(), &mut compressed, &params)
            .expect("brotli writes to memory");
        assert!(compressed.len() <= 5 * 1024, "{} bytes", compressed.len());
    }

    #[test]
    fn the_manifest_starts_at_the_base_with_the_sites_name_colour_and_icon() {
        let page = PAGE.replace("SOURCE", "json");
        let manifest = web_manifest(&ManifestFacts {
            name: "The Northern Herald Online",
            description: Some("News from the north"),
            lang: "ar",
            is_rtl: true,
            page: &page,
            png_icons: &[(192, "icon-192-0123456789abcdef.png".to_owned())],
        });
        assert_eq!(
            manifest,
            json!({
                "name": "The Northern Herald Online",
                "short_name": "The Northern",
                "description": "News from the north",
                "lang": "ar",
                "dir": "rtl",
                "id": "./",
                "start_url": "./",
                "scope": "./",
                "display": "standalone",
                "theme_color": "#ffffff",
                "background_color": "#ffffff",
                "icons": [{
                    "src": "favicon-868c23b88c268030.svg",
                    "sizes": "any",
                    "type": "image/svg+xml",
                    "purpose": "any"
                }, {
                    "src": "icon-192-0123456789abcdef.png",
                    "sizes": "192x192",
                    "type": "image/png",
                    "purpose": "any"
                }],
            })
        );
        assert_eq!(short_name("News Blog"), "News Blog");
        assert_eq!(short_name("Sprawozdania"), "Sprawozdania");
        assert_eq!(short_name("Nachrichtenblatt"), "Nachrichtenb");
        assert_eq!(short_name("أخبار الشمال"), "أخبار الشمال");
        assert_eq!(theme_color(&page, "dark").as_deref(), Some("#121212"));
    }
}

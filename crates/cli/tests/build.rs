//! `news-blog build` on the bundled sample content: every output parses with a real parser and
//! says what a crawler, a feed reader or a static host needs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;
use common::{unbuilt_dist, Dist, TRUNK_PAGE};
use time::format_description::well_known::{Rfc2822, Rfc3339};
use time::OffsetDateTime;

const SITE: &str = "https://example.org/news/";

/// A dist folder with Trunk's page and the sample content, built for [`SITE`].
fn built_dist() -> Dist {
    built_dist_of(TRUNK_PAGE, "public/content")
}

/// A dist folder with `page` as Trunk's and the content folder `content` (from the project's
/// root), built for [`SITE`].
fn built_dist_of(page: &str, content: &str) -> Dist {
    let dist = unbuilt_dist("news-blog-build", page, content);
    let output = run_build(&dist.0, SITE);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    dist
}

fn run_build(dist: &Path, site: &str) -> std::process::Output {
    run_build_at(dist, site, "1764547200")
}

/// Builds as if at `epoch` (seconds since 1970).
fn run_build_at(dist: &Path, site: &str, epoch: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_news-blog"))
        .env("SOURCE_DATE_EPOCH", epoch)
        .arg("build")
        .arg(dist)
        .arg("--site-url")
        .arg(site)
        .arg("--pagefind")
        .arg(pagefind())
        .output()
        .expect("runs")
}

/// The Pagefind the project installs (`.ci/install-tools.sh`).
fn pagefind() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/e2e/node_modules/.bin/pagefind")
}

fn read(dist: &Dist, relative: &str) -> String {
    fs::read_to_string(dist.0.join(relative)).unwrap_or_else(|error| panic!("{relative}: {error}"))
}

fn sample_slugs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content/articles");
    let mut slugs: Vec<String> = fs::read_dir(dir)
        .expect("samples")
        .filter_map(Result::ok)
        .filter_map(|entry| {
            entry
                .path()
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
        })
        .collect();
    slugs.sort();
    slugs
}

fn json_ld(page: &str) -> Value {
    let start = page
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD block")
        + "<script type=\"application/ld+json\">".len();
    let end = start + page[start..].find("</script>").expect("closed");
    serde_json::from_str(&page[start..end]).expect("JSON-LD parses")
}

fn meta<'a>(page: &'a str, attribute: &str, name: &str) -> &'a str {
    let marker = format!("<meta {attribute}=\"{name}\" content=\"");
    let start = page.find(&marker).unwrap_or_else(|| panic!("no {name}")) + marker.len();
    &page[start..start + page[start..].find('"').expect("closed")]
}

#[test]
fn every_article_gets_a_page_with_its_meta_tags_and_news_article_json_ld() {
    let dist = built_dist();
    for slug in sample_slugs() {
        let page = read(&dist, &format!("article/{slug}/index.html"));
        let source: Value =
            serde_json::from_str(&read(&dist, &format!("content/articles/{slug}.json")))
                .expect("sample");
        let url = format!("{SITE}article/{slug}/");
        assert!(
            page.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")),
            "{slug}"
        );
        assert!(page.contains("<base href=\"/news/\">"), "{slug}");
        assert_eq!(meta(&page, "property", "og:url"), url);
        assert_eq!(meta(&page, "property", "og:type"), "article");
        assert!(!meta(&page, "property", "og:title").is_empty());
        assert!(!meta(&page, "name", "twitter:card").is_empty());
        let ld = json_ld(&page);
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["@context"], "https://schema.org");
        assert_eq!(ld["mainEntityOfPage"], url);
        assert_eq!(ld["headline"], source["title"]);
        if let Some(published) = source["published"].as_str() {
            assert_eq!(ld["datePublished"], published);
        }
        if source.get("image").is_some() {
            assert!(
                ld["image"][0]
                    .as_str()
                    .is_some_and(|image| image.starts_with(&format!("{SITE}content/images/"))),
                "{slug}"
            );
            assert!(meta(&page, "property", "og:image")
                .starts_with("https://example.org/news/content/images/"));
        }
        assert!(
            page.contains(&format!(
                "<div id=\"prerendered\" data-route=\"article/{slug}\""
            )),
            "{slug}"
        );
        // The loader asks for the story's document once the story has painted; nothing in
        // the head fetches it ahead of the picture.
        assert!(
            page.contains(&format!(" data-content=\"content/articles/{slug}.json\">")),
            "{slug}: the page names its content document"
        );
        assert!(
            !link_tags(&page).any(|link| link.contains("preload")),
            "{slug}: nothing preloaded"
        );
        assert!(
            !page.contains("This news site needs JavaScript"),
            "{slug}: the bare app page's note is gone"
        );
    }
}

#[test]
fn the_seed_page_is_readable_as_html() {
    let page = read(
        &built_dist(),
        "article/syria-war-final-assault-raqqa/index.html",
    );
    assert!(page.contains(
        "<title>Syria war: &#39;Final assault&#39; launched to recapture Raqqa – News Blog</title>"
    ));
    assert!(page.contains("<h1 id=\"headline\" class=\"article__headline\">Syria war: 'Final assault' launched to recapture Raqqa</h1>"));
    assert!(page.contains("<span class=\"image-block__credit\">Image copyright Reuters</span>"));
    assert!(page.contains("<span class=\"image-block__caption\">US-backed militias have been besieging the city for months</span>"));
    assert!(page.contains("<p>Raqqa was IS's de facto capital.</p>"));
    assert!(page.contains("<a href=\"/news/article/desperate-fight-for-raqqa\">"));
    assert!(page.contains("<img src=\"/news/content/images/raqqa.svg\""));
    assert!(
        page.contains("<div id=\"prerendered\" data-route=\"article/syria-war-final-assault-raqqa\" data-built=\"2025-12-01T00:00:00Z\" data-content=\"content/articles/syria-war-final-assault-raqqa.json\">"),
        "the page names its route, build time and content document"
    );
}

#[test]
fn every_page_loads_the_app_through_one_boot_script_for_a_strict_csp() {
    let dist = built_dist();
    // Every page, 404.html too, names the boot script's file for the inline start-up script.
    let page = read(&dist, "404.html");
    assert!(
        !page.contains("<script type=\"module\">"),
        "no inline module"
    );
    let start = page
        .find("<script data-loader=\"")
        .expect("the boot script's file")
        + "<script data-loader=\"".len();
    let boot_file = &page[start..start + page[start..].find('"').expect("closed")];
    assert!(
        boot_file.starts_with("boot-") && boot_file.ends_with(".js"),
        "{boot_file}"
    );
    // It names each build, as the build named them by their content: the app, the one that
    // reads sources and the search page's module, which it hands the app.
    let boot = read(&dist, boot_file);
    for bin in ["news_blog", "news_blog_live", "news_search"] {
        let script = boot
            .split(&format!("{{ script: \"{bin}-"))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map(|rest| format!("{bin}-{rest}"))
            .unwrap_or_else(|| panic!("{bin} in {boot}"));
        assert!(script.ends_with(".js"), "{script}");
        assert!(dist.0.join(&script).is_file(), "{script}");
        assert!(dist.0.join(script.replace(".js", "_bg.wasm")).is_file());
        assert!(!dist.0.join(format!("{bin}.js")).exists(), "{bin}.js");
    }
    assert!(!dist.0.join("module-loader.js").exists());
}

#[test]
fn home_and_404_pages_are_prerendered() {
    let dist = built_dist();
    let home = read(&dist, "index.html");
    assert!(home.contains("<h1 class=\"feed__title\">News Blog</h1>"));
    assert_eq!(
        home.matches("<li class=\"feed-entry").count(),
        sample_slugs().len()
    );
    assert!(home.contains(&format!("<link rel=\"canonical\" href=\"{SITE}\">")));
    let not_found = read(&dist, "404.html");
    assert!(not_found.contains("<base href=\"/news/\">"));
    assert!(not_found.contains(
        "<div id=\"prerendered\" data-route=\"not-found\" hidden><a href=\"#main\" rel=\"external\" class=\"skip-link\">"
    ));
    let noscript_link = "<noscript><link rel=\"stylesheet\" href=\"";
    let start = not_found.find(noscript_link).expect("noscript stylesheet") + noscript_link.len();
    let noscript_css = &not_found[start..start + not_found[start..].find('"').expect("closed")];
    assert!(
        read(&dist, noscript_css).contains("#prerendered[hidden]"),
        "readers without JavaScript see the page"
    );
    assert!(
        read(&dist, noscript_css).contains("[data-needs-app][hidden]"),
        "and the notes on what needs the app"
    );
    assert!(not_found.contains("<h1>Page not found</h1>"));
    assert!(not_found.contains("If this is a story published since this copy of the site was made"));
    assert!(not_found.contains("<meta name=\"robots\" content=\"noindex\">"));
}

#[test]
fn every_page_carries_the_new_version_notice_hidden_for_the_boot_script_to_show() {
    let dist = built_dist();
    let story = format!("article/{}/index.html", sample_slugs()[0]);
    for page in ["index.html", "404.html", &story] {
        let html = read(&dist, page);
        let start = html
            .find("<div aria-live=\"polite\" class=\"update-notice\">")
            .expect(page);
        let notice = &html[start..start + html[start..].find("</div></div>").expect(page)];
        assert!(
            notice.contains("<p>A new version of this site is available.</p>"),
            "{page}: {notice}"
        );
        assert!(notice.contains(">Reload</button>"), "{page}: {notice}");
    }
}

#[test]
fn json_feed_follows_version_1_1() {
    let feed: Value =
        serde_json::from_str(&read(&built_dist(), "feed.json")).expect("feed.json parses");
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert!(feed["title"]
        .as_str()
        .is_some_and(|title| !title.is_empty()));
    assert_eq!(feed["home_page_url"], SITE);
    assert_eq!(feed["feed_url"], format!("{SITE}feed.json"));
    let items = feed["items"].as_array().expect("items");
    assert_eq!(items.len(), sample_slugs().len());
    let mut ids = std::collections::HashSet::new();
    for item in items {
        let id = item["id"].as_str().expect("every item has a string id");
        assert!(ids.insert(id.to_owned()), "ids are unique");
        assert!(
            item["content_text"].is_string() || item["content_html"].is_string(),
            "content is required"
        );
        assert!(item["url"]
            .as_str()
            .is_some_and(|url| url.starts_with(SITE)));
        for date in ["date_published", "date_modified"] {
            if let Some(date) = item[date].as_str() {
                assert!(
                    OffsetDateTime::parse(date, &Rfc3339).is_ok(),
                    "{date} is RFC 3339"
                );
            }
        }
        if let Some(authors) = item.get("authors") {
            assert!(authors
                .as_array()
                .is_some_and(|authors| authors.iter().all(|author| author["name"].is_string())));
        }
    }
}

#[test]
fn rss_parses_as_rss_2() {
    let xml = read(&built_dist(), "rss.xml");
    let document = roxmltree::Document::parse(&xml).expect("rss.xml is well-formed XML");
    let rss = document.root_element();
    assert_eq!(
        (rss.tag_name().name(), rss.attribute("version")),
        ("rss", Some("2.0"))
    );
    let channel = rss
        .children()
        .find(|node| node.has_tag_name("channel"))
        .expect("channel");
    for required in ["title", "link", "description"] {
        assert!(
            channel.children().any(|node| node.has_tag_name(required)),
            "channel has {required}"
        );
    }
    let items: Vec<_> = channel
        .children()
        .filter(|node| node.has_tag_name("item"))
        .collect();
    assert_eq!(items.len(), sample_slugs().len());
    for item in items {
        let text = |name: &str| {
            item.children()
                .find(|node| node.has_tag_name(name))
                .and_then(|node| node.text())
                .map(str::to_owned)
        };
        assert!(text("title").is_some());
        assert!(text("link").is_some_and(|link| link.starts_with(SITE)));
        assert_eq!(text("guid"), text("link"));
        if let Some(date) = text("pubDate") {
            assert!(
                OffsetDateTime::parse(&date, &Rfc2822).is_ok(),
                "{date} is RFC 822"
            );
        }
    }
}

#[test]
fn sitemap_lists_home_and_every_article() {
    let dist = built_dist();
    let xml = read(&dist, "sitemap.xml");
    let document = roxmltree::Document::parse(&xml).expect("sitemap.xml is well-formed XML");
    let urlset = document.root_element();
    assert_eq!(
        urlset.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let locs: Vec<&str> = urlset
        .descendants()
        .filter(|node| node.has_tag_name("loc"))
        .filter_map(|node| node.text())
        .collect();
    let topics = topic_pages(&dist);
    assert!(!topics.is_empty());
    assert_eq!(locs.len(), sample_slugs().len() + 1 + topics.len());
    for topic in &topics {
        assert!(
            locs.contains(&format!("{SITE}{topic}/").as_str()),
            "{topic}"
        );
    }
    assert!(locs.iter().all(|loc| loc.starts_with(SITE)));
    assert!(read(&dist, "robots.txt").contains(&format!("Sitemap: {SITE}sitemap.xml")));
}

#[test]
fn hostile_text_is_escaped_in_every_page() {
    let dist = built_dist();
    let hostile = "</title><script>alert(1)</script><img src=x onerror=alert(1)>";
    let article = serde_json::json!({"slug": "hostile", "title": hostile, "summary": hostile, "authors": [hostile],
        "body": [{"type": "paragraph", "text": [{"text": hostile, "href": "javascript:alert(1)"}]}]});
    fs::write(
        dist.0.join("content/articles/hostile.json"),
        article.to_string(),
    )
    .expect("write");
    assert!(run_build(&dist.0, SITE).status.success());
    let page = read(&dist, "article/hostile/index.html");
    assert!(!page.contains("<script>alert(1)"));
    assert!(!page.contains("<img src=x"));
    assert!(!page.contains("javascript:"));
    assert_eq!(
        json_ld(&page)["headline"],
        hostile,
        "JSON-LD keeps the text, escaped"
    );
}

#[test]
fn building_twice_gives_the_same_site() {
    // Two builds from scratch, in two folders: every file, byte for byte (a rebuild in the
    // same folder would skip what did not change and compare files with themselves).
    let (first, second) = (built_dist(), built_dist());
    // The manifest is the next build's cache, not the site: it records the content files'
    // modification times, which differ between the two copies.
    let site_files = |dist: &Dist| {
        let mut files = files_under(&dist.0);
        files.remove(Path::new(".news-blog-manifest.json"));
        files
    };
    let (first_files, second_files) = (site_files(&first), site_files(&second));
    let names = |files: &std::collections::BTreeMap<PathBuf, Vec<u8>>| {
        files.keys().cloned().collect::<Vec<_>>()
    };
    assert_eq!(names(&first_files), names(&second_files));
    assert!(first_files.len() > 100, "{} files", first_files.len());
    let differing: Vec<&PathBuf> = first_files
        .iter()
        .filter(|(name, bytes)| second_files.get(*name) != Some(*bytes))
        .map(|(name, _)| name)
        .collect();
    assert!(
        differing.is_empty(),
        "differ between two builds: {differing:?}"
    );
}

/// Every file under `root`, by its path relative to `root`.
fn files_under(root: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder)
            .expect("read folder")
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let name = path.strip_prefix(root).expect("under root").to_owned();
                files.insert(name, fs::read(&path).expect("read file"));
            }
        }
    }
    files
}

#[test]
fn a_site_url_that_is_not_http_is_refused() {
    let dist = built_dist();
    let output = run_build(&dist.0, "ftp://example.org/");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("must be an http or https URL"));
}

#[test]
fn every_article_has_an_oembed_answer_and_a_widget_page() {
    let dist = built_dist();
    for slug in sample_slugs() {
        let answer: Value = serde_json::from_str(&read(&dist, &format!("oembed/{slug}.json")))
            .expect("oEmbed parses");
        assert_eq!(answer["version"], "1.0");
        assert_eq!(answer["type"], "rich");
        assert!(answer["width"].as_u64().is_some_and(|width| width > 0));
        assert!(answer["height"].as_u64().is_some_and(|height| height > 0));
        let snippet = answer["html"].as_str().expect("html");
        assert_eq!(
            snippet,
            format!("<div data-news-article=\"{SITE}article/{slug}/\"></div><script src=\"{SITE}embed.js\" async></script>")
        );
        let page = read(&dist, &format!("article/{slug}/index.html"));
        assert!(page.contains(&format!("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{SITE}oembed/{slug}.json\"")));
        let widget = read(&dist, &format!("embed/article/{slug}/index.html"));
        assert!(
            widget.contains("<base target=\"_blank\" href=\"/news/\">"),
            "links leave the frame"
        );
        assert!(
            widget.contains(&format!("<div id=\"prerendered\" data-route=\"embed/article/{slug}/\" data-built=\"2025-12-01T00:00:00Z\"><main class=\"site-main embed\"><article")),
            "the widget's story is readable before the app starts"
        );
        assert!(widget.contains(&format!(
            "<a href=\"{SITE}article/{slug}/\">Read this story on the site</a>"
        )));
    }
}

#[test]
fn a_long_index_is_prerendered_one_screenful_at_a_time() {
    let dist = built_dist();
    let articles: Vec<Value> = (0..60)
        .map(|n| serde_json::json!({"slug": format!("story-{n}"), "title": format!("Story {n}")}))
        .collect();
    fs::write(
        dist.0.join("content/index.json"),
        serde_json::json!({"title": "Long", "articles": articles}).to_string(),
    )
    .expect("write index");
    let output = run_build(&dist.0, SITE);
    assert!(output.status.success());
    let home = read(&dist, "index.html");
    assert_eq!(
        home.matches("<li class=\"feed-entry").count(),
        news_model::STORIES_ON_FIRST_SCREEN
    );
    assert!(home.contains(">Story 24</a>") && !home.contains(">Story 25</a>"));
}

#[test]
fn every_page_script_and_document_has_precompressed_copies() {
    let dist = built_dist();
    for relative in [
        "index.html",
        "404.html",
        "content/index.json",
        "article/desperate-fight-for-raqqa/index.html",
        "sitemap.xml",
    ] {
        let raw = fs::read(dist.0.join(relative)).expect("original");
        let brotli = fs::read(dist.0.join(format!("{relative}.br"))).expect(".br copy");
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &brotli[..], &mut decoded).expect("brotli decodes");
        assert_eq!(decoded, raw, "{relative}.br");
        let gzip = fs::read(dist.0.join(format!("{relative}.gz"))).expect(".gz copy");
        let mut decoded = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gzip[..]), &mut decoded)
            .expect("gzip decodes");
        assert_eq!(decoded, raw, "{relative}.gz");
    }
    assert!(!dist.0.join("index.html.br.br").exists());
}

/// Each `<link …>` tag in `html`.
fn link_tags(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<link ")
        .map(|(at, _)| &html[at..at + html[at..].find('>').unwrap_or(html.len() - at)])
}

#[test]
fn prerendered_pages_load_the_story_before_the_wasm() {
    let dist = built_dist();
    for page in ["index.html", "article/desperate-fight-for-raqqa/index.html"] {
        let page = read(&dist, page);
        assert!(!page.contains("application/wasm"), "no wasm preload");
        assert!(!page.contains("modulepreload"), "no script preload");
        // (The loader adds the content's preload link once the story has painted.)
        assert!(
            !link_tags(&page).any(|link| link.contains("preload")),
            "no content preload"
        );
    }
    assert!(read(&dist, "index.html").contains(" data-content=\"content/index.json\">"));
    // 404.html, which the app draws by itself, fetches nothing ahead either: a browser that
    // cannot run the app must not download it.
    let not_found = read(&dist, "404.html");
    assert!(!not_found.contains("application/wasm"));
    assert!(!not_found.contains("modulepreload"));
    // No page has a script tag to fetch: the inline loader at its very end checks that the
    // browser can run the app and adds the loader file (once the story has painted).
    for page in [
        "index.html",
        "article/desperate-fight-for-raqqa/index.html",
        "embed/article/desperate-fight-for-raqqa/index.html",
        "404.html",
    ] {
        let html = read(&dist, page);
        assert!(!html.contains("<script type=\"module\""), "{page}");
        assert_eq!(html.matches("<script data-loader=\"").count(), 1, "{page}");
        let start = html
            .find("<script data-loader=\"boot-")
            .expect("inline loader")
            + "<script data-loader=\"".len();
        let loader_file = &html[start..start + html[start..].find('"').expect("closed")];
        assert!(dist.0.join(loader_file).is_file(), "{page}: {loader_file}");
        assert!(
            html.find("id=\"prerendered\"").is_some_and(|at| at < start),
            "{page}: after the story"
        );
        assert!(
            html.ends_with("})();</script>\n</body>\n</html>\n"),
            "{page}"
        );
    }
}

#[test]
fn every_page_has_one_joined_minified_stylesheet() {
    let dist = built_dist();
    for page in [
        "index.html",
        "article/wind-farm-vote/index.html",
        "404.html",
    ] {
        let html = read(&dist, page);
        let links: Vec<&str> = html
            .match_indices("<link rel=\"stylesheet\" href=\"")
            .map(|(at, _)| &html[at..at + html[at..].find('>').expect("closed")])
            // Each page also links, inside <noscript>, the rule that shows what readers without
            // scripts alone see.
            .filter(|link| !link.contains("noscript-"))
            .collect();
        assert_eq!(links.len(), 1, "{page}: {links:?}");
        let href = links[0]
            .split('"')
            .nth(3)
            .expect("href")
            .trim_start_matches("./");
        assert_eq!(
            read(&dist, href),
            ":root{--ink: #111;}\n.article{color: var(--ink);}\n",
            "{page}: both stylesheets, in order, minified"
        );
    }
}

#[test]
fn netlify_and_cloudflare_get_header_and_redirect_files() {
    let dist = built_dist();
    let headers = read(&dist, "_headers");
    assert!(headers.contains("/news/*\n  Content-Security-Policy: default-src 'self';"));
    let immutable = "\n  Cache-Control: public, max-age=31536000, immutable";
    for file in fs::read_dir(&dist.0).expect("dist").filter_map(Result::ok) {
        let name = file.file_name().to_string_lossy().into_owned();
        if name.starts_with("style-") && name.ends_with(".css")
            || name.starts_with("boot-") && name.ends_with(".js")
        {
            assert!(
                headers.contains(&format!("/news/{name}{immutable}")),
                "{name}"
            );
        }
    }
    assert!(!headers.contains("/news/index.html"), "pages revalidate");
    assert!(headers.contains("/news/feed.json\n  Content-Type: application/feed+json"));
    assert_eq!(
        read(&dist, "_redirects").lines().last(),
        Some("/news/*  /news/404.html  404")
    );
}

fn modified(dist: &Dist, relative: &str) -> std::time::SystemTime {
    fs::metadata(dist.0.join(relative))
        .and_then(|metadata| metadata.modified())
        .unwrap_or_else(|error| panic!("{relative}: {error}"))
}

#[test]
fn a_rebuild_rewrites_only_what_changed() {
    let dist = built_dist();
    let unchanged = [
        "article/wind-farm-vote/index.html",
        "article/wind-farm-vote/index.html.br",
        "embed/article/wind-farm-vote/index.html",
        "oembed/wind-farm-vote.json",
    ];
    let before: Vec<_> = unchanged.iter().map(|file| modified(&dist, file)).collect();
    let changed = dist.0.join("content/articles/night-market-returns.json");
    let text = fs::read_to_string(&changed).expect("sample");
    fs::write(&changed, text.replacen("Night market", "Night bazaar", 1)).expect("edit");
    // A day later: the unchanged pages keep the date of the build that wrote them.
    let output = run_build_at(&dist.0, SITE, "1764633600");
    assert!(output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("(1 rendered,"),
        "only the changed article is rendered: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    let after: Vec<_> = unchanged.iter().map(|file| modified(&dist, file)).collect();
    assert_eq!(
        before, after,
        "pages of unchanged articles are not rewritten"
    );
    assert!(read(&dist, "article/wind-farm-vote/index.html")
        .contains("data-built=\"2025-12-01T00:00:00Z\""));
    let changed_page = read(&dist, "article/night-market-returns/index.html");
    assert!(changed_page.contains("Night bazaar"));
    assert!(changed_page.contains("data-built=\"2025-12-02T00:00:00Z\""));
    assert!(read(&dist, "feed.json").contains("Night bazaar"));
    let brotli = fs::read(dist.0.join("article/night-market-returns/index.html.br")).expect("br");
    let mut decoded = Vec::new();
    brotli::BrotliDecompress(&mut &brotli[..], &mut decoded).expect("brotli decodes");
    assert!(
        String::from_utf8_lossy(&decoded).contains("Night bazaar"),
        "the changed page's compressed copy follows it"
    );
}

#[test]
fn a_rebuild_removes_the_boot_script_and_stylesheets_an_earlier_build_wrote() {
    let dist = built_dist();
    let current: Vec<String> = ["boot-", "style-", "noscript-"]
        .iter()
        .map(|prefix| named_files(&dist.0, prefix).remove(0))
        .collect();
    // As an earlier version of the CLI or the stylesheets left them, with their copies.
    let earlier: Vec<String> = [
        "boot-00000000000000ab.js",
        "style-00000000000000ab.css",
        "noscript-00000000000000ab.css",
    ]
    .iter()
    .flat_map(|file| [file.to_string(), format!("{file}.br"), format!("{file}.gz")])
    .collect();
    for name in &earlier {
        fs::write(dist.0.join(name), "old").expect("write");
    }
    // A host's own files, named alike but not as the build names its own.
    let hosts = ["style-guide.css", "style-print-0123456789ab.css"];
    for name in hosts {
        fs::write(dist.0.join(name), "a host's own file").expect("write");
    }
    // A build that fails leaves the earlier files to the pages it did not rewrite.
    let index = dist.0.join("content/index.json");
    let index_text = fs::read_to_string(&index).expect("index");
    fs::write(&index, "{ broken").expect("break the index");
    assert!(!run_build(&dist.0, SITE).status.success());
    for name in &earlier {
        assert!(
            dist.0.join(name).is_file(),
            "{name} kept after a failed build"
        );
    }
    fs::write(&index, index_text).expect("mend the index");
    let output = run_build(&dist.0, SITE);
    assert!(output.status.success());
    for (prefix, current) in ["boot-", "style-", "noscript-"].iter().zip(&current) {
        let mut named = named_files(&dist.0, prefix);
        named.retain(|name| !hosts.contains(&name.as_str()));
        assert_eq!(named, std::slice::from_ref(current), "{prefix}");
    }
    for name in &earlier {
        assert!(!dist.0.join(name).exists(), "{name} removed");
    }
    for name in hosts {
        assert!(
            dist.0.join(name).is_file(),
            "{name} is the host's: left alone"
        );
    }
}

/// The names of `dist`'s files that start with `prefix` (not their precompressed copies).
fn named_files(dist: &Path, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dist)
        .expect("dist")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with(prefix) && !name.ends_with(".br") && !name.ends_with(".gz"))
        .collect();
    names.sort();
    names
}

fn rendered_count(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    stdout
        .split('(')
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("no count in {stdout}"))
        .to_owned()
}

#[test]
fn the_manifest_skips_unchanged_articles_until_something_they_share_changes() {
    let dist = built_dist();
    let n_articles = sample_slugs().len().to_string();
    assert!(dist.0.join(".news-blog-manifest.json").exists());
    assert_eq!(
        rendered_count(&run_build(&dist.0, SITE)),
        "0",
        "nothing changed"
    );

    // Touched, not changed: read again, not rendered.
    let touched = dist.0.join("content/articles/wind-farm-vote.json");
    fs::write(&touched, fs::read(&touched).expect("read")).expect("touch");
    assert_eq!(rendered_count(&run_build(&dist.0, SITE)), "0", "same bytes");

    // A page removed by hand comes back.
    fs::remove_dir_all(dist.0.join("embed/article/wind-farm-vote")).expect("remove");
    assert_eq!(rendered_count(&run_build(&dist.0, SITE)), "1");
    assert!(dist
        .0
        .join("embed/article/wind-farm-vote/index.html")
        .exists());

    // Another address changes every page; so does a manifest that does not read.
    assert_eq!(
        rendered_count(&run_build(&dist.0, "https://example.com/")),
        n_articles
    );
    assert!(read(&dist, "article/wind-farm-vote/index.html").contains("https://example.com/"));
    fs::write(dist.0.join(".news-blog-manifest.json"), "{").expect("spoil");
    assert_eq!(
        rendered_count(&run_build(&dist.0, "https://example.com/")),
        n_articles
    );
    assert!(
        !dist.0.join(".news-blog-manifest.json.br").exists(),
        "the manifest is not published content"
    );
}

#[test]
fn a_deleted_article_loses_its_pages() {
    // Known from the manifest, or (without one, e.g. a build folder of an older version)
    // found by looking through the folders.
    for has_manifest in [true, false] {
        let dist = built_dist();
        let slug = "night-market-returns";
        assert!(dist.0.join(format!("article/{slug}/index.html")).exists());
        fs::remove_file(dist.0.join(format!("content/articles/{slug}.json"))).expect("delete");
        if !has_manifest {
            fs::remove_file(dist.0.join(".news-blog-manifest.json")).expect("no manifest");
        }
        assert!(run_build(&dist.0, SITE).status.success());
        for gone in [
            format!("article/{slug}"),
            format!("embed/article/{slug}"),
            format!("oembed/{slug}.json"),
            format!("oembed/{slug}.json.br"),
        ] {
            assert!(
                !dist.0.join(&gone).exists(),
                "{gone} (manifest: {has_manifest})"
            );
        }
        assert!(dist.0.join("article/wind-farm-vote/index.html").exists());
        assert!(!read(&dist, "sitemap.xml").contains(slug));
    }
}

#[test]
fn feeds_carry_the_newest_fifty_stories_and_the_sitemap_every_one() {
    let dist = built_dist();
    for n in 0..60 {
        let article = serde_json::json!({"slug": format!("story-{n}"), "title": format!("Story {n}"),
            "published": format!("2030-01-01T00:{n:02}:00Z"), "body": [{"type": "paragraph", "text": "Text."}]});
        fs::write(
            dist.0.join(format!("content/articles/story-{n}.json")),
            article.to_string(),
        )
        .expect("write article");
    }
    assert!(run_build(&dist.0, SITE).status.success());
    let feed: Value = serde_json::from_str(&read(&dist, "feed.json")).expect("feed.json parses");
    let items = feed["items"].as_array().expect("items");
    assert_eq!(items.len(), 50);
    assert_eq!(items[0]["title"], "Story 59", "newest first");
    assert_eq!(read(&dist, "rss.xml").matches("<item>").count(), 50);
    assert_eq!(
        read(&dist, "sitemap.xml").matches("<loc>").count(),
        60 + sample_slugs().len() + 1 + topic_pages(&dist).len()
    );
}

/// The section, tag, author and site pages a build wrote (`section/sport`, `tag/rain`,
/// `page/about` …), as their folders read: the sitemap's pages beside the home and articles.
fn topic_pages(dist: &Dist) -> Vec<String> {
    let mut pages = Vec::new();
    for kind in ["section", "tag", "author", "page"] {
        if let Ok(entries) = fs::read_dir(dist.0.join(kind)) {
            for entry in entries.filter_map(Result::ok) {
                if entry.path().join("index.html").exists() {
                    pages.push(format!("{kind}/{}", entry.file_name().to_string_lossy()));
                }
            }
        }
    }
    pages.sort();
    pages
}

#[test]
fn every_section_and_tag_gets_an_index_document_and_a_page() {
    let dist = built_dist();
    let index: Value = serde_json::from_str(&read(&dist, "content/index.json")).expect("index");
    let in_middle_east = index["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter(|entry| entry["section"] == "Middle East")
        .count();
    let document: Value =
        serde_json::from_str(&read(&dist, "content/section/middle-east.json")).expect("document");
    assert_eq!(document["title"], "Middle East");
    assert_eq!(document["description"], format!("{in_middle_east} stories"));
    assert_eq!(
        document["articles"].as_array().map(Vec::len),
        Some(in_middle_east)
    );
    // Pictures named relative to the index still name the same files from the folder below.
    assert!(document["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|entry| entry["image"]["src"].as_str())
        .all(|src| src.starts_with("https://example.org/news/content/")));
    let page = read(&dist, "section/middle-east/index.html");
    assert!(page.contains("<h1 class=\"feed__title\">Middle East</h1>"));
    assert!(
        page.contains("/news/content/images/") && !page.contains("content/section/images"),
        "the page's pictures are the documents' absolute ones"
    );
    assert!(page.contains("<title>Middle East"));
    assert!(page.contains("data-route=\"section/middle-east\""));
    assert!(topic_pages(&dist).contains(&"tag/sample-content".to_owned()));

    // A topic no story has any more loses its document and page.
    let index_path = dist.0.join("content/index.json");
    let text = fs::read_to_string(&index_path).expect("index");
    fs::write(&index_path, text.replace("\"Middle East\"", "\"World\"")).expect("edit");
    assert!(run_build(&dist.0, SITE).status.success());
    assert!(!dist.0.join("section/middle-east").exists());
    assert!(!dist.0.join("content/section/middle-east.json").exists());
    assert!(!dist.0.join("content/section/middle-east.json.br").exists());
    assert!(dist.0.join("section/world/index.html").exists());
}

#[test]
fn every_author_gets_a_page_until_no_story_is_theirs() {
    let dist = built_dist();
    let document: Value =
        serde_json::from_str(&read(&dist, "content/author/priya-nandakumar.json"))
            .expect("document");
    assert_eq!(document["title"], "Priya Nandakumar");
    assert_eq!(document["description"], "2 stories");
    let page = read(&dist, "author/priya-nandakumar/index.html");
    assert!(page.contains("<h1 class=\"feed__title\">Priya Nandakumar</h1>"));
    assert!(page.contains("data-route=\"author/priya-nandakumar\""));
    assert!(read(&dist, "sitemap.xml")
        .contains("<loc>https://example.org/news/author/priya-nandakumar/</loc>"));
    let article = read(&dist, "article/wind-farm-vote/index.html");
    assert!(
        article.contains("<a href=\"/news/author/priya-nandakumar\">Priya Nandakumar</a>"),
        "the byline links each name to its page"
    );

    // An author no story names any more loses their document and page.
    for slug in ["wind-farm-vote", "rainfall-record-explained"] {
        let path = dist.0.join(format!("content/articles/{slug}.json"));
        let text = fs::read_to_string(&path).expect("article");
        fs::write(&path, text.replace("Priya Nandakumar", "P. Nandakumar")).expect("edit");
    }
    assert!(run_build(&dist.0, SITE).status.success());
    assert!(!dist.0.join("author/priya-nandakumar").exists());
    assert!(!dist.0.join("content/author/priya-nandakumar.json").exists());
    assert!(dist.0.join("author/p-nandakumar/index.html").exists());
    assert!(!read(&dist, "sitemap.xml").contains("priya-nandakumar"));
}

#[test]
fn a_site_page_is_prerendered_linked_from_every_footer_and_removed_with_its_document() {
    let dist = built_dist();
    let page = read(&dist, "page/about/index.html");
    assert!(page.contains("<h1 id=\"headline\" class=\"article__headline\">About News Blog</h1>"));
    assert!(page.contains("data-route=\"page/about\""));
    assert!(page.contains("<title>About News Blog"));
    assert!(read(&dist, "sitemap.xml").contains("<loc>https://example.org/news/page/about/</loc>"));
    for file in [
        "index.html",
        "article/wind-farm-vote/index.html",
        "404.html",
    ] {
        assert!(
            read(&dist, file).contains("<a href=\"/news/page/about\">About us</a>"),
            "{file}: the footer links the index's pages"
        );
    }
    assert!(
        read(&dist, "index.html").contains("<meta name=\"news-blog-footer-pages\""),
        "the app reads the same pages from the page's setting"
    );

    fs::remove_file(dist.0.join("content/pages/about.json")).expect("delete");
    assert!(run_build(&dist.0, SITE).status.success());
    assert!(!dist.0.join("page/about").exists());
    assert!(!read(&dist, "sitemap.xml").contains("page/about"));
}

#[test]
fn an_article_lists_its_related_stories_and_follows_them_when_they_change() {
    let dist = built_dist();
    let page = read(&dist, "article/syria-war-final-assault-raqqa/index.html");
    let related = page
        .split("id=\"related-heading\"")
        .nth(1)
        .expect("a related stories section");
    let named = [
        "desperate-fight-for-raqqa",
        "inside-islamic-state-raqqa-diary",
        "is-wives-why-i-joined",
    ];
    let positions: Vec<usize> = named
        .iter()
        .map(|slug| {
            related
                .find(&format!("href=\"/news/article/{slug}\""))
                .unwrap_or_else(|| panic!("{slug} is listed"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] < pair[1]),
        "in the editors' order"
    );

    // A related story retitled in the index: the unchanged article's page follows it.
    let index_path = dist.0.join("content/index.json");
    let index = fs::read_to_string(&index_path).expect("index");
    fs::write(
        &index_path,
        index.replace(
            "\"slug\": \"desperate-fight-for-raqqa\",\n      \"title\": \"",
            "\"slug\": \"desperate-fight-for-raqqa\",\n      \"title\": \"Retitled: ",
        ),
    )
    .expect("edit index");
    assert!(
        fs::read_to_string(&index_path)
            .expect("index")
            .contains("Retitled: "),
        "the index was edited"
    );
    let output = run_build(&dist.0, SITE);
    assert_ne!(rendered_count(&output), "0");
    assert!(read(&dist, "article/syria-war-final-assault-raqqa/index.html").contains("Retitled: "));
}

#[test]
fn the_search_page_and_index_cover_every_article_and_nothing_else() {
    let dist = built_dist();
    let page = read(&dist, "search/index.html");
    assert!(page.contains("<title>Search – "), "{page}");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(page.contains("<link rel=\"canonical\" href=\"https://example.org/news/search/\">"));
    assert!(page.contains("role=\"search\" aria-label=\"Search page\""));
    assert!(page.contains("action=\"/news/search\""));
    // Pagefind's own interfaces insert text as HTML: they are not shipped.
    assert!(dist.0.join("pagefind/pagefind.js").is_file());
    assert!(!dist.0.join("pagefind/pagefind-ui.js").exists());
    assert_eq!(
        indexed_pages(&dist),
        sample_slugs().len() as u64,
        "articles only"
    );
    assert!(!read(&dist, "sitemap.xml").contains("/search"));

    // Unchanged content keeps the index; a deleted article leaves it.
    let list_path = dist.0.join("pagefind/segments.json");
    let written = fs::metadata(&list_path)
        .and_then(|meta| meta.modified())
        .expect("time");
    assert!(run_build(&dist.0, SITE).status.success());
    assert_eq!(
        fs::metadata(&list_path)
            .and_then(|meta| meta.modified())
            .ok(),
        Some(written)
    );
    let slug = &sample_slugs()[0];
    fs::remove_file(dist.0.join(format!("content/articles/{slug}.json"))).expect("remove");
    assert!(run_build(&dist.0, SITE).status.success());
    assert_eq!(indexed_pages(&dist), sample_slugs().len() as u64 - 1);
}

/// How many pages the search index's segments (those its list names) index, in all.
fn indexed_pages(dist: &Dist) -> u64 {
    let list: Value = serde_json::from_str(&read(dist, "pagefind/segments.json")).expect("JSON");
    let segments = list["segments"].as_array().expect("segments");
    assert!(!segments.is_empty());
    segments
        .iter()
        .map(|segment| {
            let segment = segment.as_str().expect("a folder name");
            let entry: Value = serde_json::from_str(&read(
                dist,
                &format!("pagefind/{segment}/pagefind-entry.json"),
            ))
            .expect("JSON");
            entry["languages"]
                .as_object()
                .expect("languages")
                .values()
                .map(|language| language["page_count"].as_u64().expect("count"))
                .sum::<u64>()
        })
        .sum()
}

#[test]
fn a_build_without_pagefind_says_there_is_no_search_index() {
    let dist = built_dist();
    fs::remove_dir_all(dist.0.join("pagefind")).expect("remove");
    let output = Command::new(env!("CARGO_BIN_EXE_news-blog"))
        .args([
            "build",
            "--pagefind",
            "no-such-pagefind",
            "--site-url",
            SITE,
        ])
        .arg(&dist.0)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning: no search index: no-such-pagefind was not found"),
        "{stderr}"
    );
    assert!(!dist.0.join("pagefind").exists());
    assert!(dist.0.join("search/index.html").is_file());
}

/// Trunk's page with the language setting `content`.
fn page_in_language(content: &str) -> String {
    TRUNK_PAGE.replace(
        "</head>",
        &format!("  <meta name=\"news-blog-language\" content=\"{content}\">\n</head>"),
    )
}

#[test]
fn a_site_without_a_language_setting_takes_its_contents_and_feeds_say_it() {
    let dist = built_dist_of(&page_in_language(""), "samples/ar/content");
    let home = read(&dist, "index.html");
    assert!(home.contains("<html lang=\"ar\" dir=\"rtl\">"), "{home}");
    assert_eq!(meta(&home, "name", "news-blog-language"), "ar");
    // The site's own words, in Arabic (crates/i18n/catalogs/ar.txt).
    assert!(home.contains("بحث"), "the search link is in Arabic: {home}");
    let feed: Value = serde_json::from_str(&read(&dist, "feed.json")).expect("feed is JSON");
    assert_eq!(feed["language"], "ar");
    // The one English story on the Arabic site says so, in the feed as on its page.
    let items = feed["items"].as_array().expect("items");
    let english: Vec<&Value> = items
        .iter()
        .filter(|item| item["language"] == "en")
        .collect();
    assert_eq!(english.len(), 1, "{items:?}");
    assert!(read(&dist, "rss.xml").contains("<language>ar</language>"));
    // A widget on another site's page is named in the site's language.
    assert!(read(&dist, "embed.js").contains("var FRAME_TITLE = \"مقال إخباري\";"));
}

#[test]
fn the_pages_language_setting_wins_over_the_contents() {
    let dist = built_dist_of(&page_in_language("es"), "samples/ar/content");
    let home = read(&dist, "index.html");
    assert!(home.contains("<html lang=\"es\" dir=\"ltr\">"), "{home}");
    assert_eq!(meta(&home, "name", "news-blog-language"), "es");
    let feed: Value = serde_json::from_str(&read(&dist, "feed.json")).expect("feed is JSON");
    assert_eq!(feed["language"], "es");
}

#[test]
fn content_without_a_language_is_an_english_site() {
    let dist = built_dist_of(&page_in_language(""), "public/content");
    let home = read(&dist, "index.html");
    assert!(home.contains("<html lang=\"en-GB\">"), "{home}");
    let feed: Value = serde_json::from_str(&read(&dist, "feed.json")).expect("feed is JSON");
    assert_eq!(feed["language"], "en-GB");
}

#[test]
fn an_error_is_printed_with_each_of_its_causes() {
    let empty = Dist(std::env::temp_dir().join(format!("news-blog-empty-{}", std::process::id())));
    fs::create_dir_all(&empty.0).expect("temporary folder");
    let output = run_build(&empty.0, SITE);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let page = empty.0.join("index.html");
    assert_eq!(
        lines[..2],
        [
            "error: reading Trunk's page".to_owned(),
            format!("  caused by: {}", page.display()),
        ],
        "{stderr}"
    );
    assert!(
        lines[2].starts_with("  caused by: No such file"),
        "{stderr}"
    );
}

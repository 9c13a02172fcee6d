//! Rebuilds from a real WordPress and a real Ghost fetch only what changed: `news-blog build
//! --source` edits, removes and keeps pages as the source's posts change, asking only for the
//! changed posts (a source's pages, few, are read whole every time). They need the test servers (`tests/wordpress/wordpress.sh` on `WP_PORT`,
//! 8096 unless set; `tests/ghost/ghost.sh` on `GHOST_PORT`, 8099), so a plain `cargo test`
//! ignores them; `.ci/test.sh` runs them with `--ignored` once both answer. They change only
//! posts of their own (`tests/wordpress/posts.php`, `tests/ghost/posts.py`) and the
//! WordPress's time zone, and put both back when they end, however they end.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::{root, unbuilt_dist, Dist, TRUNK_PAGE};

const SITE: &str = "https://example.org/";

/// A test server of a publisher's source, with posts of this test's own under `prefix`,
/// removed on drop; a WordPress's time zone is set to one far from UTC (WordPress orders
/// posts by its local clock) and put back on drop.
struct TestSource {
    kind: Kind,
    port: String,
    prefix: String,
    time_zone: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    WordPress,
    Ghost,
}

impl TestSource {
    fn new(kind: Kind, name: &str) -> TestSource {
        let (variable, default) = match kind {
            Kind::WordPress => ("WP_PORT", "8096"),
            Kind::Ghost => ("GHOST_PORT", "8099"),
        };
        let mut source = TestSource {
            kind,
            port: std::env::var(variable).unwrap_or_else(|_| default.to_owned()),
            prefix: format!("{name}-{}", std::process::id()),
            time_zone: String::new(),
        };
        if kind == Kind::WordPress {
            let time_zone = source.change(&["timezone"]);
            let far = source.change(&["timezone", "Pacific/Kiritimati"]);
            assert!(far.starts_with("Pacific/Kiritimati,"), "{far}");
            source.time_zone = time_zone;
        }
        source
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    fn slug(&self, n: usize) -> String {
        format!("{}-{n}", self.prefix)
    }

    /// Where `tests/ghost/ghost.sh` keeps the keys of the Ghost on this port.
    fn ghost_keys(&self) -> std::path::PathBuf {
        std::env::var_os("GHOST_STATE_DIR")
            .map_or_else(
                || std::path::PathBuf::from(format!("/var/tmp/ghost-test-{}", self.port)),
                std::path::PathBuf::from,
            )
            .join("keys.env")
    }

    /// Changes posts as an editor would (`tests/wordpress/posts.php`, `tests/ghost/posts.py`)
    /// with `args`; its output, trimmed.
    fn change(&self, args: &[&str]) -> String {
        let output = self.run_change(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    fn run_change(&self, args: &[&str]) -> Output {
        let mut command = match self.kind {
            Kind::WordPress => {
                let mut command = Command::new("php");
                command
                    .arg(root().join("tests/wordpress/posts.php"))
                    .env("WP_HOSTPORT", format!("127.0.0.1:{}", self.port));
                command
            }
            Kind::Ghost => {
                let mut command = Command::new("python3");
                command
                    .arg(root().join("tests/ghost/posts.py"))
                    .arg(self.url())
                    .arg(self.ghost_keys());
                command
            }
        };
        command.args(args).output().expect("runs")
    }

    /// Takes a post's text out of the public's reach: a password (WordPress), members only
    /// (Ghost).
    fn protect(&self, slug: &str) {
        match self.kind {
            Kind::WordPress => self.change(&["protect", slug]),
            Kind::Ghost => self.change(&["members", slug]),
        };
    }

    /// `news-blog build` of `dist` from this source, with `extra` arguments.
    fn build(&self, dist: &Dist, extra: &[&str]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_news-blog"));
        command
            .arg("build")
            .arg(&dist.0)
            .args(["--site-url", SITE, "--source-url"])
            .arg(self.url())
            .arg("--pagefind")
            .arg(root().join("tests/e2e/node_modules/.bin/pagefind"))
            .args(extra);
        match self.kind {
            Kind::WordPress => command.args(["--source", "wordpress"]),
            Kind::Ghost => {
                let keys = fs::read_to_string(self.ghost_keys()).expect("Ghost's keys");
                let key = keys
                    .lines()
                    .find_map(|line| line.strip_prefix("CONTENT_KEY="))
                    .expect("a Content API key")
                    .to_owned();
                command.args(["--source", "ghost", "--source-key", &key])
            }
        };
        let output = command.output().expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }
}

impl Drop for TestSource {
    fn drop(&mut self) {
        // No assertion here: a panic while a failed test unwinds would abort the run.
        let prefix = self.prefix.clone();
        let removed = self.run_change(&["remove", &prefix]);
        if !removed.status.success() {
            eprintln!("the test's posts {prefix}-… were not removed");
        }
        if !self.time_zone.is_empty() {
            let time_zone = self.time_zone.clone();
            // The zone it had before this test, as `timezone` printed it.
            let restored = self.run_change(&["timezone", &time_zone]);
            if !restored.status.success() {
                eprintln!("the WordPress's time zone was not put back to {time_zone}");
            }
        }
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn read(dist: &Dist, relative: &str) -> String {
    fs::read_to_string(dist.0.join(relative)).unwrap_or_else(|error| panic!("{relative}: {error}"))
}

/// Every page of the content's index, one after the other.
fn whole_index(dist: &Dist) -> String {
    let mut pages: Vec<_> = fs::read_dir(dist.0.join("content"))
        .expect("content")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("index") && name.ends_with(".json"))
        .collect();
    pages.sort();
    pages
        .iter()
        .map(|name| read(dist, &format!("content/{name}")))
        .collect()
}

fn page_exists(dist: &Dist, slug: &str) -> bool {
    dist.0.join(format!("article/{slug}/index.html")).is_file()
}

/// Whether the site has one of its own pages (a WordPress or Ghost page) at `page/{slug}`.
fn site_page_exists(dist: &Dist, slug: &str) -> bool {
    dist.0.join(format!("page/{slug}/index.html")).is_file()
}

fn modified(path: &Path) -> std::time::SystemTime {
    fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// How many pages the search index's segments index, in all.
fn indexed_pages(dist: &Dist) -> u64 {
    let list: Value = serde_json::from_str(&read(dist, "pagefind/segments.json")).expect("JSON");
    list["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|segment| {
            let entry: Value = serde_json::from_str(&read(
                dist,
                &format!(
                    "pagefind/{}/pagefind-entry.json",
                    segment.as_str().expect("a name")
                ),
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
#[ignore = "needs the test WordPress (tests/wordpress/wordpress.sh); .ci/test.sh runs it"]
fn a_rebuild_from_wordpress_fetches_only_what_changed_and_drops_what_went() {
    fetches_only_what_changed(&TestSource::new(Kind::WordPress, "fetch-changes"));
}

#[test]
#[ignore = "needs the test Ghost (tests/ghost/ghost.sh); .ci/test.sh runs it"]
fn a_rebuild_from_ghost_fetches_only_what_changed_and_drops_what_went() {
    fetches_only_what_changed(&TestSource::new(Kind::Ghost, "fetch-changes"));
}

fn fetches_only_what_changed(source: &TestSource) {
    source.change(&["create", &source.prefix, "4"]);
    source.change(&["page", &source.prefix]);
    let site_page = format!("{}-page", source.prefix);
    let dist = unbuilt_dist("news-blog-source-changes", TRUNK_PAGE, "public/content");

    // The first build fetches everything, and the sample content makes way for the source's.
    let first = source.build(&dist, &[]);
    assert!(
        !stdout(&first).contains("fetched only what changed"),
        "{}",
        stdout(&first)
    );
    assert!(!dist.0.join("content/articles/wind-farm-vote.json").exists());
    for n in 1..=4 {
        assert!(page_exists(&dist, &source.slug(n)), "{}", source.slug(n));
    }
    assert!(site_page_exists(&dist, &site_page), "{site_page}");
    assert!(read(&dist, "sitemap.xml").contains(&format!("page/{site_page}/")));
    let n_indexed = indexed_pages(&dist);

    // Nothing changed: no post is fetched, no page written.
    let unchanged_page = dist
        .0
        .join(format!("article/{}/index.html", source.slug(1)));
    let written = modified(&unchanged_page);
    let again = source.build(&dist, &[]);
    assert!(
        stdout(&again)
            .contains("fetched only what changed since the last import: 0 new or changed, 0 gone"),
        "{}",
        stdout(&again)
    );
    assert!(
        stdout(&again).contains("(0 rendered,"),
        "{}",
        stdout(&again)
    );
    assert_eq!(modified(&unchanged_page), written);

    // One edit: only that post is fetched, and its page, oEmbed answer and index entry follow (the
    // build renders it, and the pages whose related stories list it).
    source.change(&["edit", &source.slug(2), "A corrected headline"]);
    let edited = source.build(&dist, &[]);
    assert!(
        stdout(&edited).contains("1 new or changed, 0 gone"),
        "{}",
        stdout(&edited)
    );
    let page = read(&dist, &format!("article/{}/index.html", source.slug(2)));
    assert!(page.contains("A corrected headline"));
    assert!(whole_index(&dist).contains("A corrected headline"));
    assert!(
        read(&dist, &format!("oembed/{}.json", source.slug(2))).contains("A corrected headline")
    );

    // A deleted post and an unpublished one go: their pages, feed and index entries, search
    // results and sitemap lines. So does a deleted page (pages are read whole every time).
    source.change(&["delete", &source.slug(3)]);
    source.change(&["unpublish", &source.slug(4)]);
    source.change(&["delete-page", &site_page]);
    let gone = source.build(&dist, &[]);
    assert!(
        stdout(&gone).contains("0 new or changed, 2 gone"),
        "{}",
        stdout(&gone)
    );
    for n in [3, 4] {
        let slug = source.slug(n);
        assert!(!page_exists(&dist, &slug), "{slug}");
        assert!(!dist
            .0
            .join(format!("content/articles/{slug}.json"))
            .exists());
        for file in ["feed.json", "sitemap.xml"] {
            assert!(!read(&dist, file).contains(&slug), "{slug} in {file}");
        }
        assert!(!whole_index(&dist).contains(&slug), "{slug} in the index");
    }
    assert_eq!(indexed_pages(&dist), n_indexed - 2);
    assert!(page_exists(&dist, &source.slug(1)));
    assert!(!site_page_exists(&dist, &site_page), "{site_page}");
    assert!(!dist
        .0
        .join(format!("content/pages/{site_page}.json"))
        .exists());
    assert!(!read(&dist, "sitemap.xml").contains(&site_page));
    assert!(
        site_page_exists(&dist, "about"),
        "the seeded About page stays"
    );

    // A post given a password (for members only) is fetched, and its text leaves the site: it
    // is no longer public.
    source.protect(&source.slug(1));
    let protected = source.build(&dist, &[]);
    assert!(
        stdout(&protected).contains("1 new or changed, 0 gone"),
        "{}",
        stdout(&protected)
    );
    let page = fs::read_to_string(
        dist.0
            .join(format!("article/{}/index.html", source.slug(1))),
    )
    .unwrap_or_default();
    assert!(!page.contains("agreed the minutes of story 1."), "{page}");
    assert!(page_exists(&dist, &source.slug(2)));

    // --fetch-all fetches everything; so does a state that does not read, saying why.
    let all = source.build(&dist, &["--fetch-all"]);
    assert!(!stdout(&all).contains("fetched only what changed"));
    fs::write(dist.0.join("content/.news-blog-import.json"), "{").expect("spoil");
    let spoiled = source.build(&dist, &[]);
    assert!(!stdout(&spoiled).contains("fetched only what changed"));
    let stderr = String::from_utf8_lossy(&spoiled.stderr);
    assert!(
        stderr.contains("fetching every post: ") && stderr.contains("does not parse"),
        "{stderr}"
    );
    assert!(page_exists(&dist, &source.slug(2)));
}

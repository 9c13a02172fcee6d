//! `news-blog check` as a host runs it: the lines it prints and the exit code.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use serde_json::{json, Value};

/// A content folder in the system's temporary directory, removed when dropped.
struct ContentDir(PathBuf);

impl ContentDir {
    fn new() -> ContentDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "news-blog-check-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(dir.join("articles")).expect("temporary folder");
        ContentDir(dir)
    }

    fn write(&self, relative: &str, value: &Value) -> &Self {
        self.write_text(relative, &value.to_string())
    }

    fn write_text(&self, relative: &str, text: &str) -> &Self {
        let path = self.0.join(relative);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).expect("fixture folder");
        }
        fs::write(path, text).expect("write fixture");
        self
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for ContentDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn article(slug: &str) -> Value {
    json!({"slug": slug, "title": "A story", "body": [{"type": "paragraph", "text": "Words."}],
           "image": {"src": "../images/a.svg", "alt": "A picture"}})
}

fn index(slugs: &[&str]) -> Value {
    json!({"title": "News", "articles": slugs.iter().map(|slug| json!({"slug": slug, "title": "A story"})).collect::<Vec<_>>()})
}

/// A folder with one listed article, `raqqa`.
fn valid_dir() -> ContentDir {
    let dir = ContentDir::new();
    dir.write("index.json", &index(&["raqqa"]))
        .write("articles/raqqa.json", &article("raqqa"));
    dir
}

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

fn check(dir: &Path) -> Outcome {
    let output = Command::new(env!("CARGO_BIN_EXE_news-blog"))
        .arg("check")
        .arg(dir)
        .output()
        .expect("runs");
    Outcome {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn valid_content_passes_with_exit_code_0() {
    let outcome = check(valid_dir().path());
    assert_eq!(outcome.code, 0, "{}", outcome.stdout);
    assert_eq!(
        outcome.stdout,
        "checked 1 index page and 1 article: 0 errors, 0 warnings\n"
    );
}

#[test]
fn the_bundled_sample_content_passes() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content");
    let outcome = check(&samples);
    assert_eq!(outcome.code, 0, "{}", outcome.stdout);
    assert!(
        outcome.stdout.ends_with("0 errors, 0 warnings\n"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn disallowed_link_is_an_error_with_its_path() {
    let dir = valid_dir();
    let mut raqqa = article("raqqa");
    raqqa["body"] = json!([{"type": "paragraph", "text": "a"}, {"type": "paragraph", "text": "b"}, {"type": "paragraph", "text": "c"},
        {"type": "list", "items": ["first", [{"text": "x", "href": "javascript:alert(1)"}]]}]);
    dir.write("articles/raqqa.json", &raqqa);
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 1);
    assert!(
        outcome.stdout.contains("error: articles/raqqa.json: body[3].items[1][0].href: \"javascript:alert(1)\" is not an allowed link"),
        "{}",
        outcome.stdout
    );
    assert!(
        outcome.stdout.ends_with("1 error, 0 warnings\n"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn invalid_json_is_an_error() {
    let dir = valid_dir();
    dir.write_text("articles/raqqa.json", "{\"slug\": ");
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 1);
    assert!(
        outcome
            .stdout
            .contains("error: articles/raqqa.json: is not valid JSON: EOF while parsing"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn missing_required_fields_are_errors() {
    let dir = valid_dir();
    dir.write("articles/raqqa.json", &json!({"slug": "raqqa"}));
    dir.write("index.json", &json!({"articles": []}));
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 1);
    for line in [
        "error: articles/raqqa.json: title: is required",
        "error: articles/raqqa.json: body: is required",
        "error: index.json: title: is required",
    ] {
        assert!(
            outcome.stdout.contains(line),
            "{line} in {}",
            outcome.stdout
        );
    }
}

#[test]
fn missing_alt_text_is_a_warning_only() {
    let dir = valid_dir();
    let mut raqqa = article("raqqa");
    raqqa["image"] = json!({"src": "../images/a.svg"});
    dir.write("articles/raqqa.json", &raqqa);
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 0);
    assert!(
        outcome
            .stdout
            .contains("warning: articles/raqqa.json: image.alt: is missing"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn index_entry_without_an_article_file_is_a_warning() {
    let dir = valid_dir();
    dir.write("index.json", &index(&["raqqa", "ghost"]));
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 0);
    assert!(outcome.stdout.contains("warning: index.json: articles[1].slug: \"ghost\" has no article file articles/ghost.json"), "{}", outcome.stdout);
}

#[test]
fn article_missing_from_the_index_is_a_warning() {
    let dir = valid_dir();
    dir.write("articles/orphan.json", &article("orphan"));
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 0);
    assert!(
        outcome
            .stdout
            .contains("warning: articles/orphan.json: is not listed in the feed index"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn duplicate_slugs_in_the_index_are_errors() {
    let dir = valid_dir();
    dir.write("index.json", &index(&["raqqa", "raqqa"]));
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 1);
    assert!(
        outcome
            .stdout
            .contains("error: index.json: articles[1].slug: \"raqqa\" is listed twice"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn article_whose_slug_does_not_match_its_file_is_an_error() {
    let dir = valid_dir();
    dir.write("articles/raqqa.json", &article("other-name"));
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 1);
    assert!(
        outcome.stdout.contains(
            "error: articles/raqqa.json: slug: \"other-name\" does not match the file name"
        ),
        "{}",
        outcome.stdout
    );
}

#[test]
fn older_index_pages_are_checked_and_loops_refused() {
    let dir = valid_dir();
    let mut first = index(&["raqqa"]);
    first["next"] = json!("index-2.json");
    let mut second = index(&["raqqa"]);
    second["next"] = json!("index.json");
    dir.write("index.json", &first)
        .write("index-2.json", &second);
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 1);
    assert!(
        outcome.stdout.contains(
            "error: index-2.json: articles[0].slug: \"raqqa\" is already listed on an earlier page"
        ),
        "{}",
        outcome.stdout
    );
    assert!(
        outcome
            .stdout
            .contains("error: index.json: is named again by a `next` link"),
        "{}",
        outcome.stdout
    );
}

fn site_page(slug: &str) -> Value {
    json!({"slug": slug, "title": "About us", "body": [{"type": "paragraph", "text": "Who we are."}]})
}

/// [`valid_dir`] with the site page `about`, which the index's footer lists.
fn dir_with_a_site_page() -> ContentDir {
    let dir = valid_dir();
    let mut index = index(&["raqqa"]);
    index["pages"] = json!([{"slug": "about", "title": "About us"}]);
    dir.write("index.json", &index)
        .write("pages/about.json", &site_page("about"));
    dir
}

#[test]
fn site_pages_are_checked_and_counted() {
    let outcome = check(dir_with_a_site_page().path());
    assert_eq!(outcome.code, 0, "{}", outcome.stdout);
    assert_eq!(
        outcome.stdout,
        "checked 1 index page, 1 article and 1 site page: 0 errors, 0 warnings\n"
    );
}

#[test]
fn a_site_pages_disallowed_link_is_an_error_with_its_path() {
    let dir = dir_with_a_site_page();
    let mut about = site_page("about");
    about["body"] =
        json!([{"type": "paragraph", "text": [{"text": "x", "href": "javascript:alert(1)"}]}]);
    dir.write("pages/about.json", &about);
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 1);
    assert!(
        outcome.stdout.contains(
            "error: pages/about.json: body[0].text[0].href: \"javascript:alert(1)\" is not an allowed link"
        ),
        "{}",
        outcome.stdout
    );
}

#[test]
fn a_site_page_without_a_body_is_an_error() {
    let dir = dir_with_a_site_page();
    dir.write(
        "pages/about.json",
        &json!({"slug": "about", "title": "About us"}),
    );
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 1);
    assert!(
        outcome
            .stdout
            .contains("error: pages/about.json: body: is required"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn a_site_page_whose_slug_does_not_match_its_file_is_an_error() {
    let dir = dir_with_a_site_page();
    dir.write("pages/about.json", &site_page("about-us"));
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 1);
    assert!(
        outcome.stdout.contains(
            "error: pages/about.json: slug: \"about-us\" does not match the file name; the app loads it from pages/about-us.json"
        ),
        "{}",
        outcome.stdout
    );
}

#[test]
fn a_storys_field_on_a_site_page_is_a_warning() {
    let dir = dir_with_a_site_page();
    let mut about = site_page("about");
    about["authors"] = json!(["Ana"]);
    dir.write("pages/about.json", &about);
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 0);
    assert!(
        outcome.stdout.contains(
            "warning: pages/about.json: authors: is a story's field: a site page does not show it"
        ),
        "{}",
        outcome.stdout
    );
}

#[test]
fn a_footer_page_without_a_site_page_file_is_a_warning() {
    let dir = valid_dir();
    let mut index = index(&["raqqa"]);
    index["pages"] = json!([{"slug": "contact", "title": "Contact"}]);
    dir.write("index.json", &index);
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 0);
    assert!(
        outcome.stdout.contains(
            "warning: index.json: pages: \"contact\" has no site page file pages/contact.json"
        ),
        "{}",
        outcome.stdout
    );
}

#[test]
fn a_folder_that_cannot_be_read_exits_with_2() {
    let outcome = check(Path::new("/no/such/content"));
    assert_eq!(outcome.code, 2);
    assert_eq!(outcome.stderr, "error: /no/such/content is not a folder\n");
}

#[test]
fn ten_thousand_articles_are_checked_quickly() {
    let dir = ContentDir::new();
    let slugs: Vec<String> = (0..10_000).map(|n| format!("story-{n}")).collect();
    let slug_refs: Vec<&str> = slugs.iter().map(String::as_str).collect();
    dir.write("index.json", &index(&slug_refs));
    for slug in &slugs {
        dir.write(&format!("articles/{slug}.json"), &article(slug));
    }
    let started = Instant::now();
    let outcome = check(dir.path());
    assert_eq!(outcome.code, 0, "{}", outcome.stdout);
    assert!(
        outcome
            .stdout
            .contains("checked 1 index page and 10000 articles"),
        "{}",
        outcome.stdout
    );
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
}

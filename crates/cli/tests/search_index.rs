//! `news-blog build`'s search index in segments: a rebuild writes again only the segments
//! whose stories changed, came or went, and every story is in exactly one segment.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::PathBuf;
use std::process::Command;
use std::time::SystemTime;

use serde_json::Value;

mod common;
use common::{root, unbuilt_dist, Dist, TRUNK_PAGE};

const SITE: &str = "https://example.org/news/";

/// Stories per segment in these tests: the ten sample stories make four segments.
const SEGMENT_SIZE: &str = "3";

/// A dist folder with Trunk's page and the sample content, built once.
fn built_dist() -> Dist {
    let dist = unbuilt_dist("news-blog-search-index", TRUNK_PAGE, "public/content");
    build(&dist);
    dist
}

fn build(dist: &Dist) {
    let output = Command::new(env!("CARGO_BIN_EXE_news-blog"))
        .env("SOURCE_DATE_EPOCH", "1764547200")
        .arg("build")
        .arg(&dist.0)
        .args(["--site-url", SITE, "--search-segment-size", SEGMENT_SIZE])
        .arg("--pagefind")
        .arg(root().join("tests/e2e/node_modules/.bin/pagefind"))
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The segments the search page is told to read.
fn listed_segments(dist: &Dist) -> Vec<String> {
    let text = fs::read_to_string(dist.0.join("pagefind/segments.json")).expect("segment list");
    let list: Value = serde_json::from_str(&text).expect("JSON");
    list["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|name| name.as_str().expect("a name").to_owned())
        .collect()
}

/// A segment's Pagefind entry file.
fn entry_file(dist: &Dist, segment: &str) -> PathBuf {
    dist.0
        .join("pagefind")
        .join(segment)
        .join("pagefind-entry.json")
}

/// Each listed segment's Pagefind entry file, by segment.
fn entries(dist: &Dist) -> BTreeMap<String, Value> {
    listed_segments(dist)
        .into_iter()
        .map(|name| {
            let path = entry_file(dist, &name);
            let text = fs::read_to_string(&path).expect("entry");
            (name, serde_json::from_str(&text).expect("JSON"))
        })
        .collect()
}

/// When each listed segment was last written.
fn written(dist: &Dist) -> BTreeMap<String, SystemTime> {
    listed_segments(dist)
        .into_iter()
        .map(|name| {
            let path = entry_file(dist, &name);
            let time = fs::metadata(path)
                .and_then(|meta| meta.modified())
                .expect("time");
            (name, time)
        })
        .collect()
}

/// How many pages the listed segments index, in all.
fn indexed_pages(dist: &Dist) -> u64 {
    entries(dist)
        .values()
        .flat_map(|entry| {
            entry["languages"]
                .as_object()
                .expect("languages")
                .values()
                .map(|language| language["page_count"].as_u64().expect("count"))
                .collect::<Vec<_>>()
        })
        .sum()
}

/// The addresses of the pages the listed segments index, read from Pagefind's fragments
/// (gzipped JSON after a signature).
fn indexed_urls(dist: &Dist) -> Vec<String> {
    let mut urls = Vec::new();
    for segment in listed_segments(dist) {
        let folder = dist.0.join("pagefind").join(segment).join("fragment");
        for entry in fs::read_dir(folder)
            .expect("fragments")
            .filter_map(Result::ok)
        {
            let mut text = String::new();
            let bytes = fs::read(entry.path()).expect("fragment");
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_string(&mut text)
                .expect("gzip");
            let mut rest = text.as_str();
            while let Some(at) = rest.find("\"url\":\"") {
                rest = &rest[at + 7..];
                let end = rest.find('"').expect("end of the address");
                urls.push(rest[..end].to_owned());
                rest = &rest[end..];
            }
        }
    }
    urls.sort();
    urls
}

fn n_sample_stories() -> u64 {
    fs::read_dir(root().join("public/content/articles"))
        .expect("articles")
        .count() as u64
}

fn article(dist: &Dist, slug: &str) -> PathBuf {
    dist.0.join(format!("content/articles/{slug}.json"))
}

#[test]
fn every_story_is_indexed_once_across_segments_of_the_set_size() {
    let dist = built_dist();
    let segments = listed_segments(&dist);
    assert_eq!(segments.len() as u64, n_sample_stories().div_ceil(3));
    assert_eq!(indexed_pages(&dist), n_sample_stories());
    // The app imports Pagefind's script from the index's folder; no segment ships its own,
    // nor Pagefind's interfaces, which insert text as HTML.
    assert!(dist.0.join("pagefind/pagefind.js").is_file());
    for segment in &segments {
        let folder = dist.0.join("pagefind").join(segment);
        assert!(folder.join("pagefind-worker.js").is_file());
        assert!(!folder.join("pagefind.js").exists());
        assert!(!folder.join("pagefind-ui.js").exists());
    }
}

#[test]
fn an_edited_story_rewrites_only_its_own_segment() {
    let dist = built_dist();
    let before = written(&dist);
    let path = article(&dist, "harbour-reopens-after-storm-repairs");
    let text = fs::read_to_string(&path).expect("article");
    let edited = text.replacen("six months", "seven months", 1);
    assert_ne!(edited, text);
    fs::write(&path, edited).expect("edit");
    build(&dist);
    let after = written(&dist);
    assert_eq!(after.len(), before.len());
    let rewritten: Vec<&String> = after
        .iter()
        .filter(|(name, time)| before.get(*name) != Some(time))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(rewritten.len(), 1, "{before:?} {after:?}");
    assert_eq!(indexed_pages(&dist), n_sample_stories());
}

#[test]
fn nothing_changed_leaves_every_segment() {
    let dist = built_dist();
    let before = written(&dist);
    build(&dist);
    assert_eq!(written(&dist), before);
}

#[test]
fn a_deleted_story_leaves_the_index_and_a_new_one_joins_it() {
    let dist = built_dist();
    let slug = "harbour-reopens-after-storm-repairs";
    let text = fs::read_to_string(article(&dist, slug)).expect("article");
    fs::remove_file(article(&dist, slug)).expect("delete");
    build(&dist);
    assert_eq!(indexed_pages(&dist), n_sample_stories() - 1);
    let added = "harbour-reopens-again";
    fs::write(
        article(&dist, added),
        text.replace(&format!("\"{slug}\""), &format!("\"{added}\"")),
    )
    .expect("add");
    build(&dist);
    assert_eq!(indexed_pages(&dist), n_sample_stories());
    let urls = indexed_urls(&dist);
    assert!(urls.contains(&format!("/article/{added}/")), "{urls:?}");
    assert!(!urls.contains(&format!("/article/{slug}/")), "{urls:?}");
}

#[test]
fn a_segment_emptied_by_deletions_is_removed_from_the_list_and_the_site() {
    let dist = built_dist();
    let before = listed_segments(&dist);
    let slugs: Vec<String> = fs::read_dir(dist.0.join("content/articles"))
        .expect("articles")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .filter_map(|path| {
            path.file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
        })
        .collect();
    // The last segment holds the newest story alone (ten stories, three a segment).
    let last = before.last().expect("a segment");
    let dates: Vec<(String, String)> = slugs
        .iter()
        .map(|slug| {
            let text = fs::read_to_string(article(&dist, slug)).expect("article");
            let json: Value = serde_json::from_str(&text).expect("JSON");
            (
                json["published"].as_str().unwrap_or("").to_owned(),
                slug.clone(),
            )
        })
        .collect();
    let newest = dates
        .iter()
        .max()
        .map(|(_, slug)| slug.clone())
        .expect("newest");
    fs::remove_file(article(&dist, &newest)).expect("delete");
    build(&dist);
    let after = listed_segments(&dist);
    assert_eq!(after.len(), before.len() - 1, "{before:?} {after:?}");
    assert!(!after.contains(last));
    assert!(!dist.0.join("pagefind").join(last).exists());
    assert_eq!(indexed_pages(&dist), n_sample_stories() - 1);
}

#[test]
fn a_changed_site_language_rewrites_every_segment_in_it() {
    let dist = built_dist();
    let spa = dist.0.join("spa.html");
    let page = fs::read_to_string(&spa).expect("Trunk's page");
    fs::write(
        &spa,
        page.replace(
            "</head>",
            "<meta name=\"news-blog-language\" content=\"fr\">\n</head>",
        ),
    )
    .expect("set the language");
    build(&dist);
    for (segment, entry) in entries(&dist) {
        let languages: Vec<&String> = entry["languages"]
            .as_object()
            .expect("languages")
            .keys()
            .collect();
        assert_eq!(languages, ["fr"], "{segment}: {entry}");
    }
    assert_eq!(indexed_pages(&dist), n_sample_stories());
}

#[test]
fn an_index_written_before_segments_is_replaced_whole() {
    let dist = built_dist();
    fs::remove_file(dist.0.join(".news-blog-search-segments.json")).expect("forget");
    fs::write(dist.0.join("pagefind/pagefind-entry.json"), "{}").expect("an old entry");
    build(&dist);
    assert!(!dist.0.join("pagefind/pagefind-entry.json").exists());
    assert_eq!(indexed_pages(&dist), n_sample_stories());
}

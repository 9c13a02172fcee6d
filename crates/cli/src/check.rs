//! `news-blog check`: every problem in a content folder, with its file and JSON path.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use news_model::{
    parse_article_with_seo, parse_feed_index, parse_footer_pages, parse_site_page, LinkKind,
    Problem, Rejected, Severity,
};

use crate::content::PAGES_FOLDER;
use crate::files::FileError;

/// One line of the report.
struct Finding {
    file: String,
    problem: Problem,
}

/// Checks `content_dir` and prints the report; see the `check` command's help for exit codes.
pub fn run(content_dir: &Path) -> ExitCode {
    match check(content_dir) {
        Ok(report) => {
            for finding in &report.findings {
                let label = match finding.problem.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                println!("{label}: {}: {}", finding.file, finding.problem);
            }
            let n_errors = report.count(Severity::Error);
            let n_warnings = report.count(Severity::Warning);
            let index_pages = format!(
                "{} index {}",
                report.n_index_pages,
                plural(report.n_index_pages, "page", "pages")
            );
            let articles = format!(
                "{} {}",
                report.n_articles,
                plural(report.n_articles, "article", "articles")
            );
            // Site pages are optional: a folder without them reads as before they existed.
            let checked = match report.n_site_pages {
                0 => format!("{index_pages} and {articles}"),
                n => format!(
                    "{index_pages}, {articles} and {n} site {}",
                    plural(n, "page", "pages")
                ),
            };
            println!(
                "checked {checked}: {n_errors} {}, {n_warnings} {}",
                plural(n_errors, "error", "errors"),
                plural(n_warnings, "warning", "warnings"),
            );
            if n_errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => crate::report_error(&error),
    }
}

struct Report {
    findings: Vec<Finding>,
    n_index_pages: usize,
    n_articles: usize,
    n_site_pages: usize,
}

impl Report {
    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|finding| finding.problem.severity == severity)
            .count()
    }

    /// Reports every problem the model found in `file`.
    fn extend(&mut self, file: &str, problems: Vec<Problem>) {
        self.findings
            .extend(problems.into_iter().map(|problem| Finding {
                file: file.to_owned(),
                problem,
            }));
    }

    /// The text of `path` (shown as `file`), or an error finding when it cannot be read.
    fn read(&mut self, path: &Path, file: &str) -> Option<String> {
        match fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(error) => {
                self.add(
                    file,
                    "",
                    format!("cannot be read: {error}"),
                    Severity::Error,
                );
                None
            }
        }
    }

    fn add(
        &mut self,
        file: &str,
        path: impl Into<String>,
        message: impl Into<String>,
        severity: Severity,
    ) {
        self.findings.push(Finding {
            file: file.to_owned(),
            problem: Problem {
                path: path.into(),
                message: message.into(),
                severity,
            },
        });
    }
}

/// Why a content folder could not be checked at all.
#[derive(Debug, thiserror::Error)]
enum CheckError {
    #[error("{} is not a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("reading the articles")]
    Articles(#[source] FileError),
    #[error("reading the site pages")]
    SitePages(#[source] FileError),
}

fn check(content_dir: &Path) -> Result<Report, CheckError> {
    if !content_dir.is_dir() {
        return Err(CheckError::NotAFolder(content_dir.to_owned()));
    }
    let mut report = Report {
        findings: Vec::new(),
        n_index_pages: 0,
        n_articles: 0,
        n_site_pages: 0,
    };
    let Listed {
        articles: listed,
        site_pages: footer,
    } = check_index_pages(content_dir, &mut report);
    let found = check_articles(content_dir, &mut report)?;
    let found_pages = check_site_pages(content_dir, &mut report)?;
    for slug in &footer {
        if !found_pages.contains(slug) {
            report.add(
                "index.json",
                "pages",
                format!("{slug:?} has no site page file {PAGES_FOLDER}/{slug}.json"),
                Severity::Warning,
            );
        }
    }

    for (slug, file, path) in &listed {
        if !found.contains(slug) {
            report.add(
                file,
                path.clone(),
                format!("{slug:?} has no article file articles/{slug}.json"),
                Severity::Warning,
            );
        }
    }
    let listed_slugs: BTreeSet<&String> = listed.iter().map(|(slug, _, _)| slug).collect();
    for slug in &found {
        if !listed_slugs.contains(slug) {
            report.add(
                &format!("articles/{slug}.json"),
                "",
                "is not listed in the feed index",
                Severity::Warning,
            );
        }
    }
    Ok(report)
}

/// The slugs an index lists, with where each is listed.
#[derive(Default)]
struct Listed {
    /// Each story's slug, the index file and the path where it is listed.
    articles: Vec<(String, String, String)>,
    /// The slugs of the footer's site pages (`pages` of `index.json`).
    site_pages: Vec<String>,
}

/// Checks `index.json` and the older pages its `next` links name; returns every listed slug
/// with the file and path where it was listed.
fn check_index_pages(content_dir: &Path, report: &mut Report) -> Listed {
    let mut listed = Listed::default();
    let mut seen_slugs = BTreeSet::new();
    let mut next_file = Some(PathBuf::from("index.json"));
    let mut visited = BTreeSet::new();
    while let Some(relative) = next_file.take() {
        let file = relative.to_string_lossy().into_owned();
        if !visited.insert(file.clone()) {
            report.add(
                &file,
                "",
                "is named again by a `next` link: the pages form a loop",
                Severity::Error,
            );
            break;
        }
        let Some(text) = report.read(&content_dir.join(&relative), &file) else {
            break;
        };
        report.n_index_pages += 1;
        match parse_feed_index(&text) {
            Ok(parsed) => {
                report.extend(&file, parsed.problems);
                // The footer's pages: only the first page's are read, by the build.
                if report.n_index_pages == 1 {
                    let footer = parse_footer_pages(&text);
                    report.extend(&file, footer.problems);
                    listed.site_pages = footer
                        .document
                        .iter()
                        .map(|page| page.slug.to_string())
                        .collect();
                }
                for (entry_idx, entry) in parsed.document.entries.iter().enumerate() {
                    // This format's entries are all stories of the site.
                    let Some(slug) = entry.story.slug().map(ToString::to_string) else {
                        continue;
                    };
                    let path = format!("articles[{entry_idx}].slug");
                    if !seen_slugs.insert(slug.clone()) {
                        report.add(
                            &file,
                            path.clone(),
                            format!("{slug:?} is already listed on an earlier page"),
                            Severity::Error,
                        );
                    }
                    listed.articles.push((slug, file.clone(), path));
                }
                // Only a relative `next` names a file in this folder; other pages are not checked.
                next_file = parsed
                    .document
                    .next
                    .filter(|next| next.kind() == LinkKind::DocumentRelative)
                    .map(|next| relative.with_file_name(next.as_str()));
            }
            Err(rejected) => {
                report.extend(&file, rejected.problems);
            }
        }
    }
    listed
}

/// Checks every `articles/*.json`; returns the slugs of the articles that could be read.
fn check_articles(content_dir: &Path, report: &mut Report) -> Result<BTreeSet<String>, CheckError> {
    let paths = crate::content::article_files(content_dir).map_err(CheckError::Articles)?;
    report.n_articles = paths.len();
    Ok(check_documents(&paths, "articles", report, |text| {
        parse_article_with_seo(text)
            .map(|parsed| (parsed.document.0.slug.to_string(), parsed.problems))
    }))
}

/// Checks every `pages/*.json` (content format 1.2) as a site page; returns the slugs of the
/// pages that could be read.
fn check_site_pages(
    content_dir: &Path,
    report: &mut Report,
) -> Result<BTreeSet<String>, CheckError> {
    let paths = crate::content::page_files(content_dir).map_err(CheckError::SitePages)?;
    report.n_site_pages = paths.len();
    Ok(check_documents(&paths, PAGES_FOLDER, report, |text| {
        parse_site_page(text).map(|parsed| (parsed.document.slug.to_string(), parsed.problems))
    }))
}

/// Reads a document's text: its slug and its problems, or why it is refused.
type ReadDocument = fn(&str) -> Result<(String, Vec<Problem>), Rejected>;

/// Reports the problems `parse` finds in each of `paths` (files of `folder`), and a slug that
/// does not match its file's name; returns the slugs of the documents the app can load.
fn check_documents(
    paths: &[PathBuf],
    folder: &str,
    report: &mut Report,
    parse: ReadDocument,
) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = format!("{folder}/{name}");
        let Some(text) = report.read(path, &file) else {
            continue;
        };
        match parse(&text) {
            Ok((slug, problems)) => {
                report.extend(&file, problems);
                let expected_name = format!("{slug}.json");
                if name != expected_name {
                    report.add(&file, "slug", format!("{slug:?} does not match the file name; the app loads it from {folder}/{expected_name}"), Severity::Error);
                } else {
                    found.insert(slug);
                }
            }
            Err(rejected) => {
                report.extend(&file, rejected.problems);
            }
        }
    }
    found
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}

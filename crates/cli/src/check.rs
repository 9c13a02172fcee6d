//! `news-blog check`: every problem in a content folder, with its file and JSON path.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use news_model::{parse_article, parse_feed_index, LinkKind, Problem, Severity};

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
            println!(
                "checked {} index {} and {} {}: {n_errors} {}, {n_warnings} {}",
                report.n_index_pages,
                plural(report.n_index_pages, "page", "pages"),
                report.n_articles,
                plural(report.n_articles, "article", "articles"),
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
}

fn check(content_dir: &Path) -> Result<Report, CheckError> {
    if !content_dir.is_dir() {
        return Err(CheckError::NotAFolder(content_dir.to_owned()));
    }
    let mut report = Report {
        findings: Vec::new(),
        n_index_pages: 0,
        n_articles: 0,
    };
    let listed = check_index_pages(content_dir, &mut report);
    let found = check_articles(content_dir, &mut report)?;

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

/// Checks `index.json` and the older pages its `next` links name; returns every listed slug
/// with the file and path where it was listed.
fn check_index_pages(content_dir: &Path, report: &mut Report) -> Vec<(String, String, String)> {
    let mut listed = Vec::new();
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
                    listed.push((slug, file.clone(), path));
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

    let mut found = BTreeSet::new();
    for path in paths {
        report.n_articles += 1;
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = format!("articles/{name}");
        let Some(text) = report.read(&path, &file) else {
            continue;
        };
        match parse_article(&text) {
            Ok(parsed) => {
                report.extend(&file, parsed.problems);
                let slug = parsed.document.slug.to_string();
                let expected_name = format!("{slug}.json");
                if name != expected_name {
                    report.add(&file, "slug", format!("{slug:?} does not match the file name; the app loads it from articles/{expected_name}"), Severity::Error);
                } else {
                    found.insert(slug);
                }
            }
            Err(rejected) => {
                report.extend(&file, rejected.problems);
            }
        }
    }
    Ok(found)
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}

//! `news-blog`: command-line tools for the News Blog content format.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

// mimalloc keeps and reuses freed memory: brotli's encoder takes a large hash table for each
// file, and with the system allocator every one came fresh from the kernel (a page fault and a
// zeroed page for each 4 KB), which cost more than the compression itself on a large site.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Hands the memory freed so far back to the system. mimalloc keeps freed memory for reuse: a
/// build of 100,000 stories that has dropped its parsed articles would go on holding their
/// gigabyte while the search indexer's runs take theirs beside it.
fn give_back_freed_memory() {
    // SAFETY: mi_collect takes and returns nothing; it only walks mimalloc's own heaps.
    unsafe { libmimalloc_sys::mi_collect(true) }
}
use news_model::sources::{ContentSource, SourceSettingError};

mod article_scan;
mod boot;
mod build;
mod check;
mod compress;
mod content;
mod feeds;
mod fetch_plan;
mod files;
mod head;
mod host_files;
mod html;
mod import;
mod import_state;
mod language;
mod manifest;
mod pages;
mod parallel;
mod progress;
mod search_index;
mod site;
mod source_client;
mod stylesheet;
mod template;
mod topics;

#[derive(Parser)]
#[command(name = "news-blog", version, about = "Tools for News Blog content")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks a content folder (index.json, articles/*.json and pages/*.json) against the
    /// content format.
    ///
    /// Prints every error and warning with its file and JSON path. Exits with 1 when there is
    /// an error, 2 when the folder cannot be read, and 0 otherwise (warnings allowed).
    Check {
        /// The content folder, e.g. public/content.
        content_dir: PathBuf,
    },
    /// Prerenders a built site (the output of `trunk build`) for static hosting.
    ///
    /// Writes article/{slug}/index.html for every article and a prerendered index.html, each
    /// readable without JavaScript and with title, description, canonical URL, Open Graph,
    /// Twitter and (articles) NewsArticle JSON-LD tags; 404.html; feed.json, rss.xml,
    /// sitemap.xml and robots.txt; the boot script as boot-<hash>.js, for a strict CSP; and a .br and .gz
    /// copy of every text and wasm file, for servers that send precompressed files.
    Build {
        /// The built site, e.g. dist. Its content/ folder is read.
        dist: PathBuf,
        /// The site's public URL; its path is the base path, e.g. https://example.org/news/.
        #[arg(long)]
        site_url: String,
        /// Prerender a publisher's stories instead of the content folder's: they are imported
        /// into it first, and every page names the source so the app reads it live.
        #[command(flatten)]
        source: SourceArgs,
        /// The Pagefind program that writes the search index (npm `pagefind` 1.x).
        #[arg(long, default_value = "pagefind")]
        pagefind: std::ffi::OsString,
        /// Write no search index: the search page then uses a WordPress or Ghost source's own
        /// search, and says search is unavailable otherwise.
        #[arg(long)]
        no_search: bool,
        /// Stories per segment of the search index: a rebuild indexes again only the segments
        /// whose stories changed, and a search reads every segment.
        #[arg(long, default_value_t = search_index::STORIES_PER_SEGMENT,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        search_segment_size: usize,
    },
    /// Writes a WordPress site's, a Ghost site's or a JSON Feed's stories as a content folder
    /// in this project's format (a paged index and one file per article; pictures stay at
    /// their addresses). Its index*.json and articles/*.json are replaced.
    Import {
        #[command(flatten)]
        source: SourceArgs,
        /// The content folder to write, e.g. public/content.
        out_dir: PathBuf,
    },
}

#[derive(clap::Args)]
struct SourceArgs {
    /// json (the content folder, the default), wordpress, ghost or jsonfeed.
    #[arg(long)]
    source: Option<String>,
    /// The WordPress or Ghost site's address, or the feed's URL.
    #[arg(long)]
    source_url: Option<String>,
    /// A Ghost site's Content API key.
    #[arg(long)]
    source_key: Option<String>,
    /// Fetch every post of a WordPress or Ghost source. Without it, an import (and a build
    /// with --source) that finds the state of its last import of the same source in the
    /// content folder (.news-blog-import.json) asks only for the posts changed since, and
    /// removes those that went.
    #[arg(long)]
    fetch_all: bool,
    /// The source's own pages (WordPress or Ghost pages, by slug, comma-separated, in order)
    /// that every page's footer links; none by default. Every page is imported either way.
    #[arg(long, value_delimiter = ',')]
    footer_pages: Vec<String>,
}

impl SourceArgs {
    fn content_source(&self) -> Result<ContentSource, SourceSettingError> {
        ContentSource::from_settings(
            self.source.as_deref(),
            self.source_url.as_deref(),
            self.source_key.as_deref(),
        )
    }

    fn fetch(&self) -> import::Fetch {
        if self.fetch_all {
            import::Fetch::Everything
        } else {
            import::Fetch::Changes
        }
    }
}

/// Why a command stopped; each error's causes are its `source` chain, printed below it.
#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error(transparent)]
    Settings(#[from] SourceSettingError),
    #[error(transparent)]
    Import(#[from] import::ImportError),
    #[error(transparent)]
    Build(#[from] build::BuildError),
}

/// Prints `error` and each of its causes, one a line, and gives the exit code for errors
/// that stop a command.
fn report_error(error: &dyn std::error::Error) -> ExitCode {
    eprintln!("error: {error}");
    let mut cause = error.source();
    while let Some(reason) = cause {
        eprintln!("  caused by: {reason}");
        cause = reason.source();
    }
    ExitCode::from(2)
}

/// Imports `source` into `out_dir`, its pages named `footer_pages` linked from the footer,
/// reporting what was left out; the site's name on success.
fn run_import(
    source: &ContentSource,
    footer_pages: &[String],
    out_dir: &std::path::Path,
    fetch: import::Fetch,
) -> Result<String, CliError> {
    let imported = import::import(source, footer_pages, out_dir, fetch)?;
    match &imported.scope {
        import::Scope::Everything { why: Some(why) } => {
            eprintln!("fetching every post: {why}");
        }
        import::Scope::Everything { why: None } => {}
        import::Scope::Changes { n_fetched, n_gone } => println!(
            "fetched only what changed since the last import: {n_fetched} new or changed, {n_gone} gone"
        ),
    }
    for skipped in &imported.skipped {
        eprintln!("skipped {}: {}", skipped.story, skipped.reason);
    }
    if !imported.dropped.is_empty() {
        let dropped: Vec<String> = imported
            .dropped
            .iter()
            .map(|(what, count)| format!("{what} ×{count}"))
            .collect();
        eprintln!("left out of the stories' text: {}", dropped.join(", "));
    }
    let language = match &imported.language {
        Some(language) => format!("in {language}"),
        None => "its language not said".to_owned(),
    };
    let pages = if imported.n_pages == 1 {
        "page"
    } else {
        "pages"
    };
    println!(
        "imported {} stories and {} {pages} of {:?} ({language}) into {} ({} skipped)",
        imported.n_articles,
        imported.n_pages,
        imported.site_name,
        out_dir.display(),
        imported.skipped.len()
    );
    Ok(imported.site_name)
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { content_dir } => check::run(&content_dir),
        Command::Import { source, out_dir } => {
            let imported =
                source
                    .content_source()
                    .map_err(CliError::from)
                    .and_then(|content_source| {
                        run_import(
                            &content_source,
                            &source.footer_pages,
                            &out_dir,
                            source.fetch(),
                        )
                    });
            match imported {
                Ok(_) => ExitCode::SUCCESS,
                Err(error) => report_error(&error),
            }
        }
        Command::Build {
            dist,
            site_url,
            source,
            pagefind,
            no_search,
            search_segment_size,
        } => {
            let indexer = if no_search {
                search_index::Indexer::Off
            } else {
                search_index::Indexer::Pagefind {
                    program: pagefind,
                    stories_per_segment: search_segment_size,
                }
            };
            report_build(
                build_with_source(&dist, &site_url, &source, &indexer),
                &dist,
            )
        }
    }
}

fn report_build(built: Result<build::Built, CliError>, dist: &std::path::Path) -> ExitCode {
    match built {
        Ok(built) => {
            for skipped in &built.skipped {
                eprintln!("warning: {skipped} was not prerendered: it does not parse (run `news-blog check`)");
            }
            if let search_index::Outcome::Skipped(reason) = &built.search {
                eprintln!("warning: no search index: {reason}");
            }
            println!(
                "prerendered {} articles into {} ({} rendered, the others unchanged)",
                built.n_articles,
                dist.display(),
                built.n_rendered
            );
            ExitCode::SUCCESS
        }
        Err(error) => report_error(&error),
    }
}

fn build_with_source(
    dist: &std::path::Path,
    site_url: &str,
    source: &SourceArgs,
    indexer: &search_index::Indexer,
) -> Result<build::Built, CliError> {
    let fetch = source.fetch();
    let footer_pages = &source.footer_pages;
    let source = source.content_source()?;
    let source = match source {
        ContentSource::Json => None,
        other => {
            let site_name = run_import(&other, footer_pages, &dist.join("content"), fetch)?;
            Some(build::ImportedSource {
                source: other,
                site_name,
            })
        }
    };
    Ok(build::build(dist, site_url, source.as_ref(), indexer)?)
}

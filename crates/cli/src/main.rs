//! `news-blog`: command-line tools for the News Blog content format.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod build;
mod check;
mod compress;
mod content;
mod feeds;
mod files;
mod head;
mod host_files;
mod html;
mod inert_html;
mod pages;
mod progress;
mod site;
mod stylesheet;
mod template;

#[derive(Parser)]
#[command(name = "news-blog", version, about = "Tools for News Blog content")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks a content folder (index.json and articles/*.json) against the content format.
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
    /// sitemap.xml and robots.txt; the loader as boot.js for a strict CSP; and a .br and .gz
    /// copy of every text and wasm file, for servers that send precompressed files.
    Build {
        /// The built site, e.g. dist. Its content/ folder is read.
        dist: PathBuf,
        /// The site's public URL; its path is the base path, e.g. https://example.org/news/.
        #[arg(long)]
        site_url: String,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { content_dir } => check::run(&content_dir),
        Command::Build { dist, site_url } => match build::build(&dist, &site_url) {
            Ok(built) => {
                for skipped in &built.skipped {
                    eprintln!("warning: {skipped} was not prerendered: it does not parse (run `news-blog check`)");
                }
                println!(
                    "prerendered {} articles into {}",
                    built.n_articles,
                    dist.display()
                );
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
        },
    }
}

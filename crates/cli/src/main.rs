//! `news-blog`: command-line tools for the News Blog content format.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod check;

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
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { content_dir } => check::run(&content_dir),
    }
}

//! The site's search index: Pagefind (npm `pagefind`), run over the prerendered article pages.
//! Its chunked index lets a reader's browser fetch only the parts a query needs, so search
//! scales to large archives with no server; the app loads Pagefind's script only when a reader
//! searches. The article markup says what is indexed (`data-pagefind-body`, `-meta`,
//! `-ignore` in `news_views`).

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

use crate::files::{remove_file_if_present, remove_folder_if_present, FileError};

/// The index's folder in the site, where the app looks for `pagefind.js`.
pub const FOLDER: &str = "pagefind";

/// The pages indexed: articles only (their widget copies and the lists would be duplicates).
const INDEXED_PAGES: &str = "article/*/index.html";

/// What Pagefind writes that the app does not use: its ready-made interfaces, which insert
/// result text as HTML.
const UNUSED_FILES: [&str; 7] = [
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
];

/// How the build runs Pagefind.
#[derive(Clone, Debug)]
pub enum Indexer {
    /// This program (a path, or a name looked up on `PATH`).
    Pagefind(OsString),
    /// No search index (`--no-search`): the app offers the source's own search, if any.
    Off,
}

/// What became of the search index.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Written,
    /// Nothing changed since the last build's index.
    Unchanged,
    /// Turned off, or Pagefind is not installed: the reason, for a warning.
    Skipped(String),
}

/// Why the index could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SearchIndexError {
    #[error("pagefind failed ({status}): {output}")]
    Failed { status: String, output: String },
    #[error(transparent)]
    Files(#[from] FileError),
}

/// Writes the index of the article pages in `dist` into `dist/pagefind/` (replacing the last
/// one), unless `is_current` (no article page changed and an index is there).
pub fn write(
    dist: &Path,
    indexer: &Indexer,
    is_current: bool,
) -> Result<Outcome, SearchIndexError> {
    let Indexer::Pagefind(program) = indexer else {
        return Ok(Outcome::Skipped("turned off (--no-search)".into()));
    };
    let folder = dist.join(FOLDER);
    if is_current && folder.join("pagefind.js").is_file() {
        return Ok(Outcome::Unchanged);
    }
    // Pagefind adds to what is there; an old index would keep deleted stories findable.
    remove_folder_if_present(&folder)?;
    let run = Command::new(program)
        .arg("--site")
        .arg(dist)
        .args([
            "--glob",
            INDEXED_PAGES,
            "--output-subdir",
            FOLDER,
            "--quiet",
        ])
        .output();
    let output = match run {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Outcome::Skipped(format!(
                "{} was not found (install it with `npm install pagefind@1.6.0`, or pass \
                 --pagefind PATH)",
                program.to_string_lossy()
            )))
        }
        Err(error) => {
            return Err(SearchIndexError::Failed {
                status: "did not start".into(),
                output: error.to_string(),
            })
        }
    };
    if !output.status.success() {
        return Err(SearchIndexError::Failed {
            status: output.status.to_string(),
            output: format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            )
            .trim()
            .to_owned(),
        });
    }
    for unused in UNUSED_FILES {
        remove_file_if_present(&folder.join(unused))?;
    }
    Ok(Outcome::Written)
}

/// The files of a freshly written index worth precompressing: Pagefind's scripts (its wasm
/// and index chunks are compressed already).
pub fn compressible_files(dist: &Path) -> Vec<std::path::PathBuf> {
    ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json"]
        .map(|file| dist.join(FOLDER).join(file))
        .into_iter()
        .filter(|path| path.is_file())
        .collect()
}

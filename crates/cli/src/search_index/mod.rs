//! The site's search index: Pagefind (npm `pagefind`), run over the prerendered article pages.
//! Its chunked index lets a reader's browser fetch only the parts a query needs, so search
//! scales to large archives with no server; the app loads Pagefind's script only when a reader
//! searches. The article markup says what is indexed (`data-pagefind-body`, `-meta`,
//! `-ignore` in `news_views`).
//!
//! The index is written in segments (`segments`), each a Pagefind index of its own in
//! `pagefind/segment-{n}/`, listed in `pagefind/segments.json`; the search page reads the
//! first and merges the others (Pagefind's `mergeIndex`), so a rebuild re-indexes only the
//! segments whose stories changed. `pagefind/pagefind.js` is Pagefind's script, the same in
//! every segment, where the app finds it.

mod pagefind;
mod segments;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::files::{self, remove_file_if_present, remove_folder_if_present, FileError};

pub use segments::Stories;
use segments::{plan, Assignment, Plan};

/// The index's folder in the site, where the app looks for `pagefind.js`.
pub const FOLDER: &str = "pagefind";

/// The list of segments in [`FOLDER`], which the search page reads.
const SEGMENT_LIST: &str = "segments.json";

/// How many stories a segment holds by default. Pagefind indexes 1,000 article pages in
/// 1 to 2 s and 100 MB on a 2-core machine shared with other builds (2,000 took 3 to 4 s), so
/// a rebuild re-indexes a segment in a couple of seconds. A search reads every segment's
/// metadata (11 KB gzipped for 2,000 stories) and one chunk a segment for each word, so
/// 100,000 stories mean 100 segments' requests.
pub const STORIES_PER_SEGMENT: usize = 1_000;

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
    /// This program (a path, or a name looked up on `PATH`), writing segments of at most
    /// `stories_per_segment` stories.
    Pagefind {
        program: OsString,
        stories_per_segment: usize,
    },
    /// No search index (`--no-search`): the app offers the source's own search, if any.
    Off,
}

/// What became of the search index.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// These segments' folders were written (the others are as the last build left them).
    Written { segments: Vec<PathBuf> },
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

/// The list the search page reads: the segments' folders in [`FOLDER`], the first read
/// first.
#[derive(Serialize)]
struct SegmentList {
    segments: Vec<String>,
}

/// Brings the index in `dist/pagefind/` up to date with the article pages of `stories`:
/// writes the segments whose stories' pages were rendered, came or went, and removes those
/// left empty.
pub fn write(
    dist: &Path,
    indexer: &Indexer,
    stories: &Stories,
) -> Result<Outcome, SearchIndexError> {
    let Indexer::Pagefind {
        program,
        stories_per_segment,
    } = indexer
    else {
        return Ok(Outcome::Skipped("turned off (--no-search)".into()));
    };
    let folder = dist.join(FOLDER);
    let is_written = |number: u32| {
        segment_folder(dist, number)
            .join("pagefind-entry.json")
            .is_file()
    };
    let mut plan = plan(
        Assignment::previous(dist),
        stories,
        *stories_per_segment,
        is_written,
    );
    let is_listed = folder.join("pagefind.js").is_file() && folder.join(SEGMENT_LIST).is_file();
    if !plan.is_fresh && plan.to_write.is_empty() && plan.to_remove.is_empty() && is_listed {
        return Ok(Outcome::Unchanged);
    }
    let Some(version) = pagefind::version(program)? else {
        return Ok(Outcome::Skipped(format!(
            "{} was not found (install it with `npm install pagefind@1.6.0`, or pass \
             --pagefind PATH)",
            program.to_string_lossy()
        )));
    };
    if !plan.assignment.is_written_by(&version) || !is_listed {
        // Segments of two Pagefind versions do not merge, and a list or script gone missing
        // may be of either: all are written again.
        plan = segments::plan(None, stories, *stories_per_segment, is_written);
    }
    Assignment::forget(dist)?;
    if plan.is_fresh {
        // Whatever the last index was (one of another size, or of before segments), none of
        // it is kept.
        remove_folder_if_present(&folder)?;
    }
    write_segments(program, dist, &plan)?;
    list_segments(dist, &plan)?;
    plan.assignment.written_by(&version).save(dist)?;
    Ok(Outcome::Written {
        segments: plan
            .to_write
            .iter()
            .map(|number| segment_folder(dist, *number))
            .collect(),
    })
}

/// Pagefind runs at once at most: each uses several cores and holds its segment's index in
/// memory (100–200 MB at 1,000 stories), so more would not be faster and would grow the build's
/// memory with the machine's cores.
const MAX_PAGEFIND_RUNS: usize = 2;

/// Writes the segments `plan` names, [`MAX_PAGEFIND_RUNS`] at once, and removes the emptied
/// ones.
fn write_segments(program: &OsString, dist: &Path, plan: &Plan) -> Result<(), SearchIndexError> {
    for number in &plan.to_remove {
        remove_folder_if_present(&segment_folder(dist, *number))?;
    }
    let to_write: Vec<u32> = plan.to_write.iter().copied().collect();
    crate::parallel::try_for_each_at_most(MAX_PAGEFIND_RUNS, &to_write, |number| {
        let output = segment_folder(dist, *number);
        // Pagefind adds to what is there; an old segment would keep deleted stories findable.
        remove_folder_if_present(&output)?;
        pagefind::index(program, dist, plan.assignment.stories_of(*number), &output)?;
        let script = output.join("pagefind.js");
        if Some(number) == to_write.first() {
            // The app imports the script at the top; it is the same in every segment.
            let text = std::fs::read(&script).map_err(FileError::at(&script))?;
            files::write(&dist.join(FOLDER).join("pagefind.js"), text)?;
        }
        remove_file_if_present(&script)?;
        for unused in UNUSED_FILES {
            remove_file_if_present(&output.join(unused))?;
        }
        Ok(())
    })
}

/// Writes the list of segments the search page reads.
fn list_segments(dist: &Path, plan: &Plan) -> Result<(), SearchIndexError> {
    let list = SegmentList {
        segments: plan.assignment.numbers().map(segment_name).collect(),
    };
    let path = dist.join(FOLDER).join(SEGMENT_LIST);
    let text = serde_json::to_string(&list).map_err(|error| FileError {
        path: path.clone(),
        source: std::io::Error::other(error),
    })?;
    files::write(&path, text)?;
    Ok(())
}

fn segment_name(number: u32) -> String {
    format!("segment-{number}")
}

fn segment_folder(dist: &Path, number: u32) -> PathBuf {
    dist.join(FOLDER).join(segment_name(number))
}

/// The files of a freshly written index worth precompressing: Pagefind's scripts and the
/// lists (its wasm and index chunks are compressed already).
pub fn compressible_files(dist: &Path, outcome: &Outcome) -> Vec<PathBuf> {
    let Outcome::Written { segments } = outcome else {
        return Vec::new();
    };
    let folder = dist.join(FOLDER);
    [folder.join("pagefind.js"), folder.join(SEGMENT_LIST)]
        .into_iter()
        .chain(segments.iter().flat_map(|segment| {
            ["pagefind-worker.js", "pagefind-entry.json"].map(|file| segment.join(file))
        }))
        .filter(|path| path.is_file())
        .collect()
}

//! Running Pagefind over some of the article pages. Pagefind takes a folder and a glob, not a
//! list of files, so the glob names the segment's stories (`article/{a,b}/index.html`; slugs
//! are lowercase letters, digits and hyphens, nothing a glob reads otherwise). It goes in a
//! configuration file (`pagefind.json` in the folder Pagefind runs in) rather than on the
//! command line, where one argument may not be longer than 128 KB. Linking the pages into a
//! folder of their own was tried first: creating and removing 2,000 links and folders took
//! longer than indexing them.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde::Serialize;

use crate::files::{self, remove_folder_if_present, FileError};

use super::SearchIndexError;

/// The Pagefind `program` runs as `pagefind --version` says, e.g. "pagefind 1.6.0"; `None`
/// when it is not installed.
pub fn version(program: &OsStr) -> Result<Option<String>, SearchIndexError> {
    match Command::new(program).arg("--version").output() {
        Ok(output) if output.status.success() => Ok(Some(
            String::from_utf8_lossy(&output.stdout).trim().to_owned(),
        )),
        Ok(output) => Err(failed(&output)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(SearchIndexError::Failed {
            status: "did not start".into(),
            output: error.to_string(),
        }),
    }
}

/// Pagefind's configuration for one segment.
#[derive(Serialize)]
struct Config {
    site: PathBuf,
    glob: String,
    output_path: PathBuf,
    quiet: bool,
}

/// Writes the index of the pages of `slugs` in `dist` into the empty folder `output` (in
/// `dist`).
pub fn index<'a>(
    program: &OsStr,
    dist: &Path,
    slugs: impl Iterator<Item = &'a str>,
    output: &Path,
) -> Result<(), SearchIndexError> {
    let site = fs::canonicalize(dist).map_err(FileError::at(dist))?;
    let output = match output.strip_prefix(dist) {
        Ok(inside) => site.join(inside),
        Err(_) => output.to_owned(),
    };
    let config = Config {
        glob: format!(
            "article/{{{}}}/index.html",
            slugs.collect::<Vec<_>>().join(",")
        ),
        site,
        output_path: output.clone(),
        quiet: true,
    };
    let folder = ConfigFolder::new(&output, &config)?;
    let run = Command::new(program)
        .current_dir(&folder.path)
        .output()
        .map_err(|error| SearchIndexError::Failed {
            status: "did not start".into(),
            output: error.to_string(),
        })?;
    if !run.status.success() {
        return Err(failed(&run));
    }
    Ok(())
}

fn failed(output: &Output) -> SearchIndexError {
    SearchIndexError::Failed {
        status: output.status.to_string(),
        output: format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
        .trim()
        .to_owned(),
    }
}

/// A temporary folder holding one `pagefind.json`, removed when dropped. It is outside the
/// site, so a build that stops half-way leaves nothing a host would publish.
struct ConfigFolder {
    path: PathBuf,
}

impl ConfigFolder {
    /// A folder named after `output` (each segment's own, so segments can be indexed at
    /// once) and this process.
    fn new(output: &Path, config: &Config) -> Result<ConfigFolder, FileError> {
        let name = output
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let path =
            std::env::temp_dir().join(format!("news-blog-search-{}-{name}", std::process::id()));
        remove_folder_if_present(&path)?;
        let file = path.join("pagefind.json");
        let text = serde_json::to_string(config).map_err(|error| FileError {
            path: file.clone(),
            source: std::io::Error::other(error),
        })?;
        files::write(&file, text)?;
        Ok(ConfigFolder { path })
    }
}

impl Drop for ConfigFolder {
    fn drop(&mut self) {
        // Only the configuration: nothing of the site's is lost if this fails.
        let _ = fs::remove_dir_all(&self.path);
    }
}

//! Running Pagefind over some of the article pages: their pages are linked into a folder of
//! their own, laid out as in the site (`article/{slug}/index.html`, so each result's address
//! is the page's), and Pagefind indexes that folder. Pagefind takes a folder and a glob, not
//! a list of files; a glob naming thousands of slugs would still walk the whole site.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::files::{remove_folder_if_present, FileError};

use super::SearchIndexError;

/// The pages Pagefind indexes in a folder of linked pages.
const INDEXED_PAGES: &str = "article/*/index.html";

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

/// Writes the index of the pages of `slugs` in `dist` into the empty folder `output`.
pub fn index<'a>(
    program: &OsStr,
    dist: &Path,
    slugs: impl Iterator<Item = &'a str>,
    output: &Path,
) -> Result<(), SearchIndexError> {
    let pages = Staging::new(output)?;
    let dist = fs::canonicalize(dist).map_err(FileError::at(dist))?;
    for slug in slugs {
        let page = Path::new("article").join(slug).join("index.html");
        pages.link(&dist.join(&page), &page)?;
    }
    let run = Command::new(program)
        .arg("--site")
        .arg(&pages.folder)
        .args(["--glob", INDEXED_PAGES, "--quiet", "--output-path"])
        .arg(output)
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

/// A temporary folder of links to pages, removed when dropped. It is outside the site, so
/// a build that stops half-way leaves nothing a host would publish.
struct Staging {
    folder: PathBuf,
}

impl Staging {
    /// A folder named after `output` (each segment's own, so segments can be indexed at
    /// once) and this process.
    fn new(output: &Path) -> Result<Staging, FileError> {
        let name = output
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder =
            std::env::temp_dir().join(format!("news-blog-search-{}-{name}", std::process::id()));
        remove_folder_if_present(&folder)?;
        fs::create_dir_all(&folder).map_err(FileError::at(&folder))?;
        Ok(Staging { folder })
    }

    /// Puts the page at `page` (absolute) at `at` (relative) in the folder.
    fn link(&self, page: &Path, at: &Path) -> Result<(), FileError> {
        let link = self.folder.join(at);
        if let Some(parent) = link.parent() {
            fs::create_dir_all(parent).map_err(FileError::at(parent))?;
        }
        link_to(page, &link).map_err(FileError::at(page))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Only links: nothing of the site's is lost if this fails.
        let _ = fs::remove_dir_all(&self.folder);
    }
}

/// A symbolic link where the system has them (Pagefind reads through it), else a copy.
#[cfg(unix)]
fn link_to(page: &Path, link: &Path) -> std::io::Result<()> {
    if !page.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "the article's page is missing",
        ));
    }
    std::os::unix::fs::symlink(page, link)
}

#[cfg(not(unix))]
fn link_to(page: &Path, link: &Path) -> std::io::Result<()> {
    fs::hard_link(page, link).or_else(|_| fs::copy(page, link).map(drop))
}

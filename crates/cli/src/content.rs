//! Finding the documents of a content folder.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::files::FileError;

/// The folder of the site's own pages (content format 1.2) in a content folder:
/// `pages/{slug}.json`, beside `articles/`.
pub const PAGES_FOLDER: &str = "pages";

/// The `articles/*.json` files of a content folder, in name order.
pub fn article_files(content_dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    let articles_dir = content_dir.join("articles");
    json_files(&articles_dir).map_err(FileError::at(&articles_dir))
}

/// The `pages/*.json` files of a content folder, in name order; none when it has no such
/// folder (site pages are optional).
pub fn page_files(content_dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    let pages_dir = content_dir.join(PAGES_FOLDER);
    match json_files(&pages_dir) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        listed => listed.map_err(FileError::at(&pages_dir)),
    }
}

fn json_files(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    Ok(paths)
}

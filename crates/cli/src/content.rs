//! Finding the documents of a content folder.

use std::fs;
use std::path::{Path, PathBuf};

use crate::files::FileError;

/// The `articles/*.json` files of a content folder, in name order.
pub fn article_files(content_dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    let articles_dir = content_dir.join("articles");
    let entries = fs::read_dir(&articles_dir).map_err(FileError::at(&articles_dir))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    Ok(paths)
}

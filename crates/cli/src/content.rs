//! Finding the documents of a content folder.

use std::fs;
use std::path::{Path, PathBuf};

/// The `articles/*.json` files of a content folder, in name order.
pub fn article_files(content_dir: &Path) -> Result<Vec<PathBuf>, String> {
    let articles_dir = content_dir.join("articles");
    let entries = fs::read_dir(&articles_dir)
        .map_err(|error| format!("{} cannot be read: {error}", articles_dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    Ok(paths)
}

//! Reading and writing files with errors that name the file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A file or folder that could not be read or written, and why (its source: the system's
/// reason, printed as the cause).
#[derive(Debug, thiserror::Error)]
#[error("{}", path.display())]
pub struct FileError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

impl FileError {
    /// A closure for `map_err` that names `path`.
    pub fn at(path: &Path) -> impl FnOnce(io::Error) -> FileError + '_ {
        move |source| FileError {
            path: path.to_owned(),
            source,
        }
    }
}

pub fn read_text(path: &Path) -> Result<String, FileError> {
    fs::read_to_string(path).map_err(FileError::at(path))
}

/// Writes `contents` to `path`, making its folder first. A file that already holds exactly
/// `contents` is left alone, modification time and all: a rebuild then rewrites only what
/// changed, and the precompressed copies of the rest stay fresh.
pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), FileError> {
    let contents = contents.as_ref();
    if fs::read(path).is_ok_and(|existing| existing == contents) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(FileError::at(parent))?;
    }
    fs::write(path, contents).map_err(FileError::at(path))
}

/// Writes `value` as JSON to `path`, as [`write`] does.
pub fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<(), FileError> {
    let text = serde_json::to_string(value).map_err(|error| FileError {
        path: path.to_owned(),
        source: io::Error::other(error),
    })?;
    write(path, text)
}

/// Removes the file at `path`; one that is not there is already removed.
pub fn remove_file_if_present(path: &Path) -> Result<(), FileError> {
    ignoring_absence(path, fs::remove_file(path))
}

/// Removes the file at `path` and its precompressed copies, whichever are there.
pub fn remove_with_copies(path: &Path) -> Result<(), FileError> {
    remove_file_if_present(path)?;
    for copy in crate::compress::copies_of(path) {
        remove_file_if_present(&copy)?;
    }
    Ok(())
}

/// Removes the folder at `path` with all it holds; one that is not there is already removed.
pub fn remove_folder_if_present(path: &Path) -> Result<(), FileError> {
    ignoring_absence(path, fs::remove_dir_all(path))
}

fn ignoring_absence(path: &Path, result: io::Result<()>) -> Result<(), FileError> {
    match result {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(FileError::at(path)(error)),
        _ => Ok(()),
    }
}

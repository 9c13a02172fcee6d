//! Precompressed copies (`.br`, `.gz`) next to every text and wasm file, for servers that send
//! them as they are (nginx `brotli_static`/`gzip_static`, Caddy `precompressed`, many CDNs)
//! instead of compressing each answer, or not compressing at all.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::files::FileError;

/// Files worth compressing; pictures other than SVG are compressed already.
const COMPRESSIBLE: &[&str] = &[
    "html", "js", "mjs", "wasm", "css", "json", "svg", "xml", "txt",
];

/// Writes `file.br` (brotli, best quality) and `file.gz` (gzip, best) beside each compressible
/// file under `dir` where that makes it smaller, unless both copies are already newer than the
/// file (a rebuild leaves unchanged files alone). Returns how many files were compressed.
/// `on_file` runs after each file compressed (for progress).
pub fn precompress(dir: &Path, on_file: &mut dyn FnMut()) -> Result<usize, FileError> {
    let mut n_compressed = 0;
    let entries = fs::read_dir(dir).map_err(FileError::at(dir))?;
    for entry in entries {
        let path = entry.map_err(FileError::at(dir))?.path();
        if path.is_dir() {
            n_compressed += precompress(&path, on_file)?;
        } else if is_compressible(&path) && !has_fresh_copies(&path) {
            let raw = fs::read(&path).map_err(FileError::at(&path))?;
            let brotli = brotli_bytes(&raw);
            let gzip = gzip_bytes(&raw).map_err(FileError::at(&path))?;
            for (encoded, extension) in [(brotli, "br"), (gzip, "gz")] {
                let target = path.with_file_name(format!(
                    "{}.{extension}",
                    path.file_name().unwrap_or_default().to_string_lossy()
                ));
                if encoded.len() < raw.len() {
                    fs::write(&target, encoded).map_err(FileError::at(&target))?;
                } else if target.exists() {
                    // A copy from an earlier build would no longer match the file.
                    fs::remove_file(&target).map_err(FileError::at(&target))?;
                }
            }
            n_compressed += 1;
            on_file();
        }
    }
    Ok(n_compressed)
}

/// Whether both precompressed copies of `path` were written after it last changed.
fn has_fresh_copies(path: &Path) -> bool {
    let modified = |path: &Path| fs::metadata(path).and_then(|metadata| metadata.modified());
    let Ok(source) = modified(path) else {
        return false;
    };
    ["br", "gz"].iter().all(|extension| {
        let copy = path.with_file_name(format!(
            "{}.{extension}",
            path.file_name().unwrap_or_default().to_string_lossy()
        ));
        modified(&copy).is_ok_and(|written| written >= source)
    })
}

fn is_compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| COMPRESSIBLE.contains(&extension))
}

fn brotli_bytes(raw: &[u8]) -> Vec<u8> {
    let mut encoded = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    // Writing to a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut &raw[..], &mut encoded, &params);
    encoded
}

fn gzip_bytes(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn both_copies_decode_to_the_original() {
        let raw = "<p>A story, a story, a story.</p>\n".repeat(200);
        let brotli = brotli_bytes(raw.as_bytes());
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &brotli[..], &mut decoded).expect("brotli decodes");
        assert_eq!(decoded, raw.as_bytes());

        let gzip = gzip_bytes(raw.as_bytes()).expect("gzip encodes");
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_string(&mut decoded)
            .expect("gzip decodes");
        assert_eq!(decoded, raw);
        assert!(brotli.len() < raw.len() / 10 && gzip.len() < raw.len() / 10);
    }
}

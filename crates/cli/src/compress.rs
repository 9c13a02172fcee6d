//! Precompressed copies (`.br`, `.gz`) next to every text and wasm file, for servers that send
//! them as they are (nginx `brotli_static`/`gzip_static`, Caddy `precompressed`, many CDNs)
//! instead of compressing each answer, or not compressing at all.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use news_model::StoryOutput;

use crate::files::{remove_file_if_present, FileError};

/// Files worth compressing; pictures other than SVG are compressed already.
const COMPRESSIBLE: &[&str] = &[
    "html", "js", "mjs", "wasm", "css", "json", "svg", "xml", "txt",
];

/// Below this size a compressed copy saves less than one network packet, and a large site has
/// a hundred thousand such files (each story's oEmbed answer): they are sent as they are.
const SMALLEST: u64 = 1024;

/// Which files [`precompress`] looks at.
pub enum Scope<'a> {
    /// Every compressible file outside the folders `except`, and the files `also` (a rebuild
    /// that knows which of the many per-story files it wrote need not look at the others).
    AllBut {
        except: &'a [PathBuf],
        also: &'a [PathBuf],
    },
    /// These files only.
    Only(&'a [PathBuf]),
}

/// Writes `file.br` (brotli) and `file.gz` (gzip) beside each compressible file of `scope`
/// under `dir` where that makes it smaller, unless both copies are already newer than the file
/// (a rebuild leaves unchanged files alone). The files are shared among the machine's cores;
/// `on_file` runs after each (for progress). Returns how many files were compressed.
pub fn precompress(
    dir: &Path,
    scope: Scope,
    on_file: &(dyn Fn() + Sync),
) -> Result<usize, FileError> {
    let mut stale = Vec::new();
    let also = match scope {
        Scope::AllBut { except, also } => {
            collect_stale(dir, except, &mut stale)?;
            also
        }
        Scope::Only(files) => files,
    };
    stale.extend(
        also.iter()
            .filter(|path| needs_copies(path).unwrap_or(false))
            .cloned(),
    );
    crate::parallel::try_for_each(&stale, |path| {
        compress_file(dir, path)?;
        on_file();
        Ok(())
    })?;
    Ok(stale.len())
}

/// The compressible files under `dir`, outside the folders `except`, whose copies are missing
/// or older than they are. Dot files (the build's manifest) are not published content.
fn collect_stale(
    dir: &Path,
    except: &[PathBuf],
    stale: &mut Vec<PathBuf>,
) -> Result<(), FileError> {
    for entry in fs::read_dir(dir).map_err(FileError::at(dir))? {
        let entry = entry.map_err(FileError::at(dir))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') || except.contains(&path) {
            continue;
        }
        if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
            collect_stale(&path, except, stale)?;
        } else if needs_copies(&path)? {
            stale.push(path);
        }
    }
    Ok(())
}

/// Writes the copies of one file under `dir`, or removes an old copy that would not be smaller.
fn compress_file(dir: &Path, path: &Path) -> Result<(), FileError> {
    let raw = fs::read(path).map_err(FileError::at(path))?;
    let relative = path.strip_prefix(dir).unwrap_or(path);
    let effort = Effort::for_file(relative, raw.len());
    let brotli = brotli_bytes(&raw, effort.brotli_quality());
    let gzip = gzip_bytes(&raw, effort.gzip_level()).map_err(FileError::at(path))?;
    for (encoded, target) in [brotli, gzip].into_iter().zip(copies_of(path)) {
        if encoded.len() < raw.len() {
            fs::write(&target, encoded).map_err(FileError::at(&target))?;
        } else if target.exists() {
            // A copy from an earlier build would no longer match the file.
            fs::remove_file(&target).map_err(FileError::at(&target))?;
        }
    }
    Ok(())
}

/// How hard the encoders work on a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effort {
    /// For what every reader downloads: the app's wasm, scripts and stylesheet, the site-wide
    /// pages and feeds, the first page of the index.
    Best,
    /// For the rest, which a large site has by the hundred thousand (each story's page, widget
    /// page, oEmbed answer and document, the older index pages) or which are large (a sitemap
    /// of 50,000 addresses).
    Fast,
}

impl Effort {
    /// `path` is relative to the site's folder.
    fn for_file(path: &Path, len: usize) -> Effort {
        const LARGE: usize = 256 * 1024;
        let components: Vec<&str> = path
            .components()
            .filter_map(|component| component.as_os_str().to_str())
            .collect();
        let is_per_story = StoryOutput::ALL
            .iter()
            .any(|output| path.starts_with(output.folder()));
        let is_later_content = matches!(
            components.as_slice(),
            [.., "content", name, _] | [.., "content", name] if *name != "index.json"
        );
        let is_app = path
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| ["wasm", "js", "css"].contains(&extension));
        if is_per_story || is_later_content || (len > LARGE && !is_app) {
            Effort::Fast
        } else {
            Effort::Best
        }
    }

    /// Brotli's qualities 5 to 11 set up tables of megabytes for every file: about 4 ms for a
    /// 10 KB page against 0.2 ms at 4, for some 9% more bytes (still less than gzip); 3 is
    /// faster again but 6% larger than 4.
    fn brotli_quality(self) -> u32 {
        match self {
            Effort::Best => 11,
            Effort::Fast => 4,
        }
    }

    /// On a story's page gzip's level 6 is a third faster than 9 and under 0.1% larger.
    fn gzip_level(self) -> flate2::Compression {
        match self {
            Effort::Best => flate2::Compression::best(),
            Effort::Fast => flate2::Compression::new(6),
        }
    }
}

/// Whether both precompressed copies of `path` were written after it last changed.
fn has_fresh_copies(path: &Path) -> bool {
    let modified = |path: &Path| fs::metadata(path).and_then(|metadata| metadata.modified());
    let Ok(source) = modified(path) else {
        return false;
    };
    copies_of(path)
        .iter()
        .all(|copy| modified(copy).is_ok_and(|written| written >= source))
}

/// Whether `path` is a compressible file, large enough, whose copies are missing or older than
/// it. The copies of a file now too small are removed: they would no longer match it.
fn needs_copies(path: &Path) -> Result<bool, FileError> {
    let is_compressible = path
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| COMPRESSIBLE.contains(&extension));
    let Ok(metadata) = fs::metadata(path) else {
        return Ok(false);
    };
    if !is_compressible {
        return Ok(false);
    }
    if metadata.len() < SMALLEST {
        for copy in copies_of(path) {
            remove_file_if_present(&copy)?;
        }
        return Ok(false);
    }
    Ok(!has_fresh_copies(path))
}

/// The brotli and gzip copies' paths of `path`.
pub fn copies_of(path: &Path) -> [PathBuf; 2] {
    ["br", "gz"].map(|extension| {
        path.with_file_name(format!(
            "{}.{extension}",
            path.file_name().unwrap_or_default().to_string_lossy()
        ))
    })
}

fn brotli_bytes(raw: &[u8], quality: u32) -> Vec<u8> {
    let mut encoded = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: quality as i32,
        lgwin: window_bits(raw.len()),
        ..Default::default()
    };
    // Writing to a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut &raw[..], &mut encoded, &params);
    encoded
}

/// The smallest brotli window (2^bits bytes, 10 to 22) that holds the whole file: a larger one
/// compresses no better, but its tables are sized by it, and clearing megabytes of them for
/// each of a large site's small pages cost most of the build's time.
fn window_bits(len: usize) -> i32 {
    let mut bits = 10;
    while bits < 22 && (1_usize << bits) < len + 16 {
        bits += 1;
    }
    bits
}

fn gzip_bytes(raw: &[u8], level: flate2::Compression) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
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
        assert_eq!(
            (
                window_bits(100),
                window_bits(5_000),
                window_bits(50_000_000)
            ),
            (10, 13, 22)
        );
        let brotli = brotli_bytes(raw.as_bytes(), 11);
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &brotli[..], &mut decoded).expect("brotli decodes");
        assert_eq!(decoded, raw.as_bytes());

        let gzip = gzip_bytes(raw.as_bytes(), Effort::Best.gzip_level()).expect("gzip encodes");
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_string(&mut decoded)
            .expect("gzip decodes");
        assert_eq!(decoded, raw);
        assert!(brotli.len() < raw.len() / 10 && gzip.len() < raw.len() / 10);
    }

    fn everything() -> Scope<'static> {
        Scope::AllBut {
            except: &[],
            also: &[],
        }
    }

    #[test]
    fn small_files_get_no_copies_and_lose_old_ones() {
        let dir = std::env::temp_dir().join(format!("news-blog-compress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("oembed")).expect("folder");
        let big = dir.join("page.html");
        let small = dir.join("oembed/story.json");
        fs::write(&big, "<p>A story.</p>\n".repeat(200)).expect("write");
        fs::write(&small, "{}".repeat(1000)).expect("write");
        assert_eq!(
            precompress(&dir, everything(), &|| {}).expect("compressed"),
            2
        );
        fs::write(&small, "{}").expect("shrink");
        assert_eq!(
            precompress(&dir, everything(), &|| {}).expect("compressed"),
            0
        );
        assert!(copies_of(&big).iter().all(|copy| copy.exists()));
        assert!(copies_of(&small).iter().all(|copy| !copy.exists()));
        assert_eq!(
            (
                Effort::for_file(Path::new("page.html"), 3000),
                Effort::for_file(Path::new("oembed/story.json"), 3000),
                Effort::for_file(Path::new("embed/article/story/index.html"), 3000),
                Effort::for_file(Path::new("content/articles/story.json"), 3000),
                Effort::for_file(Path::new("sitemap.xml"), 300_000),
            ),
            (
                Effort::Best,
                Effort::Fast,
                Effort::Fast,
                Effort::Fast,
                Effort::Fast
            )
        );
        let _ = fs::remove_dir_all(&dir);
    }
}

//! The precompressed copies.

use std::path::{Path, PathBuf};

use news_model::{Slug, StoryOutput};

use crate::compress::{self, Scope};
use crate::progress::Progress;
use crate::search_index;

use super::article_pages::pages_of;
use super::{BuildError, Context, Step};

/// The precompressed copies of everything but the search index, which Pagefind may be writing
/// meanwhile (see [`precompress_search_index`]). After a build with a manifest, only the
/// per-story files of the articles it rendered can be new; the site-wide files are all looked
/// at.
pub(super) fn precompress(
    context: &Context,
    rendered: &[Slug],
    had_manifest: bool,
) -> Result<(), BuildError> {
    let dist = context.dist;
    let search_folder = [dist.join(search_index::FOLDER)];
    if !had_manifest {
        return compress_with_progress(
            dist,
            Scope::AllBut {
                except: &search_folder,
                also: &[],
            },
        );
    }
    let per_story_folders: Vec<PathBuf> = StoryOutput::ALL
        .iter()
        .map(|output| dist.join(output.folder()))
        .chain([dist.join("content/articles")])
        .chain(search_folder)
        .collect();
    let rendered: Vec<PathBuf> = rendered
        .iter()
        .flat_map(|slug| {
            let document = format!("content/articles/{slug}.json");
            pages_of(slug)
                .into_iter()
                .chain([document])
                .map(|file| dist.join(file))
        })
        .collect();
    compress_with_progress(
        dist,
        Scope::AllBut {
            except: &per_story_folders,
            also: &rendered,
        },
    )
}

/// The precompressed copies of the search index's files that this build wrote. Its many
/// chunks are compressed by Pagefind itself; its scripts and lists are not.
pub(super) fn precompress_search_index(
    dist: &Path,
    search: &search_index::Outcome,
) -> Result<(), BuildError> {
    compress_with_progress(
        dist,
        Scope::Only(&search_index::compressible_files(dist, search)),
    )
}

fn compress_with_progress(dist: &Path, scope: Scope) -> Result<(), BuildError> {
    let progress = std::sync::Mutex::new(Progress::new("files compressed", None));
    let on_file = || {
        if let Ok(mut progress) = progress.lock() {
            progress.tick();
        }
    };
    compress::precompress(dist, scope, &on_file).map_err(|source| BuildError::File {
        step: Step::Precompress,
        source,
    })?;
    if let Ok(progress) = progress.into_inner() {
        progress.finish();
    }
    Ok(())
}

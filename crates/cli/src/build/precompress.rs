//! The precompressed copies.

use std::path::PathBuf;

use news_model::{Slug, StoryOutput};

use crate::progress::Progress;
use crate::{compress, search_index};

use super::article_pages::pages_of;
use super::{BuildError, Context, Step};

/// The precompressed copies. After a build with a manifest, only the per-story files of the
/// articles it rendered can be new; the site-wide files are all looked at.
pub(super) fn precompress(
    context: &Context,
    rendered: &[Slug],
    had_manifest: bool,
    search: &search_index::Outcome,
) -> Result<(), BuildError> {
    let dist = context.dist;
    let progress = std::sync::Mutex::new(Progress::new("files compressed", None));
    let on_file = || {
        if let Ok(mut progress) = progress.lock() {
            progress.tick();
        }
    };
    // The search index's many chunks are compressed by Pagefind itself; its script and wasm
    // are looked at when it wrote them.
    let per_story_folders: Vec<PathBuf> = StoryOutput::ALL
        .iter()
        .map(|output| output.folder())
        .chain([
            "content/articles".to_owned(),
            search_index::FOLDER.to_owned(),
        ])
        .map(|folder| dist.join(folder))
        .collect();
    let search_files = search_index::compressible_files(dist, search);
    let rendered: Vec<PathBuf> = rendered
        .iter()
        .flat_map(|slug| {
            let document = format!("content/articles/{slug}.json");
            pages_of(slug)
                .into_iter()
                .chain([document])
                .map(|file| dist.join(file))
        })
        .chain(search_files)
        .collect();
    let scope = if had_manifest {
        compress::Scope::AllBut {
            except: &per_story_folders,
            also: &rendered,
        }
    } else {
        compress::Scope::Everything
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

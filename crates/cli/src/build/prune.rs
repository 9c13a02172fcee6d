//! Removing what a build wrote for stories that are gone.

use std::collections::HashSet;
use std::path::Path;

use news_model::{Slug, StoryOutput};

use crate::files::{remove_folder_if_present, remove_with_copies, FileError};

use super::page_template::{is_named, EVERY_PAGES_FILES};
use super::{BuildError, Context, Step};

/// Removes the outputs of the articles `gone` (named by their documents' stems).
pub(super) fn remove_pages_of(dist: &Path, gone: &[String]) -> Result<(), BuildError> {
    for slug in gone.iter().filter_map(|stem| Slug::parse(stem)) {
        remove_story_outputs(dist, &slug).map_err(|source| BuildError::File {
            step: Step::Prune,
            source,
        })?;
    }
    Ok(())
}

/// Removes every output of the story `slug`, with the compressed copies: its page's and its
/// widget page's folders, and its oEmbed answer. The one way the build deletes a story.
pub(super) fn remove_story_outputs(dist: &Path, slug: &Slug) -> Result<(), FileError> {
    for output in StoryOutput::ALL {
        let file = dist.join(output.file(slug));
        match output {
            StoryOutput::Page | StoryOutput::WidgetPage => {
                remove_folder_if_present(file.parent().unwrap_or(&file))?;
            }
            StoryOutput::OembedAnswer => remove_with_copies(&file)?,
        }
    }
    Ok(())
}

/// Removes the outputs of articles that are no longer in the content, found by looking
/// through the folders of story outputs (which belong to the build alone).
pub(super) fn remove_deleted_articles(context: &Context) -> Result<(), BuildError> {
    let listed: HashSet<&str> = context
        .listed
        .iter()
        .map(|listed| listed.slug.as_str())
        .collect();
    let mut gone = std::collections::BTreeSet::new();
    for output in StoryOutput::ALL {
        let Ok(entries) = std::fs::read_dir(context.dist.join(output.folder())) else {
            continue;
        };
        gone.extend(
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| output.slug_of_entry(&entry.file_name().to_string_lossy()))
                .filter(|slug| !listed.contains(slug.as_str())),
        );
    }
    for slug in &gone {
        remove_story_outputs(context.dist, slug).map_err(|source| BuildError::File {
            step: Step::Prune,
            source,
        })?;
    }
    Ok(())
}

/// Removes the boot scripts and stylesheets (with their copies) an earlier build wrote, which
/// `page`, every page's template, no longer names. Done last: until every page names this
/// build's files, a page not yet rewritten (or not rewritten at all, when the build fails
/// halfway) still needs the earlier ones.
pub(super) fn remove_earlier_page_files(dist: &Path, page: &str) -> Result<(), BuildError> {
    let prune_error = |source| BuildError::File {
        step: Step::Prune,
        source,
    };
    let entries =
        std::fs::read_dir(dist).map_err(|error| prune_error(FileError::at(dist)(error)))?;
    for name in entries.filter_map(|entry| entry.ok()?.file_name().into_string().ok()) {
        let is_earlier = EVERY_PAGES_FILES
            .iter()
            .any(|(prefix, extension)| is_named(&name, prefix, extension))
            && !page.contains(&name);
        if is_earlier {
            remove_with_copies(&dist.join(&name)).map_err(prune_error)?;
        }
    }
    Ok(())
}

//! Each article's page.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use news_model::related::RelatedBy;
use news_model::{Article, Route, Seo, Slug, StoryOutput, ARTICLE_URL_META, INDEX_URL_META};

use crate::files::write;
use crate::head;
use crate::pages;
use crate::progress::Progress;
use crate::template::{self};

use super::{BuildError, Context, Step};

/// The files a build writes for one article, relative to the output folder: its page, its
/// widget page and its oEmbed answer.
pub(super) fn pages_of(slug: &Slug) -> [String; 3] {
    StoryOutput::ALL.map(|output| output.file(slug))
}

/// The stories whose outputs are all in a `dist`, read from one listing of each output's
/// folder: a rebuild of 100,000 stories would spend seconds looking up their 300,000 files one
/// by one. A page's folder stands for its page: the build writes and removes them together.
pub(super) struct PresentOutputs {
    per_output: Vec<HashSet<Slug>>,
}

impl PresentOutputs {
    pub(super) fn read(dist: &Path) -> PresentOutputs {
        let per_output = StoryOutput::ALL
            .iter()
            .map(|output| {
                std::fs::read_dir(dist.join(output.folder()))
                    .into_iter()
                    .flatten()
                    .filter_map(Result::ok)
                    .filter_map(|entry| output.slug_of_entry(&entry.file_name().to_string_lossy()))
                    .collect()
            })
            .collect();
        PresentOutputs { per_output }
    }

    /// Whether every output of the article whose document is named `stem` is there.
    pub(super) fn has_all(&self, stem: &str) -> bool {
        Slug::parse(stem).is_some_and(|slug| {
            self.per_output
                .iter()
                .all(|present| present.contains(&slug))
        })
    }
}

/// The home page and the pages of the articles `to_render`, each readable without JavaScript.
pub(super) fn write_pages(
    context: &Context,
    to_render: &[Article],
    seo: &HashMap<Slug, Seo>,
) -> Result<(), BuildError> {
    let Context {
        site,
        words,
        index,
        content_urls,
        ..
    } = context;
    let page = &context.page;
    let description = index.description.as_deref().unwrap_or(&index.title);
    let head_tags = head::website_tags(site, &Route::Home, &index.title, description);
    // A site reading a source live never loads the content folder's copy.
    let reads_content_folder = context.source_origin.is_none();
    let index_setting = template::meta_content(page, INDEX_URL_META);
    let body = pages::home(site, words, index, &content_urls.index_url);
    write_page(
        context,
        Step::Pages,
        PageText {
            route: Route::Home,
            template: page,
            title: &index.title,
            description,
            head_tags: &head_tags,
            body: &body,
            content: index_setting.filter(|_| reads_content_folder),
        },
    )?;

    let article_setting = template::meta_content(page, ARTICLE_URL_META);
    let progress = std::sync::Mutex::new(Progress::new("article pages", Some(to_render.len())));
    crate::parallel::try_for_each(to_render, |article| {
        if let Ok(mut progress) = progress.lock() {
            progress.tick();
        }
        let no_seo = Seo::default();
        let seo = seo.get(&article.slug).unwrap_or(&no_seo);
        let head_tags = head::article_tags(site, content_urls, article, seo);
        let related = context.related.of(&RelatedBy::of(article));
        let body = pages::article(
            site,
            words,
            article,
            &content_urls.article_url(&article.slug),
            related,
        );
        let title = head::article_title(words, site, article);
        let description = head::article_description(article, seo);
        write_page(
            context,
            Step::Pages,
            PageText {
                route: Route::Article(article.slug.clone()),
                template: page,
                title: &title,
                description,
                head_tags: &head_tags,
                body: &body,
                content: article_setting
                    .as_deref()
                    .filter(|_| reads_content_folder)
                    .map(|setting| setting.replace("{slug}", article.slug.as_str())),
            },
        )
    })?;
    if let Ok(progress) = progress.into_inner() {
        progress.finish();
    }
    Ok(())
}

/// What goes into one prerendered page.
pub(super) struct PageText<'a> {
    pub(super) route: Route,
    /// Trunk's page, as prepared for this kind of page.
    pub(super) template: &'a str,
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) head_tags: &'a str,
    pub(super) body: &'a str,
    /// The page's content document as the page's settings write it, for the loader to ask
    /// for once the story has painted (see [`template::Prerendered::content`]).
    pub(super) content: Option<String>,
}

/// Writes a page that is not a story's (a topic's, a site page's) to its route's file: the
/// site's head tags, and no content document for the loader to ask for.
pub(super) fn write_website_page(
    context: &Context,
    step: Step,
    route: &Route,
    title: &str,
    description: &str,
    body: &str,
) -> Result<(), BuildError> {
    let head_tags = head::website_tags(&context.site, route, title, description);
    write_page(
        context,
        step,
        PageText {
            route: route.clone(),
            template: &context.page,
            title,
            description,
            head_tags: &head_tags,
            body,
            content: None,
        },
    )
}

/// Writes a page to its route's file: the template with its head and the prerendered body.
pub(super) fn write_page(context: &Context, step: Step, page: PageText) -> Result<(), BuildError> {
    let path = context.dist.join(page.route.file());
    let template_error = |source| BuildError::Template {
        step,
        path: path.clone(),
        source,
    };
    let html = template::set_head(page.template, page.title, page.description, page.head_tags)
        .map_err(template_error)?;
    let prerendered = template::Prerendered {
        route: &page.route.path(),
        built: &context.built,
        content: page.content.as_deref(),
    };
    let html = template::set_body(&html, page.body, &prerendered).map_err(template_error)?;
    // A page that differs only in its build time keeps its file and so the date of the build
    // that last changed it: the copy a reader may be told about is that old, and a rebuild
    // rewrites (and recompresses) only the pages that changed.
    let is_unchanged = std::fs::read_to_string(&path).is_ok_and(|existing| {
        template::without_build_time(&existing) == template::without_build_time(&html)
    });
    if is_unchanged {
        return Ok(());
    }
    write(&path, html).map_err(|source| BuildError::File { step, source })
}

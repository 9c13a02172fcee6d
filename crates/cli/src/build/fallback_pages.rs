//! `404.html`, each article's widget page and oEmbed answer, and the search page.

use news_i18n::Msg;
use news_model::{Route, StoryOutput};

use crate::files::write;
use crate::head;
use crate::pages;
use crate::template::{self};

use super::article_pages::{write_page, PageText};
use super::{BuildError, Context, Step};

/// `404.html`, and each article's widget page and oEmbed answer.
pub(super) fn write_fallback_pages(context: &Context) -> Result<(), BuildError> {
    let Context {
        site, words, dist, ..
    } = context;
    let file_error = |source| BuildError::File {
        step: Step::FallbackPages,
        source,
    };
    let no_index = "<meta name=\"robots\" content=\"noindex\">";
    // The widget pages: the story, prerendered for the frame, with every link leaving it.
    let widget_page = template::with_links_in_new_tabs(&context.page);
    crate::parallel::try_for_each(&context.to_render, |article| {
        let route = Route::EmbedArticle(article.slug.clone());
        let body = pages::widget(
            site,
            words,
            article,
            &context.content_urls.article_url(&article.slug),
        );
        let title = words.page_title(&article.title, &site.name);
        write_page(
            context,
            Step::FallbackPages,
            PageText {
                route,
                template: &widget_page,
                title: &title,
                description: &article.title,
                head_tags: no_index,
                body: &body,
                content: None,
            },
        )?;
        let oembed_path = dist.join(StoryOutput::OembedAnswer.file(&article.slug));
        write(
            &oembed_path,
            head::oembed(site, &context.content_urls, article),
        )
        .map_err(file_error)
    })?;

    // A static host answers any unknown address with 404.html. The app then shows the page for
    // that address itself (an article added since the build, or its own "not found"), so the
    // prerendered message is only for readers without JavaScript.
    let path = dist.join("404.html");
    let template_error = |source| BuildError::Template {
        step: Step::FallbackPages,
        path: path.clone(),
        source,
    };
    let title = words.page_title(words.text(Msg::NotFoundTitle), &site.name);
    let description = context
        .index
        .description
        .as_deref()
        .unwrap_or(&context.index.title);
    let page =
        template::set_head(&context.page, &title, description, no_index).map_err(template_error)?;
    let page = template::set_fallback_body(
        &page,
        &pages::not_found(site, words, context.publisher_search.clone()),
    )
    .map_err(template_error)?;
    write(&path, page).map_err(file_error)
}

/// The search page (`search/index.html`), so that static hosts answer `search/?q=…` with a
/// page of the site (not 404.html); results are the app's. Not in the sitemap or search
/// engines' indexes: it has no content of its own.
pub(super) fn write_search_page(context: &Context) -> Result<(), BuildError> {
    let (site, words) = (&context.site, &context.words);
    let route = Route::Search {
        query: String::new(),
    };
    let title = words.page_title(words.text(Msg::SearchHeading), &site.name);
    let description = words.fill(Msg::SearchDescription, &[("site", &site.name)]);
    let head_tags = head::website_tags(site, &route, &title, &description)
        + "<meta name=\"robots\" content=\"noindex\">";
    let body = pages::search(site, words);
    write_page(
        context,
        Step::SearchIndex,
        PageText {
            route,
            template: &context.page,
            title: &title,
            description: &description,
            head_tags: &head_tags,
            body: &body,
            content: None,
        },
    )
}

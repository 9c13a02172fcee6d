//! `404.html`, each article's widget page and oEmbed answer, and the search page.

use news_i18n::Msg;
use news_model::{Article, Route, StoryOutput};

use crate::files::write;
use crate::head;
use crate::pages;
use crate::template::{self};

use super::article_pages::{write_page, PageText};
use super::{BuildError, Context, Step};

/// `404.html`, and the widget page and oEmbed answer of each article `to_render`.
pub(super) fn write_fallback_pages(
    context: &Context,
    to_render: &[Article],
) -> Result<(), BuildError> {
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
    crate::parallel::try_for_each(to_render, |article| {
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

/// The widget's loader (`embed.js`, which host pages include) with the frame's default name in
/// the site's language.
pub(super) fn write_embed_loader(context: &Context) -> Result<(), BuildError> {
    let path = context.dist.join(EMBED_LOADER);
    let Ok(loader) = std::fs::read_to_string(&path) else {
        // A site built without the widget's loader has nothing to name.
        return Ok(());
    };
    let title = context.words.text(Msg::EmbedFrameTitle);
    write(&path, with_frame_title(&loader, title)).map_err(|source| BuildError::File {
        step: Step::FallbackPages,
        source,
    })
}

/// The widget's loader, as Trunk copies it from `public/`.
const EMBED_LOADER: &str = "embed.js";

/// `loader` with its `FRAME_TITLE` set to `title`, as a JavaScript string (JSON's is one);
/// unchanged if it has no such line.
fn with_frame_title(loader: &str, title: &str) -> String {
    const MARKER: &str = "var FRAME_TITLE = ";
    let Some(start) = loader.find(MARKER).map(|at| at + MARKER.len()) else {
        return loader.to_owned();
    };
    let Some(len) = loader[start..].find(";\n") else {
        return loader.to_owned();
    };
    let literal = serde_json::to_string(title).unwrap_or_else(|_| "\"\"".to_owned());
    format!("{}{literal}{}", &loader[..start], &loader[start + len..])
}

#[cfg(test)]
mod tests {
    use super::with_frame_title;

    #[test]
    fn the_frame_title_is_written_as_a_string_whatever_it_holds() {
        let loader = "(function () {\n  var FRAME_TITLE = 'News article';\n  frame.title = FRAME_TITLE;\n})();\n";
        let arabic = with_frame_title(loader, "مقال إخباري");
        assert!(
            arabic.contains("  var FRAME_TITLE = \"مقال إخباري\";\n  frame.title"),
            "{arabic}"
        );
        // Written again, the same line is replaced, not added to.
        assert_eq!(
            with_frame_title(&arabic, "News article")
                .matches("FRAME_TITLE = ")
                .count(),
            1
        );
        let quoted = with_frame_title(loader, "It's \"news\"</script>");
        assert!(
            quoted.contains(r#"var FRAME_TITLE = "It's \"news\"</script>";"#),
            "{quoted}"
        );
        assert_eq!(with_frame_title("no marker", "x"), "no marker");
    }
}

//! The prerendered pages' bodies: the app's own components (`news_views`), rendered to HTML
//! by Leptos on the server side. Nothing here writes markup by hand.

use leptos::prelude::*;
use news_model::{Article, FeedEntry, FeedIndex, Route, SitePage, STORIES_ON_FIRST_SCREEN};
use news_views::components::article_view::ArticleView;
use news_views::components::feed::Feed;
use news_views::components::feed_entry::FeedEntryCard;
use news_views::components::needs_app_note::{AppFeature, NeedsAppNote, PublisherSearch};
use news_views::components::not_found_message::NotFoundMessage;
use news_views::components::page_frame::{EmbedFrame, FullStoryLink, PageFrame};
use news_views::components::picture::Placement;
use news_views::components::related_stories::RelatedStories;
use news_views::components::search_form::SearchIntro;
use news_views::site::{LinkResolver, Site};
use news_views::words::Words;

/// The home page: the first screenful of stories, as the app lists them before "More stories".
pub fn home(site: &Site, words: &Words, index: &FeedIndex, index_url: &str) -> String {
    let title = index.title.clone();
    let description = index.description.clone();
    let entries: Vec<_> = index
        .newest_first()
        .into_iter()
        .take(STORIES_ON_FIRST_SCREEN)
        .cloned()
        .collect();
    render(site, words, index_url, move || {
        let entries = entries
            .into_iter()
            .enumerate()
            .map(|(position, entry)| {
                let placement = if position == 0 {
                    Placement::Lead
                } else {
                    Placement::BelowFold
                };
                view! { <FeedEntryCard entry placement/> }
            })
            .collect_view();
        view! {
            <PageFrame>
                <Feed title description>{entries}</Feed>
                <NeedsAppNote feature=AppFeature::MoreStories/>
            </PageFrame>
        }
    })
}

/// An article's page, with the stories `related` to it under it.
pub fn article(
    site: &Site,
    words: &Words,
    article: &Article,
    article_url: &str,
    related: Vec<FeedEntry>,
) -> String {
    let article = article.clone();
    let has_comments = article.has_comments;
    render(site, words, article_url, move || {
        view! {
            <PageFrame>
                <ArticleView article/>
                <RelatedStories stories=related/>
                {has_comments.then(|| view! { <NeedsAppNote feature=AppFeature::Comments/> })}
            </PageFrame>
        }
    })
}

/// One of the site's own pages (About, Contact), from its document at `page_url`.
pub fn site_page(site: &Site, words: &Words, page: &SitePage, page_url: &str) -> String {
    let article = page.clone().into_article();
    render(site, words, page_url, move || {
        view! {
            <PageFrame>
                <ArticleView article is_site_page=true/>
            </PageFrame>
        }
    })
}

/// An article as a widget for another site's frame.
pub fn widget(site: &Site, words: &Words, article: &Article, article_url: &str) -> String {
    let article = article.clone();
    let full_story = site.page_url(&Route::Article(article.slug.clone()));
    let has_comments = article.has_comments;
    render(site, words, article_url, move || {
        view! {
            <EmbedFrame>
                <ArticleView article/>
                {has_comments.then(|| view! { <NeedsAppNote feature=AppFeature::Comments/> })}
                <FullStoryLink href=full_story/>
            </EmbedFrame>
        }
    })
}

/// The search page as a static file (`search/index.html`, which static hosts serve for
/// `search/?q=…`): the field; the app finds and shows the results.
pub fn search(site: &Site, words: &Words) -> String {
    render(site, words, &site.base_url, move || {
        view! {
            <PageFrame>
                <div class="search">
                    <SearchIntro/>
                    <NeedsAppNote feature=AppFeature::Search/>
                </div>
            </PageFrame>
        }
    })
}

/// The not-found page (`404.html`), which a static host sends for every address it has no
/// file for: the app's own page for that address once it runs, else this, which says the page
/// may be newer than this copy and offers the publisher's own search when it has one.
pub fn not_found(site: &Site, words: &Words, publisher_search: Option<PublisherSearch>) -> String {
    render(site, words, &site.base_url, move || {
        view! {
            <PageFrame>
                <NotFoundMessage/>
                <NeedsAppNote feature=AppFeature::NewerPages { publisher_search }/>
            </PageFrame>
        }
    })
}

/// Renders `page` with the site, its words and the links of the document at `document_url` in
/// context, as the app provides them.
fn render<V: IntoView + 'static>(
    site: &Site,
    words: &Words,
    document_url: &str,
    page: impl FnOnce() -> V,
) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(site.clone());
        provide_context(words.clone());
        provide_context(LinkResolver::new(document_url, site.clone()));
        page().into_view().to_html()
    });
    without_text_markers(&html)
}

/// Leptos marks the boundaries between adjacent pieces of text with `<!>` for hydration; these
/// pages are taken over, never hydrated, and the HTML checker reports each as a bogus comment.
/// Escaped text never holds a raw `<`, so every `<!>` is such a marker.
fn without_text_markers(html: &str) -> String {
    html.replace("<!>", "")
}

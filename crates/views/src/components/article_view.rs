use leptos::prelude::*;
use news_model::{Access, Article, Block, DateStyle, Key, LanguageTag, Route, Source};

use super::body_block::BodyBlock;
use super::date_text::DateText;
use super::image_block::ImageBlock;
use super::later::Later;
use super::picture::Placement;
use super::share_links::ShareLinks;
use crate::site::{LinkResolver, Site};
use crate::words::{Piece, Words};
use news_i18n::Msg;

/// A whole story as a news page prints it: section, headline, standfirst, byline, dates and
/// reading time, the image block, the body, the source and the tags. One of the site's own
/// pages (`is_site_page`, an article with only a page's fields) is drawn without the reading
/// time and sharing.
#[component]
pub fn ArticleView(
    article: Article,
    /// The app's share or copy button, shown beside the e-mail link.
    #[prop(optional)]
    share_button: Option<ViewFn>,
    #[prop(optional)] is_site_page: bool,
) -> impl IntoView {
    let words = Words::from_context();
    let byline = words.byline(&article.authors);
    // A preview's reading time would pass for the story's.
    let reading_time = (!is_site_page && article.access == Access::Whole)
        .then(|| words.reading_time(article.reading_minutes()));
    // The words around the date, put where the language puts it (an empty piece is an empty
    // text node, which a reader never sees).
    let (published_before, published_after) = words.around(Msg::ArticlePublished, "date");
    let (updated_before, updated_after) = words.around(Msg::ArticleUpdated, "date");
    let tags_label = words.text(Msg::ArticleTagsLabel);
    // The page's public address, for sharing; only where the site is known.
    let page_url = use_context::<Site>()
        .filter(|_| !is_site_page)
        .map(|site| site.page_url(&Route::Article(article.slug.clone())));
    let share_title = article.title.clone();
    // For the search index (Pagefind reads the prerendered article pages): the date results
    // show; the section is read from the kicker, the meta line and sharing are left out.
    let search_meta = article
        .published
        .as_ref()
        .map(|date| format!("published:{}", date.as_rfc3339()));
    let Article {
        title,
        section,
        summary,
        published,
        updated,
        tags,
        image,
        body,
        source,
        language,
        access,
        ..
    } = article;
    // A story in another language than the site's: its own text says so (a screen reader's
    // voice, the direction), the site's words around it keep the site's.
    let (lang, dir) = story_language(language.as_ref());
    view! {
        <article class="article" aria-labelledby="headline" data-pagefind-body="" data-pagefind-meta=search_meta>
            <header class="article__header">
                {section.map(|section| view! { <p class="kicker" data-pagefind-meta="section"><TopicLink name=section route=Route::Section/></p> })}
                <h1 id="headline" class="article__headline" lang=lang.clone() dir=dir>{title}</h1>
                {summary.map(|summary| view! { <p class="standfirst" lang=lang.clone() dir=dir>{summary}</p> })}
                <p class="article__meta" data-pagefind-ignore="">
                    {byline.map(|pieces| view! { <span class="article__byline">{pieces.into_iter().map(|piece| match piece {
                        Piece::Words(words) => words.into_any(),
                        Piece::Name(name) => view! { <bdi><TopicLink name route=Route::Author/></bdi> }.into_any(),
                    }).collect_view()}</span> })}
                    {published.map(|date| view! {
                        <span>{published_before} <DateText timestamp=date style=DateStyle::DayAndTime/>{published_after}</span>
                    })}
                    {updated.map(|date| view! {
                        <span>{updated_before} <DateText timestamp=date style=DateStyle::DayAndTime/>{updated_after}</span>
                    })}
                    {reading_time.map(|reading_time| view! { <span>{reading_time}</span> })}
                </p>
            </header>
            <Later>{image.clone().map(|image| view! { <ImageBlock image placement=Placement::Lead/> })}</Later>
            <div class="article__body" lang=lang.clone() dir=dir>
                <BodyInParts body/>
            </div>
            <Later>
                {source.clone().map(|source| view! { <SourceLine source access/> })}
                {page_url.clone().map(|url| view! { <ShareLinks title=share_title.clone() url button=share_button.clone()/> })}
                {(!tags.is_empty()).then(|| view! {
                    <ul class="tags" aria-label=tags_label>
                        {tags.iter().cloned().map(|tag| view! { <li><TopicLink name=tag route=Route::Tag/></li> }).collect_view()}
                    </ul>
                })}
            </Later>
        </article>
    }
}

/// The `lang` and `dir` of a story's own text, when it has a language of its own.
pub fn story_language(language: Option<&LanguageTag>) -> (Option<String>, Option<&'static str>) {
    (
        language.map(ToString::to_string),
        language.map(|tag| tag.direction().as_str()),
    )
}

/// Blocks drawn with the page, before the body's first [`Later`] part.
const FIRST_BLOCKS: usize = 6;

/// Blocks in each later part: a few milliseconds of drawing on a slow phone.
const BLOCKS_PER_PART: usize = 20;

/// The body's blocks: the first few with the page, the rest in later parts, so a long read is
/// not one long task (see [`crate::pacing`]).
#[component]
fn BodyInParts(body: Vec<Block>) -> impl IntoView {
    let mut blocks = body.into_iter();
    let first: Vec<Block> = blocks.by_ref().take(FIRST_BLOCKS).collect();
    let rest: Vec<Block> = blocks.collect();
    let parts: Vec<Vec<Block>> = rest
        .chunks(BLOCKS_PER_PART)
        .map(<[Block]>::to_vec)
        .collect();
    view! {
        {first.into_iter().map(|block| view! { <BodyBlock block/> }).collect_view()}
        {parts.into_iter().map(|part| view! {
            <Later>{part.iter().cloned().map(|block| view! { <BodyBlock block/> }).collect_view()}</Later>
        }).collect_view()}
    }
}

/// A section's, tag's or author's name, linking to its page where it has one (a name with a
/// key, on a known site); otherwise just the name.
#[component]
fn TopicLink(name: String, route: fn(Key) -> Route) -> impl IntoView {
    let href = Key::from_name(&name)
        .filter(Key::has_page)
        .zip(use_context::<Site>())
        .map(|(key, site)| site.href(&route(key)));
    match href {
        Some(href) => view! { <a href=href>{name}</a> }.into_any(),
        None => name.into_any(),
    }
}

/// Where the story came from; for a story of which the page shows only a part (`access`),
/// where to read the rest, said instead.
#[component]
fn SourceLine(source: Source, access: Access) -> impl IntoView {
    let resolved = source
        .link
        .and_then(|link| use_context::<LinkResolver>()?.resolve(&link));
    let name = source.name;
    let words = Words::from_context();
    let msg = match access {
        Access::Whole => Msg::ArticleSource,
        Access::Members => Msg::ArticleMembers,
        Access::Password => Msg::ArticleProtected,
    };
    let (before, after) = words.around(msg, "source");
    view! {
        <p class="article__source">
            {before}
            {match resolved {
                Some(link) => view! { <a href=link.url.clone() rel=link.rel()>{name}</a> }.into_any(),
                None => name.into_any(),
            }}
            {after}
        </p>
    }
}

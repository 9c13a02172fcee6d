//! The embeddable article widget: one story in an iframe on someone else's page, at
//! `{base}embed/article/{slug}/?theme=light|dark|auto&comments=0`.
//!
//! The iframe keeps the host's CSS and ours apart both ways. The widget tells its parent how
//! tall it is with `postMessage({type: "news-blog:height", height})`; `embed.js` on the host
//! page checks the sender and sizes the frame.

use leptos::prelude::*;
use news_model::{Route, Slug};
use news_views::components::article_view::ArticleView;
use news_views::components::later::Later;
use news_views::components::page_frame::{EmbedFrame, FullStoryLink};
use news_views::components::skeletons::ArticleSkeleton;
use news_views::site::LinkResolver;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::data::settings::Settings;
use crate::data::stories::{page_settings, retryable_story, Document};
use crate::pages::comment_section::CommentSection;
use crate::pages::{Page, Readiness, Shown};

/// The message type the widget sends; `embed.js` accepts no other.
pub const HEIGHT_MESSAGE: &str = "news-blog:height";

/// How the widget was asked to look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's colour scheme.
    Auto,
}

/// The widget's parameters, from the query string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    pub theme: Theme,
    pub has_comments: bool,
}

impl EmbedOptions {
    /// Reads `theme` and `comments` from a query string such as `?theme=dark&comments=0`;
    /// anything unknown keeps the default (auto theme, comments on).
    pub fn from_query(search: &str) -> EmbedOptions {
        let mut options = EmbedOptions {
            theme: Theme::Auto,
            has_comments: true,
        };
        for pair in search.trim_start_matches('?').split('&') {
            match pair.split_once('=').unwrap_or((pair, "")) {
                ("theme", "light") => options.theme = Theme::Light,
                ("theme", "dark") => options.theme = Theme::Dark,
                ("comments", "0" | "false" | "no" | "off") => options.has_comments = false,
                _ => {}
            }
        }
        options
    }
}

/// The story of this page if it is a widget address under the app's base, e.g. `raqqa` for
/// `/news/embed/article/raqqa/`.
pub fn embedded_story(settings: &Settings) -> Option<Slug> {
    let path = window().location().pathname().ok()?;
    match Route::parse_under(&settings.site.base_path, &path)? {
        Route::EmbedArticle(slug) => Some(slug),
        _ => None,
    }
}

/// Sends the widget's height to the host page now, once the article is drawn: browsers pause
/// rendering work (and so resize observers) in frames that are off screen, but not scripts.
#[derive(Clone, Copy)]
struct HeightReport(Option<Callback<()>>);

impl HeightReport {
    fn send(self) {
        if let Some(send) = self.0 {
            send.run(());
        }
    }
}

/// The widget page. It tells `on_page` what it came out as once drawn, as the app's pages do.
#[component]
pub fn EmbedApp(slug: Slug, options: EmbedOptions, on_page: Callback<Readiness>) -> impl IntoView {
    let settings = page_settings();
    provide_context(settings.site.clone());
    provide_context(settings.clone());
    apply_theme(options.theme);
    open_links_in_new_tabs();
    let height = HeightReport(report_height_to_parent());
    let on_shown = Callback::new(move |readiness| {
        on_page.run(readiness);
        height.send();
    });
    view! {
        <EmbedFrame>
            {embedded_article(slug, options.has_comments).draw(on_shown)}
        </EmbedFrame>
    }
}

fn embedded_article(slug: Slug, has_comments: bool) -> Page {
    let settings = expect_context::<Settings>();
    let full_story = settings.site.page_url(&Route::Article(slug.clone()));
    let (article, on_retry) = retryable_story(settings.clone(), slug.clone(), Document::Article);
    Page::loading(
        || view! { <Later><ArticleSkeleton/></Later> }.into_any(),
        move || {
            article.get().map(|loaded| match loaded {
                Ok(loaded) => {
                    provide_context(LinkResolver::new(loaded.url, settings.site.clone()));
                    let article = loaded.document;
                    let comments = (has_comments && article.has_comments).then(|| article.slug.clone());
                    Shown::content(view! {
                        <ArticleView article/>
                        <FullStoryLink href=full_story.clone()/>
                        {comments.map(|slug| view! { <Later even_on_screen=true><CommentSection slug=slug.clone()/></Later> })}
                    })
                }
                Err(error) => Shown::failed(error, on_retry),
            })
        },
    )
}

fn apply_theme(theme: Theme) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = match theme {
        Theme::Light => root.set_attribute("data-theme", "light"),
        Theme::Dark => root.set_attribute("data-theme", "dark"),
        Theme::Auto => root.remove_attribute("data-theme"),
    };
}

/// Links in a widget leave the host page alone: they open in a new tab.
fn open_links_in_new_tabs() {
    let document = document();
    let (Some(head), Ok(base)) = (document.head(), document.create_element("base")) else {
        return;
    };
    let _ = base.set_attribute("target", "_blank");
    let _ = head.append_child(&base);
}

/// Sends the page's height to the parent whenever it changes; returns a way to send it now.
fn report_height_to_parent() -> Option<Callback<()>> {
    let parent = window().parent().ok().flatten()?;
    let parent = send_wrapper::SendWrapper::new(parent);
    let send = Callback::new(move |()| {
        // The body's height, not the root's: the root is at least as tall as the frame, so it
        // could never shrink.
        let Some(body) = document().body() else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(
            &message,
            &"height".into(),
            &f64::from(body.scroll_height()).into(),
        );
        // The height is not secret, so any parent may read it; embed.js checks the sender.
        let _ = parent.post_message(&message, "*");
    });
    let on_resize = Closure::<dyn Fn()>::new(move || send.run(()));
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
        // Both live as long as the page: without a reference the browser may collect the
        // observer, and the frame would stop following its content.
        std::mem::forget(observer);
    }
    on_resize.forget();
    Some(send)
}

use leptos::prelude::*;
use news_model::Route;

use super::later::Later;
use super::search_form::SearchForm;
use news_i18n::Msg;

use crate::site::Site;
use crate::words::Words;

/// Every page of the site around its main content: skip link, header with the site's name and
/// search field, the main region, the footer, and the notice of a new version of the site.
///
/// That notice is the boot script's (`crates/cli/src/boot.js`): while a new build's offline
/// worker waits to take over, it marks the page ([`news_model::UPDATE_READY_MARK`]), which
/// shows the notice (`style/states.css`), and its Reload has the new build take over and
/// reloads into it. Its words are here so that they are the page's, in the page's language,
/// and its live region is on every page from the start, so a screen reader announces it when
/// it shows (a live region, not a `status`: a page's own status, such as the search page's
/// count, stays the only one); drawn here, the app carries no code of its own for it.
#[component]
pub fn PageFrame(children: Children) -> impl IntoView {
    let site = use_context::<Site>();
    let home = site.as_ref().map(|site| site.href(&Route::Home));
    let footer_site = site.clone();
    let name = site.map(|site| site.name);
    let words = Words::from_context();
    let skip_link = words.text(Msg::SiteSkipLink);
    let footer_home = words.text(Msg::SiteFooterHome);
    let footer_note = words.text(Msg::SiteFooterCommentsNote);
    let update_available = words.text(Msg::UpdateAvailable);
    let update_reload = words.text(Msg::UpdateReload);
    view! {
        <a class="skip-link" href="#main" rel="external">{skip_link}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__name" href=home.clone()>{name}</a>
                <Later><SearchForm landmark=Msg::SiteSearchLandmark field_id="site-search"/></Later>
            </div>
        </header>
        <main id="main" class="site-main" tabindex="-1">{children()}</main>
        <Later>
            <footer class="site-footer">
                <p>{footer_line(footer_site.as_ref(), footer_home, footer_note)}</p>
            </footer>
            <div class="update-notice" aria-live="polite">
                <div class="stale-notice">
                    <p>{update_available}</p>
                    <button type="button" class="button">{update_reload}</button>
                </div>
            </div>
        </Later>
    }
}

/// The footer's line: the link home, the site's own pages (their titles are the content's
/// text, never markup), then the note on comments, each after a " · ". Drawn as the byline's
/// pieces are, a list of `AnyView` with links of the type a section's link has: views of a
/// type of their own would cost every first page about 2 KB of wasm.
fn footer_line(site: Option<&Site>, home: &str, note: &str) -> Vec<AnyView> {
    let link = |href: String, text: String| view! { <a href=href>{text}</a> }.into_any();
    let href = |route: &Route| site.map(|site| site.href(route)).unwrap_or_default();
    let mut pieces = vec![link(href(&Route::Home), home.to_owned())];
    for page in site.map_or(&[][..], |site| &site.footer_pages) {
        pieces.push(" · ".to_owned().into_any());
        pieces.push(link(
            href(&Route::Page(page.slug.clone())),
            page.title.clone(),
        ));
    }
    pieces.push(format!(" · {note}").into_any());
    pieces
}

/// A widget page around its main content: no header or footer, the host page has its own.
#[component]
pub fn EmbedFrame(children: Children) -> impl IntoView {
    view! { <main class="site-main embed">{children()}</main> }
}

/// Under a widget's story: the way to the full page on the site.
#[component]
pub fn FullStoryLink(href: String) -> impl IntoView {
    let label = Words::from_context().text(Msg::WidgetReadOnSite);
    view! { <p class="embed__more"><a href=href>{label}</a></p> }
}

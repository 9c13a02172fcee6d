use leptos::prelude::*;
use news_i18n::Msg;
use news_model::Route;

use crate::site::Site;
use crate::words::Words;

/// A search field: a plain `GET` form to the search page (`q=`), so it works prerendered and
/// before the app runs; the app turns its submission into navigation. `landmark` names the
/// form's search landmark, unique on the page.
#[component]
pub fn SearchForm(
    landmark: Msg,
    /// The field's id, unique on the page.
    field_id: &'static str,
    #[prop(optional, into)] query: String,
) -> impl IntoView {
    let action = use_context::<Site>().map(|site| {
        site.href(&Route::Search {
            query: String::new(),
        })
    });
    let words = Words::from_context();
    let landmark = words.text(landmark);
    let field_label = words.text(Msg::SearchFieldLabel);
    let button = words.text(Msg::SearchButton);
    view! {
        <form class="search-form" role="search" aria-label=landmark action=action method="get">
            <label class="visually-hidden" for=field_id>{field_label}</label>
            <input
                id=field_id
                class="search-form__field"
                type="search"
                name="q"
                value=query
            />
            <button class="search-form__button" type="submit">{button}</button>
        </form>
    }
}

/// The top of the search page, prerendered and in the app: its heading and field.
#[component]
pub fn SearchIntro(#[prop(optional, into)] query: String) -> impl IntoView {
    let heading = Words::from_context().text(Msg::SearchHeading);
    view! {
        <header class="feed__header">
            <h1 class="feed__title">{heading}</h1>
            <SearchForm landmark=Msg::SearchPageLandmark field_id="search-page-field" query/>
        </header>
    }
}

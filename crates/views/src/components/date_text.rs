use leptos::prelude::*;
use news_model::{DateStyle, Timestamp};

use crate::words::Words;

/// A date for readers, with the exact value in `<time datetime>` for machines. The text is the
/// same in the app and the prerendered page (see [`Words::date`]).
#[component]
pub fn DateText(timestamp: Timestamp, style: DateStyle) -> impl IntoView {
    let shown = Words::from_context().date(&timestamp, style);
    view! { <time datetime=timestamp.as_rfc3339().to_owned()>{shown}</time> }
}

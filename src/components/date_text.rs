use leptos::prelude::*;
use news_model::Timestamp;

use crate::data::dates::{format_date, DateStyle};

/// A date for readers, with the exact value in `<time datetime>` for machines.
#[component]
pub fn DateText(timestamp: Timestamp, style: DateStyle) -> impl IntoView {
    let shown = format_date(&timestamp, style);
    view! { <time datetime=timestamp.as_rfc3339().to_owned()>{shown}</time> }
}

use leptos::prelude::*;
use news_model::{Block, HeadingLevel, Inline};

use super::embed_card::EmbedCard;
use super::image_block::ImageBlock;
use super::inline_text::InlineText;
use super::picture::Placement;

/// One block of an article body.
#[component]
pub fn BodyBlock(block: Block) -> impl IntoView {
    match block {
        Block::Paragraph(text) => view! { <p><InlineText inline=text/></p> }.into_any(),
        Block::Heading {
            level: HeadingLevel::H2,
            text,
        } => view! { <h2>{text}</h2> }.into_any(),
        Block::Heading {
            level: HeadingLevel::H3,
            text,
        } => view! { <h3>{text}</h3> }.into_any(),
        Block::Quote { text, cite } => view! { <Quote text cite/> }.into_any(),
        Block::List { is_ordered, items } => view! { <List is_ordered items/> }.into_any(),
        Block::Image(image) => {
            view! { <ImageBlock image placement=Placement::BelowFold/> }.into_any()
        }
        Block::Embed(embed) => view! { <EmbedCard embed/> }.into_any(),
    }
}

#[component]
fn Quote(text: Inline, cite: Option<String>) -> impl IntoView {
    view! {
        <blockquote class="quote">
            <p><InlineText inline=text/></p>
            {cite.map(|cite| view! { <footer><cite>{cite}</cite></footer> })}
        </blockquote>
    }
}

#[component]
fn List(is_ordered: bool, items: Vec<Inline>) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|item| view! { <li><InlineText inline=item/></li> })
        .collect_view();
    if is_ordered {
        view! { <ol>{items}</ol> }.into_any()
    } else {
        view! { <ul>{items}</ul> }.into_any()
    }
}

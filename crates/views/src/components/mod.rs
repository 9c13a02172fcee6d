//! Components draw what they are given: no network, storage or settings here.

pub mod article_view;
pub mod body_block;
pub mod date_text;
pub mod embed_card;
pub mod feed;
pub mod feed_entry;
pub mod image_block;
pub mod inline_text;
pub mod later;
pub mod load_error_message;
pub mod needs_app_note;
pub mod not_found_message;
pub mod page_frame;
pub mod picture;
pub mod related_stories;
pub mod search_form;
pub mod share_links;
pub mod skeletons;

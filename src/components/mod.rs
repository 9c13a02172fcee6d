//! Components draw what they are given; only `data/` reaches outside the page.

pub mod article_view;
pub mod body_block;
pub mod comment_form;
pub mod comment_list;
pub mod comment_section;
pub mod date_text;
pub mod feed_entry;
pub mod image_block;
pub mod in_later_task;
pub mod inline_text;
pub mod load_error_message;
pub mod page_head;
pub mod picture;
pub mod skeletons;

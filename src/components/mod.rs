//! The app's interactive pieces, which only a browser draws (the shared markup is in
//! `news_views`). Components draw what they are given; only `data/` reaches outside the page.

pub mod comment_form;
pub mod comment_list;
pub mod share_button;
pub mod stale_notice;

//! Everything that touches the world outside the app: settings in the page, the network,
//! `localStorage`, the clock. Components get plain values from here.

pub mod comment_storage;
pub mod dates;
pub mod device;
pub mod fetch;
pub mod freshness;
pub mod head;
pub mod inert_html;
pub mod links;
pub mod modules;
pub mod scroll;
pub mod settings;
pub mod share;
pub mod source_reading;
pub mod stories;
pub mod words;

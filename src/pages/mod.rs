//! One component per route; each loads its document and composes components.

pub mod article;
pub mod home;
pub mod not_found;

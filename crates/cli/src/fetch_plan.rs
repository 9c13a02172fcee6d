//! What a rebuild asks a source for, given what the last import fetched and the source's
//! cheap listing (ids, slugs and last changes, the most recently changed first): the posts
//! that are new or changed, and the posts that went (deleted, unpublished, made private).
//! Pure: the import does the asking.

use std::collections::{BTreeMap, BTreeSet};

use news_model::sources::ListedPost;

use crate::import_state::KnownPost;

/// How far back before the newest change the last import saw the listing is read. WordPress
/// orders by `post_modified`, its site's local clock, which may run up to 26 hours apart from
/// UTC (and jumps at daylight saving time, or when the site's time zone is changed), so a post
/// changed after the last import may be listed after one changed a little before it. Posts in
/// this margin that the last import already has as they are cost a line of the listing, not a
/// fetch.
pub const MARGIN_SECONDS: i64 = 27 * 3600;

/// Whether the listing has been read far enough: its last page read ends with a post changed
/// before the margin, so every later one is older still and known as it is (or it was the
/// last page). `mark` is the newest change the last import saw, in seconds since the epoch.
pub fn has_read_enough(page: &[ListedPost], has_next: bool, mark: Option<i64>) -> bool {
    let Some(mark) = mark else {
        // Nothing known yet: every post is new.
        return !has_next;
    };
    !has_next
        || page.last().is_some_and(|post| {
            post.modified
                .as_ref()
                .is_some_and(|modified| modified.unix_seconds() < mark - MARGIN_SECONDS)
        })
}

/// What to ask for.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan {
    /// Fetch these posts whole (new or changed), and drop these (gone).
    Fetch {
        to_fetch: Vec<String>,
        gone: Vec<String>,
    },
    /// The source lists another number of posts than the known ones and the new ones make:
    /// some went (or came without a new change time, as a scheduled post does). The whole
    /// listing must be read to know which.
    ReadWholeListing,
    /// The whole listing read does not add up to the number the source gives: something
    /// changed while it was read. Everything is fetched again.
    FetchEverything(String),
}

/// Plans from the listing read so far (`listed`, possibly every page of it when `is_whole`),
/// the source's count of all its posts, and the posts the last import fetched.
pub fn plan(
    known: &BTreeMap<String, KnownPost>,
    listed: &[ListedPost],
    total: Option<u32>,
    is_whole: bool,
) -> Plan {
    // A post edited while the listing was read may be listed twice: the first (newest) counts.
    let mut seen = BTreeSet::new();
    let listed: Vec<&ListedPost> = listed
        .iter()
        .filter(|post| seen.insert(post.id.as_str()))
        .collect();
    let to_fetch: Vec<String> = listed
        .iter()
        .filter(|post| {
            known.get(&post.id).is_none_or(|known| {
                known.modified.is_none()
                    || known.modified.as_deref()
                        != post.modified.as_ref().map(|modified| modified.as_rfc3339())
            })
        })
        .map(|post| post.id.clone())
        .collect();
    if is_whole {
        if total.is_some_and(|total| total as usize != listed.len()) {
            return Plan::FetchEverything(format!(
                "the source lists {} posts but says it has {}: it changed while it was read",
                listed.len(),
                total.unwrap_or_default()
            ));
        }
        let gone = known
            .keys()
            .filter(|id| !seen.contains(id.as_str()))
            .cloned()
            .collect();
        return Plan::Fetch { to_fetch, gone };
    }
    let n_new = listed
        .iter()
        .filter(|post| !known.contains_key(&post.id))
        .count();
    match total {
        Some(total) if total as usize == known.len() + n_new => Plan::Fetch {
            to_fetch,
            gone: Vec::new(),
        },
        _ => Plan::ReadWholeListing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use news_model::Timestamp;

    fn listed(id: &str, modified: &str) -> ListedPost {
        ListedPost {
            id: id.to_owned(),
            slug: format!("post-{id}"),
            modified: Timestamp::parse(modified),
        }
    }

    fn known(posts: &[(&str, &str)]) -> BTreeMap<String, KnownPost> {
        posts
            .iter()
            .map(|(id, modified)| {
                (
                    (*id).to_owned(),
                    KnownPost {
                        modified: Some((*modified).to_owned()),
                        slug: Some(format!("post-{id}")),
                    },
                )
            })
            .collect()
    }

    const OLD: &str = "2024-01-01T10:00:00Z";
    const NEWER: &str = "2024-01-03T10:00:00Z";

    fn mark() -> Option<i64> {
        Timestamp::parse(OLD).map(|date| date.unix_seconds())
    }

    #[test]
    fn nothing_changed_fetches_nothing_and_drops_nothing() {
        let known = known(&[("1", OLD), ("2", OLD)]);
        let listing = [listed("1", OLD), listed("2", OLD)];
        assert_eq!(
            plan(&known, &listing, Some(2), false),
            Plan::Fetch {
                to_fetch: vec![],
                gone: vec![]
            }
        );
    }

    #[test]
    fn an_edited_post_and_a_new_one_are_fetched() {
        let known = known(&[("1", OLD), ("2", OLD)]);
        let listing = [listed("3", NEWER), listed("2", NEWER), listed("1", OLD)];
        assert_eq!(
            plan(&known, &listing, Some(3), false),
            Plan::Fetch {
                to_fetch: vec!["3".to_owned(), "2".to_owned()],
                gone: vec![]
            }
        );
    }

    #[test]
    fn fewer_posts_than_known_ask_for_the_whole_listing() {
        let known = known(&[("1", OLD), ("2", OLD), ("3", OLD)]);
        let listing = [listed("3", OLD)];
        assert_eq!(
            plan(&known, &listing, Some(2), false),
            Plan::ReadWholeListing
        );
    }

    #[test]
    fn a_post_that_came_without_a_new_change_time_asks_for_the_whole_listing() {
        // A scheduled post goes live with the change time it was scheduled at.
        let known = known(&[("1", NEWER)]);
        let listing = [listed("1", NEWER)];
        assert_eq!(
            plan(&known, &listing, Some(2), false),
            Plan::ReadWholeListing
        );
    }

    #[test]
    fn the_whole_listing_names_what_went_and_what_came() {
        let known = known(&[("1", OLD), ("2", OLD), ("3", OLD)]);
        let listing = [listed("1", OLD), listed("3", OLD), listed("4", OLD)];
        assert_eq!(
            plan(&known, &listing, Some(3), true),
            Plan::Fetch {
                to_fetch: vec!["4".to_owned()],
                gone: vec!["2".to_owned()]
            }
        );
    }

    #[test]
    fn a_whole_listing_that_does_not_add_up_fetches_everything() {
        let known = known(&[("1", OLD), ("2", OLD)]);
        let listing = [listed("1", OLD)];
        assert!(matches!(
            plan(&known, &listing, Some(2), true),
            Plan::FetchEverything(_)
        ));
    }

    #[test]
    fn a_post_listed_twice_counts_once() {
        let known = known(&[("1", OLD), ("2", OLD)]);
        let listing = [listed("2", NEWER), listed("1", OLD), listed("2", NEWER)];
        assert_eq!(
            plan(&known, &listing, Some(2), true),
            Plan::Fetch {
                to_fetch: vec!["2".to_owned()],
                gone: vec![]
            }
        );
    }

    #[test]
    fn a_post_without_a_change_time_is_always_fetched() {
        let mut known = known(&[("1", OLD)]);
        if let Some(post) = known.get_mut("1") {
            post.modified = None;
        }
        let listing = [ListedPost {
            id: "1".to_owned(),
            slug: "post-1".to_owned(),
            modified: None,
        }];
        assert_eq!(
            plan(&known, &listing, Some(1), false),
            Plan::Fetch {
                to_fetch: vec!["1".to_owned()],
                gone: vec![]
            }
        );
    }

    #[test]
    fn the_listing_is_read_until_a_post_older_than_the_margin() {
        let within_margin = "2024-01-01T00:00:00Z";
        let before_margin = "2023-12-30T00:00:00Z";
        assert!(!has_read_enough(
            &[listed("2", NEWER), listed("1", within_margin)],
            true,
            mark()
        ));
        assert!(has_read_enough(
            &[listed("2", NEWER), listed("1", before_margin)],
            true,
            mark()
        ));
        assert!(has_read_enough(&[listed("2", NEWER)], false, mark()));
        assert!(!has_read_enough(&[listed("2", OLD)], true, None));
    }
}

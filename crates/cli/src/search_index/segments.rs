//! Which segment of the search index each story is in. The index is written as segments of
//! at most a fixed number of stories, each a Pagefind index of its own that the search page
//! merges when a reader searches, so a rebuild re-indexes only the segments whose stories
//! changed, came or went, instead of every article page.
//!
//! A story keeps its segment for as long as it exists: segments are filled in the order
//! stories arrive (a batch of new ones oldest first), not by date, so an edit, even of the
//! story's date, touches one segment, and a new story the one with room. The assignment is
//! kept beside the build manifest; without it (or when it was written for another segment
//! size or Pagefind version) every story is assigned again and every segment written.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::article_scan::Listed;
use crate::files::{remove_file_if_present, write_json, FileError};

/// The assignment's file in the output folder: a dot file, like the build manifest, that
/// hosts need not publish.
pub const ASSIGNMENT_FILE: &str = ".news-blog-search-segments.json";

/// Bumped when the file's meaning changes; a file of another format is ignored.
const FORMAT: u32 = 1;

/// The segments of the index as a build left them.
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    format: u32,
    /// What wrote the segments (`pagefind --version`): segments of two versions do not merge.
    pagefind: String,
    stories_per_segment: usize,
    /// The number the next new segment gets. Numbers are not reused while the segments are
    /// kept; a fresh index (another size or Pagefind, a lost file) removes every old segment
    /// and counts from 0 again, which is safe since hosts serve the index revalidated.
    next_segment: u32,
    /// The stories (slugs) of each segment, by its number.
    segments: BTreeMap<u32, BTreeSet<String>>,
}

/// What the index needs this build.
#[derive(Debug, PartialEq, Eq)]
pub struct Plan {
    pub assignment: Assignment,
    /// The segments to (re)write: their stories changed, came or went, or their files are
    /// missing.
    pub to_write: BTreeSet<u32>,
    /// Segments that no longer hold any story: their folders go.
    pub to_remove: BTreeSet<u32>,
    /// Whether the assignment started afresh: then nothing of the last index is kept.
    pub is_fresh: bool,
}

/// The stories a build indexes, and which of their pages this build rendered.
pub struct Stories<'a> {
    pub listed: &'a [Listed],
    pub rendered: &'a HashSet<&'a str>,
}

impl Assignment {
    /// The last build's assignment in `dist`, if there is one of this format.
    pub fn previous(dist: &Path) -> Option<Assignment> {
        let text = fs::read_to_string(dist.join(ASSIGNMENT_FILE)).ok()?;
        serde_json::from_str::<Assignment>(&text)
            .ok()
            .filter(|assignment| assignment.format == FORMAT)
    }

    /// Forgets the saved assignment: done before the index is changed, so a build stopped
    /// half-way leaves no assignment that the index no longer matches (the next build then
    /// writes every segment).
    pub fn forget(dist: &Path) -> Result<(), FileError> {
        remove_file_if_present(&dist.join(ASSIGNMENT_FILE))
    }

    /// Writes the assignment into `dist`, once every segment it names is written.
    pub fn save(&self, dist: &Path) -> Result<(), FileError> {
        write_json(&dist.join(ASSIGNMENT_FILE), self)
    }

    /// Whether these segments were written by `pagefind` (its `--version`).
    pub fn is_written_by(&self, pagefind: &str) -> bool {
        self.pagefind == pagefind
    }

    /// Records that `pagefind` (its `--version`) wrote the segments.
    pub fn written_by(self, pagefind: &str) -> Assignment {
        Assignment {
            pagefind: pagefind.to_owned(),
            ..self
        }
    }

    /// The segments' numbers, in order.
    pub fn numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.segments.keys().copied()
    }

    /// The stories of segment `number`.
    pub fn stories_of(&self, number: u32) -> impl Iterator<Item = &str> {
        self.segments
            .get(&number)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }
}

/// The segments this build needs, from the `previous` build's assignment (if any), with at
/// most `stories_per_segment` stories each. `is_written(number)` says whether a segment's
/// files are there.
pub fn plan(
    previous: Option<Assignment>,
    stories: &Stories,
    stories_per_segment: usize,
    is_written: impl Fn(u32) -> bool,
) -> Plan {
    let stories_per_segment = stories_per_segment.max(1);
    let kept = previous.filter(|previous| previous.stories_per_segment == stories_per_segment);
    let is_fresh = kept.is_none();
    let mut plan = Plan {
        assignment: kept.unwrap_or_else(|| Assignment {
            format: FORMAT,
            stories_per_segment,
            ..Assignment::default()
        }),
        to_write: BTreeSet::new(),
        to_remove: BTreeSet::new(),
        is_fresh,
    };
    let current: HashMap<&str, &Listed> = stories
        .listed
        .iter()
        .map(|listed| (listed.slug.as_str(), listed))
        .collect();
    for (number, slugs) in &mut plan.assignment.segments {
        let before = slugs.len();
        slugs.retain(|slug| current.contains_key(slug.as_str()));
        let is_changed = slugs.len() != before
            || slugs
                .iter()
                .any(|slug| stories.rendered.contains(slug.as_str()))
            || !is_written(*number);
        if is_changed {
            plan.to_write.insert(*number);
        }
    }
    let assigned: HashSet<&str> = plan
        .assignment
        .segments
        .values()
        .flatten()
        .map(String::as_str)
        .collect();
    let mut new: Vec<&Listed> = stories
        .listed
        .iter()
        .filter(|listed| !assigned.contains(listed.slug.as_str()))
        .collect();
    drop(assigned);
    new.sort_by_key(order);
    place(&mut plan, &new, &current);
    let emptied: Vec<u32> = plan
        .assignment
        .segments
        .iter()
        .filter(|(_, slugs)| slugs.is_empty())
        .map(|(number, _)| *number)
        .collect();
    for number in emptied {
        plan.assignment.segments.remove(&number);
        plan.to_write.remove(&number);
        plan.to_remove.insert(number);
    }
    if is_scattered(&plan.assignment, stories.listed.len()) {
        return start_again(plan, stories, &current);
    }
    plan
}

/// Puts `new` stories, in order, into the segments with room (the newest segment first, so
/// recent stories, the most edited, stay together), then into new segments.
fn place(plan: &mut Plan, new: &[&Listed], current: &HashMap<&str, &Listed>) {
    let capacity = plan.assignment.stories_per_segment;
    let mut new = new.iter();
    let mut numbers: Vec<u32> = plan.assignment.numbers().collect();
    let newest_first = numbers.len().min(1);
    numbers.rotate_right(newest_first);
    for number in numbers {
        let Some(slugs) = plan.assignment.segments.get_mut(&number) else {
            continue;
        };
        while slugs.len() < capacity {
            let Some(listed) = new.next() else {
                return;
            };
            slugs.insert(listed.slug.as_str().to_owned());
            plan.to_write.insert(number);
        }
    }
    let new: Vec<&&Listed> = new.collect();
    for chunk in new.chunks(capacity) {
        let number = plan.assignment.next_segment;
        plan.assignment.next_segment += 1;
        let slugs = chunk
            .iter()
            .map(|listed| listed.slug.as_str().to_owned())
            .collect();
        plan.assignment.segments.insert(number, slugs);
        plan.to_write.insert(number);
    }
    if !new.is_empty() {
        even_out_the_newest(plan, current);
    }
}

/// Pagefind ranks a segment's stories by that segment's own counts (how many of its pages
/// hold a word, how long they are), so a new segment of a few stories would rank them
/// oddly against the others. It takes the newest half of the full segment before it.
fn even_out_the_newest(plan: &mut Plan, current: &HashMap<&str, &Listed>) {
    let half = plan.assignment.stories_per_segment / 2;
    let mut newest_two = plan.assignment.segments.iter_mut().rev();
    let (Some((&last, last_slugs)), Some((&before, before_slugs))) =
        (newest_two.next(), newest_two.next())
    else {
        return;
    };
    if last_slugs.len() >= half || before_slugs.len() < 2 * half {
        return;
    }
    let mut older: Vec<&Listed> = before_slugs
        .iter()
        .filter_map(|slug| current.get(slug.as_str()).copied())
        .collect();
    older.sort_by_key(order);
    for listed in older.iter().rev().take(half) {
        before_slugs.remove(listed.slug.as_str());
        last_slugs.insert(listed.slug.as_str().to_owned());
    }
    plan.to_write.extend([before, last]);
}

/// The order stories are placed in: by publication, then slug.
fn order<'a>(listed: &&'a Listed) -> (Option<i64>, &'a str) {
    (
        listed.published.as_ref().map(|date| date.unix_seconds()),
        listed.slug.as_str(),
    )
}

/// Whether deletions left the stories in more than twice the segments they need (and one
/// more): then each search reads many small segments, and they are packed again.
fn is_scattered(assignment: &Assignment, n_stories: usize) -> bool {
    let needed = n_stories.div_ceil(assignment.stories_per_segment);
    assignment.segments.len() > 2 * needed + 1
}

/// Every story assigned again, into new segments; every old one removed.
fn start_again(plan: Plan, stories: &Stories, current: &HashMap<&str, &Listed>) -> Plan {
    let Plan {
        assignment,
        to_remove,
        ..
    } = plan;
    let old: BTreeSet<u32> = assignment.numbers().chain(to_remove).collect();
    let mut fresh = Plan {
        assignment: Assignment {
            segments: BTreeMap::new(),
            ..assignment
        },
        to_write: BTreeSet::new(),
        to_remove: old,
        is_fresh: false,
    };
    let mut all: Vec<&Listed> = stories.listed.iter().collect();
    all.sort_by_key(order);
    place(&mut fresh, &all, current);
    fresh
}

#[cfg(test)]
mod tests {
    use news_model::{Slug, Timestamp};

    use super::*;

    fn listed(slugs: &[&str]) -> Vec<Listed> {
        slugs
            .iter()
            .enumerate()
            .map(|(minute, slug)| Listed {
                slug: Slug::parse(slug).expect("slug"),
                published: Timestamp::parse(&format!("2025-01-01T00:{minute:02}:00Z")),
                updated: None,
                authors: Vec::new(),
                is_noindex: false,
            })
            .collect()
    }

    fn plan_of(
        previous: Option<Assignment>,
        slugs: &[&str],
        rendered: &[&str],
        per_segment: usize,
    ) -> Plan {
        let listed = listed(slugs);
        let rendered: HashSet<&str> = rendered.iter().copied().collect();
        let stories = Stories {
            listed: &listed,
            rendered: &rendered,
        };
        plan(previous, &stories, per_segment, |_| true)
    }

    fn segments(plan: &Plan) -> Vec<Vec<&str>> {
        plan.assignment
            .numbers()
            .map(|number| plan.assignment.stories_of(number).collect())
            .collect()
    }

    const FIVE: [&str; 5] = ["a", "b", "c", "d", "e"];

    #[test]
    fn a_first_build_fills_segments_oldest_first() {
        let plan = plan_of(None, &FIVE, &FIVE, 2);
        assert_eq!(segments(&plan), [vec!["a", "b"], vec!["c", "d"], vec!["e"]]);
        assert_eq!(plan.to_write, BTreeSet::from([0, 1, 2]));
        assert!(plan.is_fresh);
    }

    #[test]
    fn nothing_changed_writes_no_segment() {
        let first = plan_of(None, &FIVE, &FIVE, 2).assignment;
        let plan = plan_of(Some(first), &FIVE, &[], 2);
        assert!(plan.to_write.is_empty() && plan.to_remove.is_empty());
        assert!(!plan.is_fresh);
    }

    #[test]
    fn an_edited_story_rewrites_only_its_segment() {
        let first = plan_of(None, &FIVE, &FIVE, 2).assignment;
        let plan = plan_of(Some(first), &FIVE, &["c"], 2);
        assert_eq!(plan.to_write, BTreeSet::from([1]));
    }

    #[test]
    fn a_new_story_goes_where_there_is_room_then_into_a_new_segment() {
        let first = plan_of(None, &FIVE, &FIVE, 2).assignment;
        let plan = plan_of(Some(first), &["a", "b", "c", "d", "e", "f"], &["f"], 2);
        assert_eq!(segments(&plan)[2], ["e", "f"]);
        assert_eq!(plan.to_write, BTreeSet::from([2]));
        let plan = plan_of(
            Some(plan.assignment),
            &["a", "b", "c", "d", "e", "f", "g"],
            &["g"],
            2,
        );
        assert_eq!(segments(&plan)[3], ["g"]);
        assert_eq!(plan.to_write, BTreeSet::from([3]));
    }

    #[test]
    fn a_new_segment_takes_the_newest_half_of_the_one_before() {
        let nine = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        let plan = plan_of(None, &nine, &nine, 4);
        assert_eq!(
            segments(&plan),
            [
                vec!["a", "b", "c", "d"],
                vec!["e", "f"],
                vec!["g", "h", "i"]
            ]
        );
        // The next new story goes to the newest segment, not to the room in the one before.
        let ten = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
        let plan = plan_of(Some(plan.assignment), &ten, &["j"], 4);
        assert_eq!(segments(&plan)[2], ["g", "h", "i", "j"]);
        assert_eq!(plan.to_write, BTreeSet::from([2]));
    }

    #[test]
    fn a_deleted_story_leaves_its_segment_and_an_empty_segment_goes() {
        let first = plan_of(None, &FIVE, &FIVE, 2).assignment;
        let plan = plan_of(Some(first), &["a", "b", "c", "d"], &[], 2);
        assert_eq!(plan.to_remove, BTreeSet::from([2]));
        assert!(plan.to_write.is_empty());
        let plan = plan_of(Some(plan.assignment), &["a", "c", "d"], &[], 2);
        assert_eq!(segments(&plan), [vec!["a"], vec!["c", "d"]]);
        assert_eq!(plan.to_write, BTreeSet::from([0]));
    }

    #[test]
    fn a_missing_segment_is_written_again() {
        let first = plan_of(None, &FIVE, &FIVE, 2).assignment;
        let listed = listed(&FIVE);
        let rendered = HashSet::new();
        let stories = Stories {
            listed: &listed,
            rendered: &rendered,
        };
        let plan = plan(Some(first), &stories, 2, |number| number != 1);
        assert_eq!(plan.to_write, BTreeSet::from([1]));
    }

    #[test]
    fn another_segment_size_starts_afresh() {
        let first = plan_of(None, &FIVE, &FIVE, 2).assignment;
        let plan = plan_of(Some(first), &FIVE, &[], 3);
        assert!(plan.is_fresh);
        assert_eq!(segments(&plan), [vec!["a", "b", "c"], vec!["d", "e"]]);
    }

    #[test]
    fn segments_emptied_by_many_deletions_are_packed_again() {
        let slugs: Vec<String> = (0..40).map(|n| format!("story-{n:02}")).collect();
        let all: Vec<&str> = slugs.iter().map(String::as_str).collect();
        let first = plan_of(None, &all, &all, 10).assignment;
        // One story left in each of the four segments: one segment holds them all.
        let left: Vec<&str> = all.iter().copied().step_by(10).collect();
        let plan = plan_of(Some(first), &left, &[], 10);
        assert_eq!(segments(&plan), std::slice::from_ref(&left));
        assert_eq!(plan.to_remove, BTreeSet::from([0, 1, 2, 3]));
        assert_eq!(plan.to_write, BTreeSet::from([4]));
    }

    #[test]
    fn an_assignment_is_read_back() {
        let dir = std::env::temp_dir().join(format!("news-blog-segments-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("folder");
        let assignment = plan_of(None, &FIVE, &FIVE, 2)
            .assignment
            .written_by("pagefind 1.6.0");
        assignment.save(&dir).expect("saved");
        let read = Assignment::previous(&dir).expect("read back");
        assert!(read.is_written_by("pagefind 1.6.0"));
        assert_eq!(read, assignment);
        Assignment::forget(&dir).expect("forgotten");
        assert!(Assignment::previous(&dir).is_none());
        let _ = fs::remove_dir_all(&dir);
    }
}

//! Progress of a long build on a terminal: counts and the time left, rewritten on one line.
//! Quiet when standard error is not a terminal (CI, logs), so nothing piles up there.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// A counter for one step of the build.
pub struct Progress {
    what: &'static str,
    total: Option<usize>,
    done: usize,
    started: Instant,
    last_shown: Option<Instant>,
    is_shown: bool,
}

/// How often the line is redrawn.
const REDRAW: Duration = Duration::from_millis(250);

impl Progress {
    /// Counts `what` (e.g. "pages"), out of `total` when it is known.
    pub fn new(what: &'static str, total: Option<usize>) -> Progress {
        Progress {
            what,
            total,
            done: 0,
            started: Instant::now(),
            last_shown: None,
            is_shown: std::io::stderr().is_terminal(),
        }
    }

    /// One more done.
    pub fn tick(&mut self) {
        self.done += 1;
        let now = Instant::now();
        let is_due = self
            .last_shown
            .is_none_or(|shown| now.duration_since(shown) >= REDRAW);
        if self.is_shown && is_due {
            self.last_shown = Some(now);
            let line = line(self.what, self.done, self.total, now - self.started);
            let _ = write!(std::io::stderr(), "\r{line}\x1b[K");
        }
    }

    /// Clears the line.
    pub fn finish(self) {
        if self.is_shown && self.last_shown.is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }
}

/// "1200 of 10000 pages, about 42 s left", or "1200 files" when the total is unknown.
fn line(what: &str, done: usize, total: Option<usize>, elapsed: Duration) -> String {
    match total {
        Some(total) if done > 0 => {
            let left = elapsed.as_secs_f64() / done as f64 * total.saturating_sub(done) as f64;
            format!("{done} of {total} {what}, about {} s left", left.ceil())
        }
        _ => format!("{done} {what}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_left_follows_the_pace_so_far() {
        assert_eq!(
            line("pages", 250, Some(1000), Duration::from_secs(10)),
            "250 of 1000 pages, about 30 s left"
        );
        assert_eq!(line("files", 12, None, Duration::from_secs(1)), "12 files");
    }
}

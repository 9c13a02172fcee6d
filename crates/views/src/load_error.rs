//! Why a document could not be shown, in words a reader can act on.

use std::fmt;

use news_i18n::{Catalog, Msg, NumberFormat, Plural};
use news_model::sources::SourceSettingError;
use news_model::Rejected;

/// A failed load. "Not found" and "offline" are different situations with different advice.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The server said 404, or the address itself is not a valid story address.
    NotFound,
    /// The browser reports no network connection.
    Offline,
    /// The request failed before any answer came (server down, blocked, CORS).
    Network,
    /// No answer within the time limit.
    Timeout { seconds: u32 },
    /// The server answered with an error status.
    Server { status: u16 },
    /// The answer was not JSON (often an HTML error page served instead).
    NotJson,
    /// JSON that breaks the content format.
    Invalid(Rejected),
    /// A publisher's API answered something its documentation does not describe.
    Unreadable(String),
    /// The story's text has nothing this site can show (it maps to no blocks).
    NothingToShow,
    /// The page's content settings cannot be used; the host must fix them.
    Settings(SettingsProblem),
}

/// Why the page's content settings cannot be used, in the host's terms (the meta tags).
#[derive(Clone, Debug, PartialEq)]
pub enum SettingsProblem {
    /// `news-blog-source` with its address and key names no usable source.
    Source(SourceSettingError),
    /// The page names a source (`json`, `wordpress` …) this build of the app does not read.
    WrongBuild { source: &'static str },
}

impl fmt::Display for SettingsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingsProblem::Source(problem) => problem.fmt(f),
            SettingsProblem::WrongBuild { source } => write!(
                f,
                "this build of the app does not read a {source} source; the page's boot script \
                 loads the build for its source"
            ),
        }
    }
}

impl LoadError {
    /// A short headline for the message box, in the site's language.
    pub fn headline(&self, words: &Catalog) -> String {
        let msg = match self {
            LoadError::NotFound => Msg::ErrorNotFoundHeadline,
            LoadError::Offline => Msg::ErrorOfflineHeadline,
            LoadError::Network => Msg::ErrorNetworkHeadline,
            LoadError::Timeout { .. } => Msg::ErrorTimeoutHeadline,
            LoadError::Server { .. } => Msg::ErrorServerHeadline,
            LoadError::NotJson | LoadError::Invalid(_) | LoadError::Unreadable(_) => {
                Msg::ErrorUnreadableHeadline
            }
            LoadError::NothingToShow => Msg::ErrorNothingToShowHeadline,
            LoadError::Settings(_) => Msg::ErrorSettingsHeadline,
        };
        words.text(msg).to_owned()
    }

    /// What happened and what the reader can do next, in the site's language (the technical
    /// detail a failure carries stays as it was written).
    pub fn advice(&self, words: &Catalog) -> String {
        // The message and its one detail, then one `fill`: less code in every reader's wasm
        // than a call for each kind of failure. A message without a detail has no `{-}`.
        let detail;
        let (msg, name, value): (Msg, &str, &str) = match self {
            LoadError::NotFound => (Msg::ErrorNotFoundAdvice, "-", ""),
            LoadError::Offline => (Msg::ErrorOfflineAdvice, "-", ""),
            LoadError::Network => (Msg::ErrorNetworkAdvice, "-", ""),
            LoadError::Timeout { seconds } => {
                return words.plural(Plural::ErrorTimeoutAdvice, *seconds as usize)
            }
            LoadError::Server { status } => {
                // As written in the answer: Latin digits in every language.
                detail = NumberFormat::new("", "", "").plain(u64::from(*status), 1);
                (Msg::ErrorServerAdvice, "status", &detail)
            }
            LoadError::NotJson => (Msg::ErrorNotJsonAdvice, "-", ""),
            LoadError::Invalid(rejected) => {
                detail = rejected.to_string();
                (Msg::ErrorInvalidAdvice, "problems", &detail)
            }
            LoadError::Unreadable(why) => (Msg::ErrorUnreadableAdvice, "reason", why),
            LoadError::NothingToShow => (Msg::ErrorNothingToShowAdvice, "-", ""),
            LoadError::Settings(problem) => {
                detail = problem.to_string();
                (Msg::ErrorSettingsAdvice, "reason", &detail)
            }
        };
        words.fill(msg, &[(name, value)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_settings_problem_tells_the_host_what_to_change() {
        let words = Catalog::english();
        let missing_key =
            LoadError::Settings(SettingsProblem::Source(SourceSettingError::MissingKey));
        assert!(missing_key
            .advice(&words)
            .contains("its Content API key in news-blog-source-key"));
        let wrong_build = LoadError::Settings(SettingsProblem::WrongBuild { source: "ghost" });
        let advice = wrong_build.advice(&words);
        assert!(advice.contains("does not read a ghost source"), "{advice}");
        assert_eq!(
            wrong_build.headline(&words),
            "This site's settings need fixing"
        );
    }
}

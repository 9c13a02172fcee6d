//! Why a document could not be shown, in words a reader can act on.

use news_i18n::{Catalog, Msg, NumberFormat, Plural};
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
    /// The story is password-protected or for members only at its source.
    Protected,
    /// The story's text has nothing this site can show (it maps to no blocks).
    NothingToShow,
    /// The page's content settings cannot be used; the host must fix them.
    Settings(String),
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
            LoadError::Protected => Msg::ErrorProtectedHeadline,
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
            LoadError::Protected => (Msg::ErrorProtectedAdvice, "-", ""),
            LoadError::NothingToShow => (Msg::ErrorNothingToShowAdvice, "-", ""),
            LoadError::Settings(why) => (Msg::ErrorSettingsAdvice, "reason", why),
        };
        words.fill(msg, &[(name, value)])
    }
}

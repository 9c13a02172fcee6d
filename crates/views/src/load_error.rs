//! Why a document could not be shown, in words a reader can act on.

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
    /// A short headline for the message box.
    pub fn headline(&self) -> &'static str {
        match self {
            LoadError::NotFound => "We can't find that story",
            LoadError::Offline => "You're offline",
            LoadError::Network => "We couldn't reach the news server",
            LoadError::Timeout { .. } => "The news server is taking too long",
            LoadError::Server { .. } => "The news server had a problem",
            LoadError::NotJson | LoadError::Invalid(_) | LoadError::Unreadable(_) => {
                "This content couldn't be read"
            }
            LoadError::Protected => "This story is protected",
            LoadError::NothingToShow => "This story has nothing we can show",
            LoadError::Settings(_) => "This site's settings need fixing",
        }
    }

    /// What happened and what the reader can do next.
    pub fn advice(&self) -> String {
        match self {
            LoadError::NotFound => "It may have been moved or taken down. Check the address, or find it on the home page.".into(),
            LoadError::Offline => "Check your connection, then try again.".into(),
            LoadError::Network => "Check your connection, then try again in a moment.".into(),
            LoadError::Timeout { seconds } => format!("No answer came within {seconds} seconds. Try again in a moment."),
            LoadError::Server { status } => format!("It answered with error {status}. Try again in a moment."),
            LoadError::NotJson => "The server sent something other than the expected JSON document. If this keeps happening, the site's content settings may be wrong.".into(),
            LoadError::Invalid(rejected) => format!("The document breaks the content format: {rejected}."),
            LoadError::Unreadable(why) => format!("The news source sent an answer we could not read: {why}. If this keeps happening, the site's content settings may be wrong."),
            LoadError::Protected => "It is password-protected or for members only at its source. Read it on the publisher's own site.".into(),
            LoadError::NothingToShow => "Its text is only things this site does not show (such as scripts or forms). Read it on the publisher's own site.".into(),
            LoadError::Settings(why) => format!("Its content settings cannot be used: {why}. If you run this site, see the README's settings section."),
        }
    }
}

//! Asking a publisher's site for its stories, politely: one request at a time, a time limit,
//! and a few retries with backoff when the network or the server fails for a moment.

use std::time::Duration;

use news_model::sources::{Answer, PageNumber};

/// How many times a failed request is tried in all, and the first wait between tries.
const ATTEMPTS: u32 = 4;
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const TIMEOUT: Duration = Duration::from_secs(30);

/// A body and the paging headers of one answer.
pub struct Fetched {
    pub url: String,
    pub body: String,
    pub total_pages: Option<u32>,
    pub total_items: Option<u32>,
}

impl Fetched {
    pub fn answer(&self, page: PageNumber) -> Answer<'_> {
        Answer {
            url: &self.url,
            body: &self.body,
            total_pages: self.total_pages,
            page,
        }
    }
}

/// Why a request gave no usable answer, in words for the person running the command.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url} answered {status}{hint}")]
    Status {
        url: String,
        status: u16,
        hint: &'static str,
    },
    #[error("{url} sent HTML, not JSON (is the address right, and is its REST API on?)")]
    NotJson { url: String },
    #[error("{url} could not be reached: {reason}")]
    Network { url: String, reason: String },
}

impl FetchError {
    fn is_worth_retrying(&self) -> bool {
        match self {
            FetchError::Status { status, .. } => *status == 429 || *status >= 500,
            FetchError::NotJson { .. } => false,
            FetchError::Network { .. } => true,
        }
    }
}

/// What an answer must be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Json,
    Html,
}

impl Expect {
    fn accept(self) -> &'static str {
        match self {
            Expect::Json => "application/json",
            Expect::Html => "text/html",
        }
    }
}

pub struct Client {
    agent: ureq::Agent,
}

impl Client {
    pub fn new() -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false)
            .user_agent(concat!("news-blog/", env!("CARGO_PKG_VERSION")))
            .build();
        Client {
            agent: config.into(),
        }
    }

    /// GETs `url` as JSON, retrying what may pass (network failures, 429, 5xx).
    pub fn get_json(&self, url: &str) -> Result<Fetched, FetchError> {
        self.get(url, Expect::Json)
    }

    /// GETs the web page at `url` (a site's home page), retrying as [`Client::get_json`].
    pub fn get_html(&self, url: &str) -> Result<Fetched, FetchError> {
        self.get(url, Expect::Html)
    }

    fn get(&self, url: &str, expect: Expect) -> Result<Fetched, FetchError> {
        let mut backoff = FIRST_BACKOFF;
        let mut attempt = 1;
        loop {
            match self.get_once(url, expect) {
                Err(error) if error.is_worth_retrying() && attempt < ATTEMPTS => {
                    std::thread::sleep(backoff);
                    backoff *= 2;
                    attempt += 1;
                }
                result => return result,
            }
        }
    }

    fn get_once(&self, url: &str, expect: Expect) -> Result<Fetched, FetchError> {
        let network = |error: ureq::Error| FetchError::Network {
            url: url.to_owned(),
            reason: error.to_string(),
        };
        let mut response = self
            .agent
            .get(url)
            .header("Accept", expect.accept())
            .call()
            .map_err(network)?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .and_then(|value| value.trim().parse::<u32>().ok())
        };
        let total_pages = header("x-wp-totalpages");
        let total_items = header("x-wp-total");
        let is_html = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.contains("html"));
        if !(200..300).contains(&status) {
            return Err(FetchError::Status {
                url: url.to_owned(),
                status,
                hint: match status {
                    401 | 403 => " (is the key right?)",
                    404 => " (is the address right?)",
                    _ => "",
                },
            });
        }
        if is_html && expect == Expect::Json {
            return Err(FetchError::NotJson {
                url: url.to_owned(),
            });
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .map_err(network)?;
        Ok(Fetched {
            url: url.to_owned(),
            body,
            total_pages,
            total_items,
        })
    }
}

//! Running Pagefind over some of the article pages, through its service mode (`pagefind
//! --service`, the protocol its Node API speaks: base64-encoded JSON messages ended by `,` on
//! stdin and stdout). The build hands it each page's text and address, so Pagefind never walks
//! the site: given a folder and a glob it opened every article's folder on each run, which at
//! 100,000 stories cost more than indexing the segment's own thousand pages, on every one of a
//! full build's hundred runs and on a rebuild's one.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::mpsc::{self, Receiver};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::files::FileError;

use super::SearchIndexError;

/// The Pagefind `program` runs as `pagefind --version` says, e.g. "pagefind 1.6.0"; `None`
/// when it is not installed.
pub fn version(program: &OsStr) -> Result<Option<String>, SearchIndexError> {
    match Command::new(program).arg("--version").output() {
        Ok(output) if output.status.success() => Ok(Some(
            String::from_utf8_lossy(&output.stdout).trim().to_owned(),
        )),
        Ok(output) => Err(failed(&output)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(did_not_start(&error)),
    }
}

/// Writes the index of the article pages of `slugs` in `dist` into the empty folder `output`.
pub fn index<'a>(
    program: &OsStr,
    dist: &Path,
    slugs: impl Iterator<Item = &'a str>,
    output: &Path,
) -> Result<(), SearchIndexError> {
    let mut service = Service::start(program)?;
    let index_id = match service.ask(&Request::NewIndex {})? {
        Answer::NewIndex { index_id } => index_id,
        answer => return Err(unexpected(&answer)),
    };
    let mut n_pages = 0;
    for slug in slugs {
        let path = dist.join("article").join(slug).join("index.html");
        let text = std::fs::read_to_string(&path).map_err(FileError::at(&path))?;
        service.send(&Request::AddFile {
            index_id,
            file_path: path.to_string_lossy().into_owned(),
            // The address Pagefind gives a page it finds itself: its folder's, from the root.
            url: format!("/article/{slug}/"),
            file_contents: text,
        })?;
        n_pages += 1;
    }
    for _ in 0..n_pages {
        match service.receive()? {
            Answer::IndexedFile {} => {}
            answer => return Err(unexpected(&answer)),
        }
    }
    let output_path = output.to_string_lossy().into_owned();
    match service.ask(&Request::WriteFiles {
        index_id,
        output_path,
    })? {
        Answer::WriteFiles {} => service.finish(),
        answer => Err(unexpected(&answer)),
    }
}

/// A message to Pagefind's service.
#[derive(Serialize)]
#[serde(tag = "type")]
enum Request {
    NewIndex {},
    AddFile {
        index_id: u32,
        file_path: String,
        url: String,
        file_contents: String,
    },
    WriteFiles {
        index_id: u32,
        output_path: String,
    },
}

/// What Pagefind's service answered (only what the build reads of it).
#[derive(Debug, Deserialize)]
#[serde(tag = "type")]
enum Answer {
    NewIndex {
        index_id: u32,
    },
    IndexedFile {},
    WriteFiles {},
    Error {
        message: String,
    },
    #[serde(other)]
    Other,
}

#[derive(Serialize)]
struct Envelope<'a> {
    message_id: u32,
    payload: &'a Request,
}

#[derive(Deserialize)]
struct Reply {
    payload: Answer,
}

/// A running `pagefind --service`. Its answers are read on a thread of their own, so a page
/// sent while Pagefind is writing answers never leaves both sides waiting on a full pipe.
struct Service {
    child: Child,
    stdin: Option<ChildStdin>,
    answers: Receiver<Result<Answer, String>>,
    next_id: u32,
}

impl Service {
    fn start(program: &OsStr) -> Result<Service, SearchIndexError> {
        let mut child = Command::new(program)
            .arg("--service")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|error| did_not_start(&error))?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            return Err(SearchIndexError::Failed {
                status: "did not start".into(),
                output: "its input and output could not be connected".into(),
            });
        };
        let (sender, answers) = mpsc::channel();
        std::thread::spawn(move || {
            for message in BufReader::new(stdout).split(b',') {
                let answer = message
                    .map_err(|error| error.to_string())
                    .and_then(|message| decode(&message));
                if sender.send(answer).is_err() {
                    break;
                }
            }
        });
        Ok(Service {
            child,
            stdin: Some(stdin),
            answers,
            next_id: 0,
        })
    }

    fn send(&mut self, request: &Request) -> Result<(), SearchIndexError> {
        self.next_id += 1;
        let envelope = Envelope {
            message_id: self.next_id,
            payload: request,
        };
        let json = serde_json::to_vec(&envelope).map_err(|error| SearchIndexError::Failed {
            status: "was sent a page it cannot read".into(),
            output: error.to_string(),
        })?;
        let mut message = BASE64.encode(json).into_bytes();
        message.push(b',');
        let written = match self.stdin.as_mut() {
            Some(stdin) => stdin.write_all(&message),
            None => Err(std::io::ErrorKind::BrokenPipe.into()),
        };
        written.map_err(|error| self.stopped(&error.to_string()))
    }

    fn receive(&mut self) -> Result<Answer, SearchIndexError> {
        match self.answers.recv() {
            Ok(Ok(Answer::Error { message })) => Err(SearchIndexError::Failed {
                status: "refused a request".into(),
                output: message,
            }),
            Ok(Ok(answer)) => Ok(answer),
            Ok(Err(reason)) => Err(self.stopped(&reason)),
            Err(_) => Err(self.stopped("it stopped answering")),
        }
    }

    fn ask(&mut self, request: &Request) -> Result<Answer, SearchIndexError> {
        self.send(request)?;
        self.receive()
    }

    /// Closes Pagefind's input, which ends the service, and waits for it.
    fn finish(mut self) -> Result<(), SearchIndexError> {
        drop(self.stdin.take());
        match self.child.wait() {
            Ok(_) => Ok(()),
            Err(error) => Err(self.stopped(&error.to_string())),
        }
    }

    /// The error for a service that stopped: its exit status when it has one.
    fn stopped(&mut self, reason: &str) -> SearchIndexError {
        drop(self.stdin.take());
        let status = match self.child.try_wait() {
            Ok(Some(status)) => status.to_string(),
            _ => {
                let _ = self.child.kill();
                let _ = self.child.wait();
                "stopped".into()
            }
        };
        SearchIndexError::Failed {
            status,
            output: reason.to_owned(),
        }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        // A run abandoned half-way (an error above) must not leave Pagefind behind.
        if self.stdin.take().is_some() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// One answer: base64 of a JSON envelope whose `payload` says what it is.
fn decode(message: &[u8]) -> Result<Answer, String> {
    let json = BASE64
        .decode(message.trim_ascii())
        .map_err(|error| format!("an answer that is not base64: {error}"))?;
    let reply: Reply = serde_json::from_slice(&json)
        .map_err(|error| format!("an answer that is not what Pagefind sends: {error}"))?;
    Ok(reply.payload)
}

fn unexpected(answer: &Answer) -> SearchIndexError {
    SearchIndexError::Failed {
        status: "answered out of turn".into(),
        output: format!("{answer:?}"),
    }
}

fn did_not_start(error: &std::io::Error) -> SearchIndexError {
    SearchIndexError::Failed {
        status: "did not start".into(),
        output: error.to_string(),
    }
}

fn failed(output: &Output) -> SearchIndexError {
    SearchIndexError::Failed {
        status: output.status.to_string(),
        output: format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
        .trim()
        .to_owned(),
    }
}

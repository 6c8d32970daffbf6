//! HTTP for OParl: ureq over rustls, with the timeouts a council server
//! needs (connect 10 s, whole request 60 s), and retries with growing
//! waits where the server says it is busy (429) or failing (5xx).

use std::time::Duration;

use serde_json::Value;

/// Larger answers are refused: no OParl page or paper PDF comes near it.
const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// Tries of one request, the first included.
const TRIES: u32 = 4;
/// The longest a server's `Retry-After` is obeyed.
const LONGEST_WAIT: Duration = Duration::from_secs(30);

/// Why a request gave nothing usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    NotFound,
    /// Another status than 200 or 404 (after the retries, for 429/5xx).
    Status(u16),
    /// No answer: name not resolved, connection refused.
    Unreachable(String),
    /// No answer within the time allowed (10 s to connect, 60 s in all).
    TimedOut,
    /// An answer that is not JSON.
    NotJson(String),
    /// The answer could not be read to its end.
    Broken(String),
    /// The answer is larger than any OParl page or paper.
    TooBig,
}

/// A blocking HTTP client for OParl servers.
pub struct Web {
    agent: ureq::Agent,
    /// The first wait before a retry; doubled each time.
    backoff: Duration,
}

impl Web {
    /// A client whose retries wait `backoff`, twice that, four times.
    pub fn new(backoff: Duration) -> Web {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(60)))
            .http_status_as_error(false)
            .user_agent(concat!("agenda/", env!("CARGO_PKG_VERSION")))
            .build();
        Web {
            agent: ureq::Agent::new_with_config(config),
            backoff,
        }
    }

    /// The JSON at `url`.
    pub fn json(&self, url: &str) -> Result<Value, Failure> {
        let bytes = self.bytes(url)?;
        serde_json::from_slice(&bytes).map_err(|e| Failure::NotJson(e.to_string()))
    }

    /// The bytes at `url`, retried while the server is busy or failing.
    pub fn bytes(&self, url: &str) -> Result<Vec<u8>, Failure> {
        let mut wait = self.backoff;
        for attempt in 1..=TRIES {
            let response = match self.agent.get(url).call() {
                Ok(r) => r,
                Err(ureq::Error::Timeout(_)) => return Err(Failure::TimedOut),
                Err(e) => return Err(Failure::Unreachable(e.to_string())),
            };
            let status = response.status().as_u16();
            let busy = status == 429 || (500..600).contains(&status);
            if busy && attempt < TRIES {
                let asked = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                std::thread::sleep(asked.unwrap_or(wait).min(LONGEST_WAIT));
                wait *= 2;
                continue;
            }
            return match status {
                200 => response
                    .into_body()
                    .with_config()
                    .limit(MAX_BYTES)
                    .read_to_vec()
                    .map_err(|e| match e {
                        ureq::Error::BodyExceedsLimit(_) => Failure::TooBig,
                        ureq::Error::Timeout(_) => Failure::TimedOut,
                        e => Failure::Broken(e.to_string()),
                    }),
                404 | 410 => Err(Failure::NotFound),
                other => Err(Failure::Status(other)),
            };
        }
        unreachable!("the last try returns")
    }
}

/// Whether `source` names a web address rather than a file.
pub fn is_url(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

//! Searches on a thread of its own, so typing never waits for matching:
//! the newest query supersedes older ones, and one still running stops.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::index::{Hit, Index};
use super::query::narrows;
use crate::model::Dataset;

/// How many ranked hits a query returns; more would not be looked at.
pub const LIMIT: usize = 200;

enum Request {
    Data(Arc<Dataset>),
    Query { generation: u64, query: String },
}

/// The ranked hits for one query.
#[derive(Debug)]
pub struct Response {
    pub generation: u64,
    pub hits: Vec<Hit>,
    /// How many records matched; `hits` holds the best [`LIMIT`].
    pub total: usize,
}

/// A handle on the search thread.
pub struct Searcher {
    requests: Sender<Request>,
    latest: Arc<AtomicU64>,
}

/// Where answers go: the app's event channel. `false` once nobody listens.
pub type Deliver = Box<dyn Fn(Response) -> bool + Send>;

impl Searcher {
    /// Starts the thread; it indexes `data` before the first query, and
    /// lets go of it once indexed. Each answer is handed to `deliver` as
    /// soon as it is ready.
    pub fn start(data: Arc<Dataset>, deliver: Deliver) -> Searcher {
        let (requests, inbox) = channel();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(&inbox, &deliver, &newest))
            .expect("a thread for searching");
        let searcher = Searcher { requests, latest };
        searcher.reindex(data);
        searcher
    }

    /// Replaces the indexed data (after a reload or an edit of text).
    pub fn reindex(&self, data: Arc<Dataset>) {
        let _ = self.requests.send(Request::Data(data));
    }

    /// Asks for the hits of `query`; numbered so late answers can be told apart.
    pub fn query(&self, generation: u64, query: &str) {
        self.latest.store(generation, Ordering::SeqCst);
        let _ = self.requests.send(Request::Query {
            generation,
            query: query.to_string(),
        });
    }
}

fn serve(inbox: &Receiver<Request>, deliver: &Deliver, latest: &AtomicU64) {
    // The index and the data it was built from (a phrase is looked for
    // in the data's texts).
    let mut index: Option<(Index, Arc<Dataset>)> = None;
    // The last query and its matching fields, to narrow the next one.
    let mut previous: Option<(String, Vec<(u32, i64)>)> = None;
    while let Ok(first) = inbox.recv() {
        // Everything queued: every new data set counts, only the last query.
        let mut query = None;
        for request in std::iter::once(first).chain(inbox.try_iter()) {
            match request {
                Request::Data(data) => {
                    index = Some((Index::build(&data), data));
                    previous = None;
                }
                Request::Query {
                    generation,
                    query: q,
                } => query = Some((generation, q)),
            }
        }
        let (Some((index, data)), Some((generation, query))) = (&index, query) else {
            continue;
        };
        // Narrowing is safe while the query only grows at its end (a new
        // term narrows too, as every term must match), unless it lengthens
        // an exclusion.
        let within = previous
            .as_ref()
            .filter(|(before, _)| narrows(before, &query))
            .map(|(_, matches)| matches.as_slice());
        let cancelled = || latest.load(Ordering::SeqCst) != generation;
        let Some(matches) = index.matching(data, &query, within, &cancelled) else {
            continue;
        };
        let (hits, total) = index.rank_counted(&matches, LIMIT);
        previous = Some((query, matches));
        let response = Response {
            generation,
            hits,
            total,
        };
        if !deliver(response) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::Receiver;
    use std::time::{Duration, Instant};

    fn wait(answers: &Receiver<Response>, generation: u64) -> Response {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let answer = answers.recv_timeout(left).expect("an answer in time");
            if answer.generation == generation {
                return answer;
            }
        }
    }

    #[test]
    fn answers_the_newest_query_and_narrows_as_it_grows() {
        let dir = tempfile::tempdir().unwrap();
        crate::example::write_to(dir.path()).unwrap();
        let data = crate::store::load(dir.path()).data;
        let (outbox, answers) = channel();
        let deliver: Deliver = Box::new(move |r| outbox.send(r).is_ok());
        let searcher = Searcher::start(Arc::clone(&data), deliver);
        searcher.query(1, "trae");
        let broad = wait(&answers, 1);
        searcher.query(2, "traeger");
        let narrow = wait(&answers, 2);
        assert!(!narrow.hits.is_empty());
        assert!(narrow.hits.len() <= broad.hits.len());
        // The same query from scratch gives the same hits as narrowing did.
        let direct = Index::build(&data).search(&data, "traeger", LIMIT);
        assert_eq!(narrow.hits, direct);
    }
}

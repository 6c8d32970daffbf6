//! One pull as a value: what to read and within which limits, run on a
//! thread of the app or by the command line alike.

use std::collections::HashSet;
use std::time::Duration;

use super::pull::{Limits, Pull, pull};
use super::resolve::{Progress, Resolver};
use super::web::{Web, is_url};
use crate::model::Dataset;

/// A pull to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Files or web addresses.
    pub sources: Vec<String>,
    pub since: Option<chrono::NaiveDate>,
    pub committee: Option<String>,
    pub zone: chrono_tz::Tz,
    /// Papers whose motions have questions already: their documents
    /// are not downloaded again.
    pub asked: HashSet<String>,
    /// The data folder and its files with errors, read with the pull so
    /// that the app's planning does no I/O (see `Flawed`); the folder's
    /// record of the last import (`Bases`) is read with them.
    pub flawed: Option<(std::path::PathBuf, Vec<std::path::PathBuf>)>,
}

impl Job {
    /// A pull of `sources` into `data`.
    pub fn new(sources: Vec<String>, limits: Limits, data: &Dataset) -> Job {
        let asked = data
            .motions
            .iter()
            .filter(|m| !m.questions.is_empty())
            .filter_map(|m| m.oparl_id.clone())
            .collect();
        Job {
            sources,
            since: limits.since,
            committee: limits.committee,
            zone: limits.zone,
            asked,
            flawed: None,
        }
    }

    /// Whether it reads from the web (and so may take a while).
    pub fn online(&self) -> bool {
        self.sources.iter().any(|s| is_url(s))
    }

    /// Runs it, telling `progress` how many objects were read.
    pub fn run(&self, progress: Progress) -> Pull {
        let web = self.online().then(|| Web::new(Duration::from_secs(1)));
        let mut resolver = Resolver::new(web, progress);
        let limits = Limits {
            since: self.since,
            committee: self.committee.clone(),
            zone: self.zone,
        };
        let mut pulled = pull(&mut resolver, &self.sources, &limits, &|id| {
            !self.asked.contains(id)
        });
        if let Some((dir, paths)) = &self.flawed {
            pulled.flawed = super::Flawed::read_paths(dir, paths.clone());
            pulled.bases = super::Bases::read(dir);
        }
        pulled
    }
}

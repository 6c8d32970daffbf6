//! What the screens show that is worked out from the whole data (where
//! each motion sits, the due dates, the sessions a filter lets through),
//! kept until the data changes: a key or a frame then costs what it shows,
//! not what the folder holds.

use std::cell::RefCell;
use std::rc::Rc;

use super::filter::Filter;
use super::rows::{SessionKey, SessionRow, WorkAt};
use crate::deadline::Deadlines;
use crate::overview::Places;

/// The caches. Each remembers what it was made from: the data's address
/// and a version counter (bumped by every change of the data).
#[derive(Default)]
pub(super) struct Derived {
    /// Places and due dates, by (address, data version): they depend on
    /// the records and the agendas, which change only with the version.
    structure: Memo<(usize, u64), Structure>,
    /// The sessions screen's entries, by (address, revision, filter): a
    /// question's status can change what a filter lets through.
    keys: Memo<(usize, u64, Filter), Vec<SessionKey>>,
    /// The worklist, by the same key.
    work: Memo<(usize, u64, Filter), Vec<WorkAt>>,
}

/// One value, shared, and the key it was made for.
type Memo<K, V> = RefCell<Option<(K, Rc<V>)>>;

/// What depends on the records only.
pub(super) struct Structure {
    pub places: Rc<Places>,
    pub deadlines: Rc<Deadlines>,
    /// The files with errors: what they hold is shown marked.
    pub broken: Rc<std::collections::HashSet<crate::model::SourceId>>,
}

impl super::App {
    fn address(&self) -> usize {
        std::sync::Arc::as_ptr(&self.loaded.data) as usize
    }

    fn structure(&self) -> Rc<Structure> {
        let key = (self.address(), self.data_version);
        let mut cached = self.derived.structure.borrow_mut();
        if let Some((at, made)) = cached.as_ref()
            && *at == key
        {
            return made.clone();
        }
        let made = Rc::new(Structure {
            places: Rc::new(Places::new(self.data())),
            deadlines: Rc::new(Deadlines::new(self.data(), self.env.rules)),
            broken: Rc::new(self.broken_sources()),
        });
        *cached = Some((key, made.clone()));
        made
    }

    /// Where every motion sits, shared until the data changes.
    pub fn places(&self) -> Rc<Places> {
        self.structure().places.clone()
    }

    /// Whether the file a record came from has errors (so that what is
    /// shown of it may be wrong or missing).
    pub fn has_errors(&self, source: crate::model::SourceId) -> bool {
        self.structure().broken.contains(&source)
    }

    fn broken_sources(&self) -> std::collections::HashSet<crate::model::SourceId> {
        let data = self.data();
        let paths: std::collections::HashSet<&std::path::Path> = (self.loaded.diagnostics.iter())
            // A reference to another file that finds nothing does not make
            // this one unsafe to write (the cause is often the other).
            .filter(|d| d.spoils_file())
            .map(|d| d.path.as_path())
            .collect();
        (0..data.sources.len())
            .filter(|&i| paths.contains(data.sources[i].path.as_path()))
            .map(crate::model::SourceId)
            .collect()
    }

    /// The due dates of the data now, shared until the data changes.
    pub fn deadlines(&self) -> Rc<Deadlines> {
        self.structure().deadlines.clone()
    }

    /// The entries of the sessions screen under the filter, shared until
    /// the data or the filter changes.
    pub fn session_keys(&self) -> Rc<Vec<SessionKey>> {
        let key = (self.address(), self.revision, self.filter.clone());
        if let Some((at, keys)) = self.derived.keys.borrow().as_ref()
            && *at == key
        {
            return keys.clone();
        }
        let places = self.places();
        let deadlines = self.deadlines();
        let keys = Rc::new(super::rows::session_keys(
            self.data(),
            &places,
            &self.filter.sieve(&deadlines, self.env.today),
        ));
        *self.derived.keys.borrow_mut() = Some((key, keys.clone()));
        keys
    }

    /// Positions of a motion's questions that the filter lets through.
    pub fn questions_shown(&self, motion: &crate::model::Motion) -> Vec<usize> {
        let deadlines = self.deadlines();
        (self.filter.sieve(&deadlines, self.env.today)).questions(motion)
    }

    /// The rows of a session's screen (one session: cheap to make).
    pub fn session_rows(&self, key: &SessionKey) -> Vec<SessionRow<'_>> {
        let deadlines = self.deadlines();
        let sieve = self.filter.sieve(&deadlines, self.env.today);
        super::rows::session_rows(self.data(), &self.places(), key, &sieve)
    }

    /// Answered and total questions of the motions of an agenda item.
    pub fn item_counts(&self, item: &crate::model::AgendaItem) -> (usize, usize) {
        let deadlines = self.deadlines();
        let sieve = self.filter.sieve(&deadlines, self.env.today);
        super::rows::item_counts(self.data(), &self.places(), item, &sieve)
    }

    /// Answered and total questions of a motion, under the filter.
    pub fn motion_counts(&self, motion: &crate::model::Motion) -> (usize, usize) {
        let deadlines = self.deadlines();
        let sieve = self.filter.sieve(&deadlines, self.env.today);
        super::rows::motion_counts(motion, &sieve)
    }

    /// The worklist's rows under the filter, shared until the data or the
    /// filter changes.
    pub fn work_rows(&self) -> Rc<Vec<WorkAt>> {
        let key = (self.address(), self.revision, self.filter.clone());
        if let Some((at, rows)) = self.derived.work.borrow().as_ref()
            && *at == key
        {
            return rows.clone();
        }
        let deadlines = self.deadlines();
        let rows = Rc::new(super::rows::work_rows(
            self.data(),
            &deadlines,
            &self.filter.sieve(&deadlines, self.env.today),
        ));
        *self.derived.work.borrow_mut() = Some((key, rows.clone()));
        rows
    }
}

//! Files changed by someone else, seen by the watcher: read again with the
//! cursor, forms, editors and undo history kept, this user's waiting
//! changes put back field by field, and the change told by name.

use std::path::PathBuf;

use super::{App, Note};
use crate::model::{Dataset, Status};
use crate::note::{Fate, Outside};
use crate::store::Loaded;

/// Seconds within which changes by others are told together.
const RECENT: i64 = 10;

impl App {
    pub(super) fn changed_outside(&mut self, loaded: Loaded, paths: &[PathBuf]) {
        let before = self.loaded.data.clone();
        // A change told a moment ago and not yet put away is counted in
        // the new one's words, not dropped unseen; one told long before
        // has been seen.
        let now = (self.env.clock)();
        let recent = self
            .outside_at
            .is_some_and(|at| (now - at).num_seconds() <= RECENT);
        let earlier = match &self.note {
            Some(Note::Outside(o)) if recent && !paths.contains(&o.file) => 1 + o.more,
            Some(Note::Outside(o)) if recent => o.more,
            _ => 0,
        };
        self.reloaded(loaded);
        // Conflicts and reapplied changes are what this user must see.
        let quiet = matches!(
            &self.note,
            Some(Note::Reloaded { reapplied: 0, conflicts, .. }) if conflicts.is_empty()
        );
        // Errors that hide what a file holds, and those that do not.
        let errors = (self.loaded.diagnostics.iter()).filter(|d| d.is_error());
        let (broken, flawed): (Vec<_>, Vec<_>) = errors.partition(|d| d.spoils_file());
        let broken: Vec<&PathBuf> = broken.iter().map(|d| &d.path).collect();
        let flawed: Vec<&PathBuf> = flawed.iter().map(|d| &d.path).collect();
        let errors = Errors {
            broken: &broken,
            flawed: &flawed,
        };
        if quiet && let Some(mut outside) = describe(&before, self.data(), paths, errors) {
            outside.more += earlier;
            outside.form_open = self.form().is_some_and(|f| !f.creates());
            self.outside_at = Some(now);
            self.note = Some(Note::Outside(outside));
        }
    }
}

/// The files with errors now: those whose content is hidden, and those
/// with an error that hides nothing.
#[derive(Clone, Copy)]
struct Errors<'a> {
    broken: &'a [&'a PathBuf],
    flawed: &'a [&'a PathBuf],
}

/// The ids of the records a file holds.
fn ids_at<'d>(data: &'d Dataset, path: &PathBuf) -> Vec<&'d str> {
    let motions = (data.motions.iter()).filter(|m| data.path(m.source) == path);
    let sessions = (data.sessions.iter()).filter(|s| data.path(s.source) == path);
    (motions.map(|m| m.id.as_str()))
        .chain(sessions.map(|s| s.id.as_str()))
        .collect()
}

/// The first change to a question in `paths`, else the first file.
fn describe(
    before: &Dataset,
    after: &Dataset,
    paths: &[PathBuf],
    errors: Errors,
) -> Option<Outside> {
    let first = paths.first()?.clone();
    let more = paths.len() - 1;
    for path in paths {
        let Some(motion) = after.motions.iter().find(|m| after.path(m.source) == path) else {
            continue;
        };
        // A motion not read before (its file had errors, or is new) has
        // no question that changed: the file is told.
        let Some(old) = before.motion(&motion.id) else {
            continue;
        };
        for q in &motion.questions {
            let was = old.questions.iter().find(|o| o.number == q.number);
            if was == Some(q) {
                continue;
            }
            let answered =
                q.status == Status::Answered && was.is_none_or(|w| w.status != Status::Answered);
            // Who changed it is known only where the change says so: a
            // hand edit leaves the name of whoever changed it before.
            let stamped =
                was.is_none_or(|w| w.updated != q.updated || w.updated_by != q.updated_by);
            return Some(Outside {
                file: path.clone(),
                question: Some((motion.title.clone(), q.number.clone())),
                by: q.updated_by.clone().filter(|_| stamped),
                answered,
                more,
                fate: Fate::Changed,
                form_open: false,
            });
        }
    }
    let was = before.sources.iter().any(|s| s.path == first);
    let is = after.sources.iter().any(|s| s.path == first);
    // A rename is a file gone and one come with the same records.
    let moved = |from: &Dataset, to: &Dataset, path: &PathBuf| {
        let ids = ids_at(from, path);
        (paths.iter()).find(|p| *p != path && !ids.is_empty() && ids_at(to, p) == ids)
    };
    let (file, fate) = match () {
        _ if errors.broken.contains(&&first) && !was => (first, Fate::AddedBroken),
        _ if errors.broken.contains(&&first) => (first, Fate::Broken),
        _ if errors.flawed.contains(&&first) => (first, Fate::Flawed),
        _ if was && !is => match moved(before, after, &first) {
            Some(to) => (to.clone(), Fate::Renamed(first)),
            None => (first, Fate::Removed),
        },
        _ if !was && is => match moved(after, before, &first) {
            Some(from) => (first, Fate::Renamed(from.clone())),
            None => (first, Fate::Added),
        },
        _ => (first, Fate::Changed),
    };
    // The two names of a renamed file are one change.
    let more = match fate {
        Fate::Renamed(_) => more.saturating_sub(1),
        _ => more,
    };
    Some(Outside {
        file,
        question: None,
        by: None,
        answered: false,
        more,
        fate,
        form_open: false,
    })
}

//! Files changed by someone else, seen by the watcher: read again with the
//! cursor, forms, editors and undo history kept, this user's waiting
//! changes put back field by field, and the change told by name.

use std::path::PathBuf;

use super::{App, Note};
use crate::model::{Dataset, Status};
use crate::note::{Fate, Outside};
use crate::store::Loaded;

impl App {
    pub(super) fn changed_outside(&mut self, loaded: Loaded, paths: &[PathBuf]) {
        let before = self.loaded.data.clone();
        // A change told a moment ago and not yet put away is counted in
        // the new one's words, not dropped unseen.
        let earlier = match &self.note {
            Some(Note::Outside(o)) if !paths.contains(&o.file) => 1 + o.more,
            Some(Note::Outside(o)) => o.more,
            _ => 0,
        };
        self.reloaded(loaded);
        // Conflicts and reapplied changes are what this user must see.
        let quiet = matches!(
            &self.note,
            Some(Note::Reloaded { reapplied: 0, conflicts, .. }) if conflicts.is_empty()
        );
        let broken: Vec<&PathBuf> = (self.loaded.diagnostics.iter())
            .filter(|d| d.is_error())
            .map(|d| &d.path)
            .collect();
        if quiet && let Some(mut outside) = describe(&before, self.data(), paths, &broken) {
            outside.more += earlier;
            self.note = Some(Note::Outside(outside));
        }
    }
}

/// The first change to a question in `paths`, else the first file.
fn describe(
    before: &Dataset,
    after: &Dataset,
    paths: &[PathBuf],
    broken: &[&PathBuf],
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
            });
        }
    }
    let fate = match () {
        _ if broken.contains(&&first) => Fate::Broken,
        _ if !after.sources.iter().any(|s| s.path == first) => Fate::Removed,
        _ => Fate::Changed,
    };
    Some(Outside {
        file: first,
        question: None,
        by: None,
        answered: false,
        more,
        fate,
    })
}

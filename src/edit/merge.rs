//! How changes of ours that are not on disk meet the files as they are now
//! (after a reload, a rescue, or another program's save): a field nobody
//! else touched takes our value again; a field someone else changed too is
//! a conflict, theirs kept and ours listed. Nothing is dropped silently.

use super::record::{current, same_value};
use super::{Change, Field};
use crate::model::Dataset;

/// A change of ours that met a different change on disk to the same field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The value on disk now; `None` when the question is gone.
    pub theirs: Option<Field>,
    pub ours: Change,
}

/// What becomes of the pending changes against the data now on disk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// To be applied and written again: their field is as it was when we
    /// changed it.
    pub reapply: Vec<Change>,
    /// Already on disk as we wanted: nothing to do.
    pub already: usize,
    pub conflicts: Vec<Conflict>,
}

/// Sorts `pending` against `data` (as now on disk). A question is found by
/// its motion, position and number; one no longer there is a conflict with
/// nothing on their side. The keys of a record are compared the same way.
/// Changes of whole tables and files are written again: the store refuses
/// them where the file no longer fits.
pub fn reconcile(pending: Vec<Change>, data: &Dataset) -> Reconciled {
    let mut out = Reconciled::default();
    for change in pending {
        if let Change::Record(r) = &change {
            let now: Option<Vec<Option<String>>> = r
                .after
                .iter()
                .map(|(key, _)| current(data, &r.owner, &r.part, key))
                .collect();
            let matches = |values: &[(String, Option<String>)], now: &[Option<String>]| {
                values.iter().zip(now).all(|((_, v), n)| same_value(v, n))
            };
            match now {
                Some(now) if matches(&r.after, &now) => out.already += 1,
                Some(now) if matches(&r.before, &now) => out.reapply.push(change),
                _ => out.conflicts.push(Conflict {
                    theirs: None,
                    ours: change,
                }),
            }
            continue;
        }
        let Change::Question(q) = &change else {
            out.reapply.push(change);
            continue;
        };
        let theirs = data
            .motion(&q.motion)
            .and_then(|m| m.questions.get(q.index))
            .filter(|question| question.number == q.number)
            .map(|question| q.after.read(question));
        match theirs {
            Some(theirs) if theirs == q.after => out.already += 1,
            Some(theirs) if theirs == q.before => out.reapply.push(change),
            theirs => out.conflicts.push(Conflict {
                theirs,
                ours: change,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::FileChange;
    use crate::edit::testing::status;
    use crate::model::Status;

    fn data() -> std::sync::Arc<Dataset> {
        let dir = tempfile::tempdir().unwrap();
        crate::example::write_to(dir.path()).unwrap();
        crate::store::load(dir.path()).data
    }

    #[test]
    fn pending_changes_meet_the_files_as_they_are_now() {
        let data = data();
        // The example's questions are all open.
        let untouched = status(0, "1", Status::Open, Status::Answered);
        let theirs_too = status(1, "2", Status::InProgress, Status::Answered);
        let same_as_ours = status(2, "3", Status::Answered, Status::Open);
        let gone = status(7, "8", Status::Open, Status::Answered);
        let file = Change::File(FileChange {
            path: "neu.toml".into(),
            before: None,
            after: Some("[motion]\n".into()),
        });
        let sorted = reconcile(
            vec![
                untouched.clone(),
                theirs_too.clone(),
                same_as_ours,
                gone.clone(),
                file.clone(),
            ],
            &data,
        );
        assert_eq!(sorted.reapply, [untouched, file]);
        assert_eq!(sorted.already, 1);
        assert_eq!(
            sorted.conflicts,
            [
                Conflict {
                    theirs: Some(Field::Status(Status::Open)),
                    ours: theirs_too,
                },
                Conflict {
                    theirs: None,
                    ours: gone,
                },
            ]
        );
    }
}

//! How changes of ours that are not on disk meet the files as they are now
//! (after a reload, a rescue, or another program's save): a field nobody
//! else touched takes our value again; a field someone else changed too is
//! a conflict, theirs kept and ours listed. Nothing is dropped silently.

use super::record::{current, same_value};
use super::{Change, Field, QuestionChange};
use crate::model::Dataset;

/// What a three-way merge takes for one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Both sides agree.
    Same,
    /// Only ours changed it.
    Ours,
    /// Only theirs changed it.
    Theirs,
    /// Both changed it, differently: ours is kept and both are told.
    Conflict,
}

/// The one rule by which every merge of this program decides a field,
/// against the value both sides started from: the watcher's and `r`'s
/// (our waiting changes against the file now), and `agenda sync`'s (our
/// commit against theirs, see `merge_file`).
pub fn pick<T: PartialEq + ?Sized>(base: &T, ours: &T, theirs: &T) -> Pick {
    if ours == theirs {
        Pick::Same
    } else if theirs == base {
        Pick::Ours
    } else if ours == base {
        Pick::Theirs
    } else {
        Pick::Conflict
    }
}

/// A record's values compared as TOML values, however written.
struct Values<'v>(Vec<&'v Option<String>>);

impl PartialEq for Values<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(&other.0).all(|(a, b)| same_value(a, b))
    }
}

fn values(keys: &[(String, Option<String>)]) -> Values<'_> {
    Values(keys.iter().map(|(_, v)| v).collect())
}

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
            let picked = now.as_ref().map(|now| {
                let theirs = Values(now.iter().collect());
                pick(&values(&r.before), &values(&r.after), &theirs)
            });
            match picked {
                Some(Pick::Same | Pick::Theirs) => out.already += 1,
                Some(Pick::Ours) => out.reapply.push(change),
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
        let found = data
            .motion(&q.motion)
            .and_then(|m| locate(m, q).map(|at| (at, &m.questions[at])));
        let theirs = found.map(|(_, question)| q.after.read(question));
        match theirs.as_ref().map(|t| pick(&q.before, &q.after, t)) {
            Some(Pick::Same | Pick::Theirs) => out.already += 1,
            Some(Pick::Ours) => {
                // Where the question stands now, under its number now.
                let (at, question) = found.expect("theirs came from it");
                out.reapply.push(Change::Question(QuestionChange {
                    index: at,
                    number: question.number.clone(),
                    ..q.clone()
                }));
            }
            _ => out.conflicts.push(Conflict {
                theirs,
                ours: change,
            }),
        }
    }
    out
}

/// A change made in a form, sorted field by field against `data` (as now
/// on disk): what only this user changed, to write (one change, or none
/// where nothing is left); and a conflict for each field someone else
/// changed too. Parts that are no record's fields are kept as they are.
pub fn by_field(change: Change, data: &Dataset) -> (Option<Change>, Vec<Conflict>) {
    let parts = match change {
        Change::Batch(parts) => parts,
        one => vec![one],
    };
    let mut kept = Vec::new();
    let mut conflicts = Vec::new();
    for part in parts {
        let Change::Record(r) = part else {
            kept.push(part);
            continue;
        };
        let mut ours = super::RecordChange {
            before: Vec::new(),
            after: Vec::new(),
            ..r.clone()
        };
        for ((key, before), (_, after)) in r.before.iter().zip(&r.after) {
            let one = Change::Record(super::RecordChange {
                before: vec![(key.clone(), before.clone())],
                after: vec![(key.clone(), after.clone())],
                ..r.clone()
            });
            let sorted = reconcile(vec![one], data);
            conflicts.extend(sorted.conflicts);
            if !sorted.reapply.is_empty() {
                ours.before.push((key.clone(), before.clone()));
                ours.after.push((key.clone(), after.clone()));
            }
        }
        if !ours.after.is_empty() {
            kept.push(Change::Record(ours));
        }
    }
    let change = match kept.len() {
        0 => None,
        1 => kept.pop(),
        _ => Some(Change::Batch(kept)),
    };
    (change, conflicts)
}

/// The value the field of a question change has in `data` now; `None`
/// where the question is no longer to be found.
pub fn theirs_now(data: &Dataset, q: &QuestionChange) -> Option<crate::edit::Field> {
    let motion = data.motion(&q.motion)?;
    let at = locate(motion, q)?;
    Some(q.after.read(&motion.questions[at]))
}

/// Where the question a change was made to stands now: the one question
/// with its text (at its old place with its old number, if several have
/// it); without a text known, its old place if the number still matches.
/// `None` where that is gone or not clear: the change becomes a conflict,
/// never a write to another question.
fn locate(motion: &crate::model::Motion, q: &QuestionChange) -> Option<usize> {
    let questions = &motion.questions;
    let Some(text) = &q.text else {
        return questions
            .get(q.index)
            .filter(|question| question.number == q.number)
            .map(|_| q.index);
    };
    let same: Vec<usize> = (0..questions.len())
        .filter(|&i| questions[i].text == *text)
        .collect();
    match same[..] {
        [one] => Some(one),
        _ => same
            .into_iter()
            .find(|&i| i == q.index && questions[i].number == q.number),
    }
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

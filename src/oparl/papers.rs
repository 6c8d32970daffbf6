//! Papers into motion files: the id each gets, the file of a new one
//! (with the questions its documents ask), the imported fields of one
//! that is here.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::flawed::{ByHand, Candidate};
use super::pull::{PaperIn, Pull};
use super::say::{Say, Subject};
use super::write::{
    Base, BaseWrite, Names, Write, head_values, keep, merged_change, remember, values, year_of,
};
use crate::edit::layout::{Key, file_text, questions_text};
use crate::edit::record::{list, text};
use crate::edit::{Change, FileChange, Owner, Part, TableArray, TableChange, names};
use crate::model::{Dataset, Motion};

/// The motion a paper is: by OParl id, else one with its reference that
/// no import made.
pub(super) fn existing<'d>(data: &'d Dataset, paper: &PaperIn) -> Option<&'d Motion> {
    data.motions
        .iter()
        .map(|m| &**m)
        .find(|m| m.oparl_id.as_deref() == Some(paper.id.as_str()))
        .or_else(|| {
            let reference = paper.reference.as_deref()?;
            data.motions
                .iter()
                .map(|m| &**m)
                .find(|m| m.oparl_id.is_none() && m.reference.as_deref() == Some(reference))
        })
        .or_else(|| {
            // A letter read in before the council system had the paper:
            // the same title, submitted the same day, not imported.
            let title = crate::fold::fold(paper.title.trim());
            let date = paper.date?;
            data.motions.iter().map(|m| &**m).find(|m| {
                m.oparl_id.is_none()
                    && m.submitted == Some(date)
                    && crate::fold::fold(m.title.trim()) == title
            })
        })
}

/// The motion id of every paper known: those pulled (new ones named
/// here) and those imported before.
pub(super) fn motion_ids(
    data: &Dataset,
    pull: &Pull,
    today: NaiveDate,
    names: &mut Names,
) -> HashMap<String, String> {
    let mut ids: HashMap<String, String> = data
        .motions
        .iter()
        .filter_map(|m| Some((m.oparl_id.clone()?, m.id.clone())))
        .collect();
    for paper in &pull.papers {
        let found = existing(data, paper).filter(|m| !names.claimed.contains(&m.id));
        if paper.deleted && found.is_none() {
            continue;
        }
        let id = match found {
            Some(m) => {
                names.claimed.insert(m.id.clone());
                m.id.clone()
            }
            None => {
                let base = names::motion_id(data, &paper.title, year_of(paper.date, today));
                let new = Candidate {
                    oparl_id: &paper.id,
                    id: &base,
                    by_hand: ByHand::Reference(paper.reference.as_deref()),
                };
                // Not made, and so on no agenda: its file may be the one
                // with errors, to be taken up once that is fixed.
                if let Some(path) = names.flawed.may_hold(&new).map(Path::to_path_buf) {
                    names.held.insert(paper.id.clone(), path);
                    continue;
                }
                names.id(base)
            }
        };
        ids.insert(paper.id.clone(), id);
    }
    ids
}

/// The questions, proposal and rationale of the first document that asks
/// any (or, without questions anywhere, of the first).
fn letter_of(paper: &PaperIn) -> Option<crate::letter::Letter> {
    let letters: Vec<_> = paper
        .texts
        .iter()
        .map(|t| crate::letter::parse(t))
        .collect();
    let asking = letters.iter().position(|l| !l.questions.is_empty());
    letters.into_iter().nth(asking.unwrap_or(0))
}

fn head_keys(paper: &PaperIn) -> Vec<Key<'static>> {
    vec![
        ("kind", Some(text(&paper.kind))),
        ("title", Some(text(&paper.title))),
        (
            "submitted",
            paper.date.map(|d| d.format("%Y-%m-%d").to_string()),
        ),
        (
            "submitters",
            (!paper.submitters.is_empty()).then(|| list(&paper.submitters)),
        ),
        ("reference", paper.reference.as_deref().map(text)),
        ("office", paper.office.as_deref().map(text)),
        ("oparl_id", Some(text(&paper.id))),
        (
            "files",
            (!paper.files.is_empty()).then(|| list(&paper.files)),
        ),
    ]
}

/// The write that brings `paper` in; `None` where it is here as it is.
pub(super) fn motion(
    data: &Dataset,
    paper: &PaperIn,
    ids: &HashMap<String, String>,
    pull: &Pull,
    names: &mut Names,
    (said, bases): (&mut Vec<Say>, &mut Vec<BaseWrite>),
) -> Option<Write> {
    if let Some(path) = names.held.get(&paper.id) {
        if !paper.deleted {
            said.push(Say::Held {
                subject: Subject::Motion {
                    title: paper.title.clone(),
                },
                path: path.clone(),
            });
        }
        return None;
    }
    // The motion it was given above: one here, or a new one.
    let found = ids.get(&paper.id).and_then(|id| data.motion(id));
    if paper.deleted {
        if let Some(m) = found {
            said.push(Say::DeletedUpstream {
                name: m.title.clone(),
                path: data.path(m.source).to_path_buf(),
                session: false,
            });
        }
        return None;
    }
    let letter = letter_of(paper);
    let Some(motion) = found else {
        let id = ids.get(&paper.id)?.clone();
        let folder = names::folder(data.motions.iter().map(|m| data.path(m.source)), "antraege");
        let path = names.path(&folder, &id);
        let mut keys: Vec<Key> = vec![("id", Some(text(&id)))];
        keys.extend(head_keys(paper));
        if let Some(l) = &letter {
            // What the letter says beside the council system's fields.
            keys.push(("basis", l.basis.as_deref().map(text)));
            let signatories = (!l.signatories.is_empty())
                .then(|| crate::edit::record::signatories(&l.signatories));
            keys.push(("signatories", signatories));
            keys.push(("addressee", l.addressee.as_deref().map(text)));
            keys.push(("proposal", l.proposal.as_deref().map(text)));
            keys.push(("rationale", l.rationale.as_deref().map(text)));
        }
        let questions = letter.map(|l| l.questions).unwrap_or_default();
        let mut out = file_text("motion", &keys);
        out.push_str(&questions_text(&questions));
        let write = Write {
            path: path.clone(),
            fingerprint: None,
            changes: vec![Change::File(FileChange {
                path: path.clone(),
                before: None,
                after: Some(out),
            })],
            says: Say::MotionNew {
                kind: paper.kind.clone(),
                title: paper.title.clone(),
                path,
                questions: questions.len(),
            },
        };
        let objects = vec![(paper.id.clone(), values(&head_keys(paper)))];
        remember(pull, (&paper.id, objects), &write.path, true, bases);
        return Some(write);
    };
    let owner = Owner::Motion(motion.id.clone());
    // Upstream's silence keeps what is here.
    let head: Vec<Key> = head_keys(paper)
        .into_iter()
        .filter(|(_, v)| v.is_some())
        .collect();
    let mut changes = Vec::new();
    let mut keys = Vec::new();
    let base = Base::of(&pull.bases, motion.oparl_id.as_deref());
    let mut kept = Vec::new();
    if let Some(c) = merged_change(data, (&owner, Part::Head), &head, base, &mut kept) {
        keys.extend(c.after.iter().map(|(k, _)| k.clone()));
        changes.push(Change::Record(c));
    }
    // Named by its number where it has one: its title may be what differs.
    let subject = Subject::Motion {
        title: (motion.reference.clone()).unwrap_or_else(|| motion.title.clone()),
    };
    keep(&subject, None, kept, data.path(motion.source), said);
    let objects = vec![(paper.id.clone(), head_values(pull, &paper.id, &head))];
    // Questions come in once: a motion with questions keeps its own.
    if motion.questions.is_empty()
        && let Some(l) = letter.filter(|l| !l.questions.is_empty())
    {
        keys.push("question".to_string());
        for (position, (number, question)) in l.questions.iter().enumerate() {
            let table = questions_text(&[(number.clone(), question.clone())]);
            let table = table.trim_start().trim_start_matches("[[question]]\n");
            changes.push(Change::Table(TableChange {
                owner: owner.clone(),
                array: TableArray::Question,
                before: None,
                after: Some((position, table.to_string())),
            }));
        }
    }
    if changes.is_empty() {
        remember(
            pull,
            (&paper.id, objects),
            data.path(motion.source),
            false,
            bases,
        );
        return None;
    }
    let path = data.path(motion.source).to_path_buf();
    let write = Write {
        path: path.clone(),
        fingerprint: Some(data.sources[motion.source.0].fingerprint),
        changes,
        says: Say::MotionUpdated {
            // As it is called here now: upstream's title only where taken.
            title: match keys.iter().any(|k| k == "title") {
                true => paper.title.clone(),
                false => motion.title.clone(),
            },
            path,
            keys,
        },
    };
    remember(pull, (&paper.id, objects), &write.path, true, bases);
    Some(write)
}

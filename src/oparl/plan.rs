//! What a pull changes in the data folder, as changes of the edit layer,
//! one write per file. Records are matched by OParl id (or adopted: a
//! session of the same committee and day, a motion with the same
//! reference, that no import made yet). Only imported fields are set,
//! and only where they differ: a re-import of what has not changed
//! writes nothing. What the staff keep (questions, answers, assignees,
//! their own agenda items and motions on an item) is never touched; only
//! a paper the council system moves to another item moves here too.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::base::Values;
use super::flawed::{ByHand, Candidate, Flawed};
use super::papers;
use super::pull::{MeetingIn, Pull};
use super::say::{Say, Subject};
use super::write::{
    Base, BaseWrite, Names, Write, head_values, keep, merged_change, record_change, remember,
    values,
};
use crate::edit::layout::{Key, file_text, table_text};
use crate::edit::record::{list, text};
use crate::edit::{Change, FileChange, Owner, Part, TableArray, TableChange, names};
use crate::model::{Dataset, Session};

/// Everything a pull changes, and what to tell about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub writes: Vec<Write>,
    pub said: Vec<Say>,
    /// What the data folder keeps of this import (see `base`).
    pub bases: Vec<BaseWrite>,
}

/// The changes that bring `pull` into `data`, knowing of the files with
/// errors only what the data tells (see [`Flawed::of`]).
pub fn plan(data: &Dataset, pull: &Pull, today: NaiveDate) -> Plan {
    plan_with(data, &Flawed::of(data), pull, today)
}

/// The changes that bring `pull` into `data`. A file in `flawed` is not
/// written, and no new record is made that it may hold: both are said
/// as problems, for the staff to fix the file and import again.
pub fn plan_with(data: &Dataset, flawed: &Flawed, pull: &Pull, today: NaiveDate) -> Plan {
    let mut names = Names {
        data,
        ids: HashSet::new(),
        paths: HashSet::new(),
        claimed: HashSet::new(),
        flawed,
        held: HashMap::new(),
    };
    let mut plan = Plan::default();
    let motions = papers::motion_ids(data, pull, today, &mut names);
    let mut unchanged = (0, 0);
    for meeting in &pull.meetings {
        if meeting.cancelled {
            plan.said.push(Say::Cancelled {
                committee: meeting.committee.clone(),
                date: meeting.start.date(),
            });
        }
        let out = (&mut plan.said, &mut plan.bases);
        match session(data, meeting, &motions, pull, &mut names, out) {
            Some(write) => plan.writes.push(write),
            None if names.held.contains_key(&meeting.id) => {}
            None => unchanged.0 += usize::from(!meeting.deleted),
        }
    }
    for paper in &pull.papers {
        let out = (&mut plan.said, &mut plan.bases);
        match papers::motion(data, paper, &motions, pull, &mut names, out) {
            Some(write) => plan.writes.push(write),
            None if names.held.contains_key(&paper.id) => {}
            None => unchanged.1 += usize::from(!paper.deleted),
        }
    }
    // What the staff must correct first is left as it is, as in the app.
    plan.writes.retain(|w| {
        let flawed = w.fingerprint.is_some() && flawed.has(&w.path);
        if flawed {
            plan.said.push(Say::LeftAlone {
                path: w.path.clone(),
            });
        }
        !flawed
    });
    // Nor is what is kept of the import for such a file: it would
    // count values never taken as taken.
    let written: HashSet<&std::path::Path> = plan.writes.iter().map(|w| w.path.as_path()).collect();
    plan.bases.retain(|b| {
        let left = if b.written {
            !written.contains(b.record.as_path())
        } else {
            flawed.has(&b.record)
        };
        !left
    });
    // A value that differs in such a file may only be misread: the
    // file is said as left alone, once.
    let mut left: Vec<std::path::PathBuf> = Vec::new();
    plan.said.retain(|s| match s {
        Say::KeptLocal { path, .. } if flawed.has(path) => {
            left.push(path.clone());
            false
        }
        _ => true,
    });
    left.dedup();
    for path in left {
        if !plan.said.contains(&Say::LeftAlone { path: path.clone() }) {
            plan.said.push(Say::LeftAlone { path });
        }
    }
    if unchanged != (0, 0) {
        plan.said.push(Say::Unchanged {
            sessions: unchanged.0,
            motions: unchanged.1,
        });
    }
    plan
}

/// The session a meeting is: by OParl id, else one of the same committee
/// and day that came in by hand.
fn existing<'d>(data: &'d Dataset, meeting: &MeetingIn, names: &mut Names) -> Option<&'d Session> {
    let found = data
        .sessions
        .iter()
        .find(|s| s.oparl_id.as_deref() == Some(meeting.id.as_str()))
        .or_else(|| {
            crate::import::matching_session(data, Some(&meeting.committee), meeting.start.date())
                .filter(|s| s.oparl_id.is_none() && !names.claimed.contains(&s.id))
        })?;
    names.claimed.insert(found.id.clone());
    Some(found)
}

/// The motion ids an agenda item of `meeting` carries: its own papers'
/// and those whose consultations name it.
fn item_motions(
    meeting: &MeetingIn,
    index: usize,
    motions: &HashMap<String, String>,
    pull: &Pull,
) -> Vec<String> {
    let item = &meeting.items[index];
    let mut out: Vec<String> = Vec::new();
    let from_papers = pull.papers.iter().filter(|p| {
        p.consultations
            .iter()
            .any(|(m, i)| m.as_deref() == Some(meeting.id.as_str()) && i.is_some() && *i == item.id)
    });
    let ids = item
        .papers
        .iter()
        .map(String::as_str)
        .chain(from_papers.map(|p| p.id.as_str()));
    for paper in ids {
        if let Some(id) = motions.get(paper)
            && !out.contains(id)
        {
            out.push(id.clone());
        }
    }
    out
}

fn session(
    data: &Dataset,
    meeting: &MeetingIn,
    motions: &HashMap<String, String>,
    pull: &Pull,
    names: &mut Names,
    (said, bases): (&mut Vec<Say>, &mut Vec<BaseWrite>),
) -> Option<Write> {
    let found = existing(data, meeting, names);
    if meeting.deleted {
        if let Some(s) = found {
            said.push(Say::DeletedUpstream {
                name: format!("{} {}", s.committee, crate::dates::date(s.date)),
                path: data.path(s.source).to_path_buf(),
                session: true,
            });
        }
        return None;
    }
    let date = meeting.start.date();
    let head: Vec<Key> = vec![
        ("committee", Some(text(&meeting.committee))),
        ("date", Some(date.format("%Y-%m-%d").to_string())),
        (
            "time",
            meeting
                .timed
                .then(|| meeting.start.format("%H:%M:%S").to_string()),
        ),
        ("location", meeting.location.as_deref().map(text)),
        ("oparl_id", Some(text(&meeting.id))),
        (
            "files",
            (!meeting.files.is_empty()).then(|| list(&meeting.files)),
        ),
    ];
    let Some(session) = found else {
        let id = names::session_id(data, &meeting.committee, date);
        let new = Candidate {
            oparl_id: &meeting.id,
            id: &id,
            by_hand: ByHand::Date(date),
        };
        if let Some(path) = names.flawed.may_hold(&new) {
            said.push(Say::Held {
                subject: Subject::Session {
                    committee: meeting.committee.clone(),
                    date,
                },
                path: path.to_path_buf(),
            });
            names.held.insert(meeting.id.clone(), path.to_path_buf());
            return None;
        }
        let write = new_session(data, meeting, motions, pull, names, &head);
        let objects = meeting_base(meeting, values(&head));
        remember(pull, (&meeting.id, objects), &write.path, true, bases);
        return Some(write);
    };
    let owner = Owner::Session(session.id.clone());
    let mut changes = Vec::new();
    // Upstream's silence keeps what is here: a time or place typed in, a
    // committee when its organization could not be read.
    let head: Vec<Key> = head
        .into_iter()
        .filter(|(k, v)| v.is_some() && (*k != "committee" || meeting.committee_sure))
        .collect();
    let mut keys = Vec::new();
    let base = Base::of(&pull.bases, session.oparl_id.as_deref());
    let mut kept = Vec::new();
    if let Some(c) = merged_change(data, (&owner, Part::Head), &head, base, &mut kept) {
        keys.extend(c.after.iter().map(|(k, _)| k.clone()));
        changes.push(Change::Record(c));
    }
    let subject = Subject::Session {
        committee: session.committee.clone(),
        date: session.date,
    };
    let path = data.path(session.source);
    keep(&subject, None, kept, path, said);
    let (items, inserted) = agenda(data, session, meeting, motions, pull, said);
    if !items.is_empty() || !inserted.is_empty() {
        keys.push("agenda".to_string());
    }
    changes.extend(items);
    changes.extend(inserted);
    let objects = meeting_base(meeting, head_values(pull, &meeting.id, &head));
    if changes.is_empty() {
        remember(pull, (&meeting.id, objects), path, false, bases);
        return None;
    }
    let write = Write {
        path: data.path(session.source).to_path_buf(),
        fingerprint: Some(data.sources[session.source.0].fingerprint),
        changes,
        says: Say::SessionUpdated {
            committee: session.committee.clone(),
            date,
            path: data.path(session.source).to_path_buf(),
            keys,
        },
    };
    remember(pull, (&meeting.id, objects), &write.path, true, bases);
    Some(write)
}

/// What a meeting brings, as its base: the session's fields and each
/// agenda item's, by OParl id.
fn meeting_base(meeting: &MeetingIn, head: Values) -> Vec<(String, Values)> {
    let mut objects = vec![(meeting.id.clone(), head)];
    for (index, item) in meeting.items.iter().enumerate() {
        if let Some(id) = &item.id {
            objects.push((id.clone(), values(&item_keys(meeting, index, Vec::new()))));
        }
    }
    objects
}

fn item_keys(meeting: &MeetingIn, index: usize, motions: Vec<String>) -> Vec<Key<'static>> {
    let item = &meeting.items[index];
    vec![
        ("number", Some(text(&item.number))),
        ("title", Some(text(&item.title))),
        ("public", (!item.public).then(|| "false".to_string())),
        ("motions", (!motions.is_empty()).then(|| list(&motions))),
        ("oparl_id", item.id.as_deref().map(text)),
    ]
}

fn new_session(
    data: &Dataset,
    meeting: &MeetingIn,
    motions: &HashMap<String, String>,
    pull: &Pull,
    names: &mut Names,
    head: &[Key],
) -> Write {
    let date = meeting.start.date();
    let base = names::session_id(data, &meeting.committee, date);
    let id = names.id(base);
    let folder = names::folder(
        data.sessions.iter().map(|s| data.path(s.source)),
        "sitzungen",
    );
    let path = names.path(&folder, &id);
    let mut keys: Vec<Key> = vec![("id", Some(text(&id)))];
    keys.extend(head.iter().cloned());
    let mut out = file_text("session", &keys);
    for index in 0..meeting.items.len() {
        let ids = item_motions(meeting, index, motions, pull);
        out.push_str("\n[[agenda]]\n");
        out.push_str(&table_text(&item_keys(meeting, index, ids)));
    }
    Write {
        path: path.clone(),
        fingerprint: None,
        changes: vec![Change::File(FileChange {
            path: path.clone(),
            before: None,
            after: Some(out),
        })],
        says: Say::SessionNew {
            committee: meeting.committee.clone(),
            date,
            path,
            items: meeting.items.len(),
        },
    }
}

/// The changes to an existing session's agenda: imported fields of the
/// items it has (their motions follow upstream, see `moved_away`), and
/// the items new upstream, each inserted after the one it follows there.
fn agenda(
    data: &Dataset,
    session: &Session,
    meeting: &MeetingIn,
    motions: &HashMap<String, String>,
    pull: &Pull,
    said: &mut Vec<Say>,
) -> (Vec<Change>, Vec<Change>) {
    let owner = Owner::Session(session.id.clone());
    let mut adopted: HashSet<usize> = HashSet::new();
    // Where each upstream item is here: by OParl id, else an item of the
    // same number that no import made.
    let mut here: Vec<Option<usize>> = Vec::new();
    for item in &meeting.items {
        let by_id = item.id.as_ref().and_then(|id| {
            session
                .agenda
                .iter()
                .position(|a| a.oparl_id.as_ref() == Some(id))
        });
        // Items are taken over by number only with the session itself:
        // once imported, an item of the staff's own stays theirs.
        let adopting = session.oparl_id.is_none();
        let found = by_id.or_else(|| {
            session.agenda.iter().enumerate().position(|(i, a)| {
                adopting && a.oparl_id.is_none() && a.number == item.number && !adopted.contains(&i)
            })
        });
        if let Some(i) = found {
            adopted.insert(i);
        }
        here.push(found);
    }
    let placed: Vec<Vec<String>> = (0..meeting.items.len())
        .map(|index| item_motions(meeting, index, motions, pull))
        .collect();
    let mut changes = Vec::new();
    for (index, at) in here.iter().enumerate() {
        let Some(at) = *at else { continue };
        let old = &session.agenda[at];
        let mut ids = moved_away(data, session, at, Some(index), &placed, meeting, said);
        for id in &placed[index] {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        let keys = item_keys(meeting, index, ids);
        let part = Part::Agenda {
            index: at,
            number: old.number.clone(),
        };
        let base = Base::of(&pull.bases, old.oparl_id.as_deref());
        let mut kept = Vec::new();
        if let Some(c) = merged_change(data, (&owner, part), &keys, base, &mut kept) {
            changes.push(Change::Record(c));
        }
        let subject = Subject::Session {
            committee: session.committee.clone(),
            date: session.date,
        };
        let path = data.path(session.source);
        keep(&subject, Some(&old.number), kept, path, said);
    }
    let upstream: HashSet<&str> = meeting
        .items
        .iter()
        .filter_map(|i| i.id.as_deref())
        .collect();
    for (at, item) in session.agenda.iter().enumerate() {
        if let Some(id) = &item.oparl_id
            && !upstream.contains(id.as_str())
        {
            said.push(Say::ItemGone {
                committee: session.committee.clone(),
                date: session.date,
                number: item.number.clone(),
                title: item.title.clone(),
            });
            // Kept, but without the papers that moved on to another item.
            let ids = moved_away(data, session, at, None, &placed, meeting, said);
            let keys = [("motions", (!ids.is_empty()).then(|| list(&ids)))];
            let part = Part::Agenda {
                index: at,
                number: item.number.clone(),
            };
            if let Some(c) = record_change(data, &owner, part, &keys) {
                changes.push(Change::Record(c));
            }
        }
    }
    // The agenda as it will be: what is here, in its order, with each new
    // item after the one it follows upstream (or first).
    let mut layout: Vec<Option<usize>> = (0..session.agenda.len()).map(|_| None).collect();
    let mut upstream_at: Vec<Option<usize>> = here.clone();
    for index in 0..meeting.items.len() {
        if here[index].is_some() {
            continue;
        }
        let after = (0..index).rev().find_map(|i| upstream_at[i]);
        let position = after.map_or(0, |p| p + 1);
        layout.insert(position, Some(index));
        for slot in upstream_at.iter_mut().flatten() {
            if *slot >= position {
                *slot += 1;
            }
        }
        upstream_at[index] = Some(position);
    }
    let mut inserted = Vec::new();
    for (position, slot) in layout.iter().enumerate() {
        let Some(index) = *slot else { continue };
        let ids = item_motions(meeting, index, motions, pull);
        inserted.push(Change::Table(TableChange {
            owner: owner.clone(),
            array: TableArray::Agenda,
            before: None,
            after: Some((position, table_text(&item_keys(meeting, index, ids)))),
        }));
    }
    (changes, inserted)
}

/// The motions of agenda item `at` here (the upstream item `index`, if
/// any) without those the council system now places on other items of
/// the meeting only: an item imported before follows upstream, so that
/// a paper moved from Ö 6 to Ö 1 is not on both (each move said). Items
/// of the staff's own, and motions upstream places nowhere here, keep
/// what they have.
fn moved_away(
    data: &Dataset,
    session: &Session,
    at: usize,
    index: Option<usize>,
    placed: &[Vec<String>],
    meeting: &MeetingIn,
    said: &mut Vec<Say>,
) -> Vec<String> {
    let old = &session.agenda[at];
    if old.oparl_id.is_none() {
        return old.motions.clone();
    }
    let mut kept = Vec::new();
    for id in &old.motions {
        let elsewhere: Vec<usize> = (0..placed.len())
            .filter(|i| placed[*i].contains(id))
            .collect();
        if elsewhere.is_empty() || index.is_some_and(|i| elsewhere.contains(&i)) {
            kept.push(id.clone());
            continue;
        }
        said.push(Say::Moved {
            committee: session.committee.clone(),
            date: session.date,
            motion: data
                .motion(id)
                .map_or_else(|| id.clone(), |m| m.title.clone()),
            from: old.number.clone(),
            to: meeting.items[elsewhere[0]].number.clone(),
        });
    }
    kept
}

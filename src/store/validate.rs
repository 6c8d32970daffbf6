//! Checks across files: unique ids, references that resolve, agreeing placements.

use std::collections::HashMap;

use super::diagnostic::{Diagnostic, Location, Problem, RecordKind};
use super::read::{MotionRef, MotionSpans, Record, SessionSpans};
use super::suggest::closest;
use crate::model::{Dataset, Motion, Session, Source, SourceId};

/// Builds the dataset from the records of every file, reporting what does
/// not fit together. A record whose id another has too stays, under an id
/// of its own (`id#2`), with an error in both files: nothing disappears
/// silently, and references by id go to the one whose file is named for
/// the id (the app names files so; a copy made by hand seldom is), else to
/// the first.
pub(crate) fn assemble(
    records: Vec<Record>,
    refs: Vec<(SourceId, MotionRef)>,
    (sources, unusable): (Vec<Source>, &[&std::path::Path]),
    diagnostics: &mut Vec<Diagnostic>,
) -> Dataset {
    let mut sessions: Vec<(Session, SessionSpans)> = Vec::new();
    let mut motions: Vec<(std::sync::Arc<Motion>, MotionSpans)> = Vec::new();
    // First place each id was seen: the file and the line of its `id`.
    let mut first_session: HashMap<String, (SourceId, Location)> = HashMap::new();
    let mut first_motion: HashMap<String, (SourceId, Location)> = HashMap::new();
    let report = |diagnostics: &mut Vec<Diagnostic>, path: &std::path::Path, at, problem| {
        diagnostics.push(Diagnostic::new(path.to_path_buf(), Some(at), problem));
    };
    let owners = owners(&records, &sources);
    // Ids given to duplicates, and the id each stands for.
    let mut renamed: HashMap<String, String> = HashMap::new();
    for (index, record) in records.into_iter().enumerate() {
        let (kind, id, source, at, seen) = match &record {
            Record::Session(s, at) => (
                RecordKind::Session,
                &s.id,
                s.source,
                at.id,
                &mut first_session,
            ),
            Record::Motion(m, at) => (
                RecordKind::Motion,
                &m.id,
                m.source,
                at.id,
                &mut first_motion,
            ),
        };
        let mut own = None;
        let owner = owners.get(&(kind == RecordKind::Session, id.clone()));
        if let Some(&(_, first, first_at)) = owner.filter(|o| o.0 != index) {
            let problem = Problem::DuplicateId {
                kind,
                id: id.clone(),
                first: sources[first.0].path.clone(),
                first_line: first_at.line,
                kept: false,
            };
            report(diagnostics, &sources[source.0].path, at, problem);
            let problem = Problem::DuplicateId {
                kind,
                id: id.clone(),
                first: sources[source.0].path.clone(),
                first_line: at.line,
                kept: true,
            };
            report(diagnostics, &sources[first.0].path, first_at, problem);
            let taken = |i: &String| {
                seen.contains_key(i)
                    || owners.contains_key(&(kind == RecordKind::Session, i.clone()))
            };
            let free = (2..)
                .map(|n| format!("{id}#{n}"))
                .find(|i| !taken(i))
                .expect("a free number");
            renamed.insert(free.clone(), id.clone());
            own = Some(free);
        }
        let key = own.clone().unwrap_or_else(|| id.clone());
        seen.insert(key, (source, at));
        match record {
            Record::Session(mut s, at) => {
                if let Some(own) = own {
                    s.id = own;
                    s.broken = true;
                }
                sessions.push((s, at));
            }
            Record::Motion(mut m, at) => {
                if let Some(own) = own {
                    std::sync::Arc::make_mut(&mut m).id = own;
                }
                motions.push((m, at));
            }
        }
    }

    for (source, MotionRef { id, at }) in refs {
        if !first_motion.contains_key(&id) {
            let suggestion = closest(&id, motions.iter().map(|(m, _)| m.id.as_str()));
            // A motion file named for it that has errors holds it, most likely.
            let unreadable = unusable
                .iter()
                .find(|p| p.file_stem().is_some_and(|s| s == id.as_str()))
                .map(|p| p.to_path_buf());
            let problem = Problem::UnknownMotion {
                id,
                suggestion,
                unreadable,
            };
            report(diagnostics, &sources[source.0].path, at, problem);
        }
    }
    // Which sessions' agendas list each motion, in session order. Several is
    // normal: a paper goes from a committee to the council, or is put off.
    // A duplicate by the id it was given in its file: its own is the
    // app's, and the duplicate is an error of its own already.
    let mut listed_in: HashMap<&str, Vec<&str>> = HashMap::new();
    for (session, _) in &sessions {
        let given = renamed.get(&session.id).unwrap_or(&session.id).as_str();
        for id in session.agenda.iter().flat_map(|item| &item.motions) {
            let list = listed_in.entry(id).or_default();
            if !list.contains(&given) {
                list.push(given);
            }
        }
    }
    for (motion, spans) in &motions {
        let path = &sources[motion.source.0].path;
        let listed = listed_in.get(motion.id.as_str());
        if let (Some(named), Some(at)) = (&motion.session, spans.session) {
            if !first_session.contains_key(named) {
                let suggestion = closest(named, sessions.iter().map(|(s, _)| s.id.as_str()));
                let unreadable = unusable
                    .iter()
                    .find(|p| p.file_stem().is_some_and(|s| s == named.as_str()))
                    .map(|p| p.to_path_buf());
                let problem = Problem::UnknownSession {
                    id: named.clone(),
                    suggestion,
                    unreadable,
                };
                report(diagnostics, path, at, problem);
            } else if let Some(listed) = listed.filter(|l| !l.contains(&named.as_str())) {
                let problem = Problem::SessionMismatch {
                    motion: motion.id.clone(),
                    named: named.clone(),
                    listed_in: listed.join(", "),
                };
                report(diagnostics, path, at, problem);
            }
        }
    }

    let mut sessions: Vec<Session> = sessions.into_iter().map(|(s, _)| s).collect();
    sessions.sort_by(|a, b| (a.date, a.time, &a.id).cmp(&(b.date, b.time, &b.id)));
    Dataset {
        sessions,
        motions: motions.into_iter().map(|(m, _)| m).collect(),
        sources,
    }
}

/// Per kind (session: `true`) and id, the record that keeps the id where
/// several have it: the first whose file is named for the id, else the
/// first; with where it is (its index, file and the line of its `id`).
fn owners(
    records: &[Record],
    sources: &[Source],
) -> HashMap<(bool, String), (usize, SourceId, Location)> {
    let mut owners: HashMap<(bool, String), (usize, SourceId, Location)> = HashMap::new();
    for (index, record) in records.iter().enumerate() {
        let (session, id, source, at) = match record {
            Record::Session(s, at) => (true, &s.id, s.source, at.id),
            Record::Motion(m, at) => (false, &m.id, m.source, at.id),
        };
        let named_for = |source: SourceId| {
            (sources[source.0].path.file_stem()).is_some_and(|stem| stem == id.as_str())
        };
        match owners.get(&(session, id.clone())) {
            Some(&(_, owner, _)) if named_for(owner) || !named_for(source) => {}
            _ => {
                owners.insert((session, id.clone()), (index, source, at));
            }
        }
    }
    owners
}

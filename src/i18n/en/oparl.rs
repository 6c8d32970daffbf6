//! What an OParl import says, in English.

use crate::i18n::date;
use crate::import::ReadError;
use crate::oparl::{Failure, JsonFault, Say, Subject, shown};

fn unreadable(r: &ReadError) -> String {
    match r {
        ReadError::Unreadable(cause) => super::English::read_cause(cause),
        ReadError::Damaged(why) => why.clone(),
        ReadError::Empty => "it holds no text, probably a scanned image".into(),
        ReadError::Binary => "neither text nor a PDF or Word document".into(),
    }
}

fn failure(f: &Failure) -> String {
    match f {
        Failure::NotFound => "is not there (404)".into(),
        Failure::Status(code) => format!("the server answers with error {code}"),
        Failure::Unreachable(why) => format!("the server cannot be reached ({why})"),
        Failure::TimedOut => "the server did not answer in time (within 60 seconds)".into(),
        Failure::NotJson(why) => format!("the answer is not JSON ({why})"),
        Failure::Broken(why) => format!("the answer broke off ({why})"),
        Failure::TooBig => "the answer is larger than 64 MB; skipped".into(),
    }
}

fn subject_en(s: &Subject) -> String {
    match s {
        Subject::Session { committee, date: d } => format!("Session {committee}, {}", date(*d)),
        Subject::Motion { title } => format!("Paper \"{title}\""),
    }
}

fn keys(keys: &[String]) -> String {
    let labels: Vec<&str> = keys.iter().map(|k| super::English::key_label(k)).collect();
    labels.join(", ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// One line of the import, in plain words.
pub(crate) fn say(s: &Say) -> String {
    match s {
        Say::BadJson {
            file,
            line,
            column,
            reason,
        } => {
            let reason = match reason {
                JsonFault::Empty => "the file is empty",
                JsonFault::EndsEarly => {
                    "it stops in the middle – probably saved or copied only in part"
                }
                JsonFault::NoValue => "a value is missing here",
                JsonFault::TrailingComma => "a comma too many before the bracket",
                JsonFault::Other(words) => words,
            };
            format!("{file}:{line}:{column}: not valid JSON ({reason}). The file was skipped.")
        }
        Say::NotAnAddress { source } => format!(
            "{source}: this is neither a file here nor an address starting with http:// or https://. Give the address as the browser shows it (with https://)."
        ),
        Say::Unreadable { file, reason } => format!("{file}: cannot be read ({reason})."),
        Say::Fetch {
            url,
            failure: f,
            whole: false,
        } => format!(
            "{url}: {}. This part is missing; the rest was imported.",
            failure(f)
        ),
        Say::Fetch {
            url,
            failure: f,
            whole: true,
        } => format!("{url}: {}. Nothing was imported from it.", failure(f)),
        Say::WrongType {
            url,
            expected,
            found,
        } => format!(
            "{url}: an object of type {expected} was expected, one of type {found} came. Skipped."
        ),
        Say::NotImportable { source, found } => format!(
            "{source}: an object of type {found} holds no sessions or papers. Give a Meeting, a Paper, an Organization, a Body or a list."
        ),
        Say::NotOparl { source } => format!(
            "{source}: this is not an OParl object (such an object names its \"type\"). Give a Meeting, a Paper, an Organization, a Body or a list."
        ),
        Say::OutsideFiles { count, example } => match count {
            1 => format!(
                "1 link leads out of the files given and was not fetched ({example}). For everything, give the server's address."
            ),
            n => format!(
                "{n} links lead out of the files given and were not fetched (e.g. {example}). For everything, give the server's address."
            ),
        },
        Say::NoId { kind, name } => format!(
            "An object of type {kind} without id (\"{name}\") was skipped: without one it cannot be found again."
        ),
        Say::Cancelled { committee, date: d } => format!(
            "{committee}, {}: the meeting is called off in the council information system.",
            date(*d)
        ),
        Say::NoStart { meeting } => {
            format!("Meeting \"{meeting}\": no start, so no date; skipped.")
        }
        Say::NoCommittee { meeting, date: d } => format!(
            "Meeting {meeting} on {}: it has neither a name nor a committee, so whose session it is cannot be told; skipped.",
            date(*d)
        ),
        Say::NoName { paper } => format!("Paper {paper}: no name and no reference; skipped."),
        Say::NoText { url, reason } => format!(
            "{url}: no text could be read from the document ({}); please enter the questions by hand.",
            unreadable(reason)
        ),
        Say::TooManyPages { url, pages } => {
            format!("{url}: stopped after {pages} pages; the list does not end.")
        }
        Say::SessionNew {
            committee,
            date: d,
            path,
            items,
        } => format!(
            "New: {committee}, {} ({}) → {}",
            date(*d),
            plural(*items, "item", "items"),
            path.display()
        ),
        Say::SessionUpdated {
            committee,
            date: d,
            path,
            keys: k,
        } => format!(
            "Changed: {committee}, {} ({}) → {}",
            date(*d),
            keys(k),
            path.display()
        ),
        Say::MotionNew {
            kind,
            title,
            path,
            questions,
        } => format!(
            "New: {kind} \"{title}\", {} → {}",
            match questions {
                0 => "no questions".to_string(),
                n => plural(*n, "question", "questions"),
            },
            path.display()
        ),
        Say::MotionUpdated {
            title,
            path,
            keys: k,
        } => {
            format!("Changed: \"{title}\" ({}) → {}", keys(k), path.display())
        }
        Say::Unchanged { sessions, motions } => format!(
            "Unchanged: {} and {}.",
            plural(*sessions, "session", "sessions"),
            plural(*motions, "paper", "papers")
        ),
        Say::DeletedUpstream {
            name,
            path,
            session: false,
        } => format!(
            "\"{name}\" is deleted in the council information system; it is kept here ({}). Delete it in the app with D if it should go.",
            path.display()
        ),
        Say::DeletedUpstream {
            name,
            path,
            session: true,
        } => format!(
            "\"{name}\" is deleted in the council information system; the session is kept here. If it should go, delete its file {}.",
            path.display()
        ),
        Say::ItemGone {
            committee,
            date: d,
            number,
            title,
        } => format!(
            "{committee}, {}: item {number} \"{title}\" is no longer on the agenda in the council information system; it is kept here.",
            date(*d)
        ),
        Say::NotWritten { path, reason } => format!(
            "{}: not written ({}). The other files were written; import again once the cause is fixed.",
            path.display(),
            reason
                .as_deref()
                .unwrap_or("someone changed the file meanwhile")
        ),
        Say::Moved {
            committee,
            date: d,
            motion,
            from,
            to,
        } => format!(
            "{committee}, {}: \"{motion}\" is under item {to} in the council information system now; moved there from item {from} here too.",
            date(*d)
        ),
        Say::Held { subject, path } => format!(
            "{}: not imported, for {} has errors and may hold it already (a second file would double it). Fix that file (agenda check), then import again.",
            subject_en(subject),
            path.display()
        ),
        Say::KeptLocal {
            subject,
            item,
            key,
            here,
            there,
            path,
        } => {
            let what = match item {
                Some(number) => format!("item {number} of {}", subject_en(subject)),
                None => subject_en(subject),
            };
            let empty = || "(empty)".to_string();
            format!(
                "Kept: the {} of {what} stays \"{}\" as changed here; the council system now has \"{}\". If that should hold, take it over by hand. → {}",
                super::English::key_label(key).to_lowercase(),
                shown(here).unwrap_or_else(empty),
                shown(there).unwrap_or_else(empty),
                path.display()
            )
        }
        Say::LeftAlone { path } => format!(
            "{} has errors; the import left it as it is. Fix it (agenda check), then import again.",
            path.display()
        ),
        Say::Nothing {
            early,
            since,
            others,
            committee,
        } => {
            let mut why = Vec::new();
            if let (n @ 1.., Some(since)) = (*early, since) {
                why.push(format!(
                    "{} before {} (--since or days_back in the config)",
                    plural(n, "meeting is", "meetings are"),
                    date(*since)
                ));
            }
            if let (n @ 1.., Some(c)) = (*others, committee) {
                why.push(format!(
                    "{} of a committee whose name does not contain \"{c}\"",
                    plural(n, "meeting is", "meetings are")
                ));
            }
            match why.is_empty() {
                true => {
                    "Nothing to import: the sources hold no meeting or paper that could be read."
                        .into()
                }
                false => format!("Nothing to import: {}.", why.join("; ")),
            }
        }
        Say::Progress { read } => format!(
            "{} from the council information system",
            plural(*read, "object read", "objects read")
        ),
        Say::DryRun => "Dry run: nothing was written.".into(),
    }
}

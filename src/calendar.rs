//! The sessions and due dates as an iCalendar file (RFC 5545) that
//! Outlook and Thunderbird import: one event per session, one all-day
//! event per day on which questions are due. UIDs are stable, so that
//! importing again updates the events instead of doubling them. The
//! format itself (escaping, CRLF, folding at 75 octets) is the
//! `icalendar` crate's.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::deadline::Deadlines;
use crate::i18n::{self, Texts};
use crate::model::Dataset;
use crate::worklist;

/// The domain of every UID: with the record's id, unique and stable.
const UID_DOMAIN: &str = "agenda.invalid";

/// How long a session is shown: the files hold no end, and an event
/// without one is a point in time that Outlook shows as 0 minutes.
const SESSION_HOURS: i64 = 2;

/// Who made the file, as RFC 5545 wants it named.
const PRODID: &str = "-//agenda//Ausschussvorbereitung//DE";

/// The calendar of `data`, stamped as made at `stamp` (a client that
/// imports it again takes the newer stamp for the newer event), session times read in the
/// council's `zone` and written in UTC (no client can take them for its
/// own zone); `None` where it would hold no event at all.
pub fn calendar(
    data: &Dataset,
    deadlines: &Deadlines,
    (stamp, zone): (chrono::DateTime<Utc>, chrono_tz::Tz),
    texts: &dyn Texts,
) -> Option<String> {
    let words = texts.calendar_words();
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"));
    calendar.name(words.name);
    for session in data.sessions.iter().filter(|s| s.date != NaiveDate::MAX) {
        let mut event = Event::new();
        event
            .uid(&format!("session-{}@{UID_DOMAIN}", uid_part(&session.id)))
            .timestamp(stamp)
            .summary(&crate::text::line(&session.committee));
        let local = session.time.map(|t| session.date.and_time(t));
        // A time the clock shows twice (autumn): the earlier; one it skips
        // (02:30 on the night of spring forward): the hour after, as the
        // clocks on the wall read then.
        let at = |t: chrono::NaiveDateTime| {
            let hour = chrono::Duration::hours(1);
            (zone.from_local_datetime(&t).earliest())
                .or_else(|| zone.from_local_datetime(&(t + hour)).earliest())
        };
        match local.and_then(at) {
            Some(start) => {
                let start = start.with_timezone(&Utc);
                event
                    .starts(start)
                    .ends(start + chrono::Duration::hours(SESSION_HOURS))
            }
            None => all_day(&mut event, session.date),
        };
        if let Some(place) = &session.location {
            event.location(&crate::text::line(place));
        }
        let items: Vec<String> = session
            .agenda
            .iter()
            .map(|i| format!("{} {}", i.number, i.title))
            .collect();
        if !items.is_empty() {
            event.description(&crate::text::block(&items.join("\n")));
        }
        calendar.push(event.done());
    }
    // The questions due, per day.
    let mut days: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    for entry in worklist::entries(data, deadlines, |_, _| true) {
        let Some(due) = entry.due else { continue };
        let mut line = format!(
            "{} {} – {}: {}",
            words.question,
            entry.question.number,
            entry.motion.title,
            crate::text::gist(&entry.question.text, 80)
        );
        if let Some(session) = entry.session {
            line.push_str(&format!(
                " ({} {})",
                session.committee,
                i18n::date(session.date)
            ));
        }
        if let Some(who) = entry.department() {
            line.push_str(&format!(" – {who}"));
        }
        days.entry(due.date).or_default().push(line);
    }
    for (day, lines) in days {
        let mut event = Event::new();
        event
            .uid(&format!("due-{}@{UID_DOMAIN}", day.format("%Y-%m-%d")))
            .timestamp(stamp)
            .summary(&(words.due)(lines.len()))
            .description(&crate::text::block(&lines.join("\n")));
        all_day(&mut event, day);
        calendar.push(event.done());
    }
    let calendar = calendar.done();
    (!calendar.components.is_empty()).then(|| calendar.to_string())
}

/// An id as a UID may hold it: letters, digits and `-._` kept, the rest
/// as its code, so that distinct ids stay distinct.
fn uid_part(id: &str) -> String {
    id.chars()
        .map(|c| match c {
            c if c.is_ascii_alphanumeric() || "-._".contains(c) => c.to_string(),
            c => format!("%{:X}", c as u32),
        })
        .collect()
}

/// An event over the whole of `day`: its end is the next day, as RFC 5545
/// reads an end (Outlook shows a same-day end as no time at all).
fn all_day(event: &mut Event, day: NaiveDate) -> &mut Event {
    event.all_day(day);
    if let Some(next) = day.succ_opt() {
        event.ends(next);
    }
    event
}

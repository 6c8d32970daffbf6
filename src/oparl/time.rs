//! When a meeting starts, in the council's local time.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime};

/// The start of a meeting from OParl's `start`, and whether it has a time
/// of day. A time with an offset ("2013-01-04T08:00:00+01:00") is the
/// council's wall clock as written; one in UTC ("…Z", "+00:00") is turned
/// into this computer's local time, which for staff is the council's.
/// A bare date or a time without offset is taken as it stands.
pub fn start_of(text: &str) -> Option<(NaiveDateTime, bool)> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        let wall = match at.offset().local_minus_utc() {
            0 => at.with_timezone(&Local).naive_local(),
            _ => at.naive_local(),
        };
        return Some((wall, true));
    }
    if let Ok(at) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S") {
        return Some((at, true));
    }
    let day = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    Some((day.and_hms_opt(0, 0, 0)?, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offset_keeps_the_wall_clock() {
        let (at, timed) = start_of("2013-01-04T08:00:00+01:00").unwrap();
        assert_eq!(at.to_string(), "2013-01-04 08:00:00");
        assert!(timed);
        let (summer, _) = start_of("2022-09-07T17:00:00+02:00").unwrap();
        assert_eq!(summer.to_string(), "2022-09-07 17:00:00");
    }

    #[test]
    fn a_bare_date_has_no_time() {
        let (at, timed) = start_of("2022-09-07").unwrap();
        assert_eq!(at.date().to_string(), "2022-09-07");
        assert!(!timed);
        assert_eq!(start_of("bald"), None);
        assert_eq!(start_of(""), None);
    }
}

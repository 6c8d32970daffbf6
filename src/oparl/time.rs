//! When a meeting starts, in the council's local time.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

/// The start of a meeting from OParl's `start`, and whether it has a time
/// of day. A time with an offset ("2013-01-04T08:00:00+01:00") is the
/// council's wall clock as written; one in UTC ("…Z", "+00:00") is read
/// in the council's time `zone` (not this computer's: a server job and a
/// clerk's desktop must agree). A bare date or a time without offset is
/// taken as it stands; seconds may be left out.
pub fn start_of(text: &str, zone: Tz) -> Option<(NaiveDateTime, bool)> {
    let text = text.trim();
    let with_offset = DateTime::parse_from_rfc3339(text)
        .ok()
        .or_else(|| DateTime::<FixedOffset>::parse_from_str(text, "%Y-%m-%dT%H:%M%:z").ok());
    if let Some(at) = with_offset {
        let wall = match at.offset().local_minus_utc() {
            0 => at.with_timezone(&zone).naive_local(),
            _ => at.naive_local(),
        };
        return Some((wall, true));
    }
    for form in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(at) = NaiveDateTime::parse_from_str(text, form) {
            return Some((at, true));
        }
    }
    let day = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    Some((day.and_hms_opt(0, 0, 0)?, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BERLIN: Tz = chrono_tz::Europe::Berlin;

    #[test]
    fn an_offset_keeps_the_wall_clock() {
        let (at, timed) = start_of("2013-01-04T08:00:00+01:00", BERLIN).unwrap();
        assert_eq!(at.to_string(), "2013-01-04 08:00:00");
        assert!(timed);
        let (summer, _) = start_of("2022-09-07T17:00:00+02:00", BERLIN).unwrap();
        assert_eq!(summer.to_string(), "2022-09-07 17:00:00");
        let (short, _) = start_of("2025-06-02T17:00+02:00", BERLIN).unwrap();
        assert_eq!(short.to_string(), "2025-06-02 17:00:00");
    }

    #[test]
    fn utc_is_read_in_the_councils_zone_whatever_this_computer_says() {
        let (summer, _) = start_of("2025-06-01T23:30:00Z", BERLIN).unwrap();
        assert_eq!(summer.to_string(), "2025-06-02 01:30:00");
        let (winter, _) = start_of("2025-01-10T16:00:00+00:00", BERLIN).unwrap();
        assert_eq!(winter.to_string(), "2025-01-10 17:00:00");
    }

    #[test]
    fn a_bare_date_has_no_time() {
        let (at, timed) = start_of("2022-09-07", BERLIN).unwrap();
        assert_eq!(at.date().to_string(), "2022-09-07");
        assert!(!timed);
        assert_eq!(start_of("bald", BERLIN), None);
        assert_eq!(start_of("", BERLIN), None);
    }
}

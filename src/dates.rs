//! Dates as people type them: 07.09.2022, 7.9.22, 2022-09-07.

use chrono::NaiveDate;

/// A date the way both languages write it here: 07.09.2022. The stand-in
/// for a date a file does not give readably shows as none: "—".
pub fn date(date: NaiveDate) -> String {
    if date == NaiveDate::MAX {
        return "—".to_string();
    }
    date.format("%d.%m.%Y").to_string()
}

/// Typed text that is not a date in any accepted form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotADate;

/// A typed due date: `Ok(None)` for an empty entry (no date), `Err` for
/// anything that is not a real date in one of the accepted forms.
pub fn parse_due(text: &str) -> Result<Option<NaiveDate>, NotADate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    // "%Y" also reads "22" as the year 22, so each form must give a year
    // people mean; "7.9.22" then falls through to the two-digit form.
    ["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"]
        .iter()
        .find_map(|format| {
            NaiveDate::parse_from_str(text, format)
                .ok()
                .filter(|date| (1900..=2999).contains(&chrono::Datelike::year(date)))
        })
        .map(Some)
        .ok_or(NotADate)
}

/// Whether a due date typed is one people mean: within ten years of
/// today either way (01.01.1900 is a slip of the year, not a deadline).
pub fn plausible_due(due: NaiveDate, today: NaiveDate) -> bool {
    (due - today).num_days().abs() <= 3653
}

/// Whether `text` is written as a date (07.09.2022, 2022-09-07) but
/// names a day the calendar does not have (31.02.2026): said so, rather
/// than asked to be written the way it already is.
pub fn no_such_day(text: &str) -> bool {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['.', '-']).collect();
    let numbers = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()));
    numbers && parse_due(text).is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Result<Option<NaiveDate>, NotADate> {
        Ok(NaiveDate::from_ymd_opt(y, m, d))
    }

    #[test]
    fn a_day_the_calendar_lacks_is_told_from_text_that_is_no_date() {
        assert!(no_such_day("31.02.2026"));
        assert!(no_such_day("2026-02-30"));
        assert!(!no_such_day("28.02.2026"));
        assert!(!no_such_day("morgen"));
        assert!(!no_such_day("31.02."));
    }

    #[test]
    fn accepts_the_german_and_the_iso_form() {
        assert_eq!(parse_due("07.09.2022"), day(2022, 9, 7));
        assert_eq!(parse_due(" 7.9.2022 "), day(2022, 9, 7));
        assert_eq!(parse_due("07.09.22"), day(2022, 9, 7));
        assert_eq!(parse_due("7.9.22"), day(2022, 9, 7));
        assert_eq!(parse_due("2022-09-07"), day(2022, 9, 7));
        assert_eq!(parse_due(""), Ok(None));
    }

    #[test]
    fn refuses_what_is_no_date() {
        for wrong in [
            "31.02.2022",
            "07/09/2022",
            "morgen",
            "2022-13-01",
            "7.9.",
            "07.09.20222",
        ] {
            assert_eq!(parse_due(wrong), Err(NotADate), "{wrong}");
        }
    }
}

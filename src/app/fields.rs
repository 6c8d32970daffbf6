//! The fields of each record's form, and how typed text becomes a value:
//! checked, cleaned, as TOML value text; or refused, with the reason.

use chrono::NaiveTime;

use super::form::{FormField, Input, Refusal};
use crate::edit::record::{self, list, text};
use crate::model::{Motion, Session};

/// A value of a field, as TOML value text (`None`: no value).
pub(super) type Value = Option<String>;

/// The next number after the highest whole number in use ("4", "5.1" → "5").
pub(super) fn next_number(numbers: Vec<&str>) -> String {
    let highest = numbers
        .iter()
        .filter_map(|n| {
            let digits: String = n
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0);
    (highest + 1).to_string()
}

pub(super) fn session_fields(session: Option<&Session>) -> Vec<FormField> {
    let date = session
        .map(|s| crate::dates::date(s.date))
        .unwrap_or_default();
    let time = session
        .and_then(|s| s.time)
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default();
    vec![
        FormField::new(
            "committee",
            Input::Required,
            session.map_or("", |s| &s.committee),
        ),
        FormField::new("date", Input::RequiredDate, &date),
        FormField::new("time", Input::Time, &time),
        FormField::new(
            "location",
            Input::Text,
            session.and_then(|s| s.location.as_deref()).unwrap_or(""),
        ),
    ]
}

pub(super) fn item_fields(
    number: &str,
    title: &str,
    public: &str,
    motions: &str,
) -> Vec<FormField> {
    vec![
        FormField::new("number", Input::Required, number),
        FormField::new("title", Input::Required, title),
        FormField::new("public", Input::Flag, public),
        FormField::new("motions", Input::Motions, motions),
    ]
}

pub(super) fn motion_fields(motion: Option<&Motion>) -> Vec<FormField> {
    let opt = |f: fn(&Motion) -> Option<&String>| {
        motion.and_then(f).map_or("", |s| s.as_str()).to_string()
    };
    let submitted = motion
        .and_then(|m| m.submitted)
        .map(crate::dates::date)
        .unwrap_or_default();
    let submitters = motion.map(|m| m.submitters.join(", ")).unwrap_or_default();
    let people = motion
        .map(|m| {
            m.signatories
                .iter()
                .map(|p| match &p.role {
                    Some(role) => format!("{} ({role})", p.name),
                    None => p.name.clone(),
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default();
    vec![
        FormField::new(
            "kind",
            Input::Required,
            motion.map_or("Anfrage", |m| &m.kind),
        ),
        FormField::new("title", Input::Required, motion.map_or("", |m| &m.title)),
        FormField::new("submitted", Input::Date, &submitted),
        FormField::new("submitters", Input::List, &submitters),
        FormField::new("basis", Input::Text, &opt(|m| m.basis.as_ref())),
        FormField::new("reference", Input::Text, &opt(|m| m.reference.as_ref())),
        FormField::new("office", Input::Text, &opt(|m| m.office.as_ref())),
        FormField::new("signatories", Input::People, &people),
        FormField::new("addressee", Input::Text, &opt(|m| m.addressee.as_ref())),
        FormField::new("proposal", Input::Long, &opt(|m| m.proposal.as_ref())),
        FormField::new("rationale", Input::Long, &opt(|m| m.rationale.as_ref())),
    ]
}

/// A field's text as a TOML value, or why it is refused.
pub(super) fn value(field: &FormField, no: &str) -> Result<Value, Refusal> {
    let typed = clean(&field.text(), field.input == Input::Long);
    let trimmed = typed.trim();
    let empty = trimmed.is_empty();
    Ok(match field.input {
        Input::Required if empty => return Err(Refusal::Empty),
        Input::RequiredDate if empty => return Err(Refusal::Empty),
        Input::Text | Input::Required | Input::Path => (!empty).then(|| text(trimmed)),
        Input::Long => {
            let tidy = super::editor::tidy_answer(&typed);
            tidy.as_deref().map(text)
        }
        Input::Date | Input::RequiredDate => crate::dates::parse_due(trimmed)
            .map_err(|_| Refusal::NotADate)?
            .map(|d| d.format("%Y-%m-%d").to_string()),
        Input::Time if empty => None,
        Input::Time => Some(
            parse_time(trimmed)
                .ok_or(Refusal::NotATime)?
                .format("%H:%M:%S")
                .to_string(),
        ),
        // Public is the default: only "no" is written.
        Input::Flag => (trimmed == no).then(|| "false".to_string()),
        Input::List => {
            let items: Vec<String> = trimmed
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            (!items.is_empty()).then(|| list(&items))
        }
        Input::People => people(trimmed),
        // Mapped to ids by the caller, with the data at hand.
        Input::Motions => None,
    })
}

/// Typed or pasted text without what must not reach a file: control
/// characters (a tab becomes a space; line breaks stay where the field has
/// lines), bidi overrides and invisible characters.
pub(super) fn clean(text: &str, lines: bool) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' if lines => Some('\n'),
            '\t' | '\n' => Some(' '),
            c if c.is_control() => None,
            '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}' => None,
            c => Some(c),
        })
        .collect()
}

/// "17:00", "17.00", "17:00:00" or "17".
fn parse_time(typed: &str) -> Option<NaiveTime> {
    let typed = typed.trim_end_matches(" Uhr").trim();
    ["%H:%M", "%H.%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(typed, f).ok())
        .or_else(|| {
            typed
                .parse::<u32>()
                .ok()
                .and_then(|h| NaiveTime::from_hms_opt(h, 0, 0))
        })
}

/// "Marc Klein (Fraktionsvorsitzender); Anna Muster" as signatories.
fn people(typed: &str) -> Value {
    let people: Vec<crate::model::Signatory> = typed
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|person| {
            // "Name (Rolle)", or "Name, Rolle" as people also write it.
            match person.split_once('(').or_else(|| person.split_once(',')) {
                Some((name, role)) if !role.trim_end_matches(')').trim().is_empty() => {
                    crate::model::Signatory {
                        name: name.trim().to_string(),
                        role: Some(role.trim_end_matches(')').trim().to_string()),
                    }
                }
                _ => crate::model::Signatory {
                    name: person.trim_end_matches([',', '(']).trim().to_string(),
                    role: None,
                },
            }
        })
        .collect();
    (!people.is_empty()).then(|| record::signatories(&people))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_times_as_people_write_them() {
        assert_eq!(next_number(vec!["1", "2", "4", "4.1"]), "5");
        assert_eq!(next_number(vec!["Ö 3"]), "4");
        assert_eq!(next_number(vec![]), "1");
        assert_eq!(parse_time("17:00"), NaiveTime::from_hms_opt(17, 0, 0));
        assert_eq!(parse_time("9.30 Uhr"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(
            people("Marc Klein (Fraktionsvorsitzender der CDU); Anna Muster").unwrap(),
            "[{ name = \"Marc Klein\", role = \"Fraktionsvorsitzender der CDU\" }, { name = \"Anna Muster\" }]"
        );
    }
}

//! Values as messages show them: short, cut where two would read alike,
//! and what a change puts into the trash.

use std::path::Path;

use super::date;
use crate::edit::{Change, Field};

/// A value as a message may show it: short texts and dates as they read,
/// lists joined; `None` for what is absent or too long to show.
pub(crate) fn short_value(value: Option<&str>) -> Option<String> {
    let shown = plain_value(value)?;
    (shown.chars().count() <= 40 && !shown.contains('\n')).then(|| format!("→ {shown}"))
}

/// A value as written in a file (TOML), as people read it: a text without
/// its quotes, a date as 07.09.2022, a list with commas.
pub fn plain_value(value: Option<&str>) -> Option<String> {
    let parsed: toml_edit::Value = value?.parse().ok()?;
    let shown = match &parsed {
        toml_edit::Value::String(s) => s.value().clone(),
        toml_edit::Value::Datetime(d) => {
            let text = d.value().to_string();
            // A date as people write it; a time without its seconds.
            match (
                chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d"),
                chrono::NaiveTime::parse_from_str(&text, "%H:%M:%S"),
            ) {
                (Ok(day), _) => date(day),
                (_, Ok(time)) if chrono::Timelike::second(&time) == 0 => {
                    time.format("%H:%M").to_string()
                }
                _ => text,
            }
        }
        toml_edit::Value::Array(a) => {
            let items: Vec<String> = a
                .iter()
                .filter_map(|i| i.as_str().map(String::from))
                .collect();
            items.join(", ")
        }
        other => other.to_string().trim().to_string(),
    };
    Some(shown)
}

/// The start of a text on one line: enough to tell two answers apart in
/// a sentence.
pub(crate) fn gist(text: &str) -> String {
    crate::text::gist(text, 60)
}

/// The file a change puts into the trash (deleting a record), if it does.
pub(crate) fn trashed(change: &Change) -> Option<&Path> {
    match change {
        Change::Rename(r) if r.to.starts_with(crate::edit::names::TRASH) => Some(&r.from),
        Change::Batch(changes) => changes.iter().find_map(trashed),
        _ => None,
    }
}

/// The two answers of a conflict as it shows them: where they begin
/// alike, from a little before the place they part (marked "…"), so that
/// two texts that differ only at their end do not read the same.
pub(crate) fn parted(ours: &Field, theirs: Option<&Field>) -> (Field, Option<Field>) {
    let (Field::Answer(Some(a)), Some(Field::Answer(Some(b)))) = (ours, theirs) else {
        return (ours.clone(), theirs.cloned());
    };
    let same = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    // Shown whole up to 60 characters: alike that far, they would read alike.
    if same < 40 {
        return (ours.clone(), theirs.cloned());
    }
    // A few words before they part, from the start of a word.
    let back = a.chars().take(same.saturating_sub(15)).collect::<String>();
    let from = back
        .rfind(char::is_whitespace)
        .map_or(back.len(), |i| i + 1);
    let cut = |t: &str| Field::Answer(Some(format!("…{}", &t[from..])));
    (cut(a), Some(cut(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_answers_that_differ_at_their_end_are_shown_from_where_they_part() {
        let start = "Die Stellen werden zu zwei Dritteln mit städtischem Geld und zu einem Drittel";
        let ours = Field::Answer(Some(format!("{start} vom Land bezahlt. Meine Ergänzung.")));
        let theirs = Field::Answer(Some(format!("{start} vom Land bezahlt.")));
        let (ours, theirs) = parted(&ours, Some(&theirs));
        let shown = |f: &Field| match f {
            Field::Answer(Some(t)) => gist(t),
            _ => String::new(),
        };
        let (ours, theirs) = (shown(&ours), shown(&theirs.unwrap()));
        assert_ne!(ours, theirs);
        assert!(
            ours.starts_with('…') && ours.contains("Meine Ergänzung"),
            "{ours}"
        );
        assert!(theirs.ends_with("vom Land bezahlt."), "{theirs}");
        // Texts apart from their start are shown from it.
        let short = Field::Answer(Some("Ja.".into()));
        assert_eq!(parted(&short, None).0, short);
    }

    #[test]
    fn values_read_as_people_write_them() {
        assert_eq!(short_value(Some("2022-09-07")).unwrap(), "→ 07.09.2022");
        assert_eq!(short_value(Some("17:00:00")).unwrap(), "→ 17:00");
        assert_eq!(short_value(Some("17:00:30")).unwrap(), "→ 17:00:30");
        assert_eq!(short_value(Some("\"Rathaus\"")).unwrap(), "→ Rathaus");
    }
}

//! Which session a letter is for: its date, and its committee compared
//! tolerantly ("Sozialausschuss" is the "Ausschuss für Soziales, Familien
//! und Senioren"; "Ausschuss für Umwelt, Verkehr und Ordnung" is itself).

use chrono::NaiveDate;

use crate::fold::fold;
use crate::model::{Dataset, Session};

/// Words of a committee's name that do not tell committees apart.
const FILLER: &[&str] = &[
    "ausschuss",
    "ausschusses",
    "fuer",
    "und",
    "der",
    "des",
    "die",
    "das",
    "den",
    "dem",
    "zur",
    "zum",
    "im",
    "am",
    "von",
    "sowie",
    "sitzung",
    "stadt",
    "rat",
    "rates",
];

/// The stems that tell a committee apart: "soziales" → "sozia".
fn stems(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 3 && !FILLER.contains(w))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// Whether two names may mean the same committee: a telling stem of one
/// stands in the other ("sozia" in "sozialausschuss").
pub fn same_committee(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return true;
    }
    let (sa, sb) = (stems(a), stems(b));
    if sa.is_empty() || sb.is_empty() {
        return false;
    }
    // Every telling word of the shorter name appears in the longer one.
    let (few, many, text) = if sa.len() <= sb.len() {
        (&sa, &sb, &fb)
    } else {
        (&sb, &sa, &fa)
    };
    let _ = many;
    few.iter().all(|stem| text.contains(stem.as_str()))
}

/// The session a letter names: on its date, of its committee where the
/// letter names one; the only session that day where it names none.
pub fn matching_session<'d>(
    data: &'d Dataset,
    committee: Option<&str>,
    date: NaiveDate,
) -> Option<&'d Session> {
    let that_day: Vec<&Session> = data.sessions.iter().filter(|s| s.date == date).collect();
    match committee {
        Some(name) => that_day
            .into_iter()
            .find(|s| same_committee(name, &s.committee)),
        None if that_day.len() == 1 => that_day.first().copied(),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::same_committee;

    #[test]
    fn committees_are_compared_by_what_tells_them_apart() {
        let soz = "Ausschuss für Soziales, Familien und Senioren";
        assert!(same_committee("Sozialausschuss", soz));
        assert!(same_committee(
            "Ausschusses für Soziales, Familien und Senioren",
            soz
        ));
        let umwelt = "Ausschuss für Umwelt, Verkehr und Ordnung";
        assert!(same_committee(umwelt, umwelt));
        assert!(!same_committee(umwelt, soz));
        assert!(!same_committee("Hauptausschuss", soz));
        assert!(!same_committee("Ausschuss", soz));
    }
}

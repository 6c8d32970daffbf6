//! A committee's name as a meeting's name gives it, where no
//! organization names it: without "(öffentlich)" and without the
//! sitting's number ("4. Sitzung des Finanzausschusses").

/// A committee's name from a meeting's, without "(öffentlich)" and the
/// like, and without "4. Sitzung des …" (the standard's own example).
pub(super) fn committee_of(name: &str) -> String {
    let mut out = without_sitting(name.trim());
    while let Some(open) = out.rfind('(') {
        let tail = out[open..].to_lowercase();
        let status = ["öffentlich", "nichtöffentlich", "sitzung", "public"]
            .iter()
            .any(|w| tail.contains(w));
        if !status || !out.trim_end().ends_with(')') {
            break;
        }
        out.truncate(open);
        out = out.trim_end().to_string();
    }
    out
}

/// "4. (öffentliche) Sitzung des Finanzausschusses" → "Finanzausschuss":
/// the committee after "Sitzung des/der", its first noun back from the
/// genitive ("des Rates der Stadt" → "Rat der Stadt"). Other names stay.
fn without_sitting(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| *w == "Sitzung") else {
        return name.to_string();
    };
    // Before "Sitzung" only a number ("4.") and words like "öffentliche".
    let lead = words[..at].iter().all(|w| {
        w.trim_end_matches('.').chars().all(|c| c.is_ascii_digit())
            || w.chars().next().is_some_and(char::is_lowercase)
    });
    let article = words.get(at + 1).copied();
    if !lead || !matches!(article, Some("des" | "der")) || words.len() < at + 3 {
        return name.to_string();
    }
    let mut rest: Vec<String> = words[at + 2..].iter().map(|w| w.to_string()).collect();
    if article == Some("des")
        && let Some(noun) = rest
            .iter_mut()
            .find(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with('-'))
    {
        *noun = nominative(noun);
    }
    rest.join(" ")
}

/// A masculine or neuter noun's genitive back to its nominative:
/// Ausschusses → Ausschuss, Rates → Rat, Beirats → Beirat, Komitees → Komitee.
fn nominative(noun: &str) -> String {
    let Some(stem) = noun.strip_suffix('s') else {
        return noun.to_string();
    };
    match stem.strip_suffix('e') {
        Some(root) if root.chars().last().is_some_and(|c| !"aeiouäöü".contains(c)) => {
            root.to_string()
        }
        _ => stem.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::committee_of;

    #[test]
    fn a_meetings_name_loses_its_sittings_number() {
        for (name, committee) in [
            ("4. Sitzung des Finanzausschusses", "Finanzausschuss"),
            (
                "12. öffentliche Sitzung des Rates der Stadt",
                "Rat der Stadt",
            ),
            (
                "3. Sitzung des Haupt- und Finanzausschusses (öffentlich)",
                "Haupt- und Finanzausschuss",
            ),
            (
                "Sitzung der Bezirksvertretung Mitte",
                "Bezirksvertretung Mitte",
            ),
            ("7. Sitzung des Ortsbeirats", "Ortsbeirat"),
            (
                "Ausschuss für Sitzung des Rates",
                "Ausschuss für Sitzung des Rates",
            ),
            ("Sitzung", "Sitzung"),
        ] {
            assert_eq!(committee_of(name), committee, "{name}");
        }
    }

    #[test]
    fn a_meetings_name_loses_its_public_status() {
        assert_eq!(
            committee_of("Ausschuss für Soziales (öffentlich)"),
            "Ausschuss für Soziales"
        );
        assert_eq!(
            committee_of("Rat der Stadt (nicht öffentlich)"),
            "Rat der Stadt"
        );
        assert_eq!(
            committee_of("Ausschuss (A) für Bau"),
            "Ausschuss (A) für Bau"
        );
    }
}

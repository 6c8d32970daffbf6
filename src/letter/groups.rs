//! Council groups as short names: "die Fraktionen von CDU und SPD" → CDU,
//! SPD; "Fraktion DIE LINKE. im Rat" → DIE LINKE.; "FDP-Fraktion" → FDP.

/// Words for a group; "Fraktion der SPD", "SPD-Fraktion".
const GROUP_WORDS: [&str; 10] = [
    "fraktion",
    "fraktionen",
    "ratsfraktion",
    "ratsfraktionen",
    "kreistagsfraktion",
    "stadtratsfraktion",
    "gruppe",
    "gruppen",
    "ratsgruppe",
    "fraktionsgemeinschaft",
];

/// Parties' short names, to tell a group line from a person's name.
const PARTIES: [&str; 16] = [
    "CDU", "CSU", "SPD", "FDP", "AfD", "GRÜNE", "GRÜNEN", "Grüne", "Grünen", "LINKE", "LINKE.",
    "Linke", "BSW", "Volt", "ÖDP", "BÜNDNIS",
];

/// Capitalised words that end a group's name rather than belong to it.
const NOT_NAMES: [&str; 12] = [
    "Rat",
    "Rates",
    "Stadtrat",
    "Kreistag",
    "Sitzung",
    "Stadt",
    "Verwaltung",
    "Sie",
    "Ihnen",
    "Ich",
    "Wir",
    "Antrag",
];

/// Most words a group's name has ("BÜNDNIS 90/DIE GRÜNEN" has three).
const LONGEST: usize = 4;

/// The groups a text names as such, in order, each once.
pub(crate) fn groups_in(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let core =
            word.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '„' | '“' | '"'));
        if let Some((party, suffix)) = core.rsplit_once('-')
            && !party.is_empty()
            && GROUP_WORDS.contains(&suffix.trim_end_matches('.').to_lowercase().as_str())
        {
            // "CDU- und SPD-Fraktion": the parts before share the suffix.
            let mut names = vec![party.to_owned()];
            let mut k = i;
            loop {
                if k >= 2 && matches!(words[k - 1], "und" | "sowie") && is_cut(words[k - 2]) {
                    names.push(cut_name(words[k - 2]));
                    k -= 2;
                } else if k >= 1 && is_cut(words[k - 1]) {
                    names.push(cut_name(words[k - 1]));
                    k -= 1;
                } else {
                    break;
                }
            }
            names.reverse();
            out.extend(names);
        } else if GROUP_WORDS.contains(&core.to_lowercase().as_str()) {
            out.extend(names_after(&words[i + 1..]));
        }
    }
    let mut unique: Vec<String> = Vec::new();
    for name in out {
        if !name.is_empty() && !unique.contains(&name) {
            unique.push(name);
        }
    }
    unique
}

/// "CDU-" or "CDU-,": a word whose end is shared with the next.
fn is_cut(word: &str) -> bool {
    word.trim_end_matches(',').ends_with('-') && word.len() > 1
}

fn cut_name(word: &str) -> String {
    word.trim_end_matches(',').trim_end_matches('-').to_owned()
}

/// The names after "Fraktion(en)": "von CDU und SPD im Rat" → CDU, SPD.
fn names_after(words: &[&str]) -> Vec<String> {
    let mut items: Vec<Vec<&str>> = vec![Vec::new()];
    let mut i = 0;
    while i < words.len() && matches!(words[i], "von" | "der" | "die" | "des") {
        i += 1;
    }
    // A list of names is short; reading on would make a run of capitals slow.
    let end = words.len().min(i + 4 * LONGEST);
    while let Some(&word) = words.get(i).filter(|_| i < end) {
        i += 1;
        if matches!(word, "und" | "sowie" | ",") {
            items.push(Vec::new());
            skip_articles(words, &mut i);
            continue;
        }
        let core = word.trim_matches(|c: char| matches!(c, '(' | ')' | '„' | '“' | '"'));
        if !core.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            break;
        }
        let bare = core.trim_end_matches([',', ';', ':', '.']);
        if NOT_NAMES.contains(&bare) {
            break;
        }
        // "DIE LINKE." keeps its full stop; elsewhere one ends the sentence.
        let keep = if bare == "LINKE" && core.starts_with("LINKE.") {
            "LINKE."
        } else {
            bare
        };
        if let Some(item) = items.last_mut() {
            item.push(keep);
        }
        // A full stop ends the sentence, unless it is the one of "DIE
        // LINKE." and the list goes on.
        let listing = words.get(i).is_some_and(|w| matches!(*w, "und" | "sowie"));
        if core.ends_with(',') {
            items.push(Vec::new());
            skip_articles(words, &mut i);
        } else if core.ends_with(['.', ';', ':']) && !(keep == "LINKE." && listing) {
            break;
        }
    }
    items
        .into_iter()
        .filter(|item| !item.is_empty() && item.len() <= LONGEST)
        .map(|item| item.join(" "))
        .collect()
}

/// A line that is a group's name, as letterheads and signatures give it:
/// "Fraktion Bürger für Wellingen im Rat der Stadt …" → "Bürger für Wellingen".
/// Unlike a sentence, the whole line up to "im"/"in" is the name.
pub(crate) fn group_line(text: &str) -> Option<String> {
    let (first, rest) = text.trim().split_once(' ')?;
    if !GROUP_WORDS.contains(&first.to_lowercase().as_str())
        || !first.starts_with(char::is_uppercase)
    {
        return None;
    }
    let rest = rest.strip_prefix("der ").unwrap_or(rest);
    let end = [" im ", " in ", " des ", " der Stadt", " der Gemeinde", ","]
        .iter()
        .filter_map(|stop| rest.find(stop))
        .min()
        .unwrap_or(rest.len());
    let name = rest[..end].trim().trim_end_matches([':', ';']);
    // "DIE LINKE." is spelt with its full stop; any other ends a sentence.
    let name = if name.ends_with("LINKE.") {
        name
    } else {
        name.trim_end_matches('.')
    };
    let words = name.split_whitespace().count();
    let plausible = (1..=6).contains(&words)
        && name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    plausible.then(|| name.to_owned())
}

/// Steps over "der" in "der CDU und der SPD".
fn skip_articles(words: &[&str], i: &mut usize) {
    while words.get(*i).is_some_and(|w| matches!(*w, "der" | "die")) {
        *i += 1;
    }
}

/// Whether a line names a group: "Fraktion DIE LINKE.", "SPD-Ratsfraktion".
pub(crate) fn mentions_group(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("fraktion")
        || lower.split_whitespace().any(|w| w.starts_with("gruppe"))
        || text
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | ',' | '(' | ')'))
            .any(|w| PARTIES.contains(&w))
}

/// A group-like short value on its own ("GRÜNE" after "Anfrage:", the
/// "Absender" cell): the names it contains, or itself.
pub(crate) fn groups_of_value(value: &str) -> Vec<String> {
    if let Some(name) = group_line(value) {
        return vec![name];
    }
    let named = groups_in(value);
    if !named.is_empty() {
        return named;
    }
    let value = value.trim().trim_end_matches([',', ';', ':']);
    let words = value.split_whitespace().count();
    let plausible = (1..=LONGEST).contains(&words)
        && value.starts_with(char::is_uppercase)
        && !value.chars().any(|c| c.is_ascii_digit());
    if plausible {
        vec![value.to_owned()]
    } else {
        Vec::new()
    }
}

/// The group a role names: "Fraktionsvorsitzender der CDU" → CDU.
pub(crate) fn group_of_role(role: &str) -> Option<String> {
    groups_in(role).into_iter().next().or_else(|| {
        let (_, after) = role.rsplit_once(" der ")?;
        groups_of_value(after).into_iter().next()
    })
}

/// Words before the name of a single councillor who submits alone.
const COUNCILLORS: [&str; 10] = [
    "ratsmitglied",
    "ratsherr",
    "ratsfrau",
    "stadtverordneter",
    "stadtverordnete",
    "einzelstadtverordneter",
    "einzelstadtverordnete",
    "kreistagsmitglied",
    "bezirksvertreter",
    "bezirksvertreterin",
];

/// "das Ratsmitglied Karl Beispiel bittet" → "Karl Beispiel".
pub(crate) fn councillor_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| COUNCILLORS.contains(&w.to_lowercase().as_str()))?;
    let mut name = Vec::new();
    for word in &words[at + 1..] {
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        let capital = bare.starts_with(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphabetic() || c == '-');
        if !capital || name.len() == LONGEST {
            break;
        }
        name.push(bare);
        if bare.len() < word.len() {
            break;
        }
    }
    (name.len() >= 2).then(|| name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_usual_phrasings() {
        assert_eq!(
            groups_in("die Fraktionen von CDU und SPD im Rat der Universitätsstadt Siegen bitten"),
            ["CDU", "SPD"]
        );
        assert_eq!(
            groups_in("Fraktion DIE LINKE. im Rat der Stadt"),
            ["DIE LINKE."]
        );
        assert_eq!(
            groups_in("Antrag der Fraktion der SPD. Die Verwaltung"),
            ["SPD"]
        );
        assert_eq!(
            groups_in("Die Fraktion Freie Wähler beantragt:"),
            ["Freie Wähler"]
        );
        assert_eq!(
            groups_in("die Fraktionen BÜNDNIS 90/DIE GRÜNEN und Volt im Rat"),
            ["BÜNDNIS 90/DIE GRÜNEN", "Volt"]
        );
        assert_eq!(
            groups_in("die CDU- und SPD-Fraktion bitten"),
            ["CDU", "SPD"]
        );
        assert_eq!(groups_in("Antrag der FDP-Ratsfraktion"), ["FDP"]);
        assert_eq!(
            groups_in("die Fraktionen der CDU und der SPD"),
            ["CDU", "SPD"]
        );
        assert!(groups_in("Die Fraktion im Rat bittet").is_empty());
    }

    #[test]
    fn reads_values_roles_and_councillors() {
        assert_eq!(groups_of_value("GRÜNE"), ["GRÜNE"]);
        assert_eq!(groups_of_value("Fraktion DIE LINKE"), ["DIE LINKE"]);
        assert_eq!(
            group_of_role("Fraktionsvorsitzender der CDU").as_deref(),
            Some("CDU")
        );
        assert_eq!(
            group_line("Fraktion Bürger für Wellingen im Rat der Stadt Wellingen").as_deref(),
            Some("Bürger für Wellingen")
        );
        assert_eq!(
            group_line("Fraktion DIE LINKE. im Rat").as_deref(),
            Some("DIE LINKE.")
        );
        assert_eq!(group_line("Fraktion im Rat"), None);
        assert_eq!(
            groups_in("Die Fraktionen der SPD, der CDU und der FDP beantragen:"),
            ["SPD", "CDU", "FDP"]
        );
        assert_eq!(
            councillor_in("stellt das Ratsmitglied Karl Beispiel (parteilos) folgenden").as_deref(),
            Some("Karl Beispiel")
        );
        assert!(mentions_group("Fraktion DIE LINKE"));
        assert!(!mentions_group("Marc Klein"));
    }
}

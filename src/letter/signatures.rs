//! Who signed: the block after "Mit freundlichen Grüßen", "gezeichnet:
//! Name (Role)" lines, "Unterzeichnet von:" lists, or the names and roles
//! that simply end a letter.

use crate::model::Signatory;

use super::dates;
use super::groups;
use super::lines::Line;
use super::sections;

/// The signature block and who it names.
#[derive(Debug, Default)]
pub(crate) struct Signed {
    /// Where the block starts; the body ends there. The number of lines when there is none.
    pub start: usize,
    pub people: Vec<Signatory>,
}

/// Academic titles that may open a name.
const TITLES: [&str; 4] = ["Dr.", "Prof.", "Dr.-Ing.", "Dipl.-Ing."];
/// Particles inside a name: "Anna von Beispiel".
const PARTICLES: [&str; 9] = ["von", "van", "de", "der", "zu", "vom", "di", "da", "ten"];
/// Capitalised words that are no part of a name.
const NOT_NAMES: [&str; 24] = [
    "Mit",
    "Freundlichen",
    "Grüßen",
    "Sehr",
    "Stadt",
    "Rathaus",
    "Fraktion",
    "Begründung",
    "Sachverhalt",
    "Anlage",
    "Anlagen",
    "Seite",
    "Herr",
    "Herrn",
    "Frau",
    "Der",
    "Die",
    "Das",
    "Ich",
    "Wir",
    "Rat",
    "Verwaltung",
    "Antrag",
    "Anfrage",
];
/// Word parts that make a word a role: "Fraktionsvorsitzender", "Ratsmitglied".
const ROLE_STEMS: [&str; 17] = [
    "vorsitz",
    "geschäftsführ",
    "sprecher",
    "mitglied",
    "verordnete",
    "stadtrat",
    "stadträt",
    "ratsherr",
    "ratsfrau",
    "referent",
    "stellv",
    "sachkundig",
    "obmann",
    "obfrau",
    "abgeordnete",
    "beigeordnete",
    "vertreter",
];

/// Finds the signature block of `lines` and reads the people in it.
pub(crate) fn read(lines: &[Line]) -> Signed {
    let opening = lines
        .iter()
        .position(|l| sections::is_closing(&l.text) || signed_prefix(&l.text).is_some());
    let Some(start) = opening.or_else(|| trailing_block(lines)) else {
        return Signed {
            start: lines.len(),
            people: Vec::new(),
        };
    };
    Signed {
        start,
        people: people(&lines[start..]),
    }
}

/// "gez. Marc Klein", "gezeichnet: …", "Unterzeichnet von: …": the text after the prefix.
fn signed_prefix(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    [
        "unterzeichnet von",
        "unterschrieben von",
        "gezeichnet",
        "gez.",
        "gez:",
    ]
    .iter()
    .find(|p| lower.starts_with(*p))
    .and_then(|p| text.get(p.len()..))
    // "Gezeichnete Anteile" is prose.
    .filter(|rest| !rest.starts_with(char::is_alphabetic))
    .map(|rest| rest.trim_start_matches([':', ' ', '.']).trim())
}

/// A block of names and roles that ends the letter without a closing
/// phrase: after a blank or a polite last sentence, with a name in it.
fn trailing_block(lines: &[Line]) -> Option<usize> {
    let mut start = None;
    let mut named = false;
    let mut before = None;
    for (i, line) in lines.iter().enumerate().rev() {
        if line.is_blank() {
            continue;
        }
        let text = line.text.as_str();
        let name = is_name_line(line);
        let fits = name
            || is_role(text)
            || sections::heading(text).is_some()
            || (groups::mentions_group(text) && text.split_whitespace().count() <= 8)
            || dates::only(text).is_some();
        if !fits {
            before = Some(i);
            break;
        }
        named |= name;
        start = Some(i);
    }
    let start = start?;
    let apart = match before {
        None => true,
        Some(b) => b + 1 < start || sections::is_courtesy(&lines[b].text),
    };
    (named && apart).then_some(start)
}

/// The people a signature block names, with their roles.
fn people(block: &[Line]) -> Vec<Signatory> {
    let mut out: Vec<Signatory> = Vec::new();
    // People of the last name line still waiting for their role.
    let mut waiting = 0;
    let mut i = 0;
    while i < block.len() {
        let line = &block[i];
        i += 1;
        let text = line.text.as_str();
        if line.is_blank() || sections::is_closing(text) {
            continue;
        }
        if let Some(rest) = signed_prefix(text) {
            let mut found: Vec<Signatory> = Vec::new();
            for piece in split_people(rest) {
                // "gez. Peter Hahn, Fraktionsvorsitzender": a role after a comma.
                match found.last_mut() {
                    Some(last) if last.role.is_none() && is_role(piece) => {
                        last.role = Some(bare_role(piece));
                    }
                    _ => found.extend(person(piece, true)),
                }
            }
            waiting = found.iter().filter(|p| p.role.is_none()).count();
            out.extend(found);
            continue;
        }
        if waiting > 0
            && let Some(roles) = role_line(block, &mut i, line)
        {
            let first = out.len() - waiting;
            for (person, role) in out[first..].iter_mut().zip(roles) {
                person.role = Some(role);
            }
            waiting = 0;
            continue;
        }
        let cells: Vec<&str> = if line.cells.len() > 1 && line.cells.iter().all(|c| is_name(c)) {
            line.cells.iter().map(String::as_str).collect()
        } else {
            vec![text]
        };
        let found: Vec<Signatory> = cells.into_iter().filter_map(|c| person(c, false)).collect();
        waiting = found.iter().filter(|p| p.role.is_none()).count();
        out.extend(found);
    }
    out
}

/// "Marc Klein, Detlef Rujanski" or "A und B" after "gez.".
fn split_people(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';'])
        .flat_map(|part| part.split(" und "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// The roles on a role line (one per column), joining a bracket that
/// closes on the next line; advances `next` past lines it took.
fn role_line(block: &[Line], next: &mut usize, line: &Line) -> Option<Vec<String>> {
    let text = line.text.as_str();
    if text.starts_with('(') && !text.contains(')') {
        let closing = block.get(*next).filter(|l| l.text.ends_with(')'))?;
        *next += 1;
        return Some(vec![bare_role(&format!("{text} {}", closing.text))]);
    }
    if line.cells.len() > 1 && line.cells.iter().all(|c| is_role(c)) {
        return Some(line.cells.iter().map(|c| bare_role(c)).collect());
    }
    is_role(text).then(|| vec![bare_role(text)])
}

fn bare_role(text: &str) -> String {
    let text = text.trim();
    let inner = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(text);
    inner.trim().to_owned()
}

/// A person from one piece of text: "Marc Klein", "Marc Klein (Role)",
/// "Marc Klein, Role", "Ratsmitglied Karl Beispiel". After "gez." a
/// surname alone will do.
fn person(text: &str, signed: bool) -> Option<Signatory> {
    let text = text.trim();
    if let Some((name, role)) = text.split_once('(') {
        let role = role.trim_end().trim_end_matches(')').trim();
        let name = name.trim();
        return (is_name(name) || (signed && is_surname(name))).then(|| Signatory {
            name: name.to_owned(),
            role: (!role.is_empty()).then(|| role.to_owned()),
        });
    }
    if let Some((name, role)) = text.split_once(", ")
        && is_role(role)
        && (is_name(name) || signed)
    {
        return Some(Signatory {
            name: name.trim().to_owned(),
            role: Some(role.trim().to_owned()),
        });
    }
    if is_name(text) || (signed && is_surname(text)) {
        return Some(Signatory {
            name: text.to_owned(),
            role: None,
        });
    }
    // "Ratsmitglied Karl Beispiel": the role first.
    let (role, name) = text.split_once(' ')?;
    (is_role(role) && is_name(name)).then(|| Signatory {
        name: name.to_owned(),
        role: Some(role.to_owned()),
    })
}

fn is_surname(text: &str) -> bool {
    let mut words = text.split_whitespace();
    matches!((words.next(), words.next()), (Some(w), None) if is_name_word(w))
}

/// Whether a line holds only names: one, or several side by side.
fn is_name_line(line: &Line) -> bool {
    is_name(&line.text) || (line.cells.len() > 1 && line.cells.iter().all(|c| is_name(c)))
}

/// Whether a text is a person's name: two to five capitalised words, a
/// title or particle allowed, no group, no role.
pub(crate) fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || groups::mentions_group(text) {
        return false;
    }
    let last = words.len() - 1;
    let mut capitals = 0;
    for (k, word) in words.iter().enumerate() {
        if TITLES.contains(word) && k < last {
            continue;
        }
        if PARTICLES.contains(word) && k > 0 && k < last {
            continue;
        }
        if !is_name_word(word) {
            return false;
        }
        capitals += 1;
    }
    capitals >= 2
}

fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !NOT_NAMES.contains(&word)
        && !is_role(word)
}

/// Whether a text is a role: "(Fraktionsvorsitzender der CDU)",
/// "stellv. Fraktionsvorsitzende", "Ratsmitglied".
pub(crate) fn is_role(text: &str) -> bool {
    let text = text.trim();
    if text.starts_with('(') && text.ends_with(')') {
        return true;
    }
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    text.split_whitespace().count() <= 8 && ROLE_STEMS.iter().any(|stem| first.contains(stem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::lines::clean;

    fn signed(text: &str) -> Vec<(String, Option<String>)> {
        read(&clean(text))
            .people
            .into_iter()
            .map(|p| (p.name, p.role))
            .collect()
    }

    fn of(name: &str, role: Option<&str>) -> (String, Option<String>) {
        (name.to_owned(), role.map(str::to_owned))
    }

    #[test]
    fn reads_names_with_roles_below() {
        assert_eq!(
            signed(
                "Text.\n\nMit freundlichen Grüßen\n\nMarc Klein\n(Fraktionsvorsitzender der CDU)\n\nDetlef Rujanski\n(Fraktionsvorsitzender der SPD)"
            ),
            [
                of("Marc Klein", Some("Fraktionsvorsitzender der CDU")),
                of("Detlef Rujanski", Some("Fraktionsvorsitzender der SPD"))
            ]
        );
    }

    #[test]
    fn reads_side_by_side_and_signed_lines() {
        assert_eq!(
            signed(
                "Mit freundlichen Grüßen\nAnna Beispiel     Jonas Probe\nFraktionsvorsitzende     Ratsmitglied"
            ),
            [
                of("Anna Beispiel", Some("Fraktionsvorsitzende")),
                of("Jonas Probe", Some("Ratsmitglied"))
            ]
        );
        assert_eq!(
            signed("Mit freundlichen Grüßen,\ngezeichnet: Lena Muster (Fraktionsvorsitzende)"),
            [of("Lena Muster", Some("Fraktionsvorsitzende"))]
        );
        assert_eq!(
            signed("gez. Peter Hahn, Fraktionsvorsitzender, Eva Roth"),
            [
                of("Peter Hahn", Some("Fraktionsvorsitzender")),
                of("Eva Roth", None)
            ]
        );
        assert_eq!(
            signed(
                "Text.\nUnterzeichnet von:\nLea Musterfrau\nTobias Beispiel\nBegründung/Sachverhalt"
            ),
            [of("Lea Musterfrau", None), of("Tobias Beispiel", None)]
        );
    }

    #[test]
    fn finds_a_block_without_closing() {
        let lines = clean(
            "1) Wann?\n\nIch bitte um Beantwortung.\n\nJana Beispiel\nFraktionsvorsitzende\nFraktion DIE LINKE",
        );
        let signed = read(&lines);
        assert_eq!(signed.start, 4);
        assert_eq!(
            signed.people,
            [Signatory {
                name: "Jana Beispiel".into(),
                role: Some("Fraktionsvorsitzende".into())
            }]
        );
        assert_eq!(
            read(&clean("Eine Frage?\nUnd noch eine Sache hier.")).start,
            2
        );
    }
}

//! The addressee as one line: "An die Universitätsstadt Siegen / Herrn
//! Bürgermeister / Steffen Mues / Rathaus Siegen" → "Herrn Bürgermeister
//! Steffen Mues, Universitätsstadt Siegen".

use super::dates;
use super::groups;
use super::lines::{self, Line};
use super::signatures;

/// Offices an addressee holds, which the person line may leave out.
pub(crate) const OFFICES: [&str; 14] = [
    "Bürgermeister",
    "Bürgermeisterin",
    "Oberbürgermeister",
    "Oberbürgermeisterin",
    "Stadtverordnetenvorsteher",
    "Stadtverordnetenvorsteherin",
    "Landrat",
    "Landrätin",
    "Ortsvorsteher",
    "Ortsvorsteherin",
    "Bezirksbürgermeister",
    "Bezirksbürgermeisterin",
    "Stadtpräsident",
    "Stadtpräsidentin",
];

const TITLES: [&str; 2] = ["Dr.", "Prof."];

/// The addressee of an address block (the head above the kind line).
pub(crate) fn from_block(head: &[Line]) -> Option<String> {
    let Some(at) = head.iter().position(|l| is_person(&l.text)) else {
        // "An den Magistrat der Stadt Offenbach", no person named.
        return head
            .iter()
            .filter(|l| l.text.split_whitespace().count() <= 8)
            .find_map(|l| strip_to(&l.text).filter(|rest| !rest.is_empty()))
            .map(str::to_owned);
    };
    let mut person = head[at].text.clone();
    if !has_name(&person)
        && let Some(next) = head.get(at + 1).filter(|l| signatures::is_name(&l.text))
    {
        person = lines::join([person.as_str(), next.text.as_str()]);
    }
    // "Herrn" alone names nobody.
    if !has_name(&person) && !has_office(&person) {
        return None;
    }
    let lead = lead_before(head, at);
    Some(combine(&person, lead.as_deref()))
}

/// The addressee of a form's "Adressat" cells: "Oberbürgermeister",
/// "Herrn Dr. Jens Hartmann" → "Herrn Oberbürgermeister Dr. Jens Hartmann".
pub(crate) fn from_cells(cells: &[String]) -> Option<String> {
    let Some(at) = cells.iter().position(|c| is_person(c)) else {
        return (!cells.is_empty()).then(|| cells.join(", "));
    };
    let others: Vec<&str> = cells
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, c)| c.as_str())
        .collect();
    let lead = (!others.is_empty()).then(|| others.join(" "));
    Some(combine(&cells[at], lead.as_deref()))
}

/// "Herrn …", "Frau …".
pub(crate) fn is_person(text: &str) -> bool {
    ["Herrn", "Herr", "Frau"].iter().any(|s| {
        text.strip_prefix(s)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// Whether the person line names someone beyond "Herrn Bürgermeister".
fn has_name(person: &str) -> bool {
    person
        .split_whitespace()
        .skip(1)
        .any(|w| !OFFICES.contains(&w) && !TITLES.contains(&w))
}

fn has_office(person: &str) -> bool {
    person.split_whitespace().any(|w| OFFICES.contains(&w))
}

/// The text after "An die", "An den", "An das", "An"; empty when the line
/// holds nothing else ("An den" / "Stadtverordnetenvorsteher").
fn strip_to(text: &str) -> Option<&str> {
    if matches!(text, "An" | "An die" | "An den" | "An das") {
        return Some("");
    }
    ["An die ", "An den ", "An das ", "An "]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .map(str::trim)
}

/// What stands above the person in the same block: the "An …" lines, or
/// the line just above (the authority) when it is plain.
fn lead_before(head: &[Line], at: usize) -> Option<String> {
    let block_start = head[..at]
        .iter()
        .rposition(Line::is_blank)
        .map_or(0, |b| b + 1);
    let block = &head[block_start..at];
    if let Some(to) = block.iter().position(|l| strip_to(&l.text).is_some()) {
        let first = strip_to(&block[to].text).unwrap_or_default();
        let rest = block[to + 1..].iter().map(|l| l.text.as_str());
        let lead = lines::join(std::iter::once(first).chain(rest));
        return (!lead.is_empty()).then_some(lead);
    }
    let above = block.last()?;
    let plain = !groups::mentions_group(&above.text)
        && dates::find(&above.text).is_none()
        && !above.text.ends_with(':');
    plain.then(|| above.text.clone())
}

/// Joins person and lead; an office in the lead ("An den Oberbürgermeister
/// der Stadt Karlsruhe") moves into the person line when it lacks one.
fn combine(person: &str, lead: Option<&str>) -> String {
    let Some(lead) = lead.map(str::trim).filter(|l| !l.is_empty()) else {
        return person.to_owned();
    };
    let (first, rest) = lead.split_once(' ').unwrap_or((lead, ""));
    if !OFFICES.contains(&first) {
        return format!("{person}, {lead}");
    }
    let person = if has_office(person) {
        person.to_owned()
    } else {
        match person.split_once(' ') {
            Some((salutation, name)) => format!("{salutation} {first} {name}"),
            None => format!("{person} {first}"),
        }
    };
    let authority = rest
        .trim()
        .strip_prefix("der ")
        .or_else(|| rest.trim().strip_prefix("des "))
        .unwrap_or(rest.trim());
    if authority.is_empty() {
        person
    } else {
        format!("{person}, {authority}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::lines::clean;

    #[test]
    fn reads_address_blocks() {
        let head = clean(
            "An die Universitätsstadt Siegen\nHerrn Bürgermeister\nSteffen Mues\nRathaus Siegen\nMarkt 2\n\n57072 Siegen",
        );
        assert_eq!(
            from_block(&head).as_deref(),
            Some("Herrn Bürgermeister Steffen Mues, Universitätsstadt Siegen")
        );
        let head = clean("An den Stadtverordnetenvorsteher\nHerrn Klaus Beispiel\nRathaus");
        assert_eq!(
            from_block(&head).as_deref(),
            Some("Herrn Stadtverordnetenvorsteher Klaus Beispiel")
        );
        let head = clean("An den Oberbürgermeister\nder Stadt Karlsruhe\nHerrn Dr. Frank Probe");
        assert_eq!(
            from_block(&head).as_deref(),
            Some("Herrn Oberbürgermeister Dr. Frank Probe, Stadt Karlsruhe")
        );
        let head = clean("An den\nStadtverordnetenvorsteher\nHerrn Klaus Beispiel");
        assert_eq!(
            from_block(&head).as_deref(),
            Some("Herrn Stadtverordnetenvorsteher Klaus Beispiel")
        );
        assert_eq!(
            from_block(&clean("An den Magistrat der Stadt Offenbach")).as_deref(),
            Some("Magistrat der Stadt Offenbach")
        );
    }

    #[test]
    fn reads_form_cells() {
        let cells = [
            "Oberbürgermeister".to_owned(),
            "Herrn Dr. Jens Hartmann".to_owned(),
        ];
        assert_eq!(
            from_cells(&cells).as_deref(),
            Some("Herrn Oberbürgermeister Dr. Jens Hartmann")
        );
    }
}

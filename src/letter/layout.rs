//! Where the parts of a letter are: head, kind line, body, signatures.

use super::kind;
use super::lines::{self, Line};
use super::lists;
use super::sections;

/// Line indices of a letter's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Layout {
    /// The head is everything before; the body starts at the line after
    /// the salutation, else at the first heading or list item.
    pub body_start: usize,
    pub salutation: Option<usize>,
    /// The line naming the kind ("Antrag gemäß § 9 …").
    pub kind: Option<usize>,
    /// The end (exclusive) of the kind line with its wrapped continuation.
    pub kind_end: usize,
    /// The first heading or list item of the body, or the body's end:
    /// the body's introduction (the sentence naming the groups) ends here.
    pub intro_end: usize,
    /// Where the signatures begin.
    pub body_end: usize,
}

impl Layout {
    /// Finds the parts of `lines`, whose signatures begin at `body_end`.
    pub(crate) fn of(lines: &[Line], body_end: usize) -> Layout {
        let structure =
            |l: &Line| sections::heading(&l.text).is_some() || lists::marker(&l.text).is_some();
        let mut body_start = body_end;
        let mut salutation = None;
        for (i, line) in lines[..body_end].iter().enumerate() {
            if sections::is_salutation(&line.text) {
                salutation = Some(i);
                body_start = i + 1;
                break;
            }
            if structure(line) {
                body_start = i;
                break;
            }
        }
        let kind = lines[..body_start]
            .iter()
            .position(|l| kind::kind_of(&l.text).is_some());
        let kind_end = kind.map_or(0, |k| {
            let mut end = k + 1;
            // Until the session's date is named, a line that names the
            // session goes on the kind line too ("… für den Rat der Stadt" /
            // "Musterstadt zur nächsten Sitzung des Ausschusses …").
            let dated = |end: usize| {
                lines[k..end]
                    .iter()
                    .any(|l| super::dates::find(&l.text).is_some())
            };
            while end < body_start
                && (continues(&lines[end - 1].text, &lines[end])
                    || (!dated(end) && names_the_session(&lines[end])))
            {
                end += 1;
            }
            end
        });
        let intro_end = lines[body_start..body_end]
            .iter()
            .position(structure)
            .map_or(body_end, |i| body_start + i);
        Layout {
            body_start,
            salutation,
            kind,
            kind_end,
            intro_end,
            body_end,
        }
    }

    /// The paragraph just before the body when no salutation opens it: the
    /// sentence that may introduce the questions.
    pub(crate) fn lead(&self, lines: &[Line]) -> Option<String> {
        if self.salutation.is_some() {
            return None;
        }
        lines::paragraphs(&lines[..self.body_start])
            .pop()
            .map(|(_, text)| text)
    }
}

/// A line that names the session a kind line asks for: its word for it,
/// or its date.
fn names_the_session(line: &Line) -> bool {
    let text = line.text.as_str();
    !line.is_blank() && (text.contains("Sitzung") || super::dates::find(text).is_some())
}

/// Whether a kind line wrapped onto `next`: "… zur nächsten Sitzung" /
/// "des Ausschusses … am 07.09.2022".
fn continues(before: &str, next: &Line) -> bool {
    const OPEN: [&str; 14] = [
        "der", "des", "die", "zur", "zum", "am", "für", "und", "gemäß", "gem.", "nach", "von",
        "vom", "im",
    ];
    let last = before.split_whitespace().next_back().unwrap_or_default();
    !next.is_blank()
        && (next.text.starts_with(char::is_lowercase) || OPEN.contains(&last) || last == "§")
}

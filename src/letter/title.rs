//! The title: a heading the web page repeats, or the first plain line
//! after the kind line ("Berichterstattung zur Umsetzung des …").

use super::addressee;
use super::dates;
use super::form;
use super::groups;
use super::kind;
use super::layout::Layout;
use super::lines::{self, Line};
use super::sections;

/// How far down a web page repeats its heading.
const REPEAT_REACH: usize = 80;
/// A head with this many labels is a form: its title has a label too.
const FORM_LABELS: usize = 5;

/// The title and whether it is sure (emphasised, or a repeated heading).
pub(crate) fn find(lines: &[Line], layout: &Layout, labels: usize) -> Option<(String, bool)> {
    let head = &lines[..layout.body_start];
    if let Some(first) = head.iter().position(|l| !l.is_blank())
        && Some(first) != layout.kind
        && is_candidate(&head[first])
    {
        // A web page repeats its heading above the letter, before the body.
        let text = &head[first].text;
        let end = head.len().min(first + 1 + REPEAT_REACH);
        if head[first + 1..end].iter().any(|l| l.text == *text) {
            return Some((text.clone(), true));
        }
    }
    let Some(_) = layout.kind else {
        // No kind line to go by: only an emphasised line will do.
        return head
            .iter()
            .find(|l| l.emphasis && is_candidate(l))
            .map(|l| (l.text.clone(), true));
    };
    if labels >= FORM_LABELS {
        return None;
    }
    let start = layout.kind_end + head[layout.kind_end..].iter().position(is_candidate)?;
    let run: Vec<&Line> = head[start..]
        .iter()
        .take_while(|l| is_candidate(l))
        .collect();
    let sure = run.iter().all(|l| l.emphasis);
    Some((lines::join(run.iter().map(|l| l.text.as_str())), sure))
}

/// Whether a head line may be (part of) the title: a short plain line,
/// not a label, date, address, group, salutation or table.
fn is_candidate(line: &Line) -> bool {
    let text = line.text.as_str();
    let words = text.split_whitespace().count();
    let lower = text.to_lowercase();
    let address = addressee::is_person(text)
        || text.starts_with("An ")
        || addressee::OFFICES.contains(&text)
        || (words <= 3 && text.chars().any(|c| c.is_ascii_digit()));
    let status = matches!(
        lower.as_str(),
        "öffentlich" | "nichtöffentlich" | "nicht öffentlich"
    );
    !line.is_blank()
        && line.cells.len() == 1
        && (1..=25).contains(&words)
        && text.chars().any(char::is_lowercase)
        && !text.ends_with([':', ','])
        && !(text.ends_with('.') && words > 12)
        && !address
        && !status
        && !form::is_label(text)
        && !form::is_table_head(text)
        && kind::kind_of(text).is_none_or(|(_, rest)| names_a_cause(rest))
        && dates::find(text).is_none()
        && !groups::mentions_group(text)
        && !sections::is_salutation(text)
}

/// "(Resolution) zum Erhalt des Krankenhauses": a line that starts like a
/// kind but, after the kind line, names the cause.
fn names_a_cause(rest: &str) -> bool {
    let first = rest.split_whitespace().next().unwrap_or_default();
    matches!(first, "zum" | "zur" | "für" | "gegen") && rest.split_whitespace().count() >= 2
}

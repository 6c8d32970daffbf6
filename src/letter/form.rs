//! Labelled values of the letter head: "Datum:", "Vorlage Nr.:", and the
//! cells of form tables flattened to lines (RIS exports), where labels and
//! values come one a line, two a line, or grouped ("Datum", "Nummer",
//! then both values), and the table of committees a paper goes to.

use chrono::NaiveDate;

use super::dates;
use super::lines::Line;

/// What a labelled value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Date,
    Received,
    Reference,
    Sender,
    Addressee,
    Committee,
    SessionDate,
    Title,
    /// A label whose value is of no use here; it still ends the one before.
    Other,
}

/// Longest first where one label begins another.
const LABELS: &[(&str, Field)] = &[
    ("Stellungnahme der Verwaltung", Field::Other),
    ("Vorlagen-Nr.", Field::Reference),
    ("Vorlage-Nr.", Field::Reference),
    ("Vorlage Nr.", Field::Reference),
    ("Vorlagennummer", Field::Reference),
    ("Drucksachen-Nr.", Field::Reference),
    ("Drucksache Nr.", Field::Reference),
    ("Drucksachennummer", Field::Reference),
    ("Drucksache", Field::Reference),
    ("DS-Nr.", Field::Reference),
    ("Antrags-Nr.", Field::Reference),
    ("Antragsnummer", Field::Reference),
    ("Anfrage-Nr.", Field::Reference),
    ("Nummer", Field::Reference),
    ("Eingangsdatum", Field::Received),
    ("Eingegangen am", Field::Received),
    ("Eingang", Field::Received),
    ("Datum", Field::Date),
    ("Absender", Field::Sender),
    ("Antragstellerin", Field::Sender),
    ("Antragsteller", Field::Sender),
    ("Antragstellende", Field::Sender),
    ("Fragestellerin", Field::Sender),
    ("Fragesteller", Field::Sender),
    ("Einreicher", Field::Sender),
    ("Adressatin", Field::Addressee),
    ("Adressat", Field::Addressee),
    ("Empfänger", Field::Addressee),
    ("Beratungsgremium", Field::Committee),
    ("Gremium", Field::Committee),
    ("Sitzungstermin", Field::SessionDate),
    ("Sitzungsdatum", Field::SessionDate),
    ("Kurztitel", Field::Title),
    ("Betreff", Field::Title),
    ("Betr.", Field::Title),
    ("Titel", Field::Title),
    ("Thema", Field::Title),
    ("Gegenstand", Field::Title),
    ("Status", Field::Other),
    ("Zuständigkeit", Field::Other),
    ("Federführung", Field::Other),
];

/// Labels that begin a new cell even inside a line ("Datum 12.03.2020 Nummer F0071/20").
const COLUMNS: [&str; 8] = [
    "Datum",
    "Nummer",
    "Absender",
    "Adressat",
    "Gremium",
    "Sitzungstermin",
    "Kurztitel",
    "Eingang",
];

/// How far past its label a value may stand.
const REACH: usize = 8;

/// The labelled values found.
#[derive(Debug, Default)]
pub(crate) struct Form {
    pub date: Option<NaiveDate>,
    pub received: Option<NaiveDate>,
    pub reference: Option<String>,
    pub sender: Option<String>,
    pub addressee: Vec<String>,
    pub committee: Option<String>,
    pub session_date: Option<NaiveDate>,
    pub title: Option<String>,
    /// Rows in the table of committees ("Gremien Termin TOP …").
    pub rows: usize,
    /// How many labels the head has: many make it a form.
    pub labels: usize,
}

/// A cell of the head: a label (with what follows it on its own cell) or a value.
#[derive(Debug)]
struct Cell {
    label: Option<Field>,
    text: String,
    line: usize,
}

/// Reads the labelled values of the letter head.
pub(crate) fn read(head: &[Line]) -> Form {
    let mut form = Form::default();
    table(head, &mut form);
    let cells = cells(head);
    let mut used = vec![false; cells.len()];
    for (i, cell) in cells.iter().enumerate() {
        let Some(field) = cell.label else { continue };
        form.labels += 1;
        let value = take(&cells, &mut used, i, field);
        let first = value.first().map(String::as_str);
        let date = first.and_then(dates::only);
        match field {
            Field::Date => set(&mut form.date, date),
            Field::Received => set(&mut form.received, date),
            Field::SessionDate => set(&mut form.session_date, date),
            Field::Reference => set(&mut form.reference, first.and_then(reference)),
            Field::Sender => set(&mut form.sender, first.map(str::to_owned)),
            Field::Committee => set(&mut form.committee, first.map(str::to_owned)),
            Field::Title => set(&mut form.title, first.map(|_| value.join(" "))),
            Field::Addressee if form.addressee.is_empty() => form.addressee = value.clone(),
            Field::Addressee | Field::Other => {}
        }
    }
    form
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// The value of the label at `at`: what follows it in its cell, else the
/// next unused cells that fit; text values may run over a few lines.
fn take(cells: &[Cell], used: &mut [bool], at: usize, field: Field) -> Vec<String> {
    let own = cells[at].text.trim();
    if !own.is_empty() {
        return vec![own.to_owned()];
    }
    let lines = match field {
        Field::Addressee | Field::Title => 3,
        Field::Other => return Vec::new(),
        _ => 1,
    };
    let end = cells.len().min(at + 1 + REACH);
    let Some(first) = (at + 1..end).find(|&j| !used[j] && fits(&cells[j], field)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut last_line = cells[first].line;
    for j in first..end {
        let cell = &cells[j];
        let next_line = cell.line == last_line || cell.line == last_line + 1;
        if out.len() == lines || used[j] || !next_line || !fits(cell, field) {
            break;
        }
        used[j] = true;
        last_line = cell.line;
        out.push(cell.text.clone());
    }
    out
}

/// Whether a value cell can be the value of a field.
fn fits(cell: &Cell, field: Field) -> bool {
    if cell.label.is_some() {
        return false;
    }
    let text = cell.text.as_str();
    match field {
        Field::Date | Field::Received | Field::SessionDate => dates::only(text).is_some(),
        Field::Reference => reference(text).is_some(),
        _ => {
            let status = matches!(
                text.to_lowercase().as_str(),
                "öffentlich" | "nichtöffentlich" | "nicht öffentlich" | "offen"
            );
            !status && dates::only(text).is_none() && reference(text).is_none()
        }
    }
}

/// A paper number: "2026/0528", "F0071/20", "DS 18/1234" (the number only).
fn reference(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text
        .strip_prefix("Nr.")
        .unwrap_or(text)
        .trim_start_matches([':', ' ']);
    let words: Vec<&str> = text.split_whitespace().collect();
    let token = match words.as_slice() {
        [one] => one,
        [prefix, one] if prefix.chars().all(char::is_alphabetic) && prefix.len() <= 4 => one,
        _ => return None,
    };
    let token = token.trim_end_matches(['.', ',', ';']);
    let shaped = token.chars().any(|c| c.is_ascii_digit())
        && token
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | '_'));
    (shaped && dates::only(token).is_none()).then(|| token.to_owned())
}

/// The head as cells: columns of each line, split further at labels.
fn cells(head: &[Line]) -> Vec<Cell> {
    let mut out = Vec::new();
    for (line, l) in head.iter().enumerate() {
        for cell in &l.cells {
            split(cell, line, &mut out);
        }
    }
    out
}

/// One column, as a label cell (split again at each further label inside
/// it) or a value cell.
fn split(text: &str, line: usize, out: &mut Vec<Cell>) {
    let mut text = text;
    loop {
        let Some((field, len)) = label_at(text) else {
            out.push(Cell {
                label: None,
                text: text.to_owned(),
                line,
            });
            return;
        };
        let rest = text[len..].trim_start().trim_start_matches(':').trim();
        // A title is never cut; elsewhere a column label inside the value starts a new cell.
        let cut = if field == Field::Title {
            None
        } else {
            rest.match_indices(' ')
                .map(|(i, _)| i + 1)
                .find(|&i| COLUMNS.iter().any(|c| starts_label(&rest[i..], c)))
        };
        let (value, more) = match cut {
            Some(i) => (rest[..i].trim(), Some(&rest[i..])),
            None => (rest, None),
        };
        out.push(Cell {
            label: Some(field),
            text: value.to_owned(),
            line,
        });
        match more {
            Some(more) => text = more,
            None => return,
        }
    }
}

/// Whether `text` starts with a label.
pub(crate) fn is_label(text: &str) -> bool {
    label_at(text).is_some()
}

/// The label `text` starts with, and its length.
fn label_at(text: &str) -> Option<(Field, usize)> {
    LABELS
        .iter()
        .find(|(label, _)| starts_label(text, label))
        .map(|(label, field)| (*field, label.len()))
}

/// Whether `text` starts with the whole word(s) `label`.
fn starts_label(text: &str, label: &str) -> bool {
    text.strip_prefix(label).is_some_and(|after| {
        after.is_empty() || after.starts_with([' ', ':']) || label.ends_with('.')
    })
}

/// "Gremien Termin TOP Ö / N Zuständigkeit" and rows like
/// "Gemeinderat 28.07.2026 49 Ö Kenntnisnahme": the first row is where the
/// paper goes first.
fn table(head: &[Line], form: &mut Form) {
    let Some(at) = head.iter().position(|l| is_table_head(&l.text)) else {
        return;
    };
    for line in &head[at + 1..] {
        let Some(found) = dates::find(&line.text) else {
            break;
        };
        let committee = line.text[..found.start]
            .trim()
            .trim_end_matches([',', ':', '-'])
            .trim();
        form.rows += 1;
        if form.rows == 1 {
            form.committee = (!committee.is_empty()).then(|| committee.to_owned());
            form.session_date = Some(found.date);
        }
    }
}

/// Whether a line heads the table of committees.
pub(crate) fn is_table_head(text: &str) -> bool {
    let first = text.split([' ', ':']).next().unwrap_or_default();
    match first {
        "Beratungsfolge" => true,
        "Gremium" | "Gremien" => {
            let lower = text.to_lowercase();
            lower.contains("termin") || lower.contains("datum")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::lines::clean;

    #[test]
    fn reads_labels_in_any_layout() {
        let head = clean(
            "Anfrage\nDatum      Nummer\nöffentlich\n12.03.2020   F0071/20\nAbsender\nFraktion X\n\
             Adressat\nOberbürgermeister\nHerrn Dr. Jens Hartmann\nGremium\nSitzungstermin\n\
             Stadtrat\n19.03.2020\nKurztitel\nSanierung der Brücke\nStellungnahme der Verwaltung: offen",
        );
        let form = read(&head);
        assert_eq!(form.date, NaiveDate::from_ymd_opt(2020, 3, 12));
        assert_eq!(form.reference.as_deref(), Some("F0071/20"));
        assert_eq!(form.sender.as_deref(), Some("Fraktion X"));
        assert_eq!(
            form.addressee,
            ["Oberbürgermeister", "Herrn Dr. Jens Hartmann"]
        );
        assert_eq!(form.committee.as_deref(), Some("Stadtrat"));
        assert_eq!(form.session_date, NaiveDate::from_ymd_opt(2020, 3, 19));
        assert_eq!(form.title.as_deref(), Some("Sanierung der Brücke"));
    }

    #[test]
    fn splits_labels_on_one_line() {
        let form = read(&clean(
            "Datum 12.03.2020 Nummer F0071/20\nVorlage Nr.: 2026/0528",
        ));
        assert_eq!(form.date, NaiveDate::from_ymd_opt(2020, 3, 12));
        assert_eq!(form.reference.as_deref(), Some("F0071/20"));
    }

    #[test]
    fn reads_the_committee_table() {
        let form = read(&clean(
            "Gremien Termin TOP Ö / N Zuständigkeit\nGemeinderat 28.07.2026 49 Ö Kenntnisnahme",
        ));
        assert_eq!(form.committee.as_deref(), Some("Gemeinderat"));
        assert_eq!(form.session_date, NaiveDate::from_ymd_opt(2026, 7, 28));
        assert_eq!(form.rows, 1);
    }
}

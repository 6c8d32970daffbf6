//! Cleaning extracted text into lines: markup, odd whitespace and page
//! furniture go; the layout hints later steps need (indentation, columns,
//! emphasis) stay.

/// One line of the letter after cleaning.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Line {
    /// The words, separated by single spaces; empty for a blank line.
    pub text: String,
    /// Leading spaces before cleaning, a tab counting four: an indented
    /// line continues the list item above it.
    pub indent: usize,
    /// Pieces separated by two or more spaces: flattened tables and
    /// side-by-side signatures keep their columns that way.
    pub cells: Vec<String>,
    /// Bold or a heading, as titles often are.
    pub emphasis: bool,
}

impl Line {
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// The letter as cleaned lines, page furniture removed.
pub(crate) fn clean(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    // Set when a page break cut a sentence: the blank lines around the
    // break are layout, not the end of a paragraph.
    let mut mend = false;
    // Inside "**…**" that spans lines.
    let mut bold = false;
    // Whether the last line with text stops mid-sentence.
    let mut cut = false;
    for raw in text.lines() {
        for (n, piece) in raw.split('\u{c}').enumerate() {
            let line = read(piece, &mut bold);
            let furniture = is_furniture(&line.text);
            // A form feed before this piece, or a page number: a page break.
            if (n > 0 || furniture) && cut {
                while out.last().is_some_and(Line::is_blank) {
                    out.pop();
                }
                mend = true;
            }
            if furniture {
                continue;
            }
            if !line.is_blank() {
                mend = false;
                cut = !ends_sentence(&line.text);
                out.push(line);
            } else if !mend {
                out.push(line);
            }
        }
    }
    out
}

/// One raw line, cleaned; `bold` says a bold span is open, before and after.
fn read(raw: &str, bold: &mut bool) -> Line {
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\t' => s.push_str("    "),
            // Soft hyphens, zero-width characters and byte order marks are
            // invisible in the source and only break words here.
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            c if c.is_whitespace() => s.push(' '),
            c if c.is_control() => {}
            c => s.push(c),
        }
    }
    let mut emphasis = *bold;
    if s.contains("**") {
        emphasis |= s.trim_start().starts_with("**");
        if s.matches("**").count() % 2 == 1 {
            *bold = !*bold;
        }
        s = s.replace("**", "");
    }
    if s.trim().is_empty() {
        // Bold never spans paragraphs; an unclosed marker ends here.
        *bold = false;
    }
    let indent = s.len() - s.trim_start().len();
    let mut body = s.trim();
    if let Some(rest) = heading(body) {
        emphasis = true;
        body = rest;
    }
    if is_rule(body) {
        return Line::default();
    }
    let cells: Vec<String> = body
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect();
    Line {
        text: cells.join(" "),
        indent,
        cells,
        emphasis,
    }
}

/// The text of a Markdown heading ("## Titel").
fn heading(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches('#');
    let hashes = text.len() - rest.len();
    ((1..=6).contains(&hashes) && rest.starts_with(' ')).then(|| rest.trim())
}

/// A horizontal rule: "-----", "_____", "***".
fn is_rule(text: &str) -> bool {
    text.chars().count() >= 3
        && text
            .chars()
            .all(|c| matches!(c, '-' | '_' | '*' | '=' | '~' | '─' | '—' | ' '))
}

/// Page numbers and printer's notes: "Seite 1 von 2", "-- 1 of 1 --",
/// "- 2 -", "Gedruckt auf 100 Prozent Recyclingpapier".
pub(crate) fn is_furniture(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.starts_with("gedruckt auf") && lower.contains("papier") {
        return true;
    }
    let dash = |c: char| matches!(c, '-' | '–' | '—');
    let dashed = lower.starts_with(dash) && lower.ends_with(dash);
    let core = lower.trim_matches(|c: char| dash(c) || c == ' ');
    let words: Vec<&str> = core.split_whitespace().collect();
    let num = |w: &str| (1..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let slashed = |w: &str| w.split_once('/').is_some_and(|(a, b)| num(a) && num(b));
    match words.as_slice() {
        ["seite" | "page", n] => num(n) || slashed(n),
        ["seite", n, "von", m] | ["page", n, "of", m] | [n, "of" | "von", m] => num(n) && num(m),
        [n] => dashed && num(n),
        _ => false,
    }
}

/// Whether a text ends a sentence (or a clause that a list or a heading
/// continues), closing quotes aside.
pub(crate) fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '“', '”', '«', '»', '\'', '’'])
        .ends_with(['.', '?', '!', ':', ';'])
}

/// Runs of non-blank lines, as (index of the first line, text joined).
pub(crate) fn paragraphs(lines: &[Line]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.is_blank(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((s, join(lines[s..i].iter().map(|l| l.text.as_str()))));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, join(lines[s..].iter().map(|l| l.text.as_str()))));
    }
    out
}

/// Lines of one paragraph as one line. A word hyphenated at a line end is
/// mended ("Integrations-" + "management"), a hyphen that stands for a
/// shared word part is kept ("Haupt- und Finanzausschuss").
pub(crate) fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(part);
        } else if broken_word(&out, part) {
            if part.starts_with(char::is_lowercase) {
                out.pop();
            }
            out.push_str(part);
        } else {
            out.push(' ');
            out.push_str(part);
        }
    }
    out
}

/// Whether `before` ends in a word cut by a hyphen that `next` completes.
fn broken_word(before: &str, next: &str) -> bool {
    let mut tail = before.chars().rev();
    let cut = tail.next() == Some('-') && tail.next().is_some_and(char::is_alphabetic);
    let first = next.split_whitespace().next().unwrap_or_default();
    cut && !matches!(
        first,
        "und" | "oder" | "bzw." | "sowie" | "als" | "wie" | "bis"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        clean(text).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn strips_markup_and_keeps_columns() {
        let lines =
            clean("**Titel**  \n\tMarc Klein     Detlef Rujanski\n## Kopf\n**Lang\nzwei**\nnormal");
        assert_eq!(lines[0].text, "Titel");
        assert!(lines[0].emphasis);
        assert_eq!(lines[1].indent, 4);
        assert_eq!(lines[1].cells, ["Marc Klein", "Detlef Rujanski"]);
        assert_eq!(lines[2].text, "Kopf");
        assert!(lines[2].emphasis);
        assert!(lines[3].emphasis && lines[4].emphasis && !lines[5].emphasis);
    }

    #[test]
    fn drops_furniture_and_mends_a_cut_sentence() {
        assert_eq!(
            texts(
                "Wie viele Stellen gibt es in der\n\nSeite 1 von 2\n\nStadt?\n\n-- 1 of 1 --\n\nEnde."
            ),
            [
                "Wie viele Stellen gibt es in der",
                "Stadt?",
                "",
                "",
                "Ende."
            ]
        );
        assert!(is_furniture("Gedruckt auf 100 Prozent Recyclingpapier"));
        assert!(is_furniture("- 2 -"));
        assert!(!is_furniture("2"));
        assert!(!is_furniture("Seite an Seite"));
    }

    #[test]
    fn joins_broken_words() {
        assert_eq!(
            join(["Integrations-", "management"]),
            "Integrationsmanagement"
        );
        assert_eq!(join(["KIM-", "Bausteine"]), "KIM-Bausteine");
        assert_eq!(
            join(["Haupt-", "und Finanzausschuss"]),
            "Haupt- und Finanzausschuss"
        );
        assert_eq!(join(["a", " ", "b"]), "a b");
    }
}

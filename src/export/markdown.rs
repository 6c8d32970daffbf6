//! The report as Markdown.

use super::doc::{Block, Doc};

/// Data text made literal in Markdown: no stray emphasis, links, HTML,
/// headings or lists.
fn escape(text: &str) -> String {
    // Control characters become visible: nothing raw reaches a terminal.
    let text = crate::text::block(text);
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let mut out = String::with_capacity(line.len() + 4);
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                // `&` only where it could start an entity ("&amp;"): "1 & 2"
                // stays as typed.
                let entity = c == '&'
                    && chars
                        .peek()
                        .is_some_and(|n| n.is_alphanumeric() || *n == '#');
                if entity
                    || matches!(
                        c,
                        '\\' | '*' | '_' | '`' | '~' | '[' | ']' | '<' | '>' | '|' | '#'
                    )
                {
                    out.push('\\');
                }
                out.push(c);
            }
            let indent = out.len() - out.trim_start().len();
            let rest = &out[indent..];
            if rest.starts_with(['-', '+']) {
                out.insert(indent, '\\');
            } else if let Some(digits) = rest.find(". ")
                && digits > 0
                && rest[..digits].chars().all(|c| c.is_ascii_digit())
            {
                out.insert(indent + digits, '\\');
            }
            out
        })
        .collect();
    lines.join("\n")
}

/// Keeps paragraphs; single line breaks become hard breaks.
fn block_text(text: &str) -> String {
    escape(text)
        .split("\n\n")
        .map(|paragraph| paragraph.replace('\n', "  \n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The document as Markdown.
pub fn markdown(doc: &Doc) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Letterhead { from, side } => {
                let mut lines: Vec<String> = from.iter().map(|l| escape(l)).collect();
                if let Some(first) = lines.first_mut() {
                    *first = format!("**{first}**");
                }
                lines.extend(side.iter().map(|l| escape(l)));
                out.push_str(&format!("{}\n", lines.join("  \n")));
            }
            Block::Address(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                out.push_str(&format!("{}\n", lines.join("  \n")));
            }
            Block::Title(title) => out.push_str(&format!("# {}\n", escape(title))),
            Block::Lead { strong, plain } if plain.is_empty() => {
                out.push_str(&format!("**{}**\n", escape(strong)));
            }
            Block::Lead { strong, plain } => {
                out.push_str(&format!("**{}**  \n{}\n", escape(strong), escape(plain)));
            }
            Block::Meta(text) | Block::Text(text) => {
                out.push_str(&format!("{}\n", block_text(text)))
            }
            Block::Heading(level, text) => {
                let marks = "#".repeat(usize::from(*level));
                out.push_str(&format!("{marks} {}\n", escape(text)));
            }
            Block::Labelled { label, text }
            | Block::Answer { label, text }
            | Block::Draft { label, text } => {
                out.push_str(&format!("*{}:*  \n{}\n", escape(label), block_text(text)));
            }
            Block::Question {
                label,
                number,
                text,
            } => out.push_str(&format!(
                "**{} {}:** {}\n",
                escape(label),
                escape(number),
                escape(text)
            )),
            Block::Open(text) => out.push_str(&format!("> **{}**\n", escape(text))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn data_cannot_become_markdown() {
        assert_eq!(
            escape("*fett* _kursiv_ [Link](x) <b>"),
            "\\*fett\\* \\_kursiv\\_ \\[Link\\](x) \\<b\\>"
        );
        assert_eq!(
            escape("# Kein Titel\n- keine Liste\n1. keine Nummer\nC:\\Pfad"),
            "\\# Kein Titel\n\\- keine Liste\n1\\. keine Nummer\nC:\\\\Pfad"
        );
    }
}

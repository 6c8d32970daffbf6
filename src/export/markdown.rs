//! The report as Markdown.

use super::{Report, Standing, motion_byline, motion_heading, session_line, standing};
use crate::i18n::Texts;
use crate::model::Motion;

/// Data text made literal in Markdown: no stray emphasis, links, HTML,
/// headings or lists.
fn escape(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let mut out = String::with_capacity(line.len() + 4);
            for c in line.chars() {
                if matches!(
                    c,
                    '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#'
                ) {
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
fn block(text: &str) -> String {
    escape(text)
        .split("\n\n")
        .map(|paragraph| paragraph.replace('\n', "  \n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The whole report.
pub fn markdown(report: &Report, texts: &dyn Texts) -> String {
    let words = texts.report();
    let mut out = String::new();
    let session = report.session;
    let (done, all) = report.progress();
    out.push_str(&format!("# {}\n\n", words.title));
    out.push_str(&format!(
        "**{}**  \n{}\n\n",
        escape(&session.committee),
        escape(&session_line(session, texts))
    ));
    out.push_str(&format!("{}\n", texts.as_of(report.today, done, all)));
    for (item, motions) in &report.items {
        out.push_str(&format!(
            "\n## {}: {}\n",
            texts.agenda_item(&escape(&item.number)),
            escape(&item.title)
        ));
        for motion in motions {
            write_motion(&mut out, motion, texts, "###");
        }
    }
    if !report.not_on_agenda.is_empty() {
        out.push_str(&format!("\n## {}\n", capitalise(texts.not_on_agenda())));
        for motion in &report.not_on_agenda {
            write_motion(&mut out, motion, texts, "###");
        }
    }
    if report.items.is_empty() && report.not_on_agenda.is_empty() {
        out.push_str(&format!("\n{}\n", words.nothing));
    }
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn write_motion(out: &mut String, motion: &Motion, texts: &dyn Texts, level: &str) {
    let labels = texts.labels();
    let words = texts.report();
    out.push_str(&format!(
        "\n{level} {}\n\n",
        escape(&motion_heading(motion))
    ));
    if let Some(byline) = motion_byline(motion, texts) {
        out.push_str(&format!("{}\n\n", escape(&byline)));
    }
    if motion.questions.is_empty() {
        out.push_str(&format!("{}\n", words.no_questions));
    }
    for question in &motion.questions {
        out.push_str(&format!(
            "**{} {}:** {}\n\n",
            labels.question,
            escape(&question.number),
            escape(&question.text)
        ));
        let answer = question.answer.as_deref().filter(|a| !a.trim().is_empty());
        match (standing(question), answer) {
            (Standing::Answered, Some(answer)) => {
                out.push_str(&format!("*{}:*  \n{}\n\n", labels.answer, block(answer)));
            }
            (Standing::InProgress, Some(draft)) => {
                out.push_str(&format!("> **{}**\n\n", words.open_in_progress));
                out.push_str(&format!("*{}:*  \n{}\n\n", words.draft, block(draft)));
            }
            (Standing::InProgress, None) => {
                out.push_str(&format!("> **{}**\n\n", words.open_in_progress))
            }
            (Standing::AnsweredWithoutText, _) => {
                out.push_str(&format!("> **{}**\n\n", words.open_no_text));
            }
            _ => out.push_str(&format!("> **{}**\n\n", words.open)),
        }
    }
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

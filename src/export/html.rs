//! The report as one self-contained HTML page that prints well on A4.
//! Everything from the data is escaped: `<script>` shows as text.

use html_escape::encode_text;

use super::{Report, Standing, motion_byline, motion_heading, session_line, standing};
use crate::i18n::Texts;
use crate::model::Motion;

const STYLE: &str = "\
@page { size: A4; margin: 2cm 2cm 2.2cm 2.5cm; }
body { font-family: \"Segoe UI\", \"Liberation Sans\", Arial, sans-serif; font-size: 11pt;
  line-height: 1.45; color: #111; max-width: 17cm; margin: 2em auto; }
h1 { font-size: 18pt; margin: 0 0 .2em; }
h2 { font-size: 13pt; margin: 1.6em 0 .4em; border-bottom: 1px solid #999; }
h3 { font-size: 11.5pt; margin: 1.2em 0 .2em; }
.session { margin: 0 0 .4em; } .session b { font-size: 12pt; }
.meta, .byline { color: #444; font-size: 10pt; }
.question { margin: .8em 0; break-inside: avoid; page-break-inside: avoid; }
.answer { margin: .3em 0 0 1.2em; }
.open { margin: .3em 0 0 1.2em; padding: .2em .5em; border: 2px solid #b00000;
  color: #b00000; font-weight: bold; display: inline-block; }
.draft { margin: .3em 0 0 1.2em; color: #555; font-style: italic; }
p { margin: .2em 0; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
";

/// Text as paragraphs, line breaks kept, everything escaped.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|p| {
            format!(
                "<p>{}</p>",
                encode_text(p.trim_matches('\n')).replace('\n', "<br>")
            )
        })
        .collect::<Vec<_>>()
        .join("")
}

/// The whole report.
pub fn html(report: &Report, texts: &dyn Texts) -> String {
    let words = texts.report();
    let session = report.session;
    let (done, all) = report.progress();
    let mut body = String::new();
    body.push_str(&format!("<h1>{}</h1>\n", encode_text(words.title)));
    body.push_str(&format!(
        "<p class=\"session\"><b>{}</b><br>{}</p>\n",
        encode_text(&session.committee),
        encode_text(&session_line(session, texts))
    ));
    body.push_str(&format!(
        "<p class=\"meta\">{}</p>\n",
        encode_text(&texts.as_of(report.today, done, all))
    ));
    for (item, motions) in &report.items {
        body.push_str(&format!(
            "<h2>{}: {}</h2>\n",
            encode_text(&texts.agenda_item(&item.number)),
            encode_text(&item.title)
        ));
        for motion in motions {
            write_motion(&mut body, motion, texts);
        }
    }
    if !report.not_on_agenda.is_empty() {
        let heading = texts.not_on_agenda();
        let mut chars = heading.chars();
        let heading: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        body.push_str(&format!("<h2>{}</h2>\n", encode_text(&heading)));
        for motion in &report.not_on_agenda {
            write_motion(&mut body, motion, texts);
        }
    }
    if report.items.is_empty() && report.not_on_agenda.is_empty() {
        body.push_str(&format!("<p>{}</p>\n", encode_text(words.nothing)));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} – {} {}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        words.lang,
        encode_text(words.title),
        encode_text(&session.committee),
        crate::dates::date(session.date),
    )
}

fn write_motion(out: &mut String, motion: &Motion, texts: &dyn Texts) {
    let labels = texts.labels();
    let words = texts.report();
    out.push_str(&format!(
        "<h3>{}</h3>\n",
        encode_text(&motion_heading(motion))
    ));
    if let Some(byline) = motion_byline(motion, texts) {
        out.push_str(&format!(
            "<p class=\"byline\">{}</p>\n",
            encode_text(&byline)
        ));
    }
    if motion.questions.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", encode_text(words.no_questions)));
    }
    for question in &motion.questions {
        out.push_str("<div class=\"question\">\n");
        out.push_str(&format!(
            "<p><b>{} {}:</b> {}</p>\n",
            encode_text(labels.question),
            encode_text(&question.number),
            encode_text(&question.text)
        ));
        let answer = question.answer.as_deref().filter(|a| !a.trim().is_empty());
        let open = |text: &str| format!("<div class=\"open\">{}</div>\n", encode_text(text));
        match (standing(question), answer) {
            (Standing::Answered, Some(answer)) => {
                out.push_str(&format!(
                    "<div class=\"answer\">{}</div>\n",
                    paragraphs(answer)
                ));
            }
            (Standing::InProgress, Some(draft)) => {
                out.push_str(&open(words.open_in_progress));
                out.push_str(&format!(
                    "<div class=\"draft\"><p>{}:</p>{}</div>\n",
                    encode_text(words.draft),
                    paragraphs(draft)
                ));
            }
            (Standing::InProgress, None) => out.push_str(&open(words.open_in_progress)),
            (Standing::AnsweredWithoutText, _) => out.push_str(&open(words.open_no_text)),
            _ => out.push_str(&open(words.open)),
        }
        out.push_str("</div>\n");
    }
}

//! The document as one self-contained HTML page that prints well on A4,
//! with the letterhead on top and page numbers in the print footer.
//! Everything from the data is escaped: `<script>` shows as text, control
//! characters as visible symbols.

use super::doc::{Block, Doc, paragraphs};

const STYLE: &str = "\
body { font-family: \"Segoe UI\", \"Liberation Sans\", Arial, sans-serif; font-size: 11pt;
  line-height: 1.45; color: var(--text); max-width: 17cm; margin: 2em auto; }
h1 { font-size: 18pt; margin: .6em 0 .2em; }
h2 { font-size: 13pt; margin: 1.6em 0 .4em; border-bottom: 1px solid var(--rule); }
h3 { font-size: 11.5pt; margin: 1.2em 0 .2em; }
.letterhead { display: flex; justify-content: space-between; gap: 2em;
  border-bottom: 1px solid var(--rule); padding-bottom: .4em; margin-bottom: 1.2em; font-size: 10pt; }
.letterhead .from b { font-size: 12pt; } .letterhead .side { text-align: right; }
.address { margin: 0 0 1.6em; }
.lead { margin: 0 0 .4em; } .lead b { font-size: 12pt; }
.meta { color: var(--dim); font-size: 10pt; }
.label { font-style: italic; margin-top: .4em; }
.question { margin: .8em 0 .2em; break-after: avoid; page-break-after: avoid; }
.answer { margin: .3em 0 0 1.2em; break-before: avoid; }
.open { margin: .3em 0 0 1.2em; padding: .2em .5em; border: 2px solid var(--error);
  color: var(--error); font-weight: bold; display: inline-block; }
.draft { margin: .3em 0 0 1.2em; color: var(--dim); font-style: italic; }
p { margin: .2em 0; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } }
";

/// Data text, escaped, control characters made visible.
fn text(value: &str) -> String {
    html_escape::encode_text(&crate::text::block(value)).into_owned()
}

/// Text as paragraphs, line breaks kept, everything escaped.
fn paras(value: &str) -> String {
    paragraphs(value)
        .into_iter()
        .map(|p| format!("<p>{}</p>", text(p).replace('\n', "<br>")))
        .collect()
}

fn lines(values: &[String]) -> String {
    values
        .iter()
        .map(|l| text(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The document as a web page.
pub fn html(doc: &Doc) -> String {
    let mut body = String::new();
    for block in &doc.blocks {
        let html = match block {
            Block::Letterhead { from, side } => {
                let mut from = from.iter();
                let first = from.next().map(|l| format!("<b>{}</b>", text(l)));
                let rest: Vec<String> = from.map(|l| text(l)).collect();
                let from: Vec<String> = first.into_iter().chain(rest).collect();
                format!(
                    "<header class=\"letterhead\"><div class=\"from\">{}</div><div class=\"side\">{}</div></header>",
                    from.join("<br>"),
                    lines(side)
                )
            }
            Block::Address(to) => format!("<p class=\"address\">{}</p>", lines(to)),
            Block::Title(title) => format!("<h1>{}</h1>", text(title)),
            Block::Lead { strong, plain } if plain.is_empty() => {
                format!("<p class=\"lead\"><b>{}</b></p>", text(strong))
            }
            Block::Lead { strong, plain } => format!(
                "<p class=\"lead\"><b>{}</b><br>{}</p>",
                text(strong),
                text(plain)
            ),
            Block::Meta(value) => format!("<p class=\"meta\">{}</p>", text(value)),
            Block::Heading(level, value) => format!("<h{level}>{}</h{level}>", text(value)),
            Block::Labelled { label, text: value } => {
                format!("<p class=\"label\">{}:</p>{}", text(label), paras(value))
            }
            Block::Question {
                label,
                number,
                text: value,
            } => format!(
                "<p class=\"question\"><b>{} {}:</b> {}</p>",
                text(label),
                text(number),
                text(value)
            ),
            Block::Answer { text: value, .. } => {
                format!("<div class=\"answer\">{}</div>", paras(value))
            }
            Block::Open(value) => format!("<div class=\"open\">{}</div>", text(value)),
            Block::Draft { label, text: value } => format!(
                "<div class=\"draft\"><p>{}:</p>{}</div>",
                text(label),
                paras(value)
            ),
            Block::Text(value) => paras(value),
        };
        body.push_str(&html);
        body.push('\n');
    }
    // Every colour from the theme (see `theme::Palette::inks`).
    let inks = crate::theme::palette().inks();
    let colours = format!(
        ":root {{ --text: {}; --dim: {}; --rule: {}; --error: {}; }}\n",
        inks.text, inks.dim, inks.rule, inks.error
    );
    // Page numbers in the print footer: "Seite 2 von 5". The words are
    // the program's own, never data.
    let page = format!(
        "@page {{ size: A4; margin: 2cm 2cm 2.2cm 2.5cm;\n  @bottom-center {{ content: \"{} \" counter(page) \" {} \" counter(pages); font-size: 9pt; color: {}; }} }}\n",
        doc.page, doc.of, inks.dim
    );
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{colours}{page}{}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        doc.lang,
        text(&doc.name),
        STYLE,
    )
}

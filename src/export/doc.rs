//! A document as blocks, before it is Markdown, HTML or Word: the report
//! and the answer letter are built once, each format only lays it out.
//! Every text in a block is data as written; the formats escape it.

/// One piece of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The sender (issuer first, set off), and on the other side the
    /// date, number and the like.
    Letterhead {
        from: Vec<String>,
        side: Vec<String>,
    },
    /// Whom a letter goes to, line by line.
    Address(Vec<String>),
    Title(String),
    /// A line set off in bold, then a plain one under it.
    Lead {
        strong: String,
        plain: String,
    },
    /// A small grey line: as of when, submitted by whom.
    Meta(String),
    /// A heading: 2 for an agenda item, 3 for a motion.
    Heading(u8, String),
    /// Text under a label of its own: "Beschlussvorschlag", "Begründung".
    Labelled {
        label: String,
        text: String,
    },
    /// A numbered question.
    Question {
        label: String,
        number: String,
        text: String,
    },
    /// The answer to the question before it.
    Answer {
        label: String,
        text: String,
    },
    /// A question without an answer, marked.
    Open(String),
    /// A draft answer, shown only in the working version.
    Draft {
        label: String,
        text: String,
    },
    /// Plain text; blank lines part paragraphs.
    Text(String),
}

/// A whole document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// Its language, as HTML's `lang`.
    pub lang: &'static str,
    /// The day it is made: the date in the letterhead and the file's
    /// properties.
    pub date: chrono::NaiveDate,
    /// The title a browser tab or file property shows.
    pub name: String,
    pub blocks: Vec<Block>,
    /// The words before the page number in the footer ("Seite").
    pub page: &'static str,
    /// Between page number and page count ("von").
    pub of: &'static str,
}

/// The paragraphs of a text: parted by blank lines, trimmed, none empty.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(|p| p.trim_matches('\n'))
        .filter(|p| !p.trim().is_empty())
        .collect()
}

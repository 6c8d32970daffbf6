//! The body of a letter: proposal, rationale and questions, told apart by
//! headings, the sentence before a list, and the shape of the list.

use super::lines::{self, Line};
use super::lists::{self, Style};
use super::sections::{self, Section};

/// What the body says.
#[derive(Debug, Default)]
pub(crate) struct Body {
    pub proposal: Vec<String>,
    pub rationale: Vec<String>,
    pub questions: Vec<(String, String)>,
    /// The rationale includes paragraphs found after the questions without a heading.
    pub rationale_guessed: bool,
    /// A list became questions only because the letter is an inquiry.
    pub questions_guessed: bool,
    /// With neither headings nor lists, the body's paragraphs became the proposal.
    pub proposal_guessed: bool,
}

/// A piece of the body.
#[derive(Debug)]
enum Block {
    Heading(Section),
    Paragraph(String),
    List(Vec<Item>),
}

/// One list item, its sub-items and wrapped lines included.
#[derive(Debug)]
struct Item {
    style: Style,
    number: String,
    /// The marker as written ("1.", "-"), to quote the item in prose.
    mark: String,
    indent: usize,
    parts: Vec<String>,
}

impl Item {
    fn text(&self) -> String {
        lines::join(self.parts.iter().map(String::as_str))
    }

    fn quoted(&self) -> String {
        format!("{} {}", self.mark, self.text())
    }

    fn ends_sentence(&self) -> bool {
        self.parts.last().is_some_and(|p| lines::ends_sentence(p))
    }
}

/// What a body line is, worked out once per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind<'a> {
    Blank,
    /// A section heading, and any text after its colon.
    Heading(Section, &'a str),
    Marker(lists::Marker<'a>),
    Plain,
}

/// Reads the body. `lead` is the paragraph just before it (the header's
/// last, when no salutation opens the body); `inquiry` says the letter is
/// an Anfrage, whose lists are questions unless said otherwise.
pub(crate) fn read(body: &[Line], lead: Option<&str>, inquiry: bool) -> Body {
    let mut out = Body::default();
    let mut section = Section::Intro;
    let mut before = lead.map(str::to_owned);
    let mut after_list = false;
    let mut bullets = 0;
    let blocks = blocks(body);
    if blocks.iter().all(|b| matches!(b, Block::Paragraph(_))) {
        // A plain letter ("hiermit rege ich an, …"): what it asks for is its text.
        out.proposal = blocks
            .into_iter()
            .filter_map(|b| match b {
                Block::Paragraph(text) if !sections::is_courtesy(&text) => Some(text),
                _ => None,
            })
            .collect();
        out.proposal_guessed = !out.proposal.is_empty();
        return out;
    }
    for block in blocks {
        match block {
            Block::Heading(s) => {
                section = s;
                before = None;
                after_list = false;
            }
            Block::Paragraph(text) => {
                // Outside a proposal the sentence before the questions is
                // framing; inside one it is part of what is proposed.
                if section != Section::Proposal && sections::introduces_questions(&text) {
                    // "… berichtet. Wir bitten um Beantwortung folgender
                    // Fragen:" ends a rationale; the reasons before stay.
                    if matches!(section, Section::Preamble | Section::Rationale) {
                        let (reasons, _) = sections::split_last_sentence(&text);
                        if !reasons.is_empty() {
                            out.rationale.push(reasons.to_owned());
                        }
                    }
                    section = Section::Questions;
                    after_list = false;
                } else {
                    match section {
                        Section::Proposal => out.proposal.push(text.clone()),
                        Section::Preamble | Section::Rationale => out.rationale.push(text.clone()),
                        Section::Intro | Section::Questions => {
                            if after_list && !sections::is_courtesy(&text) {
                                out.rationale.push(text.clone());
                                out.rationale_guessed = true;
                            }
                        }
                    }
                }
                before = Some(text);
            }
            Block::List(items) => {
                let introduced = before
                    .as_deref()
                    .is_some_and(sections::introduces_questions);
                let asking =
                    2 * items.iter().filter(|i| i.text().contains('?')).count() >= items.len();
                let questions = match section {
                    Section::Questions => true,
                    Section::Proposal => introduced || asking,
                    Section::Intro => introduced || asking || inquiry,
                    Section::Preamble | Section::Rationale => false,
                };
                if questions {
                    out.questions_guessed |= section == Section::Intro && !(introduced || asking);
                    let mut numbered = Vec::new();
                    for item in &items {
                        let number = if item.style == Style::Bullet {
                            bullets += 1;
                            bullets.to_string()
                        } else {
                            item.number.clone()
                        };
                        numbered.push((number, item.text()));
                    }
                    out.questions.extend(under_headings(numbered));
                } else {
                    let target = match section {
                        Section::Preamble | Section::Rationale => &mut out.rationale,
                        _ => &mut out.proposal,
                    };
                    target.extend(items.iter().map(Item::quoted));
                }
                after_list = true;
                before = None;
            }
        }
    }
    out
}

/// Nested numbering whose upper items are headings ("1. Busverkehr",
/// then "1.1 Wie viele …?"): a heading asks nothing, so it is no question
/// of its own (it would wait for an answer for ever); its words go before
/// each of its questions instead, so that nothing written is lost. An
/// upper item that asks ("1. Wie …? 1.1 …") stays a question.
fn under_headings(items: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut heading: Option<(String, String)> = None;
    for (i, (number, text)) in items.iter().enumerate() {
        let below = |n: &str| n.starts_with(&format!("{number}."));
        let heads = !text.contains('?') && items.get(i + 1).is_some_and(|(n, _)| below(n));
        if heads {
            heading = Some((format!("{number}."), text.clone()));
            continue;
        }
        let text = match &heading {
            Some((prefix, words)) if number.starts_with(prefix.as_str()) => {
                format!("{}: {text}", words.trim_end_matches([':', '.']))
            }
            _ => text.clone(),
        };
        out.push((number.clone(), text));
    }
    out
}

/// The body as headings, paragraphs and lists.
fn blocks(body: &[Line]) -> Vec<Block> {
    let kinds: Vec<Kind> = body.iter().map(kind).collect();
    let ends = run_ends(&kinds);
    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<Item> = Vec::new();
    let mut gap = false;
    for (i, line) in body.iter().enumerate() {
        let text = line.text.as_str();
        match kinds[i] {
            Kind::Blank => {
                flush_paragraph(&mut paragraph, &mut out);
                gap = true;
                continue;
            }
            Kind::Heading(section, rest) => {
                flush_paragraph(&mut paragraph, &mut out);
                flush_list(&mut list, &mut out);
                out.push(Block::Heading(section));
                if !rest.is_empty() {
                    paragraph.push(rest);
                }
            }
            Kind::Marker(marker) => {
                flush_paragraph(&mut paragraph, &mut out);
                let top = list.first().map(|item| item.style);
                match list.last_mut() {
                    Some(item) if is_sub_item(top, item, marker.style, line.indent) => {
                        item.parts.push(text.to_owned());
                    }
                    _ => list.push(Item {
                        style: marker.style,
                        number: marker.number.to_owned(),
                        mark: text.split(' ').next().unwrap_or_default().to_owned(),
                        indent: line.indent,
                        parts: vec![marker.rest.to_owned()],
                    }),
                }
            }
            Kind::Plain => {
                // An open list has no paragraph pending: markers flush it.
                let run = &body[i..=ends[i]];
                match list.last_mut() {
                    Some(item) if continues(item, line, gap, run) => {
                        item.parts.push(text.to_owned());
                    }
                    _ => {
                        flush_list(&mut list, &mut out);
                        paragraph.push(text);
                    }
                }
            }
        }
        gap = false;
    }
    flush_paragraph(&mut paragraph, &mut out);
    flush_list(&mut list, &mut out);
    out
}

fn kind(line: &Line) -> Kind<'_> {
    if line.is_blank() {
        Kind::Blank
    } else if let Some((section, rest)) = sections::heading(&line.text) {
        Kind::Heading(section, rest)
    } else if let Some(marker) = lists::marker(&line.text) {
        Kind::Marker(marker)
    } else {
        Kind::Plain
    }
}

/// For each plain line, the last line of the run of plain lines it starts,
/// so that a run is judged as a whole without scanning it again per line.
fn run_ends(kinds: &[Kind<'_>]) -> Vec<usize> {
    let mut ends = vec![0; kinds.len()];
    let mut end = None;
    for i in (0..kinds.len()).rev() {
        if kinds[i] == Kind::Plain {
            ends[i] = *end.get_or_insert(i);
        } else {
            end = None;
            ends[i] = i;
        }
    }
    ends
}

/// Whether a marker starts a sub-item of `item` rather than an item of its
/// own: marked unlike the list ("a)" inside "1."), or a bullet set deeper.
fn is_sub_item(top: Option<Style>, item: &Item, style: Style, indent: usize) -> bool {
    match top {
        Some(top) if top != style => true,
        Some(Style::Bullet) => indent > item.indent + 1,
        _ => false,
    }
}

/// Whether a plain line continues the list item above it: the item stops
/// mid-sentence on the line before, the line is indented under it, or the
/// lines from here form one more short question ("Wenn ja, mit welchem
/// Ergebnis?"). Anything else is a paragraph after the list.
fn continues(item: &Item, line: &Line, gap: bool, run: &[Line]) -> bool {
    let deeper = line.indent > item.indent;
    let open = !item.ends_sentence();
    // Page breaks inside a sentence are mended while cleaning, so after a
    // blank line an unfinished item ("- Radwege") is simply over.
    (open && !gap) || deeper || is_follow_up(run)
}

/// Whether lines form one short question; reads no further than that.
fn is_follow_up(run: &[Line]) -> bool {
    const WORDS: usize = 30;
    let mut words = 0;
    for line in run {
        words += line.text.split_whitespace().take(WORDS + 1).count();
        if words > WORDS {
            return false;
        }
    }
    run.last().is_some_and(|l| l.text.ends_with('?'))
}

fn flush_paragraph(paragraph: &mut Vec<&str>, out: &mut Vec<Block>) {
    if !paragraph.is_empty() {
        out.push(Block::Paragraph(lines::join(paragraph.drain(..))));
    }
}

fn flush_list(list: &mut Vec<Item>, out: &mut Vec<Block>) {
    if !list.is_empty() {
        out.push(Block::List(std::mem::take(list)));
    }
}

//! The report of a session and the answer letter to one motion, as
//! documents: the working version shows drafts and what is open; the
//! final one only answers, and for the rest what the config says.

use super::doc::{Block, Doc};
use super::{Report, Standing, motion_byline, motion_heading, session_line, standing};
use crate::dates::date;
use crate::i18n::Texts;
use crate::model::{Motion, Session};

/// How a document is made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The version to hand out: answers only, no drafts, nothing internal.
    pub final_version: bool,
    /// Whether a motion shows its proposal and rationale.
    pub proposal_and_rationale: bool,
    /// Instead of a missing answer in the final version; `None`: the
    /// language's own words.
    pub open_final: Option<String>,
    /// The letterhead: issuer, department, contact.
    pub issuer: Option<String>,
    pub department: Option<String>,
    pub contact: Option<String>,
    /// The document's number (Drucksache), if it has one.
    pub number: Option<String>,
}

impl Options {
    /// The options `[report]` in config.toml sets.
    pub fn from_settings(settings: &crate::config::Report) -> Options {
        Options {
            final_version: false,
            proposal_and_rationale: settings.proposal_and_rationale,
            open_final: settings.open_final.clone(),
            issuer: settings.issuer.clone(),
            department: settings.department.clone(),
            contact: settings.contact.clone(),
            number: None,
        }
    }
}

/// The language `[report]` sets.
pub fn language(settings: &crate::config::Report) -> crate::i18n::Lang {
    match settings.language {
        crate::config::ReportLanguage::De => crate::i18n::Lang::De,
        crate::config::ReportLanguage::En => crate::i18n::Lang::En,
    }
}

fn letterhead(options: &Options, today: chrono::NaiveDate, texts: &dyn Texts) -> Option<Block> {
    let words = texts.report();
    let from: Vec<String> = [&options.issuer, &options.department, &options.contact]
        .into_iter()
        .flatten()
        .filter(|l| !l.trim().is_empty())
        .cloned()
        .collect();
    let mut side = vec![date(today)];
    let number = options.number.as_deref().filter(|n| !n.trim().is_empty());
    if let Some(number) = number {
        side.push(format!("{}: {number}", words.number));
    }
    (!from.is_empty() || number.is_some()).then_some(Block::Letterhead { from, side })
}

fn doc(name: String, blocks: Vec<Block>, today: chrono::NaiveDate, texts: &dyn Texts) -> Doc {
    let words = texts.report();
    Doc {
        lang: words.lang,
        date: today,
        name,
        blocks,
        page: words.page,
        of: words.of,
    }
}

/// The report of a session.
pub fn report_doc(report: &Report, options: &Options, texts: &dyn Texts) -> Doc {
    let words = texts.report();
    let session = report.session;
    let mut blocks = Vec::new();
    blocks.extend(letterhead(options, report.today, texts));
    // Said before anything else, so that nobody passes it on unawares.
    let closed: Vec<String> = (report.items.iter())
        .filter(|entry| !entry.item.public)
        .map(|entry| texts.agenda_item(&entry.item.number))
        .collect();
    if !closed.is_empty() {
        let (strong, plain) = words.nonpublic_lead;
        blocks.push(Block::Lead {
            strong: strong.to_string(),
            plain: plain(&closed.join(", ")),
        });
    }
    if !options.final_version {
        blocks.push(Block::Meta(words.working.to_string()));
    }
    blocks.push(Block::Title(words.title.to_string()));
    blocks.push(Block::Lead {
        strong: session.committee.clone(),
        plain: session_line(session, texts),
    });
    if !options.final_version {
        let (done, all) = report.progress();
        blocks.push(Block::Meta(texts.as_of(report.today, done, all)));
    }
    for entry in &report.items {
        let item = entry.item;
        let number = capitalise(&texts.agenda_item(&item.number));
        let mut heading = format!("{number}: {}", item.title);
        if !item.public {
            heading.push_str(&format!(" ({})", words.nonpublic));
        }
        blocks.push(Block::Heading(2, heading));
        for motion in &entry.motions {
            motion_blocks(&mut blocks, motion, options, texts);
        }
        for id in &entry.unreadable {
            blocks.push(Block::Open((words.unreadable)(id)));
        }
    }
    if !report.not_on_agenda.is_empty() {
        blocks.push(Block::Heading(2, capitalise(texts.not_on_agenda())));
        for motion in &report.not_on_agenda {
            motion_blocks(&mut blocks, motion, options, texts);
        }
    }
    if report.items.is_empty() && report.not_on_agenda.is_empty() {
        blocks.push(Block::Text(words.nothing.to_string()));
    }
    let name = format!(
        "{} – {} {}",
        words.title,
        session.committee,
        date(session.date)
    );
    doc(name, blocks, report.today, texts)
}

/// The administration's answer to one motion, addressed to the groups
/// that submitted it; `session` is the one it is answered for.
pub fn letter_doc(
    motion: &Motion,
    session: Option<&Session>,
    today: chrono::NaiveDate,
    options: &Options,
    texts: &dyn Texts,
) -> Doc {
    let words = texts.report();
    let labels = texts.labels();
    let mut blocks = Vec::new();
    blocks.extend(letterhead(options, today, texts));
    if !options.final_version {
        blocks.push(Block::Meta(words.working.to_string()));
    }
    let mut to = Vec::new();
    if !motion.submitters.is_empty() {
        to.push((words.letter_to)(motion.submitters.len()).to_string());
        to.push(motion.submitters.join(", "));
    }
    to.extend(motion.signatories.iter().map(|s| s.name.clone()));
    if !to.is_empty() {
        blocks.push(Block::Address(to));
    }
    blocks.push(Block::Title(words.letter_title.to_string()));
    let submitted = motion.submitted.map(date);
    let subject = (words.letter_subject)(&motion.kind, &motion.title, submitted.as_deref());
    let mut plain = Vec::new();
    if let Some(reference) = &motion.reference {
        plain.push(format!("{} {reference}", words.reference));
    }
    if let Some(s) = session {
        plain.push(format!(
            "{}: {}, {}",
            labels.session,
            s.committee,
            date(s.date)
        ));
    }
    blocks.push(Block::Lead {
        strong: subject,
        plain: plain.join(" · "),
    });
    blocks.push(Block::Text(words.salutation.to_string()));
    blocks.push(Block::Text((words.letter_intro)(&motion.kind)));
    question_blocks(&mut blocks, motion, options, texts);
    let mut closing = words.closing.to_string();
    if let Some(issuer) = options.issuer.as_deref().filter(|i| !i.trim().is_empty()) {
        closing.push_str(&format!("\n\n{issuer}"));
    }
    blocks.push(Block::Text(closing));
    let name = format!("{} – {}", words.letter_title, motion.title);
    doc(name, blocks, today, texts)
}

fn motion_blocks(blocks: &mut Vec<Block>, motion: &Motion, options: &Options, texts: &dyn Texts) {
    let labels = texts.labels();
    blocks.push(Block::Heading(3, motion_heading(motion)));
    if let Some(byline) = motion_byline(motion, texts) {
        blocks.push(Block::Meta(byline));
    }
    // Withdrawn, postponed, done: said. A withdrawn motion owes no
    // answer; a done one keeps the answers it was given.
    if motion.state != crate::model::MotionState::Active {
        blocks.push(Block::Meta(texts.motion_state(motion.state).to_string()));
    }
    if motion.state == crate::model::MotionState::Withdrawn {
        return;
    }
    if options.proposal_and_rationale {
        let parts = [
            (labels.proposal, &motion.proposal),
            (labels.rationale, &motion.rationale),
        ];
        for (label, text) in parts {
            if let Some(text) = text.as_deref().filter(|t| !t.trim().is_empty()) {
                blocks.push(Block::Labelled {
                    label: label.to_string(),
                    text: text.to_string(),
                });
            }
        }
    }
    question_blocks(blocks, motion, options, texts);
}

fn question_blocks(blocks: &mut Vec<Block>, motion: &Motion, options: &Options, texts: &dyn Texts) {
    let labels = texts.labels();
    let words = texts.report();
    if motion.questions.is_empty() {
        blocks.push(Block::Text(words.no_questions.to_string()));
    }
    for question in &motion.questions {
        blocks.push(Block::Question {
            label: labels.question.to_string(),
            number: question.number.clone(),
            text: question.text.clone(),
        });
        let answer = question.answer.clone().filter(|a| !a.trim().is_empty());
        let open = |text: &str| Block::Open(text.to_string());
        match (standing(question), answer) {
            (Standing::Answered, Some(text)) => blocks.push(Block::Answer {
                label: labels.answer.to_string(),
                text,
            }),
            // The final version says only what the committee is told.
            // (An empty sentence set in the config: nothing under it.)
            _ if options.final_version => {
                let text = options.open_final.as_deref().unwrap_or(words.open_final);
                if !text.trim().is_empty() {
                    blocks.push(Block::Answer {
                        label: labels.answer.to_string(),
                        text: text.to_string(),
                    });
                }
            }
            (Standing::InProgress, Some(draft)) => {
                blocks.push(open(words.open_in_progress));
                blocks.push(Block::Draft {
                    label: words.draft.to_string(),
                    text: draft,
                });
            }
            (Standing::InProgress, None) => blocks.push(open(words.open_in_progress)),
            (Standing::AnsweredWithoutText, _) => blocks.push(open(words.open_no_text)),
            // A text begun while the status still says open is shown as the
            // draft it is: the working version hides nothing written.
            (_, Some(draft)) => {
                blocks.push(open(words.open));
                blocks.push(Block::Draft {
                    label: words.draft.to_string(),
                    text: draft,
                });
            }
            _ => blocks.push(open(words.open)),
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

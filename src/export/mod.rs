//! The report of the administration for one session, and its answer to
//! one motion, built from the answers as a document (`build`, `doc`) and
//! laid out as Markdown for further editing, HTML to print, or Word.

mod build;
mod doc;
mod docx;
mod html;
mod markdown;

use chrono::NaiveDate;

use crate::i18n::Texts;
use crate::model::{AgendaItem, Dataset, Motion, Question, Session, Status};
use crate::overview::overview;

pub use build::{Options, language, letter_doc, report_doc};
pub use doc::{Block, Doc};
pub use docx::docx;
pub use html::html;
pub use markdown::markdown;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Html,
    /// A Word document (.docx), for LibreOffice too.
    Docx,
}

impl Format {
    /// The format a file name's extension stands for.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
}

/// What the report holds, in order.
pub struct Report<'a> {
    pub session: &'a Session,
    /// Agenda items that carry motions, in agenda order.
    pub items: Vec<ReportItem<'a>>,
    /// Motions placed at the session but on no agenda item.
    pub not_on_agenda: Vec<&'a Motion>,
    /// The date the report is made ("as of").
    pub today: NaiveDate,
}

/// An agenda item of the report and its motions.
pub struct ReportItem<'a> {
    pub item: &'a AgendaItem,
    pub motions: Vec<&'a Motion>,
    /// Motions the item lists that could not be read (their file has
    /// errors, or is gone): said in the report, never silently left out.
    pub unreadable: Vec<&'a str>,
}

/// How a question stands in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Answered, with an answer text.
    Answered,
    /// Marked answered but without a text: shown as open all the same.
    AnsweredWithoutText,
    /// Being worked on; a draft answer may exist.
    InProgress,
    Open,
}

/// How `question` stands: only an answered question with a text is done.
pub fn standing(question: &Question) -> Standing {
    let has_text = question
        .answer
        .as_deref()
        .is_some_and(|a| !a.trim().is_empty());
    match (question.status, has_text) {
        (Status::Answered, true) => Standing::Answered,
        (Status::Answered, false) => Standing::AnsweredWithoutText,
        (Status::InProgress, _) => Standing::InProgress,
        (Status::Open, _) => Standing::Open,
    }
}

/// Questions with an answer written but not marked answered: a final
/// version calls them open, which the one who makes it must be told.
pub fn unmarked<'m>(motions: impl IntoIterator<Item = &'m Motion>) -> usize {
    motions
        .into_iter()
        .flat_map(|m| &m.questions)
        .filter(|q| matches!(standing(q), Standing::InProgress | Standing::Open))
        .filter(|q| q.answer.as_deref().is_some_and(|a| !a.trim().is_empty()))
        .count()
}

impl Report<'_> {
    /// Every motion of the report, in order.
    pub fn motions(&self) -> impl Iterator<Item = &Motion> {
        self.items
            .iter()
            .flat_map(|item| item.motions.iter().copied())
            .chain(self.not_on_agenda.iter().copied())
    }

    /// Motions listed on the agenda that could not be read.
    pub fn unreadable(&self) -> usize {
        self.items.iter().map(|i| i.unreadable.len()).sum()
    }

    /// Questions done, and all questions.
    pub fn progress(&self) -> (usize, usize) {
        // Withdrawn and done motions wait for no answer: not counted.
        self.motions()
            .filter(|m| m.state.counts())
            .flat_map(|m| &m.questions)
            .fold((0, 0), |(done, all), q| {
                (
                    done + usize::from(standing(q) == Standing::Answered),
                    all + 1,
                )
            })
    }
}

/// The report for the session `id`, or `None` if there is no such session.
/// Items that are not public (and their motions) are left out unless
/// `nonpublic`.
pub fn report<'a>(
    data: &'a Dataset,
    id: &str,
    today: NaiveDate,
    nonpublic: bool,
) -> Option<Report<'a>> {
    let overview = overview(data);
    let placed = overview.sessions.into_iter().find(|s| s.session.id == id)?;
    let session = placed.session;
    let shown = |item: &AgendaItem| item.public || nonpublic;
    // In agenda order, each item with the motions placed on it and those
    // it lists that did not load.
    let mut items: Vec<ReportItem> = session
        .agenda
        .iter()
        .filter(|item| shown(item))
        .map(|item| ReportItem {
            item,
            motions: Vec::new(),
            unreadable: item
                .motions
                .iter()
                .map(String::as_str)
                .filter(|id| data.motion(id).is_none())
                .collect(),
        })
        .collect();
    let mut not_on_agenda = Vec::new();
    for placement in placed.placements {
        match placement.item {
            Some(item) => {
                if let Some(entry) = items.iter_mut().find(|i| std::ptr::eq(i.item, item)) {
                    entry.motions.push(placement.motion);
                }
            }
            None => not_on_agenda.push(placement.motion),
        }
    }
    items.retain(|i| !i.motions.is_empty() || !i.unreadable.is_empty());
    Some(Report {
        session,
        items,
        not_on_agenda,
        today,
    })
}

/// The document in `format`.
pub fn render(doc: &Doc, format: Format) -> Vec<u8> {
    match format {
        Format::Markdown => markdown(doc).into_bytes(),
        Format::Html => html(doc).into_bytes(),
        Format::Docx => docx(doc),
    }
}

/// "Antrag gemäß § 9 GeschO: Titel" or "Anfrage: Titel".
fn motion_heading(motion: &Motion) -> String {
    match &motion.basis {
        Some(basis) => format!("{} ({}): {}", motion.kind, basis, motion.title),
        None => format!("{}: {}", motion.kind, motion.title),
    }
}

/// "CDU, SPD · 19.08.2022": who submitted it and when.
fn motion_byline(motion: &Motion, texts: &dyn Texts) -> Option<String> {
    let labels = texts.labels();
    let mut parts = Vec::new();
    if !motion.submitters.is_empty() {
        parts.push(format!(
            "{}: {}",
            (texts.report().groups)(motion.submitters.len()),
            motion.submitters.join(", ")
        ));
    }
    if let Some(date) = motion.submitted {
        parts.push(format!(
            "{}: {}",
            labels.submitted,
            crate::dates::date(date)
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// "Ausschuss … · 07.09.2022, 17:00 · Rathaus": the session in one line.
fn session_line(session: &Session, texts: &dyn Texts) -> String {
    let mut line = format!(
        "{}, {}",
        texts.weekday_long(chrono::Datelike::weekday(&session.date)),
        crate::dates::date(session.date)
    );
    if let Some(time) = session.time {
        line.push_str(&format!(", {}", time.format("%H:%M")));
    }
    if let Some(place) = &session.location {
        line.push_str(&format!(" · {place}"));
    }
    line
}

/// Writes a report to `path`: a new file, or with `force` over an existing
/// one (atomically). Without `force` an existing file is left alone and the
/// error is `AlreadyExists`.
pub fn write_file(
    path: &std::path::Path,
    bytes: impl AsRef<[u8]>,
    force: bool,
) -> std::io::Result<()> {
    let text = bytes.as_ref();
    if force {
        // Replaced is a file: never a link (its target would stay stale
        // and the link be gone) nor a device.
        if let Ok(meta) = std::fs::symlink_metadata(path)
            && !meta.file_type().is_file()
        {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a plain file; choose another name",
            ));
        }
        return crate::store::write_atomically(path, text);
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    std::io::Write::write_all(&mut file, text)?;
    file.sync_all()
}

/// A file name in `dir` that is not taken yet: `stem.ext`, else `stem-2.ext`, …
pub fn free_name(dir: &std::path::Path, stem: &str, ext: &str) -> std::path::PathBuf {
    // An id may hold what a file name cannot ("anfrage/2022/15").
    let stem: String = stem
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    (1..)
        .map(|n| match n {
            1 => dir.join(format!("{stem}.{ext}")),
            n => dir.join(format!("{stem}-{n}.{ext}")),
        })
        .find(|p| !p.exists())
        .expect("some name is free")
}

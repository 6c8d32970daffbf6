//! `x`: which paper to write, from where the user stands, and in which
//! version and format, chosen from a short list.

use super::place::{Choice, Purpose};
use super::{App, Effect, Note, Overlay, Screen, SessionKey, msg};
use crate::config::ReportFormat;

impl App {
    /// `x`: on a motion (its screen, its row) or its question the answer
    /// letter, on the
    /// sessions list the selected session's report, else the report of
    /// the session the screens lead from. Asks which version and format;
    /// written by the runtime.
    pub(super) fn export(&mut self) {
        if let Screen::Motion(id) | Screen::Question(id, _) = &self.place().screen
            && self.data().motion(id).is_some()
        {
            let paper = msg::Paper::Motion(id.clone());
            return self.choose_output(paper);
        }
        let place = self.place();
        // A motion's row on a session's screen: its letter, as on its own.
        if let Screen::Session(key) = &place.screen
            && let Some(super::rows::SessionRow::Motion(motion, _)) =
                self.session_rows(key).get(place.selected)
        {
            let paper = msg::Paper::Motion(motion.id.clone());
            return self.choose_output(paper);
        }
        let selected = match place.screen {
            Screen::Sessions => match self.session_keys().get(place.selected) {
                Some(SessionKey::Id(id)) => Some(id.clone()),
                _ => None,
            },
            _ => None,
        };
        let session = selected.or_else(|| {
            self.stack.iter().rev().find_map(|p| match &p.screen {
                Screen::Session(SessionKey::Id(id)) => Some(id.clone()),
                _ => None,
            })
        });
        match session.filter(|id| self.data().session(id).is_some()) {
            Some(session) => self.choose_output(msg::Paper::Session(session)),
            None => self.note = Some(Note::NoSessionHere),
        }
    }

    /// The versions and formats to choose from, the configured format of
    /// the working version first in focus.
    fn choose_output(&mut self, paper: msg::Paper) {
        let labels = self.env.lang.texts().labels();
        let mut words = labels.outputs;
        if let msg::Paper::Motion(_) = paper {
            words[3..].copy_from_slice(&labels.letter_finals);
        }
        let options: Vec<(String, Option<String>)> = OUTPUTS
            .iter()
            .zip(words)
            .map(|(value, words)| (words.to_string(), Some(value.to_string())))
            .collect();
        let configured = format_name(self.env.report.format);
        let cursor = OUTPUTS.iter().position(|v| *v == configured).unwrap_or(0);
        self.overlay = Some(Overlay::Choose(Choice {
            purpose: Purpose::Paper(paper),
            options,
            cursor,
        }));
    }

    /// Writes `paper` as `chosen` (one of [`OUTPUTS`]) says.
    pub(super) fn write_paper(&mut self, paper: msg::Paper, chosen: Option<&str>) {
        let chosen = chosen.unwrap_or_default();
        let (final_version, format) = match chosen.strip_prefix("final-") {
            Some(format) => (true, format),
            None => (false, chosen),
        };
        let format = match format {
            "docx" => ReportFormat::Docx,
            "markdown" => ReportFormat::Markdown,
            _ => ReportFormat::Html,
        };
        let output = msg::Output {
            format,
            final_version,
        };
        self.emit(Effect::Report(paper, output));
    }
}

/// What `x` offers, in the order of `Labels::outputs`: the working version
/// (with what is still open and the drafts) in three formats, the final
/// one (for the committee) in two.
const OUTPUTS: [&str; 5] = ["docx", "html", "markdown", "final-docx", "final-html"];

fn format_name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Docx => "docx",
        ReportFormat::Html => "html",
        ReportFormat::Markdown => "markdown",
    }
}

//! What sentences name: keys as the keymap has them, records by name.

use super::{Texts, date};
use crate::edit::Owner;
use crate::input::{Action, Keymap};

/// What sentences name: keys, from the effective keymap (a user who moved
/// reload to F5 reads "press F5"), and records, by name rather than id.
pub struct Keys<'a> {
    keymap: &'a Keymap,
    words: crate::input::KeyWords,
    data: Option<&'a crate::model::Dataset>,
    /// The language's quotation marks: „…“ or "…".
    quotes: (&'static str, &'static str),
}

impl<'a> Keys<'a> {
    /// The keys of `keymap`, the space bar named as `texts` call it.
    pub fn new(keymap: &'a Keymap, texts: &dyn Texts) -> Keys<'a> {
        Keys {
            keymap,
            words: texts.labels().keys,
            data: None,
            quotes: texts.labels().quotes,
        }
    }

    /// Records are named from `data`: a motion by its title.
    pub fn with_data(self, data: &'a crate::model::Dataset) -> Keys<'a> {
        Keys {
            data: Some(data),
            ..self
        }
    }

    /// A motion as people know it: its title (shortened), else its id.
    pub fn motion(&self, id: &str) -> String {
        let title = self
            .data
            .and_then(|d| d.motion(id))
            .map(|m| m.title.as_str());
        let (open, close) = self.quotes;
        match title {
            Some(title) if title.chars().count() > 40 => {
                let short: String = title.chars().take(39).collect();
                format!("{open}{}…{close}", short.trim_end())
            }
            Some(title) => format!("{open}{title}{close}"),
            None => id.to_string(),
        }
    }

    /// A file by the motion it holds ("Antrag „…“"), else by its path.
    pub fn file(&self, path: &std::path::Path) -> String {
        let motion = self.data.and_then(|d| {
            (d.motions.iter()).find(|m| d.sources.get(m.source.0).is_some_and(|s| s.path == path))
        });
        match motion {
            Some(m) => format!("{} {}", m.kind, self.motion(&m.id)),
            None => path.display().to_string(),
        }
    }

    /// The file a change puts into the trash (or takes out of it), by
    /// the motion it holds where it still reads, else by its path.
    pub fn trashed(&self, change: &crate::edit::Change) -> Option<String> {
        super::trashed(change).map(|path| self.file(path))
    }

    /// The record a change is written into, by name.
    pub fn owner(&self, owner: &Owner) -> String {
        match owner {
            Owner::Motion(id) => self.motion(id),
            Owner::Session(id) => match self.data.and_then(|d| d.session(id)) {
                Some(s) => format!("{} {}", s.committee, date(s.date)),
                None => id.clone(),
            },
        }
    }

    /// Whether a change wrote an answer whose question is not marked
    /// answered (a draft), as the data now stands.
    pub fn wrote_draft(&self, change: &crate::edit::Change) -> bool {
        let Some(q) = change.as_question() else {
            return false;
        };
        if !matches!(q.after, crate::edit::Field::Answer(Some(_))) {
            return false;
        }
        let question = (self.data)
            .and_then(|d| d.motion(&q.motion))
            .and_then(|m| m.questions.get(q.index));
        question.is_some_and(|q| {
            q.status != crate::model::Status::Answered
                && q.answer.as_deref().is_some_and(|a| !a.trim().is_empty())
        })
    }

    /// Whether a change marked a question answered that has no answer text:
    /// it still counts as open, and the final report says it is answered
    /// orally.
    pub fn marked_without_text(&self, change: &crate::edit::Change) -> bool {
        let Some(q) = change.as_question() else {
            return false;
        };
        if q.after != crate::edit::Field::Status(crate::model::Status::Answered) {
            return false;
        }
        let question = (self.data)
            .and_then(|d| d.motion(&q.motion))
            .and_then(|m| m.questions.get(q.index));
        question.is_some_and(|q| !q.is_done())
    }

    /// The first key of an action, as people read it.
    pub fn get(&self, action: Action) -> String {
        self.keymap.name(action, &self.words)
    }
}

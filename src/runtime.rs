//! Carries out the effects `update` returns and feeds their outcomes back
//! as messages: saves, reloads, reports, the recovery file. What needs the
//! terminal or a thread (the user's editor, the search) goes to a [`Host`].

use std::path::Path;

use crate::app::{App, Effect, Msg, SaveFailure};
use crate::external::ExternalResult;

/// What only the surroundings can do: the terminal, the search thread.
pub trait Host {
    /// Lets the user edit `text` in their own editor; `None` where no
    /// terminal can be handed over.
    fn edit_external(
        &mut self,
        text: &str,
        draft: Option<&crate::external::DraftOf>,
    ) -> Option<ExternalResult>;
    /// Passes a query on; its answer arrives later as a message.
    fn search(&mut self, effect: Effect);
    /// Runs a pull from the council information system: in the
    /// background, its outcome arriving as a message, or at once.
    fn pull(&mut self, job: crate::oparl::Job) -> Option<Msg>;
    /// Syncs `dir` through git: in the background, or at once.
    fn sync(&mut self, dir: &Path) -> Option<Msg>;
    /// Gives the terminal to the shell until the user brings the app back.
    fn suspend(&mut self) {}
    /// Does slow reading (git, the disk of a network share) off the event
    /// loop, its answer arriving as a message; or at once, as here.
    fn background(&mut self, work: Box<dyn FnOnce() -> Msg + Send>) -> Option<Msg> {
        Some(work())
    }
}

/// A host without a terminal or threads: it keeps what it is asked for,
/// for tests and for commands that only change files.
#[derive(Debug, Default)]
pub struct Headless {
    /// Texts the app asked to edit in the user's editor.
    pub external: Vec<String>,
    /// Search effects asked for, newest last.
    pub searches: Vec<Effect>,
}

impl Host for Headless {
    fn edit_external(
        &mut self,
        text: &str,
        _draft: Option<&crate::external::DraftOf>,
    ) -> Option<ExternalResult> {
        self.external.push(text.to_string());
        None
    }

    fn search(&mut self, effect: Effect) {
        self.searches.push(effect);
    }

    /// At once: tests pull from files or a server on this machine.
    fn pull(&mut self, job: crate::oparl::Job) -> Option<Msg> {
        Some(Msg::Pulled(Box::new(job.run(Box::new(|_| {})))))
    }

    fn sync(&mut self, dir: &Path) -> Option<Msg> {
        Some(Msg::Synced(crate::sync::run::sync(dir, &mut |_| {})))
    }
}

/// Applies `msg` and everything that follows from it, in order, until no
/// effect is left. Returns every effect carried out, for inspection.
pub fn dispatch(app: &mut App, msg: impl Into<Msg>, host: &mut dyn Host) -> Vec<Effect> {
    let mut done = Vec::new();
    let mut queue: std::collections::VecDeque<Effect> = app.update(msg).into();
    while let Some(effect) = queue.pop_front() {
        if let Some(answer) = perform(app, effect.clone(), host) {
            // An outcome's own effects come before the rest: a save's result
            // must be in before the next save to the same file is tried.
            for (i, next) in app.update(answer).into_iter().enumerate() {
                queue.insert(i, next);
            }
        }
        done.push(effect);
    }
    done
}

/// Carries out one effect; the outcome, if any, as a message.
pub fn perform(app: &App, effect: Effect, host: &mut dyn Host) -> Option<Msg> {
    match effect {
        Effect::Save(save) => {
            let outcome = crate::store::write(
                &app.dir,
                &save.path,
                save.fingerprint,
                &save.changes,
                &save.stamp,
            )
            .map_err(SaveFailure::from);
            Some(Msg::Saved { save, outcome })
        }
        Effect::Reload => Some(Msg::Loaded(Box::new(crate::store::reload(
            &app.dir,
            &app.loaded,
            None,
        )))),
        Effect::Refresh => Some(Msg::Refreshed(Box::new(crate::store::reload(
            &app.dir,
            &app.loaded,
            None,
        )))),
        Effect::Report(paper, output) => {
            Some(Msg::ReportWritten(write_report(app, &paper, &output)))
        }
        Effect::EditExternal { text, draft } => host
            .edit_external(&text, draft.as_ref())
            .map(Msg::ExternalDone),
        search @ Effect::Search { .. } => {
            host.search(search);
            None
        }
        Effect::RemoveRecovery => {
            // The recovery file follows what is at risk by itself (the
            // journal); editor texts that were offered are taken over now.
            for draft in &app.drafts {
                crate::external::remove_draft(draft);
            }
            None
        }
        Effect::ReadLetter { path } => {
            use crate::import::ReadError;
            use crate::note::LetterProblem;
            let text = crate::import::text_of(&path).map_err(|e| match e {
                ReadError::Unreadable(reason) => LetterProblem::Unreadable(reason),
                ReadError::Empty => LetterProblem::Empty,
                ReadError::Binary => LetterProblem::Binary,
                ReadError::Damaged(reason) => LetterProblem::Damaged(reason),
            });
            let file = path.display().to_string();
            Some(Msg::LetterRead { file, text })
        }
        Effect::PullOparl(job) => host.pull(*job),
        Effect::Sync => host.sync(&app.dir),
        Effect::Suspend => {
            host.suspend();
            None
        }
        Effect::History { file, number } => {
            let dir = app.dir.clone();
            let file = dir.join(file);
            // git's log of a long history, or over a network share, takes
            // seconds: the keys must not wait for it.
            host.background(Box::new(move || {
                let read = crate::sync::git::Git::open(&dir)
                    .and_then(|git| crate::sync::history::history(&git, &file, Some(&number)));
                Msg::HistoryRead(read)
            }))
        }
        Effect::CheckChanged(paths) => {
            // Our own saves come back as events too: only files whose
            // bytes differ from what the app holds count.
            let data = app.data();
            let changed: Vec<std::path::PathBuf> = paths
                .into_iter()
                .filter(|path| {
                    let held = data.sources.iter().find(|s| s.path == *path);
                    let now = std::fs::read(app.dir.join(path)).ok();
                    match (held, now) {
                        (Some(s), Some(bytes)) => {
                            crate::store::fingerprint(&bytes) != s.fingerprint
                        }
                        (None, None) => false,
                        _ => true,
                    }
                })
                .collect();
            // Only what changed is read again; the rest as it was read.
            (!changed.is_empty()).then(|| Msg::ChangedOutside {
                loaded: Box::new(crate::store::reload(&app.dir, &app.loaded, Some(&changed))),
                paths: changed,
            })
        }
        Effect::ListFiles { typed } => {
            let paths = crate::import::complete_path(&typed);
            Some(Msg::Completions { typed, paths })
        }
        Effect::SetRecoveryAside(rescue) => {
            // Editor texts set aside too: kept, no longer offered.
            for draft in &app.drafts {
                crate::external::set_draft_aside(draft);
            }
            let path = app.env.recovery.as_deref()?;
            // A second set-aside never overwrites the first.
            let aside = crate::recovery::free_aside(path, "bak");
            let kept = crate::recovery::Recovery {
                dir: crate::external::absolute(&app.dir),
                rescue: *rescue,
            };
            crate::recovery::write(&aside, &kept).ok()?;
            Some(Msg::RecoverySetAside(aside))
        }
    }
}

/// A report or letter in the reports folder, as `[report]` says, under a
/// name not yet taken.
fn write_report(
    app: &App,
    paper: &crate::app::Paper,
    output: &crate::app::Output,
) -> Result<crate::app::Written, (std::path::PathBuf, String)> {
    use crate::app::Paper;
    use crate::config::ReportFormat;
    use crate::export::{self, Format};
    let folder: &Path = &app.env.reports;
    let failed = |reason: String| (folder.to_path_buf(), reason);
    let settings = &app.env.report;
    // Reports speak the council's language; messages stay the user's.
    let words = export::language(settings).texts();
    let texts = app.env.lang.texts();
    let options = export::Options {
        final_version: output.final_version,
        ..export::Options::from_settings(settings)
    };
    let data = app.data();
    let mut unreadable = 0;
    // Told for a final version only: a working one shows the drafts.
    let unmarked;
    let (doc, stem) = match paper {
        Paper::Session(id) => {
            let report = export::report(data, id, app.env.today, false)
                .ok_or_else(|| failed(texts.unknown_session(id, &[])))?;
            let stem = format!("{}-{id}", words.report().file_stem);
            unreadable = report.unreadable();
            unmarked = export::unmarked(report.motions());
            (export::report_doc(&report, &options, words), stem)
        }
        Paper::Motion(id) => {
            let motion = data
                .motion(id)
                .ok_or_else(|| failed(texts.unknown_motion(id, &[])))?;
            let deadlines = app.deadlines();
            let session = deadlines.first_session(motion).map(|i| &data.sessions[i]);
            let doc = export::letter_doc(motion, session, app.env.today, &options, words);
            unmarked = export::unmarked([motion]);
            (doc, format!("{}-{id}", words.report().letter_title))
        }
    };
    let version = match output.final_version {
        true => words.report().final_stem,
        false => words.report().working_stem,
    };
    let stem = format!("{stem}-{version}");
    let format = match output.format {
        ReportFormat::Html => Format::Html,
        ReportFormat::Docx => Format::Docx,
        ReportFormat::Markdown => Format::Markdown,
    };
    let bytes = export::render(&doc, format);
    std::fs::create_dir_all(folder)
        .and_then(|()| {
            let path = export::free_name(folder, &stem, format.extension());
            export::write_file(&path, &bytes, false).map(|()| path)
        })
        .map(|path| crate::app::Written {
            path,
            letter: matches!(paper, Paper::Motion(_)),
            unreadable,
            unmarked: if output.final_version { unmarked } else { 0 },
        })
        .map_err(|e| failed(e.to_string()))
}

//! `I`: pulls the configured council information system in the
//! background; what comes back is written as one step (undone as one).

use chrono::Duration;

use super::{App, Effect, Note};
use crate::edit::{Change, Origin};
use crate::oparl::{self, Job, Limits, Pull, Say};

impl App {
    /// Starts a pull of `[oparl] url`, unless one runs or none is set.
    pub(super) fn pull_oparl(&mut self) {
        if self.pulling.is_some() {
            self.note = Some(Note::PullRunning);
            return;
        }
        let Some(url) = self.env.oparl.url.clone() else {
            self.note = Some(Note::PullNoSource(self.env.config.clone()));
            return;
        };
        let since = self
            .env
            .oparl
            .days_back
            .map(|days| self.env.today - Duration::days(i64::from(days)));
        let limits = Limits {
            since,
            committee: self.env.oparl.committee.clone(),
            zone: self.env.oparl.zone(),
        };
        let mut job = Job::new(vec![url], limits, self.data());
        // Files with errors are never written nor doubled (see Flawed).
        let flawed = oparl::Flawed::paths(self.data(), &self.loaded.diagnostics);
        job.flawed = Some((self.dir.clone(), flawed));
        self.pulling = Some(0);
        self.note = Some(Note::Pulling { read: 0 });
        self.emit(Effect::PullOparl(Box::new(job)));
    }

    /// Objects read so far, shown while nothing else is said.
    pub(super) fn pull_progress(&mut self, read: usize) {
        if self.pulling.is_none() {
            return;
        }
        self.pulling = Some(read);
        if matches!(self.note, None | Some(Note::Pulling { .. })) {
            self.note = Some(Note::Pulling { read });
        }
    }

    /// A pull's outcome, planned against the data as it is now and
    /// written as one change.
    pub(super) fn pulled(&mut self, pull: Pull) {
        self.pulling = None;
        let plan = oparl::plan_with(self.data(), &pull.flawed, &pull, self.env.today);
        let writes = plan.writes.iter().map(|w| &w.says);
        let said: Vec<&Say> = pull.said.iter().chain(&plan.said).chain(writes).collect();
        let count = |f: fn(&Say) -> bool| said.iter().filter(|s| f(s)).count();
        let made = count(|s| matches!(s, Say::SessionNew { .. } | Say::MotionNew { .. }));
        let changed =
            count(|s| matches!(s, Say::SessionUpdated { .. } | Say::MotionUpdated { .. }));
        let problems: Vec<Say> = said
            .iter()
            // What the staff must know of: problems, and what changed
            // upstream that the import kept or moved here.
            .filter(|s| {
                s.is_problem()
                    || matches!(
                        s,
                        Say::DeletedUpstream { .. }
                            | Say::ItemGone { .. }
                            | Say::Moved { .. }
                            | Say::KeptLocal { .. }
                    )
            })
            .map(|s| (*s).clone())
            .collect();
        let mut changes: Vec<Change> = plan.writes.into_iter().flat_map(|w| w.changes).collect();
        // What is kept of this import goes with it, and is undone with it.
        changes.extend(plan.bases.into_iter().map(|b| Change::File(b.change)));
        if !changes.is_empty() {
            self.apply(vec![Change::Batch(changes)], Origin::Edit);
        }
        self.keep_notices(problems.iter().cloned().map(super::Notice::Pulled));
        self.note = Some(Note::Pulled {
            made,
            changed,
            problems: problems.len(),
            first: problems.into_iter().next(),
        });
    }
}

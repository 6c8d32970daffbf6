//! Every integration test, in one binary: one link instead of thirty keeps the
//! build small and fast on CI's two cores. Each module is one area.

mod common;

mod app;
mod cache;
mod cli;
mod crash;
mod deadlines;
mod diagnostics;
mod e2e;
mod edit;
mod effects;
mod example;
mod export;
mod forms;
mod fuzz;
mod hostile;
mod import;
mod keys;
mod letter;
mod mouse;
mod oparl;
mod oparl_app;
mod oparl_cases;
mod oparl_local;
mod oparl_web;
mod opening;
mod recovery;
mod report;
mod report_cases;
mod resize;
mod review;
mod save;
mod search;
mod search_fields;
mod snapshots;
mod sync;
mod sync_cases;
mod theme;
mod two_users;
mod watch;
mod worklist_missing;
mod write;

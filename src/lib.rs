//! `agenda`: prepare committee sessions from plain TOML files.
//!
//! Data flows one way: files → [`store`] → [`model`] → views.

pub mod app;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod data_dir;
pub mod dates;
pub mod deadline;
pub mod edit;
pub mod example;
pub mod export;
pub mod external;
pub mod fold;
pub mod i18n;
pub mod import;
pub mod input;
pub mod letter;
pub mod model;
pub mod note;
pub mod oparl;
pub mod overview;
pub mod recovery;
pub mod runtime;
pub mod search;
pub mod store;
pub mod sync;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod watch;
pub mod worklist;

//! Files with errors, as an import must treat them: it never writes into
//! one (as the app, it leaves it until it is corrected), and never makes
//! a second record beside one that may hold the same session or paper
//! already (its record could not be read, so matching by OParl id would
//! not find it and the import would double it).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::Dataset;
use crate::store::Diagnostic;

/// The files of a data folder that have errors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flawed {
    files: Vec<File>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct File {
    path: PathBuf,
    /// The `key = value` lines its text still shows; `None` where the
    /// text is not known.
    lines: Option<Vec<(String, String)>>,
}

/// What a new record would be: its OParl id, the id it would get, and
/// what a record typed in by hand would be taken over by.
pub(super) struct Candidate<'a> {
    pub oparl_id: &'a str,
    pub id: &'a str,
    pub by_hand: ByHand<'a>,
}

/// How a record without OParl id is taken over (see `plan`).
pub(super) enum ByHand<'a> {
    /// A session of the same day.
    Date(NaiveDate),
    /// A motion with the same reference.
    Reference(Option<&'a str>),
}

impl Flawed {
    /// What the data alone tells: files read that gave no record, and
    /// sessions marked broken. Their text is not known.
    pub fn of(data: &Dataset) -> Flawed {
        let mut files = Vec::new();
        for path in paths_of(data) {
            files.push(File { path, lines: None });
        }
        Flawed { files }
    }

    /// Every file with an error in `diagnostics` (and those [`of`] finds),
    /// with what its text in `dir` still tells.
    ///
    /// [`of`]: Flawed::of
    pub fn read(dir: &Path, data: &Dataset, diagnostics: &[Diagnostic]) -> Flawed {
        Flawed::read_paths(dir, Flawed::paths(data, diagnostics))
    }

    /// The files [`read`](Flawed::read) reads, found without reading:
    /// for a pull on its own thread, which reads them.
    pub fn paths(data: &Dataset, diagnostics: &[Diagnostic]) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = paths_of(data);
        for d in diagnostics.iter().filter(|d| d.is_error()) {
            if !paths.contains(&d.path) {
                paths.push(d.path.clone());
            }
        }
        paths
    }

    /// The files at `paths` in `dir`, with what their text still tells.
    pub fn read_paths(dir: &Path, paths: Vec<PathBuf>) -> Flawed {
        let files = paths
            .into_iter()
            .map(|path| {
                let lines = std::fs::read_to_string(dir.join(&path))
                    .ok()
                    .map(|t| lines(&t));
                File { path, lines }
            })
            .collect();
        Flawed { files }
    }

    /// Whether the file at `path` has errors.
    pub(super) fn has(&self, path: &Path) -> bool {
        self.files.iter().any(|f| f.path == path)
    }

    /// A file with errors that may hold `new` already: named for its id,
    /// or whose text names its OParl id or id, or (without any OParl id,
    /// so typed in by hand) the day or reference it would be taken over by.
    pub(super) fn may_hold(&self, new: &Candidate) -> Option<&Path> {
        let found = self.files.iter().find(|f| {
            if f.path.file_stem().and_then(|s| s.to_str()) == Some(new.id) {
                return true;
            }
            let Some(lines) = &f.lines else {
                return false;
            };
            let has = |key: &str, value: &str| lines.iter().any(|(k, v)| k == key && v == value);
            if has("oparl_id", new.oparl_id) || has("id", new.id) {
                return true;
            }
            let imported = lines.iter().any(|(k, _)| k == "oparl_id");
            !imported
                && match &new.by_hand {
                    ByHand::Date(date) => has("date", &date.format("%Y-%m-%d").to_string()),
                    ByHand::Reference(Some(r)) => has("reference", r),
                    ByHand::Reference(None) => false,
                }
        })?;
        Some(&found.path)
    }
}

/// Files read that gave no record, and those of broken sessions.
fn paths_of(data: &Dataset) -> Vec<PathBuf> {
    let held: HashSet<usize> = data
        .sessions
        .iter()
        .filter(|s| !s.broken)
        .map(|s| s.source.0)
        .chain(data.motions.iter().map(|m| m.source.0))
        .collect();
    (0..data.sources.len())
        .filter(|i| !held.contains(i))
        .map(|i| data.sources[i].path.clone())
        .collect()
}

/// The `key = value` lines of a TOML text, read line by line so that a
/// syntax error elsewhere hides none: values unquoted, comments dropped.
fn lines(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| {
            let (key, value) = line.split_once('=')?;
            let key = key.trim();
            if key.is_empty() || key.starts_with('#') || key.starts_with('[') {
                return None;
            }
            let value = value.trim();
            let value = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or_default(),
                _ => value.split('#').next().unwrap_or_default().trim(),
            };
            Some((key.to_string(), value.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flawed(path: &str, text: &str) -> Flawed {
        Flawed {
            files: vec![File {
                path: PathBuf::from(path),
                lines: Some(lines(text)),
            }],
        }
    }

    fn session<'a>(oparl_id: &'a str, id: &'a str, day: &str) -> Candidate<'a> {
        Candidate {
            oparl_id,
            id,
            by_hand: ByHand::Date(day.parse().unwrap()),
        }
    }

    #[test]
    fn a_file_whose_text_names_the_oparl_id_may_hold_it_whatever_else_is_broken() {
        let f = flawed(
            "sitzungen/x.toml",
            "[session]\nid = \"x\"\noparl_id = \"https://ris/meeting/1\" # ok\nbroken = = =\n",
        );
        let new = session("https://ris/meeting/1", "soziales-2025-03-20", "2025-03-20");
        assert_eq!(f.may_hold(&new), Some(Path::new("sitzungen/x.toml")));
        let other = session("https://ris/meeting/2", "soziales-2025-03-21", "2025-03-21");
        assert_eq!(f.may_hold(&other), None);
    }

    #[test]
    fn a_file_typed_in_by_hand_may_hold_a_session_of_its_day_or_a_paper_of_its_reference() {
        let f = flawed(
            "sitzungen/hand.toml",
            "[session]\nid = \"hand\"\ndate = 2025-03-20\ncommittee = \n",
        );
        assert!(
            f.may_hold(&session("m/1", "soziales-2025-03-20", "2025-03-20"))
                .is_some()
        );
        assert!(
            f.may_hold(&session("m/2", "rat-2025-04-03", "2025-04-03"))
                .is_none()
        );
        let m = flawed(
            "antraege/a.toml",
            "[motion]\nreference = '2025/0312'\ntitle = \n",
        );
        let paper = |r| Candidate {
            oparl_id: "p/1",
            id: "plaetze-2025",
            by_hand: ByHand::Reference(r),
        };
        assert!(m.may_hold(&paper(Some("2025/0312"))).is_some());
        assert!(m.may_hold(&paper(Some("2025/0999"))).is_none());
        assert!(m.may_hold(&paper(None)).is_none());
    }

    #[test]
    fn a_file_of_unknown_text_may_hold_the_record_named_like_it() {
        let f = Flawed {
            files: vec![File {
                path: PathBuf::from("sitzungen/soziales-2025-03-20.toml"),
                lines: None,
            }],
        };
        assert!(
            f.may_hold(&session("m/1", "soziales-2025-03-20", "2025-03-20"))
                .is_some()
        );
        assert!(
            f.may_hold(&session("m/1", "rat-2025-03-20", "2025-03-20"))
                .is_none()
        );
        assert!(f.has(Path::new("sitzungen/soziales-2025-03-20.toml")));
    }
}

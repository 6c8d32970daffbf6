//! Names the app makes so that nobody types one: record ids, from what
//! the user wrote, and the paths of new files.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::fold::fold;
use crate::model::Dataset;

/// The hidden folder deleted files go to; the loader skips hidden folders.
pub const TRASH: &str = ".papierkorb";

/// Words that say nothing about a committee or a motion.
const FILLER: &[&str] = &[
    "ausschuss",
    "fuer",
    "und",
    "der",
    "die",
    "das",
    "des",
    "dem",
    "den",
    "zur",
    "zum",
    "von",
    "im",
    "in",
    "am",
    "an",
    "auf",
    "mit",
    "ein",
    "eine",
    "einer",
    "the",
    "of",
    "for",
    "and",
    "on",
    "to",
    "a",
];

/// Up to `words` telling words of `text`, folded to ASCII and joined by
/// dashes: "Ausschuss für Soziales, Familien" → "soziales-familien".
pub fn slug(text: &str, words: usize) -> String {
    let folded = fold(text);
    let parts: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .map(|w| w.chars().take(24).collect())
        .take(words)
        .collect();
    parts.join("-")
}

/// `base`, or `base-2`, `base-3` … whichever `taken` does not know.
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}

/// The id of a new session: its committee's first telling word and date,
/// "soziales-2026-12-03".
pub fn session_id(data: &Dataset, committee: &str, date: NaiveDate) -> String {
    let word = slug(committee, 1);
    let base = match word.is_empty() {
        true => format!("sitzung-{date}"),
        false => format!("{word}-{date}"),
    };
    unique(&base, |id| data.session(id).is_some())
}

/// The id of a new motion: three telling words of its title and the year,
/// "betreuungsplaetze-kindertagesstaetten-2026".
pub fn motion_id(data: &Dataset, title: &str, year: i32) -> String {
    let words = slug(title, 3);
    let base = match words.is_empty() {
        true => format!("antrag-{year}"),
        false => format!("{words}-{year}"),
    };
    unique(&base, |id| data.motion(id).is_some())
}

/// Where new files of a kind go: the folder most files of that kind are
/// in already, else `fallback` ("sitzungen", "antraege").
pub fn folder<'p>(existing: impl Iterator<Item = &'p Path>, fallback: &str) -> PathBuf {
    let mut counts: Vec<(PathBuf, usize)> = Vec::new();
    for path in existing {
        let parent = path.parent().unwrap_or(Path::new("")).to_path_buf();
        match counts.iter_mut().find(|(p, _)| *p == parent) {
            Some((_, n)) => *n += 1,
            None => counts.push((parent, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or_else(|| PathBuf::from(fallback), |(p, _)| p)
}

/// A path for a new file `id.toml` in `folder` that no file has.
pub fn new_file(data: &Dataset, folder: &Path, id: &str) -> PathBuf {
    let name = unique(id, |name| {
        let path = folder.join(format!("{name}.toml"));
        data.sources.iter().any(|s| s.path == path)
    });
    folder.join(format!("{name}.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_from_what_was_written() {
        let data = Dataset::default();
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(
            session_id(&data, "Ausschuss für Soziales, Familien und Senioren", day),
            "soziales-2026-12-03"
        );
        assert_eq!(
            motion_id(&data, "Betreuungsplätze in Kindertagesstätten", 2026),
            "betreuungsplaetze-kindertagesstaetten-2026"
        );
        assert_eq!(motion_id(&data, "!!!", 2026), "antrag-2026");
        assert_eq!(unique("a", |id| id == "a" || id == "a-2"), "a-3");
    }

    #[test]
    fn new_files_go_where_files_of_their_kind_are() {
        let paths = [
            Path::new("2022/antraege/a.toml"),
            Path::new("2022/antraege/b.toml"),
            Path::new("c.toml"),
        ];
        assert_eq!(
            folder(paths.into_iter(), "antraege"),
            Path::new("2022/antraege")
        );
        assert_eq!(
            folder(std::iter::empty(), "antraege"),
            Path::new("antraege")
        );
    }
}

//! Where in a text the query matched, for highlighting and for placing a
//! snippet: the same rule as the search, applied to one text.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::query::{Term, parse};
use super::word::{self, words};
use crate::fold::fold_with_map;

/// Positions (character indices in `text`) of the characters `query`
/// matches, for highlighting; `text` as shown, not folded. Each query word
/// marks the word of the text it matched best (the first of equals).
pub fn highlight(text: &str, query: &str) -> Vec<usize> {
    let (folded, map) = fold_with_map(text);
    let mut out: Vec<usize> = parse(query)
        .iter()
        .filter(|t| !t.negated)
        .filter_map(|term| spelt(&folded, term))
        .flat_map(|(_, positions)| positions)
        .filter_map(|p| map.get(p).copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Where in `text` (a character index) the match of the longest query
/// word begins, for placing a snippet window.
pub fn anchor(text: &str, query: &str) -> Option<usize> {
    let (folded, map) = fold_with_map(text);
    let terms = parse(query);
    let term = terms
        .iter()
        .filter(|t| !t.negated)
        .max_by_key(|t| t.text.len())?;
    let (_, positions) = spelt(&folded, term)?;
    map.get(*positions.first()?).copied()
}

/// [`best`] of the term as typed and as it may stand with its umlauts
/// ("trager" is "Träger", folded "traeger"), as the search takes it.
fn spelt(folded: &str, term: &Term) -> Option<(u32, Vec<usize>)> {
    std::iter::once(term.clone())
        .chain(term.umlaut_spellings())
        .filter_map(|t| best(folded, &t))
        .max_by_key(|(score, _)| *score)
}

/// The best match of `term` in `folded`: its score and the characters
/// (indices into `folded`) that matched.
fn best(folded: &str, term: &Term) -> Option<(u32, Vec<usize>)> {
    let chars = |bytes: std::ops::Range<usize>| {
        let start = folded[..bytes.start].chars().count();
        start..start + folded[bytes].chars().count()
    };
    if term.phrase {
        let needle = term.text.as_str();
        let (score, at) = folded
            .match_indices(needle)
            .filter_map(|(at, _)| {
                word::phrase_score(folded, at, needle.len(), term.mode).map(|s| (s, at))
            })
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))?;
        return Some((score, chars(at..at + needle.len()).collect()));
    }
    let (score, at, found) = words(folded)
        .filter_map(|(at, w)| word::score(&term.text, term.mode, w).map(|s| (s, at, w)))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))?;
    let positions = match found.find(&term.text) {
        Some(inside) => chars(at + inside..at + inside + term.text.len()).collect(),
        // Letters off: the letters that do stand in the word, where the
        // word holds them in order; else the whole word.
        None => {
            let word = chars(at..at + found.len());
            let matcher = SkimMatcherV2::default().respect_case();
            match matcher.fuzzy_indices(found, &term.text) {
                Some((_, inside)) => inside.into_iter().map(|p| word.start + p).collect(),
                None => word.collect(),
            }
        }
    };
    Some((score, positions))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, query: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        highlight(text, query).iter().map(|&i| chars[i]).collect()
    }

    #[test]
    fn the_matched_word_is_marked_not_stray_letters() {
        // Not the i of "Die", the n of "Landes" …: the word that matched.
        let text = "Die Maßnahmen des Landes zur Integration";
        assert_eq!(marked(text, "integration"), "Integration");
        assert_eq!(marked(text, "massnahmen"), "Maßnahmen");
        // The whole word beats an earlier start of a word.
        assert_eq!(marked("Stellenplan und Stellen", "stellen"), "Stellen");
        assert_eq!(highlight("Stellenplan und Stellen", "stellen")[0], 16);
        // A letter missing from the query: the letters that stand.
        assert_eq!(
            marked("Kommunales Integrationsmanagement", "integrationsmangement"),
            "Integrationsmangement"
        );
        // Typed without the umlaut's e: the word with the umlaut.
        assert_eq!(marked("durch freie Träger umgesetzt", "trager"), "Träger");
        assert_eq!(marked("am 12.10.2022", "12.10.2022"), "12.10.2022");
        assert_eq!(marked("Kita ohne Träger", "kita !traeger"), "Kita");
    }

    #[test]
    fn the_anchor_is_where_the_longest_word_matched() {
        let text = "Sehr lange Begründung mit Flüchtlingsberatung am Ende";
        assert_eq!(anchor(text, "am fluechtlingsberatung"), Some(26));
        assert_eq!(anchor(text, "obdachlos"), None);
    }
}

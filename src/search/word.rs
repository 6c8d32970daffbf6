//! One query word against one word of the text: whether it matches, and
//! how well. A query word matches inside one text word, never letters
//! strewn over a sentence: "obdachlos" is not found in a text that merely
//! holds an o, a b, a d … somewhere in that order.

use super::query::Mode;

/// Score of a whole-word match ("stellen" for "Stellen").
pub const EXACT: u32 = 4000;
/// Base score of a match at a word's start ("integration" in "Integrationsmanagement").
pub const PREFIX: u32 = 3000;
/// Base score of a match inside a word ("management" in "Integrationsmanagement").
pub const INSIDE: u32 = 2000;
/// Base score of a match with letters off ("integrationsmangement").
pub const FUZZY: u32 = 1000;
// Each class adds less than 1000 to its base, so for a one-word query every
// whole-word match ranks above every start-of-word match, and so on down.

/// The words of `text`: runs of letters and digits, each with its byte
/// offset. "KIM-Bausteinen" is two words, "07.09.2022" three.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let (letter, width) = class(text, at);
            if letter {
                break;
            }
            at += width;
        }
        if at >= text.len() {
            return None;
        }
        let start = at;
        while at < text.len() {
            let (letter, width) = class(text, at);
            if !letter {
                break;
            }
            at += width;
        }
        Some((start, &text[start..at]))
    })
}

/// Whether the character at byte `at` is a letter or digit, and its width:
/// bytes for ASCII (nearly all of the folded text), characters beyond.
fn class(text: &str, at: usize) -> (bool, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        return (byte.is_ascii_alphanumeric(), 1);
    }
    let c = text[at..].chars().next().unwrap_or(' ');
    (c.is_alphanumeric(), c.len_utf8())
}

/// The score of `term` (folded, one word) in `word` (folded), `None` when
/// it does not match in the given mode.
pub fn score(term: &str, mode: Mode, word: &str) -> Option<u32> {
    if word == term {
        return Some(EXACT);
    }
    // Closer to the whole word is better: "stellen" in "stellenplan" before "stellenbesetzungsverfahren".
    let share = |n: usize, m: usize| (999 * n.min(m) / n.max(m).max(1)) as u32;
    if word.starts_with(term) {
        return Some(PREFIX + share(term.len(), word.len()));
    }
    if mode == Mode::Prefix {
        return None;
    }
    if word.contains(term) {
        return Some(INSIDE + share(term.len(), word.len()));
    }
    if mode == Mode::Exact {
        return None;
    }
    let edits = fuzzy_edits(term, word)? as u32;
    // Fewer letters off first; among equals, the word nearer in length.
    Some(FUZZY + 900u32.saturating_sub(250 * edits) + share(term.len(), word.len()) / 10)
}

/// The score of a phrase term found as written at byte `at` (`len` bytes)
/// of `text`: whole words, at a word's start, or inside a word; `None`
/// where the mode wants a word's start and it is not one.
pub fn phrase_score(text: &str, at: usize, len: usize, mode: Mode) -> Option<u32> {
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let starts = edge(text[..at].chars().next_back());
    let ends = edge(text[at + len..].chars().next());
    match (starts, ends) {
        (true, true) => Some(EXACT),
        (true, false) => Some(PREFIX + 500),
        (false, _) if mode == Mode::Prefix => None,
        (false, _) => Some(INSIDE + 500),
    }
}

/// Letters off allowed in the first `typed` letters of a query word: one
/// per five. The first four letters must stand as typed, as the start of a
/// word is what people get right, and a short word with one letter free
/// would match half the vocabulary ("kind" ~ "kino", "rind", "kinn").
pub fn allowed(typed: usize) -> usize {
    typed / 5
}

/// How many letters are wrong, missing, extra or swapped (Damerau
/// distance, optimal string alignment) when `term` is matched against the
/// best stretch of `word`; `None` when more than [`allowed`] are off, in
/// the whole term or in any of its beginnings.
///
/// That every beginning must pass too makes the rule monotone: a word that
/// matches "integrationsman" also matches "integrationsma", so a query
/// that grows by a letter only ever narrows what it found, and the search
/// may look only at the previous hits. It also gives a cheap filter: the
/// first four letters must stand in the word as typed.
pub fn fuzzy_edits(term: &str, word: &str) -> Option<usize> {
    let anchor = term.char_indices().nth(4).map_or(term.len(), |(at, _)| at);
    if !word.contains(&term[..anchor]) {
        return None;
    }
    if term.is_ascii() && word.is_ascii() {
        distance(term.as_bytes(), word.as_bytes())
    } else {
        let term: Vec<char> = term.chars().collect();
        let word: Vec<char> = word.chars().collect();
        distance(&term, &word)
    }
}

/// Sellers' approximate substring matching with transpositions: row `i`
/// holds, for each end in `word`, the fewest edits matching `term[..i]`
/// into a stretch ending there (starting anywhere, so row 0 is all zeros).
fn distance<T: PartialEq>(term: &[T], word: &[T]) -> Option<usize> {
    let width = word.len() + 1;
    let mut rows = vec![0usize; 3 * width];
    let (mut before, mut last, mut row) = (0, width, 2 * width);
    // Row 0 (at `last`) is zeros; the row before it is never read.
    let mut best = 0;
    for i in 1..=term.len() {
        rows[row] = i;
        for j in 1..width {
            let same = term[i - 1] == word[j - 1];
            let mut d = (rows[last + j - 1] + usize::from(!same))
                .min(rows[last + j] + 1)
                .min(rows[row + j - 1] + 1);
            if i > 1 && j > 1 && term[i - 1] == word[j - 2] && term[i - 2] == word[j - 1] {
                d = d.min(rows[before + j - 2] + 1);
            }
            rows[row + j] = d;
        }
        best = rows[row..row + width].iter().copied().min().unwrap_or(i);
        if best > allowed(i) {
            return None;
        }
        (before, last, row) = (last, row, before);
    }
    Some(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn edits(term: &str, word: &str) -> Option<usize> {
        fuzzy_edits(&fold(term), &fold(word))
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let text = fold("„Kommunales Integrationsmanagement“ (KIM-Bausteine), 07.09.2022");
        let found: Vec<&str> = words(&text).map(|(_, w)| w).collect();
        assert_eq!(
            found,
            [
                "kommunales",
                "integrationsmanagement",
                "kim",
                "bausteine",
                "07",
                "09",
                "2022"
            ]
        );
        let (at, word) = words(&text).nth(1).unwrap();
        assert_eq!(&text[at..at + word.len()], "integrationsmanagement");
    }

    #[test]
    fn missing_wrong_and_swapped_letters_are_forgiven_within_bounds() {
        // The example motion's word, typed with a letter missing.
        assert_eq!(
            edits("integrationsmangement", "Integrationsmanagements"),
            Some(1)
        );
        assert_eq!(edits("Flüchtlingsberatng", "Flüchtlingsberatung"), Some(1));
        assert_eq!(edits("Kindertagestätten", "Kindertagesstätten"), Some(1));
        assert_eq!(
            edits("Obdachlosnehilfe", "Obdachlosenhilfe"),
            Some(1),
            "swapped"
        );
        assert_eq!(edits("Hochwaserschutz", "Hochwasserschutz"), Some(1));
        assert_eq!(
            edits("Barrierefreiheiit", "Barrierefreiheit"),
            Some(1),
            "extra"
        );
        // Inside a compound, with a letter missing.
        assert_eq!(edits("managment", "Integrationsmanagement"), Some(1));
        assert_eq!(
            edits("mangement", "Integrationsmanagement"),
            None,
            "off within the first four"
        );
        // Too many letters off for the length typed.
        assert_eq!(edits("intgrtnsmngmnt", "Integrationsmanagement"), None);
        // Short words must stand as typed.
        assert_eq!(edits("kind", "kino"), None);
        // A wrong letter among the first four is not guessed.
        assert_eq!(edits("ibdachlos", "Obdachlosenhilfe"), None);
    }

    #[test]
    fn scattered_letters_are_no_match() {
        // Every letter of "obdachlos" occurs, in order, in the KIM rationale,
        // but in no one word of it.
        let rationale = fold(include_str!(
            "../../config/example/antraege/kim-bericht-2022.toml"
        ));
        assert!(words(&rationale).all(|(_, w)| score("obdachlos", Mode::Fuzzy, w).is_none()));
        assert_eq!(
            edits("gsprch", "Gespräche"),
            None,
            "letters strewn within a word"
        );
    }

    #[test]
    fn classes_rank_whole_word_start_inside_fuzzy() {
        let s = |term: &str, word: &str| score(&fold(term), Mode::Fuzzy, &fold(word));
        let exact = s("stellen", "Stellen").unwrap();
        let prefix = s("stellen", "Stellenplan").unwrap();
        let inside = s("stellen", "Planstellen").unwrap();
        let fuzzy = s("stellen", "Stelen").unwrap();
        assert!(
            exact > prefix && prefix > inside && inside > fuzzy,
            "{exact} {prefix} {inside} {fuzzy}"
        );
        assert!(s("integration", "Integrationsmanagement").unwrap() >= PREFIX);
        assert_eq!(s("flüchtlinge", "Fluechtlinge"), Some(EXACT));
        // Nearer the whole word ranks first.
        assert!(s("kita", "Kitas") > s("kita", "Kitaplatzvergabe"));
    }

    #[test]
    fn modes_limit_how_a_word_may_match() {
        assert_eq!(score("kita", Mode::Exact, "kitas"), Some(PREFIX + 799));
        assert!(score("tagess", Mode::Exact, "kindertagesstaetten").is_some());
        assert_eq!(
            score(
                "integrationsmangement",
                Mode::Exact,
                "integrationsmanagement"
            ),
            None
        );
        assert!(score("tages", Mode::Prefix, "kindertagesstaetten").is_none());
        assert!(score("kinder", Mode::Prefix, "kindertagesstaetten").is_some());
    }

    #[test]
    fn the_rule_is_monotone_as_a_word_grows() {
        // What a longer beginning matches, each shorter beginning matches too.
        let vocabulary = [
            "integrationsmanagements",
            "kindertagesstaetten",
            "obdachlosenhilfe",
            "stelen",
        ];
        for word in vocabulary {
            for typed in [
                "integrationsmangement",
                "kindertagestaetten",
                "obdachlosnehilfe",
                "stellen",
            ] {
                let mut matched = true;
                for (end, _) in typed.char_indices().skip(1).chain([(typed.len(), ' ')]) {
                    let now = score(&typed[..end], Mode::Fuzzy, word).is_some();
                    assert!(matched || !now, "{} in {word}", &typed[..end]);
                    matched = now;
                }
            }
        }
    }
}

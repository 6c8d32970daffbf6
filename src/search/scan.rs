//! Words found by scanning the folded texts themselves, for one search
//! (`agenda search`): collecting the vocabulary of every word would cost
//! more than the search. Every word a term can match holds the term's
//! first four letters (see `word::fuzzy_edits`), so only the words around
//! those are scored, with the same `word::score` the vocabulary uses:
//! the same hits, the same scores.

use super::query::Term;
use super::word;

/// Every field's folded text, one after another, and where each ends.
pub(super) struct Text {
    pub text: String,
    pub ends: Vec<u32>,
}

impl Text {
    fn start(&self, field: usize) -> usize {
        match field {
            0 => 0,
            f => self.ends[f - 1] as usize,
        }
    }

    /// The field holding byte `at`, and where it starts and ends.
    fn field_at(&self, at: usize) -> (usize, usize, usize) {
        let field = self.ends.partition_point(|&end| end as usize <= at);
        (field, self.start(field), self.ends[field] as usize)
    }

    /// The score of a one-word `term` in each field: its best word there.
    pub(super) fn scores(&self, term: &Term, scores: &mut [u32]) {
        let head = match term.text.char_indices().nth(4) {
            Some((at, _)) => &term.text[..at],
            None => term.text.as_str(),
        };
        if head.is_empty() {
            return;
        }
        let mut last = (usize::MAX, usize::MAX);
        for at in memchr::memmem::find_iter(self.text.as_bytes(), head.as_bytes()) {
            let (field, start, end) = self.field_at(at);
            if at + head.len() > end {
                continue;
            }
            // The term is letters and digits only: the head lies in one word.
            let (from, to) = word_around(&self.text[start..end], at - start);
            let (from, to) = (start + from, start + to);
            if (from, to) == last {
                continue;
            }
            last = (from, to);
            if let Some(score) = word::score(&term.text, term.mode, &self.text[from..to]) {
                scores[field] = scores[field].max(score);
            }
        }
    }

    /// A term with punctuation inside, looked for as written (overlapping
    /// finds too, and none across the end of a field).
    pub(super) fn phrase_scores(&self, term: &Term, scores: &mut [u32]) {
        let needle = term.text.as_str();
        if needle.is_empty() {
            return;
        }
        // Overlapping finds too ("aa" twice in "aaa"): one may score better.
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let bytes = self.text.as_bytes();
        let mut from = 0;
        while let Some(found) = finder.find(&bytes[from..]) {
            let at = from + found;
            from = at + 1;
            let (field, start, end) = self.field_at(at);
            if at + needle.len() > end {
                continue;
            }
            let text = &self.text[start..end];
            if let Some(score) = word::phrase_score(text, at - start, needle.len(), term.mode) {
                scores[field] = scores[field].max(score);
            }
        }
    }
}

/// The word (a run of letters and digits, as `word::words` takes them)
/// of `text` holding byte `at`: where it starts and ends.
fn word_around(text: &str, at: usize) -> (usize, usize) {
    let letter = |c: char| c.is_alphanumeric();
    let from = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| letter(c))
        .last()
        .map_or(at, |(i, _)| i);
    let to = text[at..]
        .char_indices()
        .find(|&(_, c)| !letter(c))
        .map_or(text.len(), |(i, _)| at + i);
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::word_around;

    #[test]
    fn the_word_around_a_place_is_its_run_of_letters_and_digits() {
        let text = "kim-bausteinen 07.09 straße";
        assert_eq!(word_around(text, 6), (4, 14));
        assert_eq!(word_around(text, 0), (0, 3));
        assert_eq!(word_around(text, 15), (15, 17));
        let at = text.find("aße").unwrap();
        assert_eq!(
            &text[word_around(text, at).0..word_around(text, at).1],
            "straße"
        );
    }
}

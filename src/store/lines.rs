//! Byte offsets to 1-based line and column numbers.

use super::diagnostic::Location;

/// Start offsets of every line of one text.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// Line and column (counted in characters, as editors show them) of a byte offset.
    pub(crate) fn locate(&self, text: &str, offset: usize) -> Location {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        Location {
            line: line + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        let text = "a = 1\nä = \"ö\"\n";
        let index = LineIndex::new(text);
        assert_eq!(index.locate(text, 0), Location { line: 1, column: 1 });
        let quote = text.find('"').unwrap();
        assert_eq!(index.locate(text, quote), Location { line: 2, column: 5 });
        assert_eq!(
            index.locate(text, text.len()),
            Location { line: 3, column: 1 }
        );
    }
}

//! The fuzzy index over everything: sessions, agenda items, motions, questions.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::fold::{fold, fold_into, fold_with_map};
use crate::model::Dataset;

/// What a hit points at, by position in the dataset it was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Session { session: usize },
    AgendaItem { session: usize, item: usize },
    Motion { motion: usize },
    Question { motion: usize, question: usize },
}

/// Which text of a record matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKind {
    Committee,
    Date,
    ItemNumber,
    ItemTitle,
    MotionId,
    MotionKind,
    MotionTitle,
    Submitters,
    Proposal,
    Rationale,
    QuestionNumber,
    QuestionText,
    Assignee,
    Answer,
}

/// A ranked hit: the record, the text of it that matched best, the score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub field: FieldKind,
    pub score: i64,
}

/// Folded texts of every searchable field, in one buffer.
#[derive(Default)]
pub struct Index {
    text: String,
    /// Per field: end offset in `text`, the record and which field.
    fields: Vec<(u32, Target, FieldKind)>,
}

impl Index {
    /// Folds every searchable text of `data`, in parallel parts joined in order.
    pub fn build(data: &Dataset) -> Index {
        use rayon::prelude::*;
        let mut index = Index::default();
        for (s, session) in data.sessions.iter().enumerate() {
            let target = Target::Session { session: s };
            index.add(target, FieldKind::Committee, &session.committee);
            index.add(target, FieldKind::Date, &crate::dates::date(session.date));
            for (i, item) in session.agenda.iter().enumerate() {
                let target = Target::AgendaItem {
                    session: s,
                    item: i,
                };
                index.add(target, FieldKind::ItemNumber, &item.number);
                index.add(target, FieldKind::ItemTitle, &item.title);
            }
        }
        let parts: Vec<Index> = (0..data.motions.len())
            .into_par_iter()
            .chunks(256)
            .map(|motions| {
                let mut part = Index::default();
                for m in motions {
                    part.add_motion(m, &data.motions[m]);
                }
                part
            })
            .collect();
        for part in parts {
            let offset = index.text.len() as u32;
            index.text.push_str(&part.text);
            index.fields.extend(
                part.fields
                    .into_iter()
                    .map(|(end, t, k)| (end + offset, t, k)),
            );
        }
        index.text.shrink_to_fit();
        index
    }

    fn add_motion(&mut self, m: usize, motion: &crate::model::Motion) {
        let target = Target::Motion { motion: m };
        self.add(target, FieldKind::MotionId, &motion.id);
        self.add(target, FieldKind::MotionKind, &motion.kind);
        self.add(target, FieldKind::MotionTitle, &motion.title);
        self.add(target, FieldKind::Submitters, &motion.submitters.join(", "));
        if let Some(text) = &motion.proposal {
            self.add(target, FieldKind::Proposal, text);
        }
        if let Some(text) = &motion.rationale {
            self.add(target, FieldKind::Rationale, text);
        }
        for (q, question) in motion.questions.iter().enumerate() {
            let target = Target::Question {
                motion: m,
                question: q,
            };
            self.add(target, FieldKind::QuestionNumber, &question.number);
            self.add(target, FieldKind::QuestionText, &question.text);
            if let Some(text) = &question.assignee {
                self.add(target, FieldKind::Assignee, text);
            }
            if let Some(text) = &question.answer {
                self.add(target, FieldKind::Answer, text);
            }
        }
    }

    fn add(&mut self, target: Target, field: FieldKind, text: &str) {
        if text.is_empty() {
            return;
        }
        fold_into(text, &mut self.text);
        self.fields.push((self.text.len() as u32, target, field));
    }

    /// Number of searchable fields.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// True when there is nothing to search.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    fn field_text(&self, field: usize) -> &str {
        let start = match field {
            0 => 0,
            f => self.fields[f - 1].0 as usize,
        };
        &self.text[start..self.fields[field].0 as usize]
    }

    /// The fields matching `query`, with their scores, looking only at
    /// `within` when given (the matches of a shorter query this one extends).
    /// Stops early and returns `None` when `cancelled` says so.
    pub fn matching(
        &self,
        query: &str,
        within: Option<&[(u32, i64)]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(u32, i64)>> {
        use rayon::prelude::*;
        let query = fold(query);
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            return Some(Vec::new());
        }
        let matcher = matcher();
        // Every term must match, in any order (as in fzf); scores add up.
        let score = |field: u32| -> Option<(u32, i64)> {
            let text = self.field_text(field as usize);
            let mut total = 0;
            for term in &terms {
                let window = &text[window(term, text)?];
                total += matcher.fuzzy_match(window, term)?;
            }
            Some((field, total))
        };
        let all: Vec<u32>;
        let fields: &[u32] = match within {
            Some(matches) => {
                all = matches.iter().map(|(f, _)| *f).collect();
                &all
            }
            None => {
                all = (0..self.fields.len() as u32).collect();
                &all
            }
        };
        // Chunks in parallel, in order; each chunk first asks whether to go on.
        let chunks: Option<Vec<Vec<(u32, i64)>>> = fields
            .par_chunks(CHUNK)
            .map(|chunk| (!cancelled()).then(|| chunk.iter().filter_map(|&f| score(f)).collect()))
            .collect();
        chunks.map(|chunks| chunks.concat())
    }

    /// The best field per record, best first; ties keep data order.
    pub fn rank(&self, matches: &[(u32, i64)], limit: usize) -> Vec<Hit> {
        self.rank_counted(matches, limit).0
    }

    /// [`Index::rank`], with how many records matched before the limit.
    pub fn rank_counted(&self, matches: &[(u32, i64)], limit: usize) -> (Vec<Hit>, usize) {
        let mut best: Vec<(u32, i64)> = Vec::new();
        for &(field, score) in matches {
            let target = self.fields[field as usize].1;
            // Fields of one record are adjacent, so the last kept is the only rival.
            match best.last_mut() {
                Some(last) if self.fields[last.0 as usize].1 == target => {
                    if score > last.1 {
                        *last = (field, score);
                    }
                }
                _ => best.push((field, score)),
            }
        }
        let by_rank = |a: &(u32, i64), b: &(u32, i64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        let total = best.len();
        if best.len() > limit {
            best.select_nth_unstable_by(limit, by_rank);
            best.truncate(limit);
        }
        best.sort_by(by_rank);
        let hits = best
            .into_iter()
            .map(|(field, score)| {
                let (_, target, field) = self.fields[field as usize];
                Hit {
                    target,
                    field,
                    score,
                }
            })
            .collect();
        (hits, total)
    }

    /// Ranked hits for `query`, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let matches = self.matching(query, None, &|| false).unwrap_or_default();
        self.rank(&matches, limit)
    }
}

/// The matcher: both sides are folded to lower case already, so no case
/// work per character; and, as fzf does, long texts get the linear greedy
/// match instead of the full scoring matrix, whose cost grows with text
/// length times query length.
fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default()
        .respect_case()
        .element_limit(MATRIX_LIMIT)
}

/// Matrix cells (text length × query length) above which the greedy match is used.
const MATRIX_LIMIT: usize = 2_000;

/// Fields matched between two looks at whether the query is still wanted.
const CHUNK: usize = 4096;

/// The stretch of `haystack` (a byte range) to score: where `needle` stands
/// as written, else the shortest stretch holding its characters in order,
/// found as fzf does: forward to where the first occurrence in order ends,
/// then back to where it can start at the latest. `None` when the characters do not occur in order. Scoring only
/// this stretch (and the character before it, for the word-start bonus)
/// costs the length of the match, not of the text.
fn window(needle: &str, haystack: &str) -> Option<std::ops::Range<usize>> {
    // The word as typed beats any scattered match, and is found fastest.
    let (start, end) = match haystack.find(needle) {
        Some(at) => (at, at + needle.len()),
        None => {
            let mut end = 0;
            for c in needle.chars() {
                end += haystack[end..].find(c)? + c.len_utf8();
            }
            let mut start = end;
            for c in needle.chars().rev() {
                start = haystack[..start].rfind(c)?;
            }
            (start, end)
        }
    };
    // One character of context before, so a match at a word start scores as one.
    let before = haystack[..start]
        .chars()
        .next_back()
        .map_or(0, char::len_utf8);
    Some(start - before..end)
}

/// Positions (character indices in `text`) of the characters `query`
/// matches, for highlighting; `text` as shown, not folded. Each word is
/// placed in the same stretch the search scored.
pub fn highlight(text: &str, query: &str) -> Vec<usize> {
    let (folded, map) = fold_with_map(text);
    let query = fold(query);
    let matcher = matcher();
    let mut out: Vec<usize> = Vec::new();
    for term in query.split_whitespace() {
        let Some(range) = window(term, &folded) else {
            continue;
        };
        let offset = folded[..range.start].chars().count();
        if let Some((_, positions)) = matcher.fuzzy_indices(&folded[range], term) {
            out.extend(
                positions
                    .into_iter()
                    .filter_map(|p| map.get(p + offset).copied()),
            );
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Where in `text` (a character index) the match of `query` begins, for
/// placing a snippet window cheaply: the stretch the search scored for the
/// longest word, without scoring exact positions.
pub fn anchor(text: &str, query: &str) -> Option<usize> {
    let (folded, map) = fold_with_map(text);
    let query = fold(query);
    let term = query.split_whitespace().max_by_key(|t| t.len())?;
    let range = window(term, &folded)?;
    map.get(folded[..range.start].chars().count()).copied()
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn the_window_is_the_shortest_stretch_in_order() {
        let text = "kxx ki kind";
        assert_eq!(&text[window("kind", text).unwrap()], " kind");
        assert_eq!(&text[window("ki", text).unwrap()], " ki");
        assert_eq!(&text[window("kx", text).unwrap()], "kx");
        assert_eq!(window("dk", text), None);
        assert_eq!(&"straße"[window("ß", "straße").unwrap()], "aß");
        // A literal occurrence wins over an earlier scattered one.
        let both = "t r a e g e r, freie traeger";
        assert_eq!(&both[window("traeger", both).unwrap()], " traeger");
    }
}

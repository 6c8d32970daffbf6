//! The fuzzy index over everything: sessions, agenda items, motions, questions.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{fold, fold_into, fold_with_map};
use crate::i18n;
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
            index.add(target, FieldKind::Date, &i18n::date(session.date));
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
        // Both sides are folded to lower case already: no case work per character.
        let matcher = SkimMatcherV2::default().respect_case();
        // Every term must match, in any order (as in fzf); scores add up.
        let score = |field: u32| -> Option<(u32, i64)> {
            let text = self.field_text(field as usize);
            if !terms.iter().all(|t| is_subsequence(t, text)) {
                return None;
            }
            let score: Option<i64> = terms.iter().map(|t| matcher.fuzzy_match(text, t)).sum();
            score.map(|s| (field, s))
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
        if best.len() > limit {
            best.select_nth_unstable_by(limit, by_rank);
            best.truncate(limit);
        }
        best.sort_by(by_rank);
        best.into_iter()
            .map(|(field, score)| {
                let (_, target, field) = self.fields[field as usize];
                Hit {
                    target,
                    field,
                    score,
                }
            })
            .collect()
    }

    /// Ranked hits for `query`, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let matches = self.matching(query, None, &|| false).unwrap_or_default();
        self.rank(&matches, limit)
    }
}

/// Fields matched between two looks at whether the query is still wanted.
const CHUNK: usize = 4096;

/// Whether every character of `needle` occurs in `haystack` in order: a
/// cheap test that rules out most fields before the scoring matcher runs.
fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut rest = haystack;
    for c in needle.chars() {
        match rest.find(c) {
            Some(at) => rest = &rest[at + c.len_utf8()..],
            None => return false,
        }
    }
    true
}

/// Positions (character indices in `text`) of the characters `query`
/// matches, for highlighting; `text` as shown, not folded.
pub fn highlight(text: &str, query: &str) -> Vec<usize> {
    let (folded, map) = fold_with_map(text);
    let query = fold(query);
    let matcher = SkimMatcherV2::default().respect_case();
    let mut out: Vec<usize> = query
        .split_whitespace()
        .filter_map(|term| matcher.fuzzy_indices(&folded, term))
        .flat_map(|(_, positions)| positions)
        .filter_map(|p| map.get(p).copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Where in `text` (a character index) the match of `query` begins, for
/// placing a snippet window cheaply: the first query word found as written,
/// else where the longest word's letters first occur in order. Scoring
/// exact positions would cost as much as the search itself.
pub fn anchor(text: &str, query: &str) -> Option<usize> {
    let (folded, map) = fold_with_map(text);
    let query = fold(query);
    let mut terms: Vec<&str> = query.split_whitespace().collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let byte = terms.iter().find_map(|t| folded.find(t)).or_else(|| {
        let first = terms.first()?.chars().next()?;
        folded.find(first)
    })?;
    map.get(folded[..byte].chars().count()).copied()
}

//! The index over everything: sessions, agenda items, motions, questions.
//! Each query word is matched against the distinct words of the text once
//! (see `vocab`), then their fields are scored through their postings.

use super::packed::Packed;
use super::query::{Term, parse};
pub use super::target::{FieldKind, Target};
use super::vocab::{Vocabulary, words_of};
use super::word;
use crate::fold::fold_into;
use crate::model::Dataset;

/// A ranked hit: the record, the text of it that matched best, the score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub field: FieldKind,
    pub score: i64,
}

/// Every searchable field (its record and which field) and the
/// vocabulary of their words. The folded texts are let go once their
/// words are collected: a phrase is looked for in the few fields whose
/// words can hold it, folded again from the data.
#[derive(Default)]
pub struct Index {
    fields: Vec<Packed>,
    /// Per field: the number of its record (fields of a record are adjacent).
    records: Vec<u32>,
    words: Words,
}

/// How the words of the fields are found.
enum Words {
    /// Every distinct word with its fields: built once, for many searches
    /// (the finder).
    Vocabulary(Vocabulary),
    /// The folded texts, scanned per search: for one search.
    Text(super::scan::Text),
}

impl Default for Words {
    fn default() -> Words {
        Words::Vocabulary(Vocabulary::default())
    }
}

/// A part of the index being built: folded texts one after another, where
/// each field ends, and what it is.
#[derive(Default)]
struct Builder {
    text: String,
    ends: Vec<u32>,
    fields: Vec<Packed>,
}

/// Motions per part of the index built on one core.
const MOTIONS_PER_PART: usize = 1024;

impl Index {
    /// Folds every searchable text of `data` and collects its words, in
    /// parallel parts whose words are joined in order. A part's folded
    /// text goes as soon as its words are collected.
    pub fn build(data: &Dataset) -> Index {
        let parts = Builder::each(data, |mut b| {
            let words = words_of(&b.text, &b.ends);
            b.text = String::new();
            b.ends = Vec::new();
            (b, words)
        });
        let (builders, words): (Vec<Builder>, Vec<_>) = parts.into_iter().unzip();
        Index::of(builders, Words::Vocabulary(Vocabulary::join(words)))
    }

    /// Ranked hits for one `query`, as [`build`](Index::build) and
    /// [`search`](Index::search) give them, without the work of collecting
    /// every word: each part of the data is folded, scanned and let go, on
    /// every core, so that only a part per core is ever folded (for
    /// `agenda search`; keeping every folded text cost as much memory as
    /// the data itself).
    pub fn search_once(data: &Dataset, query: &str) -> Vec<Hit> {
        let parts = Builder::each(data, |mut b| {
            let text = super::scan::Text {
                text: std::mem::take(&mut b.text),
                ends: std::mem::take(&mut b.ends),
            };
            let part = Index::of(vec![b], Words::Text(text));
            part.search(data, query, usize::MAX)
        });
        // A record's fields are all in one part, and each part's hits are
        // ranked alike (best first, then in data order): in part order, a
        // stable sort by score ranks them as one index would.
        let mut hits: Vec<Hit> = parts.into_iter().flatten().collect();
        hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
        hits
    }

    fn of(builders: Vec<Builder>, words: Words) -> Index {
        let mut fields = Vec::with_capacity(builders.iter().map(|b| b.fields.len()).sum());
        for builder in builders {
            fields.extend(builder.fields);
        }
        let mut record = 0;
        let records = (0..fields.len())
            .map(|f| {
                if f > 0 && !fields[f - 1].same_record(fields[f]) {
                    record += 1;
                }
                record
            })
            .collect();
        Index {
            fields,
            records,
            words,
        }
    }
}

impl Builder {
    /// The parts of the index of `data`, each made and handed to `then`
    /// in parallel: its sessions, then its motions; in that order.
    fn each<T: Send>(data: &Dataset, then: impl Fn(Builder) -> T + Sync + Send) -> Vec<T> {
        use rayon::prelude::*;
        let motions = data.motions.len().div_ceil(MOTIONS_PER_PART);
        (0..=motions)
            .into_par_iter()
            .map(|part| {
                then(match part {
                    0 => Builder::sessions(data),
                    p => {
                        let from = (p - 1) * MOTIONS_PER_PART;
                        let to = (from + MOTIONS_PER_PART).min(data.motions.len());
                        let mut builder = Builder::default();
                        for m in from..to {
                            builder.add_motion(m, &data.motions[m]);
                        }
                        builder
                    }
                })
            })
            .collect()
    }

    fn sessions(data: &Dataset) -> Builder {
        let mut sessions = Builder::default();
        for (s, session) in data.sessions.iter().enumerate() {
            let target = Target::Session { session: s };
            sessions.add(target, FieldKind::SessionId, &session.id);
            sessions.add(target, FieldKind::Committee, &session.committee);
            sessions.add(target, FieldKind::Date, &crate::dates::date(session.date));
            for (i, item) in session.agenda.iter().enumerate() {
                let target = Target::AgendaItem {
                    session: s,
                    item: i,
                };
                sessions.add(target, FieldKind::ItemNumber, &item.number);
                sessions.add(target, FieldKind::ItemTitle, &item.title);
            }
        }
        sessions
    }
}

impl Index {
    /// Number of searchable fields.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// True when there is nothing to search.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Number of distinct words in all fields (0 for a scanning index).
    pub fn distinct_words(&self) -> usize {
        match &self.words {
            Words::Vocabulary(v) => v.len(),
            Words::Text(_) => 0,
        }
    }

    /// The fields matching `query`, with their scores, in field order,
    /// looking only at `within` when given (the matches of a shorter query
    /// this one extends: see [`narrows`](super::narrows)). Every term must
    /// match in the same field, in any order, and no exclusion anywhere in
    /// the field's record; scores add up. `None` when `cancelled` says so
    /// before the end.
    pub fn matching(
        &self,
        data: &Dataset,
        query: &str,
        within: Option<&[(u32, i64)]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(u32, i64)>> {
        let terms = parse(query);
        let (excluded, wanted): (Vec<&Term>, Vec<&Term>) = terms.iter().partition(|t| t.negated);
        // Exclusions alone would list everything else: not a search.
        if wanted.is_empty() {
            return Some(Vec::new());
        }
        let mut total: Vec<i64> = Vec::new();
        for term in wanted {
            let scores = self.scores(data, term, cancelled)?;
            if total.is_empty() {
                total = scores.into_iter().map(i64::from).collect();
            } else {
                for (sum, score) in total.iter_mut().zip(scores) {
                    *sum = if score == 0 || *sum == 0 {
                        0
                    } else {
                        *sum + i64::from(score)
                    };
                }
            }
        }
        let records = self.records.last().map_or(0, |&r| r as usize + 1);
        let mut left_out = vec![false; records];
        for term in excluded {
            for (field, score) in self.scores(data, term, cancelled)?.into_iter().enumerate() {
                if score > 0 {
                    left_out[self.records[field] as usize] = true;
                }
            }
        }
        let keep = |field: u32| {
            let score = total[field as usize];
            (score > 0 && !left_out[self.records[field as usize] as usize])
                .then_some((field, score))
        };
        Some(match within {
            Some(previous) => previous.iter().filter_map(|&(f, _)| keep(f)).collect(),
            None => (0..self.fields.len() as u32).filter_map(keep).collect(),
        })
    }

    /// The score of `term` in each field: its best word there, 0 where none;
    /// a word typed without its umlauts scores as it stands with them.
    fn scores(
        &self,
        data: &Dataset,
        term: &Term,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<u32>> {
        let mut best = self.scores_as_typed(data, term, cancelled)?;
        for spelling in term.umlaut_spellings() {
            let scores = self.scores_as_typed(data, &spelling, cancelled)?;
            for (best, score) in best.iter_mut().zip(scores) {
                *best = (*best).max(score);
            }
        }
        Some(best)
    }

    fn scores_as_typed(
        &self,
        data: &Dataset,
        term: &Term,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<u32>> {
        let mut scores = vec![0u32; self.fields.len()];
        let vocabulary = match &self.words {
            Words::Vocabulary(v) => v,
            Words::Text(text) => {
                match term.phrase {
                    true => text.phrase_scores(term, &mut scores),
                    false => text.scores(term, &mut scores),
                }
                return Some(scores);
            }
        };
        if term.phrase {
            self.phrase_scores(vocabulary, data, term, &mut scores, cancelled)?;
            return (!cancelled()).then_some(scores);
        }
        let score = |word: &str| word::score(&term.text, term.mode, word);
        for (w, score) in words_where(vocabulary, score, cancelled)? {
            for field in vocabulary.fields(w as usize) {
                let best = &mut scores[field as usize];
                *best = (*best).max(score);
            }
        }
        Some(scores)
    }

    /// A term with punctuation inside, looked for as written in the text
    /// (overlapping finds too, and none across the end of a field). Only
    /// fields with a word holding its longest run of letters can hold it;
    /// those are folded again from the data and searched.
    fn phrase_scores(
        &self,
        vocabulary: &Vocabulary,
        data: &Dataset,
        term: &Term,
        scores: &mut [u32],
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<()> {
        let needle = term.text.as_str();
        let Some(longest) = word::words(needle).map(|(_, w)| w).max_by_key(|w| w.len()) else {
            return Some(());
        };
        let mut candidates: Vec<u32> = Vec::new();
        let holding = |word: &str| word.contains(longest).then_some(1);
        for (w, _) in words_where(vocabulary, holding, cancelled)? {
            candidates.extend(vocabulary.fields(w as usize));
        }
        candidates.sort_unstable();
        candidates.dedup();
        let step = needle.chars().next().map_or(1, char::len_utf8);
        for field in candidates {
            let (target, kind) = self.fields[field as usize].get();
            let text = crate::fold::fold(&super::field_text(data, target, kind));
            let mut from = 0;
            while let Some(found) = text[from..].find(needle) {
                let at = from + found;
                from = at + step;
                if let Some(score) = word::phrase_score(&text, at, needle.len(), term.mode) {
                    let best = &mut scores[field as usize];
                    *best = (*best).max(score);
                }
            }
        }
        Some(())
    }

    /// The best field per record, best first; ties keep data order.
    pub fn rank(&self, matches: &[(u32, i64)], limit: usize) -> Vec<Hit> {
        self.rank_counted(matches, limit).0
    }

    /// [`Index::rank`], with how many records matched before the limit.
    pub fn rank_counted(&self, matches: &[(u32, i64)], limit: usize) -> (Vec<Hit>, usize) {
        let mut best: Vec<(u32, i64)> = Vec::new();
        for &(field, score) in matches {
            let record = self.records[field as usize];
            // Fields of one record are adjacent, so the last kept is the only rival.
            // On a tie a text people read is shown rather than an id.
            let id = |f: u32| {
                matches!(
                    self.fields[f as usize].kind(),
                    FieldKind::MotionId | FieldKind::SessionId
                )
            };
            match best.last_mut() {
                Some(last) if self.records[last.0 as usize] == record => {
                    if score > last.1 || (score == last.1 && id(last.0) && !id(field)) {
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
                let (target, field) = self.fields[field as usize].get();
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
    pub fn search(&self, data: &Dataset, query: &str, limit: usize) -> Vec<Hit> {
        let matches = self
            .matching(data, query, None, &|| false)
            .unwrap_or_default();
        self.rank(&matches, limit)
    }
}

impl Builder {
    fn add_motion(&mut self, m: usize, motion: &crate::model::Motion) {
        let target = Target::Motion { motion: m };
        self.add(target, FieldKind::MotionId, &motion.id);
        self.add(target, FieldKind::MotionKind, &motion.kind);
        self.add(target, FieldKind::MotionTitle, &motion.title);
        self.add(target, FieldKind::Submitters, &motion.submitters.join(", "));
        self.add(target, FieldKind::Signatories, &signatories(motion));
        if let Some(text) = &motion.reference {
            self.add(target, FieldKind::Reference, text);
        }
        if let Some(text) = &motion.office {
            self.add(target, FieldKind::Office, text);
        }
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
        self.ends.push(self.text.len() as u32);
        self.fields.push(Packed::new(target, field));
    }
}

/// Distinct words matched between two looks at whether the query is still wanted.
const CHUNK: usize = 4096;

/// The distinct words of `vocabulary` that `score` takes, with their
/// scores: each word once, in parallel chunks; each chunk first asks
/// whether to go on.
fn words_where(
    vocabulary: &Vocabulary,
    score: impl Fn(&str) -> Option<u32> + Sync,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<(u32, u32)>> {
    use rayon::prelude::*;
    let found: Option<Vec<Vec<(u32, u32)>>> = (0..vocabulary.len() as u32)
        .into_par_iter()
        .chunks(CHUNK)
        .map(|chunk| {
            (!cancelled()).then(|| {
                chunk
                    .into_iter()
                    .filter_map(|w| score(vocabulary.word(w as usize)).map(|s| (w, s)))
                    .collect()
            })
        })
        .collect();
    Some(found?.into_iter().flatten().collect())
}

/// The names of those who signed, one after another.
pub(super) fn signatories(motion: &crate::model::Motion) -> String {
    let names: Vec<&str> = motion.signatories.iter().map(|s| s.name.as_str()).collect();
    names.join(", ")
}

//! Every distinct word of the index, each with the fields it stands in.
//! A query word is matched against each distinct word once instead of
//! against every field: at 100,000 questions there are some thousands of
//! distinct words but millions of words of text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::word::words;

/// The distinct words, sorted, and for each the fields holding it.
#[derive(Default)]
pub struct Vocabulary {
    /// The words one after another; `ends` says where each ends.
    text: String,
    ends: Vec<u32>,
    /// Per word the fields it stands in, ascending, each as the gap from
    /// the one before in a variable number of bytes (a common word's gaps
    /// are small: one byte instead of four); `posting_ends` says where each
    /// word's list ends.
    postings: Vec<u8>,
    posting_ends: Vec<u32>,
}

/// The words of one part of the index's text, each with the fields it
/// stands in, numbered from the part's first field. The words are owned,
/// so that the part's folded text can go as soon as they are collected:
/// holding every part's text until all were collected was the index's
/// largest cost in memory (at 40,000 motions, some 260 MB at its peak).
pub struct PartWords {
    fields: u32,
    lists: Lists,
}

/// The fields of one word in one part: the first and last, and the gaps
/// after the first, encoded.
struct List {
    first: u32,
    last: u32,
    gaps: Vec<u8>,
}

type Lists = HashMap<Box<str>, List, BuildHasherDefault<Fx>>;

/// Collects the words of one part: its folded `text`, each field ending
/// at the next of `ends`.
pub fn words_of(text: &str, ends: &[u32]) -> PartWords {
    let mut lists = Lists::default();
    let mut start = 0;
    for (field, &end) in ends.iter().enumerate() {
        let field = field as u32;
        for (_, word) in words(&text[start..end as usize]) {
            match lists.get_mut(word) {
                // A word said twice in one field is one posting.
                Some(list) if list.last == field => {}
                Some(list) => {
                    push_gap(&mut list.gaps, field - list.last);
                    list.last = field;
                }
                None => {
                    let list = List {
                        first: field,
                        last: field,
                        gaps: Vec::new(),
                    };
                    lists.insert(word.into(), list);
                }
            }
        }
        start = end as usize;
    }
    PartWords {
        fields: ends.len() as u32,
        lists,
    }
}

impl Vocabulary {
    /// Joins the words of parts given in field order: the fields of each
    /// part follow those of the part before.
    pub fn join(parts: Vec<PartWords>) -> Vocabulary {
        use rayon::prelude::*;
        // Appending in part order keeps each list ascending; a part's
        // first field becomes a gap from the list's last one.
        let mut all = Lists::default();
        let mut offset = 0u32;
        for part in parts {
            for (word, mut list) in part.lists {
                list.first += offset;
                list.last += offset;
                match all.get_mut(&word) {
                    Some(joined) => {
                        push_gap(&mut joined.gaps, list.first - joined.last);
                        joined.gaps.extend_from_slice(&list.gaps);
                        joined.last = list.last;
                    }
                    None => {
                        all.insert(word, list);
                    }
                }
            }
            offset += part.fields;
        }
        let mut sorted: Vec<(Box<str>, List)> = all.into_iter().collect();
        sorted.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut vocabulary = Vocabulary::default();
        for (word, list) in sorted {
            vocabulary.text.push_str(&word);
            vocabulary.ends.push(vocabulary.text.len() as u32);
            // The first field as a gap from field 0.
            push_gap(&mut vocabulary.postings, list.first);
            vocabulary.postings.extend_from_slice(&list.gaps);
            vocabulary
                .posting_ends
                .push(vocabulary.postings.len() as u32);
        }
        vocabulary.text.shrink_to_fit();
        vocabulary.ends.shrink_to_fit();
        vocabulary.postings.shrink_to_fit();
        vocabulary.posting_ends.shrink_to_fit();
        vocabulary
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The `i`th word.
    pub fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The fields the `i`th word stands in, ascending.
    pub fn fields(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        let start = if i == 0 {
            0
        } else {
            self.posting_ends[i - 1] as usize
        };
        let mut bytes = self.postings[start..self.posting_ends[i] as usize].iter();
        let mut field = 0u32;
        std::iter::from_fn(move || {
            let mut gap = 0u32;
            let mut shift = 0;
            loop {
                let byte = *bytes.next()?;
                gap |= u32::from(byte & 0x7f) << shift;
                if byte < 0x80 {
                    break;
                }
                shift += 7;
            }
            field += gap;
            Some(field)
        })
    }
}

/// Appends `gap` seven bits a byte, low bits first; the high bit says more follow.
fn push_gap(out: &mut Vec<u8>, mut gap: u32) {
    while gap >= 0x80 {
        out.push((gap & 0x7f) as u8 | 0x80);
        gap >>= 7;
    }
    out.push(gap as u8);
}

/// The hash of rustc and Firefox: a multiply and a rotate per eight bytes.
/// Words are short and not chosen by an attacker, so the default's
/// protection against collisions is not worth its cost here.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let mut rest = [0u8; 8];
        let tail = chunks.remainder();
        rest[..tail.len()].copy_from_slice(tail);
        self.add(u64::from_le_bytes(rest) ^ tail.len() as u64);
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_of_any_size_come_back() {
        let fields = [0u32, 1, 127, 128, 300, 16_383, 16_384, 2_000_000, u32::MAX];
        let mut vocabulary = Vocabulary::default();
        vocabulary.text.push('a');
        vocabulary.ends.push(1);
        let mut last = 0;
        for field in fields {
            push_gap(&mut vocabulary.postings, field - last);
            last = field;
        }
        vocabulary
            .posting_ends
            .push(vocabulary.postings.len() as u32);
        assert_eq!(vocabulary.fields(0).collect::<Vec<_>>(), fields);
    }

    #[test]
    fn lists_join_across_parts() {
        let parts = vec![
            words_of("kita", &[4]),
            words_of("kitakita", &[4, 8]),
            words_of("xyxyxy", &[2, 4, 6]),
            words_of("kita", &[4]),
        ];
        let vocabulary = Vocabulary::join(parts);
        let kita = (0..vocabulary.len())
            .find(|&i| vocabulary.word(i) == "kita")
            .expect("kita is a word");
        assert_eq!(vocabulary.fields(kita).collect::<Vec<_>>(), [0, 1, 2, 6]);
    }

    #[test]
    fn each_word_once_with_its_fields() {
        let text = "kita kitaplaetze kita";
        let vocabulary = Vocabulary::join(vec![words_of("x", &[1]), words_of(text, &[9, 21])]);
        let all: Vec<(&str, Vec<u32>)> = (0..vocabulary.len())
            .map(|i| (vocabulary.word(i), vocabulary.fields(i).collect()))
            .collect();
        assert_eq!(
            all,
            [("kita", vec![1, 2]), ("plaetze", vec![2]), ("x", vec![0])],
            "words end where their field ends, though no space stands there"
        );
    }
}

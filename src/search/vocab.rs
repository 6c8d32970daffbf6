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
    /// Field numbers, ascending per word; `posting_ends` says where each word's end.
    postings: Vec<u32>,
    posting_ends: Vec<u32>,
}

/// A part of the index's text: its folded text and, per field, where the
/// field ends in it; fields are numbered from `first`.
pub struct Part<'a> {
    pub text: &'a str,
    pub ends: Vec<u32>,
    pub first: u32,
}

type Postings<'a> = HashMap<&'a str, Vec<u32>, BuildHasherDefault<Fx>>;

impl Vocabulary {
    /// Collects the words of all parts, the parts in parallel.
    pub fn build(parts: &[Part<'_>]) -> Vocabulary {
        use rayon::prelude::*;
        let maps: Vec<Postings<'_>> = parts.par_iter().map(part_words).collect();
        // Parts are in field order, so appending keeps each list ascending.
        let mut all: Postings<'_> = Postings::default();
        for map in maps {
            for (word, fields) in map {
                all.entry(word).or_default().extend(fields);
            }
        }
        let mut sorted: Vec<(&str, Vec<u32>)> = all.into_iter().collect();
        sorted.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut vocabulary = Vocabulary::default();
        for (word, fields) in sorted {
            vocabulary.text.push_str(word);
            vocabulary.ends.push(vocabulary.text.len() as u32);
            vocabulary.postings.extend(fields);
            vocabulary
                .posting_ends
                .push(vocabulary.postings.len() as u32);
        }
        vocabulary.text.shrink_to_fit();
        vocabulary.postings.shrink_to_fit();
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
    pub fn fields(&self, i: usize) -> &[u32] {
        let start = if i == 0 {
            0
        } else {
            self.posting_ends[i - 1] as usize
        };
        &self.postings[start..self.posting_ends[i] as usize]
    }
}

fn part_words<'a>(part: &Part<'a>) -> Postings<'a> {
    let mut map = Postings::default();
    let mut start = 0;
    for (i, &end) in part.ends.iter().enumerate() {
        let field = part.first + i as u32;
        for (_, word) in words(&part.text[start..end as usize]) {
            let fields = map.entry(word).or_default();
            // A word said twice in one field is one posting.
            if fields.last() != Some(&field) {
                fields.push(field);
            }
        }
        start = end as usize;
    }
    map
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
    fn each_word_once_with_its_fields() {
        let text = "kita kitaplaetze kita";
        let vocabulary = Vocabulary::build(&[Part {
            text,
            ends: vec![9, 21],
            first: 5,
        }]);
        let all: Vec<(&str, &[u32])> = (0..vocabulary.len())
            .map(|i| (vocabulary.word(i), vocabulary.fields(i)))
            .collect();
        assert_eq!(
            all,
            [("kita", &[5u32, 6][..]), ("plaetze", &[6][..])],
            "words end where their field ends, though no space stands there"
        );
    }
}

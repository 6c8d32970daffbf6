//! A query, word by word, with the operators people know from fzf:
//! `wort` matches a word with a few letters wrong or missing, `'wort` only
//! as written, `^wort` only at the start of a word, and `!wort` keeps out
//! every record that has it (as written; `!^wort` at a word's start).

use crate::fold::fold;

/// How a term may match a word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Whole word, start of a word, inside a word, or with a few letters off.
    Fuzzy,
    /// As written, anywhere in a word (`'wort`).
    Exact,
    /// As written, at the start of a word (`^wort`).
    Prefix,
}

/// One word of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded, without the operator and without punctuation around it.
    pub text: String,
    pub mode: Mode,
    /// `!`: records that have it are left out.
    pub negated: bool,
    /// Punctuation inside ("12.10.2022", "kim-bericht"): spans several words
    /// of the text, so it is looked for as written in the field's text.
    pub phrase: bool,
}

/// The terms of `query`; operators without a word after them (as while
/// typing `!`) are left out until the word comes.
pub fn parse(query: &str) -> Vec<Term> {
    fold(query).split_whitespace().filter_map(term).collect()
}

fn term(token: &str) -> Option<Term> {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (mode, rest) = if let Some(rest) = rest.strip_prefix('\'') {
        (Mode::Exact, rest)
    } else if let Some(rest) = rest.strip_prefix('^') {
        (Mode::Prefix, rest)
    } else if negated {
        // Leaving out by a guess would hide records nobody meant to hide.
        (Mode::Exact, rest)
    } else {
        (Mode::Fuzzy, rest)
    };
    // "(KIM)," is the word KIM; what stays inside is part of the term.
    let text = rest.trim_matches(|c: char| !c.is_alphanumeric());
    if text.is_empty() {
        return None;
    }
    Some(Term {
        phrase: text.contains(|c: char| !c.is_alphanumeric()),
        text: text.to_string(),
        mode,
        negated,
    })
}

impl Term {
    /// The other ways a word typed without its umlauts stands in the folded
    /// text: "kaltehilfe" for "Kältehilfe" (folded "kaeltehilfe"), "trager"
    /// for "Träger". Only within the first four letters, which must stand as
    /// typed (see `word::allowed`); further on, a missing "e" is one letter
    /// off like any other. For fuzzy words and `^` ones (which say where a
    /// word begins, not how it is spelt): `'` means as written, and `!`
    /// leaves nothing out by a guess.
    pub fn umlaut_spellings(&self) -> Vec<Term> {
        let spelt = match self.mode {
            Mode::Fuzzy => true,
            Mode::Prefix => !self.negated,
            Mode::Exact => false,
        };
        if !spelt || self.phrase {
            return Vec::new();
        }
        let chars: Vec<char> = self.text.chars().collect();
        let places: Vec<usize> = (0..chars.len().min(4))
            .filter(|&i| matches!(chars[i], 'a' | 'o' | 'u') && chars.get(i + 1) != Some(&'e'))
            .collect();
        // Every choice of where an "e" goes, but none (the word as typed).
        (1..1u32 << places.len())
            .map(|choice| {
                let mut text = String::with_capacity(self.text.len() + places.len());
                for (i, &c) in chars.iter().enumerate() {
                    text.push(c);
                    let at = places.iter().position(|&p| p == i);
                    if at.is_some_and(|bit| choice & (1 << bit) != 0) {
                        text.push('e');
                    }
                }
                Term {
                    text,
                    ..self.clone()
                }
            })
            .collect()
    }
}

/// True when every match of `query` is a match of `previous`, so the
/// search may look only at those: `query` goes on where `previous` ended,
/// `previous` looked for something, and it did not end in the middle of
/// an exclusion (a longer `!word` leaves out less, not more).
///
/// That a longer word never matches more rests on the matching rule: see
/// `word::fuzzy_edits`.
pub fn narrows(previous: &str, query: &str) -> bool {
    let previous = fold(previous.trim_start());
    let query = fold(query.trim_start());
    if !query.starts_with(&previous) || !parse(&previous).iter().any(|t| !t.negated) {
        return false;
    }
    let lengthened = query[previous.len()..].starts_with(|c: char| !c.is_whitespace())
        && !previous.ends_with(char::is_whitespace);
    let last = previous.split_whitespace().next_back().unwrap_or_default();
    !(lengthened && last.starts_with('!'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(query: &str) -> Term {
        let mut terms = parse(query);
        assert_eq!(terms.len(), 1, "{query}");
        terms.remove(0)
    }

    #[test]
    fn operators_set_the_mode() {
        assert_eq!(one("Kita").mode, Mode::Fuzzy);
        assert_eq!(one("'kita").mode, Mode::Exact);
        // "^banke" begins "Bänke" (folded "baenke") as "banke" does not.
        let spellings: Vec<String> = (one("^banke").umlaut_spellings().into_iter())
            .map(|t| t.text)
            .collect();
        assert!(spellings.contains(&"baenke".to_string()), "{spellings:?}");
        assert!(one("'banke").umlaut_spellings().is_empty());
        assert!(one("!^banke").umlaut_spellings().is_empty());
        assert_eq!(one("^kita").mode, Mode::Prefix);
        let not = one("!kita");
        assert!(not.negated);
        assert_eq!((not.mode, not.text.as_str()), (Mode::Exact, "kita"));
        assert_eq!(one("!^kita").mode, Mode::Prefix);
        assert_eq!(one("!'kita").mode, Mode::Exact);
        assert_eq!(one("Träger").text, "traeger");
    }

    #[test]
    fn a_word_typed_without_umlauts_is_also_looked_for_with_them() {
        let texts = |q: &str| -> Vec<String> {
            one(q)
                .umlaut_spellings()
                .into_iter()
                .map(|t| t.text)
                .collect()
        };
        assert_eq!(texts("kaltehilfe"), ["kaeltehilfe"]);
        assert_eq!(texts("trager"), ["traeger"]);
        assert_eq!(texts("fluchtling"), ["fluechtling"]);
        assert_eq!(texts("kolner"), ["koelner"]);
        // Both places within the first four letters: every choice.
        assert_eq!(texts("ausl"), ["aeusl", "auesl", "aeuesl"]);
        // Already with "e", later than the fourth letter, or as written: none.
        assert!(texts("traeger").is_empty());
        assert!(texts("kind").is_empty());
        assert!(texts("'trager").is_empty());
        // A word's start is no spelling: "^trager" begins "Träger" too.
        assert_eq!(texts("^trager"), ["traeger"]);
    }

    #[test]
    fn punctuation_around_goes_inside_stays() {
        assert_eq!(one("(KIM),").text, "kim");
        assert!(!one("(KIM),").phrase);
        let date = one("12.10.2022");
        assert!(date.phrase);
        assert_eq!(date.text, "12.10.2022");
        assert!(parse("! ' ^ - §").is_empty());
        assert_eq!(parse("kim !").len(), 1);
    }

    #[test]
    fn only_a_query_that_goes_on_narrows() {
        assert!(narrows("kin", "kind"));
        assert!(narrows("kind", "kind garten"));
        assert!(narrows("kind !ab", "kind !ab x"));
        assert!(
            !narrows("kind !a", "kind !ab"),
            "a longer exclusion leaves out less"
        );
        assert!(
            !narrows("!a", "!a kind"),
            "an exclusion alone found nothing"
        );
        assert!(!narrows("kind", "kin"));
        assert!(!narrows("", "kind"));
    }
}

//! The session a letter is for: "zur nächsten Sitzung des Ausschusses für
//! Soziales, Familien und Senioren am 07.09.2022" → committee (in the
//! nominative) and date.

use chrono::NaiveDate;

use super::dates;

/// Committee and date a sentence names; either may be missing.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Session {
    pub committee: Option<String>,
    pub date: Option<NaiveDate>,
}

/// How many words a committee's name may have before its "am …".
const LONGEST: usize = 16;

/// The session `text` names. With `to_end` the committee may run to the
/// end of the text (the kind line "… zur Sitzung des Rates"); otherwise
/// only a name closed by "am <date>" counts.
pub(crate) fn session_in(text: &str, to_end: bool) -> Session {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let Some(prefix) = lower.strip_suffix("sitzung") else {
            continue;
        };
        let after = &words[i + 1..];
        if prefix.is_empty() {
            match after.first().copied() {
                Some(article @ ("des" | "der")) => {
                    if let Some(found) = named(&after[1..], article, to_end) {
                        return found;
                    }
                }
                Some("am") => {
                    if let Some(date) = date_at(&after[1..]) {
                        return Session {
                            committee: None,
                            date: Some(date),
                        };
                    }
                }
                _ => {}
            }
        } else if after.first() == Some(&"am")
            && let Some(date) = date_at(&after[1..])
        {
            // "Ratssitzung am …": the committee is the word before "sitzung".
            return Session {
                committee: Some(compound_head(w)),
                date: Some(date),
            };
        }
    }
    Session::default()
}

/// The committee after "Sitzung des|der", up to "am <date>" (or the end).
fn named(words: &[&str], article: &str, to_end: bool) -> Option<Session> {
    let reach = words.len().min(LONGEST);
    for j in 0..reach {
        if words[j] == "am"
            && let Some(date) = date_at(&words[j + 1..])
        {
            return (j > 0).then(|| Session {
                committee: Some(nominative(&words[..j], article)),
                date: Some(date),
            });
        }
    }
    (to_end && !words.is_empty() && words.len() <= LONGEST).then(|| Session {
        committee: Some(nominative(words, article)),
        date: None,
    })
}

/// The date the words start with.
fn date_at(words: &[&str]) -> Option<NaiveDate> {
    let head = words.iter().take(3).copied().collect::<Vec<_>>().join(" ");
    dates::leading(&head)
}

/// "Rats" of "Ratssitzung" → "Rat", "Ausschuss" stays.
fn compound_head(word: &str) -> String {
    let stem = word
        .len()
        .checked_sub("sitzung".len())
        .and_then(|n| word.get(..n))
        .unwrap_or(word);
    let stem = match stem.strip_suffix('s') {
        Some(shorter) if !stem.ends_with("ss") => shorter,
        _ => stem,
    };
    stem.to_owned()
}

/// A committee named in the genitive, in the nominative: "(des)
/// Ausschusses für Soziales" → "Ausschuss für Soziales", "(des) Haupt- und
/// Finanzausschusses" → "Haupt- und Finanzausschuss"; after "der" (feminine)
/// nothing changes.
fn nominative(words: &[&str], article: &str) -> String {
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    if article == "des" {
        // The head noun is the first word that is no "Haupt-" and no "und".
        let head = words
            .iter()
            .position(|w| !w.ends_with('-') && !matches!(*w, "und" | "sowie" | "oder"));
        if let Some(head) = head {
            let word = words[head];
            let bare = word.trim_end_matches([',', '.', ':', ';']);
            out[head] = format!("{}{}", undo_genitive(bare), &word[bare.len()..]);
        }
    }
    out.join(" ")
        .trim_end_matches([',', '.', ':', ';'])
        .to_owned()
}

/// "Ausschusses" → "Ausschuss", "Rates" → "Rat", "Rats" → "Rat".
fn undo_genitive(word: &str) -> String {
    let consonant_before = |stem: &str| {
        stem.chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() && !"aeiouäöüy".contains(c.to_ascii_lowercase()))
    };
    if let Some(stem) = word.strip_suffix("es")
        && stem.chars().count() >= 2
        && consonant_before(stem)
    {
        return stem.to_owned();
    }
    word.strip_suffix('s').unwrap_or(word).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(text: &str) -> (Option<String>, Option<NaiveDate>) {
        let s = session_in(text, true);
        (s.committee, s.date)
    }

    #[test]
    fn reads_committee_and_date() {
        assert_eq!(
            session(
                "zur nächsten Sitzung des Ausschusses für Soziales, Familien und Senioren am 07.09.2022"
            ),
            (
                Some("Ausschuss für Soziales, Familien und Senioren".into()),
                NaiveDate::from_ymd_opt(2022, 9, 7)
            )
        );
        assert_eq!(
            session("zur Sitzung der Stadtverordnetenversammlung am 14. März 2024"),
            (
                Some("Stadtverordnetenversammlung".into()),
                NaiveDate::from_ymd_opt(2024, 3, 14)
            )
        );
        assert_eq!(
            session("für die Sitzung des Haupt- und Finanzausschusses am 1.2.24"),
            (
                Some("Haupt- und Finanzausschuss".into()),
                NaiveDate::from_ymd_opt(2024, 2, 1)
            )
        );
        assert_eq!(session("zur Sitzung des Rates"), (Some("Rat".into()), None));
        assert_eq!(
            session("zur Ratssitzung am 3.5.2024"),
            (Some("Rat".into()), NaiveDate::from_ymd_opt(2024, 5, 3))
        );
        assert_eq!(
            session("in der Sitzung am 3.5.2024"),
            (None, NaiveDate::from_ymd_opt(2024, 5, 3))
        );
    }

    #[test]
    fn wants_a_date_in_prose() {
        let s = session_in(
            "in der o. g. Sitzung des Ausschusses für Soziales zur Abstimmung",
            false,
        );
        assert_eq!(s, Session::default());
    }
}

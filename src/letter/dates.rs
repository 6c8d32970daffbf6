//! German dates as letters write them: "19.08.2022", "19.8.22",
//! "19. August 2022", and ISO "2022-08-19".

use chrono::NaiveDate;

/// A date found in a text, with the byte range it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub date: NaiveDate,
    pub start: usize,
    pub end: usize,
}

/// The first date in `text`.
pub(crate) fn find(text: &str) -> Option<Found> {
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        // A date starts a number: "2022" inside "F0071/2022" is none.
        let starts = c.is_ascii_digit() && !prev.is_some_and(char::is_alphanumeric);
        prev = Some(c);
        if starts && let Some((date, len)) = at(&text[i..]) {
            return Some(Found {
                date,
                start: i,
                end: i + len,
            });
        }
    }
    None
}

/// The date a short text is about: "19.08.2022", "Siegen, den 19.08.2022",
/// "Mittwoch, 7. September 2022, 17:00 Uhr"; none when the date is only
/// part of a sentence or a table row.
pub(crate) fn only(text: &str) -> Option<NaiveDate> {
    let found = find(text)?;
    let rest = format!("{} {}", &text[..found.start], &text[found.end..]);
    let words: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let timed = rest.contains("Uhr");
    let fits = words.len() <= 4
        && words
            .iter()
            .all(|w| !w.chars().any(|c| c.is_ascii_digit()) || w.contains(':') || timed);
    fits.then_some(found.date)
}

/// The date `text` begins with.
pub(crate) fn leading(text: &str) -> Option<NaiveDate> {
    at(text).map(|(date, _)| date)
}

/// A date at the very start of `s`, and the bytes it took.
fn at(s: &str) -> Option<(NaiveDate, usize)> {
    numeric(s).or_else(|| named(s)).or_else(|| iso(s))
}

/// "19.08.2022", "19.8.22", "19. 08. 2022".
fn numeric(s: &str) -> Option<(NaiveDate, usize)> {
    let mut c = Cursor { s, pos: 0 };
    let (day, _) = c.digits(2)?;
    c.eat(b'.').then_some(())?;
    (c.spaces() <= 1).then_some(())?;
    let (month, _) = c.digits(2)?;
    c.eat(b'.').then_some(())?;
    (c.spaces() <= 1).then_some(())?;
    let year = c.year()?;
    NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, c.pos))
}

/// "19. August 2022", "7. Sept. 2022".
fn named(s: &str) -> Option<(NaiveDate, usize)> {
    let mut c = Cursor { s, pos: 0 };
    let (day, _) = c.digits(2)?;
    c.eat(b'.').then_some(())?;
    c.spaces();
    let month = month(c.word())?;
    c.eat(b'.');
    (c.spaces() >= 1).then_some(())?;
    let (year, n) = c.digits(4)?;
    let year = i32::try_from(year).ok().filter(|_| n == 4)?;
    NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, c.pos))
}

/// "2022-08-19".
fn iso(s: &str) -> Option<(NaiveDate, usize)> {
    let mut c = Cursor { s, pos: 0 };
    let (year, 4) = c.digits(4)? else {
        return None;
    };
    c.eat(b'-').then_some(())?;
    let (month, 2) = c.digits(2)? else {
        return None;
    };
    c.eat(b'-').then_some(())?;
    let (day, 2) = c.digits(2)? else {
        return None;
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day).map(|d| (d, c.pos))
}

fn month(word: &str) -> Option<u32> {
    let month = match word.to_lowercase().as_str() {
        "januar" | "jänner" | "jan" => 1,
        "februar" | "feber" | "feb" => 2,
        "märz" | "maerz" | "mär" | "mrz" => 3,
        "april" | "apr" => 4,
        "mai" => 5,
        "juni" | "jun" => 6,
        "juli" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "oktober" | "okt" => 10,
        "november" | "nov" => 11,
        "dezember" | "dez" => 12,
        _ => return None,
    };
    Some(month)
}

/// Reads ASCII pieces off the front of a string; positions stay on char
/// boundaries because only ASCII is ever consumed byte by byte.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    /// A run of at most `max` digits (a longer run is no match), and its length.
    fn digits(&mut self, max: usize) -> Option<(u32, usize)> {
        let rest = self.rest();
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > max {
            return None;
        }
        let value = rest[..n].parse().ok()?;
        self.pos += n;
        Some((value, n))
    }

    /// A year of two digits (this century) or four.
    fn year(&mut self) -> Option<i32> {
        let (year, n) = self.digits(4)?;
        let year = i32::try_from(year).ok()?;
        match n {
            2 => Some(2000 + year),
            4 => Some(year),
            _ => None,
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.rest().as_bytes().first() == Some(&byte);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn spaces(&mut self) -> usize {
        let n = self.rest().bytes().take_while(|b| *b == b' ').count();
        self.pos += n;
        n
    }

    fn word(&mut self) -> &'a str {
        let rest = self.rest();
        let n = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(i, _)| i);
        self.pos += n;
        &rest[..n]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn reads_the_usual_forms() {
        let date = |t: &str| find(t).map(|f| f.date);
        assert_eq!(date("19.08.2022"), day(2022, 8, 19));
        assert_eq!(date("am 7.9.22, 17 Uhr"), day(2022, 9, 7));
        assert_eq!(date("vom 19. August 2022"), day(2022, 8, 19));
        assert_eq!(date("3. Mai 2024"), day(2024, 5, 3));
        assert_eq!(date("2022-08-19"), day(2022, 8, 19));
        assert_eq!(date("31.02.2022"), None);
        assert_eq!(date("F0071/20 1.1 Wie 19.08.20221"), None);
    }

    #[test]
    fn tells_a_date_line_from_a_sentence() {
        assert_eq!(only("Siegen, den 19.08.2022"), day(2022, 8, 19));
        assert_eq!(
            only("Mittwoch, 7. September 2022, 17:00 Uhr"),
            day(2022, 9, 7)
        );
        assert_eq!(only("Gemeinderat 28.07.2026 49 Ö Kenntnisnahme"), None);
        assert_eq!(
            only("Die Sitzung am 19.08.2022 wurde leider kurzfristig abgesagt"),
            None
        );
    }
}

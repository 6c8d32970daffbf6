//! List markers: "1.", "1)", "(1)", "1.1", "a)", "(a)", "-", "•".

use super::dates;

/// How a list item is marked; items marked differently from the first
/// item of their list are sub-items of the item before them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Number,
    Letter,
    Bullet,
}

/// The marker a line starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker<'a> {
    pub style: Style,
    /// As written, without brackets and the closing "." or ")"; empty for bullets.
    pub number: &'a str,
    /// The item's text after the marker.
    pub rest: &'a str,
}

const BULLETS: [&str; 16] = [
    "-", "–", "—", "•", "*", "·", "▪", "◦", "‣", "●", "○", "■", "□", "➢", "►", "→",
];

/// The list marker `text` starts with, if any.
pub(crate) fn marker(text: &str) -> Option<Marker<'_>> {
    let (token, rest) = match text.split_once(' ') {
        Some((token, rest)) => (token, rest.trim_start()),
        None => (text, ""),
    };
    if let Some(glued) = glued(token, text) {
        return Some(glued);
    }
    if !rest.chars().any(char::is_alphanumeric) {
        return None;
    }
    if BULLETS.contains(&token) {
        return Some(Marker {
            style: Style::Bullet,
            number: "",
            rest,
        });
    }
    let inner = token.trim_start_matches('(').trim_end_matches(['.', ')']);
    let closed = inner.len() < token.len();
    // "1" alone is a number in a sentence; "1.1" needs no closing mark.
    if is_number(inner) && (closed || inner.contains('.')) && dates::leading(text).is_none() {
        return Some(Marker {
            style: Style::Number,
            number: inner,
            rest,
        });
    }
    let mut chars = inner.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_ascii_alphabetic()
        && token.ends_with(')')
    {
        return Some(Marker {
            style: Style::Letter,
            number: inner,
            rest,
        });
    }
    None
}

/// "1.Wie viele …": a number glued to its text, as extraction leaves it.
fn glued<'a>(token: &'a str, text: &'a str) -> Option<Marker<'a>> {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let after = &text[digits..];
    let rest = after.strip_prefix(['.', ')'])?;
    rest.starts_with(char::is_uppercase).then_some(Marker {
        style: Style::Number,
        number: &text[..digits],
        rest,
    })
}

/// "1", "120", "1.2", "1.2.3": short numbers, so that "2022" or "1.000" is none.
fn is_number(s: &str) -> bool {
    let parts = s.split('.').count();
    (1..=3).contains(&parts)
        && s.split('.').enumerate().all(|(i, p)| {
            let longest = if i == 0 { 3 } else { 2 };
            (1..=longest).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(Style, &str, &str)> {
        marker(text).map(|m| (m.style, m.number, m.rest))
    }

    #[test]
    fn reads_the_usual_markers() {
        assert_eq!(read("1. Wie?"), Some((Style::Number, "1", "Wie?")));
        assert_eq!(read("2) Wie?"), Some((Style::Number, "2", "Wie?")));
        assert_eq!(read("(3) Wie?"), Some((Style::Number, "3", "Wie?")));
        assert_eq!(read("1.2 Wie?"), Some((Style::Number, "1.2", "Wie?")));
        assert_eq!(read("1.2. Wie?"), Some((Style::Number, "1.2", "Wie?")));
        assert_eq!(
            read("a) am Nordbecken"),
            Some((Style::Letter, "a", "am Nordbecken"))
        );
        assert_eq!(read("- Gibt es?"), Some((Style::Bullet, "", "Gibt es?")));
        assert_eq!(read("• Gibt es?"), Some((Style::Bullet, "", "Gibt es?")));
        assert_eq!(read("4.Wie?"), Some((Style::Number, "4", "Wie?")));
        assert_eq!(read("120. Wie?"), Some((Style::Number, "120", "Wie?")));
    }

    #[test]
    fn leaves_numbers_in_prose_alone() {
        for text in [
            "1 Wie?",
            "2022 wurde beschlossen",
            "1.000 Euro fehlen",
            "19.08.2022",
            "1. August 2022 begann",
            "57072 Siegen",
            "-- 1 of 1 --",
            "-",
            "a. b.",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}

//! Makes text from data files safe to print.
//!
//! Data is typed by people and may hold anything: an escape sequence that
//! retitles the terminal or clears it, a bidi override that reorders what is
//! shown. Every such character becomes a visible, harmless symbol.

use std::borrow::Cow;

/// One line of output: every control character, line breaks included, made visible.
pub fn line(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

/// A block of output: line breaks kept, tabs become spaces, every other
/// control character made visible.
pub fn block(text: &str) -> Cow<'_, str> {
    clean(text, true)
}

/// JSON as serde_json writes it, with the characters it lets through raw
/// (C1 controls such as the one-byte CSI, direction controls) written as
/// `\uXXXX` escapes: the same data for a script, nothing for a terminal
/// to act on. JSON's own structure is ASCII, so only strings change.
pub fn json(json: String) -> String {
    if !json.chars().any(|c| needs_care(c, true) && c != '\t') {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c if needs_care(c, true) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` on one line, cut at a word after some `max` characters ("…").
pub fn gist(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(max) {
        None => line,
        Some((at, _)) => {
            let cut = line[..at].rfind(' ').unwrap_or(at);
            format!("{} …", &line[..cut])
        }
    }
}

fn clean(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| needs_care(c, keep_newlines)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\t' => out.push_str("    "),
            '\r' if keep_newlines => {}
            c if needs_care(c, keep_newlines) => out.push_str(&visible(c)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_care(c: char, keep_newlines: bool) -> bool {
    match c {
        '\n' => !keep_newlines,
        // A bare carriage return moves the cursor (and ends iCalendar lines).
        '\r' | '\t' => true,
        c => c.is_control() || is_bidi_control(c) || is_noncharacter(c),
    }
}

/// Code points never to be interchanged; U+FFFE and U+FFFF would make an
/// XML part (a DOCX) unreadable.
fn is_noncharacter(c: char) -> bool {
    let code = c as u32;
    (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

/// Explicit direction controls: they reorder the text around them on screen.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// C0 controls get their Unicode control picture (ESC shows as ␛), the rest
/// their code point in angle brackets.
fn visible(c: char) -> String {
    let code = c as u32;
    match code {
        0x00..=0x1F => char::from_u32(0x2400 + code).map_or_else(String::new, String::from),
        0x7F => "\u{2421}".into(),
        _ => format!("<U+{code:04X}>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_its_data_and_loses_what_a_terminal_acts_on() {
        let raw = serde_json::to_string(&"a\u{9b}31m b\u{202e}c \u{1F600}").unwrap();
        let safe = json(raw);
        assert_eq!(safe, "\"a\\u009b31m b\\u202ec \u{1F600}\"");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{9b}31m b\u{202e}c \u{1F600}");
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(line("a\u{1b}]2;x\u{7}b"), "a␛]2;x␇b");
        assert_eq!(line("\u{1b}[2J"), "␛[2J");
        assert_eq!(line("a\u{202E}b"), "a<U+202E>b");
        assert_eq!(line("\u{9b}31m"), "<U+009B>31m");
    }

    #[test]
    fn line_breaks_depend_on_the_context() {
        assert_eq!(line("a\nb"), "a␊b");
        assert_eq!(block("a\r\nb\tc"), "a\nb    c");
    }

    #[test]
    fn plain_text_is_borrowed_untouched() {
        assert!(matches!(line("Straße, 07.09.2022 – ok"), Cow::Borrowed(_)));
    }
}

//! The text of a letter file: plain text or Markdown as it is, Word and
//! PDF through their own readers. Told apart by content, not only by name.

use std::path::Path;

/// Why a file gives no letter text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Cannot be opened or read.
    Unreadable(Cause),
    /// Nothing in it but blanks.
    Empty,
    /// Neither text, nor a Word or PDF file.
    Binary,
    /// A Word or PDF file whose text cannot be had: the reader's words.
    Damaged(String),
}

/// Why a file cannot be read: what the user can act on in their words
/// (see `i18n`), the rest in the system's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    Missing,
    Denied,
    Folder,
    Other(String),
}

impl Cause {
    pub fn of(error: &std::io::Error) -> Cause {
        match error.kind() {
            std::io::ErrorKind::NotFound => Cause::Missing,
            std::io::ErrorKind::PermissionDenied => Cause::Denied,
            std::io::ErrorKind::IsADirectory => Cause::Folder,
            _ => Cause::Other(error.to_string()),
        }
    }
}

/// The text of the letter in the file at `path`.
pub fn text_of(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| ReadError::Unreadable(Cause::of(&e)))?;
    text_of_bytes(&bytes)
}

/// The text of a letter given as the bytes of its file.
pub fn text_of_bytes(bytes: &[u8]) -> Result<String, ReadError> {
    let text = if bytes.starts_with(b"PK\x03\x04") {
        super::docx::text(bytes).map_err(ReadError::Damaged)?
    } else if bytes.starts_with(b"%PDF") {
        super::pdf::text(bytes).map_err(ReadError::Damaged)?
    } else {
        plain(bytes)?
    };
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(text)
}

/// Paths that continue what is typed: the entries of its folder whose
/// names begin with its last part (case ignored), folders ending in the
/// separator; letters first among files. `~` stands for the home folder.
pub fn complete_path(typed: &str) -> Vec<String> {
    let home = directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
    let expanded = match (typed.strip_prefix('~'), &home) {
        (Some(rest), Some(home)) => format!("{}{rest}", home.display()),
        _ => typed.to_string(),
    };
    let (folder, start) = match expanded.rfind(std::path::MAIN_SEPARATOR) {
        Some(at) => (
            expanded[..=at].to_string(),
            expanded[at + 1..].to_lowercase(),
        ),
        None => (String::new(), expanded.to_lowercase()),
    };
    let listed = if folder.is_empty() {
        "."
    } else {
        folder.as_str()
    };
    let Ok(entries) = std::fs::read_dir(listed) else {
        return Vec::new();
    };
    let mut out: Vec<(bool, String)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.to_lowercase().starts_with(&start) || name.starts_with('.') {
                return None;
            }
            let dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
            let letter = [".txt", ".md", ".docx", ".pdf"]
                .iter()
                .any(|x| name.to_lowercase().ends_with(x));
            if !dir && !letter {
                return None;
            }
            let sep = if dir {
                std::path::MAIN_SEPARATOR_STR
            } else {
                ""
            };
            Some((dir, format!("{folder}{name}{sep}")))
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, p)| p).take(50).collect()
}

/// Text as saved by an editor or pasted from a mail: UTF-8 (with or
/// without a byte-order mark), else Windows-1252 as old Windows programs
/// write it. Control bytes other than line breaks and tabs mean binary.
fn plain(bytes: &[u8]) -> Result<String, ReadError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let binary = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c');
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    };
    if text.chars().filter(|&c| binary(c)).count() > text.len() / 100 {
        return Err(ReadError::Binary);
    }
    // A form feed separates PDF pages pasted as text.
    Ok(text.replace("\r\n", "\n").replace(['\r', '\x0c'], "\n"))
}

/// One byte of Windows-1252 (Latin-1 with typographic signs at 0x80–0x9F).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        b => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_any_common_encoding_and_binary_refused() {
        assert_eq!(
            text_of_bytes("Anfrage\r\n1. Wie?".as_bytes()).unwrap(),
            "Anfrage\n1. Wie?"
        );
        assert_eq!(text_of_bytes(b"\xef\xbb\xbfAntrag").unwrap(), "Antrag");
        assert_eq!(
            text_of_bytes(b"Gr\xfc\xdfe \x84so\x93").unwrap(),
            "Grüße „so“"
        );
        assert_eq!(text_of_bytes(b" \n\t "), Err(ReadError::Empty));
        assert_eq!(
            text_of_bytes(&[0u8, 1, 2, 3, 4, 5, 0, 0, 7]),
            Err(ReadError::Binary)
        );
        assert!(matches!(
            text_of_bytes(b"%PDF-1.4 kaputt"),
            Err(ReadError::Damaged(_))
        ));
        assert!(matches!(
            text_of_bytes(b"PK\x03\x04kaputt"),
            Err(ReadError::Damaged(_))
        ));
    }
}

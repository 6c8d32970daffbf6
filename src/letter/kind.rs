//! The kind of a letter ("Antrag", "Große Anfrage", …) and the rule it
//! invokes ("§ 9 GeschO").

/// Words that may follow the kind on its line: "Antrag gemäß § 9 …",
/// "Anfrage der Fraktion …". Anything else makes the line prose.
const FOLLOWERS: [&str; 24] = [
    "gemäß",
    "gem.",
    "gem",
    "nach",
    "der",
    "des",
    "zur",
    "zum",
    "zu",
    "für",
    "von",
    "vom",
    "an",
    "im",
    "i.",
    "nr.",
    "nr",
    "betreffend",
    "betr.",
    "betr",
    "auf",
    "aus",
    "in",
    "wegen",
];

/// The kind a heading line names, spelled canonically, and the text after
/// the kind: "Antrag gemäß § 9 …" → ("Antrag", "gemäß § 9 …").
pub(crate) fn kind_of(line: &str) -> Option<(String, &str)> {
    let (first, rest) = word(line.trim_start());
    let lower = first.to_lowercase();
    let (size, kind_word, rest) = match lower.as_str() {
        "große" | "grosse" | "kleine" | "gemeinsamer" | "gemeinsame" | "interfraktioneller"
        | "interfraktionelle" | "schriftliche" | "mündliche" => {
            let (kind_word, rest) = word(rest.trim_start());
            // Joint or written motions are motions all the same; the size
            // of an inquiry is part of its kind.
            let size = match lower.as_str() {
                "große" | "grosse" => Some("Große "),
                "kleine" => Some("Kleine "),
                _ => None,
            };
            (size, kind_word, rest)
        }
        _ => (None, first, rest),
    };
    let kind = base(kind_word)?;
    if size.is_some() && kind != "Anfrage" {
        return None;
    }
    let after = rest.trim_start();
    let next = after
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let fits = after.is_empty()
        || after.starts_with([':', ',', '(', '-', '–', '§'])
        || after.starts_with(|c: char| c.is_ascii_digit())
        || FOLLOWERS.contains(&next.as_str());
    fits.then(|| (format!("{}{kind}", size.unwrap_or_default()), after))
}

/// The kind a sentence names: "bitten, folgenden Antrag … zu stellen" → "Antrag".
pub(crate) fn named_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).find_map(|pair| {
        let pointing = matches!(
            pair[0].to_lowercase().as_str(),
            "folgenden"
                | "folgende"
                | "diesen"
                | "diese"
                | "unseren"
                | "unsere"
                | "nachstehenden"
                | "nachstehende"
        );
        pointing
            .then(|| base(pair[1].trim_end_matches([',', '.', ':', ';'])))
            .flatten()
    })
}

/// The first word and the rest, the word ending at a space, colon or comma.
fn word(text: &str) -> (&str, &str) {
    let end = text.find([' ', ':', ',']).unwrap_or(text.len());
    (&text[..end], &text[end..])
}

/// "ANTRAG" → "Antrag", "Dringlichkeitsantrag", "Anregung/Beschwerde".
fn base(word: &str) -> Option<String> {
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let lower = word.to_lowercase();
    let known = lower.split('/').all(|part| {
        matches!(
            part,
            "antrag" | "anfrage" | "prüfauftrag" | "resolution" | "anregung" | "beschwerde"
        ) || (part.chars().all(char::is_alphabetic)
            && (part.ends_with("antrag") || part.ends_with("anfrage")))
    });
    known.then(|| {
        lower
            .split('/')
            .map(capitalized)
            .collect::<Vec<_>>()
            .join("/")
    })
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The rule a text invokes, in short form: "gemäß § 9 der Geschäftsordnung
/// für den Rat …" → "§ 9 GeschO", "gem. § 50 Abs. 2 HGO" → "§ 50 Abs. 2 HGO".
/// The flag says whether the law was recognised.
pub(crate) fn basis(text: &str) -> Option<(String, bool)> {
    let at = text.find('§')?;
    let after = &text[at..];
    let sign = if after.starts_with("§§") {
        "§§"
    } else {
        "§"
    };
    let mut tokens = after.trim_start_matches('§').split_whitespace().peekable();
    let number = tokens
        .next()
        .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))?;
    let mut parts = vec![sign.to_owned(), clean(number).to_owned()];
    while let Some(&token) = tokens.peek() {
        let unit = match token {
            "Abs." | "Abs" | "Absatz" => "Abs.",
            "Satz" | "S." => "Satz",
            "Nr." | "Nr" | "Nummer" => "Nr.",
            "Ziff." | "Ziffer" => "Ziff.",
            "lit." | "Buchst." => token,
            _ => break,
        };
        tokens.next();
        let Some(value) = tokens.next_if(|t| t.starts_with(|c: char| c.is_alphanumeric())) else {
            break;
        };
        parts.push(unit.to_owned());
        parts.push(clean(value).to_owned());
    }
    while tokens
        .next_if(|t| matches!(*t, "der" | "des" | "die" | "unserer"))
        .is_some()
    {}
    let sure = match tokens.next().map(clean) {
        Some(law) if law.to_lowercase().starts_with("geschäftsordnung") || law == "GeschO" => {
            parts.push("GeschO".to_owned());
            true
        }
        Some(law) if is_abbreviation(law) => {
            parts.push(law.to_owned());
            if let Some(state) = tokens.next().map(clean).filter(|s| is_state(s)) {
                parts.push(state.to_owned());
            }
            true
        }
        Some(law)
            if law.starts_with(char::is_uppercase) && law.chars().all(char::is_alphabetic) =>
        {
            parts.push(law.to_owned());
            false
        }
        _ => false,
    };
    Some((parts.join(" "), sure))
}

/// A token without the punctuation a sentence puts after it.
fn clean(token: &str) -> &str {
    token.trim_end_matches([',', ';', ':', ')', '.'])
}

/// "HGO", "GO", "NKomVG", "GemO": short, with two capitals at least.
fn is_abbreviation(token: &str) -> bool {
    token.chars().count() <= 12
        && token.starts_with(char::is_uppercase)
        && token.chars().all(|c| c.is_alphabetic() || c == '-')
        && token.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The state a municipal code belongs to: "GO NRW", "KVG LSA".
fn is_state(token: &str) -> bool {
    matches!(
        token,
        "NRW" | "NW" | "LSA" | "BW" | "M-V" | "MV" | "SH" | "RLP" | "RP" | "BY"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Option<String> {
        kind_of(line).map(|(k, _)| k)
    }

    #[test]
    fn names_the_kind() {
        assert_eq!(
            kind("Antrag gemäß § 9 der GeschO").as_deref(),
            Some("Antrag")
        );
        assert_eq!(kind("Anfrage").as_deref(), Some("Anfrage"));
        assert_eq!(kind("Anfrage: GRÜNE").as_deref(), Some("Anfrage"));
        assert_eq!(
            kind("Große Anfrage der SPD").as_deref(),
            Some("Große Anfrage")
        );
        assert_eq!(
            kind("ÄNDERUNGSANTRAG zur Vorlage").as_deref(),
            Some("Änderungsantrag")
        );
        assert_eq!(
            kind("Gemeinsamer Antrag der Fraktionen").as_deref(),
            Some("Antrag")
        );
        assert_eq!(
            kind("Anregung/Beschwerde gemäß § 24 GO NRW").as_deref(),
            Some("Anregung/Beschwerde")
        );
        assert_eq!(kind("Antragsteller: CDU"), None);
        assert_eq!(kind("Antrag wurde gestellt"), None);
        assert_eq!(kind("Große Pläne"), None);
    }

    #[test]
    fn shortens_the_basis() {
        let short = |t: &str| basis(t).map(|(b, _)| b);
        assert_eq!(
            short("Antrag gemäß § 9 der Geschäftsordnung für den Rat").as_deref(),
            Some("§ 9 GeschO")
        );
        assert_eq!(
            short("gem. § 50 Abs. 2 HGO.").as_deref(),
            Some("§ 50 Abs. 2 HGO")
        );
        assert_eq!(short("nach § 24 GO NRW").as_deref(), Some("§ 24 GO NRW"));
        assert_eq!(
            short("gemäß §12 Absatz 1 GeschO").as_deref(),
            Some("§ 12 Abs. 1 GeschO")
        );
        assert_eq!(
            basis("nach § 4 der Hauptsatzung"),
            Some(("§ 4 Hauptsatzung".into(), false))
        );
        assert_eq!(basis("§ ohne Zahl"), None);
    }
}

//! Section headings of a letter's body and the set phrases around them:
//! salutation, closing, the sentence that introduces questions.

/// The part of the body a heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// Before any heading: the sentence naming the groups, or questions.
    Intro,
    Proposal,
    Rationale,
    /// "Vorbemerkung": background, whose lists are never questions.
    Preamble,
    Questions,
}

/// The section a heading line opens, and the text after its colon.
pub(crate) fn heading(text: &str) -> Option<(Section, &str)> {
    let (head, rest) = match text.split_once(':') {
        Some((head, rest)) => (head.trim(), rest.trim()),
        None => (text.trim(), ""),
    };
    let colon = text.contains(':');
    let lower = head.to_lowercase();
    let words = head.split_whitespace().count();
    let section = match lower.as_str() {
        "beschlussvorschlag"
        | "beschlussentwurf"
        | "beschlusstext"
        | "beschlussvorlage"
        | "antragstext"
        | "beschluss"
        | "vorschlag zur beschlussfassung" => Section::Proposal,
        // "Antrag" alone names the kind; with a colon and nothing after it
        // heads the text of the motion.
        "antrag" if colon && rest.is_empty() => Section::Proposal,
        "begründung"
        | "sachverhalt"
        | "erläuterung"
        | "erläuterungen"
        | "zur begründung"
        | "begründung und sachverhalt"
        | "sachverhalt und begründung" => Section::Rationale,
        "hintergrund" if colon => Section::Rationale,
        "fragen" | "fragestellung" | "fragenkatalog" => Section::Questions,
        _ if is_pair(&lower) => Section::Rationale,
        // "Der Rat möge beschließen:" frames the proposal.
        _ if colon && rest.is_empty() && words <= 12 && frames_proposal(&lower) => {
            Section::Proposal
        }
        _ if lower.starts_with("begründung") && colon && rest.is_empty() && words <= 5 => {
            Section::Rationale
        }
        _ if lower.starts_with("vorbemerkung") && words <= 5 => Section::Preamble,
        _ => return None,
    };
    Some((section, rest))
}

/// "Begründung/Sachverhalt", "Sachverhalt / Begründung".
fn is_pair(lower: &str) -> bool {
    lower.split_once('/').is_some_and(|(a, b)| {
        [a.trim(), b.trim()]
            .iter()
            .all(|w| matches!(*w, "begründung" | "sachverhalt"))
    })
}

fn frames_proposal(lower: &str) -> bool {
    ["beschließen", "beschließt", "beantragen", "beantragt"]
        .iter()
        .any(|verb| lower.ends_with(verb))
}

/// "Dabei sollen folgende Fragen beantwortet werden:", "Wir fragen den Magistrat:".
pub(crate) fn introduces_questions(text: &str) -> bool {
    let lower = text.trim_end().to_lowercase();
    lower.ends_with(':') && (lower.contains("frage") || lower.contains("beantwort"))
}

/// A paragraph as (all but its last sentence, the last sentence).
pub(crate) fn split_last_sentence(text: &str) -> (&str, &str) {
    let body = text.trim_end();
    let cut = body
        .char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, '.' | '?' | '!') && body[i + c.len_utf8()..].starts_with(' '))
        .map(|(i, c)| i + c.len_utf8());
    match cut {
        Some(at) => (body[..at].trim(), body[at..].trim()),
        None => ("", body),
    }
}

/// "Ich bitte um schriftliche Beantwortung.": politeness, not reasons.
pub(crate) fn is_courtesy(text: &str) -> bool {
    let lower = text.to_lowercase();
    const OPENINGS: [&str; 10] = [
        "ich bitte",
        "wir bitten",
        "um beantwortung",
        "um schriftliche",
        "für die beantwortung",
        "vielen dank",
        "besten dank",
        "herzlichen dank",
        "wir danken",
        "ich danke",
    ];
    text.chars().count() <= 160 && OPENINGS.iter().any(|o| lower.starts_with(o))
}

/// "Sehr geehrter Herr Bürgermeister Mues,".
pub(crate) fn is_salutation(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "sehr geehrte",
        "sehr verehrte",
        "liebe ",
        "lieber ",
        "guten tag",
        "hallo",
    ]
    .iter()
    .any(|s| lower.starts_with(s))
}

/// "Mit freundlichen Grüßen", "Freundliche Grüße", "Hochachtungsvoll".
pub(crate) fn is_closing(text: &str) -> bool {
    let lower = text.to_lowercase();
    let short = lower.split_whitespace().count() <= 5;
    let greets = lower.contains("grüß") || lower.contains("gruß") || lower.contains("grüße");
    short
        && ((lower.starts_with("mit ") && greets)
            || ["freundliche", "beste", "viele", "herzliche", "liebe"]
                .iter()
                .any(|w| lower.starts_with(w) && greets)
            || lower.starts_with("hochachtungsvoll"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headings() {
        assert_eq!(
            heading("Beschlussvorschlag:"),
            Some((Section::Proposal, ""))
        );
        assert_eq!(
            heading("Begründung: Weil."),
            Some((Section::Rationale, "Weil."))
        );
        assert_eq!(
            heading("Begründung/Sachverhalt"),
            Some((Section::Rationale, ""))
        );
        assert_eq!(heading("Vorbemerkung:"), Some((Section::Preamble, "")));
        assert_eq!(
            heading("Der Rat der Stadt möge beschließen:"),
            Some((Section::Proposal, ""))
        );
        assert_eq!(heading("Anfrage: GRÜNE"), None);
        assert_eq!(heading("Antrag"), None);
        assert_eq!(heading("Begründung der Sache ist klar"), None);
    }

    #[test]
    fn reads_set_phrases() {
        assert!(introduces_questions("Wir fragen den Magistrat:"));
        assert!(!introduces_questions("die Fraktionen bitten, abzustimmen:"));
        assert!(is_closing("Mit freundlichen Grüßen,"));
        assert!(!is_closing("Mit den Mitteln wurde viel erreicht."));
        assert!(is_courtesy("Ich bitte um schriftliche Beantwortung."));
        assert!(is_salutation("Sehr geehrter Herr Bürgermeister Mues,"));
        assert_eq!(
            split_last_sentence("Es schimmelt. Wir fragen: "),
            ("Es schimmelt.", "Wir fragen:")
        );
        assert_eq!(split_last_sentence("Wir fragen:"), ("", "Wir fragen:"));
    }
}

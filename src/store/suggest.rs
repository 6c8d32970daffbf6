//! "Did you mean …?": the known name a mistyped one most likely means.

/// Words people write for a schema key, in German or English, that are not
/// typos of it: `ort = "Rathaus"` means `location`.
const SYNONYMS: &[(&str, &str)] = &[
    ("place", "location"),
    ("ort", "location"),
    ("raum", "location"),
    ("room", "location"),
    ("datum", "date"),
    ("day", "date"),
    ("zeit", "time"),
    ("uhrzeit", "time"),
    ("beginn", "time"),
    ("start", "time"),
    ("ausschuss", "committee"),
    ("gremium", "committee"),
    ("titel", "title"),
    ("name", "title"),
    ("betreff", "title"),
    ("art", "kind"),
    ("typ", "kind"),
    ("type", "kind"),
    ("nummer", "number"),
    ("nr", "number"),
    ("no", "number"),
    ("frage", "text"),
    ("antwort", "answer"),
    ("zustaendig", "assignee"),
    ("zuständig", "assignee"),
    ("department", "assignee"),
    ("frist", "due"),
    ("deadline", "due"),
    ("fraktion", "submitters"),
    ("fraktionen", "submitters"),
    ("groups", "submitters"),
    ("eingang", "submitted"),
    ("eingereicht", "submitted"),
    ("sitzung", "session"),
    ("drucksache", "reference"),
    ("vorlage", "reference"),
    ("begruendung", "rationale"),
    ("begründung", "rationale"),
    ("beschlussvorschlag", "proposal"),
    ("antrag", "proposal"),
    ("oeffentlich", "public"),
    ("öffentlich", "public"),
    ("antraege", "motions"),
    ("anträge", "motions"),
];

/// The known name most like `name`, if one is close enough to be a typo.
pub(crate) fn closest<'k>(name: &str, known: impl Iterator<Item = &'k str>) -> Option<String> {
    known
        .map(|k| (strsim::normalized_damerau_levenshtein(name, k), k))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.to_string())
}

/// The schema key an unknown key most likely means: a typo of one of
/// `known`, or another word for one of them.
pub(crate) fn key(name: &str, known: &[&str]) -> Option<String> {
    closest(name, known.iter().copied()).or_else(|| {
        let lower = name.to_lowercase();
        SYNONYMS
            .iter()
            .find(|(word, key)| *word == lower && known.contains(key))
            .map(|(_, key)| key.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn typos_and_other_words_lead_to_the_schema_key() {
        let session = ["id", "committee", "date", "time", "location"];
        assert_eq!(key("staus", &["status", "text"]).as_deref(), Some("status"));
        assert_eq!(key("place", &session).as_deref(), Some("location"));
        assert_eq!(key("Ort", &session).as_deref(), Some("location"));
        assert_eq!(key("gremium", &session).as_deref(), Some("committee"));
        // Another word for a key the table does not have suggests nothing.
        assert_eq!(key("antwort", &session), None);
        assert_eq!(key("xyz", &session), None);
    }
}

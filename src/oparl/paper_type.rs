//! What a paper's type (`paperType`) tells: whether it may ask the
//! administration questions.

/// Whether a paper of this type (`paperType`) may ask the administration
/// questions: a council group's motion or inquiry ("Antrag", "Kleine
/// Anfrage"), not the administration's answer to one ("Beantwortung einer
/// Anfrage", "Antwort auf …", "Stellungnahme") nor its own proposals.
pub(super) fn may_ask(kind: &str) -> bool {
    let kind = crate::fold::fold(kind);
    let answers = ["antwort", "stellungnahme"]
        .iter()
        .any(|w| kind.contains(w));
    let asks = ["anfrage", "antrag", "antraege"]
        .iter()
        .any(|w| kind.contains(w));
    asks && !answers
}

#[cfg(test)]
mod tests {
    use super::may_ask;

    #[test]
    fn motions_and_inquiries_ask_answers_and_proposals_do_not() {
        for kind in [
            "Anfrage",
            "Große Anfrage",
            "Antrag",
            "Dringlichkeitsantrag",
            "ANTRAG",
        ] {
            assert!(may_ask(kind), "{kind}");
        }
        for kind in [
            "Beantwortung einer Anfrage",
            "Antwort auf Anfrage",
            "Stellungnahme der Verwaltung zum Antrag",
            "Beschlussvorlage",
            "Mitteilungsvorlage",
        ] {
            assert!(!may_ask(kind), "{kind}");
        }
    }
}

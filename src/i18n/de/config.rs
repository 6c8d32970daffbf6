//! Probleme der Einstellungsdatei, in Worten.

use super::German;
use crate::config::{ConfigIssue, ConfigProblem};

impl German {
    pub(super) fn config_words(problem: &ConfigProblem) -> String {
        let place = crate::i18n::config_place(problem);
        match &problem.issue {
            ConfigIssue::Invalid(detail) if crate::i18n::unknown_setting(detail).is_some() => {
                let (typed, near) = crate::i18n::unknown_setting(detail).unwrap_or_default();
                let hint = near
                    .map(|n| format!(" Meinten Sie „{n}“?"))
                    .unwrap_or_default();
                format!(
                    "{place}: Eine Einstellung „{typed}“ gibt es nicht; sie bleibt unbeachtet.{hint}"
                )
            }
            ConfigIssue::Invalid(detail) => {
                format!(
                    "{place}: Einstellung ungültig ({detail}); hier gilt die Voreinstellung, die übrigen Einstellungen bleiben."
                )
            }
            ConfigIssue::Unusable(detail) => {
                format!(
                    "{place}: Die Datei ist nicht lesbar ({detail}); es gelten die Voreinstellungen."
                )
            }
            ConfigIssue::BadKey { action, key } => format!(
                "{place}: „{key}“ ist keine Taste (bei {action}); Beispiele: \"j\", \"ctrl-r\", \"shift-g\", \"enter\"."
            ),
            ConfigIssue::WrongSection {
                action,
                section,
                belongs,
            } => format!(
                "{place}: „{action}“ gehört nicht unter [{section}], sondern unter [{belongs}]; diese Zeile gilt nicht."
            ),
            ConfigIssue::NotAColour(wrong) => format!(
                "{place}: unter [theme] ist „{}“ weder ein Farbschema (dark, light, high-contrast) noch eine Farbe (ein Name wie blue oder #336699); dort gilt die Voreinstellung.",
                wrong.join("“, „")
            ),
            ConfigIssue::Unreadable(reason) => {
                format!(
                    "{place}: kann nicht gelesen werden ({reason}); es gelten die Voreinstellungen."
                )
            }
        }
    }
}

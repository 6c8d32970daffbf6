//! Problems of the config file, in English.

use super::English;
use crate::config::{ConfigIssue, ConfigProblem};

impl English {
    pub(super) fn config_words(problem: &ConfigProblem) -> String {
        let place = crate::i18n::config_place(problem);
        match &problem.issue {
            ConfigIssue::Invalid(detail) if crate::i18n::unknown_setting(detail).is_some() => {
                let (typed, near) = crate::i18n::unknown_setting(detail).unwrap_or_default();
                let hint = near
                    .map(|n| format!(" Did you mean \"{n}\"?"))
                    .unwrap_or_default();
                format!("{place}: there is no setting \"{typed}\"; it is ignored.{hint}")
            }
            ConfigIssue::Invalid(detail) => {
                format!(
                    "{place}: invalid setting ({detail}); its default applies, the other settings stand."
                )
            }
            ConfigIssue::Unusable(detail) => {
                format!("{place}: the file cannot be read ({detail}); the defaults apply.")
            }
            ConfigIssue::BadKey { action, key } => format!(
                "{place}: \"{key}\" is not a key (for {action}); examples: \"j\", \"ctrl-r\", \"shift-g\", \"enter\"."
            ),
            ConfigIssue::WrongSection {
                action,
                section,
                belongs,
            } => format!(
                "{place}: \"{action}\" does not belong under [{section}] but under [{belongs}]; this line is ignored."
            ),
            ConfigIssue::NotAColour(wrong) => format!(
                "{place}: under [theme], \"{}\" is neither a theme (dark, light, high-contrast) nor a colour (a name like blue, or #336699); the default applies there.",
                wrong.join("\", \"")
            ),
            ConfigIssue::Unreadable(reason) => {
                format!("{place}: cannot be read ({reason}); the defaults apply.")
            }
        }
    }
}

//! Settings: the documented defaults in `config/config.toml`, built in, with
//! the user's own `config.toml` laid over them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::input::{Action, Keymap, Section, parse_key};
use crate::store::Location;
use crate::store::lines::LineIndex;

/// The built-in defaults, documented for users.
pub const DEFAULTS: &str = include_str!("../config/config.toml");

/// The effective settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: Option<PathBuf>,
    pub keymap: Keymap,
    pub oparl: Oparl,
    pub deadlines: crate::deadline::Rules,
    pub report: Report,
    pub watch: Watch,
    pub ui: Ui,
    pub theme: crate::theme::Settings,
}

/// `[ui]`: how the full-screen view behaves.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Ui {
    /// Click selects, double click opens, the wheel scrolls. Off, the
    /// terminal's own selection of text works as usual.
    pub mouse: bool,
}

impl Default for Ui {
    fn default() -> Ui {
        Ui { mouse: true }
    }
}

/// `[watch]`: seeing changes by others without a key.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Watch {
    pub enabled: bool,
    /// Look every so many seconds instead of waiting for the system's
    /// events (for network shares that send none); 0: the system's events.
    pub poll_seconds: u32,
}

impl Default for Watch {
    fn default() -> Watch {
        Watch {
            enabled: true,
            poll_seconds: 0,
        }
    }
}

impl Watch {
    /// How often to look, where polling.
    pub fn poll(&self) -> Option<std::time::Duration> {
        (self.poll_seconds > 0).then(|| std::time::Duration::from_secs(self.poll_seconds.into()))
    }
}

/// `[report]`: how reports and answer letters look.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Report {
    /// The letterhead's first line: "Stadt Siegen – Der Bürgermeister".
    pub issuer: Option<String>,
    /// The office that writes: "Amt für Soziales und Wohnen".
    pub department: Option<String>,
    /// Who answers questions about it: name, phone, mail.
    pub contact: Option<String>,
    /// The language of reports, whatever the system's is.
    pub language: ReportLanguage,
    /// Whether motions show their proposal and rationale.
    pub proposal_and_rationale: bool,
    /// In the final version, instead of a missing answer.
    pub open_final: Option<String>,
    /// The format `x` in the app offers first.
    pub format: ReportFormat,
}

impl Default for Report {
    fn default() -> Report {
        Report {
            issuer: None,
            department: None,
            contact: None,
            language: ReportLanguage::De,
            proposal_and_rationale: true,
            open_final: None,
            format: ReportFormat::Html,
        }
    }
}

/// The languages a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportLanguage {
    De,
    En,
}

/// The formats `x` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    Html,
    Docx,
    Markdown,
}

/// Where the council information system is, for `I` and
/// `agenda import oparl` without a source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Oparl {
    /// The OParl address of the body (or system) to pull from.
    pub url: Option<String>,
    /// Only meetings of committees whose name contains this.
    pub committee: Option<String>,
    /// Only meetings from this many days ago on.
    pub days_back: Option<u32>,
    /// The council's time zone (IANA name), for times given in UTC.
    pub timezone: Option<String>,
}

impl Oparl {
    fn over(self, defaults: Oparl) -> Oparl {
        Oparl {
            url: self.url.or(defaults.url).filter(|u| !u.trim().is_empty()),
            committee: self.committee.or(defaults.committee),
            days_back: self.days_back.or(defaults.days_back),
            timezone: self.timezone.or(defaults.timezone),
        }
    }

    /// The council's time zone: `timezone`, else Europe/Berlin (where a
    /// name is not one, `check_zone` has said so).
    pub fn zone(&self) -> chrono_tz::Tz {
        self.timezone
            .as_deref()
            .and_then(|z| z.parse().ok())
            .unwrap_or(chrono_tz::Europe::Berlin)
    }
}

/// Something wrong in the user's config file; the defaults stand in for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub path: PathBuf,
    pub location: Option<Location>,
    pub issue: ConfigIssue,
}

/// What is wrong in a config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigIssue {
    /// The TOML parser's words (unknown setting, unknown action, wrong
    /// value): that setting keeps its default.
    Invalid(String),
    /// The file cannot be read as TOML at all: every default stands.
    Unusable(String),
    /// Under `[theme]`, what is neither a theme nor a colour.
    NotAColour(Vec<String>),
    /// A key name that means no key.
    BadKey {
        action: String,
        key: String,
    },
    Unreadable(String),
    /// A browsing action under `[text_keys]`, or the other way round.
    WrongSection {
        action: String,
        section: String,
        belongs: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    data_dir: Option<PathBuf>,
    #[serde(default)]
    keys: BTreeMap<Action, Vec<String>>,
    #[serde(default)]
    text_keys: BTreeMap<Action, Vec<String>>,
    #[serde(default)]
    oparl: Oparl,
    deadlines: Option<crate::deadline::Rules>,
    report: Option<Report>,
    watch: Option<Watch>,
    ui: Option<Ui>,
    theme: Option<crate::theme::Settings>,
}

fn too_long(rules: &crate::deadline::Rules) -> bool {
    const DECADE: u32 = 3650;
    rules.answer_days_before_session > DECADE
        || rules.inquiry_answer_days.is_some_and(|d| d > DECADE)
}

/// The settings of a file that read as a whole does not: each section
/// that is right on its own is kept, and of a wrong one each setting that
/// is right on its own (the problem was said already).
fn salvage(text: &str) -> Option<RawConfig> {
    let table: toml::Table = toml::from_str(text).ok()?;
    fn part<T: serde::de::DeserializeOwned>(table: &toml::Table, key: &str) -> Option<T> {
        let section = table.get(key)?;
        if let Ok(whole) = section.clone().try_into() {
            return Some(whole);
        }
        let toml::Value::Table(settings) = section else {
            return None;
        };
        let alone = |key: &String, value: &toml::Value| {
            let one = toml::Table::from_iter([(key.clone(), value.clone())]);
            toml::Value::Table(one).try_into::<T>().is_ok()
        };
        let right: toml::Table = settings
            .iter()
            .filter(|(k, v)| alone(k, v))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        toml::Value::Table(right).try_into().ok()
    }
    Some(RawConfig {
        data_dir: part(&table, "data_dir"),
        keys: part(&table, "keys").unwrap_or_default(),
        text_keys: part(&table, "text_keys").unwrap_or_default(),
        oparl: part(&table, "oparl").unwrap_or_default(),
        deadlines: part(&table, "deadlines"),
        report: part(&table, "report"),
        watch: part(&table, "watch"),
        ui: part(&table, "ui"),
        theme: part(&table, "theme"),
    })
}

/// What under `[theme]` in the file at `path` is neither a theme nor a
/// colour, placed at the first of them.
pub fn theme_problem(path: &Path, wrong: Vec<String>) -> ConfigProblem {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let location = wrong
        .first()
        .and_then(|w| text.find(&format!("\"{w}\"")))
        .map(|offset| LineIndex::new(&text).locate(&text, offset));
    ConfigProblem {
        path: path.to_path_buf(),
        location,
        issue: ConfigIssue::NotAColour(wrong),
    }
}

/// Where the user's config file is: `AGENDA_CONFIG`, else the platform config folder.
pub fn user_path(env_config: Option<PathBuf>) -> Option<PathBuf> {
    env_config
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(|| {
            directories::ProjectDirs::from("", "", "agenda")
                .map(|d| d.config_dir().join("config.toml"))
        })
}

/// Loads the defaults and the user's file at `path`, if it exists.
pub fn load(path: Option<&Path>) -> (Config, Vec<ConfigProblem>) {
    let user = path.and_then(|p| match std::fs::read_to_string(p) {
        Ok(text) => Some(Ok((p, text))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => Some(Err((p, e.to_string()))),
    });
    match user {
        None => from_text(None),
        Some(Ok((path, text))) => from_text(Some((path, &text))),
        Some(Err((path, reason))) => {
            let (config, mut problems) = from_text(None);
            problems.push(ConfigProblem {
                path: path.to_path_buf(),
                location: None,
                issue: ConfigIssue::Unreadable(reason),
            });
            (config, problems)
        }
    }
}

/// The defaults with `user` (path, text) laid over them.
pub fn from_text(user: Option<(&Path, &str)>) -> (Config, Vec<ConfigProblem>) {
    let defaults: RawConfig = toml::from_str(DEFAULTS).expect("built-in config is valid");
    let mut sections = [
        (Section::Browse, "keys", defaults.keys, BTreeMap::new()),
        (
            Section::Text,
            "text_keys",
            defaults.text_keys,
            BTreeMap::new(),
        ),
    ];
    let mut data_dir = None;
    let mut oparl = Oparl::default();
    let mut deadlines = None;
    let mut report = None;
    let mut watch = None;
    let mut ui = None;
    let mut theme = None;
    let mut problems = Vec::new();
    if let Some((path, text)) = user {
        let parsed = toml::from_str::<RawConfig>(text).map_err(|e| {
            let location = e.span().map(|s| LineIndex::new(text).locate(text, s.start));
            problems.push(ConfigProblem {
                path: path.to_path_buf(),
                location,
                issue: ConfigIssue::Invalid(e.message().trim().to_string()),
            });
        });
        // One wrong value costs only itself, not the whole file.
        let usable = parsed.ok().or_else(|| salvage(text));
        if usable.is_none()
            && let Some(problem) = problems.last_mut()
            && let ConfigIssue::Invalid(detail) = &problem.issue
        {
            problem.issue = ConfigIssue::Unusable(detail.clone());
        }
        if let Some(raw) = usable {
            data_dir = raw.data_dir;
            oparl = raw.oparl;
            deadlines = raw.deadlines;
            report = raw.report;
            watch = raw.watch;
            ui = raw.ui;
            theme = raw.theme;
            let [browse, typing] = &mut sections;
            browse.3 = raw.keys;
            typing.3 = raw.text_keys;
        }
    }
    // Beyond ten years a rule is a typo, and the dates it gives do not exist.
    if let Some(rules) = deadlines.as_mut().filter(|r| too_long(r))
        && let Some((path, _)) = user
    {
        *rules = crate::deadline::Rules::default();
        problems.push(ConfigProblem {
            path: path.to_path_buf(),
            location: None,
            issue: ConfigIssue::Invalid(
                "[deadlines]: more than 3650 days; the default rule stands in".to_string(),
            ),
        });
    }
    let mut bindings = Vec::new();
    for (section, name, defaults, theirs) in sections {
        let keys = lay_over(defaults, theirs, |action, key| {
            let (path, text) = user.expect("user keys come from a user file");
            if action.section() != section {
                problems.push(wrong_section(path, text, action, name));
                return false;
            }
            let ok = parse_key(key).is_ok();
            if !ok {
                problems.push(bad_key(path, text, action, key));
            }
            ok
        });
        for action in Action::of(section) {
            for name in keys.get(&action).into_iter().flatten() {
                if let Ok(key) = parse_key(name) {
                    bindings.push((key, action));
                }
            }
        }
    }
    if let Some((path, _)) = user
        && let Some(zone) = oparl.timezone.as_deref()
        && zone.parse::<chrono_tz::Tz>().is_err()
    {
        problems.push(ConfigProblem {
            path: path.to_path_buf(),
            location: None,
            issue: ConfigIssue::Invalid(format!(
                "[oparl] timezone = \"{zone}\" is no time zone; write one like \"Europe/Berlin\""
            )),
        });
    }
    // An action in the wrong section is told once, not once per key.
    problems.dedup();
    let config = Config {
        data_dir,
        keymap: Keymap::new(bindings),
        oparl: oparl.over(defaults.oparl),
        deadlines: deadlines.or(defaults.deadlines).unwrap_or_default(),
        report: report.or(defaults.report).unwrap_or_default(),
        watch: watch.or(defaults.watch).unwrap_or_default(),
        ui: ui.or(defaults.ui).unwrap_or_default(),
        theme: theme.or(defaults.theme).unwrap_or_default(),
    };
    (config, problems)
}

/// The user's keys over the defaults of one section: an action the user
/// names gets exactly their keys (those `valid` accepts), and a key the user
/// bound belongs to that action even where a default of an action the user
/// left alone uses it too.
fn lay_over(
    mut keys: BTreeMap<Action, Vec<String>>,
    theirs: BTreeMap<Action, Vec<String>>,
    mut valid: impl FnMut(Action, &str) -> bool,
) -> BTreeMap<Action, Vec<String>> {
    let mut user_actions: Vec<Action> = Vec::new();
    for (action, names) in theirs {
        let names: Vec<String> = names.into_iter().filter(|n| valid(action, n)).collect();
        keys.insert(action, names);
        user_actions.push(action);
    }
    let taken: Vec<String> = user_actions
        .iter()
        .flat_map(|a| keys.get(a).into_iter().flatten().map(|k| k.to_lowercase()))
        .collect();
    for (action, names) in keys.iter_mut() {
        if !user_actions.contains(action) {
            names.retain(|n| !taken.contains(&n.to_lowercase()));
        }
    }
    keys
}

/// An action named in the other section of keys than its own.
fn wrong_section(path: &Path, text: &str, action: Action, section: &str) -> ConfigProblem {
    let name = action_name(action);
    let location = text
        .find(&format!("{name} ="))
        .or_else(|| text.find(&name))
        .map(|offset| LineIndex::new(text).locate(text, offset));
    let other = match action.section() {
        Section::Browse => "keys",
        Section::Text => "text_keys",
    };
    ConfigProblem {
        path: path.to_path_buf(),
        location,
        issue: ConfigIssue::WrongSection {
            action: name,
            section: section.to_string(),
            belongs: other.to_string(),
        },
    }
}

/// An action as written in config.toml: `page_down`.
fn action_name(action: Action) -> String {
    serde_json::to_value(action)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn bad_key(path: &Path, text: &str, action: Action, name: &str) -> ConfigProblem {
    let quoted = format!("\"{name}\"");
    let location = text
        .find(&quoted)
        .map(|offset| LineIndex::new(text).locate(text, offset));
    let action = action_name(action);
    ConfigProblem {
        path: path.to_path_buf(),
        location,
        issue: ConfigIssue::BadKey {
            action,
            key: name.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn defaults_bind_every_action() {
        let (config, problems) = from_text(None);
        assert!(problems.is_empty());
        for action in Action::all() {
            assert!(
                config.keymap.keys(action).next().is_some(),
                "{action:?} unbound"
            );
        }
        assert_eq!(config.keymap.browse_action(press('j')), Some(Action::Down));
    }

    #[test]
    fn no_default_key_does_two_things() {
        let (config, _) = from_text(None);
        // Within a section; Enter opens while browsing and accepts while typing.
        for section in [Section::Browse, Section::Text] {
            let mut seen = std::collections::HashMap::new();
            for action in Action::of(section) {
                for key in config.keymap.keys(action) {
                    if let Some(other) = seen.insert(key, action) {
                        panic!("{key} is bound to {other:?} and {action:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn an_action_in_the_wrong_section_is_reported_and_ignored() {
        let text = "[text_keys]\nquit = [\"ctrl-q\"]\n";
        let (config, problems) = from_text(Some((Path::new("c.toml"), text)));
        assert_eq!(
            problems,
            [ConfigProblem {
                path: "c.toml".into(),
                location: Some(Location { line: 2, column: 1 }),
                issue: ConfigIssue::WrongSection {
                    action: "quit".into(),
                    section: "text_keys".into(),
                    belongs: "keys".into(),
                },
            }]
        );
        assert_eq!(config.keymap.browse_action(press('q')), Some(Action::Quit));
    }

    #[test]
    fn user_keys_replace_the_defaults_of_that_action_only() {
        let text = "[keys]\ndown = [\"n\"]\n";
        let (config, problems) = from_text(Some((Path::new("c.toml"), text)));
        assert!(problems.is_empty());
        assert_eq!(config.keymap.browse_action(press('n')), Some(Action::Down));
        assert_eq!(config.keymap.browse_action(press('j')), None);
        assert_eq!(config.keymap.browse_action(press('k')), Some(Action::Up));
    }

    #[test]
    fn bad_user_config_is_reported_and_defaults_stand() {
        let text = "[keys]\nquit = [\"ctrll-x\", \"x\"]\n";
        let (config, problems) = from_text(Some((Path::new("c.toml"), text)));
        assert_eq!(
            problems,
            [ConfigProblem {
                path: "c.toml".into(),
                location: Some(Location { line: 2, column: 9 }),
                issue: ConfigIssue::BadKey {
                    action: "quit".into(),
                    key: "ctrll-x".into()
                },
            }]
        );
        // "x" is export by default; the user's choice wins.
        assert_eq!(config.keymap.browse_action(press('x')), Some(Action::Quit));
        assert_eq!(config.keymap.keys(Action::Export).count(), 0);

        let text = "[keys]\nflyaway = [\"x\"]\n";
        let (config, problems) = from_text(Some((Path::new("c.toml"), text)));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].location, Some(Location { line: 2, column: 1 }));
        assert!(matches!(&problems[0].issue, ConfigIssue::Invalid(m) if m.contains("flyaway")));
        assert_eq!(config.keymap.browse_action(press('j')), Some(Action::Down));
    }
}

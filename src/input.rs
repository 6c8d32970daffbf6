//! Keys become actions here, through the effective keymap.

use crokey::KeyCombination;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Serialize};

/// What a key asks the app to do. Only `App::update` acts on it. The
/// order is the order the help lists them in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    NextPane,
    CycleStatus,
    MarkAnswered,
    Search,
    NextOpen,
    PreviousOpen,
    Filter,
    EditAnswer,
    EditExternal,
    EditAssignee,
    EditDue,
    /// A new record where the cursor is.
    Create,
    /// A new motion.
    CreateMotion,
    /// The form of the question: its number and text.
    EditQuestion,
    MoveUp,
    MoveDown,
    Delete,
    /// A motion's state: active, withdrawn, postponed, done.
    CycleState,
    /// Put a motion on an agenda item of its session, or take it off.
    PlaceOnItem,
    /// Move a motion to another session.
    MoveToSession,
    /// Number the agenda items or questions 1, 2, 3 … in their order.
    Renumber,
    /// A letter (file or pasted text) into a new motion.
    Import,
    /// Sessions and papers from the council information system (OParl).
    PullOparl,
    /// Share the data folder through git (commit, fetch, merge, push).
    Sync,
    /// The history of the question: who changed what, when.
    History,
    Export,
    Undo,
    Redo,
    Reload,
    Problems,
    /// Every question still to answer, by department.
    Worklist,
    Help,
    /// Back to the shell; `fg` returns (Unix).
    Suspend,
    Quit,
    // While typing (finder, editors): keys that steer instead of typing.
    /// Take what is typed or chosen.
    Accept,
    /// Close without taking it.
    Cancel,
    /// The previous hit or suggestion.
    Previous,
    /// The next hit or suggestion.
    Next,
    /// Take the suggestion shown (at the end of what is typed).
    Complete,
    DeleteWord,
    /// Keep the answer being written.
    Save,
    /// Yes, keep it (when asked).
    Keep,
    /// No, throw it away (when asked).
    Discard,
}

/// Where an action's keys are configured: `[keys]` while browsing,
/// `[text_keys]` while typing, where every other key is text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Browse,
    Text,
}

impl Action {
    /// Every action, in the order the help lists them.
    pub fn all() -> impl Iterator<Item = Action> {
        <Action as strum::IntoEnumIterator>::iter()
    }

    /// Which part of the keymap holds this action's keys.
    pub fn section(self) -> Section {
        use Action::*;
        match self {
            Accept | Cancel | Previous | Next | Complete | DeleteWord | Save | Keep | Discard => {
                Section::Text
            }
            _ => Section::Browse,
        }
    }

    /// The actions of one section, in order.
    pub fn of(section: Section) -> impl Iterator<Item = Action> {
        Action::all().filter(move |a| a.section() == section)
    }
}

/// Where the keys go, and so which actions mean something: the screens
/// (browse), or the overlay on top of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Browse,
    Help,
    FilterMenu,
    Offer,
    Finder,
    Answer,
    /// Asked whether to keep an answer.
    Confirm,
    /// A one-line field: who answers, or by when.
    Line,
    /// A record's form.
    Form,
    /// Asked before deleting.
    Ask,
    /// Choosing one of a list: an agenda item, a session.
    Choose,
}

impl Context {
    /// Whether keys that are no action are typed as text here.
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Context::Finder | Context::Answer | Context::Line | Context::Form
        )
    }
}

/// Which keys trigger which action.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: Vec<(KeyCombination, Action)>,
}

impl Keymap {
    /// A keymap from (key name, action) pairs; names as in `config/config.toml`.
    pub fn new(bindings: Vec<(KeyCombination, Action)>) -> Keymap {
        let bindings = bindings.into_iter().map(|(k, a)| (normal(k), a)).collect();
        Keymap { bindings }
    }

    /// The action a key press asks for among `allowed` (the actions that
    /// mean something where the keys go now), if any.
    pub fn action(&self, key: KeyEvent, allowed: &[Action]) -> Option<Action> {
        let pressed = normal(KeyCombination::from(key));
        self.bindings
            .iter()
            .find(|(k, a)| *k == pressed && allowed.contains(a))
            .map(|(_, a)| *a)
    }

    /// The action a key asks for while browsing, if any.
    pub fn browse_action(&self, key: KeyEvent) -> Option<Action> {
        let browse: Vec<Action> = Action::of(Section::Browse).collect();
        self.action(key, &browse)
    }

    /// The keys bound to an action, in the order configured.
    pub fn keys(&self, action: Action) -> impl Iterator<Item = KeyCombination> + '_ {
        self.bindings
            .iter()
            .filter(move |(_, a)| *a == action)
            .map(|(k, _)| *k)
    }

    /// The first key of an action as shown to people, for short hints.
    pub fn first_label(&self, action: Action, words: &KeyWords) -> Option<String> {
        self.keys(action).next().map(|k| key_name(k, words))
    }

    /// The first key of an action for a sentence ("press F5"); a dash when
    /// the user left the action without a key.
    pub fn name(&self, action: Action, words: &KeyWords) -> String {
        self.first_label(action, words)
            .unwrap_or_else(|| "–".to_string())
    }

    /// The keys of an action as shown to people: "j/↓", "Enter".
    pub fn label(&self, action: Action, words: &KeyWords) -> String {
        let keys: Vec<String> = self.keys(action).map(|k| key_name(k, words)).collect();
        keys.join("/")
    }
}

/// Parses one key name such as "ctrl-r", "shift-g" or "?".
pub fn parse_key(name: &str) -> Result<KeyCombination, String> {
    crokey::parse(name)
        .map(normal)
        .map_err(|_| name.to_string())
}

/// Terminals differ on whether "?" comes with Shift; for signs Shift is
/// part of the character, so it is dropped on both sides of a comparison.
fn normal(key: KeyCombination) -> KeyCombination {
    let key = key.normalized();
    match key.codes {
        crokey::OneToThree::One(KeyCode::Char(c)) if !c.is_alphabetic() => {
            KeyCombination::one_key(KeyCode::Char(c), key.modifiers - KeyModifiers::SHIFT)
        }
        _ => key,
    }
}

/// The names of keys as a language writes them: what the keyboards of
/// its users have printed on them ("Strg", "Bild↓", "Entf" in German).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyWords {
    pub space: &'static str,
    pub ctrl: &'static str,
    pub page_up: &'static str,
    pub page_down: &'static str,
    pub home: &'static str,
    pub end: &'static str,
    pub delete: &'static str,
}

impl KeyWords {
    /// As English keyboards label them.
    pub const EN: KeyWords = KeyWords {
        space: "Space",
        ctrl: "Ctrl",
        page_up: "PgUp",
        page_down: "PgDn",
        home: "Home",
        end: "End",
        delete: "Del",
    };
}

fn key_name(key: KeyCombination, words: &KeyWords) -> String {
    let crokey::OneToThree::One(code) = key.codes else {
        return key.to_string();
    };
    let mut prefix = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        prefix.push_str(words.ctrl);
        prefix.push('-');
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        prefix.push_str("Alt-");
    }
    let name = match code {
        KeyCode::Char(' ') => words.space.to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "⌫".into(),
        KeyCode::PageUp => words.page_up.into(),
        KeyCode::PageDown => words.page_down.into(),
        KeyCode::Home => words.home.into(),
        KeyCode::End => words.end.into(),
        KeyCode::Delete => words.delete.into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other}"),
    };
    format!("{prefix}{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn keymap() -> Keymap {
        let pairs = [
            ("j", Action::Down),
            ("down", Action::Down),
            ("shift-g", Action::Bottom),
            ("?", Action::Help),
            ("ctrl-c", Action::Quit),
            ("space", Action::CycleStatus),
        ];
        Keymap::new(
            pairs
                .iter()
                .map(|(k, a)| (parse_key(k).unwrap(), *a))
                .collect(),
        )
    }

    #[test]
    fn keys_map_to_actions() {
        let map = keymap();
        let none = KeyModifiers::NONE;
        assert_eq!(
            map.browse_action(press(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(
            map.browse_action(press(KeyCode::Down, none)),
            Some(Action::Down)
        );
        assert_eq!(
            map.browse_action(press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(map.browse_action(press(KeyCode::Char('g'), none)), None);
        assert_eq!(
            map.browse_action(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(map.browse_action(press(KeyCode::Char('c'), none)), None);
        assert_eq!(
            map.browse_action(press(KeyCode::Char(' '), none)),
            Some(Action::CycleStatus)
        );
    }

    #[test]
    fn signs_match_with_or_without_shift() {
        let map = keymap();
        for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            assert_eq!(
                map.browse_action(press(KeyCode::Char('?'), modifiers)),
                Some(Action::Help)
            );
        }
    }

    #[test]
    fn labels_read_as_people_say_them() {
        let map = keymap();
        let en = KeyWords::EN;
        assert_eq!(map.label(Action::Down, &en), "j/↓");
        assert_eq!(map.label(Action::Bottom, &en), "G");
        assert_eq!(map.label(Action::Quit, &en), "Ctrl-c");
        let de = KeyWords {
            space: "Leertaste",
            ctrl: "Strg",
            ..en
        };
        assert_eq!(map.label(Action::CycleStatus, &de), "Leertaste");
        assert_eq!(map.label(Action::Quit, &de), "Strg-c");
    }
}

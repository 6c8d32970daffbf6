//! Keys become actions here, through the effective keymap.

use crokey::KeyCombination;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Serialize};

/// What a key asks the app to do. Only `App::update` acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
    Reload,
    Problems,
    Search,
    NextOpen,
    PreviousOpen,
    Filter,
    EditAnswer,
    EditExternal,
    EditAssignee,
    EditDue,
    Export,
    Undo,
    Redo,
    Help,
    Quit,
}

impl Action {
    /// Every action, in the order the help lists them.
    pub const ALL: [Action; 26] = [
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::Back,
        Action::NextPane,
        Action::CycleStatus,
        Action::MarkAnswered,
        Action::Search,
        Action::NextOpen,
        Action::PreviousOpen,
        Action::Filter,
        Action::EditAnswer,
        Action::EditExternal,
        Action::EditAssignee,
        Action::EditDue,
        Action::Export,
        Action::Undo,
        Action::Redo,
        Action::Reload,
        Action::Problems,
        Action::Help,
        Action::Quit,
    ];
}

/// A key while typing a search: text goes into the query, a few keys steer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKey {
    Char(char),
    Backspace,
    DeleteWord,
    Up,
    Down,
    Accept,
    Cancel,
}

/// What a key does while typing. Fixed, so that every letter can be typed.
pub fn text_key(key: KeyEvent) -> Option<TextKey> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Esc => TextKey::Cancel,
        KeyCode::Enter => TextKey::Accept,
        KeyCode::Up | KeyCode::BackTab => TextKey::Up,
        KeyCode::Down | KeyCode::Tab => TextKey::Down,
        KeyCode::Backspace => TextKey::Backspace,
        KeyCode::Char('p') if ctrl => TextKey::Up,
        KeyCode::Char('n') if ctrl => TextKey::Down,
        KeyCode::Char('w') if ctrl => TextKey::DeleteWord,
        KeyCode::Char('c') if ctrl => TextKey::Cancel,
        KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => TextKey::Char(c),
        _ => return None,
    })
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

    /// The action a key press asks for, if any.
    pub fn action(&self, key: KeyEvent) -> Option<Action> {
        let pressed = normal(KeyCombination::from(key));
        self.bindings
            .iter()
            .find(|(k, _)| *k == pressed)
            .map(|(_, a)| *a)
    }

    /// The keys bound to an action, in the order configured.
    pub fn keys(&self, action: Action) -> impl Iterator<Item = KeyCombination> + '_ {
        self.bindings
            .iter()
            .filter(move |(_, a)| *a == action)
            .map(|(k, _)| *k)
    }

    /// The first key of an action as shown to people, for short hints.
    pub fn first_label(&self, action: Action, space: &str) -> Option<String> {
        self.keys(action).next().map(|k| key_name(k, space))
    }

    /// The keys of an action as shown to people: "j/↓", "Enter".
    pub fn label(&self, action: Action, space: &str) -> String {
        let keys: Vec<String> = self.keys(action).map(|k| key_name(k, space)).collect();
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

fn key_name(key: KeyCombination, space: &str) -> String {
    let crokey::OneToThree::One(code) = key.codes else {
        return key.to_string();
    };
    let mut prefix = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        prefix.push_str("Ctrl-");
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        prefix.push_str("Alt-");
    }
    let name = match code {
        KeyCode::Char(' ') => space.to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
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
            map.action(press(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(map.action(press(KeyCode::Down, none)), Some(Action::Down));
        assert_eq!(
            map.action(press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(map.action(press(KeyCode::Char('g'), none)), None);
        assert_eq!(
            map.action(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(map.action(press(KeyCode::Char('c'), none)), None);
        assert_eq!(
            map.action(press(KeyCode::Char(' '), none)),
            Some(Action::CycleStatus)
        );
    }

    #[test]
    fn signs_match_with_or_without_shift() {
        let map = keymap();
        for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            assert_eq!(
                map.action(press(KeyCode::Char('?'), modifiers)),
                Some(Action::Help)
            );
        }
    }

    #[test]
    fn labels_read_as_people_say_them() {
        let map = keymap();
        assert_eq!(map.label(Action::Down, "Space"), "j/↓");
        assert_eq!(map.label(Action::Bottom, "Space"), "G");
        assert_eq!(map.label(Action::Quit, "Space"), "Ctrl-c");
        assert_eq!(map.label(Action::CycleStatus, "Leertaste"), "Leertaste");
    }
}

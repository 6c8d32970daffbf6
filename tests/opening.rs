//! Opening in steps: the sessions show first, keys move meanwhile, what
//! changes data waits, and the whole folder takes over when it is read.

use std::time::{Duration, SystemTime};

use agenda::app::{Effect, Msg, Note, Screen};
use agenda::i18n::Lang;
use agenda::input::Action;

use crate::common::{self, screen, step};

#[test]
fn sessions_first_then_everything_nothing_changed_meanwhile() {
    let dir = common::example();
    let past = SystemTime::now() - Duration::from_secs(3600);
    for path in [common::KIM, "sitzungen/soz-2022-09-07.toml"] {
        let file = std::fs::File::options()
            .write(true)
            .open(dir.path().join(path))
            .unwrap();
        file.set_modified(past).unwrap();
    }
    let cache = tempfile::tempdir().unwrap();
    let file = agenda::store::cache::file_for(cache.path(), dir.path());
    agenda::store::cache::load(dir.path(), &file, &Default::default());
    let first = agenda::store::first(dir.path(), &file).unwrap();

    let mut app = common::app(dir.path());
    app.loaded = first;
    app.open_in_steps();
    let lines = screen(&mut app, Lang::De);
    assert!(lines.iter().any(|l| l.contains("07.09.2022")), "{lines:#?}");
    assert!(lines.iter().any(|l| l.contains('…')), "no counts yet");
    assert!(lines.iter().any(|l| l.contains("Anträge werden geladen")));

    // Looking works; changing waits, and says why.
    step(&mut app, Action::Open);
    assert!(matches!(app.place().screen, Screen::Session(_)));
    step(&mut app, Action::Back);
    step(&mut app, Action::Create);
    assert!(app.overlay.is_none());
    assert!(matches!(app.note, Some(Note::StillOpening)));
    // A change by someone else is looked at once everything is read.
    let effects = step(&mut app, Msg::FilesChanged(vec![common::KIM.into()]));
    assert!(effects.is_empty(), "{effects:?}");

    let full = agenda::store::load(dir.path());
    let effects = agenda::runtime::dispatch(
        &mut app,
        Msg::Opened(Box::new(full)),
        &mut agenda::runtime::Headless::default(),
    );
    assert!(!app.is_opening());
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::CheckChanged(p) if p == &[std::path::PathBuf::from(common::KIM)])),
        "{effects:?}"
    );
    let lines = screen(&mut app, Lang::De);
    assert!(lines.iter().any(|l| l.contains("0/3")), "{lines:#?}");
    assert!(!lines.iter().any(|l| l.contains("geladen")));
    step(&mut app, Action::Create);
    assert!(app.overlay.is_some(), "now a new session can be made");
}

//! The store writes every kind of change: new files, removed files, tables
//! inserted, removed and moved; each byte-exact elsewhere, each refused
//! when the file is not as loaded.

use crate::common;

use agenda::edit::{Change, FileChange, Owner, TableArray, TableChange};
use agenda::store::{self, SaveError};
use common::{contents, data_dir, stamp};

const SESSION: &str = "# Sitzung\n[session]\nid = \"s\"\ncommittee = \"A\"\ndate = 2022-09-07\n\n# erster\n[[agenda]]\nnumber = \"1\"\ntitle = \"Eins\"\n\n[[agenda]]\nnumber = \"2\"\ntitle = \"Zwei\"\n";

fn fingerprint(dir: &std::path::Path, path: &str) -> Option<u64> {
    std::fs::read(dir.join(path))
        .ok()
        .map(|b| store::fingerprint(&b))
}

fn table(before: Option<(usize, &str)>, after: Option<(usize, &str)>) -> Change {
    Change::Table(TableChange {
        owner: Owner::Session("s".into()),
        array: TableArray::Agenda,
        before: before.map(|(i, t)| (i, t.to_string())),
        after: after.map(|(i, t)| (i, t.to_string())),
    })
}

fn write(dir: &std::path::Path, path: &str, change: &Change) -> Result<Option<u64>, SaveError> {
    let print = fingerprint(dir, path);
    let at = stamp("tester", "2022-09-01T10:00:00");
    store::write(dir, path.as_ref(), print, std::slice::from_ref(change), &at)
}

#[test]
fn a_new_file_is_created_and_its_inverse_removes_it() {
    let dir = data_dir(&[]);
    let text = "[motion]\nid = \"neu\"\nkind = \"Anfrage\"\ntitle = \"Neu\"\n";
    let create = Change::File(FileChange {
        path: "antraege/neu.toml".into(),
        before: None,
        after: Some(text.into()),
    });
    let print = write(dir.path(), "antraege/neu.toml", &create).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("antraege/neu.toml")).unwrap(),
        text
    );
    assert_eq!(print, fingerprint(dir.path(), "antraege/neu.toml"));
    // Creating it again is refused: the file is there now.
    let again = store::write(
        dir.path(),
        "antraege/neu.toml".as_ref(),
        None,
        std::slice::from_ref(&create),
        &stamp("tester", "2022-09-01T10:00:00"),
    );
    assert!(matches!(again, Err(SaveError::ChangedOnDisk)));
    let removed = write(dir.path(), "antraege/neu.toml", &create.inverse()).unwrap();
    assert_eq!(removed, None);
    // Only the folder's lock is left.
    let left: Vec<_> = contents(dir.path()).into_keys().collect();
    assert_eq!(left, [std::path::PathBuf::from(".agenda.lock")]);
}

#[test]
fn tables_are_inserted_moved_and_removed_leaving_the_rest_as_written() {
    let dir = data_dir(&[("s.toml", SESSION.as_bytes())]);
    let new = "number = \"1.1\"\ntitle = \"Neu\"\n";
    write(dir.path(), "s.toml", &table(None, Some((1, new)))).unwrap();
    let text = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert_eq!(
        text,
        "# Sitzung\n[session]\nid = \"s\"\ncommittee = \"A\"\ndate = 2022-09-07\n\n# erster\n[[agenda]]\nnumber = \"1\"\ntitle = \"Eins\"\n\n[[agenda]]\nnumber = \"1.1\"\ntitle = \"Neu\"\n\n[[agenda]]\nnumber = \"2\"\ntitle = \"Zwei\"\n"
    );
    let loaded = store::load(dir.path());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let numbers: Vec<&str> = loaded.data.sessions[0]
        .agenda
        .iter()
        .map(|a| a.number.as_str())
        .collect();
    assert_eq!(numbers, ["1", "1.1", "2"]);

    // The first item moves to the end, with its comment.
    let first = "number = \"1\"\ntitle = \"Eins\"\n";
    write(
        dir.path(),
        "s.toml",
        &table(Some((0, first)), Some((2, first))),
    )
    .unwrap();
    let text = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert!(
        text.ends_with("# erster\n[[agenda]]\nnumber = \"1\"\ntitle = \"Eins\"\n"),
        "{text}"
    );

    // Removing and inserting back restores the first layout, byte for byte.
    write(dir.path(), "s.toml", &table(Some((0, new)), None)).unwrap();
    write(
        dir.path(),
        "s.toml",
        &table(Some((1, first)), Some((0, first))),
    )
    .unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("s.toml")).unwrap(),
        SESSION
    );
}

#[test]
fn a_table_that_is_not_the_one_described_is_left_alone() {
    let dir = data_dir(&[("s.toml", SESSION.as_bytes())]);
    let before = contents(dir.path());
    let wrong = table(Some((0, "number = \"9\"\ntitle = \"Neun\"\n")), None);
    assert!(matches!(
        write(dir.path(), "s.toml", &wrong),
        Err(SaveError::QuestionGone)
    ));
    assert_eq!(contents(dir.path()), before);
}

//! Motion letters as text become motion fields: see [`parse`].
//!
//! Reading goes in steps, each in a file of its own: `lines` cleans the
//! text, `signatures` finds the closing block, `layout` tells head from
//! body, `form` reads the labelled cells of the head, and `fields` asks the
//! modules named for each field. Nothing here panics on any input: text is
//! only cut where a search found a boundary.

mod addressee;
mod body;
mod committee;
mod dates;
mod fields;
mod form;
mod groups;
mod kind;
mod layout;
mod lines;
mod lists;
mod sections;
mod signatures;
mod title;

use chrono::NaiveDate;

use crate::model::Signatory;

/// What a letter says, as far as it could be read. A field not found stays empty: never invented.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letter {
    /// "Antrag", "Anfrage", "Große Anfrage", "Änderungsantrag", "Prüfauftrag", …
    pub kind: Option<String>,
    /// The rule invoked, in short form: "§ 9 GeschO", "§ 50 Abs. 2 HGO", "§ 24 GO NRW".
    pub basis: Option<String>,
    pub title: Option<String>,
    /// The letter's date ("Datum:", "Eingang:", a date line near the top), not the session's.
    pub submitted: Option<NaiveDate>,
    /// Groups as short names: "CDU", "BÜNDNIS 90/DIE GRÜNEN", "DIE LINKE.".
    pub submitters: Vec<String>,
    pub signatories: Vec<Signatory>,
    /// One line: "Herrn Bürgermeister Steffen Mues, Universitätsstadt Siegen".
    pub addressee: Option<String>,
    /// The council's paper number: "2026/0528", "F0071/20".
    pub reference: Option<String>,
    /// The committee the letter is for, in the nominative.
    pub committee: Option<String>,
    pub session_date: Option<NaiveDate>,
    /// The Beschlussvorschlag without its questions; paragraphs apart by a blank line.
    pub proposal: Option<String>,
    /// The Begründung, labelled or found after the questions.
    pub rationale: Option<String>,
    /// (number as written: "1", "1.1", "a"; bullets count "1", "2", …; one-line text).
    pub questions: Vec<(String, String)>,
    /// Schema keys of fields the parser was unsure of ("title", "kind", "submitters", …), for the app to mark.
    /// Committee and session date count as "session".
    pub unsure: Vec<&'static str>,
}

/// Reads a motion letter's text (from a PDF, a web page or a document).
pub fn parse(text: &str) -> Letter {
    fields::read(text)
}
